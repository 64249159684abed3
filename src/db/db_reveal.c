/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_reveal.c - the audited look at a household's whole ID numbers.
 */
#include "config.h"
#include "db/db_reveal.h"

#include "core/role.h"
#include "db/db.h"
#include "db/db_audit.h"
#include "db/db_rec.h"
#include "util/err.h"
#include "util/i18n.h"

/* The township and village of household HH; -1 with E when there is
 * none. */
static int
household_place(struct db *db, int64_t hh, int64_t *township, int64_t *village, struct err *e)
{
    if (rec_scalar(db, "SELECT township_id FROM household WHERE id = ?", hh, 0, township, e) ||
        rec_scalar(db, "SELECT village_id FROM household WHERE id = ?", hh, 0, village, e)) {
        return -1;
    }
    return *township != 0 ? 0 : err_set(e, ERR_NOTFOUND, _("no household #%lld"), (long long)hh);
}

int
db_reveal_household(struct db *db, const struct actor *a, int64_t hh, struct err *e)
{
    int64_t township = 0, village = 0;
    int rc;

    if (!actor_reveals(a)) {
        return err_set(e, ERR_DENIED, "%s", _("Your role may not see whole ID numbers."));
    }
    if (db_begin(db, e)) {
        return -1;
    }
    rc = household_place(db, hh, &township, &village, e);
    if (rc == 0 && !actor_sees(a, township, village)) {
        rc = err_set(e, ERR_DENIED, _("this household is outside your scope"));
    }
    if (rc == 0) {
        rc = db_audit(db, a->login, "reveal", "household", hh, "id_no", NULL, NULL, e);
    }
    return rec_end_tx(db, rc, e);
}
