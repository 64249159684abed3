/*
 * db_cadre.c - responsible cadres and their households (see db_cadre.h).
 */
#include "config.h"
#include "db/db_cadre.h"

#include <stdio.h>

#include "core/date.h"
#include "core/household.h"
#include "db/db_rec.h"
#include "util/i18n.h"

static const struct rec_col cadre_cols[] = {
    REC_COLF(struct cadre, name, RC_TEXT, RF_NOTNULL),
    REC_COL(struct cadre, sex, RC_TEXT),
    REC_COL(struct cadre, unit, RC_TEXT),
    REC_COL(struct cadre, phone, RC_TEXT),
};

static const struct rec_def cadre_def = REC_DEF(struct cadre, "cadre", cadre_cols, 0);

static const struct rec_col hh_cadre_cols[] = {
    REC_COLF(struct hh_cadre, household_id, RC_ID, RF_NOTNULL),
    REC_COLF(struct hh_cadre, cadre_id, RC_ID, RF_NOTNULL),
    REC_COL_AS(struct hh_cadre, start, "start_date", RC_DATE),
    REC_COL_AS(struct hh_cadre, end, "end_date", RC_DATE),
};

static const struct rec_def hh_cadre_def =
    REC_DEF(struct hh_cadre, "household_cadre", hh_cadre_cols, 1);

int
db_cadre_insert(struct db *db, const char *actor, const char *name,
                const char *sex, const char *unit, const char *phone,
                int audit, int64_t *id, struct err *e)
{
    struct cadre c = {0, "", "", "", "", 0};

    snprintf(c.name, sizeof(c.name), "%s", name);
    snprintf(c.sex, sizeof(c.sex), "%s", sex != NULL ? sex : "");
    snprintf(c.unit, sizeof(c.unit), "%s", unit != NULL ? unit : "");
    snprintf(c.phone, sizeof(c.phone), "%s", phone != NULL ? phone : "");
    if (rec_insert(db, &cadre_def, audit ? actor : NULL, &c, e)) {
        return -1;
    }
    *id = c.id;
    return 0;
}

int
db_household_cadre_insert(struct db *db, const char *actor, int64_t household,
                          int64_t cadre, int start, int audit, struct err *e)
{
    struct hh_cadre hc = {0, household, cadre, start, DATE_NONE, 0};

    return rec_insert(db, &hh_cadre_def, audit ? actor : NULL, &hc, e);
}

/* One row of the query below into ROW. */
static void
cadre_fill(sqlite3_stmt *st, void *row)
{
    struct cadre_row *r = row;

    db_col_text(st, 0, r->name, sizeof(r->name));
    db_col_text(st, 1, r->unit, sizeof(r->unit));
    db_col_text(st, 2, r->phone, sizeof(r->phone));
    r->start = db_col_date(st, 3);
}

int
db_household_cadres(struct db *db, int64_t hh, struct cadre_row **v,
                    size_t *n, struct err *e)
{
    static const char sql[] =
        "SELECT c.name, coalesce(c.unit, ''), coalesce(c.phone, ''), hc.start_date "
        "FROM household_cadre hc JOIN cadre c ON c.id = hc.cadre_id "
        "WHERE hc.household_id = ? AND hc.end_date IS NULL ORDER BY hc.id";

    return db_rows_of(db, sql, hh, sizeof(**v), cadre_fill, NULL, (void **)v, n,
                      _("reading the responsible cadres"), e);
}
