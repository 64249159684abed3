/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_sheet.c - the sheet layer on small files made here: CSV in UTF-8
 * with and without a byte-order mark and in GB18030, quoted commas,
 * quotes and line breaks, rows numbered as Excel numbers them, cells too
 * long, bytes that are not text; CSV and XLSX written with IDs kept as
 * text and formulas defused; XLSX read with shared and inline strings,
 * dates, a damaged ZIP and a million empty rows; XLS (made by hand in
 * tests/unit/sheet_mkxls.py) read.
 */
#include "config.h"
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "sheet/sheet.h"
#include "sheet/sheet_priv.h"
#include "util/array.h"
#include "util/err.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

static char *dir;

static int
setup(void **state)
{
    (void)state;
    dir = helpers_tmpdir();
    return 0;
}

static int
teardown(void **state)
{
    (void)state;
    helpers_rmdir(dir);
    return 0;
}

/* DIR/NAME holding the N bytes at DATA; returns the path. */
static char *
put(const char *name, const void *data, size_t n)
{
    char *path = xmalloc(strlen(dir) + strlen(name) + 2);
    FILE *f;

    sprintf(path, "%s/%s", dir, name);
    f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    fclose(f);
    return path;
}

static char *
slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    char *buf = xmalloc(1 << 20);

    assert_non_null(f);
    *n = fread(buf, 1, (1 << 20) - 1, f);
    buf[*n] = '\0';
    fclose(f);
    return buf;
}

/* Open PATH with encoding ENC and max_cell MAX. */
static struct sheet_reader *
open_enc(const char *path, enum sheet_encoding enc, size_t max)
{
    struct sheet_read_opts o = {0};
    struct sheet_reader *r = NULL;
    struct err e = {0};

    o.path = path;
    o.encoding = enc;
    o.max_cell = max;
    if (sheet_open(&o, &r, &e) < 0) {
        fail_msg("sheet_open %s: %s", path, e.msg);
    }
    return r;
}

/* The next row must be LINE with the cells of the NULL-terminated WANT. */
static void
expect_row(struct sheet_reader *r, size_t line, const char *const *want)
{
    struct sheet_row row;
    struct err e = {0};
    size_t i;

    if (sheet_next(r, &row, &e) != 1) {
        fail_msg("no row %zu: %s", line, e.msg);
    }
    assert_int_equal(row.line, line);
    for (i = 0; want[i] != NULL; i++) {
        assert_true(i < row.ncells);
        assert_string_equal(row.cells[i], want[i]);
    }
    assert_int_equal(row.ncells, i);
}

static void
expect_end(struct sheet_reader *r)
{
    struct sheet_row row;
    struct err e = {0};

    assert_int_equal(sheet_next(r, &row, &e), 0);
}

/* Reading PATH fails at some row with a message containing WANT. */
static void
expect_error(const char *path, enum sheet_encoding enc, size_t max,
             const char *want)
{
    struct sheet_reader *r = open_enc(path, enc, max);
    struct sheet_row row;
    struct err e = {0};
    int rc;

    while ((rc = sheet_next(r, &row, &e)) == 1) {
    }
    assert_int_equal(rc, -1);
    assert_int_equal(e.code, ERR_INVALID);
    if (strstr(e.msg, want) == NULL) {
        fail_msg("\"%s\" does not contain \"%s\"", e.msg, want);
    }
    sheet_close(r);
}

#define ROW(...) ((const char *const[]){__VA_ARGS__, NULL})

/* ---- CSV reading -------------------------------------------------- */

static void
test_csv_utf8_bom(void **state)
{
    static const char text[] = "\xEF\xBB\xBF姓名,身份证号\r\n张三,510101199001011234\r\n";
    char *p = put("bom.csv", text, sizeof(text) - 1);
    struct sheet_reader *r = open_enc(p, SHEET_ENC_AUTO, 0);

    (void)state;
    assert_int_equal(sheet_read_format(r), SHEET_CSV);
    expect_row(r, 1, ROW("姓名", "身份证号"));
    expect_row(r, 2, ROW("张三", "510101199001011234"));
    expect_end(r);
    assert_int_equal(sheet_read_encoding(r), SHEET_ENC_UTF8);
    assert_int_equal(sheet_read_bytes(r), sizeof(text) - 1);
    assert_int_equal(sheet_read_size(r), sizeof(text) - 1);
    sheet_close(r);
    free(p);
}

static void
test_csv_utf8_plain_lf(void **state)
{
    static const char text[] = "姓名,村\n李四,新西村\n";
    char *p = put("plain.csv", text, sizeof(text) - 1);
    struct sheet_reader *r = open_enc(p, SHEET_ENC_AUTO, 0);

    (void)state;
    expect_row(r, 1, ROW("姓名", "村"));
    expect_row(r, 2, ROW("李四", "新西村"));
    expect_end(r);
    assert_int_equal(sheet_read_encoding(r), SHEET_ENC_UTF8);
    sheet_close(r);
    free(p);
}

/* 张三,"新西,镇" in GB18030 (GBK bytes). */
static const char gb_text[] = "\xD5\xC5\xC8\xFD,\"\xD0\xC2\xCE\xF7,\xD5\xF2\"\r\n";

