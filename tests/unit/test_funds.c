/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_funds.c - the funds rules without a database: money shares and
 * bounds rounded to the fen in the safe direction, every meter exactly
 * at its limit and one fen off, the payment milestones, the year's
 * numbers from share/policy/rules.conf, the project lifecycle with its
 * publicity rules, the publication deadlines, each record's checks and
 * a project's allocations over its plan.
 */
#include "config.h"
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/funds.h"
#include "core/meter.h"
#include "core/money.h"
#include "core/project.h"
#include "util/err.h"

/* --- money ------------------------------------------------------------- */

static void
test_bp_rounding(void **state)
{
    (void)state;
    /* 1% of 12,345.67 yuan is 123.4567: a cap rounds down, a minimum up. */
    assert_int_equal(money_bp_floor(1234567, 100), 12345);
    assert_int_equal(money_bp_ceil(1234567, 100), 12346);
    /* Exact: no rounding either way. */
    assert_int_equal(money_bp_floor(1000000, 5500), 550000);
    assert_int_equal(money_bp_ceil(1000000, 5500), 550000);
    /* One fen. */
    assert_int_equal(money_bp_floor(1, 6000), 0);
    assert_int_equal(money_bp_ceil(1, 6000), 1);
    /* Large amounts do not overflow: 10 billion yuan at 60%. */
    assert_int_equal(money_bp_ceil(INT64_C(1000000000000), 6000), INT64_C(600000000000));
    assert_int_equal(money_bp_floor(0, 300), 0);
}

/* --- meters ------------------------------------------------------------- */

static void
test_meter_min_edges(void **state)
{
    struct meter m;

    (void)state;
    /* 60% of 1,000,000.01 yuan needs 600,000.01 (rounded up). */
    meter_min(&m, 60000001, 100000001, 6000);
    assert_int_equal(m.bound, 60000001);
    assert_int_equal(m.status, MS_OK);
    assert_int_equal(m.gap, 0);
    /* One fen short fails, though the share shown rounds to 60.00%. */
    meter_min(&m, 60000000, 100000001, 6000);
    assert_int_equal(m.status, MS_SHORT);
    assert_int_equal(m.gap, 1);
    assert_int_equal(m.share_bp, 6000);
    /* Nothing received: nothing to judge. */
    meter_min(&m, 0, 0, 6000);
    assert_int_equal(m.status, MS_NONE);
}

static void
test_meter_cap_edges(void **state)
{
    struct meter m;

    (void)state;
    /* 1% of 12,345.67 yuan allows 123.45 yuan. */
    meter_cap(&m, 12345, 1234567, 100);
    assert_int_equal(m.status, MS_OK);
    assert_int_equal(m.bound, 12345);
    meter_cap(&m, 12346, 1234567, 100);
    assert_int_equal(m.status, MS_SHORT);
    assert_int_equal(m.gap, 1);
    /* A fee without any receipt at that level is over its cap. */
    meter_cap(&m, 100, 0, 100);
    assert_int_equal(m.status, MS_SHORT);
}

static const struct rules *
rules_of(const struct policy *p, int year)
{
    const struct rules *r = policy_rules(p, "51", year);

    assert_non_null(r);
    return r;
}

static void
test_policy_numbers(void **state)
{
    struct policy p;

    (void)state;
    helpers_policy(&p);
    assert_int_equal(rules_of(&p, 2021)->industry_min_bp, 0);
    assert_int_equal(rules_of(&p, 2022)->industry_min_bp, 5500);
    assert_int_equal(rules_of(&p, 2023)->industry_min_bp, 6000);
    assert_int_equal(rules_of(&p, 2026)->industry_min_bp, 6000);
    assert_int_equal(rules_of(&p, 2021)->wage_min_bp, 1500);
    assert_int_equal(rules_of(&p, 2022)->wage_min_bp, 3000);
    assert_int_equal(rules_of(&p, 2025)->mgmt_fee_central_bp, 100);
    assert_int_equal(rules_of(&p, 2025)->mgmt_fee_provincial_bp, 300);
    assert_int_equal(rules_of(&p, 2025)->project_publicity_min_days, 10);
    assert_int_equal(rules_of(&p, 2025)->alloc_publish_workdays, 15);
    assert_int_equal(rules_of(&p, 2025)->targets_publish_workdays, 20);
    /* Later national entries keep what they do not change. */
    assert_int_equal(rules_of(&p, 2025)->publicity_min_days, 5);
    assert_int_equal(rules_of(&p, 2025)->npay_ms, 4);
    policy_free(&p);
}

