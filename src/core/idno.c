/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * idno.c - GB 11643-1999 identity numbers.
 */
#include "config.h"
#include "core/idno.h"

#include <string.h>

#include "core/date.h"
#include "util/array.h"
#include "util/i18n.h"

char
idno_check_char(const char *first17)
{
    static const int weight[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3,
                                   7, 9, 10, 5, 8, 4, 2};
    static const char check[11] = "10X98765432";
    int sum = 0, i;

    for (i = 0; i < 17; i++) {
        sum += (first17[i] - '0') * weight[i];
    }
    return check[sum % 11];
}

/* The province codes of GB/T 2260 (71 Taiwan, 81 Hong Kong, 82 Macao). */
static int
province_known(const char *s)
{
    static const char *const prov[] = {
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33",
        "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50",
        "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81",
        "82",
    };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(prov); i++) {
        if (s[0] == prov[i][0] && s[1] == prov[i][1]) {
            return 1;
        }
    }
    return 0;
}

static int
all_digits(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return 0;
        }
    }
    return 1;
}

/* Copy IN without surrounding blanks into BUF (size N); 0 if too long. */
static size_t
trimmed(const char *in, char *buf, size_t n)
{
    const char *end;
    size_t len;

    while (*in == ' ' || *in == '\t') {
        in++;
    }
    end = in + strlen(in);
    while (end > in && (end[-1] == ' ' || end[-1] == '\t')) {
        end--;
    }
    len = (size_t)(end - in);
    if (len >= n) {
        return len;
    }
    memcpy(buf, in, len);
    buf[len] = '\0';
    return len;
}

/* Check the birth date at B (8 digits YYYYMMDD). */
static enum idno_status
check_birth(const char *b, int today, int *birth)
{
    int y = 0, m = 0, d = 0, i;

    for (i = 0; i < 4; i++) {
        y = y * 10 + (b[i] - '0');
    }
    m = (b[4] - '0') * 10 + (b[5] - '0');
    d = (b[6] - '0') * 10 + (b[7] - '0');
    if (!date_valid(y, m, d)) {
        return IDNO_DATE;
    }
    if (y < 1800) {
        return IDNO_TOO_OLD;
    }
    *birth = date_from_ymd(y, m, d);
    if (*birth > today) {
        return IDNO_FUTURE;
    }
    return IDNO_OK;
}

enum idno_status
idno_parse(const char *in, int today, struct idno *out)
{
    char buf[IDNO_BUF + 1], id[IDNO_BUF];
    size_t len = in != NULL ? trimmed(in, buf, sizeof(buf)) : 0;
    enum idno_status st;
    int birth = 0;

    if (len == 0) {
        return IDNO_EMPTY;
    }
    if (len != 15 && len != 18) {
        return IDNO_LENGTH;
    }
    if (len == 18 && buf[17] == 'x') {
        buf[17] = 'X';
    }
    if (!all_digits(buf, len == 18 ? 17 : 15) ||
        (len == 18 && !(buf[17] == 'X' || (buf[17] >= '0' && buf[17] <= '9')))) {
        return IDNO_CHARS;
    }
    if (!province_known(buf)) {
        return IDNO_REGION;
    }
    if (len == 15) {
        /* GB 11643-1989: insert the century "19" and compute the check. */
        memcpy(id, buf, 6);
        id[6] = '1';
        id[7] = '9';
        memcpy(id + 8, buf + 6, 9);
        id[17] = idno_check_char(id);
        id[18] = '\0';
    } else {
        memcpy(id, buf, IDNO_BUF);
    }
    st = check_birth(id + 6, today, &birth);
    if (st != IDNO_OK) {
        return st;
    }
    if (len == 18 && idno_check_char(id) != id[17]) {
        return IDNO_CHECK;
    }
    memcpy(out->id, id, IDNO_BUF);
    out->birth = birth;
    out->sex = ((id[16] - '0') % 2) ? SEX_MALE : SEX_FEMALE;
    out->upgraded = len == 15;
    return IDNO_OK;
}

static const char *const idno_messages[] = {
    [IDNO_EMPTY] = N_("the ID number is empty"),
    [IDNO_LENGTH] = N_("an ID number has 18 characters (old ones 15); count the digits again"),
    [IDNO_CHARS] = N_("an ID number has only digits, and X as the last character"),
    [IDNO_REGION] = N_("the first two digits of the ID number are not a province code; check them"),
    [IDNO_DATE] = N_("the birth date in the ID number (digits 7-14) does not exist; check them"),
    [IDNO_FUTURE] = N_("the birth date in the ID number is in the future; check digits 7-14"),
    [IDNO_TOO_OLD] = N_("the birth date in the ID number is before 1800; check digits 7-14"),
    [IDNO_CHECK] = N_("the last character of the ID number does not match the others (check digit); one of them is mistyped"),
};

const char *
idno_status_message(enum idno_status st)
{
    return i18n_pick(idno_messages, ARRAY_SIZE(idno_messages), st);
}

void
idno_mask(const char *id, char out[IDNO_BUF])
{
    size_t len = strlen(id), keep, stars, i;
    int ascii = 1;

    for (i = 0; i < len; i++) {
        ascii &= (unsigned char)id[i] < 0x80;
    }
    if (len == 18 && ascii) {
        memcpy(out, id, 6);
        memset(out + 6, '*', 8);
        memcpy(out + 14, id + 14, 4);
        out[18] = '\0';
        return;
    }
    /* Anything else: stars, then the last four characters when there are
     * more than four and the text is ASCII (no character cut in half). */
    keep = len > 4 && ascii ? 4 : 0;
    stars = (len > 18 ? 18 : len) - keep;
    memset(out, '*', stars);
    memcpy(out + stars, id + len - keep, keep);
    out[stars + keep] = '\0';
}

void
phone_mask(const char *phone, char out[PHONE_MASK_BUF])
{
    size_t len = strlen(phone), i;
    int ascii = 1;

    for (i = 0; i < len; i++) {
        ascii &= (unsigned char)phone[i] < 0x80;
    }
    if (len == 0) {
        out[0] = '\0';
    } else if (len < 8 || len >= PHONE_MASK_BUF || !ascii) {
        strcpy(out, "****");
    } else {
        memcpy(out, phone, 3);
        memcpy(out + 3, "****", 4);
        memcpy(out + 7, phone + len - 4, 5);
    }
}

void
mask_long_numbers(char *s)
{
    size_t i = 0, k;

    while (s[i] != '\0') {
        for (k = i; s[k] >= '0' && s[k] <= '9'; k++) {
        }
        if (k - i == 17 && (s[k] == 'X' || s[k] == 'x')) {
            k++;
        }
        if (k - i >= 11) {
            memset(s + i, '*', k - i);
        }
        i = k > i ? k : i + 1;
    }
}
