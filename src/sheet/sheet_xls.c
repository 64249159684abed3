/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * sheet_xls.c - legacy XLS (BIFF5 and BIFF8, Excel 95 to 2003) read by
 * freexl (see sheet.h).  freexl reads the whole workbook into memory when
 * it opens it; an XLS sheet has at most 65536 rows and 256 columns, so
 * that stays bounded.  Cells come as text the same way as from XLSX:
 * numbers as sheet_num_text writes them, dates (freexl knows the date
 * formats) as YYYY-MM-DD, text as UTF-8 whatever the code page; a
 * boolean comes as 1 or 0 (freexl does not tell it from a number).
 */
#include "config.h"

#include <freexl.h>
#include <stdlib.h>
#include <string.h>

#include "sheet/sheet_priv.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

struct xls_in {
    const void *h;
    unsigned rows, row;
    unsigned short cols;
    struct sbuf out;
};

static void
v_int(const FreeXL_CellValue *c, struct sbuf *out)
{
    sbuf_addf(out, "%d", c->value.int_value);
}

static void
v_double(const FreeXL_CellValue *c, struct sbuf *out)
{
    sheet_num_text(c->value.double_value, out);
}

static void
v_text(const FreeXL_CellValue *c, struct sbuf *out)
{
    sbuf_adds(out, c->value.text_value != NULL ? c->value.text_value : "");
}

/* "YYYY-MM-DD HH:MM:SS": the date. */
static void
v_date(const FreeXL_CellValue *c, struct sbuf *out)
{
    sbuf_add(out, c->value.text_value, strnlen(c->value.text_value, 10));
}

static const struct {
    unsigned char type;
    void (*text)(const FreeXL_CellValue *, struct sbuf *);
} values[] = {
    {FREEXL_CELL_INT, v_int}, {FREEXL_CELL_DOUBLE, v_double},
    {FREEXL_CELL_TEXT, v_text}, {FREEXL_CELL_SST_TEXT, v_text},
    {FREEXL_CELL_DATE, v_text}, {FREEXL_CELL_TIME, v_text},
    {FREEXL_CELL_DATETIME, v_date},
};

static int
cell(struct sheet_reader *r, struct xls_in *x, unsigned short col, struct err *e)
{
    FreeXL_CellValue c;
    size_t i;

    sbuf_reset(&x->out);
    if (freexl_get_cell_value(x->h, x->row, col, &c) != FREEXL_OK
        || c.type == FREEXL_CELL_NULL) {
        return 0;               /* no cell: padded by the next one */
    }
    for (i = 0; i < ARRAY_SIZE(values); i++) {
        if (values[i].type == c.type) {
            values[i].text(&c, &x->out);
        }
    }
    return sheet_row_put(&r->row, col, x->out.buf, x->out.len, r->max_cell,
                         r->line, e);
}

static int
xls_next(struct sheet_reader *r, struct err *e)
{
    struct xls_in *x = r->impl;
    unsigned short col;

    if (x->row >= x->rows) {
        return 0;
    }
    r->line = x->row + 1;
    for (col = 0; col < x->cols; col++) {
        if (cell(r, x, col, e) < 0) {
            return -1;
        }
    }
    x->row++;
    r->bytes = (size_t)((double)x->row / x->rows * (double)r->size);
    return 1;
}

static void
xls_close(struct sheet_reader *r)
{
    struct xls_in *x = r->impl;

    if (x != NULL) {
        if (x->h != NULL) {
            freexl_close(x->h);
        }
        sbuf_release(&x->out);
        free(x);
    }
}

static const struct sheet_rops xls_rops = {xls_next, xls_close};

/* What freexl's errors mean for a file that begins as a compound file
 * (the others: its code). */
