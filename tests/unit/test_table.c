/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_table.c - the parts of the table and record screens that need no
 * terminal: rows in memory (building, search by text and pinyin
 * initials, sorting, the column layout by display width), the w_list
 * source over them, and the layout of a record's items (pairs in one or
 * two columns, wrapping, sections, tables, the items that stand for
 * other records).
 */
#include "config.h"
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "tui/keys.h"
#include "tui/table.h"
#include "tui/view.h"
#include "tui/w_list.h"
#include "util/err.h"
#include "util/u8.h"

static const struct table_col cols[] = {
    {"name", 6, 0, 0, 0},
    {"village", 8, 0, 0, 1},
    {"amount", 10, 1, 1, 0},
    {"date", 10, 0, 1, 0},
};

/* Four rows: names, villages, amounts in fen, dates. */
static void
sample(struct table_rows *rs)
{
    static const struct {
        const char *name, *village;
        int64_t fen;
        const char *day;
    } v[] = {
        {"张三", "红岩村", 150000, "2026-03-01"},
        {"李四", "白马村", 2500, "2026-01-15"},
        {"Wang Wu", "红岩村", 150000, "2025-12-31"},
        {"赵六", "清水河村委会", 99, "2026-06-30"},
    };
    size_t i;

    table_rows_init(rs, 4);
    for (i = 0; i < 4; i++) {
        table_add(rs, (int64_t)(i + 1));
        table_set(rs, 0, v[i].name);
        table_set(rs, 1, v[i].village);
        table_set_money(rs, 2, v[i].fen);
        table_set_date(rs, 3, D(v[i].day));
    }
}

static void
test_rows_building(void **state)
{
    struct table_rows rs;

    (void)state;
    sample(&rs);
    assert_int_equal(rs.n, 4);
    assert_string_equal(rs.v[0].cells[2], "1,500.00");
    assert_int_equal(rs.v[0].num[2], 150000);
    assert_string_equal(rs.v[3].cells[3], "2026-06-30");
    assert_int_equal(rs.v[3].num[3], D("2026-06-30"));
    /* Out of range is ignored; unset cells are empty, never NULL. */
    table_add(&rs, 9);
    table_set(&rs, 7, "x");
    table_setf(&rs, 1, "%d户", 12);
    table_set_int(&rs, 2, 1234567);
    table_set_date(&rs, 3, DATE_NONE);
    table_set_mark(&rs, '!');
    assert_string_equal(rs.v[4].cells[0], "");
    assert_string_equal(rs.v[4].cells[1], "12户");
    assert_string_equal(rs.v[4].cells[2], "1,234,567");
    assert_string_equal(rs.v[4].cells[3], "");
    assert_int_equal(rs.v[4].mark, '!');
    assert_int_equal(table_find(&rs, 9), 4);
    assert_int_equal(table_find(&rs, 42), -1);
    table_rows_clear(&rs);
    assert_int_equal(rs.n, 0);
    assert_int_equal(rs.ncols, 4);
    table_rows_release(&rs);
}

static size_t
select_ids(struct table_rows *rs, const char *search, int64_t *ids)
{
    size_t idx[16], n = table_select(rs, search, idx), i;

    for (i = 0; i < n; i++) {
        ids[i] = rs->v[idx[i]].id;
    }
    return n;
}

static void
test_rows_search(void **state)
{
    struct table_rows rs;
    int64_t ids[16];

    (void)state;
    sample(&rs);
    assert_int_equal(select_ids(&rs, "", ids), 4);
    /* Chinese: a part of a cell. */
    assert_int_equal(select_ids(&rs, "红岩", ids), 2);
    assert_int_equal(ids[0], 1);
    assert_int_equal(ids[1], 3);
    /* Pinyin initials of a cell: zs is 张三, bmc 白马村. */
    assert_int_equal(select_ids(&rs, "zs", ids), 1);
    assert_int_equal(ids[0], 1);
    assert_int_equal(select_ids(&rs, "bmc", ids), 1);
    assert_int_equal(ids[0], 2);
    /* Latin either case; the amounts and dates as shown. */
    assert_int_equal(select_ids(&rs, "wang", ids), 1);
    assert_int_equal(select_ids(&rs, "WU", ids), 1);
    assert_int_equal(select_ids(&rs, "1,500", ids), 2);
    assert_int_equal(select_ids(&rs, "2026-0", ids), 3);
    /* Every word must match, in any cell. */
    assert_int_equal(select_ids(&rs, "红岩 2026", ids), 1);
    assert_int_equal(ids[0], 1);
    assert_int_equal(select_ids(&rs, "  红岩   wang ", ids), 1);
    assert_int_equal(ids[0], 3);
    assert_int_equal(select_ids(&rs, "红岩 李四", ids), 0);
    assert_int_equal(select_ids(&rs, "没有", ids), 0);
    table_rows_release(&rs);
}

