/*
 * s_list.c - the monitoring list: every household in the user's scope, a
 * page at a time, with search as you type, filters, sorting by any shown
 * column, saved worklists, and the household detail on Enter.  Columns
 * drop out by priority on narrow terminals and more show on wide ones.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/date.h"
#include "core/money.h"
#include "db/db.h"
#include "db/db_division.h"
#include "db/db_list.h"
#include "tui/draw.h"
#include "print/print.h"
#include "tui/form.h"
#include "tui/s_filter.h"
#include "tui/s_menu.h"
#include "tui/screen.h"
#include "tui/w_line.h"
#include "tui/w_list.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/idset.h"
#include "util/sbuf.h"
#include "util/u8.h"
#include "util/xalloc.h"

enum col_id {
    COL_MARK, COL_HHNO, COL_HEAD, COL_TOWN, COL_VILL, COL_MEMB, COL_CAT,
    COL_RISK, COL_INCOME, COL_STATE, COL_VISIT, COL_TYPE, COL_IDENT, NCOLS
};

struct column {
    enum col_id id;
    int sort;              /* enum list_col, or -1 */
    const char *title;     /* N_ */
    int width;
    int prio;              /* lower shows first */
    enum align al;
};

/* Display order.  At 80 columns priorities 1-8 fit. */
static const struct column columns[NCOLS] = {
    {COL_MARK, -1, NULL, 3, 1, AL_LEFT},
    {COL_HEAD, LC_HEAD, N_("head"), 8, 2, AL_LEFT},
    {COL_HHNO, LC_HHNO, N_("household no."), 16, 3, AL_LEFT},
    {COL_TOWN, LC_TOWNSHIP, N_("township"), 8, 5, AL_LEFT},
    {COL_VILL, LC_VILLAGE, N_("village"), 8, 6, AL_LEFT},
    {COL_MEMB, LC_MEMBERS, N_("size"), 4, 9, AL_RIGHT},
    {COL_CAT, LC_CATEGORY, N_("category"), 10, 7, AL_LEFT},
    {COL_STATE, LC_STATE, N_("status"), 8, 4, AL_LEFT},
    {COL_INCOME, LC_INCOME, N_("income/person"), 10, 8, AL_RIGHT},
    {COL_RISK, LC_RISK, N_("risks"), 12, 10, AL_LEFT},
    {COL_VISIT, LC_VISIT, N_("last visit"), 10, 11, AL_LEFT},
    {COL_TYPE, LC_TYPE, N_("type"), 8, 12, AL_LEFT},
    {COL_IDENT, LC_IDENTIFIED, N_("identified"), 10, 13, AL_LEFT},
};

enum prompt_mode { P_NONE, P_SEARCH, P_GOTO, P_WORKLIST };

struct list_screen {
    struct app *app;
    struct list_query q;
    struct w_list wl;
    int shown[NCOLS];           /* which columns fit */
    int width[NCOLS];           /* their widths now */
    enum prompt_mode prompt;
    struct w_line line;
    char saved_search[128];
    int reload;                 /* fetch again before the next draw */
    int refresh;                /* the rows in view may have changed */
    struct list_filter applied; /* what the filter screen started from */
    struct idset tags;          /* tagged households */
};

