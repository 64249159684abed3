/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * field.c - typed text to field values and back: the one place where a
 * form's input is checked.  Every type goes through the same steps
 * (valid UTF-8, blanks trimmed, empty or required, length in characters,
 * no control characters), then its own parser; the parsers of date.c,
 * money.c, idno.c and codes.c do the real work.  Messages name the
 * field's label and say what is wrong and how to fix it.
 */
#include "config.h"
#include "core/field.h"

#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/codes.h"
#include "core/date.h"
#include "core/idno.h"
#include "core/money.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/u8.h"
#include "util/xalloc.h"

#define CP_IDEO_SPACE 0x3000u
#define CP_MIDDLE_DOT 0x00B7u
#define MIDDLE_DOT "\xC2\xB7"
#define DEFAULT_MAX_CODES 5
/* At most this many characters of the user's text are echoed in a
 * message. */
#define ECHO_CHARS 20

/* The longest text of each type, in characters: long enough for every
 * form the type accepts ("-￥999,999,999,999.99元", "2024年12月31日"). */
static const int type_max[FT_COUNT] = {
    [FT_TEXT] = 100,
    [FT_NAME] = 30,
    [FT_IDNO] = 18,
    [FT_PHONE] = 13,
    [FT_DATE] = 11,
    [FT_MONTH] = 8,
    [FT_MONEY] = 24,
    [FT_INT] = 20,
    [FT_CODE] = 40,
    [FT_CODES] = 200,
    [FT_YESNO] = 3,
    [FT_LONGTEXT] = 2000,
    [FT_DECIMAL] = 20,
};

int
field_max_chars(const struct field_spec *f)
{
    int n = 0;

    if (f->max_chars > 0) {
        n = f->max_chars;
    } else if ((unsigned)f->type < FT_COUNT) {
        n = type_max[f->type];
    }
    if (n <= 0 || n > FIELD_TEXT_MAX) {
        n = FIELD_TEXT_MAX;
    }
    return n;
}

/* The field's name as the user knows it. */
static const char *
label_of(const struct field_spec *f)
{
    if (f->label != NULL && f->label[0] != '\0') {
        return _(f->label);
    }
    if (f->name != NULL && f->name[0] != '\0') {
        return f->name;
    }
    return _("this field");
}

static int
is_ascii_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
           cp == '\v' || cp == '\f';
}

static int
is_blank_cp(uint32_t cp)
{
    return is_ascii_space(cp) || cp == CP_IDEO_SPACE;
}

/* Full-width ASCII forms (U+FF01-U+FF5E) as ASCII, the ideographic space
 * as a space; other code points as they are. */
static uint32_t
fold_cp(uint32_t cp)
{
    if (cp >= 0xFF01u && cp <= 0xFF5Eu) {
        return cp - 0xFEE0u;
    }
    if (cp == CP_IDEO_SPACE) {
        return ' ';
    }
    return cp;
}

/* Append S (N bytes, valid UTF-8) to OUT with full-width forms folded. */
static void
fold(const char *s, size_t n, struct sbuf *out)
{
    size_t i = 0, len;
    char buf[4];

    while (i < n) {
        uint32_t cp;

        for (len = 0; i + len < n && (unsigned char)s[i + len] < 0x80; len++) {
        }
        sbuf_add(out, s + i, len);      /* a run of ASCII, as it is */
        if ((i += len) == n) {
            break;
        }
        cp = fold_cp(u8_decode(s + i, n - i, &len));
        sbuf_add(out, buf, u8_encode(cp, buf));
        i += len;
    }
}

/* Append at most ECHO_CHARS characters of S to OUT ("..." when cut). */
static void
add_shown(const char *s, struct sbuf *out)
{
    size_t n = strlen(s), i = 0, c = 0, len;

    while (i < n && c < ECHO_CHARS) {
        u8_decode(s + i, n - i, &len);
        i += len;
        c++;
    }
    sbuf_add(out, s, i);
    if (i < n) {
        sbuf_adds(out, "...");
    }
}

/* Trim blanks (ASCII white space and U+3000) around S[0..*N); returns
 * the new start.  S is valid UTF-8. */
static const char *
trim(const char *s, size_t *n)
{
    const char *end = s + *n;
    size_t len;

    while (s < end && is_blank_cp(u8_decode(s, (size_t)(end - s), &len))) {
        s += len;
    }
    for (;;) {
        if (end > s && is_ascii_space((unsigned char)end[-1])) {
            end--;
        } else if (end - s >= 3 && memcmp(end - 3, "\xE3\x80\x80", 3) == 0) {
            end -= 3;
        } else {
            break;
        }
    }
    *n = (size_t)(end - s);
    return s;
}

