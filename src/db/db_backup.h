/*
 * db_backup.h - copying the county database with SQLite's online backup
 * API while other staff keep working.
 */
#ifndef ZX_DB_BACKUP_H
#define ZX_DB_BACKUP_H

struct db;
struct err;

/* Copy DB to DEST (written to a temporary file next to it, checked, then
 * renamed into place).  DEST must not exist unless OVERWRITE. */
int db_backup(struct db *db, const char *dest, int overwrite, struct err *e);

#endif
