/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * sheet_csv.c - CSV as Excel and WPS read and write it (see sheet.h).
 *
 * Reading: RFC 4180 fields (quoted fields hold commas, doubled quotes and
 * line breaks; CRLF, LF or CR end a record), parsed on the raw bytes --
 * safe for GB18030 too, whose trailing bytes are never a comma, a quote
 * or a line break -- then each cell decoded.  The encoding is the one
 * asked for, else UTF-8 after a byte-order mark, else UTF-8 when the
 * first block is valid UTF-8, else GB18030 (which reads GBK and GB2312).
 * A record is one row as Excel numbers it, line breaks inside quotes
 * included.  A cell ="..." (how an ID-like number is written, below)
 * reads back as what is inside; a leading apostrophe is kept, because
 * Excel keeps it too when it opens a CSV.
 *
 * Writing: util/csv.c's RFC 4180 rows, CRLF, in UTF-8 with a byte-order
 * mark or in GB18030.  A text cell that Excel would turn into a number
 * and lose digits or leading zeros (digits only, longer than 11 or
 * starting with 0) is written ="..."; a text cell starting with = + - @
 * gets an apostrophe first so that Excel never runs it as a formula.
 */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sheet/sheet_priv.h"
#include "util/csv.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/u8.h"
#include "util/xalloc.h"

#define CSV_BLOCK 65536

static const char bom[] = "\xEF\xBB\xBF";

/* Convert N bytes at IN with CD, appending to OUT: 0, or -1 for bytes
 * that are not text in the source encoding. */
static int
conv(iconv_t cd, const char *in, size_t n, struct sbuf *out)
{
    char *src = (char *)in, *dst;
    size_t left = n, room, done;

    iconv(cd, NULL, NULL, NULL, NULL);
    while (left > 0) {
        sbuf_grow(out, left * 2 + 16);
        dst = out->buf + out->len;
        room = out->alloc - out->len - 1;
        done = room;
        if (iconv(cd, &src, &left, &dst, &room) == (size_t)-1 && errno != E2BIG) {
            out->buf[out->len] = '\0';
            return -1;
        }
        out->len += done - room;
        out->buf[out->len] = '\0';
    }
    return 0;
}

static const char *const enc_label[] = {
    [SHEET_ENC_AUTO] = "UTF-8", [SHEET_ENC_UTF8] = "UTF-8",
    [SHEET_ENC_GB18030] = "GB18030",
};

/* Close F and CD, either of which may not be open. */
static void
files_close(FILE *f, iconv_t cd)
{
    if (f != NULL) {
        fclose(f);
    }
    if (cd != (iconv_t)-1) {
        iconv_close(cd);
    }
}

/* ---- reading ------------------------------------------------------ */

struct csv_in {
    FILE *f;
    unsigned char buf[CSV_BLOCK];
    size_t pos, len;
    size_t recno;
    iconv_t cd;                 /* GB18030 to UTF-8, opened when needed */
    struct sbuf field, text;
};

static int
refill(struct sheet_reader *r, struct csv_in *c)
{
    c->pos = 0;
    c->len = fread(c->buf, 1, sizeof(c->buf), c->f);
    r->bytes += c->len;
    return c->len > 0;
}

static int
get(struct sheet_reader *r, struct csv_in *c)
{
    if (c->pos == c->len && !refill(r, c)) {
        return EOF;
    }
    return c->buf[c->pos++];
}

static int
peek(struct sheet_reader *r, struct csv_in *c)
{
    if (c->pos == c->len && !refill(r, c)) {
        return EOF;
    }
    return c->buf[c->pos];
}

/* Bytes that no text has: NUL and the control characters but tab, CR
 * and LF. */
static int
binary(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        unsigned char b = (unsigned char)s[i];

        if ((b < 0x20 && b != '\t' && b != '\r' && b != '\n') || b == 0x7F) {
            return 1;
        }
    }
    return 0;
}

static int
ascii(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if ((unsigned char)s[i] >= 0x80) {
            return 0;
        }
    }
    return 1;
}

/* The block's bytes up to the last sequence it may have cut. */
static size_t
whole_seqs(const unsigned char *b, size_t n, int cut)
{
    size_t k;

    if (!cut) {
        return n;
    }
    for (k = 1; k <= 4 && k <= n; k++) {
        if ((b[n - k] & 0xC0) != 0x80) {
            return b[n - k] >= 0xC0 ? n - k : n;
        }
    }
    return n;
}

