/*
** analyze.c: `toponorm analyze [--json] [--lines] [--query] [--lang L]
** [--lexicon FILE]`: text on stdin, tokens and their terms on stdout.
**
**   default   one line per token: POSITION<TAB>TEXT<TAB>kind:term ...
**   --json    one JSON object per token and line (JSON Lines):
**             {"text", "start", "end", "position", "lang"?, "terms": [{"term", "kind"}]}
**   --lines   each input line is its own text; one JSON object per line:
**             {"line": N, "tokens": [ ...as --json... ]}  (N counts from 1;
**             offsets count bytes from the start of that line)
**   --format text|json|sphinx   text and json as above; sphinx (a query,
**             implies --query) writes each input line as a Sphinx MATCH
**             expression over the index filter's words (sphinxq.c)
*/
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "jsonout.h"
#include "sphinxq.h"

typedef struct out_state {
    wbuf *out;
    const char *text;      /* the piece being analyzed, for each token's original spelling */
    size_t text_len;
    size_t base;           /* offset of text[0] in the whole input */
    int json;
    int have_token;        /* a token is open (its terms are being written) */
    uint32_t token;
    int first_token;       /* no token written yet on this --lines line */
    /* The last position written, and (pos_n > 0) its pos_n decimal digits
    ** as 8 characters, '0'-padded, the last digit in the low byte: positions
    ** mostly go up by one, and adding one to the digits in a register is
    ** cheaper than formatting the number (put_position). */
    uint32_t pos_v;
    size_t pos_n;
    uint64_t digits;
} out_state;

static void close_token(out_state *o)
{
    if (!o->have_token)
        return;
    if (o->json)
        wb_put(o->out, "]}", 2);
    o->have_token = 0;
}

/* Per kind: its text-format label and its JSON tail, written without strlen. */
typedef struct label {
    const char *text, *json;
    size_t text_n, json_n;
} label;
#define LABEL(k) {k ":", ",\"kind\":\"" k "\"}", sizeof k, sizeof k + 10}
static const label labels[] = {
    {"?:", ",\"kind\":\"?\"}", 2, 12},
    LABEL("surface"), LABEL("key"), LABEL("place"), LABEL("stem"),
};

static void put_term(out_state *o, const toponorm_term *t, int first)
{
    const label *l = &labels[t->kind >= 1 && t->kind <= 4 ? t->kind : 0];
    if (o->json) {
        if (first)
            wb_put(o->out, "{\"term\":", 8);
        else
            wb_put(o->out, ",{\"term\":", 9);
        json_string(o->out, t->text, t->len);
        wb_put(o->out, l->json, l->json_n);
    } else {
        wb_putc(o->out, first ? '\t' : ' ');
        wb_put(o->out, l->text, l->text_n);
        wb_put(o->out, t->text, t->len);
    }
}

/* The decimal digits of v at d (room for 10); their count. */
static size_t format_uint(char *d, uint32_t v)
{
    char tmp[10];
    size_t n = 0, i;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    for (i = 0; i < n; i++)
        d[i] = tmp[n - 1 - i];
    return n;
}

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/*
** Position v's digits at d (8 bytes written, room for 10); their count.
** The next position's digits come from the last one's, in a register: the
** trailing 9s (found with one xor) become 0s and the digit before them
** goes up by one.  (Incrementing digits in memory and copying them out at
** once made each token wait for its stores to reach the cache.)
*/
static inline size_t put_position(out_state *o, uint32_t v, char *d)
{
    uint64_t t = o->digits;
    if (v == o->pos_v + 1 && v < 100000000u && o->pos_n) {
        /* v - 1 < 99999999: some digit (or padding 0) is below 9 */
        int k = __builtin_ctzll(t ^ 0x3939393939393939ull) >> 3;
        uint64_t low = k ? ~0ull >> (64 - 8 * k) : 0;
        t = ((t & ~low) | (0x3030303030303030ull & low)) + (1ull << (8 * k));
        if ((size_t)k >= o->pos_n)
            o->pos_n = (size_t)k + 1;
    } else if (v < 100000000u) {
        uint32_t x = v;
        int i = 0;
        t = 0x3030303030303030ull;
        do {
            t += (uint64_t)(x % 10) << (8 * i++);
            x /= 10;
        } while (x);
        o->pos_n = (size_t)i;
    } else {
        o->pos_v = v;
        o->pos_n = 0;
        return format_uint(d, v);
    }
    o->digits = t;
    o->pos_v = v;
    t = __builtin_bswap64(t) >> (8 * (8 - o->pos_n));   /* the digits, first at d[0] */
    memcpy(d, &t, 8);
    return o->pos_n;
}
#else
static inline size_t put_position(out_state *o, uint32_t v, char *d)
{
    (void)o;
    return format_uint(d, v);
}
#endif

