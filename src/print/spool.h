/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * spool.h - where a finished print goes: to the print command (lp by
 * default), run without a shell, with the user's own privileges and a
 * clean environment, its failure reported with its own message; or to a
 * file, written whole or not at all.
 */
#ifndef ZX_SPOOL_H
#define ZX_SPOOL_H

#include <stddef.h>

struct err;

struct spool_cmd {
    const char *command;   /* program: a path, or a name looked up in the
                              safe PATH (/usr/local/bin:/usr/bin:/bin) */
    const char *printer;   /* "" or NULL: the system's default printer */
    int copies;            /* 1..99 */
    const char *title;     /* job title (UTF-8) */
};

/* Print DATA (LEN bytes): write it to a private temporary file (0600,
 * $TMPDIR or /tmp), run
 *     COMMAND [-d PRINTER] -n COPIES -t TITLE -- FILE
 * with stdin from /dev/null, stdout and stderr captured, an environment
 * of only PATH, HOME, USER, LOGNAME, LANG, LC_ALL, TZ, CUPS_SERVER (those set), and
 * the real user and group ids; wait for it (at most TIMEOUT_S seconds,
 * at least 1, then SIGTERM and SIGKILL to its process group); remove the
 * file.  A program that cannot be started, a non-zero exit, a signal or
 * the time limit is an error (ERR_IO) whose message (Chinese) names the
 * program and carries the first lines it printed.  An empty command or
 * COPIES outside 1..99 is ERR_INVALID. */
int spool_command(const struct spool_cmd *c, const void *data, size_t len,
                  int timeout_s, struct err *e);

/* Write DATA to PATH whole or not at all: a temporary file in the same
 * directory, written, fsync'd, then renamed over PATH (mode 0600 for a
 * new file).  An existing PATH is an error (ERR_IO, "exists") unless
 * OVERWRITE, and OVERWRITE replaces only an ordinary file: a symbolic
 * link, a device, a FIFO or a socket is refused (ERR_IO) and left as it
 * is; a directory that does not exist or cannot be written is an error
 * that says so. */
int spool_file(const char *path, int overwrite, const void *data,
               size_t len, struct err *e);

/* 1 when PATH names an existing file, not a directory (for asking
 * before overwriting). */
int spool_exists(const char *path);

#endif
