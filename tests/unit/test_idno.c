/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_idno.c - resident identity numbers (GB 11643-1999).
 */
#include "config.h"
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "core/idno.h"

/* A fixed "today": 2026-11-22. */
static int
today(void)
{
    return date_from_ymd(2026, 11, 22);
}

/* MOD 11-2 written out independently of idno_check_char(). */
static char
ref_check(const char *first17)
{
    int sum = 0, i, w = 1;

    /* Weight of position i (1-based from the right, the check being
     * position 1) is 2^(i-1) mod 11; walk from the check leftwards. */
    for (i = 16; i >= 0; i--) {
        w = (w * 2) % 11;
        sum += (first17[i] - '0') * w;
    }
    return "10X98765432"[sum % 11];
}

static void
test_public_examples(void **state)
{
    struct idno id;

    (void)state;
    memset(&id, 0, sizeof(id));
    assert_int_equal(idno_parse("11010519491231002X", today(), &id), IDNO_OK);
    assert_string_equal(id.id, "11010519491231002X");
    assert_int_equal(id.birth, date_from_ymd(1949, 12, 31));
    assert_int_equal(id.sex, SEX_FEMALE);
    assert_int_equal(id.upgraded, 0);

    memset(&id, 0, sizeof(id));
    assert_int_equal(idno_parse("440524188001010014", today(), &id), IDNO_OK);
    assert_string_equal(id.id, "440524188001010014");
    assert_int_equal(id.birth, date_from_ymd(1880, 1, 1));
    assert_int_equal(id.sex, SEX_MALE);
    assert_int_equal(id.upgraded, 0);
}

static void
test_normalize(void **state)
{
    struct idno id;

    (void)state;
    memset(&id, 0, sizeof(id));
    assert_int_equal(idno_parse("11010519491231002x", today(), &id), IDNO_OK);
    assert_string_equal(id.id, "11010519491231002X");
    assert_int_equal(id.sex, SEX_FEMALE);

    memset(&id, 0, sizeof(id));
    assert_int_equal(idno_parse("  11010519491231002X\t", today(), &id),
                     IDNO_OK);
    assert_string_equal(id.id, "11010519491231002X");
    assert_int_equal(id.birth, date_from_ymd(1949, 12, 31));

    memset(&id, 0, sizeof(id));
    assert_int_equal(idno_parse("\t 11010519491231002x  ", today(), &id),
                     IDNO_OK);
    assert_string_equal(id.id, "11010519491231002X");

    memset(&id, 0, sizeof(id));
    assert_int_equal(idno_parse(" 440524188001010014 ", today(), &id),
                     IDNO_OK);
    assert_string_equal(id.id, "440524188001010014");
    assert_int_equal(id.sex, SEX_MALE);
}

struct bad_case {
    const char *in;
    enum idno_status want;
    const char *why;
};

/* Every 18-character entry below whose expected failure comes after the
 * check-digit-independent checks carries a correct check character, so
 * it can only fail for the stated reason. */
