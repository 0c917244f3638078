/*
** toponorm_plugin.h: the versioned entry point that host modules (the
** Xapian shim, the SQLite FTS5 tokenizer, the Sphinx token filter) use to
** reach libtoponorm.
**
** A host module asks for the ABI it was written against:
**
**     const toponorm_plugin_v1 *api = toponorm_plugin_entry(TOPONORM_PLUGIN_ABI);
**     if (api == NULL) ... the library is too old or too new: refuse to load
**
** The struct only ever grows at the end.  `size` says how many bytes of it
** the library fills, so a module built against a later header can test
** `api->size > offsetof(toponorm_plugin_v1, newer_field)` before using a
** field that was appended after the library it runs with was built.
*/
#ifndef TOPONORM_PLUGIN_H
#define TOPONORM_PLUGIN_H

#include <toponorm/toponorm.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TOPONORM_PLUGIN_ABI 1u

typedef struct toponorm_plugin_v1 {
    uint32_t abi;   /* TOPONORM_PLUGIN_ABI of the library */
    uint32_t size;  /* sizeof(toponorm_plugin_v1) in the library */
    const char *(*version)(void);
    const char *(*strerror)(int code);
    void (*options_init)(toponorm_options *opt);
    int  (*lexicon_open)(const char *path, toponorm_lexicon **out,
                         toponorm_error *err);
    void (*lexicon_close)(toponorm_lexicon *lx);
    const char *(*lexicon_data_version)(const toponorm_lexicon *lx);
    int  (*analyzer_new)(const toponorm_lexicon *lx, const toponorm_options *opt,
                         toponorm_analyzer **out, toponorm_error *err);
    void (*analyzer_free)(toponorm_analyzer *an);
    int  (*scratch_new)(const toponorm_analyzer *an, toponorm_scratch **out,
                        toponorm_error *err);
    void (*scratch_free)(toponorm_scratch *sc);
    int  (*analyze)(const toponorm_analyzer *an, toponorm_scratch *sc,
                    const char *text, size_t len, unsigned flags,
                    toponorm_term_cb cb, void *ctx);
    const char *(*term_kind_name)(int kind);
    const char *(*term_prefix)(int kind);
    /* Append new members here, never above. */
} toponorm_plugin_v1;

/*
** The entry point for ABI version want_abi, or NULL when this library does
** not provide it.  The returned struct is static and immutable.
*/
const toponorm_plugin_v1 *toponorm_plugin_entry(uint32_t want_abi);

#ifdef __cplusplus
}
#endif

#endif /* TOPONORM_PLUGIN_H */
