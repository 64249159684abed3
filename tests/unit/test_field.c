/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_field.c - form fields: typed text to values for every field type
 * (good input with the value it gives, bad input one class at a time with
 * the Chinese message it gets), and field_format() as the inverse of
 * field_parse() over every good input; an amount over its sanity bound
 * names the bound, a code's label is taken whatever its length.
 */
#include "config.h"
#include "helpers.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/field.h"
#include "core/policy.h"
#include "util/err.h"
#include "util/array.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/sbuf.h"
#include "util/u8.h"

#define TODAY "2026-11-22"

struct fixture {
    struct policy p;
    struct field_ctx ctx;
};

static int
setup(void **state)
{
    struct fixture *fx = calloc(1, sizeof(*fx));
    char *localedir = path_localedir();

    i18n_init(localedir);
    free(localedir);
    helpers_policy(&fx->p);
    fx->ctx.codes = &fx->p.codes;
    fx->ctx.today = D(TODAY);
    *state = fx;
    return 0;
}

static int
teardown(void **state)
{
    struct fixture *fx = *state;

    policy_free(&fx->p);
    free(fx);
    return 0;
}

/* One field of each kind the tables use; LABEL names it in messages. */
struct kind {
    enum field_type type;
    unsigned flags;
    const char *table;
    int64_t min, max;
    int max_codes;
};

static struct field_spec
spec_of(const struct kind *k, const char *label)
{
    struct field_spec f;

    memset(&f, 0, sizeof(f));
    f.name = "f";
    f.label = label;
    f.type = k->type;
    f.flags = k->flags;
    f.table = k->table;
    f.min = k->min;
    f.max = k->max;
    f.max_codes = k->max_codes;
    return f;
}

#define K(t) {t, 0, NULL, 0, 0, 0}
#define KF(t, fl) {t, fl, NULL, 0, 0, 0}
#define KT(t, tab) {t, 0, tab, 0, 0, 0}
#define KB(t, lo, hi) {t, 0, NULL, lo, hi, 0}

struct good {
    struct kind k;
    const char *in;
    int empty;
    int64_t n;          /* number types */
    const char *s;      /* string types (NULL when empty) */
};

