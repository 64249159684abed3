/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_u8.c - UTF-8 decoding, column widths, clipping, padding and the
 * growable string underneath them.
 */
#include "config.h"
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "util/sbuf.h"
#include "util/u8.h"

/* "中" U+4E2D, "文" U+6587, "é" U+00E9, "😀" U+1F600. */
#define ZHONG "\xE4\xB8\xAD"
#define WEN "\xE6\x96\x87"
#define E_ACUTE "\xC3\xA9"
#define GRIN "\xF0\x9F\x98\x80"
/* "e" followed by U+0301 COMBINING ACUTE ACCENT. */
#define E_COMBINING "e\xCC\x81"

/* Decode S (NUL-terminated, the NUL not included) and check the code
 * point and the length used. */
static void
check_decode(const char *s, uint32_t want_cp, size_t want_len)
{
    size_t len = 99;
    uint32_t cp = u8_decode(s, strlen(s), &len);

    assert_int_equal(cp, want_cp);
    assert_int_equal(len, want_len);
}

static void
test_decode_valid(void **state)
{
    (void)state;
    check_decode("A", 0x41, 1);
    check_decode("\x7F", 0x7F, 1);
    check_decode("\xC2\x80", 0x80, 2);
    check_decode(E_ACUTE, 0xE9, 2);
    check_decode("\xDF\xBF", 0x7FF, 2);
    check_decode("\xE0\xA0\x80", 0x800, 3);
    check_decode(ZHONG, 0x4E2D, 3);
    check_decode("\xEF\xBF\xBD", 0xFFFD, 3);
    check_decode("\xEF\xBF\xBF", 0xFFFF, 3);
    check_decode("\xF0\x90\x80\x80", 0x10000, 4);
    check_decode(GRIN, 0x1F600, 4);
    check_decode("\xF4\x8F\xBF\xBF", 0x10FFFF, 4);
    /* Only the first character is decoded. */
    check_decode(ZHONG WEN, 0x4E2D, 3);
    check_decode("ab", 'a', 1);
}

static void
test_decode_invalid(void **state)
{
    size_t len = 99;

    (void)state;
    /* Lone continuation byte, bytes that never occur. */
    check_decode("\x80", U8_REPLACEMENT, 1);
    check_decode("\xBF" "A", U8_REPLACEMENT, 1);
    check_decode("\xFF", U8_REPLACEMENT, 1);
    check_decode("\xFE", U8_REPLACEMENT, 1);
    check_decode("\xF5\x80\x80\x80", U8_REPLACEMENT, 1);
    /* Overlong forms. */
    check_decode("\xC0\x80", U8_REPLACEMENT, 1);
    check_decode("\xC1\xBF", U8_REPLACEMENT, 1);
    check_decode("\xE0\x80\x80", U8_REPLACEMENT, 1);
    check_decode("\xE0\x9F\xBF", U8_REPLACEMENT, 1);
    check_decode("\xF0\x80\x80\x80", U8_REPLACEMENT, 1);
    check_decode("\xF0\x8F\xBF\xBF", U8_REPLACEMENT, 1);
    /* UTF-16 surrogates. */
    check_decode("\xED\xA0\x80", U8_REPLACEMENT, 1);
    check_decode("\xED\xBF\xBF", U8_REPLACEMENT, 1);
    /* Past U+10FFFF. */
    check_decode("\xF4\x90\x80\x80", U8_REPLACEMENT, 1);
    /* Continuation byte missing: the lead byte alone is replaced. */
    check_decode("\xE4\xB8" "A", U8_REPLACEMENT, 1);
    check_decode("\xC3" "A", U8_REPLACEMENT, 1);
    /* Truncated by the string end. */
    check_decode("\xE4\xB8", U8_REPLACEMENT, 1);
    check_decode("\xF0\x9F\x98", U8_REPLACEMENT, 1);
    /* Truncated by N even though the bytes after it are fine. */
    assert_int_equal(u8_decode(ZHONG, 2, &len), U8_REPLACEMENT);
    assert_int_equal(len, 1);
    assert_int_equal(u8_decode(GRIN, 3, &len), U8_REPLACEMENT);
    assert_int_equal(len, 1);
    /* Nothing at all. */
    len = 99;
    assert_int_equal(u8_decode("A", 0, &len), 0);
    assert_int_equal(len, 0);
}

