/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * sheet_xlsx_read.c - XLSX read by libzip and expat (see sheet.h).
 *
 * The workbook (xl/workbook.xml and its relationships) names the sheets
 * and where each is; the styles (xl/styles.xml) say which cell formats
 * are dates; the shared strings (xl/sharedStrings.xml) are loaded, each
 * one bounded by max_cell (a longer one is kept as "too long" and is an
 * error only where a cell uses it).  The sheet itself is never loaded:
 * its XML is decompressed in blocks straight into expat's buffer, and
 * the parser is suspended at the end of each row that is not empty, so
 * memory stays the same whatever the number of rows.
 *
 * A document type declaration is refused (no XLSX has one; its entities
 * could expand without bound).  Element names are compared without their
 * namespace prefix (some writers use x:c for c).  Values come as Excel
 * shows them in a general cell: shared and inline strings as they are,
 * numbers as sheet_num_text writes them, dates (a built-in date format
 * 14-22, 27-31, 36, 50-54, 57, 58 or a custom format with y, d or m
 * without h and s) as YYYY-MM-DD, booleans TRUE/FALSE, errors as
 * #N/A...; formulas by their value.
 */
#include "config.h"

#include <errno.h>
#include <expat.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "sheet/sheet_priv.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#define XLSX_BLOCK 65536
#define SST_LONG SIZE_MAX       /* a shared string over max_cell */

struct name_list {
    char **v;
    size_t n, alloc;
};

struct xlsx_in {
    zip_t *zip;
    const char *path;
    zip_file_t *zf;
    char *part;                 /* the sheet's XML in the package */
    zip_uint64_t total, done;   /* the sheet's XML, uncompressed */
    XML_Parser p;
    XML_Parser cur;             /* the parser at work (the sheet's or a part's) */
    struct sheet_reader *r;
    int suspended, eof, failed, row_ready;
    struct err err;
    /* the workbook */
    struct name_list names, rids, rel_ids, rel_targets;
    int date1904;
    /* styles: which cell formats are dates */
    unsigned char *xf_date;
    size_t nxf, axf;
    int *fmt_ids;               /* custom number formats that are dates */
    size_t nfmt, afmt;
    int in_cellxfs;
    /* shared strings */
    struct sbuf sst;
    size_t *sst_off;
    size_t nsst, asst;
    int long_si;
    /* the cell being read */
    int in_v, in_is, in_t, in_rph;
    size_t row, next_row, col, next_col;
    char ctype[16];
    size_t style;
    struct sbuf val, out;
    int too_long;
    size_t max;                 /* max_cell */
};

static const char *
local(const char *name)
{
    const char *colon = strrchr(name, ':');

    return colon != NULL ? colon + 1 : name;
}

static const char *
attr(const char **atts, const char *name)
{
    size_t i;

    for (i = 0; atts[i] != NULL; i += 2) {
        if (strcmp(local(atts[i]), name) == 0) {
            return atts[i + 1];
        }
    }
    return NULL;
}

static void
list_add(struct name_list *l, const char *s)
{
    char **slot = xappend((void **)&l->v, &l->n, &l->alloc, sizeof(*l->v));

    *slot = xstrdup(s != NULL ? s : "");
}

static void
list_free(struct name_list *l)
{
    size_t i;

    for (i = 0; i < l->n; i++) {
        free(l->v[i]);
    }
    free(l->v);
}

/* PATH cannot be read: WHAT went wrong, in the library's words (a last
 * resort: the usual cases have their reasons, zip_why). */
static int
unreadable(const char *path, const char *what, struct err *e)
{
    return err_set(e, ERR_INVALID, _("%s is not an XLSX file, or it is damaged (%s)"),
                   path, what);
}

/* The part PART of the package is missing or spoilt. */
static int
damaged(struct xlsx_in *x, const char *part, struct err *e)
{
    return sheet_err_why(e, x->path, SHEET_DAMAGED, part, 0);
}

/* What libzip's errors mean for a file that begins as a ZIP package (the
 * others: unreadable). */
