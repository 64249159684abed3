/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_rules.c - the consistency rules and the elimination criteria, each
 * broken on its own from a household that breaks none, and the edges of
 * every threshold.
 */
#include "config.h"
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/findings.h"
#include "core/idno.h"
#include "core/rules.h"
#include "util/err.h"
#include "util/i18n.h"

struct fixture {
    struct policy p;
    struct rule_ctx ctx;
    struct hh_snapshot s;
    struct findings f;
};

static int
setup(void **state)
{
    struct fixture *x = calloc(1, sizeof(*x));

    helpers_policy(&x->p);
    x->ctx.policy = &x->p;
    x->ctx.province = "51";
    x->ctx.today = D("2026-11-22");
    helpers_household(&x->s, 1);
    *state = x;
    return 0;
}

static int
teardown(void **state)
{
    struct fixture *x = *state;

    snapshot_free(&x->s);
    findings_free(&x->f);
    policy_free(&x->p);
    free(x);
    return 0;
}

static struct findings *
check(struct fixture *x)
{
    findings_reset(&x->f);
    rules_check_household(&x->ctx, &x->s, &x->f);
    return &x->f;
}

static struct findings *
check_elim(struct fixture *x, const char *day, const char *method)
{
    findings_reset(&x->f);
    rules_check_elimination(&x->ctx, &x->s, D(day), method, &x->f);
    return &x->f;
}

static void
monitored(struct fixture *x, const char *ident, const char *risk)
{
    helpers_monitored(&x->s, D(ident), risk, x->ctx.today);
}

static void
eliminated(struct fixture *x, const char *ident, const char *elim,
           const char *method)
{
    monitored(x, ident, "01");
    x->s.mcase.state = CS_ELIMINATED;
    x->s.mcase.eliminated_on = D(elim);
    snprintf(x->s.mcase.elim_method, sizeof(x->s.mcase.elim_method), "%s", method);
}

static void
no_labour(struct fixture *x)
{
    size_t i;

    for (i = 0; i < x->s.nmembers; i++) {
        snprintf(x->s.members[i].labour, sizeof(x->s.members[i].labour), "5");
        x->s.members[i].work_months = 0;
    }
}

/* Drop the measures of S. */
static void
no_measures(struct fixture *x)
{
    x->s.nmeasures = 0;
}

static void
test_clean(void **state)
{
    struct fixture *x = *state;

    assert_int_equal(check(x)->n, 0);
    monitored(x, "2026-06-01", "01");
    if (check(x)->n != 0) {
        fail_msg("clean monitored household: %s %s", x->f.v[0].code, x->f.v[0].msg);
    }
}

static void
test_id_rules(void **state)
{
    struct fixture *x = *state;
    struct person *p = &x->s.members[1];

    p->id_no[17] = p->id_no[17] == '0' ? '1' : '0';
    assert_true(helpers_has(check(x), "ID01"));
    assert_int_equal(x->f.v[0].sev, SEV_ERROR);
    assert_non_null(strstr(x->f.v[0].msg, p->name));
    helpers_household(&x->s, 1);
    p = &x->s.members[1];
    snprintf(p->sex, sizeof(p->sex), "%s", strcmp(p->sex, "1") == 0 ? "2" : "1");
    assert_true(helpers_has(check(x), "ID02"));
    assert_false(helpers_has(&x->f, "ID01"));
    helpers_household(&x->s, 1);
    x->s.members[0].birth += 1;
    assert_true(helpers_has(check(x), "ID03"));
    /* Other documents are not resident ID numbers: no check. */
    helpers_household(&x->s, 1);
    snprintf(x->s.members[0].id_type, sizeof(x->s.members[0].id_type), "2");
    snprintf(x->s.members[0].id_no, sizeof(x->s.members[0].id_no), "12345678901234567890");
    assert_int_equal(check(x)->n, 0);
}

static void
test_heads(void **state)
{
    struct fixture *x = *state;

    snprintf(x->s.members[1].relation, sizeof(x->s.members[1].relation), "02");
    assert_true(helpers_has(check(x), "HH01"));
    snprintf(x->s.members[0].relation, sizeof(x->s.members[0].relation), "10");
    snprintf(x->s.members[1].relation, sizeof(x->s.members[1].relation), "10");
    assert_true(helpers_has(check(x), "HH01"));
}

