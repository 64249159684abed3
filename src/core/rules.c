/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * rules.c - consistency rules, elimination criteria and the procedure.
 *
 * Rules never name a code of a code table; they ask whether a code
 * carries a tag defined in share/codes.conf ("labour", "development",
 * "risk" tags "water", "housing", "work_unstable" ...).  Every number
 * comes from struct rules (share/policy/rules.conf).
 */
#include "config.h"
#include "core/rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/money.h"
#include "core/need.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

const struct codebook *
rule_codes(const struct rule_ctx *ctx)
{
    return &ctx->policy->codes;
}

int
hh_has_labour(const struct codebook *cb, const struct hh_snapshot *s)
{
    size_t i;

    for (i = 0; i < s->nmembers; i++) {
        if (code_is(cb, "labour", s->members[i].labour, "labour")) {
            return 1;
        }
    }
    return 0;
}

int
hh_has_dev_measure(const struct codebook *cb, const struct hh_snapshot *s,
                   int day)
{
    int from = s->has_case && s->mcase.identified_on != DATE_NONE ? s->mcase.identified_on
                                                                  : DATE_NONE;
    size_t i;

    for (i = 0; i < s->nmeasures; i++) {
        const struct measure *m = &s->measures[i];

        if (m->start != DATE_NONE && m->start <= day && m->start >= from &&
            code_is(cb, "measure_category", m->category, "development")) {
            return 1;
        }
    }
    return 0;
}

/* 1 when a measure of a category tagged TAG is in effect on DAY: started
 * on or before it and not ended before it. */
static int
has_measure_on(const struct codebook *cb, const struct hh_snapshot *s,
               const char *tag, int day)
{
    size_t i;

    for (i = 0; i < s->nmeasures; i++) {
        const struct measure *m = &s->measures[i];

        if (m->start != DATE_NONE && m->start <= day &&
            (m->end == DATE_NONE || m->end >= day) &&
            code_is(cb, "measure_category", m->category, tag)) {
            return 1;
        }
    }
    return 0;
}

/* 1 when a measure of a category tagged TAG exists. */
static int
has_measure_tag(const struct codebook *cb, const struct hh_snapshot *s,
                const char *tag)
{
    size_t i;

    for (i = 0; i < s->nmeasures; i++) {
        if (code_is(cb, "measure_category", s->measures[i].category, tag)) {
            return 1;
        }
    }
    return 0;
}

/* 1 when the case has a risk of a code tagged TAG. */
static int
has_risk_tag(const struct codebook *cb, const struct mcase *c,
             const char *tag)
{
    int i;

    for (i = 0; i < c->nrisks; i++) {
        if (code_is(cb, "risk", c->risks[i], tag)) {
            return 1;
        }
    }
    return 0;
}

const struct rules *
rules_in_force(const struct rule_ctx *ctx, int year)
{
    static const struct rules none;
    const struct rules *r = policy_rules(ctx->policy, ctx->province, year);

    return r != NULL ? r : &none;
}

const struct rules *
rules_needed(const struct rule_ctx *ctx, int year, struct err *e)
{
    const struct rules *r = policy_rules(ctx->policy, ctx->province, year);

    if (r == NULL) {
        err_set(e, ERR_CONFIG,
                _("rules.conf has no rules for %d (province %s): add them to the policy files first"),
                year, ctx->province);
    }
    return r;
}

/* The rules in force on DAY: every check judges a step by the rules of
 * the date of that step, not by today's (a rule of 2026 does not judge a
 * publicity of 2024); checks of what is due now use today. */
static const struct rules *
rules_on(const struct rule_ctx *ctx, int day)
{
    return rules_in_force(ctx, date_year(day));
}

/* --- members ------------------------------------------------------- */

static void
check_member_id(const struct rule_ctx *ctx, const struct hh_snapshot *s,
                const struct person *p, struct findings *f)
{
    struct idno id;
    enum idno_status st;
    char want[2] = {0, 0};

    if (!code_is(rule_codes(ctx), "id_type", p->id_type, "resident_id") ||
        p->id_no[0] == '\0') {
        return;
    }
    st = idno_parse(p->id_no, ctx->today, &id);
    if (st != IDNO_OK) {
        findings_add(f, "ID01", s->hh.id, _("member %s: %s"), p->name,
                     idno_status_message(st));
        return;
    }
    want[0] = (char)('0' + id.sex);
    if (p->sex[0] != '\0' && strcmp(p->sex, want) != 0) {
        findings_add(f, "ID02", s->hh.id,
                     _("member %s: the ID number says %s, the record says %s; correct the one that is wrong"),
                     p->name, code_label(rule_codes(ctx), "sex", want),
                     code_label(rule_codes(ctx), "sex", p->sex));
    }
    if (p->birth != DATE_NONE && p->birth != id.birth) {
        char a[DATE_BUF], b[DATE_BUF];

        date_format(id.birth, a);
        date_format(p->birth, b);
        findings_add(f, "ID03", s->hh.id,
                     _("member %s: the ID number says born %s, the record says %s; correct the one that is wrong"),
                     p->name, a, b);
    }
}

