/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_doc.c - prints described once (core/doc): wrapping by width with
 * the rule that punctuation never begins a line, tables that break across
 * pages with their header repeated and every page numbered "第 N 页 共 M
 * 页", the text renderer (widths, page length, form feeds), and the same
 * document as a PDF read back with pdftotext, its lines broken where
 * Unicode allows (numbers whole).
 */
#include "config.h"
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "print/pdf.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/sbuf.h"
#include "util/u8.h"

static int setup(void **state)
{
    char *localedir = path_localedir();

    (void)state;
    i18n_init(localedir);
    free(localedir);
    return 0;
}

static double cols(void *ctx, enum doc_style st, const char *s, size_t len)
{
    char buf[256];

    (void)ctx;
    (void)st;
    memcpy(buf, s, len);
    buf[len] = '\0';
    return (double)u8_width(buf);
}

static struct doc_metrics text_metrics(double width, double height)
{
    struct doc_metrics m;
    int i;

    memset(&m, 0, sizeof(m));
    m.width = width;
    m.height = height;
    m.col = 1;
    for (i = 0; i < DS_COUNT; i++) {
        m.line[i] = 1;
    }
    m.gap = 1;
    m.measure = cols;
    return m;
}

static void test_wrap(void **state)
{
    struct doc_metrics m = text_metrics(78, 60);
    const char *s;

    (void)state;
    /* Chinese breaks between any two characters, at the width. */
    s = "一二三四五六七八九十";
    assert_int_equal(doc_wrap(&m, DS_BODY, s, strlen(s), 8), 12);
    /* A full-width comma does not begin a line: it goes down with the
     * character before it. */
    s = "一二三四，五六";
    assert_int_equal(doc_wrap(&m, DS_BODY, s, strlen(s), 8), 9);
    /* A Latin word is not cut when there is a space before it. */
    s = "print command lp";
    assert_int_equal(doc_wrap(&m, DS_BODY, s, strlen(s), 10), 6);
    /* A number is not cut either: the line ends before it, after the
     * Chinese character, or at the space before it. */
    s = "本村监测户20户";
    assert_int_equal(doc_wrap(&m, DS_BODY, s, strlen(s), 11), 15);
    s = "金额 5,123.45元";
    assert_int_equal(doc_wrap(&m, DS_BODY, s, strlen(s), 9), 7);
    /* ... unless it began the line: then it is cut at the width. */
    s = "51990000000000000000";
    assert_int_equal(doc_wrap(&m, DS_BODY, s, strlen(s), 8), 8);
    /* ... the space at the end of a line stays on it. */
    s = "abcde fghij";
    assert_int_equal(doc_wrap(&m, DS_BODY, s, strlen(s), 5), 6);
    /* A newline ends the line; one character always fits. */
    s = "ab\ncd";
    assert_int_equal(doc_wrap(&m, DS_BODY, s, strlen(s), 10), 2);
    s = "张";
    assert_int_equal(doc_wrap(&m, DS_BODY, s, strlen(s), 1), 3);
}

/* A document with a table of N rows. */
static struct doc *long_table(int n)
{
    const struct doc_col c[] = {
        {"序号", 4, DOC_RIGHT},
        {"户主姓名", 10, DOC_LEFT},
        {"备注", 20, DOC_LEFT},
    };
    struct doc *d = doc_new("防止返贫监测对象识别公示");
    int i;

    doc_subtitle(d, "青山县 红龙镇 桥凰村");
    doc_para(d, DOC_LEFT, 4, "经农户申请、入户核实、村两委（扩大）会议民主评议，拟将以下农户纳入防止返贫监测对象，现予以公示。");
    doc_table(d, c, 3, "无");
    for (i = 1; i <= n; i++) {
        doc_cellf(d, "%d", i);
        doc_cellf(d, "户主%03d", i);
        doc_cell(d, i % 10 == 0 ? "一段较长的备注文字，需要在表格中换成两行显示" : "");
    }
    assert_int_equal(doc_table_rows(d), (size_t)n);
    return d;
}

/* How many times NEEDLE occurs in HAY. */
static int count(const char *hay, const char *needle)
{
    int n = 0;

    while ((hay = strstr(hay, needle)) != NULL) {
        n++;
        hay += strlen(needle);
    }
    return n;
}

