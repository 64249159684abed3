/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * import.c - `import national` (see import.h): the two passes over the
 * sheet, the problems found, the report sheet, the summary.
 */
#include "config.h"
#include "print/import.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/codes.h"
#include "core/date.h"
#include "core/exchange.h"
#include "core/role.h"
#include "core/rules.h"
#include "db/db.h"
#include "db/db_audit.h"
#include "db/db_division.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

/* --- sets of households and persons --------------------------------- */

/* A map of 64-bit keys (0: an empty slot) to numbers, open addressing,
 * grown at half full: households by a hash of their number (-> flags),
 * persons by their ID number (-> the row first seen on). */
struct u64map {
    uint64_t *key;
    size_t *val;
    size_t cap, n;
};

enum { HH_DONE = 1, HH_BAD = 2 };

static size_t
map_slot(const struct u64map *m, uint64_t k)
{
    size_t i = (size_t)((k * UINT64_C(0x9E3779B97F4A7C15)) >> 20) & (m->cap - 1);

    while (m->key[i] != 0 && m->key[i] != k) {
        i = (i + 1) & (m->cap - 1);
    }
    return i;
}

static void
map_grow(struct u64map *m)
{
    struct u64map g;
    size_t i, j;

    g.cap = m->cap != 0 ? m->cap * 2 : 4096;
    g.n = m->n;
    g.key = xcalloc(g.cap, sizeof(*g.key));
    g.val = xcalloc(g.cap, sizeof(*g.val));
    for (i = 0; i < m->cap; i++) {
        if (m->key[i] != 0) {
            j = map_slot(&g, m->key[i]);
            g.key[j] = m->key[i];
            g.val[j] = m->val[i];
        }
    }
    free(m->key);
    free(m->val);
    *m = g;
}

/* The value of K, added as 0 when new. */
static size_t *
map_at(struct u64map *m, uint64_t k)
{
    size_t i;

    if (2 * (m->n + 1) > m->cap) {
        map_grow(m);
    }
    i = map_slot(m, k);
    if (m->key[i] == 0) {
        m->key[i] = k;
        m->val[i] = 0;
        m->n++;
    }
    return &m->val[i];
}

static void
map_free(struct u64map *m)
{
    free(m->key);
    free(m->val);
    memset(m, 0, sizeof(*m));
}

/* A household number's key: its 64-bit FNV-1a hash (never 0). */
static uint64_t
hh_key(const char *s)
{
    uint64_t h = UINT64_C(1469598103934665603);

    while (*s != '\0') {
        h = (h ^ (unsigned char)*s++) * UINT64_C(1099511628211);
    }
    return h | 1;
}

/* An 18-character ID number's key: 17 digits times 11 plus its check
 * character, plus one (exact, never 0). */
static uint64_t
id_key(const char *id)
{
    uint64_t k = 0;
    int i;

    for (i = 0; i < 17; i++) {
        k = k * 10 + (uint64_t)(id[i] - '0');
    }
    return k * 11 + (id[17] == 'X' ? 10 : (uint64_t)(id[17] - '0')) + 1;
}

/* --- cells parsed before -------------------------------------------- */

/* The values of the cells parsed last in each column, a few per column
 * by a hash of the text: most columns of a sheet hold a few values over
 * and over (the county, the village, a code's label, a household's
 * number on each of its rows), and a cell's value depends only on its
 * text, its column and the run's code tables and day, so a text seen
 * again is not parsed again.  Only cells parsed without a problem are
 * kept; bounded by the columns, not the rows. */
enum { MEMO_SLOTS = 32 };

struct memo_slot {
    char *text;
    struct field_value v;
};

static uint64_t hh_key(const char *s);

/* The value of cell TEXT of column C (layout column I), parsed or kept;
 * NULL with E set when it has a problem. */
static const struct field_value *
memo_parse(struct memo_slot *memo, size_t i, const struct xcol *c,
           const struct field_ctx *ctx, const char *text, struct err *e)
{
    struct memo_slot *m = &memo[i * MEMO_SLOTS + (hh_key(text) >> 1) % MEMO_SLOTS];

    if (m->text != NULL && strcmp(m->text, text) == 0) {
        return &m->v;
    }
    free(m->text);
    m->text = NULL;
    if (xcell_parse(c, ctx, text, &m->v, e) != 0) {
        field_value_clear(&m->v);
        return NULL;
    }
    m->text = xstrdup(text);
    return &m->v;
}

static void
memo_free(struct memo_slot *memo, size_t n)
{
    size_t i;

    for (i = 0; memo != NULL && i < n * MEMO_SLOTS; i++) {
        free(memo[i].text);
        field_value_clear(&memo[i].v);
    }
    free(memo);
}

/* --- places met -------------------------------------------------------- */

/* The places found or created, by parent and name: a household's places
 * were most often met before and are not looked up again.  Bounded by
 * the places; forgotten when a household's savepoint is undone (a place
 * created there is gone). */
struct place_seen {
    int64_t parent, id;
    struct place_seen *next;
    char *name;
};

enum { PLACE_BUCKETS = 4096 };

static struct place_seen **
place_bucket(struct place_seen **map, int64_t parent, const char *name)
{
    return &map[(hh_key(name) ^ ((uint64_t)parent * UINT64_C(0x9E3779B97F4A7C15))) %
                PLACE_BUCKETS];
}

