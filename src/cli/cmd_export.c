/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cmd_export.c - `zhenxing export KIND [options]`: a kind of the export
 * table (print/export.h) as an XLSX or CSV sheet for Excel, WPS and the
 * leaders, filtered as on screen, under the account's scope, ID and phone
 * numbers masked unless --reveal (and the role allows it), recorded in
 * the audit log before the file appears.
 */
#include "config.h"
#include "cli/cli.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cli/assess_cli.h"
#include "cli/opts.h"
#include "core/codes.h"
#include "core/mcase.h"
#include "core/role.h"
#include "db/db.h"
#include "db/db_division.h"
#include "print/export.h"
#include "print/print.h"
#include "print/snapshot.h"
#include "util/array.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"

struct export_args {
    const struct export_kind *kind;
    const char *township, *village, *category, *state, *type, *search, *round, *unit;
    const char *path;
    int format, encoding;       /* indexes of formats[], encodings[] (0: default) */
    int year, month, flagged, all_columns, reveal, force;
};

static const char *const formats[] = {"", "csv", "xlsx", NULL};
static const char *const encodings[] = {"", "utf-8", "gb18030", "utf8", "gbk", NULL};

#define AT(member) offsetof(struct export_args, member)

static const struct cli_opt export_opts[] = {
    {.name = "--format", .kind = OPT_CHOICE, .off = AT(format), .choices = formats,
     .bad = N_("--format takes csv or xlsx")},
    {.name = "--encoding", .kind = OPT_CHOICE, .off = AT(encoding), .choices = encodings,
     .bad = N_("--encoding takes utf-8 or gb18030")},
    {.name = "--output", .alias = "-o", .kind = OPT_TEXT, .off = AT(path)},
    {.name = "--force", .kind = OPT_FLAG, .off = AT(force)},
    {.name = "--township", .kind = OPT_TEXT, .off = AT(township)},
    {.name = "--village", .kind = OPT_TEXT, .off = AT(village)},
    {.name = "--category", .kind = OPT_TEXT, .off = AT(category)},
    {.name = "--state", .kind = OPT_TEXT, .off = AT(state)},
    {.name = "--type", .kind = OPT_TEXT, .off = AT(type)},
    {.name = "--search", .kind = OPT_TEXT, .off = AT(search)},
    {.name = "--year", .kind = OPT_INT, .off = AT(year), .lo = 2000, .hi = 2100,
     .bad = N_("--year takes a year from 2000 to 2100")},
    {.name = "--month", .kind = OPT_MONTH, .off = AT(month)},
    {.name = "--flagged", .kind = OPT_FLAG, .off = AT(flagged)},
    {.name = "--round", .kind = OPT_TEXT, .off = AT(round)},
    {.name = "--unit", .kind = OPT_TEXT, .off = AT(unit)},
    {.name = "--all-columns", .kind = OPT_FLAG, .off = AT(all_columns)},
    {.name = "--reveal", .kind = OPT_FLAG, .off = AT(reveal)},
    {.name = NULL},
};

/* Which filter each option is, for the kinds that do not take it. */
static const struct {
    unsigned bit;
    const char *name;
} takes[] = {
    {EF_PLACE, "--township/--village"}, {EF_CATEGORY, "--category"}, {EF_STATE, "--state"},
    {EF_YEAR, "--year"}, {EF_MONTH, "--month"}, {EF_KIND, "--type"},
    {EF_SEARCH, "--search"}, {EF_FLAGGED, "--flagged"}, {EF_ROUND, "--round/--unit"},
    {EF_ALL, "--all-columns"},
};

static unsigned given(const struct export_args *p)
{
    return (p->township || p->village ? EF_PLACE : 0) | (p->category ? EF_CATEGORY : 0) |
           (p->state ? EF_STATE : 0) | (p->year ? EF_YEAR : 0) | (p->month ? EF_MONTH : 0) |
           (p->type ? EF_KIND : 0) | (p->search ? EF_SEARCH : 0) |
           (p->flagged ? EF_FLAGGED : 0) | (p->round || p->unit ? EF_ROUND : 0) |
           (p->all_columns ? EF_ALL : 0);
}

/* The kinds' names, for messages. */
static void kind_names(struct sbuf *sb)
{
    size_t i;

    for (i = 0; i < export_nkinds; i++) {
        sbuf_addf(sb, "%s%s", i ? ", " : "", export_kinds[i]->name);
    }
}