static void
test_no_labour_flag(void **state)
{
    struct fixture *x = *state;

    monitored(x, "2026-06-01", "04");
    no_labour(x);
    assert_true(helpers_has(check(x), "HH02"));
    x->s.hh.no_labour_support = 1;
    assert_false(helpers_has(check(x), "HH02"));
    /* Without an open case the mark is not required. */
    x->s.hh.no_labour_support = 0;
    x->s.has_case = 0;
    assert_false(helpers_has(check(x), "HH02"));
    helpers_household(&x->s, 1);
    x->s.hh.no_labour_support = 1;
    assert_true(helpers_has(check(x), "HH03"));
    assert_int_equal(x->f.v[0].sev, SEV_WARNING);
}

static void
test_category_fits_type(void **state)
{
    struct fixture *x = *state;

    monitored(x, "2026-06-01", "01");
    snprintf(x->s.hh.hh_type, sizeof(x->s.hh.hh_type), "2");
    assert_true(helpers_has(check(x), "HH04"));
    snprintf(x->s.mcase.category, sizeof(x->s.mcase.category), "2");
    assert_false(helpers_has(check(x), "HH04"));
    snprintf(x->s.hh.hh_type, sizeof(x->s.hh.hh_type), "1");
    assert_true(helpers_has(check(x), "HH04"));
    snprintf(x->s.mcase.category, sizeof(x->s.mcase.category), "3");
    assert_false(helpers_has(check(x), "HH04"));
}

static void
test_risk_rules(void **state)
{
    struct fixture *x = *state;
    struct measure *m;

    monitored(x, "2026-06-01", "01");
    x->s.mcase.nrisks = 0;
    assert_true(helpers_has(check(x), "RK01"));
    /* Unstable work: needs labour, and somebody working. */
    monitored(x, "2026-06-01", "07");
    assert_false(helpers_has(check(x), "RK03"));
    x->s.members[0].work_months = 0;
    assert_true(helpers_has(check(x), "RK03"));
    no_labour(x);
    x->s.hh.no_labour_support = 1;
    assert_true(helpers_has(check(x), "RK02"));
    assert_false(helpers_has(&x->f, "RK03"));
    /* Water: the guarantee, the risk and the measure agree. */
    helpers_household(&x->s, 1);
    monitored(x, "2026-06-01", "01");
    x->s.guarantees[x->s.nguarantees - 1].water = 0;
    assert_true(helpers_has(check(x), "RK04"));
    monitored(x, "2026-06-01", "11");
    assert_true(helpers_has(check(x), "RK05"));
    assert_false(helpers_has(&x->f, "RK04"));
    m = snapshot_add_measure(&x->s);
    snprintf(m->category, sizeof(m->category), "100A51");
    m->start = D("2026-07-01");
    assert_false(helpers_has(check(x), "RK05"));
    /* Housing: a housing or a relocation measure. */
    helpers_household(&x->s, 1);
    monitored(x, "2026-06-01", "10");
    assert_true(helpers_has(check(x), "RK06"));
    m = snapshot_add_measure(&x->s);
    snprintf(m->category, sizeof(m->category), "100A53");
    m->start = D("2026-07-01");
    assert_false(helpers_has(check(x), "RK06"));
}

static void
test_procedure(void **state)
{
    struct fixture *x = *state;

    monitored(x, "2026-06-01", "01");
    x->s.mcase.identified_on = DATE_NONE;
    assert_true(helpers_has(check(x), "PR01"));
    /* A step overdue by a day, and one due today. */
    monitored(x, "2026-06-01", "01");
    x->s.mcase.state = CS_APPRAISED;
    x->s.mcase.deadline = D("2026-11-21");
    assert_true(helpers_has(check(x), "PR02"));
    x->s.mcase.deadline = D("2026-11-22");
    assert_false(helpers_has(check(x), "PR02"));
    /* Publicity of four days is too short, five is enough. */
    monitored(x, "2026-06-01", "01");
    x->s.steps[3].pub_end = x->s.steps[3].pub_start + 3;
    assert_true(helpers_has(check(x), "PR03"));
    x->s.steps[3].pub_end = x->s.steps[3].pub_start + 4;
    assert_false(helpers_has(check(x), "PR03"));
}

