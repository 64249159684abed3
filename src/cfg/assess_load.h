/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * assess_load.h - assessment templates from their libconfig files
 * (share/assess/NAME.conf; a county adds its own in the same format).  A
 * template that is not right is refused whole, with its file, line and
 * reason: an unknown method or data source, a parent that is not a
 * heading, a heading whose children do not add up to it, grades out of
 * order, points with more than two decimals...
 *
 *   template = {
 *     id = "township-consolidation"; title = "..."; unit = "township";
 *     total = 100;                                  # optional check
 *     grades = ( ("好", 90), ("较好", 80), ("一般", 60), ("较差", 0) );
 *     indicators = (
 *       { code = "A"; name = "..."; max = 40; },    # a heading
 *       { code = "A1"; parent = "A"; name = "..."; max = 10;
 *         method = "threshold"; source = "measures_coverage"; threshold = 100; },
 *       { code = "A3"; parent = "A"; name = "..."; max = 10; method = "threshold";
 *         source = "industry_share"; threshold = "industry_min_pct"; },
 *                                # a percentage key of rules.conf: its value
 *                                # in the round's year (assess_threshold)
 *       { code = "A2"; parent = "A"; name = "..."; max = 10; method = "linear";
 *         source = "..."; target = 100; step = 0.1; per_step = 1;
 *         partial = false; lower = false; },
 *       { code = "B1"; name = "..."; max = 10; method = "count";
 *         source = "overdue_cases"; per_item = 2; free = 0; },
 *       { code = "C1"; name = "..."; max = 10; method = "manual"; },
 *       { code = "D1"; name = "..."; method = "bonus"; cap = 5; }
 *     );
 *   };
 */
#ifndef ZX_ASSESS_LOAD_H
#define ZX_ASSESS_LOAD_H

#include <stddef.h>

#include "core/assess.h"

struct err;

/* Read the template in PATH into T; SOURCES (ended by NULL) are the data
 * sources computed indicators may name (NULL: any).  0, or -1 with E
 * (ERR_CONFIG, "file:line: reason") and T empty. */
int assess_load(const char *path, const char *const *sources,
                struct assess_template *t, struct err *e);

/* The same from TEXT (a template's file as kept in a round), its
 * messages naming NAME. */
int assess_parse(const char *name, const char *text, const char *const *sources,
                 struct assess_template *t, struct err *e);

/* Every template (*.conf) of directory DIR, by file name; a missing
 * directory is no template.  -1 at the first one refused. */
int assess_load_dir(const char *dir, const char *const *sources,
                    struct assess_template **v, size_t *n, struct err *e);
/* The same, keeping every template that reads: -1 with E (the first one
 * refused, "file:line: reason") when some were left out, the others still
 * in *V. */
int assess_load_good(const char *dir, const char *const *sources,
                     struct assess_template **v, size_t *n, struct err *e);
void assess_templates_free(struct assess_template *v, size_t n);

/* A round's template from the text kept with it (struct assess_round's
 * template_id and template_text, db/db_assess.h): a later change of the
 * file does not move a round. */
int assess_kept(const char *template_id, const char *text, struct assess_template *t,
                struct err *e);

#endif