/* The id of place NAME under PARENT, or 0 when not met. */
static int64_t
place_find(struct place_seen **map, int64_t parent, const char *name)
{
    const struct place_seen *p;

    for (p = *place_bucket(map, parent, name); p != NULL; p = p->next) {
        if (p->parent == parent && strcmp(p->name, name) == 0) {
            return p->id;
        }
    }
    return 0;
}

static void
place_add(struct place_seen **map, int64_t parent, const char *name, int64_t id)
{
    struct place_seen **b = place_bucket(map, parent, name), *p = xcalloc(1, sizeof(*p));

    p->parent = parent;
    p->id = id;
    p->name = xstrdup(name);
    p->next = *b;
    *b = p;
}

static void
places_forget(struct place_seen **map)
{
    struct place_seen *p;
    size_t i;

    for (i = 0; map != NULL && i < PLACE_BUCKETS; i++) {
        while ((p = map[i]) != NULL) {
            map[i] = p->next;
            free(p->name);
            free(p);
        }
    }
}

/* --- the state of an import ------------------------------------------ */

/* One row of the household being read: its record, its cells (for the
 * report sheet) and its problems joined. */
struct grow {
    struct xrecord rec;
    size_t line;
    char **cells;
    size_t ncells;
    struct sbuf why;
};

struct run {
    const struct import_env *env;
    const struct import_opts *o;
    struct import_result *r;
    struct field_ctx fctx;
    struct division county;
    char scope_town[200], scope_village[200];
    int date;
    /* the sheet being read */
    struct sheet_reader *rd;
    int *idx;                       /* the layout's columns in the sheet */
    struct memo_slot *memo;         /* cells parsed before, per column */
    char **header;                  /* the header's cells */
    size_t nheader;
    int pass;
    int passes;                     /* 1: checked and written at once */
    int again;                      /* one pass: the year not known in time */
    long check_bad;                 /* households with problems of the checks */
    long existing;                  /* households stored before */
    /* the household being read */
    struct grow cur;                /* the row just read */
    struct grow *g;
    size_t ng, ag;
    struct xrecord *rows;           /* the household's records, to store */
    size_t arows;
    int gbad;
    struct u64map hh;               /* households read -> HH_* */
    struct u64map ids;              /* persons read -> their first row */
    /* the report sheet */
    struct sheet_writer *w;
    /* the places of the last household */
    char town[SHORT_BUF], vill[SHORT_BUF], nat[SHORT_BUF];
    int64_t town_id, vill_id, nat_id;
    struct place_seen **seen;       /* every place met */
    struct ximport_ctx x;
    char note[600];
};

/* "label: msg", or MSG alone when it names the label itself (the forms'
 * messages do). */
static void
problem_text(const char *label, const char *msg, struct sbuf *out)
{
    size_t n = strlen(label);

    if (n == 0 || strncmp(msg, label, n) == 0) {
        sbuf_adds(out, msg);
    } else {
        sbuf_addf(out, _("%s: %s"), label, msg);
    }
}

static void
problem(struct run *u, struct grow *g, size_t line, const char *label, const char *msg)
{
    struct import_result *r = u->r;
    struct import_problem *p;

    if (g != NULL) {
        sbuf_addf(&g->why, "%s", g->why.len > 0 ? "; " : "");
        problem_text(label, msg, &g->why);
    }
    if (u->pass == 2 && g != NULL) {
        return;                 /* found again: the household is skipped */
    }
    if (r->n == IMPORT_MAX_PROBLEMS) {
        r->more++;
        return;
    }
    r->v = xrealloc(r->v, (r->n + 1) * sizeof(*r->v));
    p = &r->v[r->n++];
    p->line = line;
    p->label = xstrdup(label);
    p->msg = xstrdup(msg);
}

static void
grow_clear(struct grow *g)
{
    size_t i;

    for (i = 0; i < g->ncells; i++) {
        free(g->cells[i]);
    }
    free(g->cells);
    g->cells = NULL;
    g->ncells = 0;
    sbuf_reset(&g->why);
}

static void
group_reset(struct run *u)
{
    size_t i;

    for (i = 0; i < u->ng; i++) {
        grow_clear(&u->g[i]);
    }
    u->ng = 0;
    u->gbad = 0;
}

/* Fill G from ROW: an empty record and, for the report sheet W when
 * there is one, a copy of the cells. */
static void
grow_fill(struct grow *g, const struct sheet_row *row, const struct sheet_writer *w)
{
    size_t i;

    grow_clear(g);
    xrecord_init(&g->rec);
    g->line = row->line;
    if (w == NULL) {
        return;
    }
    g->cells = xcalloc(row->ncells + 1, sizeof(*g->cells));
    for (i = 0; i < row->ncells; i++) {
        g->cells[i] = xstrdup(row->cells[i]);
    }
    g->ncells = row->ncells;
}

/* Move G into the household being read (G is left empty). */
static void
group_push(struct run *u, struct grow *g)
{
    if (u->ng == u->ag) {
        u->ag = u->ag != 0 ? u->ag * 2 : 8;
        u->g = xrealloc(u->g, u->ag * sizeof(*u->g));
        memset(u->g + u->ng, 0, (u->ag - u->ng) * sizeof(*u->g));
    }
    sbuf_release(&u->g[u->ng].why);
    u->g[u->ng++] = *g;
    memset(g, 0, sizeof(*g));
}

