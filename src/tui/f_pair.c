/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * f_pair.c - the forms of paired assistance: a partner (帮扶单位), a
 * pairing of a partner with the county, a township or a village (fm->arg
 * is the partner), a yearly agreement with one target field per
 * indicator of pair_indicator (money in yuan, counts as whole numbers;
 * fm->arg is the partner of a new one), and a record of what arrived
 * (fm->arg is the partner of a new one).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/bounds.h"
#include "core/date.h"
#include "core/money.h"
#include "core/pair.h"
#include "db/db_pair.h"
#include "tui/choices.h"
#include "tui/f_bind.h"
#include "tui/f_common.h"
#include "tui/form.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

static const struct field_spec f_partner = {
    .name = "partner_id", .label = N_("Partner"), .type = FT_CODE, .flags = FF_REQUIRED,
    .table = "partner",
    .help = N_("The partner (帮扶单位).  F4 shows the list.")};

/* The partners, as choices. */
static int
partner_choices(struct form *fm, struct err *e)
{
    struct rule_ctx ctx = form_rule_ctx(fm);
    const struct codebook *cb = &fm->app->policy.codes;
    struct pair_filter flt;
    struct partner_row *v;
    struct choices c;
    size_t n, i;

    pair_filter_init(&flt);
    if (db_partner_list(fm->app->db, &ctx, &flt, &v, &n, e) != 0) {
        return -1;
    }
    choices_init(&c);
    for (i = 0; i < n; i++) {
        choices_add_id(&c, v[i].p.id, "%s (%s)", v[i].p.name,
                       code_short(cb, "partner_kind", v[i].p.kind));
    }
    free(v);
    form_add_table(fm, choices_table(&c, "partner", _("Partner")));
    return 0;
}

/* --- partners --------------------------------------------------------------- */


static const struct bind partner_binds[] = {
    FIELD(struct partner, kind, .label = N_("Kind of assistance"), .type = FT_CODE,
          .flags = FF_REQUIRED, .table = "partner_kind",
          .help = N_("东西部协作, 定点帮扶, 对口帮扶, 万企兴万村...  F4 shows the list.")),
    FIELD(struct partner, name, .label = N_("Partner's name"), .type = FT_TEXT,
          .flags = FF_REQUIRED, .max_chars = 60,
          .help = N_("For example 浙江省湖州市吴兴区 or 中国农业发展银行.")),
    FIELD(struct partner, level, .label = N_("Partner's level"), .type = FT_CODE,
          .flags = FF_REQUIRED, .table = "partner_level",
          .help = N_("中央单位, 省级, 市级, 县级, 国企, 民企, 商会.  F4 shows the list.")),
    FIELD(struct partner, region, .label = N_("Region"), .type = FT_TEXT,
          .max_chars = 60, .help = N_("Where the partner is, for example 浙江省湖州市.")),
    FIELD(struct partner, contact, .label = N_("Contact person"), .type = FT_TEXT,
          .max_chars = 30),
    BIND(form_phone, struct partner, phone, BR_BOTH),
    BIND(form_note, struct partner, note, BR_BOTH),
};

FORM_RECORD_IO(partner_io, partner_binds, struct partner, partner_init, partner_clear,
               db_partner_get, db_partner_save);

const struct form_kind partner_form = {
    .id = "partner",
    .rec = {
        .io = &partner_io,
        .title = {N_("Partner %s"), {"name"}},
        .title_new = {N_("New partner")},
        .done = {N_("Partner %s saved."), {"name"}},
    },
};

/* --- pairings -------------------------------------------------------------------- */

static const struct field_spec g_place = {
    .name = "place", .label = N_("Paired with"), .type = FT_CODE, .table = "place",
    .help = N_("A township or a village; leave empty for the county as a whole.  F4 shows the list.")};

