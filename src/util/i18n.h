/*
 * i18n.h - user-facing text goes through gettext.  Message ids are in
 * English; po/zh_CN.po holds the Simplified Chinese, which is the default
 * language whatever the server's locale (setting "language").
 */
#ifndef ZX_I18N_H
#define ZX_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)
#define P_(s, p, n) ngettext((s), (p), (n))

/* Set the process locale from the environment, make sure the character
 * type is UTF-8 capable, and bind the message catalogue in LOCALEDIR.
 * Chinese is selected until i18n_set_language() says otherwise. */
void i18n_init(const char *localedir);

/* "zh_CN" (default) or "en".  Returns -1 for an unknown language. */
int i18n_set_language(const char *lang);

/* 1 when LANG is a language i18n_set_language() accepts. */
int i18n_language_known(const char *lang);

#endif