/* Out of line, so that the path most terms take needs few registers. */
#if defined(__GNUC__)
#define COLD __attribute__((noinline))
#else
#define COLD
#endif

/* A term in the default text format, piece by piece (the buffer is short of room). */
static COLD void text_term_slow(out_state *o, const toponorm_term *t)
{
    wbuf *w = o->out;
    wb_flush(w);
    if (!(o->have_token && t->token == o->token)) {
        char digits[48];             /* wb_put may copy in 16-byte pieces */
        size_t n;
        if (o->token != UINT32_MAX)
            wb_putc(w, '\n');
        n = put_position(o, t->position, digits);
        wb_put(w, digits, n);
        wb_putc(w, '\t');
        wb_put(w, o->text + (t->start - o->base), t->end - t->start);
        o->have_token = 1;
        o->token = t->token;
        put_term(o, t, 1);
    } else {
        put_term(o, t, 0);
    }
}

/*
** The start of a token's line at d: newline, position, tab, the token's
** text, tab.  The digits, and a short token not at the very end of the
** text, go as 16 bytes: text_term leaves room for them.
*/
static inline char *token_head(out_state *o, const toponorm_term *t, char *d)
{
    size_t len = t->end - t->start, at = t->start - o->base;
    if (o->token != UINT32_MAX)
        *d++ = '\n';
    d += put_position(o, t->position, d);
    *d++ = '\t';
    if (len <= 16 && at + 16 <= o->text_len) {
        memcpy(d, o->text + at, 16);
        d += len;
    } else {
        d = wb_copy(d, o->text + at, len);
    }
    *d++ = '\t';
    o->have_token = 1;
    o->token = t->token;
    return d;
}

/*
** A term in the default text format, the one used in bulk: straight into
** the buffer after one check for room.  Besides the token's text and the
** term's, at most 64 bytes: newline, position, tabs, a label copied as 16
** (writes reach at most 29 bytes past the two texts: the position and a
** short token are copied as 16 bytes too).
*/
static const char labels16[8][16] = {"?:", "surface:", "key:", "place:", "stem:", "?:", "?:", "?:"};
static const unsigned char labels16_n[8] = {2, 8, 4, 6, 5, 2, 2, 2};
/* A kind as an index of labels16: the library's kinds are 1..4, and a
** mask costs less than a range check (a kind from 5 to 7 reads "?:"). */
#define LABEL16(kind) ((unsigned)(kind) & 7u)
_Static_assert(TOPONORM_TERM_SURFACE == 1 && TOPONORM_TERM_KEY == 2 && TOPONORM_TERM_PLACE == 3 &&
               TOPONORM_TERM_STEM == 4, "labels16 is indexed by kind");

/* A term on_text_term passes on: a token's first, a long one, or one the
** buffer is short of room for. */
static COLD int text_term_other(out_state *o, const toponorm_term *t)
{
    unsigned k = LABEL16(t->kind);
    wbuf *w = o->out;
    char *d;
    if (sizeof w->b - w->n < 64 + (t->end - t->start) + t->len) {
        text_term_slow(o, t);
        return 0;
    }
    d = w->b + w->n;
    if (o->have_token && t->token == o->token)
        *d++ = ' ';
    else
        d = token_head(o, t, d);
    memcpy(d, labels16[k], 16);
    d += labels16_n[k];
    d = wb_copy(d, t->text, t->len);
    w->n = (size_t)(d - w->b);
    return 0;
}