static void
check_members(const struct rule_ctx *ctx, const struct hh_snapshot *s,
              struct findings *f)
{
    size_t i, heads = 0;

    for (i = 0; i < s->nmembers; i++) {
        check_member_id(ctx, s, &s->members[i], f);
        heads += code_is(rule_codes(ctx), "relation", s->members[i].relation,
                         "head");
    }
    if (s->nmembers > 0 && heads != 1) {
        findings_add(f, "HH01", s->hh.id,
                     _("the household has %zu heads; mark exactly one member as head of household"),
                     heads);
    }
}

/* --- labour and category ----------------------------------------- */

static void
check_labour(const struct rule_ctx *ctx, const struct hh_snapshot *s,
             struct findings *f)
{
    int labour = hh_has_labour(rule_codes(ctx), s);
    int open = s->has_case && (case_state_monitored(s->mcase.state) ||
                               case_state_in_procedure(s->mcase.state));

    if (s->nmembers > 0 && !labour && !s->hh.no_labour_support && open) {
        findings_add(f, "HH02", s->hh.id, "%s",
                     _("no member can work: mark the household as without labour (整户无劳动能力兜底保障户) and give it safety-net measures"));
    }
    if (labour && s->hh.no_labour_support) {
        findings_add(f, "HH03", s->hh.id, "%s",
                     _("the household is marked as without labour but a member can work; correct the mark or the member's labour ability"));
    }
}

/* 1 when CATEGORY fits household type HH_TYPE (codes.conf tags). */
static int
category_fits(const struct codebook *cb, const char *category,
              const char *hh_type)
{
    int former = code_is(cb, "hh_type", hh_type, "former_poor");

    if (code_is(cb, "category", category, "former_poor_only")) {
        return former;
    }
    if (code_is(cb, "category", category, "ordinary_only")) {
        return !former;
    }
    return 1;
}

/* --- case ------------------------------------------------------- */

static void
check_risks(const struct rule_ctx *ctx, const struct hh_snapshot *s,
            struct findings *f)
{
    const struct codebook *cb = rule_codes(ctx);
    const struct mcase *c = &s->mcase;
    const struct guarantee *g = snapshot_last_guarantee(s);
    size_t i;
    int works = 0;

    if (c->nrisks == 0) {
        findings_add(f, "RK01", s->hh.id, "%s",
                     _("a monitoring object needs at least one risk type; add the risk that brought it into monitoring"));
    }
    if (has_risk_tag(cb, c, "work_unstable")) {
        for (i = 0; i < s->nmembers; i++) {
            works |= s->members[i].work_months > 0;
        }
        if (!hh_has_labour(cb, s)) {
            findings_add(f, "RK02", s->hh.id, "%s",
                         _("the risk is unstable work but no member can work; correct the risk or the members' labour ability"));
        } else if (!works) {
            findings_add(f, "RK03", s->hh.id, "%s",
                         _("the risk is unstable work but no member has months of work recorded; record the work or correct the risk"));
        }
    }
    if (g != NULL && !g->water && !has_risk_tag(cb, c, "water")) {
        findings_add(f, "RK04", s->hh.id, "%s",
                     _("drinking water is unsafe but no drinking-water risk is recorded; add the risk"));
    }
    if (has_risk_tag(cb, c, "water") && !has_measure_tag(cb, s, "water")) {
        findings_add(f, "RK05", s->hh.id, "%s",
                     _("there is a drinking-water risk but no drinking-water measure; add the measure"));
    }
    if (has_risk_tag(cb, c, "housing") && !has_measure_tag(cb, s, "housing") &&
        !has_measure_tag(cb, s, "relocation")) {
        findings_add(f, "RK06", s->hh.id, "%s",
                     _("there is a housing risk but no housing-safety or relocation measure; add the measure"));
    }
}

/* Findings about an elimination on DAY with METHOD, limited to the
 * criteria that can be judged after the fact (EL01-EL04). */
static void
check_elim_timing(const struct rule_ctx *ctx, const struct hh_snapshot *s,
                  int day, const char *method, struct findings *f)
{
    const struct rules *r = rules_on(ctx, day);
    const struct codebook *cb = rule_codes(ctx);
    int ident = s->mcase.identified_on;
    int assisted = code_is(cb, "elim_method", method, "assisted");

    if (ident != DATE_NONE && date_months_between(ident, day) < r->elim_min_months) {
        findings_add(f, "EL01", s->hh.id,
                     _("only %d months since identification; risk may be eliminated after at least %d months"),
                     date_months_between(ident, day), r->elim_min_months);
    }
    if (assisted && !hh_has_dev_measure(cb, s, day)) {
        findings_add(f, "EL02", s->hh.id, "%s",
                     _("elimination through assistance needs a development measure (industry, employment, finance or public job) carried out; add it or choose natural elimination"));
    }
    if (!r->no_labour_elimination && !hh_has_labour(cb, s)) {
        findings_add(f, "EL03", s->hh.id, "%s",
                     _("a household without labour stays monitored after safety-net measures; it may not be marked as eliminated"));
    }
    if (assisted && ident != DATE_NONE &&
        month_of(day) - month_of(ident) < r->assist_elim_min_months) {
        findings_add(f, "EL04", s->hh.id, "%s",
                     _("elimination through assistance in the month of identification or the next is not credible; check the dates"));
    }
}

