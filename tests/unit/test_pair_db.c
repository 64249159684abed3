/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_pair_db.c - the paired-assistance records in a temporary database
 * (db/db_pair.c): partners (one name once, county only), an agreement
 * with its targets saved, changed and dropped target by target (each
 * audited), one agreement a partner a year, records by the county and by
 * a township within its own township, targets against actuals from the
 * records, teams with members within the term and one 第一书记 at a time,
 * attendance within the member's service and once a month with the rule
 * judged, grades capped by the absences, versions and conflicts, and
 * deletes refused while something depends on the record.
 */
#include "config.h"
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "db/db_division.h"
#include "db/db_pair.h"
#include "db/db_priv.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"

struct fixture {
    char *dir, *path;
    struct db *db;
    struct policy p;
    struct rule_ctx ctx;
    struct actor county, town, viewer;
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

static const char *
code(struct fixture *x, const char *table, const char *tag)
{
    const char *c = code_with_tag(&x->p.codes, table, tag);

    assert_non_null(c);
    return c;
}

static int64_t
add_partner(struct fixture *x, const char *name)
{
    struct partner p;

    partner_init(&p);
    snprintf(p.kind, sizeof(p.kind), "%s", code(x, "partner_kind", "eastwest"));
    snprintf(p.level, sizeof(p.level), "%s", code(x, "partner_level", "county"));
    snprintf(p.name, sizeof(p.name), "%s", name);
    snprintf(p.region, sizeof(p.region), "浙江省湖州市");
    if (db_partner_save(x->db, &x->ctx, &x->county, &p, &x->e)) {
        fail_msg("partner: %s", x->e.msg);
    }
    return p.id;
}

static void
set_target(struct agreement_full *f, size_t i, const char *indicator, int64_t v)
{
    snprintf(f->t[i].indicator, sizeof(f->t[i].indicator), "%s", indicator);
    f->t[i].value = v;
}

static int
add_record(struct fixture *x, const struct actor *a, int64_t partner, const char *ind,
           const char *day, int64_t v, int64_t town, int64_t village)
{
    struct pair_record r;

    pair_record_init(&r);
    r.partner_id = partner;
    snprintf(r.indicator, sizeof(r.indicator), "%s", ind);
    r.day = D(day);
    r.value = v;
    snprintf(r.evidence, sizeof(r.evidence), "湖吴协〔%d〕%lld号", date_year(r.day),
             (long long)(v % 100));
    r.township_id = town;
    r.village_id = village;
    return db_pair_record_save(x->db, &x->ctx, a, &r, &x->e);
}

static const struct progress_row *
find_row(const struct progress_row *v, size_t n, const char *ind)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (strcmp(v[i].indicator, ind) == 0) {
            return &v[i];
        }
    }
    fail_msg("no progress row for %s", ind);
    return NULL;
}

static void
test_partners(void **state)
{
    struct fixture *x = *state;
    struct partner p, stale;
    int64_t id = add_partner(x, "浙江省湖州市吴兴区");

    /* the same name again is refused */
    partner_init(&p);
    snprintf(p.kind, sizeof(p.kind), "%s", code(x, "partner_kind", "eastwest"));
    snprintf(p.level, sizeof(p.level), "%s", code(x, "partner_level", "county"));
    snprintf(p.name, sizeof(p.name), "浙江省湖州市吴兴区");
    assert_int_equal(db_partner_save(x->db, &x->ctx, &x->county, &p, &x->e), -1);
    assert_int_equal(x->e.code, ERR_RULE);
    assert_int_equal(p.id, 0);
    /* the township may not keep partners */
    snprintf(p.name, sizeof(p.name), "中国农业发展银行");
    assert_int_equal(db_partner_save(x->db, &x->ctx, &x->town, &p, &x->e), -1);
    assert_int_equal(x->e.code, ERR_DENIED);
    assert_int_equal(count(x, "SELECT count(*) FROM partner"), 1);
    assert_int_equal(count(x, "SELECT count(*) FROM audit WHERE tbl = 'partner' AND op = 'insert'"), 1);
    /* two edits from the same version: the second is a conflict */
    partner_init(&p);
    partner_init(&stale);
    assert_int_equal(db_partner_get(x->db, id, &p, &x->e), 0);
    assert_int_equal(db_partner_get(x->db, id, &stale, &x->e), 0);
    snprintf(p.contact, sizeof(p.contact), "王芳");
    assert_int_equal(db_partner_save(x->db, &x->ctx, &x->county, &p, &x->e), 0);
    snprintf(stale.contact, sizeof(stale.contact), "张伟");
    assert_int_equal(db_partner_save(x->db, &x->ctx, &x->county, &stale, &x->e), -1);
    assert_int_equal(x->e.code, ERR_CONFLICT);
    assert_int_equal(count(x, "SELECT count(*) FROM partner WHERE contact = '王芳'"), 1);
    assert_int_equal(count(x, "SELECT count(*) FROM audit WHERE tbl = 'partner' AND op = 'update'"
                              " AND field = 'contact' AND new = '王芳'"), 1);
    partner_clear(&p);
    partner_clear(&stale);
    assert_int_equal(db_partner_find(x->db, "浙江省湖州市吴兴区", &id, &x->e), 0);
    assert_int_equal(db_partner_find(x->db, "无此单位", &id, &x->e), -1);
}

