/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * prints.c - what each print shows, as documents (core/doc.h): the
 * household card (明白卡), the village publicity list (公示) and the
 * visit worklist per cadre.  Publicity lists are posted in public: they
 * never show an ID number, a phone number, a bank account or anything
 * about health (domain.md 4.4, 5.3), and say nothing of risk types for
 * that reason (因病 would tell of an illness).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/codes.h"
#include "core/date.h"
#include "core/doc.h"
#include "core/household.h"
#include "core/idno.h"
#include "core/money.h"
#include "core/role.h"
#include "core/rules.h"
#include "db/db_cadre.h"
#include "db/db_division.h"
#include "db/db_print.h"
#include "db/db_snapshot.h"
#include "print/print.h"
#include "print/prints.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

/* "2026年11月22日" (in the language of the messages). */
void print_date(int day, char *buf, size_t n)
{
    int y, m, d;

    if (day == DATE_NONE) {
        snprintf(buf, n, "%s", _("not recorded"));
        return;
    }
    date_to_ymd(day, &y, &m, &d);
    snprintf(buf, n, _("%d-%d-%d (year, month, day)"), y, m, d);
}

const char *print_division_name(struct db *db, int64_t id, char *buf,
                                size_t n)
{
    struct division div;

    buf[0] = '\0';
    if (id && db_division_get(db, id, &div, NULL) == 0) {
        snprintf(buf, n, "%s", div.name);
    }
    return buf;
}

static const struct person *head_of(const struct print_env *env,
                                    const struct hh_snapshot *s)
{
    size_t i;

    for (i = 0; i < s->nmembers; i++) {
        if (code_is(env->codes, "relation", s->members[i].relation, "head")) {
            return &s->members[i];
        }
    }
    return s->nmembers ? &s->members[0] : NULL;
}

void print_yuan(int64_t fen, char *buf, size_t n)
{
    char m[MONEY_BUF];

    money_format(fen, 1, m);
    snprintf(buf, n, _("%s yuan"), m);
}

void print_cell_yuan(struct doc *d, int64_t fen)
{
    char m[MONEY_BUF];

    money_format(fen, 1, m);
    doc_cell(d, m);
}

void print_period(int from, int to, char *buf, size_t n)
{
    char a[64], b[64];

    print_date(from, a, sizeof(a));
    print_date(to, b, sizeof(b));
    snprintf(buf, n, _("%s to %s"), a, b);
}

const char *print_or_dash(const char *s)
{
    return s && *s ? s : "-";
}

void print_closing(const struct print_env *env, struct doc *d,
                   const char *body)
{
    char today[64];

    doc_para(d, DOC_RIGHT, 0, body);
    print_date(env->today, today, sizeof(today));
    doc_para(d, DOC_RIGHT, 0, today);
}

/* ---- the household card ------------------------------------------------ */

static void card_household(const struct print_env *env, struct doc *d,
                           const struct hh_snapshot *s)
{
    const struct person *head = head_of(env, s);
    char buf[256], phone[PHONE_MASK_BUF];

    doc_fields(d, 2);
    doc_field(d, _("Household number: "), s->hh.hh_no);
    doc_field(d, _("Head: "), head ? head->name : "");
    snprintf(buf, sizeof(buf), "%zu", s->nmembers);
    doc_field(d, _("Members: "), buf);
    doc_field(d, _("Household type: "), code_label(env->codes, "hh_type", s->hh.hh_type));
    phone_mask(s->hh.phone, phone);
    doc_field(d, _("Phone: "), phone);
    doc_field(d, _("Address: "), s->hh.address);
    if (s->has_case) {
        const struct mcase *c = &s->mcase;
        struct sbuf risks = SBUF_INIT;
        int i;

        for (i = 0; i < c->nrisks; i++) {
            if (i) {
                sbuf_adds(&risks, _(", "));
            }
            sbuf_adds(&risks, code_label(env->codes, "risk", c->risks[i]));
        }
        doc_field(d, _("Category: "), code_label(env->codes, "category", c->category));
        doc_field(d, _("Status: "), case_state_label(c->state));
        print_date(c->identified_on, buf, sizeof(buf));
        doc_field(d, _("Identified on: "), buf);
        doc_field(d, _("Risks: "), risks.buf);
        sbuf_release(&risks);
    }
}

