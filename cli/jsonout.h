/*
** jsonout.h: writing JSON Lines to a stdio stream.  Output only: reading
** JSON (toponorm index) goes through jansson.
*/
#ifndef TN_JSONOUT_H
#define TN_JSONOUT_H

#include <stddef.h>
#include <stdio.h>

/*
** Write s[0..n) as a JSON string, quotes included.  Control characters and
** NUL are escaped; ill-formed UTF-8 is written as \ufffd, so the output is
** always valid JSON whatever the input.
*/
void json_string(FILE *out, const char *s, size_t n);

#endif
