/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * sheet.c - the sheet layer's common part (see sheet.h): the format by
 * name and by content, the row being built, skipping empty rows, the
 * header map, and the checks every writer makes on typed cells.  The
 * formats are in sheet_csv.c, sheet_xlsx_read.c, sheet_xlsx_write.c and
 * sheet_xls.c.
 */
#include "config.h"
#include "sheet/sheet.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "sheet/sheet_priv.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/lcio.h"
#include "util/u8.h"
#include "util/xalloc.h"

struct name_val {
    const char *name;
    int val;
};

static const struct name_val format_names[] = {
    {"csv", SHEET_CSV}, {"xlsx", SHEET_XLSX}, {"xls", SHEET_XLS},
};

static const struct name_val encoding_names[] = {
    {"utf-8", SHEET_ENC_UTF8}, {"utf8", SHEET_ENC_UTF8},
    {"gb18030", SHEET_ENC_GB18030}, {"gbk", SHEET_ENC_GB18030},
    {"gb2312", SHEET_ENC_GB18030},
};

static int
name_lookup(const struct name_val *t, size_t n, const char *name, int *val)
{
    size_t i;

    for (i = 0; name != NULL && i < n; i++) {
        if (strcasecmp(t[i].name, name) == 0) {
            *val = t[i].val;
            return 0;
        }
    }
    return -1;
}

int
sheet_format_parse(const char *name, enum sheet_format *f)
{
    int v = SHEET_AUTO;
    int rc = name_lookup(format_names, ARRAY_SIZE(format_names), name, &v);

    *f = rc == 0 ? (enum sheet_format)v : *f;
    return rc;
}

int
sheet_encoding_parse(const char *name, enum sheet_encoding *enc)
{
    int v = SHEET_ENC_AUTO;
    int rc = name_lookup(encoding_names, ARRAY_SIZE(encoding_names), name, &v);

    *enc = rc == 0 ? (enum sheet_encoding)v : *enc;
    return rc;
}

/* ---- the row being built ------------------------------------------ */

void
sheet_row_reset(struct sheet_rowbuf *rb)
{
    sbuf_reset(&rb->text);
    rb->n = 0;
}

static void
row_append(struct sheet_rowbuf *rb, const char *s, size_t len)
{
    if (rb->n == rb->alloc) {
        rb->off = xgrow(rb->off, &rb->alloc, rb->n + 1, sizeof(*rb->off));
    }
    rb->off[rb->n++] = rb->text.len;
    sbuf_add(&rb->text, s, len);
    sbuf_addch(&rb->text, '\0');
}

const char *
sheet_col_name(size_t col, char *buf)
{
    char tmp[8];
    size_t n = 0, i;

    do {
        tmp[n++] = (char)('A' + col % 26);
        col = col / 26;
    } while (col-- > 0 && n < sizeof(tmp) - 1);
    for (i = 0; i < n; i++) {
        buf[i] = tmp[n - 1 - i];
    }
    buf[n] = '\0';
    return buf;
}

long
sheet_col_parse(const char *s)
{
    long col = 0;

    if (!isupper((unsigned char)*s)) {
        return -1;
    }
    for (; isupper((unsigned char)*s) && col < 100000; s++) {
        col = col * 26 + (*s - 'A' + 1);
    }
    return col - 1;
}

int
sheet_err_long(struct err *e, size_t line, size_t col, size_t max)
{
    char name[8];

    return err_set(e, ERR_INVALID,
                   _("row %zu, column %s: the cell is longer than %zu bytes"),
                   line, sheet_col_name(col, name), max);
}

int
sheet_err_no_sheet(struct err *e, const char *path, const char *want,
                   const char *const *names, size_t n)
{
    struct sbuf all = SBUF_INIT;
    size_t i;

    for (i = 0; i < n; i++) {
        sbuf_addf(&all, "%s%s", i > 0 ? _(", ") : "", names[i]);
    }
    err_set(e, ERR_INVALID, _("%s has no sheet \"%s\"; its sheets: %s"),
            path, want, all.buf);
    sbuf_release(&all);
    return -1;
}

