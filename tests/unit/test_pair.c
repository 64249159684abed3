/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_pair.c - the rules of paired assistance without a database
 * (core/pair.c): targets against actuals at their edges (exactly met, one
 * fen short, on the last day of the year, the pace within it), the
 * attendance rule (20 days, a month served in part, absences), the leave
 * approval rule, the grade caps, and each record's own checks.
 */
#include "config.h"
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "core/pair.h"
#include "core/policy.h"
#include "core/rules.h"
#include "util/err.h"
#include "util/i18n.h"

static struct policy pol;
static const struct rules *R;

static int
setup(void **state)
{
    struct rule_ctx ctx;

    (void)state;
    helpers_policy(&pol);
    ctx.policy = &pol;
    ctx.province = "51";
    ctx.today = D("2026-11-22");
    R = rules_in_force(&ctx, 2026);
    i18n_set_language("en");
    return 0;
}

static int
teardown(void **state)
{
    (void)state;
    i18n_set_language("zh_CN");
    policy_free(&pol);
    return 0;
}

static void
test_rules_from_policy(void **state)
{
    (void)state;
    assert_int_equal(R->team_min_days_month, 20);
    assert_int_equal(R->team_leave_township_max_days, 3);
    assert_int_equal(R->team_min_members, 3);
    assert_int_equal(R->team_min_term_years, 2);
    assert_int_equal(R->team_absences_not_excellent, 1);
    assert_int_equal(R->team_absences_basic, 2);
    assert_int_equal(R->team_absences_incompetent, 3);
}

static void
test_progress_after_the_year(void **state)
{
    struct pair_progress p;

    (void)state;
    /* exactly the target: met, no shortfall */
    pair_progress(500000000, 500000000, 2025, D("2026-01-10"), &p);
    assert_int_equal(p.status, PST_MET);
    assert_int_equal(p.shortfall, 0);
    assert_int_equal(p.rate_bp, 10000);
    /* one fen short after the year: missed by one fen */
    pair_progress(500000000, 499999999, 2025, D("2026-01-10"), &p);
    assert_int_equal(p.status, PST_SHORT);
    assert_int_equal(p.shortfall, 1);
    assert_int_equal(p.rate_bp, 9999);
    /* on the last day of the year the year is over */
    pair_progress(300, 299, 2025, D("2025-12-31"), &p);
    assert_int_equal(p.status, PST_SHORT);
    /* more than the target: met, rate above 100% */
    pair_progress(200, 250, 2025, D("2026-03-01"), &p);
    assert_int_equal(p.status, PST_MET);
    assert_int_equal(p.rate_bp, 12500);
    assert_int_equal(p.shortfall, 0);
}

static void
test_progress_within_the_year(void **state)
{
    struct pair_progress p;

    (void)state;
    /* 2026-07-02 is day 183 of 365: the pace of 365 is 183 */
    pair_progress(365, 183, 2026, D("2026-07-02"), &p);
    assert_int_equal(p.pace, 183);
    assert_int_equal(p.status, PST_ON_PACE);
    pair_progress(365, 182, 2026, D("2026-07-02"), &p);
    assert_int_equal(p.status, PST_BEHIND);
    assert_int_equal(p.shortfall, 183);
    /* the pace is rounded up: 100 * 183 / 365 = 50.1 -> 51 */
    pair_progress(100, 50, 2026, D("2026-07-02"), &p);
    assert_int_equal(p.pace, 51);
    assert_int_equal(p.status, PST_BEHIND);
    pair_progress(100, 51, 2026, D("2026-07-02"), &p);
    assert_int_equal(p.status, PST_ON_PACE);
    /* before the year begins nothing is due yet */
    pair_progress(100, 0, 2027, D("2026-11-22"), &p);
    assert_int_equal(p.pace, 0);
    assert_int_equal(p.status, PST_ON_PACE);
    /* met early */
    pair_progress(100, 100, 2026, D("2026-02-01"), &p);
    assert_int_equal(p.status, PST_MET);
    /* arrivals without a target */
    pair_progress(0, 70, 2026, D("2026-02-01"), &p);
    assert_int_equal(p.status, PST_NO_TARGET);
    assert_int_equal(p.rate_bp, 0);
    /* large money targets do not overflow: 1e12 fen */
    pair_progress(1000000000000LL, 0, 2026, D("2026-12-30"), &p);
    assert_int_equal(p.pace, (1000000000000LL * 364 + 364) / 365);
    assert_int_equal(p.status, PST_BEHIND);
}

