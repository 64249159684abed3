/*
 * db_measure.h - what is done for a household in the database: the
 * assistance measures (帮扶措施) and the visits (走访).  Saved as
 * described in db_household.h.
 */
#ifndef ZX_DB_MEASURE_H
#define ZX_DB_MEASURE_H

#include <stdint.h>

#include "core/household.h"
#include "core/role.h"

struct db;
struct err;
struct rule_ctx;

/* A measure or a visit: added (id 0) or updated.  A measure's case (0:
 * none) must be a case of its household. */
int db_measure_save(struct db *db, const struct rule_ctx *ctx,
                    const struct actor *a, struct measure *m, struct err *e);
int db_visit_save(struct db *db, const struct rule_ctx *ctx,
                  const struct actor *a, struct visit *v, struct err *e);

/* One record; ERR_NOTFOUND when there is none.  The visit's findings
 * (owned) are replaced; free them as usual. */
int db_measure_get(struct db *db, int64_t id, struct measure *m,
                   struct err *e);
int db_visit_get(struct db *db, int64_t id, struct visit *v, struct err *e);

/* Insert a record alone (sets its id; see db_household.h). */
int db_measure_insert(struct db *db, const char *actor, struct measure *m,
                      int audit, struct err *e);
int db_visit_insert(struct db *db, const char *actor, struct visit *v,
                    int audit, struct err *e);

#endif