static const struct bind pairing_binds[] = {
    BIND(f_partner, struct pairing, partner_id, BR_BOTH),
    BIND_PLACE(g_place, struct pairing, township_id, village_id, 1),
    FIELD(struct pairing, start, .label = N_("From"), .type = FT_DATE,
          .flags = FF_REQUIRED, .help = N_("The day the pairing started.")),
    FIELD(struct pairing, end, .label = N_("To"), .type = FT_DATE, .flags = FF_FUTURE,
          .help = N_("The day it ends (empty while it lasts).")),
    BIND(form_note, struct pairing, note, BR_BOTH),
};

FORM_RECORD_IO(pairing_io, pairing_binds, struct pairing, pairing_init, pairing_clear,
               db_pairing_get, db_pairing_save);

static int
partner_place_choices(struct form *fm, void *rec, struct err *e)
{
    (void)rec;
    return partner_choices(fm, e) || form_places(fm, e) ? -1 : 0;
}

const struct form_kind pairing_form = {
    .id = "pairing",
    .rec = {
        .io = &pairing_io,
        .title = {N_("Pairing")},
        .title_new = {N_("New pairing")},
        .done = {N_("Pairing saved.")},
        .fresh = {.arg = offsetof(struct pairing, partner_id),
                  .today = offsetof(struct pairing, start)},
        .loaded = partner_place_choices,
    },
};

/* --- agreements -------------------------------------------------------------------- */


static const struct bind agreement_binds[] = {
    BIND(f_partner, struct agreement_full, a.partner_id, BR_BOTH),
    FIELD_AS("year", BR_BOTH, struct agreement_full, a.year, .label = N_("Year"),
             .type = FT_INT, .flags = FF_REQUIRED, .min = 2000, .max = 2100,
             .help = N_("The year the agreement is for.")),
    FIELD_AS("doc_no", BR_BOTH, struct agreement_full, a.doc_no, .label = N_("Document number"),
             .type = FT_TEXT, .max_chars = 60,
             .help = N_("The agreement's or the document's number (optional).")),
    FIELD_AS("signed_on", BR_BOTH, struct agreement_full, a.signed_on, .label = N_("Signed on"),
             .type = FT_DATE),
    BIND_SLOT(0),                       /* the targets */
    BIND(form_note, struct agreement_full, a.note, BR_BOTH),
};

/* The target fields, one per indicator (fm->data). */
struct target_fields {
    struct field_spec *spec;
    char (*name)[CODE_BUF + 4];
    size_t n;
};

static void
target_fields_free(void *data)
{
    struct target_fields *tf = data;

    if (tf != NULL) {
        free(tf->spec);
        free(tf->name);
        free(tf);
    }
}

/* Field specs for the indicators of CB: "t01"..., money ones in yuan. */
static struct target_fields *
target_fields_new(const struct codebook *cb)
{
    const struct code_table *ct = codebook_table(cb, "pair_indicator");
    struct target_fields *tf = xcalloc(1, sizeof(*tf));
    size_t i;

    tf->n = ct != NULL ? ct->n : 0;
    tf->spec = xcalloc(tf->n + 1, sizeof(*tf->spec));
    tf->name = xcalloc(tf->n + 1, sizeof(*tf->name));
    for (i = 0; i < tf->n; i++) {
        struct field_spec *s = &tf->spec[i];
        int money = code_is(cb, "pair_indicator", ct->v[i].code, "money");

        snprintf(tf->name[i], sizeof(tf->name[i]), "t%s", ct->v[i].code);
        s->name = tf->name[i];
        s->label = code_short(cb, "pair_indicator", ct->v[i].code);
        s->type = money ? FT_MONEY : FT_INT;
        s->max = money ? BOUND_PARTNER : 10000000;
        s->help = money ? N_("The target in yuan; empty or 0: no target.")
                        : N_("The target as a number; empty or 0: no target.");
    }
    return tf;
}

/* The value of INDICATOR among F's targets, or 0. */
static int64_t
target_value(const struct agreement_full *f, const char *indicator)
{
    size_t i;

    for (i = 0; i < f->nt; i++) {
        if (strcmp(f->t[i].indicator, indicator) == 0) {
            return f->t[i].value;
        }
    }
    return 0;
}

