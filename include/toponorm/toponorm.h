/*
** toponorm.h: the public API of libtoponorm.
**
** UTF-8 text goes in; tokens come out, each with its index terms emitted at
** one position: the folded surface form, the match key(s) that every
** romanisation of the same Cyrillic spelling shares, and a stem.  Search
** engines index these terms and analyze queries with the same analyzer, so a
** query in any spelling finds documents written in any other.
**
** Objects and their lifetimes:
**
**   toponorm_lexicon   a compiled lexicon file, mapped read-only.  Immutable;
**                      any number of threads may share it.
**   toponorm_analyzer  the analysis settings over one lexicon.  Immutable
**                      once made; any number of threads may share it.  It
**                      borrows the lexicon, which must outlive it.
**   toponorm_scratch   per-thread working memory (ICU break iterator,
**                      stemmers, buffers, a small key cache).  One thread at a
**                      time; make one per thread.  It borrows the analyzer.
**
** Every constructor has a destructor; destructors accept NULL.  Functions
** that can fail return 0 (TOPONORM_OK) or a negative TOPONORM_E* code, and
** fill a caller-owned toponorm_error when one is passed (it may be NULL).
** The library keeps no mutable global state.
**
** Versions: TOPONORM_VERSION is the API's semantic version; the shared
** library's ABI is versioned by libtool; each compiled lexicon carries its
** own data version (toponorm_lexicon_data_version).
*/
#ifndef TOPONORM_H
#define TOPONORM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TOPONORM_VERSION_MAJOR 0
#define TOPONORM_VERSION_MINOR 1
#define TOPONORM_VERSION_PATCH 0
#define TOPONORM_VERSION "0.1.0"

/* Status codes.  Negative values are errors. */
#define TOPONORM_OK        0
#define TOPONORM_ENOMEM   -1  /* out of memory */
#define TOPONORM_EINVAL   -2  /* a bad argument (NULL handle, unknown flag) */
#define TOPONORM_EIO      -3  /* a file could not be opened, read or mapped */
#define TOPONORM_EFORMAT  -4  /* a lexicon file is truncated, corrupt or foreign */
#define TOPONORM_EVERSION -5  /* a lexicon written in an unsupported format version */
#define TOPONORM_EICU     -6  /* ICU reported an error */
#define TOPONORM_ESYNTAX  -7  /* a lexicon source file has a syntax error */

/*
** Error details, owned by the caller (usually on its stack).  Functions that
** fail fill it when it is not NULL: code, a message, and for data errors the
** file (where) and line (1-based; 0 when no line applies).
*/
typedef struct toponorm_error {
    int  code;
    int  line;
    char where[256];
    char msg[256];
} toponorm_error;

/* Term kinds. */
#define TOPONORM_TERM_SURFACE 1  /* the folded spelling: exact matches stay exact */
#define TOPONORM_TERM_KEY     2  /* a match key: shared by every romanisation */
#define TOPONORM_TERM_PLACE   3  /* a gazetteer place id */
#define TOPONORM_TERM_STEM    4  /* a language-aware stem */

/* Language guesses and hints. */
#define TOPONORM_LANG_UNKNOWN 0
#define TOPONORM_LANG_UK      1
#define TOPONORM_LANG_RU      2
#define TOPONORM_LANG_EN      3

/* Scripts of a token (after look-alike letters are repaired). */
#define TOPONORM_SCRIPT_OTHER    0
#define TOPONORM_SCRIPT_CYRILLIC 1
#define TOPONORM_SCRIPT_LATIN    2
#define TOPONORM_SCRIPT_MIXED    3  /* Cyrillic and Latin letters that are not look-alikes */
#define TOPONORM_SCRIPT_NUMBER   4

/* Term flags. */
#define TOPONORM_TERM_COLOCATED 0x1u  /* same position as the previous term */
#define TOPONORM_TERM_COMPOUND  0x2u  /* a term of the joined form of a hyphenated
                                         compound (Івано-Франківськ), emitted at
                                         the position of its first part */

/*
** One term, as passed to the callback.  Everything it points to is owned by
** the library and valid only during the callback.
*/
typedef struct toponorm_term {
    const char *text;      /* UTF-8, NUL-terminated, no engine prefix */
    size_t      len;       /* bytes in text, without the NUL */
    int         kind;      /* TOPONORM_TERM_* */
    unsigned    flags;     /* TOPONORM_TERM_COLOCATED, _COMPOUND */
    uint32_t    position;  /* token position, counting from 1 */
    size_t      start;     /* byte offset of the token in the input */
    size_t      end;       /* byte offset just past the token */
    uint32_t    token;     /* ordinal of the token in this text, from 0 */
    int         lang;      /* TOPONORM_LANG_* guess for the token */
    int         script;    /* TOPONORM_SCRIPT_* of the token */
} toponorm_term;

