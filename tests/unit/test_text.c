/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_text.c - the text helpers the screens and prints stand on:
 * clipping at every column boundary of mixed Chinese and Latin text,
 * tables laid out by display width, wrapping, and pinyin order and
 * initials (GB2312 level 1 and surnames).
 */
#include "config.h"
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/pinyin.h"
#include "util/sbuf.h"
#include "util/texttable.h"
#include "util/u8.h"

/* Mixed: Latin, Chinese, a combining accent, a full-width digit. */
#define MIXED "ab张三e\xCC\x81" "x\xEF\xBC\x91" "李"

static void
test_clip_every_boundary(void **state)
{
    const char *s = MIXED;
    size_t total = u8_width(s), cols, bytes, width, len, next;

    (void)state;
    assert_int_equal(total, 12);
    for (cols = 0; cols <= total + 2; cols++) {
        bytes = u8_clip(s, cols, &width);
        /* Never more than asked, never half a character... */
        assert_true(width <= cols);
        assert_true(u8_valid(s, bytes));
        {
            char prefix[64];

            memcpy(prefix, s, bytes);
            prefix[bytes] = '\0';
            assert_int_equal(u8_width(prefix), width);
        }
        /* ...and as much as fits: the next character would overflow. */
        if (bytes < strlen(s)) {
            uint32_t cp = u8_decode(s + bytes, strlen(s) - bytes, &len);

            next = width + (size_t)u8_cpwidth(cp);
            assert_true(next > cols);
        }
    }
}

static void
test_pad_every_width(void **state)
{
    size_t cols;

    (void)state;
    for (cols = 0; cols <= 14; cols++) {
        struct sbuf sb = SBUF_INIT;

        u8_pad(&sb, MIXED, cols, 0);
        assert_int_equal(u8_width(sb.buf), cols);
        assert_true(u8_valid(sb.buf, sb.len));
        sbuf_reset(&sb);
        u8_pad(&sb, MIXED, cols, 1);
        assert_int_equal(u8_width(sb.buf), cols);
        sbuf_release(&sb);
    }
}

static void
test_table_line(void **state)
{
    const struct tt_col cols[] = {{"姓名", 6, 0}, {"金额", 8, 1}, {"备注", 6, 0}};
    const char *row[] = {"欧阳娜娜", "1,234.50", "很长的备注文字"};
    const char *row2[] = {"Li", "5.00", ""};
    struct sbuf a = SBUF_INIT, b = SBUF_INIT, h = SBUF_INIT;

    (void)state;
    tt_line(&h, cols, 3, NULL);
    tt_line(&a, cols, 3, row);
    tt_line(&b, cols, 3, row2);
    /* A name cut short shows it: two Chinese characters and the cut
     * mark; amounts right-aligned, the columns start at the same display
     * column in every line. */
    assert_string_equal(a.buf, "欧阳~   1,234.50  很长~");
    assert_string_equal(b.buf, "Li          5.00");
    assert_string_equal(h.buf, "姓名        金额  备注");
    sbuf_release(&a);
    sbuf_release(&b);
    sbuf_release(&h);
}

static void
test_wrap(void **state)
{
    const char *s = "户主患慢性病 long words here";
    size_t n;

    (void)state;
    assert_int_equal(tt_wrap("", 10), 0);
    n = tt_wrap(s, 7);
    /* Three Chinese characters fill 6 of 7 columns; never half of one. */
    assert_int_equal(n, 9);
    n = tt_wrap("abc def ghi", 8);
    assert_int_equal(n, 8);
    /* A column too narrow for one character still makes progress. */
    assert_int_equal(tt_wrap("张", 1), 3);
    /* A full-width colon or comma does not begin a line: the character
     * before it goes down with it (避头). */
    assert_int_equal(tt_wrap("数据：无监测户", 4), 3);
    assert_int_equal(tt_wrap("数据，无", 4), 3);
    assert_int_equal(tt_wrap("数据无监测户", 4), 6);
    /* ... unless it is the only character of the line */
    assert_int_equal(tt_wrap("数：", 2), 3);
}

static void
test_initials(void **state)
{
    char out[32];

    (void)state;
    pinyin_initials("张三", 1, out, sizeof(out));
    assert_string_equal(out, "zs");
    pinyin_initials("欧阳娜娜", 1, out, sizeof(out));
    assert_string_equal(out, "oynn");
    /* Surnames read their own way... */
    pinyin_initials("单田芳", 1, out, sizeof(out));
    assert_string_equal(out, "stf");
    pinyin_initials("解缙", 1, out, sizeof(out));
    assert_string_equal(out, "xj");
    pinyin_initials("仇英", 1, out, sizeof(out));
    assert_string_equal(out, "qy");
    /* ...but only as surnames. */
    pinyin_initials("单位", 0, out, sizeof(out));
    assert_string_equal(out, "dw");
    pinyin_initials("A张3·李", 0, out, sizeof(out));
    assert_string_equal(out, "az3l");
    pinyin_initials("张三", 1, out, 2);
    assert_string_equal(out, "z");
}