static void
test_responsible_cadre(void **state)
{
    struct fixture *x = *state;

    /* A monitoring object without a responsible cadre: CD01 alone. */
    monitored(x, "2026-06-01", "01");
    assert_int_equal(check(x)->n, 0);
    x->s.ncadres = 0;
    assert_int_equal(check(x)->n, 1);
    assert_true(helpers_has(check(x), "CD01"));
    /* Not before identification, nor once eliminated. */
    x->s.mcase.state = CS_ELIMINATED;
    x->s.mcase.eliminated_on = D("2026-12-01");
    assert_false(helpers_has(check(x), "CD01"));
    x->s.mcase.state = CS_CLUE;
    assert_false(helpers_has(check(x), "CD01"));
}

static void
test_development_measure(void **state)
{
    struct fixture *x = *state;

    /* Identified 31 days ago without a measure: overdue (30 days). */
    monitored(x, "2026-10-22", "01");
    no_measures(x);
    assert_true(helpers_has(check(x), "MS01"));
    monitored(x, "2026-10-23", "01");
    no_measures(x);
    assert_false(helpers_has(check(x), "MS01"));
    /* A household without labour gets safety-net measures instead. */
    monitored(x, "2026-06-01", "04");
    no_measures(x);
    no_labour(x);
    x->s.hh.no_labour_support = 1;
    assert_false(helpers_has(check(x), "MS01"));
}

static void
test_eliminated_timing(void **state)
{
    struct fixture *x = *state;

    /* Exactly six months is allowed; a day less is not. */
    eliminated(x, "2026-01-10", "2026-07-10", "1");
    assert_false(helpers_has(check(x), "EL01"));
    eliminated(x, "2026-01-10", "2026-07-09", "1");
    assert_true(helpers_has(check(x), "EL01"));
    /* Through assistance needs a development measure. */
    eliminated(x, "2026-01-10", "2026-08-01", "1");
    no_measures(x);
    assert_true(helpers_has(check(x), "EL02"));
    eliminated(x, "2026-01-10", "2026-08-01", "2");
    no_measures(x);
    assert_false(helpers_has(check(x), "EL02"));
    /* Households without labour stay monitored. */
    eliminated(x, "2026-01-10", "2026-08-01", "2");
    no_labour(x);
    assert_true(helpers_has(check(x), "EL03"));
}

static void
test_no_labour_switch(void **state)
{
    struct fixture *x = *state;
    size_t i;

    for (i = 0; i < x->p.nrules; i++) {
        x->p.rules[i].no_labour_elimination = 1;
    }
    eliminated(x, "2026-01-10", "2026-08-01", "2");
    no_labour(x);
    assert_false(helpers_has(check(x), "EL03"));
}

static void
test_assisted_next_month(void **state)
{
    struct fixture *x = *state;
    size_t i;

    for (i = 0; i < x->p.nrules; i++) {
        x->p.rules[i].elim_min_months = 0;
    }
    eliminated(x, "2026-05-31", "2026-06-30", "1");
    x->s.measures[0].start = D("2026-06-02");
    assert_true(helpers_has(check(x), "EL04"));
    eliminated(x, "2026-05-31", "2026-07-01", "1");
    x->s.measures[0].start = D("2026-06-02");
    assert_false(helpers_has(check(x), "EL04"));
    eliminated(x, "2026-05-31", "2026-06-30", "2");
    assert_false(helpers_has(check(x), "EL04"));
}

static void
test_elimination_income(void **state)
{
    struct fixture *x = *state;
    struct income *inc;

    monitored(x, "2025-01-10", "01");
    assert_int_equal(check_elim(x, "2026-11-01", "1")->n, 0);
    /* Per capita exactly at the line is not above it; a fen more is. */
    inc = &x->s.incomes[x->s.nincomes - 1];
    inc->wage = 880000 * 4 - inc->business - inc->transfer;
    income_compute(inc);
    assert_int_equal(inc->per_capita, 880000);
    assert_true(helpers_has(check_elim(x, "2026-11-01", "1"), "EL05"));
    inc->wage += 4;
    income_compute(inc);
    assert_false(helpers_has(check_elim(x, "2026-11-01", "1"), "EL05"));
    /* No income record for this year or the last. */
    x->s.nincomes = 2;
    assert_true(helpers_has(check_elim(x, "2026-11-01", "1"), "EL05"));
}

