/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * form.h - forms as screens.  A form kind says which fields a form has,
 * how the stored record fills them and how they are saved; the form screen
 * (s_form.c) does the rest the same way for every form: moving between
 * fields, checking a field when it is left, pick lists for codes, saving
 * the whole form with Ctrl-S or F10 (all or nothing), asking before
 * discarding changes, keeping a draft after every burst of typing, and
 * the conflict screen when someone else saved the record meanwhile.
 *
 * To add a form: write tui/f_NAME.c with a `const struct form_kind`, add
 * it to form_kinds[] in s_form.c (so its drafts can be restored), and open
 * it with form_open().  A form that edits one record describes it in
 * `rec` (struct form_record, tui/f_bind.h) and leaves open, save and
 * theirs to it.
 */
#ifndef ZX_FORM_H
#define ZX_FORM_H

#include <stddef.h>
#include <stdint.h>

#include <curses.h>

#include "core/codes.h"
#include "tui/f_bind.h"
#include "tui/keys.h"
#include "tui/w_form.h"

struct app;
struct err;
struct tui;
struct form;

struct form_kind {
    const char *id;              /* names its drafts: "household", ... */
    int no_draft;                /* keep no drafts (dialogs) */
    /* The record the form edits (when rec.io is set): open, save and
     * theirs come from it (those below are then left NULL). */
    struct form_record rec;
    /* Lay out the fields and fill them (from the stored record when the
     * form edits one); set fm->title and fm->version.  0, or -1 with E. */
    int (*open)(struct form *fm, struct err *e);
    /* Store the checked form (every field parses).  0, or -1 with E;
     * ERR_CONFLICT when someone else saved the record meanwhile. */
    int (*save)(struct form *fm, struct err *e);
    /* The stored record as it is now: THEIRS[i] (owned; NULL for items
     * not from the record) for each item, and its version.  NULL when
     * the form cannot conflict field by field. */
    int (*theirs)(struct form *fm, char **theirs, int64_t *version,
                  struct err *e);
    /* Optional: item I was left holding a valid value (fill others). */
    void (*left)(struct form *fm, size_t i);
    /* Optional: some text changed (recompute shown figures). */
    void (*changed)(struct form *fm);
    /* Optional: a panel below the fields: lines wanted, and drawing. */
    int (*panel_lines)(struct form *fm);
    void (*panel_draw)(struct form *fm, WINDOW *w, int y, int lines,
                       int cols);
    /* Optional: whether choice C may be offered for item I (a measure's
     * items: only those of the category chosen). */
    int (*choice_ok)(struct form *fm, size_t i, const struct code *c);
    /* Optional: make sure GROUP exists (restoring a draft). */
    void (*group)(struct form *fm, const char *group);
    /* Optional keys of this form (ACT_FORM1..) and what they do. */
    const struct keydef *keys;
    unsigned (*action)(struct form *fm, struct tui *t, int action);
    /* Optional: free fm->data. */
    void (*free_data)(void *data);
};

struct form {
    const struct form_kind *kind;
    struct app *app;
    struct w_form w;
    struct codebook codes;       /* the policy's tables plus the form's own */
    struct code_table *own;      /* the form's own tables (villages...) */
    size_t nown;
    char title[160];
    int64_t hh;                  /* the household (0: a new one) */
    int64_t id;                  /* the record (0: a new one) */
    int64_t arg;                 /* what else the kind needs (a year...) */
    int64_t version;             /* of the record when loaded */
    char done[640];              /* said after a successful save */
    int64_t saved_hh;            /* the household saved (0: none) */
    void *data;                  /* the kind's own */
};

/* Open a form of KIND about household HH, record ID, and ARG. */
int form_open(struct tui *t, const struct form_kind *kind, int64_t hh,
              int64_t id, int64_t arg);

/* Open a form of KIND with DATA as its fm->data (the form frees it with
 * kind->free_data, also when it cannot open). */
int form_open_with(struct tui *t, const struct form_kind *kind, void *data);

/* The print dialog (f_print.c) for R (copied, with its households and
 * projects), described by WHAT.  Any kind of print_request works: a
 * funds screen prints its selection with PK_PROJECTS (r.projects, r.stage),
 * PK_ALLOCATION (r.fund) or PK_ASSETS (r.township, r.village); set it up
 * with print_request_init(). */
struct print_request;
int print_dialog(struct tui *t, const struct print_request *r,
                 const char *what);

/* The export dialog (f_export.c): kind K under filter F (copied, with its
 * ids: the tagged rows when TAGGED, else the rows shown), with the format,
 * the encoding and the file's name to choose; saving exports. */
struct export_filter;
struct export_kind;
int export_dialog(struct tui *t, const struct export_kind *k, const struct export_filter *f,
                  int tagged);

/* Add a table of the form's own (choices that are not code tables, such
 * as the villages in the user's scope); takes T's contents. */
void form_add_table(struct form *fm, struct code_table *t);

/* Add field SPEC in GROUP with the text for value V (formatted). */
size_t form_add_value(struct form *fm, const struct field_spec *spec,
                      const char *group, const struct field_value *v);
/* Add field SPEC in GROUP for a number / a string. */
size_t form_add_num(struct form *fm, const struct field_spec *spec,
                    const char *group, int64_t n, int empty);
