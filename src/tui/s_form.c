/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * s_form.c - the form screen: every form of every workspace behaves the
 * same way here (see form.h).
 *
 *   Tab, Enter, Down     next field (a field is checked when it is left;
 *                        with a mistake the cursor stays and the status
 *                        line says what is wrong; the text is kept)
 *   Shift-Tab, Up        previous field (checked, but the cursor moves)
 *   PgDn, PgUp           a screenful of fields on
 *   F4 (Enter on an      the pick list of a code field
 *     empty code field)
 *   Ctrl-S, F10          save the whole form (all or nothing)
 *   Esc                  back; asks first when something was changed
 */
#include "config.h"
#include "tui/form.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/field.h"
#include "tui/draft.h"
#include "tui/draw.h"
#include "tui/f_bind.h"
#include "tui/s_menu.h"
#include "tui/screen.h"
#include "tui/tui.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/u8.h"
#include "util/xalloc.h"

static const struct form_kind *const form_kinds[] = {
    &household_form, &household_new_form, &member_form, &member_remove_form,
    &income_form, &guarantee_form, &step_form, &clue_new_form, &measure_form,
    &visit_form, &fund_form, &allocation_form, &payment_form, &project_form,
    &project_step_form, &asset_form, &asset_income_form, &partner_form, &pairing_form,
    &agreement_form, &pair_record_form, &team_form, &team_member_form, &attendance_form,
    &grade_form,
    &cadre_form,
};

const struct form_kind *
form_kind_find(const char *id)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(form_kinds); i++) {
        if (strcmp(form_kinds[i]->id, id) == 0) {
            return form_kinds[i];
        }
    }
    return NULL;
}

static const struct keydef base_keys[] = {
    {'\t', 0, ACT_NEXTFIELD, "Tab", N_("next field"), KD_BAR},
    {'\n', 0, ACT_OPEN, "Enter", N_("next field"), 0},
    {'\r', 0, ACT_OPEN, "Enter", N_("next field"), 0},
    {KEY_ENTER, 1, ACT_OPEN, "Enter", N_("next field"), 0},
    {KEY_DOWN, 1, ACT_NEXTFIELD, "Down", N_("next field"), 0},
    {KEY_BTAB, 1, ACT_PREVFIELD, "Shift-Tab", N_("previous field"), 0},
    {KEY_UP, 1, ACT_PREVFIELD, "Up", N_("previous field"), 0},
    {KEY_NPAGE, 1, ACT_PGDN, "PgDn", N_("fields further down"), 0},
    {KEY_PPAGE, 1, ACT_PGUP, "PgUp", N_("fields further up"), 0},
    {KEY_F(4), 1, ACT_PICK, "F4", N_("choose from a list"), KD_BAR},
    {CTRL('s'), 0, ACT_SAVE, "Ctrl-S", N_("save"), KD_BAR},
    {KEY_F(10), 1, ACT_SAVE, "F10", N_("save"), 0},
    {27, 0, ACT_BACK, "Esc", N_("back"), KD_BAR},
    {0, 0, ACT_NONE, NULL, NULL, 0},
};

struct form_args {
    const struct form_kind *kind;
    int64_t hh, id, arg;
    struct draft *restore;          /* a draft to put back, or NULL */
    void *data;                     /* the form's fm->data to start with */
};

struct fstate {
    struct form fm;
    struct keydef *keys;            /* the kind's keys, then base_keys */
    int confirm;                    /* asking whether to discard */
    int edits, drafted;             /* edits made / edits in the draft */
    size_t pick;                    /* the field a pick list is for */
    size_t *picks, npicks, apicks;  /* the table's entries the list shows */
    int draft_failed;
};

/* --- the kind's open and save (a record form's from f_bind.c) ------------- */

static int
is_record(const struct form *fm)
{
    return fm->kind->rec.io != NULL;
}

