/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * funds.h - the county's money trail (domain.md 6 and 7): fund receipts
 * (资金下达), projects of the project pool (项目库), allocations of
 * receipts to projects, payments, and the project assets (资产台账) with
 * their sources, yearly income and disposal.  Plain data with the checks
 * that need no database: each record's own fields (fund_check,
 * project_check...), the project lifecycle (core/project.c) and the
 * meters (core/meter.c).  Money is fen, dates are day numbers.
 */
#ifndef ZX_FUNDS_H
#define ZX_FUNDS_H

#include <stddef.h>
#include <stdint.h>

#include "core/codes.h"
#include "core/date.h"
#include "core/household.h"

#define FUND_DOC_BUF 64      /* 文号: 川财农〔2025〕12号 */
#define FUND_TEXT_BUF 128    /* names, payees, units */
#define PROJ_NO_BUF 32
#define ASSET_SOURCES 4      /* fund sources of one asset */

/* 资金下达: one receipt of funds by the county. */
struct fund {
    int64_t id;
    int year;                     /* the budget year */
    char level[CODE_BUF];         /* fund_level: 中央/省/市/县 */
    char fund_type[CODE_BUF];     /* fund_type: 衔接资金 ... */
    char task_line[CODE_BUF];     /* task_line, "" none */
    char batch[32];               /* 批次 */
    char doc_no[FUND_DOC_BUF];    /* 文号 */
    char title[FUND_TEXT_BUF];    /* 资金名称 / 文件标题 */
    int64_t amount;
    int received_on;
    int workrelief_batch;         /* a designated 以工代赈 batch (专项批次) of
                                     central funds: its projects pay at least
                                     the batch share of rules.conf as wages */
    char *note;                   /* owned, may be NULL */
    int64_t version;
};

/* The project lifecycle (domain.md 6.4). */
enum proj_state {
    PS_NONE = 0,
    PS_PROPOSED,            /* 村申报 */
    PS_VILLAGE_PUBLICIZED,  /* 村级公示 */
    PS_TOWNSHIP_REVIEWED,   /* 乡镇审核 */
    PS_TOWNSHIP_PUBLICIZED, /* 乡镇公示 */
    PS_COUNTY_ARGUED,       /* 县级论证 */
    PS_APPROVED,            /* 审定入库 (县级公示) */
    PS_PLANNED,             /* 列入年度计划 (公告) */
    PS_IMPLEMENTING,        /* 实施中 */
    PS_COMPLETED,           /* 已完工 */
    PS_ACCEPTED,            /* 已验收 */
    PS_SETTLED,             /* 已决算 */
    PS_ASSETS_REGISTERED,   /* 资产已登记移交 */
    PS_OPERATING,           /* 运营管护中 */
    PS_REJECTED,            /* 未通过 */
    PS_ROLLED_OVER,         /* 结转下年 */
    PS_ADJUSTED,            /* 已调整 */
    PS_CANCELLED,           /* 已撤销 */
    PS_COUNT
};

enum proj_action {
    PA_PROPOSE = 0,         /* 申报 */
    PA_VILLAGE_PUBLICIZE,   /* 村级公示 */
    PA_TOWNSHIP_REVIEW,     /* 乡镇审核 */
    PA_TOWNSHIP_PUBLICIZE,  /* 乡镇公示 */
    PA_COUNTY_ARGUE,        /* 县级论证 */
    PA_APPROVE,             /* 审定入库, with the county publicity */
    PA_PLAN,                /* 列入年度计划, with the announcement (公告) */
    PA_START,               /* 开工实施 */
    PA_COMPLETE,            /* 完工 */
    PA_ACCEPT,              /* 验收 */
    PA_SETTLE,              /* 决算 */
    PA_REGISTER_ASSETS,     /* 资产登记移交 */
    PA_OPERATE,             /* 进入运营管护 */
    PA_REJECT,              /* 不予通过 */
    PA_ROLL_OVER,           /* 结转下年 */
    PA_ADJUST,              /* 项目调整 */
    PA_CANCEL,              /* 撤销 */
    PA_COUNT
};

/* What a step needs from the user. */
enum proj_needs {
    PN_DATE = 1 << 0,
    PN_PUBLICITY = 1 << 1,   /* publicity start and end (>= N days) */
    PN_REASON = 1 << 2,      /* a reason (reject, adjust, cancel) */
    PN_DOC = 1 << 3,         /* a document number (approval, plan) */
};