static const struct keydef list_keys[] = {
    {'\n', 0, ACT_OPEN, "Enter", N_("open"), KD_BAR},
    {'\r', 0, ACT_OPEN, "Enter", N_("open"), 0},
    {KEY_ENTER, 1, ACT_OPEN, "Enter", N_("open"), 0},
    {'/', 0, ACT_SEARCH, "/", N_("search"), KD_BAR},
    {'f', 0, ACT_FILTER, "f", N_("filter"), KD_BAR},
    {'s', 0, ACT_SORT, "s", N_("sort"), KD_BAR},
    {'w', 0, ACT_WORKLIST, "w", N_("worklists"), KD_BAR},
    {'a', 0, ACT_NEW, "a", N_("new"), KD_BAR | KD_WRITE},
    {'t', 0, ACT_TAG, "t", N_("tag"), 0},
    {'T', 0, ACT_UNTAG_ALL, "T", N_("untag all"), 0},
    {'p', 0, ACT_PRINT, "p", N_("print"), KD_BAR},
    {'g', 0, ACT_GOTO, "g", N_("go to row"), KD_BAR},
    {'c', 0, ACT_CLEAR, "c", N_("clear filter and search"), 0},
    {'n', 0, ACT_NEXT, "n", N_("next match"), 0},
    {'N', 0, ACT_PREV, "N", N_("previous match"), 0},
    {KEY_DOWN, 1, ACT_DOWN, "Down", N_("next row"), 0},
    {'j', 0, ACT_DOWN, "j", N_("next row"), 0},
    {KEY_UP, 1, ACT_UP, "Up", N_("previous row"), 0},
    {'k', 0, ACT_UP, "k", N_("previous row"), 0},
    {KEY_NPAGE, 1, ACT_PGDN, "PgDn", N_("next page"), 0},
    {' ', 0, ACT_PGDN, "Space", N_("next page"), 0},
    {KEY_PPAGE, 1, ACT_PGUP, "PgUp", N_("previous page"), 0},
    {KEY_HOME, 1, ACT_HOME, "Home", N_("first row"), 0},
    {KEY_END, 1, ACT_END, "End", N_("last row"), 0},
    {27, 0, ACT_BACK, "Esc", N_("clear the search"), 0},
    {'q', 0, ACT_QUIT, "q", N_("quit"), KD_BAR},
    {0, 0, ACT_NONE, NULL, NULL, 0},
};

/* --- the data source ------------------------------------------------- */

static int
src_fetch(void *ctx, const void *from, int dir, int include, int n, void *out,
          int *got, struct err *e)
{
    struct list_screen *ls = ctx;

    return db_list_page(ls->app->db, &ls->q, from, dir, include, n, out, got, e);
}

static int
src_count(void *ctx, int64_t *n, struct err *e)
{
    struct list_screen *ls = ctx;

    return db_list_count(ls->app->db, &ls->q, n, e);
}

static int
src_nth(void *ctx, int64_t pos, void *out, struct err *e)
{
    struct list_screen *ls = ctx;

    return db_list_nth(ls->app->db, &ls->q, pos, out, e);
}

static void
src_clear(void *row)
{
    list_row_clear(row);
}

static const struct list_source source = {
    sizeof(struct list_row), src_fetch, src_count, src_nth, src_clear,
};

/* --- layout ------------------------------------------------------------ */

/* Choose the columns that fit COLS (one column is the cursor marker) and
 * give what is left to the risks. */
static void
layout(struct list_screen *ls, int cols)
{
    int used = 1, prio, i, spare;

    memset(ls->shown, 0, sizeof(ls->shown));
    for (prio = 1; prio <= NCOLS; prio++) {
        for (i = 0; i < NCOLS; i++) {
            if (columns[i].prio == prio && used + columns[i].width + 1 <= cols) {
                ls->shown[i] = 1;
                ls->width[i] = columns[i].width;
                used += columns[i].width + 1;
            }
        }
    }
    spare = cols - used;
    for (i = 0; i < NCOLS; i++) {
        if (ls->shown[i] && columns[i].id == COL_RISK && spare > 0) {
            ls->width[i] += spare > 30 ? 30 : spare;
        }
    }
}

static void
risk_labels(const struct app *a, const char *risks, char *out, size_t n)
{
    char buf[64], *save = NULL, *code;
    size_t len = 0;

    snprintf(buf, sizeof(buf), "%s", risks);
    out[0] = '\0';
    for (code = strtok_r(buf, ",", &save); code != NULL && len < n;
         code = strtok_r(NULL, ",", &save)) {
        len += (size_t)snprintf(out + len, n - len, "%s%s", len ? "," : "",
                                code_short(&a->policy.codes, "risk", code));
    }
}