/* Issue 17 2.1: the income is judged against the line of the year of the
 * elimination, not its own year's (2023 income of 8,000 yuan is above the
 * 2023 line of 7,500 but not above the 2024 line of 8,800). */
static void
test_elimination_line_of_its_year(void **state)
{
    struct fixture *x = *state;
    struct income *inc;

    monitored(x, "2023-03-01", "01");
    x->s.nincomes = 1;
    inc = &x->s.incomes[0];
    assert_int_equal(inc->year, 2023);
    inc->wage = 800000 * 4 - inc->business - inc->transfer;
    income_compute(inc);
    assert_int_equal(inc->per_capita, 800000);
    assert_false(helpers_has(check_elim(x, "2023-12-01", "1"), "EL05"));
    assert_true(helpers_has(check_elim(x, "2024-06-01", "1"), "EL05"));
    assert_non_null(strstr(x->f.v[0].msg, "2024"));
    /* Income of 2025 for a 2026 elimination: the 2026 line. */
    helpers_household(&x->s, 1);
    monitored(x, "2025-01-10", "01");
    x->s.nincomes = 3;
    assert_false(helpers_has(check_elim(x, "2026-11-01", "1"), "EL05"));
}

/* Issue 17 2.2: only a development measure of this identification counts
 * for the 1-month rule and for 帮扶消除. */
static void
test_dev_measure_of_this_identification(void **state)
{
    struct fixture *x = *state;

    monitored(x, "2025-01-10", "01");
    x->s.measures[0].start = D("2022-03-01");
    x->s.measures[0].end = D("2022-12-31");
    assert_false(hh_has_dev_measure(rule_codes(&x->ctx), &x->s, D("2025-08-01")));
    assert_true(helpers_has(check_elim(x, "2025-08-01", "1"), "EL02"));
    /* Still running but started before the identification. */
    x->s.measures[0].end = DATE_NONE;
    assert_true(helpers_has(check_elim(x, "2025-08-01", "1"), "EL02"));
    /* Started on the day of identification: it counts. */
    x->s.measures[0].start = D("2025-01-10");
    assert_false(helpers_has(check_elim(x, "2025-08-01", "1"), "EL02"));
    /* The 1-month rule likewise. */
    monitored(x, "2026-09-01", "01");
    x->s.measures[0].start = D("2024-05-01");
    assert_true(helpers_has(check(x), "MS01"));
    x->s.measures[0].start = D("2026-09-20");
    assert_false(helpers_has(check(x), "MS01"));
}

/* Issue 17 2.6: the months of the 6-month rule at month ends. */
static void
test_elimination_months_at_month_end(void **state)
{
    struct fixture *x = *state;

    eliminated(x, "2023-08-31", "2024-02-29", "2");
    assert_false(helpers_has(check(x), "EL01"));
    eliminated(x, "2025-01-31", "2025-07-01", "2");
    assert_false(helpers_has(check(x), "EL01"));
    eliminated(x, "2025-01-31", "2025-06-30", "2");
    assert_true(helpers_has(check(x), "EL01"));
}

/* Issue 17 2.7: income exactly at the line is "not above" in the one
 * wording everything uses. */
static void
test_line_words(void **state)
{
    char buf[128];

    (void)state;
    assert_int_equal(income_vs_line(880000, 880000), 0);
    assert_int_equal(income_vs_line(880001, 880000), 1);
    assert_int_equal(income_vs_line(879999, 880000), -1);
    assert_string_equal(income_line_words(880000, 880000, buf, sizeof(buf)),
                        "at the line, so not above it");
    assert_string_equal(income_line_words(900000, 880000, buf, sizeof(buf)),
                        "200.00 yuan above the line");
    assert_string_equal(income_line_words(830000, 880000, buf, sizeof(buf)),
                        "500.00 yuan below the line");
    assert_string_equal(income_line_word(880000, 880000), "NOT above");
    assert_string_equal(income_line_word(880001, 880000), "above");
}

/* Issue 17 2.4: a step is judged by the rules in force on its date, not
 * today's: a rule of 2026 does not judge a publicity of 2025. */