/* Characters in S[0..n) (valid UTF-8). */
static size_t
count_chars(const char *s, size_t n)
{
    size_t i, c = 0;

    for (i = 0; i < n; i++) {
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    }
    return c;
}

/* 1 when S[0..n) holds a control character not allowed in the type;
 * FT_LONGTEXT may hold line breaks. */
static int
has_control(const char *s, size_t n, int multiline)
{
    size_t i = 0, len;

    while (i < n) {
        uint32_t cp = u8_decode(s + i, n - i, &len);

        if ((cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) &&
            !(multiline && (cp == '\n' || cp == '\r'))) {
            return 1;
        }
        i += len;
    }
    return 0;
}

/* --- text and names ------------------------------------------------- */

static int
parse_text(const char *s, size_t n, int multiline, struct field_value *v)
{
    struct sbuf sb = SBUF_INIT;
    size_t i;

    if (!multiline) {
        v->s = xstrndup(s, n);
        return 0;
    }
    /* Line breaks as '\n' whatever system the text was pasted from. */
    for (i = 0; i < n; i++) {
        if (s[i] == '\r') {
            sbuf_addch(&sb, '\n');
            if (i + 1 < n && s[i + 1] == '\n') {
                i++;
            }
        } else {
            sbuf_addch(&sb, s[i]);
        }
    }
    v->s = sbuf_detach(&sb);
    return 0;
}

/* Chinese characters: CJK unified ideographs with extension A, the
 * compatibility ideographs, the supplementary planes (extensions B to I
 * and the compatibility supplement, where rare surnames live) and 〇. */
static int
is_han(uint32_t cp)
{
    return (cp >= 0x3400u && cp <= 0x4DBFu) ||
           (cp >= 0x4E00u && cp <= 0x9FFFu) ||
           (cp >= 0xF900u && cp <= 0xFAFFu) ||
           (cp >= 0x20000u && cp <= 0x2A6DFu) ||
           (cp >= 0x2A700u && cp <= 0x2EE5Fu) ||
           (cp >= 0x2F800u && cp <= 0x2FA1Fu) ||
           (cp >= 0x30000u && cp <= 0x323AFu) ||
           cp == 0x3007u;
}

/* The separators of minority names as input methods type them. */
static int
is_name_dot(uint32_t cp)
{
    return cp == CP_MIDDLE_DOT || cp == 0x30FBu || cp == 0x2022u ||
           cp == 0x2027u || cp == 0xFF65u;
}

static int
parse_name(const struct field_spec *f, const char *s, size_t n,
           struct field_value *v, struct err *e)
{
    struct sbuf sb = SBUF_INIT;
    size_t i = 0, len;
    int prev_dot = 1;   /* a dot may not come first */

    while (i < n) {
        uint32_t cp = u8_decode(s + i, n - i, &len);

        if (is_name_dot(cp)) {
            if (prev_dot) {
                goto bad_dot;
            }
            sbuf_adds(&sb, MIDDLE_DOT);
            prev_dot = 1;
        } else if (is_han(cp)) {
            sbuf_add(&sb, s + i, len);
            prev_dot = 0;
        } else {
            sbuf_release(&sb);
            return err_set(e, ERR_INVALID,
                           _("%s may contain only Chinese characters and the "
                             "middle dot of minority names; remove digits, "
                             "letters, spaces and punctuation."),
                           label_of(f));
        }
        i += len;
    }
    if (prev_dot) {
        goto bad_dot;
    }
    v->s = sbuf_detach(&sb);
    return 0;
bad_dot:
    sbuf_release(&sb);
    return err_set(e, ERR_INVALID,
                   _("%s: the middle dot goes between the parts of a name, "
                     "never first, last or twice in a row; check the name."),
                   label_of(f));
}

/* --- ID numbers and phones ------------------------------------------ */

static int
parse_idno(const struct field_spec *f, const struct field_ctx *ctx,
           const char *s, struct field_value *v, struct err *e)
{
    struct idno id;
    enum idno_status st;

    st = idno_parse(s, ctx != NULL ? ctx->today : DATE_NONE, &id);
    if (st != IDNO_OK) {
        return err_set(e, ERR_INVALID, _("%s: %s"), label_of(f),
                       idno_status_message(st));
    }
    v->s = xstrdup(id.id);
    return 0;
}

static size_t
count_digits(const char *s)
{
    size_t n = 0;

    while (s[n] >= '0' && s[n] <= '9') {
        n++;
    }
    return n;
}

