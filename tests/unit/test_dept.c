/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_dept.c - department warnings: the shipped dept.conf and
 * incomes.conf load; departments found by name, alias and id, by province
 * and year; the county's own entries; the rules judged at and around
 * their thresholds, by population; households already followed; and
 * malformed entries refused with file, line and reason, unknown keys
 * warned.
 */
#include "config.h"
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg/policy_load.h"
#include "core/codes.h"
#include "core/dept.h"
#include "core/mcase.h"
#include "core/policy.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/notes.h"

/* Load the shipped files plus a county directory holding FILES (pairs of
 * name and text, NULL-terminated). */
static int
load_county(struct policy *p, const char *const *files, struct notes *warn,
            struct err *e)
{
    return helpers_policy_with(p, files, warn, e, NULL);
}

static void
test_shipped(void **state)
{
    static const char *const names[] = {"医保", "民政", "残联", "应急", "教育", "人社"};
    struct policy p;
    const struct dept *d;
    size_t i;

    (void)state;
    helpers_policy(&p);
    for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        d = policy_dept(&p, names[i], "51", 2026);
        assert_non_null(d);
        assert_string_equal(d->cols[DEPT_COL_ID], "身份证号");
        assert_true(d->nrules > 0);
        assert_true(d->source[0] != '\0');
    }
    d = policy_dept(&p, "yibao", "51", 2026);
    assert_non_null(d);
    assert_string_equal(d->name, "医保");
    assert_ptr_equal(policy_dept(&p, "MEDICAL", "51", 2026), d);
    assert_ptr_equal(policy_dept(&p, "medical", NULL, 2026), d);
    assert_string_equal(d->cols[DEPT_COL_VALUE], "个人自付费用");
    assert_int_equal(d->rules[0].test, DEPT_OVER_SHARE);
    assert_int_equal(d->rules[0].bp, 5000);
    assert_int_equal(d->rules[0].pops, DEPT_POP_FORMER_POOR | DEPT_POP_MONITORED);
    assert_int_equal(d->rules[1].bp, 10000);
    assert_true(dept_is_amount(d));
    assert_false(dept_is_amount(policy_dept(&p, "民政", "51", 2026)));
    assert_null(policy_dept(&p, "公安", "51", 2026));
    assert_null(policy_dept(&p, "医保", "51", 2020));
    policy_free(&p);
}

static void
test_incomes(void **state)
{
    static const char *const files[] = {
        "incomes.conf",
        "incomes = ( { province = \"51\"; year = 2025; yuan = 20000; source = \"x\"; } );\n",
        NULL,
    };
    struct policy p;
    struct err e;
    const struct line_entry *l;

    (void)state;
    helpers_policy(&p);
    l = policy_income(&p, "51", 2025);
    assert_non_null(l);
    assert_int_equal(l->year, 2024);
    assert_string_equal(l->province, "*");
    /* a warning of 2026 takes the latest year before it */
    assert_ptr_equal(policy_income(&p, "51", 2026), l);
    assert_int_equal(policy_income(&p, "51", 2024)->year, 2023);
    assert_null(policy_income(&p, "51", 2021));
    policy_free(&p);
    assert_int_equal(load_county(&p, files, NULL, &e), 0);
    assert_int_equal(policy_income(&p, "51", 2026)->fen, 2000000);
    assert_string_equal(policy_income(&p, "13", 2026)->province, "*");
    assert_int_equal(policy_income(&p, "51", 2025)->year, 2024);
    policy_free(&p);
}

/* Judge S by department NAME in 2026; the verdict's warn. */
static int
judge_subject(const struct policy *p, const char *name, const struct dept_subject *s,
              struct dept_verdict *v)
{
    struct err e;

    err_clear(&e);
    assert_int_equal(dept_judge(p, policy_dept(p, name, "51", 2026), "51", 2026, s, v, &e),
                     0);
    return v->warn;
}

/* Judge VALUE for POPS (a member with ordinary labour, 劳动技能 2) by
 * department NAME in 2026; the verdict's warn. */
static int
judge(const struct policy *p, const char *name, unsigned pops, int64_t value,
      struct dept_verdict *v)
{
    struct dept_subject s = {pops, "2", "", value};

    return judge_subject(p, name, &s, v);
}

