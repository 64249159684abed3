/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * import_dept.h - `import dept`: a department's sheet (部门筛查预警,
 * domain.md 4.3a) read by the labels of its layout (share/policy/dept.conf),
 * every row checked, each ID number matched against the registry, and the
 * rows that meet the department's rule stored as warnings to verify (the
 * 预警核实 worklist), for the command line and the import screen alike.
 *
 * Two passes over the file, a row at a time, so memory stays bounded
 * whatever its length: the first checks every row; when none is bad, the
 * second matches and stores the warnings in one transaction (rolled back
 * for a dry run), each once, with its "insert" audit row.  All or
 * nothing: one bad row and nothing is written.  IDs the registry does not
 * have, households outside the account's scope and households already
 * followed for the risk are listed or counted, not stored.
 */
#ifndef ZX_IMPORT_DEPT_H
#define ZX_IMPORT_DEPT_H

#include <stddef.h>

#include "util/sbuf.h"

struct dept;
struct err;
struct import_env;
struct import_opts;

/* The problems listed; the others are counted. */
#define DEPT_PROBLEMS_SHOWN 500

struct dept_import_result {
    size_t rows;                /* read (the header's and those above not counted) */
    struct sbuf problems;       /* one line each, DEPT_PROBLEMS_SHOWN at most */
    size_t nproblems;
    struct sbuf unmatched;      /* IDs the registry does not have, a line each */
    size_t nunmatched;
    struct sbuf elsewhere;      /* households outside the account's scope */
    size_t nelsewhere;
    size_t followed;            /* households already followed for the risk */
    size_t below;               /* the rule not met */
    size_t created, duplicates; /* warnings stored (or that would be), stored already */
    int written;                /* 1: committed */
};

/* Import O->path (its encoding, sheet, date - DATE_NONE: ENV's today -,
 * dry run and progress; ENV's layout unused) as department D's sheet
 * into R (zeroed here).  0 when the file was read through: R says what
 * was found, its problems (then nothing was written) and whether
 * anything was; -1 with E when it could not be: the account may not
 * write (unless a dry run), the file cannot be read or is no sheet, a
 * cell is too long or not text, the header lacks the layout's labels
 * (named), the database failed. */
int import_dept(const struct import_env *env, const struct dept *d,
                const struct import_opts *o, struct dept_import_result *r,
                struct err *e);

void dept_import_result_free(struct dept_import_result *r);

/* The report of R (department D, file PATH, a dry run when DRY_RUN): the
 * rows read, the warnings stored and stored already, the rows under the
 * rule and already followed, the IDs not in the registry and the
 * households outside the scope listed. */
void dept_import_report(const struct dept_import_result *r, const struct dept *d,
                        const char *path, int dry_run, struct sbuf *out);

/* R's problems, a line each by row and column ("... and N more" past
 * DEPT_PROBLEMS_SHOWN). */
void dept_import_problems(const struct dept_import_result *r, struct sbuf *out);

#endif
