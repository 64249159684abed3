/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * pair.c - the paired-assistance records: empty records, each record's own
 * rules, months, targets against actuals and the attendance rule (see
 * pair.h).  What needs other records (scope, one agreement a year, the
 * member's service, versions) is checked by db/db_pair.c in the same
 * transaction as the change.
 */
#include "config.h"
#include "core/pair.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/need.h"
#include "core/policy.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"

#define INIT_CLEAR(type, name, dates)         \
    void name##_init(struct type *x)          \
    {                                         \
        memset(x, 0, sizeof(*x));             \
        dates;                                \
    }                                         \
    void name##_clear(struct type *x)         \
    {                                         \
        free(x->note);                        \
        name##_init(x);                       \
    }

INIT_CLEAR(partner, partner, (void)0)
INIT_CLEAR(pairing, pairing, x->start = x->end = DATE_NONE)
INIT_CLEAR(agreement, agreement, x->signed_on = DATE_NONE)
INIT_CLEAR(pair_record, pair_record, x->day = DATE_NONE)
INIT_CLEAR(team, team, x->term_start = x->term_end = DATE_NONE)
INIT_CLEAR(team_member, team_member, x->start = x->end = DATE_NONE)
INIT_CLEAR(attendance, attendance, (void)0)
INIT_CLEAR(team_grade, team_grade, (void)0)

/* --- checks ----------------------------------------------------------- */

static int
need_range(int start, int end, const char *what, struct err *e)
{
    if (start != DATE_NONE && end != DATE_NONE && end < start) {
        return err_set(e, ERR_INVALID, _("the %s ends before it starts"), what);
    }
    return 0;
}

int
partner_check(const struct partner *p, const struct codebook *cb, struct err *e)
{
    return need_code(cb, "partner_kind", p->kind, 1, _("kind of assistance"), e) ||
                   need_text(p->name, 1, _("partner's name"), e) ||
                   need_code(cb, "partner_level", p->level, 1, _("partner's level"), e) ||
                   need_text(p->region, 0, _("region"), e) ||
                   need_text(p->contact, 0, _("contact person"), e) ||
                   need_text(p->phone, 0, _("phone"), e) ||
                   need_text(p->note, 0, _("note"), e)
               ? -1
               : 0;
}

int
pairing_check(const struct pairing *p, struct err *e)
{
    if (p->partner_id == 0) {
        return err_set(e, ERR_INVALID, "%s", _("choose the partner"));
    }
    if (p->village_id != 0 && p->township_id == 0) {
        return err_set(e, ERR_INVALID, "%s", _("choose the village's township"));
    }
    if (p->start == DATE_NONE) {
        return err_set(e, ERR_INVALID, "%s", _("give the date the pairing starts"));
    }
    return need_range(p->start, p->end, _("pairing"), e) || need_text(p->note, 0, _("note"), e)
               ? -1
               : 0;
}

int
agreement_check(const struct agreement *a, int today, struct err *e)
{
    if (a->partner_id == 0) {
        return err_set(e, ERR_INVALID, "%s", _("choose the partner"));
    }
    return need_year(a->year, e) || need_text(a->doc_no, 0, _("document number"), e) ||
                   need_date(a->signed_on, today, 0, _("date signed"), e) ||
                   need_text(a->note, 0, _("note"), e)
               ? -1
               : 0;
}

static int
need_value(const struct codebook *cb, const char *indicator, int64_t v,
           int positive, struct err *e)
{
    const char *what = code_label(cb, "pair_indicator", indicator);

    if (code_is(cb, "pair_indicator", indicator, "money")) {
        return need_amount(v, positive, what, e);
    }
    if (v < 0 || v > 10000000) {
        return err_set(e, ERR_INVALID, _("the %s must be a number from 0 to 10,000,000"), what);
    }
    if (positive && v == 0) {
        return err_set(e, ERR_INVALID, _("the %s must be more than 0"), what);
    }
    return 0;
}

int
target_check(const struct agreement_target *t, const struct codebook *cb,
             struct err *e)
{
    return need_code(cb, "pair_indicator", t->indicator, 1, _("indicator"), e) ||
                   need_value(cb, t->indicator, t->value, 0, e)
               ? -1
               : 0;
}

int
pair_record_check(const struct pair_record *r, const struct codebook *cb,
                  int today, struct err *e)
{
    if (r->partner_id == 0) {
        return err_set(e, ERR_INVALID, "%s", _("choose the partner"));
    }
    if (r->village_id != 0 && r->township_id == 0) {
        return err_set(e, ERR_INVALID, "%s", _("choose the village's township"));
    }
    return need_code(cb, "pair_indicator", r->indicator, 1, _("indicator"), e) ||
                   need_date(r->day, today, 1, _("date"), e) ||
                   need_value(cb, r->indicator, r->value, 1, e) ||
                   need_text(r->evidence, 1, _("evidence (document number or note)"), e) ||
                   need_text(r->note, 0, _("note"), e)
               ? -1
               : 0;
}

int
team_check(const struct team *t, struct err *e)
{
    if (t->township_id == 0 || t->village_id == 0) {
        return err_set(e, ERR_INVALID, "%s", _("choose the team's village"));
    }
    if (t->term_start == DATE_NONE) {
        return err_set(e, ERR_INVALID, "%s", _("give the date the term starts"));
    }
    return need_text(t->name, 1, _("team's name"), e) ||
                   need_text(t->sent_by, 0, _("sending unit"), e) ||
                   need_range(t->term_start, t->term_end, _("term"), e) ||
                   need_text(t->note, 0, _("note"), e)
               ? -1
               : 0;
}

int
team_member_check(const struct team_member *m, const struct codebook *cb,
                  int today, struct err *e)
{
    if (m->team_id == 0) {
        return err_set(e, ERR_INVALID, "%s", _("choose the team"));
    }
    if (need_text(m->name, 1, _("member's name"), e) ||
        need_code(cb, "team_role", m->role, 1, _("role in the team"), e) ||
        need_text(m->unit, 1, _("sending unit"), e) ||
        need_code(cb, "unit_level", m->unit_level, 1, _("level of the sending unit"), e) ||
        need_text(m->phone, 0, _("phone"), e) ||
        need_range(m->start, m->end, _("service"), e) ||
        need_date(m->end, today, 0, _("date left"), e) ||
        need_code(cb, "member_end", m->end_reason, 0, _("reason for leaving"), e) ||
        need_text(m->note, 0, _("note"), e)) {
        return -1;
    }
    if (m->start == DATE_NONE) {
        return err_set(e, ERR_INVALID, "%s", _("give the date the member arrived in the village"));
    }
    if (m->end != DATE_NONE && m->end_reason[0] == '\0') {
        return err_set(e, ERR_INVALID, "%s", _("give the reason the member left (rotation)"));
    }
    if (m->end == DATE_NONE && m->end_reason[0] != '\0') {
        return err_set(e, ERR_INVALID, "%s", _("a reason for leaving needs the date the member left"));
    }
    return 0;
}

int
attendance_check(const struct attendance *a, const struct codebook *cb,
                 const struct rules *r, int today, struct err *e)
{
    int days;

    if (a->member_id == 0) {
        return err_set(e, ERR_INVALID, "%s", _("choose the member"));
    }
    if (a->month < 2000 * 12 || a->month > 2100 * 12) {
        return err_set(e, ERR_INVALID, "%s", _("give the month as YYYY-MM, e.g. 2026-10"));
    }
    if (month_first_day(a->month) > today) {
        return err_set(e, ERR_INVALID, "%s", _("the month has not begun yet"));
    }
    days = month_last_day(a->month) - month_first_day(a->month) + 1;
    if (a->present < 0 || a->leave < 0 || a->absent < 0) {
        return err_set(e, ERR_INVALID, "%s", _("days cannot be negative"));
    }
    if (a->present + a->leave + a->absent > days) {
        return err_set(e, ERR_INVALID,
                       _("days present, on leave and absent (%d + %d + %d) exceed the %d days of the month"),
                       a->present, a->leave, a->absent, days);
    }
    if (need_code(cb, "leave_approver", a->approver_level, 0, _("who approved the leave"), e) ||
        need_text(a->approver, 0, _("who approved the leave"), e) ||
        need_text(a->note, 0, _("note"), e)) {
        return -1;
    }
    if (a->leave > 0 && (a->approver_level[0] == '\0' || a->approver[0] == '\0')) {
        return err_set(e, ERR_INVALID, "%s",
                       _("leave needs who approved it: the approving body and the person"));
    }
    if (a->leave > r->team_leave_township_max_days &&
        code_is(cb, "leave_approver", a->approver_level, "township")) {
        return err_set(e, ERR_INVALID,
                       _("leave of %d days needs the approval of the county (the township approves up to %d days)"),
                       a->leave, r->team_leave_township_max_days);
    }
    return 0;
}

int
team_grade_check(const struct team_grade *g, const struct codebook *cb,
                 struct err *e)
{
    if (g->member_id == 0) {
        return err_set(e, ERR_INVALID, "%s", _("choose the member"));
    }
    return need_year(g->year, e) ||
                   need_code(cb, "team_grade", g->grade, 1, _("grade"), e) ||
                   need_text(g->note, 0, _("note"), e)
               ? -1
               : 0;
}

/* --- targets against actuals ------------------------------------------ */

void
pair_progress(int64_t target, int64_t actual, int year, int today,
              struct pair_progress *out)
{
    int first = date_from_ymd(year, 1, 1), last = date_from_ymd(year, 12, 31);
    int64_t gone, total = (int64_t)(last - first + 1);

    memset(out, 0, sizeof(*out));
    out->target = target;
    out->actual = actual;
    out->shortfall = target > actual ? target - actual : 0;
    if (target <= 0) {
        out->status = PST_NO_TARGET;
        return;
    }
    out->rate_bp = actual * 10000 / target;
    gone = today < first ? 0 : today >= last ? total : (int64_t)(today - first + 1);
    /* target * gone / total, rounded up; target is at most ~1e12 fen and
     * gone at most 366, so the product fits. */
    out->pace = (target * gone + total - 1) / total;
    if (actual >= target) {
        out->status = PST_MET;
    } else if (today >= last) {
        out->status = PST_SHORT;
    } else {
        out->status = actual >= out->pace ? PST_ON_PACE : PST_BEHIND;
    }
}

static const char *const pair_labels[] = {
    [PST_NO_TARGET] = N_("no target"),
    [PST_MET] = N_("target met"),
    [PST_ON_PACE] = N_("on pace"),
    [PST_BEHIND] = N_("behind pace"),
    [PST_SHORT] = N_("missed"),
};

const char *
pair_status_label(enum pair_status s)
{
    return i18n_pick(pair_labels, ARRAY_SIZE(pair_labels), s);
}

/* --- the attendance rule ----------------------------------------------- */

void
att_judge(const struct attendance *a, const struct team_member *m,
          const struct rules *r, struct att_judgement *out)
{
    int first = month_first_day(a->month), last = month_last_day(a->month);
    int from = first, to = last, days = last - first + 1, served;

    if (m != NULL && m->start != DATE_NONE && m->start > from) {
        from = m->start;
    }
    if (m != NULL && m->end != DATE_NONE && m->end < to) {
        to = m->end;
    }
    served = to >= from ? to - from + 1 : 0;
    out->required = (r->team_min_days_month * served + days - 1) / days;
    out->flags = 0;
    if (a->present < out->required) {
        out->flags |= AF_DAYS_SHORT;
    }
    if (a->absent > 0) {
        out->flags |= AF_ABSENT;
    }
}

const char *
grade_ceiling(const struct rules *r, int absences)
{
    if (absences >= r->team_absences_incompetent) {
        return "incompetent";
    }
    if (absences >= r->team_absences_basic) {
        return "basic";
    }
    if (absences >= r->team_absences_not_excellent) {
        return "competent";
    }
    return "excellent";
}

int
grade_within(const struct codebook *cb, const char *g, const char *ceiling)
{
    const struct code_table *t = codebook_table(cb, "team_grade");
    size_t i, at = (size_t)-1, cap = (size_t)-1;

    if (t == NULL) {
        return 0;
    }
    for (i = 0; i < t->n; i++) {
        if (strcmp(t->v[i].code, g) == 0) {
            at = i;
        }
        if (code_has_tag(&t->v[i], ceiling)) {
            cap = i;
        }
    }
    return at != (size_t)-1 && cap != (size_t)-1 && at >= cap;
}

int
team_day(const struct team *t, int today)
{
    if (t->term_end != DATE_NONE && today > t->term_end) {
        return t->term_end;
    }
    return today < t->term_start ? t->term_start : today;
}
