/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * s_import.c - the import screen (I on the monitoring list, I on the
 * worklist 预警核实), on the record screen and the form engine.  What it
 * imports is a row of kinds[]: the national system's person-grain sheet
 * (print/import.c, as `zhenxing import national`) or a department's sheet
 * of 部门筛查预警 (print/import_dept.c, as `zhenxing import dept`), each
 * with the fields of its form, the options it shows, how it runs and its
 * report.  The screen shows the kind, the file, the options and what the
 * last run found; t switches to the next kind; e opens the form, whose
 * saving runs the dry run; i then imports, with a progress bar, and
 * shows the report.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cfg/exchange_load.h"
#include "core/date.h"
#include "core/dept.h"
#include "core/rules.h"
#include "print/import.h"
#include "print/import_dept.h"
#include "tui/choices.h"
#include "tui/form.h"
#include "tui/keys.h"
#include "tui/screen.h"
#include "tui/tui.h"
#include "tui/view.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

enum { RUN_NONE, RUN_DRY, RUN_DONE };

struct imp_ui;

/* A kind of import: its title, the form's fields and reading them back,
 * the options the screen shows, the run (ENV and O filled with what every
 * kind has: the database, the rules, the actor, the file, the date, dry
 * run and progress), whether the rows found have problems (BAD) and
 * whether that keeps a run from writing anything (BLOCKED, said by
 * BLOCKED_DONE after the dry run), the report, and freeing the results. */
struct imp_kind {
    const char *title;          /* N_ */
    void (*fields)(struct form *fm, struct imp_ui *u);
    void (*read)(struct form *fm, struct imp_ui *u);
    void (*options)(struct view *v, const struct imp_ui *u);
    int (*run)(struct imp_ui *u, struct import_env *env, struct import_opts *o,
               struct err *e);
    int (*bad)(const struct imp_ui *u);
    int (*blocked)(const struct imp_ui *u);
    const char *blocked_done;   /* N_ */
    int (*written)(const struct imp_ui *u);
    void (*report)(const struct imp_ui *u, struct sbuf *out);
    void (*release)(struct imp_ui *u);
};

struct imp_ui {
    struct tui *t;
    const struct imp_kind *k;
    char path[1024];
    int date;                   /* DATE_NONE: the kind's default */
    int ran;                    /* RUN_* */
    int dry;                    /* the run going on is a dry run */
    char failed[1024];          /* why the last run stopped, or "" */
    /* the national sheet */
    char report[1024];
    char sheet[256];            /* an XLSX's or XLS's sheet; "": the first */
    int partial;
    struct import_result r;
    /* a department's sheet */
    char dept[24];              /* the department's id (dept.conf) */
    const struct dept *d;       /* of the last run */
    struct dept_import_result dr;
};

/* The progress bar of a run on the status line. */
static void
show_progress(void *arg, size_t done, size_t total)
{
    struct imp_ui *u = arg;

    tui_progress(u->t, u->dry ? _("Dry run") : _("Importing"), done, total);
}

/* Run the import of U's kind (DRY: a dry run). */
static int
run(struct imp_ui *u, int dry, struct err *e)
{
    struct app *a = u->t->app;
    struct rule_ctx ctx = app_rule_ctx(a);
    struct import_env env = {a->db, &ctx, &a->actor, NULL};
    struct import_opts o;
    int rc;

    memset(&o, 0, sizeof(o));
    o.path = u->path;
    o.dry_run = dry;
    o.date = u->date;
    o.progress = show_progress;
    o.arg = u;
    u->dry = dry;
    u->k->release(u);
    rc = u->k->run(u, &env, &o, e);
    snprintf(u->failed, sizeof(u->failed), "%s", rc != 0 ? e->msg : "");
    u->ran = rc != 0 ? RUN_NONE : dry ? RUN_DRY : RUN_DONE;
    return rc;
}

/* The path of the sheet as every kind's form has it (SPEC says what
 * sheet). */