static void
test_pay_target(void **state)
{
    struct policy p;
    const struct rules *r;

    (void)state;
    helpers_policy(&p);
    r = rules_of(&p, 2025);
    assert_int_equal(meter_pay_target(r, 2025, D("2025-06-29")), 0);
    assert_int_equal(meter_pay_target(r, 2025, D("2025-06-30")), 4000);
    assert_int_equal(meter_pay_target(r, 2025, D("2025-09-29")), 4000);
    assert_int_equal(meter_pay_target(r, 2025, D("2025-09-30")), 7500);
    assert_int_equal(meter_pay_target(r, 2025, D("2025-12-31")), 10000);
    /* Funds of an earlier year: every milestone has passed. */
    assert_int_equal(meter_pay_target(r, 2024, D("2025-01-15")), 10000);
    policy_free(&p);
}

static const struct meter *
find(const struct meter *m, size_t n, enum meter_id id, const char *level)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (m[i].id == id && (level == NULL || strcmp(m[i].level, level) == 0)) {
            return &m[i];
        }
    }
    return NULL;
}

static void
test_meter_compute(void **state)
{
    struct policy p;
    /* 2023: central 衔接资金 10,000,000.00, provincial 2,000,000.00;
     * 以工代赈 1,000,000.00. */
    struct fund_sums s[] = {
        {"01", "1", 1000000000, 900000000, 500000000, 600000000, 10000000, 0},
        {"01", "2", 200000000, 200000000, 100000000, 120000000, 6000001, 0},
        {"05", "1", 100000000, 100000000, 80000000, 0, 0, 29999999},
    };
    struct meter m[32];
    const struct meter *x;
    size_t n;

    (void)state;
    helpers_policy(&p);
    n = meter_compute(rules_of(&p, 2023), &p.codes, 2023, D("2023-10-01"), s, 3, m, 32);
    /* Allocation rate and payment progress of both types. */
    x = find(m, n, METER_ALLOC, NULL);
    assert_non_null(x);
    assert_string_equal(x->fund_type, "01");
    assert_int_equal(x->part, 1100000000);
    assert_int_equal(x->whole, 1200000000);
    assert_int_equal(x->status, MS_INFO);
    x = find(m, n, METER_PAY, NULL);
    assert_int_equal(x->target_bp, 7500);
    assert_int_equal(x->part, 600000000);
    assert_int_equal(x->status, MS_SHORT);  /* 50% by October */
    /* Industry: 7,200,000 of 12,000,000 = exactly 60%. */
    x = find(m, n, METER_INDUSTRY, NULL);
    assert_int_equal(x->target_bp, 6000);
    assert_int_equal(x->part, 720000000);
    assert_int_equal(x->bound, 720000000);
    assert_int_equal(x->status, MS_OK);
    /* Fees: central 100,000.00 = 1% (allowed); provincial 60,000.01 over
     * 3% of 2,000,000 by one fen. */
    x = find(m, n, METER_MGMT_FEE, "1");
    assert_int_equal(x->status, MS_OK);
    x = find(m, n, METER_MGMT_FEE, "2");
    assert_int_equal(x->bound, 6000000);
    assert_int_equal(x->status, MS_SHORT);
    assert_int_equal(x->gap, 1);
    /* Wages 299,999.99 of 1,000,000 allocated: one fen under 30%. */
    x = find(m, n, METER_WAGE, NULL);
    assert_int_equal(x->status, MS_SHORT);
    assert_int_equal(x->gap, 1);
    s[2].wages = 30000000;
    n = meter_compute(rules_of(&p, 2023), &p.codes, 2023, D("2023-10-01"), s, 3, m, 32);
    assert_int_equal(find(m, n, METER_WAGE, NULL)->status, MS_OK);
    /* 2022's target is 55%: 54.99% fails, 55% passes. */
    s[0].alloc_industry = 659880000 - 120000000;
    n = meter_compute(rules_of(&p, 2022), &p.codes, 2022, D("2022-10-01"), s, 3, m, 32);
    x = find(m, n, METER_INDUSTRY, NULL);
    assert_int_equal(x->target_bp, 5500);
    assert_int_equal(x->status, MS_SHORT);
    s[0].alloc_industry = 660000000 - 120000000;
    n = meter_compute(rules_of(&p, 2022), &p.codes, 2022, D("2022-10-01"), s, 3, m, 32);
    assert_int_equal(find(m, n, METER_INDUSTRY, NULL)->status, MS_OK);
    policy_free(&p);
}

