/*
** sphx_word.c: toponorm terms as Sphinx words (see sphx_word.h).
*/
#include <string.h>

#include "toponorm/toponorm.h"
#include "sphx_word.h"

size_t tn_sphx_chars(const char *s, size_t len)
{
    size_t i, n = 0;
    for (i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

/* Longest prefix of s[0..len) that ends on a codepoint boundary and fits
** both Sphinx limits. */
static size_t cut(const char *s, size_t len)
{
    size_t i, chars = 0, end = 0;
    for (i = 0; i <= len; i++) {
        if (i == len || ((unsigned char)s[i] & 0xC0) != 0x80) {
            if (i > TN_SPHX_WORD_BYTES)
                break;
            end = i;                          /* a boundary that fits */
            if (i == len || chars == TN_SPHX_WORD_CHARS)
                break;
            chars++;
        }
    }
    return end;
}

/* "xk"/"xp" + payload with the q-escapes; at most TN_SPHX_WORD_BYTES. */
static size_t encode(const char *prefix, const char *text, size_t len, char *out)
{
    static const char hex[] = "0123456789abcdef";
    size_t i, n = strlen(prefix);
    memcpy(out, prefix, n);
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c - 'A' + 'a');
        if (((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) && c != 'q') {
            if (n + 1 > TN_SPHX_WORD_CHARS)
                break;
            out[n++] = (char)c;
        } else {
            if (n + 3 > TN_SPHX_WORD_CHARS)
                break;
            out[n++] = 'q';
            out[n++] = hex[c >> 4];
            out[n++] = hex[c & 15];
        }
    }
    out[n] = '\0';
    return n;
}

size_t tn_sphx_word(int kind, const char *text, size_t len, char *out)
{
    size_t n;
    out[0] = '\0';
    if (len == 0)
        return 0;
    switch (kind) {
    case TOPONORM_TERM_SURFACE:
    case TOPONORM_TERM_STEM:
        n = cut(text, len);
        memcpy(out, text, n);
        out[n] = '\0';
        return n;
    case TOPONORM_TERM_KEY:
        return encode("xk", text, len, out);
    case TOPONORM_TERM_PLACE:
        return encode("xp", text, len, out);
    }
    return 0;
}