/* The reasons of enum sheet_why, after the file's name. */
static const char *const why_text[] = {
    [SHEET_NOT_XLSX] = N_("not an XLSX file (not a ZIP package): open it in Excel or WPS "
                          "and save it as .xlsx, or export it as CSV."),
    [SHEET_NOT_XLS] = N_("not an XLS file: open it in Excel or WPS and save it as .xls or "
                         ".xlsx, or export it as CSV."),
    [SHEET_NO_WORKBOOK] = N_("it holds no Excel workbook: an XLSX protected with a password "
                             "(open it in Excel or WPS and save a copy without the password), "
                             "or another kind of document."),
    [SHEET_DAMAGED] = N_("the file is damaged (cut short or spoilt, e.g. by an interrupted "
                         "copy): copy it again, or open it in Excel or WPS and save it again."),
    [SHEET_ENCRYPTED] = N_("protected with a password: open it in Excel or WPS and save a "
                           "copy without the password."),
};

int
sheet_why_of(const char *path, enum sheet_format format, enum sheet_why other, int code,
             const struct sheet_code_why *table, size_t n)
{
    size_t i;

    if (sheet_magic(path) != format) {
        return (int)other;
    }
    for (i = 0; i < n; i++) {
        if (table[i].code == code) {
            return (int)table[i].why;
        }
    }
    return -1;
}

int
sheet_err_why(struct err *e, const char *path, enum sheet_why why, const char *part,
              unsigned long line)
{
    if (part != NULL && line > 0) {
        return err_set(e, ERR_INVALID,
                       _("%s: the file is damaged (its part %s is spoilt at line %lu): copy it "
                         "again, or open it in Excel or WPS and save it again."),
                       path, part, line);
    }
    if (part != NULL) {
        return err_set(e, ERR_INVALID,
                       _("%s: the file is damaged (its part %s is missing or spoilt): copy it "
                         "again, or open it in Excel or WPS and save it again."),
                       path, part);
    }
    return err_set(e, ERR_INVALID, _("%s: %s"), path, _(why_text[why]));
}

int
sheet_row_put(struct sheet_rowbuf *rb, size_t col, const char *s, size_t len,
              size_t max, size_t line, struct err *e)
{
    if (len > max) {
        return sheet_err_long(e, line, col, max);
    }
    while (rb->n < col) {
        row_append(rb, "", 0);
    }
    row_append(rb, s, len);
    return 0;
}

static int
row_empty(const struct sheet_rowbuf *rb)
{
    size_t i;

    for (i = 0; i < rb->n; i++) {
        if (rb->text.buf[rb->off[i]] != '\0') {
            return 0;
        }
    }
    return 1;
}

static void
row_publish(struct sheet_rowbuf *rb, struct sheet_row *row, size_t line)
{
    size_t i;

    if (rb->n > rb->ptr_alloc) {
        rb->ptr = xgrow(rb->ptr, &rb->ptr_alloc, rb->n, sizeof(*rb->ptr));
    }
    for (i = 0; i < rb->n; i++) {
        rb->ptr[i] = rb->text.buf + rb->off[i];
    }
    row->line = line;
    row->ncells = rb->n;
    row->cells = rb->ptr;
}

/* ---- numbers and dates as Excel shows them ------------------------ */

/* The digits of N, at least WIDTH of them. */
static void
digits(struct sbuf *out, unsigned long long n, int width)
{
    char buf[24];
    int i = (int)sizeof(buf);

    do {
        buf[--i] = (char)('0' + n % 10);
        n /= 10;
        width--;
    } while (n > 0 || width > 0);
    sbuf_add(out, buf + i, sizeof(buf) - (size_t)i);
}

/* D written fast when it is a whole number of fen (what most cells
 * hold): as %.15g would write it, without printf; -1 otherwise. */
static int
cents_text(double d, struct sbuf *out)
{
    long long c = llround(d * 100);
    unsigned long long a = (unsigned long long)(c < 0 ? -c : c);

    if ((double)c / 100.0 != d) {
        return -1;
    }
    if (c < 0) {
        sbuf_addch(out, '-');
    }
    digits(out, a / 100, 1);
    if (a % 100 != 0) {
        sbuf_addch(out, '.');
        digits(out, a % 10 != 0 ? a % 100 : a % 100 / 10, a % 10 != 0 ? 2 : 1);
    }
    return 0;
}

void
sheet_num_text(double d, struct sbuf *out)
{
    char buf[64];
    int exp;

    if (fabs(d) < 1e13 && cents_text(d, out) == 0) {
        return;
    }
    if (!isfinite(d) || d != floor(d) || fabs(d) >= 1e21) {
        sbuf_addf(out, "%.15g", d);
    } else if (fabs(d) < 1e15) {
        sbuf_addf(out, "%.0f", d);
    } else {
        /* "5.19999199001011e+17": 15 digits, then zeros */
        snprintf(buf, sizeof(buf), "%.14e", fabs(d));
        exp = atoi(strchr(buf, 'e') + 1);
        sbuf_addf(out, "%s%c%.14s", d < 0 ? "-" : "", buf[0], buf + 2);
        sbuf_addf(out, "%0*d", exp - 14, 0);
    }
}

