/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * i18n.h - user-facing text goes through gettext.  Message ids are in
 * English; po/zh_CN.po holds the Simplified Chinese, which is the default
 * language whatever the server's locale (setting "language").
 */
#ifndef ZX_I18N_H
#define ZX_I18N_H

#include <libintl.h>
#include <stddef.h>

/* _() translates; N_() marks a message translated later with _().
 * A short id that means different things in different places ("record":
 * a screen, or a column of the audit log) carries a context: C_() to
 * translate at once, NC_() to mark one in a table (translated later with
 * _() like any other).  tests/lint/i18n.sh refuses the ids listed in
 * po/AMBIGUOUS without a context. */
#define _(s) i18n_text(s)
#define N_(s) (s)
#define C_(ctx, s) i18n_text(ctx "\004" s)
#define NC_(ctx, s) (ctx "\004" s)
#define P_(s, p, n) ngettext((s), (p), (n))

/* The translation of entry I of TABLE (N entries, N_-marked; an entry
 * may be NULL), or "" for NULL or I out of range: for the tables that
 * name the values of an enum. */
const char *i18n_pick(const char *const *table, size_t n, unsigned i);

/* The translation of MSGID (which may be "context\004id"); when there is
 * none, MSGID without its context. */
const char *i18n_text(const char *msgid) __attribute__((format_arg(1)));

/* Set the process locale from the environment, make sure the character
 * type is UTF-8 capable, and bind the message catalogue in LOCALEDIR.
 * Chinese is selected until i18n_set_language() says otherwise. */
void i18n_init(const char *localedir);

/* "zh_CN" (default) or "en".  Returns -1 for an unknown language. */
int i18n_set_language(const char *lang);
/* A number that changes with each i18n_set_language(): a text looked up
 * once (per cell of an export is too often for gettext) is kept while it
 * stays the same. */
unsigned i18n_generation(void);

/* 1 when LANG is a language i18n_set_language() accepts. */
int i18n_language_known(const char *lang);

#endif