static const struct sheet_code_why zip_whys[] = {
    {ZIP_ER_NOZIP, SHEET_DAMAGED}, {ZIP_ER_INCONS, SHEET_DAMAGED}, {ZIP_ER_CRC, SHEET_DAMAGED},
    {ZIP_ER_EOF, SHEET_DAMAGED}, {ZIP_ER_READ, SHEET_DAMAGED},
    {ZIP_ER_SEEK, SHEET_DAMAGED}, {ZIP_ER_ZLIB, SHEET_DAMAGED},
    {ZIP_ER_COMPRESSED_DATA, SHEET_DAMAGED}, {ZIP_ER_MULTIDISK, SHEET_DAMAGED},
    {ZIP_ER_ENCRNOTSUPP, SHEET_ENCRYPTED}, {ZIP_ER_NOPASSWD, SHEET_ENCRYPTED},
    {ZIP_ER_WRONGPASSWD, SHEET_ENCRYPTED},
};

/* The error for PATH that libzip could not read with ZE: not an XLSX
 * when it does not begin as a ZIP package. */
static int
zip_why(const char *path, zip_error_t *ze, struct err *e)
{
    int why = sheet_why_of(path, SHEET_XLSX, SHEET_NOT_XLSX, zip_error_code_zip(ze),
                           zip_whys, ARRAY_SIZE(zip_whys));

    if (why >= 0) {
        return sheet_err_why(e, path, (enum sheet_why)why, NULL, 0);
    }
    return unreadable(path, zip_error_strerror(ze), e);
}

/* ---- parsing a part of the package --------------------------------- */

static int
xml_err(struct xlsx_in *x, XML_Parser p, const char *part, struct err *e)
{
    if (x->failed) {
        *e = x->err;
        return -1;
    }
    return sheet_err_why(e, x->path, SHEET_DAMAGED, part,
                         (unsigned long)XML_GetCurrentLineNumber(p));
}

/* Feed the part PART, open as ZF, to P in blocks, until its end or
 * until P is suspended (at the end of a row of the sheet): 0 or
 * XML_STATUS_SUSPENDED, or -1 with E. */
static int
feed(struct xlsx_in *x, XML_Parser p, zip_file_t *zf, const char *part,
     struct err *e)
{
    enum XML_Status st = XML_STATUS_OK;
    zip_int64_t n;
    void *buf;

    while (st == XML_STATUS_OK && !x->eof) {
        buf = XML_GetBuffer(p, XLSX_BLOCK);
        if (buf == NULL) {
            return unreadable(x->path, "expat", e);
        }
        n = zip_fread(zf, buf, XLSX_BLOCK);
        if (n < 0) {
            return zip_why(x->path, zip_file_get_error(zf), e);
        }
        x->done += (zip_uint64_t)n;
        x->eof = n == 0;
        st = XML_ParseBuffer(p, (int)n, x->eof);
    }
    if (st == XML_STATUS_ERROR) {
        return xml_err(x, p, part, e);
    }
    return st == XML_STATUS_SUSPENDED ? XML_STATUS_SUSPENDED : 0;
}

/* A document type declaration has no place in an XLSX: refused before
 * any entity it declares could be expanded. */
static void XMLCALL
no_doctype(void *data, const char *name, const char *sysid, const char *pubid,
           int internal)
{
    struct xlsx_in *x = data;

    (void)name;
    (void)sysid;
    (void)pubid;
    (void)internal;
    if (!x->failed) {
        unreadable(x->path, "DOCTYPE", &x->err);
        x->failed = 1;
    }
    XML_StopParser(x->cur, XML_FALSE);
}

/* A parser for a part of the package, its handlers' data DATA. */
static XML_Parser
parser_new(struct xlsx_in *x, void *data)
{
    XML_Parser p = XML_ParserCreate("UTF-8");

    if (p == NULL) {
        die("out of memory");
    }
    XML_SetUserData(p, data);
    XML_SetStartDoctypeDeclHandler(p, no_doctype);
    x->cur = p;
    return p;
}

/* Parse the whole part NAME with the handlers START, END and TEXT;
 * a part that is not there is "" when OPTIONAL. */
static int
parse_part(struct xlsx_in *x, const char *name, int optional,
           XML_StartElementHandler start, XML_EndElementHandler end,
           XML_CharacterDataHandler text, struct err *e)
{
    zip_file_t *zf = zip_fopen(x->zip, name, 0);
    XML_Parser p;
    int rc;

    if (zf == NULL) {
        return optional ? 0 : damaged(x, name, e);
    }
    p = parser_new(x, x);
    XML_SetElementHandler(p, start, end);
    XML_SetCharacterDataHandler(p, text);
    x->eof = 0;
    rc = feed(x, p, zf, name, e);
    x->eof = 0;
    XML_ParserFree(p);
    zip_fclose(zf);
    return rc < 0 ? -1 : 0;
}

