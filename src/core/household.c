/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * household.c - income arithmetic and snapshot housekeeping.
 */
#include "config.h"
#include "core/household.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/codes.h"
#include "core/date.h"
#include "core/money.h"
#include "core/need.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

int
income_compute(struct income *inc)
{
    if (inc->members < 1) {
        return -1;
    }
    inc->net = inc->wage + inc->business + inc->property + inc->transfer +
               inc->unsplit - inc->business_cost;
    inc->per_capita = money_div_round(inc->net, inc->members);
    return 0;
}

int64_t
income_per_capita_after(const struct income *inc, int64_t spending)
{
    return inc->members < 1 ? 0 : money_div_round(inc->net - spending, inc->members);
}

int
income_vs_line(int64_t pc, int64_t line)
{
    return (pc > line) - (pc < line);
}

char *
income_line_words(int64_t pc, int64_t line, char *buf, size_t n)
{
    int vs = income_vs_line(pc, line);
    char diff[MONEY_BUF];

    money_format(vs > 0 ? pc - line : line - pc, 1, diff);
    if (vs == 0) {
        snprintf(buf, n, "%s", _("at the line, so not above it"));
    } else {
        snprintf(buf, n, vs > 0 ? _("%s yuan above the line") : _("%s yuan below the line"),
                 diff);
    }
    return buf;
}

const char *
income_line_word(int64_t pc, int64_t line)
{
    return income_vs_line(pc, line) > 0 ? _("above") : _("NOT above");
}

const struct case_step *
snapshot_last_step(const struct hh_snapshot *s, enum case_action action)
{
    size_t i = s->nsteps;

    while (i-- > 0) {
        if (s->steps[i].action == action) {
            return &s->steps[i];
        }
    }
    return NULL;
}

int
snapshot_first_identified(const struct hh_snapshot *s)
{
    size_t i;

    if (s->hh.first_identified != 0) {
        return s->hh.first_identified;
    }
    for (i = 0; i < s->nsteps; i++) {
        if (s->steps[i].action == CA_COUNTY_APPROVE && s->steps[i].step_date != DATE_NONE) {
            return month_of(s->steps[i].step_date);
        }
    }
    return s->has_case && s->mcase.identified_on != DATE_NONE ? month_of(s->mcase.identified_on)
                                                              : 0;
}

int
snapshot_first_identified_at(const struct hh_snapshot *s, const struct case_step *step)
{
    int m;

    if (step->action != CA_COUNTY_APPROVE || s->hh.first_identified != 0) {
        return 0;
    }
    m = snapshot_first_identified(s);
    return m != 0 ? m : month_of(step->step_date);
}

const char *
snapshot_water(const struct hh_snapshot *s, const struct codebook *cb)
{
    const char *c;

    if (s->hh.water[0] != '\0') {
        return s->hh.water;
    }
    if (s->nguarantees == 0) {
        return "";
    }
    c = code_with_tag(cb, "water", s->guarantees[s->nguarantees - 1].water ? "secured"
                                                                          : "problem");
    return c != NULL ? c : "";
}

void
snapshot_reset(struct hh_snapshot *s)
{
    size_t i;

    for (i = 0; i < s->nsteps; i++) {
        case_step_clear(&s->steps[i]);
    }
    for (i = 0; i < s->nvisits; i++) {
        visit_clear(&s->visits[i]);
    }
    mcase_clear(&s->mcase);
    memset(&s->hh, 0, sizeof(s->hh));
    s->nmembers = s->nincomes = s->nguarantees = 0;
    s->nsteps = s->nmeasures = s->nvisits = 0;
    s->has_case = 0;
    s->ncadres = 0;
}

void
snapshot_free(struct hh_snapshot *s)
{
    snapshot_reset(s);
    free(s->members);
    free(s->incomes);
    free(s->guarantees);
    free(s->steps);
    free(s->measures);
    free(s->visits);
    memset(s, 0, sizeof(*s));
}

#define ADD(s, field, n, a) \
    xappend((void **)&(s)->field, &(s)->n, &(s)->a, sizeof(*(s)->field))

struct person *
snapshot_add_member(struct hh_snapshot *s)
{
    return ADD(s, members, nmembers, amembers);
}

struct income *
snapshot_add_income(struct hh_snapshot *s)
{
    return ADD(s, incomes, nincomes, aincomes);
}

struct guarantee *
snapshot_add_guarantee(struct hh_snapshot *s)
{
    return ADD(s, guarantees, nguarantees, aguarantees);
}

struct case_step *
snapshot_add_step(struct hh_snapshot *s)
{
    return ADD(s, steps, nsteps, asteps);
}

struct measure *
snapshot_add_measure(struct hh_snapshot *s)
{
    return ADD(s, measures, nmeasures, ameasures);
}

struct visit *
snapshot_add_visit(struct hh_snapshot *s)
{
    return ADD(s, visits, nvisits, avisits);
}

const struct income *
snapshot_income(const struct hh_snapshot *s, int year)
{
    size_t i;

    for (i = 0; i < s->nincomes; i++) {
        if (s->incomes[i].year == year) {
            return &s->incomes[i];
        }
    }
    return NULL;
}

const struct income *
snapshot_last_income(const struct hh_snapshot *s)
{
    return s->nincomes ? &s->incomes[s->nincomes - 1] : NULL;
}

const struct guarantee *
snapshot_last_guarantee(const struct hh_snapshot *s)
{
    return s->nguarantees ? &s->guarantees[s->nguarantees - 1] : NULL;
}

int
cadre_check(const struct codebook *cb, const struct cadre *c, struct err *e)
{
    if (need_text(c->name, 1, _("cadre's name"), e) ||
        need_code(cb, "cadre_kind", c->kind, 1, _("kind of responsible cadre"), e) ||
        need_text(c->unit, 1, _("cadre's unit"), e) || need_text(c->post, 0, _("post"), e) ||
        need_phone(c->phone, 1, e)) {
        return -1;
    }
    if (c->township_id == 0) {
        return err_set(e, ERR_INVALID, "%s", _("choose the township the cadre serves"));
    }
    return 0;
}

const struct guarantee *
snapshot_guarantee(const struct hh_snapshot *s, int year)
{
    size_t i;

    for (i = 0; i < s->nguarantees; i++) {
        if (s->guarantees[i].year == year) {
            return &s->guarantees[i];
        }
    }
    return NULL;
}