static int parse(const struct cmd *c, struct export_args *p, int argc, char **argv)
{
    struct sbuf names = SBUF_INIT;
    unsigned extra;
    size_t i;
    int rc;

    memset(p, 0, sizeof(*p));
    if (argc < 2 || (p->kind = export_kind_find(argv[1])) == NULL) {
        kind_names(&names);
        rc = argc < 2 ? cli_usage_error(c, _("say what to export: %s"), names.buf)
                      : cli_usage_error(c, _("'%s' is not a kind of export: %s"), argv[1],
                                        names.buf);
        sbuf_release(&names);
        return rc;
    }
    if ((rc = cli_opts_parse(c, export_opts, 0, argc, argv, 2, p, NULL)) != 0) {
        return rc;
    }
    extra = given(p) & ~p->kind->filters;
    for (i = 0; i < ARRAY_SIZE(takes); i++) {
        if (extra & takes[i].bit) {
            return cli_usage_error(c, _("%s does not apply to an export of %s"), takes[i].name,
                                   p->kind->name);
        }
    }
    return 0;
}

/* --township and --village into F. */
static int places(struct app *a, const struct export_args *p, struct export_filter *f,
                  struct err *e)
{
    struct division d;

    if (p->township != NULL) {
        if (db_division_resolve(a->db, p->township, &d, e) < 0) {
            return -1;
        }
        if (d.level != LEVEL_TOWNSHIP) {
            return err_set(e, ERR_INVALID, _("%s is not a township"), d.name);
        }
        f->hh.township_id = d.id;
    }
    if (p->village != NULL) {
        if (db_division_resolve(a->db, p->village, &d, e) < 0) {
            return -1;
        }
        if (d.level != LEVEL_VILLAGE) {
            return err_set(e, ERR_INVALID, _("%s is not a village: give it as 乡镇/村"), d.name);
        }
        f->hh.village_id = d.id;
        f->hh.township_id = d.parent_id;
    }
    return 0;
}

/* --category: a code of the monitoring categories, by code or label. */
static int category(const struct codebook *cb, const char *s, struct export_filter *f,
                    struct err *e)
{
    const struct code *c = code_find_loose(codebook_table(cb, "category"), s);

    if (c == NULL) {
        return err_set(e, ERR_INVALID, _("'%s' is not a monitoring category"), s);
    }
    snprintf(f->hh.category, sizeof(f->hh.category), "%s", c->code);
    return 0;
}

/* --state: monitored (every state of a monitoring object), or a state. */
static int state(const char *s, struct export_filter *f, struct err *e)
{
    enum case_state st;
    int i;

    if (strcmp(s, "monitored") == 0) {
        f->hh.states = list_states_monitored();
        return 0;
    }
    if (case_state_parse(s, &st) == 0) {
        f->hh.states = LIST_STATE(st);
        return 0;
    }
    for (i = CS_CLUE; i < CS_COUNT; i++) {
        if (strcmp(s, case_state_label((enum case_state)i)) == 0) {
            f->hh.states = LIST_STATE(i);
            return 0;
        }
    }
    return err_set(e, ERR_INVALID, _("'%s' is not a state of the procedure"), s);
}

/* The arguments as the filter. */
static int filter(struct app *a, const struct print_env *env, const struct export_args *p,
                  struct export_filter *f, struct err *e)
{
    export_filter_init(f);
    f->year = p->year;
    f->month = p->month;
    f->flagged = p->flagged;
    f->all_columns = p->all_columns;
    f->reveal = p->reveal;
    if (p->type != NULL) {
        snprintf(f->code, sizeof(f->code), "%s", p->type);
    }
    if (p->search != NULL) {
        snprintf(f->hh.search, sizeof(f->hh.search), "%s", p->search);
    }
    if (places(a, p, f, e) < 0 || (p->category && category(env->codes, p->category, f, e) < 0) ||
        (p->state && state(p->state, f, e) < 0)) {
        return -1;
    }
    if (p->round != NULL && assess_cli_round(a, p->round, &f->round, e) < 0) {
        return -1;
    }
    if (p->unit != NULL) {
        if (f->round == 0 && assess_cli_round(a, "latest", &f->round, e) < 0) {
            return -1;
        }
        return assess_cli_unit(a, f->round, p->unit, &f->unit, e);
    }
    return 0;
}

static void dest(struct app *a, const struct export_args *p, struct export_dest *d)
{
    static const enum sheet_encoding enc[] = {SHEET_ENC_UTF8, SHEET_ENC_UTF8,
                                              SHEET_ENC_GB18030, SHEET_ENC_UTF8,
                                              SHEET_ENC_GB18030};
    const char *dir = a->settings.print_dir;

    memset(d, 0, sizeof(*d));
    d->path = p->path;
    d->dir = dir != NULL && *dir ? dir : getenv("HOME");
    d->format = p->format == 1 ? SHEET_CSV : p->format == 2 ? SHEET_XLSX : SHEET_AUTO;
    d->encoding = enc[p->encoding];
    d->overwrite = p->force;
}