/* --- publication deadlines ------------------------------------------------ */

static void
test_pub_status(void **state)
{
    int due;

    (void)state;
    /* 15 working days after Monday 2025-03-03 is Monday 2025-03-24. */
    assert_int_equal(pub_status(NULL, D("2025-03-03"), 15, DU_WORKDAYS, DATE_NONE, D("2025-03-24"), &due),
                     PUB_PENDING);
    assert_int_equal(due, D("2025-03-24"));
    assert_int_equal(pub_status(NULL, D("2025-03-03"), 15, DU_WORKDAYS, DATE_NONE, D("2025-03-25"), NULL),
                     PUB_OVERDUE);
    assert_int_equal(pub_status(NULL, D("2025-03-03"), 15, DU_WORKDAYS, D("2025-03-24"), D("2025-05-01"), NULL),
                     PUB_ON_TIME);
    assert_int_equal(pub_status(NULL, D("2025-03-03"), 15, DU_WORKDAYS, D("2025-03-25"), D("2025-05-01"), NULL),
                     PUB_LATE);
    assert_int_equal(pub_status(NULL, DATE_NONE, 15, DU_WORKDAYS, DATE_NONE, D("2025-05-01"), NULL),
                     PUB_NONE);
    /* A province counting calendar days: due on 2025-03-18. */
    assert_int_equal(pub_status(NULL, D("2025-03-03"), 15, DU_DAYS, DATE_NONE, D("2025-03-18"), &due),
                     PUB_PENDING);
    assert_int_equal(due, D("2025-03-18"));
    assert_int_equal(pub_status(NULL, D("2025-03-03"), 15, DU_DAYS, D("2025-03-19"), D("2025-05-01"), NULL),
                     PUB_LATE);
}

/* --- the project lifecycle ------------------------------------------------ */

struct pfix {
    struct policy p;
    struct proj_ctx c;
    struct project pr;
    struct actor county, town, village, viewer;
    struct proj_step step;
    struct err e;
};

static int
psetup(void **state)
{
    struct pfix *x = calloc(1, sizeof(*x));

    helpers_policy(&x->p);
    x->c.rules = rules_of(&x->p, 2025);
    x->c.today = D("2025-06-30");
    x->c.last_step_date = x->c.last_pub_end = DATE_NONE;
    project_init(&x->pr);
    x->pr.id = 7;
    x->pr.year = 2025;
    x->pr.township_id = 2;
    x->pr.village_id = 3;
    snprintf(x->pr.ptype, sizeof(x->pr.ptype), "3");
    x->county = helpers_actor(ROLE_COUNTY);
    x->town = helpers_actor(ROLE_TOWNSHIP);
    x->village = helpers_actor(ROLE_VILLAGE);
    x->viewer = helpers_actor(ROLE_VIEWER);
    proj_step_init(&x->step);
    err_clear(&x->e);
    *state = x;
    return 0;
}

