/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * f_household.c - households: a new one with its members (searching
 * before creating: while a member's name and ID number are typed, the
 * households that may already hold that person are listed and can be
 * opened instead), and editing one.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/codes.h"
#include "core/date.h"
#include "core/household.h"
#include "core/idno.h"
#include "db/db_division.h"
#include "db/db_household.h"
#include "tui/draw.h"
#include "tui/f_common.h"
#include "tui/f_similar.h"
#include "tui/form.h"
#include "tui/screen.h"
#include "tui/tui.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

/* --- the household's fields ------------------------------------------------------ */

/* A household's fields: a new one (number optional, village to choose;
 * the brief ones) and one edited (number and village shown only). */
static const struct bind household_binds[] = {
    FIELD_AS("hh_no", BR_BRIEF, struct household, hh_no, .label = N_("Household number"),
             .type = FT_TEXT, .max_chars = 30,
             .help = N_("The national platform's number; leave empty and one is given from the village's code.")),
    FIELD_AS("village", BR_BRIEF, struct household, village_id,
             .label = N_("Township and village"), .type = FT_CODE, .flags = FF_REQUIRED,
             .table = "village",
             .help = N_("F4 shows the villages; type part of the name or its pinyin initials to narrow them.")),
    FIELD_AS("hh_no", BR_FULL, struct household, hh_no, .label = N_("Household number"),
             .type = FT_TEXT, .flags = FF_READONLY, .max_chars = 30),
    FIELD_AS("village", BR_FULL, struct household, village_id,
             .label = N_("Township and village"), .type = FT_CODE, .flags = FF_READONLY,
             .table = "village"),
    BIND(form_hh_type, struct household, hh_type, BR_BOTH),
    FIELD(struct household, address, .label = N_("Address"), .type = FT_TEXT,
          .max_chars = 100, .help = N_("Group and house, for example 三组12号.")),
    BIND(form_phone, struct household, phone, BR_BOTH),
    FIELD(struct household, relocated, .label = N_("Relocated for poverty alleviation"),
          .type = FT_YESNO, .help = N_("是 when the household moved to a relocation site.")),
    FIELD(struct household, relocation_site, .label = N_("Relocation site"),
          .type = FT_TEXT, .max_chars = 100),
    FIELD(struct household, military, .label = N_("Military or martyr family"),
          .type = FT_YESNO, .help = N_("是 or 否.")),
    FIELD(struct household, no_labour_support, .label = N_("Whole household without labour"),
          .type = FT_YESNO,
          .help = N_("是 when no member can work and the household lives on social support (兜底保障).")),
    FIELD(struct household, house_grade, .label = N_("Dangerous-house grade"),
          .type = FT_CODE, .table = "house_grade",
          .help = N_("A to D; C and D are unsafe.  Empty when not assessed.")),
    FIELD_AS("first_identified", BR_FULL, struct household, first_identified,
             .label = N_("First identified"), .type = FT_MONTH,
             .help = N_("首次识别时间: the month the household was first identified (as a poor household or for monitoring), as the national system has it; kept when it is identified again.  Set by the first county approval when empty.")),
    FIELD_AS("water", BR_FULL, struct household, water, .label = N_("Drinking water secured"),
             .type = FT_CODE, .table = "water",
             .help = N_("是否解决安全饮用水 as the national system states it; empty: the latest check of the four guarantees says.")),
};

/* --- editing a household ------------------------------------------------------------ */

FORM_RECORD_IO(household_io, household_binds, struct household, form_rec_nothing,
               form_rec_nothing, db_household_get, db_household_update);

const struct form_kind household_form = {
    .id = "household",
    .rec = {
        .io = &household_io,
        .flags = FR_BY_HH | FR_STORED,
        .title = {N_("Edit household %s"), {"hh_no"}},
        .done = {N_("Household %s saved."), {"hh_no"}},
        .loaded = form_rec_villages,
    },
};

/* --- a new household with its members ------------------------------------------------- */

#define MAX_MEMBERS 20

struct new_hh {
    int members;                 /* groups m1..mN exist */
    int want_similar;            /* the name or ID of a member changed */
    char similar_for[16];        /* the group they were searched for */
    struct form_similar similar;
};