static void
test_csv_gb18030_detected(void **state)
{
    char *p = put("gb.csv", gb_text, sizeof(gb_text) - 1);
    struct sheet_reader *r = open_enc(p, SHEET_ENC_AUTO, 0);

    (void)state;
    expect_row(r, 1, ROW("张三", "新西,镇"));
    expect_end(r);
    assert_int_equal(sheet_read_encoding(r), SHEET_ENC_GB18030);
    sheet_close(r);
    free(p);
}

static void
test_csv_encoding_forced(void **state)
{
    char *p = put("gb.csv", gb_text, sizeof(gb_text) - 1);
    struct sheet_reader *r = open_enc(p, SHEET_ENC_GB18030, 0);

    (void)state;
    expect_row(r, 1, ROW("张三", "新西,镇"));
    sheet_close(r);
    /* Forced to UTF-8, the GBK bytes are refused, naming the row. */
    expect_error(p, SHEET_ENC_UTF8, 0, "row 1, column A");
    free(p);
}

/* A file that starts in ASCII and turns to GBK after the first block. */
static void
test_csv_gb18030_late(void **state)
{
    size_t n = 70000, i;
    char *text = xmalloc(n + 64);
    char *p;
    struct sheet_reader *r;
    struct sheet_row row;
    struct err e = {0};

    (void)state;
    for (i = 0; i + 4 <= n; i += 4) {
        memcpy(text + i, "a,b\n", 4);
    }
    memcpy(text + i, "\xD5\xC5\xC8\xFD,1\n", 7);
    p = put("late.csv", text, i + 7);
    r = open_enc(p, SHEET_ENC_AUTO, 0);
    while (sheet_next(r, &row, &e) == 1 && strcmp(row.cells[0], "a") == 0) {
    }
    assert_string_equal(row.cells[0], "张三");
    assert_int_equal(row.line, i / 4 + 1);
    assert_int_equal(sheet_read_encoding(r), SHEET_ENC_GB18030);
    sheet_close(r);
    free(text);
    free(p);
}

static void
test_csv_quotes_and_lines(void **state)
{
    static const char text[] =
        "a,\"b,c\",\"say \"\"hi\"\"\",\"line1\r\nline2\"\r\n"
        "next,\"\",x\n"
        "\n"
        ",,\r\n"
        "last\r";
    char *p = put("q.csv", text, sizeof(text) - 1);
    struct sheet_reader *r = open_enc(p, SHEET_ENC_AUTO, 0);

    (void)state;
    expect_row(r, 1, ROW("a", "b,c", "say \"hi\"", "line1\r\nline2"));
    /* The line break inside quotes does not start an Excel row. */
    expect_row(r, 2, ROW("next", "", "x"));
    /* Empty rows are skipped but counted. */
    expect_row(r, 5, ROW("last"));
    expect_end(r);
    sheet_close(r);
    free(p);
}

/* Quoted cells read a run at a time: a doubled quote split by the
 * reader's block (64 KiB), one right after it, and a cell of a line
 * break and quotes crossing the next, each cell exactly as written. */
static void
test_csv_quotes_across_blocks(void **state)
{
    size_t a = 65536 - 3 - 1, nb = 70000, n = 0, i;
    char *text = xmalloc(a + nb + 64), *want = xmalloc(a + nb + 64);
    char *p;
    struct sheet_reader *r;
    const char *row[3];

    (void)state;
    /* x,"AAA...A"" (the pair's first quote the block's last byte) B..."\n */
    memcpy(text, "x,\"", 3);
    n = 3;
    memset(text + n, 'A', a);
    n += a;
    memcpy(text + n, "\"\"", 2);
    n += 2;
    for (i = 0; i < nb; i++) {
        text[n++] = i % 1000 == 999 ? '\n' : 'b';
    }
    memcpy(text + n, "\"\"\"\"end\"\n", 9);
    n += 9;
    assert_int_equal(text[65535], '"');
    memset(want, 'A', a);
    want[a] = '"';
    memcpy(want + a + 1, text + 3 + a + 2, nb);
    memcpy(want + a + 1 + nb, "\"\"end", 6);
    p = put("blocks.csv", text, n);
    r = open_enc(p, SHEET_ENC_AUTO, a + nb + 64);
    row[0] = "x";
    row[1] = want;
    row[2] = NULL;
    expect_row(r, 1, row);
    expect_end(r);
    sheet_close(r);
    free(text);
    free(want);
    free(p);
}

static void
test_csv_unclosed_quote(void **state)
{
    static const char text[] = "a,b\nc,\"open\n";
    char *p = put("open.csv", text, sizeof(text) - 1);

    (void)state;
    expect_error(p, SHEET_ENC_AUTO, 0, "row 2");
    free(p);
}

static void
test_csv_cell_too_long(void **state)
{
    char text[256];
    char *p;

    (void)state;
    memset(text, 'x', sizeof(text));
    memcpy(text, "a,b\nc,", 6);
    text[sizeof(text) - 1] = '\n';
    p = put("long.csv", text, sizeof(text));
    expect_error(p, SHEET_ENC_AUTO, 100, "row 2, column B");
    free(p);
}

