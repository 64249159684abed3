/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * prints_pair.c - the paired-assistance prints (domain.md 8): a partner's
 * targets against actuals for a year with the year's records of arrivals
 * (帮扶单位年度目标任务完成情况表), and a resident team's monthly
 * attendance (驻村工作队员月度在岗情况表), one sheet per team.  Both are
 * internal documents: the attendance sheet names the members, nothing
 * else of them (no phone).  Money is added in fen, so a total is exactly
 * the sum of its rows; counts are whole numbers of persons, items or
 * person-times.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/codes.h"
#include "core/date.h"
#include "core/doc.h"
#include "core/money.h"
#include "core/pair.h"
#include "core/policy.h"
#include "core/role.h"
#include "core/rules.h"
#include "db/db_pair.h"
#include "print/print.h"
#include "print/prints.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

/* ---- shared ------------------------------------------------------------ */

static int is_money(const struct print_env *env, const char *indicator)
{
    return code_is(env->codes, "pair_indicator", indicator, "money");
}

/* The unit of INDICATOR as printed: 元, 人, 个 or 人次. */
static const char *unit_of(const struct print_env *env, const char *indicator)
{
    if (is_money(env, indicator)) {
        return _("yuan (unit)");
    }
    if (code_is(env->codes, "pair_indicator", indicator, "items")) {
        return _("items (unit)");
    }
    if (code_is(env->codes, "pair_indicator", indicator, "times")) {
        return _("person-times (unit)");
    }
    return _("persons (unit)");
}

/* VALUE of INDICATOR: an amount in yuan to the fen, or a count. */
static void value_text(const struct print_env *env, const char *indicator,
                       int64_t value, char *buf, size_t n)
{
    char m[MONEY_BUF];

    if (is_money(env, indicator)) {
        money_format(value, 1, m);
    } else {
        money_group_int(value, m);
    }
    snprintf(buf, n, "%s", m);
}

/* "85.3%" of basis points BP. */
static void rate_text(int64_t bp, char *buf, size_t n)
{
    snprintf(buf, n, "%lld.%lld%%", (long long)(bp / 100), (long long)(bp % 100 / 10));
}

/* ---- the partner's targets against actuals ---------------------------- */

/* What the partner's sheet is made of. */
struct psheet {
    struct partner p;
    struct pairing_row *pairs;
    size_t npairs;
    struct agreement_full a;      /* a.a.id 0: no agreement that year */
    struct progress_row *prog;
    size_t nprog;
    struct record_row *recs;      /* newest first */
    size_t nrecs;
};

static void psheet_clear(struct psheet *s)
{
    partner_clear(&s->p);
    free(s->pairs);
    agreement_full_clear(&s->a);
    free(s->prog);
    free(s->recs);
}

/* The agreement of the year, when there is one. */
static int psheet_agreement(const struct print_env *env, int year,
                            struct psheet *s, struct err *e)
{
    struct err none;
    int64_t id = 0;

    err_clear(&none);
    if (db_agreement_find(env->db, s->p.id, year, &id, &none) < 0) {
        if (none.code == ERR_NOTFOUND) {
            return 0;
        }
        *e = none;
        return -1;
    }
    return db_agreement_get(env->db, id, &s->a, e);
}

static int psheet_load(const struct print_env *env, const struct print_request *r,
                       struct psheet *s, struct err *e)
{
    struct pair_filter f;

    if (db_partner_get(env->db, r->partner, &s->p, e) < 0 ||
        db_pairing_list(env->db, s->p.id, &s->pairs, &s->npairs, e) < 0 ||
        psheet_agreement(env, r->year, s, e) < 0 ||
        db_pair_progress(env->db, &env->ctx, s->p.id, r->year, &s->prog, &s->nprog, e) < 0) {
        return -1;
    }
    pair_filter_init(&f);
    f.year = r->year;
    f.partner_id = s->p.id;
    if (db_pair_record_list(env->db, env->actor, &f, &s->recs, &s->nrecs, e) < 0) {
        return -1;
    }
    if (s->a.a.id == 0 && s->nprog == 0) {
        return err_set(e, ERR_NOTFOUND, _("%s has neither an agreement nor records in %d"),
                       s->p.name, r->year);
    }
    return 0;
}

