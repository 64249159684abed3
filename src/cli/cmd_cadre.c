/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cmd_cadre.c - `zhenxing cadre list|add|assign|history`: the responsible
 * cadres (帮扶责任人) for scripts: the cadres of the account's scope, a new
 * one, a cadre made responsible for households (the one before ends that
 * day and stays in the history), and a household's assignments.
 */
#include "config.h"
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cli/opts.h"
#include "core/date.h"
#include "core/role.h"
#include "core/rules.h"
#include "db/db_cadre.h"
#include "db/db_division.h"
#include "db/db_household.h"
#include "db/db_print.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

enum { M_LIST, M_ADD, M_ASSIGN, M_HISTORY };

struct cadre_args {
    const char *name, *kind, *unit, *post, *phone, *place, *sex;
    int from;                   /* --from: the day the cadre takes over */
    const char **pos;           /* the positional arguments */
    size_t npos;
};

#define M(m) (1u << (m))
#define AT(member) offsetof(struct cadre_args, member)

static const struct cli_opt cadre_opts[] = {
    {.name = "--name", .kind = OPT_TEXT, .off = AT(name), .modes = M(M_ADD)},
    {.name = "--kind", .kind = OPT_TEXT, .off = AT(kind), .modes = M(M_ADD)},
    {.name = "--unit", .kind = OPT_TEXT, .off = AT(unit), .modes = M(M_ADD)},
    {.name = "--post", .kind = OPT_TEXT, .off = AT(post), .modes = M(M_ADD)},
    {.name = "--phone", .kind = OPT_TEXT, .off = AT(phone), .modes = M(M_ADD)},
    {.name = "--sex", .kind = OPT_TEXT, .off = AT(sex), .modes = M(M_ADD)},
    {.name = "--place", .kind = OPT_TEXT, .off = AT(place), .modes = M(M_ADD) | M(M_LIST)},
    {.name = "--from", .kind = OPT_DATE, .off = AT(from), .modes = M(M_ASSIGN)},
    {.name = NULL},
};

static const char *const modes[] = {
    [M_LIST] = "list", [M_ADD] = "add", [M_ASSIGN] = "assign", [M_HISTORY] = "history", NULL,
};

static int
positional(const struct cmd *c, void *args, const char *a)
{
    struct cadre_args *p = args;

    (void)c;
    p->pos[p->npos++] = a;
    return 0;
}

/* The place named S into *TOWNSHIP and *VILLAGE. */
static int
place_of(struct app *a, const char *s, int64_t *township, int64_t *village, struct err *e)
{
    struct division d;

    if (db_division_resolve(a->db, s, &d, e) < 0) {
        return -1;
    }
    if (d.level == LEVEL_VILLAGE) {
        *township = d.parent_id;
        *village = d.id;
    } else if (d.level == LEVEL_TOWNSHIP) {
        *township = d.id;
        *village = 0;
    } else {
        return err_set(e, ERR_INVALID, _("%s is not a township or a village"), d.name);
    }
    return 0;
}

int
cli_cadre_find(struct app *a, const char *s, struct cadre *c, struct err *e)
{
    int64_t id;

    memset(c, 0, sizeof(*c));
    if (db_cadre_find(a->db, s, &id, e) < 0 || db_cadre_get(a->db, id, c, e) < 0) {
        return -1;
    }
    if (!actor_sees(&a->actor, c->township_id, c->village_id) &&
        !actor_sees(&a->actor, c->township_id, 0)) {
        return err_set(e, ERR_DENIED, _("the cadre '%s' serves outside your scope"), s);
    }
    return 0;
}

static int
do_list(struct app *a, const struct cadre_args *p, struct err *e)
{
    struct cadre_list_row *v;
    int64_t township = 0, village = 0;
    size_t n, i;

    if (p->place != NULL && place_of(a, p->place, &township, &village, e) < 0) {
        return -1;
    }
    if (db_cadre_list(a->db, &a->actor, township, &v, &n, e) < 0) {
        return -1;
    }
    for (i = 0; i < n; i++) {
        const struct cadre *c = &v[i].c;

        if (village == 0 || c->village_id == village) {
            printf("#%lld\t%s\t%s\t%s\t%s\t%s\t%s\t%d\n", (long long)c->id, c->name,
                   code_label(&a->policy.codes, "cadre_kind", c->kind), c->unit, c->post,
                   c->phone, v[i].place, v[i].households);
        }
    }
    free(v);
    return 0;
}

