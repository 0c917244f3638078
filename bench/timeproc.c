/*
** timeproc.c: time whole processes for `make bench`.
**
**   timeproc INPUT COMMAND [ARG...]
**
** Runs COMMAND once with stdin from the file INPUT and stdout on /dev/null
** (stderr is inherited), and prints the wall-clock seconds from just before
** fork() to just after waitpid() returns, measured with
** clock_gettime(CLOCK_MONOTONIC), so process start, library loading and exit
** are all counted.  A POSIX shell has no sub-second clock; this is it.
**
** Exit status: 0 when COMMAND exits 0; otherwise 1, with a message and no
** time printed, so a crash is never reported as a fast run.
*/
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    int in, out, status;
    double t0, t;
    pid_t pid;

    if (argc < 3) {
        fputs("usage: timeproc INPUT COMMAND [ARG...]\n", stderr);
        return 1;
    }
    if ((in = open(argv[1], O_RDONLY)) < 0) {
        fprintf(stderr, "timeproc: %s: %s\n", argv[1], strerror(errno));
        return 1;
    }
    if ((out = open("/dev/null", O_WRONLY)) < 0) {
        fprintf(stderr, "timeproc: /dev/null: %s\n", strerror(errno));
        return 1;
    }
    fflush(NULL);
    t0 = now();
    pid = fork();
    if (pid < 0) {
        fprintf(stderr, "timeproc: fork: %s\n", strerror(errno));
        return 1;
    }
    if (pid == 0) {
        if (dup2(in, 0) < 0 || dup2(out, 1) < 0)
            _exit(127);
        close(in);
        close(out);
        execvp(argv[2], argv + 2);
        fprintf(stderr, "timeproc: %s: %s\n", argv[2], strerror(errno));
        _exit(127);
    }
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            fprintf(stderr, "timeproc: waitpid: %s\n", strerror(errno));
            return 1;
        }
    }
    t = now() - t0;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        if (WIFSIGNALED(status))
            fprintf(stderr, "timeproc: %s: killed by signal %d\n", argv[2], WTERMSIG(status));
        else
            fprintf(stderr, "timeproc: %s: exit status %d\n", argv[2], WEXITSTATUS(status));
        return 1;
    }
    printf("%.6f\n", t);
    return 0;
}
