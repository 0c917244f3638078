/*
** test_fastseg.c: the segmenter (fast path for simple lines, ICU for the
** rest) must give exactly the segments ICU's word break iterator gives over
** the whole text: same boundaries, same word/non-word status.
**
**   test_fastseg [FILE...]
**
** Inputs: generated text over every class fastseg.c knows (fixed seed, so
** runs repeat), the files named on the command line (real text), and the
** file in $TOPONORM_SEG_CORPUS when set (e.g. the benchmark corpus).
*/
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "../tap.h"
#include "segment.h"

/* Compare tn_seg with plain ICU over text[0..len); report up to 5 differences. */
static int same_segments(const char *name, const char *text, size_t len)
{
    UErrorCode e = U_ZERO_ERROR;
    UText *ut = utext_openUTF8(NULL, text, (int64_t)len, &e);
    UBreakIterator *bi = ubrk_open(UBRK_WORD, "", NULL, 0, &e);
    tn_seg seg;
    size_t s0, e0, nseg = 0, nfast_words = 0;
    int32_t prev, next;
    int word, diffs = 0;

    ubrk_setUText(bi, ut, &e);
    tn_seg_init(&seg);
    tn_seg_set(&seg, text, len);
    prev = ubrk_first(bi);
    for (;;) {
        int got = tn_seg_next(&seg, &s0, &e0, &word);
        next = ubrk_next(bi);
        if (next == UBRK_DONE || !got) {
            if ((next == UBRK_DONE) != !got) {
                diag("%s: one side ended first at byte %ld", name, (long)prev);
                diffs++;
            }
            break;
        }
        nseg++;
        nfast_words += word != 0;
        if ((size_t)prev != s0 || (size_t)next != e0 ||
            (ubrk_getRuleStatus(bi) != UBRK_WORD_NONE) != (word != 0)) {
            if (diffs++ < 5)
                diag("%s: ICU [%ld,%ld) '%.*s' word=%d; ours [%zu,%zu) '%.*s' word=%d", name,
                     (long)prev, (long)next, (int)(next - prev), text + prev,
                     ubrk_getRuleStatus(bi) != UBRK_WORD_NONE, s0, e0, (int)(e0 - s0), text + s0,
                     word);
            /* resynchronise on ICU's boundary */
            tn_seg_set(&seg, text, len);
            while (tn_seg_next(&seg, &s0, &e0, &word) && e0 < (size_t)next)
                ;
        }
        prev = next;
    }
    ok(diffs == 0, "%s: %zu segments (%zu words) equal ICU's", name, nseg, nfast_words);
    tn_seg_free(&seg);
    ubrk_close(bi);
    utext_close(ut);
    return diffs == 0;
}

/*
** The analyzer's fused path: tn_seg_plain_word tried before every
** tn_seg_next (words_and_joiners set) must give the segments tn_seg_next
** alone gives, and each plain word must end where nothing can join it to
** what follows (the end of the text, an ASCII byte other than - ' ` ", or
** one of the marks of tn_seg_other_at: « — ...).
*/
static int same_words(const char *name, const char *text, size_t len)
{
    tn_seg ref, fused;
    size_t s0, e0, s1, e1, nseg = 0, nplain = 0;
    int w0, w1, got0, got1, diffs = 0, bad_end = 0;

    tn_seg_init(&ref);
    tn_seg_init(&fused);
    ref.words_and_joiners = fused.words_and_joiners = 1;
    tn_seg_set(&ref, text, len);
    tn_seg_set(&fused, text, len);
    for (;;) {
        got0 = tn_seg_next(&ref, &s0, &e0, &w0);
        if (tn_seg_plain_word(&fused, &s1, &e1)) {
            got1 = w1 = 1;
            nplain++;
            if (e1 < len && (((unsigned char)text[e1] >= 0x80 &&
                              !tn_seg_other_at((const unsigned char *)text, e1, len)) ||
                             strchr("-'`\"", text[e1]))) {
                if (bad_end++ < 5)
                    diag("%s: plain word [%zu,%zu) '%.*s' ends before '%c'", name, s1, e1,
                         (int)(e1 - s1), text + s1, text[e1]);
            }
        } else {
            got1 = tn_seg_next(&fused, &s1, &e1, &w1);
        }
        if (got0 != got1 || (got0 && (s0 != s1 || e0 != e1 || !w0 != !w1))) {
            if (diffs++ < 5)
                diag("%s: tn_seg_next [%zu,%zu) word=%d; with the plain path [%zu,%zu) word=%d",
                     name, s0, e0, w0, s1, e1, w1);
            break;
        }
        if (!got0)
            break;
        nseg++;
    }
    ok(diffs == 0 && bad_end == 0, "%s: %zu words and joiners (%zu plain) with the fused path",
       name, nseg, nplain);
    tn_seg_free(&ref);
    tn_seg_free(&fused);
    return diffs == 0;
}