static void
test_agreement_and_progress(void **state)
{
    struct fixture *x = *state;
    int64_t partner = add_partner(x, "浙江省湖州市吴兴区");
    const char *aid = code(x, "pair_indicator", "aid");
    const char *persons = code(x, "pair_indicator", "persons");
    const char *items = code(x, "pair_indicator", "items");
    struct agreement_full f, again;
    struct progress_row *v;
    const struct progress_row *r;
    struct partner_row *pr;
    size_t n;
    int64_t id;

    memset(&f, 0, sizeof(f));
    agreement_init(&f.a);
    f.a.partner_id = partner;
    f.a.year = 2025;
    snprintf(f.a.doc_no, sizeof(f.a.doc_no), "湖吴协〔2025〕1号");
    f.nt = 3;
    f.t = calloc(3, sizeof(*f.t));
    set_target(&f, 0, aid, 500000000);     /* 5,000,000.00 yuan */
    set_target(&f, 1, persons, 300);
    set_target(&f, 2, items, 0);           /* 0: no target */
    assert_int_equal(db_agreement_save(x->db, &x->ctx, &x->county, &f, &x->e), 0);
    assert_int_equal(count(x, "SELECT count(*) FROM agreement_target"), 2);
    assert_int_equal(count(x, "SELECT count(*) FROM audit WHERE tbl = 'agreement_target' AND op = 'insert'"), 2);
    /* a second agreement for 2025 is refused */
    memset(&again, 0, sizeof(again));
    agreement_init(&again.a);
    again.a.partner_id = partner;
    again.a.year = 2025;
    assert_int_equal(db_agreement_save(x->db, &x->ctx, &x->county, &again, &x->e), -1);
    assert_int_equal(x->e.code, ERR_RULE);
    assert_int_equal(again.a.id, 0);
    /* the same indicator twice is refused, nothing written */
    id = f.a.id;
    set_target(&f, 2, aid, 7);
    assert_int_equal(db_agreement_save(x->db, &x->ctx, &x->county, &f, &x->e), -1);
    assert_int_equal(count(x, "SELECT count(*) FROM agreement_target"), 2);
    /* change one target, drop one */
    set_target(&f, 2, items, 0);
    f.t[0].value = 600000000;
    f.t[1].value = 0;
    assert_int_equal(db_agreement_save(x->db, &x->ctx, &x->county, &f, &x->e), 0);
    assert_int_equal(f.a.id, id);
    assert_int_equal(count(x, "SELECT value FROM agreement_target"), 600000000);
    assert_int_equal(count(x, "SELECT count(*) FROM agreement_target"), 1);
    assert_int_equal(count(x, "SELECT count(*) FROM audit WHERE tbl = 'agreement_target' AND op = 'delete'"), 1);
    assert_int_equal(count(x, "SELECT count(*) FROM audit WHERE tbl = 'agreement_target' AND op = 'update'"), 1);
    f.t[1].value = 300;
    assert_int_equal(db_agreement_save(x->db, &x->ctx, &x->county, &f, &x->e), 0);
    agreement_full_clear(&f);
    assert_int_equal(db_agreement_get(x->db, id, &f, &x->e), 0);
    assert_int_equal(f.nt, 2);

    /* records: the aid exactly met, the persons one short */
    assert_int_equal(add_record(x, &x->county, partner, aid, "2025-04-10", 400000000, 0, 0), 0);
    assert_int_equal(add_record(x, &x->county, partner, aid, "2025-09-10", 200000000,
                                x->town1, x->village1), 0);
    assert_int_equal(add_record(x, &x->county, partner, persons, "2025-08-01", 299, 0, 0), 0);
    /* something without a target, and one of the next year */
    assert_int_equal(add_record(x, &x->county, partner, items, "2025-10-01", 2, 0, 0), 0);
    assert_int_equal(add_record(x, &x->county, partner, aid, "2026-01-05", 100, 0, 0), 0);
    assert_int_equal(db_pair_progress(x->db, &x->ctx, partner, 2025, &v, &n, &x->e), 0);
    assert_int_equal(n, 3);
    r = find_row(v, n, aid);
    assert_int_equal(r->p.actual, 600000000);
    assert_int_equal(r->p.status, PST_MET);
    assert_int_equal(r->records, 2);
    r = find_row(v, n, persons);
    assert_int_equal(r->p.status, PST_SHORT);
    assert_int_equal(r->p.shortfall, 1);
    r = find_row(v, n, items);
    assert_int_equal(r->p.status, PST_NO_TARGET);
    assert_int_equal(r->p.actual, 2);
    /* in the code table's order */
    assert_string_equal(v[0].indicator, aid);
    free(v);
    agreement_full_clear(&f);

    /* the partner list: 2025's aid and one target missed */
    {
        struct pair_filter flt;

        pair_filter_init(&flt);
        flt.year = 2025;
        assert_int_equal(db_partner_list(x->db, &x->ctx, &flt, &pr, &n, &x->e), 0);
        assert_int_equal(n, 1);
        assert_int_equal(pr[0].aid_year, 600000000);
        assert_int_equal(pr[0].short_targets, 1);
        assert_int_equal(pr[0].agreements, 1);
        free(pr);
        flt.flagged = 1;
        flt.year = 2026;     /* no target in 2026: nothing flagged */
        assert_int_equal(db_partner_list(x->db, &x->ctx, &flt, &pr, &n, &x->e), 0);
        assert_int_equal(n, 0);
        free(pr);
    }
    /* a partner with records cannot be deleted */
    assert_int_equal(db_partner_delete(x->db, &x->county, partner, 1, &x->e), -1);
    assert_int_equal(x->e.code, ERR_RULE);
}