static void
test_attendance_rule(void **state)
{
    struct attendance a;
    struct team_member m;
    struct att_judgement j;

    (void)state;
    attendance_init(&a);
    team_member_init(&m);
    m.start = D("2025-03-01");
    a.month = month_of(D("2026-10-01"));
    a.present = 20;
    att_judge(&a, &m, R, &j);
    assert_int_equal(j.required, 20);
    assert_int_equal(j.flags, 0);
    a.present = 19;
    att_judge(&a, &m, R, &j);
    assert_int_equal(j.flags, AF_DAYS_SHORT);
    /* an absence is flagged even with the days */
    a.present = 22;
    a.absent = 1;
    att_judge(&a, &m, R, &j);
    assert_int_equal(j.flags, AF_ABSENT);
    /* arrived on the 16th of a 30-day month: 15 of 30 days served,
     * 20 * 15 / 30 = 10 days required */
    a.absent = 0;
    a.month = month_of(D("2026-11-01"));
    m.start = D("2026-11-16");
    a.present = 10;
    att_judge(&a, &m, R, &j);
    assert_int_equal(j.required, 10);
    assert_int_equal(j.flags, 0);
    a.present = 9;
    att_judge(&a, &m, R, &j);
    assert_int_equal(j.flags, AF_DAYS_SHORT);
    /* left on the 10th of a 31-day month: 20 * 10 / 31 = 6.45 -> 7 */
    m.start = D("2025-01-01");
    m.end = D("2026-10-10");
    a.month = month_of(D("2026-10-01"));
    a.present = 6;
    att_judge(&a, &m, R, &j);
    assert_int_equal(j.required, 7);
    assert_int_equal(j.flags, AF_DAYS_SHORT);
    /* February of a leap year: the whole month still needs 20 */
    m.end = DATE_NONE;
    a.month = month_of(D("2028-02-01"));
    a.present = 20;
    att_judge(&a, &m, R, &j);
    assert_int_equal(j.required, 20);
}

static void
test_attendance_check(void **state)
{
    struct attendance a;
    struct err e;
    const struct codebook *cb = &pol.codes;
    const char *town = code_with_tag(cb, "leave_approver", "township");
    const char *county = code_with_tag(cb, "leave_approver", "county");

    (void)state;
    assert_non_null(town);
    assert_non_null(county);
    attendance_init(&a);
    a.member_id = 1;
    a.month = month_of(D("2026-10-01"));
    a.present = 21;
    err_clear(&e);
    assert_int_equal(attendance_check(&a, cb, R, D("2026-11-22"), &e), 0);
    /* 21 + 5 + 6 = 32 days in a 31-day month */
    a.leave = 5;
    a.absent = 6;
    snprintf(a.approver, sizeof(a.approver), "县委组织部");
    snprintf(a.approver_level, sizeof(a.approver_level), "%s", county);
    assert_int_equal(attendance_check(&a, cb, R, D("2026-11-22"), &e), -1);
    assert_non_null(strstr(e.msg, "31 days"));
    a.absent = 5;
    assert_int_equal(attendance_check(&a, cb, R, D("2026-11-22"), &e), 0);
    /* 5 days of leave approved by the township only: refused */
    snprintf(a.approver_level, sizeof(a.approver_level), "%s", town);
    assert_int_equal(attendance_check(&a, cb, R, D("2026-11-22"), &e), -1);
    assert_non_null(strstr(e.msg, "county"));
    /* 3 days the township may approve */
    a.leave = 3;
    assert_int_equal(attendance_check(&a, cb, R, D("2026-11-22"), &e), 0);
    /* leave without an approver */
    a.approver[0] = '\0';
    assert_int_equal(attendance_check(&a, cb, R, D("2026-11-22"), &e), -1);
    /* a month not begun, negative days */
    a.leave = 0;
    a.month = month_of(D("2026-12-01"));
    assert_int_equal(attendance_check(&a, cb, R, D("2026-11-22"), &e), -1);
    a.month = month_of(D("2026-10-01"));
    a.present = -1;
    assert_int_equal(attendance_check(&a, cb, R, D("2026-11-22"), &e), -1);
}

static void
test_grade_caps(void **state)
{
    const struct codebook *cb = &pol.codes;
    const char *excellent = code_with_tag(cb, "team_grade", "excellent");
    const char *competent = code_with_tag(cb, "team_grade", "competent");
    const char *basic = code_with_tag(cb, "team_grade", "basic");
    const char *incompetent = code_with_tag(cb, "team_grade", "incompetent");

    (void)state;
    assert_string_equal(grade_ceiling(R, 0), "excellent");
    assert_string_equal(grade_ceiling(R, 1), "competent");
    assert_string_equal(grade_ceiling(R, 2), "basic");
    assert_string_equal(grade_ceiling(R, 3), "incompetent");
    assert_string_equal(grade_ceiling(R, 30), "incompetent");
    assert_true(grade_within(cb, excellent, "excellent"));
    assert_false(grade_within(cb, excellent, "competent"));
    assert_true(grade_within(cb, competent, "competent"));
    assert_true(grade_within(cb, basic, "competent"));
    assert_false(grade_within(cb, competent, "basic"));
    assert_false(grade_within(cb, basic, "incompetent"));
    assert_true(grade_within(cb, incompetent, "incompetent"));
    assert_false(grade_within(cb, "77", "excellent"));
}

