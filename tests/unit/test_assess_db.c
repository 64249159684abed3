/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_assess_db.c - assessment rounds in a temporary database
 * (db/db_assess.c): a round of a small team template over two teams, the
 * sheet computed from the attendance and scored by hand (range, notes,
 * versions, county only), the ranking with shared ranks, finalizing
 * refused while a manual indicator has no points, a final round that does
 * not move when the data or the template file change, scores refused in
 * a final round, reopening only with a reason, both in the audit log;
 * a round's inputs computed once and kept until the data changes, in
 * memory and in the database between runs (every table moves the data's
 * version).
 */
#include "config.h"
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg/assess_load.h"
#include "core/date.h"
#include "db/db_assess.h"
#include "db/db_division.h"
#include "db/db_pair.h"
#include "db/db_priv.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"

static const char tmpl[] =
    "template = {\n"
    "  id = \"teams\"; title = \"驻村工作队考核\"; unit = \"team\"; total = 100;\n"
    "  grades = ( (\"好\", 90), (\"较好\", 80), (\"一般\", 60), (\"较差\", 0) );\n"
    "  indicators = (\n"
    "    { code = \"A\"; name = \"在岗在位\"; max = 15; },\n"
    "    { code = \"A1\"; parent = \"A\"; name = \"无故缺勤\"; max = 15; method = \"count\";\n"
    "      source = \"team_absences\"; per_item = 3; },\n"
    "    { code = \"B\"; name = \"工作实绩\"; max = 85; method = \"manual\"; },\n"
    "    { code = \"C\"; name = \"加减分\"; method = \"bonus\"; cap = 5; }\n"
    "  );\n"
    "};\n";

struct fixture {
    char *dir, *path, *tpath;
    struct db *db;
    struct policy p;
    struct rule_ctx ctx;
    struct actor county, town;
    int64_t county_id, town1, village1, village2, team1, team2, member1;
    struct assess_template t;
    struct err e;
};

static int64_t
team(struct fixture *x, int64_t village, const char *name, int64_t *member)
{
    struct team t;
    struct team_member m;

    team_init(&t);
    t.township_id = x->town1;
    t.village_id = village;
    snprintf(t.name, sizeof(t.name), "%s", name);
    t.term_start = D("2025-01-01");
    if (db_team_save(x->db, &x->ctx, &x->county, &t, &x->e)) {
        fail_msg("team: %s", x->e.msg);
    }
    team_member_init(&m);
    m.team_id = t.id;
    snprintf(m.name, sizeof(m.name), "队员%lld", (long long)t.id);
    snprintf(m.role, sizeof(m.role), "%s", code_with_tag(&x->p.codes, "team_role", "member"));
    snprintf(m.unit, sizeof(m.unit), "县农业农村局");
    snprintf(m.unit_level, sizeof(m.unit_level), "%s",
             code_with_tag(&x->p.codes, "unit_level", "county"));
    m.start = D("2025-01-01");
    if (db_member_save(x->db, &x->ctx, &x->county, &m, &x->e)) {
        fail_msg("member: %s", x->e.msg);
    }
    if (member != NULL) {
        *member = m.id;
    }
    return t.id;
}

static void
absent(struct fixture *x, const char *month, int days)
{
    struct attendance a;

    attendance_init(&a);
    a.member_id = x->member1;
    assert_int_equal(month_parse(month, &a.month), DATE_OK);
    a.present = 20;
    a.absent = days;
    if (db_attendance_save(x->db, &x->ctx, &x->county, &a, &x->e)) {
        fail_msg("attendance: %s", x->e.msg);
    }
}