static void
new_free(void *data)
{
    struct new_hh *nh = data;

    form_similar_release(&nh->similar);
    free(nh);
}

static void
add_member(struct form *fm, int k)
{
    struct new_hh *nh = fm->data;
    char group[FORM_GROUP_BUF], heading[64];
    struct person p;

    memset(&p, 0, sizeof(p));
    p.birth = DATE_NONE;
    p.in_household = 1;
    snprintf(p.id_type, sizeof(p.id_type), "1");
    if (k == 1) {
        const char *head = code_with_tag(&fm->app->policy.codes, "relation", "head");

        snprintf(p.relation, sizeof(p.relation), "%s", head != NULL ? head : "");
    }
    snprintf(group, sizeof(group), "m%d", k);
    snprintf(heading, sizeof(heading), k == 1 ? _("Member %d (head of household)") : _("Member %d"), k);
    wform_heading(&fm->w, heading, group);
    bind_add(fm, member_binds, member_nbinds, group, &p, 1);
    if (k > nh->members) {
        nh->members = k;
    }
}

static int
new_open(struct form *fm, struct err *e)
{
    struct new_hh *nh = xcalloc(1, sizeof(*nh));
    struct household h;

    fm->data = nh;
    if (form_villages(fm, e) != 0) {
        return -1;
    }
    memset(&h, 0, sizeof(h));
    snprintf(h.hh_type, sizeof(h.hh_type), "2");
    snprintf(fm->title, sizeof(fm->title), "%s", _("New household"));
    wform_heading(&fm->w, _("The household"), "");
    bind_add(fm, household_binds, ARRAY_SIZE(household_binds), "", &h, 1);
    add_member(fm, 1);
    return 0;
}

/* The member group the focused field belongs to, or "". */
static const char *
focused_group(const struct form *fm)
{
    return fm->w.n > 0 ? fm->w.items[fm->w.focus].group : "";
}

static void
new_group(struct form *fm, const char *group)
{
    struct new_hh *nh = fm->data;
    int k = atoi(group + 1);

    if (group[0] != 'm' || k < 1 || k > MAX_MEMBERS) {
        return;
    }
    while (nh->members < k) {
        add_member(fm, nh->members + 1);
    }
}

static void
new_changed(struct form *fm)
{
    struct new_hh *nh = fm->data;
    const struct form_item *it = &fm->w.items[fm->w.focus];

    if (it->spec != NULL && it->group[0] == 'm' &&
        (strcmp(it->spec->name, "name") == 0 || strcmp(it->spec->name, "id_no") == 0 ||
         strcmp(it->spec->name, "birth") == 0)) {
        nh->want_similar = 1;
    }
}

static void
new_left(struct form *fm, size_t i)
{
    const struct form_item *it = &fm->w.items[i];

    if (it->spec != NULL && strcmp(it->spec->name, "id_no") == 0) {
        member_fill_from_id(fm, it->group);
        ((struct new_hh *)fm->data)->want_similar = 1;
    }
}

/* Search the households that may already hold the member being typed. */
static void
find_similar(struct form *fm)
{
    struct new_hh *nh = fm->data;
    const char *group = focused_group(fm);
    struct sbuf name = SBUF_INIT, id = SBUF_INIT;
    struct field_value v;
    int64_t village;
    int birth, k;

    nh->want_similar = 0;
    form_similar_release(&nh->similar);
    snprintf(nh->similar_for, sizeof(nh->similar_for), "%s", group);
    if (group[0] != 'm') {
        return;
    }
    /* What was typed so far counts even before it is complete. */
    k = wform_find(&fm->w, group, "name");
    if (k >= 0) {
        wform_text(&fm->w, (size_t)k, &name);
    }
    if (wform_value(&fm->w, group, "id_no", &v) == 0 && !v.empty) {
        sbuf_adds(&id, v.s);
    }
    field_value_clear(&v);
    birth = (int)form_num(fm, group, "birth", DATE_NONE);
    village = form_num(fm, "", "village", 0);
    if (wform_value(&fm->w, "", "village", &v) == 0 && !v.empty) {
        village = strtoll(v.s, NULL, 10);
    }
    field_value_clear(&v);
    form_similar_find(fm, &nh->similar, name.buf, id.buf, village, birth);
    sbuf_release(&name);
    sbuf_release(&id);
}

