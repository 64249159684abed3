/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * sheet_xlsx_write.c - XLSX written by libxlsxwriter (see sheet.h) in
 * its constant-memory mode: each row goes to a temporary file (in the
 * destination's directory) as soon as the next one starts, strings are
 * inline, so memory stays bounded whatever the number of rows.  Text
 * cells are strings (an ID number never becomes 5.19999E+17, and a text
 * starting with = is text, never a formula), amounts numbers with the
 * format 0.00, whole numbers numbers, dates real date cells shown
 * yyyy-mm-dd; the header row is bold and stays in view.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "sheet/sheet_priv.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/u8.h"
#include "util/xalloc.h"

struct xlsx_out {
    lxw_workbook *wb;
    lxw_worksheet *ws;
    lxw_format *fmt[SHEET_DATE + 1];
    char *path;
    char *tmpdir;
};

typedef lxw_error (*cell_fn)(lxw_worksheet *, lxw_row_t, lxw_col_t,
                             const char *, lxw_format *);

static lxw_error
put_text(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s,
         lxw_format *f)
{
    return worksheet_write_string(ws, row, col, s, f);
}

static lxw_error
put_number(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s,
           lxw_format *f)
{
    return worksheet_write_number(ws, row, col, strtod(s, NULL), f);
}

static lxw_error
put_date(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s,
         lxw_format *f)
{
    lxw_datetime dt = {0};

    dt.year = atoi(s);
    dt.month = atoi(s + 5);
    dt.day = atoi(s + 8);
    return worksheet_write_datetime(ws, row, col, &dt, f);
}

static const cell_fn writers[] = {
    [SHEET_TEXT] = put_text, [SHEET_AMOUNT] = put_number,
    [SHEET_INT] = put_number, [SHEET_DATE] = put_date,
};

/* Column widths, in characters, when the caller gives none. */
static const int widths[] = {
    [SHEET_TEXT] = 14, [SHEET_AMOUNT] = 12, [SHEET_INT] = 8, [SHEET_DATE] = 12,
};

static int
lxw_err(struct xlsx_out *x, lxw_error rc, size_t row, struct err *e)
{
    if (rc == LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE) {
        return err_set(e, ERR_INVALID,
                       _("row %zu: an XLSX sheet holds at most 1048576 rows"), row);
    }
    if (rc == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED) {
        return err_set(e, ERR_INVALID,
                       _("row %zu: a cell is longer than an XLSX cell may be"), row);
    }
    return err_set(e, ERR_IO, _("cannot write %s: %s"), x->path, lxw_strerror(rc));
}

static int
xlsx_add(struct sheet_writer *w, const char *const *cells, struct err *e)
{
    struct xlsx_out *x = w->impl;
    lxw_row_t row = (lxw_row_t)(w->rows + 1);
    lxw_error rc;
    size_t i;

    for (i = 0; i < w->ncols; i++) {
        if (cells[i] == NULL || cells[i][0] == '\0') {
            continue;
        }
        rc = writers[w->types[i]](x->ws, row, (lxw_col_t)i, cells[i],
                                  x->fmt[w->types[i]]);
        if (rc != LXW_NO_ERROR) {
            return lxw_err(x, rc, w->rows + 2, e);
        }
    }
    return 0;
}

static void
xlsx_free(struct xlsx_out *x)
{
    free(x->path);
    free(x->tmpdir);
    free(x);
}

static int
xlsx_finish(struct sheet_writer *w, struct err *e)
{
    struct xlsx_out *x = w->impl;
    lxw_error rc = workbook_close(x->wb);
    int ret = rc == LXW_NO_ERROR ? 0 : lxw_err(x, rc, w->rows + 1, e);

    xlsx_free(x);
    return ret;
}

static void
xlsx_abort(struct sheet_writer *w)
{
    struct xlsx_out *x = w->impl;

    lxw_workbook_free(x->wb);
    xlsx_free(x);
}

static const struct sheet_wops xlsx_wops = {xlsx_add, xlsx_finish, xlsx_abort};

/* The directory of PATH, for libxlsxwriter's temporary files. */
static char *
dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');

    if (slash == NULL) {
        return xstrdup(".");
    }
    return slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path));
}

static void
formats(struct xlsx_out *x)
{
    x->fmt[SHEET_TEXT] = NULL;
    x->fmt[SHEET_INT] = NULL;
    x->fmt[SHEET_AMOUNT] = workbook_add_format(x->wb);
    format_set_num_format(x->fmt[SHEET_AMOUNT], "0.00");
    x->fmt[SHEET_DATE] = workbook_add_format(x->wb);
    format_set_num_format(x->fmt[SHEET_DATE], "yyyy-mm-dd");
    worksheet_freeze_panes(x->ws, 1, 0);
}

static int
header(struct xlsx_out *x, const struct sheet_write_opts *o, struct err *e)
{
    lxw_format *bold = workbook_add_format(x->wb);
    size_t i;
    int width;
    lxw_error rc = LXW_NO_ERROR;

    format_set_bold(bold);
    for (i = 0; i < o->ncols && rc == LXW_NO_ERROR; i++) {
        width = o->cols[i].width;
        if (width <= 0) {
            width = (int)u8_width(o->cols[i].label) + 2;
            width = width > widths[o->cols[i].type] ? width : widths[o->cols[i].type];
        }
        rc = worksheet_set_column(x->ws, (lxw_col_t)i, (lxw_col_t)i, width, NULL);
        if (rc == LXW_NO_ERROR) {
            rc = worksheet_write_string(x->ws, 0, (lxw_col_t)i, o->cols[i].label, bold);
        }
    }
    return rc == LXW_NO_ERROR ? 0 : lxw_err(x, rc, 1, e);
}

int
sheet_xlsx_create(struct sheet_writer *w, const struct sheet_write_opts *o,
                  struct err *e)
{
    struct xlsx_out *x = xcalloc(1, sizeof(*x));
    lxw_workbook_options opts = {0};
    const char *name = o->sheet != NULL ? o->sheet : "Sheet1";

    x->path = xstrdup(o->path);
    x->tmpdir = dir_of(o->path);
    opts.constant_memory = LXW_TRUE;
    opts.tmpdir = x->tmpdir;
    opts.use_zip64 = LXW_TRUE;
    x->wb = workbook_new_opt(o->path, &opts);
    if (x->wb == NULL) {
        xlsx_free(x);
        return err_set(e, ERR_IO, _("cannot create %s"), o->path);
    }
    x->ws = workbook_add_worksheet(x->wb, name);
    if (x->ws == NULL) {
        lxw_workbook_free(x->wb);
        xlsx_free(x);
        return err_set(e, ERR_USAGE, _("\"%s\" cannot be the name of a sheet"), name);
    }
    w->impl = x;
    w->ops = &xlsx_wops;
    formats(x);
    if (header(x, o, e) < 0) {
        xlsx_abort(w);
        return -1;
    }
    return 0;
}
