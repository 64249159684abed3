/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * rules_text.h - the numbers of the rules in the texts that state them:
 * a help text names a number of rules.conf as {name} (e.g. "within
 * {alloc_publish}") and it is written in from the rules of the year the
 * screen shows, with its unit ("15 working days", "20 days", "55%"), so
 * no text states a policy number of its own.
 */
#ifndef ZX_RULES_TEXT_H
#define ZX_RULES_TEXT_H

#include "core/policy.h"
#include "util/sbuf.h"

/* TEXT (translated) with each {name} of the table in rules_text.c
 * replaced by R's number in words; R NULL (no rules for the year) writes
 * that the policy files lack it.  Anything else in braces stays. */
void rules_expand(const struct rules *r, const char *text, struct sbuf *out);

/* 1 when NAME (LEN bytes) is a {name} rules_expand knows. */
int rules_text_known(const char *name, size_t len);

#endif