/*
** The callback of the default text format.  Most terms are a token's
** second or later, of at most 32 bytes: those are written here, with no
** call (so no registers to save), the rest by text_term_other.  (In this
** format o->token is the token being written from the first term on, and
** UINT32_MAX before it.)  The writes below reach at most 42 bytes past
** w->n: a space, a label copied as 16 bytes, a term of 32.
*/
static int on_text_term(void *ctx, const toponorm_term *t)
{
    out_state *o = ctx;
    wbuf *w = o->out;
    size_t n = t->len;                /* read once: the stores below may alias *t */
    const char *s = t->text;
    unsigned k = LABEL16(t->kind);
    char *d;
    if (t->token != o->token || n > 32 || w->n > sizeof w->b - 64)
        return text_term_other(o, t);
    d = w->b + w->n;
    *d++ = ' ';
    memcpy(d, labels16[k], 16);
    d += labels16_n[k];
    wb_copy_short(d, s, n);
    w->n = (size_t)(d + n - w->b);
    return 0;
}

/* The terms of token tk from the one at p (number i) on, term by term
** (on_text_term); 0.  (Called last, as a jump: on_text_token keeps no
** registers for it.) */
static COLD int text_token_terms(out_state *o, const toponorm_token *tk, const unsigned char *p,
                                 size_t i)
{
    toponorm_term t;
    t.position = tk->position;
    t.start = tk->start;
    t.end = tk->end;
    t.token = tk->token;
    t.lang = tk->lang;
    t.script = tk->script;
    for (; i < tk->n_terms; i++) {
        p = toponorm_token_term(p, &t.kind, &t.text, &t.len);
        t.flags = i ? TOPONORM_TERM_COLOCATED : tk->flags;
        on_text_term(o, &t);
    }
    return 0;
}

/*
** The default text format a token at a time (toponorm_analyze_tokens), the
** way most of it goes: the line's head (newline, position, tab, the token,
** tab) and its terms in one loop.  The buffer needs room for 45 bytes and
** 49 a term (a token or term of at most 32 bytes, a label copied as 16);
** a longer token or term (from there on), a token that goes on from the
** last call (its place terms), the first token, or a buffer short of room
** go term by term.
*/
static int on_text_token(void *ctx, const toponorm_token *tk)
{
    out_state *o = ctx;
    wbuf *w = o->out;
    const unsigned char *p = tk->terms;
    size_t len = tk->end - tk->start, at = tk->start - o->base, i, n = tk->n_terms;
    char *d;
    if (tk->token == o->token || o->token == UINT32_MAX || len > 32 || p[1] > 32 ||
        w->n > sizeof w->b - 64 - 64 * n)
        return text_token_terms(o, tk, p, 0);
    d = w->b + w->n;
    *d++ = '\n';
    d += put_position(o, tk->position, d);
    *d++ = '\t';
    if (len <= 16 && at + 16 <= o->text_len)
        memcpy(d, o->text + at, 16);
    else
        wb_copy_short(d, o->text + at, len);
    d += len;
    *d++ = '\t';
    o->have_token = 1;
    o->token = tk->token;
    for (i = 0; i < n; i++) {
        /* (toponorm_token_term, with a length below 33 known) */
        unsigned k = LABEL16(p[0]);
        size_t l = p[1];
        if (l > 32) {                 /* not the first (checked above) */
            w->n = (size_t)(d - 1 - w->b);
            return text_token_terms(o, tk, p, i);
        }
        memcpy(d, labels16[k], 16);
        d += labels16_n[k];
        wb_copy_short(d, (const char *)p + 2, l);
        d += l;
        *d++ = ' ';                   /* the last one is taken back below */
        p += l + 3;
    }
    w->n = (size_t)(d - 1 - w->b);
    return 0;
}

static int on_term(void *ctx, const toponorm_term *t)
{
    out_state *o = ctx;
    if (!o->json)
        return on_text_term(o, t);
    if (o->have_token && t->token == o->token) {
        put_term(o, t, 0);
        return 0;
    }
    close_token(o);
    if (o->json) {
        if (o->first_token >= 0) {          /* inside a --lines array */
            if (!o->first_token)
                wb_putc(o->out, ',');
            o->first_token = 0;
        } else if (o->token != UINT32_MAX) {
            wb_putc(o->out, '\n');
        }
        wb_str(o->out, "{\"text\":");
        json_string(o->out, o->text + (t->start - o->base), t->end - t->start);
        wb_str(o->out, ",\"start\":");
        wb_uint(o->out, t->start);
        wb_str(o->out, ",\"end\":");
        wb_uint(o->out, t->end);
        wb_str(o->out, ",\"position\":");
        wb_uint(o->out, t->position);
        if (t->lang != TOPONORM_LANG_UNKNOWN) {
            wb_str(o->out, ",\"lang\":\"");
            wb_str(o->out, toponorm_lang_name(t->lang));
            wb_putc(o->out, '"');
        }
        wb_str(o->out, ",\"terms\":[");
    } else {
        if (o->token != UINT32_MAX)
            wb_putc(o->out, '\n');
        wb_uint(o->out, t->position);
        wb_putc(o->out, '\t');
        wb_put(o->out, o->text + (t->start - o->base), t->end - t->start);
    }
    o->have_token = 1;
    o->token = t->token;
    put_term(o, t, 1);
    return 0;
}