/* Year, month and day of DAYS since 1970-01-01 (H. Hinnant's algorithm). */
static void
civil(long days, int *y, int *m, int *d)
{
    long z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;

    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

void
sheet_date_text(double serial, int date1904, struct sbuf *out)
{
    long days = (long)floor(serial);
    int y, m, d;

    if (date1904) {
        days += 1462;
    } else if (days == 60) {
        sbuf_adds(out, "1900-02-29");   /* Excel's own day that never was */
        return;
    } else if (days < 60) {
        days++;
    }
    civil(days - 25569, &y, &m, &d);
    digits(out, (unsigned long long)(y > 0 ? y : 0), 4);
    sbuf_addch(out, '-');
    digits(out, (unsigned long long)m, 2);
    sbuf_addch(out, '-');
    digits(out, (unsigned long long)d, 2);
}

/* ---- reading ------------------------------------------------------ */

static const unsigned char zip_magic[] = {'P', 'K', 3, 4};
static const unsigned char ole_magic[] = {0xD0, 0xCF, 0x11, 0xE0,
                                          0xA1, 0xB1, 0x1A, 0xE1};

static int
has_suffix(const char *path, const char *suffix)
{
    size_t n = strlen(path), m = strlen(suffix);

    return n > m && path[n - m - 1] == '.' && strcasecmp(path + n - m, suffix) == 0;
}

enum sheet_format
sheet_magic(const char *path)
{
    unsigned char head[8] = {0};
    FILE *f = fopen(path, "rb");
    size_t n = 0;

    if (f != NULL) {
        n = fread(head, 1, sizeof(head), f);
        fclose(f);
    }
    if (n >= sizeof(zip_magic) && memcmp(head, zip_magic, sizeof(zip_magic)) == 0) {
        return SHEET_XLSX;
    }
    if (n >= sizeof(ole_magic) && memcmp(head, ole_magic, sizeof(ole_magic)) == 0) {
        return SHEET_XLS;
    }
    return SHEET_AUTO;
}

/* The format of PATH: by its first bytes, then by its name, else CSV. */
static enum sheet_format
format_detect(const char *path)
{
    enum sheet_format f = sheet_magic(path);

    if (f != SHEET_AUTO) {
        return f;
    }
    if (has_suffix(path, "xlsx")) {
        return SHEET_XLSX;
    }
    return has_suffix(path, "xls") ? SHEET_XLS : SHEET_CSV;
}

static int
open_check(const char *path, size_t *size, struct err *e)
{
    struct stat st;

    if (stat(path, &st) < 0) {
        return err_set(e, errno == ENOENT ? ERR_NOTFOUND : ERR_IO,
                       _("cannot open %s: %s"), path, strerror(errno));
    }
    if (!S_ISREG(st.st_mode)) {
        return err_set(e, ERR_INVALID, _("%s is not a regular file"), path);
    }
    *size = (size_t)st.st_size;
    return 0;
}

typedef int (*open_fn)(struct sheet_reader *, const struct sheet_read_opts *,
                       struct err *);

static const open_fn openers[] = {
    [SHEET_CSV] = sheet_csv_open,
    [SHEET_XLSX] = sheet_xlsx_open,
    [SHEET_XLS] = sheet_xls_open,
};

int
sheet_open(const struct sheet_read_opts *o, struct sheet_reader **rp,
           struct err *e)
{
    struct sheet_reader *r = xcalloc(1, sizeof(*r));
    struct sheet_read_opts native = *o;

    /* The name is text (UTF-8); the file system's is in the locale's set. */
    r->native_path = lcio_path(o->path);
    native.path = r->native_path;
    sbuf_init(&r->row.text);
    r->max_cell = o->max_cell != 0 ? o->max_cell : SHEET_MAX_CELL;
    r->format = o->format != SHEET_AUTO ? o->format : format_detect(native.path);
    if (open_check(native.path, &r->size, e) < 0
        || openers[r->format](r, &native, e) < 0) {
        sheet_close(r);
        return -1;
    }
    *rp = r;
    return 0;
}

int
sheet_next(struct sheet_reader *r, struct sheet_row *row, struct err *e)
{
    int rc;

    for (;;) {
        sheet_row_reset(&r->row);
        rc = r->ops->next(r, e);
        if (rc <= 0) {
            return rc;
        }
        if (!row_empty(&r->row)) {
            row_publish(&r->row, row, r->line);
            return 1;
        }
    }
}

enum sheet_format
sheet_read_format(const struct sheet_reader *r)
{
    return r->format;
}

enum sheet_encoding
sheet_read_encoding(const struct sheet_reader *r)
{
    return r->enc;
}

size_t
sheet_read_bytes(const struct sheet_reader *r)
{
    return r->bytes < r->size ? r->bytes : r->size;
}

size_t
sheet_read_size(const struct sheet_reader *r)
{
    return r->size;
}

void
sheet_close(struct sheet_reader *r)
{
    if (r == NULL) {
        return;
    }
    if (r->ops != NULL) {
        r->ops->close(r);
    }
    sbuf_release(&r->row.text);
    free(r->row.off);
    free(r->row.ptr);
    free(r->native_path);
    free(r);
}

/* ---- the header --------------------------------------------------- */

/* S without the spaces (ASCII and the ideographic space) around it, nor
 * a byte-order mark some programs leave in the first header cell. */
static const char *
trim(const char *s, size_t *len)
{
    size_t n;

    for (;;) {
        if (*s == ' ' || *s == '\t') {
            s++;
        } else if (strncmp(s, "\xe3\x80\x80", 3) == 0
                   || strncmp(s, "\xef\xbb\xbf", 3) == 0) {
            s += 3;
        } else {
            break;
        }
    }
    n = strlen(s);
    for (;;) {
        if (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t')) {
            n--;
        } else if (n >= 3 && memcmp(s + n - 3, "\xe3\x80\x80", 3) == 0) {
            n -= 3;
        } else {
            break;
        }
    }
    *len = n;
    return s;
}

static long
label_index(const char *s, size_t len, const char *const *labels, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (strlen(labels[i]) == len && memcmp(labels[i], s, len) == 0) {
            return (long)i;
        }
    }
    return -1;
}

