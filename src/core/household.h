/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * household.h - the registry's entities (domain.md section 2): household,
 * member, yearly income, the four guarantees, and the snapshot that
 * gathers everything the rules need to judge one household.  Plain data;
 * the database layer fills it, core/rules.c judges it.
 */
#ifndef ZX_HOUSEHOLD_H
#define ZX_HOUSEHOLD_H

#include <stddef.h>
#include <stdint.h>

#include "core/idno.h"
#include "core/mcase.h"

#define HH_NO_BUF 32      /* 户编号, 人编号 */
#define NAME_BUF 96       /* a person's name: up to 30 Chinese characters */
#define CODE_BUF 12       /* a code of a code table */
#define PHONE_BUF 24
#define SHORT_BUF 256     /* address, unit, place */
#define DOCNO_BUF 32      /* 证件号码 (残疾人证 has 20 characters) */

struct household {
    int64_t id;
    char hh_no[HH_NO_BUF];
    int64_t township_id;
    int64_t village_id;
    int64_t natural_village_id;   /* 0 = none */
    char hh_type[CODE_BUF];       /* 户类型: 脱贫户 / 一般农户 */
    char address[SHORT_BUF];
    char phone[PHONE_BUF];
    int relocated;                /* 易地扶贫搬迁 */
    char relocation_site[SHORT_BUF];
    int military;                 /* 军烈属 */
    int no_labour_support;        /* 整户无劳动能力兜底保障户 */
    char house_grade[CODE_BUF];   /* 危房等级 A-D, "" unknown */
    int first_identified;         /* 首次识别时间: a month (core/date.h),
                                   * 0 unknown; kept through re-identifications */
    char water[CODE_BUF];         /* 是否解决安全饮用水 as the national system
                                   * states it (code table "water"), "" unknown */
    int64_t version;
};

struct person {
    int64_t id;
    int64_t household_id;
    char person_no[HH_NO_BUF];
    char name[NAME_BUF];
    char sex[CODE_BUF];
    char id_type[CODE_BUF];
    char id_no[DOCNO_BUF];
    int birth;                    /* DATE_NONE when unknown */
    char relation[CODE_BUF];
    char ethnicity[CODE_BUF];
    char political[CODE_BUF];
    char education[CODE_BUF];
    char schooling[CODE_BUF];
    char health[CODE_BUF];
    char labour[CODE_BUF];
    char work_place[SHORT_BUF];
    int work_months;              /* 务工时间（月）, 0-12 */
    int ins_medical;              /* 基本医疗保险 */
    int ins_serious;              /* 大病保险 */
    int medical_aid;              /* 医疗救助 */
    int ins_pension;              /* 基本养老保险 */
    int dibao;                    /* 低保 */
    int tekun;                    /* 特困供养 */
    char public_job[CODE_BUF];    /* 公益岗位, "" none */
    char phone[PHONE_BUF];
    int in_household;             /* 0 once removed (自然减少...) */
    char left_reason[SHORT_BUF];  /* why the member left */
    int identified;               /* 人员识别时间: a month, 0 unknown */
    int64_t version;
};

/* Income and expenditure of one year (收支情况), all amounts in fen. */
struct income {
    int64_t id;
    int64_t household_id;
    int year;
    int64_t wage;           /* 工资性收入 */
    int64_t business;       /* 生产经营性收入 */
    int64_t property;       /* 财产性收入 */
    int64_t transfer;       /* 转移性收入 */
    int64_t business_cost;  /* 生产经营性支出 */
    int64_t claims;         /* 家庭理赔收入 */
    int64_t oop_rigid;      /* 合规自付支出 */
    int64_t unsplit;        /* net income given as a total only (the national
                             * sheet's 人均纯收入), not split into the kinds */
    int members;            /* 家庭人口数 the figure is divided by */
    int64_t net;            /* 家庭纯收入, computed */
    int64_t per_capita;     /* 家庭人均纯收入, computed */
    int64_t line_fen;       /* the monitoring line it was judged against */
    int line_year;
    int64_t version;
};

/* 两不愁三保障及饮水安全: 1 = secured, 0 = a problem. */
struct guarantee {
    int64_t id;
    int64_t household_id;
    int year;
    int checked_on;
    int food_clothing;
    int education;
    int medical;
    int housing;
    int water;
    int64_t version;
};

/* A responsible cadre (帮扶责任人): a 驻村工作队员, a township official, a
 * village cadre or a paired unit's staff (KIND, code table cadre_kind),
 * serving the households of a township (and village: 0 for the whole
 * township), which scopes the cadre as it scopes households. */
struct cadre {
    int64_t id;
    char name[NAME_BUF];
    char sex[CODE_BUF];
    char unit[SHORT_BUF];          /* 帮扶(选派)单位 */
    char phone[PHONE_BUF];
    char kind[CODE_BUF];
    char post[SHORT_BUF];          /* 职务 */
    int64_t township_id, village_id;
    int64_t version;
};