/* --- reading ---------------------------------------------------------- */

static const char *
col_label(const struct run *u, enum xfield f)
{
    const struct xcol *c = xlayout_col(u->env->layout, f);

    return c != NULL ? c->label : "";
}

static void
progress(struct run *u)
{
    size_t size = sheet_read_size(u->rd);

    if (u->o->progress != NULL) {
        u->o->progress(u->o->arg, (size_t)(u->pass - 1) * size + sheet_read_bytes(u->rd),
                       (size_t)u->passes * size);
    }
}

/* Column I of the layout by its alias where the sheet has no column of
 * its label (IDX: the labels' columns, then the aliases'); a column of
 * the alias beside one of the label is listed as not read. */
static void
map_alias(struct run *u, const struct sheet_row *row, const int *idx, size_t i,
          const char ***unknown, size_t *nu)
{
    size_t n = u->env->layout->n;

    if (idx[n + i] < 0 || idx[n + i] == idx[i]) {
        return;
    }
    if (idx[i] < 0) {
        u->idx[i] = idx[n + i];
        return;
    }
    *unknown = xrealloc(*unknown, (*nu + 2) * sizeof(**unknown));
    (*unknown)[(*nu)++] = row->cells[idx[n + i]];
}

/* The header's labels (or aliases) against the layout: the columns found,
 * the unknown ones listed, a missing required one refused. */
static int
map_header(struct run *u, const struct sheet_row *row, struct err *e)
{
    const struct xlayout *l = u->env->layout;
    const char **labels = xcalloc(2 * l->n + 1, sizeof(*labels));
    int *idx = xcalloc(2 * l->n + 1, sizeof(*idx));
    const char **unknown = NULL;
    size_t i, nu = 0;
    struct sbuf missing = SBUF_INIT;

    for (i = 0; i < l->n; i++) {
        labels[i] = l->v[i].label;
        /* No alias: the label again, which the first match takes. */
        labels[l->n + i] = l->v[i].alias[0] != '\0' ? l->v[i].alias : l->v[i].label;
    }
    sheet_header_map(row, labels, 2 * l->n, idx, &unknown, &nu);
    memcpy(u->idx, idx, l->n * sizeof(*idx));
    for (i = 0; i < l->n; i++) {
        map_alias(u, row, idx, i, &unknown, &nu);
    }
    free(labels);
    free(idx);
    for (i = 0; u->pass == 1 && i < nu; i++) {
        u->r->unknown = xrealloc(u->r->unknown, (i + 1) * sizeof(char *));
        u->r->unknown[i] = xstrdup(unknown[i]);
        u->r->nunknown = i + 1;
    }
    free(unknown);
    for (i = 0; i < l->n; i++) {
        if (u->idx[i] < 0 && (l->v[i].spec.flags & FF_REQUIRED)) {
            sbuf_addf(&missing, "%s%s", missing.len > 0 ? ", " : "", l->v[i].label);
        }
    }
    u->nheader = row->ncells;
    if (missing.len > 0) {
        err_set(e, ERR_INVALID,
                _("%s: the sheet lacks the required columns %s; nothing was read"),
                u->o->path, missing.buf);
        sbuf_release(&missing);
        return -1;
    }
    return 0;
}

static int
open_sheet(struct run *u, struct err *e)
{
    struct sheet_read_opts ro;
    struct sheet_row row;
    int rc;

    memset(&ro, 0, sizeof(ro));
    ro.path = u->o->path;
    ro.format = u->o->format;
    ro.encoding = u->o->encoding;
    ro.sheet = u->o->sheet;
    if (sheet_open(&ro, &u->rd, e)) {
        return -1;
    }
    u->r->format = sheet_read_format(u->rd);
    u->r->encoding = sheet_read_encoding(u->rd);
    if ((rc = sheet_next(u->rd, &row, e)) <= 0) {
        return rc < 0 ? -1 : err_set(e, ERR_INVALID, _("%s: the sheet is empty"),
                                     u->o->path);
    }
    if (u->pass == 1) {
        u->header = xcalloc(row.ncells + 1, sizeof(char *));
        for (rc = 0; (size_t)rc < row.ncells; rc++) {
            u->header[rc] = xstrdup(row.cells[rc]);
        }
    }
    return map_header(u, &row, e);
}

static void
close_sheet(struct run *u)
{
    if (u->rd != NULL) {
        sheet_close(u->rd);
        u->rd = NULL;
    }
}

/* Short and long rows: a row longer than the header only when the
 * extra cells hold something. */
static void
check_width(struct run *u, const struct sheet_row *row, struct grow *g)
{
    char msg[200];
    size_t n = row->ncells;

    while (n > u->nheader && row->cells[n - 1][0] == '\0') {
        n--;
    }
    /* An XLSX or XLS row ends at its last cell: only a CSV row is short. */
    if (n < u->nheader && u->r->format == SHEET_CSV) {
        snprintf(msg, sizeof(msg), _("the row has %zu cells, the header %zu: cells are "
                                     "missing or shifted"), n, u->nheader);
    } else if (n > u->nheader) {
        snprintf(msg, sizeof(msg), _("the row has %zu cells, more than the header's %zu: "
                                     "a value holds an unquoted comma or is shifted"),
                 n, u->nheader);
    } else {
        return;
    }
    problem(u, g, row->line, "", msg);
}

