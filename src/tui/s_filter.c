/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * s_filter.c - the filter screen.
 */
#include "config.h"
#include "tui/s_filter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "db/db.h"
#include "db/db_cadre.h"
#include "db/db_division.h"
#include "db/db_list.h"
#include "tui/draw.h"
#include "tui/s_menu.h"
#include "tui/screen.h"
#include "tui/w_list.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

enum field {
    F_TOWNSHIP, F_VILLAGE, F_CATEGORY, F_RISK, F_STATE, F_OVERDUE,
    F_FINDINGS, F_CADRE, F_CLEAR, NFIELDS
};

static const char *const field_names[NFIELDS] = {
    N_("township"), N_("village"), N_("category"), N_("risk type"),
    N_("status"), N_("only overdue"), N_("only with findings"),
    N_("responsible cadre"), N_("clear every filter"),
};

/* The status menu's item that stands for the monitoring objects' states. */
#define STATES_MONITORED (-2)
/* The cadre menu's item for the households without a cadre. */
#define NO_CADRE (-1)

struct filter_state {
    struct filter_arg *fa;
    struct w_cursor c;
    /* The values of the menu being shown. */
    enum field menu_field;
    int64_t *ids;
    char (*codes)[CODE_BUF];
    size_t nvalues;
};

static const struct keydef filter_keys[] = {
    {'\n', 0, ACT_OPEN, "Enter", N_("change"), KD_BAR},
    {'\r', 0, ACT_OPEN, "Enter", N_("change"), 0},
    {KEY_ENTER, 1, ACT_OPEN, "Enter", N_("change"), 0},
    {KEY_UP, 1, ACT_UP, "Up", N_("previous"), 0},
    {KEY_DOWN, 1, ACT_DOWN, "Down", N_("next"), 0},
    {'k', 0, ACT_UP, "k", N_("previous"), 0},
    {'j', 0, ACT_DOWN, "j", N_("next"), 0},
    {'c', 0, ACT_CLEAR, "c", N_("clear every filter"), KD_BAR},
    {27, 0, ACT_BACK, "Esc", N_("back to the list"), KD_BAR},
    {'q', 0, ACT_BACK, "q", N_("back to the list"), 0},
    {0, 0, ACT_NONE, NULL, NULL, 0},
};

void
filter_states_text(const struct list_filter *f, struct sbuf *out)
{
    int s;

    if (f->waiting) {
        sbuf_adds(out, _("waiting for me"));
        return;
    }
    if (f->states == list_states_monitored()) {
        sbuf_adds(out, _("monitoring objects"));
        return;
    }
    for (s = 0; s < CS_COUNT; s++) {
        if (f->states & LIST_STATE(s)) {
            sbuf_addf(out, "%s%s", out->len ? _(", ") : "",
                      s == CS_NONE ? _("no case") : case_state_label((enum case_state)s));
        }
    }
}

static void
division_label(struct app *a, int64_t id, char *buf, size_t n)
{
    struct division d;

    if (id == 0 || db_division_get(a->db, id, &d, NULL) != 0) {
        snprintf(buf, n, "%s", _("all"));
    } else {
        snprintf(buf, n, "%s", d.name);
    }
}

static void
cadre_label(struct app *a, const struct list_filter *lf, char *buf, size_t n)
{
    struct cadre c;

    memset(&c, 0, sizeof(c));
    if (lf->no_cadre) {
        snprintf(buf, n, "%s", _("none assigned"));
    } else if (lf->cadre_id != 0 && db_cadre_get(a->db, lf->cadre_id, &c, NULL) == 0) {
        snprintf(buf, n, "%s", c.name);
    } else {
        snprintf(buf, n, "%s", _("all"));
    }
}

