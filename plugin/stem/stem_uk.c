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
** the longest wins.  Lengths in bytes, counted by the compiler. */
#define E(s) {s, sizeof s - 1}
static const struct ending {
    const char *s;
    size_t n;
} endings[] = {
    /* adjectives, pronominal */
    E("ими"), E("іми"), E("ого"), E("ому"), E("ього"), E("ьому"), E("ий"), E("ій"), E("ої"),
    E("ою"), E("им"), E("ім"), E("их"), E("іх"), E("ая"), E("яя"), E("ее"), E("єє"),
    /* nouns */
    E("ами"), E("ями"), E("ові"), E("еві"), E("єві"), E("ах"), E("ях"), E("ом"), E("ем"),
    E("єм"), E("ів"), E("їв"), E("ей"), E("ею"), E("єю"), E("ам"), E("ям"), E("а"), E("я"),
    E("у"), E("ю"), E("і"), E("ї"), E("о"), E("е"), E("є"), E("и"), E("ь"),
    /* verbs */
    E("ати"), E("яти"), E("ити"), E("іти"), E("ути"), E("увати"), E("ювати"), E("ував"),
    E("ював"), E("ала"), E("ало"), E("али"), E("ила"), E("ило"), E("или"), E("ить"), E("ать"),
    E("ять"), E("ють"), E("ують"), E("ає"), E("ює"), E("уть"), E("ємо"), E("имо"), E("емо"),
    E("ете"), E("ите"), E("ав"), E("ив"), E("ів"),
};
#undef E

static size_t letters(const char *s, size_t n)
{
    size_t i, k = 0;
    for (i = 0; i < n; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

static int ends(const char *w, size_t n, const char *suf, size_t k)
{
    /* Every ending ends in a two-byte letter: compare it before the rest. */
    return n >= k && w[n - 1] == suf[k - 1] && w[n - 2] == suf[k - 2] &&
           memcmp(w + n - k, suf, k - 2) == 0;
}

size_t tn_stem_uk(const char *w, size_t n)
{
    size_t best = 0, i, k;
    if (ends(w, n, "ся", 4) || ends(w, n, "сь", 4))
        n -= 4;
    for (i = 0; i < sizeof endings / sizeof endings[0]; i++) {
        k = endings[i].n;
        if (k > best && ends(w, n, endings[i].s, k) && letters(w, n - k) >= 3)
            best = k;
    }
    return n - best;
}