static void
test_rules_of_the_step_date(void **state)
{
    struct fixture *x = *state;
    struct rules *r = helpers_rules_from(&x->p, 2026);

    r->publicity_min_days = 7;
    r->elim_min_months = 12;
    monitored(x, "2025-06-01", "01");
    assert_false(helpers_has(check(x), "PR03"));
    monitored(x, "2026-06-01", "01");
    assert_true(helpers_has(check(x), "PR03"));
    /* An elimination of 2025 under the 6 months of 2025. */
    eliminated(x, "2025-01-10", "2025-08-01", "2");
    assert_false(helpers_has(check(x), "EL01"));
    eliminated(x, "2026-01-10", "2026-08-01", "2");
    assert_true(helpers_has(check(x), "EL01"));
}

/* Issue 17 2.5: a household identified above the line without a stated
 * reason is a warning. */
static void
test_identified_above_line(void **state)
{
    struct fixture *x = *state;
    struct case_step *approve;

    monitored(x, "2026-06-01", "01");
    approve = &x->s.steps[x->s.nsteps - 1];
    assert_int_equal(approve->action, CA_COUNTY_APPROVE);
    assert_false(helpers_has(check(x), "IN03"));
    free(approve->note);
    approve->note = NULL;
    assert_true(helpers_has(check(x), "IN03"));
    assert_int_equal(findings_count(&x->f, SEV_ERROR), 0);
    /* At the line is not above it. */
    x->s.incomes[x->s.nincomes - 1].wage = 880000 * 4 - 800000;
    income_compute(&x->s.incomes[x->s.nincomes - 1]);
    assert_false(helpers_has(check(x), "IN03"));
}

/* Issue 17 3: a monitored household in which nobody can work needs a
 * safety-net (兜底) measure in effect, a month after identification. */
static void
test_no_labour_safety_net(void **state)
{
    struct fixture *x = *state;
    struct measure *m;

    monitored(x, "2026-06-01", "04");
    no_measures(x);
    no_labour(x);
    x->s.hh.no_labour_support = 1;
    assert_true(helpers_has(check(x), "MS02"));
    assert_int_equal(finding_rule("MS02")->sev, SEV_WARNING);
    /* A development measure is not a safety net. */
    m = snapshot_add_measure(&x->s);
    snprintf(m->category, sizeof(m->category), "100A39");
    m->start = D("2026-06-10");
    m->end = DATE_NONE;
    assert_true(helpers_has(check(x), "MS02"));
    /* 综合保障 (tagged safety_net) in effect: none. */
    snprintf(m->category, sizeof(m->category), "100A48");
    assert_false(helpers_has(check(x), "MS02"));
    /* Ended before today: none in effect. */
    m->end = D("2026-09-30");
    assert_true(helpers_has(check(x), "MS02"));
    /* 低保 since before the identification and still paid: it counts. */
    m->start = D("2024-03-01");
    m->end = DATE_NONE;
    assert_false(helpers_has(check(x), "MS02"));
    /* Within the month after identification (30 days), not yet due. */
    monitored(x, "2026-10-23", "04");
    no_measures(x);
    assert_false(helpers_has(check(x), "MS02"));
    monitored(x, "2026-10-22", "04");
    no_measures(x);
    assert_true(helpers_has(check(x), "MS02"));
    /* A household with labour, or not monitored, is not asked. */
    helpers_household(&x->s, 1);
    monitored(x, "2026-06-01", "01");
    no_measures(x);
    assert_false(helpers_has(check(x), "MS02"));
    eliminated(x, "2025-01-10", "2025-09-01", "2");
    no_measures(x);
    no_labour(x);
    assert_false(helpers_has(check(x), "MS02"));
}

/* Issue 17 3: elimination needs the check of 两不愁三保障 and drinking
 * water of its own year, not the latest ever. */