/* PR04: the reasoned reply to a rejected applicant not recorded by its
 * deadline (working days from the home check, domain.md 4.4). */
static void
check_reply(const struct rule_ctx *ctx, const struct hh_snapshot *s,
            struct findings *f)
{
    const struct mcase *c = &s->mcase;
    char d[DATE_BUF];

    if (c->state != CS_REJECTED || c->deadline == DATE_NONE || c->deadline >= ctx->today ||
        snapshot_last_step(s, CA_REPLY) != NULL) {
        return;
    }
    date_format(c->deadline, d);
    findings_add(f, "PR04", s->hh.id,
                 _("the reasoned reply to the rejected applicant was due on %s; tell the household and record the reply"),
                 d);
}

static void
check_procedure(const struct rule_ctx *ctx, const struct hh_snapshot *s,
                struct findings *f)
{
    const struct mcase *c = &s->mcase;
    size_t i;

    if (case_state_in_procedure(c->state) && c->deadline != DATE_NONE &&
        c->deadline < ctx->today) {
        char d[DATE_BUF];

        date_format(c->deadline, d);
        findings_add(f, "PR02", s->hh.id,
                     _("the case is '%s' and its next step was due on %s; finish the step or record why it waits"),
                     case_state_label(c->state), d);
    }
    for (i = 0; i < s->nsteps; i++) {
        const struct case_step *st = &s->steps[i];
        int days = st->pub_end - st->pub_start + 1;

        if (st->pub_start != DATE_NONE && st->pub_end != DATE_NONE &&
            days < rules_on(ctx, st->pub_start)->publicity_min_days) {
            findings_add(f, "PR03", s->hh.id,
                         _("the publicity lasted %d days; it must last at least %d days"),
                         days, rules_on(ctx, st->pub_start)->publicity_min_days);
        }
    }
    check_reply(ctx, s, f);
}

static void
check_followup(const struct rule_ctx *ctx, const struct hh_snapshot *s,
               struct findings *f)
{
    const struct rules *r = rules_on(ctx, ctx->today);
    const struct mcase *c = &s->mcase;
    int last = c->identified_on, interval, visited = 0;
    char d[DATE_BUF];

    if (s->nvisits > 0 && s->visits[s->nvisits - 1].visit_date > last) {
        last = s->visits[s->nvisits - 1].visit_date;
        visited = 1;
    }
    interval = c->state == CS_ELIMINATED ? r->followup_interval_days
                                         : r->visit_interval_days;
    if (last == DATE_NONE || interval <= 0 || last + interval >= ctx->today) {
        return;
    }
    date_format(last, d);
    /* counted from the identification when not visited since (the
     * worklist says 未走访): not called a visit */
    findings_add(f, "VS01", s->hh.id,
                 visited ? _("last visit on %s, more than %d days ago; visit the household")
                         : _("not visited since the identification on %s, more than %d days ago; visit the household"),
                 d, interval);
}

/* The income an identification on DAY is judged on: of DAY's year, else
 * of the year before; NULL when neither is recorded. */
static const struct income *
income_at(const struct hh_snapshot *s, int day)
{
    const struct income *inc = snapshot_income(s, date_year(day));

    return inc != NULL ? inc : snapshot_income(s, date_year(day) - 1);
}

/* IN03: identified on DAY with income above LINE and no REASON stated.
 * The policy identifies by comprehensive judgement, not income alone, so
 * this is allowed, but the reason must be on record (domain.md 4.4). */
static void
check_above_line(const struct hh_snapshot *s, int day, int64_t line,
                 const char *reason, struct findings *f)
{
    const struct income *inc = income_at(s, day);
    char a[MONEY_BUF], w[128];

    if (inc == NULL || line <= 0 || income_vs_line(inc->per_capita, line) <= 0 ||
        (reason != NULL && reason[0] != '\0')) {
        return;
    }
    money_format(inc->per_capita, 1, a);
    findings_add(f, "IN03", s->hh.id,
                 _("identified with per-capita net income %s yuan (%d), %s; state the reason for the identification in the county approval's note"),
                 a, inc->year, income_line_words(inc->per_capita, line, w, sizeof(w)));
}

/* MS02: a monitored household in which nobody can work gets safety-net
 * (兜底) measures, 应兜尽兜 (domain.md 4.5): a measure of a category
 * tagged "safety_net" in effect today, SAFETY_NET_DAYS of the rules R of
 * the identification after it. */