/* ---- export snapshot: the county for the province's roll-up ---------- */

struct snapshot_args {
    const char *path, *key_file;
    int without_personal;
};

static const struct cli_opt snapshot_opts[] = {
    {.name = "--output", .alias = "-o", .kind = OPT_TEXT, .off = offsetof(struct snapshot_args, path)},
    {.name = "--without-personal", .kind = OPT_FLAG,
     .off = offsetof(struct snapshot_args, without_personal)},
    {.name = "--hash-key-file", .kind = OPT_TEXT, .off = offsetof(struct snapshot_args, key_file)},
    {.name = NULL},
};

/* The county (administrators and county accounts) may send its whole
 * data; a township's or village's account holds only its part. */
static int may_snapshot(const struct actor *who, struct err *e)
{
    if (who->role == ROLE_ADMIN || who->role == ROLE_COUNTY) {
        return 0;
    }
    return err_set(e, ERR_DENIED, _("a snapshot holds the whole county, so only administrators and county accounts make one; your role is %s"),
                   role_label(who->role));
}

/* The default directory: snapshot-CODE-DATE in print_dir, else home. */
static char *snapshot_dest(struct app *a, const char *code)
{
    const char *dir = a->settings.print_dir;
    struct sbuf p = SBUF_INIT;
    char now[32];

    clock_now(now, sizeof(now));
    now[10] = '\0';
    sbuf_addf(&p, "%s/snapshot-%s-%s", dir != NULL && *dir ? dir : getenv("HOME"), code, now);
    return sbuf_detach(&p);
}

static int cmd_export_snapshot(struct app *a, const struct cmd *c, int argc, char **argv)
{
    struct snapshot_args p = {NULL, NULL, 0};
    struct snapshot_opts o;
    struct snapshot_result r;
    struct print_env env;
    char code[16];
    char *dest = NULL;
    struct err e;
    int rc;

    err_clear(&e);
    if ((rc = cli_opts_parse(c, snapshot_opts, 0, argc, argv, 2, &p, NULL)) != 0) {
        return rc;
    }
    if (p.without_personal != (p.key_file != NULL)) {
        return cli_usage_error(c, "%s", _("--without-personal needs the province's key: --hash-key-file FILE (and the key is only for it)"));
    }
    if (may_snapshot(&a->actor, &e) < 0 || db_meta_get(a->db, "county_code", code, sizeof(code), &e) < 0) {
        return cli_fail(&e);
    }
    app_print_env(a, &env);
    o.dest = p.path != NULL ? p.path : (dest = snapshot_dest(a, code));
    o.county_code = code;
    o.province_code = a->province;
    o.without_personal = p.without_personal;
    o.key_file = p.key_file;
    rc = snapshot_run(&env, &o, &r, &e);
    if (rc == 0) {
        printf(_("Exported the county's snapshot: %d files, %lld rows, to %s (recorded in the audit log).\n"),
               r.files, (long long)r.rows, o.dest);
    }
    free(dest);
    return rc == 0 ? EXIT_OK : cli_fail(&e);
}

int cmd_export(struct app *a, int argc, char **argv)
{
    const struct cmd *c = cli_find("export");
    struct export_args p;
    struct export_filter f;
    struct export_dest d;
    struct export_result r;
    struct print_env env;
    struct err e;
    int rc;

    err_clear(&e);
    if (argc >= 2 && strcmp(argv[1], "snapshot") == 0) {
        return cmd_export_snapshot(a, c, argc, argv);
    }
    if ((rc = parse(c, &p, argc, argv)) != 0) {
        return rc;
    }
    app_print_env(a, &env);
    if (filter(a, &env, &p, &f, &e) < 0) {
        return cli_fail(&e);
    }
    dest(a, &p, &d);
    if (export_run(&env, p.kind, &f, &d, &r, &e) < 0) {
        export_result_clear(&r);
        return cli_fail(&e);
    }
    /* The sheet itself may be on stdout: the report goes beside it. */
    fprintf(strcmp(r.path, "-") == 0 ? stderr : stdout,
            _("Exported %lld rows to %s (recorded in the audit log).\n"), (long long)r.rows, r.path);
    if (strcmp(p.kind->name, "national") == 0 && !f.reveal) {
        fputs(_("ID and phone numbers are masked: the national system and `import national` "
                "need them whole; export with --reveal (roles that may see them).\n"),
              strcmp(r.path, "-") == 0 ? stderr : stdout);
    }
    export_result_clear(&r);
    return EXIT_OK;
}
