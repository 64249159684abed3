/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_import.c - the national sheet's layout and values: the shipped
 * share/exchange/national.conf loads with every column of domain.md 10.2,
 * a broken layout is refused with its line, cells parse as the forms do
 * (months as 202104, 2021-04, 2021-4 or a whole date; Excel's scientific
 * notation refused with words; code labels; blanks trimmed and counted)
 * and records are written back as the national system writes them.
 */
#include "config.h"
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg/exchange_load.h"
#include "core/date.h"
#include "core/exchange.h"
#include "core/policy.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/sbuf.h"

#define TODAY "2026-11-22"

struct fixture {
    struct policy p;
    struct field_ctx ctx;
    struct xlayout l;
};

static int
setup(void **state)
{
    struct fixture *fx = calloc(1, sizeof(*fx));
    char *localedir = path_localedir();
    struct err e;

    i18n_init(localedir);
    free(localedir);
    helpers_policy(&fx->p);
    fx->ctx.codes = &fx->p.codes;
    fx->ctx.today = D(TODAY);
    err_clear(&e);
    if (exchange_load(helpers_datadir(), "national", &fx->p.codes, &fx->l, &e) != 0) {
        fail_msg("national.conf: %s", e.msg);
    }
    *state = fx;
    return 0;
}

static int
teardown(void **state)
{
    struct fixture *fx = *state;

    xlayout_free(&fx->l);
    policy_free(&fx->p);
    free(fx);
    return 0;
}

static const struct xcol *
col(struct fixture *fx, const char *label)
{
    size_t i;

    for (i = 0; i < fx->l.n; i++) {
        if (strcmp(fx->l.v[i].label, label) == 0) {
            return &fx->l.v[i];
        }
    }
    fail_msg("no column %s", label);
    return NULL;
}

/* Every label of domain.md 10.2 is in the layout, mapped as stated. */
static void
test_layout(void **state)
{
    struct fixture *fx = *state;
    static const char *const labels[] = {
        "序号", "数据日期", "县(市、区、旗)", "乡(镇)", "行政村", "自然村", "户编号",
        "人编号", "姓名", "证件号码", "人数", "与户主关系", "民族", "文化程度",
        "在校生状况", "健康状况", "劳动技能", "务工时间（月）", "是否参加大病保险",
        "致贫原因1", "危房户", "是否解决安全饮用水", "人均纯收入", "户联系电话",
        "人联系电话", "首次识别时间", "人员识别时间", "户类型",
        "易返贫致贫户(监测对象)类型", "风险是否消除", "风险识别时间", "风险消除时间",
    };
    size_t i;

    for (i = 0; i < sizeof(labels) / sizeof(labels[0]); i++) {
        assert_string_equal(fx->l.v[i].label, labels[i]);
    }
    assert_int_equal(col(fx, "户编号")->field, XF_HH_NO);
    assert_true(col(fx, "户编号")->spec.flags & FF_REQUIRED);
    assert_int_equal(col(fx, "民族")->spec.type, FT_CODE);
    assert_string_equal(col(fx, "民族")->table, "ethnicity");
    assert_int_equal(col(fx, "风险识别时间")->spec.type, FT_MONTH);
    assert_true(xfield_household(XF_HH_TYPE));
    assert_false(xfield_household(XF_NAME));
    /* Stored, not only checked (issue 16 section 2 said read-only). */
    assert_int_equal(col(fx, "首次识别时间")->field, XF_FIRST_IDENT);
    assert_int_equal(col(fx, "人员识别时间")->field, XF_PERSON_IDENT);
    assert_int_equal(col(fx, "是否解决安全饮用水")->field, XF_WATER);
    assert_string_equal(col(fx, "是否解决安全饮用水")->table, "water");
    assert_int_equal(col(fx, "工资性收入")->field, XF_WAGE);
    assert_true(xfield_household(XF_FIRST_IDENT) && xfield_household(XF_WATER) &&
                xfield_household(XF_WAGE));
    assert_false(xfield_household(XF_PERSON_IDENT));
    assert_string_equal(fx->l.channel, "2");       /* 基层干部排查 */
    assert_string_equal(fx->l.elim_method, "1");   /* 帮扶消除 */
}

static void
expect_bad_layout(struct fixture *fx, const char *text, const char *want)
{
    struct xlayout l;
    struct err e;

    err_clear(&e);
    assert_int_equal(exchange_parse("t.conf", text, &fx->p.codes, &l, &e), -1);
    assert_non_null(strstr(e.msg, "t.conf:"));
    assert_non_null(strstr(e.msg, want));
    assert_int_equal(l.n, 0);
}

#define NEEDED \
    "{ label = \"县\"; field = \"county\"; kind = \"text\"; },"   \
    "{ label = \"乡\"; field = \"township\"; kind = \"text\"; },"  \
    "{ label = \"村\"; field = \"village\"; kind = \"text\"; },"   \
    "{ label = \"户\"; field = \"hh_no\"; kind = \"text\"; },"     \
    "{ label = \"名\"; field = \"name\"; kind = \"name\"; },"      \
    "{ label = \"证\"; field = \"id_no\"; kind = \"idno\"; },"     \
    "{ label = \"关系\"; field = \"relation\"; kind = \"code\"; codes = \"relation\"; },"
