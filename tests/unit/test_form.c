/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_form.c - the pieces of the forms that need no terminal: the line
 * editor (wide characters, word moves, deleting), the form widget (texts,
 * changes, checks, groups, focus, values parsed once, typing into a field
 * just entered) and drafts on disk (whole, private,
 * listed per database, damaged ones refused).
 */
#include "config.h"
#include "helpers.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <curses.h>

#include "core/date.h"
#include "core/field.h"
#include "tui/choices.h"
#include "tui/draft.h"
#include "tui/keys.h"
#include "tui/w_form.h"
#include "tui/w_line.h"
#include "util/err.h"
#include "util/sbuf.h"

/* --- the line editor -------------------------------------------------------- */

static void
type(struct w_line *l, const wchar_t *s)
{
    for (; *s != L'\0'; s++) {
        assert_int_equal(wline_key(l, 0, (wint_t)*s), 1);
    }
}

static void
expect(const struct w_line *l, const char *want)
{
    struct sbuf sb = SBUF_INIT;

    wline_get(l, &sb);
    assert_string_equal(sb.buf, want);
    sbuf_release(&sb);
}

static void
test_line_typing(void **state)
{
    struct w_line l;

    (void)state;
    wline_init(&l, 100);
    type(&l, L"王建国 abc");
    expect(&l, "王建国 abc");
    assert_int_equal(l.cur, 7);
    /* Backspace deletes a whole character, wide or not. */
    assert_int_equal(wline_key(&l, 0, 0x7F), 1);
    expect(&l, "王建国 ab");
    assert_int_equal(wline_key(&l, 1, KEY_HOME), 0);
    assert_int_equal(wline_key(&l, 1, KEY_DC), 1);
    expect(&l, "建国 ab");
    assert_int_equal(wline_key(&l, 1, KEY_END), 0);
    assert_int_equal(l.cur, 5);
    /* Control characters are not text. */
    assert_int_equal(wline_key(&l, 0, 0x01 + 2), -1);
    assert_int_equal(wline_key(&l, 0, '\t'), -1);
    assert_int_equal(wline_key(&l, 0, 0x85), -1);
    /* Ctrl-U empties the line. */
    assert_int_equal(wline_key(&l, 0, CTRL('u')), 1);
    expect(&l, "");
    wline_release(&l);
}

static void
test_line_words(void **state)
{
    struct w_line l;

    (void)state;
    wline_init(&l, 100);
    wline_set(&l, "三组12号 abc");
    l.cur = l.len;
    /* Word moves stop where Chinese meets digits and at blanks. */
    assert_int_equal(wline_key(&l, 1, KEY_SLEFT), 0);
    assert_int_equal(l.cur, 6);
    assert_int_equal(wline_key(&l, 1, KEY_SLEFT), 0);
    assert_int_equal(l.cur, 4);
    assert_int_equal(wline_key(&l, 1, KEY_SLEFT), 0);
    assert_int_equal(l.cur, 2);
    assert_int_equal(wline_key(&l, 1, KEY_SLEFT), 0);
    assert_int_equal(l.cur, 0);
    assert_int_equal(wline_key(&l, 1, KEY_SRIGHT), 0);
    assert_int_equal(l.cur, 2);
    /* Ctrl-W deletes the word before the cursor. */
    l.cur = l.len;
    assert_int_equal(wline_key(&l, 0, CTRL('w')), 1);
    expect(&l, "三组12号 ");
    wline_release(&l);
}

/* The control characters that stand for editing keys. */
static void
test_line_ctrl_keys(void **state)
{
    struct w_line l;

    (void)state;
    wline_init(&l, 100);
    wline_set(&l, "abcd");
    assert_int_equal(wline_key(&l, 0, CTRL('a')), 0);
    assert_int_equal(l.cur, 0);
    assert_int_equal(wline_key(&l, 0, CTRL('f')), 0);
    assert_int_equal(l.cur, 1);
    assert_int_equal(wline_key(&l, 0, CTRL('d')), 1);
    expect(&l, "acd");
    assert_int_equal(wline_key(&l, 0, CTRL('e')), 0);
    assert_int_equal(l.cur, 3);
    assert_int_equal(wline_key(&l, 0, CTRL('b')), 0);
    assert_int_equal(l.cur, 2);
    assert_int_equal(wline_key(&l, 0, CTRL('h')), 1);
    expect(&l, "ad");
    assert_int_equal(wline_key(&l, 0, 0x7F), 1);
    expect(&l, "d");
    wline_release(&l);
}

