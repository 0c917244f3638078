/*
** lexc.h: the lexicon compiler (lexc.c, placec.c, morph_*.c), used by the
** `lexc` build tool and by `toponorm lexicon compile`.
*/
#ifndef TN_LEXC_H
#define TN_LEXC_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

/* Compile: argv as for `lexc` (argv[0] is ignored).  0 ok, 1 errors (each
** reported as file:line: message on stderr, nothing written), 2 usage. */
int lexc_main(int argc, char **argv);

/* A growable string pool: NUL-terminated strings, referenced by offset. */
typedef struct lexc_pool {
    unsigned char *p;
    size_t n, cap;
} lexc_pool;

uint32_t lexc_pool_add(lexc_pool *p, const char *s);

/* Report file:line: message and count it as an error. */
void lexc_complain(const char *file, int line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* The next line of a source file in *line (getline's buffer), without its
** newline or a CR before it; its length in *len.  1: a line; 0: the end (end
** of file, or a last line with no newline, reported); -1: a line with a NUL
** byte or invalid UTF-8 (reported: skip it).  Counts *lineno. */
int lexc_next_line(const char *file, FILE *fp, char **line, size_t *cap, ssize_t *len,
                   int *lineno);
void *lexc_xrealloc(void *p, size_t n);
char *lexc_xstrdup(const char *s);
int lexc_is_nfc(const char *s);

#endif
