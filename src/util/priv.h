/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * priv.h - the one privilege of a county server install: the program is
 * setgid to the group that owns the county's store (/var/lib/zhenxing,
 * root:zhenxing), so that staff reach the store through it alone.  It
 * runs with the user's own group and takes the store's group only while
 * it opens the store; everything else (the user's settings, drafts,
 * prints and exports, the print command) is done with the user's rights.
 * Without a setgid install every call here is a no-op.
 */
#ifndef ZX_PRIV_H
#define ZX_PRIV_H

struct err;

/* First thing in main(): note the group the program was started with
 * (the store's, when setgid) and go back to the user's own group. */
void priv_init(void);

/* 1 when the program runs setgid (its group is not the user's). */
int priv_setgid(void);

/* Take the store's group (0), or -1 with E when that fails. */
int priv_raise(struct err *e);

/* Back to the user's own group; a failure ends the program (it never
 * goes on with the store's group by mistake). */
void priv_drop(void);

/* For a child about to run another program: give up the store's group
 * for good (real, effective and saved); 0, or -1 with errno. */
int priv_give_up(void);

/* The county's store: the directory of the system settings' database
 * (DIR; nothing happens when it does not exist).  Prints and exports are
 * never written there (priv_in_store), whoever runs the program. */
void priv_set_store(const char *dir);

/* The store's directory as given to priv_set_store ("" when none). */
const char *priv_store(void);

/* 1 when a file PATH would land in the store's directory or in one
 * under it, the directories on the way followed as open() would follow
 * them (a link to the store, "..", a bind mount); 0 otherwise, also when
 * PATH's directory cannot be reached at all. */
int priv_in_store(const char *path);

/* The variable NAME of the environment, but NULL when the program runs
 * setgid: nothing of the user's environment moves the county's date,
 * configuration, messages or store (secure_getenv). */
const char *priv_getenv(const char *name);

#endif