/* The encoding of the block already read, when it tells. */
static enum sheet_encoding
sniff(const unsigned char *b, size_t n, int cut)
{
    if (ascii((const char *)b, n)) {
        return SHEET_ENC_AUTO;
    }
    return u8_valid((const char *)b, whole_seqs(b, n, cut))
           ? SHEET_ENC_UTF8 : SHEET_ENC_GB18030;
}

static int
enc_err(struct sheet_reader *r, size_t col, struct err *e)
{
    char name[8];

    return err_set(e, ERR_INVALID,
                   _("row %zu, column %s: the bytes are not text in %s"),
                   r->line, sheet_col_name(col, name), enc_label[r->enc]);
}

/* The raw cell in C->field as UTF-8: *S and *N, C->field itself when it
 * is UTF-8 already, else C->text. */
static int
decode(struct sheet_reader *r, struct csv_in *c, size_t col, const char **s, size_t *n,
       struct err *e)
{
    struct sbuf *f = &c->field;

    sbuf_reset(&c->text);
    *s = c->text.buf;
    *n = 0;
    if (binary(f->buf, f->len)) {
        return enc_err(r, col, e);
    }
    if (r->enc == SHEET_ENC_AUTO && !ascii(f->buf, f->len)) {
        r->enc = u8_valid(f->buf, f->len) ? SHEET_ENC_UTF8 : SHEET_ENC_GB18030;
    }
    if (r->enc != SHEET_ENC_GB18030) {
        if (!u8_valid(f->buf, f->len)) {
            return enc_err(r, col, e);
        }
        *s = f->buf;
        *n = f->len;
        return 0;
    }
    if (c->cd == (iconv_t)-1) {
        c->cd = iconv_open("UTF-8", "GB18030");
        if (c->cd == (iconv_t)-1) {
            return err_set(e, ERR_IO, _("cannot convert from %s: %s"),
                           "GB18030", strerror(errno));
        }
    }
    if (conv(c->cd, f->buf, f->len, &c->text) < 0) {
        return enc_err(r, col, e);
    }
    *s = c->text.buf;
    *n = c->text.len;
    return 0;
}

/* Finish the field just read as column COL of the row. */
static int
field_end(struct sheet_reader *r, struct csv_in *c, size_t col, struct err *e)
{
    const char *s;
    size_t n;

    if (decode(r, c, col, &s, &n, e) < 0) {
        return -1;
    }
    if (n >= 3 && s[0] == '=' && s[1] == '"' && s[n - 1] == '"'
        && memchr(s + 2, '"', n - 3) == NULL) {
        s += 2;
        n -= 3;
    }
    return sheet_row_put(&r->row, col, s, n, r->max_cell, r->line, e);
}

static int
field_add(struct sheet_reader *r, struct csv_in *c, int ch, size_t col,
          struct err *e)
{
    if (c->field.len >= r->max_cell) {
        return sheet_err_long(e, r->line, col, r->max_cell);
    }
    sbuf_addch(&c->field, ch);
    return 0;
}

/* The bytes of the block up to a comma or a line break, added at once:
 * the run of an unquoted field. */
static int
run_add(struct sheet_reader *r, struct csv_in *c, size_t col, struct err *e)
{
    size_t i = c->pos;

    while (i < c->len && c->buf[i] != ',' && c->buf[i] != '\r' && c->buf[i] != '\n') {
        i++;
    }
    if (c->field.len + (i - c->pos) > r->max_cell) {
        return sheet_err_long(e, r->line, col, r->max_cell);
    }
    sbuf_add(&c->field, (const char *)c->buf + c->pos, i - c->pos);
    c->pos = i;
    return 0;
}

/* The bytes of the block up to the next quote, added at once: the run
 * of a quoted field (ID numbers come as ="..." cells). */
static int
quoted_run(struct sheet_reader *r, struct csv_in *c, size_t col, struct err *e)
{
    const unsigned char *q = memchr(c->buf + c->pos, '"', c->len - c->pos);
    size_t end = q != NULL ? (size_t)(q - c->buf) : c->len;

    if (c->field.len + (end - c->pos) > r->max_cell) {
        return sheet_err_long(e, r->line, col, r->max_cell);
    }
    sbuf_add(&c->field, (const char *)c->buf + c->pos, end - c->pos);
    c->pos = end;
    return 0;
}