/* Mobile: 11 digits 1[3-9]...; landline: 0 and 2-3 digits of area code,
 * '-' or a space or nothing, 7-8 digits.  Without a separator the area
 * code is 3 digits for 010 and 02x (the large cities), else 4. */
static int
parse_phone(const struct field_spec *f, const char *s, struct field_value *v,
            struct err *e)
{
    size_t n = strlen(s), lead = count_digits(s), area, local;
    struct sbuf sb = SBUF_INIT;

    if (lead == n && n == 11 && s[0] == '1' && s[1] >= '3' && s[1] <= '9') {
        v->s = xstrdup(s);
        return 0;
    }
    if (s[0] != '0' || lead < 3 || s[1] == '0') {
        goto bad;
    }
    if (lead == n) {
        area = (s[1] == '1' || s[1] == '2') ? 3 : 4;
        local = n > area ? n - area : 0;
    } else {
        if (lead > 4 || (s[lead] != '-' && s[lead] != ' ')) {
            goto bad;
        }
        area = lead;
        local = count_digits(s + lead + 1);
        if (lead + 1 + local != n) {
            goto bad;
        }
    }
    if (local < 7 || local > 8) {
        goto bad;
    }
    sbuf_add(&sb, s, area);
    sbuf_addch(&sb, '-');
    sbuf_adds(&sb, s + n - local);
    v->s = sbuf_detach(&sb);
    return 0;
bad:
    return err_set(e, ERR_INVALID,
                   _("%s must be a mobile number of 11 digits (e.g. "
                     "13812345678) or a landline with its area code (e.g. "
                     "0871-1234567); check the number."),
                   label_of(f));
}

/* --- dates and months ----------------------------------------------- */

/* Read 1..MAXD digits at *P into *OUT; advances *P.  -1 when none or
 * more than MAXD. */
static int
read_num(const char **p, size_t mind, size_t maxd, int *out)
{
    size_t n = count_digits(*p), i;
    int x = 0;

    if (n < mind || n > maxd) {
        return -1;
    }
    for (i = 0; i < n; i++) {
        x = x * 10 + ((*p)[i] - '0');
    }
    *p += n;
    *out = x;
    return 0;
}

static int
skip(const char **p, const char *word)
{
    size_t n = strlen(word);

    if (strncmp(*p, word, n) != 0) {
        return -1;
    }
    *p += n;
    return 0;
}

/* Year, month and (when D is not NULL) day from the accepted forms:
 * YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD (M and D one or two digits),
 * YYYYMMDD and YYYY年M月D日 (日 or 号); without D the same forms of a
 * month (YYYYMM, YYYY年M月).  -1 when S is none of them. */
static int
split_date(const char *s, int *y, int *m, int *d)
{
    size_t n = strlen(s), len = d != NULL ? 8 : 6;
    const char *p = s;
    char sep;

    if (count_digits(s) == n && n == len) {
        *y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
             (s[3] - '0');
        *m = (s[4] - '0') * 10 + (s[5] - '0');
        if (d != NULL) {
            *d = (s[6] - '0') * 10 + (s[7] - '0');
        }
        return 0;
    }
    if (read_num(&p, 4, 4, y) != 0) {
        return -1;
    }
    if (skip(&p, "年") == 0) {
        if (read_num(&p, 1, 2, m) != 0 || skip(&p, "月") != 0) {
            return -1;
        }
        if (d != NULL && (read_num(&p, 1, 2, d) != 0 ||
                          (skip(&p, "日") != 0 && skip(&p, "号") != 0))) {
            return -1;
        }
        return *p == '\0' ? 0 : -1;
    }
    sep = *p;
    if (sep != '-' && sep != '/' && sep != '.') {
        return -1;
    }
    p++;
    if (read_num(&p, 1, 2, m) != 0) {
        return -1;
    }
    if (d != NULL && (*p++ != sep || read_num(&p, 1, 2, d) != 0)) {
        return -1;
    }
    return *p == '\0' ? 0 : -1;
}

static int
today_of(const struct field_ctx *ctx)
{
    return ctx != NULL ? ctx->today : DATE_NONE;
}

/* N, a day number or (MONTH) a month number, as text into BUF
 * (DATE_BUF). */
static void
when_format(int month, int n, char *buf)
{
    if (month) {
        month_format(n, buf);
    } else {
        date_format(n, buf);
    }
}

/* Why year Y, month M (and day D) typed as ISO is not a day or (MONTH) a
 * month. */
