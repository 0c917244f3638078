/*
** sphx_word.h: how toponorm's terms become Sphinx words.
**
** The index filter (sphinx_toponorm.c) and the client-side query builder
** (`toponorm analyze --query --format sphinx`) must spell every term the
** same way, and the spelling must survive the charset_table that Sphinx
** applies to query words, so only [a-z0-9] are used around the payload:
**
**   surface, stem   the folded word itself (stems share the surface space,
**                   so the query донецьк meets the indexed stem of
**                   Донецьку and the other way round)
**   key             "xk" + key      (xkdoneck)
**   place id        "xp" + id       (xp709717)
**
** In a key or place id every byte outside [a-z0-9], and "q" itself, is
** written as "q" + two hex digits, so the encoding is injective and
** charset-proof.  Sphinx keeps at most 42 codepoints of a word (and index
** code copies words into 3*42+4 byte buffers), so a word is cut at
** TN_SPHX_WORD_CHARS codepoints and TN_SPHX_WORD_BYTES bytes on both sides,
** identically.
*/
#ifndef TN_SPHX_WORD_H
#define TN_SPHX_WORD_H

#include <stddef.h>

#define TN_SPHX_WORD_CHARS 42   /* SPH_MAX_WORD_LEN in Sphinx 2.2 */
#define TN_SPHX_WORD_BYTES 126  /* 3 * SPH_MAX_WORD_LEN */

/*
** Write the Sphinx word for a term of kind (TOPONORM_TERM_*) with text
** text[0..len) into out (at least TN_SPHX_WORD_BYTES + 1 bytes), NUL-
** terminated.  Returns its length, or 0 when the term has no Sphinx word
** (empty, or an unknown kind).
*/
size_t tn_sphx_word(int kind, const char *text, size_t len, char *out);

/* Codepoints in s[0..len) (UTF-8 lead bytes; ill-formed bytes count once). */
size_t tn_sphx_chars(const char *s, size_t len);

#endif