static void
test_csv_not_text(void **state)
{
    static const char text[] = "a,b\nc,d\ne,\x01\x02\x00\x03\n";
    char *p = put("bin.csv", text, sizeof(text) - 1);

    (void)state;
    expect_error(p, SHEET_ENC_AUTO, 0, "row 3, column B");
    free(p);
}

static void
test_csv_unwrap_and_apostrophe(void **state)
{
    static const char text[] = "\"=\"\"0123\"\"\",'=SUM(A1),=\"a\"b\"\n";
    char *p = put("id.csv", text, sizeof(text) - 1);
    struct sheet_reader *r = open_enc(p, SHEET_ENC_AUTO, 0);

    (void)state;
    /* ="..." is unwrapped; the apostrophe is not stripped. */
    expect_row(r, 1, ROW("0123", "'=SUM(A1)", "=\"a\"b\""));
    sheet_close(r);
    free(p);
}

/* ---- header ------------------------------------------------------- */

static void
test_header_map(void **state)
{
    static const char *const cells[] = {"\xef\xbb\xbf 姓名 ", "身份证号", "备注", "",
                                        "\xe3\x80\x80姓名"};
    static const char *const labels[] = {"身份证号", "姓名", "电话"};
    struct sheet_row h = {1, 5, cells};
    int idx[3];
    const char **unknown;
    size_t nu;

    (void)state;
    assert_int_equal(sheet_header_map(&h, labels, 3, idx, &unknown, &nu), 2);
    assert_int_equal(idx[0], 1);
    assert_int_equal(idx[1], 0);
    assert_int_equal(idx[2], -1);
    assert_int_equal(nu, 1);
    assert_string_equal(unknown[0], "备注");
    free(unknown);
    assert_int_equal(sheet_header_map(&h, labels, 3, idx, NULL, NULL), 2);
}

static void
test_parse_names(void **state)
{
    enum sheet_format f;
    enum sheet_encoding enc;

    (void)state;
    assert_int_equal(sheet_format_parse("xlsx", &f), 0);
    assert_int_equal(f, SHEET_XLSX);
    assert_int_equal(sheet_format_parse("CSV", &f), 0);
    assert_int_equal(f, SHEET_CSV);
    assert_int_equal(sheet_format_parse("ods", &f), -1);
    assert_int_equal(sheet_encoding_parse("gbk", &enc), 0);
    assert_int_equal(enc, SHEET_ENC_GB18030);
    assert_int_equal(sheet_encoding_parse("UTF-8", &enc), 0);
    assert_int_equal(enc, SHEET_ENC_UTF8);
    assert_int_equal(sheet_encoding_parse("latin1", &enc), -1);
}

/* ---- writing ------------------------------------------------------ */

static const struct sheet_col cols[] = {
    {"身份证号", SHEET_TEXT, 0}, {"备注", SHEET_TEXT, 0},
    {"收入", SHEET_AMOUNT, 0}, {"人数", SHEET_INT, 0}, {"日期", SHEET_DATE, 0},
};

static char *
write_sheet(const char *name, enum sheet_format f, enum sheet_encoding enc)
{
    struct sheet_write_opts o = {0};
    struct sheet_writer *w;
    struct err e = {0};
    char *path = xmalloc(strlen(dir) + strlen(name) + 2);

    sprintf(path, "%s/%s", dir, name);
    o.path = path;
    o.format = f;
    o.encoding = enc;
    o.cols = cols;
    o.ncols = 5;
    if (sheet_create(&o, &w, &e) < 0) {
        fail_msg("sheet_create: %s", e.msg);
    }
    assert_int_equal(sheet_add(w, ROW("510101199001011234", "=HYPERLINK(\"x\")",
                                      "1234.5", "3", "2021-04-01"), &e), 0);
    assert_int_equal(sheet_add(w, ROW("0123", "-5", "", NULL, ""), &e), 0);
    assert_int_equal(sheet_add(w, ROW("13812345678", "张三,\"李\"", "-7", "0",
                                      "1999-12-31"), &e), 0);
    if (sheet_finish(w, &e) < 0) {
        fail_msg("sheet_finish: %s", e.msg);
    }
    return path;
}

static const char csv_body[] =
    "身份证号,备注,收入,人数,日期\r\n"
    "=\"510101199001011234\",\"'=HYPERLINK(\"\"x\"\")\",1234.50,3,2021-04-01\r\n"
    "=\"0123\",'-5,,,\r\n"
    "13812345678,\"张三,\"\"李\"\"\",-7.00,0,1999-12-31\r\n";

static void
read_back(const char *path)
{
    struct sheet_reader *r = open_enc(path, SHEET_ENC_AUTO, 0);

    expect_row(r, 1, ROW("身份证号", "备注", "收入", "人数", "日期"));
    expect_row(r, 2, ROW("510101199001011234", "'=HYPERLINK(\"x\")", "1234.50", "3",
                         "2021-04-01"));
    expect_row(r, 3, ROW("0123", "'-5", "", "", ""));
    expect_row(r, 4, ROW("13812345678", "张三,\"李\"", "-7.00", "0", "1999-12-31"));
    expect_end(r);
    sheet_close(r);
}

