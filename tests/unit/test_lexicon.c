/*
** test_lexicon.c: loading a compiled lexicon that is truncated, corrupt,
** foreign, empty, not a file, missing, or of a future format version.
**
** Every case must return the right TOPONORM_E* code with err filled in
** (code, a message, err.where naming the file) and *out NULL, and never
** crash; the intact copy must open and analyze.  The real compiled lexicon
** ($TOPONORM_LEXICON) is the starting point; copies go to a mkdtemp
** directory that is removed at the end.
*/
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../tap.h"
#include "lexfmt.h"
#include "termcheck.h"

static char dir[512];
static unsigned char *orig;
static size_t orig_n;
static char *tmp_path;           /* the one scratch file most cases rewrite */

static uint32_t rng_state = 12345u;
static uint32_t rng(void)         /* fixed-seed xorshift: the same on every platform */
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

/* Repair the checksum after a deliberate change, so the loader's own checks
** (offsets, counts, strings) see it rather than the checksum test. */
static void wr32(unsigned char *p, uint32_t v);
static void fix_sum(unsigned char *img, size_t n)
{
    wr32(img + TN_H_SUM, tn_lex_sum(img, n));
}

static void wr32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16);
    p[3] = (unsigned char)(v >> 24);
}

static uint32_t rd32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static char *path_in_dir(const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    if (!p) {
        puts("Bail out! out of memory");
        exit(99);
    }
    snprintf(p, n, "%s/%s", dir, name);
    return p;
}

static void write_file(const char *path, const void *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f || (n && fwrite(data, 1, n, f) != n) || fclose(f) != 0) {
        printf("Bail out! cannot write %s: %s\n", path, strerror(errno));
        exit(99);
    }
}

/* Analyze a sample with a lexicon that opened: must not crash, rc 0. */
static int analyze_sample(const toponorm_lexicon *lx)
{
    static const char text[] = "Київ Харків Kyiv Kharkiv Слов'янськ Івано-Франківськ Щёлково "
                               "Zaporizhzhia Donec`k Ґалаґан Объединение 2014";
    toponorm_analyzer *an = NULL;
    toponorm_scratch *sc = NULL;
    tc_run r;
    int rc;
    memset(&r, 0, sizeof r);
    if (toponorm_analyzer_new(lx, NULL, &an, NULL) != 0 ||
        toponorm_scratch_new(an, &sc, NULL) != 0)
        rc = -100;
    else
        rc = tc_analyze(an, sc, text, sizeof text - 1, 0, &r);
    if (rc == 0 && r.violations)
        rc = -101;
    tc_reset(&r);
    toponorm_scratch_free(sc);
    toponorm_analyzer_free(an);
    return rc;
}

/*
** Open path; check the result against want.  Returns 1 when right; on a
** mismatch fills why.  want_alt is a second acceptable code (or want).
*/
static int check_open(const char *path, int want, int want_alt, int *got, char *why, size_t cap)
{
    toponorm_lexicon *lx = (toponorm_lexicon *)&lx;   /* must be overwritten */
    toponorm_error err;
    int rc;
    memset(&err, 0x5A, sizeof err);
    err.where[sizeof err.where - 1] = '\0';
    err.msg[sizeof err.msg - 1] = '\0';
    rc = toponorm_lexicon_open(path, &lx, &err);
    *got = rc;
    why[0] = '\0';
    if (rc != want && rc != want_alt) {
        snprintf(why, cap, "rc %d (%s), want %d: %.150s", rc, toponorm_strerror(rc), want,
                 rc ? err.msg : "opened");
    } else if (rc == 0) {
        int arc;
        if (!lx)
            snprintf(why, cap, "rc 0 but *out is NULL");
        else if (!toponorm_lexicon_data_version(lx))
            snprintf(why, cap, "opened, but no data version");
        else if ((arc = analyze_sample(lx)) != 0)
            snprintf(why, cap, "opened, but analysis returned %d", arc);
        toponorm_lexicon_close(lx);
    } else {
        if (lx != NULL)
            snprintf(why, cap, "rc %d but *out is not NULL", rc);
        else if (err.code != rc)
            snprintf(why, cap, "err.code %d, rc %d", err.code, rc);
        else if (strcmp(err.where, path) != 0)
            snprintf(why, cap, "err.where '%.100s' does not name '%.100s'", err.where, path);
        else if (err.msg[0] == '\0' || (unsigned char)err.msg[0] == 0x5A)
            snprintf(why, cap, "err.msg not filled");
    }
    return why[0] == '\0';
}

