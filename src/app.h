/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * app.h - the program's state, passed explicitly to every subcommand and
 * screen: settings, policy tables, the database and who is acting.
 * Initialisation runs in a fixed order (messages, settings, language,
 * policy, database, login) and app_release() undoes whatever was done.
 */
#ifndef ZX_APP_H
#define ZX_APP_H

#include "cfg/settings.h"
#include "core/policy.h"
#include "core/role.h"
#include "core/rules.h"

struct db;
struct err;

struct app {
    struct settings settings;
    const char *config_file;    /* --config, or NULL */
    const char *db_override;    /* --db, or NULL */
    char *db_path;              /* resolved database file */
    int db_store;               /* db_path is the county's store (the
                                 * system settings'): opened with the
                                 * store's group on a setgid install */
    char *datadir;
    struct policy policy;
    int policy_loaded;
    struct db *db;
    char province[8];           /* the county's province code */
    char county[200];           /* the county's name */
    char login[64];             /* the Unix login running us */
    struct actor actor;         /* its account, after app_login() */
};

/* Messages, settings (system, user, --config) and language. */
int app_init(struct app *a, const char *config_file, const char *db_override,
             struct err *e);

/* The policy files from the data directory and the county's. */
int app_load_policy(struct app *a, struct err *e);

/* Open the database (flags of db_open) and read the county's province. */
int app_open_db(struct app *a, int flags, struct err *e);

/* 0 when this run may create A's database (init, demo); -1 with E
 * when it is the county's store on a setgid install and the user is not
 * root: setup makes it. */
int app_may_create(const struct app *a, struct err *e);

/* Another connection to the database, opened as app_open_db opens it
 * (the store with its group, taken for the opening alone); close it
 * with app_close_conn.  Creating the store's database (DB_CREATE) on a
 * setgid install is root's, through `zhenxing setup`. */
int app_open_conn(struct app *a, int flags, struct db **out, struct err *e);
void app_close_conn(struct app *a, struct db *db);

/* Close a->db (NULL is ignored). */
void app_close_db(struct app *a);

/* 0 when PATH is a database of the user's own that --db may name on a
 * setgid install: an ordinary file owned by the real uid, or none yet,
 * and not in the store; ERR_DENIED otherwise. */
int app_db_yours(const char *path, struct err *e);

/* Look up the account of the Unix login. */
int app_login(struct app *a, struct err *e);

/* A rule context for today. */
struct rule_ctx app_rule_ctx(const struct app *a);

/* Today's day number. */
int app_today(void);

/* What the prints are made from: the database, the account, the codes,
 * the county's name, the hotline and today. */
struct print_env;
void app_print_env(struct app *a, struct print_env *env);

/* Print the settings warnings to stderr (CLI) and forget them. */
void app_flush_warnings(struct app *a);

void app_release(struct app *a);

#endif
