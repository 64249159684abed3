/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * prints_elim.c - the county's announcement of risk elimination (风险消除
 * 公告, domain.md 4.6): the households whose risk was eliminated in a
 * period, of a township (or a village, or all the account sees), after
 * the home check, the village's appraisal and publicity, the township's
 * review and the county's approval.  Posted in public like the publicity
 * lists: head of household, size, category, method and day only; never
 * an ID number, a phone number, a bank account or anything of health or
 * of the risks (因病 would tell of an illness).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/codes.h"
#include "core/date.h"
#include "core/doc.h"
#include "core/role.h"
#include "db/db_division.h"
#include "db/db_print.h"
#include "print/print.h"
#include "print/prints.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

/* The period of R: its own, or the quarter of TODAY up to today. */
static void
elim_period(const struct print_env *env, const struct print_request *r, int *from,
            int *to)
{
    int y, m, d;

    if (r->pub_start != DATE_NONE && r->pub_end != DATE_NONE) {
        *from = r->pub_start;
        *to = r->pub_end;
        return;
    }
    date_to_ymd(env->today, &y, &m, &d);
    *from = date_from_ymd(y, (m - 1) / 3 * 3 + 1, 1);
    *to = env->today;
}

/* The place of R (*TOWNSHIP, *VILLAGE; none given: what the account
 * sees) and its words ("金茶镇", "金茶镇 清永村" or the county's name)
 * into BUF; -1 with E when the account does not see it. */
static int
elim_place(const struct print_env *env, const struct print_request *r, int64_t *township,
           int64_t *village, char *buf, size_t n, struct err *e)
{
    const struct actor *a = env->actor;
    char tw[200] = "", vi[200] = "";
    struct division d;

    *township = r->township;
    *village = r->village;
    if (*township == 0 && *village == 0 && a->scope_level != LEVEL_COUNTY) {
        *(a->scope_level == LEVEL_TOWNSHIP ? township : village) = a->scope_id;
    }
    if (*village != 0 && *township == 0 && db_division_get(env->db, *village, &d, e) == 0) {
        *township = d.parent_id;
    }
    if (*township != 0) {
        print_division_name(env->db, *township, tw, sizeof(tw));
    }
    if (*village != 0) {
        print_division_name(env->db, *village, vi, sizeof(vi));
    }
    snprintf(buf, n, "%s%s%s", *township ? tw : env->county, *village ? " " : "", vi);
    if (!actor_sees(a, *township, *village)) {
        return err_set(e, ERR_DENIED, _("%s is outside your scope"), buf);
    }
    return 0;
}

static void
elim_table(const struct print_env *env, struct doc *d, const struct elimination_row *v,
           size_t n)
{
    const struct doc_col cols[] = {
        {_("No."), 4, DOC_RIGHT},
        {_("Township"), 6, DOC_LEFT},
        {_("Village"), 6, DOC_LEFT},
        {_("Head of household"), 8, DOC_LEFT},
        {_("Household size"), 6, DOC_RIGHT},
        {_("Monitoring category"), 14, DOC_LEFT},
        {_("Elimination"), 8, DOC_LEFT},
        {_("Eliminated on"), 10, DOC_LEFT},
    };
    size_t i;

    doc_table(d, cols, ARRAY_SIZE(cols), NULL);
    for (i = 0; i < n; i++) {
        char day[DATE_BUF];

        date_format(v[i].eliminated_on, day);
        doc_cellf(d, "%zu", i + 1);
        doc_cell(d, v[i].township);
        doc_cell(d, v[i].village);
        doc_cell(d, v[i].head);
        doc_cellf(d, "%d", v[i].members);
        doc_cell(d, code_label(env->codes, "category", v[i].category));
        doc_cell(d, code_label(env->codes, "elim_method", v[i].elim_method));
        doc_cell(d, day);
    }
}

/* The rows of V (*N) the account sees, kept in place. */
static void
elim_in_scope(const struct print_env *env, struct elimination_row *v, size_t *n)
{
    size_t i, k = 0;

    for (i = 0; i < *n; i++) {
        if (actor_sees(env->actor, v[i].township_id, v[i].village_id)) {
            v[k++] = v[i];
        }
    }
    *n = k;
}

static struct doc *
elim_doc(const struct print_env *env, const char *place, int from, int to,
         const struct elimination_row *v, size_t n)
{
    struct doc *d = doc_new(_("Announcement of risk elimination of monitoring objects"));
    char a[64], b[64], sub[500], body[300];
    int persons = 0;
    size_t i;

    for (i = 0; i < n; i++) {
        persons += v[i].members;
    }
    snprintf(sub, sizeof(sub), "%s%s%s", env->county, strcmp(place, env->county) ? " " : "",
             strcmp(place, env->county) ? place : "");
    doc_subtitle(d, sub);
    print_date(from, a, sizeof(a));
    print_date(to, b, sizeof(b));
    doc_paraf(d, DOC_LEFT, 4,
              _("Under the mechanism of dynamic monitoring and assistance to prevent a return "
                "to poverty, after a home check, the democratic appraisal and publicity in the "
                "village, the township's review and the county's approval, the income and "
                "expenditure, the two no-worries and three guarantees and the drinking-water "
                "safety of the %zu households (%d persons) below are stable and their risk was "
                "eliminated from %s to %s. It is hereby announced."),
              n, persons, a, b);
    elim_table(env, d, v, n);
    snprintf(body, sizeof(body), _("%s people's government"), env->county);
    doc_paraf(d, DOC_LEFT, 4,
              _("Questions and objections may be raised with %s. Supervision hotline: %s."),
              body, env->hotline);
    print_closing(env, d, body);
    return d;
}

int
prints_elimination(const struct print_env *env, const struct print_request *r,
                   struct doc **out, int64_t **hh, size_t *nhh, struct err *e)
{
    struct elimination_row *v = NULL;
    char place[420], a[DATE_BUF], b[DATE_BUF];
    int64_t township, village;
    int from, to;
    size_t n = 0, i;

    elim_period(env, r, &from, &to);
    if (elim_place(env, r, &township, &village, place, sizeof(place), e) < 0 ||
        db_elimination_rows(env->db, from, to, township, village, &v, &n, e) < 0) {
        return -1;
    }
    elim_in_scope(env, v, &n);
    if (n == 0) {
        free(v);
        date_format(from, a);
        date_format(to, b);
        return err_set(e, ERR_NOTFOUND,
                       _("no household of %s had its risk eliminated from %s to %s"), place,
                       a, b);
    }
    *out = elim_doc(env, place, from, to, v, n);
    *hh = xcalloc(n, sizeof(**hh));
    for (i = 0; i < n; i++) {
        (*hh)[i] = v[i].household_id;
    }
    *nhh = n;
    free(v);
    return 0;
}
