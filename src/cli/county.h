/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * county.h - creating a county database (shared by init and demo):
 * checking the province and county given, creating the file with the
 * county's division and the caller's administrator account, and saying
 * which monitoring line is in force.
 */
#ifndef ZX_COUNTY_H
#define ZX_COUNTY_H

#include <stdio.h>

struct app;
struct err;
struct policy;

struct county_spec {
    char province[8];           /* code, e.g. "51" */
    char province_label[64];    /* e.g. "四川省" */
    char county[200];
    char code[8];               /* six digits or "" */
};

/* Check PROVINCE (code or name), COUNTY (a name) and CODE (NULL or six
 * digits beginning with the province code) and fill OUT. */
int county_spec_check(const struct policy *p, const char *province,
                      const char *county, const char *code,
                      struct county_spec *out, struct err *e);

/* Create a->db_path (refusing a file that already holds a county) with
 * the county and an administrator account for a->login; on success the
 * database is open in a->db.  A file this call created is removed again
 * when it fails. */
int county_create(struct app *a, const struct county_spec *spec,
                  struct err *e);

/* Remove the database file A->db_path and its -wal/-shm companions. */
void county_remove_files(const char *path);

/* Remove only PATH's -wal, -shm and -journal. */
void county_remove_sides(const char *path);

/* Print the monitoring line in force this year and whether it is a
 * shipped default the county should confirm. */
void county_report_line(const struct app *a, FILE *fp);

#endif