/*
** The term callback.  Return 0 to go on; any other value stops analysis and
** toponorm_analyze returns that value unchanged.
*/
typedef int (*toponorm_term_cb)(void *ctx, const toponorm_term *term);

/*
** Analyzer options.  Call toponorm_options_init() first, then set fields;
** `size` lets later versions append fields without breaking callers.
*/
typedef struct toponorm_options {
    uint32_t size;        /* sizeof(toponorm_options), set by _init */
    unsigned kinds;       /* bit (1 << TOPONORM_TERM_*) per kind to emit; 0 = all */
    int      min_key_len; /* letters a token needs before it gets a key (default 3) */
    uint32_t cache_slots; /* token cache entries per scratch, a multiple of 4; 0 means
                             none.  Default 65536 (~8.3 MB per scratch, touched as it
                             fills): hosts that make many scratches may want fewer. */
} toponorm_options;

/* Fill opt with the defaults. */
void toponorm_options_init(toponorm_options *opt);

/* Analysis flags for toponorm_analyze. */
#define TOPONORM_FOR_INDEX 0x0u   /* analyze a document (the default) */
#define TOPONORM_FOR_QUERY 0x1u   /* analyze a query */
/* A language hint for Cyrillic tokens whose letters do not say uk or ru. */
#define TOPONORM_HINT_UK   0x10u
#define TOPONORM_HINT_RU   0x20u
#define TOPONORM_HINT_EN   0x40u
/*
** For a document: give the match key only to words that can be names, those
** with a capital first letter (Donetsk, ДОНЕЦЬК) or spelled like a known
** place in any case (донецьку, kyiv).  Ordinary lower-case words keep their
** surface and stem.  A query is analyzed in full either way, so any spelling
** still finds the names; what is lost is a romanised common word finding its
** Cyrillic original (vijna / війна), which `toponorm index` keeps through
** a vocabulary of keys (cli/vocab.c).  Engines index about 30% fewer terms
** (20 MB corpus: 1.64 instead of 2.37 per word).
*/
#define TOPONORM_KEYS_FOR_NAMES 0x2u

/*
** The lexicon file used when toponorm_lexicon_open() is given NULL: the
** TOPONORM_LEXICON environment variable when it is set and not empty, else
** the installed one ($(pkgdatadir)/toponorm.lex).  The returned string is
** static or from the environment; do not free it.
*/
const char *toponorm_default_lexicon_path(void);

/* Opaque handles. */
typedef struct toponorm_lexicon  toponorm_lexicon;
typedef struct toponorm_analyzer toponorm_analyzer;
typedef struct toponorm_scratch  toponorm_scratch;

/*
** Map and validate a compiled lexicon (magic, format version, size,
** checksum, every offset).  path NULL means toponorm_default_lexicon_path().
** On success *out owns the mapping until toponorm_lexicon_close(); on
** failure *out is NULL and err names the file.  A truncated or foreign file
** yields TOPONORM_EFORMAT, never a crash.  Thread-safe.
*/
int toponorm_lexicon_open(const char *path, toponorm_lexicon **out,
                          toponorm_error *err);

/* Unmap a lexicon.  NULL is fine.  No analyzer over it may be used after. */
void toponorm_lexicon_close(toponorm_lexicon *lx);

/* The data version recorded in the lexicon by its compiler (a static string
** owned by the lexicon, valid until it is closed). */
const char *toponorm_lexicon_data_version(const toponorm_lexicon *lx);

/*
** Make an analyzer over lx with options opt (NULL: defaults).  The analyzer
** borrows lx, which must stay open while the analyzer lives.  The analyzer
** is immutable: share it between threads freely.
*/
int toponorm_analyzer_new(const toponorm_lexicon *lx,
                          const toponorm_options *opt,
                          toponorm_analyzer **out, toponorm_error *err);

/* Free an analyzer.  NULL is fine.  Free its scratch objects first. */
void toponorm_analyzer_free(toponorm_analyzer *an);

/*
** Make per-thread working memory for an.  It borrows an.  Use one scratch
** from one thread at a time; it may move between threads between calls.
*/
int toponorm_scratch_new(const toponorm_analyzer *an, toponorm_scratch **out,
                         toponorm_error *err);

/* Free a scratch object.  NULL is fine. */
void toponorm_scratch_free(toponorm_scratch *sc);