static void
test_line_limits(void **state)
{
    struct w_line l;

    (void)state;
    /* Bytes that are not UTF-8 become U+FFFD, never lost silently. */
    wline_init(&l, 5);
    wline_set(&l, "a\xff" "b");
    expect(&l, "a\xef\xbf\xbd" "b");
    /* The editor's own limit: the characters past it are refused and
     * counted while they come in a row; any other key ends the run. */
    wline_set(&l, "");
    type(&l, L"12345");
    assert_int_equal(wline_key(&l, 0, '6'), 0);
    assert_int_equal(wline_key(&l, 0, '7'), 0);
    expect(&l, "12345");
    assert_int_equal(l.refused, 2);
    assert_int_equal(wline_key(&l, 1, KEY_END), 0);
    assert_int_equal(l.refused, 0);
    assert_int_equal(wline_key(&l, 0, 0x7F), 1);
    type(&l, L"x");
    expect(&l, "1234x");
    /* A stored value is never cut to it. */
    wline_set(&l, "一二三四五六七");
    expect(&l, "一二三四五六七");
    wline_release(&l);
}

/* --- bytes from the terminal ---------------------------------------------------- */

static void
test_key_decoder(void **state)
{
    struct key_decoder d;
    const unsigned char zhang[] = {0xE5, 0xBC, 0xA0};   /* 张 */
    wchar_t wc;
    int retry;

    (void)state;
    /* glibc always has C.UTF-8: without it the test fails, never skips. */
    assert_non_null(setlocale(LC_CTYPE, "C.UTF-8"));
    key_decoder_init(&d);
    /* A character split over reads comes out whole. */
    assert_int_equal(key_decode(&d, zhang[0], &wc, &retry), KD_MORE);
    assert_int_equal(key_decode(&d, zhang[1], &wc, &retry), KD_MORE);
    assert_int_equal(key_decode(&d, zhang[2], &wc, &retry), KD_CHAR);
    assert_int_equal(wc, 0x5F20);
    assert_false(d.pending);
    /* A byte that is no character: U+FFFD, nothing else lost. */
    assert_int_equal(key_decode(&d, 0xFF, &wc, &retry), KD_BAD);
    assert_int_equal(wc, 0xFFFD);
    assert_false(retry);
    /* A character cut short by a plain letter: the letter is fed again. */
    assert_int_equal(key_decode(&d, 0xE5, &wc, &retry), KD_MORE);
    assert_int_equal(key_decode(&d, 'a', &wc, &retry), KD_BAD);
    assert_true(retry);
    assert_int_equal(key_decode(&d, 'a', &wc, &retry), KD_CHAR);
    assert_int_equal(wc, L'a');
}

/* --- the form widget ---------------------------------------------------------- */

static const struct field_spec f_name = {
    .name = "name", .label = "Name", .type = FT_NAME, .flags = FF_REQUIRED};
static const struct field_spec f_date = {
    .name = "date", .label = "Date", .type = FT_DATE};
static const struct field_spec f_ro = {
    .name = "ro", .label = "Shown", .type = FT_TEXT, .flags = FF_READONLY};

static void
form_fixture(struct w_form *f)
{
    struct field_ctx ctx = {NULL, 20000};

    wform_init(f, &ctx);
    wform_heading(f, "heading", "");
    wform_add(f, &f_ro, "", "x");
    wform_add(f, &f_name, "", "王芳");
    wform_add(f, &f_date, "", "");
    wform_heading(f, "m2", "m2");
    wform_add(f, &f_name, "m2", "");
    wform_add(f, &f_date, "m2", "2020-01-01");
}

