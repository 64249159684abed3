/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * need.c - the checks every record's fields share (see need.h).
 */
#include "config.h"
#include "core/need.h"

#include <string.h>

#include "core/date.h"
#include "core/field.h"
#include "core/money.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/u8.h"

int
need_code(const struct codebook *cb, const char *table, const char *code,
          int required, const char *what, struct err *e)
{
    if (code[0] == '\0') {
        return required ? err_set(e, ERR_INVALID, _("choose the %s"), what) : 0;
    }
    if (code_find(codebook_table(cb, table), code) == NULL) {
        return err_set(e, ERR_INVALID, _("'%s' is not a code of the %s"), code, what);
    }
    return 0;
}

int
need_text(const char *s, int required, const char *what, struct err *e)
{
    if (s == NULL || s[0] == '\0') {
        return required ? err_set(e, ERR_INVALID, _("give the %s"), what) : 0;
    }
    if (!u8_valid(s, strlen(s))) {
        return err_set(e, ERR_INVALID, _("the %s is not valid text"), what);
    }
    if (strlen(s) > NEED_TEXT_MAX) {
        return err_set(e, ERR_INVALID, _("the %s is too long (at most %d bytes)"), what, NEED_TEXT_MAX);
    }
    return 0;
}

int
need_phone(const char *s, int required, struct err *e)
{
    static const struct field_spec phone = {.name = "phone", .label = N_("Phone"),
                                            .type = FT_PHONE};
    struct field_value v;
    int rc;

    if (s == NULL || s[0] == '\0') {
        return required ? err_set(e, ERR_INVALID, _("give the %s"), _("phone")) : 0;
    }
    memset(&v, 0, sizeof(v));
    rc = field_parse(&phone, NULL, s, &v, e);
    field_value_clear(&v);
    return rc;
}

int
need_year(int year, struct err *e)
{
    if (year < 2000 || year > 2100) {
        return err_set(e, ERR_INVALID, _("the year must be from 2000 to 2100"));
    }
    return 0;
}

int
need_date(int day, int today, int required, const char *what, struct err *e)
{
    if (day == DATE_NONE) {
        return required ? err_set(e, ERR_INVALID, _("give the %s"), what) : 0;
    }
    if (day > today) {
        return err_set(e, ERR_INVALID, _("the %s cannot be in the future"), what);
    }
    return 0;
}

int
need_amount(int64_t fen, int positive, const char *what, struct err *e)
{
    if (fen < 0) {
        return err_set(e, ERR_INVALID, _("the %s cannot be negative"), what);
    }
    if (fen > MONEY_MAX_FEN) {
        return err_set(e, ERR_INVALID, _("the %s is too large"), what);
    }
    if (positive && fen == 0) {
        return err_set(e, ERR_INVALID, _("the %s must be more than 0"), what);
    }
    return 0;
}

int
need_count(int n, const char *what, struct err *e)
{
    if (n < 0 || n > 10000000) {
        return err_set(e, ERR_INVALID, _("the %s must be a number from 0 to 10,000,000"), what);
    }
    return 0;
}

int
need_publicity(int start, int end, int min_days, int today, struct err *e)
{
    if (start == DATE_NONE || end == DATE_NONE) {
        return err_set(e, ERR_INVALID, _("give the first and the last day of the publicity"));
    }
    if (end < start) {
        return err_set(e, ERR_INVALID, _("the publicity ends before it starts"));
    }
    if (end - start + 1 < min_days) {
        return err_set(e, ERR_RULE, _("the publicity lasts %d days; it must last at least %d days"),
                       end - start + 1, min_days);
    }
    if (start > today) {
        return err_set(e, ERR_INVALID, _("the publicity cannot start in the future"));
    }
    return 0;
}

int
need_step_day(int day, int prev, int today, struct err *e)
{
    char d[DATE_BUF];

    if (day == DATE_NONE) {
        return err_set(e, ERR_INVALID, _("give the date of the step"));
    }
    if (day > today) {
        return err_set(e, ERR_INVALID, _("the date of the step cannot be in the future"));
    }
    if (prev != DATE_NONE && day < prev) {
        date_format(prev, d);
        return err_set(e, ERR_INVALID, _("the date cannot be before the previous step (%s)"), d);
    }
    return 0;
}