static void
test_csv_write_utf8(void **state)
{
    char *p = write_sheet("out.csv", SHEET_CSV, SHEET_ENC_AUTO);
    size_t n;
    char *got = slurp(p, &n);

    (void)state;
    assert_memory_equal(got, "\xEF\xBB\xBF", 3);
    assert_string_equal(got + 3, csv_body);
    read_back(p);
    free(got);
    free(p);
}

static void
test_csv_write_gb18030(void **state)
{
    char *p = write_sheet("out-gb.csv", SHEET_CSV, SHEET_ENC_GB18030);
    size_t n;
    char *got = slurp(p, &n);
    struct sheet_reader *r;

    (void)state;
    /* No byte-order mark; 身 is C9 ED in GBK. */
    assert_memory_equal(got, "\xC9\xED", 2);
    assert_int_equal(n, strlen(got));
    read_back(p);
    r = open_enc(p, SHEET_ENC_AUTO, 0);
    assert_int_equal(sheet_read_encoding(r), SHEET_ENC_GB18030);
    sheet_close(r);
    free(got);
    free(p);
}

static void
test_write_bad_cells(void **state)
{
    struct sheet_write_opts o = {0};
    struct sheet_writer *w;
    struct err e = {0};
    char *path = xmalloc(strlen(dir) + 16);

    (void)state;
    sprintf(path, "%s/bad.csv", dir);
    o.path = path;
    o.format = SHEET_CSV;
    o.cols = cols;
    o.ncols = 5;
    assert_int_equal(sheet_create(&o, &w, &e), 0);
    assert_int_equal(sheet_add(w, ROW("1", "x", "12.345", "1", ""), &e), -1);
    assert_non_null(strstr(e.msg, "row 2, column C"));
    assert_int_equal(sheet_add(w, ROW("1", "x", "1", "1.5", ""), &e), -1);
    assert_non_null(strstr(e.msg, "column D"));
    assert_int_equal(sheet_add(w, ROW("1", "x", "1", "1", "2021-4-1"), &e), -1);
    assert_non_null(strstr(e.msg, "column E"));
    assert_int_equal(sheet_add(w, ROW("1", "x", "1", "1", "2021-02-29"), &e), -1);
    assert_int_equal(sheet_add(w, ROW("1", "x", "1", "1", "2020-02-29"), &e), 0);
    /* the date's numbers read from its digits (no sscanf): each bound */
    assert_int_equal(sheet_add(w, ROW("1", "x", "1", "1", "1899-12-31"), &e), -1);
    assert_int_equal(sheet_add(w, ROW("1", "x", "1", "1", "1900-01-01"), &e), 0);
    assert_int_equal(sheet_add(w, ROW("1", "x", "1", "1", "2021-00-10"), &e), -1);
    assert_int_equal(sheet_add(w, ROW("1", "x", "1", "1", "2021-13-01"), &e), -1);
    assert_int_equal(sheet_add(w, ROW("1", "x", "1", "1", "2021-04-00"), &e), -1);
    assert_int_equal(sheet_add(w, ROW("1", "x", "1", "1", "2021-04-31"), &e), -1);
    assert_int_equal(sheet_add(w, ROW("1", "x", "1", "1", "2021-12-31"), &e), 0);
    assert_int_equal(sheet_add(w, ROW("1", "x", "1", "1", "2021-12-31x"), &e), -1);
    assert_int_equal(sheet_add(w, ROW("\xD5\xC5", "x", "1", "1", ""), &e), -1);
    assert_non_null(strstr(e.msg, "column A"));
    assert_int_equal(sheet_add(w, ROW("1", "x", "1,000", "1", ""), &e), -1);
    sheet_abort(w);
    o.format = SHEET_XLS;
    assert_int_equal(sheet_create(&o, &w, &e), -1);
    free(path);
}

/* ---- numbers and dates as Excel shows them ------------------------ */

/* Whole fen without printf, the rest as %.15g would write them; an
 * 18-digit ID stored as a number: its 15 digits, then zeros. */
static const struct {
    double d;
    const char *want;
} nums[] = {
    {0, "0"}, {-0.0, "0"}, {12.5, "12.5"}, {1234.05, "1234.05"}, {-7, "-7"},
    {0.30000000000000004, "0.3"}, {0.125, "0.125"}, {1.5e-5, "1.5e-05"},
    {99999999999.99, "99999999999.99"}, {123456789012345.0, "123456789012345"},
    {519999199001011234.0, "519999199001011000"},
    {-1e20, "-100000000000000000000"}, {1e22, "1e+22"},
};

/* Excel's serial days, its 1900-02-29 included, and the 1904 system. */
static const struct {
    double serial;
    int date1904;
    const char *want;
} dates[] = {
    {44287, 0, "2021-04-01"}, {44287.75, 0, "2021-04-01"}, {1, 0, "1900-01-01"},
    {59, 0, "1900-02-28"}, {60, 0, "1900-02-29"}, {61, 0, "1900-03-01"},
    {36525, 0, "1999-12-31"}, {0, 1, "1904-01-01"}, {42825, 1, "2021-04-01"},
};