static void
check_safety_net(const struct rule_ctx *ctx, const struct hh_snapshot *s,
                 const struct rules *r, struct findings *f)
{
    const struct codebook *cb = rule_codes(ctx);
    const struct mcase *c = &s->mcase;

    if (!case_state_monitored(c->state) || s->nmembers == 0 || hh_has_labour(cb, s) ||
        c->identified_on + r->safety_net_days >= ctx->today ||
        has_measure_on(cb, s, "safety_net", ctx->today)) {
        return;
    }
    findings_add(f, "MS02", s->hh.id,
                 _("%d days after identification no safety-net measure (%s) is in effect, and no member can work; add one"),
                 r->safety_net_days,
                 code_label(cb, "measure_category", code_with_tag(cb, "measure_category", "safety_net")));
}

static void
check_identified(const struct rule_ctx *ctx, const struct hh_snapshot *s,
                 struct findings *f)
{
    const struct codebook *cb = rule_codes(ctx);
    const struct mcase *c = &s->mcase;
    const struct case_step *approval;
    const struct rules *r;
    const struct income *inc;

    if (c->identified_on == DATE_NONE) {
        findings_add(f, "PR01", s->hh.id, "%s",
                     _("the identification date is missing; record the county approval"));
        return;
    }
    r = rules_on(ctx, c->identified_on);
    if (c->state == CS_MONITORED && hh_has_labour(cb, s) &&
        c->identified_on + r->dev_measure_days < ctx->today &&
        !hh_has_dev_measure(cb, s, ctx->today)) {
        findings_add(f, "MS01", s->hh.id,
                     _("the household can work but has no development measure %d days after identification; add an industry or employment measure"),
                     r->dev_measure_days);
    }
    check_safety_net(ctx, s, r, f);
    inc = snapshot_income(s, date_year(c->identified_on));
    if (inc != NULL && date_year(c->identified_on) >= r->suspicious_from_year &&
        r->suspicious_income_fen > 0 && inc->per_capita > r->suspicious_income_fen) {
        char a[MONEY_BUF];

        money_format(inc->per_capita, 1, a);
        findings_add(f, "IN01", s->hh.id,
                     _("per-capita net income %s yuan in the year of identification is implausibly high; check the income record"),
                     a);
    }
    if (c->state == CS_ELIMINATED && c->eliminated_on != DATE_NONE) {
        check_elim_timing(ctx, s, c->eliminated_on, c->elim_method, f);
    }
    approval = snapshot_last_step(s, CA_COUNTY_APPROVE);
    check_above_line(s, c->identified_on, c->line_fen,
                     approval != NULL ? approval->note : NULL, f);
    check_followup(ctx, s, f);
}

static void
check_incomes(const struct rule_ctx *ctx, const struct hh_snapshot *s,
              struct findings *f)
{
    size_t i;

    for (i = 0; i < s->nincomes; i++) {
        const struct income *inc = &s->incomes[i];

        if (inc->wage > 0 && inc->wage < rules_in_force(ctx, inc->year)->implausible_wage_fen) {
            char a[MONEY_BUF];

            money_format(inc->wage, 1, a);
            findings_add(f, "IN02", s->hh.id,
                         _("wage income of %d is %s yuan, implausibly low; check whether it was typed in ten-thousands"),
                         inc->year, a);
        }
    }
}

/* Every monitoring object has a responsible cadre (帮扶责任人) who visits
 * it (domain.md 2.1, 2.7). */
static void
check_cadre(const struct hh_snapshot *s, struct findings *f)
{
    if (s->ncadres == 0) {
        findings_add(f, "CD01", s->hh.id, "%s",
                     _("no responsible cadre is assigned, so the household is on no visit list; assign one"));
    }
}

void
rules_check_household(const struct rule_ctx *ctx,
                      const struct hh_snapshot *s, struct findings *f)
{
    const struct mcase *c = &s->mcase;

    check_members(ctx, s, f);
    check_labour(ctx, s, f);
    check_incomes(ctx, s, f);
    if (!s->has_case) {
        return;
    }
    if (!category_fits(rule_codes(ctx), c->category, s->hh.hh_type)) {
        findings_add(f, "HH04", s->hh.id,
                     _("category '%s' does not fit household type '%s'; correct one of them"),
                     code_label(rule_codes(ctx), "category", c->category),
                     code_label(rule_codes(ctx), "hh_type", s->hh.hh_type));
    }
    check_procedure(ctx, s, f);
    if (case_state_monitored(c->state) || c->state == CS_ELIMINATED) {
        if (case_state_monitored(c->state)) {
            check_risks(ctx, s, f);
            check_cadre(s, f);
        }
        check_identified(ctx, s, f);
    }
}