static const struct good goods[] = {
    /* text: trimmed (ASCII and U+3000 blanks), Chinese punctuation kept */
    {K(FT_TEXT), "  hello  ", 0, 0, "hello"},
    {K(FT_TEXT), "\xE3\x80\x80备注\xE3\x80\x80", 0, 0, "备注"},
    {K(FT_TEXT), "全角，标点（保留）", 0, 0, "全角，标点（保留）"},
    {K(FT_TEXT), "a b", 0, 0, "a b"},
    {K(FT_TEXT), "", 1, 0, NULL},
    {K(FT_TEXT), " \t\xE3\x80\x80 ", 1, 0, NULL},
    {K(FT_TEXT), NULL, 1, 0, NULL},
    {K(FT_LONGTEXT), "第一行\n第二行", 0, 0, "第一行\n第二行"},
    {K(FT_LONGTEXT), "a\r\nb\rc\n\n", 0, 0, "a\nb\nc"},
    /* names: Han (extensions A and B too) and the middle dot */
    {K(FT_NAME), "张三", 0, 0, "张三"},
    {K(FT_NAME), " 王芳 ", 0, 0, "王芳"},
    {K(FT_NAME), "阿依古丽\xC2\xB7买买提", 0, 0, "阿依古丽\xC2\xB7买买提"},
    {K(FT_NAME), "阿依古丽・买买提", 0, 0, "阿依古丽\xC2\xB7买买提"},
    {K(FT_NAME), "阿依古丽•买买提", 0, 0, "阿依古丽\xC2\xB7买买提"},
    {K(FT_NAME), "\xF0\xA0\x80\x80明", 0, 0, "\xF0\xA0\x80\x80明"},
    {K(FT_NAME), "\xE3\x90\x80华", 0, 0, "\xE3\x90\x80华"},
    {K(FT_NAME), "李", 0, 0, "李"},
    /* ID numbers: normalized to 18 characters, X upper case */
    {K(FT_IDNO), "11010519491231002X", 0, 0, "11010519491231002X"},
    {K(FT_IDNO), "11010519491231002x", 0, 0, "11010519491231002X"},
    {K(FT_IDNO), " 110105491231002 ", 0, 0, "11010519491231002X"},
    {K(FT_IDNO), "１１０１０５１９４９１２３１００２Ｘ", 0, 0,
     "11010519491231002X"},
    /* phones */
    {K(FT_PHONE), "13812345678", 0, 0, "13812345678"},
    {K(FT_PHONE), "１９９１２３４５６７８", 0, 0, "19912345678"},
    {K(FT_PHONE), "010-12345678", 0, 0, "010-12345678"},
    {K(FT_PHONE), "01012345678", 0, 0, "010-12345678"},
    {K(FT_PHONE), "020 1234567", 0, 0, "020-1234567"},
    {K(FT_PHONE), "0871 1234567", 0, 0, "0871-1234567"},
    {K(FT_PHONE), "08711234567", 0, 0, "0871-1234567"},
    {K(FT_PHONE), "087112345678", 0, 0, "0871-12345678"},
    /* dates: every accepted form of 2024-03-05 */
    {K(FT_DATE), "2024-03-05", 0, 19787, NULL},
    {K(FT_DATE), "20240305", 0, 19787, NULL},
    {K(FT_DATE), "2024/3/5", 0, 19787, NULL},
    {K(FT_DATE), "2024.03.05", 0, 19787, NULL},
    {K(FT_DATE), "2024-3-05", 0, 19787, NULL},
    {K(FT_DATE), "2024年3月5日", 0, 19787, NULL},
    {K(FT_DATE), "2024年03月05号", 0, 19787, NULL},
    {K(FT_DATE), "２０２４－０３－０５", 0, 19787, NULL},
    {K(FT_DATE), "２０２４年３月５日", 0, 19787, NULL},
    {K(FT_DATE), "2024-02-29", 0, 19782, NULL},
    {K(FT_DATE), "1900-01-01", 0, -25567, NULL},
    {K(FT_DATE), TODAY, 0, 20779, NULL},
    {KF(FT_DATE, FF_FUTURE), "2030-01-01", 0, 21915, NULL},
    {KB(FT_DATE, 19723, 20088), "2024-12-31", 0, 20088, NULL},
    /* months */
    {K(FT_MONTH), "2024-03", 0, 2024 * 12 + 2, NULL},
    {K(FT_MONTH), "202403", 0, 2024 * 12 + 2, NULL},
    {K(FT_MONTH), "2024/3", 0, 2024 * 12 + 2, NULL},
    {K(FT_MONTH), "2024.03", 0, 2024 * 12 + 2, NULL},
    {K(FT_MONTH), "2024年3月", 0, 2024 * 12 + 2, NULL},
    {K(FT_MONTH), "２０２４－０３", 0, 2024 * 12 + 2, NULL},
    {K(FT_MONTH), "2026-11", 0, 2026 * 12 + 10, NULL},
    {KF(FT_MONTH, FF_FUTURE), "2027-01", 0, 2027 * 12, NULL},
    /* money in fen */
    {K(FT_MONEY), "1234.5", 0, 123450, NULL},
    {K(FT_MONEY), "１２３．５", 0, 12350, NULL},
    {K(FT_MONEY), "1,234.56", 0, 123456, NULL},
    {K(FT_MONEY), "¥100", 0, 10000, NULL},
    {K(FT_MONEY), "￥100", 0, 10000, NULL},
    {K(FT_MONEY), "100元", 0, 10000, NULL},
    {K(FT_MONEY), "￥1,234.50 元", 0, 123450, NULL},
    {K(FT_MONEY), "0", 0, 0, NULL},
    {K(FT_MONEY), "0.01", 0, 1, NULL},
    {K(FT_MONEY), "999999999999.99", 0, INT64_C(99999999999999), NULL},
    /* decimals (points): hundredths */
    {K(FT_DECIMAL), "12.5", 0, 1250, NULL},
    {K(FT_DECIMAL), "０.２５", 0, 25, NULL},
    {KF(FT_DECIMAL, FF_NEGATIVE), "-2", 0, -200, NULL},
    {KB(FT_DECIMAL, 0, 1000), "10", 0, 1000, NULL},
    {KF(FT_MONEY, FF_NEGATIVE), "-12", 0, -1200, NULL},
    {KF(FT_MONEY, FF_NEGATIVE), "-￥0.5", 0, -50, NULL},
    {KB(FT_MONEY, 0, 100000), "1000", 0, 100000, NULL},
    /* whole numbers */
    {K(FT_INT), "42", 0, 42, NULL},
    {K(FT_INT), "+7", 0, 7, NULL},
    {K(FT_INT), "007", 0, 7, NULL},
    {K(FT_INT), "１２", 0, 12, NULL},
    {K(FT_INT), "-0", 0, 0, NULL},
    {K(FT_INT), "9223372036854775807", 0, INT64_MAX, NULL},
    {KF(FT_INT, FF_NEGATIVE), "-5", 0, -5, NULL},
    {KF(FT_INT, FF_NEGATIVE), "-9223372036854775808", 0, INT64_MIN, NULL},
    {KB(FT_INT, 0, 120), "120", 0, 120, NULL},
    /* one code: code, label, short label, unique prefix */
    {KT(FT_CODE, "risk"), "01", 0, 0, "01"},
    {KT(FT_CODE, "risk"), "因病", 0, 0, "01"},
    {KT(FT_CODE, "risk"), "因灾", 0, 0, "02"},
    {KT(FT_CODE, "risk"), "因自然", 0, 0, "02"},
    {KT(FT_CODE, "risk"), "０１", 0, 0, "01"},
    {KT(FT_CODE, "relation"), "户主", 0, 0, "02"},
    {KT(FT_CODE, "sex"), "男", 0, 0, "1"},
    {KT(FT_CODE, "house_grade"), "c", 0, 0, "C"},
    {KT(FT_CODE, "category"), "边缘户", 0, 0, "2"},
    /* several codes, any separator, in the order typed */
    {KT(FT_CODES, "risk"), "01,03", 0, 0, "01,03"},
    {KT(FT_CODES, "risk"), "因病、因残", 0, 0, "01,03"},
    {KT(FT_CODES, "risk"), "因病，因残", 0, 0, "01,03"},
    {KT(FT_CODES, "risk"), "因病 因残；因学", 0, 0, "01,03,09"},
    {KT(FT_CODES, "risk"), "03 ; 01", 0, 0, "03,01"},
    {KT(FT_CODES, "risk"), "01,02,03,04,05", 0, 0, "01,02,03,04,05"},
    {KT(FT_CODES, "risk"), "因灾", 0, 0, "02"},
    {KT(FT_CODES, "risk"), " ，、; ", 1, 0, NULL},
    /* yes and no */
    {K(FT_YESNO), "是", 0, 1, NULL},
    {K(FT_YESNO), "否", 0, 0, NULL},
    {K(FT_YESNO), "有", 0, 1, NULL},
    {K(FT_YESNO), "无", 0, 0, NULL},
    {K(FT_YESNO), "Y", 0, 1, NULL},
    {K(FT_YESNO), "no", 0, 0, NULL},
    {K(FT_YESNO), "YES", 0, 1, NULL},
    {K(FT_YESNO), "1", 0, 1, NULL},
    {K(FT_YESNO), "０", 0, 0, NULL},
};