/* The text of column C for row R into BUF. */
static void
cell(const struct list_screen *ls, enum col_id c, const struct list_row *r,
     char *buf, size_t n)
{
    const struct codebook *cb = &ls->app->policy.codes;
    char tmp[MONEY_BUF];

    buf[0] = '\0';
    switch (c) {
    case COL_MARK:
        snprintf(buf, n, "%s%s%s", idset_has(&ls->tags, r->id) ? "*" : " ", r->overdue ? "!" : " ",
                 r->findings ? "?" : " ");
        break;
    case COL_HHNO:
        snprintf(buf, n, "%s", r->hh_no);
        break;
    case COL_HEAD:
        snprintf(buf, n, "%s", r->head);
        break;
    case COL_TOWN:
        snprintf(buf, n, "%s", r->township);
        break;
    case COL_VILL:
        snprintf(buf, n, "%s", r->village);
        break;
    case COL_MEMB:
        snprintf(buf, n, "%d", r->members);
        break;
    case COL_CAT:
        snprintf(buf, n, "%s", r->category[0] ? code_short(cb, "category", r->category) : "");
        break;
    case COL_RISK:
        risk_labels(ls->app, r->risks, buf, n);
        break;
    case COL_INCOME:
        if (r->income_year) {
            money_group_int(money_div_round(r->per_capita, 100), tmp);
            snprintf(buf, n, "%s", tmp);
        } else {
            snprintf(buf, n, "-");
        }
        break;
    case COL_STATE:
        snprintf(buf, n, "%s", case_state_short(r->state));
        break;
    case COL_VISIT:
        date_format(r->last_visit, buf);
        break;
    case COL_TYPE:
        snprintf(buf, n, "%s", code_short(cb, "hh_type", r->hh_type));
        break;
    case COL_IDENT:
        date_format(r->identified_on, buf);
        break;
    default:
        break;
    }
}

/* --- drawing ------------------------------------------------------------- */

static void
draw_header(struct list_screen *ls, WINDOW *w)
{
    int i, x = 1;

    for (i = 0; i < NCOLS; i++) {
        struct sbuf t = SBUF_INIT;
        attr_t a = theme_attr(TH_HEADER);

        if (!ls->shown[i]) {
            continue;
        }
        sbuf_adds(&t, columns[i].title != NULL ? _(columns[i].title) : "");
        if (columns[i].sort == (int)ls->q.sort && columns[i].sort >= 0) {
            a |= A_UNDERLINE;
            if ((int)u8_width(t.buf) < ls->width[i]) {
                sbuf_addch(&t, ls->q.desc ? 'v' : '^');
            }
        }
        draw_text(w, 0, x, ls->width[i], t.buf, a, columns[i].al);
        x += ls->width[i] + 1;
        sbuf_release(&t);
    }
}

static void
draw_row(struct list_screen *ls, struct tui *t, WINDOW *w, int y,
         const struct list_row *r, int selected)
{
    attr_t base = selected && t->cursor == CURSOR_BAR ? theme_attr(TH_CURSOR) : A_NORMAL;
    char buf[256];
    int i, x = 1;

    if (selected && t->cursor == CURSOR_BAR) {
        draw_text(w, y, 0, t->cols, "", base, AL_LEFT);
    }
    draw_text(w, y, 0, 1, selected && t->cursor == CURSOR_MARKER ? ">" : " ", base, AL_LEFT);
    for (i = 0; i < NCOLS; i++) {
        if (!ls->shown[i]) {
            continue;
        }
        if (columns[i].id == COL_MARK) {
            draw_text(w, y, x, 1, idset_has(&ls->tags, r->id) ? "*" : " ", base | A_BOLD, AL_LEFT);
            draw_text(w, y, x + 1, 1, r->overdue ? "!" : " ", base | (r->overdue ? theme_attr(TH_WARN) : 0), AL_LEFT);
            draw_text(w, y, x + 2, 1, r->findings ? "?" : " ", base | (r->findings ? theme_attr(TH_ERROR) : 0), AL_LEFT);
        } else {
            cell(ls, columns[i].id, r, buf, sizeof(buf));
            draw_text(w, y, x, ls->width[i], buf, base, columns[i].al);
        }
        x += ls->width[i] + 1;
    }
}

static void
do_reload(struct list_screen *ls, struct tui *t)
{
    struct err e;

    err_clear(&e);
    if ((ls->reload ? wl_reload(&ls->wl, &e) : wl_refresh(&ls->wl, &e)) != 0) {
        tui_message(t, 1, "%s", e.msg);
    }
    ls->reload = ls->refresh = 0;
}