static int
when_error(const struct field_spec *f, enum date_status st, int month, const char *iso,
           int y, int m, struct err *e)
{
    if (st == DATE_NOT_EXIST && (month || m < 1 || m > 12)) {
        return err_set(e, ERR_INVALID,
                       _("%s: %s does not exist: months go from 1 to 12; "
                         "check the month."),
                       label_of(f), iso);
    }
    if (st == DATE_NOT_EXIST) {
        return err_set(e, ERR_INVALID,
                       _("%s: %s does not exist: %d-%d has only %d days; "
                         "check the day."),
                       label_of(f), iso, y, m, date_days_in_month(y, m));
    }
    if (st == DATE_RANGE) {
        return err_set(e, ERR_INVALID,
                       _("%s: the year must be between 1900 and 2199; check "
                         "the year."),
                       label_of(f));
    }
    if (month) {
        return err_set(e, ERR_INVALID,
                       _("%s is not a month in a form we know; type it as "
                         "year-month, e.g. 2024-03."),
                       label_of(f));
    }
    return err_set(e, ERR_INVALID, _("%s: %s"), label_of(f),
                   date_status_message(DATE_FORMAT));
}

/* FT_DATE into a day number, FT_MONTH into a month number. */
static int
parse_when(const struct field_spec *f, const struct field_ctx *ctx,
           const char *s, struct field_value *v, struct err *e)
{
    char iso[16], a[DATE_BUF], b[DATE_BUF];
    int month = f->type == FT_MONTH, y, m, d = 1, n = 0, today = today_of(ctx);
    enum date_status st;

    if (split_date(s, &y, &m, month ? NULL : &d) != 0) {
        return err_set(e, ERR_INVALID,
                       month ? _("%s is not a month in a form we know; type it as "
                                 "year-month, e.g. 2024-03.")
                             : _("%s is not a date in a form we know; type it as "
                                 "year-month-day, e.g. 2024-03-05."),
                       label_of(f));
    }
    if (month) {
        snprintf(iso, sizeof(iso), "%04d-%02d", y, m);
        st = month_parse(iso, &n);
    } else {
        snprintf(iso, sizeof(iso), "%04d-%02d-%02d", y, m, d);
        st = date_parse(iso, &n);
    }
    if (st != DATE_OK) {
        return when_error(f, st, month, iso, y, m, e);
    }
    if (!(f->flags & FF_FUTURE) && today != DATE_NONE &&
        n > (month ? month_of(today) : today)) {
        when_format(month, month ? month_of(today) : today, a);
        return err_set(e, ERR_INVALID,
                       month ? _("%s cannot be later than this month (%s); check "
                                 "it.")
                             : _("%s cannot be later than today (%s); check the "
                                 "date."),
                       label_of(f), a);
    }
    if (f->min < f->max && (n < f->min || n > f->max)) {
        when_format(month, (int)f->min, a);
        when_format(month, (int)f->max, b);
        return err_set(e, ERR_INVALID,
                       _("%s must be between %s and %s; check it."),
                       label_of(f), a, b);
    }
    v->n = n;
    return 0;
}

/* --- numbers --------------------------------------------------------- */

static int
take_sign(const char **p, int *neg)
{
    if (**p == '-' || **p == '+') {
        *neg = **p == '-';
        (*p)++;
        return 1;
    }
    return 0;
}

static void
skip_blanks(const char **p)
{
    while (**p == ' ' || **p == '\t') {
        (*p)++;
    }
}

/* An amount or a decimal out of its bounds: an amount over its sanity
 * bound says the bound. */
static int
out_of_bounds(const struct field_spec *f, int64_t n, struct err *e)
{
    char a[MONEY_BUF], b[MONEY_BUF];

    money_format(f->min, f->type == FT_MONEY, a);
    money_format(f->max, f->type == FT_MONEY, b);
    if (f->type != FT_MONEY) {
        return err_set(e, ERR_INVALID, _("%s must be between %s and %s; check it."),
                       label_of(f), a, b);
    }
    if (f->min >= 0 && n > f->max) {
        return err_set(e, ERR_INVALID,
                       _("%s is more than %s yuan, the most any real amount of it "
                         "comes to; check the amount (a digit too many?)."),
                       label_of(f), b);
    }
    return err_set(e, ERR_INVALID,
                   _("%s must be between %s and %s yuan; check the "
                     "amount."),
                   label_of(f), a, b);
}

/* FT_MONEY: yuan into fen; FT_DECIMAL: a number into hundredths. */
static int
parse_money(const struct field_spec *f, const char *s, struct field_value *v,
            struct err *e)
{
    struct sbuf sb = SBUF_INIT;
    const char *p = s, *end;
    int neg = 0, has_sign, money = f->type == FT_MONEY;
    int64_t fen = 0;
    enum money_status st;