static const char *
show(const char *s)
{
    return s != NULL ? s : "(null)";
}

static void
check_value(const struct good *g, const struct field_value *v,
            const char *what)
{
    int ok = v->empty == g->empty;

    if (g->s != NULL || g->empty) {
        ok = ok && ((g->s == NULL && v->s == NULL) ||
                    (g->s != NULL && v->s != NULL &&
                     strcmp(g->s, v->s) == 0));
    } else {
        ok = ok && v->n == g->n && v->s == NULL;
    }
    if (!ok) {
        print_error("%s: type %d \"%s\": empty %d n %" PRId64 " s \"%s\"\n",
                    what, (int)g->k.type, show(g->in), v->empty, v->n,
                    show(v->s));
    }
    assert_true(ok);
}

static void
test_good(void **state)
{
    struct fixture *fx = *state;
    size_t i;

    for (i = 0; i < sizeof(goods) / sizeof(goods[0]); i++) {
        struct field_spec f = spec_of(&goods[i].k, "测试");
        struct field_value v = {0, 0, NULL};
        struct err e;

        err_clear(&e);
        if (field_parse(&f, &fx->ctx, goods[i].in, &v, &e) != 0) {
            print_error("type %d \"%s\": %s\n", (int)f.type,
                        show(goods[i].in), e.msg);
            fail();
        }
        check_value(&goods[i], &v, "parse");
        field_value_clear(&v);
    }
}