static void card_members(const struct print_env *env, struct doc *d,
                         const struct hh_snapshot *s)
{
    const struct doc_col cols[] = {
        {_("Name"), 8, DOC_LEFT},
        {_("Relation to head"), 10, DOC_LEFT},
        {_("Sex"), 4, DOC_LEFT},
        {_("ID number"), 18, DOC_LEFT},
        {_("Labour"), 12, DOC_LEFT},
        {_("Health"), 10, DOC_LEFT},
    };
    size_t i;

    doc_heading(d, _("Members"));
    doc_table(d, cols, ARRAY_SIZE(cols), _("none"));
    for (i = 0; i < s->nmembers; i++) {
        const struct person *p = &s->members[i];
        char id[IDNO_BUF];

        idno_mask(p->id_no, id);
        doc_cell(d, p->name);
        doc_cell(d, code_label(env->codes, "relation", p->relation));
        doc_cell(d, code_label(env->codes, "sex", p->sex));
        doc_cell(d, id);
        doc_cell(d, code_label(env->codes, "labour", p->labour));
        doc_cell(d, code_label(env->codes, "health", p->health));
    }
}

static void card_income(struct doc *d, const struct hh_snapshot *s)
{
    const struct income *inc = snapshot_last_income(s);
    char buf[128];

    if (!inc) {
        doc_heading(d, _("Income"));
        doc_para(d, DOC_LEFT, 0, _("No income has been recorded."));
        return;
    }
    snprintf(buf, sizeof(buf), _("Income in %d"), inc->year);
    doc_heading(d, buf);
    doc_fields(d, 2);
    print_yuan(inc->net, buf, sizeof(buf));
    doc_field(d, _("Net income: "), buf);
    print_yuan(inc->per_capita, buf, sizeof(buf));
    doc_field(d, _("Per capita: "), buf);
    if (inc->line_fen > 0) {
        print_yuan(inc->line_fen, buf, sizeof(buf));
        doc_field(d, _("Monitoring line: "), buf);
        doc_field(d, _("Against the line: "),
                  income_line_words(inc->per_capita, inc->line_fen, buf, sizeof(buf)));
    } else {
        doc_field(d, _("Monitoring line: "), _("not set for that year"));
    }
}

static void card_measures(const struct print_env *env, struct doc *d,
                          const struct hh_snapshot *s)
{
    const struct doc_col cols[] = {
        {_("Category"), 10, DOC_LEFT},
        {_("Measure"), 26, DOC_LEFT},
        {_("From"), 10, DOC_LEFT},
        {_("To"), 10, DOC_LEFT},
    };
    size_t i;

    doc_heading(d, _("Assistance measures"));
    doc_table(d, cols, ARRAY_SIZE(cols), _("none"));
    for (i = 0; i < s->nmeasures; i++) {
        const struct measure *m = &s->measures[i];
        char a[DATE_BUF], b[DATE_BUF];

        date_format(m->start, a);
        date_format(m->end, b);
        doc_cell(d, code_label(env->codes, "measure_category", m->category));
        doc_cell(d, code_label(env->codes, "measure_item", m->item));
        doc_cell(d, a);
        doc_cell(d, m->end == DATE_NONE ? _("ongoing") : b);
    }
}

static void card_cadres(struct doc *d, const struct cadre_row *v, size_t n)
{
    const struct doc_col cols[] = {
        {_("Name"), 8, DOC_LEFT},
        {_("Unit"), 30, DOC_LEFT},
        {_("Phone"), 14, DOC_LEFT},
    };
    size_t i;

    doc_heading(d, _("Responsible cadres"));
    doc_table(d, cols, ARRAY_SIZE(cols), _("not assigned yet"));
    for (i = 0; i < n; i++) {
        doc_cell(d, v[i].name);
        doc_cell(d, v[i].unit);
        doc_cell(d, v[i].phone);
    }
}