static int
pteardown(void **state)
{
    struct pfix *x = *state;

    project_clear(&x->pr);
    proj_step_clear(&x->step);
    policy_free(&x->p);
    free(x);
    return 0;
}

static int
apply(struct pfix *x, const struct actor *a, enum proj_action act, int day,
      int pub_end, const char *doc, const char *note, enum proj_state *next)
{
    struct proj_input in = {act, day, DATE_NONE, DATE_NONE, doc, note};
    int year;

    if (pub_end != DATE_NONE) {
        in.pub_start = day;
        in.pub_end = pub_end;
    }
    err_clear(&x->e);
    return proj_apply(&x->c, a, &x->pr, &in, next, &year, &x->step, &x->e);
}

static void
test_project_path(void **state)
{
    struct pfix *x = *state;
    enum proj_state s;

    x->pr.state = PS_NONE;
    assert_int_equal(apply(x, &x->village, PA_PROPOSE, D("2025-03-01"), DATE_NONE, NULL, NULL, &s), 0);
    assert_int_equal(s, PS_PROPOSED);
    assert_int_equal(x->step.from, PS_NONE);
    x->pr.state = s;
    x->c.last_step_date = D("2025-03-01");
    /* A publicity of 9 days is refused, 10 pass. */
    assert_int_equal(apply(x, &x->village, PA_VILLAGE_PUBLICIZE, D("2025-03-02"),
                           D("2025-03-10"), NULL, NULL, &s), -1);
    assert_int_equal(x->e.code, ERR_RULE);
    assert_non_null(strstr(x->e.msg, "10"));
    assert_int_equal(apply(x, &x->village, PA_VILLAGE_PUBLICIZE, D("2025-03-02"),
                           D("2025-03-11"), NULL, NULL, &s), 0);
    assert_int_equal(x->step.pub_end, D("2025-03-11"));
    x->pr.state = s;
    x->c.last_step_date = D("2025-03-02");
    x->c.last_pub_end = D("2025-03-11");
    /* The township reviews after the publicity, not on its last day. */
    assert_int_equal(apply(x, &x->town, PA_TOWNSHIP_REVIEW, D("2025-03-11"), DATE_NONE,
                           NULL, NULL, &s), -1);
    assert_int_equal(x->e.code, ERR_RULE);
    assert_int_equal(apply(x, &x->town, PA_TOWNSHIP_REVIEW, D("2025-03-12"), DATE_NONE,
                           NULL, NULL, &s), 0);
    assert_int_equal(s, PS_TOWNSHIP_REVIEWED);
    /* A village cadre may not review. */
    assert_int_equal(apply(x, &x->village, PA_TOWNSHIP_REVIEW, D("2025-03-12"), DATE_NONE,
                           NULL, NULL, &s), -1);
    assert_int_equal(x->e.code, ERR_DENIED);
}

static void
test_project_county_steps(void **state)
{
    struct pfix *x = *state;
    enum proj_state s;

    x->pr.state = PS_COUNTY_ARGUED;
    x->c.last_step_date = D("2025-04-01");
    /* Approval needs the document and a 10-day county publicity. */
    assert_int_equal(apply(x, &x->county, PA_APPROVE, D("2025-04-02"), D("2025-04-11"),
                           NULL, NULL, &s), -1);
    assert_int_equal(x->e.code, ERR_INVALID);
    assert_int_equal(apply(x, &x->town, PA_APPROVE, D("2025-04-02"), D("2025-04-11"),
                           "青财〔2025〕3号", NULL, &s), -1);
    assert_int_equal(x->e.code, ERR_DENIED);
    assert_int_equal(apply(x, &x->county, PA_APPROVE, D("2025-04-02"), D("2025-04-11"),
                           "青财〔2025〕3号", NULL, &s), 0);
    x->pr.state = PS_APPROVED;
    x->c.last_step_date = D("2025-04-02");
    x->c.last_pub_end = D("2025-04-11");
    /* No plan without performance targets. */
    assert_int_equal(apply(x, &x->county, PA_PLAN, D("2025-04-20"), DATE_NONE,
                           "青乡振〔2025〕8号", NULL, &s), -1);
    assert_int_equal(x->e.code, ERR_RULE);
    x->pr.targets = strdup("道路硬化3公里");
    assert_int_equal(apply(x, &x->county, PA_PLAN, D("2025-04-20"), DATE_NONE,
                           "青乡振〔2025〕8号", NULL, &s), 0);
    assert_int_equal(s, PS_PLANNED);
    /* A future date is refused. */
    x->pr.state = PS_PLANNED;
    x->c.last_pub_end = DATE_NONE;
    assert_int_equal(apply(x, &x->town, PA_START, D("2025-07-01"), DATE_NONE, NULL, NULL, &s), -1);
    assert_int_equal(x->e.code, ERR_INVALID);
}