static void
test_form_texts(void **state)
{
    struct w_form f;
    struct sbuf sb = SBUF_INIT;
    struct field_value v;
    int i;

    (void)state;
    form_fixture(&f);
    assert_int_equal(wform_find(&f, "", "name"), 2);
    assert_int_equal(wform_find(&f, "m2", "name"), 5);
    assert_int_equal(wform_find(&f, "m3", "name"), -1);
    assert_false(wform_changed(&f));
    i = wform_find(&f, "m2", "date");
    wform_set(&f, (size_t)i, "2020-01-02");
    assert_true(wform_item_changed(&f, (size_t)i));
    assert_true(wform_changed(&f));
    wform_text(&f, (size_t)i, &sb);
    assert_string_equal(sb.buf, "2020-01-02");
    memset(&v, 0, sizeof(v));
    assert_int_equal(wform_value(&f, "m2", "date", &v), 0);
    assert_false(v.empty);
    field_value_clear(&v);
    /* The loaded text is the base of "changed". */
    wform_set_loaded(&f, (size_t)i, "2020-01-02");
    assert_false(wform_changed(&f));
    sbuf_release(&sb);
    wform_release(&f);
}

static void
test_form_checks(void **state)
{
    struct w_form f;
    struct err e;
    size_t bad = 99;
    int i;

    (void)state;
    form_fixture(&f);
    i = wform_find(&f, "", "date");
    wform_set(&f, (size_t)i, "2023-02-30");
    err_clear(&e);
    assert_int_equal(wform_check(&f, (size_t)i, NULL, &e), -1);
    assert_true(f.items[i].bad);
    /* The text stays as typed. */
    assert_true(wform_item_changed(&f, (size_t)i));
    /* Checking everything finds the first mistake: the empty required
     * name of member 2 comes after the bad date. */
    assert_int_equal(wform_check_all(&f, &bad, &e), -1);
    assert_int_equal(bad, (size_t)i);
    assert_true(f.items[wform_find(&f, "m2", "name")].bad);
    wform_set(&f, (size_t)i, "2023-02-28");
    wform_set(&f, (size_t)wform_find(&f, "m2", "name"), "李娜");
    assert_int_equal(wform_check_all(&f, &bad, &e), 0);
    /* Unreadable bytes are refused with words. */
    wform_set(&f, (size_t)wform_find(&f, "", "name"), "王\xff");
    assert_int_equal(wform_check_all(&f, &bad, &e), -1);
    assert_int_equal(e.code, ERR_INVALID);
    wform_release(&f);
}

static void
test_form_focus_and_groups(void **state)
{
    struct w_form f;

    (void)state;
    form_fixture(&f);
    /* Headings and read-only fields never take the focus. */
    assert_int_equal(wform_focus_from(&f, 0, 1), 0);
    assert_int_equal(f.focus, 2);
    assert_int_equal(wform_focus_from(&f, 1, -1), -1);
    f.focus = 6;
    wform_remove_group(&f, "m2");
    assert_int_equal(f.n, 4);
    assert_true(wform_focusable(&f, f.focus));
    assert_int_equal(wform_find(&f, "m2", "date"), -1);
    assert_int_equal(wform_lines(&f), 4);
    wform_release(&f);
}

/* A field's value is parsed once for its text: reading it after the
 * check takes the value the check kept. */
static void
test_form_parsed_once(void **state)
{
    struct w_form f;
    struct field_value v;
    struct err e;
    char day[DATE_BUF];
    size_t bad;
    int i;

    (void)state;
    form_fixture(&f);
    i = wform_find(&f, "", "date");
    date_format(19990, day);
    wform_set(&f, (size_t)i, day);
    wform_set(&f, (size_t)wform_find(&f, "m2", "name"), "李娜");
    err_clear(&e);
    assert_int_equal(wform_check_all(&f, &bad, &e), 0);
    /* Parsed again, the date would now lie after today and be refused. */
    f.ctx.today = 19000;
    memset(&v, 0, sizeof(v));
    assert_int_equal(wform_value(&f, "", "date", &v), 0);
    assert_int_equal(v.n, 19990);
    field_value_clear(&v);
    /* A new text is parsed anew. */
    wform_set(&f, (size_t)i, day);
    assert_int_equal(wform_value(&f, "", "date", &v), -1);
    field_value_clear(&v);
    wform_release(&f);
}

