/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_list.c - the household list: keeping hh_list and hh_search in step
 * with the registry, and reading them a page at a time.
 *
 * The queries are assembled from the fixed fragments below (one WHERE
 * part per active filter, one key expression per sort column); every
 * value is bound.  Each shape is prepared once and cached by its text.
 */
#include "config.h"
#include "db/db_list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "db/db_priv.h"
#include "db/db_snapshot.h"
#include "util/array.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/pinyin.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

/* Sort columns: the stored key, which has an index (key, id). */
static const char *const sort_keys[LC_COUNT] = {
    "l.hh_no", "l.head_key", "l.place_key", "l.village_key", "l.members",
    "l.category", "l.risks", "l.income_key", "l.state_rank", "l.last_visit",
    "l.hh_type", "l.identified_on",
};

/* Households without income sort before every amount. */
#define NO_INCOME_KEY INT64_C(-999999999999999)

void
list_filter_init(struct list_filter *f)
{
    memset(f, 0, sizeof(*f));
}

unsigned
list_states_monitored(void)
{
    unsigned bits = 0;
    int s;

    for (s = 0; s < CS_COUNT; s++) {
        bits |= case_state_monitored((enum case_state)s) ? LIST_STATE(s) : 0;
    }
    return bits;
}

void
list_query_init(struct list_query *q, int scope_level, int64_t scope_id,
                int today)
{
    memset(q, 0, sizeof(*q));
    list_filter_init(&q->f);
    q->sort = LC_HHNO;
    q->scope_level = scope_level;
    q->scope_id = scope_id;
    q->today = today;
    q->hits = -1;
    q->matched = -1;
}

void
list_row_clear(struct list_row *r)
{
    sqlite3_value_free(r->key);
    memset(r, 0, sizeof(*r));
}

void
list_row_copy(struct list_row *dst, const struct list_row *src)
{
    list_row_clear(dst);
    *dst = *src;
    dst->key = src->key != NULL ? sqlite3_value_dup(src->key) : NULL;
}

/* --- keeping the rows ------------------------------------------------ */

/* The pinyin key of division ID's name into KEY (N bytes); its length. */
static size_t
division_key_read(struct db *db, int64_t id, unsigned char *key, size_t n,
                  struct err *e)
{
    static const char sql[] = "SELECT name FROM division WHERE id = ?";
    sqlite3_stmt *st = db_prep(db, sql, e);
    size_t len = 0;

    if (st == NULL) {
        return 0;
    }
    db_bind_int(st, 1, id);
    if (sqlite3_step(st) == SQLITE_ROW) {
        len = pinyin_key((const char *)sqlite3_column_text(st, 0), 0, key, n);
    }
    sqlite3_reset(st);
    return len;
}

/* The same, the last key of each LEVEL (0 township, 1 village) kept
 * while a bulk load writes (households come village by village, and no
 * place is renamed inside its transaction: db_begin forgets them). */
static size_t
division_key(struct db *db, int level, int64_t id, unsigned char *key, size_t n,
             struct err *e)
{
    struct div_key *k = &db->div_keys[level];

    if (!db->bulk || n < sizeof(k->key)) {
        k->id = 0;
        return division_key_read(db, id, key, n, e);
    }
    if (k->id != id) {
        k->len = division_key_read(db, id, k->key, sizeof(k->key), e);
        k->id = k->len > 0 ? id : 0;        /* a failed read is not kept */
    }
    memcpy(key, k->key, k->len);
    return k->len;
}

static void
bind_day(sqlite3_stmt *st, int i, int day, int empty_text)
{
    if (day == DATE_NONE && empty_text) {
        sqlite3_bind_text(st, i, "", 0, SQLITE_STATIC);
    } else {
        db_bind_date(st, i, day);
    }
}

/* Take household ID's old terms out of the search index (the index
 * reads the text from hh_list, so it must be told what it indexed). */
static int
unindex(struct db *db, int64_t id, struct err *e)
{
    static const char old[] = "SELECT terms FROM hh_list WHERE id = ?";
    static const char del[] =
        "INSERT INTO hh_search(hh_search, rowid, terms) VALUES ('delete', ?, ?)";
    sqlite3_stmt *st = db_prep(db, old, e), *d;
    int rc;

    if (st == NULL) {
        return -1;
    }
    db_bind_int(st, 1, id);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        if ((d = db_prep(db, del, e)) == NULL) {
            sqlite3_reset(st);
            return -1;
        }
        db_bind_int(d, 1, id);
        sqlite3_bind_value(d, 2, sqlite3_column_value(st, 0));
        rc = db_done(db, d, e);
        sqlite3_reset(st);
        return rc;
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : db_fail(db, e, _("reading the list"));
}

static int
index_terms(struct db *db, int64_t id, const char *terms, struct err *e)
{
    static const char ins[] = "INSERT INTO hh_search(rowid, terms) VALUES (?, ?)";
    sqlite3_stmt *st = db_prep(db, ins, e);

    if (st == NULL) {
        return -1;
    }
    db_bind_int(st, 1, id);
    db_bind_text(st, 2, terms);
    return db_done(db, st, e);
}

/* The search index made again from hh_list.  Without FTS5's automatic
 * merging while it is written (issue 16: a fifth fewer instructions for
 * 60,000 households; it leaves about twice as many segments, which the
 * searches read as fast), then the default (4) again for the writes
 * after. */
int
db_list_reindex(struct db *db, struct err *e)
{
    static const char *const sql[] = {
        "INSERT INTO hh_search(hh_search, rank) VALUES ('automerge', 0)",
        "INSERT INTO hh_search(hh_search) VALUES ('rebuild')",
        "INSERT INTO hh_search(hh_search, rank) VALUES ('automerge', 4)",
    };
    sqlite3_stmt *st;
    size_t i;

    for (i = 0; i < sizeof(sql) / sizeof(sql[0]); i++) {
        if ((st = db_prep(db, sql[i], e)) == NULL || db_done(db, st, e)) {
            return -1;
        }
    }
    return 0;
}

