/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * export_funds.c - the kinds of export read from the lists of the funds,
 * pairing and assessment workspaces (hundreds to a few thousand rows a
 * county, held in memory by the same db/ list functions the screens use):
 * receipts, projects, allocations, payments, assets, partners,
 * agreements, arrivals, teams, attendance, and an assessment round (its
 * ranking and every unit's sheet, one row per unit and indicator after a
 * summary row per unit: the columns `report assessment` has always had);
 * and the department warnings (预警核实's list, every status).
 */
#include "config.h"
#include "print/export_priv.h"

#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/assess.h"
#include "core/codes.h"
#include "core/date.h"
#include "core/dept.h"
#include "core/funds.h"
#include "core/meter.h"
#include "core/money.h"
#include "core/pair.h"
#include "core/role.h"
#include "core/rules.h"
#include "db/db_assess.h"
#include "db/db_fund.h"
#include "db/db_pair.h"
#include "db/db_warning.h"
#include "print/print.h"
#include "print/prints.h"
#include "util/err.h"
#include "util/i18n.h"

/* ---- filters ---------------------------------------------------------------- */

static struct funds_filter funds_of(const struct export_run *x)
{
    const struct export_filter *f = export_filt(x);
    struct funds_filter ff;

    funds_filter_init(&ff);
    ff.year = f->year;
    ff.township_id = f->hh.township_id;
    ff.village_id = f->hh.village_id;
    snprintf(ff.code, sizeof(ff.code), "%s", f->code);
    ff.flagged = f->flagged;
    return ff;
}

static struct pair_filter pair_of(const struct export_run *x)
{
    const struct export_filter *f = export_filt(x);
    struct pair_filter pf;

    pair_filter_init(&pf);
    pf.year = f->year;
    pf.month = f->month;
    pf.township_id = f->hh.township_id;
    pf.village_id = f->hh.village_id;
    snprintf(pf.kind, sizeof(pf.kind), "%s", f->code);
    pf.flagged = f->flagged;
    return pf;
}

/* Emit the N rows of V (each SIZE bytes, its id at ID_OFF) that are wanted. */
static int emit_all(struct export_run *x, const void *v, size_t n, size_t size,
                    size_t id_off, const void *parent, struct err *e)
{
    size_t i;

    for (i = 0; i < n; i++) {
        const char *row = (const char *)v + i * size;

        if (export_wants(x, *(const int64_t *)(row + id_off)) &&
            export_emit(x, row, parent, e) < 0) {
            return -1;
        }
    }
    return 0;
}

#define EMIT_ALL(x, v, n, idf, parent, e) \
    emit_all(x, v, n, sizeof(*(v)), offsetof(__typeof__(*(v)), idf), parent, e)

/* ---- receipts ------------------------------------------------------------------ */

#define FR(f) offsetof(struct fund_row, f)

static const char *unallocated(struct export_run *x, const void *row, char *buf, size_t n)
{
    const struct fund_row *r = row;
    char m[MONEY_BUF];

    (void)x;
    money_format(r->f.amount - r->allocated, 0, m);
    snprintf(buf, n, "%s", m);
    return buf;
}

static const struct export_col receipts_cols[] = {
    XCOL(N_("Year"), SHEET_INT, EC_INT, FR(f.year)),
    XCOL(N_("Document number"), SHEET_TEXT, EC_STR, FR(f.doc_no)),
    XCOL(N_("Fund title"), SHEET_TEXT, EC_STR, FR(f.title)),
    XCOL(N_("Fund level"), SHEET_TEXT, EC_CODE, FR(f.level), .table = "fund_level"),
    XCOL(N_("Fund type"), SHEET_TEXT, EC_CODE, FR(f.fund_type), .table = "fund_type"),
    XCOL(N_("Task"), SHEET_TEXT, EC_CODE, FR(f.task_line), .table = "task_line"),
    XCOL(N_("Batch"), SHEET_TEXT, EC_STR, FR(f.batch)),
    XCOL(N_("Amount (yuan)"), SHEET_AMOUNT, EC_FEN, FR(f.amount)),
    XCOL(N_("Allocated (yuan)"), SHEET_AMOUNT, EC_FEN, FR(allocated)),
    XCOL(N_("Not allocated (yuan)"), SHEET_AMOUNT, EC_FN, 0, .fn = unallocated),
    XCOL(N_("Paid (yuan)"), SHEET_AMOUNT, EC_FEN, FR(paid)),
    XCOL(N_("Received on"), SHEET_DATE, EC_DATE, FR(f.received_on)),
    XCOL(N_("Designated 以工代赈 batch"), SHEET_TEXT, EC_YESNO, FR(f.workrelief_batch)),
};

static int receipts_rows(struct export_run *x, struct err *e)
{
    struct funds_filter ff = funds_of(x);
    struct fund_row *v = NULL;
    size_t n = 0;
    int rc;

    if (db_fund_list(export_env(x)->db, &ff, &v, &n, e) < 0) {
        return -1;
    }
    rc = EMIT_ALL(x, v, n, f.id, NULL, e);
    free(v);
    return rc;
}

const struct export_kind receipts_kind = {
    "receipts", N_("Fund receipts"), "fund", EXPORT_COLS(receipts),
    .filters = EF_YEAR | EF_KIND};

/* ---- projects, with their allocations and payments ----------------------------- */

#define PR(f) offsetof(struct project_row, f)

static const char *proj_state(struct export_run *x, const void *row, char *buf, size_t n)
{
    (void)x, (void)buf, (void)n;
    return proj_state_label(((const struct project_row *)row)->state);
}

#define PROJ_COLS                                                             \
    XCOL(N_("Project number"), SHEET_TEXT, EC_STR, PR(proj_no), .parent = 1),               \
    XCOL(N_("Project name"), SHEET_TEXT, EC_STR, PR(name), .parent = 1)

static const struct export_col projects_cols[] = {
    XCOL(N_("Project number"), SHEET_TEXT, EC_STR, PR(proj_no)),
    XCOL(N_("Project name"), SHEET_TEXT, EC_STR, PR(name)),
    XCOL(N_("Year"), SHEET_INT, EC_INT, PR(year)),
    XCOL(N_("Project type"), SHEET_TEXT, EC_CODE, PR(ptype), .table = "project_type"),
    XCOL(N_("Place"), SHEET_TEXT, EC_STR, PR(place)),
    XCOL(N_("Project state"), SHEET_TEXT, EC_FN, 0, .fn = proj_state),
    XCOL(N_("Planned investment (yuan)"), SHEET_AMOUNT, EC_FEN, PR(budget)),
    XCOL(N_("Own funds (yuan)"), SHEET_AMOUNT, EC_FEN, PR(self_funds)),
    XCOL(N_("Allocated (yuan)"), SHEET_AMOUNT, EC_FEN, PR(allocated)),
    XCOL(N_("Paid (yuan)"), SHEET_AMOUNT, EC_FEN, PR(paid)),
    XCOL(N_("Wages paid (yuan)"), SHEET_AMOUNT, EC_FEN, PR(wages)),
    XCOL(N_("Last step"), SHEET_DATE, EC_DATE, PR(last_step)),
};

/* The projects ENV's account sees under X's filter. */
static int project_list(struct export_run *x, struct project_row **v, size_t *n,
                        struct err *e)
{
    const struct print_env *env = export_env(x);
    struct funds_filter ff = funds_of(x);

    return db_project_list(env->db, &env->ctx, env->actor, &ff, v, n, e);
}

static int projects_rows(struct export_run *x, struct err *e)
{
    struct project_row *v = NULL;
    size_t n = 0;
    int rc;

    if (project_list(x, &v, &n, e) < 0) {
        return -1;
    }
    rc = EMIT_ALL(x, v, n, id, NULL, e);
    free(v);
    return rc;
}

const struct export_kind projects_kind = {
    "projects", N_("Projects"), "project", EXPORT_COLS(projects),
    .filters = EF_PLACE | EF_YEAR | EF_KIND | EF_FLAGGED};

#define AL(f) offsetof(struct alloc_row, f)

static const struct export_col allocations_cols[] = {
    PROJ_COLS,
    XCOL(N_("Fund document number"), SHEET_TEXT, EC_STR, AL(fund_doc)),
    XCOL(N_("Fund year"), SHEET_INT, EC_INT, AL(fund_year)),
    XCOL(N_("Fund type"), SHEET_TEXT, EC_CODE, AL(fund_type), .table = "fund_type"),
    XCOL(N_("Fund level"), SHEET_TEXT, EC_CODE, AL(level), .table = "fund_level"),
    XCOL(N_("Amount (yuan)"), SHEET_AMOUNT, EC_FEN, AL(a.amount)),
    XCOL(N_("Allocated on"), SHEET_DATE, EC_DATE, AL(a.alloc_date)),
    XCOL(N_("Allocation document"), SHEET_TEXT, EC_STR, AL(a.doc_no)),
    XCOL(N_("Result published on"), SHEET_DATE, EC_DATE, AL(a.published_on)),
    XCOL(N_("Paid (yuan)"), SHEET_AMOUNT, EC_FEN, AL(paid)),
};

/* Each project of X's filter and what ONE reads of it. */
static int per_project(struct export_run *x,
                       int (*one)(struct export_run *x, const struct project_row *p,
                                  struct err *e),
                       struct err *e)
{
    struct project_row *v = NULL;
    size_t n = 0, i;
    int rc;

    if ((rc = project_list(x, &v, &n, e)) < 0) {
        return -1;
    }
    for (i = 0; i < n && rc == 0; i++) {
        rc = one(x, &v[i], e);
    }
    free(v);
    return rc;
}

static int allocations_one(struct export_run *x, const struct project_row *p, struct err *e)
{
    const struct print_env *env = export_env(x);
    struct alloc_row *v = NULL;
    size_t n = 0;
    int rc;

    if (db_allocation_list(env->db, &env->ctx, p->id, 0, &v, &n, e) < 0) {
        return -1;
    }
    rc = EMIT_ALL(x, v, n, a.id, p, e);
    free(v);
    return rc;
}

static int allocations_rows(struct export_run *x, struct err *e)
{
    return per_project(x, allocations_one, e);
}

const struct export_kind allocations_kind = {
    "allocations", N_("Fund allocations"), "allocation", EXPORT_COLS(allocations),
    .filters = EF_PLACE | EF_YEAR};

#define PA(f) offsetof(struct payment_row, f)

static const struct export_col payments_cols[] = {
    PROJ_COLS,
    XCOL(N_("Fund document number"), SHEET_TEXT, EC_STR, PA(fund_doc)),
    XCOL(N_("Paid on"), SHEET_DATE, EC_DATE, PA(p.pay_date)),
    XCOL(N_("Amount (yuan)"), SHEET_AMOUNT, EC_FEN, PA(p.amount)),
    XCOL(N_("Payee"), SHEET_TEXT, EC_STR, PA(p.payee)),
    XCOL(N_("Voucher number"), SHEET_TEXT, EC_STR, PA(p.voucher_no)),
    XCOL(N_("Wages for work relief"), SHEET_TEXT, EC_YESNO, PA(p.is_wage)),
};

static int payments_one(struct export_run *x, const struct project_row *p, struct err *e)
{
    struct payment_row *v = NULL;
    size_t n = 0;
    int rc;

    if (db_payment_list(export_env(x)->db, p->id, &v, &n, e) < 0) {
        return -1;
    }
    rc = EMIT_ALL(x, v, n, p.id, p, e);
    free(v);
    return rc;
}

static int payments_rows(struct export_run *x, struct err *e)
{
    return per_project(x, payments_one, e);
}

const struct export_kind payments_kind = {
    "payments", N_("Payments"), "payment", EXPORT_COLS(payments),
    .filters = EF_PLACE | EF_YEAR};

/* ---- assets ---------------------------------------------------------------------- */

#define AS(f) offsetof(struct asset_row, f)

static const struct export_col assets_cols[] = {
    XCOL(N_("Asset number"), SHEET_TEXT, EC_STR, AS(asset_no)),
    XCOL(N_("Asset name"), SHEET_TEXT, EC_STR, AS(name)),
    XCOL(N_("Asset class"), SHEET_TEXT, EC_CODE, AS(aclass), .table = "asset_class"),
    XCOL(N_("Asset type"), SHEET_TEXT, EC_CODE, AS(atype), .table = "asset_type"),
    XCOL(N_("Year formed"), SHEET_INT, EC_INT, AS(year)),
    XCOL(N_("Location"), SHEET_TEXT, EC_STR, AS(place)),
    XCOL(N_("Owned at"), SHEET_TEXT, EC_CODE, AS(owner_level), .table = "owner_level"),
    XCOL(N_("Maintained by"), SHEET_TEXT, EC_STR, AS(maintainer)),
    XCOL(N_("Asset status"), SHEET_TEXT, EC_CODE, AS(status), .table = "asset_status"),
    XCOL(N_("Value (yuan)"), SHEET_AMOUNT, EC_FEN, AS(value)),
    XCOL(N_("Latest income (yuan)"), SHEET_AMOUNT, EC_FEN, AS(last_income)),
    XCOL(N_("Income year"), SHEET_INT, EC_INT, AS(income_year)),
    XCOL(N_("Project name"), SHEET_TEXT, EC_STR, AS(proj_name)),
};

static int assets_rows(struct export_run *x, struct err *e)
{
    const struct print_env *env = export_env(x);
    struct funds_filter ff = funds_of(x);
    struct asset_row *v = NULL;
    size_t n = 0;
    int rc;

    if (db_asset_list(env->db, &env->ctx, env->actor, &ff, &v, &n, e) < 0) {
        return -1;
    }
    rc = EMIT_ALL(x, v, n, id, NULL, e);
    free(v);
    return rc;
}

const struct export_kind assets_kind = {
    "assets", N_("Project assets"), "asset", EXPORT_COLS(assets),
    .filters = EF_PLACE | EF_YEAR | EF_KIND | EF_FLAGGED};

/* ---- the year's fund indicators (meters) ------------------------------------- */

/* One meter with the texts of its percentages. */
struct meter_row {
    int64_t id;                 /* its line, from 1 */
    struct meter m;
    char share[32], target[40];
};

#define MR(f) offsetof(struct meter_row, f)

static const char *meter_name(struct export_run *x, const void *row, char *buf, size_t n)
{
    (void)x, (void)buf, (void)n;
    return meter_label(((const struct meter_row *)row)->m.id);
}

/* The fund a meter is of: its type, its level, or the type the meter is
 * about (以工代赈 for the wage share, else 衔接资金). */
static const char *meter_of(struct export_run *x, const void *row, char *buf, size_t n)
{
    const struct meter *m = &((const struct meter_row *)row)->m;
    const struct codebook *cb = export_env(x)->codes;
    const char *tag = m->id == METER_WAGE ? "workrelief" : "xianjie";

    (void)buf, (void)n;
    return m->level[0] != '\0' && m->fund_type[0] == '\0'
               ? code_label(cb, "fund_level", m->level)
               : code_label(cb, "fund_type", m->fund_type[0] != '\0'
                                                 ? m->fund_type
                                                 : code_with_tag(cb, "fund_type", tag));
}

static const char *meter_state(struct export_run *x, const void *row, char *buf, size_t n)
{
    const struct meter *m = &((const struct meter_row *)row)->m;

    (void)x, (void)buf, (void)n;
    if (m->status == MS_OK) {
        return _("met");
    }
    return m->status != MS_SHORT ? "" : m->is_cap ? _("over") : _("short");
}

static const struct export_col indicators_cols[] = {
    XCOL(N_("Fund indicator"), SHEET_TEXT, EC_FN, 0, .fn = meter_name),
    XCOL(N_("Fund"), SHEET_TEXT, EC_FN, 0, .fn = meter_of),
    XCOL(N_("Amount (yuan)"), SHEET_AMOUNT, EC_FEN, MR(m.part)),
    XCOL(N_("Of (yuan)"), SHEET_AMOUNT, EC_FEN, MR(m.whole)),
    XCOL(N_("Share (%)"), SHEET_AMOUNT, EC_STR, MR(share)),
    XCOL(N_("Required (%)"), SHEET_TEXT, EC_STR, MR(target)),
    XCOL(N_("Gap (yuan)"), SHEET_AMOUNT, EC_FEN, MR(m.gap)),
    XCOL(N_("Status"), SHEET_TEXT, EC_FN, 0, .fn = meter_state),
};

/* A meter's row: its share as a number of percent, its target as text. */
static void meter_row(struct meter_row *r, const struct meter *m, size_t i)
{
    char pct[32];

    memset(r, 0, sizeof(*r));
    r->id = (int64_t)i + 1;
    r->m = *m;
    snprintf(r->share, sizeof(r->share), "%" PRId64 ".%02" PRId64, m->share_bp / 100,
             m->share_bp % 100);      /* a number: the percent sign is the header's */
    if (m->target_bp >= 0) {
        money_bp_text(m->target_bp, pct, sizeof(pct));
        snprintf(r->target, sizeof(r->target), "%s%s", m->is_cap ? "<=" : ">=", pct);
    }
}

static int indicators_rows(struct export_run *x, struct err *e)
{
    const struct print_env *env = export_env(x);
    int year = export_filt(x)->year != 0 ? export_filt(x)->year : date_year(env->today);
    struct fund_sums *s = NULL;
    struct meter m[64];
    struct meter_row r;
    size_t n = 0, k, i;
    int rc = 0;

    if (db_fund_sums(env->db, env->codes, year, &s, &n, e) < 0) {
        return -1;
    }
    k = meter_compute(rules_in_force(&env->ctx, year), env->codes, year, env->today, s, n, m,
                      sizeof(m) / sizeof(m[0]));
    free(s);
    for (i = 0; i < k && rc == 0; i++) {
        meter_row(&r, &m[i], i);
        rc = export_wants(x, r.id) ? export_emit(x, &r, NULL, e) : 0;
    }
    return rc;
}

const struct export_kind indicators_kind = {
    "indicators", N_("Fund indicators"), "fund", EXPORT_COLS(indicators),
    .filters = EF_YEAR};

/* ---- paired assistance -------------------------------------------------------------- */

#define PT(f) offsetof(struct partner_row, f)

static const struct export_col partners_cols[] = {
    XCOL(N_("Partner"), SHEET_TEXT, EC_STR, PT(p.name)),
    XCOL(N_("Kind of assistance"), SHEET_TEXT, EC_CODE, PT(p.kind), .table = "partner_kind"),
    XCOL(N_("Partner level"), SHEET_TEXT, EC_CODE, PT(p.level), .table = "partner_level"),
    XCOL(N_("Region"), SHEET_TEXT, EC_STR, PT(p.region)),
    XCOL(N_("Contact"), SHEET_TEXT, EC_STR, PT(p.contact)),
    XCOL(N_("Phone"), SHEET_TEXT, EC_STR, PT(p.phone)),
    XCOL(N_("Paired with"), SHEET_TEXT, EC_STR, PT(paired)),
    XCOL(N_("Agreements"), SHEET_INT, EC_INT, PT(agreements)),
    XCOL(N_("Aid arrived this year (yuan)"), SHEET_AMOUNT, EC_FEN, PT(aid_year)),
};

static int partners_rows(struct export_run *x, struct err *e)
{
    const struct print_env *env = export_env(x);
    struct pair_filter pf = pair_of(x);
    struct partner_row *v = NULL;
    size_t n = 0;
    int rc;

    if (db_partner_list(env->db, &env->ctx, &pf, &v, &n, e) < 0) {
        return -1;
    }
    rc = EMIT_ALL(x, v, n, p.id, NULL, e);
    free(v);
    return rc;
}

const struct export_kind partners_kind = {
    "partners", N_("Assistance partners"), "partner", EXPORT_COLS(partners),
    .filters = EF_YEAR | EF_KIND | EF_FLAGGED};

#define AG(f) offsetof(struct agreement_row, f)

static const struct export_col agreements_cols[] = {
    XCOL(N_("Partner"), SHEET_TEXT, EC_STR, AG(partner)),
    XCOL(N_("Kind of assistance"), SHEET_TEXT, EC_CODE, AG(kind), .table = "partner_kind"),
    XCOL(N_("Year"), SHEET_INT, EC_INT, AG(a.year)),
    XCOL(N_("Agreement number"), SHEET_TEXT, EC_STR, AG(a.doc_no)),
    XCOL(N_("Signed on"), SHEET_DATE, EC_DATE, AG(a.signed_on)),
    XCOL(N_("Targets set"), SHEET_INT, EC_INT, AG(targets)),
    XCOL(N_("Targets met"), SHEET_INT, EC_INT, AG(met)),
    XCOL(N_("Targets missed"), SHEET_INT, EC_INT, AG(short_)),
    XCOL(N_("Behind pace"), SHEET_INT, EC_INT, AG(behind)),
};

static int agreements_rows(struct export_run *x, struct err *e)
{
    const struct print_env *env = export_env(x);
    struct pair_filter pf = pair_of(x);
    struct agreement_row *v = NULL;
    size_t n = 0;
    int rc;

    if (db_agreement_list(env->db, &env->ctx, &pf, &v, &n, e) < 0) {
        return -1;
    }
    rc = EMIT_ALL(x, v, n, a.id, NULL, e);
    free(v);
    return rc;
}

const struct export_kind agreements_kind = {
    "agreements", N_("Assistance agreements"), "agreement", EXPORT_COLS(agreements),
    .filters = EF_YEAR | EF_KIND | EF_FLAGGED};

#define RE(f) offsetof(struct record_row, f)

/* An arrival's value: yuan for a money indicator, else a count. */
static const char *arrival_value(struct export_run *x, const void *row, char *buf, size_t n,
                                 int money)
{
    const struct record_row *r = row;
    char m[MONEY_BUF];

    if (code_is(export_env(x)->codes, "pair_indicator", r->r.indicator, "money") != money) {
        return "";
    }
    if (money) {
        money_format(r->r.value, 0, m);
        snprintf(buf, n, "%s", m);
    } else {
        snprintf(buf, n, "%" PRId64, r->r.value);
    }
    return buf;
}

static const char *arrival_yuan(struct export_run *x, const void *row, char *buf, size_t n)
{
    return arrival_value(x, row, buf, n, 1);
}

static const char *arrival_count(struct export_run *x, const void *row, char *buf, size_t n)
{
    return arrival_value(x, row, buf, n, 0);
}

static const struct export_col arrivals_cols[] = {
    XCOL(N_("Partner"), SHEET_TEXT, EC_STR, RE(partner)),
    XCOL(N_("Indicator"), SHEET_TEXT, EC_CODE, RE(r.indicator), .table = "pair_indicator"),
    XCOL(N_("Date"), SHEET_DATE, EC_DATE, RE(r.day)),
    XCOL(N_("Amount (yuan)"), SHEET_AMOUNT, EC_FN, 0, .fn = arrival_yuan),
    XCOL(N_("Count"), SHEET_INT, EC_FN, 0, .fn = arrival_count),
    XCOL(N_("Evidence"), SHEET_TEXT, EC_STR, RE(r.evidence)),
    XCOL(N_("Location"), SHEET_TEXT, EC_STR, RE(place)),
};

static int arrivals_rows(struct export_run *x, struct err *e)
{
    const struct print_env *env = export_env(x);
    struct pair_filter pf = pair_of(x);
    struct record_row *v = NULL;
    size_t n = 0;
    int rc;

    if (db_pair_record_list(env->db, env->actor, &pf, &v, &n, e) < 0) {
        return -1;
    }
    rc = EMIT_ALL(x, v, n, r.id, NULL, e);
    free(v);
    return rc;
}

const struct export_kind arrivals_kind = {
    "arrivals", N_("Assistance arrivals"), "pair_record", EXPORT_COLS(arrivals),
    .filters = EF_PLACE | EF_YEAR | EF_KIND};

#define TE(f) offsetof(struct team_row, f)

static const struct export_col teams_cols[] = {
    XCOL(N_("Location"), SHEET_TEXT, EC_STR, TE(place)),
    XCOL(N_("Team"), SHEET_TEXT, EC_STR, TE(t.name)),
    XCOL(N_("Sent by"), SHEET_TEXT, EC_STR, TE(t.sent_by)),
    XCOL(N_("Term starts"), SHEET_DATE, EC_DATE, TE(t.term_start)),
    XCOL(N_("Term ends"), SHEET_DATE, EC_DATE, TE(t.term_end)),
    XCOL(N_("Members serving"), SHEET_INT, EC_INT, TE(members)),
    XCOL(N_("First secretary"), SHEET_TEXT, EC_STR, TE(secretary)),
    XCOL(N_("Members breaking the attendance rule"), SHEET_INT, EC_INT, TE(att_broken)),
};

static int teams_rows(struct export_run *x, struct err *e)
{
    const struct print_env *env = export_env(x);
    struct pair_filter pf = pair_of(x);
    struct team_row *v = NULL;
    size_t n = 0;
    int rc;

    if (db_team_list(env->db, &env->ctx, env->actor, &pf, &v, &n, e) < 0) {
        return -1;
    }
    rc = EMIT_ALL(x, v, n, t.id, NULL, e);
    free(v);
    return rc;
}

const struct export_kind teams_kind = {
    "teams", N_("Resident teams"), "team", EXPORT_COLS(teams),
    .filters = EF_PLACE | EF_FLAGGED};

#define AT(f) offsetof(struct attendance_row, f)

static const struct export_col attendance_cols[] = {
    XCOL(N_("Location"), SHEET_TEXT, EC_STR, AT(place)),
    XCOL(N_("Team"), SHEET_TEXT, EC_STR, AT(team)),
    XCOL(N_("Team member"), SHEET_TEXT, EC_STR, AT(member)),
    XCOL(N_("Role in the team"), SHEET_TEXT, EC_CODE, AT(role), .table = "team_role"),
    XCOL(N_("Month"), SHEET_TEXT, EC_MONTH, AT(a.month)),
    XCOL(N_("Days in the village"), SHEET_INT, EC_INT, AT(a.present)),
    XCOL(N_("Days required"), SHEET_INT, EC_INT, AT(j.required)),
    XCOL(N_("Days of leave"), SHEET_INT, EC_INT, AT(a.leave)),
    XCOL(N_("Leave approved by"), SHEET_TEXT, EC_STR, AT(a.approver)),
    XCOL(N_("Days absent without leave"), SHEET_INT, EC_INT, AT(a.absent)),
};

static int attendance_rows(struct export_run *x, struct err *e)
{
    const struct print_env *env = export_env(x);
    struct pair_filter pf = pair_of(x);
    struct attendance_row *v = NULL;
    size_t n = 0;
    int rc;

    if (db_attendance_list(env->db, &env->ctx, env->actor, &pf, 0, &v, &n, e) < 0) {
        return -1;
    }
    rc = EMIT_ALL(x, v, n, a.id, NULL, e);
    free(v);
    return rc;
}

const struct export_kind attendance_kind = {
    "attendance", N_("Team attendance"), "attendance", EXPORT_COLS(attendance),
    .filters = EF_PLACE | EF_MONTH | EF_FLAGGED};

/* ---- an assessment round ------------------------------------------------------------- */

/* The cells of one line of the results (the columns below). */
enum { C_ROUND, C_YEAR, C_TEMPLATE, C_UNIT_ID, C_UNIT, C_RANK, C_TOTAL, C_GRADE, C_CODE,
       C_PARENT, C_NAME, C_METHOD, C_MAX, C_POINTS, C_INPUT, C_WHY, C_NOTE, C_EVIDENCE,
       C_COUNT };

struct aline {
    const char *c[C_COUNT];
    char round[24], year[8], unit[24], rank[12], total[32], max[32], points[32], input[32];
};

#define AC(i) offsetof(struct aline, c) + (i) * sizeof(const char *)

static const struct export_col assessment_cols[] = {
    XCOL(N_("Round"), SHEET_INT, EC_PSTR, AC(C_ROUND)),
    XCOL(N_("Year"), SHEET_INT, EC_PSTR, AC(C_YEAR)),
    XCOL(N_("Template"), SHEET_TEXT, EC_PSTR, AC(C_TEMPLATE)),
    XCOL(N_("Assessed unit id"), SHEET_INT, EC_PSTR, AC(C_UNIT_ID)),
    XCOL(N_("Assessed unit"), SHEET_TEXT, EC_PSTR, AC(C_UNIT)),
    XCOL(N_("Rank"), SHEET_INT, EC_PSTR, AC(C_RANK)),
    XCOL(N_("Total points"), SHEET_AMOUNT, EC_PSTR, AC(C_TOTAL)),
    XCOL(N_("Grade"), SHEET_TEXT, EC_PSTR, AC(C_GRADE)),
    XCOL(N_("Indicator code"), SHEET_TEXT, EC_PSTR, AC(C_CODE)),
    XCOL(N_("Parent indicator"), SHEET_TEXT, EC_PSTR, AC(C_PARENT)),
    XCOL(N_("Indicator"), SHEET_TEXT, EC_PSTR, AC(C_NAME)),
    XCOL(N_("Method"), SHEET_TEXT, EC_PSTR, AC(C_METHOD)),
    XCOL(N_("Maximum points"), SHEET_AMOUNT, EC_PSTR, AC(C_MAX)),
    XCOL(N_("Points"), SHEET_AMOUNT, EC_PSTR, AC(C_POINTS)),
    XCOL(N_("Input"), SHEET_AMOUNT, EC_PSTR, AC(C_INPUT)),
    XCOL(N_("Made of"), SHEET_TEXT, EC_PSTR, AC(C_WHY)),
    XCOL(N_("Note"), SHEET_TEXT, EC_PSTR, AC(C_NOTE)),
    XCOL(N_("Evidence"), SHEET_TEXT, EC_PSTR, AC(C_EVIDENCE)),
};

/* A computed line's input: a rate in percent ("98.11") or a count. */
static void input_text(const struct assess_input *in, char *buf, size_t n)
{
    if (in->is_rate) {
        snprintf(buf, n, "%" PRId64 ".%02" PRId64, in->value / 100, in->value % 100);
    } else {
        snprintf(buf, n, "%" PRId64, in->value);
    }
}

/* The cells of line L (NULL: the unit's summary row) into X. */
static void line_cells(const struct assess_template *t, const struct assess_sheet *s,
                       const struct sheet_line *l, struct aline *x)
{
    x->c[C_MAX] = x->max;
    x->c[C_POINTS] = x->points;
    if (l == NULL) {
        x->c[C_METHOD] = "total";
        assess_points_text(t->total_cp, x->max, sizeof(x->max));
        assess_points_text(s->total_cp, x->points, sizeof(x->points));
        return;
    }
    x->c[C_CODE] = l->ind->code;
    x->c[C_PARENT] = l->ind->parent;
    x->c[C_NAME] = l->ind->name;
    x->c[C_METHOD] = assess_method_name(l->ind->method);
    assess_points_text(l->ind->max_cp, x->max, sizeof(x->max));
    x->c[C_MAX] = l->ind->method == AM_BONUS ? "" : x->max;
    assess_points_text(l->s.points_cp, x->points, sizeof(x->points));
    x->c[C_POINTS] = l->computed || l->scored || l->ind->method == AM_GROUP ? x->points : "";
    if (l->computed) {
        input_text(&l->in, x->input, sizeof(x->input));
        x->c[C_INPUT] = x->input;
        x->c[C_WHY] = l->in.why;
        x->c[C_NOTE] = l->ind->note;
    } else {
        x->c[C_NOTE] = l->note;
        x->c[C_EVIDENCE] = l->evidence;
    }
}

/* One line of REP's unit sheet S: its summary when L is NULL. */
static int assess_line(struct export_run *xr, const struct assess_report *rep,
                       const struct assess_sheet *s, const struct sheet_line *l, struct err *e)
{
    const struct assess_rank *k = assess_report_rank(rep, s->unit);
    struct aline x;

    memset(&x, 0, sizeof(x));
    snprintf(x.round, sizeof(x.round), "%" PRId64, rep->rt.r.id);
    snprintf(x.year, sizeof(x.year), "%d", rep->rt.r.year);
    snprintf(x.unit, sizeof(x.unit), "%" PRId64, s->unit);
    snprintf(x.rank, sizeof(x.rank), "%d", k != NULL ? k->rank : 0);
    assess_points_text(s->total_cp, x.total, sizeof(x.total));
    x.c[C_ROUND] = x.round;
    x.c[C_YEAR] = x.year;
    x.c[C_TEMPLATE] = rep->rt.r.template_id;
    x.c[C_UNIT_ID] = x.unit;
    x.c[C_UNIT] = s->unit_name;
    x.c[C_RANK] = x.rank;
    x.c[C_TOTAL] = x.total;
    x.c[C_GRADE] = s->grade;
    line_cells(&rep->rt.t, s, l, &x);
    return export_emit(xr, &x, NULL, e);
}

/* The latest round when F names none. */
static int round_of(struct export_run *x, int64_t *round, struct err *e)
{
    struct assess_round *v = NULL;
    size_t n = 0, i;

    *round = export_filt(x)->round;
    if (*round != 0) {
        return 0;
    }
    if (db_round_list(export_env(x)->db, &v, &n, e) < 0) {
        return -1;
    }
    for (i = 0; i < n; i++) {
        *round = v[i].id > *round ? v[i].id : *round;
    }
    db_round_list_free(v, n);
    return *round != 0 ? 0 : err_set(e, ERR_NOTFOUND, "%s", _("there is no assessment round"));
}

static int assessment_rows(struct export_run *x, struct err *e)
{
    const struct print_env *env = export_env(x);
    struct assess_report rep;
    int64_t round;
    size_t i, k;
    int rc;

    memset(&rep, 0, sizeof(rep));
    if (round_of(x, &round, e) < 0) {
        return -1;
    }
    export_set_record(x, round);
    rc = assess_report_load(env->db, &env->ctx, round, export_filt(x)->unit, &rep, e);
    for (i = 0; rc == 0 && i < rep.nsheets; i++) {
        const struct assess_sheet *s = &rep.sheets[i];

        rc = assess_line(x, &rep, s, NULL, e);
        for (k = 0; rc == 0 && k < s->n; k++) {
            rc = assess_line(x, &rep, s, &s->v[k], e);
        }
    }
    assess_report_clear(&rep);
    return rc;
}

const struct export_kind assessment_kind = {
    "assessment", N_("Assessment results"), "assess_round", EXPORT_COLS(assessment),
    .filters = EF_ROUND};

/* ---- department warnings ----------------------------------------------------------- */

#define WR(f) offsetof(struct warn_row, f)

/* The department's name of a stored id ("medical": 医保). */
static const char *warn_dept(struct export_run *x, const void *row, char *buf, size_t n)
{
    const struct warn_row *r = row;
    const struct rule_ctx *ctx = &export_env(x)->ctx;

    (void)buf, (void)n;
    return policy_dept_name(ctx->policy, r->w.dept, ctx->province, date_year(r->w.import_date));
}

static const char *warn_status(struct export_run *x, const void *row, char *buf, size_t n)
{
    (void)x, (void)buf, (void)n;
    return warn_status_label(((const struct warn_row *)row)->w.status);
}

static const struct export_col warnings_cols[] = {
    XCOL(N_("Department"), SHEET_TEXT, EC_FN, 0, .fn = warn_dept),
    XCOL(N_("Township/village"), SHEET_TEXT, EC_STR, WR(place)),
    XCOL(N_("Household number"), SHEET_TEXT, EC_STR, WR(hh_no)),
    XCOL(N_("Name"), SHEET_TEXT, EC_STR, WR(w.name)),
    XCOL(N_("ID number"), SHEET_TEXT, EC_IDNO, WR(w.id_no)),
    XCOL(N_("Value"), SHEET_TEXT, EC_STR, WR(w.value)),
    XCOL(N_("Date"), SHEET_DATE, EC_DATE, WR(w.event_date)),
    XCOL(N_("Rule"), SHEET_TEXT, EC_STR, WR(w.rule)),
    XCOL(N_("imported"), SHEET_DATE, EC_DATE, WR(w.import_date)),
    XCOL(N_("Status"), SHEET_TEXT, EC_FN, 0, .fn = warn_status),
    XCOL(N_("Explanation"), SHEET_TEXT, EC_PSTR, WR(w.reason)),
    XCOL(N_("Verified by"), SHEET_TEXT, EC_STR, WR(w.decided_by)),
    XCOL(N_("Verified on"), SHEET_DATE, EC_DATE, WR(w.decided_on)),
};

/* Every warning the account sees (of the township of --township). */
static int warnings_rows(struct export_run *x, struct err *e)
{
    const struct print_env *env = export_env(x);
    struct warn_filter wf = {-1, NULL, export_filt(x)->hh.township_id};
    struct warn_row *v = NULL;
    size_t n = 0;
    int rc;

    if (export_filt(x)->hh.village_id != 0) {
        return err_set(e, ERR_USAGE, "%s", _("the warnings are exported by township, not by village"));
    }
    if (db_warning_rows(env->db, env->actor, &wf, &v, &n, e)) {
        return -1;
    }
    rc = EMIT_ALL(x, v, n, w.id, NULL, e);
    warn_rows_free(v, n);
    return rc;
}

const struct export_kind warnings_kind = {
    "warnings", N_("Department warnings"), "dept_warning", EXPORT_COLS(warnings),
    .filters = EF_PLACE};