static void
test_encode(void **state)
{
    static const uint32_t cps[] = {
        0x00, 0x41, 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0x4E2D, 0xD7FF,
        0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF,
    };
    char out[8];
    size_t i, n, len;

    (void)state;
    memset(out, 0, sizeof(out));
    assert_int_equal(u8_encode(0x4E2D, out), 3);
    assert_memory_equal(out, ZHONG, 3);
    assert_int_equal(u8_encode(0xE9, out), 2);
    assert_memory_equal(out, E_ACUTE, 2);
    assert_int_equal(u8_encode(0x1F600, out), 4);
    assert_memory_equal(out, GRIN, 4);
    assert_int_equal(u8_encode('z', out), 1);
    assert_int_equal(out[0], 'z');

    /* Round trip, and the lengths at the boundaries. */
    for (i = 0; i < sizeof(cps) / sizeof(cps[0]); i++) {
        size_t want = cps[i] < 0x80 ? 1 : cps[i] < 0x800 ? 2 :
                      cps[i] < 0x10000 ? 3 : 4;

        n = u8_encode(cps[i], out);
        assert_int_equal(n, want);
        assert_int_equal(u8_decode(out, n, &len), cps[i]);
        assert_int_equal(len, n);
        assert_true(u8_valid(out, n));
    }
}

/* Long ASCII runs are read eight bytes at a time: a bad byte, or a
 * character cut at the end, found at every offset of 40 bytes of ASCII,
 * and a whole character there taken. */
static void
valid_in_long_ascii(void)
{
    char buf[48];
    size_t at;

    for (at = 0; at < 40; at++) {
        memset(buf, 'a', sizeof(buf));
        buf[at] = (char)0xFF;
        assert_false(u8_valid(buf, 40));
        assert_true(u8_valid(buf, at));
        memcpy(buf + at, ZHONG, 3);
        assert_true(u8_valid(buf, 40 > at + 3 ? 40 : at + 3));
        assert_false(u8_valid(buf, at + 2));
    }
}

static void
test_valid(void **state)
{
    (void)state;
    assert_true(u8_valid("", 0));
    assert_true(u8_valid("plain ASCII", 11));
    assert_true(u8_valid(ZHONG WEN E_ACUTE GRIN, 12));
    /* A literal U+FFFD in the text is well-formed. */
    assert_true(u8_valid("a\xEF\xBF\xBD" "b", 5));
    /* Only N bytes are looked at. */
    assert_true(u8_valid("ab\xFF", 2));
    assert_false(u8_valid("ab\xFF", 3));

    assert_false(u8_valid("\x80", 1));
    assert_false(u8_valid("a\xC0\x80" "b", 4));
    assert_false(u8_valid("\xED\xA0\x80", 3));
    assert_false(u8_valid("\xF4\x90\x80\x80", 4));
    assert_false(u8_valid(ZHONG, 2));
    assert_false(u8_valid("\xFF\xFE", 2));
    valid_in_long_ascii();
    assert_false(u8_valid(ZHONG "\xE6\x96", 5));
}

static void
test_cpwidth(void **state)
{
    (void)state;
    assert_int_equal(u8_cpwidth('A'), 1);
    assert_int_equal(u8_cpwidth(' '), 1);
    assert_int_equal(u8_cpwidth(0x09), 1);
    assert_int_equal(u8_cpwidth(0xE9), 1);
    assert_int_equal(u8_cpwidth(U8_REPLACEMENT), 1);
    /* Combining marks and zero-width characters. */
    assert_int_equal(u8_cpwidth(0x0301), 0);
    assert_int_equal(u8_cpwidth(0x200B), 0);
    assert_int_equal(u8_cpwidth(0xFEFF), 0);
    assert_int_equal(u8_cpwidth(0xFE0F), 0);
    /* Wide: CJK, fullwidth forms, Hangul, CJK punctuation, emoji. */
    assert_int_equal(u8_cpwidth(0x4E00), 2);
    assert_int_equal(u8_cpwidth(0x4E2D), 2);
    assert_int_equal(u8_cpwidth(0x9FFF), 2);
    assert_int_equal(u8_cpwidth(0x3000), 2);
    assert_int_equal(u8_cpwidth(0x3001), 2);
    assert_int_equal(u8_cpwidth(0xFF01), 2);
    assert_int_equal(u8_cpwidth(0xFF10), 2);
    assert_int_equal(u8_cpwidth(0xAC00), 2);
    assert_int_equal(u8_cpwidth(0x1F600), 2);
    assert_int_equal(u8_cpwidth(0x20000), 2);
    /* Halfwidth forms and neighbours of wide ranges stay narrow. */
    assert_int_equal(u8_cpwidth(0xFF61), 1);
    assert_int_equal(u8_cpwidth(0x2E7F), 1);
    assert_int_equal(u8_cpwidth(0x0410), 1);
}