static const struct bad_case bad[] = {
    {"", IDNO_EMPTY, "empty"},
    {"   ", IDNO_EMPTY, "blanks"},
    {"\t \t", IDNO_EMPTY, "tabs and blanks"},
    {"11010519491231002", IDNO_LENGTH, "17 characters"},
    {"11010519491231002X1", IDNO_LENGTH, "19 characters"},
    {"110105194912310021X", IDNO_LENGTH, "19 characters, X last"},
    {"1101051949123100", IDNO_LENGTH, "16 characters"},
    {"11010549123100", IDNO_LENGTH, "14 characters"},
    {"1", IDNO_LENGTH, "1 character"},
    {"1101051949123100211010519491231002", IDNO_LENGTH, "34 characters"},
    {"1101051949A231002X", IDNO_CHARS, "letter in the middle"},
    {"11010519491231002Y", IDNO_CHARS, "Y as the last character"},
    {"X10105194912310021", IDNO_CHARS, "X first"},
    {"1101051949123100X2", IDNO_CHARS, "X not last"},
    {"11010519491231X02X", IDNO_CHARS, "two X"},
    {"110105 949123100 X", IDNO_CHARS, "blanks inside"},
    {"11010519491231-02X", IDNO_CHARS, "dash inside"},
    {"1101051949123100 0", IDNO_CHARS, "blank before the last digit"},
    {"11010549123100X", IDNO_CHARS, "15 characters with X"},
    {"110105491231a02", IDNO_CHARS, "15 characters with a letter"},
    {"000105194912310024", IDNO_REGION, "province 00"},
    {"990105194912310023", IDNO_REGION, "province 99"},
    {"190105194912310024", IDNO_REGION, "province 19"},
    {"000105491231002", IDNO_REGION, "15 digits, province 00"},
    {"110105194902300020", IDNO_DATE, "1949-02-30"},
    {"110105194913010029", IDNO_DATE, "month 13"},
    {"110105194901000026", IDNO_DATE, "day 00"},
    {"110105194902290029", IDNO_DATE, "1949-02-29"},
    {"110105190002290025", IDNO_DATE, "1900-02-29"},
    {"110105490230002", IDNO_DATE, "15 digits, 1949-02-30"},
    {"110105491301002", IDNO_DATE, "15 digits, month 13"},
    {"110105202701010024", IDNO_FUTURE, "born 2027-01-01"},
    {"110105202611230023", IDNO_FUTURE, "born the day after today"},
    {"110105179912310024", IDNO_TOO_OLD, "born 1799"},
    {"110105194912310021", IDNO_CHECK, "last digit 1 instead of X"},
    {"440524188001010013", IDNO_CHECK, "last digit 3 instead of 4"},
    {"440524188001010015", IDNO_CHECK, "last digit 5 instead of 4"},
    {"44052418800101001X", IDNO_CHECK, "X instead of 4"},
    {"11010519491231003X", IDNO_CHECK, "17th digit changed"},
    {"11010519491231001X", IDNO_CHECK, "sequence digit changed"},
    {"21010519491231002X", IDNO_CHECK, "province changed to 21"},
};

static void
test_bad_numbers(void **state)
{
    size_t i;

    (void)state;
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        struct idno id;
        enum idno_status st;

        /* The test data itself: entries that must get past the check
         * digit test have a correct check character. */
        if (strlen(bad[i].in) == 18 &&
            (bad[i].want == IDNO_REGION || bad[i].want == IDNO_DATE ||
             bad[i].want == IDNO_FUTURE || bad[i].want == IDNO_TOO_OLD)) {
            assert_int_equal(ref_check(bad[i].in), bad[i].in[17]);
        }
        memset(&id, 0, sizeof(id));
        st = idno_parse(bad[i].in, today(), &id);
        if (st != bad[i].want) {
            print_error("idno_parse(\"%s\") [%s] = %d, want %d\n", bad[i].in,
                        bad[i].why, (int)st, (int)bad[i].want);
        }
        assert_int_equal(st, bad[i].want);
    }
}

static void
test_date_boundaries(void **state)
{
    struct idno id;

    (void)state;
    /* Born today is not in the future. */
    memset(&id, 0, sizeof(id));
    assert_int_equal(idno_parse("110105202611220028", today(), &id), IDNO_OK);
    assert_int_equal(id.birth, today());
    /* The day after is, and a later "today" accepts it. */
    assert_int_equal(idno_parse("110105202611230023", today(), &id),
                     IDNO_FUTURE);
    assert_int_equal(idno_parse("110105202611230023", today() + 1, &id),
                     IDNO_OK);
    assert_int_equal(id.birth, today() + 1);
    /* 1800-01-01 is the oldest accepted birth day. */
    memset(&id, 0, sizeof(id));
    assert_int_equal(idno_parse("110105180001010029", today(), &id), IDNO_OK);
    assert_int_equal(id.birth, date_from_ymd(1800, 1, 1));
    /* 2000 is a leap year. */
    memset(&id, 0, sizeof(id));
    assert_int_equal(idno_parse("110105200002290021", today(), &id), IDNO_OK);
    assert_int_equal(id.birth, date_from_ymd(2000, 2, 29));
    /* Other provinces: Taiwan 71, Macao 82. */
    assert_int_equal(idno_parse("710105194912310021", today(), &id), IDNO_OK);
    assert_int_equal(idno_parse("820105194912310027", today(), &id), IDNO_OK);
}

