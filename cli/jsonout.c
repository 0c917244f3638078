/*
** jsonout.c: the CLI's write buffer and JSON string escaping (RFC 8259 §7).
*/
#include <string.h>

#include "jsonout.h"
#include "utf8.h"

void wb_init(wbuf *w, FILE *f)
{
    w->f = f;
    w->n = 0;
    w->err = 0;
}

void wb_flush(wbuf *w)
{
    if (w->n && fwrite(w->b, 1, w->n, w->f) != w->n)
        w->err = 1;
    w->n = 0;
}

void wb_put_slow(wbuf *w, const char *s, size_t n)
{
    if (n > sizeof w->b - w->n) {
        wb_flush(w);
        if (n > sizeof w->b) {
            if (fwrite(s, 1, n, w->f) != n)
                w->err = 1;
            return;
        }
    }
    memcpy(w->b + w->n, s, n);
    w->n += n;
}

void wb_str(wbuf *w, const char *s)
{
    wb_put(w, s, strlen(s));
}

void wb_uint(wbuf *w, unsigned long long v)
{
    char d[24];
    int i = sizeof d;
    do {
        d[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    wb_put(w, d + i, sizeof d - (size_t)i);
}

void wb_json_string(wbuf *w, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, run, used;
    wb_putc(w, '"');
    while (i < n) {
        unsigned char c = p[i];
        /* Copy runs that need no escaping in one go. */
        for (run = i; run < n && p[run] >= 0x20 && p[run] < 0x80 && p[run] != '"' &&
                      p[run] != '\\'; run++)
            ;
        if (run > i) {
            wb_put(w, s + i, run - i);
            i = run;
            continue;
        }
        if (c < 0x80) {
            char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            switch (c) {
            case '"':  wb_put(w, "\\\"", 2); break;
            case '\\': wb_put(w, "\\\\", 2); break;
            case '\n': wb_put(w, "\\n", 2); break;
            case '\r': wb_put(w, "\\r", 2); break;
            case '\t': wb_put(w, "\\t", 2); break;
            default:   wb_put(w, e, 6); break;
            }
            i++;
        } else {
            uint32_t cp = tn_utf8_decode(p + i, n - i, &used);
            if (cp == TN_REPLACEMENT && !(used == 3 && c == 0xEF))
                wb_put(w, "\\ufffd", 6);
            else
                wb_put(w, s + i, used);
            i += used;
        }
    }
    wb_putc(w, '"');
}