/*
** Analyze len bytes of UTF-8 text (NUL bytes allowed: they separate words)
** and call cb once per term, in order: per token, its surface term first,
** then its other terms flagged TOPONORM_TERM_COLOCATED.  flags is
** TOPONORM_FOR_INDEX or TOPONORM_FOR_QUERY, optionally ORed with one
** TOPONORM_HINT_* and, for a document, TOPONORM_KEYS_FOR_NAMES.
**
** Invalid UTF-8 never stops analysis: each ill-formed sequence (stray
** continuation bytes, overlong forms, encoded surrogates, values above
** U+10FFFF, truncated sequences) reads as U+FFFD, which is not a letter and
** so separates words; offsets still index the original bytes.  A token
** longer than 240 bytes (a base64 blob, a megabyte "word") gets no terms,
** since no engine indexes terms that long, but it still takes a position so
** phrases do not match across it.  Time is linear in len.
**
** Returns 0, a negative TOPONORM_E* code, or the callback's non-zero value.
*/
int toponorm_analyze(const toponorm_analyzer *an, toponorm_scratch *sc,
                     const char *text, size_t len, unsigned flags,
                     toponorm_term_cb cb, void *ctx);

/*
** A long text read in pieces (a stream, a file bigger than memory should
** hold): where the analysis has got to.  Zero it before the first piece.
*/
typedef struct toponorm_cursor {
    uint32_t position;     /* the last position used; 0 before any */
    uint32_t token;        /* tokens emitted so far */
    size_t   offset;       /* bytes of the text before the next piece */
} toponorm_cursor;

/*
** Where text[0..len) can be cut so that analyzing the two parts one after
** the other (toponorm_analyze_from) gives the terms, positions and offsets
** analyzing it whole gives: just after a line break that follows
** punctuation (. , ; : ! ? ) ] " » …), the last one in the second half of
** the text.  Failing that, just after the last line break, where a name
** written over two lines would not be found as one.  0 when text has no
** line break.
*/
size_t toponorm_cut(const char *text, size_t len);

/*
** toponorm_analyze for the next piece of a text: positions go on from
** cur->position, token ordinals from cur->token, offsets count from
** cur->offset (so they index the whole text).  On success cur is moved past
** the piece; on failure it is left as it was.  Cut pieces with
** toponorm_cut.
*/
int toponorm_analyze_from(const toponorm_analyzer *an, toponorm_scratch *sc,
                          const char *text, size_t len, unsigned flags,
                          toponorm_cursor *cur, toponorm_term_cb cb, void *ctx);

/*
** A token and its terms, for toponorm_analyze_tokens.  The terms are
** packed one after another (walk them with toponorm_token_term): each is
** its kind (one byte, TOPONORM_TERM_*), its length (one byte; 255 means
** the next two bytes hold it, little-endian), its bytes and a NUL; so a
** cached token's terms are handed over as the cache holds them, with no
** copy.  Everything here is owned by the library and valid only during
** the callback.
*/
typedef struct toponorm_token {
    const unsigned char *terms;
    size_t      n_terms;   /* at least 1 */
    unsigned    flags;     /* of the first term (TOPONORM_TERM_COLOCATED,
                              _COMPOUND); the others are colocated, and
                              compound with it */
    uint32_t    position;  /* as in toponorm_term */
    size_t      start;
    size_t      end;
    uint32_t    token;
    int         lang;
    int         script;
} toponorm_token;

/* The term at p in a token's terms: its kind, text (NUL-terminated) and
** length; returns where the next one starts. */
static inline const unsigned char *toponorm_token_term(const unsigned char *p, int *kind,
                                                       const char **text, size_t *len)
{
    size_t n = p[1], at = 2;
    if (n == 255) {
        n = (size_t)p[2] | (size_t)p[3] << 8;
        at = 4;
    }
    *kind = p[0];
    *text = (const char *)p + at;
    *len = n;
    return p + at + n + 1;
}

/* The token callback: 0 to go on, like toponorm_term_cb. */
typedef int (*toponorm_token_cb)(void *ctx, const toponorm_token *token);

/*
** toponorm_analyze_from with one call per token instead of one per term:
** the same terms in the same order, a token's surface, keys and stem
** together, and a word's place terms in a call of their own after them
** (same token ordinal and position).  For hosts that write or store a
** token's terms at once, with one call a token and no copy of what the
** token cache holds: the CLI's text output takes 4% fewer instructions
** this way on the benchmark corpus.
*/
int toponorm_analyze_tokens(const toponorm_analyzer *an, toponorm_scratch *sc,
                            const char *text, size_t len, unsigned flags,
                            toponorm_cursor *cur, toponorm_token_cb cb, void *ctx);