/* Every column of the layout found in the sheet, parsed into G->rec. */
static void
parse_cells(struct run *u, const struct sheet_row *row, struct grow *g)
{
    const struct xlayout *l = u->env->layout;
    const struct field_value *v;
    struct err e;
    char buf[SHEET_MAX_CELL + 1];
    const char *s;
    size_t i, len;
    int trimmed;

    for (i = 0; i < l->n; i++) {
        if (u->idx[i] < 0) {
            continue;
        }
        s = (size_t)u->idx[i] < row->ncells ? row->cells[u->idx[i]] : "";
        s = xtrim(s, &len, &trimmed);
        if (len > SHEET_MAX_CELL) {
            len = SHEET_MAX_CELL;
        }
        memcpy(buf, s, len);
        buf[len] = '\0';
        u->r->trimmed += trimmed && u->pass == 1;
        err_clear(&e);
        if ((v = memo_parse(u->memo, i, &l->v[i], &u->fctx, buf, &e)) == NULL) {
            problem(u, g, row->line, l->v[i].label, e.msg);
            continue;
        }
        xrecord_set(&g->rec, l->v[i].field, v);
    }
}

/* The sheet's rules beyond one cell: the county, the scope, the case's
 * dates, the same person twice. */
static void
check_row(struct run *u, struct grow *g)
{
    const struct xrecord *r = &g->rec;
    char msg[300];
    size_t first;

    if (r->county[0] != '\0' && strcmp(r->county, u->county.name) != 0) {
        snprintf(msg, sizeof(msg), _("%s is not this database's county (%s)"),
                 r->county, u->county.name);
        problem(u, g, g->line, col_label(u, XF_COUNTY), msg);
    }
    if ((u->scope_town[0] != '\0' && r->township[0] != '\0' &&
         strcmp(r->township, u->scope_town) != 0) ||
        (u->scope_village[0] != '\0' && r->village[0] != '\0' &&
         strcmp(r->village, u->scope_village) != 0)) {
        snprintf(msg, sizeof(msg), _("%s %s is outside this account's scope (%s %s)"),
                 r->township, r->village, u->scope_town, u->scope_village);
        problem(u, g, g->line, col_label(u, XF_TOWNSHIP), msg);
    }
    if (r->category[0] != '\0' && r->identified_on == DATE_NONE) {
        problem(u, g, g->line, col_label(u, XF_IDENTIFIED),
                _("a monitored household needs the month its risk was identified"));
    }
    if (r->eliminated && r->category[0] != '\0' && r->eliminated_on == DATE_NONE) {
        problem(u, g, g->line, col_label(u, XF_ELIM_DATE),
                _("an eliminated risk needs the month it was eliminated"));
    }
    if (r->eliminated_on != DATE_NONE && r->identified_on != DATE_NONE &&
        r->eliminated_on < r->identified_on) {
        problem(u, g, g->line, col_label(u, XF_ELIM_DATE),
                _("the risk cannot be eliminated before it was identified"));
    }
    if (u->pass == 1 && strlen(r->p.id_no) == 18 &&
        (first = *map_at(&u->ids, id_key(r->p.id_no))) != 0) {
        snprintf(msg, sizeof(msg), _("the same person as on row %zu"), first);
        problem(u, g, g->line, col_label(u, XF_ID_NO), msg);
    } else if (u->pass == 1 && strlen(r->p.id_no) == 18) {
        *map_at(&u->ids, id_key(r->p.id_no)) = g->line;
    }
}

/* A row of the household being read: its fields must be the first
 * row's. */
static void
check_same_household(struct run *u, struct grow *g)
{
    enum xfield f;
    char msg[300];

    if (u->ng > 0 && xrecord_hh_differs(&u->g[0].rec, &g->rec, &f)) {
        snprintf(msg, sizeof(msg), _("differs from row %zu of the same household"),
                 u->g[0].line);
        problem(u, g, g->line, col_label(u, f), msg);
    }
}

/* The household as a whole: 人数 and one head. */
static void
check_group(struct run *u)
{
    const struct codebook *cb = rule_codes(u->env->ctx);
    const struct xrecord *r = &u->g[0].rec;
    char msg[300];
    size_t i, heads = 0;

    for (i = 0; i < u->ng; i++) {
        heads += code_is(cb, "relation", u->g[i].rec.p.relation, "head");
    }
    if ((r->has & (UINT64_C(1) << XF_MEMBERS)) && (size_t)r->members != u->ng) {
        snprintf(msg, sizeof(msg), _("household %s has %d members by this column but %zu rows"),
                 r->hh.hh_no, r->members, u->ng);
        problem(u, &u->g[0], u->g[0].line, col_label(u, XF_MEMBERS), msg);
    }
    if (heads != 1) {
        snprintf(msg, sizeof(msg), _("household %s has %zu heads; it needs exactly one"),
                 r->hh.hh_no, heads);
        problem(u, &u->g[0], u->g[0].line, col_label(u, XF_RELATION), msg);
    }
}