static int
kind_open(struct form *fm, struct err *e)
{
    return is_record(fm) ? form_rec_open(fm, e) : fm->kind->open(fm, e);
}

static int
kind_save(struct form *fm, struct err *e)
{
    return is_record(fm) ? form_rec_save(fm, e) : fm->kind->save(fm, e);
}

/* --- values and texts -------------------------------------------------------- */

static struct field_ctx
ctx_of(struct form *fm)
{
    struct field_ctx c;

    c.codes = &fm->codes;
    c.today = app_today();
    return c;
}

char *
form_format(struct form *fm, const struct field_spec *spec,
            const struct field_value *v)
{
    struct field_ctx c = ctx_of(fm);
    struct sbuf sb = SBUF_INIT;

    field_format(spec, &c, v, &sb);
    return sbuf_detach(&sb);
}

void
form_parse(struct form *fm, size_t i, const char *text, struct field_value *v)
{
    struct field_ctx c = ctx_of(fm);

    if (i >= fm->w.n || fm->w.items[i].spec == NULL ||
        field_parse(fm->w.items[i].spec, &c, text, v, NULL) != 0) {
        field_value_clear(v);
    }
}

size_t
form_add_value(struct form *fm, const struct field_spec *spec,
               const char *group, const struct field_value *v)
{
    char *text = form_format(fm, spec, v);
    size_t i = wform_add(&fm->w, spec, group, text);

    free(text);
    return i;
}

size_t
form_add_num(struct form *fm, const struct field_spec *spec, const char *group,
             int64_t n, int empty)
{
    struct field_value v;

    memset(&v, 0, sizeof(v));
    if (empty) {
        v.empty = 1;
    } else {
        field_value_num(&v, n);
    }
    return form_add_value(fm, spec, group, &v);
}

size_t
form_add_str(struct form *fm, const struct field_spec *spec, const char *group,
             const char *s)
{
    struct field_value v;
    size_t i;

    memset(&v, 0, sizeof(v));
    field_value_str(&v, s);
    i = form_add_value(fm, spec, group, &v);
    field_value_clear(&v);
    return i;
}

int64_t
form_num(struct form *fm, const char *group, const char *name, int64_t empty)
{
    struct field_value v;
    int64_t n;

    if (wform_value(&fm->w, group, name, &v) != 0 || v.empty) {
        field_value_clear(&v);
        return empty;
    }
    n = v.n;
    field_value_clear(&v);
    return n;
}

void
form_str(struct form *fm, const char *group, const char *name, char *buf,
         size_t n)
{
    struct field_value v;

    buf[0] = '\0';
    if (wform_value(&fm->w, group, name, &v) == 0 && !v.empty && v.s != NULL) {
        snprintf(buf, n, "%s", v.s);
    }
    field_value_clear(&v);
}

char *
form_strdup(struct form *fm, const char *group, const char *name)
{
    struct field_value v;
    char *s = NULL;

    if (wform_value(&fm->w, group, name, &v) == 0 && !v.empty && v.s != NULL) {
        s = xstrdup(v.s);
    }
    field_value_clear(&v);
    return s;
}

void
form_add_table(struct form *fm, struct code_table *t)
{
    fm->own = xrealloc(fm->own, (fm->nown + 1) * sizeof(*fm->own));
    fm->own[fm->nown++] = *t;
    memset(t, 0, sizeof(*t));
    /* The form's codebook: the policy's tables, then the form's own. */
    free(fm->codes.t);
    fm->codes.n = fm->app->policy.codes.n + fm->nown;
    fm->codes.t = xcalloc(fm->codes.n, sizeof(*fm->codes.t));
    memcpy(fm->codes.t, fm->app->policy.codes.t,
           fm->app->policy.codes.n * sizeof(*fm->codes.t));
    memcpy(fm->codes.t + fm->app->policy.codes.n, fm->own, fm->nown * sizeof(*fm->own));
    fm->w.ctx.codes = &fm->codes;
}

