/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_assess_src.c - the assessment data sources (db/db_assess_src.c) on
 * a small county with hand-known numbers: the registry of a township and
 * of a village (measures, development measures due, overdue steps, early
 * eliminations, visits, publicity; no one to count), a resident team's
 * attendance, absences and staffing month by month, a partner's targets,
 * and a township's funds (industry share of the 衔接资金, payment progress
 * against the milestone of the day, project publicity, late allocation
 * results, public-welfare assets with a maintainer); a source asked of
 * the wrong kind of unit, or unknown, is refused.
 */
#include "config.h"
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/assess.h"
#include "core/date.h"
#include "core/idno.h"
#include "db/db_assess_src.h"
#include "db/db_case.h"
#include "db/db_division.h"
#include "db/db_fund.h"
#include "db/db_household.h"
#include "db/db_pair.h"
#include "db/db_priv.h"
#include "db/db_record.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"

struct fixture {
    char *dir, *path;
    struct db *db;
    struct policy p;
    struct rule_ctx ctx;
    struct actor county, town;
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
    x->ctx.today = D("2026-11-22");
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
    x->town = helpers_actor(ROLE_TOWNSHIP);   /* scope: 红岩镇 */
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

/* Run SQL with ID bound (an old record the program would refuse now). */
static void
exec_id(struct fixture *x, const char *sql, int64_t id)
{
    sqlite3_stmt *st;

    assert_int_equal(sqlite3_prepare_v2(x->db->h, sql, -1, &st, NULL), SQLITE_OK);
    sqlite3_bind_int64(st, 1, id);
    assert_int_equal(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);
}

static const char *
code(struct fixture *x, const char *table, const char *tag)
{
    const char *c = code_with_tag(&x->p.codes, table, tag);

    assert_non_null(c);
    return c;
}

/* The input of SOURCE for the unit on CTX (NULL: the fixture's day);
 * fails the test when refused. */
static struct assess_input
input(struct fixture *x, const struct rule_ctx *ctx, const char *source,
      enum assess_unit_kind kind, int64_t id, int year)
{
    struct assess_input in;

    if (db_assess_input(x->db, ctx != NULL ? ctx : &x->ctx, source, kind, id, year, &in,
                        &x->e)) {
        fail_msg("%s: %s", source, x->e.msg);
    }
    return in;
}

/* VALUE and WHY of SOURCE. */
static void
expect(struct fixture *x, const struct rule_ctx *ctx, const char *source,
       enum assess_unit_kind kind, int64_t id, int year, int64_t value, const char *why)
{
    struct assess_input in = input(x, ctx, source, kind, id, year);

