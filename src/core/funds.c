/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * funds.c - the records of the money trail: empty records and each
 * record's own rules (see funds.h).  What needs other records (no
 * overdrawing, scope, versions) is checked by db/db_fund.c in the same
 * transaction as the change.
 */
#include "config.h"
#include "core/funds.h"

#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/money.h"
#include "core/need.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/u8.h"

void
fund_init(struct fund *f)
{
    memset(f, 0, sizeof(*f));
    f->received_on = DATE_NONE;
}

void
fund_clear(struct fund *f)
{
    free(f->note);
    fund_init(f);
}

void
project_init(struct project *p)
{
    memset(p, 0, sizeof(*p));
    p->period_start = p->period_end = p->targets_published_on = DATE_NONE;
}

void
project_clear(struct project *p)
{
    free(p->content);
    free(p->linking);
    free(p->targets);
    free(p->note);
    project_init(p);
}

void
proj_step_init(struct proj_step *s)
{
    memset(s, 0, sizeof(*s));
    s->step_date = s->pub_start = s->pub_end = DATE_NONE;
}

void
proj_step_clear(struct proj_step *s)
{
    free(s->note);
    proj_step_init(s);
}

void
allocation_init(struct allocation *a)
{
    memset(a, 0, sizeof(*a));
    a->alloc_date = a->published_on = DATE_NONE;
}

void
allocation_clear(struct allocation *a)
{
    free(a->note);
    allocation_init(a);
}

void
payment_init(struct payment *p)
{
    memset(p, 0, sizeof(*p));
    p->pay_date = DATE_NONE;
}

void
payment_clear(struct payment *p)
{
    free(p->note);
    payment_init(p);
}

void
asset_init(struct asset *a)
{
    memset(a, 0, sizeof(*a));
    a->completed_on = a->disposal_date = a->publicized_on = DATE_NONE;
}

void
asset_clear(struct asset *a)
{
    free(a->disposal_reason);
    free(a->note);
    asset_init(a);
}

void
asset_income_init(struct asset_income *i)
{
    memset(i, 0, sizeof(*i));
    i->dist_date = DATE_NONE;
}

void
asset_income_clear(struct asset_income *i)
{
    free(i->use_note);
    asset_income_init(i);
}

/* --- checks ----------------------------------------------------------- */

int
fund_check(const struct fund *f, const struct codebook *cb, int today,
           struct err *e)
{
    if (need_year(f->year, e) ||
        need_code(cb, "fund_level", f->level, 1, _("fund level"), e) ||
        need_code(cb, "fund_type", f->fund_type, 1, _("fund type"), e) ||
        need_code(cb, "task_line", f->task_line, 0, _("task line"), e) ||
        need_text(f->doc_no, 1, _("document number"), e) ||
        need_amount(f->amount, 1, _("amount"), e) ||
        need_date(f->received_on, today, 1, _("date received"), e) ||
        need_text(f->note, 0, _("note"), e)) {
        return -1;
    }
    if (f->workrelief_batch && (!code_is(cb, "fund_type", f->fund_type, "workrelief") ||
                                !code_is(cb, "fund_level", f->level, "central"))) {
        return err_set(e, ERR_INVALID, "%s",
                       _("only a receipt of central 以工代赈 funds can be a designated 以工代赈 batch"));
    }
    return 0;
}

/* Beneficiaries: "of which" never exceeds the whole. */
static int
check_benefit(const struct project *p, struct err *e)
{
    if (need_count(p->hh_benefit, _("households benefiting"), e) ||
        need_count(p->persons_benefit, _("persons benefiting"), e) ||
        need_count(p->hh_poor, _("former poor households"), e) ||
        need_count(p->hh_monitored, _("monitored households"), e) ||
        need_count(p->persons_poor, _("former poor persons"), e) ||
        need_count(p->persons_monitored, _("monitored persons"), e) ||
        need_count(p->workers, _("workers"), e) ||
        need_count(p->workers_poor, _("workers from poor households"), e) ||
        need_count(p->person_days, _("person-days"), e)) {
        return -1;
    }
    if (p->hh_poor + p->hh_monitored > p->hh_benefit) {
        return err_set(e, ERR_INVALID,
                       _("former poor and monitored households (%d + %d) exceed the households benefiting (%d)"),
                       p->hh_poor, p->hh_monitored, p->hh_benefit);
    }
    if (p->persons_poor + p->persons_monitored > p->persons_benefit) {
        return err_set(e, ERR_INVALID,
                       _("former poor and monitored persons (%d + %d) exceed the persons benefiting (%d)"),
                       p->persons_poor, p->persons_monitored, p->persons_benefit);
    }
    if (p->hh_benefit > p->persons_benefit && p->persons_benefit > 0) {
        return err_set(e, ERR_INVALID, _("more households than persons benefit"));
    }
    if (p->workers_poor > p->workers) {
        return err_set(e, ERR_INVALID, _("the workers from poor households exceed the workers"));
    }
    return 0;
}

