/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * opts.h - the options of a subcommand as a table: each row names the
 * option, says what its value is (a flag, a text, a whole number in a
 * range, a date, a month, one of a few words) and where it goes in the
 * subcommand's own argument struct, and in which of the subcommand's
 * modes it is taken (a kind of print, a sub-subcommand).  One parser
 * reads them all the same way: "--name value" or "--name=value", an
 * alias ("-o"), "--" before arguments that start with '-' (a negative
 * number such as "-2.5" is an argument anyway), and a usage
 * message in words for every mistake.
 */
#ifndef ZX_OPTS_H
#define ZX_OPTS_H

#include <stddef.h>
#include <stdint.h>

struct cmd;

enum opt_kind {
    OPT_FLAG = 0,   /* int, set to 1 (or to LO when LO is not 0) */
    OPT_TEXT,       /* const char *, the value as given */
    OPT_INT,        /* int from LO to HI */
    OPT_I64,        /* int64_t from LO to HI */
    OPT_DATE,       /* int day number (core/date.h) */
    OPT_MONTH,      /* int month number (core/date.h) */
    OPT_CHOICE,     /* int: the index of the value in CHOICES */
    OPT_CALL,       /* CALL(ARGS, value): 0, or -1 when it is not one */
};

struct cli_opt {
    const char *name;              /* "--year" */
    const char *alias;             /* "-o", or NULL */
    enum opt_kind kind;
    size_t off;                    /* of the field in the argument struct */
    long long lo, hi;              /* OPT_INT, OPT_I64; OPT_FLAG: the value */
    const char *const *choices;    /* OPT_CHOICE: the words, NULL-ended */
    /* N_: what the option takes, said (with the value given) when the
     * value is not one; NULL: a message of the kind's own. */
    const char *bad;
    unsigned modes;                /* the modes that take it (1 << mode); 0: all */
    int (*call)(void *args, const char *value);
};

/* Read ARGV[FIRST..ARGC-1] into ARGS: the options of OPTS (ended by a row
 * with a NULL name) whose MODES have a bit of MODE (or are 0), and every
 * other argument through POSITIONAL (NULL: none is taken), which returns
 * 0, or an exit status after its own message (cli_usage_error).  Returns
 * 0, or EXIT_USAGE after saying what is wrong and where help is. */
int cli_opts_parse(const struct cmd *c, const struct cli_opt *opts, unsigned mode,
                   int argc, char **argv, int first, void *args,
                   int (*positional)(const struct cmd *c, void *args, const char *arg));

#endif