struct proj_transition {
    enum proj_state from;
    enum proj_action action;
    unsigned roles;              /* ROLE_BIT()s allowed */
    enum proj_state to;
    unsigned needs;              /* enum proj_needs */
};

/* 项目库 entry. */
struct project {
    int64_t id;
    char proj_no[PROJ_NO_BUF];    /* 项目编号 */
    char name[FUND_TEXT_BUF];
    int year;                     /* the plan year */
    char ptype[CODE_BUF];         /* project_type */
    int64_t township_id;
    int64_t village_id;           /* 0: the township as a whole */
    char implementer[FUND_TEXT_BUF]; /* 实施单位 */
    char proposer[CODE_BUF];      /* proposer_level: 村/乡镇/县级部门 */
    enum proj_state state;
    int64_t budget;               /* 计划总投资 */
    int64_t self_funds;           /* 自筹及其他 (not from receipts) */
    int hh_benefit, persons_benefit;   /* 受益户数 / 人数 */
    int hh_poor, persons_poor;         /* of which 脱贫户 */
    int hh_monitored, persons_monitored; /* of which 监测户 */
    int period_start, period_end; /* 建设期限 */
    int workers, workers_poor;    /* 以工代赈: 务工人数, of which 脱贫/监测 */
    int person_days;              /* 务工工日 */
    int targets_published_on;     /* 绩效目标公开日期 */
    char *content;                /* 建设内容及规模, owned */
    char *linking;                /* 联农带农机制 */
    char *targets;                /* 绩效目标 */
    char *note;
    int64_t version;
};

/* One step of a project's history. */
struct proj_step {
    int64_t id;
    int64_t project_id;
    enum proj_action action;
    enum proj_state from, to;
    char actor[64];
    char at[20];
    int step_date;
    int pub_start, pub_end;       /* DATE_NONE when not a publicity */
    char doc_no[FUND_DOC_BUF];
    char *note;
};

/* The user's input for one step. */
struct proj_input {
    enum proj_action action;
    int step_date;
    int pub_start, pub_end;
    const char *doc_no;
    const char *note;
};

/* Funds of a receipt allocated to a project (资金安排). */
struct allocation {
    int64_t id;
    int64_t fund_id;
    int64_t project_id;
    int64_t amount;
    int alloc_date;               /* 下达/安排日期 */
    char doc_no[FUND_DOC_BUF];    /* 资金分配文件 */
    int published_on;             /* 分配结果公告日期, DATE_NONE: not yet */
    char *note;
    int64_t version;
};

/* A payment out of an allocation (支出). */
struct payment {
    int64_t id;
    int64_t allocation_id;
    int pay_date;
    int64_t amount;
    char payee[FUND_TEXT_BUF];
    char voucher_no[PROJ_NO_BUF]; /* 凭证号 */
    int is_wage;                  /* 以工代赈 劳务报酬 */
    char *note;
    int64_t version;
};

struct asset_source {
    char fund_type[CODE_BUF];
    int64_t amount;
};

/* 项目资产 */
struct asset {
    int64_t id;
    char asset_no[PROJ_NO_BUF];
    char name[FUND_TEXT_BUF];
    char aclass[CODE_BUF];        /* asset_class: 公益性/经营性/到户类 */
    char atype[CODE_BUF];         /* asset_type within the class */
    int64_t project_id;           /* 0: none recorded */
    int year;                     /* 形成年度 */
    int64_t township_id;
    int64_t village_id;           /* 0: township level */
    int64_t household_id;         /* 到户类: the household */
    char scale[64];               /* 规模: "3.2公里", "120头" */
    int completed_on;             /* 建成/移交日期 */
    char owner_level[CODE_BUF];   /* 确权到: 县/乡/村/户/经营主体 */
    char owner[FUND_TEXT_BUF];    /* 所有权人 */
    char operator_[FUND_TEXT_BUF];/* 经营权人 */
    char op_mode[CODE_BUF];       /* 自营/租赁/入股/托管 */
    char maintainer[FUND_TEXT_BUF]; /* 管护主体 (公益性: required) */
    int64_t upkeep;               /* 管护经费 per year */
    int hh_benefit, hh_poor, hh_monitored;
    char status[CODE_BUF];        /* asset_status */
    char disposal[CODE_BUF];      /* disposal method, "" none */
    int disposal_date;
    char disposal_doc[FUND_DOC_BUF]; /* 批准文号 */
    int64_t disposal_amount;      /* 处置收入 */
    char *disposal_reason;
    char archive_no[PROJ_NO_BUF]; /* 档案号 */
    int publicized_on;            /* 公示日期 */
    struct asset_source src[ASSET_SOURCES];
    int nsrc;
    int64_t value;                /* 原值 = the sum of the sources */
    char *note;
    int64_t version;
};