int
db_list_put(struct db *db, const struct hh_summary *sum, const char *terms,
            struct err *e)
{
    static const char sql[] =
        "INSERT OR REPLACE INTO hh_list(id, hh_no, head, head_key, township_id, "
        "village_id, place_key, village_key, members, hh_type, category, risks, "
        "state, state_rank, per_capita, income_year, income_key, last_visit, "
        "identified_on, deadline, visit_due, measure_due, errors, warnings, terms) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?, ?, ?)";
    unsigned char head[96], place[192];
    size_t nhead, ntown, nvill;
    sqlite3_stmt *st;

    nhead = pinyin_key(sum->head, 1, head, sizeof(head));
    ntown = division_key(db, 0, sum->township_id, place, 96, e);
    nvill = division_key(db, 1, sum->village_id, place + ntown, 96, e);
    /* A bulk load indexes everything at the end (db_list_reindex). */
    if ((!db->bulk && unindex(db, sum->id, e)) || (st = db_prep(db, sql, e)) == NULL) {
        return -1;
    }
    db_bind_int(st, 1, sum->id);
    db_bind_text(st, 2, sum->hh_no);
    db_bind_text(st, 3, sum->head);
    sqlite3_bind_blob(st, 4, head, (int)nhead, SQLITE_TRANSIENT);
    db_bind_int(st, 5, sum->township_id);
    db_bind_int(st, 6, sum->village_id);
    sqlite3_bind_blob(st, 7, place, (int)(ntown + nvill), SQLITE_TRANSIENT);
    sqlite3_bind_blob(st, 8, place + ntown, (int)nvill, SQLITE_TRANSIENT);
    db_bind_int(st, 9, sum->members);
    db_bind_text(st, 10, sum->hh_type);
    db_bind_text(st, 11, sum->category);
    db_bind_text(st, 12, sum->risks);
    db_bind_text(st, 13, sum->state == CS_NONE ? "" : case_state_name(sum->state));
    db_bind_int(st, 14, sum->state);
    db_bind_int(st, 15, sum->per_capita);
    db_bind_int(st, 16, sum->income_year);
    db_bind_int(st, 17, sum->income_year ? sum->per_capita : NO_INCOME_KEY);
    bind_day(st, 18, sum->last_visit, 1);
    bind_day(st, 19, sum->identified_on, 1);
    bind_day(st, 20, sum->deadline, 0);
    bind_day(st, 21, sum->visit_due, 0);
    bind_day(st, 22, sum->measure_due, 0);
    db_bind_int(st, 23, sum->errors);
    db_bind_int(st, 24, sum->warnings);
    db_bind_text(st, 25, terms);
    if (db_done(db, st, e)) {
        return -1;
    }
    return db->bulk ? 0 : index_terms(db, sum->id, terms, e);
}

/* Summarize S and store it. */
static int
put_snapshot(struct db *db, const struct rule_ctx *ctx,
             const struct hh_snapshot *s, struct findings *scratch,
             struct sbuf *terms, struct err *e)
{
    struct hh_summary sum;

    hh_summarize(ctx, s, &sum, scratch);
    hh_search_terms(s, terms);
    return db_list_put(db, &sum, terms->buf, e);
}

/* Recompute the row of household HH, or of H (read by the caller) when
 * it is not NULL. */
static int
refresh(struct db *db, const struct rule_ctx *ctx, int64_t hh,
        const struct household *h, struct err *e)
{
    struct hh_snapshot s;
    int rc;

    memset(&s, 0, sizeof(s));
    rc = h != NULL ? db_snapshot_load_hh(db, h, &s, e) : db_snapshot_load(db, hh, &s, e);
    if (rc == 0) {
        rc = db_list_refresh_snap(db, ctx, &s, e);
    }
    snapshot_free(&s);
    return rc;
}

int
db_list_refresh(struct db *db, const struct rule_ctx *ctx, int64_t hh,
                struct err *e)
{
    return refresh(db, ctx, hh, NULL, e);
}

int
db_list_refresh_hh(struct db *db, const struct rule_ctx *ctx,
                   const struct household *h, struct err *e)
{
    return refresh(db, ctx, h->id, h, e);
}

int
db_list_refresh_snap(struct db *db, const struct rule_ctx *ctx,
                     const struct hh_snapshot *s, struct err *e)
{
    struct findings f;
    struct sbuf terms = SBUF_INIT;
    int rc;

    memset(&f, 0, sizeof(f));
    rc = put_snapshot(db, ctx, s, &f, &terms, e);
    sbuf_release(&terms);
    findings_free(&f);
    return rc;
}

static int
rebuild(struct db *db, const struct rule_ctx *ctx, long *n, struct err *e)
{
    static const char clear[] = "DELETE FROM hh_list";
    static const char clear_search[] =
        "INSERT INTO hh_search(hh_search) VALUES ('delete-all')";
    struct hh_snapshot s;
    struct findings f;
    struct sbuf terms = SBUF_INIT;
    struct snap_iter *it;
    sqlite3_stmt *st;
    int rc, bulk;

    memset(&s, 0, sizeof(s));
    memset(&f, 0, sizeof(f));
    *n = 0;
    if ((st = db_prep(db, clear, e)) == NULL || db_done(db, st, e) ||
        (st = db_prep(db, clear_search, e)) == NULL || db_done(db, st, e) ||
        snap_iter_open(&it, db, 1, INT64_MAX, e)) {
        return -1;
    }
    /* Rows first, the search index in one pass at the end. */
    bulk = db->bulk;
    db->bulk = 1;
    while ((rc = snap_iter_next(it, &s, e)) == 1) {
        if (put_snapshot(db, ctx, &s, &f, &terms, e)) {
            rc = -1;
            break;
        }
        (*n)++;
    }
    db->bulk = bulk;
    snap_iter_close(it);
    sbuf_release(&terms);
    findings_free(&f);
    snapshot_free(&s);
    if (rc < 0 || db_list_reindex(db, e)) {
        return -1;
    }
    return db_meta_set(db, "list_version", LIST_VERSION, e);
}

int
db_list_rebuild(struct db *db, const struct rule_ctx *ctx, long *n,
                struct err *e)
{
    if (db_begin(db, e)) {
        return -1;
    }
    if (rebuild(db, ctx, n, e) || db_commit(db, e)) {
        db_rollback(db);
        return -1;
    }
    return 0;
}

int
db_list_ensure(struct db *db, const struct rule_ctx *ctx, int *rebuilt,
               struct err *e)
{
    char v[16];
    long n;

