/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cmd_demo.c - `zhenxing demo`: a synthetic county to try zhenxing on.
 * The new database is built whole in a registered temporary file (0600,
 * removed on every exit path) and only then put in place of the old one,
 * so a demo that fails or is killed leaves the old database as it was.
 */
#include "config.h"
#include "cli/cli.h"

#include <errno.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "cli/county.h"
#include "cli/demo.h"
#include "cli/opts.h"
#include "core/date.h"
#include "db/db.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/tempfile.h"

struct demo_args {
    int64_t households, seed;
    int date;
    int force;
};

static const struct cli_opt demo_opts[] = {
    {.name = "--households", .kind = OPT_I64, .off = offsetof(struct demo_args, households),
     .lo = 1, .hi = 2000000},
    {.name = "--seed", .kind = OPT_I64, .off = offsetof(struct demo_args, seed),
     .lo = 0, .hi = 2147483647LL},
    {.name = "--date", .kind = OPT_DATE, .off = offsetof(struct demo_args, date)},
    {.name = "--force", .kind = OPT_FLAG, .off = offsetof(struct demo_args, force)},
    {.name = NULL},
};

static int
parse(int argc, char **argv, struct demo_opts *o, int *force)
{
    struct demo_args d = {o->households, (int64_t)o->seed, o->date, 0};
    int rc = cli_opts_parse(cli_find("demo"), demo_opts, 0, argc, argv, 1, &d, NULL);

    o->households = (long)d.households;
    o->seed = (uint64_t)d.seed;
    o->date = d.date;
    *force = d.force;
    return rc;
}

/* May the demo take A->db_path's place?  Only a demo database (an
 * ordinary file) is replaced, and only with FORCE; nothing is removed
 * here: the new one is built first. */
static int
may_replace(struct app *a, int force, struct err *e)
{
    char demo[4];

    if (!path_exists(a->db_path)) {
        return 0;
    }
    if (!force) {
        return err_set(e, ERR_INVALID, _("'%s' already exists; give another file with --db, or --force to replace a demo database"),
                       a->db_path);
    }
    if (tempfile_dest_check(a->db_path, 1, NULL, e) || app_open_db(a, 0, e) ||
        db_meta_get(a->db, "demo", demo, sizeof(demo), e)) {
        return -1;
    }
    app_close_db(a);
    if (strcmp(demo, "1") != 0) {
        return err_set(e, ERR_INVALID, _("'%s' is a real county database, not a demo; it was not replaced"),
                       a->db_path);
    }
    a->county[0] = a->province[0] = '\0';
    return 0;
}

/* Fill the database A->db_path (an empty file) with the demo. */
static int
fill(struct app *a, const struct demo_opts *o, struct demo_stats *st,
     struct county_spec *spec, struct err *e)
{
    int rc = county_spec_check(&a->policy, "51", "青山县", "519901", spec, e) ||
                     county_create(a, spec, e) || db_bulk_mode(a->db, 1, e) ||
                     demo_generate(a, o, st, e) || db_bulk_mode(a->db, 0, e)
                 ? -1
                 : 0;

    app_close_db(a);
    return rc;
}

/* Build the demo in a temporary file beside A->db_path, then put it in
 * place (the old database's side files go first: a closed database has
 * none worth keeping, and an old -wal must not meet the new file). */
static int
build(struct app *a, const struct demo_opts *o, struct demo_stats *st,
      struct county_spec *spec, struct err *e)
{
    char *final = a->db_path;
    struct tempfile t;
    int fd, rc, old = path_exists(final);

    fd = app_may_create(a, e) < 0 ? -1 : tempfile_create(&t, final, NULL, 1, e);
    if (fd < 0) {
        return -1;
    }
    close(fd);
    a->db_path = t.path;
    rc = fill(a, o, st, spec, e);
    a->db_path = final;
    if (rc == 0 && old) {
        county_remove_sides(final);
    }
    if (rc == 0) {
        rc = tempfile_place(&t, final, old, e);
    }
    tempfile_remove(&t);
    return rc;
}

int
cmd_demo(struct app *a, int argc, char **argv)
{
    struct demo_opts o = {5000, 1, 0};
    struct demo_stats st;
    struct county_spec spec;
    struct timespec t0, t1;
    struct err e;
    int force = 0, rc;

    err_clear(&e);
    o.date = app_today();
    if ((rc = parse(argc, argv, &o, &force)) != 0) {
        return rc;
    }
    clock_gettime(CLOCK_MONOTONIC, &t0);
#ifdef M_TRIM_THRESHOLD
    /* SQLite's page cache grows and shrinks by single pages; without this
     * glibc hands memory back to the kernel (and faults it in again)
     * thousands of times a second during the bulk load. */
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
    mallopt(M_TOP_PAD, 64 << 20);
#endif
    if (may_replace(a, force, &e) || build(a, &o, &st, &spec, &e)) {
        return cli_fail(&e);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    printf(_("Created the demo county %s in %s: %ld townships, %ld villages, %ld households, %ld persons, %ld monitoring cases (%.1f s).\n"),
           spec.county, a->db_path, st.townships, st.villages, st.households,
           st.persons, st.cases,
           (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
    printf(_("Funds of %d and %d: %ld fund receipts, %ld projects, %ld allocations, %ld payments; %ld assets with %ld income records.\n"),
           date_year(o.date) - 1, date_year(o.date), st.receipts, st.projects,
           st.allocations, st.payments, st.assets, st.incomes);
    printf(_("Paired assistance: %ld partners, %ld pairings, %ld agreements with %ld targets, %ld records of arrivals; %ld resident teams with %ld members (%ld rotations), %ld months of attendance, %ld yearly grades.\n"),
           st.partners, st.pairings, st.agreements, st.targets, st.records, st.teams,
           st.members, st.rotations, st.attendance, st.grades);
    printf(_("Township staff log in as xz01..xz%02ld, county staff as xianji01; your login '%s' is the administrator.\n"),
           st.townships, a->login);
    return EXIT_OK;
}
