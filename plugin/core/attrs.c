/*
** attrs.c: header attributes are space-separated key=value pairs; a value
** may be double-quoted and then hold spaces.
*/
#include <string.h>

#include "attrs.h"

int tn_attr(const char *s, const char *key, char *buf, size_t cap)
{
    size_t kl = strlen(key), n = 0;
    while (*s) {
        while (*s == ' ')
            s++;
        if (strncmp(s, key, kl) == 0 && s[kl] == '=') {
            int quoted;
            s += kl + 1;
            quoted = *s == '"';
            s += quoted;
            for (; *s && (quoted ? *s != '"' : *s != ' '); s++, n++)
                if (cap && n + 1 < cap)
                    buf[n] = *s;
            if (cap)
                buf[n < cap ? n : cap - 1] = '\0';
            return (int)n;
        }
        while (*s && *s != ' ') {            /* skip this attribute */
            if (*s++ == '"')
                while (*s && *s++ != '"')
                    ;
        }
    }
    return -1;
}
