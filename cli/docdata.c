/*
** docdata.c: the fields search needs from a document's stored data.
**
** index stores a document as its JSON object without "text", a newline,
** and the text's bytes (index.c, index format 3).  Format 2 stored the
** JSON Lines line as it came, text included, with no raw newline; both are
** read here, so a database of format 2 stays searchable.
** (A file of its own: jansson's json_string() and the CLI writer's
** json_string() cannot meet in one translation unit.)
*/
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "query.h"

static char *dup_bytes(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

static char *dup_field(json_t *obj, const char *key, size_t *len)
{
    json_t *v = json_object_get(obj, key);
    if (!json_is_string(v))
        return NULL;
    *len = json_string_length(v);
    return dup_bytes(json_string_value(v), *len);
}

int doc_fields_parse(doc_fields *f, const char *data, size_t len)
{
    json_error_t jerr;
    const char *nl = len ? memchr(data, '\n', len) : NULL;
    json_t *obj = json_loadb(data, nl ? (size_t)(nl - data) : len, JSON_ALLOW_NUL, &jerr);
    size_t n;
    memset(f, 0, sizeof *f);
    if (!obj)
        return -1;
    if (json_is_integer(json_object_get(obj, "id"))) {
        /* index took an integer id as its decimal string (the object is stored as it came) */
        char num[32];
        int k = snprintf(num, sizeof num, "%lld",
                         (long long)json_integer_value(json_object_get(obj, "id")));
        f->id = dup_bytes(num, (size_t)k);
        f->id_len = (size_t)k;
    } else {
        f->id = dup_field(obj, "id", &f->id_len);
    }
    f->title = dup_field(obj, "title", &f->title_len);
    if (nl) {
        f->text_len = len - (size_t)(nl + 1 - data);
        f->text = dup_bytes(nl + 1, f->text_len);
    } else {
        f->text = dup_field(obj, "text", &f->text_len);
    }
    f->lang = dup_field(obj, "lang", &n);
    json_decref(obj);
    return 0;
}

void doc_fields_free(doc_fields *f)
{
    free(f->id);
    free(f->title);
    free(f->text);
    free(f->lang);
    memset(f, 0, sizeof *f);
}

int batch_query_parse(const char *line, size_t len, char **q, size_t *qlen, char *err,
                      size_t cap)
{
    json_error_t jerr;
    json_t *obj = json_loadb(line, len, 0, &jerr), *jq;
    *q = NULL;
    if (!obj) {
        snprintf(err, cap, "invalid JSON: %s (column %d)", jerr.text, jerr.column);
        return -1;
    }
    jq = json_object_get(obj, "query");
    if (!json_is_string(jq)) {
        snprintf(err, cap, "missing \"query\" string");
        json_decref(obj);
        return -1;
    }
    *qlen = json_string_length(jq);
    if ((*q = malloc(*qlen + 1)) != NULL)
        memcpy(*q, json_string_value(jq), *qlen + 1);
    json_decref(obj);
    if (!*q) {
        snprintf(err, cap, "out of memory");
        return -1;
    }
    return 0;
}