/* One TAP case for one file. */
static void one(const char *path, int want, const char *name)
{
    char why[512];
    int got;
    if (!ok(check_open(path, want, want, &got, why, sizeof why), "%s: %s", name,
            toponorm_strerror(want)))
        diag("%s", why);
}

/* ---- the cases ----------------------------------------------------------- */

static void test_intact(void)
{
    char *p = path_in_dir("intact.lex");
    toponorm_lexicon *lx = NULL;
    toponorm_error err;
    int rc;
    write_file(p, orig, orig_n);
    rc = toponorm_lexicon_open(p, &lx, &err);
    if (!ok(rc == 0 && lx, "the intact copy opens"))
        diag("rc %d: %s", rc, err.msg);
    if (lx) {
        const char *v = toponorm_lexicon_data_version(lx);
        ok(v && *v, "it has a data version ('%s')", v ? v : "(null)");
        is_int(analyze_sample(lx), 0, "it analyzes");
        toponorm_lexicon_close(lx);
    }
    rc = toponorm_lexicon_open(p, &lx, NULL);
    ok(rc == 0 && lx, "it opens with err == NULL too");
    toponorm_lexicon_close(lx);
    is_int(toponorm_lexicon_open(p, NULL, &err), TOPONORM_EINVAL, "out == NULL: TOPONORM_EINVAL");
    unlink(p);
    free(p);
}

static void test_truncations(void)
{
    size_t len, bad = 0, cases = 0, k;
    char why[512];
    int got;
    for (k = 0; k < 256 + 300; k++) {
        /* every length below 256, then 300 evenly spaced ones up to the full size */
        len = k < 256 ? k : 256 + (k - 255) * (orig_n - 256) / 301;
        if (len >= orig_n)
            break;
        write_file(tmp_path, orig, len);
        cases++;
        if (!check_open(tmp_path, TOPONORM_EFORMAT, TOPONORM_EFORMAT, &got, why, sizeof why) &&
            bad++ < 10)
            diag("truncated to %zu bytes: %s", len, why);
    }
    if (!ok(bad == 0 && cases == 556,
            "%zu truncations (0..255 bytes, then every ~%zu bytes): TOPONORM_EFORMAT", cases,
            (orig_n - 256) / 301))
        diag("%zu wrong", bad);
    /* the very last byte missing, and one byte too many */
    write_file(tmp_path, orig, orig_n - 1);
    one(tmp_path, TOPONORM_EFORMAT, "the last byte missing");
    {
        unsigned char *pad = malloc(orig_n + 1);
        memcpy(pad, orig, orig_n);
        pad[orig_n] = 0;
        write_file(tmp_path, pad, orig_n + 1);
        one(tmp_path, TOPONORM_EFORMAT, "one byte of padding");
        free(pad);
    }
}

/* The code a single corrupt byte at off must give. */
static int want_for_offset(size_t off)
{
    if (off < 8)
        return TOPONORM_EFORMAT;     /* magic */
    if (off < 12)
        return TOPONORM_EVERSION;    /* format */
    return TOPONORM_EFORMAT;         /* header size, file size, checksum, anything it covers */
}

