/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * snapshot.h - the county snapshot for the province's roll-up (`zhenxing
 * export snapshot`): a directory of one CSV per table (UTF-8, a header
 * row, \N unquoted for NULL, "" for an empty text, rows ending with LF),
 * manifest.json (county, as-of time, schema version, each file's rows,
 * columns and SHA-256) and SHA256SUMS, all read in one read transaction,
 * written row by row (bounded memory) into a private temporary directory
 * that becomes the destination only after the audit row is committed.
 * Without personal data, names and phone numbers are NULL and ID numbers
 * are replaced by their HMAC-SHA256 under the province's key (hex).
 */
#ifndef ZX_SNAPSHOT_H
#define ZX_SNAPSHOT_H

#include <stdint.h>

struct print_env;
struct err;

struct snapshot_opts {
    const char *dest;           /* the directory to create (must not exist) */
    const char *county_code;    /* GB/T 2260 */
    const char *province_code;
    int without_personal;
    const char *key_file;       /* the province's key (without_personal) */
};

struct snapshot_result {
    int64_t rows;               /* rows in all the files */
    int files;
};

/* Write the snapshot of ENV's database to O->dest; 0, or -1 with E (and
 * nothing left at O->dest). */
int snapshot_run(const struct print_env *env, const struct snapshot_opts *o,
                 struct snapshot_result *r, struct err *e);

#endif
