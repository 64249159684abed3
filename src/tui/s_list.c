/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * s_list.c - the monitoring list: every household in the user's scope as
 * a table definition with a pager (tui/table.h), read a page at a time
 * straight from the database (db/db_list.h), never all of it: the table
 * screen lays it out, moves, searches, sorts, tags and goes to a row;
 * here are its columns, its query (filter, search, sort), the filter in
 * words and the counts per category and state on the status line, the
 * filter screen, worklists, new households and clues, the prints, and
 * the household detail on Enter.  Columns drop out by priority on narrow
 * terminals and more show on wide ones.
 */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/date.h"
#include "core/money.h"
#include "db/db.h"
#include "db/db_cadre.h"
#include "db/db_division.h"
#include "db/db_list.h"
#include "print/export.h"
#include "tui/form.h"
#include "tui/s_filter.h"
#include "tui/s_menu.h"
#include "tui/screen.h"
#include "tui/table.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/idset.h"
#include "util/sbuf.h"
#include "util/u8.h"
#include "util/xalloc.h"

/* The columns in display order; at 80 columns prio 1-7 fit. */
enum hh_col {
    C_HEAD, C_HHNO, C_TOWN, C_VILL, C_MEMB, C_CAT, C_STATE, C_INCOME, C_RISK,
    C_VISIT, C_TYPE, C_IDENT, NCOLS
};

static const struct table_col columns[NCOLS] = {
    [C_HEAD] = {.title = N_("head"), .width = 8},
    [C_HHNO] = {.title = N_("household no."), .width = 16},
    [C_TOWN] = {.title = N_("township"), .width = 8},
    [C_VILL] = {.title = N_("village"), .width = 8},
    [C_MEMB] = {.title = N_("size"), .width = 4, .right = 1},
    [C_CAT] = {.title = N_("category"), .width = 10},
    [C_STATE] = {.title = N_("status"), .width = 8},
    [C_INCOME] = {.title = N_("income/person"), .width = 10, .right = 1},
    [C_RISK] = {.title = N_("risks"), .width = 12, .flex = 1},
    [C_VISIT] = {.title = N_("last visit"), .width = 10},
    [C_TYPE] = {.title = N_("type"), .width = 8},
    [C_IDENT] = {.title = N_("identified"), .width = 10},
};

/* Which columns a narrow screen keeps first; the risks take up to 30
 * more columns on a wide one. */
static const struct table_fit fit[NCOLS] = {
    [C_HEAD] = {1, 0}, [C_HHNO] = {2, 0}, [C_TOWN] = {4, 0}, [C_VILL] = {5, 0},
    [C_MEMB] = {8, 0}, [C_CAT] = {6, 0}, [C_STATE] = {3, 0}, [C_INCOME] = {7, 0},
    [C_RISK] = {9, 42}, [C_VISIT] = {10, 0}, [C_TYPE] = {11, 0}, [C_IDENT] = {12, 0},
};

/* What each column sorts by. */
static const enum list_col sort_by[NCOLS] = {
    [C_HEAD] = LC_HEAD, [C_HHNO] = LC_HHNO, [C_TOWN] = LC_TOWNSHIP,
    [C_VILL] = LC_VILLAGE, [C_MEMB] = LC_MEMBERS, [C_CAT] = LC_CATEGORY,
    [C_STATE] = LC_STATE, [C_INCOME] = LC_INCOME, [C_RISK] = LC_RISK,
    [C_VISIT] = LC_VISIT, [C_TYPE] = LC_TYPE, [C_IDENT] = LC_IDENTIFIED,
};

/* What a count was made for: the filter and search, and the data's
 * change stamp (db_change_stamp) then; coming back to the list with
 * nothing changed does not count again. */
struct counted {
    int valid;
    int64_t stamp;
    char what[1200];
};

/* The list's state: its query, and the counts of its filter. */
struct households {
    struct app *app;
    struct list_query q;
    int changed;                /* the filter screen changed the filter */
    struct counted counted;     /* COUNTS are for it */
    struct list_counts counts;
    struct counted rows;        /* NROWS is for it */
    int64_t nrows;
};

/* 1 when C was made for H's query as it is now, on data as it is; else
 * C is made for it (the caller counts). */