/* --- the report sheet ------------------------------------------------- */

static int
report_open(struct run *u, struct err *e)
{
    struct sheet_write_opts wo;
    struct sheet_col *cols;
    size_t i;
    int rc;

    if (u->o->report == NULL) {
        return 0;
    }
    cols = xcalloc(u->nheader + 2, sizeof(*cols));
    cols[0].label = _("Row");
    cols[0].type = SHEET_INT;
    cols[1].label = _("Problems");
    cols[1].width = 60;
    for (i = 0; i < u->nheader; i++) {
        cols[i + 2].label = u->header[i];
    }
    memset(&wo, 0, sizeof(wo));
    wo.path = u->o->report;
    wo.format = SHEET_AUTO;
    if (sheet_format_parse(strrchr(u->o->report, '.') != NULL
                               ? strrchr(u->o->report, '.') + 1 : "", &wo.format) != 0 ||
        wo.format == SHEET_XLS) {
        wo.format = SHEET_CSV;
    }
    wo.cols = cols;
    wo.ncols = u->nheader + 2;
    rc = sheet_create(&wo, &u->w, e);
    free(cols);
    return rc;
}

/* The rows of the household read, with their problems, into the report
 * sheet. */
static int
report_group(struct run *u, const char *why, struct err *e)
{
    const char **cells;
    char line[24];
    size_t i, j;
    int rc = 0;

    if (u->w == NULL) {
        return 0;
    }
    cells = xcalloc(u->nheader + 2, sizeof(*cells));
    for (i = 0; rc == 0 && i < u->ng; i++) {
        snprintf(line, sizeof(line), "%zu", u->g[i].line);
        cells[0] = line;
        cells[1] = u->g[i].why.len > 0 ? u->g[i].why.buf : why;
        for (j = 0; j < u->nheader; j++) {
            cells[j + 2] = j < u->g[i].ncells ? u->g[i].cells[j] : "";
        }
        rc = sheet_add(u->w, cells, e);
    }
    free(cells);
    return rc;
}

/* --- pass 1: checking -------------------------------------------------- */

/* The household read, checked as a whole: its problems counted and
 * reported, its number marked done (and bad). */
static int
judge_group(struct run *u, struct err *e)
{
    size_t i;

    check_group(u);
    u->r->households++;
    for (i = 0; i < u->ng; i++) {
        u->gbad |= u->g[i].why.len > 0;
        u->r->bad_rows += u->g[i].why.len > 0;
    }
    *map_at(&u->hh, hh_key(u->g[0].rec.hh.hh_no)) |= HH_DONE | (u->gbad ? HH_BAD : 0);
    if (u->gbad) {
        u->r->bad_households++;
        u->check_bad++;
        return report_group(u, _("another row of the household has a problem"), e);
    }
    return 0;
}

static int
end_group_check(struct run *u, struct err *e)
{
    int rc = u->ng > 0 ? judge_group(u, e) : 0;

    group_reset(u);
    return rc;
}

/* Check ROW; END ends the household before it when ROW begins
 * another. */
static int
row_check_with(struct run *u, const struct sheet_row *row,
               int (*end)(struct run *, struct err *), struct err *e)
{
    struct grow *g = &u->cur;
    char msg[300];

    grow_fill(g, row, u->w);
    u->r->rows++;
    check_width(u, row, g);
    parse_cells(u, row, g);
    if (u->date == DATE_NONE && g->rec.data_date != DATE_NONE) {
        u->date = g->rec.data_date;
    }
    if (u->ng > 0 && strcmp(u->g[0].rec.hh.hh_no, g->rec.hh.hh_no) != 0 && end(u, e)) {
        return -1;
    }
    if (u->ng == 0 && (*map_at(&u->hh, hh_key(g->rec.hh.hh_no)) & HH_DONE)) {
        snprintf(msg, sizeof(msg), _("the rows of household %s are not together; sort the "
                                     "sheet by this column"), g->rec.hh.hh_no);
        problem(u, g, row->line, col_label(u, XF_HH_NO), msg);
    }
    check_row(u, g);
    if (g->why.len == 0) {
        check_same_household(u, g);
    }
    group_push(u, g);
    return 0;
}

static int
row_check(struct run *u, const struct sheet_row *row, struct err *e)
{
    return row_check_with(u, row, end_group_check, e);
}

static int
pass_rows(struct run *u, int (*each)(struct run *, const struct sheet_row *, struct err *),
          int (*end)(struct run *, struct err *), struct err *e)
{
    struct sheet_row row;
    long n = 0;
    int rc;

    while ((rc = sheet_next(u->rd, &row, e)) == 1) {
        if (each(u, &row, e)) {
            return -1;
        }
        if (++n % 4096 == 0) {
            progress(u);
        }
    }
    if (rc < 0 || end(u, e)) {
        return -1;
    }
    progress(u);
    return 0;
}

/* --- pass 2: writing ---------------------------------------------------- */

static void
place_created(struct run *u, const char *what)
{
    struct import_result *r = u->r;

    r->places = xrealloc(r->places, (r->nplaces + 1) * sizeof(char *));
    r->places[r->nplaces++] = xstrdup(what);
    r->st.places++;
}

