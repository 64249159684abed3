/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cmd_assess.c - `zhenxing assess templates|new|score|finalize|reopen`:
 * assessment rounds from scripts, as the account of the Unix login
 * (county staff or an administrator; db/db_assess.c checks it): make a
 * round of a template for a year, give the points of an indicator scored
 * by hand with its note and evidence, finalize a round, reopen it with a
 * reason.  Also the naming of rounds and units shared with `zhenxing
 * report assessment` (assess_cli.h).
 */
#include "config.h"
#include "cli/cli.h"
#include "cli/assess_cli.h"
#include "cli/opts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cfg/assess_load.h"
#include "core/money.h"
#include "db/db_assess.h"
#include "print/prints.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/xalloc.h"

/* ---- naming rounds and units (assess_cli.h) --------------------------------- */

int assess_cli_round(struct app *a, const char *s, int64_t *id, struct err *e)
{
    struct assess_round *v = NULL;
    size_t n = 0;
    long num;

    if (strcmp(s, "latest") != 0) {
        if (!cli_parse_long(s, 1, 2147483647L, &num)) {
            return err_set(e, ERR_INVALID, _("'%s' is not a round: give its id or latest"), s);
        }
        *id = num;
        return 0;
    }
    if (db_round_list(a->db, &v, &n, e) < 0) {
        return -1;
    }
    if (n > 0) {
        *id = v[0].id;
    }
    db_round_list_free(v, n);
    return n > 0 ? 0 : err_set(e, ERR_NOTFOUND, "%s", _("there is no assessment round yet"));
}

int assess_cli_unit(struct app *a, int64_t round, const char *s, int64_t *id,
                    struct err *e)
{
    struct assess_unit_row *v = NULL;
    size_t n = 0, i, found = 0, parts = 0;
    long num;
    int by_id = cli_parse_long(s, 1, 2147483647L, &num);

    if (db_round_units(a->db, round, &v, &n, e) < 0) {
        return -1;
    }
    for (i = 0; i < n && found == 0; i++) {
        if ((by_id && v[i].id == num) || strcmp(v[i].name, s) == 0) {
            *id = v[i].id;
            found = 1;
        }
    }
    for (i = 0; found == 0 && i < n; i++) {
        if (strstr(v[i].name, s) != NULL) {
            *id = v[i].id;
            parts++;
        }
    }
    found = found ? found : parts;
    free(v);
    if (found == 1) {
        return 0;
    }
    return found == 0
               ? err_set(e, ERR_NOTFOUND, _("round #%lld has no unit %s"), (long long)round, s)
               : err_set(e, ERR_INVALID, _("%zu units of round #%lld are named like %s: give the id"),
                         found, (long long)round, s);
}

/* ---- the subcommands ------------------------------------------------------- */

struct assess_args {
    const char *pos[4];         /* the positional arguments */
    int npos, want;
    const char *title, *note, *evidence, *reason;
    int64_t *units;             /* new: --unit ID... */
    size_t nunits;
};

/* --unit ID, once per unit. */
static int unit_option(void *args, const char *v)
{
    struct assess_args *p = args;
    long num;

    if (!cli_parse_long(v, 1, 2147483647L, &num)) {
        return -1;
    }
    p->units[p->nunits++] = num;
    return 0;
}

/* The subcommands taking arguments, in the order of subs[] below. */
enum { SUB_NEW, SUB_SCORE, SUB_FINALIZE, SUB_REOPEN };

static const struct cli_opt assess_opts[] = {
    {.name = "--title", .kind = OPT_TEXT, .off = offsetof(struct assess_args, title),
     .modes = 1u << SUB_NEW},
    {.name = "--unit", .kind = OPT_CALL, .call = unit_option, .modes = 1u << SUB_NEW,
     .bad = N_("--unit takes the id of a unit")},
    {.name = "--note", .kind = OPT_TEXT, .off = offsetof(struct assess_args, note),
     .modes = 1u << SUB_SCORE},
    {.name = "--evidence", .kind = OPT_TEXT, .off = offsetof(struct assess_args, evidence),
     .modes = 1u << SUB_SCORE},
    {.name = "--reason", .kind = OPT_TEXT, .off = offsetof(struct assess_args, reason),
     .modes = 1u << SUB_REOPEN},
    {.name = NULL},
};

