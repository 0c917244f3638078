/*
** fuzz_main.c: a standalone driver for the libFuzzer targets, so the
** corpora replay without clang or libFuzzer.
**
**   replay_X [DIR_OR_FILE...]
**
** Replays every regular file of each directory (sorted by name) through
** LLVMFuzzerTestOneInput and reports one TAP case per file.  Each file runs
** in a child process, so a crash or failed check (an abort) fails that case
** and the rest still run; FUZZ_NO_FORK=1 runs them all in this process
** (for a debugger).  A file whose name starts with "todo-" is a known,
** not yet fixed crash: its case is a TAP "# TODO" (when it passes, the
** driver reports XPASS: drop the prefix).  Without arguments it replays
** $top_srcdir/tests/fuzz/corpus/FUZZ_CORPUS (set at build time).
*/
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#ifndef FUZZ_CORPUS
#define FUZZ_CORPUS "analyze"
#endif

static int n_cases, n_failed;

static int read_file(const char *path, uint8_t **data, size_t *size)
{
    FILE *f = fopen(path, "rb");
    size_t cap = 4096, n = 0, got;
    uint8_t *p = malloc(cap);
    if (!f || !p) {
        if (f)
            fclose(f);
        free(p);
        return -1;
    }
    while ((got = fread(p + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            uint8_t *q = realloc(p, cap * 2);
            if (!q) {
                free(p);
                fclose(f);
                return -1;
            }
            p = q;
            cap *= 2;
        }
    }
    if (ferror(f)) {
        free(p);
        fclose(f);
        return -1;
    }
    fclose(f);
    /* an exact-size copy, so a read past the end is caught by ASan */
    *data = malloc(n ? n : 1);
    if (!*data) {
        free(p);
        return -1;
    }
    memcpy(*data, p, n);
    free(p);
    *size = n;
    return 0;
}

static void replay_file(const char *path)
{
    uint8_t *data;
    size_t size;
    const char *base = strrchr(path, '/');
    int todo, good = 1, st = 0;
    const char *no_fork = getenv("FUZZ_NO_FORK");
    char what[64] = "";

    base = base ? base + 1 : path;
    todo = strncmp(base, "todo-", 5) == 0;
    n_cases++;
    if (read_file(path, &data, &size) != 0) {
        n_failed++;
        printf("not ok %d - %s: cannot read: %s\n", n_cases, path, strerror(errno));
        return;
    }
    printf("# replaying %s\n", path);
    fflush(stdout);
    fflush(stderr);
    if (no_fork && *no_fork && strcmp(no_fork, "0") != 0) {
        LLVMFuzzerTestOneInput(data, size);
    } else {
        pid_t pid = fork();
        if (pid == 0) {
            LLVMFuzzerTestOneInput(data, size);
            free(data);             /* so memcheck in the child sees no leak of ours */
            fflush(NULL);
            _exit(0);
        }
        if (pid < 0 || waitpid(pid, &st, 0) != pid) {
            good = 0;
            snprintf(what, sizeof what, "fork/wait failed: %s", strerror(errno));
        } else if (WIFSIGNALED(st)) {
            good = 0;
            snprintf(what, sizeof what, "killed by signal %d", WTERMSIG(st));
        } else if (WEXITSTATUS(st) != 0) {
            good = 0;
            snprintf(what, sizeof what, "exit status %d", WEXITSTATUS(st));
        }
    }
    free(data);
    if (!good && !todo)
        n_failed++;
    printf("%s %d - %s (%zu bytes)%s%s%s\n", good ? "ok" : "not ok", n_cases, path, size,
           what[0] ? ": " : "", what, todo ? " # TODO known crash, not fixed yet" : "");
    fflush(stdout);
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static void replay(const char *path)
{
    struct stat st;
    struct dirent **names;
    int n, i;
    if (stat(path, &st) != 0) {
        n_cases++;
        n_failed++;
        printf("not ok %d - %s: %s\n", n_cases, path, strerror(errno));
        return;
    }
    if (!S_ISDIR(st.st_mode)) {
        replay_file(path);
        return;
    }
    n = scandir(path, &names, NULL, by_name);
    if (n < 0) {
        n_cases++;
        n_failed++;
        printf("not ok %d - %s: %s\n", n_cases, path, strerror(errno));
        return;
    }
    for (i = 0; i < n; i++) {
        size_t len = strlen(path) + strlen(names[i]->d_name) + 2;
        char *full = malloc(len);
        if (full && names[i]->d_name[0] != '.') {
            snprintf(full, len, "%s/%s", path, names[i]->d_name);
            if (stat(full, &st) == 0 && S_ISREG(st.st_mode))
                replay_file(full);
        }
        free(full);
        free(names[i]);
    }
    free(names);
}

int main(int argc, char **argv)
{
    int i;
    if (argc > 1) {
        for (i = 1; i < argc; i++)
            replay(argv[i]);
    } else {
        const char *top = getenv("top_srcdir");
        char dir[4096];
        snprintf(dir, sizeof dir, "%s/tests/fuzz/corpus/%s", top && *top ? top : ".",
                 FUZZ_CORPUS);
        replay(dir);
    }
    if (n_cases == 0) {
        printf("not ok 1 - no corpus files found\n");
        n_cases = n_failed = 1;
    }
    printf("1..%d\n", n_cases);
    return n_failed ? 1 : 0;
}
