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

static inline void wb_put(wbuf *w, const char *s, size_t n)
{
    if (n <= sizeof w->b - w->n) {
        memcpy(w->b + w->n, s, n);
        w->n += n;
    } else {
        wb_put_slow(w, s, n);
    }
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
