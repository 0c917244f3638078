/*
** fold.c: turn one token's bytes into its folded form.
**
** Steps, in order (each one why):
**   1. decode UTF-8 (ill-formed bytes read as U+FFFD);
**   2. map every apostrophe form to U+0027 (before NFKC, which would turn
**      U+00B4 into a space and a combining accent), and U+2010/U+2011 to -;
**   3. repair look-alike letters: Latin a/e/o/p/c/x/y/i/... inside a
**      Cyrillic word become Cyrillic, and the reverse, when the word's other
**      letters say which script it is;
**   4. note uk/ru marker letters (і ї є ґ / ы э ё ъ) before anything folds
**      them away;
**   5. NFKC casefold (ICU), with a fast path for ASCII (_ @ . in words such
**      as foo_bar or e.g too) and basic Cyrillic,
**      where NFKC_Casefold is a plain case shift (tests/unit/test_fold.c
**      checks the fast path against ICU for every code point it covers);
**   6. delete stress marks (U+0301, U+0300) and ALA-LC's tie bars (U+0361,
**      U+0360: i͡a is ia), and read ё as е; й and ї stay as they are: the
**      match key needs them.
** NFKC_Casefold already deletes soft hyphens, ZWJ/ZWNJ, ZWSP and U+FEFF.
*/
#include <string.h>
#include <unicode/unorm2.h>

#include "chars.h"
#include "fold.h"
#include "utf8.h"

static inline int is_lat(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
           (c >= 0x1E00 && c <= 0x1EFF);
}

/* Every apostrophe form, and the sign marks of romanisations, read as U+0027. */
static int is_apostrophe(uint32_t c)
{
    return tn_is_apostrophe(c) || tn_is_sign_mark(c);
}

/*
** Look-alike pairs (Latin, Cyrillic), both cases.  Only letters that look
** the same in common fonts; Latin i/I stands for Ukrainian і/І.
*/
static const uint32_t homoglyphs[][2] = {
    {'A', 0x410}, {'B', 0x412}, {'C', 0x421}, {'E', 0x415}, {'H', 0x41D},
    {'I', 0x406}, {'K', 0x41A}, {'M', 0x41C}, {'O', 0x41E}, {'P', 0x420},
    {'T', 0x422}, {'X', 0x425}, {'Y', 0x423}, {'a', 0x430}, {'c', 0x441},
    {'e', 0x435}, {'i', 0x456}, {'o', 0x43E}, {'p', 0x440}, {'x', 0x445},
    {'y', 0x443}, {0xCF, 0x407}, {0xEF, 0x457}, {0xCB, 0x401}, {0xEB, 0x451},
    {'k', 0x43A},
};
#define N_HOMOGLYPHS (sizeof homoglyphs / sizeof homoglyphs[0])

/* The other script's look-alike of c (col 0: Latin, 1: Cyrillic), or 0. */
static uint32_t lookalike(uint32_t c, int from)
{
    size_t i;
    for (i = 0; i < N_HOMOGLYPHS; i++)
        if (homoglyphs[i][from] == c)
            return homoglyphs[i][!from];
    return 0;
}

static void repair_homoglyphs(uint32_t *cps, size_t n)
{
    size_t i, cyr = 0, lat = 0, cyr_amb = 0, lat_amb = 0;
    for (i = 0; i < n; i++) {
        if (tn_is_cyrillic(cps[i])) {
            if (lookalike(cps[i], 1)) cyr_amb++; else cyr++;
        } else if (is_lat(cps[i])) {
            if (lookalike(cps[i], 0)) lat_amb++; else lat++;
        }
    }
    if (!(cyr + cyr_amb) || !(lat + lat_amb))
        return;                    /* one script only: nothing to repair */
    if (cyr && lat)
        return;                    /* really mixed: leave it */
    /* The script with letters of its own wins; with none, the majority. */
    if (cyr || (!lat && cyr_amb >= lat_amb)) {
        for (i = 0; i < n; i++)
            if (is_lat(cps[i]) && lookalike(cps[i], 0))
                cps[i] = lookalike(cps[i], 0);
    } else {
        for (i = 0; i < n; i++)
            if (tn_is_cyrillic(cps[i]) && lookalike(cps[i], 1))
                cps[i] = lookalike(cps[i], 1);
    }
}

