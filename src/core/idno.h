/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * idno.h - resident identity numbers (公民身份号码, GB 11643-1999):
 * validation, the MOD 11-2 check character, sex and birth date, the
 * 15-to-18 digit upgrade, and masking (first 6 + last 4).
 */
#ifndef ZX_IDNO_H
#define ZX_IDNO_H

#include <stddef.h>

/* 18 characters and NUL. */
#define IDNO_BUF 19

enum idno_status {
    IDNO_OK = 0,
    IDNO_EMPTY,
    IDNO_LENGTH,   /* not 15 or 18 characters */
    IDNO_CHARS,    /* a character other than digits (and a final X) */
    IDNO_REGION,   /* the first two digits are no province */
    IDNO_DATE,     /* the birth date does not exist */
    IDNO_FUTURE,   /* born after today */
    IDNO_TOO_OLD,  /* born before 1800 (GB 11643 examples use 1880) */
    IDNO_CHECK,    /* the check character does not match */
};

enum sex {
    SEX_UNKNOWN = 0,
    SEX_MALE = 1,
    SEX_FEMALE = 2,
};

struct idno {
    char id[IDNO_BUF];  /* normalized: 18 characters, X upper case */
    int birth;          /* day number */
    enum sex sex;
    int upgraded;       /* 1 when the input had 15 digits */
};

/* Validate IN (blanks around it are ignored; a lowercase x is accepted)
 * against TODAY (a day number).  On IDNO_OK fills OUT. */
enum idno_status idno_parse(const char *in, int today, struct idno *out);

/* A user-facing (translated) sentence saying what is wrong and how to
 * fix it. */
const char *idno_status_message(enum idno_status st);

/* The check character for the first 17 digits. */
char idno_check_char(const char *first17);

/* "110105********002X": first 6 and last 4 kept.  Other input: stars
 * (at most 18 in all) and the last 4 characters when there are more than
 * 4 and they are ASCII. */
void idno_mask(const char *id, char out[IDNO_BUF]);

#define PHONE_MASK_BUF 24
/* "138****1234": the first 3 and the last 4 digits of a phone number of
 * 8 or more characters kept; shorter or non-ASCII input: "****"; empty
 * input stays empty. */
void phone_mask(const char *phone, char out[PHONE_MASK_BUF]);

/* Free text for a print posted in public: every run of 11 or more ASCII
 * digits in S (an ID number with its final X, a mobile phone, a bank
 * account typed into a description) becomes asterisks, in place, so the
 * text keeps its length.  Shorter numbers (amounts, years, landlines
 * written with an area code and a dash) stay. */
void mask_long_numbers(char *s);

#endif
