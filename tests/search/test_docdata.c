/*
** test_docdata.c: reading a stored document back (cli/docdata.c), in the
** layout index writes now (format 3: the JSON object without "text", a
** newline, the text's bytes) and in format 2's (the JSON Lines line as it
** came), which databases indexed before still hold.
*/
#include <stdlib.h>
#include <string.h>

#include "query.h"
#include "tap.h"

#define S(lit) lit, sizeof lit - 1

int main(void)
{
    doc_fields f;

    /* Format 3: the text is taken as stored, newlines and NUL included;
    ** the fields come from the object before the first newline. */
    static const char v3[] = "{\"id\":\"uk-1\",\"title\":\"Зведення\",\"lang\":\"uk\",\"src\":\"x\"}\n"
                             "У Донецьку\nзнову \"тихо\"\0кінець";
    is_int(doc_fields_parse(&f, S(v3)), 0, "format 3: parsed");
    is_str(f.id, "uk-1", "format 3: id");
    is_str(f.title, "Зведення", "format 3: title");
    is_str(f.lang, "uk", "format 3: lang");
    static const char want3[] = "У Донецьку\nзнову \"тихо\"\0кінець";
    is_int((long long)f.text_len, (long long)sizeof want3 - 1, "format 3: the text's length counts its NUL");
    ok(f.text && f.text_len == sizeof want3 - 1 && memcmp(f.text, want3, f.text_len) == 0,
       "format 3: the text's bytes as stored, not JSON-decoded");
    doc_fields_free(&f);

    /* An empty text still has its newline. */
    is_int(doc_fields_parse(&f, S("{\"id\":7}\n")), 0, "format 3, empty text: parsed");
    is_str(f.id, "7", "format 3: an integer id reads as its decimal string");
    ok(f.text && f.text_len == 0, "format 3: an empty text");
    ok(f.title == NULL, "format 3: no title");
    doc_fields_free(&f);

    /* Format 2: the whole line is JSON, the text decoded from it. */
    static const char v2[] = "{\"id\": \"ru-2\", \"lang\": \"ru\", \"text\": \"В Донецке\\nтихо \\u0000 всё\", "
                             "\"title\": \"Сводка\"}";
    is_int(doc_fields_parse(&f, S(v2)), 0, "format 2: parsed");
    is_str(f.id, "ru-2", "format 2: id");
    is_str(f.title, "Сводка", "format 2: title");
    is_str(f.lang, "ru", "format 2: lang");
    static const char want2[] = "В Донецке\nтихо \0 всё";
    ok(f.text && f.text_len == sizeof want2 - 1 && memcmp(f.text, want2, f.text_len) == 0,
       "format 2: the text decoded from JSON, escapes and NUL included");
    doc_fields_free(&f);

    /* Not a document index wrote: no fields, an error. */
    is_int(doc_fields_parse(&f, S("plain data\nmore")), -1, "not JSON: -1");
    ok(!f.id && !f.text && !f.title, "... and no fields");
    is_int(doc_fields_parse(&f, "", 0), -1, "empty data: -1");
    return exit_status();
}