static void
test_project_end_rules(void **state)
{
    struct pfix *x = *state;
    enum proj_state s;
    int year;
    struct proj_input in = {PA_ROLL_OVER, 0, DATE_NONE, DATE_NONE, NULL, "资金不足"};

    x->c.last_step_date = D("2025-04-01");
    /* Cancelling after payments is refused; without them it passes. */
    x->pr.state = PS_IMPLEMENTING;
    x->c.paid = 1;
    assert_int_equal(apply(x, &x->county, PA_CANCEL, D("2025-05-01"), DATE_NONE, NULL,
                           "群众不同意", &s), -1);
    assert_non_null(strstr(x->e.msg, "0.01"));
    x->c.paid = 0;
    assert_int_equal(apply(x, &x->county, PA_CANCEL, D("2025-05-01"), DATE_NONE, NULL,
                           "", &s), -1);   /* needs a reason */
    assert_int_equal(apply(x, &x->county, PA_CANCEL, D("2025-05-01"), DATE_NONE, NULL,
                           "群众不同意", &s), 0);
    assert_int_equal(s, PS_CANCELLED);
    /* Assets are handed over only once they are in the ledger. */
    x->pr.state = PS_SETTLED;
    assert_int_equal(apply(x, &x->county, PA_REGISTER_ASSETS, D("2025-05-01"), DATE_NONE,
                           NULL, NULL, &s), -1);
    x->c.assets = 2;
    assert_int_equal(apply(x, &x->county, PA_REGISTER_ASSETS, D("2025-05-01"), DATE_NONE,
                           NULL, NULL, &s), 0);
    /* Rolling over moves the project to the next year. */
    x->pr.state = PS_APPROVED;
    in.step_date = D("2025-05-01");
    assert_int_equal(proj_apply(&x->c, &x->county, &x->pr, &in, &s, &year, &x->step, &x->e), 0);
    assert_int_equal(s, PS_ROLLED_OVER);
    assert_int_equal(year, 2026);
    /* A viewer does nothing; an illegal step names the state. */
    assert_int_equal(apply(x, &x->viewer, PA_START, D("2025-05-01"), DATE_NONE, NULL, NULL, &s), -1);
    assert_int_equal(x->e.code, ERR_DENIED);
    x->pr.state = PS_PROPOSED;
    assert_int_equal(apply(x, &x->county, PA_ACCEPT, D("2025-05-01"), DATE_NONE, "x", NULL, &s), -1);
    assert_int_equal(x->e.code, ERR_RULE);
}

static void
test_project_linking(void **state)
{
    struct pfix *x = *state;
    enum proj_state s;

    /* An industry project reaches the township only with 联农带农. */
    x->pr.state = PS_VILLAGE_PUBLICIZED;
    x->c.linking_required = 1;
    x->c.last_step_date = D("2025-03-02");
    assert_int_equal(apply(x, &x->town, PA_TOWNSHIP_REVIEW, D("2025-03-20"), DATE_NONE,
                           NULL, NULL, &s), -1);
    assert_int_equal(x->e.code, ERR_RULE);
    x->pr.linking = strdup("务工带动30户, 分红到户");
    assert_int_equal(apply(x, &x->town, PA_TOWNSHIP_REVIEW, D("2025-03-20"), DATE_NONE,
                           NULL, NULL, &s), 0);
}

