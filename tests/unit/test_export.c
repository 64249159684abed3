/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_export.c - the table of the kinds of export (print/export.h): the
 * kinds the issue names, each once, found by name; every column labelled
 * in Chinese once a kind; ID, household, person and phone numbers always
 * text, amounts in fen always amounts, dates always dates; each way of
 * getting a cell has what it needs (a code table, a function); the row
 * sources and the filters each kind says it takes.
 */
#include "config.h"
#include "helpers.h"

#include <stdlib.h>
#include <string.h>

#include "print/export.h"
#include "util/i18n.h"
#include "util/path.h"

static int setup(void **state)
{
    char *localedir = path_localedir();

    (void)state;
    i18n_init(localedir);
    free(localedir);
    return 0;
}

/* The kinds of issue 16, and the fund indicators (a table of the funds
 * workspace). */
static const char *const wanted[] = {
    "households", "members", "cases", "measures", "visits", "receipts", "projects",
    "allocations", "payments", "assets", "indicators", "partners", "agreements", "arrivals",
    "teams", "attendance", "assessment", "national", "warnings",
};

static void test_kinds_named(void **state)
{
    size_t i, k;

    (void)state;
    assert_int_equal(export_nkinds, sizeof(wanted) / sizeof(wanted[0]));
    for (i = 0; i < sizeof(wanted) / sizeof(wanted[0]); i++) {
        const struct export_kind *x = export_kind_find(wanted[i]);

        assert_non_null(x);
        assert_string_equal(x->name, wanted[i]);
        assert_non_null(x->rows);
        assert_non_null(x->tbl);
        /* national's columns are its layout file's, filled by prepare */
        assert_true(x->ncols > 0 || x->prepare != NULL);
        for (k = 0; k < export_nkinds; k++) {
            assert_true(export_kinds[k] == x || strcmp(export_kinds[k]->name, x->name) != 0);
        }
    }
    assert_null(export_kind_find("nosuch"));
}

/* 1 when the label says the column holds a number that is an identifier. */
static int is_number_id(const char *label)
{
    static const char *const ids[] = {"number", "ID", "Phone"};
    size_t i;

    for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
        if (strstr(label, ids[i]) != NULL) {
            return 1;
        }
    }
    return 0;
}

static void check_col(const struct export_col *c)
{
    assert_non_null(c->label);
    /* translated: the sheets' headers are Chinese */
    assert_string_not_equal(_(c->label), c->label);
    if (is_number_id(c->label) || c->cell == EC_IDNO || c->cell == EC_PHONE) {
        assert_int_equal(c->type, SHEET_TEXT);
    }
    if (c->cell == EC_FEN) {
        assert_int_equal(c->type, SHEET_AMOUNT);
    }
    if (c->cell == EC_DATE) {
        assert_int_equal(c->type, SHEET_DATE);
    }
    if (c->cell == EC_INT || c->cell == EC_I64) {
        assert_int_equal(c->type, SHEET_INT);
    }
    if (c->cell == EC_CODE) {
        assert_non_null(c->table);
    }
    if (c->cell == EC_FN) {
        assert_non_null(c->fn);
    }
}

static void check_cols(const struct export_col *v, size_t n, const struct export_col *more,
                       size_t nmore)
{
    size_t i, k;

    for (i = 0; i < n + nmore; i++) {
        const struct export_col *c = i < n ? &v[i] : &more[i - n];

        check_col(c);
        for (k = 0; k < i; k++) {
            const struct export_col *d = k < n ? &v[k] : &more[k - n];

            assert_string_not_equal(_(c->label), _(d->label));
        }
    }
}

static void test_columns(void **state)
{
    size_t i;

    (void)state;
    for (i = 0; i < export_nkinds; i++) {
        const struct export_kind *k = export_kinds[i];

        check_cols(k->cols, k->ncols, k->more, k->nmore);
        assert_string_not_equal(_(k->title), k->title);
        assert_true((k->more != NULL) == ((k->filters & EF_ALL) != 0));
    }
}

static void test_id_columns(void **state)
{
    const struct export_kind *m = export_kind_find("members");
    size_t i, idno = 0, phone = 0;

    (void)state;
    for (i = 0; i < m->ncols; i++) {
        idno += m->cols[i].cell == EC_IDNO;
        phone += m->cols[i].cell == EC_PHONE;
    }
    assert_int_equal(idno, 1);      /* masked unless revealed */
    assert_int_equal(phone, 1);
}

static void test_filters(void **state)
{
    (void)state;
    assert_true(export_kind_find("households")->filters & EF_SEARCH);
    assert_true(export_kind_find("members")->filters & EF_PLACE);
    assert_false(export_kind_find("teams")->filters & EF_CATEGORY);
    assert_true(export_kind_find("attendance")->filters & EF_MONTH);
    assert_true(export_kind_find("assessment")->filters == EF_ROUND);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kinds_named),
        cmocka_unit_test(test_columns),
        cmocka_unit_test(test_id_columns),
        cmocka_unit_test(test_filters),
    };

    return cmocka_run_group_tests(tests, setup, NULL);
}