    *rebuilt = 0;
    if (db_meta_get(db, "list_version", v, sizeof(v), e)) {
        return -1;
    }
    if (strcmp(v, LIST_VERSION) == 0) {
        return 0;
    }
    *rebuilt = 1;
    return db_list_rebuild(db, ctx, &n, e);
}

/* --- reading --------------------------------------------------------- */

/* A query being assembled: its text and its values in order. */
struct qb {
    struct sbuf sql;
    int nwhere;
    struct {
        int is_text;
        int64_t i;
        char t[512];
    } p[120];
    int np;
    sqlite3_value *key[2];     /* the keyset's key, the window's end */
    int lookup;                /* find the rows through the filters' and the
                                * search's indexes, then sort them (few
                                * rows); else walk the sort order */
};

static void
qb_where(struct qb *b, const char *frag)
{
    sbuf_adds(&b->sql, b->nwhere++ ? " AND " : " WHERE ");
    sbuf_adds(&b->sql, frag);
}

static void
qb_int(struct qb *b, int64_t v)
{
    b->p[b->np].is_text = 0;
    b->p[b->np++].i = v;
}

static void
qb_text(struct qb *b, const char *v)
{
    b->p[b->np].is_text = 1;
    snprintf(b->p[b->np++].t, sizeof(b->p[0].t), "%s", v);
}

static void
qb_today(struct qb *b, int today, int times)
{
    char d[DATE_BUF];

    date_format(today, d);
    while (times-- > 0) {
        qb_text(b, d);
    }
}

/* A result this small is found through the filters' and the search's
 * indexes and then sorted; a larger one is read in sort order, testing
 * each row, until a page is full. */
#define SPARSE_ROWS 5000

/* A search's page is first looked for among this many rows in sort
 * order (testing each, which costs the same however many rows match);
 * when fewer than a page match there, through the search's index. */
#define WINDOW_ROWS 2000

static int
sparse(const struct list_query *q)
{
    int64_t n = q->matched >= 0 ? q->matched : q->hits;

    return n >= 0 && n <= SPARSE_ROWS;
}

/* SQL: the search terms of hh_list.terms match the query (core/summary.c). */
static void
terms_match(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
    const unsigned char *terms = sqlite3_value_text(argv[0]);
    const unsigned char *query = sqlite3_value_text(argv[1]);

    (void)argc;
    sqlite3_result_int(cx, terms != NULL && query != NULL &&
                               search_terms_match((const char *)terms, (const char *)query));
}

int
db_list_functions(sqlite3 *h)
{
    return sqlite3_create_function(h, "zx_terms_match", 2,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                   NULL, terms_match, NULL, NULL);
}

/* "l.state_rank IN (?, ...)" for the states of STATES (the index of the
 * states counts them without reading the rows). */
static void
add_states(struct qb *b, unsigned states, int by_index)
{
    struct sbuf sb = SBUF_INIT;
    int s;

    /* Rows read in the sort order are tested, not looked up. */
    sbuf_adds(&sb, by_index ? "l.state_rank IN (" : "+l.state_rank IN (");
    for (s = 0; s <= CS_COUNT; s++) {
        if (states & LIST_STATE(s)) {
            sbuf_adds(&sb, sb.buf[sb.len - 1] == '?' ? ", ?" : "?");
            qb_int(b, s);
        }
    }
    sbuf_addch(&sb, ')');
    qb_where(b, sb.buf);
    sbuf_release(&sb);
}

/* The WHERE parts of the scope and the filters, the search left out;
 * COUNTING: for a count (the indexes may be used for every part). */
static void
add_filter(struct qb *b, const struct list_query *q, int counting)
{
    const struct list_filter *f = &q->f;

    if (q->scope_level == LEVEL_TOWNSHIP || q->scope_level == LEVEL_VILLAGE) {
        qb_where(b, q->scope_level == LEVEL_TOWNSHIP ? "l.township_id = ?" : "l.village_id = ?");
        qb_int(b, q->scope_id);
    }
    if (f->township_id) {
        qb_where(b, "l.township_id = ?");
        qb_int(b, f->township_id);
    }
    if (f->village_id) {
        qb_where(b, "l.village_id = ?");
        qb_int(b, f->village_id);
    }
    if (f->category[0]) {
        qb_where(b, "l.category = ?");
        qb_text(b, f->category);
    }
    if (f->risk[0]) {
        qb_where(b, "instr(',' || l.risks || ',', ?) > 0");
        qb_text(b, "");
        snprintf(b->p[b->np - 1].t, sizeof(b->p[0].t), ",%s,", f->risk);
    }
    if (f->overdue) {
        qb_where(b, "(l.deadline < ? OR l.visit_due < ? OR l.measure_due < ?)");
        qb_today(b, q->today, 3);
    }
    if (f->findings) {
        qb_where(b, "l.errors + l.warnings > 0");
    }
    if (f->states) {
        add_states(b, f->states, counting || b->lookup);
    }
    if (f->no_dev_measure) {
        qb_where(b, "l.measure_due < ?");
        qb_today(b, q->today, 1);
    }
    if (f->visit_days > 0) {
        qb_where(b, "l.visit_due < ?");
        qb_today(b, q->today + f->visit_days, 1);
    }
    if (f->cadre_id) {
        qb_where(b, "l.id IN (SELECT household_id FROM household_cadre"
                    " WHERE cadre_id = ? AND end_date IS NULL)");
        qb_int(b, f->cadre_id);
    }
    if (f->no_cadre) {
        qb_where(b, "NOT EXISTS (SELECT 1 FROM household_cadre hc"
                    " WHERE hc.household_id = l.id AND hc.end_date IS NULL)");
    }
}

/* The range of the texts starting with PREFIX (an ID number's X in
 * capitals when ID): two values. */
static void
qb_range(struct qb *b, const char *prefix, int id)
{
    char s[sizeof(b->p[0].t)];
    size_t i, n;

    snprintf(s, sizeof(s), "%s", prefix);
    n = strlen(s);
    for (i = 0; id && i < n; i++) {
        s[i] = (char)(s[i] == 'x' ? 'X' : s[i]);
    }
    qb_text(b, s);
    if (n > 0) {
        s[n - 1]++;
    }
    qb_text(b, s);
}