static void
value_of(struct filter_state *st, enum field f, char *buf, size_t n)
{
    const struct list_filter *lf = st->fa->filter;
    const struct codebook *cb = &st->fa->app->policy.codes;

    switch (f) {
    case F_TOWNSHIP:
        division_label(st->fa->app, lf->township_id, buf, n);
        break;
    case F_VILLAGE:
        division_label(st->fa->app, lf->village_id, buf, n);
        break;
    case F_CATEGORY:
        snprintf(buf, n, "%s", lf->category[0] ? code_label(cb, "category", lf->category) : _("all"));
        break;
    case F_RISK:
        snprintf(buf, n, "%s", lf->risk[0] ? code_label(cb, "risk", lf->risk) : _("all"));
        break;
    case F_STATE: {
        struct sbuf sb = SBUF_INIT;

        filter_states_text(lf, &sb);
        snprintf(buf, n, "%s", sb.len > 0 ? sb.buf : _("all"));
        sbuf_release(&sb);
        break;
    }
    case F_OVERDUE:
        snprintf(buf, n, "%s", lf->overdue ? _("yes") : _("no"));
        break;
    case F_FINDINGS:
        snprintf(buf, n, "%s", lf->findings ? _("yes") : _("no"));
        break;
    case F_CADRE:
        cadre_label(st->fa->app, lf, buf, n);
        break;
    default:
        buf[0] = '\0';
        break;
    }
}

static void
filter_draw(struct screen *s, struct tui *t, WINDOW *w)
{
    struct filter_state *st = s->data;
    char value[256];
    int i;

    draw_text(w, 0, 1, t->cols - 2, _("Filter the list (the filters combine)"),
              theme_attr(TH_HEADER), AL_LEFT);
    for (i = 0; i < NFIELDS; i++) {
        int sel = i == (int)st->c.cur;
        attr_t a = sel && t->cursor == CURSOR_BAR ? theme_attr(TH_CURSOR) : A_NORMAL;

        value_of(st, (enum field)i, value, sizeof(value));
        draw_text(w, i + 2, 0, 1, sel && t->cursor == CURSOR_MARKER ? ">" : " ", A_NORMAL, AL_LEFT);
        draw_text(w, i + 2, 1, 20, _(field_names[i]), a, AL_LEFT);
        draw_text(w, i + 2, 21, t->cols - 22, value, a, AL_LEFT);
    }
}

static void
reset_values(struct filter_state *st)
{
    free(st->ids);
    free(st->codes);
    st->ids = NULL;
    st->codes = NULL;
    st->nvalues = 0;
}

static void
add_value(struct filter_state *st, struct menu *m, int64_t id, const char *code,
          const char *label)
{
    st->ids = xrealloc(st->ids, (st->nvalues + 1) * sizeof(*st->ids));
    st->codes = xrealloc(st->codes, (st->nvalues + 1) * sizeof(*st->codes));
    st->ids[st->nvalues] = id;
    snprintf(st->codes[st->nvalues], CODE_BUF, "%s", code);
    st->nvalues++;
    menu_add(m, label);
}

/* The states marked in the status menu (several at once): "all" wins,
 * the monitoring objects stand for their states. */
static unsigned
states_chosen(void *ctx, struct tui *t, const unsigned char *marked, size_t n)
{
    struct filter_state *st = ctx;
    struct list_filter *lf = st->fa->filter;
    unsigned states = 0;
    size_t i;
    int any = 0;

    (void)t;
    for (i = 0; i < n && i < st->nvalues; i++) {
        if (marked[i]) {
            any |= st->ids[i] < 0 && st->ids[i] != STATES_MONITORED;
            states |= st->ids[i] == STATES_MONITORED ? list_states_monitored()
                    : st->ids[i] >= 0 ? LIST_STATE(st->ids[i]) : 0;
        }
    }
    lf->states = any ? 0 : states;
    lf->waiting = 0;
    *st->fa->changed = 1;
    return D_ALL;
}

/* 1 when cadre C serves the place of LF: its township (any when none is
 * filtered) and, when both name one, its village. */
