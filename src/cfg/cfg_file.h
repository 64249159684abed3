/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cfg_file.h - reading a libconfig data file (the policy files, the
 * assessment templates): open it, and read its settings with messages
 * that name the file, the line and what was expected ("codes.conf:12:
 * 'year' must be a whole number from 2000 to 2100").  Each pfile_ call
 * returns 0, or -1 with E (ERR_CONFIG).
 */
#ifndef ZX_CFG_FILE_H
#define ZX_CFG_FILE_H

#include <libconfig.h>
#include <stdint.h>

struct err;

struct notes;

/* An open libconfig file and its name, for messages. */
struct pfile {
    config_t cfg;
    const char *path;
    struct notes *warn;     /* where pfile_unknown warns (NULL: nowhere) */
};

/* Open PATH; 1 when read, 0 when missing and not MUST_EXIST, -1 on error
 * (unreadable, not libconfig: with the line).  Close with
 * config_destroy(&f->cfg) after 1. */
int pfile_open(struct pfile *f, const char *path, int must_exist, struct err *e);
/* The same from TEXT, its messages naming NAME; 1, or -1. */
int pfile_open_text(struct pfile *f, const char *name, const char *text, struct err *e);
/* The number S holds (a whole number or a decimal) into *V; -1 when S
 * (may be NULL) holds no number. */
int pfile_number(const config_setting_t *s, double *v);
/* The error WHAT at setting S's line; returns -1. */
int pfile_bad(const struct pfile *f, const config_setting_t *s, struct err *e,
              const char *what);
/* The string member NAME of group G, copied into *OUT ("" when missing and
 * not REQUIRED). */
int pfile_str(const struct pfile *f, const config_setting_t *g, const char *name,
              int required, char **out, struct err *e);
/* The whole number NAME of G, from LO to HI. */
int pfile_int(const struct pfile *f, const config_setting_t *g, const char *name,
              int lo, int hi, int *out, struct err *e);
/* An amount in yuan NAME of G (1234 or "1234.56") as fen. */
int pfile_yuan(const struct pfile *f, const config_setting_t *g, const char *name,
               int64_t *fen, struct err *e);
/* A percentage (55 or 55.5) from LO to HI, setting S of G, as basis points. */
int pfile_pct(const struct pfile *f, const config_setting_t *g,
              const config_setting_t *s, const char *name, int lo, int hi, int *bp,
              struct err *e);
/* Warn (in F->warn) about each member of group G (the root when NULL)
 * named neither in KNOWN (NULL-ended) nor by ALSO (may be NULL), with the
 * file and line: a misspelled key would leave the default in force. */
void pfile_unknown(const struct pfile *f, const config_setting_t *g,
                   const char *const *known, int (*also)(const char *name));
/* The list NAME at the root of F, or NULL with E. */
config_setting_t *pfile_list(const struct pfile *f, const char *name, struct err *e);

#endif
