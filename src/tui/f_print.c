/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * f_print.c - the print dialog, a form like any other: what is printed,
 * where it goes (the printer through the print command, or a file to
 * fetch over SFTP), PDF or text (a printer always gets the PDF), the
 * printer (a choice of the CUPS queues, empty for the default) and
 * copies, or the file's name.
 * Saving the form prints; a failure (no printer, a file that exists)
 * keeps the dialog open with the reason on the status line.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/doc.h"
#include "print/print.h"
#include "print/printers.h"
#include "print/spool.h"
#include "tui/choices.h"
#include "tui/f_common.h"
#include "tui/form.h"
#include "tui/tui.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/u8.h"
#include "util/xalloc.h"

struct pjob {
    struct print_request r;
    int64_t *hh;                 /* the households of r (owned) */
    int64_t *projects;           /* the projects of r (owned) */
    char what[600];
};

static const struct field_spec p_what = {
    .name = "what", .label = N_("Print"), .type = FT_TEXT, .flags = FF_READONLY,
    .max_chars = 600};
static const struct field_spec p_dest = {
    .name = "dest", .label = N_("Send to"), .type = FT_CODE, .flags = FF_REQUIRED,
    .table = "print_dest",
    .help = N_("The printer (through the print command), or a file to fetch with SFTP.  F4 shows the choices.")};
static const struct field_spec p_format = {
    .name = "format", .label = N_("Format"), .type = FT_CODE, .flags = FF_REQUIRED,
    .table = "print_format",
    .help = N_("PDF on A4 pages, or plain text for a file to read on the screen or send by e-mail; a printer always gets the PDF.")};
static const struct field_spec p_printer = {
    .name = "printer", .label = N_("Printer"), .type = FT_CODE, .table = "print_printer",
    .help = N_("The printer (a CUPS queue): F4 lists the printers there are; empty for the default printer."),
    .none = N_("No printer was found (no CUPS answer): leave it empty for the default printer, or type a queue's name.")};
static const struct field_spec p_copies = {
    .name = "copies", .label = N_("Copies"), .type = FT_INT, .flags = FF_REQUIRED, .min = 1,
    .max = 99,
    .help = N_("How many copies, 1 to 99.")};
static const struct field_spec p_path = {
    .name = "path", .label = N_("File"), .type = FT_TEXT, .max_chars = 1000,
    .help = N_("Where to save the print when it goes to a file (on the server).")};
static const struct field_spec p_overwrite = {
    .name = "overwrite", .label = N_("Overwrite the file"), .type = FT_YESNO,
    .help = N_("是 replaces a file of that name; 否 refuses to.")};

/* The file a print is saved to unless the user says otherwise. */
static char *default_path(struct form *fm, enum print_format f)
{
    struct pjob *j = fm->data;
    struct print_env env;
    char *name, *path;

    app_print_env(fm->app, &env);
    name = print_file_name(&env, &j->r, f);
    path = form_save_path(fm, name);
    free(name);
    return path;
}

/* The printers to choose from: the CUPS queues, the default one said,
 * and CURRENT (the setting) even when CUPS does not know it. */
static void printer_choices(struct form *fm, const char *current)
{
    struct printer_list l;
    struct choices c;
    int known = *current == '\0';
    size_t i;

    /* without libcups, no queue: F4 says none was found */
    printers_list(&l, NULL);
    choices_init(&c);
    for (i = 0; i < l.n; i++) {
        if (i == l.def) {
            choices_add(&c, l.names[i], _("%s (the default printer)"), l.names[i]);
        } else {
            choices_add(&c, l.names[i], "%s", l.names[i]);
        }
        known |= strcmp(l.names[i], current) == 0;
    }
    if (!known) {
        choices_add(&c, current, "%s", current);
    }
    form_add_table(fm, choices_table(&c, "print_printer", _("Printer")));
    printers_free(&l);
}

static int print_open(struct form *fm, struct err *e)
{
    static const char *const dests[] = {"printer", "file"};
    static const char *const dest_labels[] = {N_("printer"), N_("file")};
    static const char *const formats[] = {"pdf", "text"};
    static const char *const format_labels[] = {N_("PDF (A4)"), N_("text")};
    const struct settings *s = &fm->app->settings;
    struct pjob *j = fm->data;
    enum print_format f = strcmp(s->print_format, "text") == 0 ? PF_TEXT : PF_PDF;
    char *path;

    (void)e;
    form_choices(fm, "print_dest", _("Send to"), dests, dest_labels, 2);
    form_choices(fm, "print_format", _("Format"), formats, format_labels, 2);
    printer_choices(fm, s->printer);
    snprintf(fm->title, sizeof(fm->title), "%s", _("Print"));
    form_add_str(fm, &p_what, "", j->what);
    form_add_str(fm, &p_dest, "", "printer");
    form_add_str(fm, &p_format, "", f == PF_TEXT ? "text" : "pdf");
    form_add_str(fm, &p_printer, "", s->printer);
    form_add_num(fm, &p_copies, "", s->copies, 0);
    path = default_path(fm, f);
    form_add_str(fm, &p_path, "", path);
    free(path);
    form_add_num(fm, &p_overwrite, "", 0, 0);
    return 0;
}