void
rules_check_counted(const struct rule_ctx *ctx,
                    const struct hh_snapshot *s, struct findings *f)
{
    const struct mcase *c = &s->mcase;

    if (!s->has_case) {
        return;
    }
    check_procedure(ctx, s, f);
    /* as check_identified does, of a monitored or eliminated case */
    if ((!case_state_monitored(c->state) && c->state != CS_ELIMINATED) ||
        c->identified_on == DATE_NONE) {
        return;
    }
    if (c->state == CS_ELIMINATED && c->eliminated_on != DATE_NONE) {
        check_elim_timing(ctx, s, c->eliminated_on, c->elim_method, f);
    }
    check_followup(ctx, s, f);
}

/* --- elimination criteria --------------------------------------- */

/* The income an elimination on DAY is judged on: the latest recorded,
 * when it is of DAY's year or the year before; NULL otherwise. */
static const struct income *
elim_income(const struct hh_snapshot *s, int day)
{
    const struct income *inc = snapshot_last_income(s);

    return inc != NULL && inc->year >= date_year(day) - 1 ? inc : NULL;
}

/* EL08: the compliant out-of-pocket spending (合规自付支出, the income
 * record's oop_rigid) stably resolved (domain.md 4.6): once it is paid,
 * the per-capita net income left (扣减刚性支出后人均纯收入, domain.md 2.3)
 * is still above LINE, the line of YEAR, the year of the elimination.  Spending
 * the income carries is resolved; spending that takes the household to
 * the line or under it is not. */
static void
check_elim_spending(const struct hh_snapshot *s, const struct income *inc,
                    const struct line_entry *line, int year, struct findings *f)
{
    int64_t left;
    char a[MONEY_BUF], b[MONEY_BUF], w[128];

    if (inc->oop_rigid <= 0 || inc->members < 1 ||
        income_vs_line(inc->per_capita, line->fen) <= 0) {
        return;
    }
    left = income_per_capita_after(inc, inc->oop_rigid);
    if (income_vs_line(left, line->fen) > 0) {
        return;
    }
    money_format(inc->oop_rigid, 1, a);
    money_format(left, 1, b);
    findings_add(f, "EL08", s->hh.id,
                 _("compliant out-of-pocket spending of %s yuan (%d) leaves %s yuan per person against the %d monitoring line: %s; the large rigid spending is not stably resolved"),
                 a, inc->year, b, year,
                 income_line_words(left, line->fen, w, sizeof(w)));
}

/* The income of the elimination's year or the year before, judged
 * against the line of the year of the elimination (domain.md 4.6: above
 * the current year's monitoring range), and what is left of it after the
 * compliant out-of-pocket spending (EL08). */
static void
check_elim_income(const struct rule_ctx *ctx, const struct hh_snapshot *s,
                  int day, struct findings *f)
{
    const struct income *inc = elim_income(s, day);
    const struct line_entry *line;
    char a[MONEY_BUF], b[MONEY_BUF], w[128];

    if (inc == NULL) {
        findings_add(f, "EL05", s->hh.id,
                     _("no income record for %d or %d; record this year's income before proposing elimination"),
                     date_year(day) - 1, date_year(day));
        return;
    }
    line = policy_line(ctx->policy, ctx->province, date_year(day));
    if (line == NULL) {
        findings_add(f, "EL05", s->hh.id,
                     _("no monitoring line for %d in the policy files; ask the county to add it to lines.conf"),
                     date_year(day));
        return;
    }
    if (income_vs_line(inc->per_capita, line->fen) <= 0) {
        money_format(inc->per_capita, 1, a);
        money_format(line->fen, 1, b);
        findings_add(f, "EL05", s->hh.id,
                     _("per-capita net income %s yuan (%d) against the %d monitoring line of %s yuan: %s"),
                     a, inc->year, date_year(day), b,
                     income_line_words(inc->per_capita, line->fen, w, sizeof(w)));
    }
    check_elim_spending(s, inc, line, date_year(day), f);
}

/* EL06: the check of 两不愁三保障 and drinking water of the year of the
 * elimination on DAY (domain.md 4.6: stably secured now, not in some
 * earlier year's check) found nothing wrong. */
static void
check_elim_guarantees(const struct hh_snapshot *s, int day, struct findings *f)
{
    const struct guarantee *g = snapshot_guarantee(s, date_year(day));

    if (g == NULL) {
        findings_add(f, "EL06", s->hh.id,
                     _("no check of food, clothing, schooling, medical care, housing and water of %d (the year of the elimination) is recorded; record this year's check"),
                     date_year(day));
    } else if (!(g->food_clothing && g->education && g->medical &&
                 g->housing && g->water)) {
        findings_add(f, "EL06", s->hh.id, _("the check of %d found a problem with %s%s%s%s%s; solve it first"),
                     g->year, g->food_clothing ? "" : _(" food/clothing"),
                     g->education ? "" : _(" schooling"),
                     g->medical ? "" : _(" medical insurance"),
                     g->housing ? "" : _(" housing"),
                     g->water ? "" : _(" drinking water"));
    }
}