/*
** Where NFKC_Casefold is a plain case shift (or identity), return the
** folded code point; otherwise return 0 (the caller then asks ICU).
*/
static uint32_t fast_fold(uint32_t c)
{
    if (c < 0x80)                    /* NFKC_Casefold changes only A-Z in ASCII */
        return c >= 'A' && c <= 'Z' ? c + 32 : c;     /* (NUL: 0, left to ICU) */
    if (c >= 0x410 && c <= 0x42F) return c + 32;
    if (c >= 0x430 && c <= 0x44F) return c;
    if (c >= 0x400 && c <= 0x40F && c != 0x400 && c != 0x40D) return c + 80;
    if (c >= 0x450 && c <= 0x45F && c != 0x450 && c != 0x45D) return c;
    if (c == 0x490 || c == 0x491) return 0x491;
    return 0;
}

/* The full ICU path for tokens the fast path does not cover. */
static int icu_fold(tn_fold *f, tn_scratch_bufs *sb)
{
    UErrorCode e = U_ZERO_ERROR;
    const UNormalizer2 *nf = unorm2_getNFKCCasefoldInstance(&e);
    size_t i, n16 = 0;
    int32_t out_n;
    if (U_FAILURE(e))
        return TOPONORM_EICU;
    if (tn_u16_reserve(sb, f->n * 2 + 1))
        return TOPONORM_ENOMEM;
    for (i = 0; i < f->n; i++) {
        uint32_t c = f->cps[i];
        if (c >= 0x10000) {
            sb->u16_in[n16++] = (UChar)(0xD7C0 + (c >> 10));
            sb->u16_in[n16++] = (UChar)(0xDC00 | (c & 0x3FF));
        } else {
            sb->u16_in[n16++] = (UChar)c;
        }
    }
    out_n = unorm2_normalize(nf, sb->u16_in, (int32_t)n16, sb->u16_out,
                             (int32_t)sb->u16_cap, &e);
    if (e == U_BUFFER_OVERFLOW_ERROR) {
        e = U_ZERO_ERROR;
        if (tn_u16_reserve(sb, (size_t)out_n + 1))
            return TOPONORM_ENOMEM;
        out_n = unorm2_normalize(nf, sb->u16_in, (int32_t)n16, sb->u16_out,
                                 (int32_t)sb->u16_cap, &e);
    }
    if (U_FAILURE(e))
        return TOPONORM_EICU;
    if (tn_cps_reserve(f, (size_t)out_n))
        return TOPONORM_ENOMEM;
    f->n = 0;
    for (i = 0; i < (size_t)out_n; i++) {
        uint32_t c = sb->u16_out[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < (size_t)out_n) {
            c = 0x10000 + ((c - 0xD800) << 10) + (sb->u16_out[i + 1] - 0xDC00);
            i++;
        }
        f->cps[f->n++] = c;
    }
    return 0;
}