#define PIECE ((size_t)1 << 20)

/*
** Stdin, a file or a pipe of any size, through the analyzer (a callback
** per term, cb, or per token, tcb) in pieces of about a megabyte cut at
** line ends (toponorm_cut), with one buffer used over and over: memory
** stays flat, the data is still in the cache when it is analyzed, and no
** fresh pages are asked of the kernel per megabyte (on a VM, zeroing pages
** first touched cost up to a fifth of the run).  The terms are those of the
** input analyzed whole.  A piece with no line break grows the buffer until
** one comes, or the input ends.
** Returns the analyzer's status, TOPONORM_EIO on a read error (errno
** set) or TOPONORM_ENOMEM.
*/
static int analyze_stream(cli_analyzer *ca, unsigned flags, toponorm_term_cb cb,
                          toponorm_token_cb tcb, out_state *o)
{
    toponorm_cursor cur = {0, 0, 0};
    size_t cap = PIECE, n = 0, cut;
    char *buf = malloc(cap);
    int eof = 0, status = 0;
    if (!buf)
        return TOPONORM_ENOMEM;
    while (!eof || n) {
        while (!eof && n < cap) {
            ssize_t got = read(STDIN_FILENO, buf + n, cap - n);
            if (got < 0 && errno == EINTR)
                continue;
            if (got < 0) {
                int e = errno;
                free(buf);
                errno = e;
                return TOPONORM_EIO;
            }
            if (got == 0)
                eof = 1;
            n += (size_t)got;
        }
        cut = eof ? n : toponorm_cut(buf, n);
        if (!cut) {
            char *p = cap < SIZE_MAX / 2 ? realloc(buf, cap * 2) : NULL;
            if (!p) {
                free(buf);
                return TOPONORM_ENOMEM;
            }
            buf = p;
            cap *= 2;
            continue;
        }
        o->text = buf;
        o->text_len = cut;
        o->base = cur.offset;
        status = cb ? toponorm_analyze_from(ca->an, ca->sc, buf, cut, flags, &cur, cb, o)
                    : toponorm_analyze_tokens(ca->an, ca->sc, buf, cut, flags, &cur, tcb, o);
        if (status != 0)
            break;
        memmove(buf, buf + cut, n - cut);
        n -= cut;
    }
    free(buf);
    return status;
}

static void usage(FILE *f)
{
    fputs("usage: toponorm analyze [--json] [--lines] [--query] [--format text|json|sphinx]\n"
          "                        [--lang uk|ru|en] [--keys all|names] [--lexicon FILE]\n"
          "  Reads text on stdin and writes its tokens with their index terms;\n"
          "  --keys names: match keys only for words that can be names (capitalised, or\n"
          "  spelled like a known place), as `toponorm index` stores them;\n"
          "  --format sphinx: each line is a query, written as a Sphinx MATCH expression.\n", f);
}