/* "金茶镇/清永村（2025年1月1日起）；全县（...）" */
static void pairings_text(const struct psheet *s, struct sbuf *sb)
{
    size_t i;

    for (i = 0; i < s->npairs; i++) {
        const struct pairing *g = &s->pairs[i].p;
        const char *place = s->pairs[i].place[0] ? s->pairs[i].place : _("the whole county");
        char when[160], day[64];

        if (g->end == DATE_NONE) {
            print_date(g->start, day, sizeof(day));
            snprintf(when, sizeof(when), _("from %s"), day);
        } else {
            print_period(g->start, g->end, when, sizeof(when));
        }
        if (sb->len) {
            sbuf_adds(sb, _("; "));
        }
        sbuf_addf(sb, _("%s (%s)"), place, when);
    }
}

static void partner_fields(const struct print_env *env, struct doc *d,
                           const struct psheet *s)
{
    struct sbuf sb = SBUF_INIT;
    char day[64];

    doc_fields(d, 2);
    doc_field(d, _("Partner: "), s->p.name);
    doc_field(d, _("Kind of assistance: "), code_label(env->codes, "partner_kind", s->p.kind));
    doc_field(d, _("Partner's level: "), code_label(env->codes, "partner_level", s->p.level));
    doc_field(d, _("Region: "), print_or_dash(s->p.region));
    if (s->a.a.id != 0) {
        doc_field(d, _("Agreement number: "), print_or_dash(s->a.a.doc_no));
        print_date(s->a.a.signed_on, day, sizeof(day));
        doc_field(d, _("Signed on: "), day);
    } else {
        doc_field(d, _("Agreement number: "), _("no agreement this year"));
    }
    doc_fields(d, 1);
    pairings_text(s, &sb);
    doc_field(d, _("Paired with: "), sb.len ? sb.buf : _("none"));
    sbuf_release(&sb);
}

static void progress_cells(const struct print_env *env, struct doc *d,
                           const char *label, const char *indicator,
                           const struct pair_progress *p)
{
    char buf[64];

    doc_cell(d, label);
    doc_cell(d, unit_of(env, indicator));
    if (p->status == PST_NO_TARGET) {
        doc_cell(d, "-");
    } else {
        value_text(env, indicator, p->target, buf, sizeof(buf));
        doc_cell(d, buf);
    }
    value_text(env, indicator, p->actual, buf, sizeof(buf));
    doc_cell(d, buf);
    if (p->status == PST_NO_TARGET) {
        doc_cell(d, "-");
        doc_cell(d, pair_status_label(p->status));
        return;
    }
    value_text(env, indicator, p->shortfall, buf, sizeof(buf));
    doc_cell(d, buf);
    rate_text(p->rate_bp, buf, sizeof(buf));
    doc_cellf(d, "%s\n%s", buf, pair_status_label(p->status));
}

/* The table of targets against actuals (the rate above the status, so
 * that amounts of hundreds of millions fit), with the assistance funds
 * (the indicators tagged aid) added up in a last row. */
static void progress_table(const struct print_env *env, struct doc *d,
                           const struct psheet *s, int year)
{
    const struct doc_col cols[] = {
        {_("Indicator"), 10, DOC_LEFT},
        {_("Unit of measure"), 4, DOC_LEFT},
        {_("Target"), 14, DOC_RIGHT},
        {_("Actual"), 14, DOC_RIGHT},
        {_("Shortfall"), 14, DOC_RIGHT},
        {_("Rate\nStatus"), 8, DOC_RIGHT},
    };
    int64_t target = 0, actual = 0;
    const char *money = NULL;
    struct pair_progress sum;
    size_t i, naid = 0;

    doc_table(d, cols, ARRAY_SIZE(cols), _("none"));
    for (i = 0; i < s->nprog; i++) {
        const char *ind = s->prog[i].indicator;

        progress_cells(env, d, code_short(env->codes, "pair_indicator", ind), ind,
                       &s->prog[i].p);
        if (code_is(env->codes, "pair_indicator", ind, "aid")) {
            target += s->prog[i].p.target;
            actual += s->prog[i].p.actual;
            money = ind;
            naid++;
        }
    }
    if (naid > 1) {
        pair_progress(target, actual, year, env->today, &sum);
        progress_cells(env, d, _("Assistance funds total"), money, &sum);
    }
}