static const struct sheet_code_why freexl_whys[] = {
    {FREEXL_INVALID_CFBF_HEADER, SHEET_DAMAGED}, {FREEXL_CFBF_INVALID_SIGNATURE, SHEET_DAMAGED},
    {FREEXL_BIFF_WORKBOOK_NOT_FOUND, SHEET_NO_WORKBOOK},
    {FREEXL_CFBF_READ_ERROR, SHEET_DAMAGED}, {FREEXL_CFBF_SEEK_ERROR, SHEET_DAMAGED},
    {FREEXL_CFBF_INVALID_SECTOR_SIZE, SHEET_DAMAGED}, {FREEXL_CFBF_EMPTY_FAT_CHAIN, SHEET_DAMAGED},
    {FREEXL_CFBF_ILLEGAL_FAT_ENTRY, SHEET_DAMAGED}, {FREEXL_BIFF_INVALID_BOF, SHEET_DAMAGED},
    {FREEXL_BIFF_INVALID_SST, SHEET_DAMAGED}, {FREEXL_BIFF_ILLEGAL_SST_INDEX, SHEET_DAMAGED},
    {FREEXL_INVALID_MINI_STREAM, SHEET_DAMAGED},
    {FREEXL_CFBF_ILLEGAL_MINI_FAT_ENTRY, SHEET_DAMAGED}, {FREEXL_CRAFTED_FILE, SHEET_DAMAGED},
};

/* The error for PATH that freexl_open refused with RC: not an XLS when
 * it does not begin as a compound file. */
static int
freexl_why(const char *path, int rc, struct err *e)
{
    int why = sheet_why_of(path, SHEET_XLS, SHEET_NOT_XLS, rc, freexl_whys,
                           ARRAY_SIZE(freexl_whys));

    if (why >= 0) {
        return sheet_err_why(e, path, (enum sheet_why)why, NULL, 0);
    }
    return err_set(e, ERR_INVALID,
                   _("%s is not an XLS file, or it is damaged (freexl error %d)"), path, rc);
}

/* The index of the sheet named WANT (NULL: the first). */
static int
xls_sheet(struct xls_in *x, const char *path, const char *want,
          unsigned short *idx, struct err *e)
{
    unsigned n = 0, i;
    const char **names;
    const char *name;
    int rc;

    freexl_get_info(x->h, FREEXL_BIFF_SHEET_COUNT, &n);
    names = xcalloc(n + 1, sizeof(*names));
    for (i = 0; i < n; i++) {
        names[i] = freexl_get_worksheet_name(x->h, (unsigned short)i, &name) == FREEXL_OK
                   ? name : "";
        if (want == NULL || strcmp(names[i], want) == 0) {
            *idx = (unsigned short)i;
            free(names);
            return 0;
        }
    }
    rc = want != NULL ? sheet_err_no_sheet(e, path, want, names, n)
         : sheet_err_why(e, path, SHEET_DAMAGED, NULL, 0);
    free(names);
    return rc;
}

int
sheet_xls_open(struct sheet_reader *r, const struct sheet_read_opts *o,
               struct err *e)
{
    struct xls_in *x = xcalloc(1, sizeof(*x));
    unsigned short idx = 0;
    unsigned pw = 0;
    int rc;

    sbuf_init(&x->out);
    r->impl = x;
    r->ops = &xls_rops;
    r->enc = SHEET_ENC_UTF8;
    rc = freexl_open(o->path, &x->h);
    if (rc != FREEXL_OK) {
        return freexl_why(o->path, rc, e);
    }
    if (freexl_get_info(x->h, FREEXL_BIFF_PASSWORD, &pw) == FREEXL_OK
        && pw == FREEXL_BIFF_OBFUSCATED) {
        return sheet_err_why(e, o->path, SHEET_ENCRYPTED, NULL, 0);
    }
    if (xls_sheet(x, o->path, o->sheet, &idx, e) < 0) {
        return -1;
    }
    if (freexl_select_active_worksheet(x->h, idx) != FREEXL_OK
        || freexl_worksheet_dimensions(x->h, &x->rows, &x->cols) != FREEXL_OK) {
        return sheet_err_why(e, o->path, SHEET_DAMAGED, NULL, 0);
    }
    return 0;
}
