/*
** jsonout.c: JSON string escaping (RFC 8259 §7).
*/
#include "jsonout.h"
#include "utf8.h"

void json_string(FILE *out, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, used;
    putc('"', out);
    while (i < n) {
        unsigned char c = p[i];
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            putc(c, out);
            i++;
        } else if (c < 0x80) {
            switch (c) {
            case '"':  fputs("\\\"", out); break;
            case '\\': fputs("\\\\", out); break;
            case '\n': fputs("\\n", out); break;
            case '\r': fputs("\\r", out); break;
            case '\t': fputs("\\t", out); break;
            default:   fprintf(out, "\\u%04x", c); break;
            }
            i++;
        } else {
            uint32_t cp = tn_utf8_decode(p + i, n - i, &used);
            if (cp == TN_REPLACEMENT && !(used == 3 && c == 0xEF))
                fputs("\\ufffd", out);
            else
                fwrite(p + i, 1, used, out);
            i += used;
        }
    }
    putc('"', out);
}