    /* "-￥1,234.50元", "¥-5", "12元": the currency signs are dropped. */
    has_sign = take_sign(&p, &neg);
    skip_blanks(&p);
    if (money && (skip(&p, "\xC2\xA5") == 0 || skip(&p, "\xEF\xBF\xA5") == 0)) {
        skip_blanks(&p);
        if (!has_sign) {
            take_sign(&p, &neg);
        }
    }
    end = p + strlen(p);
    if (money && end - p >= 3 && memcmp(end - 3, "元", 3) == 0) {
        end -= 3;
        while (end > p && (end[-1] == ' ' || end[-1] == '\t')) {
            end--;
        }
    }
    if (neg) {
        sbuf_addch(&sb, '-');
    }
    sbuf_add(&sb, p, (size_t)(end - p));
    st = money_parse(sb.buf, (f->flags & FF_NEGATIVE) != 0, &fen);
    sbuf_release(&sb);
    switch (st) {
    case MONEY_OK:
        break;
    case MONEY_NEGATIVE:
        return err_set(e, ERR_INVALID,
                       _("%s cannot be negative; remove the minus sign."),
                       label_of(f));
    case MONEY_DECIMALS:
        return err_set(e, ERR_INVALID,
                       money ? _("%s has at most two decimals (fen), e.g. 1234.50; "
                                 "check the amount.")
                             : _("%s has at most two decimals, e.g. 12.5; check "
                                 "the number."),
                       label_of(f));
    case MONEY_TOO_LARGE:
        return err_set(e, ERR_INVALID,
                       money ? _("%s is too large: at most 999999999999.99 yuan; "
                                 "check the amount.")
                             : _("%s: the number is too large; check it."),
                       label_of(f));
    default:
        return err_set(e, ERR_INVALID,
                       money ? _("%s is not an amount; type yuan with at most two "
                                 "decimals, e.g. 1234.50.")
                             : _("%s is not a number; type it with at most two "
                                 "decimals, e.g. 12.5."),
                       label_of(f));
    }
    if (f->min < f->max && (fen < f->min || fen > f->max)) {
        return out_of_bounds(f, fen, e);
    }
    v->n = fen;
    return 0;
}

static int
parse_int(const struct field_spec *f, const char *s, struct field_value *v,
          struct err *e)
{
    const char *p = s;
    int neg = 0, over = 0;
    uint64_t x = 0, limit;
    size_t nd;
    int64_t n;

    take_sign(&p, &neg);
    nd = count_digits(p);
    if (nd == 0 || p[nd] != '\0') {
        return err_set(e, ERR_INVALID,
                       _("%s must be a whole number (digits only), e.g. 12."),
                       label_of(f));
    }
    limit = neg ? (uint64_t)INT64_MAX + 1u : (uint64_t)INT64_MAX;
    for (; *p != '\0'; p++) {
        unsigned dg = (unsigned)(*p - '0');

        if (x > (limit - dg) / 10u) {
            over = 1;
            break;
        }
        x = x * 10u + dg;
    }
    if (neg && (over || x != 0) && !(f->flags & FF_NEGATIVE)) {
        return err_set(e, ERR_INVALID,
                       _("%s cannot be negative; remove the minus sign."),
                       label_of(f));
    }
    if (over) {
        return err_set(e, ERR_INVALID,
                       _("%s: the number is too large; check it."),
                       label_of(f));
    }
    if (neg) {
        n = x == (uint64_t)INT64_MAX + 1u ? INT64_MIN : -(int64_t)x;
    } else {
        n = (int64_t)x;
    }
    if (f->min < f->max && (n < f->min || n > f->max)) {
        char a[32], b[32];

        snprintf(a, sizeof(a), "%" PRId64, f->min);
        snprintf(b, sizeof(b), "%" PRId64, f->max);
        return err_set(e, ERR_INVALID,
                       _("%s must be between %s and %s; check it."),
                       label_of(f), a, b);
    }
    v->n = n;
    return 0;
}

/* --- codes ------------------------------------------------------------ */

static const struct code *
find_short(const struct code_table *t, const char *s)
{
    size_t i;

    for (i = 0; i < t->n; i++) {
        if (t->v[i].short_label != NULL &&
            strcmp(t->v[i].short_label, s) == 0) {
            return &t->v[i];
        }
    }
    return NULL;
}