/* The WHERE part of the search. */
static void
add_search(struct qb *b, const struct list_query *q)
{
    int dense = !b->lookup;
    struct sbuf fts = SBUF_INIT, clean = SBUF_INIT;
    enum search_kind k;

    k = search_terms_query(q->f.search, &fts, &clean);
    /* Walking the sort order, each row's terms are tested: asking the
     * index would collect every match first. */
    if (k == SEARCH_NAME) {
        qb_where(b, dense
                 ? "(zx_terms_match(l.terms, ?)"
                   " OR +l.village_id IN (SELECT id FROM division WHERE level = 3 AND instr(name, ?) > 0)"
                   " OR +l.township_id IN (SELECT id FROM division WHERE level = 2 AND instr(name, ?) > 0))"
                 : "(l.id IN (SELECT rowid FROM hh_search WHERE hh_search MATCH ?)"
                   " OR l.village_id IN (SELECT id FROM division WHERE level = 3 AND instr(name, ?) > 0)"
                   " OR l.township_id IN (SELECT id FROM division WHERE level = 2 AND instr(name, ?) > 0))");
        qb_text(b, fts.buf);
        qb_text(b, clean.buf);
        qb_text(b, clean.buf);
    } else if (k == SEARCH_NUMBER && !dense) {
        /* The starts of household and ID numbers by their own indexes,
         * the tails by the search index. */
        qb_where(b, "((l.hh_no >= ? AND l.hh_no < ?)"
                    " OR l.id IN (SELECT household_id FROM person WHERE id_no >= ? AND id_no < ?"
                    " AND in_household = 1)"
                    " OR l.id IN (SELECT rowid FROM hh_search WHERE hh_search MATCH ?))");
        qb_range(b, clean.buf, 0);
        qb_range(b, clean.buf, 1);
        sbuf_reset(&fts);
        search_number_tails(clean.buf, &fts);
        qb_text(b, fts.buf);
    } else if (k != SEARCH_NONE) {
        /* Initials, or several kinds at once: the index alone. */
        qb_where(b, dense ? "zx_terms_match(l.terms, ?)"
                          : "l.id IN (SELECT rowid FROM hh_search WHERE hh_search MATCH ?)");
        qb_text(b, fts.buf);
    }
    sbuf_release(&fts);
    sbuf_release(&clean);
}

/* The WHERE parts of the scope, the filters and the search. */
static void
add_filters(struct qb *b, const struct list_query *q, int counting)
{
    add_filter(b, q, counting);
    add_search(b, q);
}

#define ROW_COLS \
    "SELECT l.id, l.hh_no, l.head, l.township_id, l.village_id, " \
    "coalesce(t.name, ''), coalesce(v.name, ''), l.members, l.hh_type, " \
    "l.category, l.risks, l.state_rank, l.per_capita, l.income_year, " \
    "l.last_visit, l.identified_on, " \
    "(l.deadline < ? OR l.visit_due < ? OR l.measure_due < ?), " \
    "l.errors + l.warnings, "

#define ROW_FROM \
    " FROM hh_list l LEFT JOIN division t ON t.id = l.township_id " \
    "LEFT JOIN division v ON v.id = l.village_id"

/* Keyset condition: rows after (or before) FROM. */
static void
add_keyset(struct qb *b, const struct list_query *q, const struct list_row *from,
           int forward, int include)
{
    char frag[96];
    const char *op;

    if (from == NULL) {
        return;
    }
    if (forward != !q->desc) {
        op = include ? "<=" : "<";
    } else {
        op = include ? ">=" : ">";
    }
    snprintf(frag, sizeof(frag), "(%s, l.id) %s (?, ?)", sort_keys[q->sort], op);
    qb_where(b, frag);
    b->key[0] = from->key;
    qb_int(b, 0);          /* placeholder for the key value */
    b->p[b->np - 1].is_text = 2;
    qb_int(b, from->id);
}

/* Rows up to KEY, ID (the window's end) in the direction of reading. */
static void
add_bound(struct qb *b, const struct list_query *q, sqlite3_value *key, int64_t id,
          int forward)
{
    char frag[96];

    snprintf(frag, sizeof(frag), "(%s, l.id) %s (?, ?)", sort_keys[q->sort],
             forward != !q->desc ? ">=" : "<=");
    qb_where(b, frag);
    b->key[1] = key;
    qb_int(b, 0);
    b->p[b->np - 1].is_text = 3;
    qb_int(b, id);
}

static void
add_order(struct qb *b, const struct list_query *q, int forward)
{
    const char *dir = forward != !q->desc ? " DESC" : " ASC";
    /* The unary + stops SQLite from reading the sort index row by row,
     * which it prefers when the number of rows (LIMIT ?) is unknown. */
    const char *plus = b->lookup ? "+" : "";

    sbuf_addf(&b->sql, " ORDER BY %s%s%s, %sl.id%s", plus, sort_keys[q->sort], dir,
              plus, dir);
}

static sqlite3_stmt *
qb_prepare(struct db *db, struct qb *b, struct err *e)
{
    sqlite3_stmt *st = db_prep_text(db, b->sql.buf, e);
    int i;

    for (i = 0; st != NULL && i < b->np; i++) {
        if (b->p[i].is_text >= 2) {
            sqlite3_bind_value(st, i + 1, b->key[b->p[i].is_text - 2]);
        } else if (b->p[i].is_text) {
            db_bind_text(st, i + 1, b->p[i].t);
        } else {
            db_bind_int(st, i + 1, b->p[i].i);
        }
    }
    return st;
}

static void
read_row(sqlite3_stmt *st, struct list_row *r)
{
    memset(r, 0, sizeof(*r));
    r->id = db_col_int(st, 0);
    db_col_text(st, 1, r->hh_no, sizeof(r->hh_no));
    db_col_text(st, 2, r->head, sizeof(r->head));
    r->township_id = db_col_int(st, 3);
    r->village_id = db_col_int(st, 4);
    db_col_text(st, 5, r->township, sizeof(r->township));
    db_col_text(st, 6, r->village, sizeof(r->village));
    r->members = (int)db_col_int(st, 7);
    db_col_text(st, 8, r->hh_type, sizeof(r->hh_type));
    db_col_text(st, 9, r->category, sizeof(r->category));
    db_col_text(st, 10, r->risks, sizeof(r->risks));
    r->state = (enum case_state)db_col_int(st, 11);
    r->per_capita = db_col_int(st, 12);
    r->income_year = (int)db_col_int(st, 13);
    r->last_visit = db_col_date(st, 14);
    r->identified_on = db_col_date(st, 15);
    r->overdue = (int)db_col_int(st, 16);
    r->findings = (int)db_col_int(st, 17);
    r->key = sqlite3_value_dup(sqlite3_column_value(st, 18));
}