static int
cadre_serves(const struct cadre *c, const struct list_filter *lf)
{
    return (lf->township_id == 0 || lf->township_id == c->township_id) &&
           (lf->village_id == 0 || c->village_id == 0 || lf->village_id == c->village_id);
}

/* After the place filter changed: the cadre filter stays only when the
 * cadre serves the new place; else it is dropped, and the status line
 * says so (the list would be empty with no reason shown). */
static void
place_changed(struct filter_state *st, struct tui *t)
{
    struct list_filter *lf = st->fa->filter;
    struct cadre c;
    char place[128];

    memset(&c, 0, sizeof(c));
    if (lf->cadre_id == 0 || (db_cadre_get(st->fa->app->db, lf->cadre_id, &c, NULL) == 0 &&
                              cadre_serves(&c, lf))) {
        return;
    }
    value_of(st, lf->village_id != 0 ? F_VILLAGE : F_TOWNSHIP, place, sizeof(place));
    tui_message(t, 0, _("The responsible cadre filter (%s) is off: the cadre does not serve %s."),
                c.name[0] != '\0' ? c.name : "?", place);
    lf->cadre_id = 0;
}

static unsigned
value_chosen(void *ctx, struct tui *t, size_t index)
{
    struct filter_state *st = ctx;
    struct list_filter *lf = st->fa->filter;

    if (index >= st->nvalues) {
        return 0;
    }
    switch (st->menu_field) {
    case F_TOWNSHIP:
        lf->township_id = st->ids[index];
        lf->village_id = 0;
        place_changed(st, t);
        break;
    case F_VILLAGE:
        lf->village_id = st->ids[index];
        place_changed(st, t);
        break;
    case F_CATEGORY:
        snprintf(lf->category, sizeof(lf->category), "%s", st->codes[index]);
        break;
    case F_RISK:
        snprintf(lf->risk, sizeof(lf->risk), "%s", st->codes[index]);
        break;
    case F_CADRE:
        lf->no_cadre = st->ids[index] == NO_CADRE;
        lf->cadre_id = st->ids[index] > 0 ? st->ids[index] : 0;
        break;
    default:
        break;
    }
    *st->fa->changed = 1;
    return D_ALL;
}

/* Townships (or the villages of PARENT) the user may see. */
static void
add_divisions(struct filter_state *st, struct menu *m, int64_t parent, int level)
{
    const struct actor *a = &st->fa->app->actor;
    struct division *v;
    size_t i, n;

    if (db_division_children(st->fa->app->db, parent, &v, &n, NULL) != 0) {
        return;
    }
    for (i = 0; i < n; i++) {
        if ((a->scope_level == LEVEL_TOWNSHIP && level == LEVEL_TOWNSHIP && v[i].id != a->scope_id) ||
            (a->scope_level == LEVEL_VILLAGE && level == LEVEL_VILLAGE && v[i].id != a->scope_id)) {
            continue;
        }
        add_value(st, m, v[i].id, "", v[i].name);
    }
    free(v);
}

static void
add_codes(struct filter_state *st, struct menu *m, const char *table)
{
    const struct code_table *ct = codebook_table(&st->fa->app->policy.codes, table);
    size_t i;

    for (i = 0; ct != NULL && i < ct->n; i++) {
        add_value(st, m, 0, ct->v[i].code, ct->v[i].label);
    }
}

/* The cadres the user sees (of the township filtered). */
static void
add_cadres(struct filter_state *st, struct menu *m)
{
    struct cadre_list_row *v;
    size_t i, n;
    char label[300];

    add_value(st, m, NO_CADRE, "", _("none assigned"));
    if (db_cadre_list(st->fa->app->db, &st->fa->app->actor, st->fa->filter->township_id, &v,
                      &n, NULL) != 0) {
        return;
    }
    for (i = 0; i < n; i++) {
        snprintf(label, sizeof(label), "%s  %s", v[i].c.name, v[i].place);
        add_value(st, m, v[i].c.id, "", label);
    }
    free(v);
}