int cmd_analyze(int argc, char **argv)
{
    static const struct option opts[] = {
        {"json", no_argument, NULL, 'j'}, {"lines", no_argument, NULL, 'L'},
        {"query", no_argument, NULL, 'q'}, {"lang", required_argument, NULL, 'l'},
        {"lexicon", required_argument, NULL, 'x'}, {"help", no_argument, NULL, 'h'},
        {"format", required_argument, NULL, 'f'}, {"keys", required_argument, NULL, 'k'},
        {NULL, 0, NULL, 0},
    };
    int c, json = 0, lines = 0, sphinx = 0, rc = EXIT_OK, status;
    unsigned flags = TOPONORM_FOR_INDEX;
    const char *lexicon = NULL;
    cli_analyzer ca;
    toponorm_options aopt;
    out_state o;
    static wbuf out;

    optind = 1;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case 'j': json = 1; break;
        case 'L': lines = 1; json = 1; break;
        case 'q': flags |= TOPONORM_FOR_QUERY; break;
        case 'x': lexicon = optarg; break;
        case 'k':
            if (cli_keys_option("analyze", optarg, &flags) != EXIT_OK)
                return EXIT_USAGE;
            break;
        case 'f':
            if (!strcmp(optarg, "sphinx")) {
                sphinx = 1;
            } else if (!strcmp(optarg, "json") || !strcmp(optarg, "text")) {
                json = optarg[0] == 'j';
            } else {
                fprintf(stderr, "toponorm analyze: --format takes text, json or sphinx, not '%s'\n", optarg);
                return EXIT_USAGE;
            }
            break;
        case 'l':
            switch (toponorm_lang_from_name(optarg)) {
            case TOPONORM_LANG_UK: flags |= TOPONORM_HINT_UK; break;
            case TOPONORM_LANG_RU: flags |= TOPONORM_HINT_RU; break;
            case TOPONORM_LANG_EN: flags |= TOPONORM_HINT_EN; break;
            default:
                fprintf(stderr, "toponorm analyze: --lang takes uk, ru or en, not '%s'\n", optarg);
                return EXIT_USAGE;
            }
            break;
        case 'h': usage(stdout); return EXIT_OK;
        default: usage(stderr); return EXIT_USAGE;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "toponorm analyze: unexpected argument '%s' (text comes on stdin)\n", argv[optind]);
        usage(stderr);
        return EXIT_USAGE;
    }
    /* Bulk text: twice the library's default token cache.  On the 20 MB
    ** benchmark corpus (64.5k distinct words) the default's 4-way sets are
    ** nearly full and keep evicting words that come back: 131072 slots
    ** compute a fifth fewer terms (7% fewer instructions in all) for
    ** 8 MB more memory, touched only as the cache fills. */
    toponorm_options_init(&aopt);
    aopt.cache_slots = 131072;
    if ((rc = cli_analyzer_open_with(&ca, lexicon, &aopt)) != EXIT_OK)
        return rc;
    memset(&o, 0, sizeof o);
    wb_init(&out, stdout);
    if (sphinx) {
        rc = sphinx_query_lines(&ca, flags, stdin, &out);
        goto done;
    }
    o.out = &out;
    o.json = json;
    o.token = UINT32_MAX;
    o.first_token = -1;

    if (lines) {
        char *line = NULL;
        size_t cap = 0;
        ssize_t n;
        unsigned long lineno = 0;
        while ((n = getline(&line, &cap, stdin)) >= 0) {
            lineno++;
            if (n && line[n - 1] == '\n') n--;
            if (n && line[n - 1] == '\r') n--;
            wb_str(&out, "{\"line\":");
            wb_uint(&out, lineno);
            wb_str(&out, ",\"tokens\":[");
            o.text = line;
            o.text_len = (size_t)n;
            o.first_token = 1;
            o.have_token = 0;
            status = toponorm_analyze(ca.an, ca.sc, line, (size_t)n, flags, on_term, &o);
            close_token(&o);
            wb_put(&out, "]}\n", 3);
            if (status < 0) {
                fprintf(stderr, "toponorm analyze: stdin:%lu: %s\n", lineno, toponorm_strerror(status));
                rc = EXIT_INPUT;
                break;
            }
        }
        free(line);
    } else {
        status = analyze_stream(&ca, flags, json ? on_term : NULL, json ? NULL : on_text_token, &o);
        close_token(&o);
        if (o.token != UINT32_MAX)
            wb_putc(&out, '\n');
        if (status == TOPONORM_EIO) {
            fprintf(stderr, "toponorm analyze: cannot read stdin: %s\n", strerror(errno));
            rc = EXIT_INPUT;
        } else if (status < 0) {
            fprintf(stderr, "toponorm analyze: stdin: %s\n", toponorm_strerror(status));
            rc = EXIT_INPUT;
        }
    }
done:
    wb_flush(&out);
    if (out.err || fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "toponorm analyze: write error on stdout\n");
        rc = EXIT_INPUT;
    }
    cli_analyzer_close(&ca);
    return rc;
}