    if (in.value != value || strcmp(in.why, why) != 0) {
        fail_msg("%s %d: got %lld \"%s\", want %lld \"%s\"", source, year,
                 (long long)in.value, in.why, (long long)value, why);
    }
}

/* --- the registry --------------------------------------------------------- */

/* Store S as household NO of TOWN/VILLAGE: members, incomes, guarantees,
 * and its case with steps, measures and visits when it has one.  BUILD
 * shapes the snapshot once the household has its id. */
static void
store(struct fixture *x, int no, int64_t town, int64_t village,
      void (*build)(struct hh_snapshot *, void *), void *arg)
{
    struct hh_snapshot s;
    size_t i;

    memset(&s, 0, sizeof(s));
    helpers_household(&s, 0);
    snprintf(s.hh.hh_no, sizeof(s.hh.hh_no), "5199010010010%03d", no);
    s.hh.township_id = town;
    s.hh.village_id = village;
    if (db_household_insert(x->db, "t", &s.hh, 0, &x->e)) {
        fail_msg("household: %s", x->e.msg);
    }
    build(&s, arg);
    for (i = 0; i < s.nmembers; i++) {
        s.members[i].household_id = s.hh.id;
        snprintf(s.members[i].id_no + 14, 4, "%03u", (unsigned)((no * 4 + (int)i) % 1000));
        s.members[i].id_no[17] = idno_check_char(s.members[i].id_no);
        s.members[i].id_no[18] = '\0';
        if (db_person_insert(x->db, "t", &s.members[i], 0, &x->e)) {
            fail_msg("person: %s", x->e.msg);
        }
    }
    for (i = 0; i < s.nincomes; i++) {
        s.incomes[i].household_id = s.guarantees[i].household_id = s.hh.id;
        if (db_income_insert(x->db, "t", &s.incomes[i], 0, &x->e) ||
            db_guarantee_insert(x->db, "t", &s.guarantees[i], 0, &x->e)) {
            fail_msg("income: %s", x->e.msg);
        }
    }
    if (s.has_case) {
        s.mcase.household_id = s.hh.id;
        if (db_case_insert(x->db, "t", &s.mcase, 0, &x->e)) {
            fail_msg("case: %s", x->e.msg);
        }
    }
    for (i = 0; i < s.nsteps; i++) {
        s.steps[i].case_id = s.mcase.id;
        if (db_step_insert(x->db, &s.steps[i], &x->e)) {
            fail_msg("step: %s", x->e.msg);
        }
    }
    for (i = 0; i < s.nmeasures; i++) {
        s.measures[i].case_id = s.mcase.id;
        if (db_measure_insert(x->db, "t", &s.measures[i], 0, &x->e)) {
            fail_msg("measure: %s", x->e.msg);
        }
    }
    for (i = 0; i < s.nvisits; i++) {
        if (db_visit_insert(x->db, "t", &s.visits[i], 0, &x->e)) {
            fail_msg("visit: %s", x->e.msg);
        }
    }
    snapshot_free(&s);
}

/* Monitored since 2026-03-01 with a development measure and visits. */
static void
b_monitored(struct hh_snapshot *s, void *arg)
{
    helpers_monitored(s, D("2026-03-01"), "01", D("2026-11-22"));
}

/* ... without any measure before 2026-12-01. */
static void
b_no_measure(struct hh_snapshot *s, void *arg)
{
    b_monitored(s, arg);
    s->measures[0].start = D("2026-12-01");
}

/* ... not visited since the summer. */
static void
b_unvisited(struct hh_snapshot *s, void *arg)
{
    b_monitored(s, arg);
    while (s->nvisits > 0 && s->visits[s->nvisits - 1].visit_date > D("2026-08-01")) {
        visit_clear(&s->visits[--s->nvisits]);
    }
}

/* ... whose village publicity lasted 3 days. */
static void
b_short_publicity(struct hh_snapshot *s, void *arg)
{
    size_t i;

    b_monitored(s, arg);
    for (i = 0; i < s->nsteps; i++) {
        if (s->steps[i].pub_start != DATE_NONE) {
            s->steps[i].pub_end = s->steps[i].pub_start + 2;
        }
    }
}

/* A case verified on 2026-10-01 whose next step was due on 2026-10-10. */
static void
b_overdue(struct hh_snapshot *s, void *arg)
{
    size_t i;

    b_monitored(s, arg);
    for (i = 0; i < s->nsteps; i++) {
        case_step_clear(&s->steps[i]);
    }
    s->nsteps = s->nmeasures = 0;
    s->mcase.state = CS_VERIFIED;
    s->mcase.identified_on = DATE_NONE;
    s->mcase.clue_date = D("2026-10-01");
    s->mcase.deadline = D("2026-10-10");
}

/* Eliminated on 2026-06-01, three months after identification. */
static void
b_early(struct hh_snapshot *s, void *arg)
{
    b_monitored(s, arg);
    s->mcase.state = CS_ELIMINATED;
    s->mcase.elim_started = D("2026-05-10");
    s->mcase.eliminated_on = D("2026-06-01");
    snprintf(s->mcase.elim_method, sizeof(s->mcase.elim_method), "%s", (const char *)arg);
}

/* Eliminated on 2026-10-15, seven and a half months after identification. */
static void
b_eliminated(struct hh_snapshot *s, void *arg)
{
    b_early(s, arg);
    s->mcase.elim_started = D("2026-09-20");
    s->mcase.eliminated_on = D("2026-10-15");
}

/* Monitored since 2026-03-01, nobody can work, a health measure only. */
static void
b_no_labour(struct hh_snapshot *s, void *arg)
{
    size_t i;

    b_monitored(s, arg);
    for (i = 0; i < s->nmembers; i++) {
        snprintf(s->members[i].labour, sizeof(s->members[i].labour), "5");
        s->members[i].work_months = 0;
    }
    s->hh.no_labour_support = 1;
    snprintf(s->measures[0].category, sizeof(s->measures[0].category), "100A45");
}

/* Identified two days before the fixture's day, no measure yet. */
static void
b_recent(struct hh_snapshot *s, void *arg)
{
    helpers_monitored(s, D("2026-11-20"), "01", D("2026-11-22"));
    s->nmeasures = 0;
}

/* No case. */
static void
b_none(struct hh_snapshot *s, void *arg)
{
}

static void
registry(struct fixture *x)
{
    const char *natural = code_with_tag(&x->p.codes, "elim_method", "natural");

    store(x, 1, x->town1, x->village1, b_monitored, NULL);
    store(x, 2, x->town1, x->village1, b_short_publicity, NULL);
    store(x, 3, x->town1, x->village1, b_unvisited, NULL);
    store(x, 4, x->town1, x->village1, b_no_measure, NULL);
    store(x, 5, x->town1, x->village1, b_overdue, NULL);
    store(x, 6, x->town1, x->village1, b_early, (void *)(natural != NULL ? natural : ""));
    store(x, 7, x->town1, x->village1, b_none, NULL);
    store(x, 8, x->town2, x->village2, b_recent, NULL);
    store(x, 9, x->town1, x->village1, b_eliminated, (void *)(natural != NULL ? natural : ""));
    store(x, 10, x->town2, x->village2, b_no_labour, NULL);
}

static void
test_registry(void **state)
{
    struct fixture *x = *state;

    registry(x);
    /* households 1-4 monitored, 4 without a measure yet */
    expect(x, NULL, "measures_coverage", AU_TOWNSHIP, x->town1, 2026, 7500,
           "4 monitored households, 3 with assistance measures (75.00%)");
    expect(x, NULL, "measures_coverage", AU_VILLAGE, x->village1, 2026, 7500,
           "4 monitored households, 3 with assistance measures (75.00%)");
    /* all four can work; 4 has no development measure 30 days on */
    expect(x, NULL, "dev_measure_labour", AU_TOWNSHIP, x->town1, 2026, 7500,
           "4 monitored households with labour and a development measure due, 3 with one (75.00%)");
    expect(x, NULL, "overdue_cases", AU_TOWNSHIP, x->town1, 2026, 1,
           "1 households with a procedure step overdue");
    /* 6 after three months, 9 after seven and a half */
    expect(x, NULL, "early_eliminations", AU_TOWNSHIP, x->town1, 2026, 1,
           "2 households eliminated in the year, 1 of them too soon after identification");
    expect(x, NULL, "visits_on_time", AU_TOWNSHIP, x->town1, 2026, 7500,
           "4 monitored households, 3 visited on time (75.00%)");
    /* 1-4, 6 and 9 publicized in 2026 (February), 2 too short */
    expect(x, NULL, "publicity_compliance", AU_TOWNSHIP, x->town1, 2026, 8333,
           "6 households publicized in the year, 5 with every publicity long enough (83.33%)");

    /* 2025: nobody was monitored yet */
    expect(x, NULL, "measures_coverage", AU_TOWNSHIP, x->town1, 2025, 10000,
           "no monitored household, taken as 100.00%");
    expect(x, NULL, "early_eliminations", AU_TOWNSHIP, x->town1, 2025, 0,
           "0 households eliminated in the year, 0 of them too soon after identification");
    expect(x, NULL, "publicity_compliance", AU_TOWNSHIP, x->town1, 2025, 10000,
           "no household publicized in the year, taken as 100.00%");
    /* judged on 2026-09-30, household 5's clue had not come in */
    {
        struct rule_ctx c = x->ctx;

        c.today = D("2026-09-30");
        expect(x, &c, "overdue_cases", AU_TOWNSHIP, x->town1, 2026, 0,
               "0 households with a procedure step overdue");
        /* ... and household 9 was still monitored */
        expect(x, &c, "measures_coverage", AU_TOWNSHIP, x->town1, 2026, 8000,
               "5 monitored households, 4 with assistance measures (80.00%)");
    }

    /* 石门乡: one household identified two days ago, no measure yet, not
     * yet due a development measure; one that cannot work, with a health
     * measure */
    expect(x, NULL, "measures_coverage", AU_VILLAGE, x->village2, 2026, 5000,
           "2 monitored households, 1 with assistance measures (50.00%)");
    expect(x, NULL, "dev_measure_labour", AU_TOWNSHIP, x->town2, 2026, 10000,
           "no monitored household with labour due a development measure, taken as 100.00%");
}

/* Identified on 2025-12-20 (able to work), no measure yet. */
static void
b_december(struct hh_snapshot *s, void *arg)
{
    helpers_monitored(s, D("2025-12-20"), "01", D("2026-01-05"));
    s->nmeasures = 0;
}

/* A development measure is due by the rules in force on the day of
 * identification, as MS01 judges it (issue 17 2.4): a household
 * identified in December 2025 under 2025's 30 days is not yet due on
 * 2026-01-05, though 2026's rules would give 10 days. */
static void
test_dev_measure_rules_of_identification(void **state)
{
    struct fixture *x = *state;
    struct rule_ctx c = x->ctx;

    helpers_rules_from(&x->p, 2026)->dev_measure_days = 10;
    assert_int_equal(rules_in_force(&x->ctx, 2025)->dev_measure_days, 30);
    assert_int_equal(rules_in_force(&x->ctx, 2026)->dev_measure_days, 10);
    store(x, 11, x->town1, x->village1, b_december, NULL);
    c.today = D("2026-01-05");
    expect(x, &c, "dev_measure_labour", AU_TOWNSHIP, x->town1, 2026, 10000,
           "no monitored household with labour due a development measure, taken as 100.00%");
    /* due after 2025's 30 days */
    c.today = D("2026-01-25");
    expect(x, &c, "dev_measure_labour", AU_TOWNSHIP, x->town1, 2026, 0,
           "1 monitored households with labour and a development measure due, 0 with one (0.00%)");
}

/* --- refusals ------------------------------------------------------------- */

/* The batch gives what one call per source gives, registry and funds
 * mixed; a wrong source in the batch fails it. */
static void
test_batch(void **state)
{
    struct fixture *x = *state;
    static const char *const srcs[] = {
        "measures_coverage", "industry_share", "overdue_cases", "publicity_compliance",
        "visits_on_time", "dev_measure_labour", "early_eliminations",
    };
    struct assess_input batch[7], one;
    size_t i;

    registry(x);
    assert_int_equal(db_assess_inputs(x->db, &x->ctx, AU_TOWNSHIP, x->town1, 2026, srcs, 7,
                                      batch, &x->e), 0);
    for (i = 0; i < 7; i++) {
        assert_int_equal(db_assess_input(x->db, &x->ctx, srcs[i], AU_TOWNSHIP, x->town1, 2026,
                                         &one, &x->e), 0);
        assert_int_equal(batch[i].value, one.value);
        assert_int_equal(batch[i].den, one.den);
        assert_string_equal(batch[i].why, one.why);
    }
    assert_int_equal(batch[0].value, 7500);
    {
        static const char *const bad[] = {"measures_coverage", "team_absences"};

        assert_int_equal(db_assess_inputs(x->db, &x->ctx, AU_TOWNSHIP, x->town1, 2026, bad, 2,
                                          batch, &x->e), -1);
        assert_int_equal(x->e.code, ERR_INVALID);
    }
}

/* Every unit of a round in one pass over the households with a case
 * gives what each unit alone gives: townships and villages, each
 * household counted in its own unit only. */
static void
test_units_one_pass(void **state)
{
    struct fixture *x = *state;
    static const char *const srcs[] = {"measures_coverage", "overdue_cases",
                                       "industry_share"};
    const int64_t towns[] = {x->town2, x->town1}, villages[] = {x->village1, x->village2};
    struct assess_input all[2 * 3], one;
    size_t u, i;

    registry(x);
    assert_int_equal(db_assess_inputs_units(x->db, &x->ctx, AU_TOWNSHIP, towns, 2, 2026,
                                            srcs, 3, all, &x->e),
                     0);
    for (u = 0; u < 2; u++) {
        for (i = 0; i < 3; i++) {
            assert_int_equal(db_assess_input(x->db, &x->ctx, srcs[i], AU_TOWNSHIP,
                                             towns[u], 2026, &one, &x->e),
                             0);
            assert_int_equal(all[u * 3 + i].value, one.value);
            assert_string_equal(all[u * 3 + i].why, one.why);
        }
    }
    assert_string_equal(all[3].why,
                        "4 monitored households, 3 with assistance measures (75.00%)");
    assert_string_equal(all[0].why,
                        "2 monitored households, 1 with assistance measures (50.00%)");
    assert_int_equal(db_assess_inputs_units(x->db, &x->ctx, AU_VILLAGE, villages, 2, 2026,
                                            srcs, 2, all, &x->e),
                     0);
    assert_string_equal(all[0].why,
                        "4 monitored households, 3 with assistance measures (75.00%)");
    assert_int_equal(all[1].value, 1);
    assert_string_equal(all[2].why,
                        "2 monitored households, 1 with assistance measures (50.00%)");
    assert_int_equal(all[3].value, 0);
}

static void
test_wrong_kind(void **state)
{
    struct fixture *x = *state;
    struct assess_input in;
    enum assess_unit_kind k;

    assert_int_equal(db_assess_input(x->db, &x->ctx, "team_absences", AU_TOWNSHIP, x->town1,
                                     2026, &in, &x->e), -1);
    assert_int_equal(x->e.code, ERR_INVALID);
    assert_non_null(strstr(x->e.msg, "team_absences"));
    assert_int_equal(db_assess_input(x->db, &x->ctx, "industry_share", AU_VILLAGE, x->village1,
                                     2026, &in, &x->e), -1);
    assert_int_equal(x->e.code, ERR_INVALID);
    assert_int_equal(db_assess_input(x->db, &x->ctx, "measures_coverage", AU_TEAM, 1,
                                     2026, &in, &x->e), -1);
    assert_int_equal(x->e.code, ERR_INVALID);
    assert_int_equal(db_assess_input(x->db, &x->ctx, "partner_target_rate", AU_TOWNSHIP,
                                     x->town1, 2026, &in, &x->e), -1);
    assert_int_equal(db_assess_input(x->db, &x->ctx, "no_such_source", AU_TOWNSHIP, x->town1,
                                     2026, &in, &x->e), -1);
    assert_int_equal(x->e.code, ERR_INVALID);
    assert_non_null(strstr(x->e.msg, "no_such_source"));
    /* every source of the list is known: some kind of unit takes it */
    {
        size_t i;
        int u;

        for (i = 0; assess_sources[i] != NULL; i++) {
            int known = 0;

            for (u = AU_TOWNSHIP; u <= AU_PARTNER; u++) {
                known |= db_assess_input(x->db, &x->ctx, assess_sources[i],
                                         (enum assess_unit_kind)u, x->town1, 2026, &in,
                                         &x->e) == 0 || x->e.code != ERR_INVALID;
            }
            if (!known) {
                fail_msg("%s: %s", assess_sources[i], x->e.msg);
            }
        }
    }
    assert_string_equal(assess_unit_name(AU_PARTNER), "partner");
    assert_int_equal(assess_unit_parse("village", &k), 0);
    assert_int_equal(k, AU_VILLAGE);
    assert_int_equal(assess_unit_parse("county", &k), -1);
}

/* --- resident teams ------------------------------------------------------- */

static int64_t
add_team(struct fixture *x)
{
    struct team t;

    team_init(&t);
    t.township_id = x->town1;
    t.village_id = x->village1;
    snprintf(t.name, sizeof(t.name), "驻白马村工作队");
    t.term_start = D("2025-01-01");
    t.term_end = D("2026-12-31");
    if (db_team_save(x->db, &x->ctx, &x->town, &t, &x->e)) {
        fail_msg("team: %s", x->e.msg);
    }
    return t.id;
}

static int64_t
add_member(struct fixture *x, int64_t team, const char *name, const char *role,
           const char *start, const char *end)
{
    struct team_member m;
    int64_t id;

    team_member_init(&m);
    m.team_id = team;
    snprintf(m.name, sizeof(m.name), "%s", name);
    snprintf(m.role, sizeof(m.role), "%s", code(x, "team_role", role));
    snprintf(m.unit, sizeof(m.unit), "四川省农业农村厅");
    snprintf(m.unit_level, sizeof(m.unit_level), "%s", code(x, "unit_level", "provincial"));
    m.start = D(start);
    m.end = end != NULL ? D(end) : DATE_NONE;
    if (end != NULL) {
        snprintf(m.end_reason, sizeof(m.end_reason), "%s", code(x, "member_end", "promoted"));
    }
    if (db_member_save(x->db, &x->ctx, &x->town, &m, &x->e)) {
        fail_msg("member %s: %s", name, x->e.msg);
    }
    id = m.id;
    team_member_clear(&m);
    return id;
}

static void
add_attendance(struct fixture *x, int64_t member, const char *month, int present, int absent)
{
    struct attendance a;
    int m;

    attendance_init(&a);
    a.member_id = member;
    assert_int_equal(month_parse(month, &m), DATE_OK);
    a.month = m;
    a.present = present;
    a.absent = absent;
    if (db_attendance_save(x->db, &x->ctx, &x->town, &a, &x->e)) {
        fail_msg("attendance %s: %s", month, x->e.msg);
    }
    attendance_clear(&a);
}

static void
test_team(void **state)
{
    struct fixture *x = *state;
    int64_t team = add_team(x), zhao, sun, qian;

    /* 2025: 李明, 赵强 and 周敏 (to June): January to June staffed */
    add_member(x, team, "李明", "secretary", "2025-01-01", "2026-06-30");
    zhao = add_member(x, team, "赵强", "member", "2025-01-01", NULL);
    add_member(x, team, "周敏", "member", "2025-01-01", "2025-06-30");
    /* 2026: 孙丽 from April (staffed April to June), 钱进 from July but no
     * 第一书记 until 王刚 in September (staffed September to November) */
    sun = add_member(x, team, "孙丽", "member", "2026-04-10", NULL);
    qian = add_member(x, team, "钱进", "member", "2026-07-01", NULL);
    add_member(x, team, "王刚", "secretary", "2026-09-01", NULL);

    add_attendance(x, zhao, "2025-05", 20, 1);
    add_attendance(x, zhao, "2026-09", 22, 0);
    add_attendance(x, sun, "2026-09", 21, 0);
    add_attendance(x, qian, "2026-10", 19, 2);     /* breaks the rule */

    expect(x, NULL, "team_attendance_rate", AU_TEAM, team, 2026, 6666,
           "3 member-months of attendance, 2 keeping the rule (66.66%)");
    expect(x, NULL, "team_absences", AU_TEAM, team, 2026, 2,
           "3 member-months recorded, 2 days absent without leave");
    expect(x, NULL, "team_absences", AU_TEAM, team, 2025, 1,
           "1 member-months recorded, 1 days absent without leave");
    expect(x, NULL, "team_staffing", AU_TEAM, team, 2026, 5454,
           "11 months of the term in the year, 6 with a first secretary and at least 3 members serving (54.54%)");
    expect(x, NULL, "team_staffing", AU_TEAM, team, 2025, 5000,
           "12 months of the term in the year, 6 with a first secretary and at least 3 members serving (50.00%)");
    expect(x, NULL, "team_staffing", AU_TEAM, team, 2024, 10000,
           "no month of the team's term in the year, taken as 100.00%");
    expect(x, NULL, "team_attendance_rate", AU_TEAM, team, 2024, 10000,
           "no attendance recorded in the year, taken as 100.00%");
    /* judged on 2026-09-30, October's record is not yet counted */
    {
        struct rule_ctx c = x->ctx;

        c.today = D("2026-09-30");
        expect(x, &c, "team_attendance_rate", AU_TEAM, team, 2026, 10000,
               "2 member-months of attendance, 2 keeping the rule (100.00%)");
    }
}

/* --- partners ------------------------------------------------------------- */

static int64_t
add_partner(struct fixture *x)
{
    struct partner p;
    int64_t id;

    partner_init(&p);
    snprintf(p.kind, sizeof(p.kind), "%s", code(x, "partner_kind", "eastwest"));
    snprintf(p.level, sizeof(p.level), "%s", code(x, "partner_level", "county"));
    snprintf(p.name, sizeof(p.name), "浙江省湖州市吴兴区");
    if (db_partner_save(x->db, &x->ctx, &x->county, &p, &x->e)) {
        fail_msg("partner: %s", x->e.msg);
    }
    id = p.id;
    partner_clear(&p);
    return id;
}

static void
agree(struct fixture *x, int64_t partner, int year, int64_t aid, int64_t persons)
{
    struct agreement_full f;

    memset(&f, 0, sizeof(f));
    agreement_init(&f.a);
    f.a.partner_id = partner;
    f.a.year = year;
    snprintf(f.a.doc_no, sizeof(f.a.doc_no), "湖吴协〔%d〕1号", year);
    f.nt = 2;
    f.t = calloc(2, sizeof(*f.t));
    snprintf(f.t[0].indicator, sizeof(f.t[0].indicator), "%s", code(x, "pair_indicator", "aid"));
    f.t[0].value = aid;
    snprintf(f.t[1].indicator, sizeof(f.t[1].indicator), "%s",
             code(x, "pair_indicator", "persons"));
    f.t[1].value = persons;
    if (db_agreement_save(x->db, &x->ctx, &x->county, &f, &x->e)) {
        fail_msg("agreement: %s", x->e.msg);
    }
    agreement_full_clear(&f);
}

static void
arrive(struct fixture *x, int64_t partner, const char *tag, const char *day, int64_t v)
{
    struct pair_record r;

    pair_record_init(&r);
    r.partner_id = partner;
    snprintf(r.indicator, sizeof(r.indicator), "%s", code(x, "pair_indicator", tag));
    r.day = D(day);
    r.value = v;
    snprintf(r.evidence, sizeof(r.evidence), "湖吴协〔%d〕%lld号", date_year(r.day),
             (long long)(v % 100));
    if (db_pair_record_save(x->db, &x->ctx, &x->county, &r, &x->e)) {
        fail_msg("record: %s", x->e.msg);
    }
    pair_record_clear(&r);
}

static void
test_partner(void **state)
{
    struct fixture *x = *state;
    int64_t partner = add_partner(x);

    /* 2025 is over: the aid met, the persons one short */
    agree(x, partner, 2025, 500000000, 300);
    arrive(x, partner, "aid", "2025-04-10", 600000000);
    arrive(x, partner, "persons", "2025-08-01", 299);
    arrive(x, partner, "items", "2025-10-01", 2);        /* without a target */
    expect(x, NULL, "partner_target_rate", AU_PARTNER, partner, 2025, 5000,
           "2 targets of the year, 1 met or on pace (50.00%)");
    /* 2026 runs: the aid on pace on 2026-11-22, the persons behind */
    agree(x, partner, 2026, 1200, 100);
    arrive(x, partner, "aid", "2026-03-01", 1100);
    expect(x, NULL, "partner_target_rate", AU_PARTNER, partner, 2026, 5000,
           "2 targets of the year, 1 met or on pace (50.00%)");
    expect(x, NULL, "partner_target_rate", AU_PARTNER, partner, 2024, 10000,
           "no target agreed for the year, taken as 100.00%");
}

/* --- funds ------------------------------------------------------------------ */

static int64_t
add_fund(struct fixture *x, const char *type, int64_t fen)
{
    struct fund f;
    int64_t id;

    fund_init(&f);
    f.year = 2025;
    snprintf(f.level, sizeof(f.level), "1");
    snprintf(f.fund_type, sizeof(f.fund_type), "%s", type);
    snprintf(f.doc_no, sizeof(f.doc_no), "川财农〔2025〕%lld号", (long long)fen % 97);
    f.amount = fen;
    f.received_on = D("2025-02-10");
    if (db_fund_save(x->db, &x->ctx, &x->county, &f, &x->e)) {
        fail_msg("fund: %s", x->e.msg);
    }
    id = f.id;
    fund_clear(&f);
    return id;
}

/* A project of TYPE in TOWN/VILLAGE taken through to implementation. */
static int64_t
add_project(struct fixture *x, const char *type, int64_t town, int64_t village)
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
    };
    struct project p;
    int64_t id;
    size_t i;

    project_init(&p);
    snprintf(p.name, sizeof(p.name), "项目%s", type);
    p.year = 2025;
    snprintf(p.ptype, sizeof(p.ptype), "%s", type);
    p.township_id = town;
    p.village_id = village;
    p.budget = 200000000;
    p.hh_benefit = 40;
    p.persons_benefit = 120;
    p.linking = strdup("务工带动");
    p.targets = strdup("硬化道路3公里");
    if (db_project_create(x->db, &x->ctx, &x->county, &p, D("2025-03-01"), "村民代表大会", &x->e)) {
        fail_msg("project: %s", x->e.msg);
    }
    id = p.id;
    for (i = 0; i < sizeof(path) / sizeof(path[0]); i++) {
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
    project_clear(&p);
    return id;
}