#define TAIL "case_channel = \"基层干部排查\"; case_elim_method = \"帮扶消除\";"

static void
test_bad_layout(void **state)
{
    struct fixture *fx = *state;

    expect_bad_layout(fx, "columns = (" NEEDED
                          "{ label = \"类\"; field = \"hh_kind\"; kind = \"text\"; });" TAIL,
                      "field");
    expect_bad_layout(fx, "columns = (" NEEDED
                          "{ label = \"类\"; field = \"hh_type\"; kind = \"words\"; });" TAIL,
                      "kind");
    expect_bad_layout(fx, "columns = (" NEEDED
                          "{ label = \"类\"; field = \"hh_type\"; kind = \"code\"; "
                          "codes = \"nosuch\"; });" TAIL,
                      "codes");
    expect_bad_layout(fx, "columns = (" NEEDED
                          "{ label = \"县\"; field = \"hh_type\"; kind = \"code\"; "
                          "codes = \"hh_type\"; });" TAIL,
                      "");
    /* hh_type missing */
    expect_bad_layout(fx, "columns = (" NEEDED "{ label = \"x\"; field = \"none\"; "
                          "kind = \"text\"; });" TAIL, "");
}

/* Parse TEXT in column LABEL: 0 with *V, or -1 with the message in MSG. */
static int
parse(struct fixture *fx, const char *label, const char *text, struct field_value *v,
      char *msg)
{
    struct err e;
    int rc;

    err_clear(&e);
    rc = xcell_parse(col(fx, label), &fx->ctx, text, v, &e);
    strcpy(msg, e.msg);
    return rc;
}

static void
test_months(void **state)
{
    struct fixture *fx = *state;
    static const char *const good[] = {"202104", "2021-04", "2021-4", "2021/4", "2021年4月"};
    struct field_value v = {1, 0, NULL};
    struct xrecord r;
    char msg[512];
    size_t i;

    for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
        xrecord_init(&r);
        assert_int_equal(parse(fx, "风险识别时间", good[i], &v, msg), 0);
        xrecord_set(&r, XF_IDENTIFIED, &v);
        assert_int_equal(r.identified_on, D("2021-04-01"));
    }
    /* A whole date keeps its day. */
    xrecord_init(&r);
    assert_int_equal(parse(fx, "风险识别时间", "2021-04-15", &v, msg), 0);
    xrecord_set(&r, XF_IDENTIFIED, &v);
    assert_int_equal(r.identified_on, D("2021-04-15"));
    assert_int_equal(parse(fx, "风险识别时间", "2021-13", &v, msg), -1);
    assert_non_null(strstr(msg, "风险识别时间"));
    assert_int_equal(parse(fx, "风险识别时间", "2027-01", &v, msg), -1);
    assert_int_equal(parse(fx, "风险识别时间", "四月", &v, msg), -1);
    field_value_clear(&v);
}

static void
test_mangled(void **state)
{
    struct fixture *fx = *state;
    struct field_value v = {1, 0, NULL};
    char msg[512];

    assert_true(xmangled("5.19999E+17"));
    assert_true(xmangled("5.2e17"));
    assert_true(xmangled("5E+17"));
    assert_false(xmangled("519999197001010011"));
    assert_false(xmangled("5.2"));
    assert_false(xmangled("E+17"));
    assert_int_equal(parse(fx, "证件号码", "5.19999E+17", &v, msg), -1);
    assert_non_null(strstr(msg, "证件号码"));
    assert_non_null(strstr(msg, "科学计数法"));
    assert_int_equal(parse(fx, "户编号", "5.13401E+15", &v, msg), -1);
    assert_non_null(strstr(msg, "科学计数法"));
    /* An amount in that form is a number like any other. */
    assert_int_equal(parse(fx, "人均纯收入", "1.5E+3", &v, msg) == 0 ||
                         strstr(msg, "科学计数法") == NULL, 1);
    /* An ID Excel held as a number: 15 digits, then zeros. */
    assert_int_equal(parse(fx, "证件号码", "513401197001010000", &v, msg), -1);
    assert_non_null(strstr(msg, "15"));
    /* A masked ID (an export without --reveal). */
    assert_int_equal(parse(fx, "证件号码", "513401********001X", &v, msg), -1);
    assert_non_null(strstr(msg, "513401********001X"));
    /* A good ID, a bad check digit. */
    assert_int_equal(parse(fx, "证件号码", "11010519491231002X", &v, msg), 0);
    assert_string_equal(v.s, "11010519491231002X");
    assert_int_equal(parse(fx, "证件号码", "110105194912310021", &v, msg), -1);
    assert_non_null(strstr(msg, "校验码"));
    field_value_clear(&v);
}