/* --- drafts ---------------------------------------------------------------------- */

static void
draft_key(const struct form *fm, char *buf, size_t n)
{
    snprintf(buf, n, "hh=%lld id=%lld arg=%lld", (long long)fm->hh, (long long)fm->id,
             (long long)fm->arg);
}

static void
keep_draft(struct fstate *st, struct tui *t)
{
    struct form *fm = &st->fm;
    struct sbuf text = SBUF_INIT;
    struct draft d;
    struct err e;
    char key[96];
    size_t i;

    if (fm->kind->no_draft) {
        return;
    }
    draft_key(fm, key, sizeof(key));
    if (!wform_changed(&fm->w)) {
        draft_remove(NULL, fm->app->db_path, fm->kind->id, key);
        return;
    }
    draft_init(&d, fm->app->db_path, fm->kind->id, key, fm->title, fm->version);
    for (i = 0; i < fm->w.n; i++) {
        const struct form_item *it = &fm->w.items[i];

        if (it->spec != NULL) {
            wform_text(&fm->w, i, &text);
            draft_add(&d, it->group, it->spec->name, text.buf, it->loaded);
        }
    }
    err_clear(&e);
    if (draft_write(NULL, &d, &e) != 0 && !st->draft_failed) {
        st->draft_failed = 1;
        tui_message(t, 1, "%s", e.msg);
    }
    draft_clear(&d);
    sbuf_release(&text);
}

static void
forget_draft(struct form *fm)
{
    char key[96];

    draft_key(fm, key, sizeof(key));
    draft_remove(NULL, fm->app->db_path, fm->kind->id, key);
}

/* Put the texts of draft D back into the freshly opened form. */
static void
restore(struct form *fm, const struct draft *d)
{
    size_t i;
    int k;

    for (i = 0; i < d->n; i++) {
        if (d->f[i].group[0] != '\0' && fm->kind->group != NULL) {
            fm->kind->group(fm, d->f[i].group);
        }
        k = wform_find(&fm->w, d->f[i].group, d->f[i].name);
        if (k >= 0) {
            wform_set(&fm->w, (size_t)k, d->f[i].text);
            wform_set_loaded(&fm->w, (size_t)k, d->f[i].loaded);
        }
    }
    fm->version = d->version;
    if (fm->kind->changed != NULL) {
        fm->kind->changed(fm);
    }
}

/* --- the screen ---------------------------------------------------------------------- */

static struct keydef *
join_keys(const struct keydef *own)
{
    size_t a = 0, b = 0;
    struct keydef *k;

    while (own != NULL && own[a].name != NULL) {
        a++;
    }
    while (base_keys[b].name != NULL) {
        b++;
    }
    k = xcalloc(a + b + 1, sizeof(*k));
    if (a > 0) {
        memcpy(k, own, a * sizeof(*k));
    }
    memcpy(k + a, base_keys, (b + 1) * sizeof(*k));
    return k;
}

static void
form_free(struct fstate *st)
{
    struct form *fm = &st->fm;
    size_t i;

    if (fm->kind != NULL && fm->kind->free_data != NULL && fm->data != NULL) {
        fm->kind->free_data(fm->data);
    }
    wform_release(&fm->w);
    for (i = 0; i < fm->nown; i++) {
        code_table_free(&fm->own[i]);
    }
    free(fm->own);
    free(fm->codes.t);
    free(st->keys);
    free(st->picks);
    free(st);
}

