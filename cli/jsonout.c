/*
** jsonout.c: the CLI's write buffer and JSON string escaping (RFC 8259 §7).
*/
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "jsonout.h"
#include "utf8.h"

void wb_init(wbuf *w, FILE *f)
{
    w->f = f;
    w->n = 0;
    w->err = 0;
}

/*
** Write s[0..n) to the stream's descriptor directly: through fwrite the
** bytes would be copied once more into stdio's own buffer.  Whatever stdio
** holds goes first, so the order of output stays as written.
*/
static void put_fd(wbuf *w, const char *s, size_t n)
{
    int fd;
    if (fflush(w->f) != 0 || (fd = fileno(w->f)) < 0) {
        w->err = 1;
        return;
    }
    while (n) {
        ssize_t k = write(fd, s, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0) {
            w->err = 1;
            return;
        }
        s += k;
        n -= (size_t)k;
    }
}

void wb_flush(wbuf *w)
{
    if (w->n)
        put_fd(w, w->b, w->n);
    w->n = 0;
}

void wb_put_slow(wbuf *w, const char *s, size_t n)
{
    if (n > sizeof w->b - w->n) {
        wb_flush(w);
        if (n > sizeof w->b) {
            put_fd(w, s, n);
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
    /* Digits end at d + 24; up to 16 of them go to the buffer in one
    ** fixed-size copy (d has room to read 16 bytes from any start). */
    static const char pairs[] = "00010203040506070809101112131415161718192021222324"
                                "25262728293031323334353637383940414243444546474849"
                                "50515253545556575859606162636465666768697071727374"
                                "75767778798081828384858687888990919293949596979899";
    char d[40] = {0};
    int i = 24;
    while (v >= 100) {                         /* two digits a division */
        i -= 2;
        memcpy(d + i, pairs + 2 * (v % 100), 2);
        v /= 100;
    }
    if (v >= 10) {
        i -= 2;
        memcpy(d + i, pairs + 2 * v, 2);
    } else {
        d[--i] = (char)('0' + v);
    }
    if (24 - i <= 16 && sizeof w->b - w->n >= 16) {
        memcpy(w->b + w->n, d + i, 16);
        w->n += (size_t)(24 - i);
        return;
    }
    wb_put(w, d + i, (size_t)(24 - i));
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
