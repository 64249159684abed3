/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * assess_cli.h - what `zhenxing assess` (cmd_assess.c) and `zhenxing
 * report assessment` (cmd_report.c) share: naming a round and a unit of
 * it on the command line.
 */
#ifndef ZX_ASSESS_CLI_H
#define ZX_ASSESS_CLI_H

#include <stdint.h>

struct app;
struct err;

/* The round named S: its id, or "latest" for the newest (the latest year,
 * then the last made).  ERR_NOTFOUND when there is none. */
int assess_cli_round(struct app *a, const char *s, int64_t *id, struct err *e);

/* The unit of round ROUND named S: its id, its name as the round lists
 * it, or a part of that name found in no other unit of the round. */
int assess_cli_unit(struct app *a, int64_t round, const char *s, int64_t *id,
                    struct err *e);

#endif
