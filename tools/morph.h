/*
** morph.h: the inflected forms of place names, generated when the lexicon is
** compiled (morph.c: shared helpers; morph_uk.c, morph_ru.c: one language
** each).  Why generate instead of stripping endings at analysis time: the
** analyzer then finds every form with the one hash probe it already makes
** for the match key, and the paradigms cost lexicon bytes, not analysis
** time (the figures are in tests/places/README).
**
** Forms are over-generated on purpose (both locatives of a velar stem, the
** і/о alternation whether or not the word has it): a form nobody writes
** costs a few bytes; a form someone writes and we miss loses the document.
*/
#ifndef TN_MORPH_H
#define TN_MORPH_H

#include <stddef.h>

/* Called once per form (duplicates possible); flags are TN_POSTF_*. */
typedef void (*morph_cb)(void *ctx, const char *form, unsigned flags);

/*
** The case forms of word wi of an nw-word name in lang ("uk" or "ru"),
** the word itself not included.  Words of one or two letters and
** prepositions inside names (Ростов-на-Дону) are not inflected.
*/
void morph_word(const char *lang, const char *word, int wi, int nw, morph_cb cb, void *ctx);

/*
** The adjective derived from a one-word place name (Харків -> харківський,
** Донецк -> донецкий) and its forms, lower case, flagged TN_POSTF_ADJ.
*/
void morph_adjectives(const char *lang, const char *word, morph_cb cb, void *ctx);

/* Is word (Cyrillic, uk or ru) an adjective by its ending (Донецька, Ростовская)? */
int morph_is_adjective(const char *lang, const char *word);

/* morph.c helpers for the language files. */
typedef struct morph_out {
    morph_cb cb;
    void *ctx;
    unsigned flags;
} morph_out;

int  morph_ends(const char *w, const char *suf);           /* w ends with suf */
/* Emit w without its last `cut` bytes, plus each ending in the NULL-ended list. */
void morph_emit(const morph_out *o, const char *w, size_t cut, const char *const *endings);
/* The stem w without its last `cut` bytes, into buf (cap bytes); NULL when too long. */
char *morph_stem(char *buf, size_t cap, const char *w, size_t cut);
/* Replace the last і in the stem's final syllable by `to` (Харків -> Харков):
** 1 when done. */
int  morph_alternate(char *stem, const char *from, const char *to);
/* Count of letters (code points) in w. */
size_t morph_letters(const char *w);
/* Is w a preposition or particle that names keep as it is? */
int  morph_is_particle(const char *w);

void morph_uk_word(const morph_out *o, const char *w, int wi, int nw);
void morph_ru_word(const morph_out *o, const char *w, int wi, int nw);
void morph_uk_adjectives(const morph_out *o, const char *w);
void morph_ru_adjectives(const morph_out *o, const char *w);

/* Lower-case the first letter of a capitalised Cyrillic word, in place
** (А-Я, Ѐ-Џ, Ґ; anything else is left alone). */
void morph_lower_first(char *w);

#endif
