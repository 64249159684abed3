/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_fund_db.c - the funds records in a temporary database
 * (db/db_fund.c): receipts, a project through its steps, allocations and
 * payments that never overdraw (refused with the amounts named, nothing
 * written), receipts and allocations never cut below what went out,
 * versions and conflicts, audit rows, roles and scope, assets with their
 * sources and income, the meters' totals and the lists' warnings.
 */
#include "config.h"
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/meter.h"
#include "core/rules.h"
#include "db/db_audit.h"
#include "db/db_division.h"
#include "db/db_fund.h"
#include "db/db_household.h"
#include "db/db_priv.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"

struct fixture {
    char *dir, *path;
    struct db *db;
    struct policy p;
    struct rule_ctx ctx;
    struct actor county, town, village, viewer;
    int64_t county_id, town1, village1, town2, village2;
    struct err e;
};

static int
setup(void **state)
{
    struct fixture *x = calloc(1, sizeof(*x));

    x->dir = helpers_tmpdir();
    x->path = path_join(x->dir, "county.db");
    helpers_policy(&x->p);
    x->ctx.policy = &x->p;
    x->ctx.province = "51";
    x->ctx.today = D("2025-06-30");
    err_clear(&x->e);
    if (db_open(&x->db, x->path, DB_CREATE, 1000, &x->e) ||
        db_division_add(x->db, "t", 1, 0, "519901", "青山县", 1, &x->county_id, &x->e) ||
        db_division_add(x->db, "t", 2, x->county_id, "519901001", "红岩镇", 1, &x->town1, &x->e) ||
        db_division_add(x->db, "t", 3, x->town1, "519901001001", "白马村", 1, &x->village1, &x->e) ||
        db_division_add(x->db, "t", 2, x->county_id, "519901002", "石门乡", 1, &x->town2, &x->e) ||
        db_division_add(x->db, "t", 3, x->town2, "519901002003", "柳树村", 1, &x->village2, &x->e)) {
        fail_msg("setup: %s", x->e.msg);
    }
    x->county = helpers_actor(ROLE_COUNTY);
    x->town = helpers_actor(ROLE_TOWNSHIP);
    x->village = helpers_actor(ROLE_VILLAGE);
    x->viewer = helpers_actor(ROLE_VIEWER);
    i18n_set_language("en");
    *state = x;
    return 0;
}

static int
teardown(void **state)
{
    struct fixture *x = *state;

    i18n_set_language("zh_CN");
    db_close(x->db);
    policy_free(&x->p);
    free(x->path);
    helpers_rmdir(x->dir);
    free(x);
    return 0;
}

