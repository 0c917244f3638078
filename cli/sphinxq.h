/*
** sphinxq.h: `toponorm analyze --query --format sphinx` (sphinxq.c).
*/
#ifndef TN_SPHINXQ_H
#define TN_SPHINXQ_H

#include <stdio.h>

#include "cli.h"
#include "jsonout.h"

/*
** Read queries from in, one a line, and write each as a Sphinx extended
** query expression (for MATCH()) on its own line of out.  Returns EXIT_OK,
** or EXIT_INPUT after printing "stdin:LINE: reason" on stderr.
*/
int sphinx_query_lines(cli_analyzer *ca, unsigned flags, FILE *in, wbuf *out);

#endif