static void
test_judge(void **state)
{
    struct policy p;
    struct dept_verdict v;
    int64_t income;
    char text[WARN_RULE_BUF];

    (void)state;
    helpers_policy(&p);
    income = policy_income(&p, "51", 2026)->fen;
    /* 医保: 50% for 脱贫人口 and monitoring objects, 100% for the others */
    assert_false(judge(&p, "医保", DEPT_POP_FORMER_POOR, income / 2, &v));
    assert_int_equal(v.threshold_fen, income / 2);
    assert_true(judge(&p, "医保", DEPT_POP_FORMER_POOR, income / 2 + 1, &v));
    assert_true(judge(&p, "医保", DEPT_POP_MONITORED, income / 2 + 1, &v));
    assert_true(judge(&p, "医保", DEPT_POP_FORMER_POOR | DEPT_POP_MONITORED,
                      income / 2 + 1, &v));
    assert_false(judge(&p, "医保", DEPT_POP_OTHER, income, &v));
    assert_true(judge(&p, "医保", DEPT_POP_OTHER, income + 1, &v));
    assert_string_equal(v.rule->label, "因病致贫预警");
    /* 教育: an amount */
    assert_false(judge(&p, "教育", DEPT_POP_OTHER, 1000000, &v));
    assert_true(judge(&p, "教育", DEPT_POP_OTHER, 1000001, &v));
    /* 民政: any new event */
    assert_true(judge(&p, "民政", DEPT_POP_OTHER, 0, &v));
    assert_true(judge(&p, "残联", DEPT_POP_FORMER_POOR, 0, &v));
    /* the text names the threshold, the income's year and amount */
    i18n_set_language("en");
    judge(&p, "医保", DEPT_POP_FORMER_POOR, income, &v);
    dept_rule_text(policy_dept(&p, "医保", "51", 2026), &v, text, sizeof(text));
    assert_non_null(strstr(text, "因病返贫预警: 个人自付费用 over 50.00% of the rural"));
    assert_non_null(strstr(text, "income of 2024"));
    judge(&p, "教育", DEPT_POP_OTHER, 0, &v);
    dept_rule_text(policy_dept(&p, "教育", "51", 2026), &v, text, sizeof(text));
    assert_non_null(strstr(text, "over 10,000.00 yuan"));
    i18n_set_language("zh_CN");
    policy_free(&p);
}

/* 人社 takes only a member with labour ability: the 劳动技能 codes that
 * codes.conf tags "labour" */
static void
test_labour(void **state)
{
    static const char *const none[] = {"", "99", NULL};
    struct dept_subject s = {DEPT_POP_FORMER_POOR, NULL, "失业", 0};
    struct policy p;
    struct dept_verdict v;
    const struct code_table *t;
    char text[WARN_RULE_BUF];
    size_t i, able = 0;

    (void)state;
    helpers_policy(&p);
    assert_true(policy_dept(&p, "人社", "51", 2026)->rules[0].labour);
    t = codebook_table(&p.codes, "labour");
    for (i = 0; i < t->n; i++) {
        int has = code_has_tag(&t->v[i], "labour");

        s.labour = t->v[i].code;
        assert_int_equal(judge_subject(&p, "人社", &s, &v), has);
        assert_true(has || v.rule == NULL);
        able += (size_t)has;
    }
    /* the shipped table has both kinds */
    assert_true(able > 0 && able < t->n);
    for (i = 0; i < 3; i++) {
        s.labour = none[i];
        assert_false(judge_subject(&p, "人社", &s, &v));
    }
    /* other departments ask nothing of it */
    assert_true(judge_subject(&p, "民政", &s, &v));
    s.labour = "2";
    i18n_set_language("en");
    judge_subject(&p, "人社", &s, &v);
    dept_rule_text(policy_dept(&p, "人社", "51", 2026), &v, text, sizeof(text));
    assert_non_null(strstr(text, "(a member with labour ability)"));
    i18n_set_language("zh_CN");
    policy_free(&p);
}

/* A county's own 劳动技能 codes (the local list 01-04) decide who can
 * work, not C */
static void
test_labour_county(void **state)
{
    static const char *const files[] = {
        "codes.conf",
        "tables = ( { id = \"labour\"; title = \"劳动技能\";\n"
        "  codes = ( (\"01\", \"有劳动能力\", [\"labour\"]),\n"
        "            (\"02\", \"部分丧失劳动能力\", [\"labour\"]),\n"
        "            (\"04\", \"无劳动能力\") ); } );\n",
        NULL,
    };
    struct dept_subject s = {DEPT_POP_OTHER, "02", "失业", 0};
    struct policy p;
    struct dept_verdict v;
    struct err e;

    (void)state;
    assert_int_equal(load_county(&p, files, NULL, &e), 0);
    assert_true(judge_subject(&p, "人社", &s, &v));
    s.labour = "04";
    assert_false(judge_subject(&p, "人社", &s, &v));
    s.labour = "2";
    assert_false(judge_subject(&p, "人社", &s, &v));
    policy_free(&p);
}

/* 教育辍学: a status of the sheet listed in value_in warns, another not;
 * the 教育 cost rule stays */