static void
list_draw(struct screen *s, struct tui *t, WINDOW *w)
{
    struct list_screen *ls = s->data;
    int i;

    if (ls->reload || ls->refresh) {
        do_reload(ls, t);
        t->dirty |= D_STATUS;
    }
    draw_header(ls, w);
    for (i = 0; i < ls->wl.n; i++) {
        draw_row(ls, t, w, i + 1, wl_row(&ls->wl, i), i == ls->wl.cur);
    }
    if (ls->wl.n == 0) {
        draw_text(w, 2, 2, t->cols - 4,
                  ls->q.f.search[0] ? _("No household matches the search.") : _("No household to show."),
                  theme_attr(TH_DIM), AL_LEFT);
    }
}

/* --- the status line ------------------------------------------------------ */

static void
list_status(struct screen *s, struct tui *t, char *buf, size_t n)
{
    struct list_screen *ls = s->data;

    (void)t;
    wl_position(&ls->wl, buf, n);
}

static void
add_part(struct sbuf *sb, const char *s)
{
    if (sb->len > 0) {
        sbuf_adds(sb, _(", "));
    }
    sbuf_adds(sb, s);
}

static void
division_name(struct list_screen *ls, int64_t id, struct sbuf *sb)
{
    struct division d;

    if (db_division_get(ls->app->db, id, &d, NULL) == 0) {
        add_part(sb, d.name);
    }
}

/* "filter: 红岩镇, monitored, overdue  search: 张伟" */
static void
describe(struct list_screen *ls, struct sbuf *out)
{
    const struct list_filter *f = &ls->q.f;
    const struct codebook *cb = &ls->app->policy.codes;
    struct sbuf parts = SBUF_INIT;

    if (f->township_id) {
        division_name(ls, f->township_id, &parts);
    }
    if (f->village_id) {
        division_name(ls, f->village_id, &parts);
    }
    if (f->category[0]) {
        add_part(&parts, code_label(cb, "category", f->category));
    }
    if (f->risk[0]) {
        add_part(&parts, code_label(cb, "risk", f->risk));
    }
    if (f->states) {
        struct sbuf st = SBUF_INIT;

        filter_states_text(f, &st);
        add_part(&parts, st.buf);
        sbuf_release(&st);
    }
    if (f->overdue) {
        add_part(&parts, _("overdue"));
    }
    if (f->findings) {
        add_part(&parts, _("with findings"));
    }
    if (f->no_dev_measure) {
        add_part(&parts, _("labour but no development measure"));
    }
    if (f->visit_days) {
        add_part(&parts, _("visit due this week"));
    }
    if (parts.len > 0) {
        sbuf_addf(out, _("Filter: %s"), parts.buf);
    }
    if (f->search[0]) {
        if (out->len > 0) {
            sbuf_adds(out, "  ");
        }
        sbuf_addf(out, _("Search: %s"), f->search);
    }
    if (out->len == 0) {
        sbuf_adds(out, _("All households"));
    }
    sbuf_release(&parts);
}

static void
list_info(struct screen *s, struct tui *t, char *buf, size_t n)
{
    struct sbuf sb = SBUF_INIT;

    (void)t;
    describe(s->data, &sb);
    snprintf(buf, n, "%s", sb.buf);
    sbuf_release(&sb);
}

static int
list_prompt(struct screen *s, struct tui *t, WINDOW *w)
{
    struct list_screen *ls = s->data;
    const char *label;

    switch (ls->prompt) {
    case P_SEARCH:
        label = _("Search (name, initials, ID, household no.): ");
        break;
    case P_GOTO:
        label = _("Go to row: ");
        break;
    case P_WORKLIST:
        label = _("Save the filter as worklist: ");
        break;
    default:
        return 0;
    }
    return wline_prompt(&ls->line, w, label, t->cols);
}

/* --- actions ----------------------------------------------------------------- */

static unsigned
moved(struct list_screen *ls, struct tui *t, int rc, struct err *e)
{
    (void)ls;
    if (rc != 0) {
        tui_message(t, 1, "%s", e->msg);
    }
    return D_BODY | D_STATUS;
}

static unsigned
open_detail(struct list_screen *ls, struct tui *t)
{
    const struct list_row *r = wl_current(&ls->wl);

    if (r == NULL) {
        return 0;
    }
    ls->refresh = 1;
    household_view_open(t, r->id);
    return D_ALL;
}

static unsigned
start_prompt(struct list_screen *ls, enum prompt_mode mode, const char *text)
{
    ls->prompt = mode;
    wline_set(&ls->line, text);
    if (mode == P_SEARCH) {
        snprintf(ls->saved_search, sizeof(ls->saved_search), "%s", ls->q.f.search);
    }
    return D_STATUS | D_KEYS;
}

