/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_policy.c - the policy data files: the shipped ones load, look-ups
 * by province and year, the county's overrides, and malformed files
 * refused with file, line and reason.
 */
#include "config.h"
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg/policy_load.h"
#include "core/rules_text.h"
#include "core/policy.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/notes.h"
#include "util/path.h"
#include "util/xalloc.h"

static void
test_shipped_codes(void **state)
{
    struct policy p;

    (void)state;
    helpers_policy(&p);
    assert_string_equal(code_label(&p.codes, "risk", "07"), "因务工就业不稳");
    assert_string_equal(code_label(&p.codes, "category", "2"), "边缘易致贫户");
    assert_string_equal(code_label(&p.codes, "relation", "02"), "户主");
    assert_string_equal(code_label(&p.codes, "risk", "zz"), "zz");
    assert_true(code_is(&p.codes, "labour", "3", "labour"));
    assert_false(code_is(&p.codes, "labour", "4", "labour"));
    assert_true(code_is(&p.codes, "measure_category", "100A42", "development"));
    assert_false(code_is(&p.codes, "measure_category", "100A48", "development"));
    assert_string_equal(code_with_tag(&p.codes, "risk", "water"), "11");
    assert_non_null(code_find_loose(codebook_table(&p.codes, "province"), "四川"));
    assert_string_equal(code_find_loose(codebook_table(&p.codes, "province"), "四川")->code, "51");
    assert_string_equal(code_find_loose(codebook_table(&p.codes, "province"), "51")->code, "51");
    assert_null(code_find_loose(codebook_table(&p.codes, "province"), "火星"));
    /* "广" begins 广东省 and 广西: ambiguous, so no match. */
    assert_null(code_find_loose(codebook_table(&p.codes, "province"), "广"));
    assert_int_equal(codebook_table(&p.codes, "ethnicity")->n, 58);
    policy_free(&p);
}

static void
test_lines(void **state)
{
    struct policy p;
    const struct line_entry *l;

    (void)state;
    helpers_policy(&p);
    l = policy_line(&p, "51", 2026);
    assert_non_null(l);
    assert_string_equal(l->province, "*");
    assert_int_equal(l->fen, 880000);
    assert_true(l->is_default);
    assert_non_null(strstr(l->file, "lines.conf"));
    assert_true(l->line > 0);
    l = policy_line(&p, "53", 2023);
    assert_non_null(l);
    assert_int_equal(l->fen, 805000);
    l = policy_line(&p, "35", 2023);
    assert_int_equal(l->fen, 1056000);
    l = policy_line(&p, "51", 2023);
    assert_int_equal(l->fen, 750000);
    assert_null(policy_line(&p, "51", 2019));
    assert_null(policy_line(&p, "51", 2030));
    policy_free(&p);
}

static void
test_rules_lookup(void **state)
{
    struct policy p;
    const struct rules *r;

    (void)state;
    helpers_policy(&p);
    r = policy_rules(&p, "51", 2026);
    assert_non_null(r);
    assert_int_equal(r->publicity_min_days, 5);
    assert_int_equal(r->elim_min_months, 6);
    assert_int_equal(r->verify_workdays, 5);
    assert_int_equal(r->suspicious_income_fen, 2000000);
    assert_int_equal(r->implausible_wage_fen, 10000);
    assert_false(r->no_labour_elimination);
    assert_null(policy_rules(&p, "51", 2020));
    assert_false(date_is_workday(&p.cal, D("2025-10-01")));
    assert_true(date_is_workday(&p.cal, D("2025-09-28")));
    assert_true(date_is_workday(&p.cal, D("2025-09-29")));
    policy_free(&p);
}

/* Load the shipped files plus a county directory holding FILES (pairs of
 * name and text, NULL-terminated); returns the rc, E filled. */
static int
load_warned(struct policy *p, const char *const *files, struct notes *warn, struct err *e,
            char **dir_out)
{
    return helpers_policy_with(p, files, warn, e, dir_out);
}

static int
load_with(struct policy *p, const char *const *files, struct err *e, char **dir_out)
{
    return load_warned(p, files, NULL, e, dir_out);
}

