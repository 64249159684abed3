/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_edit.c - saving records as the forms do (db/db_household.c,
 * db_record.c) on temporary databases: values stored, versions bumped,
 * audit rows for exactly the changed fields, list rows refreshed;
 * conflicts between two users, role and scope refusals, duplicate numbers
 * named, the head kept, income lines, household numbers, the search for
 * similar households, and that a save reads its household once.
 */
#include "config.h"
#include "helpers.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/idno.h"
#include "db/db_audit.h"
#include "db/db_division.h"
#include "db/db_household.h"
#include "db/db_priv.h"
#include "db/db_record.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/xalloc.h"

struct fixture {
    char *dir;
    char *path;
    struct db *db;
    struct policy p;
    struct rule_ctx ctx;
    struct actor county, town, village, viewer;
    int64_t county_id, town1, village1, town2, village2, nocode;
    int seq;                     /* for unique synthetic ID numbers */
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
    /* Ids 1-3 are the scopes of helpers_actor's township and village
     * actors (2 and 3). */
    if (db_open(&x->db, x->path, DB_CREATE, 1000, &x->e) ||
        db_division_add(x->db, "t", 1, 0, "519901", "青山县", 1, &x->county_id, &x->e) ||
        db_division_add(x->db, "t", 2, x->county_id, "519901001", "红岩镇", 1, &x->town1, &x->e) ||
        db_division_add(x->db, "t", 3, x->town1, "519901001001", "白马村", 1, &x->village1, &x->e) ||
        db_division_add(x->db, "t", 2, x->county_id, "519901002", "石门乡", 1, &x->town2, &x->e) ||
        db_division_add(x->db, "t", 3, x->town2, "519901002003", "柳树村", 1, &x->village2, &x->e) ||
        db_division_add(x->db, "t", 3, x->town1, "", "新建村", 1, &x->nocode, &x->e)) {
        fail_msg("setup: %s", x->e.msg);
    }
    assert_int_equal(x->town1, 2);
    assert_int_equal(x->village1, 3);
    x->county = helpers_actor(ROLE_COUNTY);
    x->town = helpers_actor(ROLE_TOWNSHIP);
    x->village = helpers_actor(ROLE_VILLAGE);
    x->viewer = helpers_actor(ROLE_VIEWER);
    *state = x;
    return 0;
}

static int
teardown(void **state)
{
    struct fixture *x = *state;

    db_close(x->db);
    policy_free(&x->p);
    free(x->path);
    helpers_rmdir(x->dir);
    free(x);
    return 0;
}

/* ---- helpers -------------------------------------------------------- */