static int
still_counted(struct households *h, struct counted *c)
{
    char spec[1024], what[sizeof(c->what)];
    int64_t stamp = db_change_stamp(h->app->db);

    list_filter_format(&h->q.f, spec, sizeof(spec));
    snprintf(what, sizeof(what), "%s|%s", spec, h->q.f.search);
    if (c->valid && c->stamp == stamp && strcmp(c->what, what) == 0) {
        return 1;
    }
    c->valid = 0;
    c->stamp = stamp;
    snprintf(c->what, sizeof(c->what), "%s", what);
    return 0;
}

/* --- the rows ------------------------------------------------------------ */

static int
src_fetch(void *ctx, const void *from, int dir, int include, int n, void *out,
          int *got, struct err *e)
{
    struct households *h = ctx;

    return db_list_page(h->app->db, &h->q, from, dir, include, n, out, got, e);
}

static int
src_count(void *ctx, int64_t *n, struct err *e)
{
    struct households *h = ctx;

    if (!still_counted(h, &h->rows)) {
        if (db_list_count(h->app->db, &h->q, &h->nrows, e)) {
            return -1;
        }
        h->rows.valid = 1;
    }
    *n = h->nrows;
    return 0;
}

/* A search is counted when the keys stop: its first rows come at once. */
static int
src_count_later(void *ctx)
{
    struct households *h = ctx;
    struct households probe = *h;

    return h->q.f.search[0] != '\0' && !still_counted(&probe, &probe.rows);
}

static int
src_nth(void *ctx, int64_t pos, void *out, struct err *e)
{
    struct households *h = ctx;

    return db_list_nth(h->app->db, &h->q, pos, out, e);
}

static void
src_clear(void *row)
{
    list_row_clear(row);
}

static const struct list_source source = {
    sizeof(struct list_row), src_fetch, src_count, src_nth, src_clear, src_count_later,
};

/* "贫,学" for the risk codes "01,05": their short labels. */
static void
risk_labels(const struct codebook *cb, const char *risks, struct sbuf *out)
{
    char buf[64], *save = NULL, *code;

    snprintf(buf, sizeof(buf), "%s", risks);
    for (code = strtok_r(buf, ",", &save); code != NULL; code = strtok_r(NULL, ",", &save)) {
        sbuf_addf(out, "%s%s", out->len ? "," : "", code_short(cb, "risk", code));
    }
}

static void
hh_cells(struct tui *t, void *ctx, const void *row, struct table_rows *out)
{
    const struct list_row *r = row;
    const struct codebook *cb = tui_codes(t);
    struct sbuf risks = SBUF_INIT;
    char day[DATE_BUF], money[MONEY_BUF];

    (void)ctx;
    table_add(out, r->id);
    table_set_mark(out, r->overdue ? '!' : 0);
    table_set_mark2(out, r->findings ? '?' : 0);
    table_set(out, C_HEAD, r->head);
    table_set(out, C_HHNO, r->hh_no);
    table_set(out, C_TOWN, r->township);
    table_set(out, C_VILL, r->village);
    table_setf(out, C_MEMB, "%d", r->members);
    table_set(out, C_CAT, r->category[0] ? code_short(cb, "category", r->category) : "");
    table_set(out, C_STATE, case_state_short(r->state));
    money_group_int(money_div_round(r->per_capita, 100), money);
    table_set(out, C_INCOME, r->income_year ? money : "-");
    risk_labels(cb, r->risks, &risks);
    table_set(out, C_RISK, risks.buf);
    date_format(r->last_visit, day);
    table_set(out, C_VISIT, day);
    table_set(out, C_TYPE, code_short(cb, "hh_type", r->hh_type));
    date_format(r->identified_on, day);
    table_set(out, C_IDENT, day);
    sbuf_release(&risks);
}

static void
hh_search(void *ctx, const char *text)
{
    struct households *h = ctx;

    snprintf(h->q.f.search, sizeof(h->q.f.search), "%s", text);
}

static void
hh_sort(void *ctx, size_t col, int desc)
{
    struct households *h = ctx;

    h->q.sort = sort_by[col < NCOLS ? col : C_HHNO];
    h->q.desc = desc;
}

static int
hh_changed(void *ctx)
{
    struct households *h = ctx;
    int changed = h->changed;

    h->changed = 0;
    return changed;
}

static const struct table_pager pager = {
    .source = &source,
    .cells = hh_cells,
    .search = hh_search,
    .sort = hh_sort,
    .sort0 = C_HHNO,
    .changed = hh_changed,
};

/* A township account starts on the monitoring objects of its township;
 * the county's and the administrators' on every household. */
