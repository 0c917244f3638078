/*
** stem_uk.c: a light Ukrainian stemmer for the stem term of ordinary words
** (Snowball has none).  It strips one inflectional ending, the longest that
** leaves a stem of at least three letters, after a reflexive -ся/-сь; no
** derivational suffixes, so it conflates the case forms of one word and
** little else (книга, книги, книгою -> книг; читати, читав -> чит).
** Place names never reach it: their forms stem to the name (places.c).
*/
#include <string.h>

#include "stem.h"

/* Longest first within the list is not needed: every match is tried and
** the longest wins. */
static const char *const endings[] = {
    /* adjectives, pronominal */
    "ими", "іми", "ого", "ому", "ього", "ьому", "ий", "ій", "ої", "ою", "им", "ім", "их", "іх",
    "ая", "яя", "ее", "єє",
    /* nouns */
    "ами", "ями", "ові", "еві", "єві", "ах", "ях", "ом", "ем", "єм", "ів", "їв", "ей", "ею",
    "єю", "ам", "ям", "а", "я", "у", "ю", "і", "ї", "о", "е", "є", "и", "ь",
    /* verbs */
    "ати", "яти", "ити", "іти", "ути", "увати", "ювати", "ував", "ював", "ала", "ало", "али",
    "ила", "ило", "или", "ить", "ать", "ять", "ють", "ують", "ає", "ює", "уть", "ємо", "имо",
    "емо", "ете", "ите", "ав", "ив", "ів",
    NULL
};

static size_t letters(const char *s, size_t n)
{
    size_t i, k = 0;
    for (i = 0; i < n; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

static int ends(const char *w, size_t n, const char *suf, size_t k)
{
    return n >= k && memcmp(w + n - k, suf, k) == 0;
}

size_t tn_stem_uk(const char *w, size_t n)
{
    size_t best = 0, i, k;
    if (ends(w, n, "ся", 4) || ends(w, n, "сь", 4))
        n -= 4;
    for (i = 0; endings[i]; i++) {
        k = strlen(endings[i]);
        if (k > best && ends(w, n, endings[i], k) && letters(w, n - k) >= 3)
            best = k;
    }
    return n - best;
}