static int64_t
allocate(struct fixture *x, int64_t fund, int64_t project, int64_t fen, const char *published)
{
    struct allocation a;
    int64_t id;

    allocation_init(&a);
    a.fund_id = fund;
    a.project_id = project;
    a.amount = fen;
    a.alloc_date = D("2025-04-10");
    snprintf(a.doc_no, sizeof(a.doc_no), "青财〔2025〕%lld号", (long long)(fen % 89));
    a.published_on = published != NULL ? D(published) : DATE_NONE;
    if (db_allocation_save(x->db, &x->ctx, &x->county, &a, &x->e)) {
        fail_msg("allocation: %s", x->e.msg);
    }
    id = a.id;
    allocation_clear(&a);
    return id;
}

static void
pay(struct fixture *x, int64_t alloc, int64_t fen)
{
    struct payment p;

    payment_init(&p);
    p.allocation_id = alloc;
    p.amount = fen;
    p.pay_date = D("2025-05-01");
    snprintf(p.payee, sizeof(p.payee), "青山建筑公司");
    snprintf(p.voucher_no, sizeof(p.voucher_no), "记-0501");
    if (db_payment_save(x->db, &x->ctx, &x->county, &p, &x->e)) {
        fail_msg("payment: %s", x->e.msg);
    }
    payment_clear(&p);
}

