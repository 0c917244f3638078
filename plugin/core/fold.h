/*
** fold.h: per-token folding (fold.c) and the working memory it uses.
*/
#ifndef TN_FOLD_H
#define TN_FOLD_H

#include <unicode/utypes.h>
#include "internal.h"

/* One folded token: code points, the surface term, and what they say. */
typedef struct tn_fold {
    uint32_t *cps;
    size_t n, cap;
    tn_buf surface;           /* folded UTF-8 */
    int script;               /* TOPONORM_SCRIPT_* */
    int lang;                 /* TOPONORM_LANG_* from the marker letters */
    size_t letters, cyr, lat, digits;
    size_t yo_at[8];          /* where ё stood before it was read as е */
    size_t n_yo;
} tn_fold;

/* UTF-16 buffers for ICU calls. */
typedef struct tn_scratch_bufs {
    UChar *u16_in, *u16_out;
    size_t u16_cap;
} tn_scratch_bufs;

int  tn_cps_reserve(tn_fold *f, size_t n);
int  tn_u16_reserve(tn_scratch_bufs *sb, size_t n);
void tn_fold_free(tn_fold *f);
void tn_bufs_free(tn_scratch_bufs *sb);

/* Fold s[0..len) into f (see fold.c for the steps).  0 or TOPONORM_E*. */
int tn_fold_token(tn_fold *f, tn_scratch_bufs *sb, const char *s, size_t len);

#endif
