/*
 * db_backup.c - online backup.  The source is in WAL mode, so copying all
 * pages in one backup step reads one consistent snapshot while writers
 * go on appending to the WAL; a busy source is retried.
 */
#include "config.h"
#include "db/db_backup.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/db_priv.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/xalloc.h"

/* 1 when PRAGMA quick_check says "ok". */
static int
quick_check_ok(sqlite3 *h)
{
    sqlite3_stmt *st = NULL;
    int ok = 0;

    if (sqlite3_prepare_v2(h, "PRAGMA quick_check", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
        ok = strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0;
    }
    sqlite3_finalize(st);
    return ok;
}

/* Copy SRC into the new file TMP. */
static int
copy_to(struct db *src, const char *tmp, struct err *e)
{
    sqlite3 *dst = NULL;
    sqlite3_backup *b;
    int rc, tries = 0;

    if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        NULL) != SQLITE_OK) {
        err_set(e, ERR_IO, _("cannot create '%s': %s"), tmp,
                dst ? sqlite3_errmsg(dst) : strerror(errno));
        sqlite3_close(dst);
        return -1;
    }
    b = sqlite3_backup_init(dst, "main", src->h, "main");
    if (b == NULL) {
        err_set(e, ERR_DB, _("cannot start the backup: %s"), sqlite3_errmsg(dst));
        sqlite3_close(dst);
        return -1;
    }
    do {
        rc = sqlite3_backup_step(b, -1);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            sqlite3_sleep(100);
        }
    } while ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED || rc == SQLITE_OK) &&
             ++tries < 600);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) {
        err_set(e, ERR_DB, _("the backup did not complete: %s"), sqlite3_errstr(rc));
        sqlite3_close(dst);
        return -1;
    }
    rc = quick_check_ok(dst);
    sqlite3_close(dst);
    if (!rc) {
        return err_set(e, ERR_DB, _("the copy failed its integrity check"));
    }
    return 0;
}

int
db_backup(struct db *db, const char *dest, int overwrite, struct err *e)
{
    size_t n = strlen(dest) + 16;
    char *tmp = xmalloc(n);
    int rc;

    if (!overwrite && path_exists(dest)) {
        free(tmp);
        return err_set(e, ERR_IO, _("'%s' already exists; choose another file name or add --force"),
                       dest);
    }
    snprintf(tmp, n, "%s.tmp%ld", dest, (long)getpid());
    rc = copy_to(db, tmp, e);
    if (rc == 0 && rename(tmp, dest) != 0) {
        rc = err_set(e, ERR_IO, _("cannot rename '%s' to '%s': %s"), tmp, dest,
                     strerror(errno));
    }
    if (rc != 0) {
        unlink(tmp);
    }
    free(tmp);
    return rc;
}
