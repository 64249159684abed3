/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * exchange_load.h - the layout of an exchanged sheet from its libconfig
 * file (share/exchange/NAME.conf; national.conf is the national
 * system's person-grain sheet, domain.md 10.2):
 *
 *   columns = (
 *     { label = "户编号"; field = "hh_no"; kind = "text"; required = true; },
 *     { label = "民族"; field = "ethnicity"; kind = "code"; codes = "ethnicity"; },
 *     { label = "务工时间（月）"; field = "work_months"; kind = "int";
 *       min = 0; max = 12; },
 *     ...
 *   );
 *
 * A layout that is not right is refused whole with its file, line and
 * reason: an unknown field or kind, a code table the code book lacks, a
 * field or label given twice, or a field the import cannot do without
 * (county, township, village, hh_no, name, id_no, relation, hh_type).
 */
#ifndef ZX_EXCHANGE_LOAD_H
#define ZX_EXCHANGE_LOAD_H

#include "core/exchange.h"

struct codebook;
struct err;

/* Read DATADIR/exchange/NAME.conf into L, checking code tables against
 * CB.  0, or -1 with E (ERR_CONFIG) and L empty. */
int exchange_load(const char *datadir, const char *name,
                  const struct codebook *cb, struct xlayout *l, struct err *e);

/* The same from TEXT, its messages naming FILE (for tests). */
int exchange_parse(const char *file, const char *text,
                   const struct codebook *cb, struct xlayout *l, struct err *e);

#endif