static int
setup(void **state)
{
    struct fixture *x = calloc(1, sizeof(*x));

    x->dir = helpers_tmpdir();
    x->path = path_join(x->dir, "county.db");
    x->tpath = helpers_write(x->dir, "teams.conf", tmpl);
    helpers_policy(&x->p);
    x->ctx.policy = &x->p;
    x->ctx.province = "51";
    x->ctx.today = D("2026-11-22");
    err_clear(&x->e);
    if (db_open(&x->db, x->path, DB_CREATE, 1000, &x->e) ||
        db_division_add(x->db, "t", 1, 0, "519901", "青山县", 1, &x->county_id, &x->e) ||
        db_division_add(x->db, "t", 2, x->county_id, "519901001", "红岩镇", 1, &x->town1, &x->e) ||
        db_division_add(x->db, "t", 3, x->town1, "519901001001", "白马村", 1, &x->village1, &x->e) ||
        db_division_add(x->db, "t", 3, x->town1, "519901001002", "石桥村", 1, &x->village2, &x->e)) {
        fail_msg("setup: %s", x->e.msg);
    }
    x->county = helpers_actor(ROLE_COUNTY);
    x->town = helpers_actor(ROLE_TOWNSHIP);
    i18n_set_language("en");
    x->team1 = team(x, x->village1, "驻白马村工作队", &x->member1);
    x->team2 = team(x, x->village2, "驻石桥村工作队", NULL);
    if (assess_load(x->tpath, assess_sources, &x->t, &x->e)) {
        fail_msg("template: %s", x->e.msg);
    }
    *state = x;
    return 0;
}