static void
test_num_date_text(void **state)
{
    struct sbuf sb = SBUF_INIT;
    size_t i;

    (void)state;
    for (i = 0; i < ARRAY_SIZE(nums); i++) {
        sbuf_reset(&sb);
        sheet_num_text(nums[i].d, &sb);
        assert_string_equal(sb.buf, nums[i].want);
    }
    for (i = 0; i < ARRAY_SIZE(dates); i++) {
        sbuf_reset(&sb);
        sheet_date_text(dates[i].serial, dates[i].date1904, &sb);
        assert_string_equal(sb.buf, dates[i].want);
    }
    sbuf_release(&sb);
}

/* ---- XLSX writing, checked by a real reader ------------------------ */

/* What tests/unit/sheet_xlsx.py (zipfile + xml.etree) sees in PATH. */
static char *
python_view(const char *path)
{
    const char *top = getenv("top_srcdir");
    char cmd[4096];
    char *buf = xcalloc(1, 1 << 16);
    FILE *p;
    size_t n;

    snprintf(cmd, sizeof(cmd), "python3 '%s/tests/unit/sheet_xlsx.py' '%s'",
             top != NULL ? top : ".", path);
    p = popen(cmd, "r");
    assert_non_null(p);
    n = fread(buf, 1, (1 << 16) - 1, p);
    buf[n] = '\0';
    assert_int_equal(pclose(p), 0);
    return buf;
}

static void
test_xlsx_write_types(void **state)
{
    char *p = write_sheet("out.xlsx", SHEET_XLSX, SHEET_ENC_AUTO);
    char *view = python_view(p);

    (void)state;
    /* Headers bold; IDs, leading zeros and formula-like text are strings
     * (inline: constant-memory mode); amounts numbers shown 0.00; whole
     * numbers numbers; dates numbers (days since 1899-12-30) shown
     * yyyy-mm-dd. */
    assert_string_equal(view,
        "A1 text general+bold 身份证号\n"
        "B1 text general+bold 备注\n"
        "C1 text general+bold 收入\n"
        "D1 text general+bold 人数\n"
        "E1 text general+bold 日期\n"
        "A2 text general 510101199001011234\n"
        "B2 text general =HYPERLINK(\"x\")\n"
        "C2 number 0.00 1234.5\n"
        "D2 number general 3\n"
        "E2 number yyyy-mm-dd 44287\n"
        "A3 text general 0123\n"
        "B3 text general -5\n"
        "A4 text general 13812345678\n"
        "B4 text general 张三,\"李\"\n"
        "C4 number 0.00 -7\n"
        "D4 number general 0\n"
        "E4 number yyyy-mm-dd 36525\n");
    free(view);
    free(p);
}

/* ---- XLSX reading ------------------------------------------------- */

/* DIR/NAME made by tests/unit/SCRIPT, run with BEFORE, the file and
 * AFTER as its arguments (words without quotes or spaces). */
static char *
script_file(const char *name, const char *script, const char *before, const char *after)
{
    const char *top = getenv("top_srcdir");
    char cmd[4096];
    char *path = xmalloc(strlen(dir) + strlen(name) + 2);

    sprintf(path, "%s/%s", dir, name);
    snprintf(cmd, sizeof(cmd), "python3 '%s/tests/unit/%s' %s '%s' %s",
             top != NULL ? top : ".", script, before, path, after);
    assert_int_equal(system(cmd), 0);
    return path;
}

/* DIR/NAME made by tests/unit/sheet_mkxls.py of KIND ("": a good one). */
static char *
mkxls(const char *name, const char *kind)
{
    return script_file(name, "sheet_mkxls.py", "", kind);
}

/* DIR/NAME made by tests/unit/sheet_mkxlsx.py KIND [N], or for KIND
 * "xls" by tests/unit/sheet_mkxls.py. */
static char *
mkxlsx(const char *name, const char *kind, long n)
{
    char num[24];

    if (strcmp(kind, "xls") == 0) {
        return mkxls(name, "");
    }
    snprintf(num, sizeof(num), "%ld", n);
    return script_file(name, "sheet_mkxlsx.py", kind, num);
}

static struct sheet_reader *
open_sheet(const char *path, const char *sheet, size_t max)
{
    struct sheet_read_opts o = {0};
    struct sheet_reader *r = NULL;
    struct err e = {0};

    o.path = path;
    o.sheet = sheet;
    o.max_cell = max;
    if (sheet_open(&o, &r, &e) < 0) {
        fail_msg("sheet_open %s: %s", path, e.msg);
    }
    return r;
}