#if defined(__SSE2__)
/* The 16-byte scan of a plain word against the byte table: every byte
** value in every lane (the other lanes a letter). */
static void word_bytes16_as_table(void)
{
    unsigned char blk[16];
    int b, lane, bad = 0;
    for (b = 0; b < 256; b++) {
        for (lane = 0; lane < 16; lane++) {
            unsigned want = tn_seg_bytes[b] == TN_SB_WORD || tn_seg_bytes[b] == TN_SB_LEAD ||
                            (b & 0xC0) == 0x80;
            unsigned got;
            memset(blk, 'q', sizeof blk);
            blk[lane] = (unsigned char)b;
            got = tn_seg_word_bytes16(blk);
            if ((got >> lane & 1) != want || (got | 1u << lane) != 0xFFFFu) {
                if (bad++ < 5)
                    diag("byte 0x%02X in lane %d: bits %04X", b, lane, got);
            }
        }
    }
    ok(bad == 0, "tn_seg_word_bytes16: every byte value in every lane as tn_seg_bytes says");
}
#endif

/* Generated text: random picks from pieces of every character class. */
static char *generate(size_t want, unsigned seed, size_t *len)
{
    static const char *pieces[] = {
        "a", "Z", "q", "я", "Ї", "ґ", "ё", "Ы", "é", "ł", "ž", "ʼ", "ʹ", "0", "7", "ҁ", "҂", "Ԥ",
        "'", ".", ",", ";", ":", "_", " ", "  ", "\n", "\r\n", "\r", "\t", "-", "\"",
        "’", "‘", "·", "«", "»", "—", "–", "…", "•", "“", "”", "„", "№", "(", ")", "/",
        "\v", "\f", "?", "!", "@", "#", "ab", "Київ", "Donets'k", "1,000", "3.14",
        "e.g.", "Слов’янськ", "x_1", "__", "_a", "1_", "a'", "'a", "1'2", "a.1", "1.a",
        "`", "a`b", "o-o", "a. b", "so, on", "x;y", "Київ. ", "1.5",
    };
    size_t n = 0, np = sizeof pieces / sizeof pieces[0];
    char *buf = malloc(want + 64);
    if (!buf)
        return NULL;
    while (n < want) {
        const char *p;
        seed = seed * 1103515245u + 12345u;
        p = pieces[(seed >> 16) % np];
        memcpy(buf + n, p, strlen(p));
        n += strlen(p);
    }
    *len = n;
    return buf;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    rewind(f);
    buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = (size_t)n;
    return buf;
}

int main(int argc, char **argv)
{
    size_t len;
    char *text;
    const char *corpus = getenv("TOPONORM_SEG_CORPUS");
    unsigned seed;
    int i;

    for (seed = 1; seed <= 4; seed++) {
        char name[64];
        text = generate(200000, seed, &len);
        snprintf(name, sizeof name, "generated text, seed %u", seed);
        same_segments(name, text, len);
        same_words(name, text, len);
        free(text);
    }
#if defined(__SSE2__)
    word_bytes16_as_table();
#endif
    /* Words around 16 and 32 bytes long (the plain scan's block), ended
    ** by every kind of byte, the last at the text's very end. */
    {
        static const char longw[] =
            "abcdefghijklmno abcdefghijklmnop abcdefghijklmnopq\n"
            "Абвгдежз Абвгдежзи Абвгдежзийклмнопрстуфх xАбвгдежзийклмнопрс-тест\n"
            "0123456789abcdefghijklmnopqrstu, 0123456789abcdefghijklmnopqrstuv. "
            "0123456789abcdefghijklmnopqrstuvw'x Slov\xe2\x80\x99yansk_____abcdefghij "
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ@abcd\xc2\xa0next \xd0\x9a\xd0\xb8\xd1\x97\xd0\xb2" "abcdefghijklmnop"
            "\xe2\x80\x94" "end abcdefghijklmnopqrstuvwxyz";
        same_words("words around 16 and 32 bytes", longw, sizeof longw - 1);
    }
    /* Ill-formed UTF-8 and other complex lines mixed with simple ones. */
    {
        static const char mixed[] = "plain line\nКиїв\xff Донецьк\nа\xcc\x81 stress\n"
                                    "emoji \xf0\x9f\x98\x80 here\nback to simple\n\xed\xa0\x80\n"
                                    /* a lead byte at the end of a 16-byte block, then no
                                    ** continuation byte; or a continuation byte first */
                                    "0123456789abcde\xd0z tail\n0123456789abcd\xd0\xb0\xd1 x\n"
                                    "0123456789abcdef\xb0\xd0\xb0 y\nслово\xd1 слово слово слово\n";
        same_segments("mixed simple and complex lines", mixed, sizeof mixed - 1);
        same_words("mixed simple and complex lines", mixed, sizeof mixed - 1);
    }
    for (i = 1; i < argc; i++) {
        text = slurp(argv[i], &len);
        if (!ok(text != NULL, "read %s", argv[i]))
            continue;
        same_segments(argv[i], text, len);
        same_words(argv[i], text, len);
        free(text);
    }
    if (corpus && *corpus) {
        text = slurp(corpus, &len);
        if (ok(text != NULL, "read %s", corpus))
        {
            same_segments(corpus, text, len);
            same_words(corpus, text, len);
        }
        free(text);
    }
    return exit_status();
}
