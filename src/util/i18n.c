/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * i18n.c - locale and message-catalogue set-up.
 *
 * GNU gettext ignores $LANGUAGE when LC_MESSAGES is the plain "C" locale,
 * which is what many servers run with.  So when the locale says "C" we
 * switch LC_MESSAGES (and LC_CTYPE, for wide characters) to C.UTF-8 and
 * then choose the catalogue through $LANGUAGE ourselves.
 */
#include "config.h"
#include "util/i18n.h"

#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

static int
is_plain_c(const char *loc)
{
    return loc == NULL || strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0;
}

void
i18n_init(const char *localedir)
{
    setlocale(LC_ALL, "");
    if (is_plain_c(setlocale(LC_CTYPE, NULL)) ||
        strcmp(nl_langinfo(CODESET), "ANSI_X3.4-1968") == 0) {
        if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) {
            setlocale(LC_CTYPE, "en_US.UTF-8");
        }
    }
    if (is_plain_c(setlocale(LC_MESSAGES, NULL))) {
        if (setlocale(LC_MESSAGES, "C.UTF-8") == NULL) {
            setlocale(LC_MESSAGES, "en_US.UTF-8");
        }
    }
    bindtextdomain(PACKAGE, localedir);
    bind_textdomain_codeset(PACKAGE, "UTF-8");
    textdomain(PACKAGE);
    i18n_set_language("zh_CN");
}

const char *
i18n_text(const char *msgid)
{
    const char *t = gettext(msgid);
    const char *ctx;

    if (t == msgid && (ctx = strchr(msgid, '\004')) != NULL) {
        return ctx + 1;
    }
    return t;
}

const char *
i18n_pick(const char *const *table, size_t n, unsigned i)
{
    return i < n && table[i] != NULL && table[i][0] != '\0' ? _(table[i]) : "";
}

int
i18n_language_known(const char *lang)
{
    return lang != NULL &&
           (strcmp(lang, "zh_CN") == 0 || strcmp(lang, "en") == 0);
}

static unsigned generation;

unsigned
i18n_generation(void)
{
    return generation;
}

int
i18n_set_language(const char *lang)
{
    if (!i18n_language_known(lang)) {
        return -1;
    }
    generation++;
    setenv("LANGUAGE", lang, 1);
    /* Re-setting LC_MESSAGES makes gettext drop its cached lookups. */
    setlocale(LC_MESSAGES, setlocale(LC_MESSAGES, NULL));
    return 0;
}