static int64_t
add_asset(struct fixture *x, const char *aclass, const char *atype, int year, int64_t town,
          int64_t village)
{
    struct asset as;
    int64_t id;

    asset_init(&as);
    snprintf(as.name, sizeof(as.name), "资产%s", atype);
    snprintf(as.aclass, sizeof(as.aclass), "%s", aclass);
    snprintf(as.atype, sizeof(as.atype), "%s", atype);
    as.year = year;
    as.township_id = town;
    as.village_id = village;
    strcpy(as.owner_level, "3");
    strcpy(as.status, "1");
    strcpy(as.maintainer, "村民委员会");
    as.nsrc = 1;
    strcpy(as.src[0].fund_type, "01");
    as.src[0].amount = 30000000;
    if (db_asset_save(x->db, &x->ctx, &x->county, &as, &x->e)) {
        fail_msg("asset: %s", x->e.msg);
    }
    id = as.id;
    asset_clear(&as);
    return id;
}

static void
funds(struct fixture *x)
{
    int64_t xj = add_fund(x, code(x, "fund_type", "xianjie"), 200000000);
    int64_t wr = add_fund(x, code(x, "fund_type", "workrelief"), 50000000);
    int64_t ind = add_project(x, "1", x->town1, x->village1);
    int64_t road = add_project(x, "3", x->town1, x->village1);
    int64_t other = add_project(x, "1", x->town2, x->village2);
    const char *nomaint = "UPDATE asset SET maintainer = NULL WHERE id = ?";
    int64_t a;

    /* 红岩镇: 衔接资金 60 + 40 (industry 60), 以工代赈 10; 30 paid */
    a = allocate(x, xj, ind, 60000000, "2025-04-15");    /* published in time */
    pay(x, a, 30000000);
    allocate(x, xj, road, 40000000, "2025-06-20");       /* late */
    allocate(x, wr, road, 10000000, NULL);               /* overdue */
    /* 石门乡: not counted */
    allocate(x, xj, other, 5000000, NULL);
    /* the road's history has a one-day publicity (an old record) */
    exec_id(x, "INSERT INTO project_step (project_id, action, from_state, to_state, actor, "
               "at, step_date, pub_start, pub_end) SELECT project_id, action, from_state, "
               "to_state, actor, at, step_date, pub_start, pub_start FROM project_step "
               "WHERE project_id = ?1 AND pub_start IS NOT NULL ORDER BY id LIMIT 1", road);
    /* public-welfare assets: one with a maintainer, one without (an old
     * record), an operating asset, one of 2026, one of 石门乡 and one
     * disposed of */
    add_asset(x, "1", "11", 2025, x->town1, x->village1);
    exec_id(x, nomaint, add_asset(x, "1", "13", 2024, x->town1, x->village1));
    add_asset(x, "2", "21", 2025, x->town1, x->village1);
    exec_id(x, nomaint, add_asset(x, "1", "12", 2026, x->town1, x->village1));
    exec_id(x, nomaint, add_asset(x, "1", "14", 2025, x->town2, x->village2));
    /* one disposed of, without a maintainer since */
    exec_id(x, "UPDATE asset SET maintainer = NULL, status = '4' WHERE id = ?",
            add_asset(x, "1", "15", 2024, x->town1, x->village1));
}

