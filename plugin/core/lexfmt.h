/*
** lexfmt.h: the compiled lexicon file format, shared by the compiler
** (tools/lexc.c) and the loader (lexicon.c).
**
** Layout (all integers little-endian u32 unless noted):
**
**   header   80 bytes   magic "TOPONLEX", format, header size, file size,
**                       checksum of the whole file (this field read as zero;
**                       XXH3-64, low 32 bits: tn_lex_sum, format 3),
**                       table count, offsets/counts of the table and rule
**                       arrays and of the string pool, offset and length of
**                       the data version string, count/offset of samples,
**                       offset and size of the places section (0 0: none)
**   tables   32 bytes each: name, kind, script, first rule, rule count,
**                       attributes ("key=value ..." from the source header)
**   rules    28 bytes each: source, target, before-set, after-set strings
**                       (offset into the pool + u16 length) and context bits
**   samples  24 bytes each: table index, source line, input and expected
**                       strings (offset + u16 length) of a table's @sample lines
**   places   the gazetteer (format 2): a 48-byte section header, then
**            places   32 bytes each, sorted by id: id, display name, region
**                     (a place index or none), population, kind, country,
**                     its names (first index, count)
**            names    24 bytes each, grouped by place: the name as written,
**                     language, type, year, source
**            slots    u32 each, a power of two: open-addressing hash table
**                     over the lookup strings (FNV-1a, linear probing),
**                     entry index + 1, 0 = empty
**            tags     u8 per slot (format 4): 0 for an empty slot, else
**                     tn_place_tag of the string's hash
**            entries  12 bytes each: lookup string ("=" and the folded
**                     spelling of a name form, or a match key of it) and
**                     its postings (first, count)
**            postings 16 bytes each: this string is word `wi` of `nw` of
**                     group `group` (a multi-word name form; none for one
**                     word) naming `place`; flags; the word's lemma
**   strings  NUL-terminated UTF-8, referenced by offset
**
** The loader checks every offset and length against the file size before it
** trusts one, so a truncated or foreign file is an error, never a crash.
*/
#ifndef TN_LEXFMT_H
#define TN_LEXFMT_H

#include <stddef.h>
#include <stdint.h>
#define XXH_STATIC_LINKING_ONLY  /* XXH3_state_t on the stack */
#include <xxhash.h>

#define TN_LEX_MAGIC       "TOPONLEX"
#define TN_LEX_FORMAT      4u
#define TN_LEX_HEADER_SIZE 80u
#define TN_LEX_TABLE_SIZE  32u
#define TN_LEX_RULE_SIZE   28u
#define TN_LEX_SAMPLE_SIZE 24u

/* Header field offsets. */
#define TN_H_FORMAT      8
#define TN_H_HSIZE      12
#define TN_H_FSIZE      16
#define TN_H_SUM        20
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
#define TN_H_PLACES     64   /* offset of the places section, 0: none */
#define TN_H_PLACESLEN  68   /* its size in bytes */
                             /* 72..79 reserved, zero */

/* The places section header: counts and offsets (from the file start). */
#define TN_P_HEADER_SIZE 48u
#define TN_P_NPLACES   0
#define TN_P_PLACES    4
#define TN_P_NNAMES    8
#define TN_P_NAMES    12
#define TN_P_NSLOTS   16     /* a power of two */
#define TN_P_SLOTS    20
#define TN_P_NENTRIES 24
#define TN_P_ENTRIES  28
#define TN_P_NPOST    32
#define TN_P_POST     36
#define TN_P_NGROUPS  40     /* multi-word name forms (group ids < this) */
#define TN_P_TAGS     44     /* offset of the slot tags (format 4): u8 per slot */

#define TN_PLACE_SIZE 32u    /* id, id_len16|name_len16, name, region, population,
                                first_name, n_names, kind8 country[2] pad8 */
#define TN_NAME_SIZE  24u    /* place, name, source, name_len16 source_len16,
                                year16 lang8 type8, reserved */
#define TN_ENTRY_SIZE 12u    /* string, len16 npost16, first_post */
#define TN_POST_SIZE  16u    /* place, group, lemma, lemma_len8 wi8 nw8 flags8 */
#define TN_NO_INDEX   0xFFFFFFFFu