/* Sorting: a menu of the shown columns. */
static unsigned
sort_chosen(void *ctx, struct tui *t, size_t index)
{
    struct list_screen *ls = ctx;
    int i, k = 0;

    (void)t;
    for (i = 0; i < NCOLS; i++) {
        if (!ls->shown[i] || columns[i].sort < 0) {
            continue;
        }
        if ((size_t)k++ == index) {
            if ((int)ls->q.sort == columns[i].sort) {
                ls->q.desc = !ls->q.desc;
            } else {
                ls->q.sort = (enum list_col)columns[i].sort;
                ls->q.desc = 0;
            }
            ls->reload = 1;
        }
    }
    return D_ALL;
}

static unsigned
open_sort(struct list_screen *ls, struct tui *t)
{
    struct menu *m = menu_new(_("Sort by (again: reverse order)"), sort_chosen, ls);
    int i;

    for (i = 0; i < NCOLS; i++) {
        if (ls->shown[i] && columns[i].sort >= 0) {
            if (columns[i].sort == (int)ls->q.sort) {
                m->initial = m->n;
            }
            menu_add(m, _(columns[i].title));
        }
    }
    menu_open(t, m);
    return D_ALL;
}

/* Worklists: the built-in ones, then the user's own (load, save the
 * filter as one, delete one).  The menu lists the built-in ones, the
 * loads, then "save", then the deletes. */
enum { BUILTIN_WAITING, BUILTIN_OVERDUE, BUILTIN_NODEV, BUILTIN_VISITS, NBUILTIN };

static const char *const builtin_names[NBUILTIN] = {
    N_("Waiting for me (a procedure step is mine to do)"),
    N_("Overdue (steps, visits, measures)"),
    N_("Labour but no development measure a month after identification"),
    N_("Visits due this week"),
};

static void
load_builtin(struct list_screen *ls, int which)
{
    char keep[sizeof(ls->q.f.search)];

    memcpy(keep, ls->q.f.search, sizeof(keep));
    list_filter_init(&ls->q.f);
    memcpy(ls->q.f.search, keep, sizeof(keep));
    switch (which) {
    case BUILTIN_WAITING:
        ls->q.f.states = case_states_waiting(ls->app->actor.role);
        ls->q.f.waiting = 1;
        if (ls->q.f.states == 0) {
            ls->q.f.states = LIST_STATE(CS_COUNT);   /* nothing waits for a viewer */
        }
        break;
    case BUILTIN_OVERDUE:
        ls->q.f.overdue = 1;
        break;
    case BUILTIN_NODEV:
        ls->q.f.no_dev_measure = 1;
        break;
    default:
        ls->q.f.visit_days = 7;
        break;
    }
    ls->reload = 1;
}

static unsigned
worklist_chosen(void *ctx, struct tui *t, size_t index)
{
    struct list_screen *ls = ctx;
    struct worklist *v;
    struct err e;
    size_t n;

    if (index < NBUILTIN) {
        load_builtin(ls, (int)index);
        tui_message(t, 0, _("Worklist '%s' loaded."), _(builtin_names[index]));
        return D_ALL;
    }
    index -= NBUILTIN;
    err_clear(&e);
    if (db_worklist_list(ls->app->db, ls->app->login, &v, &n, &e)) {
        tui_message(t, 1, "%s", e.msg);
        return D_STATUS;
    }
    if (index < n) {
        char keep[sizeof(ls->q.f.search)];

        memcpy(keep, ls->q.f.search, sizeof(keep));
        list_filter_parse(v[index].spec, &ls->q.f);
        memcpy(ls->q.f.search, keep, sizeof(keep));
        ls->reload = 1;
        tui_message(t, 0, _("Worklist '%s' loaded."), v[index].name);
    } else if (index == n) {
        start_prompt(ls, P_WORKLIST, "");
    } else if (index - n - 1 < n) {
        if (db_worklist_delete(ls->app->db, ls->app->login, v[index - n - 1].id, &e)) {
            tui_message(t, 1, "%s", e.msg);
        } else {
            tui_message(t, 0, _("Worklist '%s' deleted."), v[index - n - 1].name);
        }
    }
    free(v);
    return D_ALL;
}