static int
form_enter(struct screen *s, struct tui *t)
{
    struct form_args *a = s->arg;
    struct fstate *st = xcalloc(1, sizeof(*st));
    struct form *fm = &st->fm;
    struct field_ctx c;
    struct err e;

    fm->kind = a->kind;
    fm->app = t->app;
    fm->hh = a->hh;
    fm->id = a->id;
    fm->arg = a->arg;
    fm->data = a->data;
    a->data = NULL;
    fm->codes = t->app->policy.codes;
    fm->codes.t = xcalloc(fm->codes.n + 1, sizeof(*fm->codes.t));
    memcpy(fm->codes.t, t->app->policy.codes.t, fm->codes.n * sizeof(*fm->codes.t));
    c.codes = &fm->codes;
    c.today = app_today();
    wform_init(&fm->w, &c);
    err_clear(&e);
    if (kind_open(fm, &e) != 0) {
        tui_message(t, 1, "%s", e.msg);
        form_free(st);
        if (a->restore != NULL) {
            /* The record is gone or out of reach: the draft can never be
             * saved, so it is not offered again. */
            draft_remove(NULL, a->restore->db, a->restore->form, a->restore->key);
            draft_clear(a->restore);
            free(a->restore);
            a->restore = NULL;
        }
        return -1;
    }
    if (a->restore != NULL) {
        restore(fm, a->restore);
        tui_message(t, 0, _("The unfinished form is back as you left it (%s)."), a->restore->saved);
    }
    wform_focus_from(&fm->w, 0, 1);
    st->keys = join_keys(fm->kind->keys);
    s->data = st;
    return 0;
}

static void
form_leave(struct screen *s, struct tui *t)
{
    struct form_args *a = s->arg;

    (void)t;
    if (s->data != NULL) {
        form_free(s->data);
    }
    if (a != NULL && a->restore != NULL) {
        draft_clear(a->restore);
        free(a->restore);
        a->restore = NULL;
    }
}

static const struct keydef *
form_keytable(const struct screen *s)
{
    const struct fstate *st = s->data;

    return st != NULL && st->keys != NULL ? st->keys : base_keys;
}

static void
form_draw(struct screen *s, struct tui *t, WINDOW *w)
{
    struct fstate *st = s->data;
    struct form *fm = &st->fm;
    int lines = tui_body_lines(t), panel = 0, cy, cx;

    draw_text(w, 0, 1, t->cols - 2, fm->title, theme_attr(TH_HEADER), AL_LEFT);
    if (fm->kind->panel_lines != NULL) {
        panel = fm->kind->panel_lines(fm);
        if (panel > lines / 2) {
            panel = lines / 2;
        }
    }
    wform_draw(&fm->w, w, 1, lines - 1 - panel, t->cols, &cy, &cx);
    if (panel > 0) {
        fm->kind->panel_draw(fm, w, lines - panel, panel, t->cols);
    }
    if (cy >= 0 && !st->confirm) {
        tui_cursor(t, cy, cx);
    }
}

/* Leave the focused field: check it; with a mistake say so and (when
 * STAY) keep the cursor there.  Returns 0 when the cursor may move. */
static int
leave_field(struct fstate *st, struct tui *t, int stay)
{
    struct form *fm = &st->fm;
    struct sbuf text = SBUF_INIT;
    struct err e;
    size_t i = fm->w.focus;
    int rc = 0;

    if (!wform_focusable(&fm->w, i)) {
        return 0;
    }
    wform_text(&fm->w, i, &text);
    err_clear(&e);
    if (text.len == 0) {
        /* An empty required field may be left; saving says it is missing. */
        fm->w.items[i].bad = 0;
    } else if (wform_check(&fm->w, i, NULL, &e) != 0) {
        tui_message(t, 1, "%s", e.msg);
        rc = stay ? -1 : 0;
    } else if (fm->kind->left != NULL) {
        fm->kind->left(fm, i);
    }
    sbuf_release(&text);
    return rc;
}

