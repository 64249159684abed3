/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * summary.h - one line per household for the lists: what the list shows
 * and sorts by, the dates that make it overdue (compared with today when
 * the list is read, so they never go stale), the count of data-quality
 * findings, and the words it is found by.
 */
#ifndef ZX_SUMMARY_H
#define ZX_SUMMARY_H

#include <stdint.h>

#include "core/household.h"
#include "core/rules.h"

struct sbuf;

struct hh_summary {
    int64_t id;
    char hh_no[HH_NO_BUF];
    char head[NAME_BUF];          /* the head's name ("" when none) */
    int64_t township_id;
    int64_t village_id;
    int members;
    char hh_type[CODE_BUF];
    char category[CODE_BUF];      /* "" without an open case */
    char risks[64];               /* codes, comma-separated */
    enum case_state state;        /* CS_NONE without a case */
    int64_t per_capita;           /* of the latest income record */
    int income_year;              /* 0 without income records */
    int last_visit;               /* DATE_NONE when never visited */
    int identified_on;            /* DATE_NONE */
    int deadline;                 /* next step of a procedure, or DATE_NONE */
    int visit_due;                /* next visit due, or DATE_NONE */
    int measure_due;              /* development measure due, or DATE_NONE */
    int errors, warnings;         /* findings that do not depend on today */
};

/* Summarize S.  SCRATCH is reused between calls (findings_free it). */
void hh_summarize(const struct rule_ctx *ctx, const struct hh_snapshot *s,
                  struct hh_summary *out, struct findings *scratch);

/* 1 when SUM is overdue on TODAY (a step, a visit or a measure). */
int hh_summary_overdue(const struct hh_summary *sum, int today);

/* The words S is found by, space-separated: "n" + every suffix of every
 * member's name, "p" + pinyin initials, "d" + ID number, "i" + the last six
 * characters of the ID reversed, "h" + household number, "r" + the
 * household number reversed (its tail finds it).  See search_terms_query()
 * for the matching query. */
void hh_search_terms(const struct hh_snapshot *s, struct sbuf *out);

/* What kind of text a search is. */
enum search_kind {
    SEARCH_NONE = 0,     /* nothing usable yet */
    SEARCH_NAME,         /* Chinese: name or village substring */
    SEARCH_INITIALS,     /* letters: pinyin initials */
    SEARCH_NUMBER,       /* digits (and X): ID, ID tail, household number
                          * or its tail */
    SEARCH_MIXED,        /* several of these ("张1234"): each must match */
};

/* Turn what the user typed into a full-text query over the terms of
 * hh_search_terms() (into OUT, empty when there is none), and say what
 * kind of search it is.  Each run of one kind of text (Chinese, Latin
 * letters, digits) is a part every household found must match; a run too
 * short to narrow anything (one letter, fewer than four digits) is left
 * out.  CLEAN gets the text searched for when it is of one kind (for
 * village names). */
enum search_kind search_terms_query(const char *typed, struct sbuf *out,
                                    struct sbuf *clean);

/* The part of a number's query (search_terms_query) finding it as the
 * tail of an ID number (4 to 6 digits) or of a household number, added
 * to Q with OR: the starts of both are looked up by their own indexes
 * (db_list.c), never as index prefixes most households share. */
void search_number_tails(const char *digits, struct sbuf *q);

/* 1 when the search terms TERMS (as hh_search_terms made them) match
 * QUERY (as search_terms_query made it) as the search index would: every
 * group of QUERY has a prefix starting one of the terms (ASCII letters
 * compared without case, as the index's tokenizer folds them).  The
 * list tests a row with it when most rows match, where asking the index
 * would collect them all. */
int search_terms_match(const char *terms, const char *query);

#endif