/* How the statuses are judged, on today's date. */
static void progress_note(const struct print_env *env, struct doc *d, int year)
{
    int first = date_from_ymd(year, 1, 1), last = date_from_ymd(year, 12, 31);
    char day[64];

    print_date(env->today, day, sizeof(day));
    if (env->today >= last) {
        doc_para(d, DOC_LEFT, 4,
                 _("The year is over: a target not reached is missed. The rate is the actual "
                   "over the target; the shortfall is what the target still lacks."));
    } else if (env->today >= first) {
        doc_paraf(d, DOC_LEFT, 4,
                  _("As of %s, %d%% of the year has passed: a target is on pace when the "
                    "actual reaches that share of it, else behind pace. The rate is the "
                    "actual over the target; the shortfall is what the target still lacks."),
                  day, (int)((int64_t)(env->today - first + 1) * 100 / (last - first + 1)));
    }
}

static void records_table(const struct print_env *env, struct doc *d,
                          const struct psheet *s)
{
    const struct doc_col cols[] = {
        {_("Date"), 10, DOC_LEFT},
        {_("Indicator"), 10, DOC_LEFT},
        {_("Amount or number"), 14, DOC_RIGHT},
        {_("Evidence"), 18, DOC_LEFT},
        {_("Place arrived"), 16, DOC_LEFT},
    };
    int64_t money = 0, aid = 0;
    char a[MONEY_BUF], b[MONEY_BUF];
    size_t i;

    doc_table(d, cols, ARRAY_SIZE(cols), _("none"));
    for (i = s->nrecs; i-- > 0;) {
        const struct pair_record *r = &s->recs[i].r;
        char day[DATE_BUF], v[64];

        date_format(r->day, day);
        doc_cell(d, day);
        doc_cell(d, code_short(env->codes, "pair_indicator", r->indicator));
        value_text(env, r->indicator, r->value, v, sizeof(v));
        doc_cellf(d, "%s%s", v, unit_of(env, r->indicator));
        doc_cell(d, r->evidence);
        doc_cell(d, s->recs[i].place[0] ? s->recs[i].place : _("the whole county"));
        if (is_money(env, r->indicator)) {
            money += r->value;
        }
        if (code_is(env->codes, "pair_indicator", r->indicator, "aid")) {
            aid += r->value;
        }
    }
    money_format(money, 1, a);
    money_format(aid, 1, b);
    doc_paraf(d, DOC_LEFT, 0,
              _("%zu records; money arrived %s yuan, of it assistance funds %s yuan."),
              s->nrecs, a, b);
}

static struct doc *partner_doc(const struct print_env *env, const struct psheet *s,
                               int year)
{
    struct doc *d = doc_new(_("Completion of the partner's yearly targets"));
    const char *sign[2];
    char sub[64];

    doc_subtitle(d, env->county);
    snprintf(sub, sizeof(sub), _("Year %d"), year);
    doc_subtitle(d, sub);
    partner_fields(env, d, s);
    doc_heading(d, _("1. Targets and actuals"));
    progress_table(env, d, s, year);
    progress_note(env, d, year);
    doc_heading(d, _("2. Records of the year"));
    records_table(env, d, s);
    sign[0] = _("Reporting unit (seal): ");
    sign[1] = _("Checked by (signature): ");
    doc_sign(d, sign, 2, 1);
    return d;
}

int prints_partner(const struct print_env *env, const struct print_request *r,
                   struct doc **out, int64_t **ids, size_t *nids,
                   struct err *e)
{
    struct psheet s;
    int rc;