static unsigned
move_focus(struct fstate *st, struct tui *t, int dir, int steps)
{
    struct form *fm = &st->fm;
    size_t from = fm->w.focus;

    if (leave_field(st, t, dir > 0) != 0) {
        return D_BODY | D_STATUS;
    }
    while (steps-- > 0) {
        if (dir > 0 && fm->w.focus + 1 < fm->w.n &&
            wform_focus_from(&fm->w, fm->w.focus + 1, 1) == 0) {
            continue;
        }
        if (dir < 0 && fm->w.focus > 0 && wform_focus_from(&fm->w, fm->w.focus - 1, -1) == 0) {
            continue;
        }
        break;
    }
    if (fm->w.focus == from && dir > 0 && steps >= 0) {
        tui_message(t, 0, "%s", _("This is the last field: Ctrl-S or F10 saves the form."));
    }
    return D_BODY | D_STATUS;
}

/* What a pick puts into item I for entry C: its label, or its code when
 * the label names another entry (two alike). */
static const char *
pick_text(struct form *fm, size_t i, const struct code *c)
{
    struct field_value v;
    int same;

    memset(&v, 0, sizeof(v));
    form_parse(fm, i, c->label, &v);
    same = !v.empty && v.s != NULL && strcmp(v.s, c->code) == 0;
    field_value_clear(&v);
    return same ? c->label : c->code;
}

/* The pick list of a code field. */
static unsigned
picked(void *ctx, struct tui *t, size_t index)
{
    struct fstate *st = ctx;
    struct form *fm = &st->fm;
    const struct form_item *it = &fm->w.items[st->pick];
    const struct code_table *tab = codebook_table(&fm->codes, it->spec->table);
    struct sbuf text = SBUF_INIT;

    if (tab == NULL || index >= st->npicks || st->picks[index] >= tab->n) {
        return 0;
    }
    index = st->picks[index];
    wform_text(&fm->w, st->pick, &text);
    if (it->spec->type == FT_CODES && text.len > 0 &&
        strstr(text.buf, tab->v[index].label) == NULL) {
        sbuf_addf(&text, "%s%s", _(", "), tab->v[index].label);
        wform_set(&fm->w, st->pick, text.buf);
    } else if (it->spec->type != FT_CODES || text.len == 0) {
        wform_set(&fm->w, st->pick, pick_text(fm, st->pick, &tab->v[index]));
    }
    sbuf_release(&text);
    st->edits++;
    wform_focus(&fm->w, st->pick);
    if (fm->kind->changed != NULL) {
        fm->kind->changed(fm);
    }
    /* One choice made: on to the next field. */
    if (it->spec->type == FT_CODE) {
        if (fm->kind->left != NULL) {
            fm->kind->left(fm, st->pick);
        }
        if (fm->w.focus + 1 < fm->w.n) {
            wform_focus_from(&fm->w, fm->w.focus + 1, 1);
        }
    }
    (void)t;
    return D_BODY | D_STATUS;
}

static unsigned
pick(struct fstate *st, struct tui *t)
{
    struct form *fm = &st->fm;
    const struct form_item *it = &fm->w.items[fm->w.focus];
    const struct code_table *tab;
    struct menu *m;
    size_t i;

    if (it->spec == NULL || (it->spec->type != FT_CODE && it->spec->type != FT_CODES)) {
        tui_message(t, 0, "%s", _("This field has no list to choose from: type its value."));
        return D_STATUS;
    }
    tab = codebook_table(&fm->codes, it->spec->table);
    if (tab == NULL || tab->n == 0) {
        tui_message(t, 1, "%s", it->spec->none != NULL ? _(it->spec->none)
                                    : _("There is nothing to choose from for this field."));
        return D_STATUS;
    }
    st->pick = fm->w.focus;
    m = menu_new(_(it->spec->label), picked, st);
    st->npicks = 0;
    for (i = 0; i < tab->n; i++) {
        if (fm->kind->choice_ok == NULL || fm->kind->choice_ok(fm, fm->w.focus, &tab->v[i])) {
            st->picks = xgrow(st->picks, &st->apicks, st->npicks + 1, sizeof(*st->picks));
            st->picks[st->npicks++] = i;
            menu_add(m, tab->v[i].label);
        }
    }
    /* What was typed narrows the list (a code field's text that is not
     * a choice yet: part of a name, pinyin initials). */
    if (it->spec->type == FT_CODE && it->line.len > 0 &&
        wform_check(&fm->w, fm->w.focus, NULL, NULL) != 0) {
        struct sbuf typed = SBUF_INIT;

        wform_text(&fm->w, fm->w.focus, &typed);
        menu_narrow(m, typed.buf);
        sbuf_release(&typed);
        fm->w.items[fm->w.focus].bad = 0;
    }
    menu_open(t, m);
    return D_ALL;
}