static void *
hh_new(struct tui *t, int64_t parent)
{
    struct households *h = xcalloc(1, sizeof(*h));
    const struct actor *a = &t->app->actor;

    (void)parent;
    h->app = t->app;
    list_query_init(&h->q, a->scope_level, a->scope_id, app_today());
    if (a->scope_level == LEVEL_TOWNSHIP) {
        h->q.f.states = list_states_monitored();
    }
    return h;
}

/* --- the status line ------------------------------------------------------ */

static void
add_part(struct sbuf *sb, const char *s)
{
    sbuf_addf(sb, "%s%s", sb->len > 0 ? _(", ") : "", s);
}

static void
division_name(struct households *h, int64_t id, struct sbuf *sb)
{
    struct division d;

    if (id != 0 && db_division_get(h->app->db, id, &d, NULL) == 0) {
        add_part(sb, d.name);
    }
}

static void
cadre_name(struct households *h, int64_t id, struct sbuf *sb)
{
    struct cadre c;
    char buf[200];

    memset(&c, 0, sizeof(c));
    if (id != 0 && db_cadre_get(h->app->db, id, &c, NULL) == 0) {
        snprintf(buf, sizeof(buf), _("responsible cadre %s"), c.name);
        add_part(sb, buf);
    }
}

/* The filter in words: "红岩镇, 监测对象, 逾期". */
static void
hh_info(struct tui *t, void *ctx, struct sbuf *out)
{
    struct households *h = ctx;
    const struct list_filter *f = &h->q.f;
    struct sbuf states = SBUF_INIT;
    size_t i;
    static const struct {
        size_t offset;              /* an int of struct list_filter */
        const char *words;          /* N_ */
    } flags[] = {
        {offsetof(struct list_filter, overdue), N_("overdue")},
        {offsetof(struct list_filter, findings), N_("with findings")},
        {offsetof(struct list_filter, no_dev_measure), N_("labour but no development measure")},
        {offsetof(struct list_filter, visit_days), N_("visit due this week")},
        {offsetof(struct list_filter, no_cadre), N_("without a responsible cadre")},
    };

    division_name(h, f->township_id, out);
    division_name(h, f->village_id, out);
    if (f->category[0]) {
        add_part(out, code_label(tui_codes(t), "category", f->category));
    }
    if (f->risk[0]) {
        add_part(out, code_label(tui_codes(t), "risk", f->risk));
    }
    filter_states_text(f, &states);
    if (states.len > 0) {
        add_part(out, states.buf);
    }
    cadre_name(h, f->cadre_id, out);
    for (i = 0; i < ARRAY_SIZE(flags); i++) {
        if (*(const int *)((const char *)f + flags[i].offset)) {
            add_part(out, _(flags[i].words));
        }
    }
    sbuf_release(&states);
}

/* The phases the states are counted in when each state does not fit;
 * a phase of one state is named by it. */
static const struct {
    enum case_state first, last;
    const char *words;              /* NC_, for a phase of several states */
} phases[] = {
    {CS_NONE, CS_NONE, NULL},
    {CS_CLUE, CS_TOWNSHIP_REVIEWED, NC_("case phase", "identifying")},
    {CS_MONITORED, CS_MONITORED, NULL},
    {CS_ELIM_VERIFIED, CS_ELIM_TOWNSHIP_REVIEWED, NC_("case phase", "eliminating")},
    {CS_ELIMINATED, CS_ELIMINATED, NULL},
    {CS_REJECTED, CS_REJECTED, NULL},
};

static void
add_count(struct sbuf *out, const char *label, int64_t n)
{
    char num[MONEY_BUF];

    if (n > 0) {
        money_group_int(n, num);
        sbuf_addf(out, "%s%s%s", out->len ? " " : "", label, num);
    }
}

/* The categories' counts ("不稳定户731 边缘户165"). */
static void
category_counts(struct tui *t, const struct list_counts *c, struct sbuf *out)
{
    size_t i;

    for (i = 0; i < c->ncategories; i++) {
        if (c->category[i].code[0]) {
            add_count(out, tui_code_text(t, "category", c->category[i].code), c->category[i].n);
        }
    }
}

/* The states' counts, each state ("监测帮扶中1,043 消除核实41") or each
 * phase ("帮扶中1,043 消除中96"). */