static void
test_records_by_scope(void **state)
{
    struct fixture *x = *state;
    int64_t partner = add_partner(x, "成都市武侯区");
    const char *money = code(x, "pair_indicator", "money");
    struct record_row *v;
    struct pair_filter f;
    size_t n;

    /* the township: its own township yes, another or the county no */
    assert_int_equal(add_record(x, &x->town, partner, money, "2026-03-01", 1000, x->town1,
                                x->village1), 0);
    assert_int_equal(add_record(x, &x->town, partner, money, "2026-03-01", 1000, x->town2, 0), -1);
    assert_int_equal(x->e.code, ERR_DENIED);
    assert_int_equal(add_record(x, &x->town, partner, money, "2026-03-01", 1000, 0, 0), -1);
    assert_int_equal(x->e.code, ERR_DENIED);
    assert_int_equal(add_record(x, &x->viewer, partner, money, "2026-03-01", 1000, 0, 0), -1);
    /* a village of another township */
    assert_int_equal(add_record(x, &x->county, partner, money, "2026-03-01", 1000, x->town1,
                                x->village2), -1);
    assert_int_equal(x->e.code, ERR_INVALID);
    assert_int_equal(count(x, "SELECT count(*) FROM pair_record"), 1);
    pair_filter_init(&f);
    f.year = 2026;
    assert_int_equal(db_pair_record_list(x->db, &x->county, &f, &v, &n, &x->e), 0);
    assert_int_equal(n, 1);
    assert_string_equal(v[0].place, "红岩镇/白马村");
    assert_string_equal(v[0].partner, "成都市武侯区");
    free(v);
    f.year = 2025;
    assert_int_equal(db_pair_record_list(x->db, &x->county, &f, &v, &n, &x->e), 0);
    assert_int_equal(n, 0);
    free(v);
}

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