static void
test_xlsx_read_features(void **state)
{
    char *p = mkxlsx("f.xlsx", "features", 0);
    struct sheet_reader *r = open_sheet(p, NULL, 0);

    (void)state;
    assert_int_equal(sheet_read_format(r), SHEET_XLSX);
    expect_row(r, 1, ROW("说明"));
    expect_end(r);
    sheet_close(r);
    r = open_sheet(p, "数据", 0);
    /* Shared strings (rich runs joined, phonetic runs left out, spaces
     * kept, formula-like text as text) and inline strings. */
    expect_row(r, 1, ROW("姓名", "身份证号", "=SUM(A1:A3)", " 有空格 "));
    /* Dates by built-in (14, 22) and custom (yyyy/m/d) formats; 0.00"元"
     * is not a date; booleans, formulas by their value, an ID stored as
     * a number by its 15 digits, errors, 0.3 as Excel shows it, Excel's
     * 1900-02-29. */
    expect_row(r, 2, ROW("张三", "510101199001011234", "2021-04-01", "2021-04-01",
                         "1234.5", "TRUE", "abc", "519999199001011000", "#N/A", "",
                         "0.3", "1900-02-29", "2"));
    /* Rows 3 and 4 are not there or empty, row 5 only has a format; a row
     * and cells without r follow on. */
    expect_row(r, 6, ROW("x", "7", "2021-04-01"));
    expect_end(r);
    assert_int_equal(sheet_read_bytes(r), sheet_read_size(r));
    sheet_close(r);
    free(p);
}

static void
test_xlsx_no_such_sheet(void **state)
{
    char *p = mkxlsx("f.xlsx", "features", 0);
    struct sheet_read_opts o = {0};
    struct sheet_reader *r = NULL;
    struct err e = {0};

    (void)state;
    o.path = p;
    o.sheet = "户";
    assert_int_equal(sheet_open(&o, &r, &e), -1);
    assert_int_equal(e.code, ERR_INVALID);
    /* The message lists the sheets there are. */
    assert_non_null(strstr(e.msg, "说明"));
    assert_non_null(strstr(e.msg, "数据"));
    free(p);
}

/* Our own writer's XLSX (inline strings) read back. */
static void
test_xlsx_round_trip(void **state)
{
    char *p = write_sheet("rt.xlsx", SHEET_XLSX, SHEET_ENC_AUTO);
    struct sheet_reader *r = open_sheet(p, NULL, 0);

    (void)state;
    expect_row(r, 1, ROW("身份证号", "备注", "收入", "人数", "日期"));
    expect_row(r, 2, ROW("510101199001011234", "=HYPERLINK(\"x\")", "1234.5", "3",
                         "2021-04-01"));
    expect_row(r, 3, ROW("0123", "-5"));
    expect_row(r, 4, ROW("13812345678", "张三,\"李\"", "-7", "0", "1999-12-31"));
    expect_end(r);
    sheet_close(r);
    free(p);
}

/* A 10 MB cell: refused by the default bound (32767), naming the row and
 * column, shared or inline; read whole when the caller allows it. */
static void
test_xlsx_10mb_cell(void **state)
{
    char *p = mkxlsx("long.xlsx", "long", 10L << 20);
    struct sheet_reader *r = open_sheet(p, NULL, 0);
    struct sheet_row row;
    struct err e = {0};

    (void)state;
    expect_row(r, 1, ROW("表头"));
    assert_int_equal(sheet_next(r, &row, &e), -1);
    assert_int_equal(e.code, ERR_INVALID);
    assert_non_null(strstr(e.msg, "row 2, column A"));
    sheet_close(r);
    r = open_sheet(p, NULL, 11L << 20);
    expect_row(r, 1, ROW("表头"));
    assert_int_equal(sheet_next(r, &row, &e), 1);
    assert_int_equal(strlen(row.cells[0]), (10L << 20) / 3 * 3);
    assert_int_equal(sheet_next(r, &row, &e), 1);
    assert_int_equal(row.line, 3);
    assert_int_equal(strlen(row.cells[0]), (10L << 20) / 3 * 3);
    sheet_close(r);
    r = open_sheet(p, NULL, 1000);
    expect_row(r, 1, ROW("表头"));
    assert_int_equal(sheet_next(r, &row, &e), -1);
    assert_non_null(strstr(e.msg, "row 2, column A"));
    sheet_close(r);
    free(p);
}

/* AddressSanitizer's quarantine keeps freed memory: the peak says
 * nothing under it. */
#if defined(__SANITIZE_ADDRESS__)
#define PEAK_MEANINGFUL 0
#else
#define PEAK_MEANINGFUL 1
#endif