static void
state_counts(const struct list_counts *c, int by_phase, struct sbuf *out)
{
    size_t i;
    int s;

    for (i = 0; i < ARRAY_SIZE(phases); i++) {
        int64_t n = 0;

        for (s = (int)phases[i].first; s <= (int)phases[i].last; s++) {
            if (!by_phase || phases[i].words == NULL) {
                add_count(out, s == CS_NONE ? _("no case") : case_state_short((enum case_state)s),
                          c->state[s]);
            } else {
                n += c->state[s];
            }
        }
        if (by_phase && phases[i].words != NULL) {
            add_count(out, _(phases[i].words), n);
        }
    }
}

/* The counts of the filter: per category and per state when they fit
 * WIDTH, else per phase of the procedure, else the categories, else
 * nothing.  Not while searching: the position says how many match. */
static void
hh_counts(struct tui *t, void *ctx, int width, struct sbuf *out)
{
    struct households *h = ctx;
    struct sbuf cats = SBUF_INIT, states = SBUF_INIT, spec = SBUF_INIT;
    struct err e;
    int pass;

    if (h->q.f.search[0] || width <= 0) {
        return;
    }
    err_clear(&e);
    if (!still_counted(h, &h->counted)) {
        if (db_list_counts(h->app->db, &h->q, &h->counts, &e) != 0) {
            return;
        }
        h->counted.valid = 1;
    }
    category_counts(t, &h->counts, &cats);
    for (pass = 0; pass < 3 && out->len == 0; pass++) {
        sbuf_reset(&states);
        if (pass < 2) {
            state_counts(&h->counts, pass, &states);
        }
        sbuf_reset(&spec);
        sbuf_addf(&spec, "%s%s%s", cats.buf, cats.len && states.len ? " | " : "", states.buf);
        if ((int)u8_width(spec.buf) <= width) {
            sbuf_adds(out, spec.buf);
        }
    }
    sbuf_release(&cats);
    sbuf_release(&states);
    sbuf_release(&spec);
}

/* --- the household, the filter, a new household ------------------------- */

static unsigned
hh_open(struct tui *t, void *ctx, int64_t id)
{
    (void)ctx;
    household_view_open(t, id);
    return D_ALL;
}

static int
hh_filter(struct tui *t, void *ctx)
{
    struct households *h = ctx;
    struct filter_arg *fa = xcalloc(1, sizeof(*fa));

    fa->app = h->app;
    fa->filter = &h->q.f;
    fa->changed = &h->changed;
    tui_push(t, screen_new(&filter_screen, fa));
    return 0;
}

static void
hh_clear(void *ctx)
{
    struct households *h = ctx;

    list_filter_init(&h->q.f);
}

/* New: a household with its members, or a clue about a household not
 * registered yet. */
static unsigned
new_chosen(void *ctx, struct tui *t, size_t index)
{
    (void)ctx;
    form_open(t, index == 0 ? &household_new_form : &clue_new_form, 0, 0, 0);
    return D_ALL;
}

static unsigned
hh_create(struct tui *t, void *ctx)
{
    struct menu *m = menu_new(_("New"), new_chosen, ctx);

    menu_add(m, _("New household with its members"));
    menu_add(m, _("New monitoring clue (household not registered yet)"));
    menu_open(t, m);
    return D_ALL;
}

/* --- worklists ------------------------------------------------------------ */

/* The built-in ones, then the user's own (load, save the filter as one,
 * delete one).  The menu lists the built-in ones, the loads, then "save",
 * then the deletes. */
enum {
    BUILTIN_WAITING, BUILTIN_OVERDUE, BUILTIN_NODEV, BUILTIN_VISITS, BUILTIN_WARNINGS,
    BUILTIN_NOCADRE, NBUILTIN
};

static const char *const builtin_names[NBUILTIN] = {
    N_("Waiting for me (a procedure step is mine to do)"),
    N_("Overdue (steps, visits, measures)"),
    N_("Labour but no development measure {dev_measure_days} after identification"),
    N_("Visits due this week"),
    N_("Department warnings to verify (预警核实)"),
    N_("Monitoring objects without a responsible cadre"),
};

/* Built-in worklist I's name in OUT, its policy numbers those of rules.conf
 * for today's year. */
static const char *
builtin_name(struct tui *t, size_t i, struct sbuf *out)
{
    sbuf_reset(out);
    screen_help_text(t, NULL, builtin_names[i], out);
    return out->buf;
}

/* The filter F instead of the one there is, the search kept. */
static void
use_filter(struct households *h, const struct list_filter *f)
{
    char keep[sizeof(h->q.f.search)];

    memcpy(keep, h->q.f.search, sizeof(keep));
    h->q.f = *f;
    memcpy(h->q.f.search, keep, sizeof(keep));
    h->changed = 1;
}