static void
path_field(struct form *fm, const struct field_spec *spec, struct imp_ui *u)
{
    form_add_str(fm, spec, "", u->path);
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

/* --- the national sheet --------------------------------------------------- */

static const struct field_spec f_path = {
    .name = "path", .label = N_("Sheet to import"), .type = FT_TEXT,
    .flags = FF_REQUIRED, .max_chars = 1000,
    .help = N_("The national system's sheet (CSV, XLSX or XLS) on the server, e.g. /home/me/监测对象.xlsx.")};
static const struct field_spec f_sheet = {
    .name = "sheet", .label = N_("Worksheet"), .type = FT_TEXT, .max_chars = 200,
    .help = N_("An XLSX or XLS file's sheet to read, by its name as the tab shows it; empty: the first sheet.")};
static const struct field_spec f_partial = {
    .name = "partial", .label = N_("Import the good households"), .type = FT_YESNO,
    .help = N_("是 imports the households without problems and lists the others; 否 imports nothing while a row has a problem.")};
static const struct field_spec f_date = {
    .name = "date", .label = N_("Data date"), .type = FT_DATE,
    .help = N_("The day the sheet's data is as of (the income's year); empty: the sheet's 数据日期, else today.")};
static const struct field_spec f_report = {
    .name = "report", .label = N_("Problems sheet"), .type = FT_TEXT, .max_chars = 1000,
    .help = N_("Optional: a .csv or .xlsx file to write the rows with problems to, to correct and import again.")};

static void
nat_fields(struct form *fm, struct imp_ui *u)
{
    path_field(fm, &f_path, u);
    form_add_str(fm, &f_sheet, "", u->sheet);
    form_add_num(fm, &f_partial, "", u->partial, 0);
    form_add_num(fm, &f_date, "", u->date, u->date == DATE_NONE);
    form_add_str(fm, &f_report, "", u->report);
}

static void
nat_read(struct form *fm, struct imp_ui *u)
{
    form_str(fm, "", "report", u->report, sizeof(u->report));
    form_str(fm, "", "sheet", u->sheet, sizeof(u->sheet));
    u->partial = form_num(fm, "", "partial", 0) != 0;
}

static void
nat_options(struct view *v, const struct imp_ui *u)
{
    char day[DATE_BUF];

    view_pair(v, _("Sheet to import"), u->path[0] != '\0' ? u->path : _("(e chooses it)"));
    view_pair(v, _("Worksheet"), u->sheet[0] != '\0' ? u->sheet : _("the first"));
    view_pair(v, _("Import the good households"), u->partial ? _("yes") : _("no"));
    date_format(u->date, day);
    view_pair(v, _("Data date"), day[0] != '\0' ? day : _("the sheet's"));
}

static int
nat_run(struct imp_ui *u, struct import_env *env, struct import_opts *o, struct err *e)
{
    struct app *a = u->t->app;
    struct xlayout l;
    int rc;

    if (exchange_load(a->datadir, "national", &a->policy.codes, &l, e)) {
        return -1;
    }
    env->layout = &l;
    o->partial = u->partial;
    o->report = u->report[0] != '\0' ? u->report : NULL;
    o->sheet = u->sheet[0] != '\0' ? u->sheet : NULL;
    rc = import_national(env, o, &u->r, e);
    xlayout_free(&l);
    return rc;
}

static int
nat_bad(const struct imp_ui *u)
{
    return u->r.bad_households > 0;
}

static int
nat_blocked(const struct imp_ui *u)
{
    return u->r.bad_households > 0 && !u->partial;
}

static int
nat_written(const struct imp_ui *u)
{
    return u->r.written;
}

static void
nat_report(const struct imp_ui *u, struct sbuf *out)
{
    import_result_text(&u->r, u->ran == RUN_DRY, out);
}

static void
nat_release(struct imp_ui *u)
{
    import_result_free(&u->r);
}

/* --- a department's sheet ------------------------------------------------- */

static const struct field_spec f_dept = {
    .name = "dept", .label = N_("Department"), .type = FT_CODE, .flags = FF_REQUIRED,
    .table = "import_dept",
    .help = N_("The department whose sheet it is: its layout and rule are in share/policy/dept.conf.  F4 shows the choices.")};
static const struct field_spec f_dept_path = {
    .name = "path", .label = N_("Sheet to import"), .type = FT_TEXT,
    .flags = FF_REQUIRED, .max_chars = 1000,
    .help = N_("The department's sheet (CSV, XLSX or XLS) on the server, its columns named as in dept.conf, e.g. /home/me/医保预警.xlsx.")};
static const struct field_spec f_dept_date = {
    .name = "date", .label = N_("Date of the import"), .type = FT_DATE,
    .help = N_("The day the warnings are imported as of: the reference income's year, and no event may be after it; empty: today.")};

/* The department field's choices: every department of dept.conf once (its
 * entry in force). */
static void
dept_fields(struct form *fm, struct imp_ui *u)
{
    const struct app *a = u->t->app;
    const struct policy *p = &a->policy;
    struct choices c;
    size_t i;

    choices_init(&c);
    for (i = 0; i < p->ndepts; i++) {
        if (policy_dept_in_force(p, &p->depts[i], a->province, 9999)) {
            choices_add(&c, p->depts[i].id, "%s", p->depts[i].name);
        }
    }
    form_add_table(fm, choices_table(&c, "import_dept", _("Department")));
    form_add_str(fm, &f_dept, "", u->dept);
    path_field(fm, &f_dept_path, u);
    form_add_num(fm, &f_dept_date, "", u->date, u->date == DATE_NONE);
}

static void
dept_read(struct form *fm, struct imp_ui *u)
{
    form_str(fm, "", "dept", u->dept, sizeof(u->dept));
}

static void
dept_options(struct view *v, const struct imp_ui *u)
{
    const struct app *a = u->t->app;
    char day[DATE_BUF];

    view_pair(v, _("Department"),
              u->dept[0] != '\0' ? policy_dept_name(&a->policy, u->dept, a->province, 9999)
                                 : _("(e chooses it)"));
    view_pair(v, _("Sheet to import"), u->path[0] != '\0' ? u->path : _("(e chooses it)"));
    date_format(u->date, day);
    view_pair(v, _("Date of the import"), day[0] != '\0' ? day : _("today"));
}

static int
dept_run(struct imp_ui *u, struct import_env *env, struct import_opts *o, struct err *e)
{
    int day = o->date != DATE_NONE ? o->date : env->ctx->today;

    u->d = policy_dept(env->ctx->policy, u->dept, env->ctx->province, date_year(day));
    if (u->d == NULL) {
        return err_set(e, ERR_INVALID, _("dept.conf has no department '%s' for %d"),
                       u->dept, date_year(day));
    }
    return import_dept(env, u->d, o, &u->dr, e);
}

static int
dept_bad(const struct imp_ui *u)
{
    return u->dr.nproblems > 0;
}

static int
dept_written(const struct imp_ui *u)
{
    return u->dr.written;
}

static void
dept_report(const struct imp_ui *u, struct sbuf *out)
{
    if (u->dr.nproblems > 0) {
        sbuf_addf(out, _("%zu problems; nothing can be imported until they are corrected:\n"),
                  u->dr.nproblems);
        dept_import_problems(&u->dr, out);
    } else {
        dept_import_report(&u->dr, u->d, u->path, u->ran == RUN_DRY, out);
    }
}

static void
dept_release(struct imp_ui *u)
{
    dept_import_result_free(&u->dr);
}

/* The kinds, in the order t goes through them (enum import_kind). */
static const struct imp_kind kinds[] = {
    [IMPORT_NATIONAL] = {
        .title = N_("Import the national sheet"),
        .fields = nat_fields, .read = nat_read, .options = nat_options, .run = nat_run,
        .bad = nat_bad, .blocked = nat_blocked,
        .blocked_done = N_("Dry run done: rows have problems (listed); correct them, or set Import the good households to 是."),
        .written = nat_written, .report = nat_report, .release = nat_release},
    [IMPORT_DEPT] = {
        .title = N_("Import a department's sheet"),
        .fields = dept_fields, .read = dept_read, .options = dept_options, .run = dept_run,
        .bad = dept_bad, .blocked = dept_bad,
        .blocked_done = N_("Dry run done: rows have problems (listed); correct them in the sheet and run it again."),
        .written = dept_written, .report = dept_report, .release = dept_release},
};

/* --- the form: file and options; saving runs the dry run --------------- */

static int
imp_open(struct form *fm, struct err *e)
{
    struct imp_ui *u = fm->data;

    (void)e;
    snprintf(fm->title, sizeof(fm->title), "%s", _(u->k->title));
    u->k->fields(fm, u);
    return 0;
}

static int
imp_save(struct form *fm, struct err *e)
{
    struct imp_ui *u = fm->data;

    form_str(fm, "", "path", u->path, sizeof(u->path));
    u->date = (int)form_num(fm, "", "date", DATE_NONE);
    u->k->read(fm, u);
    if (run(u, 1, e) != 0) {
        return -1;
    }
    snprintf(fm->done, sizeof(fm->done), "%s",
             u->k->blocked(u) ? _(u->k->blocked_done) : _("Dry run done: i imports."));
    return 0;
}

static const struct form_kind import_form = {
    .id = "import",
    .no_draft = 1,
    .open = imp_open,
    .save = imp_save,
};

/* --- the screen --------------------------------------------------------- */

static void
imp_free(void *ctx)
{
    struct imp_ui *u = ctx;
    size_t i;

    for (i = 0; i < ARRAY_SIZE(kinds); i++) {
        kinds[i].release(u);
    }
    free(u);
}

static int
imp_build(struct tui *t, void *ctx, struct view *v, struct err *e)
{
    struct imp_ui *u = ctx;
    struct sbuf sb = SBUF_INIT;

    (void)t;
    (void)e;
    view_title(v, _(u->k->title));
    view_section(v, _("Sheet and options"));
    u->k->options(v, u);
    if (u->failed[0] != '\0') {
        view_section(v, _("The import stopped"));
        lines(v, u->failed);
    }
    if (u->ran != RUN_NONE) {
        view_section(v, u->ran == RUN_DRY ? _("Dry run: what an import would do")
                                          : _("Imported"));
        u->k->report(u, &sb);
        lines(v, sb.buf != NULL ? sb.buf : "");
        view_text(v, u->ran == RUN_DONE && u->k->written(u) ? _("Written to the database.")
                     : u->ran == RUN_DONE || u->k->blocked(u) ? _("Nothing was written.")
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

/* t: the next kind of kinds[]; what the last run found goes. */
static unsigned
next_kind(struct imp_ui *u)
{
    size_t i = (size_t)(u->k - kinds);

    u->k->release(u);
    u->k = &kinds[(i + 1) % ARRAY_SIZE(kinds)];
    u->ran = RUN_NONE;
    u->failed[0] = '\0';
    return TR_RELOAD | D_ALL;
}

/* i: the import itself, after a dry run. */
static unsigned
import_now(struct tui *t, struct imp_ui *u)
{
    struct err e;

    if (u->ran != RUN_DRY) {
        tui_message(t, 1, "%s", _("Run a dry run first (e)."));
        return D_STATUS;
    }
    err_clear(&e);
    if (run(u, 0, &e) != 0) {
        tui_message(t, 1, "%s", e.msg);
    } else {
        tui_message(t, u->k->bad(u), "%s",
                    u->k->written(u) ? _("Imported (recorded in the audit log).")
                                     : _("Nothing was written: rows have problems."));
    }
    return TR_RELOAD | D_ALL;
}

static unsigned
imp_action(struct tui *t, void *ctx, int action, const struct view_at *at)
{
    (void)at;
    if (action == ACT_FORM2) {
        return next_kind(ctx);
    }
    return action == ACT_FORM1 ? import_now(t, ctx) : 0;
}

static const struct keydef imp_keys[] = {
    {'i', 0, ACT_FORM1, "i", N_("import"), KD_BAR | KD_WRITE},
    {'t', 0, ACT_FORM2, "t", N_("other kind"), KD_BAR},
    {0, 0, ACT_NONE, NULL, NULL, 0},
};

static const struct view_def import_view = {
    .id = "import",
    .title = N_("import"),
    .help = N_("Imports a sheet; t switches to the next kind.  The national monitoring system's person-grain sheet (columns by their labels, share/exchange/national.conf): e chooses the sheet and the options and runs a dry run, which writes nothing and lists what an import would create, update and leave alone, the new places and every problem by row (as Excel numbers it) and column; i imports.  Without Import the good households, one row with a problem and nothing is written; with it, the households without problems are imported, never half of one.  A department's sheet (部门筛查预警): e chooses the department (dept.conf), the sheet and the date and runs a dry run, which lists the warnings it would store, those stored already, the ID numbers not in the registry and every problem by row and column; i stores the warnings, which the worklist 预警核实 then shows.  One row with a problem and nothing is written; a township account imports its township's households only."),
    .ctx_free = imp_free,
    .build = imp_build,
    .edit = imp_edit,
    .keys = imp_keys,
    .action = imp_action,
};

int
import_open(struct tui *t, enum import_kind kind, const char *dept)
{
    struct imp_ui *u = xcalloc(1, sizeof(*u));

    u->t = t;
    u->k = &kinds[kind];
    u->date = DATE_NONE;
    snprintf(u->dept, sizeof(u->dept), "%s", dept != NULL ? dept : "");
    return view_open_with(t, &import_view, 0, u);
}
