/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * dept_load.h - the entries of share/policy/dept.conf (the departments'
 * sheet layouts and warning rules, core/dept.h), read for
 * cfg/policy_load.c, which lists the file beside the other policy files.
 * For cfg/ alone.
 */
#ifndef ZX_DEPT_LOAD_H
#define ZX_DEPT_LOAD_H

#include "cfg/cfg_file.h"

struct err;
struct policy;

/* Read the department G of F into OUT (a zeroed struct dept). */
int dept_load(struct policy *p, const struct pfile *f, config_setting_t *g, void *out,
              struct err *e);
/* Add the department ITEM, replacing an entry of the same id, province
 * and year. */
void dept_put(struct policy *p, void *item);
/* Free what a department ITEM that failed to load holds. */
void dept_drop(void *item);

/* 1 when PROV is "*" or a province of the code table (policy_load.c). */
int policy_province_ok(const struct policy *p, const char *prov);

#endif
