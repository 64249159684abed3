/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * choices.h - a table of choices built from rows (the partners, the
 * projects, the receipts with money left, the places in the user's
 * scope...): what a form's pick list offers for a field whose choices are
 * not a code table of the policy.
 */
#ifndef ZX_CHOICES_H
#define ZX_CHOICES_H

#include <stddef.h>
#include <stdint.h>

#include "core/codes.h"

/* Being filled: choices_init, choices_add or choices_add_id per choice,
 * then choices_table (for form_add_table, which takes its contents). */
struct choices {
    struct code_table t;
    size_t alloc;
};

void choices_init(struct choices *c);
/* Add choice CODE, labelled as FMT says. */
void choices_add(struct choices *c, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Add the choice of record ID (its code: the id in digits), labelled as
 * FMT says. */
void choices_add_id(struct choices *c, int64_t id, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The table of the choices, named ID and titled TITLE. */
struct code_table *choices_table(struct choices *c, const char *id, const char *title);

#endif