static void
qb_init(struct qb *b)
{
    memset(b, 0, sizeof(*b));
    sbuf_init(&b->sql);
}

/* Run the row query of B (rows into OUT, at most N); *GOT is set. */
static int
fetch(struct db *db, struct qb *b, struct list_row *out, int n, int *got,
      struct err *e)
{
    sqlite3_stmt *st = qb_prepare(db, b, e);
    int rc = SQLITE_DONE;

    *got = 0;
    if (st == NULL) {
        return -1;
    }
    while (*got < n && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        read_row(st, &out[(*got)++]);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        return db_fail(db, e, _("reading the list"));
    }
    return 0;
}

static void
start_rows(struct qb *b, const struct list_query *q)
{
    sbuf_adds(&b->sql, ROW_COLS);
    sbuf_adds(&b->sql, sort_keys[q->sort]);
    sbuf_adds(&b->sql, ROW_FROM);
    qb_today(b, q->today, 3);
}

/* The sort key and id of the row SKIP rows from FROM on (from the first
 * when NULL) in Q, its search left out unless SEARCHED: read from the sort
 * index alone, no row is read but to test a filter.  *FOUND 0 when there
 * are fewer rows.  The key is the caller's to free. */
static int
key_at(struct db *db, const struct list_query *q, const struct list_row *from,
       int forward, int include, int64_t skip, int searched, sqlite3_value **key,
       int64_t *id, int *found, struct err *e)
{
    struct qb b;
    sqlite3_stmt *st;
    int rc;

    qb_init(&b);
    b.lookup = searched && sparse(q);
    sbuf_addf(&b.sql, "SELECT %s, l.id FROM hh_list l", sort_keys[q->sort]);
    if (searched) {
        add_filters(&b, q, 0);
    } else {
        add_filter(&b, q, 0);
    }
    add_keyset(&b, q, from, forward, include);
    add_order(&b, q, forward);
    sbuf_adds(&b.sql, " LIMIT 1 OFFSET ?");
    qb_int(&b, skip);
    st = qb_prepare(db, &b, e);
    sbuf_release(&b.sql);
    if (st == NULL) {
        return -1;
    }
    rc = sqlite3_step(st);
    *found = rc == SQLITE_ROW;
    if (*found) {
        *key = sqlite3_value_dup(sqlite3_column_value(st, 0));
        *id = sqlite3_column_int64(st, 1);
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(db, e, _("reading the list"));
}

/* B's rows in Q's order (FORWARD or back), N at most; B is released. */
static int
ordered_page(struct db *db, struct qb *b, const struct list_query *q, int forward, int n,
             struct list_row *out, int *got, struct err *e)
{
    int rc;

    add_order(b, q, forward);
    sbuf_adds(&b->sql, " LIMIT ?");
    qb_int(b, n);
    rc = fetch(db, b, out, n, got, e);
    sbuf_release(&b->sql);
    return rc;
}

/* One way the rows of a search are found through an index: its
 * condition, whose parameters BIND takes from the search's FTS query and
 * its clean text, and whether it reads the household numbers in their
 * order (the sort by them then needs no sorting). */
struct search_arm {
    const char *where;
    void (*bind)(struct qb *b, const char *fts, const char *clean);
    int hh_no_ordered;
};

static void
bind_hh_no(struct qb *b, const char *fts, const char *clean)
{
    (void)fts;
    qb_range(b, clean, 0);
}

static void
bind_id_no(struct qb *b, const char *fts, const char *clean)
{
    (void)fts;
    qb_range(b, clean, 1);
}

static void
bind_tails(struct qb *b, const char *fts, const char *clean)
{
    struct sbuf s = SBUF_INIT;

    (void)fts;
    search_number_tails(clean, &s);
    qb_text(b, s.buf);
    sbuf_release(&s);
}

static void
bind_fts(struct qb *b, const char *fts, const char *clean)
{
    (void)clean;
    qb_text(b, fts);
}

static void
bind_clean(struct qb *b, const char *fts, const char *clean)
{
    (void)fts;
    qb_text(b, clean);
}

#define SEARCH_INDEX "l.id IN (SELECT rowid FROM hh_search WHERE hh_search MATCH ?)"

/* A number: the start of a household number by the list's own index, the
 * start of an ID number by the person's, the tails by the search index. */
static const struct search_arm number_arms[] = {
    {"l.hh_no >= ? AND l.hh_no < ?", bind_hh_no, 1},
    {"l.id IN (SELECT household_id FROM person WHERE id_no >= ? AND id_no < ?"
     " AND in_household = 1)", bind_id_no, 0},
    {SEARCH_INDEX, bind_tails, 0},
};

/* A name: the search index, and the households of the villages and
 * townships whose names have it, by the indexes (village_id, hh_no, id)
 * and (township_id, hh_no, id) alone when sorted by household number. */
static const struct search_arm name_arms[] = {
    {SEARCH_INDEX, bind_fts, 0},
    {"l.village_id IN (SELECT id FROM division WHERE level = 3 AND instr(name, ?) > 0)",
     bind_clean, 0},
    {"l.township_id IN (SELECT id FROM division WHERE level = 2 AND instr(name, ?) > 0)",
     bind_clean, 0},
};

/* The ids of the first N rows of Q from FROM that ARM finds, in sort
 * order. */
static void
add_search_arm(struct qb *b, const struct list_query *q, const struct list_row *from,
               int forward, int include, int n, const struct search_arm *arm,
               const char *fts, const char *clean)
{
    int nwhere = b->nwhere;

    sbuf_adds(&b->sql, "SELECT id FROM (SELECT l.id FROM hh_list l");
    b->nwhere = 0;
    add_filter(b, q, 0);
    add_keyset(b, q, from, forward, include);
    qb_where(b, arm->where);
    arm->bind(b, fts, clean);
    b->lookup = !arm->hh_no_ordered || q->sort != LC_HHNO;
    add_order(b, q, forward);
    b->lookup = 1;
    sbuf_adds(&b->sql, " LIMIT ?)");
    qb_int(b, n);
    b->nwhere = nwhere;
}

/* A page of Q searched through the indexes, the NARMS ways of ARMS: each
 * gives its first rows, the page is the first of them. */
static int
arm_rows(struct db *db, struct list_query *q, const struct list_row *from, int dir,
         int include, int n, const struct search_arm *arms, size_t narms, const char *fts,
         const char *clean, struct list_row *out, int *got, struct err *e)
{
    struct qb b;
    size_t i;

    qb_init(&b);
    b.lookup = 1;
    start_rows(&b, q);
    sbuf_adds(&b.sql, " WHERE l.id IN (");
    for (i = 0; i < narms; i++) {
        sbuf_adds(&b.sql, i > 0 ? " UNION ALL " : "");
        add_search_arm(&b, q, from, dir > 0, include, n, &arms[i], fts, clean);
    }
    sbuf_adds(&b.sql, ")");
    return ordered_page(db, &b, q, dir > 0, n, out, got, e);
}

/* Up to N rows of Q from FROM, up to the window's end KEY, ID when not
 * NULL; LOOKUP as in struct qb. */
static int
page_rows(struct db *db, struct list_query *q, const struct list_row *from, int dir,
          int include, int n, int lookup, sqlite3_value *key, int64_t id,
          struct list_row *out, int *got, struct err *e)
{
    struct qb b;

    qb_init(&b);
    b.lookup = lookup;
    start_rows(&b, q);
    add_filters(&b, q, 0);
    add_keyset(&b, q, from, dir > 0, include);
    if (key != NULL) {
        add_bound(&b, q, key, id, dir > 0);
    }
    return ordered_page(db, &b, q, dir > 0, n, out, got, e);
}

/* Up to N rows of Q (searched for KIND: FTS, CLEAN) from FROM, found
 * through the indexes and then sorted. */
static int
looked_up_rows(struct db *db, struct list_query *q, const struct list_row *from, int dir,
               int include, int n, enum search_kind kind, const char *fts, const char *clean,
               struct list_row *out, int *got, struct err *e)
{
    if (kind == SEARCH_NUMBER) {
        return arm_rows(db, q, from, dir, include, n, number_arms, ARRAY_SIZE(number_arms), fts,
                        clean, out, got, e);
    }
    if (kind == SEARCH_NAME) {
        return arm_rows(db, q, from, dir, include, n, name_arms, ARRAY_SIZE(name_arms), fts,
                        clean, out, got, e);
    }
    return page_rows(db, q, from, dir, include, n, 1, NULL, 0, out, got, e);
}

/* A searched page: from the rows of the window when a page of them
 * match (the search matches many: found at once, however many), else
 * through the search's index (it matches few: collected at once). */
static int
search_page(struct db *db, struct list_query *q, const struct list_row *from, int dir,
            int include, int n, enum search_kind kind, const char *fts, const char *text,
            struct list_row *out, int *got, struct err *e)
{
    sqlite3_value *key = NULL;
    int64_t id = 0;
    int found = 0, rc, i;

    /* Two Chinese characters or three initials are few households: the
     * index at once (one character, two initials or a number's start may
     * be most of them). */
    if ((kind == SEARCH_NAME && strlen(text) > 4) ||
        (kind == SEARCH_INITIALS && strlen(text) > 2)) {
        if (from == NULL) {
            q->walked = 0;
        }
        return looked_up_rows(db, q, from, dir, include, n, kind, fts, text, out, got, e);
    }
    rc = key_at(db, q, from, dir > 0, include, (q->window > 0 ? q->window : WINDOW_ROWS) - 1, 0,
                &key, &id, &found, e);
    if (rc == 0) {
        rc = page_rows(db, q, from, dir, include, n, 0, key, id, out, got, e);
    }
    if (rc == 0 && from == NULL) {
        q->walked = *got == n;
    }
    if (rc == 0 && *got < n && found) {
        for (i = 0; i < *got; i++) {
            list_row_clear(&out[i]);
        }
        rc = looked_up_rows(db, q, from, dir, include, n, kind, fts, text, out, got, e);
    }
    sqlite3_value_free(key);
    return rc;
}

int
db_list_page(struct db *db, struct list_query *q,
             const struct list_row *from, int dir, int include, int n,
             struct list_row *out, int *got, struct err *e)
{
    struct sbuf fts = SBUF_INIT, clean = SBUF_INIT;
    enum search_kind kind = search_terms_query(q->f.search, &fts, &clean);
    int rc, i;

    if (kind != SEARCH_NONE) {
        rc = search_page(db, q, from, dir, include, n, kind, fts.buf, clean.buf, out, got, e);
    } else {
        rc = page_rows(db, q, from, dir, include, n, sparse(q), NULL, 0, out, got, e);
    }
    sbuf_release(&fts);
    sbuf_release(&clean);
    if (rc == 0 && dir < 0) {
        /* Fetched backwards: turn them into display order. */
        for (i = 0; i < *got / 2; i++) {
            struct list_row t = out[i];

            out[i] = out[*got - 1 - i];
            out[*got - 1 - i] = t;
        }
    }
    return rc;
}

/* count(*) of Q, optionally before ROW. */
static int
count_where(struct db *db, const struct list_query *q,
            const struct list_row *before, int lookup, int64_t *n, struct err *e)
{
    struct qb b;
    sqlite3_stmt *st;
    int rc;

    qb_init(&b);
    b.lookup = lookup;
    sbuf_adds(&b.sql, "SELECT count(*) FROM hh_list l");
    add_filters(&b, q, 1);
    add_keyset(&b, q, before, 0, 0);
    st = qb_prepare(db, &b, e);
    sbuf_release(&b.sql);
    if (st == NULL) {
        return -1;
    }
    rc = sqlite3_step(st);
    *n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW) {
        return db_fail(db, e, _("counting the list"));
    }
    return 0;
}