static void
test_funds(void **state)
{
    struct fixture *x = *state;
    struct rule_ctx june = x->ctx, may = x->ctx;
    struct assess_input in;

    funds(x);
    june.today = D("2025-06-30");
    may.today = D("2025-05-15");
    expect(x, NULL, "industry_share", AU_TOWNSHIP, x->town1, 2025, 6000,
           "1,000,000.00 yuan of xianjie funds allocated to the township's projects, "
           "600,000.00 yuan to industry projects (60.00%)");
    expect(x, NULL, "industry_share", AU_TOWNSHIP, x->town1, 2026, 10000,
           "no xianjie funds allocated to the township's projects, taken as 100.00%");
    /* 300,000 paid of 1,100,000: against 40% on 2025-06-30, 100% at the end */
    expect(x, &june, "payment_progress", AU_TOWNSHIP, x->town1, 2025, 6818,
           "1,100,000.00 yuan allocated, 300,000.00 yuan paid; the milestone in force on "
           "2025-06-30 asks for 40.00%, 440,000.00 yuan (68.18%)");
    expect(x, NULL, "payment_progress", AU_TOWNSHIP, x->town1, 2025, 2727,
           "1,100,000.00 yuan allocated, 300,000.00 yuan paid; the milestone in force on "
           "2025-12-31 asks for 100.00%, 1,100,000.00 yuan (27.27%)");
    expect(x, &may, "payment_progress", AU_TOWNSHIP, x->town1, 2025, 10000,
           "1,100,000.00 yuan allocated, 300,000.00 yuan paid; no payment milestone due by "
           "2025-05-15, taken as 100.00%");
    /* 石门乡 paid nothing yet; nothing paid beyond the milestone counts more than 100% */
    expect(x, &june, "payment_progress", AU_TOWNSHIP, x->town2, 2025, 0,
           "50,000.00 yuan allocated, 0.00 yuan paid; the milestone in force on "
           "2025-06-30 asks for 40.00%, 20,000.00 yuan (0.00%)");
    in = input(x, &june, "payment_progress", AU_TOWNSHIP, x->town1, 2025);
    assert_int_equal(in.num, 30000000);
    assert_int_equal(in.den, 44000000);
    assert_true(in.is_rate);
    expect(x, NULL, "project_publicity_on_time", AU_TOWNSHIP, x->town1, 2025, 5000,
           "2 projects of the year, 1 with every publicity long enough (50.00%)");
    expect(x, NULL, "alloc_results_late", AU_TOWNSHIP, x->town1, 2025, 2,
           "3 allocations to the township's projects, 2 results published late or overdue");
    in = input(x, NULL, "alloc_results_late", AU_TOWNSHIP, x->town1, 2025);
    assert_false(in.is_rate);
    expect(x, NULL, "asset_maintainer_rate", AU_TOWNSHIP, x->town1, 2025, 5000,
           "2 public-welfare assets, 1 with a maintainer (50.00%)");
    expect(x, NULL, "asset_maintainer_rate", AU_TOWNSHIP, x->town1, 2023, 10000,
           "no public-welfare asset, taken as 100.00%");
}

