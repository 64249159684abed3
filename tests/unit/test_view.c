/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_view.c - the record layout of tui/view.c without a terminal: tables
 * leave out their spare columns before cutting any text and never cut an
 * amount, the lines of a section (what a paged record shows at once), and
 * the links of a definition by the kind of a ref.
 */
#include "config.h"
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "tui/table.h"
#include "tui/view.h"
#include "util/array.h"
#include "util/u8.h"

/* The text of line I: its spans at their columns. */
static const char *
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

/* A year's income: the parts, their sum, per person, the line. */
static void
income(struct view *v)
{
    static const struct table_col cols[] = {
        {"year", 4, 0, 0, 0},     {"wages", 4, 1, 0, 0}, {"business", 4, 1, 0, 0},
        {"property", 4, 1, 0, 0}, {"net", 4, 1, 0, 0},   {"per person", 4, 1, 0, 0},
        {"line", 4, 1, 0, 0},     {"above", 4, 0, 0, 0},
    };
    static const size_t spare[] = {3, 2, 1};
    const char *r1[] = {"2025", "20,945.00", "5,168.00", "1,938.00", "34,003.00",
                        "17,001.50", "8,800", "yes"};
    const char *r2[] = {"2026", "5,376.00", "3,099.00", "293.00", "11,739.00",
                        "5,869.50", "8,800", "NOT above"};

    view_init(v);
    view_section(v, "income");
    view_table(v, cols, ARRAY_SIZE(cols));
    view_table_spare(v, spare, ARRAY_SIZE(spare));
    view_row(v, 3, 2025, r1);
    view_row_mark(v, 3, 2026, r2, 1);
    view_row_note(v, "a note under the row, wrapped from the second column");
}

/* Wide enough: every column; narrower: the spare columns go in their
 * order, the sum, per person and the line stay whole. */
static void
test_spare_columns(void **state)
{
    struct view v;

    (void)state;
    income(&v);
    view_layout(&v, 100);
    assert_string_equal(line_text(&v, 1),
                        "year      wages  business  property        net  per person   line  above");
    assert_string_equal(line_text(&v, 3),
                        "2026   5,376.00  3,099.00    293.00  11,739.00    5,869.50  8,800  NOT above");
    /* 70 columns: the property goes first. */
    view_layout(&v, 70);
    assert_string_equal(line_text(&v, 1),
                        "year      wages  business        net  per person   line  above");
    /* 50: business and wages too; nothing is cut. */
    view_layout(&v, 50);
    assert_string_equal(line_text(&v, 1), "year        net  per person   line  above");
    assert_string_equal(line_text(&v, 2), "2025  34,003.00   17,001.50  8,800  yes");
    assert_string_equal(line_text(&v, 3), "2026  11,739.00    5,869.50  8,800  NOT above");
    assert_int_equal(v.lines[3].span[0].style, VS_WARN);
    assert_int_equal(v.lines[3].ref.kind, 3);
    assert_int_equal(v.lines[3].ref.id, 2026);
    /* The note starts under the second column shown. */
    assert_int_equal(v.lines[4].span[0].x, 6);
    assert_int_equal(v.lines[4].span[0].style, VS_DIM);
    /* 30: the text column gives way to its width (a cell cut short ends
     * in the cut mark), the amounts never do (the line is cut at the
     * screen's edge instead). */
    view_layout(&v, 30);
    assert_string_equal(line_text(&v, 3), "2026  11,739.00    5,869.50  8,800  NOT~");
    view_release(&v);
}

/* A text column is cut only once the spare columns are gone. */
static void
test_spare_before_text(void **state)
{
    static const struct table_col cols[] = {
        {"name", 4, 0, 0, 0}, {"health", 4, 0, 0, 0}, {"labour", 4, 0, 0, 0},
    };
    static const size_t spare[] = {1};
    const char *r[] = {"刘荣宝", "长期慢性病", "普通劳动力"};
    struct view v;

    (void)state;
    view_init(&v);
    view_table(&v, cols, ARRAY_SIZE(cols));
    view_table_spare(&v, spare, ARRAY_SIZE(spare));
    view_row(&v, 1, 7, r);
    view_layout(&v, 38);
    assert_string_equal(line_text(&v, 1), "刘荣宝  长期慢性病  普通劳动力");
    view_layout(&v, 28);
    assert_string_equal(line_text(&v, 1), "刘荣宝  普通劳动力");
    view_layout(&v, 14);
    assert_string_equal(line_text(&v, 1), "刘荣宝  普通~");
    view_release(&v);
}

/* What a paged record shows: the lines before the first section (kept
 * on top), then each section without its heading and trailing blanks. */
static void
test_section_lines(void **state)
{
    struct view v;
    size_t lo, hi;

    (void)state;
    view_init(&v);
    view_text(&v, "on top");
    view_section(&v, "one");
    view_pair(&v, "a:", "1");
    view_blank(&v);
    view_section(&v, "two");
    view_text(&v, "x\ny");
    view_layout(&v, 40);
    view_section_lines(&v, -1, &lo, &hi);
    assert_int_equal(lo, 0);
    assert_int_equal(hi, 1);
    assert_string_equal(line_text(&v, 0), "on top");
    view_section_lines(&v, 0, &lo, &hi);
    assert_int_equal(hi - lo, 1);
    assert_string_equal(line_text(&v, lo), "a: 1");
    view_section_lines(&v, 1, &lo, &hi);
    assert_int_equal(hi - lo, 2);
    assert_string_equal(line_text(&v, lo), "x");
    assert_string_equal(line_text(&v, lo - 1), "2 two");
    assert_int_equal(view_section_of(&v, 0), -1);
    assert_int_equal(view_section_of(&v, (long)lo), 1);
    assert_int_equal(view_section_of(&v, (long)v.sections[1] - 1), 0);
    view_release(&v);

    /* No section: everything is "before the first". */
    view_init(&v);
    view_text(&v, "a\nb");
    view_layout(&v, 40);
    view_section_lines(&v, -1, &lo, &hi);
    assert_int_equal(lo, 0);
    assert_int_equal(hi, 2);
    view_release(&v);
}

/* Links are found by kind; a kind without one has none. */
static void
test_links(void **state)
{
    static const struct view_def other = {.id = "other"};
    static const struct view_link links[] = {
        {1, &other, NULL, 0},
        {2, NULL, NULL, VL_HH | VL_ARG},
        {0, NULL, NULL, 0},
    };

    (void)state;
    assert_ptr_equal(view_link_find(links, 1)->view, &other);
    assert_int_equal(view_link_find(links, 2)->flags, VL_HH | VL_ARG);
    assert_null(view_link_find(links, 3));
    assert_null(view_link_find(NULL, 1));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spare_columns),
        cmocka_unit_test(test_spare_before_text),
        cmocka_unit_test(test_section_lines),
        cmocka_unit_test(test_links),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