/* The places created since there were N (their household was undone). */
static void
places_undone(struct run *u, size_t n)
{
    struct import_result *r = u->r;

    while (r->nplaces > n) {
        free(r->places[--r->nplaces]);
        r->st.places--;
    }
}

/* The id of place NAME at LEVEL under PARENT, cached in CACHE/ID. */
static int
place(struct run *u, int level, int64_t parent, const char *name, char *cache,
      int64_t *id, struct err *e)
{
    char what[3 * SHORT_BUF + 8];
    int created;

    if (strcmp(cache, name) == 0 && *id != 0) {
        return 0;
    }
    snprintf(cache, SHORT_BUF, "%s", name);
    if ((*id = place_find(u->seen, parent, name)) != 0) {
        return 0;
    }
    if (db_import_place(u->env->db, u->env->a->login, level, parent, name, id, &created, e)) {
        cache[0] = '\0';
        return -1;
    }
    place_add(u->seen, parent, name, *id);
    if (created) {
        snprintf(what, sizeof(what), "%s%s%s%s%s", u->g[0].rec.township,
                 level > LEVEL_TOWNSHIP ? " / " : "",
                 level > LEVEL_TOWNSHIP ? u->g[0].rec.village : "",
                 level > LEVEL_VILLAGE ? " / " : "", level > LEVEL_VILLAGE ? name : "");
        place_created(u, what);
    }
    return 0;
}

static int
places(struct run *u, struct err *e)
{
    const struct xrecord *r = &u->g[0].rec;
    int town_changed = strcmp(u->town, r->township) != 0;
    int vill_changed = town_changed || strcmp(u->vill, r->village) != 0;

    if (place(u, LEVEL_TOWNSHIP, u->county.id, r->township, u->town, &u->town_id, e)) {
        return -1;
    }
    if (vill_changed) {
        u->vill[0] = u->nat[0] = '\0';
    }
    if (place(u, LEVEL_VILLAGE, u->town_id, r->village, u->vill, &u->vill_id, e)) {
        return -1;
    }
    if (r->natural[0] == '\0') {
        u->nat_id = 0;
        u->nat[0] = '\0';
        return 0;
    }
    return place(u, LEVEL_NATURAL_VILLAGE, u->vill_id, r->natural, u->nat, &u->nat_id, e);
}

/* Store the household read; a problem only it has is reported and its
 * savepoint undone. */
static int
store_group(struct run *u, struct err *e)
{
    struct xrecord *rows;
    struct err he;
    size_t i, nplaces;
    int rc;

    u->x.year = date_year(u->date != DATE_NONE ? u->date : u->env->ctx->today);
    /* One array for every household, grown to the largest. */
    rows = u->rows = xgrow(u->rows, &u->arows, u->ng, sizeof(*rows));
    for (i = 0; i < u->ng; i++) {
        rows[i] = u->g[i].rec;
    }
    err_clear(&he);
    nplaces = u->r->nplaces;
    /* A savepoint each only when good households are kept beside bad
     * ones: otherwise a problem rolls everything back anyway. */
    rc = u->o->partial ? db_import_mark(u->env->db, e) : 0;
    if (rc == 0 && (places(u, &he) || db_import_household(u->env->db, &u->x, rows, u->ng,
                                                          u->town_id, u->vill_id,
                                                          u->nat_id, &u->r->st, &he))) {
        if (u->o->partial) {
            db_import_undo(u->env->db);
            places_undone(u, nplaces);
            places_forget(u->seen);
        }
        u->town[0] = u->vill[0] = u->nat[0] = '\0';
        if (he.code == ERR_DB) {
            *e = he;
            rc = -1;
        } else {
            problem(u, NULL, u->g[0].line, col_label(u, XF_HH_NO), he.msg);
            u->r->bad_households++;
            u->r->bad_rows += (long)u->ng;
            rc = report_group(u, he.msg, e);
        }
    } else if (rc == 0 && u->o->partial) {
        rc = db_import_keep(u->env->db, e);
    }
    return rc;
}

static int
end_group_write(struct run *u, struct err *e)
{
    int rc = 0;

    if (u->ng > 0 && !(*map_at(&u->hh, hh_key(u->g[0].rec.hh.hh_no)) & HH_BAD)) {
        rc = store_group(u, e);
    }
    group_reset(u);
    return rc;
}

/* 1 when the sheet has a column of field F. */
static int
sheet_has(const struct run *u, enum xfield f)
{
    const struct xlayout *l = u->env->layout;
    size_t i;

    for (i = 0; i < l->n; i++) {
        if (l->v[i].field == f && u->idx[i] >= 0) {
            return 1;
        }
    }
    return 0;
}

/* One pass: the household read is checked, then stored while no
 * household read so far failed the checks (a problem rolls everything
 * back at the end; the checks go on to report every problem, as the
 * writes do after a problem of their own, as pass two would).  The
 * indexes are put off once the households read make the import a bulk
 * one (db_import_bulk), as the two passes decide on all of them.  The
 * year of the incomes is the sheet's date: when the sheet has the
 * column but the first row leaves it empty, nothing is stored in this
 * pass and a second pass stores (check_and_write). */