/* field_parse(field_format(v)) == v for every good input. */
static void
test_round_trip(void **state)
{
    struct fixture *fx = *state;
    size_t i;

    for (i = 0; i < sizeof(goods) / sizeof(goods[0]); i++) {
        struct field_spec f = spec_of(&goods[i].k, "测试");
        struct field_value v = {0, 0, NULL}, w = {0, 0, NULL};
        struct sbuf sb = SBUF_INIT;
        struct err e;

        assert_int_equal(field_parse(&f, &fx->ctx, goods[i].in, &v, &e), 0);
        field_format(&f, &fx->ctx, &v, &sb);
        if (field_parse(&f, &fx->ctx, sb.buf, &w, &e) != 0) {
            print_error("type %d \"%s\" -> \"%s\": %s\n", (int)f.type,
                        show(goods[i].in), sb.buf, e.msg);
            fail();
        }
        check_value(&goods[i], &w, "round trip");
        sbuf_release(&sb);
        field_value_clear(&v);
        field_value_clear(&w);
    }
}

struct bad {
    struct kind k;
    const char *in;
    const char *msg;    /* part of the Chinese message, or NULL */
};

static const struct bad bads[] = {
    /* every type: required, invalid UTF-8, control characters */
    {KF(FT_TEXT, FF_REQUIRED), "  ", "请填写测试"},
    {KF(FT_TEXT, FF_REQUIRED), NULL, "请填写测试"},
    {KF(FT_DATE, FF_REQUIRED), "\xE3\x80\x80", "请填写测试"},
    {KF(FT_CODE, FF_REQUIRED), "", "请填写测试"},
    {{FT_CODES, FF_REQUIRED, "risk", 0, 0, 0}, "、，", "请填写测试"},
    {K(FT_TEXT), "\xff\xfe", "UTF-8"},
    {K(FT_NAME), "张\xe5\xbc", "UTF-8"},
    {K(FT_DATE), "2024-03-0\xc0\x80", "UTF-8"},
    {K(FT_TEXT), "a\tb", "控制字符"},
    {K(FT_TEXT), "a\nb", "控制字符"},
    {K(FT_TEXT), "a\x7f", "控制字符"},
    {K(FT_TEXT), "a\xc2\x85", "控制字符"},
    {K(FT_LONGTEXT), "a\x01\nb", "控制字符"},
    {K(FT_INT), "1\x1b", "控制字符"},
    /* too long for the type */
    {K(FT_NAME), "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一",
     "测试最多30字，现在是31字"},
    {KF(FT_TEXT, 0), "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"
     "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"
     "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一",
     "测试最多100字，现在是101字"},
    /* a value too long: its own message when it is malformed, else the
     * limit */
    {K(FT_IDNO), "1101051949123100211", "18"},
    {K(FT_INT), "000000000000000000000001", "测试最多20字，现在是24字"},
    {K(FT_DATE), "2024-03-05 12:00", "2024-03-05"},
    /* names */
    {K(FT_NAME), "张3", "只能填写汉字"},
    {K(FT_NAME), "Zhang San", "只能填写汉字"},
    {K(FT_NAME), "张 三", "只能填写汉字"},
    {K(FT_NAME), "张三！", "只能填写汉字"},
    {K(FT_NAME), "ＺＨＡＮＧ", "只能填写汉字"},
    {K(FT_NAME), "\xC2\xB7张三", "间隔号"},
    {K(FT_NAME), "张\xC2\xB7\xC2\xB7三", "间隔号"},
    {K(FT_NAME), "张三\xC2\xB7", "间隔号"},
    /* ID numbers */
    {K(FT_IDNO), "110105194912310021", "测试：身份证号"},
    {K(FT_IDNO), "11010519491231002", NULL},
    {K(FT_IDNO), "110105203012310025", NULL},
    {K(FT_IDNO), "11010519491231002Y", NULL},
    /* phones */
    {K(FT_PHONE), "12345678901", "手机号"},
    {K(FT_PHONE), "1381234567", "手机号"},
    {K(FT_PHONE), "138123456789", NULL},
    {K(FT_PHONE), "010-123456", NULL},
    {K(FT_PHONE), "0871-123456789", NULL},
    {K(FT_PHONE), "+8613812345678", NULL},
    {K(FT_PHONE), "0012345678", NULL},
    {K(FT_PHONE), "087-1-1234567", NULL},
    {K(FT_PHONE), "abc", NULL},
    /* dates */
    {K(FT_DATE), "2023-02-30", "2023-02-30不存在：2023年2月只有28天"},
    {K(FT_DATE), "2023-13-01", "2023-13-01不存在"},
    {K(FT_DATE), "2024年2月30日", "2024年2月只有29天"},
    {K(FT_DATE), "2023-04-00", "不存在"},
    {K(FT_DATE), "1899-12-31", "1900"},
    {K(FT_DATE), "2026-11-23", "不能晚于今天（2026-11-22）"},
    {K(FT_DATE), "2024-3-5x", "2024-03-05"},
    {K(FT_DATE), "05/03/2024", "2024-03-05"},
    {K(FT_DATE), "2024-03/05", NULL},
    {K(FT_DATE), "24-03-05", NULL},
    {K(FT_DATE), "2024035", NULL},
    {K(FT_DATE), "2024年3月", NULL},
    {K(FT_DATE), "yesterday", NULL},
    {KB(FT_DATE, 19723, 20088), "2023-12-31", "2024-01-01"},
    /* months */
    {K(FT_MONTH), "2024-13", "不存在"},
    {K(FT_MONTH), "2024-00", NULL},
    {K(FT_MONTH), "1899-12", "1900"},
    {K(FT_MONTH), "2026-12", "不能晚于本月（2026-11）"},
    {K(FT_MONTH), "2024-03-05", "2024-03"},
    {K(FT_MONTH), "March", NULL},
    /* money */
    {K(FT_MONEY), "-5", "测试不能为负数"},
    {K(FT_MONEY), "￥-5", "测试不能为负数"},
    {K(FT_MONEY), "1.234", "两位小数"},
    {K(FT_MONEY), "12a", "1234.50"},
    {K(FT_MONEY), "１２ａ", NULL},
    {K(FT_MONEY), "1,23", NULL},
    {K(FT_MONEY), "元", NULL},
    {K(FT_MONEY), "$5", NULL},
    {K(FT_MONEY), "1000000000000", NULL},
    {KB(FT_MONEY, 0, 100000), "1000.01", "测试超过1,000.00元，已超出此类金额的合理上限"},
    {KB(FT_MONEY, 100, 100000), "0.5", "1.00元到1,000.00元"},
    /* decimals */
    {K(FT_DECIMAL), "-1", "测试不能为负数"},
    {K(FT_DECIMAL), "1.234", "测试最多两位小数，如12.5"},
    {K(FT_DECIMAL), "abc", "测试不是数字"},
    {K(FT_DECIMAL), "¥5", NULL},
    {KB(FT_DECIMAL, 0, 1000), "12", "测试应在0.00到10.00之间"},
    /* whole numbers */
    {K(FT_INT), "99999999999999999999", "太大"},
    {K(FT_INT), "9223372036854775808", "太大"},
    {KF(FT_INT, FF_NEGATIVE), "-9223372036854775809", "太大"},
    {K(FT_INT), "-5", "测试不能为负数"},
    {K(FT_INT), "1.5", "整数"},
    {K(FT_INT), "1e3", NULL},
    {K(FT_INT), "1,000", NULL},
    {K(FT_INT), "-", NULL},
    {KB(FT_INT, 0, 120), "121", "0到120"},
    /* codes */
    {KT(FT_CODE, "risk"), "外星人", "按回车"},
    {KT(FT_CODE, "risk"), "因", "不止一项"},
    {KT(FT_CODE, "risk"), "08", NULL},
    {KT(FT_CODE, "no_such_table"), "01", "no_such_table"},
    {KT(FT_CODE, NULL), "01", NULL},
    {KT(FT_CODES, "risk"), "01,02,03,04,05,09", "最多选5项"},
    {KT(FT_CODES, "risk"), "01,因病", "因病重复"},
    {KT(FT_CODES, "risk"), "因病、因", "不止一项"},
    {KT(FT_CODES, "risk"), "因病、外星人", "外星人"},
    {KT(FT_CODES, "no_such_table"), "01", NULL},
    /* yes and no */
    {K(FT_YESNO), "maybe", "请填是或否"},
    {K(FT_YESNO), "是的", NULL},
};