/* An allocation result not yet due is not late. */
static void
test_alloc_pending(void **state)
{
    struct fixture *x = *state;
    int64_t xj = add_fund(x, code(x, "fund_type", "xianjie"), 100000000);
    int64_t p = add_project(x, "1", x->town1, x->village1);
    struct allocation a;

    allocate(x, xj, p, 10000000, NULL);
    allocation_init(&a);
    a.fund_id = xj;
    a.project_id = p;
    a.amount = 20000000;
    a.alloc_date = D("2025-12-20");
    snprintf(a.doc_no, sizeof(a.doc_no), "青财〔2025〕99号");
    if (db_allocation_save(x->db, &x->ctx, &x->county, &a, &x->e)) {
        fail_msg("allocation: %s", x->e.msg);
    }
    allocation_clear(&a);
    expect(x, NULL, "alloc_results_late", AU_TOWNSHIP, x->town1, 2025, 1,
           "2 allocations to the township's projects, 1 results published late or overdue");
}

/* The 100% cap: more paid than the milestone asks. */
static void
test_payment_cap(void **state)
{
    struct fixture *x = *state;
    int64_t xj = add_fund(x, code(x, "fund_type", "xianjie"), 100000000);
    int64_t p = add_project(x, "1", x->town1, x->village1);
    struct rule_ctx june = x->ctx;
    struct assess_input in;

    pay(x, allocate(x, xj, p, 10000000, NULL), 8000000);
    june.today = D("2025-06-30");
    in = input(x, &june, "payment_progress", AU_TOWNSHIP, x->town1, 2025);
    assert_int_equal(in.value, 10000);
    assert_int_equal(in.num, 8000000);
    assert_int_equal(in.den, 4000000);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_registry, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dev_measure_rules_of_identification, setup, teardown),
        cmocka_unit_test_setup_teardown(test_batch, setup, teardown),
        cmocka_unit_test_setup_teardown(test_units_one_pass, setup, teardown),
        cmocka_unit_test_setup_teardown(test_wrong_kind, setup, teardown),
        cmocka_unit_test_setup_teardown(test_team, setup, teardown),
        cmocka_unit_test_setup_teardown(test_partner, setup, teardown),
        cmocka_unit_test_setup_teardown(test_funds, setup, teardown),
        cmocka_unit_test_setup_teardown(test_alloc_pending, setup, teardown),
        cmocka_unit_test_setup_teardown(test_payment_cap, setup, teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