static void
form_expect(const struct w_form *f, size_t i, const char *want)
{
    struct sbuf sb = SBUF_INIT;

    wform_text(f, i, &sb);
    assert_string_equal(sb.buf, want);
    sbuf_release(&sb);
}

/* Typing into a field of one value just entered replaces its text; a
 * move or a deletion first edits it; text fields are edited. */
static void
test_form_typing_replaces(void **state)
{
    struct w_form f;
    size_t date, name;

    (void)state;
    form_fixture(&f);
    date = (size_t)wform_find(&f, "m2", "date");
    name = (size_t)wform_find(&f, "", "name");
    wform_focus(&f, date);
    assert_int_equal(wform_key(&f, 0, L'2'), 1);
    assert_int_equal(wform_key(&f, 0, L'0'), 1);
    form_expect(&f, date, "20");
    /* The text it had when entered is kept for the form to compare. */
    assert_string_equal(wform_entered(&f, date), "2020-01-01");
    wform_set(&f, date, "2020-01-01");
    wform_focus(&f, date);
    assert_int_equal(wform_key(&f, 1, KEY_LEFT), 0);
    assert_int_equal(wform_key(&f, 0, L'9'), 1);
    form_expect(&f, date, "2020-01-091");
    wform_set(&f, date, "2020-01-01");
    wform_focus(&f, date);
    assert_int_equal(wform_key(&f, 0, 0x7F), 1);
    assert_int_equal(wform_key(&f, 0, L'2'), 1);
    form_expect(&f, date, "2020-01-02");
    /* A name is text: typing adds to it. */
    wform_focus(&f, name);
    assert_int_equal(wform_key(&f, 0, L'华'), 1);
    form_expect(&f, name, "王芳华");
    assert_string_equal(wform_entered(&f, name), "王芳");
    wform_release(&f);
}

/* --- choices built from rows ------------------------------------------------------ */

/* A table of choices: codes the ids in digits or as given, labels as
 * formatted (whole, however long), a code field checks against it. */
static void
test_choices(void **state)
{
    static const struct field_spec f_partner = {
        .name = "partner", .label = "Partner", .type = FT_CODE, .table = "partner"};
    struct choices c;
    struct codebook cb;
    struct field_ctx ctx = {NULL, 20000};
    struct code_table *t;
    struct w_form f;
    struct err e;
    char name[300];
    size_t bad;

    (void)state;
    memset(name, 'x', sizeof(name) - 1);
    name[sizeof(name) - 1] = '\0';
    choices_init(&c);
    choices_add_id(&c, 12, "%s (%s)", "湖州市吴兴区", "东西部协作");
    choices_add_id(&c, -3, "%s", name);
    choices_add(&c, "pdf", "%s", "PDF");
    t = choices_table(&c, "partner", "Partner");
    assert_string_equal(t->id, "partner");
    assert_string_equal(t->title, "Partner");
    assert_int_equal(t->n, 3);
    assert_string_equal(t->v[0].code, "12");
    assert_string_equal(t->v[0].label, "湖州市吴兴区 (东西部协作)");
    assert_string_equal(t->v[0].short_label, t->v[0].label);
    assert_string_equal(t->v[1].code, "-3");
    assert_string_equal(t->v[1].label, name);
    assert_string_equal(t->v[2].code, "pdf");
    cb.t = t;
    cb.n = 1;
    ctx.codes = &cb;
    wform_init(&f, &ctx);
    wform_add(&f, &f_partner, "", "12");
    err_clear(&e);
    assert_int_equal(wform_check_all(&f, &bad, &e), 0);
    wform_set(&f, 0, "13");
    assert_int_equal(wform_check_all(&f, &bad, &e), -1);
    wform_release(&f);
    code_table_free(t);
}