static void
no_end(void *data, const char *name)
{
    (void)data;
    (void)name;
}

/* ---- the workbook -------------------------------------------------- */

static void
wb_start(void *data, const char *name, const char **atts)
{
    struct xlsx_in *x = data;
    const char *n = local(name), *v;

    if (strcmp(n, "sheet") == 0) {
        list_add(&x->names, attr(atts, "name"));
        list_add(&x->rids, attr(atts, "id"));
    } else if (strcmp(n, "workbookPr") == 0) {
        v = attr(atts, "date1904");
        x->date1904 = v != NULL && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
    }
}

static void
rels_start(void *data, const char *name, const char **atts)
{
    struct xlsx_in *x = data;

    if (strcmp(local(name), "Relationship") == 0) {
        list_add(&x->rel_ids, attr(atts, "Id"));
        list_add(&x->rel_targets, attr(atts, "Target"));
    }
}

static long
list_find(const struct name_list *l, const char *s)
{
    size_t i;

    for (i = 0; i < l->n; i++) {
        if (strcmp(l->v[i], s) == 0) {
            return (long)i;
        }
    }
    return -1;
}

/* The package path of the sheet named WANT (NULL: the first) into OUT. */
static int
sheet_path(struct xlsx_in *x, const char *want, struct sbuf *out, struct err *e)
{
    long i = want != NULL ? list_find(&x->names, want) : (x->names.n > 0 ? 0 : -1);
    long k;
    const char *t;

    if (i < 0) {
        if (want != NULL) {
            return sheet_err_no_sheet(e, x->path, want,
                                      (const char *const *)x->names.v, x->names.n);
        }
        return damaged(x, "xl/workbook.xml", e);
    }
    k = list_find(&x->rel_ids, x->rids.v[i]);
    if (k < 0) {
        return damaged(x, "xl/_rels/workbook.xml.rels", e);
    }
    t = x->rel_targets.v[k];
    if (t[0] == '/') {
        sbuf_adds(out, t + 1);
    } else {
        sbuf_addf(out, "xl/%s", t);
    }
    return 0;
}

/* ---- styles -------------------------------------------------------- */

static const unsigned char builtin_date[64] = {
    [14] = 1, [15] = 1, [16] = 1, [17] = 1, [18] = 1, [19] = 1, [20] = 1,
    [21] = 1, [22] = 1, [27] = 1, [28] = 1, [29] = 1, [30] = 1, [31] = 1,
    [36] = 1, [50] = 1, [51] = 1, [52] = 1, [53] = 1, [54] = 1, [57] = 1,
    [58] = 1,
};

/* A custom number format is a date when, outside quotes, brackets and
 * escapes, it has y or d, or m without h and s (then m is minutes). */
static int
code_is_date(const char *s)
{
    int y = 0, m = 0, hs = 0;

    for (; *s != '\0'; s++) {
        if (*s == '"') {
            s = strchr(s + 1, '"');
        } else if (*s == '[') {
            s = strchr(s + 1, ']');
        } else if (*s == '\\' || *s == '_' || *s == '*') {
            s++;
        } else {
            y |= strchr("yYdD", *s) != NULL;
            m |= strchr("mM", *s) != NULL;
            hs |= strchr("hHsS", *s) != NULL;
        }
        if (s == NULL || *s == '\0') {
            break;
        }
    }
    return y || (m && !hs);
}

static int
fmt_is_date(const struct xlsx_in *x, long id)
{
    size_t i;

    if (id >= 0 && id < (long)sizeof(builtin_date)) {
        return builtin_date[id];
    }
    for (i = 0; i < x->nfmt; i++) {
        if (x->fmt_ids[i] == id) {
            return 1;
        }
    }
    return 0;
}