static long
peak_kb(void)
{
    struct rusage ru;

    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* A million empty rows between two cells: read in bounded memory. */
static void
test_xlsx_million_empty_rows(void **state)
{
    char *p = mkxlsx("empty.xlsx", "empty", 1000000);
    long before = peak_kb();
    struct sheet_reader *r = open_sheet(p, NULL, 0);

    (void)state;
    expect_row(r, 1, ROW("start"));
    expect_row(r, 1000002, ROW("", "end"));
    expect_end(r);
    sheet_close(r);
    /* The sheet's XML is 17 MB; reading it grows the peak by far less. */
    assert_true(!PEAK_MEANINGFUL || peak_kb() - before < 8 * 1024);
    free(p);
}

/* Read every row of the second sheet of PATH: 0, or -1 with E. */
static int
read_all_e(const char *path, struct err *e)
{
    struct sheet_read_opts o = {0};
    struct sheet_reader *r = NULL;
    struct sheet_row row;
    int rc;

    o.path = path;
    o.sheet = "数据";
    rc = sheet_open(&o, &r, e);
    if (rc == 0) {
        while ((rc = sheet_next(r, &row, e)) == 1) {
        }
        sheet_close(r);
    }
    if (rc < 0) {
        assert_int_equal(e->code, ERR_INVALID);
    }
    return rc;
}

static int
read_all(const char *path)
{
    struct err e = {0};

    return read_all_e(path, &e);
}

/* 100,000 rows written to XLSX grow the peak memory by far less than
 * libxlsxwriter would keep without its constant-memory mode (some 40
 * MB); then read back, also in bounded memory. */
static void
test_xlsx_write_bounded(void **state)
{
    struct sheet_write_opts o = {0};
    struct sheet_writer *w;
    struct err e = {0};
    char *path = xmalloc(strlen(dir) + 16);
    char id[32], amount[32];
    long before = peak_kb(), i;
    struct sheet_reader *r;
    struct sheet_row row;

    (void)state;
    sprintf(path, "%s/big.xlsx", dir);
    o.path = path;
    o.format = SHEET_XLSX;
    o.cols = cols;
    o.ncols = 5;
    assert_int_equal(sheet_create(&o, &w, &e), 0);
    for (i = 0; i < 100000; i++) {
        snprintf(id, sizeof(id), "510101%012ld", i);
        snprintf(amount, sizeof(amount), "%ld.25", i);
        assert_int_equal(sheet_add(w, ROW(id, "新西镇石板村", amount, "4", "2021-04-01"),
                                   &e), 0);
    }
    assert_int_equal(sheet_finish(w, &e), 0);
    assert_true(!PEAK_MEANINGFUL || peak_kb() - before < 8 * 1024);
    r = open_sheet(path, NULL, 0);
    for (i = 0; sheet_next(r, &row, &e) == 1; i++) {
        if (i == 100000) {
            assert_int_equal(row.line, 100001);
            assert_string_equal(row.cells[0], "510101000000099999");
            assert_string_equal(row.cells[2], "99999.25");
        }
    }
    assert_int_equal(i, 100001);
    sheet_close(r);
    assert_true(!PEAK_MEANINGFUL || peak_kb() - before < 8 * 1024);
    free(path);
}

/* PATH is refused with a message that names it and gives the reason
 * WHY, not the library's words. */
static void
expect_why(const char *path, const char *why)
{
    struct err e = {0};

    assert_int_equal(read_all_e(path, &e), -1);
    assert_int_equal(e.code, ERR_INVALID);
    if (strstr(e.msg, why) == NULL || strstr(e.msg, path) == NULL) {
        fail_msg("%s: %s", path, e.msg);
    }
    assert_null(strstr(e.msg, "Not a zip archive"));
    assert_null(strstr(e.msg, "freexl"));
    assert_null(strstr(e.msg, "Zip archive inconsistent"));
}

static void
expect_damaged(const char *path)
{
    expect_why(path, "the file is damaged");
}

static void
test_xlsx_damaged(void **state)
{
    char *p = mkxlsx("f.xlsx", "features", 0), *q;
    size_t n, i;
    char *bytes = slurp(p, &n), *spoilt = xmalloc(n);
    int errors = 0;

    (void)state;
    /* Not a ZIP at all, by its name. */
    q = put("garbage.xlsx", "this is not a zip file", 22);
    expect_why(q, "not an XLSX file (not a ZIP package)");
    free(q);
    /* A ZIP cut in half: damaged, as it begins as a ZIP. */
    q = put("cut.xlsx", bytes, n / 2);
    expect_damaged(q);
    free(q);
    /* A ZIP without a workbook. */
    q = put("nowb.xlsx", "PK\005\006\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 22);
    expect_damaged(q);
    free(q);
    /* Bytes spoiled anywhere: a clean error (or, in a part never read,
     * nothing), never a crash; spoiled in the sheet's data, an error. */
    for (i = 0; i + 3 < n; i += 61) {
        memcpy(spoilt, bytes, n);
        memcpy(spoilt + i, "\x55\xAA\x55", 3);
        q = put("spoilt.xlsx", spoilt, n);
        errors += read_all(q) == -1;
        free(q);
    }
    assert_true(errors > (int)(n / 61) / 2);
    memcpy(spoilt, bytes, n);
    memcpy(spoilt + 2100, "\x55\xAA\x55", 3);
    q = put("spoilt.xlsx", spoilt, n);
    expect_damaged(q);
    /* The central directory spoilt: damaged, not libzip's words. */
    memcpy(spoilt, bytes, n);
    memcpy(spoilt + n - 12, "\x55\xAA\x55\x55", 4);
    free(q);
    q = put("spoilt.xlsx", spoilt, n);
    expect_damaged(q);
    free(q);
    free(spoilt);
    free(bytes);
    free(p);
}

/* ---- XLS reading -------------------------------------------------- */

static void
test_xls_read(void **state)
{
    char *p = mkxlsx("t.xls", "xls", 0);
    struct sheet_reader *r = open_sheet(p, NULL, 0);
    struct sheet_read_opts o = {0};
    struct err e = {0};

    (void)state;
    assert_int_equal(sheet_read_format(r), SHEET_XLS);
    expect_row(r, 1, ROW("说明"));
    expect_end(r);
    sheet_close(r);
    r = open_sheet(p, "数据", 0);
    expect_row(r, 1, ROW("姓名", "身份证号", "=SUM(A1)"));
    /* Dates by format 14 and by yyyy/m/d, numbers as Excel shows them,
     * a boolean as 1. */
    expect_row(r, 2, ROW("张三", "510101199001011234", "2021-04-01", "2021-04-01",
                         "1234.5", "3", "1"));
    expect_row(r, 4, ROW("", "张三"));
    expect_end(r);
    assert_int_equal(sheet_read_bytes(r), sheet_read_size(r));
    sheet_close(r);
    r = open_sheet(p, "数据", 4);
    assert_int_equal(sheet_next(r, &(struct sheet_row){0}, &e), -1);
    assert_non_null(strstr(e.msg, "row 1, column A"));
    sheet_close(r);
    o.path = p;
    o.sheet = "户";
    assert_int_equal(sheet_open(&o, &r, &e), -1);
    assert_non_null(strstr(e.msg, "数据"));
    free(p);
}

static void
test_xls_damaged(void **state)
{
    static const char ole[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 and then nothing";
    char *p = put("bad.xls", "not a workbook", 14);
    struct sheet_read_opts o = {0};
    struct sheet_reader *r = NULL;
    struct err e = {0};

    (void)state;
    o.path = p;
    assert_int_equal(sheet_open(&o, &r, &e), -1);
    assert_int_equal(e.code, ERR_INVALID);
    expect_why(p, "not an XLS file: open it in Excel");
    free(p);
    /* Detected by content whatever the name; begun as a compound file
     * and cut short: damaged. */
    p = put("ole.csv", ole, sizeof(ole) - 1);
    expect_damaged(p);
    free(p);
    /* Protected with a password (FILEPASS). */
    p = mkxls("pw.xls", "password");
    expect_why(p, "protected with a password: open it in Excel or WPS");
    free(p);
    /* An XLSX protected with a password, as Excel keeps one: a compound
     * file without a workbook. */
    p = mkxls("secret.xlsx", "encrypted");
    expect_why(p, "it holds no Excel workbook: an XLSX protected with a password");
    free(p);
    /* A good one cut short. */
    p = mkxls("cut.xls", "");
    assert_int_equal(truncate(p, 1536), 0);
    expect_damaged(p);
    free(p);
}

/* A document type (entities that could expand) is refused. */
static void
test_xlsx_doctype(void **state)
{
    char *p = mkxlsx("doctype.xlsx", "doctype", 0);
    struct sheet_reader *r = open_sheet(p, NULL, 0);
    struct sheet_row row;
    struct err e = {0};

    (void)state;
    assert_int_equal(sheet_next(r, &row, &e), -1);
    assert_int_equal(e.code, ERR_INVALID);
    assert_non_null(strstr(e.msg, "DOCTYPE"));
    sheet_close(r);
    free(p);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        /* First: they measure the growth of the peak memory. */
        cmocka_unit_test(test_xlsx_million_empty_rows),
        cmocka_unit_test(test_xlsx_write_bounded),
        cmocka_unit_test(test_csv_utf8_bom),
        cmocka_unit_test(test_csv_utf8_plain_lf),
        cmocka_unit_test(test_csv_gb18030_detected),
        cmocka_unit_test(test_csv_encoding_forced),
        cmocka_unit_test(test_csv_gb18030_late),
        cmocka_unit_test(test_csv_quotes_and_lines),
        cmocka_unit_test(test_csv_quotes_across_blocks),
        cmocka_unit_test(test_csv_unclosed_quote),
        cmocka_unit_test(test_csv_cell_too_long),
        cmocka_unit_test(test_csv_not_text),
        cmocka_unit_test(test_csv_unwrap_and_apostrophe),
        cmocka_unit_test(test_header_map),
        cmocka_unit_test(test_parse_names),
        cmocka_unit_test(test_csv_write_utf8),
        cmocka_unit_test(test_csv_write_gb18030),
        cmocka_unit_test(test_write_bad_cells),
        cmocka_unit_test(test_num_date_text),
        cmocka_unit_test(test_xlsx_write_types),
        cmocka_unit_test(test_xlsx_read_features),
        cmocka_unit_test(test_xlsx_no_such_sheet),
        cmocka_unit_test(test_xlsx_round_trip),
        cmocka_unit_test(test_xlsx_10mb_cell),
        cmocka_unit_test(test_xlsx_damaged),
        cmocka_unit_test(test_xlsx_doctype),
        cmocka_unit_test(test_xls_read),
        cmocka_unit_test(test_xls_damaged),
    };

    return cmocka_run_group_tests_name("sheet", tests, setup, teardown);
}
