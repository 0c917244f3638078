/*
** lexfmt.h: the compiled lexicon file format, shared by the compiler
** (tools/lexc.c) and the loader (lexicon.c).
**
** Layout (all integers little-endian u32 unless noted):
**
**   header   64 bytes   magic "TOPONLEX", format, header size, file size,
**                       CRC-32 of the whole file (this field read as zero),
**                       table count, offsets/counts of the table and rule
**                       arrays and of the string pool, offset and length of
**                       the data version string, count/offset of samples
**   tables   32 bytes each: name, kind, script, first rule, rule count,
**                       attributes ("key=value ..." from the source header)
**   rules    28 bytes each: source, target, before-set, after-set strings
**                       (offset into the pool + u16 length) and context bits
**   samples  24 bytes each: table index, source line, input and expected
**                       strings (offset + u16 length) of a table's @sample lines
**   strings  NUL-terminated UTF-8, referenced by offset
**
** The loader checks every offset and length against the file size before it
** trusts one, so a truncated or foreign file is an error, never a crash.
*/
#ifndef TN_LEXFMT_H
#define TN_LEXFMT_H

#include <stddef.h>
#include <stdint.h>

#define TN_LEX_MAGIC       "TOPONLEX"
#define TN_LEX_FORMAT      1u
#define TN_LEX_HEADER_SIZE 64u
#define TN_LEX_TABLE_SIZE  32u
#define TN_LEX_RULE_SIZE   28u
#define TN_LEX_SAMPLE_SIZE 24u

/* Header field offsets. */
#define TN_H_FORMAT      8
#define TN_H_HSIZE      12
#define TN_H_FSIZE      16
#define TN_H_CRC        20
#define TN_H_NTABLES    24
#define TN_H_TABLES     28
#define TN_H_NRULES     32
#define TN_H_RULES      36
#define TN_H_STRINGS    40
#define TN_H_NSTRINGS   44
#define TN_H_VERSION    48   /* string offset of the data version */
#define TN_H_VERSLEN    52   /* its length in bytes */
#define TN_H_NSAMPLES   56   /* count of sample records */
#define TN_H_SAMPLES    60   /* offset of the sample array */

/* Table kinds. */
#define TN_KIND_KEY      1u  /* match-key table: Cyrillic or one Latin reading */
#define TN_KIND_TRANSLIT 2u  /* a transliteration standard */
#define TN_KIND_KEYBASE  3u  /* rules other key tables build on (base=); not a reading */

/* Scripts a table reads. */
#define TN_SCRIPT_CYRL 1u
#define TN_SCRIPT_LATN 2u

/* Rule context bits. */
#define TN_CTX_INITIAL    0x01u  /* the match starts the word */
#define TN_CTX_NONINITIAL 0x02u  /* the match does not start the word */
#define TN_CTX_FINAL      0x04u  /* the match ends the word */
#define TN_CTX_NONFINAL   0x08u  /* the match does not end the word */
#define TN_CTX_BEFORE     0x10u  /* the next letter is in the before-set */
#define TN_CTX_AFTER      0x20u  /* the previous letter is in the after-set */
#define TN_CTX_NOTBEFORE  0x40u  /* the next letter is not in the before-set (or none) */
#define TN_CTX_NOTAFTER   0x80u  /* the previous letter is not in the after-set (or none) */
#define TN_CTX_ALL        0xFFu

static inline uint32_t tn_rd32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline uint16_t tn_rd16(const unsigned char *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

static inline void tn_wr32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v; p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16); p[3] = (unsigned char)(v >> 24);
}

static inline void tn_wr16(unsigned char *p, uint16_t v)
{
    p[0] = (unsigned char)v; p[1] = (unsigned char)(v >> 8);
}

/*
** CRC-32 (IEEE 802.3, reflected), as zlib computes it; c starts at 0.
** Slicing by 4 (four tables, a 32-bit word per step): the library checks
** the whole lexicon at every open, and a command's start-up pays for it.
*/
static inline uint32_t tn_crc32_update(uint32_t c, const unsigned char *p, size_t n)
{
    uint32_t table[4][256], x;
    unsigned i, k;
    for (i = 0; i < 256; i++) {
        x = i;
        for (k = 0; k < 8; k++)
            x = x & 1 ? 0xEDB88320u ^ (x >> 1) : x >> 1;
        table[0][i] = x;
    }
    for (i = 0; i < 256; i++)
        for (k = 1; k < 4; k++)
            table[k][i] = (table[k - 1][i] >> 8) ^ table[0][table[k - 1][i] & 0xFF];
    c ^= 0xFFFFFFFFu;
    for (; n >= 4; n -= 4, p += 4) {
        c ^= (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
        c = table[3][c & 0xFF] ^ table[2][(c >> 8) & 0xFF] ^ table[1][(c >> 16) & 0xFF] ^
            table[0][c >> 24];
    }
    while (n--)
        c = table[0][(c ^ *p++) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

/*
** The checksum of a whole lexicon image: every byte, header included, with
** the 4 bytes of the CRC field itself read as zero.  So no header field
** (counts, offsets, the data version) can change unnoticed.
*/
static inline uint32_t tn_lex_crc(const unsigned char *img, size_t size)
{
    static const unsigned char zero[4] = {0, 0, 0, 0};
    uint32_t c = tn_crc32_update(0, img, TN_H_CRC);
    c = tn_crc32_update(c, zero, 4);
    return tn_crc32_update(c, img + TN_H_CRC + 4, size - TN_H_CRC - 4);
}

#endif