static void test_pages(void **state)
{
    struct doc_metrics m = text_metrics(78, 30);
    struct doc *d = long_table(100);
    struct doc_layout l;
    size_t p, i;
    int row = 0;

    (void)state;
    doc_layout(d, &m, &l);
    assert_true(l.npages >= 4);
    for (p = 0; p < l.npages; p++) {
        char want[64];
        int header = 0, number = 0;

        snprintf(want, sizeof(want), "第 %zu 页 共 %zu 页", p + 1, l.npages);
        for (i = 0; i < l.pages[p].n; i++) {
            const struct doc_piece *pc = &l.pages[p].v[i];

            /* Nothing leaves the page. */
            assert_true(pc->x >= 0 && pc->x + pc->w <= m.width + 1e-9);
            if (pc->kind != DP_TEXT) {
                continue;
            }
            if (strcmp(pc->text, want) == 0) {
                number++;
                assert_true(pc->y >= m.height);
            } else {
                assert_true(pc->y + 1 <= m.height + 1e-9);
            }
            header += strcmp(pc->text, "户主姓名") == 0;
            if (strncmp(pc->text, "户主", 6) == 0 && strlen(pc->text) == 9) {
                char name[32];

                /* The rows come in order, none lost or repeated. */
                snprintf(name, sizeof(name), "户主%03d", ++row);
                assert_string_equal(pc->text, name);
            }
        }
        assert_int_equal(number, 1);
        assert_int_equal(header, 1);      /* the header on every page */
    }
    assert_int_equal(row, 100);
    doc_layout_free(&l);
    doc_free(d);
}

static void test_text(void **state)
{
    struct doc *d = long_table(100);
    struct sbuf out = SBUF_INIT;
    char *page, *save = NULL;
    int pages, n = 0;

    (void)state;
    doc_render_text(&d, 1, 30, &out);
    pages = count(out.buf, "\f") + 1;
    assert_true(pages >= 4);
    for (page = strtok_r(out.buf, "\f", &save); page; page = strtok_r(NULL, "\f", &save)) {
        char want[64], *line, *lsave = NULL;
        int lines = 0;

        n++;
        snprintf(want, sizeof(want), "第 %d 页 共 %d 页", n, pages);
        assert_non_null(strstr(page, want));
        assert_non_null(strstr(page, "序号  户主姓名"));
        assert_int_equal(count(page, "\n"), 30);
        for (line = strtok_r(page, "\n", &lsave); line; line = strtok_r(NULL, "\n", &lsave)) {
            assert_true(u8_width(line) <= DOC_TEXT_WIDTH);
            lines++;
        }
        assert_true(lines <= 30);
    }
    assert_int_equal(n, pages);
    sbuf_release(&out);
    doc_free(d);
}

/* A column title may break lines: the header grows, the rule goes below
 * it, and every line of it is in its column. */
static void test_title_lines(void **state)
{
    const struct doc_col c[] = {
        {"资产编号\n年度", 11, DOC_LEFT},
        {"原值（元）\n资金来源", 14, DOC_RIGHT},
    };
    struct doc *d = doc_new("资产台账");
    struct sbuf out = SBUF_INIT;

    (void)state;
    doc_table(d, c, 2, NULL);
    doc_cell(d, "ZC2026-0001\n2026");
    doc_cell(d, "1,000.00\n衔接 1,000.00");
    doc_render_text(&d, 1, 30, &out);
    assert_non_null(strstr(out.buf, "资产编号         原值（元）\n"));
    assert_non_null(strstr(out.buf, "\n年度               资金来源\n---"));
    assert_non_null(strstr(out.buf, "\nZC2026-0001        1,000.00\n"));
    assert_non_null(strstr(out.buf, "\n2026          衔接 1,000.00\n"));
    sbuf_release(&out);
    doc_free(d);
}

/* The page of the first text piece equal to S, or -1. */
static int page_of(const struct doc_layout *l, const char *s)
{
    size_t p, i;

    for (p = 0; p < l->npages; p++) {
        for (i = 0; i < l->pages[p].n; i++) {
            if (l->pages[p].v[i].kind == DP_TEXT && strcmp(l->pages[p].v[i].text, s) == 0) {
                return (int)p;
            }
        }
    }
    return -1;
}

/* A heading and a table's header go to the next page with the table's
 * first row, all of it, when it would not fit below them. */
static void test_keep_with_table(void **state)
{
    const struct doc_col c[] = {{"表头", 10, DOC_LEFT}};
    struct doc_metrics m = text_metrics(78, 20);
    struct doc *d = doc_new("标题");
    struct doc_layout l;

    (void)state;
    doc_para(d, DOC_LEFT, 0, "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12");
    doc_heading(d, "小节");
    doc_table(d, c, 1, NULL);
    doc_cell(d, "第一行\n第二行\n第三行\n第四行");
    doc_layout(d, &m, &l);
    assert_int_equal(page_of(&l, "12"), 0);
    assert_int_equal(page_of(&l, "第四行"), 1);
    assert_int_equal(page_of(&l, "表头"), 1);
    assert_int_equal(page_of(&l, "小节"), 1);
    doc_layout_free(&l);
    doc_free(d);
}