static int build_card(const struct print_env *env, int64_t id,
                      struct doc **out, struct err *e)
{
    struct hh_snapshot s;
    struct cadre_row *cadres = NULL;
    size_t ncadres = 0;
    char tw[200], vi[200], gr[200];
    const char *sign[2];
    struct doc *d;

    memset(&s, 0, sizeof(s));
    if (db_snapshot_load(env->db, id, &s, e) < 0) {
        snapshot_free(&s);
        return -1;
    }
    if (!actor_sees(env->actor, s.hh.township_id, s.hh.village_id)) {
        err_set(e, ERR_DENIED, _("household %s is outside your scope"), s.hh.hh_no);
        snapshot_free(&s);
        return -1;
    }
    if (db_household_cadres(env->db, id, &cadres, &ncadres, e) < 0) {
        snapshot_free(&s);
        return -1;
    }
    d = doc_new(_("Monitoring and assistance card"));
    print_division_name(env->db, s.hh.township_id, tw, sizeof(tw));
    print_division_name(env->db, s.hh.village_id, vi, sizeof(vi));
    print_division_name(env->db, s.hh.natural_village_id, gr, sizeof(gr));
    {
        char sub[700];

        snprintf(sub, sizeof(sub), "%s %s %s %s", env->county, tw, vi, gr);
        doc_subtitle(d, sub);
    }
    card_household(env, d, &s);
    card_members(env, d, &s);
    card_income(d, &s);
    card_measures(env, d, &s);
    card_cadres(d, cadres, ncadres);
    doc_paraf(d, DOC_LEFT, 0, _("Supervision hotline: %s"), env->hotline);
    sign[0] = _("Head (signature): ");
    sign[1] = _("Responsible cadre (signature): ");
    doc_sign(d, sign, 2, 1);
    free(cadres);
    snapshot_free(&s);
    *out = d;
    return 0;
}

int prints_cards(const struct print_env *env, const struct print_request *r,
                 struct doc ***docs, size_t *ndocs, int64_t **hh, size_t *nhh,
                 struct err *e)
{
    size_t i, n = r->nhouseholds;

    if (n == 0) {
        return err_set(e, ERR_NOTFOUND, "%s", _("no household to print"));
    }
    *docs = xcalloc(n, sizeof(**docs));
    for (i = 0; i < n; i++) {
        if (build_card(env, r->households[i], &(*docs)[i], e) < 0) {
            print_docs_free(*docs, i);
            *docs = NULL;
            *ndocs = 0;
            return -1;
        }
        *ndocs = i + 1;
    }
    *hh = xcalloc(n, sizeof(**hh));
    memcpy(*hh, r->households, n * sizeof(**hh));
    *nhh = n;
    return 0;
}

/* ---- the village publicity list ---------------------------------------- */

/* 1 when every row has the same publicity period. */
static int one_period(const struct publicity_row *v, size_t n)
{
    size_t i;

    for (i = 1; i < n; i++) {
        if (v[i].pub_start != v[0].pub_start || v[i].pub_end != v[0].pub_end) {
            return 0;
        }
    }
    return 1;
}

/* The periods as the notice states them: a case whose step has no last
 * day gets the shortest publicity of the rules of its first day's year;
 * the user is warned (ENV->warn) when the period is over on print day. */
static void publicity_periods(const struct print_env *env, struct publicity_row *v,
                              size_t n)
{
    int last = DATE_NONE;
    size_t i;

    for (i = 0; i < n; i++) {
        if (v[i].pub_start != DATE_NONE && v[i].pub_end == DATE_NONE) {
            v[i].pub_end = v[i].pub_start +
                           rules_in_force(&env->ctx, date_year(v[i].pub_start))->publicity_min_days - 1;
        }
        if (v[i].pub_end != DATE_NONE && (last == DATE_NONE || v[i].pub_end > last)) {
            last = v[i].pub_end;
        }
    }
    if (env->warn != NULL && last != DATE_NONE && last < env->today) {
        char a[64];

        print_date(last, a, sizeof(a));
        sbuf_addf(env->warn, _("The publicity period ended on %s: this notice is printed after it; check that it is still the one to post."),
                  a);
        sbuf_addch(env->warn, '\n');
    }
}