/* One integer from SQL (a test's own query on fixed values). */
static int64_t
scalar(struct fixture *x, const char *sql)
{
    sqlite3_stmt *st;
    int64_t n = -1;

    if (sqlite3_prepare_v2(x->db->h, sql, -1, &st, NULL) != SQLITE_OK) {
        fail_msg("%s: %s", sql, sqlite3_errmsg(x->db->h));
    }
    if (sqlite3_step(st) == SQLITE_ROW) {
        n = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return n;
}

static int64_t scalarf(struct fixture *x, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int64_t
scalarf(struct fixture *x, const char *fmt, ...)
{
    char sql[512];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(sql, sizeof(sql), fmt, ap);
    va_end(ap);
    return scalar(x, sql);
}

/* One text value from SQL into BUF ("" for NULL or no row). */
static const char *textf(struct fixture *x, char *buf, size_t n,
                         const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static const char *
textf(struct fixture *x, char *buf, size_t n, const char *fmt, ...)
{
    char sql[512];
    sqlite3_stmt *st;
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(sql, sizeof(sql), fmt, ap);
    va_end(ap);
    buf[0] = '\0';
    if (sqlite3_prepare_v2(x->db->h, sql, -1, &st, NULL) != SQLITE_OK) {
        fail_msg("%s: %s", sql, sqlite3_errmsg(x->db->h));
    }
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL) {
        snprintf(buf, n, "%s", (const char *)sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
    return buf;
}

/* Audit rows of OP on TBL row ROW (FIELD NULL: any field). */
static int64_t
audits(struct fixture *x, const char *op, const char *tbl, int64_t row,
       const char *field)
{
    sqlite3_stmt *st;
    int64_t n = -1;

    assert_int_equal(sqlite3_prepare_v2(x->db->h,
        "SELECT count(*) FROM audit WHERE op = ?1 AND tbl = ?2 AND row_id = ?3 "
        "AND (?4 IS NULL OR field = ?4)", -1, &st, NULL), SQLITE_OK);
    sqlite3_bind_text(st, 1, op, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, tbl, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, row);
    if (field != NULL) {
        sqlite3_bind_text(st, 4, field, -1, SQLITE_STATIC);
    }
    if (sqlite3_step(st) == SQLITE_ROW) {
        n = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return n;
}

/* The old and new values of the audit row for FIELD of TBL row ROW. */
static void
audit_values(struct fixture *x, const char *tbl, int64_t row,
             const char *field, const char *old, const char *new)
{
    sqlite3_stmt *st;

    assert_int_equal(sqlite3_prepare_v2(x->db->h,
        "SELECT coalesce(old, ''), coalesce(new, '') FROM audit "
        "WHERE op = 'update' AND tbl = ? AND row_id = ? AND field = ? "
        "ORDER BY id DESC LIMIT 1", -1, &st, NULL), SQLITE_OK);
    sqlite3_bind_text(st, 1, tbl, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, row);
    sqlite3_bind_text(st, 3, field, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), old);
    assert_string_equal((const char *)sqlite3_column_text(st, 1), new);
    sqlite3_finalize(st);
}

static void
has(const char *msg, const char *what)
{
    if (strstr(msg, what) == NULL) {
        fail_msg("'%s' lacks '%s'", msg, what);
    }
}

/* Expect RC to be a failure with CODE. */
#define REFUSED(x, call, want) do { \
        err_clear(&(x)->e); \
        assert_int_equal((call), -1); \
        if ((x)->e.code != (want)) { \
            fail_msg("code %d, not %d: %s", (x)->e.code, (want), (x)->e.msg); \
        } \
    } while (0)

#define OK(x, call) do { \
        err_clear(&(x)->e); \
        if ((call) != 0) { \
            fail_msg("%s: %s", #call, (x)->e.msg); \
        } \
    } while (0)

struct mspec {
    const char *name;
    const char *rel;
    const char *birth;     /* YYYYMMDD */
};

/* Members from SPEC (N of them) with fresh valid ID numbers. */
static void
make_members(struct fixture *x, struct person *out, const struct mspec *spec,
             size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        struct person *p = &out[i];

        memset(p, 0, sizeof(*p));
        snprintf(p->name, sizeof(p->name), "%s", spec[i].name);
        snprintf(p->relation, sizeof(p->relation), "%s", spec[i].rel);
        snprintf(p->id_type, sizeof(p->id_type), "1");
        snprintf(p->id_no, sizeof(p->id_no), "519901%.8s%03d", spec[i].birth,
                 ++x->seq % 1000);
        p->id_no[17] = idno_check_char(p->id_no);
        p->id_no[18] = '\0';
        p->birth = date_from_ymd(atoi(spec[i].birth) / 10000,
                                 atoi(spec[i].birth) / 100 % 100,
                                 atoi(spec[i].birth) % 100);
        snprintf(p->sex, sizeof(p->sex), "1");
        snprintf(p->labour, sizeof(p->labour), "2");
        snprintf(p->health, sizeof(p->health), "1");
        p->in_household = 1;
    }
}

static const struct mspec family[] = {
    {"张三", "02", "19700305"},
    {"李四", "10", "19720610"},
    {"张小明", "20", "20050101"},
    {"王五", "50", "19400101"},
};
#define NFAMILY (sizeof(family) / sizeof(family[0]))

static void
new_household(struct household *h, const char *no, int64_t town,
              int64_t village)
{
    memset(h, 0, sizeof(*h));
    snprintf(h->hh_no, sizeof(h->hh_no), "%s", no);
    h->township_id = town;
    h->village_id = village;
    snprintf(h->hh_type, sizeof(h->hh_type), "1");
}

/* A household of SPEC in VILLAGE of TOWN created by the county actor;
 * returns its id; MEMBERS (may be NULL) gets the stored members. */
static int64_t
create(struct fixture *x, const char *no, int64_t town, int64_t village,
       const struct mspec *spec, size_t n, struct person *members)
{
    struct household h;
    struct person m[8];

    new_household(&h, no, town, village);
    make_members(x, m, spec, n);
    OK(x, db_household_create(x->db, &x->ctx, &x->county, &h, m, n, &x->e));
    if (members != NULL) {
        memcpy(members, m, n * sizeof(*m));
    }
    return h.id;
}

/* ---- households ----------------------------------------------------- */

static void
test_create(void **state)
{
    struct fixture *x = *state;
    struct household h, got;
    struct person m[NFAMILY];
    char buf[64];
    size_t i;

    new_household(&h, "", x->town1, x->village1);
    snprintf(h.address, sizeof(h.address), "白马村3组");
    make_members(x, m, family, NFAMILY);
    OK(x, db_household_create(x->db, &x->ctx, &x->town, &h, m, NFAMILY, &x->e));
    assert_true(h.id > 0);
    assert_int_equal(h.version, 1);
    assert_string_equal(h.hh_no, "5199010010010001");
    OK(x, db_household_get(x->db, h.id, &got, &x->e));
    assert_string_equal(got.hh_no, "5199010010010001");
    assert_string_equal(got.address, "白马村3组");
    assert_int_equal(got.version, 1);
    for (i = 0; i < NFAMILY; i++) {
        assert_true(m[i].id > 0);
        assert_int_equal(m[i].household_id, h.id);
        assert_int_equal(audits(x, "insert", "person", m[i].id, NULL), 1);
    }
    assert_int_equal(scalarf(x, "SELECT count(*) FROM person WHERE household_id = %lld "
                                "AND in_household = 1", (long long)h.id), 4);
    assert_int_equal(audits(x, "insert", "household", h.id, NULL), 1);
    /* The list row is there. */
    assert_int_equal(scalarf(x, "SELECT members FROM hh_list WHERE id = %lld",
                             (long long)h.id), 4);
    assert_string_equal(textf(x, buf, sizeof(buf), "SELECT head FROM hh_list WHERE id = %lld",
                              (long long)h.id), "张三");
    /* The next one gets the next number. */
    assert_int_equal(create(x, "", x->town1, x->village1, family, NFAMILY, NULL),
                     h.id + 1);
    assert_string_equal(textf(x, buf, sizeof(buf), "SELECT hh_no FROM household WHERE id = %lld",
                              (long long)(h.id + 1)), "5199010010010002");
}

static void
test_create_refused(void **state)
{
    struct fixture *x = *state;
    struct household h;
    struct person m[NFAMILY], other[NFAMILY];
    int64_t hh = create(x, "5199010010010042", x->town1, x->village1, family,
                        NFAMILY, other);
    int64_t audit0 = db_audit_count(x->db, &x->e);

    /* No head, then two heads. */
    new_household(&h, "", x->town1, x->village1);
    make_members(x, m, family, NFAMILY);
    snprintf(m[0].relation, sizeof(m[0].relation), "10");
    REFUSED(x, db_household_create(x->db, &x->ctx, &x->county, &h, m, NFAMILY, &x->e),
            ERR_INVALID);
    snprintf(m[0].relation, sizeof(m[0].relation), "02");
    snprintf(m[1].relation, sizeof(m[1].relation), "02");
    REFUSED(x, db_household_create(x->db, &x->ctx, &x->county, &h, m, NFAMILY, &x->e),
            ERR_INVALID);
    snprintf(m[1].relation, sizeof(m[1].relation), "10");
    REFUSED(x, db_household_create(x->db, &x->ctx, &x->county, &h, m, 0, &x->e),
            ERR_INVALID);
    /* A number in use. */
    snprintf(h.hh_no, sizeof(h.hh_no), "5199010010010042");
    REFUSED(x, db_household_create(x->db, &x->ctx, &x->county, &h, m, NFAMILY, &x->e),
            ERR_INVALID);
    has(x->e.msg, "5199010010010042");
    /* An ID number held by a current member of that household. */
    h.hh_no[0] = '\0';
    snprintf(m[2].id_no, sizeof(m[2].id_no), "%s", other[3].id_no);
    REFUSED(x, db_household_create(x->db, &x->ctx, &x->county, &h, m, NFAMILY, &x->e),
            ERR_INVALID);
    has(x->e.msg, "5199010010010042");
    has(x->e.msg, other[3].id_no);
    /* The same ID twice in the new household. */
    snprintf(m[2].id_no, sizeof(m[2].id_no), "%s", m[1].id_no);
    REFUSED(x, db_household_create(x->db, &x->ctx, &x->county, &h, m, NFAMILY, &x->e),
            ERR_INVALID);
    make_members(x, m, family, NFAMILY);
    /* Roles and scopes. */
    REFUSED(x, db_household_create(x->db, &x->ctx, &x->viewer, &h, m, NFAMILY, &x->e),
            ERR_DENIED);
    new_household(&h, "", x->town2, x->village2);
    REFUSED(x, db_household_create(x->db, &x->ctx, &x->town, &h, m, NFAMILY, &x->e),
            ERR_DENIED);
    /* A village of another township. */
    new_household(&h, "", x->town1, x->village2);
    REFUSED(x, db_household_create(x->db, &x->ctx, &x->county, &h, m, NFAMILY, &x->e),
            ERR_INVALID);
    /* A village without a code gets no number. */
    new_household(&h, "", x->town1, x->nocode);
    REFUSED(x, db_household_create(x->db, &x->ctx, &x->county, &h, m, NFAMILY, &x->e),
            ERR_INVALID);
    has(x->e.msg, "新建村");
    /* Nothing was stored, and the records are as they were. */
    assert_int_equal(h.id, 0);
    assert_int_equal(m[0].id, 0);
    assert_int_equal(scalar(x, "SELECT count(*) FROM household"), 1);
    assert_int_equal(scalar(x, "SELECT count(*) FROM person"), 4);
    assert_int_equal(db_audit_count(x->db, &x->e), audit0);
    (void)hh;
}

static void
test_create_rolled_back(void **state)
{
    struct fixture *x = *state;
    struct household h;
    struct person m[NFAMILY];
    int64_t audit0 = db_audit_count(x->db, &x->e);

    new_household(&h, "", x->town1, x->village1);
    make_members(x, m, family, NFAMILY);
    /* The third member breaks a rule of the database. */
    snprintf(m[2].sex, sizeof(m[2].sex), "9");
    REFUSED(x, db_household_create(x->db, &x->ctx, &x->county, &h, m, NFAMILY, &x->e),
            ERR_INVALID);
    has(x->e.msg, "张小明");
    assert_int_equal(h.id, 0);
    assert_string_equal(h.hh_no, "");
    assert_int_equal(m[0].id, 0);
    assert_int_equal(m[1].id, 0);
    assert_int_equal(scalar(x, "SELECT count(*) FROM household"), 0);
    assert_int_equal(scalar(x, "SELECT count(*) FROM person"), 0);
    assert_int_equal(scalar(x, "SELECT count(*) FROM hh_list"), 0);
    assert_int_equal(db_audit_count(x->db, &x->e), audit0);
    /* Fixed, it goes in with the first number. */
    snprintf(m[2].sex, sizeof(m[2].sex), "1");
    OK(x, db_household_create(x->db, &x->ctx, &x->county, &h, m, NFAMILY, &x->e));
    assert_string_equal(h.hh_no, "5199010010010001");
}

static void
test_next_no(void **state)
{
    struct fixture *x = *state;
    char no[HH_NO_BUF];

    OK(x, db_household_next_no(x->db, x->village1, no, &x->e));
    assert_string_equal(no, "5199010010010001");
    create(x, "5199010010010007", x->town1, x->village1, family, NFAMILY, NULL);
    /* Numbers of another form or another village do not count. */
    create(x, "51990100100100099", x->town1, x->village1, family, NFAMILY, NULL);
    create(x, "519901001001abcd", x->town1, x->village1, family, NFAMILY, NULL);
    create(x, "5199010020030500", x->town2, x->village2, family, NFAMILY, NULL);
    OK(x, db_household_next_no(x->db, x->village1, no, &x->e));
    assert_string_equal(no, "5199010010010008");
    OK(x, db_household_next_no(x->db, x->village2, no, &x->e));
    assert_string_equal(no, "5199010020030501");
    create(x, "5199010020039999", x->town2, x->village2, family, NFAMILY, NULL);
    REFUSED(x, db_household_next_no(x->db, x->village2, no, &x->e), ERR_INVALID);
    REFUSED(x, db_household_next_no(x->db, x->nocode, no, &x->e), ERR_INVALID);
    has(x->e.msg, "新建村");
    REFUSED(x, db_household_next_no(x->db, x->town1, no, &x->e), ERR_INVALID);
    REFUSED(x, db_household_next_no(x->db, 999, no, &x->e), ERR_NOTFOUND);
}

static void
test_household_update(void **state)
{
    struct fixture *x = *state;
    int64_t id = create(x, "", x->town1, x->village1, family, NFAMILY, NULL);
    struct household h;
    char buf[64];

    OK(x, db_household_get(x->db, id, &h, &x->e));
    snprintf(h.address, sizeof(h.address), "白马村5组");
    snprintf(h.phone, sizeof(h.phone), "13800000000");
    h.military = 1;
    snprintf(h.hh_no, sizeof(h.hh_no), "5199010010010100");
    OK(x, db_household_update(x->db, &x->ctx, &x->village, &h, &x->e));
    assert_int_equal(h.version, 2);
    OK(x, db_household_get(x->db, id, &h, &x->e));
    assert_int_equal(h.version, 2);
    assert_string_equal(h.address, "白马村5组");
    assert_int_equal(h.military, 1);
    /* One row per changed field, none for the others. */
    assert_int_equal(audits(x, "update", "household", id, NULL), 4);
    audit_values(x, "household", id, "address", "", "白马村5组");
    audit_values(x, "household", id, "phone", "", "13800000000");
    audit_values(x, "household", id, "military", "0", "1");
    audit_values(x, "household", id, "hh_no", "5199010010010001", "5199010010010100");
    assert_string_equal(textf(x, buf, sizeof(buf), "SELECT hh_no FROM hh_list WHERE id = %lld",
                              (long long)id), "5199010010010100");
    /* Saving unchanged writes no audit row but bumps the version. */
    OK(x, db_household_update(x->db, &x->ctx, &x->village, &h, &x->e));
    assert_int_equal(h.version, 3);
    assert_int_equal(audits(x, "update", "household", id, NULL), 4);
    /* Moving it to the other township: the township actor may not. */
    h.township_id = x->town2;
    h.village_id = x->village2;
    REFUSED(x, db_household_update(x->db, &x->ctx, &x->town, &h, &x->e), ERR_DENIED);
    h.village_id = x->village1;
    REFUSED(x, db_household_update(x->db, &x->ctx, &x->county, &h, &x->e), ERR_INVALID);
    h.village_id = x->village2;
    OK(x, db_household_update(x->db, &x->ctx, &x->county, &h, &x->e));
    assert_int_equal(scalarf(x, "SELECT village_id FROM hh_list WHERE id = %lld", (long long)id),
                     x->village2);
    /* Another's number is refused, naming it. */
    create(x, "5199010010010200", x->town1, x->village1, family, NFAMILY, NULL);
    snprintf(h.hh_no, sizeof(h.hh_no), "5199010010010200");
    REFUSED(x, db_household_update(x->db, &x->ctx, &x->county, &h, &x->e), ERR_INVALID);
    has(x->e.msg, "5199010010010200");
    h.id = 999;
    REFUSED(x, db_household_update(x->db, &x->ctx, &x->county, &h, &x->e), ERR_NOTFOUND);
}

static void
test_household_conflict(void **state)
{
    struct fixture *x = *state;
    int64_t id = create(x, "5199010010010001", x->town1, x->village1, family,
                        NFAMILY, NULL);
    struct household mine, theirs;
    int64_t n;

    OK(x, db_household_get(x->db, id, &mine, &x->e));
    OK(x, db_household_get(x->db, id, &theirs, &x->e));
    snprintf(theirs.address, sizeof(theirs.address), "他们的地址");
    OK(x, db_household_update(x->db, &x->ctx, &x->town, &theirs, &x->e));
    n = db_audit_count(x->db, &x->e);
    snprintf(mine.address, sizeof(mine.address), "我的地址");
    mine.relocated = 1;
    REFUSED(x, db_household_update(x->db, &x->ctx, &x->village, &mine, &x->e),
            ERR_CONFLICT);
    has(x->e.msg, "5199010010010001");
    assert_int_equal(mine.version, 1);
    OK(x, db_household_get(x->db, id, &theirs, &x->e));
    assert_string_equal(theirs.address, "他们的地址");
    assert_int_equal(theirs.relocated, 0);
    assert_int_equal(theirs.version, 2);
    assert_int_equal(db_audit_count(x->db, &x->e), n);
}

static void
test_denied(void **state)
{
    struct fixture *x = *state;
    struct person m[NFAMILY];
    int64_t mine = create(x, "", x->town1, x->village1, family, NFAMILY, NULL);
    int64_t far = create(x, "", x->town2, x->village2, family, NFAMILY, m);
    int64_t n = db_audit_count(x->db, &x->e);
    struct household h;
    struct person p;
    struct income inc;

    OK(x, db_household_get(x->db, mine, &h, &x->e));
    snprintf(h.address, sizeof(h.address), "x");
    REFUSED(x, db_household_update(x->db, &x->ctx, &x->viewer, &h, &x->e), ERR_DENIED);
    OK(x, db_household_get(x->db, far, &h, &x->e));
    snprintf(h.address, sizeof(h.address), "x");
    REFUSED(x, db_household_update(x->db, &x->ctx, &x->town, &h, &x->e), ERR_DENIED);
    has(x->e.msg, h.hh_no);
    REFUSED(x, db_household_update(x->db, &x->ctx, &x->village, &h, &x->e), ERR_DENIED);
    p = m[1];
    snprintf(p.name, sizeof(p.name), "改名");
    REFUSED(x, db_person_save(x->db, &x->ctx, &x->town, &p, &x->e), ERR_DENIED);
    REFUSED(x, db_person_save(x->db, &x->ctx, &x->viewer, &p, &x->e), ERR_DENIED);
    REFUSED(x, db_person_remove(x->db, &x->ctx, &x->town, m[1].id, m[1].version,
                                "迁出", DATE_NONE, &x->e), ERR_DENIED);
    memset(&inc, 0, sizeof(inc));
    inc.household_id = far;
    inc.year = 2026;
    inc.members = 4;
    REFUSED(x, db_income_save(x->db, &x->ctx, &x->town, &inc, &x->e), ERR_DENIED);
    assert_int_equal(inc.id, 0);
    /* The county sees everything. */
    OK(x, db_household_update(x->db, &x->ctx, &x->county, &h, &x->e));
    assert_int_equal(db_audit_count(x->db, &x->e), n + 1);
}

/* ---- members -------------------------------------------------------- */

static void
test_person_save(void **state)
{
    struct fixture *x = *state;
    struct person m[NFAMILY], other[NFAMILY], p, q;
    int64_t hh = create(x, "5199010010010001", x->town1, x->village1, family,
                        NFAMILY, m);
    static const struct mspec baby[] = {{"张小红", "30", "20260101"}};
    char buf[64];

    create(x, "5199010010010002", x->town1, x->village1, family, NFAMILY, other);
    /* Add a member. */
    make_members(x, &p, baby, 1);
    p.household_id = hh;
    OK(x, db_person_save(x->db, &x->ctx, &x->village, &p, &x->e));
    assert_true(p.id > 0);
    assert_int_equal(p.version, 1);
    assert_int_equal(audits(x, "insert", "person", p.id, NULL), 1);
    assert_int_equal(scalarf(x, "SELECT members FROM hh_list WHERE id = %lld", (long long)hh), 5);
    /* Change two fields. */
    OK(x, db_person_get(x->db, m[1].id, &q, &x->e));
    assert_int_equal(q.version, 1);
    snprintf(q.name, sizeof(q.name), "李四妹");
    q.dibao = 1;
    OK(x, db_person_save(x->db, &x->ctx, &x->town, &q, &x->e));
    assert_int_equal(q.version, 2);
    assert_int_equal(audits(x, "update", "person", q.id, NULL), 2);
    audit_values(x, "person", q.id, "name", "李四", "李四妹");
    audit_values(x, "person", q.id, "dibao", "0", "1");
    OK(x, db_person_get(x->db, m[1].id, &q, &x->e));
    assert_string_equal(q.name, "李四妹");
    assert_int_equal(q.version, 2);
    assert_string_equal(textf(x, buf, sizeof(buf),
                              "SELECT terms LIKE '%%n妹%%' FROM hh_list WHERE id = %lld",
                              (long long)hh),
                        "1");
    /* A stale copy is refused and changes nothing. */
    p = m[1];
    snprintf(p.name, sizeof(p.name), "李小四");
    REFUSED(x, db_person_save(x->db, &x->ctx, &x->town, &p, &x->e), ERR_CONFLICT);
    has(x->e.msg, "5199010010010001");
    assert_int_equal(p.version, 1);
    OK(x, db_person_get(x->db, m[1].id, &q, &x->e));
    assert_string_equal(q.name, "李四妹");
    /* Another household's member's ID number, on update and on add. */
    snprintf(q.id_no, sizeof(q.id_no), "%s", other[0].id_no);
    REFUSED(x, db_person_save(x->db, &x->ctx, &x->town, &q, &x->e), ERR_INVALID);
    has(x->e.msg, "5199010010010002");
    make_members(x, &p, baby, 1);
    p.household_id = hh;
    snprintf(p.id_no, sizeof(p.id_no), "%s", other[2].id_no);
    REFUSED(x, db_person_save(x->db, &x->ctx, &x->town, &p, &x->e), ERR_INVALID);
    has(x->e.msg, "5199010010010002");
    assert_int_equal(p.id, 0);
    /* A member is not moved by saving. */
    OK(x, db_person_get(x->db, m[1].id, &q, &x->e));
    q.household_id = other[0].household_id;
    REFUSED(x, db_person_save(x->db, &x->ctx, &x->county, &q, &x->e), ERR_INVALID);
    q.id = 9999;
    REFUSED(x, db_person_save(x->db, &x->ctx, &x->county, &q, &x->e), ERR_NOTFOUND);
}

static void
test_person_remove(void **state)
{
    struct fixture *x = *state;
    struct person m[NFAMILY], other[NFAMILY], p;
    int64_t hh = create(x, "5199010010010001", x->town1, x->village1, family,
                        NFAMILY, m);
    int64_t other_hh = create(x, "5199010010010002", x->town1, x->village1,
                              family, NFAMILY, other);
    size_t i;

    REFUSED(x, db_person_remove(x->db, &x->ctx, &x->town, m[3].id, 1, "", DATE_NONE,
                                &x->e), ERR_INVALID);
    REFUSED(x, db_person_remove(x->db, &x->ctx, &x->town, m[3].id, 1, NULL, DATE_NONE,
                                &x->e), ERR_INVALID);
    REFUSED(x, db_person_remove(x->db, &x->ctx, &x->town, m[3].id, 1, "去世",
                                D("2026-12-01"), &x->e), ERR_INVALID);
    OK(x, db_person_remove(x->db, &x->ctx, &x->town, m[3].id, 1, "去世",
                           D("2026-10-01"), &x->e));
    OK(x, db_person_get(x->db, m[3].id, &p, &x->e));
    assert_int_equal(p.in_household, 0);
    assert_string_equal(p.left_reason, "去世");
    assert_int_equal(p.version, 2);
    assert_int_equal(scalarf(x, "SELECT left_on = '2026-10-01' FROM person WHERE id = %lld",
                             (long long)m[3].id), 1);
    assert_int_equal(audits(x, "update", "person", m[3].id, NULL), 3);
    audit_values(x, "person", m[3].id, "in_household", "1", "0");
    audit_values(x, "person", m[3].id, "left_reason", "", "去世");
    audit_values(x, "person", m[3].id, "left_on", "", "2026-10-01");
    assert_int_equal(scalarf(x, "SELECT members FROM hh_list WHERE id = %lld", (long long)hh), 3);
    /* Twice with the same version: someone else did it first. */
    REFUSED(x, db_person_remove(x->db, &x->ctx, &x->town, m[3].id, 1, "去世",
                                DATE_NONE, &x->e), ERR_CONFLICT);
    REFUSED(x, db_person_remove(x->db, &x->ctx, &x->town, m[3].id, 2, "去世",
                                DATE_NONE, &x->e), ERR_INVALID);
    /* The ID number is free again: the member may join another household. */
    p.id = 0;
    p.household_id = other_hh;
    snprintf(p.relation, sizeof(p.relation), "50");
    OK(x, db_person_save(x->db, &x->ctx, &x->town, &p, &x->e));
    assert_int_equal(p.in_household, 1);
    assert_int_equal(scalarf(x, "SELECT members FROM hh_list WHERE id = %lld", (long long)other_hh), 5);
    /* The head stays while others remain. */
    REFUSED(x, db_person_remove(x->db, &x->ctx, &x->town, m[0].id, 1, "迁出",
                                DATE_NONE, &x->e), ERR_RULE);
    has(x->e.msg, "张三");
    for (i = 1; i < 3; i++) {
        OK(x, db_person_remove(x->db, &x->ctx, &x->town, m[i].id, 1, "迁出",
                               DATE_NONE, &x->e));
    }
    /* Alone, the head may leave (today when no day is given). */
    OK(x, db_person_remove(x->db, &x->ctx, &x->town, m[0].id, 1, "去世",
                           DATE_NONE, &x->e));
    assert_int_equal(scalarf(x, "SELECT left_on = '2026-11-22' FROM person WHERE id = %lld",
                             (long long)m[0].id), 1);
    assert_int_equal(scalarf(x, "SELECT members FROM hh_list WHERE id = %lld", (long long)hh), 0);
}

/* ---- incomes and guarantees ----------------------------------------- */

static void
test_income(void **state)
{
    struct fixture *x = *state;
    int64_t hh = create(x, "5199010010010001", x->town1, x->village1, family,
                        NFAMILY, NULL);
    const struct line_entry *line = policy_line(&x->p, "51", 2025);
    struct income inc, mine, theirs;

    assert_non_null(line);
    memset(&inc, 0, sizeof(inc));
    inc.household_id = hh;
    inc.year = 2025;
    inc.wage = 3000000;
    inc.transfer = 100000;
    inc.members = 0;
    REFUSED(x, db_income_save(x->db, &x->ctx, &x->town, &inc, &x->e), ERR_INVALID);
    inc.members = 4;
    OK(x, db_income_save(x->db, &x->ctx, &x->town, &inc, &x->e));
    assert_true(inc.id > 0);
    assert_int_equal(inc.version, 1);
    assert_int_equal(inc.net, 3100000);
    assert_int_equal(inc.per_capita, 775000);
    assert_int_equal(inc.line_fen, line->fen);
    assert_int_equal(inc.line_year, 2025);
    assert_int_equal(audits(x, "insert", "income", inc.id, NULL), 1);
    OK(x, db_income_get(x->db, hh, 2025, &mine, &x->e));
    assert_int_equal(mine.id, inc.id);
    assert_int_equal(mine.line_fen, line->fen);
    assert_int_equal(mine.line_year, 2025);
    assert_int_equal(mine.per_capita, 775000);
    assert_int_equal(scalarf(x, "SELECT per_capita FROM hh_list WHERE id = %lld", (long long)hh), 775000);
    REFUSED(x, db_income_get(x->db, hh, 2024, &mine, &x->e), ERR_NOTFOUND);
    /* Added meanwhile by someone else. */
    memset(&mine, 0, sizeof(mine));
    mine.household_id = hh;
    mine.year = 2025;
    mine.members = 2;
    REFUSED(x, db_income_save(x->db, &x->ctx, &x->town, &mine, &x->e), ERR_CONFLICT);
    has(x->e.msg, "5199010010010001");
    assert_int_equal(mine.id, 0);
    /* Two loads: the first save wins. */
    OK(x, db_income_get(x->db, hh, 2025, &mine, &x->e));
    OK(x, db_income_get(x->db, hh, 2025, &theirs, &x->e));
    theirs.wage = 3600000;
    OK(x, db_income_save(x->db, &x->ctx, &x->town, &theirs, &x->e));
    assert_int_equal(theirs.version, 2);
    assert_int_equal(audits(x, "update", "income", inc.id, NULL), 3);
    audit_values(x, "income", inc.id, "wage", "30000.00", "36000.00");
    audit_values(x, "income", inc.id, "net", "31000.00", "37000.00");
    audit_values(x, "income", inc.id, "per_capita", "7750.00", "9250.00");
    assert_int_equal(scalarf(x, "SELECT per_capita FROM hh_list WHERE id = %lld", (long long)hh), 925000);
    mine.members = 5;
    REFUSED(x, db_income_save(x->db, &x->ctx, &x->town, &mine, &x->e), ERR_CONFLICT);
    assert_int_equal(mine.version, 1);
    OK(x, db_income_get(x->db, hh, 2025, &mine, &x->e));
    assert_int_equal(mine.members, 4);
    assert_int_equal(mine.wage, 3600000);
    /* A year without a line stores none. */
    memset(&inc, 0, sizeof(inc));
    inc.household_id = hh;
    inc.year = 2001;
    inc.members = 1;
    inc.line_fen = 123;
    OK(x, db_income_save(x->db, &x->ctx, &x->town, &inc, &x->e));
    assert_int_equal(inc.line_fen, 0);
    assert_int_equal(inc.line_year, 0);
    assert_int_equal(scalarf(x, "SELECT line_fen IS NULL FROM income WHERE id = %lld",
                             (long long)inc.id), 1);
    /* Moving it onto a year already recorded. */
    inc.year = 2025;
    REFUSED(x, db_income_save(x->db, &x->ctx, &x->town, &inc, &x->e), ERR_INVALID);
}

static void
test_guarantee(void **state)
{
    struct fixture *x = *state;
    int64_t hh = create(x, "5199010010010001", x->town1, x->village1, family,
                        NFAMILY, NULL);
    struct guarantee g, mine, theirs;

    memset(&g, 0, sizeof(g));
    g.household_id = hh;
    g.year = 2026;
    g.checked_on = DATE_NONE;
    g.food_clothing = g.education = g.medical = g.housing = g.water = 1;
    REFUSED(x, db_guarantee_save(x->db, &x->ctx, &x->village, &g, &x->e), ERR_INVALID);
    g.checked_on = D("2026-06-01");
    OK(x, db_guarantee_save(x->db, &x->ctx, &x->village, &g, &x->e));
    assert_true(g.id > 0);
    assert_int_equal(audits(x, "insert", "guarantee", g.id, NULL), 1);
    g.id = 0;
    REFUSED(x, db_guarantee_save(x->db, &x->ctx, &x->village, &g, &x->e), ERR_CONFLICT);
    OK(x, db_guarantee_get(x->db, hh, 2026, &mine, &x->e));
    OK(x, db_guarantee_get(x->db, hh, 2026, &theirs, &x->e));
    theirs.water = 0;
    theirs.checked_on = D("2026-07-01");
    OK(x, db_guarantee_save(x->db, &x->ctx, &x->village, &theirs, &x->e));
    assert_int_equal(theirs.version, 2);
    assert_int_equal(audits(x, "update", "guarantee", theirs.id, NULL), 2);
    audit_values(x, "guarantee", theirs.id, "water", "1", "0");
    audit_values(x, "guarantee", theirs.id, "checked_on", "2026-06-01", "2026-07-01");
    mine.housing = 0;
    REFUSED(x, db_guarantee_save(x->db, &x->ctx, &x->village, &mine, &x->e), ERR_CONFLICT);
    OK(x, db_guarantee_get(x->db, hh, 2026, &mine, &x->e));
    assert_int_equal(mine.housing, 1);
    assert_int_equal(mine.water, 0);
    REFUSED(x, db_guarantee_get(x->db, hh, 2020, &mine, &x->e), ERR_NOTFOUND);
}

/* ---- measures and visits -------------------------------------------- */

static void
test_measure_visit(void **state)
{
    struct fixture *x = *state;
    int64_t hh = create(x, "5199010010010001", x->town1, x->village1, family,
                        NFAMILY, NULL);
    struct measure m, stale;
    struct visit v, vs;

    memset(&m, 0, sizeof(m));
    m.household_id = hh;
    m.year = 2026;
    snprintf(m.category, sizeof(m.category), "100A39");
    snprintf(m.item, sizeof(m.item), "养鸡");
    m.start = D("2026-03-01");
    m.end = DATE_NONE;
    m.case_id = 77;
    REFUSED(x, db_measure_save(x->db, &x->ctx, &x->town, &m, &x->e), ERR_INVALID);
    m.case_id = 0;
    OK(x, db_measure_save(x->db, &x->ctx, &x->town, &m, &x->e));
    assert_int_equal(audits(x, "insert", "measure", m.id, NULL), 1);
    OK(x, db_measure_get(x->db, m.id, &stale, &x->e));
    assert_string_equal(stale.item, "养鸡");
    m.end = D("2026-10-31");
    OK(x, db_measure_save(x->db, &x->ctx, &x->town, &m, &x->e));
    assert_int_equal(m.version, 2);
    assert_int_equal(audits(x, "update", "measure", m.id, NULL), 1);
    audit_values(x, "measure", m.id, "end_date", "", "2026-10-31");
    snprintf(stale.item, sizeof(stale.item), "养猪");
    REFUSED(x, db_measure_save(x->db, &x->ctx, &x->town, &stale, &x->e), ERR_CONFLICT);
    REFUSED(x, db_measure_get(x->db, 999, &stale, &x->e), ERR_NOTFOUND);

    visit_init(&v);
    visit_init(&vs);
    v.household_id = hh;
    v.visit_date = D("2026-11-01");
    snprintf(v.visitor, sizeof(v.visitor), "王帮扶");
    v.findings = xstrdup("收入稳定");
    OK(x, db_visit_save(x->db, &x->ctx, &x->village, &v, &x->e));
    assert_int_equal(audits(x, "insert", "visit", v.id, NULL), 1);
    assert_int_equal(scalarf(x, "SELECT last_visit = '2026-11-01' FROM hh_list WHERE id = %lld",
                             (long long)hh), 1);
    OK(x, db_visit_get(x->db, v.id, &vs, &x->e));
    assert_string_equal(vs.findings, "收入稳定");
    free(v.findings);
    v.findings = xstrdup("务工收入减少");
    v.new_risk = 1;
    OK(x, db_visit_save(x->db, &x->ctx, &x->village, &v, &x->e));
    assert_int_equal(v.version, 2);
    assert_int_equal(audits(x, "update", "visit", v.id, NULL), 2);
    audit_values(x, "visit", v.id, "findings", "收入稳定", "务工收入减少");
    audit_values(x, "visit", v.id, "new_risk", "0", "1");
    REFUSED(x, db_visit_save(x->db, &x->ctx, &x->village, &vs, &x->e), ERR_CONFLICT);
    assert_int_equal(vs.version, 1);
    REFUSED(x, db_visit_save(x->db, &x->ctx, &x->viewer, &v, &x->e), ERR_DENIED);
    /* Reading again replaces the owned text. */
    OK(x, db_visit_get(x->db, v.id, &vs, &x->e));
    assert_string_equal(vs.findings, "务工收入减少");
    visit_clear(&v);
    visit_clear(&vs);
}

/* ---- similar households --------------------------------------------- */

static const struct similar_hh *
find_hh(const struct similar_hh *v, size_t n, int64_t id)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (v[i].id == id) {
            return &v[i];
        }
    }
    return NULL;
}