size_t form_add_str(struct form *fm, const struct field_spec *spec,
                    const char *group, const char *s);

/* The text for value V of SPEC (formatted as the form shows it). */
char *form_format(struct form *fm, const struct field_spec *spec,
                  const struct field_value *v);
/* TEXT parsed as item I's field takes it into V (empty when it does not
 * parse; V must hold a value, zeroed or not, and be cleared after). */
void form_parse(struct form *fm, size_t i, const char *text, struct field_value *v);

/* Values of the checked form: number / string (copied into BUF). */
int64_t form_num(struct form *fm, const char *group, const char *name,
                 int64_t empty);
void form_str(struct form *fm, const char *group, const char *name,
              char *buf, size_t n);
/* An owned copy of a string value, or NULL when empty. */
char *form_strdup(struct form *fm, const char *group, const char *name);

/* Try to save FM now (also from the conflict screen). */
unsigned form_save(struct form *fm, struct tui *t);

/* The stored record as it is now (the kind's theirs, see above); 0, or
 * -1 with E. */
int form_theirs(struct form *fm, char **theirs, int64_t *version,
                struct err *e);

/* The conflict screen (s_conflict.c): someone else saved FM's record
 * meanwhile (WHY says so); choose field by field, then save. */
unsigned conflict_open(struct form *fm, struct tui *t, const char *why);

/* Every kind, for restoring drafts by their id. */
const struct form_kind *form_kind_find(const char *id);

/* Offer the drafts left for this database (at start-up); returns dirty
 * flags. */
unsigned form_offer_drafts(struct tui *t);

/* The form kinds. */
extern const struct form_kind household_form;   /* f_household.c: edit */
extern const struct form_kind household_new_form;/* f_household.c: new, with members */
extern const struct form_kind member_form;      /* f_member.c */
extern const struct form_kind member_remove_form;/* f_member.c */
extern const struct form_kind income_form;      /* f_income.c: arg = year */
extern const struct form_kind guarantee_form;   /* f_income.c: arg = year */
extern const struct form_kind step_form;        /* f_step.c: arg = action */
extern const struct form_kind clue_new_form;    /* f_step.c: a clue, new household */
/* For a form of a step made elsewhere (a clue from a department warning,
 * f_warning.c): the step form of ACTION on fm->hh with the clue's fields
 * filled from D (may be NULL); storing it, with ALSO(..., ARG = FM) in the
 * step's transaction (db_case_act_also).  fm->data is the step's. */
struct step_defaults {
    const char *channel, *risks, *description;
};
enum case_action;
struct actor;
struct db;
int step_prepare(struct form *fm, enum case_action action, const struct step_defaults *d,
                 struct err *e);
int step_store(struct form *fm,
               int (*also)(struct db *db, const struct actor *actor, int64_t case_id,
                           void *arg, struct err *e),
               struct err *e);
extern const struct form_kind warning_clue_form; /* f_warning.c: id = warning, arg = its version */
extern const struct form_kind warning_close_form;/* f_warning.c: id = warning, arg = its version */
extern const struct form_kind measure_form;     /* f_record.c */
extern const struct form_kind visit_form;       /* f_record.c */
extern const struct form_kind print_form;       /* f_print.c: fm->data */
extern const struct form_kind fund_form;        /* f_funds.c: a receipt */
extern const struct form_kind allocation_form;  /* f_funds.c: arg = project */
extern const struct form_kind payment_form;     /* f_funds.c: arg = project */
/* Delete a receipt, an allocation or a payment after a confirmation
 * (f_funds.c); dirty flags. */
enum fund_record { FR_FUND, FR_ALLOCATION, FR_PAYMENT };
unsigned funds_delete_dialog(struct tui *t, enum fund_record kind, int64_t id);
extern const struct form_kind project_form;     /* f_project.c: id 0 = new */
extern const struct form_kind project_step_form;/* f_project.c: arg = action */
/* Link a household of the registry to PROJECT as a beneficiary, or
 * remove the link (f_project.c); dirty flags. */
unsigned project_link_dialog(struct tui *t, int64_t project);
extern const struct form_kind asset_form;       /* f_asset.c */
extern const struct form_kind asset_income_form;/* f_asset.c: arg = asset */
extern const struct form_kind partner_form;     /* f_pair.c */
extern const struct form_kind pairing_form;     /* f_pair.c: arg = partner */
extern const struct form_kind agreement_form;   /* f_pair.c: arg = partner */
extern const struct form_kind pair_record_form; /* f_pair.c: arg = partner */
extern const struct form_kind team_form;        /* f_team.c */
extern const struct form_kind team_member_form; /* f_team.c: arg = team */
extern const struct form_kind attendance_form;  /* f_team.c: arg = member */
extern const struct form_kind grade_form;       /* f_team.c: arg = member */
extern const struct form_kind cadre_form;       /* f_cadre.c */
/* Make a responsible cadre (of TOWNSHIP's, 0: any the user sees) that of
 * the N households HH (f_cadre.c): WHAT names a single one, whose current
 * link the user saw is EXPECT (0: none; -1 for tagged rows); dirty
 * flags. */
unsigned cadre_assign_dialog(struct tui *t, const int64_t *hh, size_t n, int64_t township,
                             const char *what, int64_t expect);

#endif
