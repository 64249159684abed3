/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_check.c - integrity checks.
 */
#include "config.h"
#include "db/db_check.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db_priv.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

static void
push(char ***v, size_t *n, const char *s)
{
    *v = xrealloc(*v, (*n + 1) * sizeof(char *));
    (*v)[(*n)++] = xstrdup(s);
}

int
db_integrity(struct db *db, int full, char ***v, size_t *n, struct err *e)
{
    static const char quick[] = "PRAGMA quick_check";
    static const char whole[] = "PRAGMA integrity_check";
    static const char fk[] = "PRAGMA foreign_key_check";
    sqlite3_stmt *st = db_prep(db, full ? whole : quick, e);
    char line[256];
    int rc;

    *v = NULL;
    *n = 0;
    if (st == NULL) {
        return -1;
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *msg = (const char *)sqlite3_column_text(st, 0);

        if (msg != NULL && strcmp(msg, "ok") != 0) {
            push(v, n, msg);
        }
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE || (st = db_prep(db, fk, e)) == NULL) {
        return db_fail(db, e, _("checking the database"));
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        snprintf(line, sizeof(line), _("table %s row %lld refers to a missing row of %s"),
                 sqlite3_column_text(st, 0), (long long)sqlite3_column_int64(st, 1),
                 sqlite3_column_text(st, 2));
        push(v, n, line);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        return db_fail(db, e, _("checking the database"));
    }
    return 0;
}

struct integrity {
    pthread_t thread;
    struct db *db;
    int full, started;
    int rc;
    char **v;
    size_t n;
    struct err e;
};

static void *
run(void *arg)
{
    struct integrity *it = arg;

    it->rc = db_integrity(it->db, it->full, &it->v, &it->n, &it->e);
    return NULL;
}

struct integrity *
db_integrity_start(struct db *db, int full)
{
    struct integrity *it = xcalloc(1, sizeof(*it));

    it->db = db;
    it->full = full;
    /* Without a thread, do the work now: the result is the same. */
    it->started = pthread_create(&it->thread, NULL, run, it) == 0;
    if (!it->started) {
        run(it);
    }
    return it;
}

int
db_integrity_finish(struct integrity *it, char ***v, size_t *n, struct err *e)
{
    int rc;

    if (it->started) {
        pthread_join(it->thread, NULL);
    }
    rc = it->rc;
    *v = it->v;
    *n = it->n;
    if (rc != 0 && e != NULL) {
        *e = it->e;
    }
    free(it);
    return rc;
}