static void test_corruptions(void)
{
    unsigned char *buf = malloc(orig_n);
    size_t i, bad = 0, accepted_hdr = 0, n_hdr = 0;
    char why[512];
    int got;
    static const unsigned char patterns[] = {0x01, 0x80, 0xFF};

    /* every header byte, three ways: the checksum covers the whole header */
    for (i = 0; i < TN_LEX_HEADER_SIZE; i++) {
        size_t p;
        for (p = 0; p < sizeof patterns; p++) {
            memcpy(buf, orig, orig_n);
            buf[i] ^= patterns[p];
            write_file(tmp_path, buf, orig_n);
            if (!check_open(tmp_path, want_for_offset(i), want_for_offset(i), &got, why,
                            sizeof why) && bad++ < 10)
                diag("header byte %zu ^ 0x%02X: %s", i, patterns[p], why);
        }
    }
    if (!ok(bad == 0, "every header byte corrupted 3 ways: the right code, never a crash"))
        diag("%zu wrong", bad);

    /* header fields corrupted with the checksum repaired: the loader's own
    ** checks must refuse them or load a lexicon that works */
    bad = 0;
    for (i = TN_H_NTABLES; i < TN_LEX_HEADER_SIZE; i++) {
        size_t p;
        for (p = 0; p < sizeof patterns; p++) {
            memcpy(buf, orig, orig_n);
            buf[i] ^= patterns[p];
            fix_sum(buf, orig_n);
            write_file(tmp_path, buf, orig_n);
            if (!check_open(tmp_path, TOPONORM_EFORMAT, TOPONORM_OK, &got, why, sizeof why)) {
                if (bad++ < 10)
                    diag("header byte %zu ^ 0x%02X, checksum repaired: %s", i, patterns[p], why);
            } else if (got == TOPONORM_OK) {
                accepted_hdr++;
            }
            n_hdr++;
        }
    }
    if (!ok(bad == 0, "header fields corrupted, checksum repaired: EFORMAT or a working lexicon"))
        diag("%zu wrong", bad);
    diag("%zu of %zu such corruptions loaded (e.g. fewer samples, reserved bytes)", accepted_hdr,
         n_hdr);

    /* random single bytes anywhere (fixed seed) */
    bad = 0;
    for (i = 0; i < 600; i++) {
        size_t off = rng() % orig_n;
        unsigned char x = (unsigned char)(1 + rng() % 255);
        int want = want_for_offset(off);
        memcpy(buf, orig, orig_n);
        buf[off] ^= x;
        write_file(tmp_path, buf, orig_n);
        if (!check_open(tmp_path, want_for_offset(off), want, &got, why, sizeof why) &&
            bad++ < 10)
            diag("byte %zu ^ 0x%02X: %s", off, x, why);
    }
    if (!ok(bad == 0, "600 random single-byte corruptions (seed 12345): the right code"))
        diag("%zu wrong", bad);

    /* random corruptions of the body with the checksum repaired, so the
    ** loader's own checks see them: EFORMAT or a lexicon that works */
    bad = 0;
    {
        size_t loaded = 0;
        for (i = 0; i < 600; i++) {
            size_t off = TN_LEX_HEADER_SIZE + rng() % (orig_n - TN_LEX_HEADER_SIZE);
            size_t nbytes = 1 + rng() % 4, k;
            memcpy(buf, orig, orig_n);
            for (k = 0; k < nbytes && off + k < orig_n; k++)
                buf[off + k] = (unsigned char)rng();
            fix_sum(buf, orig_n);
            write_file(tmp_path, buf, orig_n);
            if (!check_open(tmp_path, TOPONORM_EFORMAT, TOPONORM_OK, &got, why, sizeof why)) {
                if (bad++ < 10)
                    diag("bytes %zu..%zu randomised, checksum repaired: %s", off, off + nbytes - 1, why);
            } else if (got == TOPONORM_OK) {
                loaded++;
            }
        }
        if (!ok(bad == 0, "600 body corruptions with the checksum repaired: EFORMAT or a working lexicon"))
            diag("%zu wrong", bad);
        diag("%zu of them loaded (harmless changes such as rule targets)", loaded);
    }
    /* structural lies with the checksum repaired */
    {
        static const struct { size_t off; uint32_t val; const char *name; } lies[] = {
            {24, 0xFFFFFFFFu, "table count 2^32-1"},
            {28, 0xFFFFFFF0u, "table offset near 2^32"},
            {32, 0xFFFFFFFFu, "rule count 2^32-1"},
            {36, 0xFFFFFFF0u, "rule offset near 2^32"},
            {40, 0xFFFFFFF0u, "string pool offset near 2^32"},
            {44, 0xFFFFFFFFu, "string pool size 2^32-1"},
            {48, 0xFFFFFFFFu, "data version offset 2^32-1"},
            {52, 0xFFFFFFFFu, "data version length 2^32-1"},
            {24, 0, "no tables (so no Cyrillic key table)"},
            {TN_H_PLACES, 0xFFFFFF00u, "places section offset near 2^32"},
            {TN_H_PLACESLEN, 0xFFFFFFFFu, "places section size 2^32-1"},
            {TN_H_PLACESLEN, 4, "places section shorter than its header"},
        };
        for (i = 0; i < sizeof lies / sizeof lies[0]; i++) {
            char name[96];
            memcpy(buf, orig, orig_n);
            wr32(buf + lies[i].off, lies[i].val);
            fix_sum(buf, orig_n);
            write_file(tmp_path, buf, orig_n);
            snprintf(name, sizeof name, "header: %s", lies[i].name);
            one(tmp_path, TOPONORM_EFORMAT, name);
        }
        /* every table's rule range pointing past the rules */
        memcpy(buf, orig, orig_n);
        for (i = 0; i < rd32(orig + 24); i++)
            wr32(buf + rd32(orig + 28) + i * 32 + 20, 0x7FFFFFFFu);
        fix_sum(buf, orig_n);
        write_file(tmp_path, buf, orig_n);
        one(tmp_path, TOPONORM_EFORMAT, "tables with rule counts past the rule array (checksum repaired)");
        /* every rule's source string pointing past the pool */
        memcpy(buf, orig, orig_n);
        wr32(buf + rd32(orig + 36), 0xFFFFFF00u);
        fix_sum(buf, orig_n);
        write_file(tmp_path, buf, orig_n);
        one(tmp_path, TOPONORM_EFORMAT, "a rule string offset past the pool (checksum repaired)");
        /* the last string's NUL terminator removed */
        memcpy(buf, orig, orig_n);
        buf[orig_n - 1] = 'x';
        fix_sum(buf, orig_n);
        write_file(tmp_path, buf, orig_n);
        one(tmp_path, TOPONORM_EFORMAT, "the pool's last NUL overwritten (checksum repaired)");
        /* a gazetteer hash slot naming an entry past the last: the first
        ** slot, one inside a block of four, the last */
        if (rd32(orig + TN_H_PLACES)) {
            const unsigned char *ph = orig + rd32(orig + TN_H_PLACES);
            uint32_t nslots = rd32(ph + TN_P_NSLOTS), slots = rd32(ph + TN_P_SLOTS);
            const uint32_t at[] = {0, 37, nslots - 1};
            for (i = 0; i < sizeof at / sizeof at[0]; i++) {
                char name[96];
                memcpy(buf, orig, orig_n);
                wr32(buf + slots + (size_t)at[i] * 4, rd32(ph + TN_P_NENTRIES) + 1);
                fix_sum(buf, orig_n);
                write_file(tmp_path, buf, orig_n);
                snprintf(name, sizeof name, "hash slot %u of %u past the entries (checksum repaired)",
                         at[i], nslots);
                one(tmp_path, TOPONORM_EFORMAT, name);
            }
            /* tags that disagree with the slots: a used slot tagged empty,
            ** an empty one tagged used (a lookup would read a zero slot) */
            for (i = 0; i < 2; i++) {
                uint32_t tags = rd32(ph + TN_P_TAGS), k;
                for (k = 0; k < nslots && (rd32(orig + slots + (size_t)k * 4) != 0) != (i == 0); k++)
                    ;
                memcpy(buf, orig, orig_n);
                buf[tags + k] = i == 0 ? 0 : 0x81;
                fix_sum(buf, orig_n);
                write_file(tmp_path, buf, orig_n);
                one(tmp_path, TOPONORM_EFORMAT,
                    i == 0 ? "a used hash slot tagged empty (checksum repaired)"
                           : "an empty hash slot tagged used (checksum repaired)");
            }
        } else {
            ok(0, "the test lexicon has a gazetteer");
        }
    }
    free(buf);
}