/* One year's income of an operating asset and its distribution. */
struct asset_income {
    int64_t id;
    int64_t asset_id;
    int year;
    int64_t income;               /* 收益 */
    int64_t to_households;        /* 分配到户 */
    int households;               /* 受益户数 */
    int64_t to_village;           /* 村集体留存 (公益岗位, 小微奖补...) */
    int64_t to_upkeep;            /* 用于管护 */
    int dist_date;
    char *use_note;               /* 用途 */
    int64_t version;
};

/* Empty records (dates DATE_NONE); _clear frees owned strings. */
void fund_init(struct fund *f);
void fund_clear(struct fund *f);
void project_init(struct project *p);
void project_clear(struct project *p);
void proj_step_init(struct proj_step *s);
void proj_step_clear(struct proj_step *s);
void allocation_init(struct allocation *a);
void allocation_clear(struct allocation *a);
void payment_init(struct payment *p);
void payment_clear(struct payment *p);
void asset_init(struct asset *a);
void asset_clear(struct asset *a);
void asset_income_init(struct asset_income *i);
void asset_income_clear(struct asset_income *i);

struct err;

/* Each record's own rules (codes against CB, dates, amounts, what goes
 * with what); 0, or -1 with E (ERR_INVALID) in plain words.  TODAY: no
 * date may lie after it. */
int fund_check(const struct fund *f, const struct codebook *cb, int today,
               struct err *e);
int project_check(const struct project *p, const struct codebook *cb,
                  struct err *e);
int allocation_check(const struct allocation *a, int today, struct err *e);
int payment_check(const struct payment *p, int today, struct err *e);
/* Also computes A->value from the sources. */
int asset_check(struct asset *a, const struct codebook *cb, int today,
                struct err *e);
int asset_income_check(const struct asset_income *i, struct err *e);

/* Whether something that must be published within DAYS days of UNIT
 * (calendar or working days) of FROM has been (domain.md 6.5: allocation
 * results, performance targets; the numbers are rules.conf's). */
enum pub_status {
    PUB_NONE = 0,      /* nothing to publish (FROM is DATE_NONE) */
    PUB_PENDING,       /* not yet published, not yet due */
    PUB_ON_TIME,
    PUB_LATE,          /* published after the due day */
    PUB_OVERDUE,       /* not published and the due day has passed */
};
struct calendar;
/* The status on TODAY; *DUE (may be NULL) gets the due day. */
enum pub_status pub_status(const struct calendar *cal, int from, int days,
                           enum day_unit unit, int published, int today, int *due);
/* "late" ... (translated), "" for PUB_NONE. */
const char *pub_status_label(enum pub_status s);

/* Stored names and labels of states and actions. */
const char *proj_state_name(enum proj_state s);
const char *proj_state_label(enum proj_state s);
int proj_state_parse(const char *name, enum proj_state *out);
const char *proj_action_name(enum proj_action a);
const char *proj_action_label(enum proj_action a);
int proj_action_parse(const char *name, enum proj_action *out);

/* The transition for ACTION from STATE, or NULL. */
const struct proj_transition *proj_transition(enum proj_state from,
                                              enum proj_action action);
const struct proj_transition *proj_transitions(size_t *n);
/* The actions ROLE may take in STATE into OUT (PA_COUNT entries). */
size_t proj_actions_for(enum proj_state s, int role, enum proj_action *out);

/* Funds may be allocated to a project in S (planned to accepted). */
int proj_state_fundable(enum proj_state s);
/* Payments may be made to a project in S (implementing to settled). */
int proj_state_payable(enum proj_state s);
/* S is before the pool: proposed to county-argued. */
int proj_state_proposal(enum proj_state s);

/* How far the funds ALLOCATED to a project and its OWN funds go over its
 * planned investment BUDGET, in fen (0: within it, or no plan given). */
int64_t proj_over_plan(int64_t budget, int64_t own, int64_t allocated);

#endif
