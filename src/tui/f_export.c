/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * f_export.c - the export dialog, a form like any other: what is
 * exported (the kind, the tagged rows or the rows shown), XLSX or CSV,
 * the encoding of a CSV, every column (a kind that has more: export
 * --all-columns), whole ID numbers (offered to the roles that may
 * see them, for a kind that masks some: export --reveal, audited as
 * revealed), and the file's name (in print_dir, else the home directory,
 * named after the kind, the place and the day).  Saving the
 * form exports (print/export.c: audited first, then put in place); a
 * failure (a file that exists, a destination that is not a file) keeps
 * the dialog open with the reason on the status line.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/role.h"
#include "print/export.h"
#include "print/print.h"
#include "tui/f_common.h"
#include "tui/form.h"
#include "tui/tui.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

struct xjob {
    const struct export_kind *k;
    struct export_filter f;
    int64_t *ids;               /* of f (owned) */
    int tagged;
};

static const struct field_spec x_what = {
    .name = "what", .label = N_("Export"), .type = FT_TEXT, .flags = FF_READONLY,
    .max_chars = 200};
static const struct field_spec x_format = {
    .name = "format", .label = N_("Format"), .type = FT_CODE, .flags = FF_REQUIRED,
    .table = "export_format",
    .help = N_("XLSX for Excel and WPS, or CSV.  F4 shows the choices.")};
static const struct field_spec x_encoding = {
    .name = "encoding", .label = N_("Encoding"), .type = FT_CODE, .flags = FF_REQUIRED,
    .table = "export_encoding",
    .help = N_("A CSV's encoding: UTF-8 (with a byte-order mark, as Excel opens it), or GB18030 for old software.")};
static const struct field_spec x_path = {
    .name = "path", .label = N_("File"), .type = FT_TEXT, .flags = FF_REQUIRED,
    .max_chars = 1000,
    .help = N_("Where to save the sheet (on the server, to fetch with SFTP).")};
static const struct field_spec x_all = {
    .name = "all", .label = N_("Every column"), .type = FT_YESNO,
    .help = N_("是 adds every column of the record (the head's ID number, the address, the phone...) to those the list shows, as export --all-columns.")};
static const struct field_spec x_reveal = {
    .name = "reveal", .label = N_("Show whole ID numbers"), .type = FT_YESNO,
    .help = N_("是 writes ID and phone numbers whole (on the monitoring list they come with Every column), recorded in the audit log as revealed; 否 masks them.")};
static const struct field_spec x_overwrite = {
    .name = "overwrite", .label = N_("Overwrite the file"), .type = FT_YESNO,
    .help = N_("是 replaces a file of that name; 否 refuses to.")};

/* The file an export is saved to unless the user says otherwise. */
static char *default_path(struct form *fm, enum sheet_format fmt)
{
    struct xjob *j = fm->data;
    struct print_env env;
    char *name, *path;

    app_print_env(fm->app, &env);
    name = export_file_name(&env, j->k, &j->f, fmt);
    path = form_save_path(fm, name);
    free(name);
    return path;
}

static int export_open(struct form *fm, struct err *e)
{
    static const char *const formats[] = {"xlsx", "csv"};
    static const char *const format_labels[] = {N_("XLSX (Excel, WPS)"), N_("CSV")};
    static const char *const encodings[] = {"utf-8", "gb18030"};
    static const char *const encoding_labels[] = {N_("UTF-8"), N_("GB18030")};
    struct xjob *j = fm->data;
    char what[200];
    char *path;

    (void)e;
    form_choices(fm, "export_format", _("Format"), formats, format_labels, 2);
    form_choices(fm, "export_encoding", _("Encoding"), encodings, encoding_labels, 2);
    snprintf(fm->title, sizeof(fm->title), "%s", _("Export"));
    if (j->f.round != 0) {
        snprintf(what, sizeof(what), j->f.unit != 0 ? _("%s: round %lld, one unit's sheet")
                                                    : _("%s: round %lld, every unit"),
                 _(j->k->title), (long long)j->f.round);
    } else if (j->f.ids != NULL) {
        snprintf(what, sizeof(what), j->tagged ? _("%s: the %zu tagged rows") : _("%s: the %zu rows shown"),
                 _(j->k->title), j->f.nids);
    } else {
        snprintf(what, sizeof(what), _("%s: the list as filtered and searched"), _(j->k->title));
    }
    form_add_str(fm, &x_what, "", what);
    form_add_str(fm, &x_format, "", "xlsx");
    form_add_str(fm, &x_encoding, "", "utf-8");
    path = default_path(fm, SHEET_XLSX);
    form_add_str(fm, &x_path, "", path);
    free(path);
    if (j->k->filters & EF_ALL) {
        form_add_num(fm, &x_all, "", 0, 0);
    }
    /* only for a role that may see them, and a kind that masks some */
    if (actor_reveals(&fm->app->actor) && export_kind_masks(j->k, j->k->filters & EF_ALL)) {
        form_add_num(fm, &x_reveal, "", 0, 0);
    }
    form_add_num(fm, &x_overwrite, "", 0, 0);
    return 0;
}

