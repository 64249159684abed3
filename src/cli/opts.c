/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * opts.c - reading a subcommand's options from its table (see opts.h).
 */
#include "config.h"
#include "cli/opts.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/date.h"
#include "util/i18n.h"

#define FIELD(args, o, type) ((type *)(void *)((char *)(args) + (o)->off))

/* The row of OPTS named NAME (LEN bytes) that MODE takes, or NULL. */
static const struct cli_opt *
find(const struct cli_opt *opts, unsigned mode, const char *name, size_t len)
{
    const struct cli_opt *o;

    for (o = opts; o->name != NULL; o++) {
        int named = (strlen(o->name) == len && strncmp(o->name, name, len) == 0) ||
                    (o->alias != NULL && strlen(o->alias) == len &&
                     strncmp(o->alias, name, len) == 0);

        if (named && (o->modes == 0 || (o->modes & mode) != 0)) {
            return o;
        }
    }
    return NULL;
}

/* S as a whole number from LO to HI into *OUT; 0, or -1. */
static int
whole(const char *s, long long lo, long long hi, long long *out)
{
    char *end;

    errno = 0;
    *out = strtoll(s, &end, 10);
    return errno == 0 && end != s && *end == '\0' && *out >= lo && *out <= hi ? 0 : -1;
}

static int
choice(const struct cli_opt *o, const char *v, int *out)
{
    int i;

    for (i = 0; o->choices[i] != NULL; i++) {
        if (strcmp(o->choices[i], v) == 0) {
            *out = i;
            return 0;
        }
    }
    return -1;
}

/* Store value V of option O in ARGS; 0, or -1 when V is not one. */
static int
store(const struct cli_opt *o, const char *v, void *args)
{
    long long n;

    switch (o->kind) {
    case OPT_FLAG:
        *FIELD(args, o, int) = o->lo != 0 ? (int)o->lo : 1;
        return 0;
    case OPT_TEXT:
        *FIELD(args, o, const char *) = v;
        return 0;
    case OPT_INT:
    case OPT_I64:
        if (whole(v, o->lo, o->hi, &n) < 0) {
            return -1;
        }
        if (o->kind == OPT_INT) {
            *FIELD(args, o, int) = (int)n;
        } else {
            *FIELD(args, o, int64_t) = (int64_t)n;
        }
        return 0;
    case OPT_DATE:
        return date_parse(v, FIELD(args, o, int)) == DATE_OK ? 0 : -1;
    case OPT_MONTH:
        return month_parse(v, FIELD(args, o, int)) == DATE_OK ? 0 : -1;
    case OPT_CHOICE:
        return choice(o, v, FIELD(args, o, int));
    case OPT_CALL:
        return o->call(args, v);
    }
    return -1;
}

/* What to say about the value V of option O that is not one. */
static int
bad_value(const struct cmd *c, const struct cli_opt *o, const char *v)
{
    if (o->bad != NULL) {
        return cli_usage_error(c, _("%s, not '%s'"), _(o->bad), v);
    }
    if (o->kind == OPT_INT || o->kind == OPT_I64) {
        return cli_usage_error(c, _("%s takes a whole number from %lld to %lld, not '%s'"),
                               o->name, o->lo, o->hi, v);
    }
    if (o->kind == OPT_DATE) {
        int day;

        return cli_usage_error(c, _("%s: %s"), o->name, date_status_message(date_parse(v, &day)));
    }
    if (o->kind == OPT_MONTH) {
        return cli_usage_error(c, _("%s takes a month as YYYY-MM, e.g. 2026-10, not '%s'"),
                               o->name, v);
    }
    return cli_usage_error(c, _("%s does not take '%s'"), o->name, v);
}

/* Option ARGV[*I] (and its value); 0, or the exit status. */
static int
option(const struct cmd *c, const struct cli_opt *opts, unsigned mode, int argc,
       char **argv, int *i, void *args)
{
    const char *a = argv[*i], *eq = strchr(a, '='), *v = NULL;
    const struct cli_opt *o = find(opts, mode, a, eq != NULL ? (size_t)(eq - a) : strlen(a));

    if (o == NULL) {
        return cli_usage_error(c, _("unknown option '%s'"), a);
    }
    if (o->kind == OPT_FLAG && eq != NULL) {
        return cli_usage_error(c, _("option '%s' takes no value"), o->name);
    }
    if (o->kind != OPT_FLAG) {
        if (eq == NULL && *i + 1 >= argc) {
            return cli_usage_error(c, _("option '%s' needs a value"), a);
        }
        v = eq != NULL ? eq + 1 : argv[++*i];
    }
    return store(o, v, args) < 0 ? bad_value(c, o, v) : 0;
}

int
cli_opts_parse(const struct cmd *c, const struct cli_opt *opts, unsigned mode,
               int argc, char **argv, int first, void *args,
               int (*positional)(const struct cmd *c, void *args, const char *arg))
{
    int i, rc, rest = 0;

    for (i = first; i < argc; i++) {
        const char *a = argv[i];

        if (!rest && strcmp(a, "--") == 0) {
            rest = 1;
            continue;
        }
        /* "-2.5" (a negative number of points) is an argument. */
        if (!rest && a[0] == '-' && a[1] != '\0' && !isdigit((unsigned char)a[1])) {
            rc = option(c, opts, mode, argc, argv, &i, args);
        } else if (positional != NULL) {
            rc = positional(c, args, a);
        } else {
            rc = cli_usage_error(c, _("unexpected argument '%s'"), a);
        }
        if (rc != 0) {
            return rc;
        }
    }
    return 0;
}
