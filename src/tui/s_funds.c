/*
 * s_funds.c - the funds and projects workspace (F3): four sibling tables
 * shown as tabs, fund receipts (资金下达), the project pool (项目库), the
 * asset ledger (资产台账) and the fund indicators (资金指标).  Each is a
 * struct table_def; the rows come from the funds repositories.
 */
#include "config.h"

#include "tui/table.h"
#include "util/i18n.h"

static const struct table_def receipts_def, projects_def, assets_def, indicators_def;

static const struct table_def *const fund_tabs[] = {
    &receipts_def, &projects_def, &assets_def, &indicators_def, NULL,
};

#define NCOLS(a) (sizeof(a) / sizeof((a)[0]))

/* Until the repositories are wired in, the tables are empty. */
static int
load_none(struct tui *t, void *ctx, struct table_rows *out, struct err *e)
{
    (void)t;
    (void)ctx;
    (void)out;
    (void)e;
    return 0;
}

/* The columns in the order they give way on narrow terminals: the last
 * ones drop out first. */
static const struct table_col receipt_cols[] = {
    {N_("year"), 4, 0, 1, 0},
    {N_("document no."), 16, 0, 0, 1},
    {N_("level"), 4, 0, 0, 0},
    {N_("fund type"), 10, 0, 0, 0},
    {N_("amount"), 12, 1, 1, 0},
    {N_("allocated"), 12, 1, 1, 0},
    {N_("paid"), 12, 1, 1, 0},
    {N_("received on"), 10, 0, 1, 0},
};

static const struct table_def receipts_def = {
    .id = "fund_receipts",
    .title = N_("fund receipts"),
    .help = N_("Fund receipts (资金下达): the funds the county received, by year, level (中央, 省, 市, 县), fund type and document number, with what has been allocated to projects and paid out of it."),
    .cols = receipt_cols,
    .ncols = NCOLS(receipt_cols),
    .empty = N_("No fund receipt recorded yet."),
    .tabs = fund_tabs,
    .load = load_none,
};

static const struct table_col project_cols[] = {
    {N_("project no."), 9, 0, 0, 0},
    {N_("project"), 16, 0, 0, 1},
    {N_("place"), 14, 0, 0, 0},
    {N_("project type"), 8, 0, 0, 0},
    {N_("status"), 8, 0, 0, 0},
    {N_("budget"), 12, 1, 1, 0},
    {N_("paid"), 12, 1, 1, 0},
};

static const struct table_def projects_def = {
    .id = "projects",
    .title = N_("project pool"),
    .help = N_("The project pool (项目库): every project from its proposal by the village through reviews, publicity, approval, the annual plan, implementation and acceptance to the handover of its assets."),
    .cols = project_cols,
    .ncols = NCOLS(project_cols),
    .empty = N_("No project in the pool yet."),
    .tabs = fund_tabs,
    .load = load_none,
};

static const struct table_col asset_cols[] = {
    {N_("asset no."), 9, 0, 0, 0},
    {N_("asset"), 16, 0, 0, 1},
    {N_("class"), 6, 0, 0, 0},
    {N_("place"), 14, 0, 0, 0},
    {N_("value"), 12, 1, 1, 0},
    {N_("formed on"), 10, 0, 1, 0},
    {N_("maintained by"), 10, 0, 0, 0},
};

static const struct table_def assets_def = {
    .id = "assets",
    .title = N_("asset ledger"),
    .help = N_("The asset ledger (资产台账): the assets the projects formed, in three classes (公益性, 经营性, 到户类), with owner, maintainer, income and its distribution."),
    .cols = asset_cols,
    .ncols = NCOLS(asset_cols),
    .empty = N_("No asset recorded yet."),
    .tabs = fund_tabs,
    .load = load_none,
};

static const struct table_col indicator_cols[] = {
    {N_("year"), 4, 0, 1, 0},
    {N_("indicator"), 20, 0, 0, 1},
    {N_("required"), 10, 1, 0, 0},
    {N_("actual"), 10, 1, 0, 0},
    {N_("status"), 8, 0, 0, 0},
};

static const struct table_def indicators_def = {
    .id = "fund_indicators",
    .title = N_("fund indicators"),
    .help = N_("Fund indicators (资金指标) by year: the share of the funds spent on industry, payment progress, management fees and the wage share of 以工代赈 projects, against what the policy requires."),
    .cols = indicator_cols,
    .ncols = NCOLS(indicator_cols),
    .empty = N_("No indicator to show yet."),
    .tabs = fund_tabs,
    .load = load_none,
};

int
funds_open(struct tui *t)
{
    return table_open(t, &receipts_def, 0);
}