/* Widths as Unicode 15's data has them, beyond the blocks a hand-made
 * table lists: every combining mark, format characters, the emoji that
 * are text by default, the newest CJK extensions, ambiguous characters. */
static void
test_cpwidth_unicode(void **state)
{
    (void)state;
    /* Nonspacing marks of every script: Thai, Devanagari, the extended
     * and supplementary combining diacritics, a Hangul medial vowel. */
    assert_int_equal(u8_cpwidth(0x0E31), 0);
    assert_int_equal(u8_cpwidth(0x093C), 0);
    assert_int_equal(u8_cpwidth(0x1AB0), 0);
    assert_int_equal(u8_cpwidth(0x1DC0), 0);
    assert_int_equal(u8_cpwidth(0x1160), 0);
    assert_int_equal(u8_cpwidth(0x20DD), 0);     /* enclosing circle */
    assert_int_equal(u8_cpwidth(0xE0001), 0);    /* language tag */
    assert_int_equal(u8_cpwidth(0x0903), 1);     /* a spacing mark */
    /* Emoji: wide when emoji by default, narrow when text by default
     * (thermometer, hot pepper), a regional indicator narrow. */
    assert_int_equal(u8_cpwidth(0x1F600), 2);
    assert_int_equal(u8_cpwidth(0x1F6DC), 2);
    assert_int_equal(u8_cpwidth(0x1FAF8), 2);
    assert_int_equal(u8_cpwidth(0x1F321), 1);
    assert_int_equal(u8_cpwidth(0x1F336), 1);
    assert_int_equal(u8_cpwidth(0x1F1E6), 1);
    /* CJK: extension H (Unicode 15), the default-wide planes, the
     * compatibility ideographs, Vietnamese reading marks. */
    assert_int_equal(u8_cpwidth(0x31350), 2);
    assert_int_equal(u8_cpwidth(0x2EBF0), 2);
    assert_int_equal(u8_cpwidth(0x2F800), 2);
    assert_int_equal(u8_cpwidth(0x16FF0), 2);
    assert_int_equal(u8_cpwidth(0x3FFFE), 1);
    /* Ambiguous characters count one column, as the layout expects. */
    assert_int_equal(u8_cpwidth(0x00B7), 1);
    assert_int_equal(u8_cpwidth(0x2026), 1);
    assert_int_equal(u8_cpwidth(0x25CB), 1);
    assert_int_equal(u8_cpwidth(0x2460), 1);
    assert_int_equal(u8_cpwidth(0x03B1), 1);
    assert_int_equal(u8_cpwidth(0x2500), 1);
    /* In strings: a Thai syllable, a CJK name with an extension-B
     * character, a thermometer beside a grinning face. */
    assert_int_equal(u8_width("\xE0\xB8\x81\xE0\xB8\xB1"), 1);
    assert_int_equal(u8_width("\xE6\x9D\x8E\xF0\xA0\xAE\xB7"), 4);
    assert_int_equal(u8_width("\xF0\x9F\x8C\xA1" GRIN), 3);
}

static void
test_width(void **state)
{
    (void)state;
    assert_int_equal(u8_width(""), 0);
    assert_int_equal(u8_width("abc"), 3);
    assert_int_equal(u8_width(ZHONG WEN), 4);
    assert_int_equal(u8_width("A" ZHONG GRIN), 5);
    assert_int_equal(u8_width(E_COMBINING), 1);
    assert_int_equal(u8_width(E_ACUTE), 1);
    /* Each invalid byte is drawn as one substitute. */
    assert_int_equal(u8_width("\xFF\xFE"), 2);
    assert_int_equal(u8_width("\xE4\xB8"), 2);
    assert_int_equal(u8_width("\xE5\xBC\xA0\xE4\xB8\x89" "1949"), 8);
}