static int
end_group_once(struct run *u, struct err *e)
{
    int rc = u->ng > 0 ? judge_group(u, e) : 0;

    if (rc == 0 && u->ng > 0 && u->check_bad == 0 && !u->again) {
        if (u->date == DATE_NONE && sheet_has(u, XF_DATA_DATE)) {
            u->again = 1;
        } else if (db_import_bulk(u->env->db, u->r->households, u->existing, e) ||
                   store_group(u, e)) {
            rc = -1;
        }
    }
    group_reset(u);
    return rc;
}

static int
row_once(struct run *u, const struct sheet_row *row, struct err *e)
{
    return row_check_with(u, row, end_group_once, e);
}

static int
row_write(struct run *u, const struct sheet_row *row, struct err *e)
{
    grow_fill(&u->cur, row, u->w);
    parse_cells(u, row, &u->cur);
    if (u->ng > 0 && strcmp(u->g[0].rec.hh.hh_no, u->cur.rec.hh.hh_no) != 0 &&
        end_group_write(u, e)) {
        return -1;
    }
    group_push(u, &u->cur);
    return 0;
}

/* --- the import ------------------------------------------------------- */

static int
setup(struct run *u, struct err *e)
{
    const struct actor *a = u->env->a;
    struct division d;

    if (!actor_writes(a)) {
        return err_set(e, ERR_DENIED, _("this account may not change the registry"));
    }
    if (db_division_county(u->env->db, &u->county, e)) {
        return -1;
    }
    if (a->scope_id != 0) {
        if (db_division_get(u->env->db, a->scope_id, &d, e)) {
            return -1;
        }
        if (d.level == LEVEL_VILLAGE) {
            snprintf(u->scope_village, sizeof(u->scope_village), "%s", d.name);
            if (db_division_get(u->env->db, d.parent_id, &d, e)) {
                return -1;
            }
        }
        snprintf(u->scope_town, sizeof(u->scope_town), "%s", d.name);
    }
    u->fctx.codes = rule_codes(u->env->ctx);
    u->fctx.today = u->env->ctx->today;
    u->idx = xcalloc(u->env->layout->n + 1, sizeof(int));
    u->memo = xcalloc(u->env->layout->n * MEMO_SLOTS + 1, sizeof(*u->memo));
    u->seen = xcalloc(PLACE_BUCKETS, sizeof(*u->seen));
    u->date = u->o->date;
    return 0;
}

static int finish(struct run *u, struct err *e);

/* What storing needs: the note naming the file, whose the records are. */
static void
write_setup(struct run *u)
{
    const char *base = strrchr(u->o->path, '/');

    base = base != NULL ? base + 1 : u->o->path;
    snprintf(u->note, sizeof(u->note), _("imported from %s"), base);
    u->x.ctx = u->env->ctx;
    u->x.a = u->env->a;
    u->x.channel = u->env->layout->channel;
    u->x.elim_method = u->env->layout->elim_method;
    u->x.note = u->note;
}

/* The transaction begun, the households stored before counted. */
static int
write_begin(struct run *u, struct err *e)
{
    if (db_import_begin(u->env->db, e)) {
        return -1;
    }
    if (db_import_count(u->env->db, &u->existing, e)) {
        db_rollback(u->env->db);
        db_import_end(u->env->db);
        return -1;
    }
    u->x.fresh = u->existing == 0;
    return 0;
}

/* The pass that wrote ended with RC: committed or rolled back. */
static int
write_end(struct run *u, int rc, struct err *e)
{
    if (rc == 0) {
        rc = finish(u, e);
    } else {
        db_rollback(u->env->db);
    }
    db_import_end(u->env->db);
    return rc;
}

/* Pass two: the sheet read again, the good households stored. */
static int
write_all(struct run *u, struct err *e)
{
    u->pass = 2;
    if (open_sheet(u, e) || write_begin(u, e)) {
        return -1;
    }
    if (db_import_bulk(u->env->db, u->r->households - u->r->bad_households, u->existing,
                       e)) {
        return write_end(u, -1, e);
    }
    return write_end(u, pass_rows(u, row_write, end_group_write, e), e);
}

/* What the one pass stored, forgotten: it is rolled back. */
static void
forget_writes(struct run *u)
{
    places_undone(u, 0);
    places_forget(u->seen);
    memset(&u->r->st, 0, sizeof(u->r->st));
    u->town[0] = u->vill[0] = u->nat[0] = '\0';
}

/* All or nothing, neither a dry run nor --partial: checked and stored in
 * one pass (end_group_once), or in two when the year was not known in
 * time. */
static int
check_and_write(struct run *u, struct err *e)
{
    int rc;

    if (write_begin(u, e)) {
        return -1;
    }
    rc = pass_rows(u, row_once, end_group_once, e);
    close_sheet(u);
    if (u->check_bad > 0) {
        forget_writes(u);       /* rolled back, as if never begun */
    }
    if (rc != 0 || !u->again || u->check_bad > 0) {
        return write_end(u, rc, e);
    }
    db_rollback(u->env->db);
    db_import_end(u->env->db);
    forget_writes(u);
    u->passes = 2;
    return write_all(u, e);
}

/* Commit what was written, or (a dry run, a problem without --partial)
 * roll it back. */