static void
test_similar(void **state)
{
    struct fixture *x = *state;
    /* A: the person being entered is already there (ID and all). */
    struct person a[NFAMILY];
    int64_t ha = create(x, "5199010010010001", x->town1, x->village1, family,
                        NFAMILY, a);
    /* B: a namesake in the same village, born another day. */
    static const struct mspec b_spec[] = {{"张三", "02", "19800101"}};
    int64_t hb = create(x, "5199010010010002", x->town1, x->village1, b_spec, 1, NULL);
    /* C: same initials and birthday, in another township. */
    static const struct mspec c_spec[] = {{"赵珊", "02", "19700305"}};
    int64_t hc = create(x, "5199010020030001", x->town2, x->village2, c_spec, 1, NULL);
    /* D: a namesake who left (no match), and one elsewhere (no match). */
    static const struct mspec d_spec[] = {{"王二", "02", "19600101"},
                                          {"张三", "10", "19900101"}};
    struct person d[2];
    int64_t hd = create(x, "5199010010010003", x->town1, x->village1, d_spec, 2, d);
    static const struct mspec e_spec[] = {{"张三", "02", "19910101"}};
    int64_t he = create(x, "5199010020030002", x->town2, x->village2, e_spec, 1, NULL);
    struct similar_hh *v;
    const struct similar_hh *s;
    size_t n;
    char masked[IDNO_BUF];

    OK(x, db_person_remove(x->db, &x->ctx, &x->county, d[1].id, 1, "迁出",
                           DATE_NONE, &x->e));
    OK(x, db_household_similar(x->db, &x->town, "张三", a[0].id_no, x->village1,
                               a[0].birth, 0, 10, &v, &n, &x->e));
    assert_int_equal(n, 3);
    /* Ranked: ID, then name and village, then initials and birth. */
    assert_int_equal(v[0].id, ha);
    assert_int_equal(v[0].why, SIM_ID | SIM_NAME_VILLAGE | SIM_INITIALS_BIRTH);
    assert_int_equal(v[1].id, hb);
    assert_int_equal(v[1].why, SIM_NAME_VILLAGE);
    assert_int_equal(v[2].id, hc);
    assert_int_equal(v[2].why, SIM_INITIALS_BIRTH);
    assert_null(find_hh(v, n, hd));
    assert_null(find_hh(v, n, he));
    /* In scope: the details. */
    assert_int_equal(v[0].in_scope, 1);
    assert_string_equal(v[0].hh_no, "5199010010010001");
    assert_string_equal(v[0].head, "张三");
    assert_string_equal(v[0].village, "红岩镇 白马村");
    assert_string_equal(v[0].person, "张三");
    idno_mask(a[0].id_no, masked);
    assert_string_equal(v[0].id_masked, masked);
    assert_string_equal(v[1].hh_no, "5199010010010002");
    /* Outside the township: only that there is one. */
    assert_int_equal(v[2].in_scope, 0);
    assert_string_equal(v[2].hh_no, "");
    assert_string_equal(v[2].head, "");
    assert_string_equal(v[2].village, "");
    assert_string_equal(v[2].person, "");
    assert_string_equal(v[2].id_masked, "");
    free(v);

    /* The county sees C; the household being edited is left out. */
    OK(x, db_household_similar(x->db, &x->county, "张三", a[0].id_no, x->village1,
                               a[0].birth, ha, 10, &v, &n, &x->e));
    assert_int_equal(n, 2);
    assert_int_equal(v[0].id, hb);
    s = find_hh(v, n, hc);
    assert_non_null(s);
    assert_int_equal(s->in_scope, 1);
    assert_string_equal(s->person, "赵珊");
    assert_string_equal(s->village, "石门乡 柳树村");
    free(v);

    /* Each kind alone. */
    OK(x, db_household_similar(x->db, &x->county, "", a[2].id_no, 0, DATE_NONE, 0,
                               10, &v, &n, &x->e));
    assert_int_equal(n, 1);
    assert_int_equal(v[0].id, ha);
    assert_int_equal(v[0].why, SIM_ID);
    assert_string_equal(v[0].person, "张小明");
    free(v);
    OK(x, db_household_similar(x->db, &x->county, "张三", "", x->village2, DATE_NONE,
                               0, 10, &v, &n, &x->e));
    assert_int_equal(n, 1);
    assert_int_equal(v[0].id, he);
    assert_int_equal(v[0].why, SIM_NAME_VILLAGE);
    free(v);
    OK(x, db_household_similar(x->db, &x->county, "周森", "", 0, D("1970-03-05"),
                               0, 10, &v, &n, &x->e));
    assert_int_equal(n, 2);
    assert_int_equal(v[0].id, ha);
    assert_int_equal(v[1].id, hc);
    assert_int_equal(v[0].why, SIM_INITIALS_BIRTH);
    free(v);
    /* The limit keeps the strongest. */
    OK(x, db_household_similar(x->db, &x->town, "张三", a[0].id_no, x->village1,
                               a[0].birth, 0, 1, &v, &n, &x->e));
    assert_int_equal(n, 1);
    assert_int_equal(v[0].id, ha);
    free(v);
    /* Nothing to look for, nothing found. */
    OK(x, db_household_similar(x->db, &x->county, "", "", 0, DATE_NONE, 0, 10, &v,
                               &n, &x->e));
    assert_int_equal(n, 0);
    assert_null(v);
}

