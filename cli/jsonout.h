/*
** jsonout.h: buffered output for the CLI, and JSON string writing.
** Output only: reading JSON (toponorm index) goes through jansson.
*/
#ifndef TN_JSONOUT_H
#define TN_JSONOUT_H

#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* A write buffer over a stdio stream: no printf on the hot path. */
typedef struct wbuf {
    FILE *f;
    size_t n;
    int err;                 /* a write failed */
    char b[1 << 16];
} wbuf;

void wb_init(wbuf *w, FILE *f);
void wb_flush(wbuf *w);
void wb_put_slow(wbuf *w, const char *s, size_t n);

#if defined(__GNUC__)
#define WB_INLINE static inline __attribute__((always_inline))
#else
#define WB_INLINE static inline
#endif

/* wb_copy for n <= 32: no call at all (analyze.c's hot path relies on it). */
WB_INLINE void wb_copy_short(char *d, const char *s, size_t n)
{
    if (n >= 16) {
        memcpy(d, s, 16);
        memcpy(d + n - 16, s + n - 16, 16);
    } else if (n >= 8) {
        memcpy(d, s, 8);
        memcpy(d + n - 8, s + n - 8, 8);
    } else if (n >= 4) {
        memcpy(d, s, 4);
        memcpy(d + n - 4, s + n - 4, 4);
    } else if (n) {
        d[0] = s[0];
        d[n / 2] = s[n / 2];
        d[n - 1] = s[n - 1];
    }
}

/*
** Copy s[0..n) to d, which has room for at least max(n, 32) bytes, and
** return d + n.  Most of what the CLI writes is a short word: two
** overlapping fixed-size copies, not a call.  Nothing past s[n) is read.
*/
static inline char *wb_copy(char *d, const char *s, size_t n)
{
    if (n > 32)
        memcpy(d, s, n);
    else
        wb_copy_short(d, s, n);
    return d + n;
}

static inline void wb_put(wbuf *w, const char *s, size_t n)
{
    if (n <= sizeof w->b - w->n && sizeof w->b - w->n - n >= 32)
        w->n = (size_t)(wb_copy(w->b + w->n, s, n) - w->b);
    else
        wb_put_slow(w, s, n);
}
void wb_str(wbuf *w, const char *s);
void wb_uint(wbuf *w, unsigned long long v);

static inline void wb_putc(wbuf *w, char c)
{
    if (w->n == sizeof w->b)
        wb_flush(w);
    w->b[w->n++] = c;
}

/*
** Write s[0..n) as a JSON string, quotes included.  Control characters and
** NUL are escaped; ill-formed UTF-8 is written as \ufffd, so the output is
** always valid JSON whatever the input.
*/
void wb_json_string(wbuf *w, const char *s, size_t n);
/* The short name.  The linker symbol must not be json_string: that is
** jansson's, and an executable's definition would take over jansson's own
** calls to it. */
#define json_string(w, s, n) wb_json_string(w, s, n)

#endif