static void
ids_of(const struct table_rows *rs, int64_t *ids)
{
    size_t i;

    for (i = 0; i < rs->n; i++) {
        ids[i] = rs->v[i].id;
    }
}

static void
test_rows_sort(void **state)
{
    struct table_rows rs;
    int64_t ids[8];

    (void)state;
    sample(&rs);
    /* Numbers; equal amounts keep their order, either way. */
    table_sort(&rs, 2, 1, 0);
    ids_of(&rs, ids);
    assert_int_equal(ids[0], 4);
    assert_int_equal(ids[1], 2);
    assert_int_equal(ids[2], 1);
    assert_int_equal(ids[3], 3);
    table_sort(&rs, 2, 1, 1);
    ids_of(&rs, ids);
    assert_int_equal(ids[0], 1);
    assert_int_equal(ids[1], 3);
    assert_int_equal(ids[2], 2);
    assert_int_equal(ids[3], 4);
    /* Dates by their day numbers. */
    table_sort(&rs, 3, 1, 0);
    ids_of(&rs, ids);
    assert_int_equal(ids[0], 3);
    assert_int_equal(ids[3], 4);
    /* Text in pinyin order, Latin first: Wang, li, zhang, zhao. */
    table_sort(&rs, 0, 0, 0);
    ids_of(&rs, ids);
    assert_int_equal(ids[0], 3);
    assert_int_equal(ids[1], 2);
    assert_int_equal(ids[2], 1);
    assert_int_equal(ids[3], 4);
    table_sort(&rs, 0, 0, 1);
    ids_of(&rs, ids);
    assert_int_equal(ids[0], 4);
    assert_int_equal(ids[3], 3);
    /* The search text follows its row. */
    assert_int_equal(select_ids(&rs, "zs", ids), 1);
    assert_int_equal(ids[0], 1);
    table_rows_release(&rs);
}

static void
test_layout(void **state)
{
    struct table_rows rs;
    int w[4];

    (void)state;
    sample(&rs);
    /* Wide: every column, the flex one up to its widest cell (清水河村委会
     * is 12 columns), the rest left over. */
    assert_int_equal(table_layout(cols, 4, &rs, 100, w), 6 + 1 + 12 + 1 + 10 + 1 + 10);
    assert_int_equal(w[0], 6);
    assert_int_equal(w[1], 12);
    assert_int_equal(w[2], 10);
    assert_int_equal(w[3], 10);
    /* Narrower: the last column gives way first, the flex one takes
     * what is left. */
    assert_int_equal(table_layout(cols, 4, &rs, 30, w), 30);
    assert_int_equal(w[0], 6);
    assert_int_equal(w[1], 12);
    assert_int_equal(w[2], 10);
    assert_int_equal(w[3], 0);
    /* A column that does not fit leaves room for a narrower one after. */
    assert_int_equal(table_layout(cols, 4, &rs, 18, w), 18);
    assert_int_equal(w[0], 6);
    assert_int_equal(w[1], 11);
    assert_int_equal(w[2], 0);
    /* Nothing fits: nothing shown, no crash. */
    assert_int_equal(table_layout(cols, 4, &rs, 3, w), 0);
    assert_int_equal(w[0] + w[1] + w[2] + w[3], 0);
    assert_int_equal(table_layout(cols, 4, NULL, -5, w), 0);
    /* An amount wider than its column widens it. */
    table_add(&rs, 5);
    table_set_money(&rs, 2, 1234567890123);
    table_layout(cols, 4, &rs, 100, w);
    assert_int_equal(w[2], 17);
    table_rows_release(&rs);
}