/* A key nothing reads is a warning naming the file, the line and the key
 * (the default would otherwise stay in force unseen); the shipped files
 * have none. */
static void
test_unknown_keys(void **state)
{
    static const char *const files[] = {
        "rules.conf",
        "rules = ( { province = \"51\"; from = 2024;\n"
        "            publicity_min_dayz = 7; } );\n",
        "lines.conf",
        "lines = ( { province = \"51\"; year = 2026; yuan = 9100; sorce = \"x\"; } );\n"
        "line = 1;\n",
        NULL,
    };
    struct notes warn = {NULL, 0};
    struct policy p;
    struct err e;
    char *dir;

    (void)state;
    i18n_set_language("en");
    assert_int_equal(policy_load(&p, helpers_datadir(), NULL, &warn, &e), 0);
    assert_int_equal(warn.n, 0);
    policy_free(&p);
    assert_int_equal(load_warned(&p, files, &warn, &e, &dir), 0);
    assert_int_equal(warn.n, 3);
    assert_non_null(strstr(warn.v[0], "lines.conf:2: unknown key 'line'"));
    assert_non_null(strstr(warn.v[1], "lines.conf:1: unknown key 'sorce'"));
    assert_non_null(strstr(warn.v[2], "rules.conf:2: unknown key 'publicity_min_dayz'"));
    /* the value it meant is not taken: the default stays */
    assert_int_equal(policy_rules(&p, "51", 2026)->publicity_min_days,
                     policy_rules(&p, POLICY_ANY_PROVINCE, 2026)->publicity_min_days);
    notes_clear(&warn);
    policy_free(&p);
    helpers_rmdir(dir);
    i18n_set_language("zh_CN");
}

static void
test_county_overrides(void **state)
{
    static const char *const files[] = {
        "lines.conf",
        "lines = ( { province = \"51\"; year = 2026; yuan = 9100; source = \"川乡振\"; },\n"
        "          { province = \"*\"; year = 2026; yuan = \"8900.50\"; } );\n",
        "rules.conf",
        "rules = ( { province = \"51\"; from = 2024; publicity_min_days = 7; } );\n",
        NULL,
    };
    struct policy p;
    struct err e;
    char *dir;
    const struct rules *r;

    (void)state;
    assert_int_equal(load_with(&p, files, &e, &dir), 0);
    assert_int_equal(policy_line(&p, "51", 2026)->fen, 910000);
    assert_false(policy_line(&p, "51", 2026)->is_default);
    assert_int_equal(policy_line(&p, "52", 2026)->fen, 890050);
    assert_int_equal(policy_line(&p, "52", 2025)->fen, 880000);
    r = policy_rules(&p, "51", 2025);
    assert_int_equal(r->publicity_min_days, 7);
    /* Keys the county did not give come from the national entry. */
    assert_int_equal(r->elim_min_months, 6);
    assert_int_equal(r->verify_workdays, 5);
    assert_int_equal(policy_rules(&p, "51", 2023)->publicity_min_days, 5);
    assert_int_equal(policy_rules(&p, "52", 2025)->publicity_min_days, 5);
    policy_free(&p);
    helpers_rmdir(dir);
}

/* Issue 17 2.3: a province's entry replaces only the keys it names, for
 * its own years; every other key follows the national entries year by
 * year (the national industry share is 0 in 2021, 55% in 2022, 60% from
 * 2023; the 以工代赈 share 15% before 2022, 30% after). */
