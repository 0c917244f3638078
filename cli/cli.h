/*
** cli.h: the `toponorm` command's subcommands and shared helpers.
*/
#ifndef TN_CLI_H
#define TN_CLI_H

#include <stdint.h>
#include <stdio.h>
#include <toponorm/toponorm.h>

/* Exit codes of the CLI contract (../shared/DESIGN.md). */
#define EXIT_OK      0
#define EXIT_USAGE   1
#define EXIT_INPUT   2
#define EXIT_DB      3

int cmd_analyze(int argc, char **argv);
int cmd_translit(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_index(int argc, char **argv);   /* index.c */
int cmd_delete(int argc, char **argv);  /* index.c */
int cmd_search(int argc, char **argv);  /* search.c */
int cmd_lexicon(int argc, char **argv);

/* Read all of in into a malloc'ed buffer (NULL on failure); *len its size. */
char *cli_slurp(FILE *in, size_t *len);

/*
** Open the lexicon (path NULL: the default) and an analyzer and scratch over
** it; on failure print "toponorm: FILE: message" and return EXIT_INPUT.
*/
typedef struct cli_analyzer {
    toponorm_lexicon *lx;
    toponorm_analyzer *an;
    toponorm_scratch *sc;
} cli_analyzer;

int  cli_analyzer_open(cli_analyzer *ca, const char *lexicon);
/* The same with analyzer options (NULL: the defaults). */
int  cli_analyzer_open_with(cli_analyzer *ca, const char *lexicon, const toponorm_options *opt);
/* The same with the lexicon only (an and sc stay NULL), for translit and check. */
int  cli_lexicon_open(cli_analyzer *ca, const char *lexicon);
void cli_analyzer_close(cli_analyzer *ca);

/*
** --keys names|all for a document: names sets TOPONORM_KEYS_FOR_NAMES in
** *flags, all clears it.  Otherwise prints "toponorm CMD: ..." and returns
** EXIT_USAGE.
*/
int  cli_keys_option(const char *cmd, const char *arg, unsigned *flags);

/*
** Shards (shard.c): a document with this id belongs to shard
** FNV-1a-64(id) % n + 1 (1..n).  cli_shard_parse reads "K/N" (1 <= K <= N);
** -1 when malformed.
*/
uint64_t cli_shard_hash(const char *id, size_t len);
unsigned cli_shard_of(const char *id, size_t len, unsigned n);
int      cli_shard_parse(const char *s, unsigned *k, unsigned *n);

#endif