size_t
sheet_header_map(const struct sheet_row *header, const char *const *labels,
                 size_t n, int *idx, const char ***unknown, size_t *nunknown)
{
    size_t i, found = 0, nu = 0, len;
    const char **u = xcalloc(header->ncells + 1, sizeof(*u));
    const char *s;
    long k;

    for (i = 0; i < n; i++) {
        idx[i] = -1;
    }
    for (i = 0; i < header->ncells; i++) {
        s = trim(header->cells[i], &len);
        k = label_index(s, len, labels, n);
        if (k >= 0 && idx[k] < 0) {
            idx[k] = (int)i;
            found++;
        } else if (k < 0 && len > 0) {
            u[nu++] = header->cells[i];
        }
    }
    if (unknown != NULL) {
        *unknown = u;
    } else {
        free(u);
    }
    if (nunknown != NULL) {
        *nunknown = nu;
    }
    return found;
}

/* ---- writing ------------------------------------------------------ */

static int
all_digits(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i])) {
            return 0;
        }
    }
    return n > 0;
}

int
sheet_text_kind(const char *s)
{
    size_t n = strlen(s);

    if (all_digits(s, n) && (n > 11 || (n > 1 && s[0] == '0'))) {
        return SHEET_CSV_ID;
    }
    if (s[0] != '\0' && strchr("=+-@", s[0]) != NULL) {
        return SHEET_CSV_FORMULA;
    }
    return SHEET_CSV_PLAIN;
}

/* A whole number, maybe negative, of at most 15 digits (exact in a
 * double, as Excel keeps it). */
static int
int_ok(const char *s, size_t n)
{
    if (n > 0 && s[0] == '-') {
        s++;
        n--;
    }
    return n <= 15 && all_digits(s, n);
}

static int
amount_norm(const char *s, struct sbuf *out)
{
    const char *dot = strchr(s, '.');
    size_t ni = dot != NULL ? (size_t)(dot - s) : strlen(s);
    size_t nf = dot != NULL ? strlen(dot + 1) : 0;

    if (!int_ok(s, ni) || nf > 2 || (dot != NULL && !all_digits(dot + 1, nf))) {
        return -1;
    }
    sbuf_add(out, s, ni);
    sbuf_adds(out, ".");
    sbuf_add(out, dot != NULL ? dot + 1 : "", nf);
    sbuf_add(out, "00", 2 - nf);
    return 0;
}

