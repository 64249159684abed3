/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * settings.c - libconfig -> struct settings, driven by one table.
 * libconfig owns the strings it returns until config_destroy(), so every
 * value is copied out first.
 */
#include "config.h"
#include "cfg/settings.h"

#include <errno.h>
#include <libconfig.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/priv.h"
#include "util/u8.h"
#include "util/xalloc.h"

enum key_type { KEY_STRING, KEY_INT };

/* Who may set a key.  On a setgid install (the county server) the user's
 * file and --config may change how things look and where their own
 * prints go, never what the county's data and documents are: the
 * database, the policy files and the hotline printed on cards come from
 * the system file alone.  Without setgid every file may set every key. */
enum key_who {
    WHO_ANY,       /* any file: presentation, the user's printer and files */
    WHO_SYSTEM,    /* the system file only, when setgid */
};

struct key {
    const char *name;
    enum key_who who;
    enum key_type type;
    size_t offset;
    const char *def_str;
    int def_int, min, max;
    const char *expect;   /* what a valid value looks like, untranslated */
    int (*check)(const char *v);
};

static int
check_language(const char *v)
{
    return i18n_language_known(v);
}

static int
check_cursor(const char *v)
{
    return strcmp(v, "bar") == 0 || strcmp(v, "marker") == 0;
}

static int
check_format(const char *v)
{
    return strcmp(v, "pdf") == 0 || strcmp(v, "text") == 0;
}

#define S(f) offsetof(struct settings, f)
static const struct key keys[] = {
    {"database", WHO_SYSTEM, KEY_STRING, S(database), "", 0, 0, 0,
     N_("a file name in double quotes"), NULL},
    {"language", WHO_ANY, KEY_STRING, S(language), "zh_CN", 0, 0, 0,
     N_("\"zh_CN\" or \"en\""), check_language},
    {"busy_timeout", WHO_ANY, KEY_INT, S(busy_timeout), NULL, 5000, 0, 600000,
     N_("a whole number of milliseconds from 0 to 600000"), NULL},
    {"policy_dir", WHO_SYSTEM, KEY_STRING, S(policy_dir), "", 0, 0, 0,
     N_("a directory name in double quotes"), NULL},
    {"print_command", WHO_ANY, KEY_STRING, S(print_command), "lp", 0, 0, 0,
     N_("a program name in double quotes"), NULL},
    {"printer", WHO_ANY, KEY_STRING, S(printer), "", 0, 0, 0,
     N_("a printer name in double quotes"), NULL},
    {"copies", WHO_ANY, KEY_INT, S(copies), NULL, 1, 1, 99,
     N_("a whole number from 1 to 99"), NULL},
    {"print_format", WHO_ANY, KEY_STRING, S(print_format), "pdf", 0, 0, 0,
     N_("\"pdf\" or \"text\""), check_format},
    {"print_font", WHO_ANY, KEY_STRING, S(print_font), "Noto Serif CJK SC", 0, 0, 0,
     N_("a font family name in double quotes"), NULL},
    {"print_title_font", WHO_ANY, KEY_STRING, S(print_title_font), "Noto Sans CJK SC", 0, 0, 0,
     N_("a font family name in double quotes"), NULL},
    {"print_text_lines", WHO_ANY, KEY_INT, S(print_text_lines), NULL, 66, 20, 200,
     N_("a whole number of lines from 20 to 200"), NULL},
    {"print_hotline", WHO_SYSTEM, KEY_STRING, S(print_hotline), "12317", 0, 0, 0,
     N_("a telephone number in double quotes"), NULL},
    {"print_dir", WHO_ANY, KEY_STRING, S(print_dir), "", 0, 0, 0,
     N_("a directory name in double quotes"), NULL},
    {"backup_roles", WHO_SYSTEM, KEY_STRING, S(backup_roles), "admin", 0, 0, 0,
     N_("role names in double quotes separated by commas, e.g. \"admin,county\""), NULL},
    {"cursor_style", WHO_ANY, KEY_STRING, S(cursor_style), "bar", 0, 0, 0,
     N_("\"bar\" (the whole row highlighted) or \"marker\" (a > in front: fewer bytes on thin links)"),
     check_cursor},
};
#undef S

static char **
str_field(struct settings *s, const struct key *k)
{
    return (char **)((char *)s + k->offset);
}

static int *
int_field(struct settings *s, const struct key *k)
{
    return (int *)((char *)s + k->offset);
}

void
settings_init(struct settings *s)
{
    size_t i;

    memset(s, 0, sizeof(*s));
    s->store_db = xstrdup("");
    for (i = 0; i < ARRAY_SIZE(keys); i++) {
        if (keys[i].type == KEY_STRING) {
            *str_field(s, &keys[i]) = xstrdup(keys[i].def_str);
        } else {
            *int_field(s, &keys[i]) = keys[i].def_int;
        }
    }
}