int
project_check(const struct project *p, const struct codebook *cb,
              struct err *e)
{
    if (need_text(p->name, 1, _("project name"), e) || need_year(p->year, e) ||
        need_code(cb, "project_type", p->ptype, 1, _("project type"), e) ||
        need_code(cb, "proposer_level", p->proposer, 0, _("proposer"), e) ||
        need_amount(p->budget, 0, _("planned investment"), e) ||
        need_amount(p->self_funds, 0, _("own and other funds"), e) ||
        need_text(p->content, 0, _("content"), e) ||
        need_text(p->linking, 0, _("farmer-linking mechanism"), e) ||
        need_text(p->targets, 0, _("performance targets"), e) ||
        need_text(p->note, 0, _("note"), e) || check_benefit(p, e)) {
        return -1;
    }
    if (p->township_id == 0) {
        return err_set(e, ERR_INVALID, _("choose the township"));
    }
    if (p->period_start != DATE_NONE && p->period_end != DATE_NONE &&
        p->period_end < p->period_start) {
        return err_set(e, ERR_INVALID, _("the construction period ends before it starts"));
    }
    if (p->self_funds > p->budget && p->budget > 0) {
        return err_set(e, ERR_INVALID, _("own and other funds exceed the planned investment"));
    }
    return 0;
}

int
allocation_check(const struct allocation *a, int today, struct err *e)
{
    if (a->fund_id == 0) {
        return err_set(e, ERR_INVALID, _("choose the fund receipt"));
    }
    if (a->project_id == 0) {
        return err_set(e, ERR_INVALID, _("choose the project"));
    }
    if (need_amount(a->amount, 1, _("amount"), e) ||
        need_date(a->alloc_date, today, 1, _("allocation date"), e) ||
        need_date(a->published_on, today, 0, _("publication date"), e) ||
        need_text(a->note, 0, _("note"), e)) {
        return -1;
    }
    if (a->published_on != DATE_NONE && a->published_on < a->alloc_date) {
        return err_set(e, ERR_INVALID, _("the result cannot be published before the allocation"));
    }
    return 0;
}

int
payment_check(const struct payment *p, int today, struct err *e)
{
    if (p->allocation_id == 0) {
        return err_set(e, ERR_INVALID, _("choose the allocation it is paid from"));
    }
    if (need_amount(p->amount, 1, _("amount"), e) ||
        need_date(p->pay_date, today, 1, _("payment date"), e) ||
        need_text(p->payee, 1, _("payee"), e) ||
        need_text(p->voucher_no, 1, _("voucher number"), e) ||
        need_text(p->note, 0, _("note"), e)) {
        return -1;
    }
    return 0;
}

static int
check_sources(struct asset *a, const struct codebook *cb, struct err *e)
{
    int i;

    a->value = 0;
    for (i = 0; i < a->nsrc; i++) {
        if (need_code(cb, "fund_type", a->src[i].fund_type, 1, _("fund source"), e) ||
            need_amount(a->src[i].amount, 1, _("amount of the fund source"), e)) {
            return -1;
        }
        a->value += a->src[i].amount;
    }
    if (a->value > MONEY_MAX_FEN) {
        return err_set(e, ERR_INVALID, _("the value is too large"));
    }
    return 0;
}

static int
check_disposal(const struct asset *a, const struct codebook *cb, int today,
               struct err *e)
{
    int disposed = code_is(cb, "asset_status", a->status, "disposed");

    if (!disposed) {
        if (a->disposal[0] != '\0' || a->disposal_date != DATE_NONE) {
            return err_set(e, ERR_INVALID, _("a disposal is recorded only with the status 'disposed'"));
        }
        return 0;
    }
    if (need_code(cb, "disposal", a->disposal, 1, _("disposal method"), e) ||
        need_date(a->disposal_date, today, 1, _("disposal date"), e) ||
        need_text(a->disposal_doc, 1, _("approval document of the disposal"), e) ||
        need_text(a->disposal_reason, 1, _("reason for the disposal"), e) ||
        need_amount(a->disposal_amount, 0, _("disposal proceeds"), e)) {
        return -1;
    }
    return 0;
}

/* Asset types carry the tag of their class ("public", "operating",
 * "household"). */