static void
fill_menu(struct filter_state *st, struct menu *m, enum field f)
{
    struct division county;
    const struct list_filter *lf = st->fa->filter;
    int i;

    add_value(st, m, f == F_STATE ? -1 : 0, "", _("all"));
    switch (f) {
    case F_TOWNSHIP:
        if (db_division_county(st->fa->app->db, &county, NULL) == 0) {
            add_divisions(st, m, county.id, LEVEL_TOWNSHIP);
        }
        break;
    case F_VILLAGE:
        if (lf->township_id) {
            add_divisions(st, m, lf->township_id, LEVEL_VILLAGE);
        } else if (st->fa->app->actor.scope_level == LEVEL_TOWNSHIP) {
            add_divisions(st, m, st->fa->app->actor.scope_id, LEVEL_VILLAGE);
        }
        break;
    case F_CATEGORY:
        add_codes(st, m, "category");
        break;
    case F_RISK:
        add_codes(st, m, "risk");
        break;
    case F_CADRE:
        add_cadres(st, m);
        break;
    case F_STATE:
        add_value(st, m, STATES_MONITORED, "", _("every monitoring object (identified, not closed)"));
        add_value(st, m, CS_NONE, "", _("not a monitoring object"));
        for (i = CS_CLUE; i < CS_COUNT; i++) {
            add_value(st, m, i, "", case_state_label((enum case_state)i));
        }
        break;
    default:
        break;
    }
}

static unsigned
open_field(struct filter_state *st, struct tui *t)
{
    struct list_filter *lf = st->fa->filter;
    struct menu *m;
    char title[128];

    switch (st->c.cur) {
    case F_OVERDUE:
        lf->overdue = !lf->overdue;
        *st->fa->changed = 1;
        return D_BODY;
    case F_FINDINGS:
        lf->findings = !lf->findings;
        *st->fa->changed = 1;
        return D_BODY;
    case F_CLEAR: {
        char keep[sizeof(lf->search)];

        memcpy(keep, lf->search, sizeof(keep));
        list_filter_init(lf);
        memcpy(lf->search, keep, sizeof(keep));
        *st->fa->changed = 1;
        return D_BODY;
    }
    case F_VILLAGE:
        if (lf->township_id == 0 && st->fa->app->actor.scope_level != LEVEL_TOWNSHIP) {
            tui_message(t, 0, "%s", _("Choose the township first."));
            return D_STATUS;
        }
        break;
    default:
        break;
    }
    reset_values(st);
    st->menu_field = (enum field)st->c.cur;
    snprintf(title, sizeof(title), "%s", _(field_names[st->c.cur]));
    m = st->menu_field == F_STATE ? menu_several(_("status (Space marks several)"), states_chosen, st)
                                  : menu_new(title, value_chosen, st);
    fill_menu(st, m, st->menu_field);
    menu_open(t, m);
    return D_ALL;
}

static unsigned
filter_action(struct screen *s, struct tui *t, int action)
{
    struct filter_state *st = s->data;

    if (wc_move(&st->c, action, NFIELDS, NFIELDS)) {
        return D_BODY;
    }
    switch (action) {
    case ACT_OPEN:
        return open_field(st, t);
    case ACT_CLEAR:
        st->c.cur = F_CLEAR;
        return open_field(st, t);
    case ACT_BACK:
        return TR_POP;
    default:
        return 0;
    }
}

static int
filter_enter(struct screen *s, struct tui *t)
{
    struct filter_state *st = xcalloc(1, sizeof(*st));

    (void)t;
    st->fa = s->arg;
    s->data = st;
    return 0;
}

static void
filter_leave(struct screen *s, struct tui *t)
{
    struct filter_state *st = s->data;

    (void)t;
    reset_values(st);
    free(st);
}

const struct screen_ops filter_screen = {
    .name = N_("filter"),
    .keys = filter_keys,
    .enter = filter_enter,
    .leave = filter_leave,
    .draw = filter_draw,
    .action = filter_action,
    .may_switch = 1,
};