static void
check_elim_new_risk(const struct rule_ctx *ctx, const struct hh_snapshot *s,
                    struct findings *f)
{
    size_t i;

    (void)ctx;
    for (i = 0; i < s->nvisits; i++) {
        const struct visit *v = &s->visits[i];

        if (v->new_risk && v->visit_date >= s->mcase.identified_on) {
            char d[DATE_BUF];

            date_format(v->visit_date, d);
            findings_add(f, "EL07", s->hh.id,
                         _("the visit of %s found a new risk; deal with it before elimination"),
                         d);
            return;
        }
    }
}

void
rules_check_elimination(const struct rule_ctx *ctx,
                        const struct hh_snapshot *s, int day,
                        const char *method, struct findings *f)
{
    check_elim_timing(ctx, s, day, method, f);
    check_elim_income(ctx, s, day, f);
    check_elim_guarantees(s, day, f);
    check_elim_new_risk(ctx, s, f);
}

/* --- applying an action ----------------------------------------- */

/* The date of the latest step (or the clue date), DATE_NONE if none. */
static int
last_step_date(const struct hh_snapshot *s)
{
    return s->nsteps ? s->steps[s->nsteps - 1].step_date : DATE_NONE;
}

/* The latest publicity step's end, DATE_NONE if none. */
static int
last_pub_end(const struct hh_snapshot *s)
{
    size_t i = s->nsteps;

    while (i-- > 0) {
        if (s->steps[i].pub_end != DATE_NONE) {
            return s->steps[i].pub_end;
        }
    }
    return DATE_NONE;
}

static int
check_code(const struct rule_ctx *ctx, const char *table, const char *code,
           const char *what, struct err *e)
{
    if (code == NULL || *code == '\0') {
        return err_set(e, ERR_INVALID, _("%s is missing; choose one from the list"), what);
    }
    if (code_find(codebook_table(rule_codes(ctx), table), code) == NULL) {
        return err_set(e, ERR_INVALID, _("'%s' is not a valid %s; choose one from the list"), code, what);
    }
    return 0;
}

static int
check_clue_input(const struct rule_ctx *ctx, const struct hh_snapshot *s,
                 const struct step_input *in, struct err *e)
{
    int i, j;

    if (check_code(ctx, "channel", in->channel, _("discovery channel"), e) ||
        check_code(ctx, "category", in->category, _("monitoring category"), e)) {
        return -1;
    }
    if (!category_fits(rule_codes(ctx), in->category, s->hh.hh_type)) {
        return err_set(e, ERR_RULE,
                       _("category '%s' does not fit household type '%s'"),
                       code_label(rule_codes(ctx), "category", in->category),
                       code_label(rule_codes(ctx), "hh_type", s->hh.hh_type));
    }
    if (in->nrisks < 1 || in->nrisks > MCASE_MAX_RISKS) {
        return err_set(e, ERR_INVALID, _("give one to five risk types"));
    }
    for (i = 0; i < in->nrisks; i++) {
        if (check_code(ctx, "risk", in->risks[i], _("risk type"), e)) {
            return -1;
        }
        for (j = 0; j < i; j++) {
            if (strcmp(in->risks[i], in->risks[j]) == 0) {
                return err_set(e, ERR_INVALID, _("risk type '%s' is given twice"),
                               code_label(rule_codes(ctx), "risk", in->risks[i]));
            }
        }
    }
    if (in->description != NULL && strlen(in->description) > RULES_TEXT_MAX) {
        return err_set(e, ERR_INVALID, _("the description is too long (at most %d bytes)"),
                       RULES_TEXT_MAX);
    }
    return 0;
}

static int
check_publicity_input(const struct rule_ctx *ctx, const struct step_input *in,
                      struct err *e)
{
    return need_publicity(in->pub_start, in->pub_end,
                          rules_on(ctx, in->pub_start)->publicity_min_days, ctx->today, e);
}

static int
check_inputs(const struct rule_ctx *ctx, const struct hh_snapshot *s,
             const struct case_transition *t, const struct step_input *in,
             struct err *e)
{
    int day = (t->needs & NEED_PUBLICITY) ? in->pub_start : in->step_date;
    /* a clue (a new case's first step) may be older than the last one */
    int prev = t->action != CA_CLUE ? last_step_date(s) : DATE_NONE;

    if (((t->needs & NEED_PUBLICITY) && check_publicity_input(ctx, in, e)) ||
        need_step_day(day, prev, ctx->today, e)) {
        return -1;
    }
    if ((t->needs & NEED_CLUE) && check_clue_input(ctx, s, in, e)) {
        return -1;
    }
    if ((t->needs & NEED_AUTH) && !in->authorized) {
        return err_set(e, ERR_RULE,
                       _("the household must sign the authorization to check its income and assets before the home check"));
    }
    if ((t->needs & NEED_REASON) && (in->note == NULL || in->note[0] == '\0')) {
        return err_set(e, ERR_INVALID, _("give the reason"));
    }
    if ((t->needs & NEED_HOW) && (in->note == NULL || in->note[0] == '\0')) {
        return err_set(e, ERR_INVALID, _("say how the household was told (in writing, in person ...)"));
    }
    if (in->note != NULL && strlen(in->note) > RULES_TEXT_MAX) {
        return err_set(e, ERR_INVALID, _("the note is too long (at most %d bytes)"), RULES_TEXT_MAX);
    }
    if ((t->needs & NEED_METHOD) &&
        check_code(ctx, "elim_method", in->method, _("elimination method"), e)) {
        return -1;
    }
    return 0;
}