int tn_fold_token(tn_fold *f, tn_scratch_bufs *sb, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, used, k, j;
    int need_icu = 0, rc, has_cyr = 0, has_lat = 0;
    char *o;
    unsigned uk = 0, ru = 0;

    if (tn_cps_reserve(f, len))
        return TOPONORM_ENOMEM;
    f->n = 0;
    while (i < len) {
        uint32_t c;
        /* The scripts seen; every apostrophe form as '; hyphens as - (one
        ** spelling for compounds).  By length: ASCII has only ` to map,
        ** two bytes only ´ ʹ ʺ ʻ ʼ, which are no letters. */
        if (p[i] < 0x80) {
            c = p[i++];
            if (c == '`')
                c = '\'';
            else if (c >= 'A' && is_lat(c))
                has_lat = 1;
        } else if (p[i] >= 0xC2 && p[i] <= 0xDF && i + 1 < len && (p[i + 1] & 0xC0) == 0x80) {
            c = (uint32_t)(p[i] & 0x1F) << 6 | (p[i + 1] & 0x3F);   /* Cyrillic and Latin-1..Ext-B */
            i += 2;
            if (tn_is_cyrillic(c))
                has_cyr = 1;
            else if (is_lat(c))
                has_lat = 1;
            else if (is_apostrophe(c))
                c = '\'';
        } else {
            c = tn_utf8_decode(p + i, len - i, &used);
            i += used;
            if (tn_is_cyrillic(c))
                has_cyr = 1;
            else if (is_lat(c))
                has_lat = 1;
            if (is_apostrophe(c))
                c = '\'';
            else if (tn_is_hyphen(c))
                c = '-';
        }
        f->cps[f->n++] = c;
    }
    if (has_cyr && has_lat)          /* only a two-script word can need repair */
        repair_homoglyphs(f->cps, f->n);
    /* uk/ru marker letters, after the repair (Latin i in Марiуполь is і);
    ** and the fast case fold while no letter needs ICU. */
    for (k = 0; k < f->n; k++) {
        uint32_t c = f->cps[k];
        switch (c) {
        case 0x456: case 0x406: case 0x457: case 0x407: case 0x454: case 0x404:
        case 0x491: case 0x490: uk++; break;
        case 0x44B: case 0x42B: case 0x44D: case 0x42D: case 0x451: case 0x401:
        case 0x44A: case 0x42A: ru++; break;
        }
        if (!need_icu) {
            if ((c = fast_fold(c)) != 0)
                f->cps[k] = c;
            else
                need_icu = 1;
        }
    }
    if (need_icu && (rc = icu_fold(f, sb)) != 0)
        return rc;

    /* Stress marks go; ё reads as е; count letters; pick the script; the
    ** surface term, UTF-8. */
    f->surface.n = 0;
    if (tn_buf_reserve(&f->surface, f->n * 4))
        return TOPONORM_ENOMEM;
    o = f->surface.p;
    f->letters = f->cyr = f->lat = f->digits = 0;
    f->n_yo = 0;
    for (k = j = 0; k < f->n; k++) {
        uint32_t c = f->cps[k];
        if (c == 0x301 || c == 0x300 || c == 0x361 || c == 0x360)
            continue;                /* stress marks; ALA-LC tie bars (z͡h = zh) */
        if (c == 0x451 && f->n_yo < 8)
            f->yo_at[f->n_yo++] = j;  /* the key also reads it as ё (Артём = Artiom) */
        if (c == 0x451 || c == 0x450) c = 0x435;
        else if (c == 0x45D) c = 0x438;
        if (tn_is_cyrillic(c)) f->cyr++;
        else if (is_lat(c)) f->lat++;
        else if (c >= '0' && c <= '9') f->digits++;
        f->cps[j++] = c;
        if (c < 0x80) {
            *o++ = (char)c;
        } else if (c < 0x800) {
            o[0] = (char)(0xC0 | (c >> 6));
            o[1] = (char)(0x80 | (c & 0x3F));
            o += 2;
        } else {
            o += tn_utf8_encode(c, o);
        }
    }
    f->surface.n = (size_t)(o - f->surface.p);
    f->surface.p[f->surface.n] = '\0';
    f->n = j;
    f->letters = f->cyr + f->lat;
    f->script = f->cyr && f->lat ? TOPONORM_SCRIPT_MIXED :
                f->cyr ? TOPONORM_SCRIPT_CYRILLIC :
                f->lat ? TOPONORM_SCRIPT_LATIN :
                f->digits ? TOPONORM_SCRIPT_NUMBER : TOPONORM_SCRIPT_OTHER;
    f->lang = f->script == TOPONORM_SCRIPT_LATIN ? TOPONORM_LANG_EN :
              uk && !ru ? TOPONORM_LANG_UK :
              ru && !uk ? TOPONORM_LANG_RU : TOPONORM_LANG_UNKNOWN;
    return 0;
}
