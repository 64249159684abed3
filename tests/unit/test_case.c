/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_case.c - the case procedure: every legal and illegal transition,
 * roles and scope, the inputs each step needs, the rules of the steps,
 * and the deadlines they set.
 */
#include "config.h"
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/mcase.h"
#include "core/need.h"
#include "core/rules.h"
#include "util/err.h"
#include "util/i18n.h"

struct fixture {
    struct policy p;
    struct rule_ctx ctx;
    struct hh_snapshot s;
    struct findings f;
    struct err e;
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

static void
input(struct step_input *in, enum case_action a, const char *day)
{
    memset(in, 0, sizeof(*in));
    in->action = a;
    in->step_date = day != NULL ? D(day) : DATE_NONE;
    in->pub_start = in->pub_end = DATE_NONE;
}

/* Apply IN as ROLE; on success the snapshot moves on (as the database
 * would store it).  Returns case_apply's result. */
static int
apply_as(struct fixture *x, enum role role, const struct step_input *in)
{
    struct actor a = helpers_actor(role);
    struct mcase next;
    struct case_step step;
    int rc;

    mcase_init(&next);
    case_step_init(&step);
    findings_reset(&x->f);
    err_clear(&x->e);
    rc = case_apply(&x->ctx, &a, &x->s, in, &next, &step, &x->f, &x->e);
    if (rc == 0) {
        mcase_clear(&x->s.mcase);
        x->s.mcase = next;
        x->s.has_case = 1;
        *snapshot_add_step(&x->s) = step;
    } else {
        mcase_clear(&next);
        case_step_clear(&step);
    }
    return rc;
}

static void
ok_as(struct fixture *x, enum role role, const struct step_input *in)
{
    if (apply_as(x, role, in) != 0) {
        fail_msg("%s refused: %s", case_action_name(in->action), x->e.msg);
    }
}

static void
refused_as(struct fixture *x, enum role role, const struct step_input *in,
           enum err_code code, const char *why)
{
    assert_int_equal(apply_as(x, role, in), -1);
    assert_int_equal(x->e.code, code);
    if (why != NULL && strstr(x->e.msg, why) == NULL) {
        fail_msg("'%s' lacks '%s'", x->e.msg, why);
    }
}

static void
clue(struct fixture *x, const char *day)
{
    struct step_input in;

    input(&in, CA_CLUE, day);
    in.channel = "2";
    in.category = "1";
    in.risks[0] = "01";
    in.risks[1] = "05";
    in.nrisks = 2;
    in.description = "户主患病";
    ok_as(x, ROLE_VILLAGE, &in);
}

/* Clue on DAY and every step to the township review, a few days apart. */
static void
identify_until_approval(struct fixture *x, const char *day)
{
    struct step_input in;
    int d = D(day);

    clue(x, day);
    input(&in, CA_VERIFY, NULL);
    in.step_date = d + 2;
    in.authorized = 1;
    ok_as(x, ROLE_VILLAGE, &in);
    input(&in, CA_APPRAISE, NULL);
    in.step_date = d + 3;
    ok_as(x, ROLE_VILLAGE, &in);
    input(&in, CA_PUBLICIZE, NULL);
    in.pub_start = d + 4;
    in.pub_end = d + 8;
    ok_as(x, ROLE_VILLAGE, &in);
    input(&in, CA_TOWNSHIP_REVIEW, NULL);
    in.step_date = d + 9;
    ok_as(x, ROLE_TOWNSHIP, &in);
}

/* Clue on DAY and every step to county approval, a few days apart. */
static void
identify(struct fixture *x, const char *day)
{
    struct step_input in;
    int d = D(day);
    char buf[DATE_BUF];

    identify_until_approval(x, day);
    input(&in, CA_COUNTY_APPROVE, NULL);
    in.step_date = d + 11;
    ok_as(x, ROLE_COUNTY, &in);
    date_format(d + 11, buf);
    assert_int_equal(x->s.mcase.state, CS_MONITORED);
    assert_int_equal(x->s.mcase.identified_on, d + 11);
}

static void
add_dev_measure(struct fixture *x, const char *day)
{
    struct measure *m = snapshot_add_measure(&x->s);

    snprintf(m->category, sizeof(m->category), "100A40");
    m->start = D(day);
    m->end = DATE_NONE;
}

/* The elimination procedure from DAY to county approval. */
static void
eliminate(struct fixture *x, const char *day, const char *method)
{
    struct step_input in;
    int d = D(day);

    input(&in, CA_ELIM_VERIFY, day);
    in.method = method;
    ok_as(x, ROLE_VILLAGE, &in);
    input(&in, CA_ELIM_APPRAISE, NULL);
    in.step_date = d + 2;
    ok_as(x, ROLE_VILLAGE, &in);
    input(&in, CA_ELIM_PUBLICIZE, NULL);
    in.pub_start = d + 3;
    in.pub_end = d + 9;
    ok_as(x, ROLE_TOWNSHIP, &in);
    input(&in, CA_ELIM_TOWNSHIP_REVIEW, NULL);
    in.step_date = d + 10;
    ok_as(x, ROLE_TOWNSHIP, &in);
    input(&in, CA_ELIM_APPROVE, NULL);
    in.step_date = d + 12;
    ok_as(x, ROLE_COUNTY, &in);
}

static void
test_table_is_complete(void **state)
{
    const struct case_transition *t;
    size_t n, i;
    int s, a;

    (void)state;
    t = case_transitions(&n);
    /* Every state has a way out (a rejection: the reply to the applicant
     * and a new clue); none leads back to "none". */
    for (s = CS_NONE; s < CS_COUNT; s++) {
        size_t out = 0;

        for (i = 0; i < n; i++) {
            out += t[i].from == (enum case_state)s;
            assert_int_not_equal(t[i].to, CS_NONE);
        }
        assert_true(out > 0);
    }
    /* case_transition finds exactly the rows of the table. */
    for (s = CS_NONE; s < CS_COUNT; s++) {
        for (a = 0; a < CA_COUNT; a++) {
            const struct case_transition *found =
                case_transition((enum case_state)s, (enum case_action)a);
            size_t rows = 0;

            for (i = 0; i < n; i++) {
                rows += t[i].from == (enum case_state)s && t[i].action == (enum case_action)a;
            }
            assert_int_equal(found != NULL, rows == 1);
            assert_true(rows <= 1);
        }
    }
    assert_int_equal(case_transition(CS_CLUE, CA_VERIFY)->to, CS_VERIFIED);
    assert_int_equal(case_transition(CS_TOWNSHIP_REVIEWED, CA_COUNTY_APPROVE)->to, CS_MONITORED);
    assert_int_equal(case_transition(CS_ELIMINATED, CA_ROLLBACK)->to, CS_MONITORED);
    assert_int_equal(case_transition(CS_ELIMINATED, CA_REIDENTIFY)->to, CS_CLUE);
    assert_int_equal(case_transition(CS_ELIM_PUBLICIZING, CA_ELIM_REJECT)->to, CS_MONITORED);
    assert_null(case_transition(CS_CLUE, CA_COUNTY_APPROVE));
    assert_null(case_transition(CS_MONITORED, CA_CLUE));
    assert_null(case_transition(CS_REJECTED, CA_VERIFY));
}

static void
test_names_round_trip(void **state)
{
    int i;

    (void)state;
    for (i = 0; i < CS_COUNT; i++) {
        enum case_state s;

        assert_int_equal(case_state_parse(case_state_name((enum case_state)i), &s), 0);
        assert_int_equal(s, i);
        assert_true(strlen(case_state_label((enum case_state)i)) > 0);
    }
    for (i = 0; i < CA_COUNT; i++) {
        enum case_action a;

        assert_int_equal(case_action_parse(case_action_name((enum case_action)i), &a), 0);
        assert_int_equal(a, i);
    }
    assert_int_equal(case_state_parse("bogus", &(enum case_state){0}), -1);
}

static void
test_actions_for_roles(void **state)
{
    enum case_action v[CA_COUNT];

    (void)state;
    assert_int_equal(case_actions_for(CS_TOWNSHIP_REVIEWED, ROLE_TOWNSHIP, v), 0);
    assert_int_equal(case_actions_for(CS_TOWNSHIP_REVIEWED, ROLE_COUNTY, v), 2);
    assert_int_equal(case_actions_for(CS_CLUE, ROLE_VILLAGE, v), 1);
    assert_int_equal(v[0], CA_VERIFY);
    assert_int_equal(case_actions_for(CS_CLUE, ROLE_TOWNSHIP, v), 2);
    assert_int_equal(case_actions_for(CS_MONITORED, ROLE_VIEWER, v), 0);
    assert_int_equal(case_actions_for(CS_ELIMINATED, ROLE_COUNTY, v), 2);
    assert_int_equal(case_actions_for(CS_ELIMINATED, ROLE_VILLAGE, v), 1);
    assert_int_equal(v[0], CA_REIDENTIFY);
}

static void
test_identification_path(void **state)
{
    struct fixture *x = *state;

    identify(x, "2026-09-01");
    assert_int_equal(x->s.nsteps, 6);
    assert_int_equal(x->s.steps[0].from, CS_NONE);
    assert_int_equal(x->s.steps[5].to, CS_MONITORED);
    assert_string_equal(x->s.steps[5].actor, "county");
    /* The line in force for the year of approval is recorded. */
    assert_int_equal(x->s.mcase.line_fen, 880000);
    assert_int_equal(x->s.mcase.line_year, 2026);
    assert_int_equal(x->s.mcase.deadline, DATE_NONE);
    assert_string_equal(x->s.mcase.risks[1], "05");
}

static void
test_deadlines(void **state)
{
    struct fixture *x = *state;
    struct step_input in;

    /* Friday 2025-09-26: Sunday 09-28 is a make-up working day and
     * 10-01..10-08 are holidays, so five working days end on 10-10. */
    clue(x, "2025-09-26");
    assert_int_equal(x->s.mcase.deadline, D("2025-10-10"));
    assert_int_equal(x->s.steps[0].deadline, D("2025-10-10"));
    input(&in, CA_VERIFY, "2025-09-29");
    in.authorized = 1;
    ok_as(x, ROLE_VILLAGE, &in);
    /* Then the whole identification is due 15 days after the clue. */
    assert_int_equal(x->s.mcase.deadline, D("2025-10-11"));
    input(&in, CA_REJECT, "2025-09-30");
    in.note = "收入高于监测范围";
    ok_as(x, ROLE_TOWNSHIP, &in);
    assert_int_equal(x->s.mcase.state, CS_REJECTED);
    /* The reasoned reply is due five working days after the home check
     * of 09-29 (not the rejection): 09-30, 10-09, 10-10, the make-up
     * Saturday 10-11 and 10-13; it is the rejected case's deadline. */
    assert_int_equal(x->s.steps[2].deadline, D("2025-10-13"));
    assert_int_equal(x->s.mcase.deadline, D("2025-10-13"));
}

/* Issue 17 3: a deadline's unit is rules.conf's.  Province 46 counts
 * the whole identification in working days (Hainan: 20 working days);
 * the national rule stays 15 calendar days. */
static void
test_deadline_units(void **state)
{
    static const char *const files[] = {
        "rules.conf",
        "rules = ( { province = \"46\"; from = 2021; identify_days = 20;\n"
        "            identify_unit = \"workdays\"; verify_unit = \"days\"; } );\n",
        NULL,
    };
    struct fixture *x = *state;
    struct step_input in;

    policy_free(&x->p);
    assert_int_equal(helpers_policy_with(&x->p, files, NULL, &x->e, NULL), 0);
    x->ctx.province = "46";
    /* Friday 2025-09-26 + 5 calendar days (not working days) = 10-01. */
    clue(x, "2025-09-26");
    assert_int_equal(x->s.mcase.deadline, D("2025-10-01"));
    input(&in, CA_VERIFY, "2025-09-29");
    in.authorized = 1;
    ok_as(x, ROLE_VILLAGE, &in);
    /* 20 working days from 09-26: 09-28 (make-up), 09-29, 09-30, then
     * 10-09, 10-10, 10-11 (make-up), 10-13 .. 10-24 (10), 10-27 .. 10-30:
     * Thursday 10-30 (15 calendar days would be 10-11). */
    assert_int_equal(x->s.mcase.deadline, D("2025-10-30"));
    x->ctx.province = "51";
}

/* Issue 17 2.8: the reply to a rejected applicant is recorded (date and
 * how) and flagged overdue after its working days from the home check. */
static void
test_reply_to_rejected(void **state)
{
    struct fixture *x = *state;
    struct step_input in;
    struct findings f;

    memset(&f, 0, sizeof(f));
    clue(x, "2026-11-02");
    input(&in, CA_VERIFY, "2026-11-03");
    in.authorized = 1;
    ok_as(x, ROLE_VILLAGE, &in);
    input(&in, CA_REJECT, "2026-11-12");
    in.note = "家庭收入稳定，不符合条件";
    ok_as(x, ROLE_TOWNSHIP, &in);
    /* Tuesday 11-03 + 5 working days = Tuesday 11-10: overdue on 11-22. */
    assert_int_equal(x->s.mcase.deadline, D("2026-11-10"));
    rules_check_household(&x->ctx, &x->s, &f);
    assert_true(helpers_has(&f, "PR04"));
    /* The reply needs how the household was told. */
    input(&in, CA_REPLY, "2026-11-13");
    refused_as(x, ROLE_TOWNSHIP, &in, ERR_INVALID, "told");
    refused_as(x, ROLE_VILLAGE, &in, ERR_DENIED, NULL);
    in.note = "书面告知户主，镇干部王某送达";
    ok_as(x, ROLE_TOWNSHIP, &in);
    assert_int_equal(x->s.mcase.state, CS_REJECTED);
    assert_int_equal(x->s.mcase.deadline, DATE_NONE);
    assert_int_equal(x->s.steps[x->s.nsteps - 1].step_date, D("2026-11-13"));
    findings_reset(&f);
    rules_check_household(&x->ctx, &x->s, &f);
    assert_false(helpers_has(&f, "PR04"));
    refused_as(x, ROLE_TOWNSHIP, &in, ERR_RULE, "already");
    findings_free(&f);
    /* A new clue starts a new case; the rejected one stays as it was. */
    x->s.mcase.id = 42;
    input(&in, CA_CLUE, "2026-11-20");
    in.channel = "2";
    in.category = "1";
    in.risks[0] = "01";
    in.nrisks = 1;
    ok_as(x, ROLE_VILLAGE, &in);
    assert_int_equal(x->s.mcase.id, 0);
    assert_int_equal(x->s.mcase.state, CS_CLUE);
}

static void
test_inputs(void **state)
{
    struct fixture *x = *state;
    struct step_input in;

    input(&in, CA_CLUE, "2026-11-01");
    in.channel = "2";
    in.category = "1";
    in.nrisks = 0;
    refused_as(x, ROLE_VILLAGE, &in, ERR_INVALID, "one to five");
    in.risks[0] = in.risks[1] = "01";
    in.nrisks = 2;
    refused_as(x, ROLE_VILLAGE, &in, ERR_INVALID, "twice");
    in.nrisks = 1;
    in.channel = "9";
    refused_as(x, ROLE_VILLAGE, &in, ERR_INVALID, "'9'");
    in.channel = "";
    refused_as(x, ROLE_VILLAGE, &in, ERR_INVALID, "missing");
    in.channel = "2";
    in.risks[0] = "88";
    refused_as(x, ROLE_VILLAGE, &in, ERR_INVALID, "'88'");
    in.risks[0] = "01";
    /* 边缘易致贫户 is for ordinary households, not former poor ones. */
    in.category = "2";
    refused_as(x, ROLE_VILLAGE, &in, ERR_RULE, "does not fit");
    in.category = "1";
    in.step_date = D("2026-11-23");
    refused_as(x, ROLE_VILLAGE, &in, ERR_INVALID, "future");
    in.step_date = DATE_NONE;
    refused_as(x, ROLE_VILLAGE, &in, ERR_INVALID, "date");
    in.step_date = D("2026-11-01");
    {
        char *big = malloc(RULES_TEXT_MAX + 2);

        memset(big, 'a', RULES_TEXT_MAX + 1);
        big[RULES_TEXT_MAX + 1] = '\0';
        in.description = big;
        refused_as(x, ROLE_VILLAGE, &in, ERR_INVALID, "too long");
        free(big);
    }
    in.description = NULL;
    ok_as(x, ROLE_VILLAGE, &in);
    /* The home check needs the signed authorization, and a date not
     * before the clue. */
    input(&in, CA_VERIFY, "2026-11-03");
    refused_as(x, ROLE_VILLAGE, &in, ERR_RULE, "authorization");
    in.authorized = 1;
    in.step_date = D("2026-10-31");
    refused_as(x, ROLE_VILLAGE, &in, ERR_INVALID, "previous step");
    in.step_date = D("2026-11-03");
    ok_as(x, ROLE_VILLAGE, &in);
}

static void
test_publicity_rules(void **state)
{
    struct fixture *x = *state;
    struct step_input in;

    clue(x, "2026-10-01");
    input(&in, CA_VERIFY, "2026-10-02");
    in.authorized = 1;
    ok_as(x, ROLE_VILLAGE, &in);
    input(&in, CA_APPRAISE, "2026-10-03");
    ok_as(x, ROLE_VILLAGE, &in);
    input(&in, CA_PUBLICIZE, NULL);
    in.pub_start = D("2026-10-04");
    in.pub_end = D("2026-10-07");
    refused_as(x, ROLE_VILLAGE, &in, ERR_RULE, "at least 5 days");
    in.pub_end = D("2026-10-03");
    refused_as(x, ROLE_VILLAGE, &in, ERR_INVALID, "ends before");
    in.pub_end = DATE_NONE;
    refused_as(x, ROLE_VILLAGE, &in, ERR_INVALID, "last day");
    in.pub_end = D("2026-10-08");
    ok_as(x, ROLE_VILLAGE, &in);
    assert_int_equal(x->s.steps[x->s.nsteps - 1].pub_end, D("2026-10-08"));
    /* Review only after the last day of publicity. */
    input(&in, CA_TOWNSHIP_REVIEW, "2026-10-08");
    refused_as(x, ROLE_TOWNSHIP, &in, ERR_RULE, "not ended");
    in.step_date = D("2026-10-09");
    in.objections = 2;
    refused_as(x, ROLE_TOWNSHIP, &in, ERR_INVALID, "objections");
    in.note = "异议经核实不成立";
    refused_as(x, ROLE_VILLAGE, &in, ERR_DENIED, NULL);
    ok_as(x, ROLE_TOWNSHIP, &in);
    assert_int_equal(x->s.mcase.state, CS_TOWNSHIP_REVIEWED);
}

static void
test_roles_and_scope(void **state)
{
    struct fixture *x = *state;
    struct step_input in;
    struct actor other = helpers_actor(ROLE_TOWNSHIP);
    struct mcase next;
    struct case_step step;

    input(&in, CA_CLUE, "2026-11-01");
    in.channel = "1";
    in.category = "3";
    in.risks[0] = "02";
    in.nrisks = 1;
    refused_as(x, ROLE_VIEWER, &in, ERR_DENIED, "read-only");
    other.scope_id = 99;
    mcase_init(&next);
    case_step_init(&step);
    assert_int_equal(case_apply(&x->ctx, &other, &x->s, &in, &next, &step, &x->f, &x->e), -1);
    assert_int_equal(x->e.code, ERR_DENIED);
    assert_non_null(strstr(x->e.msg, "scope"));
    /* The wrong step for the state names both. */
    input(&in, CA_COUNTY_APPROVE, "2026-11-01");
    refused_as(x, ROLE_COUNTY, &in, ERR_RULE, "no case");
    identify(x, "2026-09-01");
    input(&in, CA_ROLLBACK, "2026-11-01");
    in.note = "x";
    refused_as(x, ROLE_COUNTY, &in, ERR_RULE, "monitored");
}

/* Issue 17 2.5: identification above the line is allowed (comprehensive
 * judgement) but warned about without a stated reason. */
static void
test_identification_above_line(void **state)
{
    struct fixture *x = *state;
    struct step_input in;

    /* 9,500 yuan per person in 2026 against the line of 8,800. */
    identify(x, "2026-09-01");
    assert_true(helpers_has(&x->f, "IN03"));
    assert_int_equal(findings_count(&x->f, SEV_ERROR), 0);
    assert_non_null(strstr(x->f.v[0].msg, "700.00 yuan above the line"));
    /* With the reason in the approval's note: no warning. */
    helpers_household(&x->s, 1);
    x->s.has_case = 0;
    identify_until_approval(x, "2026-09-01");
    input(&in, CA_COUNTY_APPROVE, "2026-09-12");
    in.note = "户主重病，刚性支出大，经综合研判纳入";
    ok_as(x, ROLE_COUNTY, &in);
    assert_false(helpers_has(&x->f, "IN03"));
    /* Below the line: no reason needed. */
    helpers_household(&x->s, 1);
    x->s.incomes[x->s.nincomes - 1].wage = 2000000;
    income_compute(&x->s.incomes[x->s.nincomes - 1]);
    identify(x, "2026-09-01");
    assert_false(helpers_has(&x->f, "IN03"));
}

static void
test_rejection(void **state)
{
    struct fixture *x = *state;
    struct step_input in;

    clue(x, "2026-11-01");
    input(&in, CA_REJECT, "2026-11-02");
    refused_as(x, ROLE_TOWNSHIP, &in, ERR_INVALID, "reason");
    in.note = "家庭收入稳定，不符合条件";
    refused_as(x, ROLE_VILLAGE, &in, ERR_DENIED, NULL);
    ok_as(x, ROLE_TOWNSHIP, &in);
    assert_int_equal(x->s.mcase.state, CS_REJECTED);
    assert_string_equal(x->s.steps[1].note, "家庭收入稳定，不符合条件");
}

static void
test_elimination_path(void **state)
{
    struct fixture *x = *state;
    struct step_input in;

    identify(x, "2025-03-01");
    add_dev_measure(x, "2025-03-20");
    /* Too soon: refused with the reasons listed. */
    input(&in, CA_ELIM_VERIFY, "2025-08-01");
    in.method = "1";
    refused_as(x, ROLE_VILLAGE, &in, ERR_RULE, "criteria");
    assert_true(helpers_has(&x->f, "EL01"));
    in.method = "7";
    in.step_date = D("2026-10-01");
    refused_as(x, ROLE_VILLAGE, &in, ERR_INVALID, "'7'");
    eliminate(x, "2026-10-01", "1");
    assert_int_equal(x->s.mcase.state, CS_ELIMINATED);
    assert_int_equal(x->s.mcase.eliminated_on, D("2026-10-13"));
    assert_string_equal(x->s.mcase.elim_method, "1");
    /* Roll back: county only, with a reason. */
    input(&in, CA_ROLLBACK, "2026-11-01");
    in.note = "复核发现收入不稳定";
    refused_as(x, ROLE_TOWNSHIP, &in, ERR_DENIED, NULL);
    ok_as(x, ROLE_COUNTY, &in);
    assert_int_equal(x->s.mcase.state, CS_MONITORED);
    assert_int_equal(x->s.mcase.eliminated_on, DATE_NONE);
    assert_string_equal(x->s.mcase.elim_method, "");
    assert_int_equal(x->s.mcase.identified_on, D("2025-03-12"));
}

static void
test_elimination_refused_then_rejected(void **state)
{
    struct fixture *x = *state;
    struct step_input in;
    size_t i;

    identify(x, "2025-03-01");
    /* No development measure: assistance elimination refused, natural
     * elimination goes through. */
    input(&in, CA_ELIM_VERIFY, "2026-10-01");
    in.method = "1";
    refused_as(x, ROLE_VILLAGE, &in, ERR_RULE, NULL);
    assert_true(helpers_has(&x->f, "EL02"));
    in.method = "2";
    ok_as(x, ROLE_VILLAGE, &in);
    input(&in, CA_ELIM_REJECT, "2026-10-05");
    in.note = "评议未通过";
    ok_as(x, ROLE_TOWNSHIP, &in);
    assert_int_equal(x->s.mcase.state, CS_MONITORED);
    assert_int_equal(x->s.mcase.elim_started, DATE_NONE);
    /* Without labour the household stays monitored whatever the method. */
    for (i = 0; i < x->s.nmembers; i++) {
        snprintf(x->s.members[i].labour, sizeof(x->s.members[i].labour), "5");
    }
    input(&in, CA_ELIM_VERIFY, "2026-10-06");
    in.method = "2";
    refused_as(x, ROLE_VILLAGE, &in, ERR_RULE, NULL);
    assert_true(helpers_has(&x->f, "EL03"));
}

static void
test_reidentification(void **state)
{
    struct fixture *x = *state;
    struct step_input in;

    identify(x, "2025-03-01");
    add_dev_measure(x, "2025-03-20");
    eliminate(x, "2026-01-05", "1");
    input(&in, CA_REIDENTIFY, "2026-11-02");
    in.channel = "1";
    in.category = "3";
    in.risks[0] = "02";
    in.nrisks = 1;
    in.description = "洪涝灾害";
    ok_as(x, ROLE_VILLAGE, &in);
    assert_int_equal(x->s.mcase.state, CS_CLUE);
    assert_int_equal(x->s.mcase.clue_date, D("2026-11-02"));
    assert_int_equal(x->s.mcase.identified_on, DATE_NONE);
    assert_int_equal(x->s.mcase.eliminated_on, DATE_NONE);
    assert_string_equal(x->s.mcase.category, "3");
    assert_string_equal(x->s.mcase.risks[0], "02");
    assert_string_equal(x->s.mcase.description, "洪涝灾害");
    /* The history keeps every step. */
    assert_int_equal(x->s.nsteps, 12);
    assert_int_equal(x->s.steps[11].action, CA_REIDENTIFY);
}

/* The day of a step, as cases and projects check it (need_step_day). */
static void
test_step_day(void **state)
{
    int today = D("2026-11-22");
    struct err e;

    (void)state;
    assert_int_equal(need_step_day(today, DATE_NONE, today, &e), 0);
    assert_int_equal(need_step_day(D("2026-11-01"), D("2026-11-01"), today, &e), 0);
    assert_int_equal(need_step_day(DATE_NONE, DATE_NONE, today, &e), -1);
    assert_int_equal(e.code, ERR_INVALID);
    assert_string_equal(e.msg, "give the date of the step");
    assert_int_equal(need_step_day(today + 1, DATE_NONE, today, &e), -1);
    assert_string_equal(e.msg, "the date of the step cannot be in the future");
    assert_int_equal(need_step_day(D("2026-10-31"), D("2026-11-01"), today, &e), -1);
    assert_string_equal(e.msg, "the date cannot be before the previous step (2026-11-01)");
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table_is_complete),
        cmocka_unit_test(test_names_round_trip),
        cmocka_unit_test(test_actions_for_roles),
        cmocka_unit_test(test_step_day),
        T(test_identification_path),
        T(test_deadlines),
        T(test_deadline_units),
        T(test_inputs),
        T(test_publicity_rules),
        T(test_roles_and_scope),
        T(test_identification_above_line),
        T(test_reply_to_rejected),
        T(test_rejection),
        T(test_elimination_path),
        T(test_elimination_refused_then_rejected),
        T(test_reidentification),
    };

    i18n_set_language("en");
    return cmocka_run_group_tests_name("case", tests, NULL, NULL);
}