/* One integer from SQL with one text parameter. */
static int
scalar(struct db *db, const char *sql, const char *arg, int64_t *n, struct err *e)
{
    sqlite3_stmt *st = db_prep(db, sql, e);
    int rc;

    if (st == NULL) {
        return -1;
    }
    db_bind_text(st, 1, arg);
    rc = sqlite3_step(st);
    *n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? 0 : db_fail(db, e, _("counting the list"));
}

/* Count the households the search's words match (cached in Q), and
 * whether a name search also matches township or village names. */
static int
count_hits(struct db *db, struct list_query *q, int *places, struct err *e)
{
    static const char hits[] =
        "SELECT count(*) FROM hh_search WHERE hh_search MATCH ?";
    static const char divs[] =
        "SELECT count(*) FROM division WHERE level IN (2, 3) AND instr(name, ?) > 0";
    struct sbuf fts = SBUF_INIT, clean = SBUF_INIT;
    enum search_kind k = search_terms_query(q->f.search, &fts, &clean);
    int64_t ndiv = 0;
    int rc = 0;

    *places = 0;
    if (k == SEARCH_NONE) {
        q->hits = -1;
        q->hits_for[0] = '\0';
    } else if (strcmp(q->hits_for, fts.buf) != 0) {
        /* A count stopped (db_set_stop) or failed is not kept. */
        q->hits_for[0] = '\0';
        rc = scalar(db, hits, fts.buf, &q->hits, e);
        if (rc == 0) {
            snprintf(q->hits_for, sizeof(q->hits_for), "%s", fts.buf);
        } else {
            q->hits = -1;
        }
    }
    if (rc == 0 && k == SEARCH_NAME) {
        rc = scalar(db, divs, clean.buf, &ndiv, e);
        *places = ndiv > 0;
    }
    sbuf_release(&fts);
    sbuf_release(&clean);
    return rc;
}

