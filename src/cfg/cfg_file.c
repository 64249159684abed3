/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cfg_file.c - reading a libconfig data file with messages that name the
 * file and line (see cfg_file.h).
 */
#include "config.h"
#include "cfg/cfg_file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/money.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/notes.h"
#include "util/u8.h"
#include "util/xalloc.h"

/* Open PATH; returns 1 when read, 0 when missing and optional, -1 on
 * error. */
int
pfile_open(struct pfile *f, const char *path, int must_exist, struct err *e)
{
    FILE *fp = fopen(path, "r");

    f->path = path;
    f->warn = NULL;
    if (fp == NULL) {
        if (errno == ENOENT && !must_exist) {
            return 0;
        }
        return err_set(e, ERR_CONFIG, _("cannot read policy file '%s': %s"),
                       path, strerror(errno));
    }
    config_init(&f->cfg);
    if (config_read(&f->cfg, fp) != CONFIG_TRUE) {
        err_set(e, ERR_CONFIG, _("%s:%d: not valid libconfig syntax (%s)"),
                path, config_error_line(&f->cfg), config_error_text(&f->cfg));
        config_destroy(&f->cfg);
        fclose(fp);
        return -1;
    }
    fclose(fp);
    return 1;
}

int
pfile_open_text(struct pfile *f, const char *name, const char *text, struct err *e)
{
    f->path = name;
    f->warn = NULL;
    config_init(&f->cfg);
    if (config_read_string(&f->cfg, text) != CONFIG_TRUE) {
        err_set(e, ERR_CONFIG, _("%s:%d: not valid libconfig syntax (%s)"),
                name, config_error_line(&f->cfg), config_error_text(&f->cfg));
        config_destroy(&f->cfg);
        return -1;
    }
    return 1;
}

static int
listed(const char *const *known, const char *name)
{
    for (; known != NULL && *known != NULL; known++) {
        if (strcmp(*known, name) == 0) {
            return 1;
        }
    }
    return 0;
}

void
pfile_unknown(const struct pfile *f, const config_setting_t *g,
              const char *const *known, int (*also)(const char *name))
{
    const config_setting_t *root = g != NULL ? g : config_root_setting(&f->cfg);
    int i, n = config_setting_length(root);

    for (i = 0; f->warn != NULL && config_setting_is_group(root) && i < n; i++) {
        const config_setting_t *m = config_setting_get_elem(root, (unsigned)i);
        const char *name = config_setting_name(m);

        if (name != NULL && !listed(known, name) && (also == NULL || !also(name))) {
            notes_add(f->warn, _("%s:%d: unknown key '%s' (ignored; is it misspelled?)"),
                      f->path, config_setting_source_line(m), name);
        }
    }
}

int
pfile_number(const config_setting_t *s, double *v)
{
    int type = s != NULL ? config_setting_type(s) : CONFIG_TYPE_NONE;

    if (type == CONFIG_TYPE_INT || type == CONFIG_TYPE_INT64) {
        *v = (double)config_setting_get_int64(s);
    } else if (type == CONFIG_TYPE_FLOAT) {
        *v = config_setting_get_float(s);
    } else {
        return -1;
    }
    return 0;
}

int
pfile_bad(const struct pfile *f, const config_setting_t *s, struct err *e,
    const char *what)
{
    return err_set(e, ERR_CONFIG, "%s:%d: %s", f->path,
                   config_setting_source_line(s), what);
}

/* The string member NAME of group G into *OUT (copied). */
int
pfile_str(const struct pfile *f, const config_setting_t *g, const char *name,
        int required, char **out, struct err *e)
{
    const char *v;
    char msg[256];

    if (config_setting_lookup_string(g, name, &v) != CONFIG_TRUE) {
        if (!required && config_setting_get_member(g, name) == NULL) {
            *out = xstrdup("");
            return 0;
        }
        snprintf(msg, sizeof(msg), _("'%s' must be a text in double quotes"), name);
        return pfile_bad(f, g, e, msg);
    }
    if (!u8_valid(v, strlen(v))) {
        snprintf(msg, sizeof(msg), _("'%s' is not valid UTF-8 text"), name);
        return pfile_bad(f, g, e, msg);
    }
    *out = xstrdup(v);
    return 0;
}

int
pfile_int(const struct pfile *f, const config_setting_t *g, const char *name,
        int lo, int hi, int *out, struct err *e)
{
    char msg[256];

    if (config_setting_lookup_int(g, name, out) != CONFIG_TRUE ||
        *out < lo || *out > hi) {
        snprintf(msg, sizeof(msg), _("'%s' must be a whole number from %d to %d"),
                 name, lo, hi);
        return pfile_bad(f, g, e, msg);
    }
    return 0;
}

/* A yuan amount given as a whole number or as "1234.56". */
int
pfile_yuan(const struct pfile *f, const config_setting_t *g, const char *name,
         int64_t *fen, struct err *e)
{
    config_setting_t *s = config_setting_get_member(g, name);
    char msg[256];

    snprintf(msg, sizeof(msg), _("'%s' must be an amount in yuan (e.g. 6900 or \"6900.00\")"), name);
    if (s == NULL) {
        return pfile_bad(f, g, e, msg);
    }
    if (config_setting_type(s) == CONFIG_TYPE_INT ||
        config_setting_type(s) == CONFIG_TYPE_INT64) {
        long long v = config_setting_get_int64(s);

        if (v < 0 || v > MONEY_MAX_FEN / 100) {
            return pfile_bad(f, s, e, msg);
        }
        *fen = (int64_t)v * 100;
        return 0;
    }
    if (config_setting_type(s) != CONFIG_TYPE_STRING ||
        money_parse(config_setting_get_string(s), 0, fen) != MONEY_OK) {
        return pfile_bad(f, s, e, msg);
    }
    return 0;
}

/* The list NAME at the root of F, or NULL with an error. */
config_setting_t *
pfile_list(const struct pfile *f, const char *name, struct err *e)
{
    config_setting_t *l = config_lookup(&f->cfg, name);

    if (l == NULL || !(config_setting_is_list(l) || config_setting_is_array(l))) {
        err_set(e, ERR_CONFIG, _("%s: needs a list '%s = ( ... );'"), f->path, name);
        return NULL;
    }
    return l;
}

/* A percentage from LO to HI given as 55 or 55.5 (at most two decimals)
 * into basis points. */
int
pfile_pct(const struct pfile *f, const config_setting_t *g,
        const config_setting_t *s, const char *name, int lo, int hi, int *bp,
        struct err *e)
{
    char msg[256];
    double v;

    snprintf(msg, sizeof(msg), _("'%s' must be a percentage from %d to %d (e.g. 55 or 55.5)"),
             name, lo, hi);
    if (s == NULL) {
        return pfile_bad(f, g, e, msg);
    }
    if (pfile_number(s, &v) < 0 || !(v >= lo && v <= hi)) {
        return pfile_bad(f, s, e, msg);
    }
    *bp = (int)(v * 100.0 + 0.5);
    return 0;
}
