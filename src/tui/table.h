/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * table.h - list screens as definitions.  A table definition (struct
 * table_def) names its columns and loads the rows of its current filter
 * into memory, or pages through them from the database; the one table
 * screen (s_table.c) does the rest the same way for every list: columns
 * laid out by display width at any width, the cursor, search as you type
 * (/, a new search each time; Up recalls the ones before), sorting by
 * any shown column (s), going to a row (g), the filter (f, the
 * definition's), tags (t, T), open (Enter), new (a), edit (e), print
 * (p), reload (r), tabs between sibling tables (Tab, 1-8), the filter in
 * words and the position "123/456" on the status line.
 *
 * In memory, on purpose: fund receipts, projects, allocations, payments
 * and assets are hundreds to a few thousand rows per county, so a table
 * holds every row of its filter (a few hundred KiB at most) and searches
 * (text or pinyin initials, several words must all match) and sorts them
 * without asking the database again.  A list that grows without bound
 * (the 250,000 households, s_list.c) has a pager instead of load: the
 * screen holds only the rows in view, fetched by keyset through w_list,
 * and hands the search and the sort to the pager's query.
 *
 * A table filtered by year or month, by the kinds of a code table or to
 * the rows with warnings says so in a struct table_filter_def; the menu,
 * its state and its words are then the table screen's (table_filter.c).
 *
 * The rows, search, sorting and column layout below need no terminal
 * (table_rows.c); tests/unit/test_table.c tests them.
 */
#ifndef ZX_TABLE_H
#define ZX_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "core/household.h"
#include "tui/keys.h"
#include "tui/w_list.h"

struct err;
struct sbuf;
struct tui;
struct view_def;
struct form_kind;
struct idset;
struct export_filter;

struct table_col {
    const char *title;     /* N_ */
    int width;             /* display columns, at least */
    int right;             /* right-aligned (amounts, counts) */
    int numeric;           /* sorts by the row's num[], not its text */
    int flex;              /* takes spare width, up to its widest cell */
};

/* How the columns of a list whose rows are not at hand (a pager) fit a
 * narrow or a wide screen, one per column: on a narrow screen those of a
 * lower PRIO get room first; a flex column grows to MAX at most. */
struct table_fit {
    int prio;
    int max;
};

struct table_row {
    int64_t id;
    char **cells;          /* one text per column, never NULL */
    int64_t *num;          /* one number per column (numeric columns) */
    unsigned mark;         /* an ASCII flag shown after the tag, drawn as a
                            * warning ('!': late, overdrawn); 0: none */
    unsigned mark2;        /* a second flag for tables of two (marks 2),
                            * '?' drawn as an error */
    char *hay;             /* what search looks in (made when first needed) */
};

struct table_rows {
    size_t ncols;
    struct table_row *v;
    size_t n, alloc;
};

/* The rows of a list too long for memory, read a page at a time (the
 * households): the table screen keeps the rows in view only. */
struct table_pager {
    /* The rows; its ctx is the definition's (ctx_new). */
    const struct list_source *source;
    /* ROW of the source as cells into OUT: table_add, table_set...,
     * table_set_mark, as load does. */
    void (*cells)(struct tui *t, void *ctx, const void *row, struct table_rows *out);
    /* The search typed, and the sort chosen (column COL, DESC reversed),
     * for the next fetch. */
    void (*search)(void *ctx, const char *text);
    void (*sort)(void *ctx, size_t col, int desc);
    int sort0;             /* the column the rows come sorted by at first */
    /* 1 once after the query changed on another screen (a filter): the
     * rows are read from the first again. */
    int (*changed)(void *ctx);
    /* The rows are read again because another screen may have changed
     * the data (what the definition keeps of them is stale). */
    void (*stale)(void *ctx);
};

struct table_filter_def;

struct table_def {
    const char *id;                /* "fund_receipts" */
    const char *title;             /* N_: the tab, the help's title */
    const char *help;              /* N_: more for the help, or NULL */
    const struct table_col *cols;
    size_t ncols;
    const struct table_fit *fit;   /* optional, one per column */
    const char *empty;             /* N_: said when there is no row at all */
    /* The sibling tables shown as tabs (this one among them), ended by
     * NULL; or NULL for none.  Tab, Shift-Tab and 1-8 switch; each tab
     * keeps its own filter, search, sort, tags and cursor. */
    const struct table_def *const *tabs;

    /* Optional state of the definition (its filter...), made for each
     * tab when first shown; PARENT is what table_open was given (the
     * project whose payments these are), 0 for a workspace's root. */
    void *(*ctx_new)(struct tui *t, int64_t parent);
    void (*ctx_free)(void *ctx);

    /* Add the rows under the current filter to OUT (empty, ncols set),
     * in their natural order, with table_add and table_set...; 0, or -1
     * with E. */
    int (*load)(struct tui *t, void *ctx, struct table_rows *out, struct err *e);
    /* Or the rows a page at a time (LOAD is then NULL). */
    const struct table_pager *pager;

    /* The row ID's record (Enter), a new record (a), editing the row
     * (e), printing the tagged rows or else the current one (p): each
     * optional (the key is left out without it); they return dirty
     * flags, TR_RELOAD to read the rows again now.  The rows are read
     * again anyway when a screen opened from here closes. */
    unsigned (*open)(struct tui *t, void *ctx, int64_t id);
    unsigned (*create)(struct tui *t, void *ctx);
    unsigned (*edit)(struct tui *t, void *ctx, int64_t id);
    /* The common case without a function: Enter opens VIEW on the row's
     * id, a opens FORM for a new record and e for the row's (each used
     * when OPEN, CREATE or EDIT is NULL).  VIEW_ID, when there, gives the
     * record VIEW shows for row ID instead (the partner of an agreement),
     * or 0 after saying why it cannot. */
    const struct view_def *view;
    int64_t (*view_id)(struct tui *t, int64_t id);
    const struct form_kind *form;
    unsigned (*print)(struct tui *t, void *ctx, const int64_t *ids, size_t n);
    /* x: the kind of export (print/export.h) of the rows, named; the
     * dialog exports the tagged rows, or else the rows shown (filtered and
     * searched; with a pager, the query's filter and search given by
     * EXPORT_FILTER).  EXPORT_FILTER may also fill what else the kind
     * needs (an assessment's round: the row under the cursor) and returns
     * 1 when that alone says what is exported (no rows are chosen). */
    const char *export;
    int (*export_filter)(struct tui *t, void *ctx, struct export_filter *f);
    int export_off_bar;         /* 1: x in the help only, the table's own
                                   keys keep the key bar at 80 columns */
    /* f: change the filter (a menu, a form...); returns 1 when it
     * changed at once, 0 when not or when it opened a screen.  c: back
     * to no filter.  info: the filter in words ("2026, 中央") or nothing. */
    int (*filter)(struct tui *t, void *ctx);
    void (*clear_filter)(void *ctx);
    void (*info)(struct tui *t, void *ctx, struct sbuf *out);
    /* Or what the rows are filtered by, the rest being the table screen's:
     * the ctx is then a struct table_filter (ctx_new, ctx_free, filter,
     * clear_filter and info are left NULL). */
    const struct table_filter_def *filter_by;
    /* More for the status line after the filter and the search, in WIDTH
     * display columns at most (counts), or nothing. */
    void (*status_more)(struct tui *t, void *ctx, int width, struct sbuf *out);

    /* How it looks, each optional: MARKS flags before the first cell (1,
     * or 2 for mark2); UNTITLED: no title line (a workspace's only list,
     * named on the top line); ALL: the status line without filter or
     * search (N_; "<title>: all"); the search prompt (N_); what to say
     * when the search matches nothing (N_). */
    int marks;
    int untitled;
    const char *all;
    const char *search_label;
    const char *no_match;

    /* More keys (ACT_FORM1.., KD_BAR to show them), ended by {0}, and
     * what they do with the row under the cursor (ID 0: none). */
    const struct keydef *keys;
    unsigned (*action)(struct tui *t, void *ctx, int action, int64_t id);
};

/* Open the table screen of DEF (a tab of DEF->tabs when it has some) over
 * the current screen, PARENT passed to ctx_new; 0, or -1 with a message. */
int table_open(struct tui *t, const struct table_def *def, int64_t parent);

/* For a definition's callbacks, of the table screen on top: the row under
 * the cursor (its source's row for a pager, else a struct table_row), or
 * NULL; the ids tagged; a line to type on the status line after LABEL
 * (translated), given to DONE with the definition's ctx on Enter (Esc
 * drops it).  Outside a table screen: NULL, NULL, -1. */
const void *table_current(struct tui *t);
const struct idset *table_tagged(struct tui *t);
int table_ask(struct tui *t, const char *label,
              unsigned (*done)(struct tui *t, void *ctx, const char *text));

/* --- what a table is filtered by (table_filter.c) --------------------------- */

/* How a table is filtered, in its definition. */
struct table_filter_def {
    int by_year;           /* every year, or one (the years from YEARS) */
    int one_year;          /* always one year (this year when cleared) */
    int by_month;          /* one month of the last 12; MONTH0 when cleared */
    int month0;            /* 0: the last month recorded; -1: the month
                            * before today's */
    const char *kinds;     /* the code table of the rows' kinds, or NULL */
    int flagged;           /* offers "only rows with warnings" */
    /* The years there are data for; NULL: this year and the 4 before. */
    int (*years)(struct tui *t, int **v, size_t *n, struct err *e);
};

/* Its state, the ctx of such a table. */
struct table_filter {
    const struct table_filter_def *def;
    int year;              /* 0: every year */
    int month;             /* a month number (core/date.h); 0: the last */
    char kind[CODE_BUF];   /* "": every kind */
    int flagged;           /* only rows with warnings */
    void *menu;            /* what the menu's items do, while it is open */
};

/* The ctx of a definition with filter_by, and its callbacks. */
void *table_filter_new(struct tui *t, const struct table_filter_def *d);
void table_filter_free(void *ctx);
int table_filter_menu(struct tui *t, void *ctx);
void table_filter_clear(void *ctx);
void table_filter_info(struct tui *t, void *ctx, struct sbuf *out);

/* The county's code tables, and the short label of CODE in TABLE (what
 * the cells of tables and records show). */
const struct codebook *tui_codes(struct tui *t);
const char *tui_code_text(struct tui *t, const char *table, const char *code);

/* --- rows (table_rows.c) ---------------------------------------------------- */

void table_rows_init(struct table_rows *rs, size_t ncols);
/* Drop every row (NCOLS stays). */
void table_rows_clear(struct table_rows *rs);
void table_rows_release(struct table_rows *rs);

/* A new row ID at the end, its cells empty: the table_set... calls that
 * follow fill it. */
struct table_row *table_add(struct table_rows *rs, int64_t id);
/* Cell COL of the last row added (ignored when out of range). */
void table_set(struct table_rows *rs, size_t col, const char *text);
void table_setf(struct table_rows *rs, size_t col, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* A number shown grouped ("12,345"), an amount in fen shown in yuan
 * ("12,345.60"), a day number shown as a date (empty for DATE_NONE);
 * each also sets num[COL] for sorting. */
void table_set_int(struct table_rows *rs, size_t col, int64_t n);
void table_set_money(struct table_rows *rs, size_t col, int64_t fen);
void table_set_date(struct table_rows *rs, size_t col, int day);
/* The flag of the last row added ('!'). */
void table_set_mark(struct table_rows *rs, unsigned mark);
/* Its second flag ('?'), for a table of two (marks 2). */
void table_set_mark2(struct table_rows *rs, unsigned mark);

/* Sort the rows by column COL: by num[COL] when NUMERIC, else by the text
 * in pinyin order; DESC reverses; equal rows keep their order. */
void table_sort(struct table_rows *rs, size_t col, int numeric, int desc);

/* 1 when row R matches SEARCH: every word of it (split at spaces) is in
 * one of its cells, or in the pinyin initials of one ("zs" finds 张三);
 * Latin letters match either case.  An empty SEARCH matches. */
int table_row_matches(const struct table_rows *rs, struct table_row *r,
                      const char *search);

/* The indexes of the rows matching SEARCH, in order, into OUT (room for
 * rs->n); returns how many. */
size_t table_select(const struct table_rows *rs, const char *search, size_t *out);

/* The index of the row ID, or -1. */
long table_find(const struct table_rows *rs, int64_t id);

/* Column widths for WIDTH display columns into OUT: COLS[i].width at
 * least (right-aligned ones as wide as their widest cell: amounts are
 * never cut), in order while they fit; flex columns share what is left,
 * each up to its widest title or cell.  OUT[i] is 0 for a column left
 * out.  Returns the columns used, separators included. */
int table_layout(const struct table_col *cols, size_t ncols,
                 const struct table_rows *rs, int width, int *out);
/* The same in the order of FIT's prio (then of the columns), a flex
 * column up to its FIT max; RS may be NULL (the rows are not at hand). */
int table_layout_fit(const struct table_col *cols, const struct table_fit *fit, size_t ncols,
                     const struct table_rows *rs, int width, int *out);

/* A list_source over positions 0..n-1 of an array of row indexes: the
 * w_list rows are size_t positions; CTX is a struct table_shown. */
struct table_shown {
    const size_t *idx;
    size_t n;
};
extern const struct list_source table_source;

/* --- the F2 workspace (s_list.c) ------------------------------------------ */

/* Open the monitoring list of the households. */
int households_open(struct tui *t);
/* Its print menu (s_print_menus.c): the cards of the households TAGS,
 * the card of the household of row R and the publicity lists of its
 * village (R may be NULL), the visit worklists.  Returns dirty flags. */
struct list_row;
unsigned households_print(struct tui *t, const struct idset *tags,
                          const struct list_row *r, int64_t cadre);
/* The responsible cadres (s_cadre.c), C on the monitoring list. */
extern const struct table_def cadres_table;

/* --- the F3 workspace (s_funds.c) ----------------------------------------- */

/* Open the root of the funds and projects workspace. */
int funds_open(struct tui *t);

/* The print menus of the workspace (s_print_menus.c): the publicity
 * lists of projects IDS (N), the allocation announcement of receipt FUND
 * (ONE: also of that receipt alone, not only of its year), the asset
 * ledgers around ASSET's place.  They return dirty flags. */
unsigned funds_print_projects(struct tui *t, const int64_t *ids, size_t n);
unsigned funds_print_receipt(struct tui *t, int64_t fund, int one);
unsigned funds_print_assets(struct tui *t, int64_t asset);
/* And of the paired-assistance workspace: the targets against actuals of
 * PARTNER for YEAR (or the year before); the attendance sheet of TEAM for
 * MONTH (or the month before), or of every team of its village. */
unsigned pair_print_partner(struct tui *t, int64_t partner, int year);
unsigned pair_print_team(struct tui *t, int64_t team, int month);
/* And of the assessment workspace: the summary of ROUND, or of UNIT's
 * sheet in it (UNIT 0: the round only). */
unsigned assess_print_round(struct tui *t, int64_t round, int64_t unit);

/* --- the F4 workspace (s_pair.c) ----------------------------------------- */

/* Open the root of the paired-assistance workspace (the partners). */
int pair_open(struct tui *t);

#endif