/* Q is the whole county, searched and nothing else. */
static int
only_search(const struct list_query *q)
{
    const struct list_filter *f = &q->f;

    return q->scope_level != LEVEL_TOWNSHIP && q->scope_level != LEVEL_VILLAGE &&
           !f->township_id && !f->village_id && !f->category[0] && !f->risk[0] &&
           !f->overdue && !f->findings && !f->states &&
           !f->no_dev_measure && !f->visit_days && !f->cadre_id && !f->no_cadre;
}

int
db_list_count(struct db *db, struct list_query *q, int64_t *n,
              struct err *e)
{
    struct sbuf fts = SBUF_INIT, clean = SBUF_INIT;
    enum search_kind k = search_terms_query(q->f.search, &fts, &clean);
    int places;

    sbuf_release(&fts);
    sbuf_release(&clean);
    /* Many matches, or numbers: counted row by row (a key stops it). */
    if (k != SEARCH_NONE && (q->walked || k == SEARCH_NUMBER)) {
        q->matched = -1;
        if (count_where(db, q, NULL, !q->walked, n, e)) {
            return -1;
        }
        q->matched = *n;
        return 0;
    }
    if (count_hits(db, q, &places, e)) {
        return -1;
    }
    /* Every household has one entry in the search index: nothing to
     * join when the search is all there is. */
    if (q->hits >= 0 && !places && only_search(q)) {
        *n = q->matched = q->hits;
        return 0;
    }
    q->matched = -1;
    if (count_where(db, q, NULL, sparse(q), n, e)) {
        return -1;
    }
    q->matched = *n;
    return 0;
}

/* Count Q's rows (its search left out) with a case, grouped by COLUMN
 * ("l.state_rank" or "l.category"): ADD is called with each value and its
 * count.  The rows without a case (most) are not read. */
static int
count_by(struct db *db, const struct list_query *q, const char *column,
         void (*add)(struct list_counts *c, sqlite3_stmt *st), struct list_counts *out,
         struct err *e)
{
    struct qb b;
    sqlite3_stmt *st;
    int rc;

    qb_init(&b);
    b.lookup = sparse(q);
    sbuf_addf(&b.sql, "SELECT %s, count(*) FROM hh_list l", column);
    add_filter(&b, q, 1);
    qb_where(&b, strcmp(column, "l.category") == 0 ? "l.category > ''" : "l.state_rank > 0");
    sbuf_addf(&b.sql, " GROUP BY %s ORDER BY %s", column, column);
    st = qb_prepare(db, &b, e);
    sbuf_release(&b.sql);
    if (st == NULL) {
        return -1;
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        add(out, st);
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : db_fail(db, e, _("counting the list"));
}

static void
add_state(struct list_counts *c, sqlite3_stmt *st)
{
    int64_t s = db_col_int(st, 0);

    if (s >= 0 && s < CS_COUNT) {
        c->state[s] = db_col_int(st, 1);
        c->total += c->state[s];
    }
}

static void
add_category(struct list_counts *c, sqlite3_stmt *st)
{
    if (c->ncategories < LIST_CATEGORIES) {
        db_col_text(st, 0, c->category[c->ncategories].code, CODE_BUF);
        c->category[c->ncategories++].n = db_col_int(st, 1);
    }
}

int
db_list_counts(struct db *db, const struct list_query *q,
               struct list_counts *out, struct err *e)
{
    struct list_query all = *q;
    int64_t total = q->matched;

    memset(out, 0, sizeof(*out));
    all.f.search[0] = '\0';
    /* Two small GROUP BYs over the rows with a case, each read from an
     * index when the filter allows; the rest are the households without
     * one, of the count the list has just made when it was not searched. */
    if (count_by(db, q, "l.state_rank", add_state, out, e) ||
        count_by(db, q, "l.category", add_category, out, e) ||
        ((q->f.search[0] != '\0' || total < 0) &&
         count_where(db, &all, NULL, sparse(&all), &total, e))) {
        return -1;
    }
    out->state[CS_NONE] = total - out->total;
    out->total = total;
    return 0;
}

int
db_list_rank(struct db *db, struct list_query *q,
             const struct list_row *row, int64_t *pos, struct err *e)
{
    return count_where(db, q, row, sparse(q), pos, e);
}

int
db_list_nth(struct db *db, struct list_query *q, int64_t pos,
            struct list_row *out, struct err *e)
{
    struct list_row at;
    int got = 0, found = 0, rc;