static void
test_dropout(void **state)
{
    struct dept_subject s = {DEPT_POP_MONITORED, "", "辍学", 0};
    struct policy p;
    struct dept_verdict v;
    const struct dept *d;
    char text[WARN_RULE_BUF];

    (void)state;
    helpers_policy(&p);
    d = policy_dept(&p, "控辍保学", "51", 2026);
    assert_non_null(d);
    assert_string_equal(d->name, "教育辍学");
    assert_false(dept_is_amount(d));
    assert_int_equal(d->rules[0].test, DEPT_VALUE_IN);
    assert_true(judge_subject(&p, "教育辍学", &s, &v));
    s.value = "疑似辍学";
    assert_true(judge_subject(&p, "教育辍学", &s, &v));
    s.value = "在读";
    assert_false(judge_subject(&p, "教育辍学", &s, &v));
    assert_non_null(v.rule);
    s.value = "辍学 ";
    assert_false(judge_subject(&p, "教育辍学", &s, &v));
    dept_rule_text(d, &v, text, sizeof(text));
    assert_non_null(strstr(text, "学籍状态"));
    assert_non_null(strstr(text, "辍学/疑似辍学"));
    assert_true(dept_is_amount(policy_dept(&p, "教育", "51", 2026)));
    policy_free(&p);
}

static void
test_exact_share(void **state)
{
    static const char *const files[] = {
        "incomes.conf",
        "incomes = ( { province = \"51\"; year = 2025; yuan = \"10000.01\"; } );\n",
        NULL,
    };
    struct policy p;
    struct err e;
    struct dept_verdict v;

    (void)state;
    assert_int_equal(load_county(&p, files, NULL, &e), 0);
    /* 50% of 10,000.01 is 5,000.005, compared exactly, not rounded:
     * 5,000.01 is over it, 5,000.00 is not */
    assert_false(judge(&p, "医保", DEPT_POP_FORMER_POOR, 500000, &v));
    assert_true(judge(&p, "医保", DEPT_POP_FORMER_POOR, 500001, &v));
    policy_free(&p);
}

static void
test_county_rules(void **state)
{
    static const char *const files[] = {
        "dept.conf",
        "departments = ( { id = \"medical\"; name = \"医保\"; province = \"51\"; from = 2026;\n"
        "  columns = { id = \"身份证号\"; name = \"姓名\"; value = \"自付\"; };\n"
        "  risk = \"health\";\n"
        "  rules = ( { population = [\"former_poor\", \"monitored\", \"other\"];\n"
        "              over_yuan = 5000; } ); } );\n",
        NULL,
    };
    struct policy p;
    struct err e;
    struct dept_verdict v;
    const struct dept *d;

    (void)state;
    assert_int_equal(load_county(&p, files, NULL, &e), 0);
    d = policy_dept(&p, "医保", "51", 2026);
    assert_string_equal(d->province, "51");
    assert_string_equal(d->cols[DEPT_COL_DATE], "");
    assert_false(judge(&p, "医保", DEPT_POP_OTHER, 500000, &v));
    assert_true(judge(&p, "医保", DEPT_POP_OTHER, 500001, &v));
    /* the shipped entry for another province and an earlier year */
    assert_string_equal(policy_dept(&p, "医保", "13", 2026)->province, "*");
    assert_string_equal(policy_dept(&p, "医保", "51", 2025)->province, "*");
    policy_free(&p);
}

static void
test_followed(void **state)
{
    struct policy p;
    const char risks[2][12] = {"03", "01"};
    const struct dept *yb, *mz, *jy;

    (void)state;
    helpers_policy(&p);
    yb = policy_dept(&p, "医保", "51", 2026);
    mz = policy_dept(&p, "民政", "51", 2026);
    jy = policy_dept(&p, "教育", "51", 2026);
    assert_true(dept_already_followed(&p.codes, yb, CS_MONITORED, risks, 2));
    assert_false(dept_already_followed(&p.codes, yb, CS_MONITORED, risks, 1));
    assert_false(dept_already_followed(&p.codes, jy, CS_MONITORED, risks, 2));
    assert_true(dept_already_followed(&p.codes, yb, CS_CLUE, risks, 2));
    assert_false(dept_already_followed(&p.codes, yb, CS_ELIMINATED, risks, 2));
    assert_false(dept_already_followed(&p.codes, yb, CS_REJECTED, risks, 2));
    assert_false(dept_already_followed(&p.codes, yb, CS_NONE, risks, 2));
    /* a department naming no risk: any open case */
    assert_true(dept_already_followed(&p.codes, mz, CS_VERIFIED, risks, 0));
    assert_int_equal(dept_pops(&p.codes, "1", CS_NONE), DEPT_POP_FORMER_POOR);
    assert_int_equal(dept_pops(&p.codes, "2", CS_NONE), DEPT_POP_OTHER);
    assert_int_equal(dept_pops(&p.codes, "2", CS_MONITORED), DEPT_POP_MONITORED);
    assert_int_equal(dept_pops(&p.codes, "1", CS_ELIM_VERIFIED),
                     DEPT_POP_FORMER_POOR | DEPT_POP_MONITORED);
    assert_int_equal(dept_pops(&p.codes, "2", CS_ELIMINATED), DEPT_POP_OTHER);
    assert_int_equal(dept_pops(&p.codes, "2", CS_CLUE), DEPT_POP_OTHER);
    policy_free(&p);
}