/* The file's extension follows the format: .xlsx and .csv swap. */
static void follow_format(struct form *fm)
{
    int k = wform_find(&fm->w, "", "path");
    char format[16];
    struct sbuf path = SBUF_INIT;
    const char *want, *other;
    size_t lw, lo;

    if (k < 0) {
        return;
    }
    form_str(fm, "", "format", format, sizeof(format));
    want = strcmp(format, "csv") == 0 ? ".csv" : ".xlsx";
    other = strcmp(want, ".csv") == 0 ? ".xlsx" : ".csv";
    lw = strlen(want);
    lo = strlen(other);
    wform_text(&fm->w, (size_t)k, &path);
    if (path.len > lo && strcmp(path.buf + path.len - lo, other) == 0) {
        path.len -= lo;
        path.buf[path.len] = '\0';
        sbuf_add(&path, want, lw);
        wform_set(&fm->w, (size_t)k, path.buf);
    }
    sbuf_release(&path);
}

static void export_left(struct form *fm, size_t i)
{
    if (strcmp(fm->w.items[i].spec->name, "format") == 0) {
        follow_format(fm);
    }
}

static int export_save(struct form *fm, struct err *e)
{
    struct xjob *j = fm->data;
    struct export_dest d;
    struct export_result r;
    struct print_env env;
    char format[16], encoding[16];
    char *path;
    int rc;

    follow_format(fm);
    form_str(fm, "", "format", format, sizeof(format));
    form_str(fm, "", "encoding", encoding, sizeof(encoding));
    path = form_strdup(fm, "", "path");
    memset(&d, 0, sizeof(d));
    d.path = path;
    d.format = strcmp(format, "csv") == 0 ? SHEET_CSV : SHEET_XLSX;
    d.encoding = strcmp(encoding, "gb18030") == 0 ? SHEET_ENC_GB18030 : SHEET_ENC_UTF8;
    d.overwrite = form_num(fm, "", "overwrite", 0) != 0;
    j->f.all_columns = form_num(fm, "", "all", 0) != 0;
    /* revealed only when the sheet has something to reveal */
    j->f.reveal = form_num(fm, "", "reveal", 0) != 0 &&
                  export_kind_masks(j->k, j->f.all_columns);
    app_print_env(fm->app, &env);
    rc = export_run(&env, j->k, &j->f, &d, &r, e);
    if (rc == 0) {
        snprintf(fm->done, sizeof(fm->done),
                 _("Exported %lld rows to %s (recorded in the audit log)."), (long long)r.rows,
                 r.path);
    }
    export_result_clear(&r);
    free(path);
    return rc;
}

static void export_free(void *data)
{
    struct xjob *j = data;

    if (j != NULL) {
        free(j->ids);
        free(j);
    }
}

const struct form_kind export_form = {
    .id = "export",
    .no_draft = 1,
    .open = export_open,
    .save = export_save,
    .left = export_left,
    .free_data = export_free,
};

int export_dialog(struct tui *t, const struct export_kind *k, const struct export_filter *f,
                  int tagged)
{
    struct xjob *j = xcalloc(1, sizeof(*j));

    j->k = k;
    j->f = *f;
    j->tagged = tagged;
    if (f->ids != NULL) {
        j->ids = xcalloc(f->nids + 1, sizeof(*j->ids));
        memcpy(j->ids, f->ids, f->nids * sizeof(*j->ids));
        j->f.ids = j->ids;
    }
    return form_open_with(t, &export_form, j);
}