/* --- drafts ------------------------------------------------------------------------ */

static void
test_draft_round_trip(void **state)
{
    char *dir = helpers_tmpdir(), *path, file[1024];
    struct draft d, back, *v;
    struct stat st;
    FILE *fp;
    size_t n;
    struct err e;

    (void)state;
    draft_init(&d, "/srv/county.db", "household", "hh=12 id=0 arg=0", "修改农户", 7);
    draft_add(&d, "", "address", "三组\t12号\\\n二楼\r", "三组");
    draft_add(&d, "m2", "name", "李娜", "");
    err_clear(&e);
    assert_int_equal(draft_write(dir, &d, &e), 0);
    path = draft_path(dir, "/srv/county.db", "household", "hh=12 id=0 arg=0");
    /* Only the user may read it: it may hold ID numbers. */
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    /* One line a field, its special characters after a backslash. */
    fp = fopen(path, "r");
    assert_non_null(fp);
    file[fread(file, 1, sizeof(file) - 1, fp)] = '\0';
    fclose(fp);
    assert_non_null(strstr(file, "field\t\taddress\t三组\\t12号\\\\\\n二楼\\r\t三组\n"));
    assert_int_equal(draft_read(path, &back, &e), 0);
    assert_string_equal(back.form, "household");
    assert_string_equal(back.key, "hh=12 id=0 arg=0");
    assert_string_equal(back.title, "修改农户");
    assert_int_equal(back.version, 7);
    assert_int_equal(back.n, 2);
    assert_string_equal(back.f[0].text, "三组\t12号\\\n二楼\r");
    assert_string_equal(back.f[0].loaded, "三组");
    assert_string_equal(back.f[1].group, "m2");
    draft_clear(&back);
    /* Listed for its database only. */
    assert_int_equal(draft_list(dir, "/srv/county.db", &v, &n, &e), 0);
    assert_int_equal(n, 1);
    draft_clear(&v[0]);
    free(v);
    assert_int_equal(draft_list(dir, "/srv/other.db", &v, &n, &e), 0);
    assert_int_equal(n, 0);
    free(v);
    draft_remove(dir, "/srv/county.db", "household", "hh=12 id=0 arg=0");
    assert_int_not_equal(stat(path, &st), 0);
    draft_clear(&d);
    free(path);
    helpers_rmdir(dir);
}

static void
test_draft_damaged(void **state)
{
    char *dir = helpers_tmpdir(), *p;
    struct draft d, *v;
    size_t n;
    struct err e;

    (void)state;
    p = helpers_write(dir, "x.draft", "not a draft\n");
    err_clear(&e);
    assert_int_equal(draft_read(p, &d, &e), -1);
    assert_int_equal(e.code, ERR_INVALID);
    free(p);
    p = helpers_write(dir, "y.draft", "zhenxing-draft 1\nform\thousehold\ngarbage line\n");
    assert_int_equal(draft_read(p, &d, &e), -1);
    free(p);
    /* Damaged drafts are left out of the list, not fatal. */
    assert_int_equal(draft_list(dir, "", &v, &n, &e), 0);
    assert_int_equal(n, 0);
    free(v);
    helpers_rmdir(dir);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_line_typing),
        cmocka_unit_test(test_line_words),
        cmocka_unit_test(test_line_ctrl_keys),
        cmocka_unit_test(test_line_limits),
        cmocka_unit_test(test_key_decoder),
        cmocka_unit_test(test_form_texts),
        cmocka_unit_test(test_form_checks),
        cmocka_unit_test(test_form_focus_and_groups),
        cmocka_unit_test(test_form_parsed_once),
        cmocka_unit_test(test_form_typing_replaces),
        cmocka_unit_test(test_choices),
        cmocka_unit_test(test_draft_round_trip),
        cmocka_unit_test(test_draft_damaged),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