/* E: the elimination refused, with what the check found (F from FIRST),
 * one a line, so that the refusal itself is the list of problems. */
static int
refuse_elimination(const struct findings *f, size_t first, struct err *e)
{
    struct sbuf sb = SBUF_INIT;
    size_t i;

    for (i = first; i < f->n; i++) {
        sbuf_addf(&sb, "\n%s %s", f->v[i].code, f->v[i].msg);
    }
    err_set(e, ERR_RULE, _("the elimination criteria are not met (%zu problems):%s"), f->n - first,
            sb.buf);
    sbuf_release(&sb);
    return -1;
}

/* Rules particular to some actions; may fill NEXT's line. */
static int
check_action(const struct rule_ctx *ctx, const struct hh_snapshot *s,
             const struct step_input *in, struct mcase *next,
             struct findings *f, struct err *e)
{
    const struct line_entry *line;
    size_t before = f->n, errors = findings_count(f, SEV_ERROR);

    switch (in->action) {
    case CA_TOWNSHIP_REVIEW:
    case CA_ELIM_TOWNSHIP_REVIEW:
        if (last_pub_end(s) != DATE_NONE && in->step_date <= last_pub_end(s)) {
            return err_set(e, ERR_RULE, _("the publicity has not ended yet; review after its last day"));
        }
        if (in->objections > 0 && (in->note == NULL || in->note[0] == '\0')) {
            return err_set(e, ERR_INVALID, _("there were objections: note how they were handled (if upheld, reject instead)"));
        }
        return 0;
    case CA_COUNTY_APPROVE:
        if (s->mcase.nrisks == 0) {
            return err_set(e, ERR_RULE, _("a monitoring object needs at least one risk type"));
        }
        line = policy_line(ctx->policy, ctx->province, date_year(in->step_date));
        if (line == NULL) {
            return err_set(e, ERR_CONFIG,
                           _("no monitoring line for %d in the policy files; ask the county to add it to lines.conf"),
                           date_year(in->step_date));
        }
        next->line_fen = line->fen;
        next->line_year = line->year;
        check_above_line(s, in->step_date, line->fen, in->note, f);
        return 0;
    case CA_REPLY:
        if (snapshot_last_step(s, CA_REPLY) != NULL) {
            return err_set(e, ERR_RULE, _("the reply to this applicant is recorded already"));
        }
        return 0;
    case CA_ELIM_VERIFY:
        rules_check_elimination(ctx, s, in->step_date, in->method, f);
        break;
    case CA_ELIM_APPROVE:
        rules_check_elimination(ctx, s, in->step_date, s->mcase.elim_method, f);
        break;
    default:
        return 0;
    }
    return findings_count(f, SEV_ERROR) > errors ? refuse_elimination(f, before, e) : 0;
}

/* Copy the case, duplicating owned strings. */
static void
mcase_copy(struct mcase *dst, const struct mcase *src)
{
    *dst = *src;
    dst->description = src->description ? xstrdup(src->description) : NULL;
}

static void
set_clue(struct mcase *next, const struct step_input *in)
{
    int i;

    snprintf(next->channel, sizeof(next->channel), "%s", in->channel);
    snprintf(next->category, sizeof(next->category), "%s", in->category);
    for (i = 0; i < in->nrisks; i++) {
        snprintf(next->risks[i], sizeof(next->risks[i]), "%s", in->risks[i]);
    }
    next->nrisks = in->nrisks;
    free(next->description);
    next->description = in->description ? xstrdup(in->description) : NULL;
    next->clue_date = in->step_date;
    next->identified_on = DATE_NONE;
    next->elim_started = DATE_NONE;
    next->eliminated_on = DATE_NONE;
    next->elim_method[0] = '\0';
    next->line_fen = 0;
    next->line_year = 0;
}

/* The state change's effect on the case's own fields. */
static void
update_case(struct mcase *next, const struct case_transition *t,
            const struct step_input *in)
{
    next->state = t->to;
    switch (t->action) {
    case CA_CLUE:
    case CA_REIDENTIFY:
        set_clue(next, in);
        break;
    case CA_COUNTY_APPROVE:
        next->identified_on = in->step_date;
        break;
    case CA_ELIM_VERIFY:
        next->elim_started = in->step_date;
        snprintf(next->elim_method, sizeof(next->elim_method), "%s", in->method);
        break;
    case CA_ELIM_APPROVE:
        next->eliminated_on = in->step_date;
        break;
    case CA_ELIM_REJECT:
        next->elim_started = DATE_NONE;
        next->elim_method[0] = '\0';
        break;
    case CA_ROLLBACK:
        next->eliminated_on = DATE_NONE;
        next->elim_started = DATE_NONE;
        next->elim_method[0] = '\0';
        break;
    default:
        break;
    }
}