static int
finish(struct run *u, struct err *e)
{
    char summary[700];

    snprintf(summary, sizeof(summary), "%s: %ld/%ld/%ld", u->note, u->r->st.hh_created,
             u->r->st.hh_updated, u->r->st.hh_same);
    if (u->o->dry_run || (u->r->bad_households > 0 && !u->o->partial)) {
        db_rollback(u->env->db);
        return 0;
    }
    if (db_audit(u->env->db, u->env->a->login, "bulk", "household", 0, NULL, NULL,
                 summary, e) || db_import_reindex(u->env->db, e) ||
        db_commit(u->env->db, e)) {
        db_rollback(u->env->db);
        return -1;
    }
    u->r->written = 1;
    return 0;
}

static void
run_free(struct run *u)
{
    size_t i;

    close_sheet(u);
    if (u->w != NULL) {
        sheet_abort(u->w);
    }
    group_reset(u);
    grow_clear(&u->cur);
    sbuf_release(&u->cur.why);
    for (i = 0; i < u->ag; i++) {
        sbuf_release(&u->g[i].why);
    }
    free(u->g);
    free(u->rows);
    for (i = 0; i < u->nheader && u->header != NULL; i++) {
        free(u->header[i]);
    }
    free(u->header);
    free(u->idx);
    memo_free(u->memo, u->env->layout->n);
    places_forget(u->seen);
    free(u->seen);
    map_free(&u->hh);
    map_free(&u->ids);
}

int
import_date_check(const struct import_env *env, int date, const char *label, struct err *e)
{
    char day[DATE_BUF];

    if (date == DATE_NONE || date <= env->ctx->today) {
        return 0;
    }
    date_format(env->ctx->today, day);
    return err_set(e, ERR_INVALID, _("%s cannot be later than today (%s); check the date."),
                   label, day);
}

int
import_national(const struct import_env *env, const struct import_opts *o,
                struct import_result *r, struct err *e)
{
    struct run u;
    int rc = -1;

    memset(&u, 0, sizeof(u));
    memset(r, 0, sizeof(*r));
    u.env = env;
    u.o = o;
    u.r = r;
    u.pass = 1;
    u.passes = o->dry_run || o->partial ? 2 : 1;
    if (import_date_check(env, o->date, _("Data date"), e)) {
        return -1;
    }
    if (setup(&u, e) || open_sheet(&u, e) || report_open(&u, e)) {
        goto out;
    }
    write_setup(&u);
    db_audit_reason_set(env->db, u.note);  /* every row it writes: "imported from FILE" */
    if (u.passes == 1) {
        rc = check_and_write(&u, e);
    } else if (pass_rows(&u, row_check, end_group_check, e) == 0) {
        close_sheet(&u);
        rc = write_all(&u, e);     /* a dry run, --partial: the good households */
    }
    if (rc == 0 && u.w != NULL) {
        rc = sheet_finish(u.w, e);
        u.w = NULL;
    }
out:
    db_audit_reason_set(env->db, NULL);
    run_free(&u);
    return rc;
}

void
import_result_free(struct import_result *r)
{
    size_t i;

    for (i = 0; i < r->n; i++) {
        free(r->v[i].label);
        free(r->v[i].msg);
    }
    free(r->v);
    for (i = 0; i < r->nunknown; i++) {
        free(r->unknown[i]);
    }
    free(r->unknown);
    for (i = 0; i < r->nplaces; i++) {
        free(r->places[i]);
    }
    free(r->places);
    memset(r, 0, sizeof(*r));
}

/* --- the summary -------------------------------------------------------- */

static void
text_counts(const struct import_result *r, int dry_run, struct sbuf *out)
{
    const struct ximport_stats *s = &r->st;

    sbuf_addf(out, _("%ld rows, %ld households read; %ld cells had blanks around them "
                     "(trimmed)\n"),
              r->rows, r->households, r->trimmed);
    sbuf_addf(out, dry_run ? _("Would create %ld households, update %ld, leave %ld alone; "
                               "persons: %ld new, %ld updated, %ld unchanged; %ld cases new, "
                               "%ld existing left alone; %ld places new\n")
                           : _("Created %ld households, updated %ld, left %ld alone; "
                               "persons: %ld new, %ld updated, %ld unchanged; %ld cases new, "
                               "%ld existing left alone; %ld places new\n"),
              s->hh_created, s->hh_updated, s->hh_same, s->p_created, s->p_updated,
              s->p_same, s->cases, s->cases_kept, s->places);
}

void
import_result_text(const struct import_result *r, int dry_run, struct sbuf *out)
{
    size_t i;

    text_counts(r, dry_run, out);
    for (i = 0; i < r->nunknown; i++) {
        sbuf_addf(out, _("Column not imported (unknown label): %s\n"), r->unknown[i]);
    }
    for (i = 0; i < r->nplaces; i++) {
        sbuf_addf(out, dry_run ? _("New place (would be created): %s\n")
                               : _("New place created: %s\n"),
                  r->places[i]);
    }
    for (i = 0; i < r->n; i++) {
        sbuf_addf(out, _("Row %zu: "), r->v[i].line);
        problem_text(r->v[i].label, r->v[i].msg, out);
        sbuf_addch(out, '\n');
    }
    if (r->more > 0) {
        sbuf_addf(out, _("... and %ld more problems\n"), r->more);
    }
    if (r->bad_households > 0) {
        sbuf_addf(out, _("%ld rows of %ld households have problems\n"), r->bad_rows,
                  r->bad_households);
    }
}