static void
load_builtin(struct households *h, int which)
{
    struct list_filter f;

    list_filter_init(&f);
    if (which == BUILTIN_WAITING) {
        f.states = case_states_waiting(h->app->actor.role);
        f.waiting = 1;
        if (f.states == 0) {
            f.states = LIST_STATE(CS_COUNT);   /* nothing waits for a viewer */
        }
    }
    f.overdue = which == BUILTIN_OVERDUE;
    f.no_dev_measure = which == BUILTIN_NODEV;
    f.visit_days = which == BUILTIN_VISITS ? 7 : 0;
    if (which == BUILTIN_NOCADRE) {
        f.states = list_states_monitored();
        f.no_cadre = 1;
    }
    use_filter(h, &f);
}

static unsigned
worklist_saved(struct tui *t, void *ctx, const char *name)
{
    struct households *h = ctx;
    char spec[1024];
    struct err e;

    list_filter_format(&h->q.f, spec, sizeof(spec));
    if (db_worklist_save(h->app->db, h->app->login, name, spec, &e)) {
        tui_message(t, 1, "%s", e.msg);
    } else {
        tui_message(t, 0, _("Worklist '%s' saved."), name);
    }
    return D_STATUS;
}

/* The user's worklist INDEX of V (N): load it, save the filter, or
 * delete one. */
static void
own_worklist(struct households *h, struct tui *t, const struct worklist *v, size_t n,
             size_t index)
{
    struct list_filter f;
    struct err e;

    if (index < n) {
        list_filter_parse(v[index].spec, &f);
        use_filter(h, &f);
        tui_message(t, 0, _("Worklist '%s' loaded."), v[index].name);
    } else if (index == n) {
        table_ask(t, _("Save the filter as worklist: "), worklist_saved);
    } else if (index - n - 1 < n) {
        if (db_worklist_delete(h->app->db, h->app->login, v[index - n - 1].id, &e)) {
            tui_message(t, 1, "%s", e.msg);
        } else {
            tui_message(t, 0, _("Worklist '%s' deleted."), v[index - n - 1].name);
        }
    }
}

static unsigned
worklist_chosen(void *ctx, struct tui *t, size_t index)
{
    struct households *h = ctx;
    struct worklist *v;
    struct err e;
    size_t n;

    if (index == BUILTIN_WARNINGS) {
        table_open(t, &warnings_table, 0);
        return D_ALL;
    }
    if (index < NBUILTIN) {
        struct sbuf sb = SBUF_INIT;

        load_builtin(h, (int)index);
        tui_message(t, 0, _("Worklist '%s' loaded."), builtin_name(t, index, &sb));
        sbuf_release(&sb);
        return D_ALL;
    }
    if (db_worklist_list(h->app->db, h->app->login, &v, &n, &e)) {
        tui_message(t, 1, "%s", e.msg);
        return D_STATUS;
    }
    own_worklist(h, t, v, n, index - NBUILTIN);
    free(v);
    return D_ALL;
}

static unsigned
open_worklists(struct households *h, struct tui *t)
{
    struct menu *m = menu_new(_("Worklists"), worklist_chosen, h);
    struct sbuf sb = SBUF_INIT;
    struct worklist *v;
    struct err e;
    size_t n, i;
    char buf[256];

    if (db_worklist_list(h->app->db, h->app->login, &v, &n, &e)) {
        menu_free(m);
        tui_message(t, 1, "%s", e.msg);
        return D_STATUS;
    }
    for (i = 0; i < NBUILTIN; i++) {
        menu_add(m, builtin_name(t, i, &sb));
    }
    sbuf_release(&sb);
    for (i = 0; i < n; i++) {
        snprintf(buf, sizeof(buf), _("Load: %s"), v[i].name);
        menu_add(m, buf);
    }
    menu_add(m, _("Save the current filter as a worklist..."));
    for (i = 0; i < n; i++) {
        snprintf(buf, sizeof(buf), _("Delete: %s"), v[i].name);
        menu_add(m, buf);
    }
    free(v);
    menu_open(t, m);
    return D_ALL;
}

