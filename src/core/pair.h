/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * pair.h - paired assistance (帮扶协作, domain.md 8): the partners who help
 * the county (东西部协作, 定点帮扶, 对口帮扶, enterprises of 万企兴万村),
 * their pairings to the county, a township or a village, the yearly
 * agreements with targets per indicator, the records of what arrived;
 * and the resident work teams (驻村第一书记和工作队) with their members,
 * monthly attendance and yearly grades.  Plain data with the checks that
 * need no database and the two rules the screens flag: targets against
 * actuals (pair_progress) and the days in the village (att_judge).
 * Money is fen, dates are day numbers, months are month numbers
 * (core/date.h: year * 12 + month - 1).
 */
#ifndef ZX_PAIR_H
#define ZX_PAIR_H

#include <stddef.h>
#include <stdint.h>

#include "core/codes.h"
#include "core/household.h"   /* CODE_BUF */

#define PAIR_NAME_BUF 128    /* names of partners, units, teams */
#define PAIR_DOC_BUF 64      /* 协议文号, evidence document numbers */
#define PAIR_PERSON_BUF 64   /* a person's name, an approver */

struct err;
struct rules;

/* 帮扶单位: a partner helping the county. */
struct partner {
    int64_t id;
    char kind[CODE_BUF];          /* partner_kind (tags eastwest, designated, counterpart, enterprise) */
    char name[PAIR_NAME_BUF];     /* 浙江省湖州市吴兴区, 中国农业发展银行 */
    char level[CODE_BUF];         /* partner_level */
    char region[PAIR_NAME_BUF];   /* where it is: 浙江省湖州市 */
    char contact[PAIR_PERSON_BUF];/* 联络人 */
    char phone[32];
    char *note;                   /* owned, may be NULL */
    int64_t version;
};

/* 结对: a partner paired with the county (both places 0), a township
 * (VILLAGE 0) or a village, from START to END (DATE_NONE: open). */
struct pairing {
    int64_t id;
    int64_t partner_id;
    int64_t township_id;          /* 0: the county as a whole */
    int64_t village_id;           /* 0: the township as a whole */
    int start, end;
    char *note;
    int64_t version;
};

/* 年度协议: what a partner promised for a year. */
struct agreement {
    int64_t id;
    int64_t partner_id;
    int year;
    char doc_no[PAIR_DOC_BUF];    /* 协议 / 文件编号 */
    int signed_on;                /* DATE_NONE: not known */
    char *note;
    int64_t version;
};

/* One target of an agreement: VALUE of the indicator (pair_indicator
 * code; fen for money indicators, a count otherwise). */
struct agreement_target {
    int64_t id;
    int64_t agreement_id;
    char indicator[CODE_BUF];
    int64_t value;
    int64_t version;
};

/* 到位记录: something that arrived, dated, with its evidence. */
struct pair_record {
    int64_t id;
    int64_t partner_id;
    char indicator[CODE_BUF];
    int day;
    int64_t value;                /* fen or a count, > 0 */
    char evidence[PAIR_DOC_BUF];  /* 文号, 凭证号 or a short note: required */
    int64_t township_id;          /* where it went (0: the county) */
    int64_t village_id;
    char *note;
    int64_t version;
};

/* 驻村工作队: the team of one village for one term. */
struct team {
    int64_t id;
    int64_t township_id;
    int64_t village_id;
    char name[PAIR_NAME_BUF];     /* 驻桥凰村工作队 */
    char sent_by[PAIR_NAME_BUF];  /* 派出单位 (the lead one) */
    int term_start, term_end;     /* 任期 */
    char *note;
    int64_t version;
};

/* A member of a team. */
struct team_member {
    int64_t id;
    int64_t team_id;
    char name[PAIR_PERSON_BUF];
    char role[CODE_BUF];          /* team_role (tags secretary, leader, member) */
    char unit[PAIR_NAME_BUF];     /* 派出单位 */
    char unit_level[CODE_BUF];    /* unit_level */
    char phone[32];
    int start, end;               /* END DATE_NONE: still serving */
    char end_reason[CODE_BUF];    /* member_end: why the service ended */
    char *note;
    int64_t version;
};

/* A member's month: days in the village, leave (with who approved it)
 * and days absent without leave. */
struct attendance {
    int64_t id;
    int64_t member_id;
    int month;                    /* month_of() */
    int present;                  /* 在村天数 */
    int leave;                    /* 请假天数 */
    char approver[PAIR_PERSON_BUF]; /* 批准人 / 单位 (when LEAVE > 0) */
    char approver_level[CODE_BUF];  /* leave_approver (tags township, county) */
    int absent;                   /* 无故缺勤 (inspection findings) */
    char *note;
    int64_t version;
};