static void
test_non_utf8(void **state)
{
    struct idno id;
    enum idno_status st;

    (void)state;
    /* 18 bytes. */
    st = idno_parse("\xff\xfe" "1949123100201234", today(), &id);
    assert_int_not_equal(st, IDNO_OK);
    assert_true(st == IDNO_CHARS || st == IDNO_LENGTH);
    /* 18 characters: 16 digits and two full-width digits (six bytes). */
    st = idno_parse("\xEF\xBC\x91\xEF\xBC\x91" "0105194912310021", today(), &id);
    assert_int_not_equal(st, IDNO_OK);
    assert_true(st == IDNO_CHARS || st == IDNO_LENGTH);
    /* Invalid bytes in place of the check character. */
    st = idno_parse("11010519491231002\xff", today(), &id);
    assert_int_equal(st, IDNO_CHARS);
    st = idno_parse("1101051949123\xff\xfe" "002X", today(), &id);
    assert_int_not_equal(st, IDNO_OK);
    assert_true(st == IDNO_CHARS || st == IDNO_LENGTH);
}

static void
test_upgrade_15(void **state)
{
    struct idno id;

    (void)state;
    memset(&id, 0, sizeof(id));
    assert_int_equal(idno_parse("110105491231002", today(), &id), IDNO_OK);
    assert_string_equal(id.id, "11010519491231002X");
    assert_int_equal(id.upgraded, 1);
    assert_int_equal(id.birth, date_from_ymd(1949, 12, 31));
    assert_int_equal(id.sex, SEX_FEMALE);

    memset(&id, 0, sizeof(id));
    assert_int_equal(idno_parse(" 440524800101001 ", today(), &id), IDNO_OK);
    assert_string_equal(id.id, "440524198001010013");
    assert_int_equal(id.upgraded, 1);
    assert_int_equal(id.birth, date_from_ymd(1980, 1, 1));
    assert_int_equal(id.sex, SEX_MALE);
    assert_int_equal(ref_check(id.id), id.id[17]);

    /* The upgraded number parses again as itself, not upgraded. */
    assert_int_equal(idno_parse("440524198001010013", today(), &id), IDNO_OK);
    assert_int_equal(id.upgraded, 0);

    assert_int_equal(idno_parse("110105490230002", today(), &id), IDNO_DATE);
    assert_int_equal(idno_parse("110105491232002", today(), &id), IDNO_DATE);
    assert_int_equal(idno_parse("110105000229002", today(), &id), IDNO_DATE);
}

static void
test_check_char(void **state)
{
    (void)state;
    assert_int_equal(idno_check_char("11010519491231002"), 'X');
    assert_int_equal(idno_check_char("44052418800101001"), '4');
    /* Only the first 17 characters are read. */
    assert_int_equal(idno_check_char("11010519491231002X"), 'X');
    assert_int_equal(idno_check_char("440524188001010014"), '4');
    /* Sum 0 -> '1'; the table end points. */
    assert_int_equal(idno_check_char("00000000000000000"), '1');
    assert_int_equal(ref_check("00000000000000000"), '1');
    assert_int_equal(idno_check_char("10000000000000000"), ref_check("10000000000000000"));
    assert_int_equal(idno_check_char("99999999999999999"), ref_check("99999999999999999"));
}

static void
check_mask(const char *in, const char *want)
{
    char out[IDNO_BUF];

    memset(out, 'Z', sizeof(out));
    idno_mask(in, out);
    assert_string_equal(out, want);
}

static void
test_mask(void **state)
{
    (void)state;
    check_mask("11010519491231002X", "110105********002X");
    check_mask("440524188001010014", "440524********0014");
    /* Shorter input: everything but the last 4. */
    check_mask("110105491231002", "***********1002");
    check_mask("12345678", "****5678");
    check_mask("12345", "*2345");
    /* Four characters or fewer would show everything: all stars. */
    check_mask("1234", "****");
    check_mask("", "");
    /* Longer numbers (残疾人证 has 20): 14 stars and the last four. */
    check_mask("11010519491231002X11", "**************2X11");
    /* A multi-byte tail is never cut: stars only. */
    check_mask("号码号码号码", "******************");
    check_mask("号码", "******");
}

static void
test_status_messages(void **state)
{
    enum idno_status st;

    (void)state;
    for (st = IDNO_EMPTY; st <= IDNO_CHECK; st++) {
        const char *msg = idno_status_message(st);

        assert_non_null(msg);
        assert_true(strlen(msg) > 0);
    }
}

