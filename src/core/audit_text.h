/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * audit_text.h - the audit log as staff read it.  The log stores
 * stable names ("update", "monitor_case", "state", "monitored", code
 * "01"); these turn them into labels in the user's language.  A name
 * this file does not know is shown as it is.
 */
#ifndef ZX_AUDIT_TEXT_H
#define ZX_AUDIT_TEXT_H

struct codebook;
struct sbuf;

/* "insert" -> "added", "reveal" -> "viewed ID numbers", ... */
const char *audit_op_label(const char *op);
/* "person" -> "member", ... */
const char *audit_table_label(const char *tbl);
/* The field of a row of OP on TBL: a column's label, or for a
 * procedure step the action's label. */
const char *audit_field_label(const char *op, const char *tbl,
                              const char *field);
/* VALUE (an old or new value, or an insert's summary) appended to OUT
 * as a label: case states, code labels from CB (may be NULL), a list of
 * risk codes label by label. */
void audit_value_text(const struct codebook *cb, const char *op,
                      const char *tbl, const char *field,
                      const char *value, struct sbuf *out);

#endif