/* The day the reply to a rejection on DAY is counted from: the home check
 * of the current procedure (domain.md 4.4: a reasoned reply within 5
 * working days of the check), or DAY when it was rejected before one. */
static int
reply_from(const struct hh_snapshot *s, const struct mcase *next, int day)
{
    const struct case_step *check = snapshot_last_step(s, CA_VERIFY);

    return check != NULL && check->step_date >= next->clue_date ? check->step_date : day;
}

static int
deadline_after(const struct rule_ctx *ctx, const struct hh_snapshot *s,
               const struct mcase *next, const struct case_transition *t, int day)
{
    const struct rules *r = rules_on(ctx, day);
    const struct calendar *cal = &ctx->policy->cal;
    int start;

    switch (t->deadline) {
    case DL_VERIFY:
        return date_add_in(cal, day, r->verify_workdays, r->verify_unit);
    case DL_IDENTIFY:
        start = next->elim_started != DATE_NONE ? next->elim_started
                                                : next->clue_date;
        return start == DATE_NONE ? DATE_NONE
                                  : date_add_in(cal, start, r->identify_days, r->identify_unit);
    case DL_REPLY:
        start = reply_from(s, next, day);
        r = rules_on(ctx, start);
        return date_add_in(cal, start, r->reject_reply_workdays, r->reject_reply_unit);
    case DL_NONE:
        break;
    }
    return DATE_NONE;
}

static void
fill_step(struct case_step *step, const struct actor *actor,
          const struct case_transition *t, const struct step_input *in,
          int deadline)
{
    case_step_clear(step);
    step->action = t->action;
    step->from = t->from;
    step->to = t->to;
    snprintf(step->actor, sizeof(step->actor), "%s", actor->login);
    step->step_date = (t->needs & NEED_PUBLICITY) ? in->pub_start : in->step_date;
    step->deadline = deadline;
    if (t->needs & NEED_PUBLICITY) {
        step->pub_start = in->pub_start;
        step->pub_end = in->pub_end;
    }
    step->objections = in->objections;
    step->authorized = in->authorized;
    step->note = in->note && in->note[0] ? xstrdup(in->note) : NULL;
}

static int
check_permission(const struct actor *actor, const struct hh_snapshot *s,
                 const struct case_transition *t, enum case_state from,
                 const struct step_input *in, struct err *e)
{
    if (!actor_writes(actor)) {
        return err_set(e, ERR_DENIED, _("your account is read-only"));
    }
    if (!actor_sees(actor, s->hh.township_id, s->hh.village_id)) {
        return err_set(e, ERR_DENIED, _("this household is outside your scope"));
    }
    if (t == NULL) {
        return err_set(e, ERR_RULE, _("'%s' is not possible while the case is '%s'"),
                       case_action_label(in->action), case_state_label(from));
    }
    if (!(t->roles & ROLE_BIT(actor->role))) {
        return err_set(e, ERR_DENIED, _("the role '%s' may not do '%s'"),
                       role_label(actor->role), case_action_label(in->action));
    }
    return 0;
}

size_t
case_steps_for(const struct actor *actor, const struct hh_snapshot *s, enum case_action *out)
{
    if (!actor_changes(actor, s->hh.township_id, s->hh.village_id)) {
        return 0;
    }
    return case_actions_for(s->has_case ? s->mcase.state : CS_NONE, actor->role, out);
}

int
case_apply(const struct rule_ctx *ctx, const struct actor *actor,
           const struct hh_snapshot *s, const struct step_input *in,
           struct mcase *next, struct case_step *step, struct findings *f,
           struct err *e)
{
    enum case_state from = s->has_case ? s->mcase.state : CS_NONE;
    const struct case_transition *t = case_transition(from, in->action);
    int day;

    if (check_permission(actor, s, t, from, in, e) ||
        check_inputs(ctx, s, t, in, e)) {
        return -1;
    }
    mcase_clear(next);
    /* a clue after a rejection starts a new case; the rejected one stays */
    if (s->has_case && !(from == CS_REJECTED && in->action == CA_CLUE)) {
        mcase_copy(next, &s->mcase);
    } else {
        mcase_clear(next);
        next->household_id = s->hh.id;
    }
    if (check_action(ctx, s, in, next, f, e)) {
        mcase_clear(next);
        return -1;
    }
    update_case(next, t, in);
    day = (t->needs & NEED_PUBLICITY) ? in->pub_start : in->step_date;
    next->deadline = deadline_after(ctx, s, next, t, day);
    fill_step(step, actor, t, in, next->deadline);
    return 0;
}