static void
styles_start(void *data, const char *name, const char **atts)
{
    struct xlsx_in *x = data;
    const char *n = local(name), *id = attr(atts, "numFmtId");
    const char *code = attr(atts, "formatCode");

    if (strcmp(n, "numFmt") == 0 && id != NULL && code != NULL && code_is_date(code)) {
        *(int *)xappend((void **)&x->fmt_ids, &x->nfmt, &x->afmt,
                        sizeof(*x->fmt_ids)) = atoi(id);
    } else if (strcmp(n, "cellXfs") == 0) {
        x->in_cellxfs = 1;
    } else if (strcmp(n, "xf") == 0 && x->in_cellxfs) {
        *(unsigned char *)xappend((void **)&x->xf_date, &x->nxf, &x->axf, 1) =
            (unsigned char)fmt_is_date(x, id != NULL ? atol(id) : 0);
    }
}

static void
styles_end(void *data, const char *name)
{
    struct xlsx_in *x = data;

    if (strcmp(local(name), "cellXfs") == 0) {
        x->in_cellxfs = 0;
    }
}

/* ---- the elements whose text is a cell's ---------------------------- */

/* Inside <v>, an inline or shared string <is>/<si>, its <t>, or a
 * phonetic run <rPh> (whose text is not the cell's). */
static const struct {
    const char *name;
    size_t flag;
} text_elements[] = {
    {"v", offsetof(struct xlsx_in, in_v)}, {"is", offsetof(struct xlsx_in, in_is)},
    {"t", offsetof(struct xlsx_in, in_t)}, {"rPh", offsetof(struct xlsx_in, in_rph)},
};

/* Entering (ON) or leaving the element N: 1 when it is one of those. */
static int
set_flag(struct xlsx_in *x, const char *n, int on)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(text_elements); i++) {
        if (text_elements[i].name[0] == n[0] && strcmp(text_elements[i].name, n) == 0) {
            *(int *)((char *)x + text_elements[i].flag) = on;
            return 1;
        }
    }
    return 0;
}

/* ---- shared strings ------------------------------------------------ */

static void
sst_start(void *data, const char *name, const char **atts)
{
    struct xlsx_in *x = data;
    const char *n = local(name);

    (void)atts;
    if (strcmp(n, "si") == 0) {
        sbuf_reset(&x->val);
        x->long_si = 0;
        x->in_is = 1;
    } else {
        set_flag(x, n, 1);
    }
}

static void
sst_end(void *data, const char *name)
{
    struct xlsx_in *x = data;
    const char *n = local(name);
    size_t *off;

    if (strcmp(n, "si") == 0) {
        off = xappend((void **)&x->sst_off, &x->nsst, &x->asst, sizeof(*off));
        *off = x->long_si ? SST_LONG : x->sst.len;
        if (!x->long_si) {
            sbuf_add(&x->sst, x->val.buf, x->val.len + 1);
        }
        x->in_is = 0;
    } else {
        set_flag(x, n, 0);
    }
}

/* Text of a <v> or of an inline or shared string's <t> (not of its
 * phonetic runs), bounded by max_cell. */
static void
text_add(struct xlsx_in *x, const char *s, int len)
{
    if (!(x->in_v || (x->in_is && x->in_t && !x->in_rph)) || x->too_long) {
        return;
    }
    if (x->val.len + (size_t)len > x->max) {
        x->too_long = 1;
        sbuf_reset(&x->val);
        return;
    }
    sbuf_add(&x->val, s, (size_t)len);
}

static void
sst_text(void *data, const char *s, int len)
{
    struct xlsx_in *x = data;

    if (x->long_si) {
        return;
    }
    text_add(x, s, len);
    if (x->too_long) {
        x->long_si = 1;
        x->too_long = 0;
    }
}

/* ---- the sheet's cells --------------------------------------------- */

static void
cell_fail(struct xlsx_in *x, struct err *e)
{
    if (!x->failed) {
        x->err = *e;
        x->failed = 1;
    }
    XML_StopParser(x->p, XML_FALSE);
}

static int
v_shared(struct sheet_reader *r, struct xlsx_in *x, struct err *e)
{
    char *end;
    unsigned long i = strtoul(x->val.buf, &end, 10);
    char col[8];

    if (end == x->val.buf || i >= x->nsst) {
        return err_set(e, ERR_INVALID,
                       _("row %zu, column %s: the sheet refers to a text that is not there"),
                       x->row, sheet_col_name(x->col, col));
    }
    if (x->sst_off[i] == SST_LONG) {
        return sheet_err_long(e, x->row, x->col, r->max_cell);
    }
    sbuf_adds(&x->out, x->sst.buf + x->sst_off[i]);
    return 0;
}