static void
test_bad(void **state)
{
    struct fixture *fx = *state;
    size_t i;

    for (i = 0; i < sizeof(bads) / sizeof(bads[0]); i++) {
        struct field_spec f = spec_of(&bads[i].k, "测试");
        struct field_value v = {0, 0, NULL};
        struct err e;
        int rc;

        err_clear(&e);
        rc = field_parse(&f, &fx->ctx, bads[i].in, &v, &e);
        if (rc != -1 || e.code != ERR_INVALID ||
            (bads[i].msg != NULL && strstr(e.msg, bads[i].msg) == NULL)) {
            print_error("type %d \"%s\": rc %d code %d \"%s\", want \"%s\"\n",
                        (int)f.type, show(bads[i].in), rc, (int)e.code,
                        e.msg, show(bads[i].msg));
            fail();
        }
        assert_true(e.msg[0] != '\0');
        assert_true(v.empty && v.s == NULL);
        field_value_clear(&v);
    }
}

/* A few messages in full: they are what the user reads. */
static void
test_messages(void **state)
{
    struct fixture *fx = *state;
    struct kind req = KF(FT_TEXT, FF_REQUIRED), money = K(FT_MONEY),
                date = K(FT_DATE), codes = KT(FT_CODES, "risk");
    struct field_spec f;
    struct field_value v = {0, 0, NULL};
    struct err e;

    f = spec_of(&req, "户主姓名");
    assert_int_equal(field_parse(&f, &fx->ctx, "", &v, &e), -1);
    assert_string_equal(e.msg, "请填写户主姓名。");
    f = spec_of(&money, "金额");
    assert_int_equal(field_parse(&f, &fx->ctx, "-5", &v, &e), -1);
    assert_string_equal(e.msg, "金额不能为负数，请去掉负号。");
    f = spec_of(&date, "出生日期");
    assert_int_equal(field_parse(&f, &fx->ctx, "2023-02-30", &v, &e), -1);
    assert_string_equal(e.msg,
                        "出生日期：2023-02-30不存在：2023年2月只有28天，请检查日期。");
    f = spec_of(&codes, "风险类型");
    assert_int_equal(field_parse(&f, &fx->ctx, "1 2 3 4 5 6", &v, &e), -1);
    assert_string_equal(e.msg, "风险类型最多选5项，现在是6项，请删减。");
    /* No label: the field's name, never the catalogue header. */
    f = spec_of(&req, NULL);
    assert_int_equal(field_parse(&f, &fx->ctx, " ", &v, &e), -1);
    assert_string_equal(e.msg, "请填写f。");
    field_value_clear(&v);
}