void
settings_release(struct settings *s)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(keys); i++) {
        if (keys[i].type == KEY_STRING) {
            free(*str_field(s, &keys[i]));
        }
    }
    free(s->store_db);
    notes_clear(&s->warnings);
    memset(s, 0, sizeof(*s));
}

static const struct key *
find_key(const char *name)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(keys); i++) {
        if (strcmp(keys[i].name, name) == 0) {
            return &keys[i];
        }
    }
    return NULL;
}

static int
bad_value(const char *path, config_setting_t *set, const struct key *k,
          struct err *e)
{
    return err_set(e, ERR_CONFIG, _("%s:%d: setting '%s' should be %s"),
                   path, config_setting_source_line(set), k->name,
                   _(k->expect));
}

/* K set in the file PATH that may not set it (restricted). */
static int
not_yours(const char *path, config_setting_t *set, const struct key *k,
          struct err *e)
{
    char *sys = settings_system_path();

    err_set(e, ERR_DENIED, _("%s:%d: '%s' is the county's setting on this server and only the system settings %s set it; remove it from this file"),
            path, config_setting_source_line(set), k->name, sys);
    free(sys);
    return -1;
}

/* Store one setting SET whose key is K. */
static int
apply_key(struct settings *s, const char *path, config_setting_t *set,
          const struct key *k, struct err *e)
{
    const char *v;
    int n;

    if (s->restricted && k->who == WHO_SYSTEM) {
        return not_yours(path, set, k, e);
    }
    if (k->type == KEY_STRING) {
        if (config_setting_type(set) != CONFIG_TYPE_STRING) {
            return bad_value(path, set, k, e);
        }
        v = config_setting_get_string(set);
        if (!u8_valid(v, strlen(v)) || (k->check != NULL && !k->check(v))) {
            return bad_value(path, set, k, e);
        }
        free(*str_field(s, k));
        *str_field(s, k) = xstrdup(v);
        return 0;
    }
    if (config_setting_type(set) != CONFIG_TYPE_INT) {
        return bad_value(path, set, k, e);
    }
    n = config_setting_get_int(set);
    if (n < k->min || n > k->max) {
        return bad_value(path, set, k, e);
    }
    *int_field(s, k) = n;
    return 0;
}

int
settings_load_file(struct settings *s, const char *path, int must_exist,
                   struct err *e)
{
    config_t cfg;
    config_setting_t *root;
    FILE *fp;
    int i, n, rc = 0;

    fp = fopen(path, "r");
    if (fp == NULL) {
        if (errno == ENOENT && !must_exist) {
            return 0;
        }
        return err_set(e, ERR_CONFIG, _("cannot read settings file '%s': %s"),
                       path, strerror(errno));
    }
    config_init(&cfg);
    if (config_read(&cfg, fp) != CONFIG_TRUE) {
        rc = err_set(e, ERR_CONFIG,
                     _("%s:%d: not valid settings syntax (%s); write lines like: language = \"zh_CN\";"),
                     path, config_error_line(&cfg), config_error_text(&cfg));
        goto out;
    }
    root = config_root_setting(&cfg);
    n = config_setting_length(root);
    for (i = 0; i < n && rc == 0; i++) {
        config_setting_t *set = config_setting_get_elem(root, (unsigned)i);
        const char *name = config_setting_name(set);
        const struct key *k = find_key(name);

        if (k == NULL) {
            notes_add(&s->warnings, _("%s:%d: unknown setting '%s' (ignored)"), path,
                        config_setting_source_line(set), name);
            continue;
        }
        rc = apply_key(s, path, set, k, e);
    }
out:
    config_destroy(&cfg);
    fclose(fp);
    return rc;
}

char *
settings_sysconfdir(void)
{
    const char *dir = priv_getenv("ZHENXING_SYSCONFDIR");

    return xstrdup(dir != NULL && *dir ? dir : PKGSYSCONFDIR);
}

char *
settings_system_path(void)
{
    char *dir = settings_sysconfdir();
    char *p = path_join(dir, "zhenxing.conf");

    free(dir);
    return p;
}

char *
settings_policy_dir(const struct settings *s)
{
    char *dir, *p;

    if (s->policy_dir[0] != '\0') {
        return xstrdup(s->policy_dir);
    }
    dir = settings_sysconfdir();
    p = path_join(dir, "policy");
    free(dir);
    return p;
}

int
settings_load(struct settings *s, const char *extra, struct err *e)
{
    char *sys = settings_system_path();
    char *home = path_config_home();
    char *user = path_join(home, "zhenxing.conf");
    int rc;

    rc = settings_load_file(s, sys, 0, e);
    free(s->store_db);
    s->store_db = xstrdup(s->database);
    /* Set-gid: what follows is the user's and may not choose the
     * county's data (enum key_who). */
    s->restricted = priv_setgid();
    if (rc == 0) {
        rc = settings_load_file(s, user, 0, e);
    }
    if (rc == 0 && extra != NULL) {
        rc = settings_load_file(s, extra, 1, e);
    }
    free(sys);
    free(home);
    free(user);
    return rc;
}
