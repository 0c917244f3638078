/*
** test_stem.c: the stem term's one-byte stemmers (plugin/stem/stem.c) give
** the stems Snowball's UTF-8 stemmers give.  tn_stem_word sends words of
** lower-case Russian letters through libstemmer's KOI8-R Russian stemmer
** and ASCII words through its ISO-8859-1 English one; a wrong letter in the
** KOI8-R table, or a stem not converted back, changes some stem here.
*/
#include <stdio.h>
#include <string.h>
#include <libstemmer.h>

#include "../tap.h"
#include "stem.h"
#include "toponorm/toponorm.h"

static const char ru_letters[] = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";

/* Russian word bases; each gets every letter and every pair of letters as
** an ending, which walks every suffix rule of the stemmer (and, after ""
** and a consonant, shows every letter coming back as itself or as the
** UTF-8 stemmer changes it: ё -> е). */
static const char *const ru_bases[] = {
    "стол", "красн", "работ", "город", "москв", "пут", "жизн", "хорош", "а", "",
};

static const char *const en_words[] = {
    "running", "generalizations", "happily", "cities", "kharkiv", "odessa", "caresses",
    "ponies", "sky", "news", "dying", "proceed", "exceed", "succeeding", "abc2ly",
    "don't", "o'neil", "a", "be", "x", "relational", "conditional", "valenci",
    "hopefulness", "goodness", "triplicate", "formative", "electrical", "adoption",
    "controll", "roll", "arguing", "agreed", "feed", "bled", "hoping", "sized",
};

static int same_stem(tn_stem *st, struct sb_stemmer *ref, int lang, const char *w,
                     int *checked)
{
    size_t n = strlen(w), got_n = 0;
    const char *got = tn_stem_word(st, lang, w, n, &got_n);
    const sb_symbol *want = sb_stemmer_stem(ref, (const sb_symbol *)w, (int)n);
    size_t want_n = (size_t)sb_stemmer_length(ref);
    (*checked)++;
    if (got && want && got_n == want_n && memcmp(got, want, want_n) == 0)
        return 1;
    diag("'%s': tn_stem_word '%.*s', Snowball UTF-8 '%.*s'", w, got ? (int)got_n : 6,
         got ? got : "(none)", (int)want_n, (const char *)want);
    return 0;
}

/* The i-th letter of ru_letters (two bytes each) at d. */
static char *letter(char *d, size_t i)
{
    memcpy(d, ru_letters + 2 * i, 2);
    return d + 2;
}

int main(void)
{
    tn_stem st;
    struct sb_stemmer *ru = sb_stemmer_new("russian", "UTF_8");
    struct sb_stemmer *en = sb_stemmer_new("english", "UTF_8");
    size_t nl = (sizeof ru_letters - 1) / 2, b, i, j;
    int bad = 0, checked = 0;

    memset(&st, 0, sizeof st);
    if (!ok(tn_stem_init(&st) == 0 && ru && en, "stemmers made"))
        return exit_status();
    if (!ok(st.ru_koi8 && st.en_latin1,
            "libstemmer has the KOI8-R Russian and ISO-8859-1 English stemmers"))
        return exit_status();

    bad = 0;
    for (b = 0; b < sizeof ru_bases / sizeof ru_bases[0]; b++) {
        char w[64], *e = w + strlen(ru_bases[b]);
        memcpy(w, ru_bases[b], (size_t)(e - w));
        for (i = 0; i < nl; i++) {
            char *e1 = letter(e, i);
            *e1 = '\0';
            if (*w && !same_stem(&st, ru, TOPONORM_LANG_RU, w, &checked))
                bad++;
            for (j = 0; j < nl; j++) {
                *letter(e1, j) = '\0';
                if (!same_stem(&st, ru, TOPONORM_LANG_RU, w, &checked))
                    bad++;
            }
        }
    }
    ok(bad == 0, "Russian: %d words, every letter and pair of letters after %zu bases: "
       "the UTF-8 stemmer's stems", checked, sizeof ru_bases / sizeof ru_bases[0]);

    bad = 0;
    checked = 0;
    for (i = 0; i < sizeof en_words / sizeof en_words[0]; i++)
        if (!same_stem(&st, en, TOPONORM_LANG_EN, en_words[i], &checked))
            bad++;
    /* Words with a letter the one-byte stemmers lack take the UTF-8 ones. */
    if (!same_stem(&st, ru, TOPONORM_LANG_RU, "київщина", &checked))
        bad++;
    if (!same_stem(&st, en, TOPONORM_LANG_EN, "caf\xc3\xa9s", &checked))
        bad++;
    ok(bad == 0, "English and mixed: %d words, the UTF-8 stemmers' stems", checked);

    tn_stem_free(&st);
    sb_stemmer_delete(ru);
    sb_stemmer_delete(en);
    return exit_status();
}
