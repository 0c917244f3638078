/*
** fts5_v2.h: the v2 tokenizer and the fts5_api members of SQLite 3.46's
** public-domain fts5.h, which older headers (Debian 12 ships 3.40) lack.
** Shared by the module and its test host (which drives the v2 path through
** a stand-in api); include <sqlite3.h> or <sqlite3ext.h> first.
*/
#ifndef TN_FTS5_V2_H
#define TN_FTS5_V2_H

typedef struct tn_fts5_tokenizer_v2 {
    int iVersion;
    int (*xCreate)(void *, const char **azArg, int nArg, Fts5Tokenizer **ppOut);
    void (*xDelete)(Fts5Tokenizer *);
    int (*xTokenize)(Fts5Tokenizer *, void *pCtx, int flags, const char *pText, int nText,
                     const char *pLocale, int nLocale,
                     int (*xToken)(void *, int, const char *, int, int, int));
} tn_fts5_tokenizer_v2;

typedef struct tn_fts5_api_v3 {
    int iVersion;
    int (*xCreateTokenizer)(fts5_api *, const char *, void *, fts5_tokenizer *,
                            void (*)(void *));
    int (*xFindTokenizer)(fts5_api *, const char *, void **, fts5_tokenizer *);
    int (*xCreateFunction)(fts5_api *, const char *, void *, fts5_extension_function,
                           void (*)(void *));
    int (*xCreateTokenizer_v2)(fts5_api *, const char *, void *, tn_fts5_tokenizer_v2 *,
                               void (*)(void *));
    int (*xFindTokenizer_v2)(fts5_api *, const char *, void **, tn_fts5_tokenizer_v2 **);
} tn_fts5_api_v3;

#endif