    memset(&s, 0, sizeof(s));
    partner_init(&s.p);
    agreement_init(&s.a.a);
    if (r->year == 0) {
        return err_set(e, ERR_INVALID, "%s", _("give the year of the targets"));
    }
    rc = psheet_load(env, r, &s, e);
    if (rc == 0) {
        *out = partner_doc(env, &s, r->year);
        *ids = xcalloc(1, sizeof(**ids));
        (*ids)[0] = s.p.id;
        *nids = 1;
    }
    psheet_clear(&s);
    return rc;
}

/* ---- the team's monthly attendance ---------------------------------------- */

/* One member on the sheet: the month's record (NULL: none) and what the
 * rule says of it. */
struct aline {
    const struct team_member *m;
    const struct attendance_row *a;
    struct att_judgement j;
};

/* 1 when M served some day of MONTH. */
static int served_in(const struct team_member *m, int month)
{
    return m->start <= month_last_day(month) &&
           (m->end == DATE_NONE || m->end >= month_first_day(month));
}

static void name_cell(const struct print_env *env, struct doc *d,
                      const struct team_member *m, int month)
{
    struct sbuf sb = SBUF_INIT;
    int y, mo, dd;

    sbuf_addf(&sb, "%s\n%s", m->name, code_short(env->codes, "team_role", m->role));
    if (m->start > month_first_day(month)) {
        date_to_ymd(m->start, &y, &mo, &dd);
        sbuf_addch(&sb, '\n');
        sbuf_addf(&sb, _("arrived on the %d"), dd);
    }
    if (m->end != DATE_NONE && m->end < month_last_day(month)) {
        date_to_ymd(m->end, &y, &mo, &dd);
        sbuf_addch(&sb, '\n');
        sbuf_addf(&sb, _("left on the %d"), dd);
    }
    doc_cell(d, sb.buf);
    sbuf_release(&sb);
}

static void status_cell(struct doc *d, const struct aline *l)
{
    struct sbuf sb = SBUF_INIT;

    if (l->a == NULL) {
        sbuf_adds(&sb, _("not reported"));
    } else if (l->j.flags == 0) {
        sbuf_adds(&sb, _("meets the rule"));
    }
    if (l->a != NULL && (l->j.flags & AF_DAYS_SHORT)) {
        sbuf_addf(&sb, _("fewer than %d days in the village"), l->j.required);
    }
    if (l->a != NULL && (l->j.flags & AF_ABSENT)) {
        if (sb.len) {
            sbuf_addch(&sb, '\n');
        }
        sbuf_addf(&sb, _("%d days absent without leave"), l->a->a.absent);
    }
    doc_cell(d, sb.buf);
    sbuf_release(&sb);
}

static void aline_cells(const struct print_env *env, struct doc *d,
                        const struct aline *l, int month)
{
    const struct attendance *a = l->a ? &l->a->a : NULL;

    name_cell(env, d, l->m, month);
    doc_cell(d, l->m->unit);
    if (a != NULL) {
        doc_cellf(d, "%d", a->present);
    } else {
        doc_cell(d, "-");
    }
    doc_cellf(d, "%d", l->j.required);
    if (a != NULL) {
        doc_cellf(d, "%d", a->leave);
    } else {
        doc_cell(d, "-");
    }
    if (a != NULL && a->leave > 0) {
        doc_cellf(d, "%s\n%s", a->approver,
                  code_short(env->codes, "leave_approver", a->approver_level));
    } else {
        doc_cell(d, "-");
    }
    if (a != NULL) {
        doc_cellf(d, "%d", a->absent);
    } else {
        doc_cell(d, "-");
    }
    status_cell(d, l);
}

