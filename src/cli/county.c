/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * county.c - creating county databases.
 */
#include "config.h"
#include "cli/county.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "core/date.h"
#include "core/money.h"
#include "db/db.h"
#include "db/db_audit.h"
#include "db/db_division.h"
#include "db/db_list.h"
#include "db/db_staff.h"
#include "util/array.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/u8.h"
#include "util/xalloc.h"

static int
county_name_ok(const char *s)
{
    size_t n = strlen(s), i;

    if (n == 0 || u8_chars(s) > 30 || !u8_valid(s, n)) {
        return 0;
    }
    for (i = 0; i < n; i++) {
        if ((unsigned char)s[i] < 0x20 || s[i] == '/') {
            return 0;
        }
    }
    return 1;
}

int
county_spec_check(const struct policy *p, const char *province,
                  const char *county, const char *code,
                  struct county_spec *out, struct err *e)
{
    const struct code *prov =
        code_find_loose(codebook_table(&p->codes, "province"), province);
    size_t i;

    memset(out, 0, sizeof(*out));
    if (prov == NULL) {
        return err_set(e, ERR_USAGE, _("unknown province '%s'; give its code (e.g. 51) or its name (e.g. 四川省)"),
                       province);
    }
    if (!county_name_ok(county)) {
        return err_set(e, ERR_USAGE, _("the county name must be 1 to 30 characters of UTF-8 text without '/'"));
    }
    if (code != NULL && *code != '\0') {
        for (i = 0; code[i] != '\0'; i++) {
            if (code[i] < '0' || code[i] > '9') {
                break;
            }
        }
        if (i != 6 || code[i] != '\0' || strncmp(code, prov->code, 2) != 0) {
            return err_set(e, ERR_USAGE, _("the county code must be six digits beginning with the province code %s"),
                           prov->code);
        }
        snprintf(out->code, sizeof(out->code), "%s", code);
    }
    snprintf(out->province, sizeof(out->province), "%s", prov->code);
    snprintf(out->province_label, sizeof(out->province_label), "%s", prov->label);
    snprintf(out->county, sizeof(out->county), "%s", county);
    return 0;
}

void
county_remove_files(const char *path)
{
    unlink(path);
    county_remove_sides(path);
}

void
county_remove_sides(const char *path)
{
    static const char *const ext[] = {"-wal", "-shm", "-journal"};
    size_t i, n = strlen(path) + 10;
    char *p = xmalloc(n);

    for (i = 0; i < ARRAY_SIZE(ext); i++) {
        snprintf(p, n, "%s%s", path, ext[i]);
        unlink(p);
    }
    free(p);
}

/* Open or create the file; refuse one that holds a county already. */
static int
open_empty(struct app *a, int *created, struct err *e)
{
    char *dir;

    *created = !path_exists(a->db_path);
    if (*created && a->db_override == NULL && a->settings.database[0] == '\0') {
        dir = path_dirname(a->db_path);
        if (path_mkdirs(dir, e)) {
            free(dir);
            return -1;
        }
        free(dir);
    }
    if (app_open_db(a, DB_CREATE, e)) {
        return -1;
    }
    if (a->county[0] != '\0') {
        return err_set(e, ERR_INVALID, _("'%s' already holds the county %s; it was not changed"),
                       a->db_path, a->county);
    }
    return 0;
}

static int
fill(struct app *a, const struct county_spec *spec, struct err *e)
{
    struct staff admin;
    char now[32];
    int64_t id;

    clock_now(now, sizeof(now));
    if (db_meta_set(a->db, "province", spec->province, e) ||
        db_meta_set(a->db, "county", spec->county, e) ||
        db_meta_set(a->db, "county_code", spec->code, e) ||
        db_meta_set(a->db, "created_at", now, e) ||
        db_meta_set(a->db, "created_by", a->login, e) ||
        db_meta_set(a->db, "list_version", LIST_VERSION, e) ||
        db_division_add(a->db, a->login, 1, 0, spec->code, spec->county, 1,
                        &id, e)) {
        return -1;
    }
    memset(&admin, 0, sizeof(admin));
    snprintf(admin.login, sizeof(admin.login), "%s", a->login);
    snprintf(admin.name, sizeof(admin.name), "%s", a->login);
    admin.role = ROLE_ADMIN;
    admin.active = 1;
    return db_staff_add(a->db, a->login, &admin, e);
}

int
county_create(struct app *a, const struct county_spec *spec, struct err *e)
{
    int created = 0;

    if (open_empty(a, &created, e) == 0 && db_begin(a->db, e) == 0) {
        if (fill(a, spec, e) == 0 && db_commit(a->db, e) == 0) {
            snprintf(a->province, sizeof(a->province), "%s", spec->province);
            snprintf(a->county, sizeof(a->county), "%s", spec->county);
            return 0;
        }
        db_rollback(a->db);
    }
    if (created) {
        app_close_db(a);
        county_remove_files(a->db_path);
    }
    return -1;
}

void
county_report_line(const struct app *a, FILE *fp)
{
    int y, m, d;
    const struct line_entry *l;
    char yuan[MONEY_BUF];

    date_to_ymd(app_today(), &y, &m, &d);
    l = policy_line(&a->policy, a->province, y);
    if (l == NULL) {
        char *dir = settings_policy_dir(&a->settings);

        fprintf(fp, _("There is no monitoring line for %d yet: add it to lines.conf in %s.\n"),
                y, dir);
        free(dir);
        return;
    }
    money_format(l->fen, 1, yuan);
    fprintf(fp, _("Monitoring line for %d: %s yuan per person per year (%s:%d).\n"),
            y, yuan, l->file, l->line);
    if (l->is_default) {
        fprintf(fp, "%s\n", _("This is a shipped default: confirm it with the province's notice and put the county's value in its own lines.conf."));
    }
}