static int positional(const struct cmd *c, void *args, const char *a)
{
    struct assess_args *p = args;

    if (p->npos >= p->want) {
        return cli_usage_error(c, _("unexpected argument '%s'"), a);
    }
    p->pos[p->npos++] = a;
    return 0;
}

/* The arguments of subcommand ARGV[1] (SUB), NPOS positional ones. */
static int parse(const struct cmd *c, struct assess_args *p, int argc, char **argv,
                 int sub, int npos)
{
    int rc;

    p->units = xcalloc((size_t)argc, sizeof(*p->units));
    p->want = npos;
    if ((rc = cli_opts_parse(c, assess_opts, 1u << sub, argc, argv, 2, p, positional)) != 0) {
        return rc;
    }
    if (p->npos < npos) {
        return cli_usage_error(c, _("assess %s needs %d arguments; see the help"), argv[1], npos);
    }
    return 0;
}

/* Every template of the data directory's assess/. */
static int templates_load(struct app *a, struct assess_template **v, size_t *n,
                          struct err *e)
{
    char *dir = path_join(a->datadir, "assess");
    int rc = assess_load_dir(dir, assess_sources, v, n, e);

    free(dir);
    return rc;
}

static int templates(struct app *a)
{
    struct assess_template *v = NULL;
    size_t n = 0, i;
    struct err e;
    char total[32];

    err_clear(&e);
    if (templates_load(a, &v, &n, &e) < 0) {
        return cli_fail(&e);
    }
    for (i = 0; i < n; i++) {
        assess_points_text(v[i].total_cp, total, sizeof(total));
        printf("%s\t%s\t%s\t%s\n", v[i].id, v[i].unit, total, v[i].title);
    }
    assess_templates_free(v, n);
    return EXIT_OK;
}

static int round_new(struct app *a, const struct assess_args *p, struct err *e)
{
    struct rule_ctx ctx = app_rule_ctx(a);
    struct assess_template *v = NULL;
    size_t n = 0, i;
    int64_t id = 0;
    long year;
    int rc;

    if (!cli_parse_long(p->pos[1], 2000, 2100, &year)) {
        return err_set(e, ERR_INVALID, _("'%s' is not a year from 2000 to 2100"), p->pos[1]);
    }
    if (templates_load(a, &v, &n, e) < 0) {
        return -1;
    }
    for (i = 0; i < n && strcmp(v[i].id, p->pos[0]) != 0; i++) {
    }
    rc = i < n ? db_round_create(a->db, &ctx, &a->actor, &v[i], (int)year,
                                 p->title != NULL ? p->title : "", p->units, p->nunits, &id, e)
               : err_set(e, ERR_NOTFOUND,
                         _("there is no template %s; zhenxing assess templates lists them"),
                         p->pos[0]);
    assess_templates_free(v, n);
    if (rc == 0) {
        printf("%lld\n", (long long)id);
        fprintf(stderr, _("Made assessment round #%lld.\n"), (long long)id);
    }
    return rc;
}

/* Round S (an id or "latest") with its own template; clear it after. */
static int round_load(struct app *a, const char *s, struct round_tpl *rt, struct err *e)
{
    int64_t id;

    memset(rt, 0, sizeof(*rt));
    return assess_cli_round(a, s, &id, e) < 0 || round_tpl_read(a->db, id, rt, e) < 0 ? -1 : 0;
}