static unsigned
open_worklists(struct list_screen *ls, struct tui *t)
{
    struct menu *m = menu_new(_("Worklists"), worklist_chosen, ls);
    struct worklist *v;
    struct err e;
    size_t n, i;
    char buf[256];

    err_clear(&e);
    if (db_worklist_list(ls->app->db, ls->app->login, &v, &n, &e)) {
        menu_free(m);
        tui_message(t, 1, "%s", e.msg);
        return D_STATUS;
    }
    for (i = 0; i < NBUILTIN; i++) {
        menu_add(m, _(builtin_names[i]));
    }
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
open_new(struct list_screen *ls, struct tui *t)
{
    struct menu *m;

    if (!actor_writes(&ls->app->actor)) {
        tui_message(t, 1, "%s", _("Your account is read-only."));
        return D_STATUS;
    }
    m = menu_new(_("New"), new_chosen, ls);
    menu_add(m, _("New household with its members"));
    menu_add(m, _("New monitoring clue (household not registered yet)"));
    menu_open(t, m);
    return D_ALL;
}

static unsigned
tag_current(struct list_screen *ls, struct tui *t)
{
    const struct list_row *r = wl_current(&ls->wl);
    struct err e;

    if (r == NULL) {
        return 0;
    }
    idset_toggle(&ls->tags, r->id);
    tui_message(t, 0, _("%zu household(s) tagged (p prints them together, T untags all)."),
                ls->tags.n);
    err_clear(&e);
    return moved(ls, t, wl_down(&ls->wl, 1, &e), &e) | D_BODY | D_STATUS;
}

/* --- prints --------------------------------------------------------------------- */

enum print_choice { PC_CARDS, PC_CARD, PC_PUBLICITY, PC_ELIMINATION, PC_VISITS };

struct print_menu {
    struct list_screen *ls;
    enum print_choice choice[5];
    int64_t current, village;
    char head[NAME_BUF], place[420];
};

static unsigned
print_chosen(void *ctx, struct tui *t, size_t index)
{
    struct print_menu *pm = ctx;
    struct print_request r;
    char what[512];

    memset(&r, 0, sizeof(r));
    switch (pm->choice[index]) {
    case PC_CARDS:
        r.kind = PK_CARD;
        r.households = pm->ls->tags.v;
        r.nhouseholds = pm->ls->tags.n;
        snprintf(what, sizeof(what), _("household cards of the %zu tagged households"), pm->ls->tags.n);
        break;
    case PC_CARD:
        r.kind = PK_CARD;
        r.households = &pm->current;
        r.nhouseholds = 1;
        snprintf(what, sizeof(what), _("household card of %s"), pm->head);
        break;
    case PC_PUBLICITY:
    case PC_ELIMINATION:
        r.kind = PK_PUBLICITY;
        r.village = pm->village;
        r.elimination = pm->choice[index] == PC_ELIMINATION;
        snprintf(what, sizeof(what), r.elimination ? _("elimination publicity list of %s")
                                                  : _("publicity list of %s"), pm->place);
        break;
    case PC_VISITS:
        r.kind = PK_VISITS;
        r.days = 7;
        snprintf(what, sizeof(what), "%s", _("visit worklists: visits due within 7 days and late ones"));
        break;
    }
    print_dialog(t, &r, what);
    free(pm);
    return D_ALL;
}

static unsigned
open_print(struct list_screen *ls, struct tui *t)
{
    const struct list_row *r = wl_current(&ls->wl);
    struct print_menu *pm;
    struct menu *m;
    char buf[600];
    size_t n = 0;

    pm = xcalloc(1, sizeof(*pm));
    pm->ls = ls;
    m = menu_new(_("Print"), print_chosen, pm);
    m->free_ctx = free;
    if (ls->tags.n > 0) {
        snprintf(buf, sizeof(buf), _("Household cards of the %zu tagged households"), ls->tags.n);
        menu_add(m, buf);
        pm->choice[n++] = PC_CARDS;
    }
    if (r != NULL) {
        pm->current = r->id;
        pm->village = r->village_id;
        snprintf(pm->head, sizeof(pm->head), "%s", r->head);
        snprintf(pm->place, sizeof(pm->place), "%s %s", r->township, r->village);
        snprintf(buf, sizeof(buf), _("Household card of %s"), r->head);
        menu_add(m, buf);
        pm->choice[n++] = PC_CARD;
        snprintf(buf, sizeof(buf), _("Publicity list of %s (households in publicity)"), pm->place);
        menu_add(m, buf);
        pm->choice[n++] = PC_PUBLICITY;
        snprintf(buf, sizeof(buf), _("Elimination publicity list of %s"), pm->place);
        menu_add(m, buf);
        pm->choice[n++] = PC_ELIMINATION;
    }
    menu_add(m, _("Visit worklists per cadre (due within 7 days, and late)"));
    pm->choice[n++] = PC_VISITS;
    menu_open(t, m);
    return D_ALL;
}

static unsigned
open_filter(struct list_screen *ls, struct tui *t)
{
    struct filter_arg *fa = xcalloc(1, sizeof(*fa));

    fa->app = ls->app;
    fa->filter = &ls->q.f;
    fa->changed = &ls->reload;
    tui_push(t, screen_new(&filter_screen, fa));
    return D_ALL;
}

static unsigned
clear_all(struct list_screen *ls, struct tui *t)
{
    list_filter_init(&ls->q.f);
    ls->reload = 1;
    tui_message(t, 0, "%s", _("Filter and search cleared."));
    return D_BODY | D_STATUS;
}

static unsigned
list_action(struct screen *s, struct tui *t, int action)
{
    struct list_screen *ls = s->data;
    struct err e;

    err_clear(&e);
    switch (action) {
    case ACT_DOWN:
    case ACT_NEXT:
        return moved(ls, t, wl_down(&ls->wl, 1, &e), &e);
    case ACT_UP:
    case ACT_PREV:
        return moved(ls, t, wl_up(&ls->wl, 1, &e), &e);
    case ACT_PGDN:
        return moved(ls, t, wl_page_down(&ls->wl, &e), &e);
    case ACT_PGUP:
        return moved(ls, t, wl_page_up(&ls->wl, &e), &e);
    case ACT_HOME:
        return moved(ls, t, wl_home(&ls->wl, &e), &e);
    case ACT_END:
        return moved(ls, t, wl_end(&ls->wl, &e), &e);
    case ACT_OPEN:
        return open_detail(ls, t);
    case ACT_SEARCH:
        return start_prompt(ls, P_SEARCH, ls->q.f.search);
    case ACT_GOTO:
        return start_prompt(ls, P_GOTO, "");
    case ACT_SORT:
        return open_sort(ls, t);
    case ACT_FILTER:
        return open_filter(ls, t);
    case ACT_WORKLIST:
        return open_worklists(ls, t);
    case ACT_NEW:
        return open_new(ls, t);
    case ACT_TAG:
        return tag_current(ls, t);
    case ACT_UNTAG_ALL:
        idset_clear(&ls->tags);
        tui_message(t, 0, "%s", _("No household is tagged now."));
        return D_BODY | D_STATUS;
    case ACT_PRINT:
        return open_print(ls, t);
    case ACT_CLEAR:
        return clear_all(ls, t);
    case ACT_BACK:
        if (ls->q.f.search[0] == '\0') {
            return 0;
        }
        ls->q.f.search[0] = '\0';
        ls->reload = 1;
        return D_BODY | D_STATUS;
    case ACT_QUIT:
        return TR_QUIT;
    default:
        return 0;
    }
}

/* --- prompts ------------------------------------------------------------------ */

static unsigned
finish_prompt(struct list_screen *ls, struct tui *t, int accept)
{
    struct sbuf text = SBUF_INIT;
    struct err e;
    enum prompt_mode mode = ls->prompt;
    char spec[1024];
    long row;

    err_clear(&e);
    wline_get(&ls->line, &text);
    ls->prompt = P_NONE;
    if (mode == P_SEARCH && !accept) {
        snprintf(ls->q.f.search, sizeof(ls->q.f.search), "%s", ls->saved_search);
        ls->reload = 1;
    } else if (mode == P_GOTO && accept) {
        row = strtol(text.buf, NULL, 10);
        if (row >= 1) {
            moved(ls, t, wl_goto(&ls->wl, row - 1, &e), &e);
        }
    } else if (mode == P_WORKLIST && accept && text.len > 0) {
        list_filter_format(&ls->q.f, spec, sizeof(spec));
        if (db_worklist_save(ls->app->db, ls->app->login, text.buf, spec, &e)) {
            tui_message(t, 1, "%s", e.msg);
        } else {
            tui_message(t, 0, _("Worklist '%s' saved."), text.buf);
        }
    }
    sbuf_release(&text);
    return D_BODY | D_STATUS | D_KEYS;
}

static int
list_input(struct screen *s, struct tui *t, int is_key, wint_t ch)
{
    struct list_screen *ls = s->data;
    struct sbuf text = SBUF_INIT;
    int rc;

    if (ls->prompt == P_NONE) {
        return -1;
    }
    if (!is_key && (ch == '\n' || ch == '\r')) {
        return (int)finish_prompt(ls, t, 1);
    }
    if ((is_key && ch == KEY_ENTER)) {
        return (int)finish_prompt(ls, t, 1);
    }
    if (!is_key && ch == 27) {
        return (int)finish_prompt(ls, t, 0);
    }
    if (ls->prompt == P_GOTO && !is_key && !(ch >= '0' && ch <= '9') &&
        ch != 0x7F && ch != CTRL('h')) {
        return D_STATUS;
    }
    rc = wline_key(&ls->line, is_key, ch);
    if (rc == 1 && ls->prompt == P_SEARCH) {
        /* The list narrows with each key; the query runs once per burst
         * of typing, when the screen is drawn. */
        wline_get(&ls->line, &text);
        snprintf(ls->q.f.search, sizeof(ls->q.f.search), "%s", text.buf);
        ls->reload = 1;
        sbuf_release(&text);
        return D_BODY | D_STATUS;
    }
    sbuf_release(&text);
    return D_STATUS;
}

/* --- life cycle -------------------------------------------------------------- */

static int
list_enter(struct screen *s, struct tui *t)
{
    struct list_screen *ls = xcalloc(1, sizeof(*ls));

    ls->app = t->app;
    list_query_init(&ls->q, t->app->actor.scope_level, t->app->actor.scope_id,
                    app_today());
    wline_init(&ls->line, 40);
    wl_init(&ls->wl, &source, ls);
    ls->wl.height = tui_body_lines(t) - 1;
    layout(ls, t->cols);
    ls->reload = 1;
    s->data = ls;
    return 0;
}

static void
list_leave(struct screen *s, struct tui *t)
{
    struct list_screen *ls = s->data;

    (void)t;
    wl_release(&ls->wl);
    idset_release(&ls->tags);
    wline_release(&ls->line);
    free(ls);
}

static void
list_resize(struct screen *s, struct tui *t)
{
    struct list_screen *ls = s->data;
    struct err e;

    err_clear(&e);
    layout(ls, t->cols);
    if (wl_set_height(&ls->wl, tui_body_lines(t) - 1, &e)) {
        tui_message(t, 1, "%s", e.msg);
    }
}

/* Back from another screen: what it saved may change the list. */
static void
list_resume(struct screen *s, struct tui *t)
{
    struct list_screen *ls = s->data;

    ls->refresh = 1;
    t->dirty |= D_ALL;
}

const struct screen_ops list_screen = {
    .name = N_("monitoring list"),
    .keys = list_keys,
    .help = N_("Marks in the first column: ! something is overdue (a procedure step, a visit or a development measure); ? the rules find a problem in the data (Enter shows which).\n"
               "Search (/) narrows the list with each key: Chinese finds names and villages (张伟, 伟明, 白马), letters find pinyin initials (zs finds 张三), digits find ID numbers (whole, or the last 4 to 6 characters) and household numbers.  Enter keeps the result, Esc goes back to what was there before.\n"
               "Sort (s) by any column shown; choosing the same column again reverses the order.  Names sort in pinyin order.\n"
               "Worklists (w) keep a filter under a name, for you only.\n"
               "Narrow terminals show fewer columns; widen the window for more (at 160 columns all of them)."),
    .enter = list_enter,
    .leave = list_leave,
    .resize = list_resize,
    .draw = list_draw,
    .input = list_input,
    .action = list_action,
    .status = list_status,
    .info = list_info,
    .prompt = list_prompt,
    .resume = list_resume,
    .may_switch = 1,
};