static void
test_source(void **state)
{
    size_t idx[100], i;
    struct table_shown sh = {idx, 100};
    struct w_list l;
    struct err e;

    (void)state;
    err_clear(&e);
    for (i = 0; i < 100; i++) {
        idx[i] = 99 - i;
    }
    wl_init(&l, &table_source, &sh);
    l.height = 10;
    assert_int_equal(wl_reload(&l, &e), 0);
    assert_int_equal(l.total, 100);
    assert_int_equal(l.n, 10);
    assert_int_equal(*(size_t *)wl_current(&l), 0);
    assert_int_equal(wl_page_down(&l, &e), 0);
    assert_int_equal(wl_pos(&l), 10);
    assert_int_equal(wl_end(&l, &e), 0);
    assert_int_equal(wl_pos(&l), 99);
    assert_int_equal(*(size_t *)wl_row(&l, 0), 90);
    assert_int_equal(wl_up(&l, 12, &e), 0);
    assert_int_equal(wl_pos(&l), 87);
    /* To a position with the cursor on the window's fourth line. */
    assert_int_equal(wl_goto_at(&l, 50, 3, &e), 0);
    assert_int_equal(wl_pos(&l), 50);
    assert_int_equal(l.cur, 3);
    assert_int_equal(wl_goto_at(&l, 1, 5, &e), 0);
    assert_int_equal(wl_pos(&l), 1);
    assert_int_equal(l.cur, 1);
    assert_int_equal(wl_goto_at(&l, 98, 0, &e), 0);
    assert_int_equal(wl_pos(&l), 98);
    /* Fewer rows than the window, and none. */
    sh.n = 3;
    assert_int_equal(wl_reload(&l, &e), 0);
    assert_int_equal(l.n, 3);
    assert_int_equal(wl_page_down(&l, &e), 0);
    assert_int_equal(wl_pos(&l), 2);
    sh.n = 0;
    assert_int_equal(wl_reload(&l, &e), 0);
    assert_int_equal(wl_pos(&l), -1);
    assert_null(wl_current(&l));
    assert_int_equal(wl_goto_at(&l, 5, 2, &e), 0);
    wl_release(&l);
}

/* The cursor of the lists held whole (menus, help, filter, conflicts). */
static void
test_cursor(void **state)
{
    struct w_cursor c = {0, 0};
    size_t top = 0;

    (void)state;
    assert_int_equal(wc_move(&c, ACT_DOWN, 30, 10), 1);
    assert_int_equal(c.cur, 1);
    assert_int_equal(wc_move(&c, ACT_UP, 30, 10), 1);
    assert_int_equal(wc_move(&c, ACT_UP, 30, 10), 1);
    assert_int_equal(c.cur, 0);
    /* A page on, the first row shown following the cursor. */
    assert_int_equal(wc_move(&c, ACT_PGDN, 30, 10), 1);
    assert_int_equal(c.cur, 10);
    assert_int_equal(c.top, 1);
    assert_int_equal(wc_move(&c, ACT_END, 30, 10), 1);
    assert_int_equal(c.cur, 29);
    assert_int_equal(c.top, 20);
    assert_int_equal(wc_move(&c, ACT_PGDN, 30, 10), 1);
    assert_int_equal(c.cur, 29);
    assert_int_equal(wc_move(&c, ACT_PGUP, 30, 10), 1);
    assert_int_equal(c.cur, 19);
    assert_int_equal(c.top, 19);
    assert_int_equal(wc_move(&c, ACT_HOME, 30, 10), 1);
    assert_int_equal(c.cur + c.top, 0);
    /* Not a move; no rows; fewer rows than before. */
    assert_int_equal(wc_move(&c, ACT_OPEN, 30, 10), 0);
    assert_int_equal(wc_move(&c, ACT_END, 0, 10), 1);
    assert_int_equal(c.cur, 0);
    c.cur = c.top = 25;
    wc_show(&c, 5, 10);
    assert_int_equal(c.cur, 4);
    assert_int_equal(c.top, 4);
    /* Scrolling a text: never past its last page. */
    assert_int_equal(wc_scroll(&top, ACT_PGDN, 25, 10), 1);
    assert_int_equal(top, 10);
    assert_int_equal(wc_scroll(&top, ACT_PGDN, 25, 10), 1);
    assert_int_equal(top, 15);
    assert_int_equal(wc_scroll(&top, ACT_DOWN, 25, 10), 1);
    assert_int_equal(top, 15);
    assert_int_equal(wc_scroll(&top, ACT_UP, 25, 10), 1);
    assert_int_equal(top, 14);
    assert_int_equal(wc_scroll(&top, ACT_END, 5, 10), 1);
    assert_int_equal(top, 0);
    assert_int_equal(wc_scroll(&top, ACT_BACK, 25, 10), 0);
}