static int
month_days(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

    return days[m - 1] + (m == 2 && leap);
}

/* The N digits at S as a number (S holds only digits: all_digits). */
static int
digits_value(const char *s, size_t n)
{
    int v = 0;

    while (n-- > 0) {
        v = v * 10 + (*s++ - '0');
    }
    return v;
}

static int
date_norm(const char *s, struct sbuf *out)
{
    int y, m, d;

    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-'
        || !all_digits(s, 4) || !all_digits(s + 5, 2) || !all_digits(s + 8, 2)) {
        return -1;
    }
    y = digits_value(s, 4);
    m = digits_value(s + 5, 2);
    d = digits_value(s + 8, 2);
    if (y < 1900 || m < 1 || m > 12 || d < 1 || d > month_days(y, m)) {
        return -1;
    }
    sbuf_adds(out, s);
    return 0;
}

static int
int_norm(const char *s, struct sbuf *out)
{
    if (!int_ok(s, strlen(s))) {
        return -1;
    }
    sbuf_adds(out, s);
    return 0;
}

static int
text_norm(const char *s, struct sbuf *out)
{
    sbuf_adds(out, s);
    return 0;
}

static int (*const norms[])(const char *, struct sbuf *) = {
    [SHEET_TEXT] = text_norm,
    [SHEET_AMOUNT] = amount_norm,
    [SHEET_INT] = int_norm,
    [SHEET_DATE] = date_norm,
};

int
sheet_cell_norm(enum sheet_type t, const char *s, struct sbuf *out)
{
    sbuf_reset(out);
    return norms[t](s, out);
}

static const char *const type_names[] = {
    NULL, N_("an amount"), N_("a whole number"), N_("a date (YYYY-MM-DD)"),
};

/* Every typed cell of CELLS is a value of its type. */
static int
cells_check(const struct sheet_writer *w, const char *const *cells,
            struct err *e)
{
    struct sbuf tmp = SBUF_INIT;
    size_t i;
    char name[8];
    int rc = 0;

    for (i = 0; i < w->ncols && rc == 0; i++) {
        if (cells[i] != NULL && !u8_valid(cells[i], strlen(cells[i]))) {
            rc = err_set(e, ERR_INVALID, _("row %zu, column %s: the cell is not UTF-8 text"),
                         w->rows + 2, sheet_col_name(i, name));
        } else if (cells[i] != NULL && cells[i][0] != '\0'
                   && sheet_cell_norm(w->types[i], cells[i], &tmp) < 0) {
            rc = err_set(e, ERR_INVALID,
                         _("row %zu, column %s: \"%s\" is not %s"),
                         w->rows + 2, sheet_col_name(i, name), cells[i],
                         i18n_pick(type_names, ARRAY_SIZE(type_names),
                                   w->types[i]));
        }
    }
    sbuf_release(&tmp);
    return rc;
}

typedef int (*create_fn)(struct sheet_writer *, const struct sheet_write_opts *,
                         struct err *);

int
sheet_create(const struct sheet_write_opts *o, struct sheet_writer **wp,
             struct err *e)
{
    struct sheet_writer *w;
    create_fn create;
    size_t i;

    if (o->format != SHEET_CSV && o->format != SHEET_XLSX) {
        return err_set(e, ERR_USAGE, _("sheets are written as CSV or XLSX only"));
    }
    w = xcalloc(1, sizeof(*w));
    w->ncols = o->ncols;
    w->types = xcalloc(o->ncols + 1, sizeof(*w->types));
    for (i = 0; i < o->ncols; i++) {
        w->types[i] = o->cols[i].type;
    }
    create = o->format == SHEET_CSV ? sheet_csv_create : sheet_xlsx_create;
    if (create(w, o, e) < 0) {
        free(w->types);
        free(w);
        return -1;
    }
    *wp = w;
    return 0;
}

int
sheet_add(struct sheet_writer *w, const char *const *cells, struct err *e)
{
    if (cells_check(w, cells, e) < 0 || w->ops->add(w, cells, e) < 0) {
        return -1;
    }
    w->rows++;
    return 0;
}

static void
writer_free(struct sheet_writer *w)
{
    free(w->types);
    free(w);
}

int
sheet_finish(struct sheet_writer *w, struct err *e)
{
    int rc = w->ops->finish(w, e);

    writer_free(w);
    return rc;
}

void
sheet_abort(struct sheet_writer *w)
{
    if (w != NULL) {
        w->ops->abort(w);
        writer_free(w);
    }
}