static void
test_transitions_named(void **state)
{
    size_t i, n;
    const struct proj_transition *t = proj_transitions(&n);
    enum proj_state st;
    enum proj_action ac;

    (void)state;
    assert_true(n > 20);
    for (i = 0; i < PS_COUNT; i++) {
        assert_int_equal(proj_state_parse(proj_state_name((enum proj_state)i), &st), 0);
        assert_int_equal(st, (enum proj_state)i);
    }
    for (i = 0; i < PA_COUNT; i++) {
        assert_int_equal(proj_action_parse(proj_action_name((enum proj_action)i), &ac), 0);
    }
    for (i = 0; i < n; i++) {
        assert_ptr_equal(proj_transition(t[i].from, t[i].action), &t[i]);
    }
}

/* --- record checks -------------------------------------------------------- */

static void
test_record_checks(void **state)
{
    struct policy p;
    struct fund f;
    struct asset a;
    struct asset_income in;
    struct err e;
    int today = D("2025-06-30");

    (void)state;
    helpers_policy(&p);
    fund_init(&f);
    f.year = 2025;
    strcpy(f.level, "1");
    strcpy(f.fund_type, "01");
    strcpy(f.doc_no, "财农〔2025〕1号");
    f.amount = 100;
    f.received_on = D("2025-01-10");
    assert_int_equal(fund_check(&f, &p.codes, today, &e), 0);
    f.amount = -1;
    assert_int_equal(fund_check(&f, &p.codes, today, &e), -1);
    f.amount = 0;
    assert_int_equal(fund_check(&f, &p.codes, today, &e), -1);
    f.amount = 100;
    strcpy(f.fund_type, "42");
    assert_int_equal(fund_check(&f, &p.codes, today, &e), -1);
    strcpy(f.fund_type, "01");
    f.received_on = D("2025-07-01");
    assert_int_equal(fund_check(&f, &p.codes, today, &e), -1);

    asset_init(&a);
    strcpy(a.name, "村道硬化");
    strcpy(a.aclass, "1");
    strcpy(a.atype, "11");
    a.year = 2025;
    a.township_id = 2;
    strcpy(a.owner_level, "3");
    strcpy(a.status, "1");
    a.nsrc = 2;
    strcpy(a.src[0].fund_type, "01");
    a.src[0].amount = 150000;
    strcpy(a.src[1].fund_type, "03");
    a.src[1].amount = 50001;
    /* A public-welfare asset needs its maintainer. */
    assert_int_equal(asset_check(&a, &p.codes, today, &e), -1);
    assert_int_equal(e.code, ERR_RULE);
    strcpy(a.maintainer, "白马村村委会");
    assert_int_equal(asset_check(&a, &p.codes, today, &e), 0);
    assert_int_equal(a.value, 200001);
    /* A type of another class is refused. */
    strcpy(a.atype, "24");
    assert_int_equal(asset_check(&a, &p.codes, today, &e), -1);
    strcpy(a.atype, "11");
    /* Disposed needs method, date, approval and reason. */
    strcpy(a.status, "4");
    assert_int_equal(asset_check(&a, &p.codes, today, &e), -1);
    strcpy(a.disposal, "4");
    a.disposal_date = D("2025-06-01");
    strcpy(a.disposal_doc, "青乡振〔2025〕20号");
    a.disposal_reason = strdup("洪水冲毁");
    assert_int_equal(asset_check(&a, &p.codes, today, &e), 0);
    asset_clear(&a);

    asset_income_init(&in);
    in.year = 2025;
    in.income = 10000;
    in.to_households = 6000;
    in.households = 12;
    in.to_village = 4001;
    assert_int_equal(asset_income_check(&in, &e), -1);
    in.to_village = 4000;
    assert_int_equal(asset_income_check(&in, &e), 0);
    in.households = 0;
    assert_int_equal(asset_income_check(&in, &e), -1);
    fund_clear(&f);
    policy_free(&p);
}

