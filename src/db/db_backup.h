/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_backup.h - copying the county database with SQLite's online backup
 * API while other staff keep working, and checking a copy.  A copy is
 * written to a private temporary file beside its destination, checked,
 * recorded in the audit log, and only then put in place: it never
 * replaces anything but an ordinary file, and nothing leaves without its
 * audit row.
 */
#ifndef ZX_DB_BACKUP_H
#define ZX_DB_BACKUP_H

#include <stdint.h>
#include <sys/types.h>

struct db;
struct err;

struct backup_opts {
    const char *dest;       /* the copy's file */
    int overwrite;          /* replace an existing ordinary file */
    mode_t mode;            /* 0600, or 0640 for a group */
    gid_t gid;              /* the copy's group; (gid_t)-1: the user's */
    const char *actor;      /* who copies, for the audit log; NULL: not
                             * audited (setup --adopt: root's own file,
                             * left as it was) */
};

/* Copy DB as O says: ERR_IO when DEST may not be written (a directory,
 * a symbolic link, a device, a FIFO, an existing file without
 * OVERWRITE...) or the audit row cannot be written (then no copy is
 * left), ERR_DB when the copy fails its check.  *PERSONS (may be NULL)
 * gets how many persons the copy holds. */
int db_backup(struct db *db, const struct backup_opts *o, int64_t *persons,
              struct err *e);

/* What a copy holds, for `zhenxing backup --verify`. */
struct backup_info {
    int schema;             /* PRAGMA user_version */
    char county[200];
    char created_at[32];
    char last_audit[32];    /* the newest audit row's time, "" none */
    int64_t households, persons, cases, audit_rows;
    int problems;           /* what integrity_check found; 0: sound */
    char first_problem[256];
};

/* Open PATH read-only (never changing it) and check it whole
 * (integrity_check and the foreign keys): ERR_SCHEMA for a file that is
 * not a zhenxing database or comes from a newer one, else 0 with *INFO
 * filled (INFO->problems > 0 when it is damaged). */
int db_backup_verify(const char *path, struct backup_info *info,
                     struct err *e);

#endif
