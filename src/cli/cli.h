/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli.h - the subcommands, one file each (cli/cmd_*.c), gathered in one
 * table in cli.c that also feeds `zhenxing --help`.  Exit status: 0
 * success, 1 findings or a usage mistake, 2 an error.
 */
#ifndef ZX_CLI_H
#define ZX_CLI_H

#include <stdio.h>

struct app;
struct err;

enum cli_exit {
    EXIT_OK = 0,
    EXIT_FINDINGS = 1,
    EXIT_USAGE = 1,
    EXIT_ERROR = 2,
};

enum cmd_flags {
    CMD_POLICY = 1 << 0,   /* needs the policy tables */
    CMD_DB = 1 << 1,       /* opens the existing database */
    CMD_LOGIN = 1 << 2,    /* needs the user's account (implies CMD_DB) */
    CMD_LIST = 1 << 3,     /* reads the monitoring list: rebuilt first when
                            * another version made it (implies CMD_POLICY) */
};

struct cmd {
    const char *name;
    int (*fn)(struct app *a, int argc, char **argv);
    const char *args;      /* e.g. "FILE" (untranslated, N_) */
    const char *summary;   /* one line (N_) */
    const char *help;      /* option list (N_) */
    unsigned flags;
};

/* Load what FLAGS ask for (policy, database, login) into A; returns 0 or
 * the exit status after printing the error. */
int cli_prepare(struct app *a, unsigned flags);

/* Run the subcommand ARGV[0] with its arguments; returns the exit status. */
int cli_run(struct app *a, int argc, char **argv);

/* The table entry for NAME, or NULL. */
const struct cmd *cli_find(const char *name);

/* `zhenxing --help`: the global options and every subcommand. */
void cli_print_usage(FILE *fp);

/* Print "zhenxing: MESSAGE" to stderr; returns the exit status for E. */
int cli_fail(const struct err *e);

/* Print a usage mistake and how to get help; returns EXIT_USAGE. */
int cli_usage_error(const struct cmd *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* 1 when S is a whole number from LO to HI (into *OUT). */
int cli_parse_long(const char *s, long lo, long hi, long *out);

/* Subcommands (cli/cmd_*.c). */
int cmd_init(struct app *a, int argc, char **argv);
int cmd_demo(struct app *a, int argc, char **argv);
int cmd_check(struct app *a, int argc, char **argv);
int cmd_backup(struct app *a, int argc, char **argv);
int cmd_print(struct app *a, int argc, char **argv);
int cmd_export(struct app *a, int argc, char **argv);
int cmd_user(struct app *a, int argc, char **argv);
int cmd_cadre(struct app *a, int argc, char **argv);
/* The responsible cadre named S (its name, or #id) into C, when the
 * login's account sees it (cmd_cadre.c); 0, or -1 with E. */
struct cadre;
int cli_cadre_find(struct app *a, const char *s, struct cadre *c, struct err *e);
int cmd_idcheck(struct app *a, int argc, char **argv);
int cmd_import_dept(struct app *a, const struct cmd *c, int argc, char **argv);
int cmd_assess(struct app *a, int argc, char **argv);
int cmd_report(struct app *a, int argc, char **argv);
int cmd_setup(struct app *a, int argc, char **argv);
int cmd_import(struct app *a, int argc, char **argv);

#endif