/* The slot of the targets: one field per indicator. */
static int
targets_add(struct form *fm, const void *rec, int which, struct err *e)
{
    const struct code_table *ct = codebook_table(&fm->app->policy.codes, "pair_indicator");
    const struct agreement_full *f = rec;
    struct target_fields *tf = fm->data;
    size_t i;

    (void)which;
    (void)e;
    wform_heading(&fm->w, _("Targets"), "");
    for (i = 0; i < tf->n; i++) {
        int64_t v = target_value(f, ct->v[i].code);

        form_add_num(fm, &tf->spec[i], "", v, v == 0);
    }
    return 0;
}

static int
agreement_loaded(struct form *fm, void *rec, struct err *e)
{
    (void)rec;
    fm->data = target_fields_new(&fm->app->policy.codes);
    return partner_choices(fm, e);
}

/* F's targets from the form: the indicators given more than 0. */
static int
targets_read(struct form *fm, void *rec, struct err *e)
{
    const struct code_table *ct = codebook_table(&fm->app->policy.codes, "pair_indicator");
    struct target_fields *tf = fm->data;
    struct agreement_full *f = rec;
    size_t i;

    (void)e;
    f->t = xcalloc(tf->n + 1, sizeof(*f->t));
    f->nt = 0;
    for (i = 0; i < tf->n; i++) {
        int64_t v = form_num(fm, "", tf->name[i], 0);

        if (v > 0) {
            struct agreement_target *t = &f->t[f->nt++];

            snprintf(t->indicator, sizeof(t->indicator), "%s", ct->v[i].code);
            t->value = v;
        }
    }
    return 0;
}

static void
agreement_saved(struct form *fm, const void *rec)
{
    const struct agreement_full *f = rec;

    snprintf(fm->done, sizeof(fm->done), _("Agreement of %d saved with %zu targets."), f->a.year,
             f->nt);
}

static void
agreement_full_init(struct agreement_full *f)
{
    agreement_init(&f->a);
}

FORM_REC_FN(agreement_io_init, struct agreement_full, agreement_full_init)
FORM_REC_FN(agreement_io_clear, struct agreement_full, agreement_full_clear)
FORM_REC_GET(agreement_io_get, struct agreement_full, db_agreement_get)
FORM_REC_PUT(agreement_io_put, struct agreement_full, db_agreement_save)

static const struct form_record_io agreement_io = {
    agreement_binds, ARRAY_SIZE(agreement_binds), sizeof(struct agreement_full),
    offsetof(struct agreement_full, a.id),
    offsetof(struct agreement_full, a.version), agreement_io_init, agreement_io_clear,
    agreement_io_get, agreement_io_put,
};

const struct form_kind agreement_form = {
    .id = "agreement",
    .rec = {
        .io = &agreement_io,
        .title = {N_("Agreement of %s"), {"year"}},
        .title_new = {N_("New agreement")},
        .fresh = {.arg = offsetof(struct agreement_full, a.partner_id),
                  .year = offsetof(struct agreement_full, a.year)},
        .loaded = agreement_loaded,
        .slot = targets_add,
        .read = targets_read,
        .saved = agreement_saved,
    },
    .free_data = target_fields_free,
};

/* --- records of arrivals ------------------------------------------------------------- */

/* The value: as typed while no indicator is chosen, then yuan or a count
 * by the indicator's tag. */
static const struct field_spec r_value = {
    .name = "value", .label = N_("Amount or number"), .type = FT_TEXT, .flags = FF_REQUIRED,
    .max_chars = 20,
    .help = N_("Yuan for money (at most two decimals), else the number of persons, projects or person-times.")};
static const struct field_spec r_value_money = {
    .name = "value", .label = N_("Amount (yuan)"), .type = FT_MONEY, .flags = FF_REQUIRED,
    .max = BOUND_PARTNER,
    .help = N_("Yuan, with at most two decimals.")};