/* Names and their initials, read as names (SURNAME 1) or as words. */
static const struct {
    const char *text, *initials;
    int surname;
} named[] = {
    /* Outside GB2312 level 1: 昊, 淼, 晏, 琰, 俟, 卨, 缙, 堃. */
    {"李昊然", "lhr", 1},
    {"王淼", "wm", 1},
    {"晏琰", "yy", 1},
    {"王堃", "wk", 1},
    /* GB18030's extension B: U+20BB7 (a 吉 with a longer base, ji). */
    {"\xF0\xA0\xAE\xB7\xE7\x94\xB0", "jt", 1},
    {"\xE6\x9D\x8E\xF0\xA0\xAE\xB7", "lj", 1},
    /* Two-character surnames read as surnames: 万俟 moqi, not wanqi... */
    {"万俟卨", "mqx", 1},
    {"尉迟恭", "ycg", 1},
    {"单于夫罗", "cyfl", 1},
    {"澹台灭明", "ttmm", 1},
    {"长孙无忌", "zswj", 1},
    /* ...and one-character ones... */
    {"单雄信", "sxx", 1},
    {"曾国藩", "zgf", 1},
    {"解晓东", "xxd", 1},
    {"查良镛", "zly", 1},
    /* ...only at a name's start, and only in names. */
    {"王单", "wd", 1},
    {"李曾", "lc", 1},
    {"万俟卨", "wqx", 0},
    {"曾经", "cj", 0},
};

static void
test_names(void **state)
{
    char out[32];
    size_t i;

    (void)state;
    for (i = 0; i < sizeof(named) / sizeof(named[0]); i++) {
        pinyin_initials(named[i].text, named[i].surname, out, sizeof(out));
        if (strcmp(out, named[i].initials) != 0) {
            fail_msg("%s: %s, not %s", named[i].text, out, named[i].initials);
        }
    }
    /* A compatibility ideograph reads as the ideograph it stands for:
     * U+FA10 is 塚 (zhong). */
    assert_int_equal(pinyin_initial(0xFA10), 'z');
}

static void
test_every_character(void **state)
{
    size_t letters[26] = {0}, read = 0;
    uint32_t cp;

    (void)state;
    /* Every character of the URO has a reading but a handful Unihan
     * leaves without one; no reading starts with I, U or V. */
    for (cp = 0x4E00; cp <= 0x9FFF; cp++) {
        char c = pinyin_initial(cp);

        if (c != 0) {
            assert_true(c >= 'a' && c <= 'z');
            assert_true(c != 'i' && c != 'u' && c != 'v');
            letters[c - 'a']++;
            read++;
        }
    }
    assert_true(read > 20800);
    assert_true(letters['z' - 'a'] > 1000);
    /* Extension A and B too. */
    assert_int_equal(pinyin_initial(0x3400), 'q');
    assert_int_equal(pinyin_initial(0x2A6A5), 'z');
    assert_int_equal(pinyin_initial(0x4E00 - 1), 0);
    assert_int_equal(pinyin_initial('a'), 0);
}

static int
key_cmp(const char *a, const char *b, int surname)
{
    unsigned char ka[64], kb[64];
    size_t na = pinyin_key(a, surname, ka, sizeof(ka));
    size_t nb = pinyin_key(b, surname, kb, sizeof(kb));
    int c = memcmp(ka, kb, na < nb ? na : nb);

    return c != 0 ? c : (na > nb) - (na < nb);
}

static void
test_sort_order(void **state)
{
    /* Latin first, then pinyin; the surname 单 reads shan. */
    static const char *const names[] = {
        "Zhang", "阿三", "安娜", "白玉", "陈刚", "高山", "李四", "单田芳",
        "王五", "张三", "张三丰", "赵六",
    };
    size_t i;

    (void)state;
    assert_true(key_cmp("Zhang", "阿三", 1) < 0);
    assert_true(key_cmp("阿三", "白玉", 1) < 0);
    assert_true(key_cmp("李四", "单田芳", 1) < 0);
    assert_true(key_cmp("单田芳", "王五", 1) < 0);
    assert_true(key_cmp("单位", "王五", 0) < 0);
    assert_true(key_cmp("单位", "李四", 0) < 0);
    assert_true(key_cmp("张三", "张三丰", 1) < 0);
    assert_true(key_cmp("张三丰", "赵六", 1) < 0);
    for (i = 1; i < sizeof(names) / sizeof(names[0]); i++) {
        if (key_cmp(names[i - 1], names[i], 1) >= 0) {
            fail_msg("%s should sort before %s", names[i - 1], names[i]);
        }
    }
    /* Rare characters sort by their reading too: 昊 hao after 韩 han
     * and before 何 he; U+20BB7 (ji2) after 吉 (ji2, a lower code point)
     * and before 计 (ji4). */
    assert_true(key_cmp("韩", "昊", 0) < 0);
    assert_true(key_cmp("昊", "何", 0) < 0);
    assert_true(key_cmp("吉", "\xF0\xA0\xAE\xB7", 0) < 0);
    assert_true(key_cmp("\xF0\xA0\xAE\xB7", "计", 0) < 0);
    /* 万俟 (moqi) as a surname sorts among the M names. */
    assert_true(key_cmp("马云", "万俟卨", 1) < 0);
    assert_true(key_cmp("万俟卨", "牛顿", 1) < 0);
    /* A character without a reading sorts after every one with one. */
    assert_true(key_cmp("座", "\xE5\x85\x99", 0) < 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clip_every_boundary),
        cmocka_unit_test(test_pad_every_width),
        cmocka_unit_test(test_table_line),
        cmocka_unit_test(test_wrap),
        cmocka_unit_test(test_initials),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_every_character),
        cmocka_unit_test(test_sort_order),
    };

    return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