/* --- the record layout --------------------------------------------------- */

/* The text of line I: its spans at their columns. */
static char *
line_text(const struct view *v, size_t i)
{
    static char buf[512];
    const struct view_line *l = &v->lines[i];
    size_t len = 0, w = 0;
    int k;

    buf[0] = '\0';
    for (k = 0; k < l->nspans; k++) {
        while (w < (size_t)l->span[k].x && len + 1 < sizeof(buf)) {
            buf[len++] = ' ';
            w++;
        }
        len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s", l->span[k].text);
        w += u8_width(l->span[k].text);
    }
    buf[len] = '\0';
    return buf;
}

static void
record(struct view *v)
{
    static const struct table_col tc[] = {
        {"date", 10, 0, 0, 0},
        {"project", 8, 0, 0, 1},
        {"amount", 6, 1, 0, 0},
    };
    const char *r1[] = {"2026-03-01", "红岩村道路硬化", "150,000.00"};
    const char *r2[] = {"2026-04-02", "白马村饮水", "2,500.00"};

    view_init(v);
    view_title(v, "黔财农〔2026〕12号");
    view_section(v, "基本信息");
    view_pair(v, "年度：", "2026");
    view_pair(v, "级次：", "中央");
    view_pair_mark(v, "结余：", "-100.00", 1);
    view_section(v, "分配");
    view_table(v, tc, 3);
    view_row(v, 7, 101, r1);
    view_row_mark(v, 7, 102, r2, 1);
    view_section(v, "说明");
    view_text(v, "资金用于产业发展和基础设施建设，按项目进度拨付。\n第二段");
    view_link(v, 8, 5, "查看项目库");
}

static void
test_view_pairs(void **state)
{
    struct view v;

    (void)state;
    record(&v);
    /* Wide: the pairs side by side, the first half on the left. */
    view_layout(&v, 78);
    assert_string_equal(line_text(&v, 0), "1 基本信息");
    assert_int_equal(v.lines[1].span[2].x, 40);
    assert_string_equal(line_text(&v, 1), "年度： 2026                             结余： -100.00");
    assert_string_equal(line_text(&v, 2), "级次： 中央");
    assert_int_equal(v.lines[1].span[3].style, VS_WARN);
    assert_int_equal(v.lines[1].span[1].style, VS_NORMAL);
    assert_int_equal(v.lines[1].ref.kind, 0);
    /* Narrow: one column. */
    view_layout(&v, 20);
    assert_string_equal(line_text(&v, 1), "年度： 2026");
    assert_string_equal(line_text(&v, 2), "级次： 中央");
    assert_string_equal(line_text(&v, 3), "结余： -100.00");
    view_release(&v);

    /* A long value wraps under itself; labels line up on the widest. */
    view_init(&v);
    view_pair(&v, "文号：", "黔财农〔2026〕12号关于下达资金的通知");
    view_pair(&v, "资金类型：", "衔接资金");
    view_layout(&v, 30);
    assert_string_equal(line_text(&v, 0), "文号：     黔财农〔2026〕12号");
    assert_string_equal(line_text(&v, 1), "           关于下达资金的通知");
    assert_string_equal(line_text(&v, 2), "资金类型： 衔接资金");
    assert_int_equal(v.nlines, 3);
    /* A pair standing for a record keeps its run in one column. */
    view_clear(&v);
    view_pair(&v, "年度：", "2026");
    view_pair_ref(&v, "项目：", "道路", 3, 44);
    view_layout(&v, 100);
    assert_int_equal(v.nlines, 2);
    assert_int_equal(v.lines[1].ref.kind, 3);
    assert_int_equal(v.lines[1].ref.id, 44);
    view_release(&v);
}