/* A member's yearly grade (年度考核). */
struct team_grade {
    int64_t id;
    int64_t member_id;
    int year;
    char grade[CODE_BUF];         /* team_grade (best first) */
    char *note;
    int64_t version;
};

void partner_init(struct partner *p);
void partner_clear(struct partner *p);
void pairing_init(struct pairing *p);
void pairing_clear(struct pairing *p);
void agreement_init(struct agreement *a);
void agreement_clear(struct agreement *a);
void pair_record_init(struct pair_record *r);
void pair_record_clear(struct pair_record *r);
void team_init(struct team *t);
void team_clear(struct team *t);
void team_member_init(struct team_member *m);
void team_member_clear(struct team_member *m);
void attendance_init(struct attendance *a);
void attendance_clear(struct attendance *a);
void team_grade_init(struct team_grade *g);
void team_grade_clear(struct team_grade *g);

/* The day team T is judged on (its members serving, the rules of its
 * year): TODAY within its term, else the nearer end of the term (a past
 * team as it ended, a team not begun yet as it begins).  Its minimum term
 * is judged by the rules of the year the term began. */
int team_day(const struct team *t, int today);

/* Each record's own rules (codes against CB, dates not after TODAY,
 * amounts, what goes with what); 0, or -1 with E (ERR_INVALID) in plain
 * words. */
int partner_check(const struct partner *p, const struct codebook *cb, struct err *e);
int pairing_check(const struct pairing *p, struct err *e);
int agreement_check(const struct agreement *a, int today, struct err *e);
int target_check(const struct agreement_target *t, const struct codebook *cb,
                 struct err *e);
int pair_record_check(const struct pair_record *r, const struct codebook *cb,
                      int today, struct err *e);
int team_check(const struct team *t, struct err *e);
int team_member_check(const struct team_member *m, const struct codebook *cb,
                      int today, struct err *e);
/* Also against the member's days in MONTH (present + leave + absent
 * within them) and the leave rule of R (more than
 * R->team_leave_township_max_days needs the county's approval). */
int attendance_check(const struct attendance *a, const struct codebook *cb,
                     const struct rules *r, int today, struct err *e);
int team_grade_check(const struct team_grade *g, const struct codebook *cb,
                     struct err *e);

/* --- targets against actuals ------------------------------------------ */

enum pair_status {
    PST_NO_TARGET = 0,   /* arrivals without a target */
    PST_MET,             /* actual >= target */
    PST_ON_PACE,         /* the year runs, actual >= the share of the year gone */
    PST_BEHIND,          /* the year runs, actual below that share */
    PST_SHORT,           /* the year is over (or END was given), actual < target */
};

struct pair_progress {
    int64_t target, actual;
    int64_t shortfall;   /* target - actual when positive, else 0 */
    int64_t pace;        /* what the share of the year gone stands for */
    int64_t rate_bp;     /* actual / target in basis points (0 without a target) */
    enum pair_status status;
};

/* TARGET against ACTUAL for YEAR judged on day TODAY: after the year (or
 * on its last day) a shortfall is PST_SHORT; within it the pace is the
 * target times the days gone over the days of the year, rounded up, and
 * below it is PST_BEHIND. */
void pair_progress(int64_t target, int64_t actual, int year, int today,
                   struct pair_progress *out);
/* The label of status S ("已完成", "未完成"...), translated. */
const char *pair_status_label(enum pair_status s);

/* --- the attendance rule ----------------------------------------------- */

enum att_flag {
    AF_DAYS_SHORT = 1 << 0,      /* fewer days in the village than required */
    AF_ABSENT = 1 << 1,          /* absences without leave */
};

struct att_judgement {
    int required;                /* days the member had to be present */
    unsigned flags;              /* enum att_flag */
};

/* The rule (R->team_min_days_month, 20) for member M in month A->month:
 * a month the member served only in part requires the share of it
 * served, rounded up (started on the 16th of a 30-day month: 10 of 20).
 * Flags what is broken. */
void att_judge(const struct attendance *a, const struct team_member *m,
               const struct rules *r, struct att_judgement *out);

/* The tag of the best grade (team_grade) a member may get in a year with
 * ABSENCES days absent without leave, by the rules R (domain.md 8.3: 1 ->
 * not 优秀, 2 -> at most 基本称职, 3 or more -> 不称职): "excellent" when
 * none, "competent", "basic" or "incompetent". */
const char *grade_ceiling(const struct rules *r, int absences);
/* 1 when grade code G of CB's team_grade is no better than the grade
 * tagged CEILING (the table lists the best first). */
int grade_within(const struct codebook *cb, const char *g, const char *ceiling);

#endif