static int
add_member(struct fixture *x, int64_t team, const char *name, const char *role,
           const char *start, const char *end, int64_t *id)
{
    struct team_member m;
    int rc;

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
    rc = db_member_save(x->db, &x->ctx, &x->town, &m, &x->e);
    if (id != NULL) {
        *id = m.id;
    }
    return rc;
}

static int
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
    return db_attendance_save(x->db, &x->ctx, &x->town, &a, &x->e);
}

static void
test_teams_and_attendance(void **state)
{
    struct fixture *x = *state;
    int64_t team = add_team(x), li, wang, zhao;
    struct attendance_row *v;
    struct team_row *tr;
    struct pair_filter f;
    size_t n;

    assert_int_equal(add_member(x, team, "李明", "secretary", "2025-01-01", "2026-06-30", &li), 0);
    /* before the term, and a second 第一书记 at the same time: refused */
    assert_int_equal(add_member(x, team, "赵强", "member", "2024-12-01", NULL, NULL), -1);
    assert_int_equal(x->e.code, ERR_RULE);
    assert_int_equal(add_member(x, team, "王刚", "secretary", "2026-06-01", NULL, NULL), -1);
    assert_int_equal(x->e.code, ERR_RULE);
    /* the successor from the day after */
    assert_int_equal(add_member(x, team, "王刚", "secretary", "2026-07-01", NULL, &wang), 0);
    assert_int_equal(add_member(x, team, "赵强", "member", "2025-01-01", NULL, &zhao), 0);

    /* the team is small: two serving */
    pair_filter_init(&f);
    assert_int_equal(db_team_list(x->db, &x->ctx, &x->county, &f, &tr, &n, &x->e), 0);
    assert_int_equal(n, 1);
    assert_int_equal(tr[0].members, 2);
    assert_string_equal(tr[0].secretary, "王刚");
    assert_true(tr[0].flags & TF_SMALL);
    assert_false(tr[0].flags & TF_NO_SECRETARY);
    assert_false(tr[0].flags & TF_SHORT_TERM);
    free(tr);

    /* attendance: within the service, once a month, not ahead */
    assert_int_equal(add_attendance(x, li, "2026-07", 20, 0), -1);     /* left in June */
    assert_int_equal(x->e.code, ERR_RULE);
    assert_int_equal(add_attendance(x, wang, "2026-12", 20, 0), -1);   /* not begun */
    assert_int_equal(add_attendance(x, wang, "2026-10", 19, 0), 0);    /* breaks the rule */
    assert_int_equal(add_attendance(x, zhao, "2026-10", 22, 1), 0);    /* an absence */
    assert_int_equal(add_attendance(x, zhao, "2026-10", 22, 0), -1);   /* twice */
    assert_int_equal(x->e.code, ERR_RULE);
    assert_int_equal(add_attendance(x, zhao, "2026-09", 23, 0), 0);
    pair_filter_init(&f);
    assert_int_equal(month_parse("2026-10", &f.month), DATE_OK);
    assert_int_equal(db_attendance_list(x->db, &x->ctx, &x->county, &f, 0, &v, &n, &x->e), 0);
    assert_int_equal(n, 2);
    assert_int_equal(v[0].j.required, 20);
    {
        size_t i;
        unsigned seen = 0;

        for (i = 0; i < n; i++) {
            seen |= v[i].j.flags;
        }
        assert_int_equal(seen, AF_DAYS_SHORT | AF_ABSENT);
    }
    free(v);
    f.flagged = 1;
    f.month = 0;
    assert_int_equal(db_attendance_list(x->db, &x->ctx, &x->county, &f, team, &v, &n, &x->e), 0);
    assert_int_equal(n, 2);         /* September kept the rule */
    free(v);
    /* the other township's staff do not see the team's attendance */
    x->town.scope_id = x->town2;
    assert_int_equal(db_attendance_list(x->db, &x->ctx, &x->town, &f, 0, &v, &n, &x->e), 0);
    assert_int_equal(n, 0);
    free(v);
    assert_int_equal(add_attendance(x, zhao, "2026-08", 23, 0), -1);
    assert_int_equal(x->e.code, ERR_DENIED);
    x->town.scope_id = x->town1;

    pair_filter_init(&f);
    assert_int_equal(db_team_list(x->db, &x->ctx, &x->county, &f, &tr, &n, &x->e), 0);
    assert_int_equal(tr[0].month, month_of(D("2026-10-01")));
    assert_int_equal(tr[0].att_broken, 2);
    assert_true(tr[0].flags & TF_ATTENDANCE);
    free(tr);

    /* the term cannot be cut below the members' service */
    {
        struct team t;

        team_init(&t);
        assert_int_equal(db_team_get(x->db, team, &t, &x->e), 0);
        t.term_end = D("2026-09-30");
        assert_int_equal(db_team_save(x->db, &x->ctx, &x->town, &t, &x->e), -1);
        assert_int_equal(x->e.code, ERR_RULE);
        team_clear(&t);
    }
    /* a member with attendance cannot be deleted */
    assert_int_equal(db_member_delete(x->db, &x->town, zhao, 1, &x->e), -1);
    assert_int_equal(x->e.code, ERR_RULE);
    assert_int_equal(count(x, "SELECT count(*) FROM audit WHERE tbl = 'attendance' AND op = 'insert'"), 3);
}

