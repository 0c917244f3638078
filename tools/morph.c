/*
** morph.c: what the Ukrainian and Russian paradigm generators share.
*/
#include <string.h>
#include <strings.h>

#include "lexfmt.h"
#include "morph.h"

int morph_ends(const char *w, const char *suf)
{
    size_t n = strlen(w), k = strlen(suf);
    return n >= k && memcmp(w + n - k, suf, k) == 0;
}

char *morph_stem(char *buf, size_t cap, const char *w, size_t cut)
{
    size_t n = strlen(w);
    if (cut > n || n - cut + 1 > cap)
        return NULL;
    memcpy(buf, w, n - cut);
    buf[n - cut] = '\0';
    return buf;
}

void morph_emit(const morph_out *o, const char *w, size_t cut, const char *const *endings)
{
    char stem[256], form[300];
    size_t i;
    if (!morph_stem(stem, sizeof stem, w, cut))
        return;
    for (i = 0; endings[i]; i++) {
        if (strlen(stem) + strlen(endings[i]) + 1 > sizeof form)
            continue;
        strcpy(form, stem);
        strcat(form, endings[i]);
        if (strcmp(form, w) != 0)
            o->cb(o->ctx, form, o->flags);
    }
}

int morph_alternate(char *stem, const char *from, const char *to)
{
    /* The vowel must stand in the last syllable: only consonants after it. */
    static const char *const vowels[] = {"а", "е", "є", "и", "і", "ї", "о", "у", "ю", "я",
                                         "ы", "э", "ё", NULL};
    size_t n = strlen(stem), fl = strlen(from), i, k;
    if (fl != strlen(to) || n < fl)
        return 0;
    for (i = n - fl + 1; i-- > 0;) {
        if (memcmp(stem + i, from, fl) == 0) {
            if (i == 0)
                return 0;          /* the word's first letter: no alternation */
            memcpy(stem + i, to, fl);
            return 1;
        }
        for (k = 0; vowels[k]; k++)
            if (strncmp(stem + i, vowels[k], strlen(vowels[k])) == 0)
                return 0;          /* another vowel came first */
    }
    return 0;
}

size_t morph_letters(const char *w)
{
    size_t n = 0;
    for (; *w; w++)
        n += ((unsigned char)*w & 0xC0) != 0x80;
    return n;
}

int morph_is_particle(const char *w)
{
    static const char *const p[] = {"на", "над", "під", "под", "при", "у", "в", "де", "ла",
                                    "ле", "сюр", "ам", "on", "upon", NULL};
    size_t i;
    for (i = 0; p[i]; i++)
        if (strcasecmp(w, p[i]) == 0)
            return 1;
    return 0;
}

static int is_cyrillic_word(const char *w)
{
    /* Cyrillic letters are U+0400..U+04FF: lead bytes 0xD0..0xD3 */
    const unsigned char *p = (const unsigned char *)w;
    int cyr = 0;
    for (; *p; p++) {
        if (*p >= 0xD0 && *p <= 0xD3)
            cyr = 1;
        else if (*p < 0x80 && ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z'))
            return 0;
    }
    return cyr;
}

void morph_word(const char *lang, const char *word, int wi, int nw, morph_cb cb, void *ctx)
{
    morph_out o = {cb, ctx, TN_POSTF_FORM};
    if (morph_letters(word) < 3 || morph_is_particle(word) || !is_cyrillic_word(word))
        return;
    if (strcmp(lang, "uk") == 0)
        morph_uk_word(&o, word, wi, nw);
    else if (strcmp(lang, "ru") == 0)
        morph_ru_word(&o, word, wi, nw);
}

int morph_is_adjective(const char *lang, const char *w)
{
    static const char *const uk[] = {"ська", "цька", "зька", "ий", "ій", "не", "ське", NULL};
    static const char *const ru[] = {"ская", "цкая", "ий", "ый", "ой", "ая", "яя", "ое", NULL};
    const char *const *e = strcmp(lang, "uk") == 0 ? uk : strcmp(lang, "ru") == 0 ? ru : NULL;
    size_t i;
    for (i = 0; e && e[i]; i++)
        if (morph_ends(w, e[i]))
            return 1;
    return 0;
}

void morph_adjectives(const char *lang, const char *word, morph_cb cb, void *ctx)
{
    morph_out o = {cb, ctx, TN_POSTF_ADJ | TN_POSTF_FORM};
    if (morph_letters(word) < 4 || !is_cyrillic_word(word))
        return;
    if (strcmp(lang, "uk") == 0)
        morph_uk_adjectives(&o, word);
    else if (strcmp(lang, "ru") == 0)
        morph_ru_adjectives(&o, word);
}

/* The lower-case form of a capitalised Cyrillic word (first letter only). */
void morph_lower_first(char *w)
{
    unsigned char *p = (unsigned char *)w;
    unsigned cp;
    if (p[0] < 0xC0 || (p[1] & 0xC0) != 0x80)
        return;
    cp = (unsigned)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
    if (cp >= 0x410 && cp <= 0x42F)
        cp += 0x20;
    else if (cp >= 0x400 && cp <= 0x40F)
        cp += 0x50;
    else if (cp == 0x490)
        cp = 0x491;
    else
        return;
    p[0] = (unsigned char)(0xC0 | cp >> 6);
    p[1] = (unsigned char)(0x80 | (cp & 0x3F));
}