static int
type_in_class(const struct codebook *cb, const char *type, const char *cls)
{
    const struct code *c = code_find(codebook_table(cb, "asset_class"), cls);
    size_t i;

    for (i = 0; c != NULL && i < c->ntags; i++) {
        if (code_is(cb, "asset_type", type, c->tags[i])) {
            return 1;
        }
    }
    return 0;
}

int
asset_check(struct asset *a, const struct codebook *cb, int today,
            struct err *e)
{
    if (need_text(a->name, 1, _("asset name"), e) ||
        need_code(cb, "asset_class", a->aclass, 1, _("asset class"), e) ||
        need_code(cb, "asset_type", a->atype, 0, _("asset type"), e) ||
        need_year(a->year, e) ||
        need_code(cb, "owner_level", a->owner_level, 1, _("ownership level"), e) ||
        need_code(cb, "op_mode", a->op_mode, 0, _("operation mode"), e) ||
        need_code(cb, "asset_status", a->status, 1, _("status"), e) ||
        need_date(a->completed_on, today, 0, _("completion date"), e) ||
        need_date(a->publicized_on, today, 0, _("publicity date"), e) ||
        need_amount(a->upkeep, 0, _("upkeep funds"), e) ||
        need_count(a->hh_benefit, _("households benefiting"), e) ||
        need_text(a->note, 0, _("note"), e) || check_sources(a, cb, e) ||
        check_disposal(a, cb, today, e)) {
        return -1;
    }
    if (a->township_id == 0) {
        return err_set(e, ERR_INVALID, _("choose the township"));
    }
    if (a->hh_poor + a->hh_monitored > a->hh_benefit) {
        return err_set(e, ERR_INVALID,
                       _("former poor and monitored households exceed the households benefiting"));
    }
    if (code_is(cb, "asset_class", a->aclass, "public") && a->maintainer[0] == '\0') {
        return err_set(e, ERR_RULE, _("a public-welfare asset needs its maintainer (管护主体)"));
    }
    if (code_is(cb, "asset_class", a->aclass, "household") && a->household_id == 0) {
        return err_set(e, ERR_RULE, _("an asset given to a household needs the household"));
    }
    if (a->atype[0] != '\0' && !type_in_class(cb, a->atype, a->aclass)) {
        return err_set(e, ERR_INVALID, _("the asset type does not belong to the asset class"));
    }
    return 0;
}

int
asset_income_check(const struct asset_income *i, struct err *e)
{
    if (need_year(i->year, e) || need_amount(i->income, 0, _("income"), e) ||
        need_amount(i->to_households, 0, _("amount to households"), e) ||
        need_amount(i->to_village, 0, _("amount kept by the village"), e) ||
        need_amount(i->to_upkeep, 0, _("amount for upkeep"), e) ||
        need_count(i->households, _("households receiving"), e) ||
        need_text(i->use_note, 0, _("use"), e)) {
        return -1;
    }
    if (i->to_households + i->to_village + i->to_upkeep > i->income) {
        char d[MONEY_BUF], in[MONEY_BUF];

        money_format(i->to_households + i->to_village + i->to_upkeep, 1, d);
        money_format(i->income, 1, in);
        return err_set(e, ERR_INVALID,
                       _("%s yuan distributed is more than the income of %s yuan"), d, in);
    }
    if (i->to_households > 0 && i->households == 0) {
        return err_set(e, ERR_INVALID, _("give the number of households receiving the income"));
    }
    return 0;
}

/* --- publication deadlines ------------------------------------------ */

enum pub_status
pub_status(const struct calendar *cal, int from, int days, enum day_unit unit,
           int published, int today, int *due)
{
    int d;

    if (from == DATE_NONE) {
        if (due != NULL) {
            *due = DATE_NONE;
        }
        return PUB_NONE;
    }
    d = date_add_in(cal, from, days, unit);
    if (due != NULL) {
        *due = d;
    }
    if (published != DATE_NONE) {
        return published <= d ? PUB_ON_TIME : PUB_LATE;
    }
    return today > d ? PUB_OVERDUE : PUB_PENDING;
}

static const char *const pub_labels[] = {
    [PUB_PENDING] = N_("to be published"),
    [PUB_ON_TIME] = N_("published on time"),
    [PUB_LATE] = N_("published late"),
    [PUB_OVERDUE] = N_("overdue, not published"),
};

const char *
pub_status_label(enum pub_status s)
{
    return i18n_pick(pub_labels, ARRAY_SIZE(pub_labels), s);
}

int64_t
proj_over_plan(int64_t budget, int64_t own, int64_t allocated)
{
    if (budget <= 0 || allocated + own <= budget) {
        return 0;
    }
    return allocated + own - budget;
}
