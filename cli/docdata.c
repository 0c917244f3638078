/*
** docdata.c: the fields search needs from a document's stored JSON.
** (A file of its own: jansson's json_string() and the CLI writer's
** json_string() cannot meet in one translation unit.)
*/
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "query.h"

static char *dup_field(json_t *obj, const char *key, size_t *len)
{
    json_t *v = json_object_get(obj, key);
    char *s;
    if (!json_is_string(v))
        return NULL;
    *len = json_string_length(v);
    if ((s = malloc(*len + 1)) != NULL) {
        memcpy(s, json_string_value(v), *len);
        s[*len] = '\0';
    }
    return s;
}

int doc_fields_parse(doc_fields *f, const char *data, size_t len)
{
    json_error_t jerr;
    json_t *obj = json_loadb(data, len, JSON_ALLOW_NUL, &jerr);
    size_t n;
    memset(f, 0, sizeof *f);
    if (!obj)
        return -1;
    if (json_is_integer(json_object_get(obj, "id"))) {
        /* index took an integer id as its decimal string (the line is stored as it came) */
        char num[32];
        int k = snprintf(num, sizeof num, "%lld",
                         (long long)json_integer_value(json_object_get(obj, "id")));
        if ((f->id = malloc((size_t)k + 1)) != NULL) {
            memcpy(f->id, num, (size_t)k + 1);
            f->id_len = (size_t)k;
        }
    } else {
        f->id = dup_field(obj, "id", &f->id_len);
    }
    f->title = dup_field(obj, "title", &f->title_len);
    f->text = dup_field(obj, "text", &f->text_len);
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