static int
teardown(void **state)
{
    struct fixture *x = *state;

    i18n_set_language("zh_CN");
    assess_template_free(&x->t);
    db_close(x->db);
    policy_free(&x->p);
    free(x->path);
    free(x->tpath);
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

static const struct sheet_line *
line(const struct assess_sheet *s, const char *code)
{
    size_t i;

    for (i = 0; i < s->n; i++) {
        if (strcmp(s->v[i].ind->code, code) == 0) {
            return &s->v[i];
        }
    }
    fail_msg("no line %s", code);
    return NULL;
}

/* The sheet of UNIT in round ID with the round's own template (T, freed
 * by the caller with the sheet). */
static int
sheet(struct fixture *x, int64_t id, int64_t unit, struct assess_template *t,
      struct assess_sheet *s)
{
    struct assess_round r;
    int rc;

    memset(&r, 0, sizeof(r));
    memset(s, 0, sizeof(*s));
    rc = db_round_get(x->db, id, &r, &x->e) || assess_kept(r.template_id, r.template_text, t, &x->e) ||
         db_round_sheet(x->db, &x->ctx, &r, t, unit, s, &x->e);
    assess_round_clear(&r);
    return rc ? -1 : 0;
}

static void
sheet_done(struct assess_template *t, struct assess_sheet *s)
{
    assess_sheet_clear(s);
    assess_template_free(t);
}

static int
score(struct fixture *x, const struct actor *a, int64_t id, int64_t unit, const char *code,
      int64_t cp, const char *note, const char *evidence, int64_t version)
{
    return db_score_set(x->db, &x->ctx, a, id, &x->t, unit, code, cp, note, evidence, version,
                        &x->e);
}

static int64_t
make_round(struct fixture *x)
{
    int64_t id;

    if (db_round_create(x->db, &x->ctx, &x->county, &x->t, 2026, "", NULL, 0, &id, &x->e)) {
        fail_msg("round: %s", x->e.msg);
    }
    return id;
}

static void
test_round_and_sheet(void **state)
{
    struct fixture *x = *state;
    struct assess_round r;
    struct assess_sheet s;
    struct assess_unit_row *u;
    struct assess_template t;
    size_t n;
    int64_t id;

    /* the township may not make rounds */
    assert_int_equal(db_round_create(x->db, &x->ctx, &x->town, &x->t, 2026, "", NULL, 0, &id,
                                     &x->e), -1);
    assert_int_equal(x->e.code, ERR_DENIED);
    absent(x, "2026-03", 2);
    id = make_round(x);
    memset(&r, 0, sizeof(r));
    assert_int_equal(db_round_get(x->db, id, &r, &x->e), 0);
    assert_string_equal(r.title, "2026 驻村工作队考核");
    assert_int_equal(r.kind, AU_TEAM);
    assert_false(r.final);
    assess_round_clear(&r);
    assert_int_equal(db_round_units(x->db, id, &u, &n, &x->e), 0);
    assert_int_equal(n, 2);
    assert_string_equal(u[0].name, "红岩镇/白马村 驻白马村工作队");
    free(u);

    assert_int_equal(sheet(x, id, x->team1, &t, &s), 0);
    /* two days absent: 15 - 2 x 3 = 9; the heading sums it */
    assert_int_equal(line(&s, "A1")->in.value, 2);
    assert_int_equal(line(&s, "A1")->s.points_cp, 900);
    assert_int_equal(line(&s, "A1")->s.deduct_cp, 600);
    assert_int_equal(line(&s, "A")->s.points_cp, 900);
    assert_int_equal(line(&s, "A1")->depth, 1);
    assert_int_equal(s.unscored, 1);
    assert_int_equal(s.total_cp, 900);
    assert_string_equal(s.grade, "较差");
    sheet_done(&t, &s);
}

static void
test_scoring_by_hand(void **state)
{
    struct fixture *x = *state;
    struct assess_sheet s;
    struct assess_template t;
    int64_t id = make_round(x);

    /* out of range, without a note for points taken off, computed, bonus over the cap */
    assert_int_equal(score(x, &x->county, id, x->team1, "B", 8501, "x", "",
                                  0), -1);
    assert_int_equal(x->e.code, ERR_INVALID);
    assert_int_equal(score(x, &x->county, id, x->team1, "B", 8000, "", "",
                                  0), -1);
    assert_non_null(strstr(x->e.msg, "note"));
    assert_int_equal(score(x, &x->county, id, x->team1, "A1", 1500, "x", "",
                                  0), -1);
    assert_int_equal(score(x, &x->county, id, x->team1, "C", 600, "创新", "",
                                  0), -1);
    assert_int_equal(score(x, &x->town, id, x->team1, "B", 8500, "", "", 0), -1);
    assert_int_equal(x->e.code, ERR_DENIED);
    /* full marks need no note; then a deduction with its note and evidence */
    assert_int_equal(score(x, &x->county, id, x->team1, "B", 8500, "", "",
                                  0), 0);
    assert_int_equal(sheet(x, id, x->team1, &t, &s), 0);
    assert_int_equal(line(&s, "B")->version, 1);
    sheet_done(&t, &s);
    /* a stale version is a conflict */
    assert_int_equal(score(x, &x->county, id, x->team1, "B", 8000, "台账不全",
                                  "考核组记录第3页", 0), -1);
    assert_int_equal(x->e.code, ERR_CONFLICT);
    assert_int_equal(score(x, &x->county, id, x->team1, "B", 8025, "台账不全",
                                  "考核组记录第3页", 1), 0);
    assert_int_equal(score(x, &x->county, id, x->team1, "C", -200,
                                  "信息报送迟报", "", 0), 0);
    assert_int_equal(sheet(x, id, x->team1, &t, &s), 0);
    /* 15 (no absence) + 80.25 - 2 = 93.25 */
    assert_int_equal(s.total_cp, 9325);
    assert_int_equal(s.unscored, 0);
    assert_string_equal(s.grade, "好");
    assert_string_equal(line(&s, "B")->note, "台账不全");
    assert_string_equal(line(&s, "B")->evidence, "考核组记录第3页");
    assert_string_equal(line(&s, "B")->scorer, "county");
    assert_int_equal(s.deduct_cp, 475);
    sheet_done(&t, &s);
    assert_int_equal(count(x, "SELECT count(*) FROM audit WHERE tbl = 'assess_score'"), 3);
}

static void
test_ranking(void **state)
{
    struct fixture *x = *state;
    struct assess_template t;
    struct assess_round r;
    struct assess_rank *v;
    size_t n;
    int64_t id = make_round(x);

    assert_int_equal(score(x, &x->county, id, x->team1, "B", 7000, "一般",
                                  "", 0), 0);
    assert_int_equal(score(x, &x->county, id, x->team2, "B", 7000, "一般",
                                  "", 0), 0);
    memset(&r, 0, sizeof(r));
    assert_int_equal(db_round_get(x->db, id, &r, &x->e), 0);
    assert_int_equal(assess_kept(r.template_id, r.template_text, &t, &x->e), 0);
    assert_int_equal(db_round_ranking(x->db, &x->ctx, &r, &t, &v, &n, &x->e), 0);
    assert_int_equal(n, 2);
    /* equal totals share the first rank */
    assert_int_equal(v[0].total_cp, 8500);
    assert_int_equal(v[0].rank, 1);
    assert_int_equal(v[1].rank, 1);
    assert_string_equal(v[0].grade, "较好");
    free(v);
    absent(x, "2026-04", 1);
    assert_int_equal(db_round_ranking(x->db, &x->ctx, &r, &t, &v, &n, &x->e), 0);
    assert_int_equal(v[0].unit, x->team2);
    assert_int_equal(v[1].rank, 2);
    assert_int_equal(v[1].total_cp, 8200);
    free(v);
    assess_template_free(&t);
    assess_round_clear(&r);
}

static void
test_finalize_freezes(void **state)
{
    struct fixture *x = *state;
    struct assess_round r;
    struct assess_sheet s;
    struct assess_template t;
    int64_t id = make_round(x);

    memset(&r, 0, sizeof(r));
    assert_int_equal(score(x, &x->county, id, x->team1, "B", 8000, "良好", "",
                                  0), 0);
    /* team 2 has no points for B yet */
    assert_int_equal(db_round_finalize(x->db, &x->ctx, &x->county, id, &x->t, 1, &x->e), -1);
    assert_int_equal(x->e.code, ERR_RULE);
    assert_non_null(strstr(x->e.msg, "驻石桥村工作队 B"));
    assert_int_equal(score(x, &x->county, id, x->team2, "B", 6000, "较弱", "",
                                  0), 0);
    assert_int_equal(db_round_finalize(x->db, &x->ctx, &x->town, id, &x->t, 1, &x->e), -1);
    assert_int_equal(db_round_finalize(x->db, &x->ctx, &x->county, id, &x->t, 1, &x->e), 0);
    assert_int_equal(db_round_get(x->db, id, &r, &x->e), 0);
    assert_true(r.final);
    assert_string_equal(r.finalized_by, "county");
    assert_int_equal(count(x, "SELECT count(*) FROM audit WHERE op = 'step' AND field = 'finalize'"), 1);

    /* the data change and the template file changes: nothing moves */
    absent(x, "2026-05", 3);
    free(helpers_write(x->dir, "teams.conf", "template = { broken"));
    assert_int_equal(sheet(x, id, x->team1, &t, &s), 0);
    assert_int_equal(line(&s, "A1")->in.value, 0);
    assert_int_equal(line(&s, "A1")->s.points_cp, 1500);
    assert_int_equal(s.total_cp, 9500);
    sheet_done(&t, &s);
    /* no score in a final round; the round is final already */
    assert_int_equal(score(x, &x->county, id, x->team1, "B", 8500, "", "", 1), -1);
    assert_int_equal(x->e.code, ERR_RULE);
    assert_int_equal(db_round_finalize(x->db, &x->ctx, &x->county, id, &x->t, r.version, &x->e), -1);

    /* reopening needs a reason; then the sheet is computed again */
    assert_int_equal(db_round_reopen(x->db, &x->county, id, r.version, "", &x->e), -1);
    assert_int_equal(db_round_reopen(x->db, &x->county, id, r.version - 1, "复核", &x->e), -1);
    assert_int_equal(x->e.code, ERR_CONFLICT);
    assert_int_equal(db_round_reopen(x->db, &x->county, id, r.version, "复核发现考勤漏登", &x->e), 0);
    assert_int_equal(count(x, "SELECT count(*) FROM audit WHERE op = 'step' AND field = 'reopen'"), 1);
    assert_int_equal(count(x, "SELECT count(*) FROM audit WHERE op = 'update' AND field = 'note'"
                              " AND new = '复核发现考勤漏登'"), 1);
    assert_int_equal(sheet(x, id, x->team1, &t, &s), 0);
    assert_int_equal(line(&s, "A1")->in.value, 3);
    assert_int_equal(line(&s, "A1")->s.points_cp, 600);
    assert_int_equal(s.total_cp, 8600);
    sheet_done(&t, &s);
    assess_round_clear(&r);
}

/* Statements run on the fixture's connection that read the attendance
 * (what the round's only computed indicator is made of). */
static int attendance_reads;

static int
count_reads(unsigned type, void *ctx, void *p, void *x)
{
    const char *sql = sqlite3_sql(p);

    (void)type;
    (void)ctx;
    (void)x;
    attendance_reads += sql != NULL && strstr(sql, "FROM attendance") != NULL;
    return 0;
}

/* A1's input for team 1 now, and whether it was computed again for it. */
static int64_t
a1_now(struct fixture *x, int64_t id, const struct rule_ctx *ctx, int *computed)
{
    struct assess_round r;
    struct assess_sheet s;
    struct assess_template t;
    int before = attendance_reads;
    int64_t v;

    memset(&r, 0, sizeof(r));
    assert_int_equal(db_round_get(x->db, id, &r, &x->e), 0);
    assert_int_equal(assess_kept(r.template_id, r.template_text, &t, &x->e), 0);
    assert_int_equal(db_round_sheet(x->db, ctx, &r, &t, x->team1, &s, &x->e), 0);
    v = line(&s, "A1")->in.value;
    *computed = attendance_reads > before;
    sheet_done(&t, &s);
    assess_round_clear(&r);
    return v;
}

/* A round's inputs are computed once for every unit and kept: the
 * ranking, a sheet and the way back read them again without computing;
 * scoring by hand keeps them; any change of the data, on this connection
 * or another, or another day judged, computes them again. */
static void
test_inputs_kept(void **state)
{
    struct fixture *x = *state;
    struct assess_round r;
    struct assess_rank *v;
    struct rule_ctx later = x->ctx;
    struct db *other;
    int64_t id = make_round(x);
    size_t n;
    int computed;

    sqlite3_trace_v2(x->db->h, SQLITE_TRACE_STMT, count_reads, NULL);
    memset(&r, 0, sizeof(r));
    assert_int_equal(db_round_get(x->db, id, &r, &x->e), 0);
    assert_int_equal(db_round_ranking(x->db, &x->ctx, &r, &x->t, &v, &n, &x->e), 0);
    free(v);
    assert_true(attendance_reads > 0);
    assert_int_equal(a1_now(x, id, &x->ctx, &computed), 0);
    assert_false(computed);
    assert_int_equal(db_round_ranking(x->db, &x->ctx, &r, &x->t, &v, &n, &x->e), 0);
    free(v);
    assert_int_equal(score(x, &x->county, id, x->team1, "B", 7000, "一般", "", 0), 0);
    assert_int_equal(a1_now(x, id, &x->ctx, &computed), 0);
    assert_false(computed);

    /* a change on this connection */
    absent(x, "2026-04", 2);
    assert_int_equal(a1_now(x, id, &x->ctx, &computed), 2);
    assert_true(computed);
    assert_int_equal(a1_now(x, id, &x->ctx, &computed), 2);
    assert_false(computed);
    /* a change on another connection */
    assert_int_equal(db_open(&other, x->path, 0, 1000, &x->e), 0);
    assert_int_equal(
        sqlite3_exec(other->h, "UPDATE attendance SET absent = 4", NULL, NULL, NULL),
        SQLITE_OK);
    db_close(other);
    assert_int_equal(a1_now(x, id, &x->ctx, &computed), 4);
    assert_true(computed);
    /* another day judged */
    later.today = D("2026-11-23");
    assert_int_equal(a1_now(x, id, &later, &computed), 4);
    assert_true(computed);
    sqlite3_trace_v2(x->db->h, 0, NULL, NULL);
    assess_round_clear(&r);
}

/* The ranking of round ID now. */
static struct assess_rank *
ranking(struct fixture *x, int64_t id, size_t *n)
{
    struct assess_round r;
    struct assess_rank *v;

    memset(&r, 0, sizeof(r));
    assert_int_equal(db_round_get(x->db, id, &r, &x->e), 0);
    assert_int_equal(db_round_ranking(x->db, &x->ctx, &r, &x->t, &v, n, &x->e), 0);
    assess_round_clear(&r);
    return v;
}

/* The fixture's connection closed and opened again: nothing kept in
 * memory, as in the next run of the program. */
static void
reopen(struct fixture *x)
{
    db_close(x->db);
    if (db_open(&x->db, x->path, 0, 1000, &x->e)) {
        fail_msg("reopen: %s", x->e.msg);
    }
    sqlite3_trace_v2(x->db->h, SQLITE_TRACE_STMT, count_reads, NULL);
}

/* Run SQL on a connection of plain SQLite (another program). */
static void
outside(struct fixture *x, const char *sql)
{
    sqlite3 *h;

    assert_int_equal(sqlite3_open(x->path, &h), SQLITE_OK);
    assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
}

/* Issue 18: the inputs are kept in the database (assess_cache) between
 * runs: the next run's ranking reads them, the same ranking as computed;
 * a change of a household or of the attendance, made by anyone, or
 * another policy computes them again. */
static void
test_inputs_kept_between_runs(void **state)
{
    struct fixture *x = *state;
    struct assess_rank *v, *w;
    int64_t id = make_round(x);
    size_t n, m, i;
    int computed;

    absent(x, "2026-04", 1);
    reopen(x);
    attendance_reads = 0;
    v = ranking(x, id, &n);
    assert_true(attendance_reads > 0);
    assert_int_equal(count(x, "SELECT count(*) FROM assess_cache"), 2);
    /* the next run reads them and ranks the same */
    reopen(x);
    attendance_reads = 0;
    w = ranking(x, id, &m);
    assert_int_equal(attendance_reads, 0);
    assert_int_equal(m, n);
    for (i = 0; i < n; i++) {
        assert_int_equal(w[i].unit, v[i].unit);
        assert_int_equal(w[i].total_cp, v[i].total_cp);
        assert_int_equal(w[i].rank, v[i].rank);
    }
    free(w);
    free(v);
    assert_int_equal(a1_now(x, id, &x->ctx, &computed), 1);
    assert_false(computed);
    /* a household changed by another program */
    outside(x, "INSERT INTO household (hh_no, township_id, village_id, hh_type, created_at,"
               " updated_at) SELECT '5199010010010001', parent_id, id, '1', 'x', 'x'"
               " FROM division"
               " WHERE level = 3 LIMIT 1");
    reopen(x);
    assert_int_equal(a1_now(x, id, &x->ctx, &computed), 1);
    assert_true(computed);
    outside(x, "UPDATE household SET address = '白马村一组'");
    reopen(x);
    assert_int_equal(a1_now(x, id, &x->ctx, &computed), 1);
    assert_true(computed);
    reopen(x);
    assert_int_equal(a1_now(x, id, &x->ctx, &computed), 1);
    assert_false(computed);
    /* the attendance changed by another program */
    outside(x, "UPDATE attendance SET absent = 3");
    reopen(x);
    assert_int_equal(a1_now(x, id, &x->ctx, &computed), 3);
    assert_true(computed);
    /* other policy files */
    x->p.digest++;
    reopen(x);
    assert_int_equal(a1_now(x, id, &x->ctx, &computed), 3);
    assert_true(computed);
    sqlite3_trace_v2(x->db->h, 0, NULL, NULL);
}

/* Every table moves data_version when a row of it changes, but those
 * nothing computed from the data reads (a new table gets the triggers of
 * m_assess_cache or a place in this list). */
static void
test_every_table_moves_the_version(void **state)
{
    struct fixture *x = *state;

    assert_int_equal(
        count(x, "SELECT count(*) FROM sqlite_master t WHERE t.type = 'table'"
                 " AND t.name NOT IN ('audit', 'assess_round', 'assess_score', 'assess_cache',"
                 " 'data_version', 'hh_list') AND t.name NOT LIKE 'sqlite_%'"
                 " AND t.name NOT LIKE 'hh_search%'"
                 " AND (SELECT count(*) FROM sqlite_master g WHERE g.type = 'trigger'"
                 " AND g.tbl_name = t.name AND g.name IN (t.name || '_dv_ins',"
                 " t.name || '_dv_upd', t.name || '_dv_del')) < 3"),
        0);
    assert_int_equal(count(x, "SELECT n > 0 FROM data_version"), 1);
}

/* A large import puts the triggers off with the indexes and moves the
 * version once at the end (db_indexes_defer). */
static void
test_bulk_writes_move_the_version(void **state)
{
    static const char triggers[] =
        "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'household'"
        " AND name GLOB 'household_dv_*'";
    struct fixture *x = *state;
    int64_t before = count(x, "SELECT n FROM data_version");

    assert_int_equal(db_begin(x->db, &x->e), 0);
    assert_int_equal(db_indexes_defer(x->db, "household", NULL, &x->e), 0);
    assert_int_equal(count(x, triggers), 0);
    assert_int_equal(sqlite3_exec(x->db->h,
                                  "INSERT INTO household (hh_no, township_id, village_id,"
                                  " hh_type, created_at, updated_at) SELECT '5199010010010001',"
                                  " parent_id, id, '1', 'x', 'x' FROM division"
                                  " WHERE level = 3 LIMIT 1",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    assert_int_equal(count(x, "SELECT n FROM data_version"), before);
    assert_int_equal(db_indexes_restore(x->db, 1, &x->e), 0);
    assert_int_equal(db_commit(x->db, &x->e), 0);
    assert_int_equal(count(x, triggers), 3);
    assert_int_equal(count(x, "SELECT n FROM data_version"), before + 1);
}

/* Issue 17 3: a threshold the template takes from rules.conf follows the
 * rules of the round's year, not a number in the template: the same
 * attendance (half the member-months kept) misses 2025's 60% and meets
 * the 50% a later entry sets for 2026. */
static void
test_threshold_of_the_year(void **state)
{
    static const char text[] =
        "template = {\n"
        "  id = \"rate\"; title = \"按年度规则考核\"; unit = \"team\"; total = 10;\n"
        "  grades = ( (\"好\", 90), (\"较差\", 0) );\n"
        "  indicators = (\n"
        "    { code = \"A\"; name = \"考勤\"; max = 10; method = \"threshold\";\n"
        "      source = \"team_attendance_rate\"; threshold = \"industry_min_pct\"; }\n"
        "  );\n"
        "};\n";
    struct fixture *x = *state;
    struct assess_template file, t;
    struct assess_sheet s;
    char *path = helpers_write(x->dir, "rate.conf", text);
    int64_t id25, id26;

    helpers_rules_from(&x->p, 2026)->industry_min_bp = 5000;
    if (assess_load(path, assess_sources, &file, &x->e)) {
        fail_msg("template: %s", x->e.msg);
    }
    assert_string_equal(file.ind[0].threshold_rule, "industry_min_pct");
    absent(x, "2025-03", 2);
    absent(x, "2025-04", 0);
    absent(x, "2026-03", 2);
    absent(x, "2026-04", 0);
    assert_int_equal(db_round_create(x->db, &x->ctx, &x->county, &file, 2025, "", NULL, 0,
                                     &id25, &x->e), 0);
    assert_int_equal(db_round_create(x->db, &x->ctx, &x->county, &file, 2026, "", NULL, 0,
                                     &id26, &x->e), 0);
    assert_int_equal(sheet(x, id25, x->team1, &t, &s), 0);
    assert_int_equal(line(&s, "A")->in.value, 5000);
    assert_int_equal(line(&s, "A")->ind->threshold_bp, 6000);
    assert_int_equal(line(&s, "A")->s.points_cp, 0);
    sheet_done(&t, &s);
    assert_int_equal(sheet(x, id26, x->team1, &t, &s), 0);
    assert_int_equal(line(&s, "A")->in.value, 5000);
    assert_int_equal(line(&s, "A")->ind->threshold_bp, 5000);
    assert_int_equal(line(&s, "A")->s.points_cp, 1000);
    sheet_done(&t, &s);
    assess_template_free(&file);
    free(path);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_round_and_sheet, setup, teardown),
        cmocka_unit_test_setup_teardown(test_scoring_by_hand, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ranking, setup, teardown),
        cmocka_unit_test_setup_teardown(test_inputs_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(test_inputs_kept_between_runs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_every_table_moves_the_version, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bulk_writes_move_the_version, setup, teardown),
        cmocka_unit_test_setup_teardown(test_finalize_freezes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_threshold_of_the_year, setup, teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