/*
** Transliteration tables (lexicons/translit/): each standard is one table,
** addressed by its index 0 .. toponorm_translit_count()-1.  Strings returned
** here belong to the lexicon and live as long as it is open.  All functions
** are thread-safe: they only read the lexicon.
*/
int toponorm_translit_count(const toponorm_lexicon *lx);

/* Name of table i ("uk-kmu-2010"), or NULL when i is out of range. */
const char *toponorm_translit_name(const toponorm_lexicon *lx, int i);

/* Index of the table called name, or -1. */
int toponorm_translit_find(const toponorm_lexicon *lx, const char *name);

/*
** Copy the value of header attribute key (lang, purpose, standard, source,
** version, file, ...) of table i into buf (cap bytes, NUL-terminated);
** returns its length, or -1 when the table has no such attribute.
*/
int toponorm_translit_attr(const toponorm_lexicon *lx, int i, const char *key,
                           char *buf, size_t cap);

/*
** Transliterate len bytes of UTF-8 through table i: every Cyrillic word
** (letters, with apostrophes between letters) is rewritten, capitals kept
** (Щастя -> Shchastia, ЩАСТЯ -> SHCHASTIA); every other byte, ill-formed
** UTF-8 included, is copied unchanged.  *out gets a NUL-terminated string
** the caller frees with toponorm_free(); *out_len its length.
*/
int toponorm_translit(const toponorm_lexicon *lx, int i, const char *text, size_t len,
                      char **out, size_t *out_len);

/* Number of @sample lines of table i, and sample k of it: the input, the
** expected output and the line of the table's source file. */
int toponorm_translit_sample_count(const toponorm_lexicon *lx, int i);
int toponorm_translit_sample(const toponorm_lexicon *lx, int i, int k, const char **input,
                             const char **expected, int *line);

/*
** The gazetteer (lexicons/places/): places, each with its names.  Place i
** is 0 .. toponorm_place_count()-1, sorted by id; strings belong to the
** lexicon.  A lexicon compiled without places has none.  To find the
** places a name resolves to, analyze it (TOPONORM_FOR_QUERY) and read its
** TOPONORM_TERM_PLACE terms: each is a place id.
*/
typedef struct toponorm_place {
    const char *id;        /* "709717" (GeoNames), "UA-14" (ISO 3166-2), "x-..." */
    const char *name;      /* an English display name */
    const char *kind;      /* "city", "region", "area", "country" */
    char country[3];       /* ISO 3166-1 alpha-2 */
    int region;            /* the place index of its region, or -1 */
    long population;       /* -1 when unknown */
    int n_names;
} toponorm_place;

typedef struct toponorm_place_name {
    const char *name;      /* as written */
    const char *lang;      /* "uk" "ru" "en" "de" "pl" "fr" "be", or "-" */
    const char *type;      /* "official" "former" "historical" "exonym" "region-form" "variant" */
    int year;              /* for "former": the year it stopped being official; else 0 */
    const char *source;    /* the source tag of the data file */
} toponorm_place_name;

int toponorm_place_count(const toponorm_lexicon *lx);
/* Index of the place with this id, or -1. */
int toponorm_place_find(const toponorm_lexicon *lx, const char *id);
/* Place i; 0 or TOPONORM_EINVAL. */
int toponorm_place_info(const toponorm_lexicon *lx, int i, toponorm_place *out);
/* Name k (0 .. n_names-1) of place i; 0 or TOPONORM_EINVAL. */
int toponorm_place_get_name(const toponorm_lexicon *lx, int i, int k, toponorm_place_name *out);

/* Free memory the library returned (toponorm_translit output). NULL is fine. */
void toponorm_free(void *p);

/* The message for a status code (static; never NULL). */
const char *toponorm_strerror(int code);

/* The library's API version, TOPONORM_VERSION as compiled in. */
const char *toponorm_version(void);

/* "surface", "key", "place", "stem" (NULL for an unknown kind). */
const char *toponorm_term_kind_name(int kind);

/*
** The prefix every toponorm engine adapter puts before a term of this kind
** in its index, so the term spaces never mix: "" (surface), "XK" (key),
** "XP" (place), "Z" (stem).  Xapian's convention: upper-case prefixes, and
** folded terms never start with an upper-case letter.
*/
const char *toponorm_term_prefix(int kind);

/* "uk", "ru", "en", or "" for TOPONORM_LANG_UNKNOWN. */
const char *toponorm_lang_name(int lang);

/* TOPONORM_LANG_* for "uk", "ru", "en"; -1 for anything else. */
int toponorm_lang_from_name(const char *name);

#ifdef __cplusplus
}
#endif

#endif /* TOPONORM_H */
