/*
** error.c: status messages and the caller-owned error record.
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

const char *toponorm_strerror(int code)
{
    switch (code) {
    case TOPONORM_OK:       return "success";
    case TOPONORM_ENOMEM:   return "out of memory";
    case TOPONORM_EINVAL:   return "invalid argument";
    case TOPONORM_EIO:      return "cannot read file";
    case TOPONORM_EFORMAT:  return "not a valid toponorm lexicon (truncated, corrupt or foreign)";
    case TOPONORM_EVERSION: return "unsupported lexicon format version";
    case TOPONORM_EICU:     return "ICU error";
    case TOPONORM_ESYNTAX:  return "syntax error in lexicon source";
    default:                return code > 0 ? "stopped by callback" : "unknown error";
    }
}

/*
** Fill err (when not NULL) and return code, so callers can write
** `return tn_error(err, TOPONORM_EIO, path, 0, "...")`.
*/
int tn_error(toponorm_error *err, int code, const char *where, int line,
             const char *fmt, ...)
{
    va_list ap;
    if (!err)
        return code;
    err->code = code;
    err->line = line;
    snprintf(err->where, sizeof err->where, "%s", where ? where : "");
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return code;
}