/* Long text: the limit and the count typed, in characters; 10 MB is
 * refused without trouble. */
static void
test_too_long(void **state)
{
    struct fixture *fx = *state;
    struct kind lt = K(FT_LONGTEXT), text = K(FT_TEXT), date = K(FT_DATE);
    struct field_spec f = spec_of(&lt, "备注");
    struct field_value v = {0, 0, NULL};
    struct sbuf sb = SBUF_INIT;
    struct err e;
    size_t i, big = 10 * 1000 * 1000;
    char *huge;

    for (i = 0; i < 2000; i++) {
        sbuf_adds(&sb, "字");
    }
    assert_int_equal(field_parse(&f, &fx->ctx, sb.buf, &v, &e), 0);
    assert_int_equal(u8_chars(v.s), 2000);
    for (; i < 10000; i++) {
        sbuf_adds(&sb, "字");
    }
    assert_int_equal(field_parse(&f, &fx->ctx, sb.buf, &v, &e), -1);
    assert_int_equal(e.code, ERR_INVALID);
    assert_string_equal(e.msg, "备注最多2000字，现在是10000字，请删减。");

    /* A code field takes any text naming an entry of its table whatever
     * its length: the limit is for what is typed (a receipt's label
     * with what it has left is longer than a code field takes). */
    {
        struct kind code = KT(FT_CODE, "risk");

        f = spec_of(&code, "风险");
        f.max_chars = 1;
        assert_int_equal(field_parse(&f, &fx->ctx, "因病", &v, &e), 0);
        assert_string_equal(v.s, "01");
    }

    /* max_chars, and never more than FIELD_TEXT_MAX */
    f = spec_of(&text, "备注");
    f.max_chars = 5;
    assert_int_equal(field_max_chars(&f), 5);
    assert_int_equal(field_parse(&f, &fx->ctx, "一二三四五", &v, &e), 0);
    assert_int_equal(field_parse(&f, &fx->ctx, "一二三四五六", &v, &e), -1);
    f.max_chars = 1000000;
    assert_int_equal(field_max_chars(&f), FIELD_TEXT_MAX);
    f.max_chars = 0;
    assert_int_equal(field_max_chars(&f), 100);
    f.type = FT_NAME;
    assert_int_equal(field_max_chars(&f), 30);
    f.type = FT_LONGTEXT;
    assert_int_equal(field_max_chars(&f), 2000);

    huge = malloc(big + 1);
    assert_non_null(huge);
    memset(huge, 'a', big);
    huge[big] = '\0';
    assert_int_equal(field_parse(&f, &fx->ctx, huge, &v, &e), -1);
    assert_int_equal(e.code, ERR_INVALID);
    assert_string_equal(e.msg, "备注最多2000字，现在是10000000字，请删减。");
    f = spec_of(&date, "日期");
    assert_int_equal(field_parse(&f, &fx->ctx, huge, &v, &e), -1);
    huge[big / 2] = '\xff';
    assert_int_equal(field_parse(&f, &fx->ctx, huge, &v, &e), -1);
    assert_int_equal(e.code, ERR_INVALID);
    assert_non_null(strstr(e.msg, "UTF-8"));
    free(huge);
    field_value_clear(&v);
    sbuf_release(&sb);
}