static void attendance_table(const struct print_env *env, struct doc *d,
                             const struct aline *v, size_t n, int month)
{
    const struct doc_col cols[] = {
        {_("Name\nRole"), 8, DOC_LEFT},
        {_("Sending unit"), 12, DOC_LEFT},
        {_("Days\npresent"), 4, DOC_RIGHT},
        {_("Days\nrequired"), 6, DOC_RIGHT},
        {_("Days\nleave"), 4, DOC_RIGHT},
        {_("Leave approved by"), 12, DOC_LEFT},
        {_("Days\nabsent"), 4, DOC_RIGHT},
        {_("Meets the rule"), 12, DOC_LEFT},
    };
    size_t i;

    doc_table(d, cols, ARRAY_SIZE(cols), _("none"));
    for (i = 0; i < n; i++) {
        aline_cells(env, d, &v[i], month);
    }
}

static void team_fields(const struct print_env *env, struct doc *d,
                        const struct team_row *t)
{
    char buf[200], day[64];

    (void)env;
    doc_fields(d, 2);
    doc_field(d, _("Work team: "), t->t.name);
    doc_field(d, _("Village: "), t->place);
    doc_field(d, _("Sent by: "), print_or_dash(t->t.sent_by));
    if (t->t.term_end != DATE_NONE) {
        print_period(t->t.term_start, t->t.term_end, buf, sizeof(buf));
    } else {
        print_date(t->t.term_start, day, sizeof(day));
        snprintf(buf, sizeof(buf), _("from %s"), day);
    }
    doc_field(d, _("Term: "), buf);
}

static struct doc *attendance_doc(const struct print_env *env,
                                  const struct team_row *t,
                                  const struct aline *v, size_t n, int month)
{
    struct doc *d = doc_new(_("Monthly attendance of the resident work team"));
    const struct rules *rl = rules_in_force(&env->ctx, month / 12);
    const char *sign[2];
    size_t i, broken = 0, missing = 0;
    char sub[64];

    doc_subtitle(d, env->county);
    snprintf(sub, sizeof(sub), _("%d-%d (year and month)"), month / 12, month % 12 + 1);
    doc_subtitle(d, sub);
    team_fields(env, d, t);
    attendance_table(env, d, v, n, month);
    for (i = 0; i < n; i++) {
        broken += v[i].a != NULL && v[i].j.flags != 0;
        missing += v[i].a == NULL;
    }
    doc_paraf(d, DOC_LEFT, 4,
              _("%zu members served this month; %zu broke the rule (at least %d days a month "
                "in the village, fewer when serving part of the month; no absence without "
                "leave)."),
              n, broken, rl->team_min_days_month);
    if (missing > 0) {
        doc_paraf(d, DOC_LEFT, 4, _("%zu members have no attendance recorded for the month."),
                  missing);
    }
    sign[0] = _("Work team leader (signature): ");
    sign[1] = _("Township party committee review (seal): ");
    doc_sign(d, sign, 2, 1);
    return d;
}

/* The sheet of team T for MONTH, or NULL when no member served then;
 * the members shown are added to IDS. */
static int team_sheet(const struct print_env *env, const struct team_row *t,
                      int month, struct doc **out, int64_t **ids, size_t *nids,
                      size_t *aids, struct err *e)
{
    const struct rules *rl = rules_in_force(&env->ctx, month / 12);
    struct team_member *m = NULL;
    struct attendance_row *a = NULL;
    struct pair_filter f;
    struct aline *v;
    size_t nm = 0, na = 0, n = 0, i, k;

    *out = NULL;
    pair_filter_init(&f);
    f.month = month;
    if (db_member_list(env->db, t->t.id, &m, &nm, e) < 0 ||
        db_attendance_list(env->db, &env->ctx, env->actor, &f, t->t.id, &a, &na, e) < 0) {
        free(m);
        return -1;
    }
    v = xcalloc(nm + 1, sizeof(*v));
    for (i = 0; i < nm; i++) {
        struct attendance none;

        if (!served_in(&m[i], month)) {
            continue;
        }
        v[n].m = &m[i];
        for (k = 0; k < na && a[k].a.member_id != m[i].id; k++) {
        }
        v[n].a = k < na ? &a[k] : NULL;
        attendance_init(&none);
        none.month = month;
        att_judge(v[n].a ? &v[n].a->a : &none, &m[i], rl, &v[n].j);
        *ids = xgrow(*ids, aids, *nids + 1, sizeof(**ids));
        (*ids)[(*nids)++] = m[i].id;
        n++;
    }
    if (n > 0) {
        *out = attendance_doc(env, t, v, n, month);
    }
    for (i = 0; i < nm; i++) {
        team_member_clear(&m[i]);
    }
    free(m);
    free(a);
    free(v);
    return 0;
}