static void
test_elimination_guarantees_of_its_year(void **state)
{
    struct fixture *x = *state;

    monitored(x, "2024-06-01", "01");
    /* 2025's check found unsafe water; 2026's is clean. */
    x->s.guarantees[2].water = 0;
    assert_int_equal(x->s.guarantees[2].year, 2025);
    assert_true(helpers_has(check_elim(x, "2025-12-20", "1"), "EL06"));
    assert_non_null(strstr(x->f.v[0].msg, "2025"));
    assert_false(helpers_has(check_elim(x, "2026-11-01", "1"), "EL06"));
    /* No check of 2026: an elimination of 2026 is refused. */
    x->s.guarantees[2].water = 1;
    x->s.nguarantees = 3;
    assert_true(helpers_has(check_elim(x, "2026-11-01", "1"), "EL06"));
    assert_non_null(strstr(x->f.v[0].msg, "2026"));
    assert_false(helpers_has(check_elim(x, "2025-12-20", "1"), "EL06"));
}

/* Issue 17 3: large compliant out-of-pocket spending stably resolved: the
 * per-capita income left after it is above the line of the year. */
static void
test_elimination_spending_resolved(void **state)
{
    struct fixture *x = *state;
    struct income *inc;

    monitored(x, "2025-01-10", "01");
    inc = &x->s.incomes[x->s.nincomes - 1];
    assert_int_equal(inc->per_capita, 950000);
    /* 700 yuan a person above the 2026 line of 8,800: spending of 2,800
     * yuan leaves the household at the line, not above it. */
    inc->oop_rigid = 280000;
    assert_true(helpers_has(check_elim(x, "2026-11-01", "1"), "EL08"));
    assert_int_equal(finding_rule("EL08")->sev, SEV_ERROR);
    assert_non_null(strstr(x->f.v[0].msg, "8,800.00"));
    /* Four fen less: a fen a person above the line. */
    inc->oop_rigid = 279996;
    assert_false(helpers_has(check_elim(x, "2026-11-01", "1"), "EL08"));
    inc->oop_rigid = 0;
    assert_int_equal(check_elim(x, "2026-11-01", "1")->n, 0);
    /* Income under the line is EL05 alone. */
    inc->oop_rigid = 9000000;
    inc->wage = 100000;
    income_compute(inc);
    assert_true(helpers_has(check_elim(x, "2026-11-01", "1"), "EL05"));
    assert_false(helpers_has(&x->f, "EL08"));
}

static void
test_elimination_guarantees_and_risk(void **state)
{
    struct fixture *x = *state;
    struct visit *v;

    monitored(x, "2025-01-10", "01");
    x->s.guarantees[x->s.nguarantees - 1].housing = 0;
    assert_true(helpers_has(check_elim(x, "2026-11-01", "1"), "EL06"));
    x->s.nguarantees = 0;
    assert_true(helpers_has(check_elim(x, "2026-11-01", "1"), "EL06"));
    monitored(x, "2025-01-10", "01");
    helpers_household(&x->s, 1);
    monitored(x, "2025-01-10", "01");
    v = &x->s.visits[x->s.nvisits - 1];
    v->new_risk = 1;
    assert_true(helpers_has(check_elim(x, "2026-11-01", "1"), "EL07"));
    assert_true(helpers_has(check_elim(x, "2025-05-01", "1"), "EL01"));
}

static void
test_income_plausibility(void **state)
{
    struct fixture *x = *state;
    struct income *inc;

    monitored(x, "2026-06-01", "01");
    inc = &x->s.incomes[x->s.nincomes - 1];
    inc->wage = 2000000 * 4;
    income_compute(inc);
    assert_true(helpers_has(check(x), "IN01"));
    inc->wage = 2000000 * 4 - inc->business - inc->transfer;
    income_compute(inc);
    assert_false(helpers_has(check(x), "IN01"));
    /* Before 2023 the figure was not checked. */
    helpers_household(&x->s, 1);
    monitored(x, "2022-06-01", "01");
    x->s.incomes[0].year = 2022;
    x->s.incomes[0].wage = 9000000;
    income_compute(&x->s.incomes[0]);
    assert_false(helpers_has(check(x), "IN01"));
    helpers_household(&x->s, 1);
    x->s.incomes[1].wage = 9999;
    assert_true(helpers_has(check(x), "IN02"));
    x->s.incomes[1].wage = 10000;
    assert_false(helpers_has(check(x), "IN02"));
    x->s.incomes[1].wage = 0;
    assert_false(helpers_has(check(x), "IN02"));
}

