/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_busy.c - waiting for the write lock.  SQLite's own timeout sleeps
 * longer and longer (100 ms at the end) and gives up after a fixed time
 * however busy the database is; with 40 writers on two cores a waiter
 * that polls every 100 ms keeps finding the lock taken and 1.8% of the
 * writes failed after the whole 5 s.  Here a waiter polls after a short
 * random sleep (1 to 16 ms, doubling from 1 ms, so that waiters do not
 * wake together), and the wait is measured from the last sign of progress:
 * the write-ahead log changing means other writers are getting through,
 * so a crowd never makes anyone give up, while a lock held by one that
 * does not move (a long transaction, a stuck program) still ends the
 * wait after busy_timeout.  BUSY_CAP_MS bounds every wait all the same.
 */
#include "config.h"
#include "db/db_priv.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* The longest wait whatever the progress, and the longest sleep. */
#define BUSY_CAP_MS 120000
#define BUSY_SLEEP_MAX_MS 16

static int64_t
now_ms(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* 1 when the write-ahead log changed since the last look.  A log that
 * another program's last connection removed just as this one opened is
 * looked up again by its name (which a setgid user cannot: then only the
 * time counts). */
static int
log_moved(struct db_busy *b)
{
    struct stat st;
    int moved;

    if (b->wal_fd >= 0 && fstat(b->wal_fd, &st) == 0 && st.st_nlink == 0 &&
        b->wal_path != NULL) {
        int fd = open(b->wal_path, O_RDONLY | O_CLOEXEC);

        if (fd >= 0) {
            close(b->wal_fd);
            b->wal_fd = fd;
        }
    }
    if (b->wal_fd < 0 || fstat(b->wal_fd, &st) != 0) {
        return 0;
    }
    moved = st.st_size != b->wal_size || st.st_mtim.tv_sec != b->wal_mtime.tv_sec ||
            st.st_mtim.tv_nsec != b->wal_mtime.tv_nsec;
    b->wal_size = st.st_size;
    b->wal_mtime = st.st_mtim;
    return moved;
}

/* SQLite's busy handler: 1 to try again, 0 to give up (SQLITE_BUSY). */
static int
wait_more(void *arg, int tries)
{
    struct db_busy *b = arg;
    int64_t now = now_ms();
    int ms;

    if (tries == 0) {
        b->start = b->progress = now;
        log_moved(b);
    } else if (log_moved(b)) {
        b->progress = now;
    }
    if (now - b->progress >= b->ms || now - b->start >= BUSY_CAP_MS) {
        return 0;
    }
    ms = 1 << (tries < 4 ? tries : 4);
    ms = ms / 2 + rand_r(&b->seed) % (ms / 2 + 1);
    if (ms > BUSY_SLEEP_MAX_MS) {
        ms = BUSY_SLEEP_MAX_MS;
    }
    sqlite3_sleep(ms > 0 ? ms : 1);
    return 1;
}

void
db_busy_init(struct db *db, int busy_ms)
{
    struct db_busy *b = &db->busy;

    b->ms = busy_ms;
    b->wal_fd = -1;
    b->seed = (unsigned)getpid() ^ (unsigned)now_ms();
    if (busy_ms > 0) {
        sqlite3_busy_handler(db->h, wait_more, b);
    } else {
        sqlite3_busy_handler(db->h, NULL, NULL);
    }
}

void
db_busy_watch(struct db *db)
{
    /* The log stays while this connection is open (SQLite truncates it,
     * never removes it, until the last connection closes); SQLite holds
     * no lock on it, so this descriptor may be closed at any time. */
    if (db->busy.wal_fd < 0) {
        db->busy.wal_path = sqlite3_mprintf("%s-wal", db->path);
        db->busy.wal_fd = db->busy.wal_path != NULL
                              ? open(db->busy.wal_path, O_RDONLY | O_CLOEXEC)
                              : -1;
    }
}

void
db_busy_close(struct db *db)
{
    if (db->busy.wal_fd >= 0) {
        close(db->busy.wal_fd);
        db->busy.wal_fd = -1;
    }
    sqlite3_free(db->busy.wal_path);
    db->busy.wal_path = NULL;
}
