/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * notes.h - a list of messages to show later (the warnings of the set-up:
 * an unknown setting, a misspelled key of a policy file), in the order
 * they were made.
 */
#ifndef ZX_NOTES_H
#define ZX_NOTES_H

#include <stddef.h>

struct notes {
    char **v;
    size_t n;
};

/* Add a message (printf-formatted, cut at ERR_MSG_MAX bytes). */
void notes_add(struct notes *n, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Drop every message. */
void notes_clear(struct notes *n);

#endif