unsigned
form_save(struct form *fm, struct tui *t)
{
    struct fstate *st = (struct fstate *)fm;   /* fm is st's first member */
    struct err e;
    char key[96];
    size_t bad;

    err_clear(&e);
    /* The draft's key before saving: saving a new record gives the form
     * the record's id, and the draft kept under id 0 would come back the
     * next time a new one is opened. */
    draft_key(fm, key, sizeof(key));
    if (wform_check_all(&fm->w, &bad, &e) != 0) {
        wform_focus(&fm->w, bad);
        tui_message(t, 1, "%s", e.msg);
        return D_BODY | D_STATUS;
    }
    if (kind_save(fm, &e) != 0) {
        if (e.code == ERR_CONFLICT && (is_record(fm) || fm->kind->theirs != NULL)) {
            return conflict_open(fm, t, e.msg);
        }
        tui_message(t, 1, "%s", e.msg);
        return D_BODY | D_STATUS;
    }
    draft_remove(NULL, fm->app->db_path, fm->kind->id, key);
    st->edits = st->drafted = 0;
    tui_message(t, 0, "%s", fm->done[0] ? fm->done : _("Saved."));
    return TR_POP | D_ALL;
}

int
form_theirs(struct form *fm, char **theirs, int64_t *version, struct err *e)
{
    if (is_record(fm)) {
        return form_rec_theirs(fm, theirs, version, e);
    }
    return fm->kind->theirs(fm, theirs, version, e);
}

static int
form_input(struct screen *s, struct tui *t, int is_key, wint_t ch)
{
    struct fstate *st = s->data;
    struct form *fm = &st->fm;
    int rc;

    if (st->confirm) {
        st->confirm = 0;
        if (!is_key && (ch == 'y' || ch == 'Y' || ch == L'是')) {
            forget_draft(fm);
            return TR_POP | D_ALL;
        }
        tui_message(t, 0, "%s", _("Keep editing."));
        return D_STATUS | D_BODY;
    }
    rc = wform_key(&fm->w, is_key, ch);
    if (rc < 0) {
        return -1;
    }
    if (rc == 0 && fm->w.items[fm->w.focus].line.refused > 0) {
        const struct form_item *it = &fm->w.items[fm->w.focus];

        tui_message(t, 1, _("%s takes at most %d characters: the %zu after them were not taken."),
                    _(it->spec->label), field_max_chars(it->spec), it->line.refused);
        return D_STATUS;
    }
    if (rc == 1) {
        const struct form_item *it = &fm->w.items[fm->w.focus];

        st->edits++;
        fm->w.items[fm->w.focus].bad = 0;
        if (fm->kind->changed != NULL) {
            fm->kind->changed(fm);
        }
        /* A field that skips when full: the last character moves on. */
        if ((it->spec->flags & FF_AUTOSKIP) && is_key == 0 &&
            it->line.cur == it->line.len && (int)it->line.len >= field_max_chars(it->spec)) {
            return (int)(move_focus(st, t, 1, 1) | D_BODY);
        }
    }
    return D_BODY;
}

