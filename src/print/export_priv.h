/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * export_priv.h - for the export kinds alone: the columns and row
 * sources of the kinds kept in export_funds.c (funds, pairing,
 * assessment), named in the table of export_kinds.c.
 */
#ifndef ZX_EXPORT_PRIV_H
#define ZX_EXPORT_PRIV_H

#include "print/export.h"

#include "util/array.h"

/* A column: its label, sheet type, how the cell is got and where, then
 * .parent, .table or .fn where it needs them. */
#define XCOL(label_, type_, cell_, off_, ...) \
    {.label = label_, .type = type_, .cell = cell_, .off = off_, __VA_ARGS__}

/* The columns and row source of kind K (K_cols, K_rows) in its row. */
#define EXPORT_COLS(k) .cols = k##_cols, .ncols = ARRAY_SIZE(k##_cols), .rows = k##_rows

extern const struct export_kind receipts_kind, projects_kind, allocations_kind,
    payments_kind, assets_kind, indicators_kind, indicators_kind, partners_kind, agreements_kind, arrivals_kind, teams_kind,
    attendance_kind, assessment_kind, warnings_kind;

/* The national person-grain sheet (export_national.c): its columns are
 * share/exchange/national.conf's, filled by its prepare. */
extern struct export_kind national_kind;

#endif
