/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * dept.h - department warnings (部门筛查预警, domain.md 4.3a): what each
 * department's sheet looks like and by which rule one of its rows becomes
 * a warning.  The layouts, rules and reference incomes are policy data
 * (share/policy/dept.conf and incomes.conf, read by cfg/policy_load.c);
 * this module only looks them up and judges a row against them.
 */
#ifndef ZX_DEPT_H
#define ZX_DEPT_H

#include <stddef.h>
#include <stdint.h>

struct policy;
struct line_entry;
struct err;

/* The populations a rule applies to: a bit each. */
enum dept_pop {
    DEPT_POP_FORMER_POOR = 1 << 0,  /* 脱贫人口: household type tagged former_poor */
    DEPT_POP_MONITORED = 1 << 1,    /* 监测对象: a case identified, not eliminated */
    DEPT_POP_OTHER = 1 << 2,        /* other rural residents of the registry */
};

/* The stored names "former_poor", "monitored", "other" -> a bit; 0 when
 * NAME is none of them. */
unsigned dept_pop_parse(const char *name);

struct codebook;
struct dept;

/* The populations of a person whose household has the type HH_TYPE (code
 * of table hh_type) and whose case is in STATE (enum case_state; 0: no
 * case): enum dept_pop bits. */
unsigned dept_pops(const struct codebook *cb, const char *hh_type, int state);

/* 1 when a household whose case is in STATE with the risks RISKS (N codes
 * of table risk) is already followed for what D warns of: a case open
 * (from the clue to the elimination) with the risk D names, or with any
 * risk when D names none.  A case closed (eliminated, rejected) is not. */
int dept_already_followed(const struct codebook *cb, const struct dept *d, int state,
                          const char (*risks)[12], int n);

/* What a rule asks of the row's value. */
enum dept_test {
    DEPT_EVENT = 0,         /* any new event: every row is a warning */
    DEPT_OVER_AMOUNT,       /* the value (yuan) over an amount */
    DEPT_OVER_SHARE,        /* the value over a share of the reference income */
    DEPT_VALUE_IN,          /* the value (a status such as 辍学) one of a list */
};

/* The columns of a department's sheet, by label. */
enum dept_col {
    DEPT_COL_ID = 0,        /* 身份证号 (required) */
    DEPT_COL_NAME,          /* 姓名 (required) */
    DEPT_COL_VALUE,         /* the amount or the event (required) */
    DEPT_COL_DATE,          /* the event's date ("" in the file: none) */
    DEPT_NCOLS
};

struct dept_rule {
    unsigned pops;          /* enum dept_pop bits */
    enum dept_test test;
    int64_t fen;            /* DEPT_OVER_AMOUNT */
    int bp;                 /* DEPT_OVER_SHARE: basis points of the income */
    char **values;          /* DEPT_VALUE_IN: NULL-ended, the file's words */
    int labour;             /* 1: only a member with labour ability (劳动技能
                             * tagged "labour" in codes.conf) is taken */
    char *label;            /* the warning's name (因病返贫预警), may be "" */
};

struct dept {
    char *id;               /* stored name: "medical" */
    char *name;             /* 医保 */
    char **aliases;         /* NULL-ended: pinyin, English, the bureau's name */
    char *province;         /* two-digit code or "*" */
    int from_year;
    char *cols[DEPT_NCOLS]; /* the sheet's labels */
    char *risk;             /* tag of the risk code it warns of; "" none */
    struct dept_rule *rules;
    size_t nrules;
    char *source;
    char *confidence;
    char *file;             /* where it was read */
    int line;
};

void dept_clear(struct dept *d);
/* Free a NULL-ended list of texts V (aliases, a rule's values). */
void dept_texts_free(char **v);

/* 1 when some rule of D compares an amount (the value column must then be
 * a number in yuan); a list of statuses (DEPT_VALUE_IN) is not one. */
int dept_is_amount(const struct dept *d);