static int
v_text(struct sheet_reader *r, struct xlsx_in *x, struct err *e)
{
    (void)r;
    (void)e;
    sbuf_add(&x->out, x->val.buf, x->val.len);
    return 0;
}

static int
v_bool(struct sheet_reader *r, struct xlsx_in *x, struct err *e)
{
    (void)r;
    (void)e;
    sbuf_adds(&x->out, strcmp(x->val.buf, "1") == 0 ? "TRUE" : "FALSE");
    return 0;
}

static int
v_isodate(struct sheet_reader *r, struct xlsx_in *x, struct err *e)
{
    (void)r;
    (void)e;
    sbuf_add(&x->out, x->val.buf, x->val.len < 10 ? x->val.len : 10);
    return 0;
}

static int
v_number(struct sheet_reader *r, struct xlsx_in *x, struct err *e)
{
    char *end;
    double d = strtod(x->val.buf, &end);

    (void)r;
    (void)e;
    if (x->val.len == 0 || *end != '\0') {
        sbuf_add(&x->out, x->val.buf, x->val.len);
    } else if (x->style < x->nxf && x->xf_date[x->style]) {
        sheet_date_text(d, x->date1904, &x->out);
    } else {
        sheet_num_text(d, &x->out);
    }
    return 0;
}

static const struct {
    const char *type;
    int (*value)(struct sheet_reader *, struct xlsx_in *, struct err *);
} values[] = {
    {"s", v_shared}, {"inlineStr", v_text}, {"str", v_text}, {"e", v_text},
    {"b", v_bool}, {"d", v_isodate}, {"n", v_number},
};

static int
cell_end(struct sheet_reader *r, struct xlsx_in *x, struct err *e)
{
    size_t i;

    sbuf_reset(&x->out);
    if (x->too_long) {
        return sheet_err_long(e, x->row, x->col, r->max_cell);
    }
    for (i = 0; i < ARRAY_SIZE(values) - 1; i++) {
        if (strcmp(values[i].type, x->ctype) == 0) {
            break;
        }
    }
    if (values[i].value(r, x, e) < 0) {
        return -1;
    }
    x->next_col = x->col + 1;
    return sheet_row_put(&r->row, x->col, x->out.buf, x->out.len, r->max_cell,
                         x->row, e);
}

static void
cell_start(struct xlsx_in *x, const char **atts)
{
    const char *ref = attr(atts, "r"), *t = attr(atts, "t"), *s = attr(atts, "s");
    long col = ref != NULL ? sheet_col_parse(ref) : -1;
    size_t n;

    if (t == NULL || t[0] == '\0') {
        t = "n";
    }
    n = strnlen(t, sizeof(x->ctype) - 1);
    memcpy(x->ctype, t, n);
    x->ctype[n] = '\0';
    x->col = col >= 0 ? (size_t)col : x->next_col;
    x->style = s != NULL ? (size_t)atol(s) : 0;
    sbuf_reset(&x->val);
    x->too_long = 0;
}

static void
sheet_start(void *data, const char *name, const char **atts)
{
    struct xlsx_in *x = data;
    struct sheet_reader *r = x->r;
    const char *n = local(name), *v;

    if (strcmp(n, "c") == 0) {
        cell_start(x, atts);
    } else if (set_flag(x, n, 1)) {
        return;
    } else if (strcmp(n, "row") == 0) {
        v = attr(atts, "r");
        x->row = v != NULL ? (size_t)atol(v) : x->next_row;
        x->next_col = 0;
        sheet_row_reset(&r->row);
    }
}

static void
sheet_end(void *data, const char *name)
{
    struct xlsx_in *x = data;
    struct sheet_reader *r = x->r;
    const char *n = local(name);
    struct err e = {0};

    if (strcmp(n, "c") == 0) {
        if (cell_end(r, x, &e) < 0) {
            cell_fail(x, &e);
        }
    } else if (set_flag(x, n, 0)) {
        return;
    } else if (strcmp(n, "row") == 0) {
        x->next_row = x->row + 1;
        if (r->row.n > 0) {
            r->line = x->row;
            x->row_ready = 1;
            XML_StopParser(x->p, XML_TRUE);
        }
    }
}