static void publicity_intro(const struct print_env *env, struct doc *d,
                            const struct publicity_row *v, size_t n,
                            int elimination, const char *township)
{
    struct sbuf sb = SBUF_INIT;
    char a[64], b[64];

    sbuf_addf(&sb, elimination
              ? _("After a home check and the democratic appraisal of the village committees' "
                  "(enlarged) meeting, the risk of the %zu households below is found stably "
                  "eliminated and they are proposed to be marked as risk eliminated. ")
              : _("After application or screening, a home check and the democratic appraisal of "
                  "the village committees' (enlarged) meeting, the %zu households below are "
                  "proposed as monitoring objects. "),
              n);
    if (one_period(v, n) && v[0].pub_start != DATE_NONE && v[0].pub_end != DATE_NONE) {
        print_date(v[0].pub_start, a, sizeof(a));
        print_date(v[0].pub_end, b, sizeof(b));
        sbuf_addf(&sb, _("They are made public for %d days, from %s to %s. "),
                  v[0].pub_end - v[0].pub_start + 1, a, b);
    } else {
        sbuf_adds(&sb, _("Each household's publicity period is in the list. "));
    }
    sbuf_addf(&sb, _("Objections may be raised within the publicity period, in writing or in "
                     "person, with the village committee or the %s people's government. "
                     "Supervision hotline: %s."),
              township, env->hotline);
    doc_para(d, DOC_LEFT, 4, sb.buf);
    sbuf_release(&sb);
}

static void publicity_table(const struct print_env *env, struct doc *d,
                            const struct publicity_row *v, size_t n,
                            int elimination)
{
    struct doc_col cols[7];
    int nc = 0, period = !one_period(v, n);
    size_t i;

    cols[nc++] = (struct doc_col){_("No."), 4, DOC_RIGHT};
    cols[nc++] = (struct doc_col){_("Group"), 12, DOC_LEFT};
    cols[nc++] = (struct doc_col){_("Head of household"), 10, DOC_LEFT};
    cols[nc++] = (struct doc_col){_("Household size"), 10, DOC_RIGHT};
    cols[nc++] = (struct doc_col){_("Monitoring category"), 14, DOC_LEFT};
    if (elimination) {
        cols[nc++] = (struct doc_col){_("Elimination"), 10, DOC_LEFT};
    }
    if (period) {
        cols[nc++] = (struct doc_col){_("Publicity"), 12, DOC_LEFT};
    }
    doc_table(d, cols, nc, NULL);
    for (i = 0; i < n; i++) {
        doc_cellf(d, "%zu", i + 1);
        doc_cell(d, v[i].group);
        doc_cell(d, v[i].head);
        doc_cellf(d, "%d", v[i].members);
        doc_cell(d, code_label(env->codes, "category", v[i].category));
        if (elimination) {
            doc_cell(d, code_label(env->codes, "elim_method", v[i].elim_method));
        }
        if (period) {
            char a[DATE_BUF], b[DATE_BUF];

            date_format(v[i].pub_start, a);
            date_format(v[i].pub_end, b);
            doc_cellf(d, "%s\n%s", a, b);
        }
    }
}

int prints_publicity(const struct print_env *env, const struct print_request *r,
                     struct doc **out, int64_t **hh, size_t *nhh, struct err *e)
{
    int64_t village = r->village;
    int elimination = r->elimination;
    struct publicity_row *v = NULL;
    struct division vd;
    char tw[200], body[300];
    size_t n = 0, i;
    struct doc *d;