static void test_versions(void)
{
    unsigned char *buf = malloc(orig_n);
    static const uint32_t versions[] = {0, 1, 2, TN_LEX_FORMAT + 1, 0x100, 0xFFFFFFFFu};
    size_t i;
    char name[64];
    is_int(rd32(orig + TN_H_FORMAT), TN_LEX_FORMAT, "the compiled lexicon has the format this library reads");
    for (i = 0; i < sizeof versions / sizeof versions[0]; i++) {
        memcpy(buf, orig, orig_n);
        wr32(buf + 8, versions[i]);      /* and nothing else */
        write_file(tmp_path, buf, orig_n);
        snprintf(name, sizeof name, "format version %u", versions[i]);
        one(tmp_path, TOPONORM_EVERSION, name);
    }
    free(buf);
}

static void test_foreign(void)
{
    static const unsigned char png[] = {
        0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
        0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89, 0, 0, 0, 13,
        'I', 'D', 'A', 'T', 0x78, 0x9C, 0x63, 0, 1, 0, 0, 5, 0, 1, 0x0D, 0x0A, 0x2D,
        0xB4, 0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xAE, 'B', 0x60, 0x82, 0, 0, 0, 0, 0, 0,
    };
    unsigned char zeros[4096], sh[1024];
    char *p = path_in_dir("foreign.lex");
    FILE *f;
    size_t n;

    write_file(p, png, sizeof png);
    one(p, TOPONORM_EFORMAT, "a PNG file");
    f = fopen("/bin/sh", "rb");
    if (f && (n = fread(sh, 1, sizeof sh, f)) == sizeof sh) {
        write_file(p, sh, n);
        one(p, TOPONORM_EFORMAT, "the first KB of /bin/sh");
    } else {
        ok(1, "# SKIP /bin/sh not readable");
    }
    if (f)
        fclose(f);
    memset(zeros, 0, sizeof zeros);
    write_file(p, zeros, sizeof zeros);
    one(p, TOPONORM_EFORMAT, "4 KB of zeros");
    write_file(p, zeros, TN_LEX_HEADER_SIZE);
    one(p, TOPONORM_EFORMAT, "zero bytes, a header's worth");
    memcpy(zeros, "TOPONLEX", 8);
    wr32(zeros + TN_H_FORMAT, TN_LEX_FORMAT);
    wr32(zeros + TN_H_HSIZE, TN_LEX_HEADER_SIZE);
    wr32(zeros + TN_H_FSIZE, TN_LEX_HEADER_SIZE);
    fix_sum(zeros, TN_LEX_HEADER_SIZE);  /* a right checksum, over nothing */
    write_file(p, zeros, TN_LEX_HEADER_SIZE);
    one(p, TOPONORM_EFORMAT, "a bare valid header, nothing after it");
    write_file(p, "TOPONLEX", 8);
    one(p, TOPONORM_EFORMAT, "the magic alone");
    write_file(p, "", 0);
    one(p, TOPONORM_EFORMAT, "an empty file");
    memcpy(sh, orig, TN_LEX_HEADER_SIZE);
    memcpy(sh + TN_LEX_HEADER_SIZE, "#! toponorm-lexicon 1 kind=key name=x script=Cyrl\n", 51);
    write_file(p, sh, TN_LEX_HEADER_SIZE + 51);
    one(p, TOPONORM_EFORMAT, "a real header in front of a lexicon source");
    unlink(p);
    free(p);
}