static int
do_add(struct app *a, const struct cadre_args *p, struct err *e)
{
    const struct code *k = code_find_loose(codebook_table(&a->policy.codes, "cadre_kind"),
                                           p->kind != NULL ? p->kind : "");
    struct rule_ctx ctx = app_rule_ctx(a);
    struct cadre c;

    memset(&c, 0, sizeof(c));
    if (p->kind != NULL && k == NULL) {
        return err_set(e, ERR_INVALID, _("'%s' is not a kind of responsible cadre"), p->kind);
    }
    if (p->place != NULL && place_of(a, p->place, &c.township_id, &c.village_id, e) < 0) {
        return -1;
    }
    snprintf(c.name, sizeof(c.name), "%s", p->name != NULL ? p->name : "");
    snprintf(c.kind, sizeof(c.kind), "%s", k != NULL ? k->code : "");
    snprintf(c.unit, sizeof(c.unit), "%s", p->unit != NULL ? p->unit : "");
    snprintf(c.post, sizeof(c.post), "%s", p->post != NULL ? p->post : "");
    snprintf(c.phone, sizeof(c.phone), "%s", p->phone != NULL ? p->phone : "");
    snprintf(c.sex, sizeof(c.sex), "%s", p->sex != NULL ? p->sex : "");
    if (db_cadre_save(a->db, &ctx, &a->actor, &c, e) < 0) {
        return -1;
    }
    printf("#%lld\n", (long long)c.id);
    fprintf(stderr, _("Responsible cadre %s saved.\n"), c.name);
    return 0;
}

static int
do_assign(struct app *a, const struct cadre_args *p, struct err *e)
{
    struct rule_ctx ctx = app_rule_ctx(a);
    int64_t *ids = xcalloc(p->npos, sizeof(*ids));
    struct cadre c;
    size_t i, n = 0;
    int rc = cli_cadre_find(a, p->pos[0], &c, e);

    for (i = 1; rc == 0 && i < p->npos; i++) {
        rc = db_household_id(a->db, p->pos[i], &ids[i - 1], e);
    }
    if (rc == 0) {
        rc = db_cadre_assign(a->db, &ctx, &a->actor, c.id, ids, p->npos - 1,
                             p->from != DATE_NONE ? p->from : app_today(), -1, &n, e);
    }
    free(ids);
    if (rc == 0) {
        fprintf(stderr, _("%s is now the responsible cadre of %zu households (%zu already were).\n"),
                c.name, n, p->npos - 1 - n);
    }
    return rc;
}

static int
do_history(struct app *a, const struct cadre_args *p, struct err *e)
{
    struct cadre_row *v;
    int64_t id;
    size_t n, i;

    if (db_household_id(a->db, p->pos[0], &id, e) < 0 ||
        db_household_cadre_history(a->db, id, &v, &n, e) < 0) {
        return -1;
    }
    for (i = 0; i < n; i++) {
        char from[DATE_BUF], to[DATE_BUF];

        date_format(v[i].start, from);
        date_format(v[i].end, to);
        printf("%s\t%s\t%s\t%s\t%s\t%s\t%s\n", v[i].name, v[i].phone, v[i].unit, from, to,
               v[i].assigned_by, v[i].ended_by);
    }
    free(v);
    return 0;
}

static int (*const run[])(struct app *a, const struct cadre_args *p, struct err *e) = {
    [M_LIST] = do_list, [M_ADD] = do_add, [M_ASSIGN] = do_assign, [M_HISTORY] = do_history,
};

/* The positional arguments each mode needs at least and at most. */
static const size_t npos[][2] = {
    [M_LIST] = {0, 0}, [M_ADD] = {0, 0}, [M_ASSIGN] = {2, (size_t)-1}, [M_HISTORY] = {1, 1},
};

int
cmd_cadre(struct app *a, int argc, char **argv)
{
    const struct cmd *c = cli_find("cadre");
    struct cadre_args p;
    struct err e;
    int mode, rc;

    memset(&p, 0, sizeof(p));
    p.from = DATE_NONE;
    for (mode = 0; argc >= 2 && modes[mode] != NULL && strcmp(modes[mode], argv[1]) != 0;
         mode++) {
    }
    if (argc < 2 || modes[mode] == NULL) {
        return cli_usage_error(c, "%s", _("say what to do: list, add, assign or history"));
    }
    p.pos = xcalloc((size_t)argc, sizeof(*p.pos));
    rc = cli_opts_parse(c, cadre_opts, M(mode), argc, argv, 2, &p, positional);
    if (rc == 0 && (p.npos < npos[mode][0] || p.npos > npos[mode][1])) {
        rc = cli_usage_error(c, "%s", mode == M_ASSIGN
                                          ? _("give the cadre, then the households' numbers")
                                          : mode == M_HISTORY
                                                ? _("give the household's number")
                                                : _("this takes no argument but options"));
    }
    if (rc == 0) {
        err_clear(&e);
        rc = run[mode](a, &p, &e) < 0 ? cli_fail(&e) : EXIT_OK;
    }
    free(p.pos);
    return rc;
}