static void
test_clip(void **state)
{
    const char *s = ZHONG WEN "abc";
    size_t w = 99;

    (void)state;
    assert_int_equal(u8_clip(s, 0, &w), 0);
    assert_int_equal(w, 0);
    /* A wide character never straddles the edge. */
    assert_int_equal(u8_clip(s, 1, &w), 0);
    assert_int_equal(w, 0);
    assert_int_equal(u8_clip(s, 2, &w), 3);
    assert_int_equal(w, 2);
    assert_int_equal(u8_clip(s, 3, &w), 3);
    assert_int_equal(w, 2);
    assert_int_equal(u8_clip(s, 4, &w), 6);
    assert_int_equal(w, 4);
    assert_int_equal(u8_clip(s, 5, &w), 7);
    assert_int_equal(w, 5);
    assert_int_equal(u8_clip(s, 7, &w), 9);
    assert_int_equal(w, 7);
    assert_int_equal(u8_clip(s, 100, &w), 9);
    assert_int_equal(w, 7);
    /* WIDTH may be NULL. */
    assert_int_equal(u8_clip("abcdef", 4, NULL), 4);
    /* A combining mark stays with its base. */
    assert_int_equal(u8_clip(E_COMBINING "x", 1, &w), 3);
    assert_int_equal(w, 1);
    assert_int_equal(u8_clip("", 5, &w), 0);
    assert_int_equal(w, 0);
    /* Invalid bytes count one column each. */
    assert_int_equal(u8_clip("\xFF\xFE" "ab", 3, &w), 3);
    assert_int_equal(w, 3);
}

/* u8_pad (CUT: u8_pad_cut) into a fresh buffer, compared with WANT. */
static void
check_pad_as(int cut, const char *s, size_t cols, int right, const char *want)
{
    struct sbuf sb = SBUF_INIT;
    char got[64];
    size_t len;

    if (cut) {
        u8_pad_cut(&sb, s, cols, right);
    } else {
        u8_pad(&sb, s, cols, right);
    }
    len = sb.len;
    assert_true(len < sizeof(got));
    memcpy(got, sb.buf, len + 1);
    /* Released before asserting so a failure does not leak. */
    sbuf_release(&sb);
    assert_string_equal(got, want);
    assert_int_equal(len, strlen(want));
    assert_int_equal(u8_width(got), cols);
}

static void
check_pad(const char *s, size_t cols, int right, const char *want)
{
    check_pad_as(0, s, cols, right, want);
}

/* A table's cell cut short ends in '~'; one that fits is as u8_pad has it. */
static void
test_pad_cut(void **state)
{
    (void)state;
    check_pad_as(1, "ab", 5, 0, "ab   ");
    check_pad_as(1, "abcde", 5, 0, "abcde");
    check_pad_as(1, "abcdef", 5, 0, "abcd~");
    check_pad_as(1, "abcdef", 5, 1, "abcd~");
    check_pad_as(1, ZHONG WEN, 4, 0, ZHONG WEN);
    /* The mark after the last whole character, padded behind it. */
    check_pad_as(1, ZHONG WEN "x", 4, 0, ZHONG "~ ");
    check_pad_as(1, ZHONG WEN "x", 4, 1, " " ZHONG "~");
    check_pad_as(1, ZHONG WEN, 3, 0, ZHONG "~");
    check_pad_as(1, "ab", 1, 0, "~");
    check_pad_as(1, "abc", 0, 0, "");
    check_pad_as(1, "\xFF" "abc", 3, 0, "?a~");
}

static void
test_pad(void **state)
{
    struct sbuf sb = SBUF_INIT;

    (void)state;
    check_pad("ab", 5, 0, "ab   ");
    check_pad("ab", 5, 1, "   ab");
    check_pad(ZHONG, 3, 0, ZHONG " ");
    check_pad(ZHONG, 3, 1, " " ZHONG);
    /* Clipped, and the half column left over is a space. */
    check_pad(ZHONG WEN, 3, 0, ZHONG " ");
    check_pad(ZHONG WEN, 3, 1, " " ZHONG);
    check_pad("abcdef", 4, 0, "abcd");
    check_pad("abcdef", 4, 1, "abcd");
    check_pad("", 3, 0, "   ");
    check_pad("abc", 0, 0, "");
    check_pad(ZHONG, 1, 0, " ");
    /* Invalid bytes and control characters become '?'. */
    check_pad("\xFF" "ab", 4, 0, "?ab ");
    check_pad("a\tb", 3, 0, "a?b");
    check_pad("\xE4\xB8", 3, 1, " ??");
    check_pad(E_COMBINING, 2, 0, E_COMBINING " ");

    /* It appends to what is already there. */
    sbuf_adds(&sb, "[");
    u8_pad(&sb, ZHONG "x", 4, 0);
    sbuf_adds(&sb, "]");
    assert_string_equal(sb.buf, "[" ZHONG "x ]");
    sbuf_release(&sb);
}

