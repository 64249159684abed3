/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_list.h - the list of households as the screens page through it: one
 * summary row per household (hh_list) and its search terms (hh_search),
 * kept up to date whenever a household changes, read a page at a time by
 * keyset (never OFFSET), filtered, searched and sorted by any column.
 */
#ifndef ZX_DB_LIST_H
#define ZX_DB_LIST_H

#include <stddef.h>
#include <stdint.h>

#include "core/summary.h"

struct db;
struct err;
struct sqlite3_value;

/* Bump when the summary's meaning changes: lists are rebuilt on open (3:
 * pinyin initials and order from Unihan, every CJK character; 4: a
 * rejected case stays on its household, 不纳入 in the state column, its
 * reply's deadline overdue as the others, and the rows of a database
 * upgraded through m_case_step_reply say so). */
#define LIST_VERSION "4"

enum list_col {
    LC_HHNO = 0,    /* 户编号 */
    LC_HEAD,        /* 户主 (pinyin order) */
    LC_TOWNSHIP,    /* 乡镇, then 行政村 */
    LC_VILLAGE,     /* 行政村 */
    LC_MEMBERS,     /* 人口 */
    LC_CATEGORY,    /* 类别 */
    LC_RISK,        /* 风险 */
    LC_INCOME,      /* 人均纯收入 */
    LC_STATE,       /* 状态 (procedure order) */
    LC_VISIT,       /* 最近走访 */
    LC_TYPE,        /* 户类型 */
    LC_IDENTIFIED,  /* 识别时间 */
    LC_COUNT
};

struct list_filter {
    int64_t township_id;       /* 0 = any */
    int64_t village_id;        /* 0 = any */
    char category[CODE_BUF];   /* "" = any */
    char risk[CODE_BUF];       /* "" = any */
    unsigned states;           /* 0 = any, else bits LIST_STATE(enum case_state);
                                * LIST_STATE(CS_COUNT) alone matches nothing */
    int waiting;               /* STATES are those waiting for the user's role
                                * (the worklist; says so in words) */
    int overdue;               /* only overdue households */
    int findings;              /* only households with findings */
    int no_dev_measure;        /* labour, no development measure, past due */
    int visit_days;            /* 0 = any, else a visit due within N days */
    int64_t cadre_id;          /* 0 = any, else this responsible cadre's now */
    int no_cadre;              /* only households without a responsible cadre */
    char search[128];          /* what was typed after '/' */
};

#define LIST_STATE(s) (1u << (s))

/* The states of monitoring objects (监测对象): identified and not closed
 * (from 已纳入监测 to the elimination's township review). */
unsigned list_states_monitored(void);

struct list_query {
    struct list_filter f;
    enum list_col sort;
    int desc;
    int scope_level;           /* of the acting user (enum division_level) */
    int64_t scope_id;
    int today;                 /* day number: what counts as overdue */
    /* Cache: how many households the search text's words match, for the
     * search it was counted for (the plan of a page query depends on
     * it).  Filled by db_list_count. */
    char hits_for[512];
    int64_t hits;
    /* How many rows the last db_list_count found (-1: not counted). */
    int64_t matched;
    /* The last searched page was found walking the sort order (the
     * search matches many rows): its count walks the rows too, which a
     * key arriving can stop (db_set_stop), rather than collecting every
     * match from the index at once. */
    int walked;
    /* How many rows in sort order a searched page is first looked for
     * among (0: 2,000); tests make it small. */
    int window;
};

/* A query over everything for ACTOR's scope, sorted by household number. */
void list_query_init(struct list_query *q, int scope_level, int64_t scope_id,
                     int today);

struct list_row {
    int64_t id;
    char hh_no[HH_NO_BUF];
    char head[NAME_BUF];
    int64_t township_id, village_id;
    char township[200], village[200];
    int members;
    char hh_type[CODE_BUF];
    char category[CODE_BUF];
    char risks[64];
    enum case_state state;
    int64_t per_capita;
    int income_year;           /* 0: no income recorded */
    int last_visit;            /* DATE_NONE */
    int identified_on;         /* DATE_NONE */
    int overdue;
    int findings;
    struct sqlite3_value *key; /* the sort value, for keyset paging */
};

