/*
** fuzz_lexicon.c: libFuzzer target for toponorm_lexicon_open.
**
** The input is written to a temporary file and opened as a lexicon.  It
** must open, or fail with TOPONORM_EFORMAT / TOPONORM_EVERSION and an error
** naming the file; never crash.  A lexicon that opens must analyze a sample
** text with well-formed terms.  Since nearly every mutation breaks the
** checksum, an input that starts with the magic is also tried a second time
** with its file size and checksum fields repaired, so the loader's own
** checks (offsets, counts, strings, rules) get fuzzed too.
*/
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lexfmt.h"

#include "fuzz_check.h"

static char path[4096];

static void fz_remove(void)
{
    if (path[0])
        unlink(path);
}

static void fz_init(void)
{
    const char *tmp = getenv("TMPDIR");
    int fd;
    snprintf(path, sizeof path, "%s/toponorm-fuzz-lexicon-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    fd = mkstemp(path);
    if (fd < 0) {
        fprintf(stderr, "fuzz_lexicon: mkstemp %s: %s\n", path, strerror(errno));
        exit(2);
    }
    close(fd);
    atexit(fz_remove);
}

static void put_file(const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0)
        fz_fail("cannot write the temporary lexicon", NULL);
}

static void wr32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

static void try_open(void)
{
    static const char text[] =
        "Київ Харків Kyiv Kharkiv Слов'янськ Івано-Франківськ Щёлково Zaporizhzhia "
        "Donec`k Ґалаґан Объединение Shchors Yasynuvata Ясинувата Chernihiv 2014 "
        "Kиїв Xарків ёжик Ёлки Łódź Dnipro’s";
    toponorm_lexicon *lx = NULL;
    toponorm_error err;
    int rc;
    memset(&err, 0, sizeof err);
    rc = toponorm_lexicon_open(path, &lx, &err);
    if (rc != 0) {
        if (lx)
            fz_fail("failed open left *out set", NULL);
        if (rc != TOPONORM_EFORMAT && rc != TOPONORM_EVERSION) {
            fprintf(stderr, "rc %d: %s\n", rc, err.msg);
            fz_fail("open failed with an unexpected code", NULL);
        }
        if (err.code != rc || strcmp(err.where, path) != 0 || !err.msg[0])
            fz_fail("error record not filled (code, where, msg)", NULL);
        return;
    }
    if (!lx || !toponorm_lexicon_data_version(lx))
        fz_fail("open returned 0 without a lexicon or data version", NULL);
    {
        toponorm_analyzer *an = NULL;
        toponorm_scratch *sc = NULL;
        fz_run r;
        if (toponorm_analyzer_new(lx, NULL, &an, NULL) != 0 ||
            toponorm_scratch_new(an, &sc, NULL) != 0)
            fz_fail("analyzer or scratch over an opened lexicon failed", NULL);
        /* rules may lengthen keys: do not hold a foreign lexicon to 240 bytes */
        fz_begin(&r, (const unsigned char *)text, sizeof text - 1, (size_t)1 << 24);
        rc = toponorm_analyze(an, sc, text, sizeof text - 1, 0, fz_cb, &r);
        if (rc != 0 && rc != TOPONORM_ENOMEM)
            fz_fail("analysis with an opened lexicon did not return 0", NULL);
        fz_end(&r);
        toponorm_scratch_free(sc);
        toponorm_analyzer_free(an);
    }
    toponorm_lexicon_close(lx);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!path[0])
        fz_init();
    put_file(data, size);
    try_open();
    if (size >= TN_LEX_HEADER_SIZE && memcmp(data, "TOPONLEX", 8) == 0) {
        uint8_t *fixed = malloc(size);
        if (!fixed)
            fz_fail("out of memory", NULL);
        memcpy(fixed, data, size);
        wr32(fixed + 16, (uint32_t)size);
        wr32(fixed + TN_H_SUM, tn_lex_sum(fixed, size));
        put_file(fixed, size);
        try_open();
        free(fixed);
    }
    return 0;
}