static void
check_sanitize(const char *s, const char *want)
{
    struct sbuf sb = SBUF_INIT;
    char got[64];
    size_t len;

    u8_sanitize(&sb, s);
    len = sb.len;
    assert_true(len < sizeof(got));
    memcpy(got, sb.buf, len + 1);
    /* Released before asserting so a failure does not leak. */
    sbuf_release(&sb);
    assert_string_equal(got, want);
    assert_int_equal(len, strlen(want));
}

static void
test_sanitize(void **state)
{
    (void)state;
    check_sanitize("", "");
    check_sanitize("hello", "hello");
    check_sanitize(ZHONG WEN E_ACUTE GRIN, ZHONG WEN E_ACUTE GRIN);
    check_sanitize(E_COMBINING, E_COMBINING);
    /* Terminal escapes are defused. */
    check_sanitize("a\x1B[31mb", "a?[31mb");
    check_sanitize("line\r\nnext\t", "line??next?");
    check_sanitize("del\x7F", "del?");
    /* Invalid UTF-8, byte by byte. */
    check_sanitize("\xFF\xFE", "??");
    check_sanitize("x\xE4\xB8", "x??");
    check_sanitize("\xC0\x80", "??");
    check_sanitize("\xED\xA0\x80", "???");
}

/* The C1 control characters U+0080..U+009F (e.g. U+009B, the 8-bit CSI)
 * are control characters too and must not be echoed. */
static void
test_sanitize_c1_controls(void **state)
{
    (void)state;
    check_sanitize("a\xC2\x9B" "31mb", "a?31mb");
    check_sanitize("\xC2\x85", "?");
    check_sanitize("\xC2\x80\xC2\x9F", "??");
    /* U+00A0 is the first character after them and is kept. */
    check_sanitize("\xC2\xA0", "\xC2\xA0");
}

static void
test_copy(void **state)
{
    char dst[16];

    (void)state;
    /* Fits. */
    assert_int_equal(u8_copy(dst, sizeof(dst), "hello"), 0);
    assert_string_equal(dst, "hello");
    assert_int_equal(u8_copy(dst, sizeof(dst), ""), 0);
    assert_string_equal(dst, "");
    /* Exactly N - 1 bytes fit. */
    assert_int_equal(u8_copy(dst, 6, "hello"), 0);
    assert_string_equal(dst, "hello");
    assert_int_equal(u8_copy(dst, 7, ZHONG WEN), 0);
    assert_string_equal(dst, ZHONG WEN);
    /* Too long: ASCII is cut at N - 1. */
    memset(dst, 'Z', sizeof(dst));
    assert_int_equal(u8_copy(dst, 5, "hello"), -1);
    assert_string_equal(dst, "hell");
    /* Too long: no character is split. */
    assert_int_equal(u8_copy(dst, 6, ZHONG WEN), -1);
    assert_string_equal(dst, ZHONG);
    assert_int_equal(u8_copy(dst, 5, ZHONG WEN), -1);
    assert_string_equal(dst, ZHONG);
    assert_int_equal(u8_copy(dst, 4, ZHONG WEN), -1);
    assert_string_equal(dst, ZHONG);
    assert_int_equal(u8_copy(dst, 3, ZHONG WEN), -1);
    assert_string_equal(dst, "");
    assert_int_equal(u8_copy(dst, 4, "a" GRIN), -1);
    assert_string_equal(dst, "a");
    assert_int_equal(u8_copy(dst, 4, "ab" E_ACUTE), -1);
    assert_string_equal(dst, "ab");
    assert_true(u8_valid(dst, strlen(dst)));
    /* Room for the NUL only. */
    assert_int_equal(u8_copy(dst, 1, "x"), -1);
    assert_string_equal(dst, "");
    assert_int_equal(u8_copy(dst, 1, ""), 0);
    assert_string_equal(dst, "");
}

static void
test_chars(void **state)
{
    (void)state;
    assert_int_equal(u8_chars(""), 0);
    assert_int_equal(u8_chars("abc"), 3);
    assert_int_equal(u8_chars(ZHONG WEN "abc"), 5);
    assert_int_equal(u8_chars(GRIN E_ACUTE), 2);
    assert_int_equal(u8_chars(E_COMBINING), 2);
    /* Each invalid byte is one (replacement) character. */
    assert_int_equal(u8_chars("\xFF\xFE"), 2);
    assert_int_equal(u8_chars("\xE4\xB8" "a"), 3);
}