/* The department named NAME (its id, name or an alias) in force for
 * PROVINCE in YEAR: the province's own entry before "*", the latest
 * FROM_YEAR not after YEAR; NULL when none. */
const struct dept *policy_dept(const struct policy *p, const char *name,
                               const char *province, int year);

/* 1 when D (an entry of P) is the one of its id in force for PROVINCE in
 * YEAR: a list of the departments names each once. */
int policy_dept_in_force(const struct policy *p, const struct dept *d,
                         const char *province, int year);

/* The name of the department stored as ID ("medical" -> 医保), or ID when
 * dept.conf has it no more. */
const char *policy_dept_name(const struct policy *p, const char *id,
                             const char *province, int year);

/* The reference income (上年农村居民人均可支配收入) for a warning in
 * YEAR: the entry of YEAR - 1, or of the latest year before it, the
 * province's own before "*"; NULL when none. */
const struct line_entry *policy_income(const struct policy *p, const char *province,
                                       int year);

/* What dept_judge decided. */
struct dept_verdict {
    int warn;                       /* 1: a warning */
    const struct dept_rule *rule;   /* the rule of the population; NULL: none */
    const struct line_entry *income;/* DEPT_OVER_SHARE: the income used */
    int64_t threshold_fen;          /* the amount the value had to exceed */
};

/* The person a row of a department's sheet matched, and the row's value. */
struct dept_subject {
    unsigned pops;          /* enum dept_pop bits */
    const char *labour;     /* the member's 劳动技能 code (table labour); NULL, "" none */
    const char *value;      /* the value cell as the sheet has it (trimmed) */
    int64_t fen;            /* the value in fen (amount rules) */
};

/* Judge a row of D for the person S in PROVINCE, the warning dated in
 * YEAR: the first rule of D whose populations meet S's (and, for a rule
 * asking it, whose member has labour ability) decides.  -1 with E
 * (ERR_CONFIG) when a share rule finds no reference income. */
int dept_judge(const struct policy *p, const struct dept *d, const char *province,
               int year, const struct dept_subject *s, struct dept_verdict *v,
               struct err *e);

/* The rule V applied, in words, with its numbers (the threshold, the
 * income and its year): what the warning and the report show. */
void dept_rule_text(const struct dept *d, const struct dept_verdict *v, char *out,
                    size_t n);

/* --- warnings ------------------------------------------------------ */

/* Where a warning stands (stored by name: pending, clue, rejected). */
enum warn_status {
    WS_PENDING = 0,         /* 待核实 */
    WS_CLUE,                /* 已转线索: a case was started from it */
    WS_REJECTED,            /* 不符合: closed with a reason */
    WS_COUNT
};

const char *warn_status_name(enum warn_status s);
const char *warn_status_label(enum warn_status s);
int warn_status_parse(const char *name, enum warn_status *s);

#define WARN_RULE_BUF 400
#define WARN_VALUE_BUF 200

/* One warning: a row of a department's sheet that matched a person of
 * the registry and the department's rule, and its verification. */
struct dept_warning {
    int64_t id;
    int64_t person_id;
    int64_t household_id;
    char dept[24];                  /* struct dept id */
    char id_no[32];
    char name[64];                  /* as the sheet has it */
    char value[WARN_VALUE_BUF];     /* as the sheet has it (trimmed) */
    int64_t value_fen;              /* amount rules; 0 otherwise */
    int event_date;                 /* DATE_NONE when the sheet has none */
    char rule[WARN_RULE_BUF];       /* dept_rule_text */
    char source_file[400];          /* the sheet's file name */
    int import_date;
    enum warn_status status;
    char *reason;                   /* owned; closing or making a clue */
    char decided_by[64];
    int decided_on;
    int64_t case_id;                /* WS_CLUE: the case started */
    int64_t version;
};

void dept_warning_init(struct dept_warning *w);
void dept_warning_clear(struct dept_warning *w);

#endif
