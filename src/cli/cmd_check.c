/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cmd_check.c - `zhenxing check`: the database's integrity, then every
 * household in the user's scope through the registry's rules.
 */
#include "config.h"
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cli/opts.h"
#include "core/date.h"
#include "core/findings.h"
#include "core/policy.h"
#include "core/rules.h"
#include "db/db.h"
#include "db/db_check.h"
#include "db/db_snapshot.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/notes.h"
#include "util/sbuf.h"
#include "util/u8.h"
#include "util/xalloc.h"

/* The severity label padded so that the column after it lines up in any
 * language. */
static void
add_severity(struct sbuf *sb, enum severity sev)
{
    size_t w = u8_width(severity_label(SEV_ERROR));
    size_t ww = u8_width(severity_label(SEV_WARNING));

    u8_pad(sb, severity_label(sev), (w > ww ? w : ww) + 2, 0);
}

static int
print_rules(void)
{
    const struct finding_rule *r = NULL;
    struct sbuf sb = SBUF_INIT;
    size_t i, n;

    r = finding_rules(&n);
    for (i = 0; i < n; i++) {
        sbuf_reset(&sb);
        sbuf_addf(&sb, "%s  ", r[i].code);
        add_severity(&sb, r[i].sev);
        sbuf_adds(&sb, _(r[i].title));
        printf("%s\n", sb.buf);
    }
    sbuf_release(&sb);
    return EXIT_OK;
}

/* Print the integrity problems; returns an exit status or 0. */
static int
integrity_report(struct integrity *it, size_t *problems)
{
    char **v;
    size_t i, n;
    struct err e;

    err_clear(&e);
    if (db_integrity_finish(it, &v, &n, &e)) {
        return cli_fail(&e);
    }
    for (i = 0; i < n; i++) {
        printf(_("database: %s\n"), v[i]);
        free(v[i]);
    }
    free(v);
    *problems = n;
    printf(_("database: %s\n"),
           n ? _("PROBLEMS FOUND (see above); restore from a backup and report them")
             : _("sound"));
    return 0;
}

static void
print_finding(const struct hh_snapshot *s, const struct finding *f,
              struct sbuf *sb)
{
    sbuf_reset(sb);
    u8_pad(sb, s->hh.hh_no, 18, 0);
    sbuf_addf(sb, "%s  ", f->code);
    add_severity(sb, f->sev);
    sbuf_adds(sb, f->msg);
    printf("%s\n", sb->buf);
}

/* Count of findings per registry entry, printed as the summary. */
static void
print_summary(size_t households, const size_t *counts)
{
    const struct finding_rule *r;
    struct sbuf sb = SBUF_INIT;
    size_t i, n, errors = 0, warnings = 0;

    r = finding_rules(&n);
    for (i = 0; i < n; i++) {
        *(r[i].sev == SEV_ERROR ? &errors : &warnings) += counts[i];
    }
    printf(_("Checked %zu households: %zu errors, %zu warnings.\n"), households,
           errors, warnings);
    for (i = 0; i < n; i++) {
        if (counts[i] == 0) {
            continue;
        }
        sbuf_reset(&sb);
        sbuf_addf(&sb, "  %s  ", r[i].code);
        add_severity(&sb, r[i].sev);
        sbuf_addf(&sb, "%7zu  %s", counts[i], _(r[i].title));
        printf("%s\n", sb.buf);
    }
    sbuf_release(&sb);
}

static int
registry_index(const char *code)
{
    const struct finding_rule *r;
    size_t i, n;

    r = finding_rules(&n);
    for (i = 0; i < n; i++) {
        if (strcmp(r[i].code, code) == 0) {
            return (int)i;
        }
    }
    return -1;
}

struct tally {
    size_t households;
    size_t found;
    size_t *counts;     /* per registry entry */
};

/* Every household in the user's scope through the rules, printing the
 * findings and counting them in T. */
static int
rules(struct app *a, struct tally *t)
{
    struct rule_ctx ctx = app_rule_ctx(a);
    struct hh_snapshot s;
    struct findings f;
    struct snap_iter *it;
    struct sbuf sb = SBUF_INIT;
    struct err e;
    size_t i;
    int rc;

    err_clear(&e);
    memset(&s, 0, sizeof(s));
    memset(&f, 0, sizeof(f));
    if (snap_iter_open(&it, a->db, 1, INT64_MAX, &e)) {
        return cli_fail(&e);
    }
    while ((rc = snap_iter_next(it, &s, &e)) == 1) {
        if (!actor_sees(&a->actor, s.hh.township_id, s.hh.village_id)) {
            continue;
        }
        t->households++;
        findings_reset(&f);
        rules_check_household(&ctx, &s, &f);
        for (i = 0; i < f.n; i++) {
            int k = registry_index(f.v[i].code);

            print_finding(&s, &f.v[i], &sb);
            t->counts[k < 0 ? 0 : k]++;
            t->found++;
        }
    }
    snap_iter_close(it);
    sbuf_release(&sb);
    findings_free(&f);
    snapshot_free(&s);
    return rc < 0 ? cli_fail(&e) : 0;
}

/* What the policy files lack for today's year, printed; how many. */
static size_t
policy_report(struct app *a)
{
    struct notes gaps = {NULL, 0};
    size_t i, n;

    n = policy_gaps(&a->policy, a->province, date_year(app_today()), &gaps);
    for (i = 0; i < n; i++) {
        printf("%s\n", gaps.v[i]);
    }
    notes_clear(&gaps);
    return n;
}

struct check_args {
    int rules, full;
};

static const struct cli_opt check_opts[] = {
    {.name = "--rules", .kind = OPT_FLAG, .off = offsetof(struct check_args, rules)},
    {.name = "--full", .kind = OPT_FLAG, .off = offsetof(struct check_args, full)},
    {.name = NULL},
};

int
cmd_check(struct app *a, int argc, char **argv)
{
    const struct cmd *c = cli_find("check");
    struct tally t = {0, 0, NULL};
    size_t problems = 0, n;
    struct integrity *it;
    struct db *second;
    struct check_args o = {0, 0};
    struct err e;
    int rc, rc2;

    if ((rc = cli_opts_parse(c, check_opts, 0, argc, argv, 1, &o, NULL)) != 0) {
        return rc;
    }
    if (o.rules) {
        return print_rules();
    }
    if ((rc = cli_prepare(a, CMD_POLICY | CMD_LOGIN)) != 0) {
        return rc;
    }
    if (app_open_conn(a, DB_READONLY, &second, &e)) {
        return cli_fail(&e);
    }
    finding_rules(&n);
    t.counts = xcalloc(n, sizeof(size_t));
    it = db_integrity_start(second, o.full);
    rc = rules(a, &t);
    rc2 = integrity_report(it, &problems);
    app_close_conn(a, second);
    if (rc == 0 && rc2 == 0) {
        problems += policy_report(a);
        print_summary(t.households, t.counts);
        rc = problems || t.found ? EXIT_FINDINGS : EXIT_OK;
    }
    free(t.counts);
    return rc != 0 ? rc : rc2;
}