static void
test_synthetic_numbers(void **state)
{
    int first = date_from_ymd(1930, 1, 1), last = date_from_ymd(2020, 12, 31);
    int i;

    (void)state;
    for (i = 0; i < 1000; i++) {
        int birth = first + (int)((long)(last - first) * i / 999);
        int y, m, d, seq = (i * 37 + 1) % 1000;
        char num[IDNO_BUF + 8], bad_num[IDNO_BUF + 8];
        char c;
        struct idno id;
        enum sex want_sex;
        int k;

        date_to_ymd(birth, &y, &m, &d);
        snprintf(num, sizeof(num), "519901%04d%02d%02d%03d", y, m, d, seq);
        assert_int_equal(strlen(num), 17);
        c = idno_check_char(num);
        assert_int_equal(c, ref_check(num));
        num[17] = c;
        num[18] = '\0';
        want_sex = (num[16] - '0') % 2 ? SEX_MALE : SEX_FEMALE;

        memset(&id, 0, sizeof(id));
        assert_int_equal(idno_parse(num, today(), &id), IDNO_OK);
        assert_string_equal(id.id, num);
        assert_int_equal(id.birth, birth);
        assert_int_equal(id.sex, want_sex);
        assert_int_equal(id.upgraded, 0);

        /* Every other check character is refused. */
        for (k = 0; k < 11; k++) {
            char other = "0123456789X"[k];

            if (other == c) {
                continue;
            }
            memcpy(bad_num, num, sizeof(num));
            bad_num[17] = other;
            assert_int_equal(idno_parse(bad_num, today(), &id), IDNO_CHECK);
        }
        /* A mistyped sequence digit is caught by the check character. */
        for (k = 14; k < 17; k++) {
            memcpy(bad_num, num, sizeof(num));
            bad_num[k] = (char)('0' + (num[k] - '0' + 1 + i % 9) % 10);
            assert_int_equal(idno_parse(bad_num, today(), &id), IDNO_CHECK);
        }
    }
}

/* Phones: first 3 and last 4 of 8 or more characters; a shorter number
 * would show every digit, so it is all stars. */
static void
test_phone_mask(void **state)
{
    static const struct {
        const char *in, *want;
    } v[] = {
        {"13812341234", "138****1234"},
        {"0816-1234567", "081****4567"},
        {"08161234", "081****1234"},
        {"1234567", "****"},
        {"12317", "****"},
        {"", ""},
        {"电话一二三四五六七八", "****"},
        {"123456789012345678901234567890", "****"},
    };
    char out[PHONE_MASK_BUF];
    size_t i;

    (void)state;
    for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
        phone_mask(v[i].in, out);
        assert_string_equal(out, v[i].want);
    }
}

/* Long numbers typed into free text are blanked for public prints;
 * amounts, years and landlines stay. */
static void
test_mask_long_numbers(void **state)
{
    char s1[] = "联系人手机13812345678。";
    char s2[] = "身份证号51990119800101001X，另一个510104198001010015";
    char s3[] = "投资1,500,000.00元，2026年，电话0831-1234567，账号6222021234567890123";
    char s4[] = "1234567890 12345678901X";
    char s5[] = "";

    (void)state;
    mask_long_numbers(s1);
    assert_string_equal(s1, "联系人手机***********。");
    mask_long_numbers(s2);
    assert_string_equal(s2, "身份证号******************，另一个******************");
    mask_long_numbers(s3);
    assert_string_equal(s3, "投资1,500,000.00元，2026年，电话0831-1234567，账号*******************");
    /* Ten digits stay; an X after fewer than 17 digits is no ID number. */
    mask_long_numbers(s4);
    assert_string_equal(s4, "1234567890 ***********X");
    mask_long_numbers(s5);
    assert_string_equal(s5, "");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_public_examples),
        cmocka_unit_test(test_normalize),
        cmocka_unit_test(test_bad_numbers),
        cmocka_unit_test(test_date_boundaries),
        cmocka_unit_test(test_non_utf8),
        cmocka_unit_test(test_upgrade_15),
        cmocka_unit_test(test_check_char),
        cmocka_unit_test(test_mask),
        cmocka_unit_test(test_phone_mask),
        cmocka_unit_test(test_mask_long_numbers),
        cmocka_unit_test(test_status_messages),
        cmocka_unit_test(test_synthetic_numbers),
    };

    return cmocka_run_group_tests_name("idno", tests, NULL, NULL);
}
