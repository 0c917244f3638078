/*
** tap.h: a minimal Test Anything Protocol emitter for toponorm's C tests.
** Automake's tap-driver.sh reads the output; every case is reported, a
** failure never stops the run.  Header-only: each test program includes it
** once.
**
**   plan_no_plan();  ok(cond, "name %d", i);  is_str(got, want, "name");
**   diag("note");    return exit_status();
*/
#ifndef TOPONORM_TAP_H
#define TOPONORM_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#if defined(__GNUC__)
#define TAP_UNUSED __attribute__((unused))
#else
#define TAP_UNUSED
#endif

static int tap_run, tap_failed;

TAP_UNUSED static void tap_vline(const char *prefix, const char *fmt, va_list ap)
{
    fputs(prefix, stdout);
    vfprintf(stdout, fmt, ap);
    fputc('\n', stdout);
}

/* Print a diagnostic line (starts with "# "). */
TAP_UNUSED static void diag(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    tap_vline("# ", fmt, ap);
    va_end(ap);
    fflush(stdout);
}

/* Report one case; returns cond so callers can add diagnostics on failure. */
TAP_UNUSED static int ok(int cond, const char *fmt, ...)
{
    va_list ap;
    tap_run++;
    if (!cond)
        tap_failed++;
    printf("%s %d - ", cond ? "ok" : "not ok", tap_run);
    va_start(ap, fmt);
    vfprintf(stdout, fmt, ap);
    va_end(ap);
    fputc('\n', stdout);
    fflush(stdout);
    return cond;
}

/* Compare two strings (NULL-safe) and show both on failure. */
TAP_UNUSED static int is_str(const char *got, const char *want, const char *name)
{
    int same = (got && want) ? strcmp(got, want) == 0 : got == want;
    if (!ok(same, "%s", name)) {
        diag("     got: '%s'", got ? got : "(null)");
        diag("expected: '%s'", want ? want : "(null)");
    }
    return same;
}

/* Compare two integers and show both on failure. */
TAP_UNUSED static int is_int(long long got, long long want, const char *name)
{
    if (!ok(got == want, "%s", name)) {
        diag("     got: %lld", got);
        diag("expected: %lld", want);
    }
    return got == want;
}

/* Print the plan at the end (TAP allows a trailing plan). */
TAP_UNUSED static int exit_status(void)
{
    printf("1..%d\n", tap_run);
    return tap_failed ? 1 : 0;
}

#endif /* TOPONORM_TAP_H */