static void test_not_files(void)
{
    char *p = path_in_dir("missing.lex"), *d = path_in_dir("a-directory.lex");
    one(p, TOPONORM_EIO, "a missing path");
    if (mkdir(d, 0700) == 0) {
        one(d, TOPONORM_EIO, "a directory");
        rmdir(d);
    } else {
        ok(0, "cannot make a directory: %s", strerror(errno));
    }
    one("/dev/null", TOPONORM_EIO, "/dev/null (a character device)");
    one("", TOPONORM_EIO, "the empty path");
    {
        char *q = path_in_dir("no-such-dir/x.lex");
        one(q, TOPONORM_EIO, "a path through a missing directory");
        free(q);
    }
    free(p);
    free(d);
    /* a FIFO: open() must not block waiting for a writer */
    p = path_in_dir("fifo.lex");
    if (mkfifo(p, 0600) == 0) {
        pid_t pid = fork();
        if (pid == 0) {
            toponorm_lexicon *lx = NULL;
            int rc;
            alarm(2);
            rc = toponorm_lexicon_open(p, &lx, NULL);
            _exit(rc == TOPONORM_EIO ? 0 : 1);
        } else if (pid > 0) {
            int st = 0;
            waitpid(pid, &st, 0);
            if (!ok(WIFEXITED(st) && WEXITSTATUS(st) == 0, "a FIFO: TOPONORM_EIO at once, no hang"))
                diag("child: %s %d", WIFSIGNALED(st) ? "killed by signal" : "exit status",
                     WIFSIGNALED(st) ? WTERMSIG(st) : WEXITSTATUS(st));
        } else {
            ok(0, "fork: %s", strerror(errno));
        }
        unlink(p);
    } else {
        ok(1, "# SKIP mkfifo: %s", strerror(errno));
    }
    free(p);
    /* a sparse file over 4 GiB */
    p = path_in_dir("huge.lex");
    {
        int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd >= 0 && write(fd, orig, 64) == 64 && ftruncate(fd, (off_t)5 << 30) == 0) {
            close(fd);
            one(p, TOPONORM_EFORMAT, "a (sparse) file over 4 GiB");
        } else {
            if (fd >= 0)
                close(fd);
            ok(1, "# SKIP cannot make a sparse 5 GiB file");
        }
        unlink(p);
    }
    free(p);
}