static const struct code *
find_exact(const struct code_table *t, const char *s)
{
    const struct code *c = code_find(t, s);

    if (c == NULL) {
        c = code_find_label(t, s);
    }
    if (c == NULL) {
        c = find_short(t, s);
    }
    return c;
}

/* The entry of T that S (N bytes, as typed) names: its code, label or
 * short label, as typed or with full-width forms folded, the code in
 * upper case, or the one label that starts with it (code_find_loose).
 * NULL otherwise; *AMBIGUOUS says whether several labels start with it. */
static const struct code *
resolve(const struct code_table *t, const char *s, size_t n, int *ambiguous)
{
    struct sbuf raw = SBUF_INIT, folded = SBUF_INIT, upper = SBUF_INIT;
    const struct code *c;
    size_t i, hits = 0;

    *ambiguous = 0;
    sbuf_add(&raw, s, n);
    fold(s, n, &folded);
    c = find_exact(t, raw.buf);
    if (c == NULL) {
        c = find_exact(t, folded.buf);
    }
    if (c == NULL) {
        for (i = 0; i < folded.len; i++) {
            char ch = folded.buf[i];

            sbuf_addch(&upper, ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch);
        }
        c = code_find(t, upper.buf);
    }
    if (c == NULL) {
        c = code_find_loose(t, folded.buf);
    }
    if (c == NULL) {
        for (i = 0; i < t->n; i++) {
            hits += strncmp(t->v[i].label, folded.buf, folded.len) == 0;
        }
        *ambiguous = hits > 1;
    }
    sbuf_release(&raw);
    sbuf_release(&folded);
    sbuf_release(&upper);
    return c;
}

static int
code_error(const struct field_spec *f, const char *s, size_t n, int ambiguous,
           struct err *e)
{
    struct sbuf item = SBUF_INIT, shown = SBUF_INIT;
    int rc;

    sbuf_add(&item, s, n);
    add_shown(item.buf, &shown);
    if (ambiguous) {
        rc = err_set(e, ERR_INVALID,
                     _("%s: %s matches more than one entry; type more of it, "
                       "or press Enter (or F4) to pick from the list."),
                     label_of(f), shown.buf);
    } else {
        rc = err_set(e, ERR_INVALID,
                     _("%s: %s is not in the list; press Enter (or F4) to "
                       "pick from the list."),
                     label_of(f), shown.buf);
    }
    sbuf_release(&item);
    sbuf_release(&shown);
    return rc;
}

static const struct code_table *
table_of(const struct field_spec *f, const struct field_ctx *ctx,
         struct err *e)
{
    const struct code_table *t = NULL;

    if (ctx != NULL && f->table != NULL) {
        t = codebook_table(ctx->codes, f->table);
    }
    if (t == NULL) {
        err_set(e, ERR_INVALID,
                _("%s: the code table \"%s\" is not in the policy files; "
                  "ask the administrator to check codes.conf."),
                label_of(f), f->table != NULL ? f->table : "");
    }
    return t;
}

static int
parse_code(const struct field_spec *f, const struct field_ctx *ctx,
           const char *s, size_t n, struct field_value *v, struct err *e)
{
    const struct code_table *t = table_of(f, ctx, e);
    const struct code *c;
    int ambiguous;

    if (t == NULL) {
        return -1;
    }
    c = resolve(t, s, n, &ambiguous);
    if (c == NULL) {
        return code_error(f, s, n, ambiguous, e);
    }
    v->s = xstrdup(c->code);
    return 0;
}

/* Separators between the items of FT_CODES: , ; 、 (also full-width)
 * and blanks. */
static int
is_codes_sep(uint32_t cp)
{
    cp = fold_cp(cp);
    return cp == ',' || cp == ';' || cp == 0x3001u || is_blank_cp(cp);
}

struct item {
    const char *s;
    size_t n;
};