/* The file's extension follows the format: .pdf and .txt swap. */
static void fix_extension(struct form *fm)
{
    int k = wform_find(&fm->w, "", "path");
    char format[16];
    struct sbuf path = SBUF_INIT;
    const char *want, *other;

    if (k < 0) {
        return;
    }
    form_str(fm, "", "format", format, sizeof(format));
    want = strcmp(format, "text") == 0 ? ".txt" : ".pdf";
    other = strcmp(want, ".txt") == 0 ? ".pdf" : ".txt";
    wform_text(&fm->w, (size_t)k, &path);
    if (path.len > 4 && strcmp(path.buf + path.len - 4, other) == 0) {
        memcpy(path.buf + path.len - 4, want, 4);
        wform_set(&fm->w, (size_t)k, path.buf);
    }
    sbuf_release(&path);
}

/* A new format changes the default file's extension. */
static void print_left(struct form *fm, size_t i)
{
    if (strcmp(fm->w.items[i].spec->name, "format") == 0) {
        fix_extension(fm);
    }
}

static int print_save(struct form *fm, struct err *e)
{
    const struct settings *s = &fm->app->settings;
    struct pjob *j = fm->data;
    struct print_dest d;
    struct print_env env;
    struct sbuf warn = SBUF_INIT;
    char dest[16], format[16], printer[128], *path;
    size_t ndocs = 0;
    int rc;

    memset(&d, 0, sizeof(d));
    fix_extension(fm);    /* saved with Ctrl-S still in the format field */
    form_str(fm, "", "dest", dest, sizeof(dest));
    form_str(fm, "", "format", format, sizeof(format));
    form_str(fm, "", "printer", printer, sizeof(printer));
    path = form_strdup(fm, "", "path");
    d.format = strcmp(format, "text") == 0 ? PF_TEXT : PF_PDF;
    d.command = s->print_command;
    d.printer = printer;
    d.copies = (int)form_num(fm, "", "copies", 1);
    d.text_lines = s->print_text_lines;
    d.font = s->print_font;
    d.title_font = s->print_title_font;
    d.overwrite = form_num(fm, "", "overwrite", 0) != 0;
    if (strcmp(dest, "file") == 0) {
        if (path == NULL) {
            return err_set(e, ERR_INVALID, "%s", _("Give the file to save the print to."));
        }
        d.path = path;
        if (!d.overwrite && spool_exists(path)) {
            err_set(e, ERR_INVALID,
                    _("The file exists already: give another name, or set Overwrite the file to 是 (%s)."),
                    path);
            free(path);
            return -1;
        }
    }
    app_print_env(fm->app, &env);
    env.warn = &warn;
    rc = print_run(&env, &j->r, &d, &ndocs, e);
    if (rc == 0 && d.path != NULL) {
        snprintf(fm->done, sizeof(fm->done), _("Saved %s (recorded in the audit log)."), d.path);
    } else if (rc == 0) {
        snprintf(fm->done, sizeof(fm->done),
                 _("Sent to the printer: %s, %d copies (recorded in the audit log)."),
                 j->what, d.copies);
    }
    if (rc == 0 && warn.len > 0) {
        /* the warning (a publicity already ended) on a line of its own */
        size_t n = strlen(fm->done);

        snprintf(fm->done + n, sizeof(fm->done) - n, "\n%.*s", (int)warn.len - 1, warn.buf);
    }
    sbuf_release(&warn);
    free(path);
    return rc;
}

static void print_free(void *data)
{
    struct pjob *j = data;

    if (j) {
        free(j->hh);
        free(j->projects);
        free(j);
    }
}

const struct form_kind print_form = {
    .id = "print",
    .no_draft = 1,
    .open = print_open,
    .save = print_save,
    .left = print_left,
    .free_data = print_free,
};

int print_dialog(struct tui *t, const struct print_request *r,
                 const char *what)
{
    struct pjob *j = xcalloc(1, sizeof(*j));

    j->r = *r;
    if (r->nhouseholds > 0) {
        j->hh = xcalloc(r->nhouseholds, sizeof(*j->hh));
        memcpy(j->hh, r->households, r->nhouseholds * sizeof(*j->hh));
    }
    j->r.households = j->hh;
    if (r->nprojects > 0) {
        j->projects = xcalloc(r->nprojects, sizeof(*j->projects));
        memcpy(j->projects, r->projects, r->nprojects * sizeof(*j->projects));
    }
    j->r.projects = j->projects;
    u8_copy(j->what, sizeof(j->what), what);
    return form_open_with(t, &print_form, j);
}