    if (db_division_get(env->db, village, &vd, e) < 0) {
        return -1;
    }
    if (!actor_sees(env->actor, vd.parent_id, village)) {
        return err_set(e, ERR_DENIED, _("%s is outside your scope"), vd.name);
    }
    if (db_publicity_rows(env->db, village, elimination, &v, &n, e) < 0) {
        return -1;
    }
    if (n == 0) {
        free(v);
        return err_set(e, ERR_NOTFOUND,
                       elimination ? _("no household of %s is in elimination publicity now")
                                   : _("no household of %s is in publicity now"),
                       vd.name);
    }
    print_division_name(env->db, vd.parent_id, tw, sizeof(tw));
    publicity_periods(env, v, n);
    d = doc_new(elimination ? _("Publicity of risk elimination of monitoring objects")
                            : _("Publicity of monitoring objects"));
    {
        char sub[500];

        snprintf(sub, sizeof(sub), "%s %s %s", env->county, tw, vd.name);
        doc_subtitle(d, sub);
    }
    publicity_intro(env, d, v, n, elimination, tw);
    publicity_table(env, d, v, n, elimination);
    snprintf(body, sizeof(body), _("%s village committee"), vd.name);
    print_closing(env, d, body);
    *hh = xcalloc(n, sizeof(**hh));
    for (i = 0; i < n; i++) {
        (*hh)[i] = v[i].household_id;
    }
    *nhh = n;
    free(v);
    *out = d;
    return 0;
}

/* ---- the visit worklist -------------------------------------------------- */

static struct doc *visits_doc(const struct print_env *env,
                              const struct visit_due_row *r, int until)
{
    struct doc *d = doc_new(_("Visit worklist"));
    char a[64];

    print_date(until, a, sizeof(a));
    doc_paraf(d, DOC_CENTER, 0, _("Responsible cadre: %s (%s)    visits due by %s"),
              r->cadre, r->unit, a);
    return d;
}

static void visits_table(struct doc *d)
{
    const struct doc_col cols[] = {
        {_("No."), 4, DOC_RIGHT},
        {_("Village"), 10, DOC_LEFT},
        {_("Head of household"), 8, DOC_LEFT},
        {_("Address"), 12, DOC_LEFT},
        {_("Last visit"), 10, DOC_LEFT},
        {_("Due"), 10, DOC_LEFT},
        {_("Note"), 10, DOC_LEFT},
    };

    doc_table(d, cols, ARRAY_SIZE(cols), NULL);
}

static void visits_row(const struct print_env *env, struct doc *d,
                       const struct visit_due_row *r, size_t no)
{
    char a[DATE_BUF], b[DATE_BUF];

    date_format(r->last_visit, a);
    date_format(r->due, b);
    doc_cellf(d, "%zu", no);
    doc_cell(d, r->village);
    doc_cell(d, r->head);
    doc_cell(d, r->address);
    doc_cell(d, r->last_visit == DATE_NONE ? _("never") : a);
    doc_cell(d, b);
    if (r->due < env->today) {
        doc_cellf(d, _("%d days late"), env->today - r->due);
    } else {
        doc_cell(d, "");
    }
}

int prints_visits(const struct print_env *env, const struct print_request *r,
                  struct doc ***docs, size_t *ndocs, int64_t **hh,
                  size_t *nhh, struct err *e)
{
    int64_t cadre = r->cadre;
    int days = r->days;
    struct visit_due_row *v = NULL;
    size_t n = 0, i, no = 0;
    int until = env->today + (days > 0 ? days : 0);
    int64_t last = -1;
    struct doc *d = NULL;

    *docs = NULL;
    *ndocs = 0;
    if (db_visits_due(env->db, cadre, until, &v, &n, e) < 0) {
        return -1;
    }
    *hh = xcalloc(n ? n : 1, sizeof(**hh));
    *nhh = 0;
    for (i = 0; i < n; i++) {
        if (!actor_sees(env->actor, v[i].township_id, v[i].village_id)) {
            continue;
        }
        if (v[i].cadre_id != last) {
            d = visits_doc(env, &v[i], until);
            visits_table(d);
            *docs = xrealloc(*docs, (*ndocs + 1) * sizeof(**docs));
            (*docs)[(*ndocs)++] = d;
            last = v[i].cadre_id;
            no = 0;
        }
        visits_row(env, d, &v[i], ++no);
        (*hh)[(*nhh)++] = v[i].household_id;
    }
    free(v);
    if (*ndocs == 0) {
        free(*hh);
        *hh = NULL;
        return err_set(e, ERR_NOTFOUND, "%s", _("no visit falls due in that time"));
    }
    for (i = 0; i < *ndocs; i++) {
        doc_para((*docs)[i], DOC_LEFT, 0,
                 _("Visit the households in the order of the due date; the late ones first."));
    }
    return 0;
}