/* The first text of page P (the topmost, then leftmost). */
static const char *page_top(const struct doc_layout *l, size_t p)
{
    const struct doc_piece *top = NULL;
    size_t i;

    for (i = 0; i < l->pages[p].n; i++) {
        const struct doc_piece *pc = &l->pages[p].v[i];

        if (pc->kind == DP_TEXT && (top == NULL || pc->y < top->y ||
                                    (pc->y == top->y && pc->x < top->x))) {
            top = pc;
        }
    }
    return top != NULL ? top->text : "";
}

/* A running heading (a unit's sheet) is repeated, continued, at the top
 * of every page its section runs on to, and no more after a break; a
 * plain heading is not. */
static void test_running_heading(void **state)
{
    const struct doc_col c[] = {{"指标", 10, DOC_LEFT}, {"得分", 6, DOC_RIGHT}};
    struct doc_metrics m = text_metrics(78, 20);
    struct doc *d = doc_new("考核结果汇总");
    struct doc_layout l;
    size_t p, last_a;
    int i;

    (void)state;
    doc_heading_running(d, "甲镇考核评分表");
    doc_table(d, c, 2, NULL);
    for (i = 0; i < 50; i++) {
        doc_cellf(d, "指标%02d", i);
        doc_cell(d, "10");
    }
    doc_heading(d, "扣分情况");
    doc_para(d, DOC_LEFT, 0, "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18");
    doc_break(d);
    doc_heading_running(d, "乙镇考核评分表");
    doc_table(d, c, 2, NULL);
    doc_cell(d, "指标00");
    doc_cell(d, "10");
    doc_heading(d, "其他");
    doc_para(d, DOC_LEFT, 0, "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18");
    doc_layout(d, &m, &l);
    last_a = (size_t)page_of(&l, "乙镇考核评分表") - 1;
    assert_true(last_a >= 3);
    for (p = 1; p <= last_a; p++) {
        /* the table's and the paragraph's pages alike */
        assert_string_equal(page_top(&l, p), "甲镇考核评分表（续）");
    }
    assert_string_equal(page_top(&l, last_a + 1), "乙镇考核评分表");
    assert_true(l.npages > last_a + 2);
    assert_string_equal(page_top(&l, l.npages - 1), "乙镇考核评分表（续）");
    assert_int_equal(page_of(&l, "扣分情况（续）"), -1);
    doc_layout_free(&l);
    doc_free(d);
}

static void test_text_pieces(void **state)
{
    const struct doc_col c[] = {{"名称", 6, DOC_LEFT}, {"金额", 10, DOC_RIGHT}};
    const char *sign[] = {"户主（签字）："};
    struct doc *d = doc_new("标题");
    struct sbuf out = SBUF_INIT;

    (void)state;
    doc_fields(d, 2);
    doc_field(d, "户主：", "张三");
    doc_field(d, "人口：", "4");
    doc_table(d, c, 2, "无");
    doc_cell(d, "工资");
    doc_cell(d, "1,234.50");
    /* Invalid bytes and control characters never reach the output. */
    doc_cell(d, "坏\xff\x01字");
    doc_cell(d, "0.00");
    doc_sign(d, sign, 1, 1);
    doc_render_text(&d, 1, 20, &out);
    /* The title centred: (78 - 4) / 2 columns before it. */
    assert_memory_equal(out.buf, "                                     标题\n", 37 + 7);
    assert_non_null(strstr(out.buf, "户主：张三"));
    assert_non_null(strstr(out.buf, "名称          金额\n------------------\n"));
    assert_non_null(strstr(out.buf, "工资      1,234.50\n"));
    assert_non_null(strstr(out.buf, "坏\xef\xbf\xbd字"));
    assert_null(strchr(out.buf, '\x01'));
    assert_non_null(strstr(out.buf, "户主（签字）："));
    assert_non_null(strstr(out.buf, "年    月    日"));
    assert_int_equal(count(out.buf, "\n"), 20);
    sbuf_release(&out);
    doc_free(d);
}