static int
new_panel_lines(struct form *fm)
{
    struct new_hh *nh = fm->data;

    if (nh->want_similar || strcmp(nh->similar_for, focused_group(fm)) != 0) {
        find_similar(fm);
    }
    return form_similar_lines(&nh->similar);
}

static void
new_panel_draw(struct form *fm, WINDOW *w, int y, int lines, int cols)
{
    struct new_hh *nh = fm->data;

    form_similar_draw(&nh->similar, w, y, lines, cols,
                      _("Possibly registered already (F5 opens the first; Esc there comes back here):"),
                      1);
}

static int
new_save(struct form *fm, struct err *e)
{
    struct new_hh *nh = fm->data;
    struct rule_ctx ctx = form_rule_ctx(fm);
    struct household h;
    struct person p[MAX_MEMBERS];
    struct division v;
    size_t n = 0;
    int k;

    memset(&h, 0, sizeof(h));
    if (bind_read(fm, household_binds, ARRAY_SIZE(household_binds), "", &h, e) != 0 ||
        db_division_get(fm->app->db, h.village_id, &v, e) != 0) {
        return -1;
    }
    h.township_id = v.parent_id;
    for (k = 1; k <= nh->members && n < MAX_MEMBERS; k++) {
        char group[FORM_GROUP_BUF];

        snprintf(group, sizeof(group), "m%d", k);
        if (wform_find(&fm->w, group, "name") < 0) {
            continue;
        }
        memset(&p[n], 0, sizeof(p[n]));
        p[n].birth = DATE_NONE;
        p[n].in_household = 1;
        if (bind_read(fm, member_binds, member_nbinds, group, &p[n], e) != 0) {
            return -1;
        }
        n++;
    }
    if (db_household_create(fm->app->db, &ctx, form_actor(fm), &h, p, n, e) != 0) {
        return -1;
    }
    snprintf(fm->done, sizeof(fm->done), _("Household %s with %zu members saved."), h.hh_no, n);
    fm->saved_hh = h.id;
    return 0;
}

static unsigned
new_action(struct form *fm, struct tui *t, int action)
{
    struct new_hh *nh = fm->data;
    const char *group = focused_group(fm);
    size_t i;

    switch (action) {
    case ACT_FORM1:
        if (nh->members >= MAX_MEMBERS) {
            tui_message(t, 1, _("At most %d members can be entered here; add more later from the household."),
                        MAX_MEMBERS);
            return D_STATUS;
        }
        add_member(fm, nh->members + 1);
        for (i = fm->w.n; i-- > 0;) {
            if (fm->w.items[i].spec == NULL) {
                wform_focus_from(&fm->w, i, 1);
                break;
            }
        }
        return D_BODY | D_STATUS;
    case ACT_FORM2:
        if (group[0] != 'm' || strcmp(group, "m1") == 0) {
            tui_message(t, 1, "%s", _("Put the cursor in the member to remove (the head stays)."));
            return D_STATUS;
        }
        {
            char g[FORM_GROUP_BUF];

            snprintf(g, sizeof(g), "%s", group);
            wform_remove_group(&fm->w, g);
        }
        return D_BODY | D_STATUS;
    case ACT_FORM3:
        return form_similar_open(&nh->similar, t);
    default:
        return 0;
    }
}

static const struct keydef new_keys[] = {
    {CTRL('n'), 0, ACT_FORM1, "Ctrl-N", N_("add a member"), KD_BAR},
    {CTRL('x'), 0, ACT_FORM2, "Ctrl-X", N_("remove this member"), 0},
    {KEY_F(5), 1, ACT_FORM3, "F5", N_("open the household found"), 0},
    {0, 0, ACT_NONE, NULL, NULL, 0},
};

const struct form_kind household_new_form = {
    .id = "household-new",
    .open = new_open,
    .save = new_save,
    .left = new_left,
    .changed = new_changed,
    .panel_lines = new_panel_lines,
    .panel_draw = new_panel_draw,
    .group = new_group,
    .keys = new_keys,
    .action = new_action,
    .free_data = new_free,
};