/* Returns 1 when TEXT holds separators only (nothing chosen). */
static int
parse_codes(const struct field_spec *f, const struct field_ctx *ctx,
            const char *s, size_t n, struct field_value *v, struct err *e)
{
    const struct code_table *t = table_of(f, ctx, e);
    const struct code **found = NULL;
    struct item *items = NULL;
    size_t nitems = 0, alloc = 0, i = 0, j, len, max;
    struct sbuf out = SBUF_INIT;
    int rc = -1, ambiguous;

    if (t == NULL) {
        return -1;
    }
    max = f->max_codes > 0 ? (size_t)f->max_codes : DEFAULT_MAX_CODES;
    while (i < n) {
        size_t start;

        while (i < n && is_codes_sep(u8_decode(s + i, n - i, &len))) {
            i += len;
        }
        start = i;
        while (i < n && !is_codes_sep(u8_decode(s + i, n - i, &len))) {
            i += len;
        }
        if (i > start) {
            items = xgrow(items, &alloc, nitems + 1, sizeof(*items));
            items[nitems].s = s + start;
            items[nitems].n = i - start;
            nitems++;
        }
    }
    if (nitems == 0) {
        rc = 1;     /* separators only: nothing was chosen */
        goto out;
    }
    if (nitems > max) {
        err_set(e, ERR_INVALID,
                _("%s: choose at most %zu items; %zu were given. Remove "
                  "some."),
                label_of(f), max, nitems);
        goto out;
    }
    found = xcalloc(nitems > 0 ? nitems : 1, sizeof(*found));
    for (i = 0; i < nitems; i++) {
        found[i] = resolve(t, items[i].s, items[i].n, &ambiguous);
        if (found[i] == NULL) {
            code_error(f, items[i].s, items[i].n, ambiguous, e);
            goto out;
        }
        for (j = 0; j < i; j++) {
            if (found[j] == found[i]) {
                err_set(e, ERR_INVALID,
                        _("%s: %s is given twice; keep it once."),
                        label_of(f), found[i]->label);
                goto out;
            }
        }
        if (i > 0) {
            sbuf_addch(&out, ',');
        }
        sbuf_adds(&out, found[i]->code);
    }
    v->s = sbuf_detach(&out);
    rc = 0;
out:
    sbuf_release(&out);
    free(found);
    free(items);
    return rc;
}

/* --- yes and no ---------------------------------------------------------- */

static int
parse_yesno(const struct field_spec *f, const char *s, struct field_value *v,
            struct err *e)
{
    static const char *const yes[] = {"是", "有", "y", "yes", "1"};
    static const char *const no[] = {"否", "无", "n", "no", "0"};
    char low[16];
    size_t i, n = strlen(s);

    if (n >= sizeof(low)) {
        goto bad;
    }
    for (i = 0; i <= n; i++) {
        low[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i];
    }
    for (i = 0; i < ARRAY_SIZE(yes); i++) {
        if (strcmp(low, yes[i]) == 0) {
            v->n = 1;
            return 0;
        }
        if (strcmp(low, no[i]) == 0) {
            v->n = 0;
            return 0;
        }
    }
    /* What field_format shows, in whatever language. */
    if (strcmp(s, _("yes")) == 0) {
        v->n = 1;
        return 0;
    }
    if (strcmp(s, _("no")) == 0) {
        v->n = 0;
        return 0;
    }
bad:
    return err_set(e, ERR_INVALID,
                   _("%s: answer yes or no (also y or n, 1 or 0)."),
                   label_of(f));
}

/* --- the entry points ------------------------------------------------ */

static int
too_long(const struct field_spec *f, int max, size_t chars, struct err *e)
{
    return err_set(e, ERR_INVALID,
                   _("%s takes at most %d characters; %zu were typed. "
                     "Please shorten it."),
                   label_of(f), max, chars);
}