static void
test_codes_and_amounts(void **state)
{
    struct fixture *fx = *state;
    struct field_value v = {1, 0, NULL};
    char msg[512];

    assert_int_equal(parse(fx, "民族", "汉族", &v, msg), 0);
    assert_string_equal(v.s, "01");
    assert_int_equal(parse(fx, "与户主关系", "户主", &v, msg), 0);
    assert_string_equal(v.s, "02");
    assert_int_equal(parse(fx, "民族", "火星族", &v, msg), -1);
    assert_non_null(strstr(msg, "民族"));
    assert_non_null(strstr(msg, "火星族"));
    assert_int_equal(parse(fx, "易返贫致贫户(监测对象)类型", "边缘易致贫户", &v, msg), 0);
    assert_string_equal(v.s, "2");
    assert_int_equal(parse(fx, "人均纯收入", "5200.50", &v, msg), 0);
    assert_int_equal(v.n, 520050);
    assert_int_equal(parse(fx, "人均纯收入", "-5", &v, msg), -1);
    assert_non_null(strstr(msg, "负"));
    assert_int_equal(parse(fx, "人均纯收入", "五千", &v, msg), -1);
    assert_int_equal(parse(fx, "务工时间（月）", "13", &v, msg), -1);
    assert_int_equal(parse(fx, "是否参加大病保险", "是", &v, msg), 0);
    assert_int_equal(v.n, 1);
    assert_int_equal(parse(fx, "户编号", "", &v, msg), -1);   /* required */
    /* What the database keeps: 户编号 of at most 30 characters. */
    assert_int_equal(parse(fx, "户编号", "1234567890123456789012345678901", &v, msg), -1);
    assert_non_null(strstr(msg, "户编号"));
    assert_int_equal(parse(fx, "户编号", "123456789012345678901234567890", &v, msg), 0);
    field_value_clear(&v);
}

static void
test_trim(void **state)
{
    size_t n;
    int t;
    const char *s;

    (void)state;
    s = xtrim("  张三 ", &n, &t);
    assert_int_equal(t, 1);
    assert_int_equal(n, strlen("张三"));
    assert_memory_equal(s, "张三", n);
    s = xtrim("\xE3\x80\x80李四\xE3\x80\x80", &n, &t);   /* ideographic spaces */
    assert_int_equal(t, 1);
    assert_memory_equal(s, "李四", n);
    s = xtrim("王五", &n, &t);
    assert_int_equal(t, 0);
    assert_int_equal(n, strlen("王五"));
}

/* A record written back: codes as labels, months YYYYMM. */
static void
test_cells(void **state)
{
    struct fixture *fx = *state;
    struct xrecord r;
    struct sbuf sb = SBUF_INIT;

    xrecord_init(&r);
    snprintf(r.p.ethnicity, sizeof(r.p.ethnicity), "01");
    r.identified_on = D("2021-04-15");
    r.per_capita = 520050;
    r.has = UINT64_C(1) << XF_PER_CAPITA;
    xrecord_cell(&r, col(fx, "民族"), &fx->ctx, &sb);
    sbuf_addch(&sb, '|');
    xrecord_cell(&r, col(fx, "风险识别时间"), &fx->ctx, &sb);
    sbuf_addch(&sb, '|');
    xrecord_cell(&r, col(fx, "人均纯收入"), &fx->ctx, &sb);
    sbuf_addch(&sb, '|');
    xrecord_cell(&r, col(fx, "风险消除时间"), &fx->ctx, &sb);
    assert_string_equal(sb.buf, "汉族|202104|5200.50|");
    /* Months kept as months: a first identification, a person's; the
     * wage only when the record has one. */
    sbuf_reset(&sb);
    r.hh.first_identified = month_of(D("2014-01-01"));
    snprintf(r.hh.water, sizeof(r.hh.water), "0");
    xrecord_cell(&r, col(fx, "首次识别时间"), &fx->ctx, &sb);
    sbuf_addch(&sb, '|');
    xrecord_cell(&r, col(fx, "人员识别时间"), &fx->ctx, &sb);
    sbuf_addch(&sb, '|');
    xrecord_cell(&r, col(fx, "是否解决安全饮用水"), &fx->ctx, &sb);
    sbuf_addch(&sb, '|');
    xrecord_cell(&r, col(fx, "工资性收入"), &fx->ctx, &sb);
    assert_string_equal(sb.buf, "201401||否|");
    sbuf_release(&sb);
    assert_string_equal(xhouse_grade(1, ""), "C");
    assert_string_equal(xhouse_grade(1, "D"), "D");
    assert_string_equal(xhouse_grade(0, "C"), "");
    assert_string_equal(xhouse_grade(0, "B"), "B");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_layout),
        cmocka_unit_test(test_bad_layout),
        cmocka_unit_test(test_months),
        cmocka_unit_test(test_mangled),
        cmocka_unit_test(test_codes_and_amounts),
        cmocka_unit_test(test_trim),
        cmocka_unit_test(test_cells),
    };

    return cmocka_run_group_tests(tests, setup, teardown);
}
