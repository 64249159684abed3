/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tempfile.h - temporary files that never outlive the program: a file
 * written beside its destination (a print, an export, a backup, the
 * demo) is created 0600 under a name the next run recognises,
 * ".NAME.zxtmp.PID.XXXXXX", and removed on every exit path: when the
 * work fails, at exit(), and when SIGINT, SIGTERM or SIGHUP would end
 * the program (the handler only unlinks and re-raises).  A file left by
 * a program killed with SIGKILL (which nothing can catch) is removed by
 * the next one that makes a temporary file in that directory.
 */
#ifndef ZX_TEMPFILE_H
#define ZX_TEMPFILE_H

#include <sys/types.h>

struct err;

/* How many temporary files may exist at once in one process. */
#define TEMPFILE_MAX 16

struct tempfile {
    char *path;     /* the file; NULL once placed or removed */
    int slot;       /* its entry in the registry */
};

/* Create a new empty file for DEST: ".BASE.zxtmp.PID.XXXXXX" in DEST's
 * directory (DIR_OVERRIDE instead, when not NULL), mode 0600, never an
 * existing file; register it for removal.  DB: it is an SQLite database
 * whose companions (-journal, -wal, -shm) go with it.  Before that the
 * temporary files that killed programs of this user left in that
 * directory are removed.  Returns the open file (close-on-exec), or -1
 * with E saying why in words (no directory, not allowed, ...). */
int tempfile_create(struct tempfile *t, const char *dest,
                    const char *dir_override, int db, struct err *e);

/* May a file be written whole at PATH?  Only an ordinary file is
 * replaced, and only with OVERWRITE: a directory, a symbolic link, a
 * device, a FIFO or a socket is refused (ERR_IO, in words) and left as
 * it is; an existing file without OVERWRITE is ERR_IO "already exists".
 * *MODE (may be NULL) gets an existing file's permissions. */
int tempfile_dest_check(const char *path, int overwrite, mode_t *mode,
                        struct err *e);

/* Put T in place as DEST: rename over it when OVERWRITE, else link (so
 * a DEST that appeared meanwhile is refused: ERR_IO "already exists");
 * then the directory is synced and T forgotten.  On failure T stays (the
 * caller removes it). */
int tempfile_place(struct tempfile *t, const char *dest, int overwrite,
                   struct err *e);

/* Remove T's file (and companions) and forget it; a T already placed or
 * removed is left alone. */
void tempfile_remove(struct tempfile *t);

/* Remove the temporary files of dead processes of this user in DIR
 * (what SIGKILL left); returns how many were removed. */
int tempfile_sweep(const char *dir);

#endif
