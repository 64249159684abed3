/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * doc.h - a print described once: a title, blocks (headings, paragraphs,
 * label/value fields, tables, signature lines) and, added by the layout,
 * page numbers.  doc_layout() breaks it into pages for any output whose
 * text can be measured: the text renderer (doc_text.c) measures in
 * terminal columns and lines, the PDF renderer (print/pdf.c) in points.
 * Long tables break across pages with their header repeated.
 *
 * Widths are given in display columns of the text print (a Chinese
 * character is two); the PDF scales them to the page.
 */
#ifndef ZX_DOC_H
#define ZX_DOC_H

#include <stddef.h>

struct sbuf;

/* The width of a text print in columns, unless a doc says otherwise. */
#define DOC_TEXT_WIDTH 78

enum doc_align { DOC_LEFT = 0, DOC_RIGHT, DOC_CENTER };

enum doc_style {
    DS_BODY = 0,
    DS_BOLD,        /* headings, table headers, field labels */
    DS_TITLE,       /* the document's title */
    DS_SMALL,       /* page numbers */
    DS_COUNT
};

struct doc_col {
    const char *title;      /* may break lines with \n */
    int width;              /* columns in the text print */
    enum doc_align align;
};

struct doc;

/* A new document titled TITLE (copied). */
struct doc *doc_new(const char *title);
void doc_free(struct doc *d);

/* A centred line under the title (e.g. the village, the year). */
void doc_subtitle(struct doc *d, const char *s);
/* A section heading. */
void doc_heading(struct doc *d, const char *s);
/* A section heading repeated, with "(continued)", at the top of every
 * page its section runs on to, until the next such heading or a forced
 * break (a unit's sheet over several pages). */
void doc_heading_running(struct doc *d, const char *s);
/* A paragraph, wrapped; INDENT columns before its first line (4 for a
 * Chinese paragraph's two characters). */
void doc_para(struct doc *d, enum doc_align a, int indent, const char *s);
void doc_paraf(struct doc *d, enum doc_align a, int indent,
               const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Label/value pairs, PER_ROW to a line; doc_field() adds to the last
 * fields block. */
void doc_fields(struct doc *d, int per_row);
void doc_field(struct doc *d, const char *label, const char *value);

/* A table of NCOLS columns (copied); doc_cell() fills it cell by cell,
 * row after row.  A table with no rows prints NONE (e.g. "无") in a
 * single row when NONE is not NULL. */
void doc_table(struct doc *d, const struct doc_col *cols, int ncols,
               const char *none);
void doc_cell(struct doc *d, const char *s);
void doc_cellf(struct doc *d, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Rows in the last table. */
size_t doc_table_rows(const struct doc *d);

/* Signature lines, side by side ("户主（签字）：" and so on), with a date
 * line under each ("年 月 日") when DATED. */
void doc_sign(struct doc *d, const char *const *labels, int n, int dated);

/* A forced page break. */
void doc_break(struct doc *d);

const char *doc_title(const struct doc *d);

/* ---- layout ----------------------------------------------------------- */

/* How an output measures: units are the renderer's own (columns and
 * lines for text, points for PDF). */
struct doc_metrics {
    double width;               /* usable width of a page */
    double height;              /* usable height of a page's body */
    double col;                 /* width of one text column */
    double line[DS_COUNT];      /* line height per style */
    double gap;                 /* space between blocks */
    double pad;                 /* space above and below a table row's text */
    int grid;                   /* tables get lines between rows and cells */
    /* Width of LEN bytes of S in style ST. */
    double (*measure)(void *ctx, enum doc_style st, const char *s,
                      size_t len);
    /* The byte length of the first line of S (LEN bytes, no newline)
     * broken at W, when the output breaks lines itself (the PDF, with
     * Pango: Unicode's line breaking); NULL for doc_wrap's own rules. */
    size_t (*wrap)(void *ctx, enum doc_style st, const char *s, size_t len,
                   double w);
    void *ctx;
};

enum doc_piece_kind {
    DP_TEXT = 0,    /* one line of text in the box x..x+w, aligned */
    DP_RULE,        /* a horizontal rule every output draws */
    DP_HGRID,       /* a horizontal table line (grid outputs only) */
    DP_VGRID,       /* a vertical table line, from y down h */
};

struct doc_piece {
    enum doc_piece_kind kind;
    enum doc_style style;
    enum doc_align align;
    double x, y, w, h;          /* y is the top of the line box */
    char *text;                 /* owned */
};

struct doc_page {
    struct doc_piece *v;
    size_t n, alloc;
};

struct doc_layout {
    struct doc_page *pages;
    size_t npages;
};

/* Lay D out on pages of M, numbering them "第 N 页 共 M 页" below the
 * body (at M->height + M->gap). */
void doc_layout(const struct doc *d, const struct doc_metrics *m,
                struct doc_layout *out);
void doc_layout_free(struct doc_layout *l);

/* The byte length of the first line of S (LEN bytes) that fits in W:
 * M's wrap when it has one, else by M's measure, breaking after a space
 * when a word would be cut; at least one character.  A newline ends a
 * line. */
size_t doc_wrap(const struct doc_metrics *m, enum doc_style st,
                const char *s, size_t len, double w);

/* ---- the prints there are ------------------------------------------- */

enum print_kind {
    PK_CARD = 0,        /* 明白卡, one per household */
    PK_PUBLICITY,       /* 公示 of a village: identification or elimination */
    PK_VISITS,          /* 走访任务清单, one per cadre */
    PK_PROJECTS,        /* 项目公示 / 年度计划公告 of a year and place */
    PK_ALLOCATION,      /* 资金分配结果公告 of a receipt or a year */
    PK_ASSETS,          /* 资产台账 of a place, in its three ledgers */
    PK_PARTNER,         /* 帮扶单位年度目标任务完成情况表 of a partner and year */
    PK_ATTENDANCE,      /* 驻村工作队员月度在岗情况表 of a team and month */
    PK_ASSESSMENT,      /* 考核结果汇总 of an assessment round */
    PK_FEEDBACK,        /* 核实反馈表 of a township for a department */
    PK_ELIMINATION,     /* 风险消除公告 of a period and township */
    PK_COUNT
};

/* Stored names ("card", "publicity", "visits", "projects", "allocation",
 * "assets", "partner", "attendance", "assessment", "feedback"), translated
 * labels. */
const char *print_kind_name(enum print_kind k);
const char *print_kind_label(enum print_kind k);
int print_kind_parse(const char *name, enum print_kind *out);
/* The table of the records a print of KIND shows, as the audit log names
 * it: "household", "project", "fund", "asset", "partner",
 * "team_member", "assess_round" or "dept_warning". */
const char *print_shown_table(enum print_kind kind);

/* ---- text ------------------------------------------------------------ */

/* The text print of the documents DOCS[0..N-1], pages of LINES lines
 * (body and page number; 0 = 66), separated by form feeds, every page
 * of a document numbered within it. */
void doc_render_text(struct doc *const *docs, size_t n, int lines,
                     struct sbuf *out);

#endif