struct fmt {
    struct kind k;
    int64_t n;
    const char *s;
    const char *want;
};

static void
test_format(void **state)
{
    static const struct fmt cases[] = {
        {K(FT_DATE), 19787, NULL, "2024-03-05"},
        {K(FT_MONTH), 2024 * 12 + 2, NULL, "2024-03"},
        {K(FT_MONEY), 123450, NULL, "1234.50"},
        {K(FT_MONEY), 123456789, NULL, "1234567.89"},
        {K(FT_MONEY), -1200, NULL, "-12.00"},
        {K(FT_DECIMAL), 1250, NULL, "12.50"},
        {K(FT_INT), -42, NULL, "-42"},
        {K(FT_YESNO), 1, NULL, "是"},
        {K(FT_YESNO), 0, NULL, "否"},
        {KT(FT_CODE, "risk"), 0, "02", "因自然灾害"},
        {KT(FT_CODE, "risk"), 0, "77", "77"},
        {KT(FT_CODES, "risk"), 0, "01,03", "因病、因残"},
        {KT(FT_CODES, "risk"), 0, "01,77", "因病、77"},
        {K(FT_IDNO), 0, "11010519491231002X", "11010519491231002X"},
        {K(FT_TEXT), 0, "备注", "备注"},
    };
    struct fixture *fx = *state;
    size_t i;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct field_spec f = spec_of(&cases[i].k, "测试");
        struct field_value v = {0, 0, NULL};
        struct sbuf sb = SBUF_INIT;

        if (cases[i].s != NULL) {
            field_value_str(&v, cases[i].s);
        } else {
            field_value_num(&v, cases[i].n);
        }
        field_format(&f, &fx->ctx, &v, &sb);
        assert_string_equal(sb.buf, cases[i].want);
        sbuf_release(&sb);
        field_value_clear(&v);
    }
}