/* Posting layout: 0 place, 4 group (TN_NO_INDEX: a one-word name), 8 lemma
** string (the folded name word this form inflects; the stem term of place
** words), 12 its length u8, 13 wi u8, 14 nw u8, 15 flags (TN_POSTF_*). */
#define TN_POSTF_ADJ     0x01u  /* an adjective derived from the place (lower case is fine) */
#define TN_POSTF_AMBIG   0x02u  /* also an ordinary word: a place only when capitalised
                                   mid-sentence (ambiguous.tsv policy `capital`) */
#define TN_POSTF_NEVER   0x04u  /* also an ordinary word: never a place on its own
                                   (policy `never`); multi-word names still match */
#define TN_POSTF_FORM    0x08u  /* an inflected form, not the name as written */
#define TN_POSTF_REGION  0x10u  /* a region form (Донецька область, Donbas) */
#define TN_POSTF_KEY     0x20u  /* reached through the match key, not the spelling: a
                                   romanisation no name in the files spells */
#define TN_POSTF_XLANG   0x40u  /* with KEY: a Cyrillic name of a place that lacks one in
                                   the other language (Изюм, no uk name): Cyrillic
                                   words of that language meet it by key (Ізюма) */
#define TN_POSTF_ALL     0x7Fu

/* Place kinds, name languages and name types as stored. */
#define TN_PK_CITY    1u
#define TN_PK_REGION  2u
#define TN_PK_AREA    3u
#define TN_PK_COUNTRY 4u
#define TN_PK_MAX     4u
#define TN_NT_OFFICIAL   1u
#define TN_NT_FORMER     2u
#define TN_NT_HISTORICAL 3u
#define TN_NT_EXONYM     4u
#define TN_NT_REGION     5u
#define TN_NT_VARIANT    6u
#define TN_NT_MAX        6u
#define TN_NL_MAX        7u     /* 0 "-", 1 uk, 2 ru, 3 en, 4 de, 5 pl, 6 fr, 7 be */

/* (functions, not arrays: a static array in a header warns where unused) */
static inline const char *const *tn_place_kind_names(void)
{
    static const char *const a[] = {"", "city", "region", "area", "country"};
    return a;
}
static inline const char *const *tn_name_type_names(void)
{
    static const char *const a[] = {"", "official", "former", "historical", "exonym",
                                    "region-form", "variant"};
    return a;
}
static inline const char *const *tn_name_lang_names(void)
{
    static const char *const a[] = {"-", "uk", "ru", "en", "de", "pl", "fr", "be"};
    return a;
}
#define tn_place_kinds (tn_place_kind_names())
#define tn_name_types  (tn_name_type_names())
#define tn_name_langs  (tn_name_lang_names())

/* The hash of a lookup string: FNV-1a, 32 bits (compiler and loader agree). */
static inline uint32_t tn_place_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    while (n--)
        h = (h ^ (unsigned char)*s++) * 16777619u;
    return h;
}

/*
** The tag of a used hash slot: 0x80 and 7 bits of the string's hash that a
** table of up to 2^25 slots does not index by.  A lookup compares tags (one
** byte per slot, a small array) before it reads a slot and its entry, so
** that a string no place has (nearly every word of a text) mostly costs no
** read of the large arrays.
*/
static inline uint8_t tn_place_tag(uint32_t h)
{
    return (uint8_t)(0x80u | h >> 25);
}

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
** The checksum of a whole lexicon image: XXH3-64 (libxxhash) of every byte,
** header included, with the 4 bytes of the checksum field itself read as
** zero, truncated to its low 32 bits.  So no header field (counts, offsets,
** the data version) can change unnoticed.  XXH3 rather than CRC-32: every
** command's start-up checks the whole file, gazetteer included, and XXH3
** costs a small fraction of an instruction a byte where CRC-32 took four.
*/
static inline uint32_t tn_lex_sum(const unsigned char *img, size_t size)
{
    static const unsigned char zero[4] = {0, 0, 0, 0};
    XXH3_state_t st;

    XXH3_INITSTATE(&st);
    XXH3_64bits_reset(&st);
    XXH3_64bits_update(&st, img, TN_H_SUM);
    XXH3_64bits_update(&st, zero, 4);
    XXH3_64bits_update(&st, img + TN_H_SUM + 4, size - TN_H_SUM - 4);
    return (uint32_t)XXH3_64bits_digest(&st);
}

#endif