/* D as a PDF read back by pdftotext with OPTS, spaces removed, in TEXT. */
static void pdf_text(struct doc *d, const char *opts, struct sbuf *text)
{
    struct pdf_fonts f = {NULL, NULL};
    struct sbuf out = SBUF_INIT;
    char *dir = helpers_tmpdir(), cmd[512], buf[4096];
    FILE *fp;
    size_t k;
    struct err e;

    assert_int_equal(pdf_render(&d, 1, &f, &out, &e), 0);
    assert_memory_equal(out.buf, "%PDF-", 5);
    snprintf(cmd, sizeof(cmd), "%s/t.pdf", dir);
    fp = fopen(cmd, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(out.buf, 1, out.len, fp), out.len);
    fclose(fp);
    snprintf(cmd, sizeof(cmd), "pdftotext %s %s/t.pdf - | tr -d ' '", opts, dir);
    fp = popen(cmd, "r");
    assert_non_null(fp);
    while ((k = fread(buf, 1, sizeof(buf), fp)) > 0) {
        sbuf_add(text, buf, k);
    }
    assert_int_equal(pclose(fp), 0);
    sbuf_release(&out);
    helpers_rmdir(dir);
}

static void test_pdf(void **state)
{
    struct doc *d = long_table(100);
    struct sbuf text = SBUF_INIT;
    char buf[64];
    int pages, i;

    (void)state;
    pdf_text(d, "", &text);
    /* The Chinese text comes back out, every page numbered, the table's
     * header on each page, every row once. */
    assert_non_null(strstr(text.buf, "防止返贫监测对象识别公示"));
    pages = count(text.buf, "页共");
    assert_true(pages >= 3);
    for (i = 1; i <= pages; i++) {
        snprintf(buf, sizeof(buf), "第%d页共%d页", i, pages);
        assert_non_null(strstr(text.buf, buf));
    }
    assert_int_equal(count(text.buf, "户主姓名"), pages);
    for (i = 1; i <= 100; i++) {
        snprintf(buf, sizeof(buf), "户主%03d", i);
        assert_int_equal(count(text.buf, buf), 1);
    }
    sbuf_release(&text);
    doc_free(d);
}

/* Numbers in narrow table cells: the PDF breaks lines where Unicode
 * allows (Pango), so a cell too narrow for its text breaks before the
 * number, never inside it ("100.0" / "0%", "监测户2" / "0户" before). */
static void test_pdf_numbers_whole(void **state)
{
    static const struct {
        const char *cell, *number;
        int width;          /* of the narrowest column, in text columns */
    } v[] = {
        {"完成率100.0%", "100.0%", 6},
        {"本村监测户20户", "20", 4},
        {"帮扶资金5,123.45元", "5,123.45", 8},
        {"身份证号11010519491231002X", "11010519491231002X", 19},
    };
    struct doc *d = doc_new("数字不断行");
    struct sbuf text = SBUF_INIT;
    size_t i;
    int j, k;

    (void)state;
    for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
        /* Columns ever wider, so that some width cuts the number where
         * breaking by width alone would. */
        for (j = 0; j < 3; j++) {
            struct doc_col c[3];

            for (k = 0; k < 3; k++) {
                c[k].title = "列";
                c[k].width = v[i].width + 3 * j + k;
                c[k].align = DOC_LEFT;
            }
            doc_table(d, c, 3, NULL);
            for (k = 0; k < 3; k++) {
                doc_cell(d, v[i].cell);
            }
        }
    }
    pdf_text(d, "-layout", &text);
    for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
        if (count(text.buf, v[i].number) != 9) {
            fail_msg("%s is split across lines:\n%s", v[i].number, text.buf);
        }
    }
    sbuf_release(&text);
    doc_free(d);
}

static void test_pdf_font_missing(void **state)
{
    struct doc *d = doc_new("标题");
    struct pdf_fonts f = {"No Such Font Family", "No Such Font Family"};
    struct sbuf out = SBUF_INIT;
    struct err e;

    (void)state;
    /* fontconfig falls back to a font that covers Chinese when there is
     * one; either way the PDF is made or the message names the package. */
    if (pdf_render(&d, 1, &f, &out, &e) != 0) {
        assert_non_null(strstr(e.msg, "fonts-noto-cjk"));
    } else {
        assert_memory_equal(out.buf, "%PDF-", 5);
    }
    sbuf_release(&out);
    doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wrap),
        cmocka_unit_test(test_pages),
        cmocka_unit_test(test_text),
        cmocka_unit_test(test_title_lines),
        cmocka_unit_test(test_keep_with_table),
        cmocka_unit_test(test_running_heading),
        cmocka_unit_test(test_text_pieces),
        cmocka_unit_test(test_pdf),
        cmocka_unit_test(test_pdf_numbers_whole),
        cmocka_unit_test(test_pdf_font_missing),
    };

    return cmocka_run_group_tests(tests, setup, NULL);
}
