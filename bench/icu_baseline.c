/*
** icu_baseline.c: the ICU baselines `make bench` compares toponorm with.
**
**   icu_baseline [--reps N] [--prefix BYTES] MODE FILE
**
** MODE is one of
**
**   wb-utf8    UBRK_WORD over a UTF-8 UText (utext_openUTF8), the way
**              toponorm's own segmenter reads its input
**   wb-utf16   u_strFromUTF8WithSub to UTF-16, then UBRK_WORD over the
**              UChars; the conversion is inside the timed region
**   translit-bgn  "uk-uk_Latn/BGN", the same way (issue 3's comparison)
**   translit   "Any-Latin; Latin-ASCII; Lower" (utrans_openU), one line
**              at a time: UTF-8 -> UTF-16, utrans_transUChars, UTF-16 ->
**              UTF-8, all inside the timed region
**   prefix     no timing: write the first BYTES of FILE, cut after the
**              last newline, to stdout (the callgrind sample)
**   version    print the ICU version and exit (FILE is not needed)
**
** --prefix BYTES first cuts FILE the same way (e.g. translit runs on the
** first 2 MB only: it is slow).  --reps N (default 1) times N passes.
**
** Reading FILE and opening the break iterator or transliterator happen
** before the clock starts; each pass is timed with
** clock_gettime(CLOCK_MONOTONIC).  One line per pass goes to stdout:
**
**   MODE BYTES SECONDS COUNT
**
** BYTES is the UTF-8 input measured, COUNT the word segments (segments
** whose rule status is not UBRK_WORD_NONE) for wb-*, or the UTF-8 bytes
** of transliterated output for translit.  The counts are printed so that
** no pass can be optimised away and so runs can be compared.
*/
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unicode/ubrk.h>
#include <unicode/uclean.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

#define TRANSLIT_ID "Any-Latin; Latin-ASCII; Lower"

static void die(const char *what, const char *detail)
{
    fprintf(stderr, "icu_baseline: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    exit(2);
}

static void die_icu(const char *what, UErrorCode e)
{
    die(what, u_errorName(e));
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Read all of path into a malloc'd buffer (one spare byte, NUL). */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    size_t cap = 1 << 20, n = 0, got;
    char *buf;
    if (!f)
        die("cannot open", path);
    if (!(buf = malloc(cap)))
        die("out of memory", NULL);
    while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (n == cap - 1) {
            char *p = realloc(buf, cap * 2);
            if (!p)
                die("out of memory", NULL);
            buf = p;
            cap *= 2;
        }
    }
    if (ferror(f))
        die("cannot read", path);
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

/*
** The length of the longest prefix of text[0..len) of at most max bytes
** that ends with a newline.  A prefix with no newline at all is cut before
** the UTF-8 sequence that straddles max instead.
*/
static size_t cut_prefix(const char *text, size_t len, size_t max)
{
    size_t n;
    if (len <= max)
        return len;
    for (n = max; n > 0; n--)
        if (text[n - 1] == '\n')
            return n;
    n = max;
    while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
        n--;
    return n;
}

/* Count word segments of the text bi is set on. */
static long count_words(UBreakIterator *bi)
{
    long words = 0;
    ubrk_first(bi);
    while (ubrk_next(bi) != UBRK_DONE)
        if (ubrk_getRuleStatus(bi) != UBRK_WORD_NONE)
            words++;
    return words;
}

/* One pass of UBRK_WORD over a UTF-8 UText. */
static long wb_utf8(UBreakIterator *bi, const char *text, size_t len)
{
    UErrorCode e = U_ZERO_ERROR;
    UText *ut = utext_openUTF8(NULL, text, (int64_t)len, &e);
    long words;
    if (U_FAILURE(e))
        die_icu("utext_openUTF8", e);
    ubrk_setUText(bi, ut, &e);
    if (U_FAILURE(e))
        die_icu("ubrk_setUText", e);
    words = count_words(bi);
    utext_close(ut);
    return words;
}

/* One pass of UTF-8 -> UTF-16 and UBRK_WORD over the UChars (u16 holds len+1). */
static long wb_utf16(UBreakIterator *bi, const char *text, size_t len, UChar *u16)
{
    UErrorCode e = U_ZERO_ERROR;
    int32_t n16 = 0;
    u_strFromUTF8WithSub(u16, (int32_t)len + 1, &n16, text, (int32_t)len, 0xFFFD, NULL, &e);
    if (U_FAILURE(e))
        die_icu("u_strFromUTF8WithSub", e);
    ubrk_setText(bi, u16, n16, &e);
    if (U_FAILURE(e))
        die_icu("ubrk_setText", e);
    return count_words(bi);
}

/* Growable work buffers for translit. */
typedef struct tl_buf {
    UChar *u;       /* the line in UTF-16, transliterated in place */
    int32_t ucap;
    char *out;      /* the result back in UTF-8 */
    int32_t ocap;
} tl_buf;

static void grow_u(tl_buf *b, int32_t need)
{
    if (need <= b->ucap)
        return;
    free(b->u);
    b->ucap = need;
    if (!(b->u = malloc((size_t)need * sizeof(UChar))))
        die("out of memory", NULL);
}

static void grow_out(tl_buf *b, int32_t need)
{
    if (need <= b->ocap)
        return;
    free(b->out);
    b->ocap = need;
    if (!(b->out = malloc((size_t)need)))
        die("out of memory", NULL);
}

/* Transliterate one line; return the UTF-8 bytes it became. */
static long translit_line(UTransliterator *tr, const char *line, int32_t len, tl_buf *b)
{
    UErrorCode e;
    int32_t n16, cap = len * 4 + 16, tlen, limit, nout = 0;
    for (;;) {
        grow_u(b, cap);
        e = U_ZERO_ERROR;
        u_strFromUTF8WithSub(b->u, b->ucap, &n16, line, len, 0xFFFD, NULL, &e);
        if (U_FAILURE(e))
            die_icu("u_strFromUTF8WithSub", e);
        tlen = limit = n16;
        utrans_transUChars(tr, b->u, &tlen, b->ucap, 0, &limit, &e);
        if (e == U_BUFFER_OVERFLOW_ERROR) {   /* grew past the buffer: redo, bigger */
            cap = tlen > cap ? tlen + 16 : cap * 2;
            continue;
        }
        if (U_FAILURE(e))
            die_icu("utrans_transUChars", e);
        break;
    }
    grow_out(b, tlen * 3 + 1);
    e = U_ZERO_ERROR;
    u_strToUTF8(b->out, b->ocap, &nout, b->u, tlen, &e);
    if (U_FAILURE(e))
        die_icu("u_strToUTF8", e);
    return nout;
}

/* One pass of translit over text, line by line. */
static long translit(UTransliterator *tr, const char *text, size_t len, tl_buf *b)
{
    const char *p = text, *end = text + len;
    long out = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *stop = nl ? nl : end;
        if (stop - p > (INT32_MAX - 16) / 4)
            die("line too long for translit", NULL);
        if (stop > p)
            out += translit_line(tr, p, (int32_t)(stop - p), b);
        out += nl != NULL;
        p = nl ? nl + 1 : end;
    }
    return out;
}