    /* The key at POS from the sort index, then its row by that key. */
    memset(&at, 0, sizeof(at));
    rc = key_at(db, q, NULL, 1, 0, pos < 0 ? 0 : pos, 1, &at.key, &at.id, &found, e);
    if (rc == 0 && found) {
        rc = page_rows(db, q, &at, 1, 1, 1, sparse(q), NULL, 0, out, &got, e);
    }
    sqlite3_value_free(at.key);
    if (rc == 0 && got == 0) {
        return err_set(e, ERR_NOTFOUND, _("there is no row %lld"), (long long)pos + 1);
    }
    return rc;
}

/* --- worklists and filter text ---------------------------------------- */

/* One row of the query below into ROW. */
static void
worklist_fill(sqlite3_stmt *st, void *row)
{
    struct worklist *r = row;

    r->id = db_col_int(st, 0);
    db_col_text(st, 1, r->name, sizeof(r->name));
    db_col_text(st, 2, r->spec, sizeof(r->spec));
}

int
db_worklist_list(struct db *db, const char *login, struct worklist **v,
                 size_t *n, struct err *e)
{
    static const char sql[] =
        "SELECT id, name, spec FROM worklist WHERE login = ? ORDER BY name";
    sqlite3_stmt *st = db_prep(db, sql, e);
    void *rows;
    int rc;

    if (st != NULL) {
        db_bind_text(st, 1, login);
    }
    rc = db_rows(db, st, sizeof(**v), worklist_fill, NULL, &rows, n,
                 _("reading worklists"), e);
    *v = rows;
    return rc;
}

int
db_worklist_save(struct db *db, const char *login, const char *name,
                 const char *spec, struct err *e)
{
    static const char sql[] =
        "INSERT INTO worklist(login, name, spec, created_at, updated_at) "
        "VALUES (?1, ?2, ?3, ?4, ?4) "
        "ON CONFLICT(login, name) DO UPDATE SET spec = excluded.spec, "
        "updated_at = excluded.updated_at, version = version + 1";
    sqlite3_stmt *st = db_prep(db, sql, e);
    char now[32];

    if (st == NULL) {
        return -1;
    }
    clock_now(now, sizeof(now));
    db_bind_text(st, 1, login);
    db_bind_text(st, 2, name);
    db_bind_text(st, 3, spec);
    db_bind_text(st, 4, now);
    return db_done(db, st, e);
}

int
db_worklist_delete(struct db *db, const char *login, int64_t id,
                   struct err *e)
{
    static const char sql[] = "DELETE FROM worklist WHERE id = ? AND login = ?";
    sqlite3_stmt *st = db_prep(db, sql, e);

    if (st == NULL) {
        return -1;
    }
    db_bind_int(st, 1, id);
    db_bind_text(st, 2, login);
    return db_done(db, st, e);
}

void
list_filter_format(const struct list_filter *f, char *out, size_t n)
{
    struct sbuf sb = SBUF_INIT;

    if (f->township_id) {
        sbuf_addf(&sb, "township=%lld;", (long long)f->township_id);
    }
    if (f->village_id) {
        sbuf_addf(&sb, "village=%lld;", (long long)f->village_id);
    }
    if (f->category[0]) {
        sbuf_addf(&sb, "category=%s;", f->category);
    }
    if (f->risk[0]) {
        sbuf_addf(&sb, "risk=%s;", f->risk);
    }
    if (f->overdue) {
        sbuf_adds(&sb, "overdue=1;");
    }
    if (f->findings) {
        sbuf_adds(&sb, "findings=1;");
    }
    if (f->states) {
        sbuf_addf(&sb, "states=%u;", f->states);
    }
    if (f->waiting) {
        sbuf_adds(&sb, "waiting=1;");
    }
    if (f->no_dev_measure) {
        sbuf_adds(&sb, "nodev=1;");
    }
    if (f->visit_days) {
        sbuf_addf(&sb, "visitdue=%d;", f->visit_days);
    }
    if (f->cadre_id) {
        sbuf_addf(&sb, "cadre=%lld;", (long long)f->cadre_id);
    }
    if (f->no_cadre) {
        sbuf_adds(&sb, "nocadre=1;");
    }
    snprintf(out, n, "%s", sb.buf);
    sbuf_release(&sb);
}

void
list_filter_parse(const char *spec, struct list_filter *f)
{
    char buf[1024], *save = NULL, *part;

    list_filter_init(f);
    snprintf(buf, sizeof(buf), "%s", spec);
    for (part = strtok_r(buf, ";", &save); part != NULL;
         part = strtok_r(NULL, ";", &save)) {
        char *eq = strchr(part, '=');
        enum case_state s;

        if (eq == NULL) {
            continue;
        }
        *eq++ = '\0';
        if (strcmp(part, "township") == 0) {
            f->township_id = strtoll(eq, NULL, 10);
        } else if (strcmp(part, "village") == 0) {
            f->village_id = strtoll(eq, NULL, 10);
        } else if (strcmp(part, "category") == 0) {
            snprintf(f->category, sizeof(f->category), "%s", eq);
        } else if (strcmp(part, "risk") == 0) {
            snprintf(f->risk, sizeof(f->risk), "%s", eq);
        } else if (strcmp(part, "state") == 0 && case_state_parse(eq, &s) == 0) {
            f->states |= LIST_STATE(s);
        } else if (strcmp(part, "overdue") == 0) {
            f->overdue = eq[0] == '1';
        } else if (strcmp(part, "findings") == 0) {
            f->findings = eq[0] == '1';
        } else if (strcmp(part, "states") == 0) {
            f->states = (unsigned)strtoul(eq, NULL, 10) & (LIST_STATE(CS_COUNT + 1) - 1);
        } else if (strcmp(part, "waiting") == 0) {
            f->waiting = eq[0] == '1';
        } else if (strcmp(part, "nodev") == 0) {
            f->no_dev_measure = eq[0] == '1';
        } else if (strcmp(part, "visitdue") == 0) {
            f->visit_days = atoi(eq) > 0 && atoi(eq) < 3660 ? atoi(eq) : 0;
        } else if (strcmp(part, "cadre") == 0) {
            f->cadre_id = strtoll(eq, NULL, 10);
        } else if (strcmp(part, "nocadre") == 0) {
            f->no_cadre = eq[0] == '1';
        }
    }
}