static void
test_grades_capped(void **state)
{
    struct fixture *x = *state;
    int64_t team = add_team(x), zhao;
    struct team_grade g;

    assert_int_equal(add_member(x, team, "赵强", "member", "2025-01-01", NULL, &zhao), 0);
    assert_int_equal(add_attendance(x, zhao, "2025-05", 22, 1), 0);
    assert_int_equal(add_attendance(x, zhao, "2025-06", 22, 1), 0);
    team_grade_init(&g);
    g.member_id = zhao;
    g.year = 2025;
    snprintf(g.grade, sizeof(g.grade), "%s", code(x, "team_grade", "competent"));
    /* the township does not grade */
    assert_int_equal(db_grade_save(x->db, &x->ctx, &x->town, &g, &x->e), -1);
    assert_int_equal(x->e.code, ERR_DENIED);
    /* 2 absences: at best 基本称职 */
    assert_int_equal(db_grade_save(x->db, &x->ctx, &x->county, &g, &x->e), -1);
    assert_int_equal(x->e.code, ERR_RULE);
    assert_non_null(strstr(x->e.msg, "2 days"));
    snprintf(g.grade, sizeof(g.grade), "%s", code(x, "team_grade", "basic"));
    assert_int_equal(db_grade_save(x->db, &x->ctx, &x->county, &g, &x->e), 0);
    /* another grade of 2025 is refused */
    g.id = 0;
    assert_int_equal(db_grade_save(x->db, &x->ctx, &x->county, &g, &x->e), -1);
    assert_int_equal(count(x, "SELECT count(*) FROM team_grade"), 1);
    /* 2026 has no absence: 优秀 is allowed */
    g.year = 2026;
    snprintf(g.grade, sizeof(g.grade), "%s", code(x, "team_grade", "excellent"));
    assert_int_equal(db_grade_save(x->db, &x->ctx, &x->county, &g, &x->e), 0);
    team_grade_clear(&g);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_partners, setup, teardown),
        cmocka_unit_test_setup_teardown(test_agreement_and_progress, setup, teardown),
        cmocka_unit_test_setup_teardown(test_records_by_scope, setup, teardown),
        cmocka_unit_test_setup_teardown(test_teams_and_attendance, setup, teardown),
        cmocka_unit_test_setup_teardown(test_grades_capped, setup, teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