static void
test_visits(void **state)
{
    struct fixture *x = *state;

    monitored(x, "2026-03-01", "01");
    /* Monthly: 31 days after the last visit is still in time. */
    x->s.visits[x->s.nvisits - 1].visit_date = D("2026-10-22");
    assert_false(helpers_has(check(x), "VS01"));
    x->s.visits[x->s.nvisits - 1].visit_date = D("2026-10-21");
    assert_true(helpers_has(check(x), "VS01"));
    assert_non_null(strstr(x->f.v[0].msg, "last visit on 2026-10-21"));
    /* Not visited since the identification: not called a visit. */
    monitored(x, "2026-10-01", "01");
    x->s.nvisits = 0;
    assert_true(helpers_has(check(x), "VS01"));
    assert_non_null(strstr(x->f.v[0].msg, "not visited since the identification on 2026-10-01"));
    /* Eliminated households are visited every quarter. */
    eliminated(x, "2025-01-10", "2025-09-01", "1");
    x->s.visits[x->s.nvisits - 1].visit_date = D("2026-09-01");
    assert_false(helpers_has(check(x), "VS01"));
    x->s.visits[x->s.nvisits - 1].visit_date = D("2026-08-01");
    assert_true(helpers_has(check(x), "VS01"));
}

static void
test_registry(void **state)
{
    const struct finding_rule *r;
    size_t n, i;

    (void)state;
    r = finding_rules(&n);
    assert_true(n >= 25);
    for (i = 0; i < n; i++) {
        assert_int_equal(strlen(r[i].code), 4);
        assert_ptr_equal(finding_rule(r[i].code), &r[i]);
        assert_true(strlen(r[i].title) > 0);
    }
    assert_null(finding_rule("XX99"));
}

static void
test_income_compute(void **state)
{
    struct income inc;

    (void)state;
    memset(&inc, 0, sizeof(inc));
    inc.wage = 1000000;
    inc.business = 300000;
    inc.property = 10001;
    inc.transfer = 50000;
    inc.business_cost = 120000;
    inc.members = 3;
    assert_int_equal(income_compute(&inc), 0);
    assert_int_equal(inc.net, 1240001);
    /* 413333.67 fen rounds to 413334. */
    assert_int_equal(inc.per_capita, 413334);
    inc.business_cost = 2000000;
    income_compute(&inc);
    assert_int_equal(inc.net, -639999);
    assert_int_equal(inc.per_capita, -213333);
    inc.members = 0;
    assert_int_equal(income_compute(&inc), -1);
}

/* Issue 17 3: a form needing a number of the rules gets it from the
 * policy files or an error, never a number written in C (f_step.c fell
 * back to 5 publicity days). */
static void
test_rules_needed(void **state)
{
    struct fixture *x = *state;
    struct err e;

    err_clear(&e);
    assert_non_null(rules_needed(&x->ctx, 2026, &e));
    assert_int_equal(rules_needed(&x->ctx, 2026, &e)->publicity_min_days, 5);
    assert_null(rules_needed(&x->ctx, 2019, &e));
    assert_int_equal(e.code, ERR_CONFIG);
    assert_non_null(strstr(e.msg, "2019"));
    assert_non_null(strstr(e.msg, "rules.conf"));
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_clean),
        T(test_rules_needed),
        T(test_id_rules),
        T(test_heads),
        T(test_no_labour_flag),
        T(test_category_fits_type),
        T(test_risk_rules),
        T(test_procedure),
        T(test_development_measure),
        T(test_responsible_cadre),
        T(test_eliminated_timing),
        T(test_no_labour_switch),
        T(test_assisted_next_month),
        T(test_elimination_income),
        T(test_elimination_line_of_its_year),
        T(test_dev_measure_of_this_identification),
        T(test_elimination_months_at_month_end),
        cmocka_unit_test(test_line_words),
        T(test_rules_of_the_step_date),
        T(test_identified_above_line),
        T(test_elimination_guarantees_and_risk),
        T(test_no_labour_safety_net),
        T(test_elimination_guarantees_of_its_year),
        T(test_elimination_spending_resolved),
        T(test_income_plausibility),
        T(test_visits),
        cmocka_unit_test(test_registry),
        cmocka_unit_test(test_income_compute),
    };

    i18n_set_language("en");
    return cmocka_run_group_tests_name("rules", tests, NULL, NULL);
}