static const struct field_spec r_value_count = {
    .name = "value", .label = N_("Number"), .type = FT_INT, .flags = FF_REQUIRED,
    .min = 1, .max = 10000000,
    .help = N_("The number of persons, projects or person-times.")};
static const struct field_spec r_place = {
    .name = "place", .label = N_("Where it went"), .type = FT_CODE, .table = "place",
    .help = N_("A township or a village; leave empty for the county.  F4 shows the list.")};

static const struct bind record_binds[] = {
    BIND(f_partner, struct pair_record, partner_id, BR_BOTH),
    FIELD(struct pair_record, indicator, .label = N_("Indicator"), .type = FT_CODE,
          .flags = FF_REQUIRED, .table = "pair_indicator",
          .help = N_("What arrived: 财政援助资金, 援建项目, 转移就业...  F4 shows the list.")),
    FIELD(struct pair_record, day, .label = N_("Date"), .type = FT_DATE,
          .flags = FF_REQUIRED, .help = N_("The day it arrived.")),
    BIND_SLOT(0),                       /* the value */
    FIELD(struct pair_record, evidence, .label = N_("Evidence"), .type = FT_TEXT,
          .flags = FF_REQUIRED, .max_chars = 60,
          .help = N_("The document or voucher number, or a short note of the proof.")),
    BIND_PLACE(r_place, struct pair_record, township_id, village_id, 1),
    BIND(form_note, struct pair_record, note, BR_BOTH),
};

/* The spec of the value for INDICATOR (a code, or "" while none). */
static const struct field_spec *
value_spec(struct form *fm, const char *indicator)
{
    if (indicator[0] == '\0') {
        return &r_value;
    }
    if (code_is(&fm->app->policy.codes, "pair_indicator", indicator, "money")) {
        return &r_value_money;
    }
    return &r_value_count;
}

static int
value_add(struct form *fm, const void *rec, int which, struct err *e)
{
    const struct pair_record *r = rec;

    (void)which;
    (void)e;
    form_add_num(fm, value_spec(fm, r->indicator), "", r->value, r->value == 0);
    return 0;
}

/* The value field takes the spec of the indicator chosen (its text is
 * kept). */
static void
value_follows(struct form *fm)
{
    char indicator[CODE_BUF];
    int k = wform_find(&fm->w, "", "value");

    form_str(fm, "", "indicator", indicator, sizeof(indicator));
    if (k >= 0 && fm->w.items[k].spec != value_spec(fm, indicator)) {
        wform_set_spec(&fm->w, (size_t)k, value_spec(fm, indicator));
    }
}

static int
value_read(struct form *fm, void *rec, struct err *e)
{
    struct pair_record *r = rec;
    int k = wform_find(&fm->w, "", "value");

    value_follows(fm);
    if (k >= 0 && wform_check(&fm->w, (size_t)k, NULL, e) != 0) {
        return -1;
    }
    r->value = form_num(fm, "", "value", 0);
    return 0;
}

static void
value_theirs(struct form *fm, const void *rec, char **theirs)
{
    const struct pair_record *r = rec;
    struct field_value v;
    int k = wform_find(&fm->w, "", "value");

    if (k >= 0) {
        memset(&v, 0, sizeof(v));
        field_value_num(&v, r->value);
        free(theirs[k]);
        theirs[k] = form_format(fm, value_spec(fm, r->indicator), &v);
    }
}

FORM_RECORD_IO(record_io, record_binds, struct pair_record, pair_record_init,
               pair_record_clear, db_pair_record_get, db_pair_record_save);

const struct form_kind pair_record_form = {
    .id = "pair_record",
    .rec = {
        .io = &record_io,
        .title = {N_("Arrival")},
        .title_new = {N_("New arrival")},
        .done = {N_("Arrival of %s saved."), {"indicator"}},
        .fresh = {.arg = offsetof(struct pair_record, partner_id),
                  .today = offsetof(struct pair_record, day)},
        .loaded = partner_place_choices,
        .slot = value_add,
        .read = value_read,
        .theirs = value_theirs,
    },
    .changed = value_follows,
};