static void
test_values(void **state)
{
    struct fixture *fx = *state;
    struct kind k = K(FT_DATE);
    struct field_spec f = spec_of(&k, "测试");
    struct field_value v = {0, 0, NULL};
    struct sbuf sb = SBUF_INIT;

    field_value_str(&v, "abc");
    assert_false(v.empty);
    assert_string_equal(v.s, "abc");
    field_value_str(&v, "");
    assert_true(v.empty);
    assert_null(v.s);
    field_value_str(&v, NULL);
    assert_true(v.empty);
    field_value_num(&v, 7);
    assert_false(v.empty);
    assert_true(v.n == 7);
    assert_null(v.s);
    field_value_clear(&v);
    assert_true(v.empty);
    assert_null(v.s);
    /* An empty value formats as nothing, whatever the type. */
    field_format(&f, &fx->ctx, &v, &sb);
    assert_string_equal(sb.buf, "");
    /* Parsing replaces an earlier value (no leak). */
    field_value_str(&v, "old");
    assert_int_equal(field_parse(&f, &fx->ctx, "2024-03-05", &v, NULL), 0);
    assert_null(v.s);
    assert_true(v.n == 19787);
    /* No code book: codes are refused, never a crash. */
    {
        struct kind kc = KT(FT_CODE, "risk");
        struct field_spec fc = spec_of(&kc, "测试");
        struct field_ctx none = {NULL, D(TODAY)};
        struct err e;

        assert_int_equal(field_parse(&fc, &none, "01", &v, &e), -1);
        assert_int_equal(e.code, ERR_INVALID);
        assert_int_equal(field_parse(&fc, NULL, "01", &v, &e), -1);
        field_value_str(&v, "01");
        field_format(&fc, NULL, &v, &sb);
        assert_string_equal(sb.buf, "01");
    }
    field_value_clear(&v);
    sbuf_release(&sb);
}

/* Field F's text for the number N, formatted into SB. */
static const char *
num_text(const struct fixture *fx, const struct field_spec *f, int64_t n, struct sbuf *sb)
{
    struct field_value v = {0, 0, NULL};

    sbuf_reset(sb);
    field_value_num(&v, n);
    field_format(f, &fx->ctx, &v, sb);
    field_value_clear(&v);
    return sb->buf;
}

/* Yes and no are looked up once per language (an export formats one
 * per cell): what gettext says in the language set last, and each
 * i18n_set_language() is a new generation that drops the kept words. */
static void
test_yesno_language(void **state)
{
    static const char *const lang[] = {"zh_CN", "en", "zh_CN"};
    struct kind k = K(FT_YESNO);
    struct field_spec f = spec_of(&k, "测试");
    struct sbuf sb = SBUF_INIT;
    unsigned gen = i18n_generation();
    size_t i;

    for (i = 0; i < ARRAY_SIZE(lang); i++) {
        assert_int_equal(i18n_set_language(lang[i]), 0);
        assert_int_not_equal(i18n_generation(), gen);
        gen = i18n_generation();
        assert_string_equal(num_text(*state, &f, 0, &sb), _("no"));
        assert_string_equal(num_text(*state, &f, 1, &sb), _("yes"));
    }
    assert_int_equal(i18n_set_language("xx"), -1);
    assert_int_equal(i18n_generation(), gen);
    assert_string_equal(num_text(*state, &f, 1, &sb), "是");
    sbuf_release(&sb);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_bad),
        cmocka_unit_test(test_messages),
        cmocka_unit_test(test_too_long),
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_values),
        cmocka_unit_test(test_yesno_language),
    };

    return cmocka_run_group_tests(tests, setup, teardown);
}
