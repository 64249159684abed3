/*
 * table.h - list screens as definitions.  A table definition (struct
 * table_def) names its columns and loads the rows of its current filter
 * into memory; the one table screen (s_table.c) does the rest the same
 * way for every table: columns laid out by display width at any width,
 * the cursor, search as you type (/: text or pinyin initials, several
 * words must all match), sorting by any shown column (s), the filter
 * (f, the definition's), tags (t, T), open (Enter), new (a), edit (e),
 * print (p), reload (r), tabs between sibling tables (Tab, 1-8) and the
 * status "123/456".
 *
 * In memory, on purpose: fund receipts, projects, allocations, payments
 * and assets are hundreds to a few thousand rows per county, so a table
 * holds every row of its filter (a few hundred KiB at most) and searches
 * and sorts them without asking the database again.  Lists that grow
 * without bound (the 250,000 households) page through w_list with SQL
 * instead (s_list.c).
 *
 * The rows, search, sorting and column layout below need no terminal
 * (table_rows.c); tests/unit/test_table.c tests them.
 */
#ifndef ZX_TABLE_H
#define ZX_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "tui/keys.h"
#include "tui/w_list.h"

struct err;
struct sbuf;
struct tui;
struct view_def;
struct form_kind;

struct table_col {
    const char *title;     /* N_ */
    int width;             /* display columns, at least */
    int right;             /* right-aligned (amounts, counts) */
    int numeric;           /* sorts by the row's num[], not its text */
    int flex;              /* takes spare width, up to its widest cell */
};

struct table_row {
    int64_t id;
    char **cells;          /* one text per column, never NULL */
    int64_t *num;          /* one number per column (numeric columns) */
    unsigned mark;         /* an ASCII flag shown after the tag, drawn as a
                            * warning ('!': late, overdrawn); 0: none */
    int tagged;
    char *hay;             /* what search looks in (made when first needed) */
};

struct table_rows {
    size_t ncols;
    struct table_row *v;
    size_t n, alloc;
};

struct table_def {
    const char *id;                /* "fund_receipts" */
    const char *title;             /* N_: the tab, the help's title */
    const char *help;              /* N_: more for the help, or NULL */
    const struct table_col *cols;
    size_t ncols;
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
     * when OPEN, CREATE or EDIT is NULL). */
    const struct view_def *view;
    const struct form_kind *form;
    unsigned (*print)(struct tui *t, void *ctx, const int64_t *ids, size_t n);
    /* f: change the filter (a menu, a form...); returns 1 when it
     * changed at once, 0 when not or when it opened a screen.  c: back
     * to no filter.  info: the filter in words ("2026, 中央") or nothing. */
    int (*filter)(struct tui *t, void *ctx);
    void (*clear_filter)(void *ctx);
    void (*info)(struct tui *t, void *ctx, struct sbuf *out);

    /* More keys (ACT_FORM1.., KD_BAR to show them), ended by {0}, and
     * what they do with the row under the cursor (ID 0: none). */
    const struct keydef *keys;
    unsigned (*action)(struct tui *t, void *ctx, int action, int64_t id);
};

/* Open the table screen of DEF (a tab of DEF->tabs when it has some) over
 * the current screen, PARENT passed to ctx_new; 0, or -1 with a message. */
int table_open(struct tui *t, const struct table_def *def, int64_t parent);

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

/* A list_source over positions 0..n-1 of an array of row indexes: the
 * w_list rows are size_t positions; CTX is a struct table_shown. */
struct table_shown {
    const size_t *idx;
    size_t n;
};
extern const struct list_source table_source;

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