static void
test_record_checks(void **state)
{
    const struct codebook *cb = &pol.codes;
    const char *money = code_with_tag(cb, "pair_indicator", "money");
    const char *persons = code_with_tag(cb, "pair_indicator", "persons");
    struct pair_record r;
    struct partner p;
    struct team_member m;
    struct err e;

    (void)state;
    err_clear(&e);
    pair_record_init(&r);
    r.partner_id = 1;
    snprintf(r.indicator, sizeof(r.indicator), "%s", money);
    r.day = D("2026-05-01");
    r.value = 100;
    assert_int_equal(pair_record_check(&r, cb, D("2026-11-22"), &e), -1);  /* no evidence */
    snprintf(r.evidence, sizeof(r.evidence), "湖吴协〔2026〕3号");
    assert_int_equal(pair_record_check(&r, cb, D("2026-11-22"), &e), 0);
    r.value = -100;
    assert_int_equal(pair_record_check(&r, cb, D("2026-11-22"), &e), -1);
    assert_non_null(strstr(e.msg, "negative"));
    r.value = 0;
    assert_int_equal(pair_record_check(&r, cb, D("2026-11-22"), &e), -1);
    snprintf(r.indicator, sizeof(r.indicator), "%s", persons);
    r.value = 10000001;
    assert_int_equal(pair_record_check(&r, cb, D("2026-11-22"), &e), -1);
    r.value = 12;
    r.day = D("2026-11-23");
    assert_int_equal(pair_record_check(&r, cb, D("2026-11-22"), &e), -1);
    assert_non_null(strstr(e.msg, "future"));
    r.day = D("2026-05-01");
    r.village_id = 3;
    assert_int_equal(pair_record_check(&r, cb, D("2026-11-22"), &e), -1);
    snprintf(r.indicator, sizeof(r.indicator), "99x");
    r.village_id = 0;
    assert_int_equal(pair_record_check(&r, cb, D("2026-11-22"), &e), -1);

    partner_init(&p);
    snprintf(p.name, sizeof(p.name), "浙江省湖州市吴兴区");
    assert_int_equal(partner_check(&p, cb, &e), -1);       /* no kind */
    snprintf(p.kind, sizeof(p.kind), "%s", code_with_tag(cb, "partner_kind", "eastwest"));
    snprintf(p.level, sizeof(p.level), "%s", code_with_tag(cb, "partner_level", "county"));
    assert_int_equal(partner_check(&p, cb, &e), 0);
    snprintf(p.name, sizeof(p.name), "bad \xff\xfe");
    assert_int_equal(partner_check(&p, cb, &e), -1);

    team_member_init(&m);
    m.team_id = 1;
    snprintf(m.name, sizeof(m.name), "李明");
    snprintf(m.role, sizeof(m.role), "%s", code_with_tag(cb, "team_role", "secretary"));
    snprintf(m.unit, sizeof(m.unit), "四川省农业农村厅");
    snprintf(m.unit_level, sizeof(m.unit_level), "%s", code_with_tag(cb, "unit_level", "provincial"));
    assert_int_equal(team_member_check(&m, cb, D("2026-11-22"), &e), -1);  /* no start */
    m.start = D("2025-03-01");
    assert_int_equal(team_member_check(&m, cb, D("2026-11-22"), &e), 0);
    m.end = D("2025-02-01");
    snprintf(m.end_reason, sizeof(m.end_reason), "%s", code_with_tag(cb, "member_end", "recalled"));
    assert_int_equal(team_member_check(&m, cb, D("2026-11-22"), &e), -1);  /* ends before */
    m.end = D("2026-06-30");
    assert_int_equal(team_member_check(&m, cb, D("2026-11-22"), &e), 0);
    m.end_reason[0] = '\0';
    assert_int_equal(team_member_check(&m, cb, D("2026-11-22"), &e), -1);  /* no reason */
}

/* A team is judged on today within its term, else the nearer end. */
static void
test_team_day(void **state)
{
    struct team t;

    (void)state;
    team_init(&t);
    t.term_start = D("2024-03-01");
    t.term_end = D("2026-12-31");
    assert_int_equal(team_day(&t, D("2026-11-22")), D("2026-11-22"));
    assert_int_equal(team_day(&t, D("2027-01-10")), D("2026-12-31"));   /* ended */
    assert_int_equal(team_day(&t, D("2024-01-10")), D("2024-03-01"));   /* not begun */
    t.term_end = DATE_NONE;
    assert_int_equal(team_day(&t, D("2031-05-01")), D("2031-05-01"));   /* open term */
    team_clear(&t);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rules_from_policy),
        cmocka_unit_test(test_progress_after_the_year),
        cmocka_unit_test(test_progress_within_the_year),
        cmocka_unit_test(test_attendance_rule),
        cmocka_unit_test(test_attendance_check),
        cmocka_unit_test(test_grade_caps),
        cmocka_unit_test(test_record_checks),
        cmocka_unit_test(test_team_day),
    };

    return cmocka_run_group_tests(tests, setup, teardown);
}
