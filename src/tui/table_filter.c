/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * table_filter.c - what the tables of a workspace are filtered by, said
 * once in their definitions (struct table_filter_def): a year (every year
 * or one of those with data), a month of the last twelve, the kinds of a
 * code table, "only rows with warnings".  The f key's menu, the state of
 * each tab, clearing it (c) and its words on the status line are here,
 * the same for the funds and the pairing tables.
 */
#include "config.h"
#include "tui/table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/date.h"
#include "core/household.h"
#include "tui/s_menu.h"
#include "tui/tui.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

#define FILTER_YEARS 5      /* without data years: this year and the 4 before */
#define FILTER_MONTHS 12    /* the last 12 months */

const struct codebook *
tui_codes(struct tui *t)
{
    return &t->app->policy.codes;
}

const char *
tui_code_text(struct tui *t, const char *table, const char *code)
{
    return code_short(tui_codes(t), table, code);
}

/* What a menu item does. */
enum fitem_kind { FI_YEAR, FI_MONTH, FI_KIND, FI_FLAGGED };

struct fitem {
    enum fitem_kind k;
    int n;                      /* the year, the month (0: every / the last) */
    const char *code;           /* FI_KIND: the code, NULL: every kind */
};

struct fmenu {
    struct fitem *v;
    size_t n;
};

/* The month a table shows when cleared. */
static int
first_month(const struct table_filter_def *d)
{
    return d->month0 < 0 ? month_of(app_today()) - 1 : 0;
}

void *
table_filter_new(struct tui *t, const struct table_filter_def *d)
{
    struct table_filter *f = xcalloc(1, sizeof(*f));

    (void)t;
    f->def = d;
    table_filter_clear(f);
    return f;
}

static void
drop_menu(struct table_filter *f)
{
    struct fmenu *m = f->menu;

    if (m != NULL) {
        free(m->v);
        free(m);
    }
    f->menu = NULL;
}

void
table_filter_free(void *ctx)
{
    drop_menu(ctx);
    free(ctx);
}

void
table_filter_clear(void *ctx)
{
    struct table_filter *f = ctx;

    f->year = f->def->one_year ? date_year(app_today()) : 0;
    f->month = first_month(f->def);
    f->kind[0] = '\0';
    f->flagged = 0;
}

static unsigned
item_chosen(void *ctx, struct tui *t, size_t i)
{
    struct table_filter *f = ctx;
    const struct fmenu *m = f->menu;
    const struct fitem *it;

    (void)t;
    if (m == NULL || i >= m->n) {
        return 0;
    }
    it = &m->v[i];
    switch (it->k) {
    case FI_YEAR:
        f->year = it->n;
        break;
    case FI_MONTH:
        f->month = it->n;
        break;
    case FI_KIND:
        snprintf(f->kind, sizeof(f->kind), "%s", it->code != NULL ? it->code : "");
        break;
    case FI_FLAGGED:
        f->flagged = !f->flagged;
        break;
    }
    return D_ALL | TR_RELOAD;
}

/* Item TEXT doing (K, N, CODE). */
static void
item_add(struct table_filter *f, struct menu *m, enum fitem_kind k, int n, const char *code,
         const char *text)
{
    struct fmenu *fm = f->menu;

    fm->v = xrealloc(fm->v, (fm->n + 1) * sizeof(*fm->v));
    fm->v[fm->n].k = k;
    fm->v[fm->n].n = n;
    fm->v[fm->n].code = code;
    fm->n++;
    menu_add(m, text);
}

/* The years: those with data, or this year and the ones before. */
static int
add_years(struct table_filter *f, struct tui *t, struct menu *m, struct err *e)
{
    int *years = NULL, now = date_year(app_today());
    size_t n = 0, i;
    char item[64];

    if (f->def->years != NULL && f->def->years(t, &years, &n, e) != 0) {
        return -1;
    }
    if (!f->def->one_year) {
        item_add(f, m, FI_YEAR, 0, NULL, _("every year"));
    }
    for (i = 0; i < (f->def->years != NULL ? n : FILTER_YEARS); i++) {
        int y = f->def->years != NULL ? years[i] : now - (int)i;

        snprintf(item, sizeof(item), _("the year %d"), y);
        item_add(f, m, FI_YEAR, y, NULL, item);
    }
    free(years);
    return 0;
}

static void
add_months(struct table_filter *f, struct menu *m)
{
    int now = month_of(app_today()), i;
    char item[64], mo[MONTH_BUF];

    if (f->def->month0 == 0) {
        item_add(f, m, FI_MONTH, 0, NULL, _("the last month recorded"));
    }
    for (i = 0; i < FILTER_MONTHS; i++) {
        month_format(now - i, mo);
        snprintf(item, sizeof(item), _("the month %s"), mo);
        item_add(f, m, FI_MONTH, now - i, NULL, item);
    }
}

static void
add_kinds(struct table_filter *f, struct tui *t, struct menu *m)
{
    const struct code_table *ct = codebook_table(tui_codes(t), f->def->kinds);
    size_t i;

    item_add(f, m, FI_KIND, 0, NULL, _("every kind"));
    for (i = 0; ct != NULL && i < ct->n; i++) {
        item_add(f, m, FI_KIND, 0, ct->v[i].code, ct->v[i].label);
    }
}

int
table_filter_menu(struct tui *t, void *ctx)
{
    struct table_filter *f = ctx;
    struct menu *m = menu_new(_("Show"), item_chosen, f);
    struct err e;

    drop_menu(f);
    f->menu = xcalloc(1, sizeof(struct fmenu));
    err_clear(&e);
    if ((f->def->by_year || f->def->one_year) && add_years(f, t, m, &e) != 0) {
        menu_free(m);
        tui_message(t, 1, "%s", e.msg);
        return 0;
    }
    if (f->def->by_month) {
        add_months(f, m);
    }
    if (f->def->kinds != NULL) {
        add_kinds(f, t, m);
    }
    if (f->def->flagged) {
        item_add(f, m, FI_FLAGGED, 0, NULL, f->flagged ? _("all rows, with or without warnings")
                                                       : _("only rows with warnings"));
    }
    menu_open(t, m);
    return 0;
}

static void
add_words(struct sbuf *out, const char *words)
{
    sbuf_addf(out, "%s%s", out->len ? ", " : "", words);
}

void
table_filter_info(struct tui *t, void *ctx, struct sbuf *out)
{
    const struct table_filter *f = ctx;
    char mo[MONTH_BUF];

    if (f->year != 0) {
        sbuf_addf(out, _("the year %d"), f->year);
    }
    if (f->month != 0) {
        month_format(f->month, mo);
        sbuf_adds(out, out->len ? ", " : "");
        sbuf_addf(out, _("the month %s"), mo);
    }
    if (f->kind[0] != '\0') {
        add_words(out, code_label(tui_codes(t), f->def->kinds, f->kind));
    }
    if (f->flagged) {
        add_words(out, _("only rows with warnings"));
    }
}