int
field_parse(const struct field_spec *f, const struct field_ctx *ctx,
            const char *text, struct field_value *v, struct err *e)
{
    const char *s;
    size_t n, chars;
    int max, rc;
    struct sbuf folded = SBUF_INIT;

    field_value_clear(v);
    if (text == NULL) {
        text = "";
    }
    n = strlen(text);
    if (!u8_valid(text, n)) {
        return err_set(e, ERR_INVALID,
                       _("%s contains bytes that are not valid text "
                         "(UTF-8); delete them and type it again."),
                       label_of(f));
    }
    s = trim(text, &n);
    if (n == 0) {
        if (f->flags & FF_REQUIRED) {
            return err_set(e, ERR_INVALID, _("Please fill in %s."),
                           label_of(f));
        }
        v->empty = 1;
        return 0;
    }
    max = field_max_chars(f);
    chars = count_chars(s, n);
    /* Text is refused for its length at once; a value of a form (a date,
     * a phone...) is parsed first, so that "2024-03-05" in a month field
     * is told the form it lacks, and refused for its length only when
     * it is otherwise well formed ("000000000000000000000001").  A code's
     * text that names an entry of its table is taken whatever its length:
     * a label may be long (a receipt with what it has left). */
    if (chars > (size_t)max &&
        (chars > FIELD_TEXT_MAX || f->type == FT_TEXT ||
         f->type == FT_LONGTEXT || f->type == FT_NAME)) {
        return too_long(f, max, chars, e);
    }
    if (has_control(s, n, f->type == FT_LONGTEXT)) {
        return err_set(e, ERR_INVALID,
                       _("%s contains a control character (such as a tab "
                         "or a line break); delete it."),
                       label_of(f));
    }
    fold(s, n, &folded);
    switch (f->type) {
    case FT_NAME:
        rc = parse_name(f, s, n, v, e);
        break;
    case FT_IDNO:
        rc = parse_idno(f, ctx, folded.buf, v, e);
        break;
    case FT_PHONE:
        rc = parse_phone(f, folded.buf, v, e);
        break;
    case FT_DATE:
    case FT_MONTH:
        rc = parse_when(f, ctx, folded.buf, v, e);
        break;
    case FT_MONEY:
    case FT_DECIMAL:
        rc = parse_money(f, folded.buf, v, e);
        break;
    case FT_INT:
        rc = parse_int(f, folded.buf, v, e);
        break;
    case FT_CODE:
        rc = parse_code(f, ctx, s, n, v, e);
        break;
    case FT_CODES:
        rc = parse_codes(f, ctx, s, n, v, e);
        break;
    case FT_YESNO:
        rc = parse_yesno(f, folded.buf, v, e);
        break;
    case FT_LONGTEXT:
        rc = parse_text(s, n, 1, v);
        break;
    case FT_TEXT:
    default:
        rc = parse_text(s, n, 0, v);
        break;
    }
    sbuf_release(&folded);
    if (rc == 1) {
        if (f->flags & FF_REQUIRED) {
            return err_set(e, ERR_INVALID, _("Please fill in %s."),
                           label_of(f));
        }
        return 0;   /* V is empty */
    }
    if (rc == 0 && chars > (size_t)max && f->type != FT_CODE) {
        rc = too_long(f, max, chars, e);
    }
    if (rc != 0) {
        field_value_clear(v);
    } else {
        v->empty = 0;
    }
    return rc;
}

/* _("yes") or _("no"), looked up once per language. */
static const char *
yes_no(int64_t n)
{
    static const char *word[2];
    static unsigned gen;
    static int known;

    if (!known || gen != i18n_generation()) {
        word[0] = _("no");
        word[1] = _("yes");
        gen = i18n_generation();
        known = 1;
    }
    return word[n != 0];
}

void
field_format(const struct field_spec *f, const struct field_ctx *ctx,
             const struct field_value *v, struct sbuf *out)
{
    const struct codebook *cb = ctx != NULL ? ctx->codes : NULL;
    char buf[MONEY_BUF + DATE_BUF];

    if (v->empty) {
        return;
    }
    switch (f->type) {
    case FT_DATE:
        if (v->n >= INT_MIN && v->n <= INT_MAX) {
            date_format((int)v->n, buf);
            sbuf_adds(out, buf);
        }
        break;
    case FT_MONTH:
        if (v->n >= 0 && v->n <= INT_MAX) {
            month_format((int)v->n, buf);
            sbuf_adds(out, buf);
        }
        break;
    case FT_MONEY:
    case FT_DECIMAL:
        money_format(v->n, 0, buf);
        sbuf_adds(out, buf);
        break;
    case FT_INT:
        sbuf_add_i64(out, v->n);
        break;
    case FT_YESNO:
        sbuf_adds(out, yes_no(v->n));
        break;
    case FT_CODE:
        if (v->s != NULL && f->table != NULL) {
            sbuf_adds(out, code_label(cb, f->table, v->s));
        } else if (v->s != NULL) {
            sbuf_adds(out, v->s);
        }
        break;
    case FT_CODES:
        if (v->s != NULL) {
            const char *p = v->s;

            while (*p != '\0') {
                size_t len = strcspn(p, ",");
                char *code = xstrndup(p, len);

                if (p != v->s) {
                    sbuf_adds(out, "、");
                }
                sbuf_adds(out, f->table != NULL ?
                          code_label(cb, f->table, code) : code);
                free(code);
                p += len;
                if (*p == ',') {
                    p++;
                }
            }
        }
        break;
    default:
        if (v->s != NULL) {
            sbuf_adds(out, v->s);
        }
        break;
    }
}

void
field_value_clear(struct field_value *v)
{
    free(v->s);
    v->s = NULL;
    v->n = 0;
    v->empty = 1;
}

void
field_value_num(struct field_value *v, int64_t n)
{
    field_value_clear(v);
    v->empty = 0;
    v->n = n;
}

void
field_value_str(struct field_value *v, const char *s)
{
    field_value_clear(v);
    if (s != NULL && s[0] != '\0') {
        v->empty = 0;
        v->s = xstrdup(s);
    }
}