/* The teams R asks for: one (in the account's scope), or those of a place
 * whose term covers some day of R->month. */
static int teams_of(const struct print_env *env, const struct print_request *r,
                    struct team_row **v, size_t *n, struct err *e)
{
    struct pair_filter f;
    size_t i, k = 0;
    int rc;

    pair_filter_init(&f);
    if (r->team != 0) {
        struct team t;

        team_init(&t);
        if (db_team_get(env->db, r->team, &t, e) < 0) {
            return -1;
        }
        f.village_id = t.village_id;
        rc = actor_sees(env->actor, t.township_id, t.village_id)
                 ? 0
                 : err_set(e, ERR_DENIED, _("%s is outside your scope"), t.name);
        team_clear(&t);
        if (rc < 0) {
            return -1;
        }
    } else {
        f.township_id = r->township;
        f.village_id = r->village;
    }
    if (db_team_list(env->db, &env->ctx, env->actor, &f, v, n, e) < 0) {
        return -1;
    }
    for (i = 0; i < *n; i++) {
        const struct team *t = &(*v)[i].t;

        if ((r->team == 0 || t->id == r->team) &&
            t->term_start <= month_last_day(r->month) &&
            (t->term_end == DATE_NONE || t->term_end >= month_first_day(r->month))) {
            (*v)[k++] = (*v)[i];
        }
    }
    *n = k;
    return 0;
}

int prints_attendance(const struct print_env *env,
                      const struct print_request *r, struct doc ***docs,
                      size_t *ndocs, int64_t **ids, size_t *nids,
                      struct err *e)
{
    struct team_row *t = NULL;
    size_t nt = 0, i, aids = 0, adocs = 0;
    int rc;

    if (r->month == 0) {
        return err_set(e, ERR_INVALID, "%s", _("give the month, as YYYY-MM"));
    }
    rc = teams_of(env, r, &t, &nt, e);
    for (i = 0; rc == 0 && i < nt; i++) {
        struct doc *d;

        rc = team_sheet(env, &t[i], r->month, &d, ids, nids, &aids, e);
        if (rc == 0 && d != NULL) {
            *docs = xgrow(*docs, &adocs, *ndocs + 1, sizeof(**docs));
            (*docs)[(*ndocs)++] = d;
        }
    }
    if (rc == 0 && *ndocs == 0) {
        char m[MONTH_BUF];

        month_format(r->month, m);
        rc = err_set(e, ERR_NOTFOUND, _("no resident team member served there in %s"), m);
    }
    if (rc < 0) {
        print_docs_free(*docs, *ndocs);
        free(*ids);
        *docs = NULL;
        *ids = NULL;
        *ndocs = *nids = 0;
    }
    free(t);
    return rc;
}

void pair_name_parts(const struct print_env *env,
                     const struct print_request *r, struct sbuf *sb)
{
    char m[MONTH_BUF], buf[200];
    struct partner p;
    struct team t;

    if (r->kind == PK_PARTNER) {
        partner_init(&p);
        if (db_partner_get(env->db, r->partner, &p, NULL) == 0) {
            sbuf_addf(sb, "-%s", p.name);
        }
        partner_clear(&p);
        sbuf_addf(sb, "-%d", r->year);
        return;
    }
    team_init(&t);
    if (r->team != 0 && db_team_get(env->db, r->team, &t, NULL) == 0) {
        sbuf_addf(sb, "-%s", t.name);
    } else if (r->village != 0 || r->township != 0) {
        sbuf_addf(sb, "-%s", print_division_name(env->db, r->village ? r->village : r->township,
                                                 buf, sizeof(buf)));
    }
    team_clear(&t);
    month_format(r->month, m);
    sbuf_addf(sb, "-%s", m);
}