static void
test_sbuf_basics(void **state)
{
    struct sbuf sb = SBUF_INIT;
    char *s;

    (void)state;
    assert_non_null(sb.buf);
    assert_string_equal(sb.buf, "");
    assert_int_equal(sb.len, 0);
    assert_int_equal(sb.alloc, 0);

    sbuf_adds(&sb, "abc");
    sbuf_addch(&sb, '-');
    sbuf_add(&sb, "xyz", 2);
    assert_string_equal(sb.buf, "abc-xy");
    assert_int_equal(sb.len, 6);
    assert_true(sb.alloc > sb.len);

    sbuf_addf(&sb, "[%d|%s|%05.1f]", 42, "s", 2.5);
    assert_string_equal(sb.buf, "abc-xy[42|s|002.5]");
    assert_int_equal(sb.len, strlen(sb.buf));

    sbuf_addspaces(&sb, 3);
    assert_string_equal(sb.buf, "abc-xy[42|s|002.5]   ");
    sbuf_addspaces(&sb, 0);
    assert_int_equal(sb.len, 21);
    sbuf_adds(&sb, "\t\r\n");
    sbuf_rtrim(&sb);
    assert_string_equal(sb.buf, "abc-xy[42|s|002.5]");
    assert_int_equal(sb.len, 18);

    sbuf_reset(&sb);
    assert_string_equal(sb.buf, "");
    assert_int_equal(sb.len, 0);
    sbuf_adds(&sb, ZHONG);
    assert_string_equal(sb.buf, ZHONG);

    s = sbuf_detach(&sb);
    assert_string_equal(s, ZHONG);
    assert_int_equal(sb.len, 0);
    assert_int_equal(sb.alloc, 0);
    assert_string_equal(sb.buf, "");
    free(s);

    /* Detaching an empty buffer still gives a string to free. */
    s = sbuf_detach(&sb);
    assert_non_null(s);
    assert_string_equal(s, "");
    free(s);

    /* Operations on a never-allocated buffer keep it valid. */
    sbuf_reset(&sb);
    sbuf_rtrim(&sb);
    assert_string_equal(sb.buf, "");
    sbuf_release(&sb);
    assert_int_equal(sb.len, 0);
    assert_string_equal(sb.buf, "");
}

static void
test_sbuf_growth(void **state)
{
    struct sbuf sb;
    size_t i;

    (void)state;
    sbuf_init(&sb);
    for (i = 0; i < 1000; i++) {
        sbuf_addch(&sb, 'a' + (int)(i % 26));
    }
    assert_int_equal(sb.len, 1000);
    assert_int_equal(strlen(sb.buf), 1000);
    assert_true(sb.alloc > 1000);
    for (i = 0; i < 1000; i++) {
        assert_int_equal(sb.buf[i], 'a' + (int)(i % 26));
    }

    /* A formatted string longer than the current allocation. */
    sbuf_reset(&sb);
    sbuf_addf(&sb, "%0500d|%s", 7, "end");
    assert_int_equal(sb.len, 504);
    assert_int_equal(sb.buf[499], '7');
    assert_string_equal(sb.buf + 500, "|end");

    /* sbuf_grow reserves without changing the content. */
    sbuf_grow(&sb, 10000);
    assert_true(sb.alloc >= sb.len + 10000 + 1);
    assert_int_equal(sb.len, 504);
    assert_string_equal(sb.buf + 500, "|end");

    /* An empty format still leaves a valid string. */
    sbuf_release(&sb);
    sbuf_addf(&sb, "%s", "");
    assert_int_equal(sb.len, 0);
    assert_string_equal(sb.buf, "");
    sbuf_release(&sb);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decode_valid),
        cmocka_unit_test(test_decode_invalid),
        cmocka_unit_test(test_encode),
        cmocka_unit_test(test_valid),
        cmocka_unit_test(test_cpwidth),
        cmocka_unit_test(test_cpwidth_unicode),
        cmocka_unit_test(test_width),
        cmocka_unit_test(test_clip),
        cmocka_unit_test(test_pad),
        cmocka_unit_test(test_sanitize),
        cmocka_unit_test(test_sanitize_c1_controls),
        cmocka_unit_test(test_copy),
        cmocka_unit_test(test_pad_cut),
        cmocka_unit_test(test_chars),
        cmocka_unit_test(test_sbuf_basics),
        cmocka_unit_test(test_sbuf_growth),
    };

    return cmocka_run_group_tests_name("u8", tests, NULL, NULL);
}