static int64_t
count(struct fixture *x, const char *sql)
{
    sqlite3_stmt *st;
    int64_t n = -1;

    assert_int_equal(sqlite3_prepare_v2(x->db->h, sql, -1, &st, NULL), SQLITE_OK);
    if (sqlite3_step(st) == SQLITE_ROW) {
        n = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return n;
}

static int64_t
add_fund(struct fixture *x, const char *type, const char *level, int64_t fen)
{
    struct fund f;

    fund_init(&f);
    f.year = 2025;
    snprintf(f.level, sizeof(f.level), "%s", level);
    snprintf(f.fund_type, sizeof(f.fund_type), "%s", type);
    snprintf(f.doc_no, sizeof(f.doc_no), "川财农〔2025〕%lld号", (long long)fen % 97);
    f.amount = fen;
    f.received_on = D("2025-02-10");
    if (db_fund_save(x->db, &x->ctx, &x->county, &f, &x->e)) {
        fail_msg("fund: %s", x->e.msg);
    }
    return f.id;
}

/* A project of TYPE in village 1 taken through to STATE by the county. */
static int64_t
add_project(struct fixture *x, const char *type, enum proj_state until)
{
    static const struct {
        enum proj_action a;
        const char *day, *pub_end, *doc;
    } path[] = {
        {PA_VILLAGE_PUBLICIZE, "2025-03-02", "2025-03-11", NULL},
        {PA_TOWNSHIP_REVIEW, "2025-03-12", NULL, NULL},
        {PA_TOWNSHIP_PUBLICIZE, "2025-03-13", "2025-03-22", NULL},
        {PA_COUNTY_ARGUE, "2025-03-25", NULL, NULL},
        {PA_APPROVE, "2025-03-26", "2025-04-04", "青乡振〔2025〕3号"},
        {PA_PLAN, "2025-04-07", NULL, "青乡振〔2025〕8号"},
        {PA_START, "2025-04-20", NULL, NULL},
        {PA_COMPLETE, "2025-05-20", NULL, NULL},
    };
    struct project p;
    int64_t id;
    size_t i;

    project_init(&p);
    snprintf(p.name, sizeof(p.name), "白马村道路硬化");
    p.year = 2025;
    snprintf(p.ptype, sizeof(p.ptype), "%s", type);
    p.township_id = x->town1;
    p.village_id = x->village1;
    p.budget = 50000000;
    p.hh_benefit = 40;
    p.persons_benefit = 120;
    p.hh_poor = 10;
    p.linking = strdup("务工带动");
    p.targets = strdup("硬化道路3公里");
    if (db_project_create(x->db, &x->ctx, &x->county, &p, D("2025-03-01"), "村民代表大会", &x->e)) {
        fail_msg("project: %s", x->e.msg);
    }
    id = p.id;
    for (i = 0; i < sizeof(path) / sizeof(path[0]) && p.state != until; i++) {
        struct proj_input in = {path[i].a, D(path[i].day), DATE_NONE, DATE_NONE,
                                path[i].doc, NULL};

        if (path[i].pub_end != NULL) {
            in.pub_start = in.step_date;
            in.pub_end = D(path[i].pub_end);
        }
        if (db_project_act(x->db, &x->ctx, &x->county, id, p.version, &in, &x->e)) {
            fail_msg("step %s: %s", proj_action_name(path[i].a), x->e.msg);
        }
        project_clear(&p);
        project_init(&p);
        assert_int_equal(db_project_get(x->db, id, &p, &x->e), 0);
    }
    assert_int_equal(p.state, until);
    project_clear(&p);
    return id;
}

static int
allocate(struct fixture *x, int64_t fund, int64_t project, int64_t fen,
         struct allocation *out)
{
    allocation_init(out);
    out->fund_id = fund;
    out->project_id = project;
    out->amount = fen;
    out->alloc_date = D("2025-04-10");
    err_clear(&x->e);
    return db_allocation_save(x->db, &x->ctx, &x->county, out, &x->e);
}

static int
pay(struct fixture *x, int64_t alloc, int64_t fen, int wage)
{
    struct payment p;
    int rc;

    payment_init(&p);
    p.allocation_id = alloc;
    p.amount = fen;
    p.pay_date = D("2025-05-01");
    snprintf(p.payee, sizeof(p.payee), "青山建筑公司");
    snprintf(p.voucher_no, sizeof(p.voucher_no), "记-0501");
    p.is_wage = wage;
    err_clear(&x->e);
    rc = db_payment_save(x->db, &x->ctx, &x->county, &p, &x->e);
    payment_clear(&p);
    return rc;
}

static void
test_fund_receipt(void **state)
{
    struct fixture *x = *state;
    struct fund f, g;
    int64_t audits = db_audit_count(x->db, &x->e);

    fund_init(&f);
    f.year = 2025;
    strcpy(f.level, "1");
    strcpy(f.fund_type, "01");
    strcpy(f.doc_no, "川财农〔2025〕1号");
    f.amount = 123456789;
    f.received_on = D("2025-02-10");
    /* Township staff do not keep receipts; a viewer changes nothing. */
    assert_int_equal(db_fund_save(x->db, &x->ctx, &x->town, &f, &x->e), -1);
    assert_int_equal(x->e.code, ERR_DENIED);
    assert_int_equal(db_fund_save(x->db, &x->ctx, &x->viewer, &f, &x->e), -1);
    assert_int_equal(f.id, 0);
    assert_int_equal(db_fund_save(x->db, &x->ctx, &x->county, &f, &x->e), 0);
    assert_true(f.id > 0);
    assert_int_equal(f.version, 1);
    assert_int_equal(db_audit_count(x->db, &x->e), audits + 1);
    /* Two staff load it; the second save is refused. */
    fund_init(&g);
    assert_int_equal(db_fund_get(x->db, f.id, &g, &x->e), 0);
    assert_int_equal(g.amount, 123456789);
    f.amount = 200000000;
    assert_int_equal(db_fund_save(x->db, &x->ctx, &x->county, &f, &x->e), 0);
    assert_int_equal(f.version, 2);
    /* one audit row: the amount, old -> new */
    assert_int_equal(db_audit_count(x->db, &x->e), audits + 2);
    assert_int_equal(count(x, "SELECT count(*) FROM audit WHERE tbl = 'fund' AND field = 'amount' "
                              "AND old = '1234567.89' AND new = '2000000.00'"), 1);
    strcpy(g.batch, "第二批");
    assert_int_equal(db_fund_save(x->db, &x->ctx, &x->county, &g, &x->e), -1);
    assert_int_equal(x->e.code, ERR_CONFLICT);
    assert_int_equal(g.version, 1);
    assert_int_equal(count(x, "SELECT count(*) FROM fund WHERE batch IS NOT NULL"), 0);
    fund_clear(&f);
    fund_clear(&g);
}

static void
test_allocation_overdraw(void **state)
{
    struct fixture *x = *state;
    int64_t fund = add_fund(x, "01", "1", 10000000);          /* 100,000.00 */
    int64_t proj = add_project(x, "3", PS_PLANNED);
    struct allocation a, b;
    int64_t audits;

    assert_int_equal(allocate(x, fund, proj, 6000000, &a), 0);
    audits = db_audit_count(x->db, &x->e);
    /* 40,000.01 more would overdraw by one fen: refused, with the
     * amounts, and nothing written. */
    assert_int_equal(allocate(x, fund, proj, 4000001, &b), -1);
    assert_int_equal(x->e.code, ERR_RULE);
    assert_non_null(strstr(x->e.msg, "40,000.00"));
    assert_non_null(strstr(x->e.msg, "40,000.01"));
    assert_int_equal(b.id, 0);
    assert_int_equal(count(x, "SELECT count(*) FROM allocation"), 1);
    assert_int_equal(db_audit_count(x->db, &x->e), audits);
    /* Exactly what is left is fine. */
    assert_int_equal(allocate(x, fund, proj, 4000000, &b), 0);
    /* Raising an allocation beyond the receipt is refused too. */
    b.amount = 4000001;
    assert_int_equal(db_allocation_save(x->db, &x->ctx, &x->county, &b, &x->e), -1);
    assert_int_equal(x->e.code, ERR_RULE);
    /* The receipt cannot be cut below what is allocated. */
    {
        struct fund f;

        fund_init(&f);
        assert_int_equal(db_fund_get(x->db, fund, &f, &x->e), 0);
        f.amount = 9999999;
        assert_int_equal(db_fund_save(x->db, &x->ctx, &x->county, &f, &x->e), -1);
        assert_int_equal(x->e.code, ERR_RULE);
        fund_clear(&f);
    }
    /* The database refuses it even past the repository. */
    assert_int_not_equal(sqlite3_exec(x->db->h, "UPDATE allocation SET amount = amount + 1",
                                      NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(db_fund_available(x->db, fund, &audits, &x->e), 0);
    assert_int_equal(audits, 0);
    allocation_clear(&a);
    allocation_clear(&b);
}

static void
test_allocation_needs_plan(void **state)
{
    struct fixture *x = *state;
    int64_t fund = add_fund(x, "01", "1", 10000000);
    int64_t proj = add_project(x, "3", PS_APPROVED);
    struct allocation a;

    assert_int_equal(allocate(x, fund, proj, 100, &a), -1);
    assert_int_equal(x->e.code, ERR_RULE);
    allocation_clear(&a);
}

static void
test_payments(void **state)
{
    struct fixture *x = *state;
    int64_t fund = add_fund(x, "05", "1", 10000000);
    int64_t proj = add_project(x, "6", PS_PLANNED);
    struct allocation a;
    struct payment_row *pr;
    size_t n;

    assert_int_equal(allocate(x, fund, proj, 5000000, &a), 0);
    /* Not paid before work has started. */
    assert_int_equal(pay(x, a.id, 100, 0), -1);
    assert_int_equal(x->e.code, ERR_RULE);
    {
        struct project p;
        struct proj_input in = {PA_START, D("2025-04-20"), DATE_NONE, DATE_NONE, NULL, NULL};

        project_init(&p);
        assert_int_equal(db_project_get(x->db, proj, &p, &x->e), 0);
        assert_int_equal(db_project_act(x->db, &x->ctx, &x->county, proj, p.version, &in, &x->e), 0);
        project_clear(&p);
    }
    assert_int_equal(pay(x, a.id, 3000000, 0), 0);
    assert_int_equal(pay(x, a.id, 1500000, 1), 0);
    /* 5,000.01 more overdraws the allocation by one fen. */
    assert_int_equal(pay(x, a.id, 500001, 0), -1);
    assert_int_equal(x->e.code, ERR_RULE);
    assert_non_null(strstr(x->e.msg, "5,000.00"));
    assert_int_equal(count(x, "SELECT count(*) FROM payment"), 2);
    /* The allocation cannot drop below what was paid, nor be deleted. */
    a.amount = 4499999;
    assert_int_equal(db_allocation_save(x->db, &x->ctx, &x->county, &a, &x->e), -1);
    assert_int_equal(x->e.code, ERR_RULE);
    assert_int_equal(db_allocation_delete(x->db, &x->county, a.id, a.version, &x->e), -1);
    assert_int_equal(db_payment_list(x->db, proj, &pr, &n, &x->e), 0);
    assert_int_equal(n, 2);
    assert_int_equal(pr[1].p.is_wage, 1);
    free(pr);
    allocation_clear(&a);
}

static void
test_project_steps_audit(void **state)
{
    struct fixture *x = *state;
    int64_t proj = add_project(x, "3", PS_PLANNED);
    struct proj_step *v;
    struct project p;
    size_t n;
    struct proj_input in = {PA_START, D("2025-04-20"), DATE_NONE, DATE_NONE, NULL, NULL};

    assert_int_equal(db_project_steps(x->db, proj, &v, &n, &x->e), 0);
    assert_int_equal(n, 7);
    assert_int_equal(v[0].action, PA_PROPOSE);
    assert_int_equal(v[1].pub_end, D("2025-03-11"));
    assert_string_equal(v[5].doc_no, "青乡振〔2025〕3号");
    proj_steps_free(v, n);
    assert_int_equal(count(x, "SELECT count(*) FROM audit WHERE tbl = 'project' AND op = 'step'"), 7);
    /* A stale version is a conflict. */
    project_init(&p);
    assert_int_equal(db_project_get(x->db, proj, &p, &x->e), 0);
    assert_int_equal(db_project_act(x->db, &x->ctx, &x->county, proj, p.version - 1, &in, &x->e), -1);
    assert_int_equal(x->e.code, ERR_CONFLICT);
    /* Out of scope: township 2 staff on a project of township 1 is fine,
     * the village cadre of village 1 may not start it (role). */
    assert_int_equal(db_project_act(x->db, &x->ctx, &x->village, proj, p.version, &in, &x->e), -1);
    assert_int_equal(x->e.code, ERR_DENIED);
    /* The year of a project in the pool stays. */
    p.year = 2026;
    assert_int_equal(db_project_update(x->db, &x->ctx, &x->county, &p, &x->e), -1);
    assert_int_equal(x->e.code, ERR_RULE);
    p.year = 2025;
    p.hh_benefit = 45;
    assert_int_equal(db_project_update(x->db, &x->ctx, &x->county, &p, &x->e), 0);
    assert_int_equal(count(x, "SELECT count(*) FROM audit WHERE tbl = 'project' AND field = 'hh_benefit'"), 1);
    project_clear(&p);
}

static void
test_project_scope(void **state)
{
    struct fixture *x = *state;
    struct project p;
    struct project_row *v;
    size_t n;
    struct funds_filter f;

    project_init(&p);
    strcpy(p.name, "柳树村冷库");
    p.year = 2025;
    strcpy(p.ptype, "1");
    p.township_id = x->town2;
    p.village_id = x->village2;
    /* Township 1's staff cannot propose in township 2. */
    assert_int_equal(db_project_create(x->db, &x->ctx, &x->town, &p, D("2025-03-01"), NULL, &x->e), -1);
    assert_int_equal(x->e.code, ERR_DENIED);
    assert_int_equal(p.id, 0);
    assert_int_equal(db_project_create(x->db, &x->ctx, &x->county, &p, D("2025-03-01"), NULL, &x->e), 0);
    assert_string_equal(p.proj_no, "2025-0001");
    funds_filter_init(&f);
    assert_int_equal(db_project_list(x->db, &x->ctx, &x->town, &f, &v, &n, &x->e), 0);
    assert_int_equal(n, 0);
    free(v);
    assert_int_equal(db_project_list(x->db, &x->ctx, &x->county, &f, &v, &n, &x->e), 0);
    assert_int_equal(n, 1);
    /* An industry project without 联农带农 is flagged. */
    assert_true(v[0].flags & PF_NO_LINKING);
    assert_string_equal(v[0].place, "石门乡/柳树村");
    free(v);
    project_clear(&p);
}

static void
test_meter_sums_and_flags(void **state)
{
    struct fixture *x = *state;
    int64_t central = add_fund(x, "01", "1", 100000000);
    int64_t wr = add_fund(x, "05", "1", 10000000);
    int64_t ind = add_project(x, "1", PS_PLANNED);
    int64_t fee = add_project(x, "8", PS_PLANNED);
    struct allocation a;
    struct fund_sums *s;
    struct project_row *v;
    struct funds_filter f;
    size_t n, i;

    assert_int_equal(allocate(x, central, ind, 60000000, &a), 0);
    allocation_clear(&a);
    assert_int_equal(allocate(x, central, fee, 1000000, &a), 0);
    allocation_clear(&a);
    assert_int_equal(allocate(x, wr, ind, 2000000, &a), 0);
    allocation_clear(&a);
    assert_int_equal(db_fund_sums(x->db, &x->p.codes, 2025, &s, &n, &x->e), 0);
    assert_int_equal(n, 2);
    for (i = 0; i < n; i++) {
        if (strcmp(s[i].fund_type, "01") == 0) {
            assert_int_equal(s[i].received, 100000000);
            assert_int_equal(s[i].allocated, 61000000);
            assert_int_equal(s[i].alloc_industry, 60000000);
            assert_int_equal(s[i].alloc_mgmt, 1000000);
        } else {
            assert_int_equal(s[i].alloc_industry, 2000000);
        }
    }
    free(s);
    /* Allocation results unpublished 15 working days after 2025-04-10
     * (due 2025-05-01 or so) are overdue on 2025-06-30. */
    funds_filter_init(&f);
    f.flagged = 1;
    assert_int_equal(db_project_list(x->db, &x->ctx, &x->county, &f, &v, &n, &x->e), 0);
    assert_int_equal(n, 2);
    assert_true(v[0].flags & PF_ALLOC_LATE);
    /* Targets not published within 20 working days of the plan. */
    assert_true(v[0].flags & PF_TARGETS_LATE);
    free(v);
}

/* Issue 17 2.4: a project's publicity is judged by the rule of the year it
 * started: ten days in 2025 stay enough when 2026 asks for twelve. */
static void
test_publicity_rule_of_its_year(void **state)
{
    struct fixture *x = *state;
    struct project_row *v;
    struct funds_filter f;
    size_t n;

    add_project(x, "1", PS_PLANNED);
    helpers_rules_from(&x->p, 2026)->project_publicity_min_days = 12;
    x->ctx.today = D("2026-03-01");
    funds_filter_init(&f);
    assert_int_equal(db_project_list(x->db, &x->ctx, &x->county, &f, &v, &n, &x->e), 0);
    assert_int_equal(n, 1);
    assert_false(v[0].flags & PF_PUBLICITY_SHORT);
    free(v);
    helpers_rules_from(&x->p, 2025)->project_publicity_min_days = 11;
    assert_int_equal(db_project_list(x->db, &x->ctx, &x->county, &f, &v, &n, &x->e), 0);
    assert_true(v[0].flags & PF_PUBLICITY_SHORT);
    free(v);
}

/* Issue 17 3: a designated 以工代赈 batch is a property of the receipt
 * (central 以工代赈 funds only, audited); its completed projects' wages
 * out of it are judged against the batch share of the rules of the year
 * it was received (40% in 2025, above the 30% of other 以工代赈 funds). */
static void
test_workrelief_batch(void **state)
{
    struct fixture *x = *state;
    int64_t batch = add_fund(x, "05", "1", 10000000);
    int64_t done = add_project(x, "6", PS_COMPLETED);
    int64_t going = add_project(x, "6", PS_IMPLEMENTING);
    struct allocation a;
    struct fund f;
    struct fund_row *v;
    struct funds_filter flt;
    struct meter m;
    int64_t done_alloc;
    size_t n;

    fund_init(&f);
    assert_int_equal(db_fund_get(x->db, batch, &f, &x->e), 0);
    assert_false(f.workrelief_batch);
    /* only central 以工代赈 funds */
    f.workrelief_batch = 1;
    snprintf(f.level, sizeof(f.level), "2");
    assert_int_equal(db_fund_save(x->db, &x->ctx, &x->county, &f, &x->e), -1);
    assert_int_equal(x->e.code, ERR_INVALID);
    snprintf(f.level, sizeof(f.level), "1");
    snprintf(f.fund_type, sizeof(f.fund_type), "01");
    assert_int_equal(db_fund_save(x->db, &x->ctx, &x->county, &f, &x->e), -1);
    snprintf(f.fund_type, sizeof(f.fund_type), "05");
    assert_int_equal(db_fund_save(x->db, &x->ctx, &x->county, &f, &x->e), 0);
    fund_clear(&f);
    assert_int_equal(count(x, "SELECT count(*) FROM audit WHERE tbl = 'fund' AND op = 'update' "
                              "AND field = 'workrelief_batch' AND old = '0' AND new = '1'"), 1);

    assert_int_equal(allocate(x, batch, done, 1000000, &a), 0);
    done_alloc = a.id;
    allocation_clear(&a);
    assert_int_equal(allocate(x, batch, going, 500000, &a), 0);
    /* wages of a project still being built are not judged yet */
    assert_int_equal(pay(x, a.id, 100000, 1), 0);
    allocation_clear(&a);
    assert_int_equal(pay(x, done_alloc, 399999, 1), 0);
    assert_int_equal(pay(x, done_alloc, 300000, 0), 0);
    funds_filter_init(&flt);
    flt.fund_id = batch;
    assert_int_equal(db_fund_list(x->db, &flt, &v, &n, &x->e), 0);
    assert_int_equal(n, 1);
    assert_true(v[0].f.workrelief_batch);
    assert_int_equal(v[0].done_alloc, 1000000);
    assert_int_equal(v[0].done_wages, 399999);
    /* 39.99% of the batch's funds: short of 2025's 40% by a fen */
    meter_batch_wages(&m, rules_in_force(&x->ctx, 2025), v[0].done_wages, v[0].done_alloc);
    assert_int_equal(m.target_bp, 4000);
    assert_int_equal(m.status, MS_SHORT);
    assert_int_equal(m.gap, 1);
    /* under 2024's rules a batch asks only the 30% of all 以工代赈 funds */
    meter_batch_wages(&m, rules_in_force(&x->ctx, 2024), v[0].done_wages, v[0].done_alloc);
    assert_int_equal(m.target_bp, 3000);
    assert_int_equal(m.status, MS_OK);
    free(v);
    assert_int_equal(pay(x, done_alloc, 1, 1), 0);
    assert_int_equal(db_fund_list(x->db, &flt, &v, &n, &x->e), 0);
    meter_batch_wages(&m, rules_in_force(&x->ctx, 2025), v[0].done_wages, v[0].done_alloc);
    assert_int_equal(m.status, MS_OK);
    free(v);
}

static void
test_assets(void **state)
{
    struct fixture *x = *state;
    int64_t proj = add_project(x, "3", PS_PLANNED);
    struct asset as, b;
    struct asset_income in;
    struct asset_row *v;
    struct funds_filter f;
    size_t n;

    asset_init(&as);
    strcpy(as.name, "白马村通组路");
    strcpy(as.aclass, "1");
    strcpy(as.atype, "11");
    as.project_id = proj;
    as.year = 2025;
    as.township_id = x->town1;
    as.village_id = x->village1;
    strcpy(as.owner_level, "3");
    strcpy(as.status, "1");
    as.nsrc = 2;
    strcpy(as.src[0].fund_type, "01");
    as.src[0].amount = 30000000;
    strcpy(as.src[1].fund_type, "03");
    as.src[1].amount = 5000000;
    /* No maintainer: refused, nothing stored. */
    assert_int_equal(db_asset_save(x->db, &x->ctx, &x->county, &as, &x->e), -1);
    assert_int_equal(as.id, 0);
    assert_string_equal(as.asset_no, "");
    strcpy(as.maintainer, "白马村村民委员会");
    assert_int_equal(db_asset_save(x->db, &x->ctx, &x->village, &as, &x->e), 0);
    assert_string_equal(as.asset_no, "ZC2025-0001");
    asset_init(&b);
    assert_int_equal(db_asset_get(x->db, as.id, &b, &x->e), 0);
    assert_int_equal(b.nsrc, 2);
    assert_int_equal(b.value, 35000000);
    /* Change a source: one audit row for the sources. */
    b.src[1].amount = 6000000;
    assert_int_equal(db_asset_save(x->db, &x->ctx, &x->county, &b, &x->e), 0);
    assert_int_equal(count(x, "SELECT count(*) FROM audit WHERE tbl = 'asset' AND field = 'sources'"), 1);
    assert_int_equal(count(x, "SELECT value FROM asset"), 36000000);
    /* The stale copy conflicts. */
    as.upkeep = 100;
    assert_int_equal(db_asset_save(x->db, &x->ctx, &x->county, &as, &x->e), -1);
    assert_int_equal(x->e.code, ERR_CONFLICT);
    /* Income: distributed within the income, one record a year. */
    asset_income_init(&in);
    in.asset_id = as.id;
    in.year = 2025;
    in.income = 100000;
    in.to_village = 100001;
    assert_int_equal(db_asset_income_save(x->db, &x->ctx, &x->county, &in, &x->e), -1);
    in.to_village = 100000;
    assert_int_equal(db_asset_income_save(x->db, &x->ctx, &x->county, &in, &x->e), 0);
    in.id = 0;
    assert_int_equal(db_asset_income_save(x->db, &x->ctx, &x->county, &in, &x->e), -1);
    assert_int_equal(x->e.code, ERR_RULE);
    /* The list, by scope: township 2 sees nothing. */
    funds_filter_init(&f);
    assert_int_equal(db_asset_list(x->db, &x->ctx, &x->county, &f, &v, &n, &x->e), 0);
    assert_int_equal(n, 1);
    assert_int_equal(v[0].last_income, 100000);
    free(v);
    {
        struct actor other = helpers_actor(ROLE_TOWNSHIP);

        other.scope_id = x->town2;
        assert_int_equal(db_asset_list(x->db, &x->ctx, &other, &f, &v, &n, &x->e), 0);
        assert_int_equal(n, 0);
        free(v);
    }
    asset_income_clear(&in);
    asset_clear(&as);
    asset_clear(&b);
}

/* Deleting a mistaken entry: refused while something depends on it and
 * on a stale version; otherwise gone, with a "delete" audit row. */
static void
test_deletes(void **state)
{
    struct fixture *x = *state;
    int64_t fund = add_fund(x, "01", "1", 10000000);
    int64_t proj = add_project(x, "3", PS_PLANNED);
    int64_t pay_id;
    struct allocation a;
    struct proj_input in = {PA_START, D("2025-04-20"), DATE_NONE, DATE_NONE, NULL, NULL};
    struct project p;

    project_init(&p);
    assert_int_equal(db_project_get(x->db, proj, &p, &x->e), 0);
    assert_int_equal(db_project_act(x->db, &x->ctx, &x->county, proj, p.version, &in, &x->e), 0);
    project_clear(&p);
    assert_int_equal(allocate(x, fund, proj, 100000, &a), 0);
    assert_int_equal(pay(x, a.id, 100, 0), 0);
    pay_id = count(x, "SELECT id FROM payment");
    /* The receipt has an allocation, the allocation a payment. */
    assert_int_equal(db_fund_delete(x->db, &x->county, fund, 1, &x->e), -1);
    assert_int_equal(x->e.code, ERR_RULE);
    assert_int_equal(db_allocation_delete(x->db, &x->county, a.id, a.version, &x->e), -1);
    /* Township staff do not delete payments; a stale version conflicts. */
    assert_int_equal(db_payment_delete(x->db, &x->town, pay_id, 1, &x->e), -1);
    assert_int_equal(x->e.code, ERR_DENIED);
    assert_int_equal(db_payment_delete(x->db, &x->county, pay_id, 2, &x->e), -1);
    assert_int_equal(x->e.code, ERR_CONFLICT);
    assert_int_equal(db_payment_delete(x->db, &x->county, pay_id, 1, &x->e), 0);
    assert_int_equal(db_allocation_delete(x->db, &x->county, a.id, a.version, &x->e), 0);
    assert_int_equal(db_fund_delete(x->db, &x->county, fund, 1, &x->e), 0);
    assert_int_equal(count(x, "SELECT count(*) FROM fund"), 0);
    assert_int_equal(count(x, "SELECT count(*) FROM audit WHERE op = 'delete'"), 3);
    allocation_clear(&a);
}

/* A household NO of village VILLAGE (of TOWN), type TYPE. */
static void
add_household(struct fixture *x, const char *no, int64_t town, int64_t village, const char *type)
{
    struct household h;

    memset(&h, 0, sizeof(h));
    snprintf(h.hh_no, sizeof(h.hh_no), "%s", no);
    h.township_id = town;
    h.village_id = village;
    snprintf(h.hh_type, sizeof(h.hh_type), "%s", type);
    if (db_household_insert(x->db, "t", &h, 0, &x->e)) {
        fail_msg("household: %s", x->e.msg);
    }
}

static void
test_links(void **state)
{
    struct fixture *x = *state;
    int64_t p = add_project(x, "1", PS_PROPOSED);
    const char *poor = code_with_tag(&x->p.codes, "hh_type", "former_poor");
    struct linked_row *v;
    size_t n;
    int hh, fp, mon;

    assert_non_null(poor);
    add_household(x, "5199010010010001", x->town1, x->village1, poor);
    add_household(x, "5199010010010002", x->town1, x->village1, "9");
    add_household(x, "5199010020030001", x->town2, x->village2, poor);
    assert_int_equal(db_project_link(x->db, &x->county, p, "5199010010010001", 1, &x->e), 0);
    assert_int_equal(db_project_link(x->db, &x->village, p, "5199010010010002", 1, &x->e), 0);
    /* twice is once; a number that is not there; outside the actor's scope */
    assert_int_equal(db_project_link(x->db, &x->county, p, "5199010010010001", 1, &x->e), 0);
    assert_int_equal(db_project_link(x->db, &x->county, p, "5199019999999999", 1, &x->e), -1);
    assert_int_equal(x->e.code, ERR_NOTFOUND);
    assert_int_equal(db_project_link(x->db, &x->village, p, "5199010020030001", 1, &x->e), -1);
    assert_int_equal(db_project_link(x->db, &x->viewer, p, "5199010010010001", 0, &x->e), -1);
    assert_int_equal(db_project_linked(x->db, &x->p.codes, p, &hh, &fp, &mon, &x->e), 0);
    assert_int_equal(hh, 2);
    assert_int_equal(fp, 1);
    assert_int_equal(db_project_households(x->db, p, &v, &n, &x->e), 0);
    assert_int_equal(n, 2);
    assert_string_equal(v[0].hh_no, "5199010010010001");
    assert_string_equal(v[0].place, "红岩镇/白马村");
    free(v);
    assert_int_equal(count(x, "SELECT count(*) FROM audit WHERE tbl = 'project_household'"
                              " AND op = 'insert'"), 2);
    /* unlinking, audited */
    assert_int_equal(db_project_link(x->db, &x->county, p, "5199010010010001", 0, &x->e), 0);
    assert_int_equal(db_project_households(x->db, p, &v, &n, &x->e), 0);
    assert_int_equal(n, 1);
    assert_string_equal(v[0].hh_no, "5199010010010002");
    free(v);
    assert_int_equal(count(x, "SELECT count(*) FROM audit WHERE tbl = 'project_household'"
                              " AND op = 'delete' AND new = '5199010010010001'"), 1);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_fund_receipt, setup, teardown),
        cmocka_unit_test_setup_teardown(test_allocation_overdraw, setup, teardown),
        cmocka_unit_test_setup_teardown(test_allocation_needs_plan, setup, teardown),
        cmocka_unit_test_setup_teardown(test_payments, setup, teardown),
        cmocka_unit_test_setup_teardown(test_project_steps_audit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_project_scope, setup, teardown),
        cmocka_unit_test_setup_teardown(test_meter_sums_and_flags, setup, teardown),
        cmocka_unit_test_setup_teardown(test_publicity_rule_of_its_year, setup, teardown),
        cmocka_unit_test_setup_teardown(test_assets, setup, teardown),
        cmocka_unit_test_setup_teardown(test_workrelief_batch, setup, teardown),
        cmocka_unit_test_setup_teardown(test_deletes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_links, setup, teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