static void
test_province_override_follows_national(void **state)
{
    static const char *const files[] = {
        "rules.conf",
        "rules = ( { province = \"51\"; from = 2021; verify_workdays = 5; },\n"
        "          { province = \"52\"; from = 2022; industry_min_pct = 50;\n"
        "            pay_milestones = ( (\"12-31\", 100) ); },\n"
        "          { province = \"52\"; from = 2024; verify_workdays = 3; } );\n",
        NULL,
    };
    struct policy p;
    struct err e;
    char *dir;

    (void)state;
    assert_int_equal(load_with(&p, files, &e, &dir), 0);
    /* A one-line override that changes nothing changes nothing. */
    assert_int_equal(policy_rules(&p, "51", 2021)->industry_min_bp, 0);
    assert_int_equal(policy_rules(&p, "51", 2021)->wage_min_bp, 1500);
    assert_int_equal(policy_rules(&p, "51", 2022)->industry_min_bp, 5500);
    assert_int_equal(policy_rules(&p, "51", 2023)->industry_min_bp, 6000);
    assert_int_equal(policy_rules(&p, "51", 2026)->industry_min_bp, 6000);
    assert_int_equal(policy_rules(&p, "51", 2026)->wage_min_bp, 3000);
    /* What a province names stays its own from its year on, through later
     * national entries and its own later entries naming other keys. */
    assert_int_equal(policy_rules(&p, "52", 2021)->industry_min_bp, 0);
    assert_int_equal(policy_rules(&p, "52", 2022)->industry_min_bp, 5000);
    assert_int_equal(policy_rules(&p, "52", 2023)->industry_min_bp, 5000);
    assert_int_equal(policy_rules(&p, "52", 2023)->verify_workdays, 5);
    assert_int_equal(policy_rules(&p, "52", 2023)->wage_min_bp, 3000);
    assert_int_equal(policy_rules(&p, "52", 2025)->industry_min_bp, 5000);
    assert_int_equal(policy_rules(&p, "52", 2025)->verify_workdays, 3);
    assert_int_equal(policy_rules(&p, "52", 2025)->npay_ms, 1);
    assert_int_equal(policy_rules(&p, "53", 2025)->npay_ms, 4);
    policy_free(&p);
    helpers_rmdir(dir);
}

/* Issue 17 3: help texts name the numbers of the rules as {name}, written
 * in from the rules of the year shown with their unit. */
static void
expands(const struct rules *r, const char *text, const char *want)
{
    struct sbuf sb = SBUF_INIT;

    rules_expand(r, text, &sb);
    if (strcmp(sb.buf, want) != 0) {
        fail_msg("'%s' gave '%s', want '%s'", text, sb.buf, want);
    }
    sbuf_release(&sb);
}

static void
test_rules_text(void **state)
{
    static const char *const files[] = {
        "rules.conf",
        "rules = ( { province = \"46\"; from = 2024; alloc_publish_workdays = 10;\n"
        "            alloc_publish_unit = \"days\"; industry_min_pct = 57.5; } );\n",
        NULL,
    };
    struct policy p;
    struct err e;
    char *dir;

    (void)state;
    i18n_set_language("en");
    assert_int_equal(load_with(&p, files, &e, &dir), 0);
    expands(policy_rules(&p, "51", 2026), "within {alloc_publish}.", "within 15 working days.");
    expands(policy_rules(&p, "46", 2026), "within {alloc_publish}.", "within 10 days.");
    expands(policy_rules(&p, "51", 2022), "({industry_min_pct})", "(55%)");
    expands(policy_rules(&p, "51", 2023), "({industry_min_pct})", "(60%)");
    expands(policy_rules(&p, "46", 2024), "({industry_min_pct})", "(57.5%)");
    expands(policy_rules(&p, "51", 2026), "{team_min_days_month} a month, {publicity_min_days}",
            "20 a month, 5 days");
    expands(policy_rules(&p, "51", 2026), "{identify} {verify}", "15 days 5 working days");
    expands(policy_rules(&p, "51", 2026), "{nothing} {", "{nothing} {");
    expands(NULL, "within {alloc_publish}", "within (not in the policy files)");
    assert_true(rules_text_known("verify", 6));
    assert_false(rules_text_known("verify_workdays", 15));
    policy_free(&p);
    helpers_rmdir(dir);
    i18n_set_language("zh_CN");
}

/* A county file TEXT named NAME must be refused with a message that
 * names the file, LINE (0: any) and contains WHAT. */
static void
refused(const char *name, const char *text, int line, const char *what)
{
    const char *files[] = {name, text, NULL};
    struct policy p;
    struct err e;
    char *dir, where[64];

    assert_int_equal(load_with(&p, files, &e, &dir), -1);
    assert_int_equal(e.code, ERR_CONFIG);
    assert_non_null(strstr(e.msg, name));
    if (line > 0) {
        snprintf(where, sizeof(where), "%s:%d:", name, line);
        if (strstr(e.msg, where) == NULL) {
            fail_msg("'%s' lacks '%s'", e.msg, where);
        }
    }
    if (strstr(e.msg, what) == NULL) {
        fail_msg("'%s' lacks '%s'", e.msg, what);
    }
    helpers_rmdir(dir);
}

