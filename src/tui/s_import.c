/*
 * s_import.c - the import screen of the monitoring workspace (I on the
 * list): the national system's person-grain sheet, on the record screen
 * and the form engine.  The screen shows the file, the options and what
 * the last run found; e opens the form (the file's path, --partial, the
 * data's date, a report sheet), whose saving runs the dry run; i then
 * imports, with a progress bar, and shows the report.  The work is
 * print/import.c's, the same as `zhenxing import national`.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cfg/exchange_load.h"
#include "core/date.h"
#include "core/rules.h"
#include "print/import.h"
#include "tui/form.h"
#include "tui/keys.h"
#include "tui/screen.h"
#include "tui/tui.h"
#include "tui/view.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

enum { RUN_NONE, RUN_DRY, RUN_DONE };

struct imp_ui {
    struct tui *t;
    char path[1024];
    char report[1024];
    int partial;
    int date;                   /* DATE_NONE: the sheet's */
    int ran;                    /* RUN_* */
    int dry;                    /* the run going on is a dry run */
    struct import_result r;
    char failed[1024];          /* why the last run stopped, or "" */
};

/* Run the import (DRY: a dry run) into U->r. */
static int
run(struct imp_ui *u, int dry, void (*progress)(void *, size_t, size_t), struct err *e)
{
    struct app *a = u->t->app;
    struct rule_ctx ctx = app_rule_ctx(a);
    struct xlayout l;
    struct import_opts o;
    struct import_env env = {a->db, &ctx, &a->actor, &l};
    int rc;

    if (exchange_load(a->datadir, "national", &a->policy.codes, &l, e)) {
        return -1;
    }
    memset(&o, 0, sizeof(o));
    o.path = u->path;
    o.dry_run = dry;
    o.partial = u->partial;
    o.date = u->date;
    o.report = u->report[0] != '\0' ? u->report : NULL;
    o.progress = progress;
    o.arg = u;
    u->dry = dry;
    import_result_free(&u->r);
    rc = import_national(&env, &o, &u->r, e);
    snprintf(u->failed, sizeof(u->failed), "%s", rc != 0 ? e->msg : "");
    u->ran = rc != 0 ? RUN_NONE : dry ? RUN_DRY : RUN_DONE;
    xlayout_free(&l);
    return rc;
}

/* The progress bar of a run on the status line. */
static void
show_progress(void *arg, size_t done, size_t total)
{
    struct imp_ui *u = arg;

    tui_progress(u->t, u->dry ? _("Dry run") : _("Importing"), done, total);
}

/* --- the form: file and options; saving runs the dry run --------------- */

static const struct field_spec f_path = {
    .name = "path", .label = N_("Sheet to import"), .type = FT_TEXT,
    .flags = FF_REQUIRED, .max_chars = 1000,
    .help = N_("The national system's sheet (CSV, XLSX or XLS) on the server, e.g. /home/me/监测对象.xlsx.")};
static const struct field_spec f_partial = {
    .name = "partial", .label = N_("Import the good households"), .type = FT_YESNO,
    .help = N_("是 imports the households without problems and lists the others; 否 imports nothing while a row has a problem.")};
static const struct field_spec f_date = {
    .name = "date", .label = N_("Data date"), .type = FT_DATE,
    .help = N_("The day the sheet's data is as of (the income's year); empty: the sheet's 数据日期, else today.")};
static const struct field_spec f_report = {
    .name = "report", .label = N_("Problems sheet"), .type = FT_TEXT, .max_chars = 1000,
    .help = N_("Optional: a .csv or .xlsx file to write the rows with problems to, to correct and import again.")};

static int
imp_open(struct form *fm, struct err *e)
{
    struct imp_ui *u = fm->data;

    (void)e;
    snprintf(fm->title, sizeof(fm->title), "%s", _("Import the national sheet"));
    form_add_str(fm, &f_path, "", u->path);
    form_add_num(fm, &f_partial, "", u->partial, 0);
    form_add_num(fm, &f_date, "", u->date, u->date == DATE_NONE);
    form_add_str(fm, &f_report, "", u->report);
    return 0;
}

static int
imp_save(struct form *fm, struct err *e)
{
    struct imp_ui *u = fm->data;

    form_str(fm, "", "path", u->path, sizeof(u->path));
    form_str(fm, "", "report", u->report, sizeof(u->report));
    u->partial = form_num(fm, "", "partial", 0) != 0;
    u->date = (int)form_num(fm, "", "date", DATE_NONE);
    if (run(u, 1, show_progress, e) != 0) {
        return -1;
    }
    snprintf(fm->done, sizeof(fm->done), "%s",
             u->r.bad_households > 0 && !u->partial
                 ? _("Dry run done: rows have problems (listed); correct them, or set Import the good households to 是.")
                 : _("Dry run done: i imports."));
    return 0;
}

