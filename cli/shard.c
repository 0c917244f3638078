/*
** shard.c: which of N shards a document goes to (`toponorm index --shard K/N`).
**
** The shard is FNV-1a 64 of the id's bytes, modulo N, plus one: K counts
** from 1.  The hash is fixed and documented (README, `index --help`) so that
** any other program that feeds the same shards can place ids the same way;
** changing it would scatter the ids of existing shards.
*/
#include <errno.h>
#include <stdlib.h>

#include "cli.h"

uint64_t cli_shard_hash(const char *id, size_t len)
{
    uint64_t h = 14695981039346656037ULL;          /* FNV-1a 64 offset basis */
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)id[i];
        h *= 1099511628211ULL;                      /* FNV-1a 64 prime */
    }
    return h;
}

unsigned cli_shard_of(const char *id, size_t len, unsigned n)
{
    return (unsigned)(cli_shard_hash(id, len) % n) + 1;
}

int cli_shard_parse(const char *s, unsigned *k, unsigned *n)
{
    char *end;
    unsigned long a, b;
    if (*s < '0' || *s > '9')
        return -1;
    errno = 0;
    a = strtoul(s, &end, 10);
    if (errno || *end != '/' || end[1] < '0' || end[1] > '9')
        return -1;
    b = strtoul(end + 1, &end, 10);
    if (errno || *end || b == 0 || b > 65536 || a == 0 || a > b)
        return -1;
    *k = (unsigned)a;
    *n = (unsigned)b;
    return 0;
}