static void usage(void)
{
    fputs("usage: icu_baseline [--reps N] [--prefix BYTES] wb-utf8|wb-utf16|translit|translit-bgn|prefix FILE\n"
          "       icu_baseline version\n", stderr);
    exit(1);
}

int main(int argc, char **argv)
{
    long reps = 1, count = 0, r;
    size_t prefix = 0, len;
    const char *mode, *path;
    char *text;
    UErrorCode e = U_ZERO_ERROR;
    UBreakIterator *bi = NULL;
    UTransliterator *tr = NULL;
    UChar *u16 = NULL;
    tl_buf tb = {NULL, 0, NULL, 0};
    int i = 1;

    for (; i + 1 < argc && strncmp(argv[i], "--", 2) == 0; i += 2) {
        char *endp;
        unsigned long long v = strtoull(argv[i + 1], &endp, 10);
        if (*endp || endp == argv[i + 1])
            usage();
        if (strcmp(argv[i], "--reps") == 0 && v > 0)
            reps = (long)v;
        else if (strcmp(argv[i], "--prefix") == 0)
            prefix = (size_t)v;
        else
            usage();
    }
    if (i < argc && strcmp(argv[i], "version") == 0) {
        UVersionInfo v;
        char s[U_MAX_VERSION_STRING_LENGTH];
        u_getVersion(v);
        u_versionToString(v, s);
        printf("%s\n", s);
        return 0;
    }
    if (argc - i != 2)
        usage();
    mode = argv[i];
    path = argv[i + 1];

    text = slurp(path, &len);
    if (prefix)
        len = cut_prefix(text, len, prefix);
    if (strcmp(mode, "prefix") == 0) {
        if (fwrite(text, 1, len, stdout) != len || fflush(stdout) != 0)
            die("cannot write", "stdout");
        free(text);
        return 0;
    }

    if (strcmp(mode, "wb-utf8") == 0 || strcmp(mode, "wb-utf16") == 0) {
        bi = ubrk_open(UBRK_WORD, "", NULL, 0, &e);
        if (U_FAILURE(e))
            die_icu("ubrk_open", e);
        if (strcmp(mode, "wb-utf16") == 0) {
            if (len >= INT32_MAX)
                die("input too large for one UTF-16 string", path);
            if (!(u16 = malloc((len + 1) * sizeof(UChar))))
                die("out of memory", NULL);
        }
    } else if (strcmp(mode, "translit") == 0 || strcmp(mode, "translit-bgn") == 0) {
        UParseError pe;
        /* translit-bgn: the Ukrainian BGN/PCGN transform, the nearest thing
        ** ICU has to a Ukrainian national-standard table. */
        const char *id8 = strcmp(mode, "translit") == 0 ? TRANSLIT_ID : "uk-uk_Latn/BGN";
        UChar id[64];
        u_charsToUChars(id8, id, (int32_t)strlen(id8) + 1);
        tr = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, &pe, &e);
        if (U_FAILURE(e))
            die_icu("utrans_openU", e);
    } else {
        usage();
    }

    for (r = 0; r < reps; r++) {
        double t0 = now(), t;
        if (tr)
            count = translit(tr, text, len, &tb);
        else if (u16)
            count = wb_utf16(bi, text, len, u16);
        else
            count = wb_utf8(bi, text, len);
        t = now() - t0;
        printf("%s %zu %.6f %ld\n", mode, len, t, count);
        fflush(stdout);
    }

    if (bi)
        ubrk_close(bi);
    if (tr)
        utrans_close(tr);
    free(u16);
    free(tb.u);
    free(tb.out);
    free(text);
    u_cleanup();
    return 0;
}