/* A cadre responsible for a household from START (to END, DATE_NONE:
 * still), assigned by the login ASSIGNED_BY and ended by ENDED_BY. */
struct hh_cadre {
    int64_t id;
    int64_t household_id;
    int64_t cadre_id;
    int start, end;
    char assigned_by[64];
    char ended_by[64];
    int64_t version;
};

struct codebook;
struct err;
/* C's own fields: name, kind, unit and township required, the phone a
 * mobile or landline number; 0, or -1 with E saying which is wrong. */
int cadre_check(const struct codebook *cb, const struct cadre *c, struct err *e);

/* Everything the rules need about one household. */
struct hh_snapshot {
    struct household hh;
    struct person *members;   /* current members only */
    size_t nmembers, amembers;
    struct income *incomes;   /* ascending year */
    size_t nincomes, aincomes;
    struct guarantee *guarantees; /* ascending year */
    size_t nguarantees, aguarantees;
    int has_case;
    struct mcase mcase;       /* the household's current (not rejected) case */
    struct case_step *steps;  /* of that case, in order */
    size_t nsteps, asteps;
    struct measure *measures;
    size_t nmeasures, ameasures;
    struct visit *visits;     /* ascending date */
    size_t nvisits, avisits;
    int ncadres;              /* responsible cadres now (帮扶责任人) */
};

/* Fill INC->net and INC->per_capita from the parts (domain.md 2.3):
 * net = wage + business + property + transfer + unsplit - business_cost;
 * per capita = net / members, rounded half away from zero to the fen.
 * Returns -1 when members < 1. */
int income_compute(struct income *inc);

/* INC's per-capita net income once SPENDING (fen, the household's) is
 * paid out of it, rounded as income_compute rounds: the figure
 * 扣减刚性支出后人均纯收入 (domain.md 2.3); 0 when INC has no members. */
int64_t income_per_capita_after(const struct income *inc, int64_t spending);

/* Per capita PC against the monitoring line LINE (fen): 1 above, 0 at
 * the line, -1 below.  Only above counts (domain.md 4.6): income exactly
 * at the line is not above it. */
int income_vs_line(int64_t pc, int64_t line);

/* PC against LINE in words, into BUF of N bytes: how far above or below
 * the line, or that it is at the line and so not above; the one wording
 * of the 明白卡, the income form and the elimination rule.  Returns BUF. */
char *income_line_words(int64_t pc, int64_t line, char *buf, size_t n);

/* The same in a word for a table column: above or NOT above. */
const char *income_line_word(int64_t pc, int64_t line);

/* The latest step of S's case with ACTION, NULL if none. */
const struct case_step *snapshot_last_step(const struct hh_snapshot *s,
                                           enum case_action action);

/* The month S was first identified (首次识别时间, 0 unknown): the one
 * stored with the household (from the national sheet, or its first
 * county approval), else the first county approval in its case's
 * history, else its case's identification.  A re-identification never
 * changes it. */
int snapshot_first_identified(const struct hh_snapshot *s);

/* The first identification S gets at STEP, a step of its case: at a
 * county approval when it has none, the first approval of its history
 * (an imported case) or else STEP's month; 0 when it keeps what it has. */
int snapshot_first_identified_at(const struct hh_snapshot *s, const struct case_step *step);

/* Whether S's drinking water is secured (是否解决安全饮用水) as a code of
 * table "water" of CB: the household's (the national system's), else
 * that of its latest check of the four guarantees; "" when neither. */
struct codebook;
const char *snapshot_water(const struct hh_snapshot *s, const struct codebook *cb);

/* Empty S for the next household, keeping its arrays. */
void snapshot_reset(struct hh_snapshot *s);
void snapshot_free(struct hh_snapshot *s);
/* Append an element to the snapshot's arrays; returns it zeroed. */
struct person *snapshot_add_member(struct hh_snapshot *s);
struct income *snapshot_add_income(struct hh_snapshot *s);
struct guarantee *snapshot_add_guarantee(struct hh_snapshot *s);
struct case_step *snapshot_add_step(struct hh_snapshot *s);
struct measure *snapshot_add_measure(struct hh_snapshot *s);
struct visit *snapshot_add_visit(struct hh_snapshot *s);

/* The income record of YEAR, or NULL. */
const struct income *snapshot_income(const struct hh_snapshot *s, int year);
/* The latest income / guarantee record, or NULL. */
const struct income *snapshot_last_income(const struct hh_snapshot *s);
const struct guarantee *snapshot_last_guarantee(const struct hh_snapshot *s);
/* The guarantee record (两不愁三保障及饮水安全 check) of YEAR, or NULL. */
const struct guarantee *snapshot_guarantee(const struct hh_snapshot *s, int year);

#endif