/* An empty filter (everything). */
void list_filter_init(struct list_filter *f);
void list_row_clear(struct list_row *r);
/* Copy SRC into DST (which is cleared first). */
void list_row_copy(struct list_row *dst, const struct list_row *src);

/* Store SUM and the search terms TERMS of its household. */
int db_list_put(struct db *db, const struct hh_summary *sum,
                const char *terms, struct err *e);

/* Build the search index from every row's terms, in one pass (after a
 * bulk load, which leaves it out). */
int db_list_reindex(struct db *db, struct err *e);

/* Recompute the row of household HH (inside the caller's transaction). */
int db_list_refresh(struct db *db, const struct rule_ctx *ctx, int64_t hh,
                    struct err *e);

/* The same for household H as the caller read it (a save that read the
 * household does not read it again). */
int db_list_refresh_hh(struct db *db, const struct rule_ctx *ctx,
                       const struct household *h, struct err *e);

/* The same for household S as the caller has it whole, as stored (a
 * household just created: nothing is read). */
int db_list_refresh_snap(struct db *db, const struct rule_ctx *ctx,
                         const struct hh_snapshot *s, struct err *e);

/* Recompute every row, in one transaction; *N gets the number. */
int db_list_rebuild(struct db *db, const struct rule_ctx *ctx, long *n,
                    struct err *e);

/* Rebuild when the stored rows were made by another LIST_VERSION (or the
 * database was filled by an older zhenxing).  *REBUILT says whether it
 * did. */
int db_list_ensure(struct db *db, const struct rule_ctx *ctx, int *rebuilt,
                   struct err *e);

/* Up to N rows of Q after (DIR > 0) or before (DIR < 0) FROM in the sort
 * order, in display order; FROM NULL starts at the first (DIR > 0) or the
 * last (DIR < 0) row.  INCLUDE also returns FROM itself.  *GOT is set;
 * rows must be cleared with list_row_clear. */
int db_list_page(struct db *db, struct list_query *q,
                 const struct list_row *from, int dir, int include, int n,
                 struct list_row *out, int *got, struct err *e);

/* Rows matching Q. */
int db_list_count(struct db *db, struct list_query *q, int64_t *n,
                  struct err *e);

/* The row at position POS (0-based) of Q; ERR_NOTFOUND past the end. */
int db_list_nth(struct db *db, struct list_query *q, int64_t pos,
                struct list_row *out, struct err *e);

/* How many households of Q's scope and filter (its search left out) are
 * of each category and each state.  Q's last count (db_list_count) is
 * taken for the total when Q has no search. */
#define LIST_CATEGORIES 8
struct list_counts {
    int64_t total;
    int64_t state[CS_COUNT];
    struct {
        char code[CODE_BUF];
        int64_t n;
    } category[LIST_CATEGORIES];   /* of the households with a case */
    size_t ncategories;            /* in code order */
};
int db_list_counts(struct db *db, const struct list_query *q,
                   struct list_counts *out, struct err *e);

/* The 0-based position of ROW in Q. */
int db_list_rank(struct db *db, struct list_query *q,
                 const struct list_row *row, int64_t *pos, struct err *e);

/* The saved worklists of LOGIN: names and filter specs. */
struct worklist {
    int64_t id;
    char name[64];
    char spec[1024];
};
int db_worklist_list(struct db *db, const char *login, struct worklist **v,
                     size_t *n, struct err *e);
/* Save (or replace) NAME for LOGIN. */
int db_worklist_save(struct db *db, const char *login, const char *name,
                     const char *spec, struct err *e);
int db_worklist_delete(struct db *db, const char *login, int64_t id,
                       struct err *e);

/* A filter as text ("township=3;states=64;overdue=1") and back; unknown
 * parts are ignored (and "state=monitored" of older worklists read). */
void list_filter_format(const struct list_filter *f, char *out, size_t n);
void list_filter_parse(const char *spec, struct list_filter *f);

#endif