/* The four publicities: names, the step that opens each, and which
 * states are on each list (in that publicity now; the plan: every
 * project of the plan however far it has come). */
static void
test_publicities(void **state)
{
    enum proj_pub p;
    int s, n;

    (void)state;
    assert_int_equal(proj_pub_parse("village", &p), 0);
    assert_int_equal(p, PP_VILLAGE);
    assert_int_equal(proj_pub_parse("plan", &p), 0);
    assert_int_equal(p, PP_PLAN);
    assert_int_equal(proj_pub_parse("nosuch", &p), -1);
    for (n = 0; n < PP_COUNT; n++) {
        assert_int_equal(proj_pub_parse(proj_pub_name((enum proj_pub)n), &p), 0);
        assert_int_equal(p, n);
    }
    assert_int_equal(proj_pub_action(PP_TOWNSHIP), PA_TOWNSHIP_PUBLICIZE);
    assert_int_equal(proj_pub_action(PP_COUNTY), PA_APPROVE);
    assert_true(proj_pub_lists(PP_VILLAGE, PS_VILLAGE_PUBLICIZED));
    assert_false(proj_pub_lists(PP_VILLAGE, PS_PROPOSED));
    assert_false(proj_pub_lists(PP_VILLAGE, PS_TOWNSHIP_REVIEWED));
    assert_true(proj_pub_lists(PP_TOWNSHIP, PS_TOWNSHIP_PUBLICIZED));
    assert_true(proj_pub_lists(PP_COUNTY, PS_APPROVED));
    assert_false(proj_pub_lists(PP_COUNTY, PS_PLANNED));
    for (s = PS_NONE, n = 0; s < PS_COUNT; s++) {
        n += proj_pub_lists(PP_PLAN, (enum proj_state)s);
    }
    /* planned, implementing ... operating (7) and adjusted. */
    assert_int_equal(n, 8);
    assert_true(proj_pub_lists(PP_PLAN, PS_ADJUSTED));
    assert_false(proj_pub_lists(PP_PLAN, PS_ROLLED_OVER));
    assert_false(proj_pub_lists(PP_PLAN, PS_CANCELLED));
    assert_false(proj_pub_lists(PP_COUNT, PS_APPROVED));
}

/* A project's allocations and own funds against its planned investment:
 * exactly at the plan is within it, one fen more is over; no plan, no
 * warning. */
static void
test_over_plan(void **state)
{
    (void)state;
    assert_int_equal(proj_over_plan(50000000, 10000000, 40000000), 0);
    assert_int_equal(proj_over_plan(50000000, 10000000, 40000001), 1);
    assert_int_equal(proj_over_plan(50000000, 0, 55000000), 5000000);
    assert_int_equal(proj_over_plan(0, 0, 55000000), 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bp_rounding),
        cmocka_unit_test(test_meter_min_edges),
        cmocka_unit_test(test_meter_cap_edges),
        cmocka_unit_test(test_policy_numbers),
        cmocka_unit_test(test_pay_target),
        cmocka_unit_test(test_meter_compute),
        cmocka_unit_test(test_pub_status),
        cmocka_unit_test_setup_teardown(test_project_path, psetup, pteardown),
        cmocka_unit_test_setup_teardown(test_project_county_steps, psetup, pteardown),
        cmocka_unit_test_setup_teardown(test_project_end_rules, psetup, pteardown),
        cmocka_unit_test_setup_teardown(test_project_linking, psetup, pteardown),
        cmocka_unit_test(test_transitions_named),
        cmocka_unit_test(test_publicities),
        cmocka_unit_test(test_record_checks),
        cmocka_unit_test(test_over_plan),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