/* The quoted part of a field, its opening quote read. */
static int
quoted(struct sheet_reader *r, struct csv_in *c, size_t col, struct err *e)
{
    int ch;

    for (;;) {
        if (quoted_run(r, c, col, e) < 0) {
            return -1;
        }
        ch = get(r, c);
        if (ch == EOF) {
            return err_set(e, ERR_INVALID,
                           _("row %zu: a quoted cell is not closed before the end of the file"),
                           r->line);
        }
        if (ch == '"') {
            if (peek(r, c) != '"') {
                return 0;
            }
            get(r, c);
        }
        if (field_add(r, c, ch, col, e) < 0) {
            return -1;
        }
    }
}

/* One field as column COL; *END gets the byte that ended it: ',', '\n'
 * (any line break) or EOF. */
static int
field(struct sheet_reader *r, struct csv_in *c, size_t col, int *end,
      struct err *e)
{
    int ch = get(r, c);

    sbuf_reset(&c->field);
    if (ch == '"') {
        if (quoted(r, c, col, e) < 0) {
            return -1;
        }
        ch = get(r, c);
    }
    while (ch != EOF && ch != ',' && ch != '\r' && ch != '\n') {
        if (field_add(r, c, ch, col, e) < 0 || run_add(r, c, col, e) < 0) {
            return -1;
        }
        ch = get(r, c);
    }
    if (ch == '\r' && peek(r, c) == '\n') {
        get(r, c);
    }
    *end = ch == '\r' ? '\n' : ch;
    return field_end(r, c, col, e);
}

static int
csv_next(struct sheet_reader *r, struct err *e)
{
    struct csv_in *c = r->impl;
    size_t col = 0;
    int end = ',';

    if (peek(r, c) == EOF) {
        return 0;
    }
    r->line = ++c->recno;
    while (end == ',') {
        if (field(r, c, col++, &end, e) < 0) {
            return -1;
        }
    }
    return 1;
}

static void
csv_close(struct sheet_reader *r)
{
    struct csv_in *c = r->impl;

    if (c == NULL) {
        return;
    }
    files_close(c->f, c->cd);
    sbuf_release(&c->field);
    sbuf_release(&c->text);
    free(c);
}

static const struct sheet_rops csv_rops = {csv_next, csv_close};

int
sheet_csv_open(struct sheet_reader *r, const struct sheet_read_opts *o,
               struct err *e)
{
    struct csv_in *c = xcalloc(1, sizeof(*c));

    c->cd = (iconv_t)-1;
    sbuf_init(&c->field);
    sbuf_init(&c->text);
    r->impl = c;
    r->ops = &csv_rops;
    c->f = fopen(o->path, "rb");
    if (c->f == NULL) {
        return err_set(e, errno == ENOENT ? ERR_NOTFOUND : ERR_IO,
                       _("cannot open %s: %s"), o->path, strerror(errno));
    }
    refill(r, c);
    r->enc = o->encoding;
    if (r->enc != SHEET_ENC_GB18030 && c->len >= 3 && memcmp(c->buf, bom, 3) == 0) {
        c->pos = 3;
        r->enc = SHEET_ENC_UTF8;
    } else if (r->enc == SHEET_ENC_AUTO) {
        r->enc = sniff(c->buf, c->len, c->len == sizeof(c->buf));
    }
    return 0;
}

/* ---- writing ------------------------------------------------------ */

struct csv_out {
    FILE *f;
    const char *path;
    iconv_t cd;                 /* UTF-8 to GB18030, or -1 */
    struct sbuf line, conv, cell;
    char obuf[CSV_BLOCK];       /* F's buffer: 64 KiB writes, not 4 KiB */
};

/* Cell S of type T as Excel must see it, added to OUT.  An ID-like
 * number is ="..." unquoted, as Excel reads it best (digits need no
 * quoting). */