static void
test_view_sections_tables(void **state)
{
    struct view v;
    struct view_ref r = {7, 102}, none = {0, 0}, gone = {7, 999};
    size_t i;

    (void)state;
    record(&v);
    view_layout(&v, 78);
    assert_int_equal(v.nsections, 3);
    assert_int_equal(v.sections[0], 0);
    /* A blank line before each section but the first. */
    assert_string_equal(line_text(&v, v.sections[1] - 1), "");
    assert_string_equal(line_text(&v, v.sections[1]), "2 分配");
    assert_int_equal(v.lines[v.sections[1]].span[0].style, VS_HEADING);
    /* The table: each column as wide as its widest cell. */
    i = v.sections[1] + 1;
    assert_int_equal(v.lines[i].span[0].style, VS_HEADER);
    assert_string_equal(line_text(&v, i), "date        project             amount");
    assert_string_equal(line_text(&v, i + 1), "2026-03-01  红岩村道路硬化  150,000.00");
    assert_string_equal(line_text(&v, i + 2), "2026-04-02  白马村饮水        2,500.00");
    assert_int_equal(v.lines[i + 2].span[0].style, VS_WARN);
    /* Paragraphs wrap by display width; "\n" starts a line. */
    view_layout(&v, 20);
    i = v.sections[2];
    assert_string_equal(line_text(&v, i), "3 说明");
    assert_string_equal(line_text(&v, i + 1), "资金用于产业发展和基");
    assert_string_equal(line_text(&v, i + 2), "础设施建设，按项目进");
    assert_string_equal(line_text(&v, i + 3), "度拨付。");
    assert_string_equal(line_text(&v, i + 4), "第二段");
    assert_string_equal(line_text(&v, i + 5), "查看项目库");
    /* The table's text columns give way to fit, never the amounts; a
     * cell cut short ends in the cut mark. */
    view_layout(&v, 34);
    i = v.sections[1] + 1;
    assert_string_equal(line_text(&v, i + 1), "2026-03-01  红岩村道~   150,000.00");
    assert_string_equal(line_text(&v, i + 2), "2026-04-02  白马村饮水    2,500.00");
    view_layout(&v, 20);
    i = v.sections[1] + 1;
    assert_string_equal(line_text(&v, i + 1), "2026-03-01  红岩村~   150,000.00");
    /* The selectable lines: the two rows, the link. */
    i = (size_t)view_next_ref(&v, -1, 1);
    assert_int_equal(v.lines[i].ref.id, 101);
    i = (size_t)view_next_ref(&v, (long)i, 1);
    assert_int_equal(v.lines[i].ref.id, 102);
    i = (size_t)view_next_ref(&v, (long)i, 1);
    assert_int_equal(v.lines[i].ref.id, 5);
    assert_int_equal(view_next_ref(&v, (long)i, 1), -1);
    assert_int_equal(view_next_ref(&v, (long)v.nlines, -1), (long)i);
    assert_int_equal(view_find_ref(&v, &r), (long)v.sections[1] + 3);
    assert_int_equal(view_find_ref(&v, &none), -1);
    assert_int_equal(view_find_ref(&v, &gone), -1);
    /* Nothing at all, and a tiny width. */
    view_clear(&v);
    view_layout(&v, 0);
    assert_int_equal(v.nlines, 0);
    view_release(&v);
    record(&v);
    view_layout(&v, 1);
    assert_true(v.nlines > 10);
    view_release(&v);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rows_building),
        cmocka_unit_test(test_rows_search),
        cmocka_unit_test(test_rows_sort),
        cmocka_unit_test(test_layout),
        cmocka_unit_test(test_source),
        cmocka_unit_test(test_cursor),
        cmocka_unit_test(test_view_pairs),
        cmocka_unit_test(test_view_sections_tables),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