/* The version of the score of CODE of UNIT as stored (0: none yet). */
static int score_version(struct app *a, const struct assess_round *r,
                         const struct assess_template *t, int64_t unit,
                         const char *code, int64_t *version, struct err *e)
{
    struct rule_ctx ctx = app_rule_ctx(a);
    struct assess_sheet s;
    size_t i;

    *version = 0;
    if (db_round_sheet(a->db, &ctx, r, t, unit, &s, e) < 0) {
        return -1;
    }
    for (i = 0; i < s.n; i++) {
        if (strcmp(s.v[i].ind->code, code) == 0) {
            *version = s.v[i].version;
        }
    }
    assess_sheet_clear(&s);
    return 0;
}

static int score(struct app *a, const struct assess_args *p, struct err *e)
{
    struct rule_ctx ctx = app_rule_ctx(a);
    struct round_tpl rt;
    int64_t unit = 0, cp = 0, version = 0;
    enum money_status st = money_parse(p->pos[3], 1, &cp);
    int rc;

    if (st != MONEY_OK) {
        return err_set(e, ERR_INVALID, _("the points '%s': %s"), p->pos[3],
                       money_status_message(st));
    }
    rc = round_load(a, p->pos[0], &rt, e) ||
         assess_cli_unit(a, rt.r.id, p->pos[1], &unit, e) ||
         score_version(a, &rt.r, &rt.t, unit, p->pos[2], &version, e) ||
         db_score_set(a->db, &ctx, &a->actor, rt.r.id, &rt.t, unit, p->pos[2], cp, p->note,
                      p->evidence, version, e);
    if (rc == 0) {
        printf(_("%s of %s: %s points.\n"), p->pos[2], p->pos[1], p->pos[3]);
    }
    round_tpl_clear(&rt);
    return rc ? -1 : 0;
}

static int finalize(struct app *a, const struct assess_args *p, struct err *e)
{
    struct rule_ctx ctx = app_rule_ctx(a);
    struct round_tpl rt;
    int rc;

    rc = round_load(a, p->pos[0], &rt, e) ||
         db_round_finalize(a->db, &ctx, &a->actor, rt.r.id, &rt.t, rt.r.version, e);
    if (rc == 0) {
        printf(_("Assessment round #%lld is final.\n"), (long long)rt.r.id);
    }
    round_tpl_clear(&rt);
    return rc ? -1 : 0;
}

static int reopen(struct app *a, const struct assess_args *p, struct err *e)
{
    struct round_tpl rt;
    int rc;

    rc = round_load(a, p->pos[0], &rt, e) ||
         db_round_reopen(a->db, &a->actor, rt.r.id, rt.r.version, p->reason, e);
    if (rc == 0) {
        printf(_("Assessment round #%lld is open again.\n"), (long long)rt.r.id);
    }
    round_tpl_clear(&rt);
    return rc ? -1 : 0;
}

static const struct {
    const char *name;
    int npos;
    int (*fn)(struct app *a, const struct assess_args *p, struct err *e);
} subs[] = {
    [SUB_NEW] = {"new", 2, round_new},
    [SUB_SCORE] = {"score", 4, score},
    [SUB_FINALIZE] = {"finalize", 1, finalize},
    [SUB_REOPEN] = {"reopen", 1, reopen},
};

int cmd_assess(struct app *a, int argc, char **argv)
{
    const struct cmd *c = cli_find("assess");
    struct assess_args p;
    struct err e;
    size_t i;
    int rc;

    err_clear(&e);
    if (argc >= 2 && strcmp(argv[1], "templates") == 0 && argc == 2) {
        return templates(a);
    }
    for (i = 0; argc >= 2 && i < ARRAY_SIZE(subs); i++) {
        if (strcmp(argv[1], subs[i].name) == 0) {
            break;
        }
    }
    if (argc < 2 || i == ARRAY_SIZE(subs)) {
        return cli_usage_error(c, "%s", _("say what to do: templates, new, score, finalize or reopen"));
    }
    memset(&p, 0, sizeof(p));
    rc = parse(c, &p, argc, argv, (int)i, subs[i].npos);
    if (rc == 0 && subs[i].fn(a, &p, &e) < 0) {
        rc = cli_fail(&e);
    }
    free(p.units);
    return rc;
}
