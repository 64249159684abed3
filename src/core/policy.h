/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * policy.h - the numbers that change by province and year, as loaded from
 * the policy data files under share/policy/ (cfg/policy_load.c):
 * monitoring lines, procedure deadlines and check thresholds, the
 * working-day calendar, the code tables, and the departments' warning
 * rules with the reference incomes they compare with (core/dept.h).
 */
#ifndef ZX_POLICY_H
#define ZX_POLICY_H

#include <stddef.h>
#include <stdint.h>
#include <stdint.h>

#include "core/codes.h"
#include "core/date.h"

/* The national default: applies where a province has no entry. */
#define POLICY_ANY_PROVINCE "*"

/* Payment milestones a year may have. */
#define POLICY_PAY_MS_MAX 12

/* One monitoring line (监测范围): yuan per person per year, as fen. */
struct line_entry {
    char *province;     /* two-digit code, or "*" */
    int year;
    int64_t fen;
    char *source;       /* document or page it comes from */
    char *confidence;   /* V, S, M or I as in domain.md */
    int is_default;     /* shipped value the county should confirm */
    char *file;         /* where it was read (for messages) */
    int line;
};

/* Free what L holds (not L itself). */
void line_entry_clear(struct line_entry *l);

/* Deadlines and thresholds in force from FROM_YEAR on in PROVINCE. */
struct rules {
    char *province;
    int from_year;
    uint64_t named;              /* keys its entries name (cfg/policy_load.c) */
    /* A deadline's number of days is counted in its unit (enum day_unit,
     * the key's *_unit in rules.conf): verify_workdays may be calendar
     * days in a province that says so. */
    int verify_workdays;         /* clue -> home check */
    int verify_unit;
    int identify_days;           /* clue -> county approval */
    int identify_unit;
    int reject_reply_workdays;   /* check -> reasoned reply */
    int reject_reply_unit;
    int publicity_min_days;      /* village publicity, inclusive days */
    int dev_measure_days;        /* approval -> development measure */
    int safety_net_days;         /* approval -> safety-net measure (no labour) */
    int elim_min_months;         /* approval -> elimination */
    int assist_elim_min_months;  /* 帮扶消除 not in the same/next month */
    int no_labour_elimination;   /* 1: households without labour may be eliminated */
    int visit_interval_days;     /* monitored households */
    int followup_interval_days;  /* eliminated households (回访) */
    int64_t suspicious_income_fen;
    int suspicious_from_year;
    int64_t implausible_wage_fen;
    /* funds and projects (domain.md 6) */
    int project_publicity_min_days;  /* 三公示: each at least N days */
    int alloc_publish_workdays;      /* allocation results published */
    int alloc_publish_unit;
    int targets_publish_workdays;    /* performance targets published */
    int targets_publish_unit;
    int industry_min_bp;             /* 衔接资金 for industry, minimum */
    int mgmt_fee_central_bp;         /* 项目管理费 caps by fund level */
    int mgmt_fee_provincial_bp;
    int mgmt_fee_city_bp;
    int mgmt_fee_county_bp;
    int wage_min_bp;                 /* 以工代赈 labour remuneration */
    int wage_batch_min_bp;           /* ... of a designated batch (0: none
                                        beyond wage_min) */
    /* resident work teams (domain.md 8.3) */
    int team_min_days_month;         /* days in the village each month */
    int team_leave_township_max_days;/* leave the township may approve */
    int team_min_members;            /* members serving */
    int team_min_term_years;         /* a team's term */
    int team_absences_not_excellent; /* absences without leave that bar 优秀 */
    int team_absences_basic;         /* ... that cap the grade at 基本称职 */
    int team_absences_incompetent;   /* ... that make it 不称职 */
    int npay_ms;                     /* payment milestones, by date */
    int pay_ms_mmdd[POLICY_PAY_MS_MAX]; /* month * 100 + day */
    int pay_ms_bp[POLICY_PAY_MS_MAX];
};

struct dept;

struct policy {
    struct line_entry *lines;
    size_t nlines;
    struct line_entry *incomes;  /* reference incomes (incomes.conf) */
    size_t nincomes;
    struct dept *depts;          /* department warnings (dept.conf, core/dept.h) */
    size_t ndepts;
    struct rules *rules;
    size_t nrules;
    struct calendar cal;
    struct codebook codes;
    uint64_t digest;             /* of the files read (FNV-1a): what is kept
                                  * computed from them is kept under it */
};

/* The line for PROVINCE in YEAR: the province's own entry, else the
 * national default; NULL when neither exists. */
const struct line_entry *policy_line(const struct policy *p,
                                     const char *province, int year);

/* The rules in force for PROVINCE in YEAR (own entries before "*", the
 * latest FROM_YEAR not after YEAR); NULL when none applies. */
const struct rules *policy_rules(const struct policy *p,
                                 const char *province, int year);

struct notes;

/* What the policy files lack for YEAR in PROVINCE that every day of the
 * year needs: its monitoring line (lines.conf) and its holidays
 * (calendar.conf: without them working days count only weekends).  Adds
 * one message a gap to OUT (translated) and returns how many. */
size_t policy_gaps(const struct policy *p, const char *province, int year,
                   struct notes *out);

void policy_free(struct policy *p);

#endif