static void
cell_out(enum sheet_type t, const char *s, struct sbuf *tmp, struct sbuf *out)
{
    int kind;

    if (s == NULL || (t != SHEET_TEXT && sheet_cell_norm(t, s, tmp) == 0)) {
        csv_field(out, s != NULL ? tmp->buf : NULL);
        return;
    }
    kind = sheet_text_kind(s);
    if (kind == SHEET_CSV_ID) {
        sbuf_add(out, "=\"", 2);
        sbuf_adds(out, s);
        sbuf_addch(out, '"');
        return;
    }
    if (kind == SHEET_CSV_PLAIN) {
        csv_field(out, s);      /* the cell as it is, without a copy */
        return;
    }
    sbuf_reset(tmp);
    sbuf_addch(tmp, '\'');
    sbuf_adds(tmp, s);
    csv_field(out, tmp->buf);
}

static int
io_err(struct csv_out *c, struct err *e)
{
    return err_set(e, ERR_IO, _("cannot write %s: %s"), c->path,
                   strerror(errno != 0 ? errno : EIO));
}

static int
row_out(struct sheet_writer *w, const char *const *cells,
        const enum sheet_type *types, struct err *e)
{
    struct csv_out *c = w->impl;
    struct sbuf *out = &c->line;
    size_t i;

    sbuf_reset(&c->line);
    for (i = 0; i < w->ncols; i++) {
        if (i > 0) {
            sbuf_addch(&c->line, ',');
        }
        cell_out(types[i], cells[i], &c->cell, &c->line);
    }
    sbuf_adds(&c->line, "\r\n");
    if (c->cd != (iconv_t)-1) {
        sbuf_reset(&c->conv);
        if (conv(c->cd, c->line.buf, c->line.len, &c->conv) < 0) {
            return err_set(e, ERR_INVALID, _("row %zu: the text cannot be written in %s"),
                           w->rows + 2, "GB18030");
        }
        out = &c->conv;
    }
    errno = 0;
    return fwrite(out->buf, 1, out->len, c->f) == out->len ? 0 : io_err(c, e);
}

static int
csv_add(struct sheet_writer *w, const char *const *cells, struct err *e)
{
    return row_out(w, cells, w->types, e);
}

static void
csv_free(struct sheet_writer *w)
{
    struct csv_out *c = w->impl;

    files_close(c->f, c->cd);
    sbuf_release(&c->line);
    sbuf_release(&c->conv);
    sbuf_release(&c->cell);
    free(c);
}

static int
csv_finish(struct sheet_writer *w, struct err *e)
{
    struct csv_out *c = w->impl;
    int rc = 0;

    errno = 0;
    if (fflush(c->f) != 0 || ferror(c->f) || fsync(fileno(c->f)) < 0) {
        rc = io_err(c, e);
    }
    if (fclose(c->f) != 0 && rc == 0) {
        rc = io_err(c, e);
    }
    c->f = NULL;
    csv_free(w);
    return rc;
}

static const struct sheet_wops csv_wops = {csv_add, csv_finish, csv_free};

int
sheet_csv_create(struct sheet_writer *w, const struct sheet_write_opts *o,
                 struct err *e)
{
    struct csv_out *c = xcalloc(1, sizeof(*c));
    const char **labels = xcalloc(o->ncols + 1, sizeof(*labels));
    enum sheet_type *text = xcalloc(o->ncols + 1, sizeof(*text));
    size_t i;
    int rc = 0;

    w->impl = c;
    w->ops = &csv_wops;
    c->path = o->path;
    c->cd = (iconv_t)-1;
    sbuf_init(&c->line);
    sbuf_init(&c->conv);
    sbuf_init(&c->cell);
    for (i = 0; i < o->ncols; i++) {
        labels[i] = o->cols[i].label;
    }
    if (o->encoding == SHEET_ENC_GB18030) {
        c->cd = iconv_open("GB18030", "UTF-8");
    }
    c->f = fopen(o->path, "wb");
    if (c->f != NULL) {
        setvbuf(c->f, c->obuf, _IOFBF, sizeof(c->obuf));
    }
    if (c->f == NULL) {
        rc = err_set(e, ERR_IO, _("cannot create %s: %s"), o->path, strerror(errno));
    } else if (o->encoding == SHEET_ENC_GB18030 && c->cd == (iconv_t)-1) {
        rc = err_set(e, ERR_IO, _("cannot convert from %s: %s"), "UTF-8", strerror(errno));
    } else if (c->cd == (iconv_t)-1 && fwrite(bom, 1, 3, c->f) != 3) {
        rc = io_err(c, e);
    } else {
        rc = row_out(w, labels, text, e);
    }
    free(labels);
    free(text);
    if (rc < 0) {
        csv_free(w);
    }
    return rc;
}