static void
sheet_text(void *data, const char *s, int len)
{
    text_add(data, s, len);
}

/* ---- the reader ---------------------------------------------------- */

static void
progress(struct sheet_reader *r, const struct xlsx_in *x)
{
    if (x->total > 0) {
        r->bytes = (size_t)((double)x->done / (double)x->total * (double)r->size);
    }
}

static int
xlsx_next(struct sheet_reader *r, struct err *e)
{
    struct xlsx_in *x = r->impl;
    enum XML_Status st;
    int rc;

    while (!x->row_ready) {
        if (x->suspended) {
            st = XML_ResumeParser(x->p);
            rc = st == XML_STATUS_ERROR ? xml_err(x, x->p, x->part, e) : (int)st;
        } else if (x->eof) {
            return 0;
        } else {
            rc = feed(x, x->p, x->zf, x->part, e);
        }
        if (rc < 0) {
            return -1;
        }
        x->suspended = rc == XML_STATUS_SUSPENDED;
        progress(r, x);
    }
    x->row_ready = 0;
    return 1;
}

static void
xlsx_close(struct sheet_reader *r)
{
    struct xlsx_in *x = r->impl;

    if (x == NULL) {
        return;
    }
    if (x->p != NULL) {
        XML_ParserFree(x->p);
    }
    if (x->zf != NULL) {
        zip_fclose(x->zf);
    }
    if (x->zip != NULL) {
        zip_discard(x->zip);
    }
    list_free(&x->names);
    list_free(&x->rids);
    list_free(&x->rel_ids);
    list_free(&x->rel_targets);
    free(x->part);
    free(x->xf_date);
    free(x->fmt_ids);
    free(x->sst_off);
    sbuf_release(&x->sst);
    sbuf_release(&x->val);
    sbuf_release(&x->out);
    free(x);
}

static const struct sheet_rops xlsx_rops = {xlsx_next, xlsx_close};

/* The workbook, its styles and shared strings, then the sheet opened. */
static int
load(struct xlsx_in *x, const char *want, struct err *e)
{
    struct sbuf path = SBUF_INIT;
    zip_stat_t st;
    int rc = -1;

    if (parse_part(x, "xl/workbook.xml", 0, wb_start, no_end, NULL, e) == 0
        && parse_part(x, "xl/_rels/workbook.xml.rels", 0, rels_start, no_end, NULL, e) == 0
        && sheet_path(x, want, &path, e) == 0
        && parse_part(x, "xl/styles.xml", 1, styles_start, styles_end, NULL, e) == 0
        && parse_part(x, "xl/sharedStrings.xml", 1, sst_start, sst_end, sst_text, e) == 0) {
        x->in_is = x->in_t = x->in_rph = 0;
        x->zf = zip_fopen(x->zip, path.buf, 0);
        rc = x->zf != NULL ? 0 : damaged(x, path.buf, e);
    }
    if (rc == 0 && zip_stat(x->zip, path.buf, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE)) {
        x->total = st.size;
    }
    x->done = 0;
    x->part = sbuf_detach(&path);
    return rc;
}

int
sheet_xlsx_open(struct sheet_reader *r, const struct sheet_read_opts *o,
                struct err *e)
{
    struct xlsx_in *x = xcalloc(1, sizeof(*x));
    int zerr = 0;
    zip_error_t ze;

    sbuf_init(&x->sst);
    sbuf_init(&x->val);
    sbuf_init(&x->out);
    x->path = o->path;
    x->max = r->max_cell;
    x->next_row = 1;
    r->impl = x;
    r->ops = &xlsx_rops;
    r->enc = SHEET_ENC_UTF8;
    x->zip = zip_open(o->path, ZIP_RDONLY, &zerr);
    if (x->zip == NULL) {
        zip_error_init_with_code(&ze, zerr);
        zip_why(o->path, &ze, e);
        zip_error_fini(&ze);
        return -1;
    }
    if (load(x, o->sheet, e) < 0) {
        return -1;
    }
    x->r = r;
    x->p = parser_new(x, x);
    XML_SetElementHandler(x->p, sheet_start, sheet_end);
    XML_SetCharacterDataHandler(x->p, sheet_text);
    return 0;
}