static const struct form_kind import_form = {
    .id = "import",
    .no_draft = 1,
    .open = imp_open,
    .save = imp_save,
};

/* --- the screen --------------------------------------------------------- */

static void *
imp_new(struct tui *t, int64_t id)
{
    struct imp_ui *u = xcalloc(1, sizeof(*u));

    (void)id;
    u->t = t;
    u->date = DATE_NONE;
    return u;
}

static void
imp_free(void *ctx)
{
    struct imp_ui *u = ctx;

    import_result_free(&u->r);
    free(u);
}

/* Each line of TEXT as a line of V. */
static void
lines(struct view *v, const char *text)
{
    struct sbuf sb = SBUF_INIT;
    const char *p = text, *nl;

    while (*p != '\0') {
        nl = strchr(p, '\n');
        sbuf_reset(&sb);
        sbuf_add(&sb, p, nl != NULL ? (size_t)(nl - p) : strlen(p));
        view_text(v, sb.buf != NULL ? sb.buf : "");
        p = nl != NULL ? nl + 1 : p + strlen(p);
    }
    sbuf_release(&sb);
}

static int
imp_build(struct tui *t, void *ctx, struct view *v, struct err *e)
{
    struct imp_ui *u = ctx;
    struct sbuf sb = SBUF_INIT;
    char day[DATE_BUF];

    (void)t;
    (void)e;
    view_title(v, _("Import the national sheet"));
    view_section(v, _("Sheet and options"));
    view_pair(v, _("Sheet to import"), u->path[0] != '\0' ? u->path : _("(e chooses it)"));
    view_pair(v, _("Import the good households"), u->partial ? _("yes") : _("no"));
    date_format(u->date, day);
    view_pair(v, _("Data date"), day[0] != '\0' ? day : _("the sheet's"));
    if (u->failed[0] != '\0') {
        view_section(v, _("The import stopped"));
        lines(v, u->failed);
    }
    if (u->ran != RUN_NONE) {
        view_section(v, u->ran == RUN_DRY ? _("Dry run: what an import would do")
                                          : _("Imported"));
        import_result_text(&u->r, u->ran == RUN_DRY, &sb);
        lines(v, sb.buf != NULL ? sb.buf : "");
        view_text(v, u->ran == RUN_DONE ? (u->r.written ? _("Written to the database.")
                                                        : _("Nothing was written."))
                                        : _("Nothing was written yet: i imports."));
    } else {
        view_text(v, _("e chooses the sheet and runs a dry run; i then imports it."));
    }
    sbuf_release(&sb);
    return 0;
}

static unsigned
imp_edit(struct tui *t, void *ctx, const struct view_at *at)
{
    (void)at;
    form_open_with(t, &import_form, ctx);
    return D_ALL;
}

static unsigned
imp_action(struct tui *t, void *ctx, int action, const struct view_at *at)
{
    struct imp_ui *u = ctx;
    struct err e;

    (void)at;
    if (action != ACT_FORM1) {
        return 0;
    }
    if (u->ran != RUN_DRY) {
        tui_message(t, 1, "%s", _("Run a dry run first (e)."));
        return D_STATUS;
    }
    err_clear(&e);
    if (run(u, 0, show_progress, &e) != 0) {
        tui_message(t, 1, "%s", e.msg);
    } else {
        tui_message(t, u->r.bad_households > 0, "%s",
                    u->r.written ? _("Imported (recorded in the audit log).")
                                 : _("Nothing was written: rows have problems."));
    }
    return TR_RELOAD | D_ALL;
}

static const struct keydef imp_keys[] = {
    {'i', 0, ACT_FORM1, "i", N_("import"), KD_BAR | KD_WRITE},
    {0, 0, ACT_NONE, NULL, NULL, 0},
};

static const struct view_def import_view = {
    .id = "import",
    .title = N_("import"),
    .help = N_("Imports the national monitoring system's person-grain sheet (columns by their labels, share/exchange/national.conf): e chooses the sheet and the options and runs a dry run, which writes nothing and lists what an import would create, update and leave alone, the new places and every problem by row (as Excel numbers it) and column; i imports.  Without Import the good households, one row with a problem and nothing is written; with it, the households without problems are imported, never half of one."),
    .ctx_new = imp_new,
    .ctx_free = imp_free,
    .build = imp_build,
    .edit = imp_edit,
    .keys = imp_keys,
    .action = imp_action,
};

int
import_open(struct tui *t)
{
    return view_open(t, &import_view, 0);
}