/* ---- what a save reads ------------------------------------------- */

/* Count in CTX the statements that read a household row by its id (by
 * itself or with a snapshot's range). */
static int
count_household_reads(unsigned type, void *ctx, void *p, void *x)
{
    const char *sql = x;

    (void)type;
    (void)p;
    if (strstr(sql, "FROM household WHERE id ") != NULL ||
        strstr(sql, "FROM household t WHERE t.id ") != NULL) {
        (*(int *)ctx)++;
    }
    return 0;
}

static void
test_reads_household_once(void **state)
{
    struct fixture *x = *state;
    struct person m[NFAMILY];
    int64_t id = create(x, "", x->town1, x->village1, family, NFAMILY, m);
    struct household h;
    struct income inc;
    struct visit v;
    int reads = 0;

    OK(x, db_household_get(x->db, id, &h, &x->e));
    sqlite3_trace_v2(x->db->h, SQLITE_TRACE_STMT, count_household_reads, &reads);
    snprintf(h.address, sizeof(h.address), "白马村6组");
    OK(x, db_household_update(x->db, &x->ctx, &x->village, &h, &x->e));
    assert_int_equal(reads, 1);
    reads = 0;
    snprintf(m[1].phone, sizeof(m[1].phone), "13900000000");
    OK(x, db_person_save(x->db, &x->ctx, &x->village, &m[1], &x->e));
    assert_int_equal(reads, 1);
    reads = 0;
    memset(&inc, 0, sizeof(inc));
    inc.household_id = id;
    inc.year = 2025;
    inc.members = 4;
    OK(x, db_income_save(x->db, &x->ctx, &x->village, &inc, &x->e));
    assert_int_equal(reads, 1);
    reads = 0;
    visit_init(&v);
    v.household_id = id;
    v.visit_date = D("2026-11-01");
    snprintf(v.visitor, sizeof(v.visitor), "张干部");
    OK(x, db_visit_save(x->db, &x->ctx, &x->village, &v, &x->e));
    assert_int_equal(reads, 1);
    reads = 0;
    OK(x, db_person_remove(x->db, &x->ctx, &x->village, m[3].id, m[3].version,
                           "外嫁", DATE_NONE, &x->e));
    assert_int_equal(reads, 1);
    sqlite3_trace_v2(x->db->h, 0, NULL, NULL);
    visit_clear(&v);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_create),
        T(test_create_refused),
        T(test_create_rolled_back),
        T(test_next_no),
        T(test_household_update),
        T(test_household_conflict),
        T(test_denied),
        T(test_person_save),
        T(test_person_remove),
        T(test_income),
        T(test_guarantee),
        T(test_measure_visit),
        T(test_similar),
        T(test_reads_household_once),
    };

    i18n_set_language("en");
    return cmocka_run_group_tests_name("edit", tests, NULL, NULL);
}
