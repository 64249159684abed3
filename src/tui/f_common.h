/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * f_common.h - what the form kinds share: the field table of members,
 * the villages and places to choose from, and the acting user.
 */
#ifndef ZX_F_COMMON_H
#define ZX_F_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "core/rules.h"
#include "tui/f_bind.h"

struct form;
struct err;

/* The fields several forms have: a record's note, a phone number, a
 * household's type. */
extern const struct field_spec form_note;
extern const struct field_spec form_phone;
extern const struct field_spec form_hh_type;

/* The day of a step (of a case or a project), or with PUBLICITY the days
 * of its publicity, DAYS long from today; and reading them back (the
 * publicity's first day is the step's).  FORM_STEP_NOTE: anything to
 * record with the step. */
void form_step_days(struct form *fm, int publicity, int days);
void form_step_days_read(struct form *fm, int *day, int *pub_start, int *pub_end);
/* The form kind's `left` for item I, with DAYS the publicity's days of
 * the rules in force on a day (0: none known): when I is the publicity's
 * first day, moved, and its last day was still the default for the first
 * day it held, the last day follows: the new first day + DAYS(it) - 1,
 * by the rules of the new first day's year (the record's own date, not
 * today's). */
void form_step_days_follow(struct form *fm, size_t i, int (*days)(struct form *fm, int day));
extern const struct field_spec form_step_note;

/* A member's fields (brief ones also for a member of a new household). */
extern const struct bind member_binds[];
extern const size_t member_nbinds;

/* Add the choice table "village": the administrative villages the user
 * may enter households in, code = the village's id, label "乡镇 行政村". */
int form_villages(struct form *fm, struct err *e);
/* Add the choice table "place": the townships the user sees whole and
 * the villages, code = the division's id. */
int form_places(struct form *fm, struct err *e);
/* The same as a record form's loaded (REC unused). */
int form_rec_villages(struct form *fm, void *rec, struct err *e);
int form_rec_places(struct form *fm, void *rec, struct err *e);
/* The township and village (0 for a township) of place PLACE. */
int form_place_split(struct form *fm, int64_t place, int64_t *township,
                     int64_t *village, struct err *e);

/* The form's own table ID titled TITLE of the N choices CODES with their
 * LABELS (N_, translated here): a dialog's choices that are no code table. */
void form_choices(struct form *fm, const char *id, const char *title,
                  const char *const *codes, const char *const *labels, size_t n);

/* DIR/NAME for a file the user saves (a print, an export), DIR the
 * setting print_dir, else the home directory (caller frees). */
char *form_save_path(struct form *fm, const char *name);

/* A new record's field NAME starts empty (an amount, not "0.00"). */
void form_blank(struct form *fm, const char *name);

/* Field NAME of GROUP is derived from another field, which gave WAS
 * when the user came to it and gives NOW (values; empty when it gives
 * none): it takes NOW unless the user set it otherwise, that is unless
 * its text is not WAS's (and not empty, when FILL_EMPTY). */
struct field_value;
void form_follow(struct form *fm, const char *group, const char *name,
                 const struct field_value *was, const struct field_value *now,
                 int fill_empty);

/* After the ID number of the member in GROUP was left valid: the
 * member's sex and birth date follow it (form_follow). */
void member_fill_from_id(struct form *fm, const char *group);

/* FM's title: "WHAT: 2025-0003 白马村道路硬化" (cut whole characters). */
void form_project_title(struct form *fm, const char *what, const char *proj_no,
                        const char *name);

/* The rule context and the acting user of the form's program. */
struct rule_ctx form_rule_ctx(const struct form *fm);
const struct actor *form_actor(const struct form *fm);

#endif
