/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * settings.h - the user's settings, read from libconfig files in order:
 * the system file (<sysconfdir>/zhenxing/zhenxing.conf, /etc/zhenxing/ in
 * the Debian layout), the user's file
 * ($XDG_CONFIG_HOME/zhenxing/zhenxing.conf), then --config FILE.  Later
 * files override earlier ones key by key.  One table in settings.c lists
 * every key with its type, default and check.
 */
#ifndef ZX_SETTINGS_H
#define ZX_SETTINGS_H

#include <stddef.h>

#include "util/notes.h"

struct err;

struct settings {
    char *database;        /* "" = the default location */
    char *language;        /* "zh_CN" or "en" */
    int busy_timeout;      /* milliseconds to wait for a locked database */
    char *policy_dir;      /* county's own policy files; "" = <sysconfdir>/policy */
    char *print_command;   /* program that prints (argument vector) */
    char *printer;         /* printer name, "" = the default printer */
    int copies;
    char *print_format;    /* "pdf" or "text" */
    char *print_font;      /* font family of the PDF's text */
    char *print_title_font;/* font family of the PDF's titles */
    int print_text_lines;  /* lines on a page of a text print */
    char *print_hotline;   /* 监督电话 on household cards and publicity */
    char *print_dir;       /* where prints are saved; "" = the home directory */
    char *cursor_style;    /* "bar" or "marker" (thin links) */
    char *store_db;        /* the system file's database: the county's
                            * store on a server install ("" = none) */
    int restricted;        /* the files read now may set only the keys a
                            * user may (setgid; see keys[] in settings.c) */
    char *backup_roles;    /* roles besides administrators that may make
                            * backups: "county" (default "admin") */
    struct notes warnings; /* unknown keys etc., for the caller to show;
                            * policy_load adds those of the policy files */
};

/* Defaults for every key. */
void settings_init(struct settings *s);
void settings_release(struct settings *s);

/* Read one file.  MUST_EXIST: a missing file is an error (--config);
 * otherwise it is skipped.  An error names the file, the line and what
 * was expected; unknown keys become warnings.  When S->restricted, a key
 * only the system file may set (database, policy_dir, print_hotline) is
 * an error (ERR_DENIED) naming the key and the file. */
int settings_load_file(struct settings *s, const char *path, int must_exist,
                       struct err *e);

/* The system file (its database becomes S->store_db), then the user's
 * file, then EXTRA (may be NULL); those two restricted when the program
 * runs setgid. */
int settings_load(struct settings *s, const char *extra, struct err *e);

/* The system settings directory: $ZHENXING_SYSCONFDIR when set (tests;
 * ignored when setgid), else PKGSYSCONFDIR, $(sysconfdir)/zhenxing as
 * configured.  Caller frees. */
char *settings_sysconfdir(void);

/* The system settings file, <sysconfdir>/zhenxing.conf.  Caller frees. */
char *settings_system_path(void);

/* The directory of the county's policy files (setting policy_dir, by
 * default <sysconfdir>/policy).  Caller frees. */
char *settings_policy_dir(const struct settings *s);

#endif
