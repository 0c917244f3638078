/*
** placec.h: the gazetteer part of the lexicon compiler (placec.c).
** Formats: lexicons/places/PLACES-FORMAT (docs in lexicons/FORMAT.md).
*/
#ifndef TN_PLACEC_H
#define TN_PLACEC_H

#include <stdint.h>
#include <stdio.h>

#include "lexc.h"

typedef struct placec placec;

placec *placec_new(void);
void    placec_free(placec *pc);

/*
** Read path when its name says it is a gazetteer file (places*.tsv,
** names*.tsv, ambiguous*.tsv, by base name): 1 when it was one (errors are
** reported and counted), 0 when it is something else.
*/
int placec_read(placec *pc, const char *path);

/* Check ids across files (regions, names' places); errors are reported. */
void placec_resolve(placec *pc);

/* Any places read? */
int placec_has_places(const placec *pc);

/*
** Make every name's forms and their lookup strings with the library
** itself, over the lexicon at stage_path (the tables just compiled).
** dump: print each form (tests/places use it).  0 ok, else an error was
** reported.
*/
int placec_build(placec *pc, const char *stage_path, FILE *dump);

/* The places section (lexfmt.h) placed at file offset base; strings go to
** sp.  Returns malloc'ed bytes, *size their count. */
unsigned char *placec_section(placec *pc, lexc_pool *sp, uint32_t base, size_t *size);

#endif