static const struct keydef hh_keys[] = {
    {'w', 0, ACT_WORKLIST, "w", N_("worklists"), KD_BAR},
    {'I', 0, ACT_FORM1, "I", N_("import the national sheet"), KD_WRITE},
    {'b', 0, ACT_FORM2, "b", N_("assign a responsible cadre (the tagged rows, else this one)"),
     KD_WRITE},
    {'C', 0, ACT_FORM3, "C", N_("the responsible cadres"), 0},
    {0, 0, ACT_NONE, NULL, NULL, 0},
};

/* b: the tagged households, else the one under the cursor, given a
 * responsible cadre. */
static unsigned
assign_cadre(struct tui *t)
{
    const struct idset *tags = table_tagged(t);
    const struct list_row *r = table_current(t);

    if (tags != NULL && tags->n > 0) {
        return cadre_assign_dialog(t, tags->v, tags->n, 0, NULL, -1);
    }
    if (r == NULL) {
        return 0;
    }
    return cadre_assign_dialog(t, &r->id, 1, r->township_id, r->hh_no, -1);
}

static unsigned
hh_action(struct tui *t, void *ctx, int action, int64_t id)
{
    (void)id;
    switch (action) {
    case ACT_FORM1:
        import_open(t, IMPORT_NATIONAL, NULL);
        return D_ALL;
    case ACT_FORM2:
        return assign_cadre(t);
    case ACT_FORM3:
        table_open(t, &cadres_table, 0);
        return D_ALL;
    case ACT_WORKLIST:
        return open_worklists(ctx, t);
    default:
        return 0;
    }
}

/* --- prints --------------------------------------------------------------------- */

/* p: the cards of the tagged households, the current one's card and its
 * village's publicity lists, the visit worklists (s_print_menus.c). */
static unsigned
hh_print(struct tui *t, void *ctx, const int64_t *ids, size_t nids)
{
    const struct households *h = ctx;

    (void)ids;
    (void)nids;
    return households_print(t, table_tagged(t), table_current(t), h->q.f.cadre_id);
}

/* x: the list's filter and search. */
static int
hh_export(struct tui *t, void *ctx, struct export_filter *f)
{
    const struct households *h = ctx;

    (void)t;
    f->hh = h->q.f;
    return 0;
}

/* --- the definition ---------------------------------------------------------- */

static const struct table_def households_def = {
    .id = "households",
    .title = N_("monitoring list"),
    .help = N_("Marks before the first column: * a tagged row (t tags and moves on, T untags all, p prints the cards of the tagged households, x exports them); ! something is overdue (a procedure step, a visit or a development measure); ? the rules find a problem in the data (Enter shows which).\n"
               "Search (/) narrows the list with each key, a new search each time (Up recalls the ones before): Chinese finds names and villages (张伟, 伟明, 白马), letters find pinyin initials (zs finds 张三), digits find ID numbers (whole, or the last 4 to 6 characters) and household numbers (the start or the end of one); a name and digits together find the households having both (张1234).  Enter keeps the result, Esc goes back to what was there before.\n"
               "Filter (f) by township, village, category, risk, status (several at once: Space marks them; or every monitoring object, identified and not closed), overdue, findings.  A township account starts on its monitoring objects; c shows every household.  With no search the status line counts the filter's households per category and per state (per phase of the procedure when the line is short).\n"
               "Sort (s) by any column shown; choosing the same column again reverses the order.  Names sort in pinyin order.\n"
               "Worklists (w) keep a filter under a name, for you only; one of them lists the monitoring objects without a responsible cadre (帮扶责任人).\n"
               "Responsible cadres: b assigns one to the tagged households (or to the one under the cursor), the cadre before ending that day; C shows the cadres (a adds one); the filter (f) shows one cadre's households.\n"
               "Narrow terminals show fewer columns; widen the window for more (at 160 columns all of them)."),
    .cols = columns,
    .ncols = NCOLS,
    .fit = fit,
    .empty = N_("No household to show."),
    .no_match = N_("No household matches the search."),
    .all = N_("All households"),
    .search_label = N_("Search (name, initials, ID, household no.): "),
    .marks = 2,
    .untitled = 1,
    .ctx_new = hh_new,
    .ctx_free = free,
    .pager = &pager,
    .open = hh_open,
    .create = hh_create,
    .print = hh_print,
    .export = "households",
    .export_filter = hh_export,
    .filter = hh_filter,
    .clear_filter = hh_clear,
    .info = hh_info,
    .status_more = hh_counts,
    .keys = hh_keys,
    .action = hh_action,
};

int
households_open(struct tui *t)
{
    return table_open(t, &households_def, 0);
}