int main(void)
{
    const char *src = getenv("TOPONORM_LEXICON");
    const char *tmpdir = getenv("TMPDIR");
    FILE *f;
    long n;

    if (!src || !*src)
        src = toponorm_default_lexicon_path();
    f = fopen(src, "rb");
    if (!f || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 64 || fseek(f, 0, SEEK_SET) != 0) {
        printf("Bail out! cannot read the lexicon %s\n", src);
        return 99;
    }
    orig_n = (size_t)n;
    orig = malloc(orig_n);
    if (!orig || fread(orig, 1, orig_n, f) != orig_n) {
        printf("Bail out! cannot read the lexicon %s\n", src);
        return 99;
    }
    fclose(f);
    snprintf(dir, sizeof dir, "%s/toponorm-lexicon-XXXXXX",
             tmpdir && *tmpdir ? tmpdir : "/tmp");
    if (!mkdtemp(dir)) {
        printf("Bail out! mkdtemp %s: %s\n", dir, strerror(errno));
        return 99;
    }
    tmp_path = path_in_dir("case.lex");
    diag("lexicon %s, %zu bytes; copies in %s", src, orig_n, dir);

    test_intact();
    test_truncations();
    test_corruptions();
    test_versions();
    test_foreign();
    test_not_files();

    unlink(tmp_path);
    free(tmp_path);
    ok(rmdir(dir) == 0, "the temporary directory is empty and removed");
    free(orig);
    return exit_status();
}