static unsigned
form_action(struct screen *s, struct tui *t, int action)
{
    struct fstate *st = s->data;
    struct form *fm = &st->fm;
    int page = tui_body_lines(t) / 2;
    const struct form_item *it;

    switch (action) {
    case ACT_NEXTFIELD:
        return move_focus(st, t, 1, 1);
    case ACT_PREVFIELD:
        return move_focus(st, t, -1, 1);
    case ACT_PGDN:
        return move_focus(st, t, 1, page);
    case ACT_PGUP:
        return move_focus(st, t, -1, page);
    case ACT_OPEN:
        it = &fm->w.items[fm->w.focus];
        /* Enter on a code field that holds no choice yet opens the list,
         * narrowed by what was typed. */
        if (it->spec != NULL && (it->spec->type == FT_CODE || it->spec->type == FT_CODES) &&
            (it->line.len == 0 ||
             (it->spec->type == FT_CODE && wform_check(&fm->w, fm->w.focus, NULL, NULL) != 0))) {
            fm->w.items[fm->w.focus].bad = 0;
            return pick(st, t);
        }
        return move_focus(st, t, 1, 1);
    case ACT_PICK:
        return pick(st, t);
    case ACT_SAVE:
        return form_save(fm, t);
    case ACT_BACK:
        if (!wform_changed(&fm->w)) {
            forget_draft(fm);
            return TR_POP;
        }
        st->confirm = 1;
        return D_STATUS | D_BODY;
    default:
        if (action >= ACT_FORM1 && fm->kind->action != NULL) {
            return fm->kind->action(fm, t, action);
        }
        return 0;
    }
}

static void
form_settle(struct screen *s, struct tui *t)
{
    struct fstate *st = s->data;

    if (st->edits != st->drafted) {
        keep_draft(st, t);
        st->drafted = st->edits;
    }
}

static void
form_status(struct screen *s, struct tui *t, char *buf, size_t n)
{
    struct fstate *st = s->data;
    struct form *fm = &st->fm;
    size_t i, k = 0, total = 0;

    (void)t;
    for (i = 0; i < fm->w.n; i++) {
        if (wform_focusable(&fm->w, i)) {
            total++;
            if (i <= fm->w.focus) {
                k++;
            }
        }
    }
    snprintf(buf, n, "%zu/%zu", k, total);
}

static void
form_info(struct screen *s, struct tui *t, char *buf, size_t n)
{
    struct fstate *st = s->data;
    const struct form_item *it = &st->fm.w.items[st->fm.w.focus];

    buf[0] = '\0';
    if (st->fm.w.n > 0 && it->spec != NULL && it->spec->help != NULL) {
        struct sbuf sb = SBUF_INIT;

        screen_help_text(t, s, it->spec->help, &sb);
        snprintf(buf, n, "%s", sb.buf);
        sbuf_release(&sb);
    }
}

static int
form_prompt(struct screen *s, struct tui *t, WINDOW *w)
{
    struct fstate *st = s->data;
    const char *q = _("Discard what you changed? (y: discard, other keys: keep editing) ");

    if (!st->confirm) {
        return 0;
    }
    draw_text(w, 0, 0, t->cols / 2 + 20 < t->cols ? t->cols / 2 + 20 : t->cols,
              q, theme_attr(TH_WARN), AL_LEFT);
    wmove(w, 0, (int)u8_width(q) < t->cols ? (int)u8_width(q) : t->cols - 1);
    return 1;
}

static const struct screen_ops form_screen = {
    .name = N_("form"),
    .keys = base_keys,
    .help = N_("Tab, Enter or Down go to the next field, Shift-Tab or Up to the previous one.  Each field is checked when you leave it: a mistake is shown on the status line and what you typed stays, to be corrected.\n"
               "Fields marked * must be filled.  F4 (or Enter on an empty field) opens the list of choices of a code field; typing part of a choice or its pinyin initials narrows the list.\n"
               "Ctrl-S or F10 saves the whole form; nothing is stored until every field is right.  Esc goes back and asks first when something was changed.\n"
               "What you type is kept as a draft: if the connection drops, the next start of zhenxing offers it back.\n"
               "When someone else saved the same record meanwhile, a screen shows their values and yours, field by field, to choose from."),
    .enter = form_enter,
    .leave = form_leave,
    .draw = form_draw,
    .input = form_input,
    .action = form_action,
    .status = form_status,
    .info = form_info,
    .prompt = form_prompt,
    .keytable = form_keytable,
    .settle = form_settle,
};