static void
test_malformed(void **state)
{
    (void)state;
    i18n_set_language("en");
    refused("lines.conf", "lines = (\n  { province = \"51\"; year = = 2026; }\n);\n", 2, "syntax");
    refused("lines.conf", "lines = (\n { province = \"51\"; year = 2026;\n   yuan = \"abc\"; }\n);\n",
            3, "yuan");
    refused("lines.conf", "lines = ( { province = \"99\"; year = 2026; yuan = 1; } );\n", 1, "province");
    refused("lines.conf", "lines = ( { province = \"51\"; year = 1999; yuan = 1; } );\n", 1, "year");
    refused("lines.conf", "lines = ( { province = \"51\"; year = 2026; yuan = 0; } );\n", 1, "more than zero");
    refused("lines.conf", "line = ();\n", 0, "lines");
    /* A national entry before any other must say everything; a later
     * one inherits (test_funds checks the shipped 2022/2023 entries). */
    refused("rules.conf", "rules = ( { province = \"*\"; from = 2020; } );\n", 1, "verify_workdays");
    refused("rules.conf", "rules = ( { province = \"51\"; from = 2024;\n  industry_min_pct = 120; } );\n",
            2, "percentage");
    refused("rules.conf", "rules = ( { province = \"51\"; from = 2024;\n  industry_min_pct = \"high\"; } );\n",
            2, "percentage");
    refused("rules.conf", "rules = ( { province = \"51\"; from = 2024;\n"
            "  pay_milestones = ( (\"09-30\", 75), (\"06-30\", 40) ); } );\n", 2, "pay_milestones");
    refused("rules.conf", "rules = ( { province = \"51\"; from = 2024;\n"
            "  pay_milestones = ( (\"02-30\", 75) ); } );\n", 2, "pay_milestones");
    refused("rules.conf", "rules = ( { province = \"51\"; from = 2024;\n  no_labour_elimination = 3; } );\n",
            1, "true or false");
    /* A deadline counts calendar or working days, nothing else. */
    refused("rules.conf", "rules = ( { province = \"51\"; from = 2024;\n  identify_unit = \"weeks\"; } );\n",
            1, "workdays");
    refused("calendar.conf", "holidays = [ \"2025-02-30\" ];\n", 1, "YYYY-MM-DD");
    refused("codes.conf",
            "tables = ( { id = \"sex\"; title = \"性别\";\n"
            "  codes = ( (\"1\", \"男\"),\n             (\"1\", \"女\") ); } );\n",
            3, "twice");
    /* A county table without the tag a rule needs. */
    refused("codes.conf",
            "tables = ( { id = \"risk\"; title = \"风险\";\n"
            "  codes = ( (\"01\", \"因病\") ); } );\n", 0, "water");
    refused("codes.conf", "tables = ( { id = \"x\"; title = \"y\"; codes = ( (\"a\") ); } );\n",
            1, "code");
    i18n_set_language("zh_CN");
}

static void
test_missing_shipped(void **state)
{
    struct policy p;
    struct err e;
    char *dir = helpers_tmpdir();

    (void)state;
    err_clear(&e);
    assert_int_equal(policy_load(&p, dir, NULL, NULL, &e), -1);
    assert_int_equal(e.code, ERR_CONFIG);
    assert_non_null(strstr(e.msg, "codes.conf"));
    helpers_rmdir(dir);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shipped_codes),
        cmocka_unit_test(test_lines),
        cmocka_unit_test(test_rules_lookup),
        cmocka_unit_test(test_county_overrides),
        cmocka_unit_test(test_province_override_follows_national),
        cmocka_unit_test(test_unknown_keys),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_rules_text),
        cmocka_unit_test(test_missing_shipped),
    };

    return cmocka_run_group_tests_name("policy", tests, NULL, NULL);
}