/* A dept.conf holding ENTRY is refused with a message containing WANT. */
static void
refused(const char *entry, const char *want)
{
    const char *files[] = {"dept.conf", entry, NULL};
    struct policy p;
    struct err e;

    assert_int_equal(load_county(&p, files, NULL, &e), -1);
    if (strstr(e.msg, want) == NULL) {
        fail_msg("'%s' lacks '%s'", e.msg, want);
    }
    assert_non_null(strstr(e.msg, "dept.conf:"));
}

#define HEAD "departments = ( { id = \"x\"; name = \"某部门\"; province = \"*\"; from = 2026;\n"
#define COLS "  columns = { id = \"身份证号\"; name = \"姓名\"; value = \"v\"; };\n"

static void
test_malformed(void **state)
{
    (void)state;
    i18n_set_language("en");
    refused(HEAD "  rules = ( { population = [\"other\"]; event = true; } ); } );\n",
            "needs 'columns");
    refused(HEAD "  columns = { id = \"\"; name = \"姓名\"; value = \"v\"; };\n"
                 "  rules = ( { population = [\"other\"]; event = true; } ); } );\n",
            "must not be empty");
    refused(HEAD COLS "  rules = ( { population = [\"other\"]; } ); } );\n",
            "exactly one of");
    refused(HEAD COLS "  rules = ( { population = [\"other\"]; event = true; over_yuan = 5; } ); } );\n",
            "exactly one of");
    refused(HEAD COLS "  rules = ( { population = [\"poor\"]; event = true; } ); } );\n",
            "'population' names");
    refused(HEAD COLS "  rules = ( { event = true; } ); } );\n", "'population");
    refused(HEAD COLS "  rules = ( { population = [\"other\"]; value_in = []; } ); } );\n",
            "'value_in' lists");
    refused(HEAD COLS "  rules = ( { population = [\"other\"]; value_in = [\"辍学\"]; event = true; } ); } );\n",
            "exactly one of");
    refused(HEAD COLS "  rules = ( { population = [\"other\"]; event = true; labour = \"yes\"; } ); } );\n",
            "'labour' is true or false");
    refused(HEAD COLS "  rules = ( ); } );\n", "needs 'rules");
    refused(HEAD COLS "  risk = \"flood\"; rules = ( { population = [\"other\"]; event = true; } ); } );\n",
            "'risk' must be a tag");
    refused(HEAD COLS "  rules = ( { population = [\"other\"]; over_pct = 0; } ); } );\n",
            "'over_pct' must be a percentage");
    refused("departments = ( { id = \"x\"; name = \"某\"; province = \"99\"; from = 2026;\n" COLS
            "  rules = ( { population = [\"other\"]; event = true; } ); } );\n",
            "'province'");
    i18n_set_language("zh_CN");
}

static void
test_unknown_keys(void **state)
{
    static const char *const files[] = {
        "dept.conf",
        HEAD "  colour = 1;\n"
        "  columns = { id = \"身份证号\"; name = \"姓名\"; value = \"v\"; dat = \"d\"; };\n"
        "  rules = ( { population = [\"other\"]; event = true; lable = \"x\"; } ); } );\n",
        NULL,
    };
    struct notes warn = {NULL, 0};
    struct policy p;
    struct err e;

    (void)state;
    i18n_set_language("en");
    assert_int_equal(load_county(&p, files, &warn, &e), 0);
    assert_int_equal(warn.n, 3);
    assert_non_null(strstr(warn.v[0], "dept.conf:2: unknown key 'colour'"));
    assert_non_null(strstr(warn.v[1], "dept.conf:3: unknown key 'dat'"));
    assert_non_null(strstr(warn.v[2], "dept.conf:4: unknown key 'lable'"));
    notes_clear(&warn);
    policy_free(&p);
    i18n_set_language("zh_CN");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shipped),
        cmocka_unit_test(test_incomes),
        cmocka_unit_test(test_judge),
        cmocka_unit_test(test_labour),
        cmocka_unit_test(test_labour_county),
        cmocka_unit_test(test_dropout),
        cmocka_unit_test(test_exact_share),
        cmocka_unit_test(test_county_rules),
        cmocka_unit_test(test_followed),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_unknown_keys),
    };

    return cmocka_run_group_tests_name("dept", tests, NULL, NULL);
}