static int
push_form(struct tui *t, const struct form_kind *kind, int64_t hh, int64_t id,
          int64_t arg, struct draft *restore)
{
    struct form_args *a = xcalloc(1, sizeof(*a));

    a->kind = kind;
    a->hh = hh;
    a->id = id;
    a->arg = arg;
    a->restore = restore;
    return tui_push(t, screen_new(&form_screen, a));
}

int
form_open(struct tui *t, const struct form_kind *kind, int64_t hh, int64_t id,
          int64_t arg)
{
    struct draft *d = xcalloc(1, sizeof(*d));
    struct form probe;
    char key[96], *path;

    /* A draft of this very form is put back at once. */
    memset(&probe, 0, sizeof(probe));
    probe.hh = hh;
    probe.id = id;
    probe.arg = arg;
    draft_key(&probe, key, sizeof(key));
    path = draft_path(NULL, t->app->db_path, kind->id, key);
    if (draft_read(path, d, NULL) != 0) {
        free(d);
        d = NULL;
    }
    free(path);
    return push_form(t, kind, hh, id, arg, d);
}

int
form_open_with(struct tui *t, const struct form_kind *kind, void *data)
{
    struct form_args *a = xcalloc(1, sizeof(*a));

    a->kind = kind;
    a->data = data;
    return tui_push(t, screen_new(&form_screen, a));
}

/* --- drafts at start-up ------------------------------------------------------------- */

struct offer {
    struct draft *v;
    size_t n;
};

static void
offer_free(void *ctx)
{
    struct offer *o = ctx;
    size_t i;

    for (i = 0; i < o->n; i++) {
        draft_clear(&o->v[i]);
    }
    free(o->v);
    free(o);
}

static unsigned
offer_chosen(void *ctx, struct tui *t, size_t index)
{
    struct offer *o = ctx;
    struct draft *d;
    const struct form_kind *kind;
    long long hh = 0, id = 0, arg = 0;
    size_t i;

    for (i = 0; i < o->n; i++) {
        if (i == index) {
            continue;
        }
        draft_clear(&o->v[i]);
    }
    if (index >= o->n) {
        /* "Later": keep them for the next start. */
        free(o->v);
        free(o);
        return D_ALL;
    }
    d = xmalloc(sizeof(*d));
    *d = o->v[index];
    free(o->v);
    free(o);
    kind = form_kind_find(d->form);
    if (kind == NULL || sscanf(d->key, "hh=%lld id=%lld arg=%lld", &hh, &id, &arg) != 3) {
        tui_message(t, 1, "%s", _("This draft belongs to a form this version does not have."));
        draft_clear(d);
        free(d);
        return D_STATUS;
    }
    push_form(t, kind, hh, id, arg, d);
    return D_ALL;
}

unsigned
form_offer_drafts(struct tui *t)
{
    struct offer *o = xcalloc(1, sizeof(*o));
    struct menu *m;
    struct sbuf sb = SBUF_INIT;
    size_t i;

    if (draft_list(NULL, t->app->db_path, &o->v, &o->n, NULL) != 0 || o->n == 0) {
        free(o->v);
        free(o);
        return 0;
    }
    m = menu_new(_("Unfinished forms from last time: Enter takes one up again"), offer_chosen, o);
    m->free_ctx = offer_free;
    for (i = 0; i < o->n; i++) {
        sbuf_reset(&sb);
        sbuf_addf(&sb, "%s  (%s)", o->v[i].title, o->v[i].saved);
        menu_add(m, sb.buf);
    }
    menu_add(m, _("Later (keep them)"));
    sbuf_release(&sb);
    menu_open(t, m);
    return D_ALL;
}
