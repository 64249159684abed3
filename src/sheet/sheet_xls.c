/*
 * sheet_xls.c - legacy XLS read by freexl (see sheet.h).
 */
#include "config.h"

#include "sheet/sheet_priv.h"
#include "util/err.h"
#include "util/i18n.h"

int
sheet_xls_open(struct sheet_reader *r, const struct sheet_read_opts *o,
               struct err *e)
{
    (void)r;
    return err_set(e, ERR_INVALID, _("%s: XLS sheets cannot be read yet"), o->path);
}
