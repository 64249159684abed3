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
#include "core/date.h"
#include "core/money.h"
#include "core/pair.h"
#include "db/db_pair.h"
#include "tui/f_common.h"
#include "tui/form.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

static const struct field_spec f_note = {
    .name = "note", .label = N_("Note"), .type = FT_LONGTEXT, .max_chars = 1000};
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
    struct code_table t;
    size_t n, i, alloc = 0;

    pair_filter_init(&flt);
    if (db_partner_list(fm->app->db, &ctx, &flt, &v, &n, e) != 0) {
        return -1;
    }
    memset(&t, 0, sizeof(t));
    for (i = 0; i < n; i++) {
        char code[24], label[PAIR_NAME_BUF + 40];

        snprintf(code, sizeof(code), "%lld", (long long)v[i].p.id);
        snprintf(label, sizeof(label), "%s (%s)", v[i].p.name,
                 code_short(cb, "partner_kind", v[i].p.kind));
        form_table_add(&t, &alloc, code, label);
    }
    free(v);
    form_own_table(fm, &t, "partner", _("Partner"));
    return 0;
}

/* --- partners --------------------------------------------------------------- */

static const struct field_spec p_kind = {
    .name = "kind", .label = N_("Kind of assistance"), .type = FT_CODE, .flags = FF_REQUIRED,
    .table = "partner_kind",
    .help = N_("东西部协作, 定点帮扶, 对口帮扶, 万企兴万村...  F4 shows the list.")};
static const struct field_spec p_name = {
    .name = "name", .label = N_("Partner's name"), .type = FT_TEXT, .flags = FF_REQUIRED,
    .max_chars = 60,
    .help = N_("For example 浙江省湖州市吴兴区 or 中国农业发展银行.")};
static const struct field_spec p_level = {
    .name = "level", .label = N_("Partner's level"), .type = FT_CODE, .flags = FF_REQUIRED,
    .table = "partner_level",
    .help = N_("中央单位, 省级, 市级, 县级, 国企, 民企, 商会.  F4 shows the list.")};
static const struct field_spec p_region = {
    .name = "region", .label = N_("Region"), .type = FT_TEXT, .max_chars = 60,
    .help = N_("Where the partner is, for example 浙江省湖州市.")};
static const struct field_spec p_contact = {
    .name = "contact", .label = N_("Contact person"), .type = FT_TEXT, .max_chars = 30};
static const struct field_spec p_phone = {
    .name = "phone", .label = N_("Phone"), .type = FT_PHONE};

static const struct bind partner_binds[] = {
    BIND(p_kind, B_STR, struct partner, kind, 1),
    BIND(p_name, B_STR, struct partner, name, 1),
    BIND(p_level, B_STR, struct partner, level, 1),
    BIND(p_region, B_STR, struct partner, region, 1),
    BIND(p_contact, B_STR, struct partner, contact, 1),
    BIND(p_phone, B_STR, struct partner, phone, 1),
    BIND(f_note, B_PSTR, struct partner, note, 1),
};
#define NPARTNER ARRAY_SIZE(partner_binds)

static int
partner_open(struct form *fm, struct err *e)
{
    struct partner p;

    partner_init(&p);
    if (fm->id != 0) {
        if (db_partner_get(fm->app->db, fm->id, &p, e) != 0) {
            partner_clear(&p);
            return -1;
        }
        fm->version = p.version;
        snprintf(fm->title, sizeof(fm->title), _("Partner %s"), p.name);
    } else {
        snprintf(fm->title, sizeof(fm->title), "%s", _("New partner"));
    }
    bind_add(fm, partner_binds, NPARTNER, "", &p, 0);
    partner_clear(&p);
    return 0;
}

static int
partner_save(struct form *fm, struct err *e)
{
    struct rule_ctx ctx = form_rule_ctx(fm);
    struct partner p;
    int rc;

    partner_init(&p);
    p.id = fm->id;
    bind_read(fm, partner_binds, NPARTNER, "", &p);
    p.version = fm->version;
    rc = db_partner_save(fm->app->db, &ctx, form_actor(fm), &p, e);
    if (rc == 0) {
        snprintf(fm->done, sizeof(fm->done), _("Partner %s saved."), p.name);
        fm->id = p.id;
    }
    partner_clear(&p);
    return rc;
}

static int
partner_theirs(struct form *fm, char **theirs, int64_t *version, struct err *e)
{
    struct partner p;

    partner_init(&p);
    if (db_partner_get(fm->app->db, fm->id, &p, e) != 0) {
        partner_clear(&p);
        return -1;
    }
    bind_texts(fm, partner_binds, NPARTNER, "", &p, theirs);
    *version = p.version;
    partner_clear(&p);
    return 0;
}

const struct form_kind partner_form = {
    .id = "partner",
    .open = partner_open,
    .save = partner_save,
    .theirs = partner_theirs,
};

/* --- pairings -------------------------------------------------------------------- */

static const struct field_spec g_place = {
    .name = "place", .label = N_("Paired with"), .type = FT_CODE, .table = "place",
    .help = N_("A township or a village; leave empty for the county as a whole.  F4 shows the list.")};
static const struct field_spec g_start = {
    .name = "start", .label = N_("From"), .type = FT_DATE, .flags = FF_REQUIRED,
    .help = N_("The day the pairing started.")};
static const struct field_spec g_end = {
    .name = "end", .label = N_("To"), .type = FT_DATE, .flags = FF_FUTURE,
    .help = N_("The day it ends (empty while it lasts).")};

static const struct bind pairing_binds[] = {
    BIND(f_partner, B_ID, struct pairing, partner_id, 1),
    BIND(g_start, B_DATE, struct pairing, start, 1),
    BIND(g_end, B_DATE, struct pairing, end, 1),
    BIND(f_note, B_PSTR, struct pairing, note, 1),
};
#define NPAIRING ARRAY_SIZE(pairing_binds)

static int
pairing_open(struct form *fm, struct err *e)
{
    struct pairing p;

    pairing_init(&p);
    if (partner_choices(fm, e) != 0 || form_places(fm, e) != 0) {
        return -1;
    }
    if (fm->id != 0) {
        if (db_pairing_get(fm->app->db, fm->id, &p, e) != 0) {
            pairing_clear(&p);
            return -1;
        }
        fm->version = p.version;
        snprintf(fm->title, sizeof(fm->title), "%s", _("Pairing"));
    } else {
        p.partner_id = fm->arg;
        p.start = app_today();
        snprintf(fm->title, sizeof(fm->title), "%s", _("New pairing"));
    }
    bind_add(fm, pairing_binds, 1, "", &p, 0);
    form_place_add(fm, &g_place, p.township_id, p.village_id);
    bind_add(fm, pairing_binds + 1, NPAIRING - 1, "", &p, 0);
    pairing_clear(&p);
    return 0;
}

static int
pairing_save(struct form *fm, struct err *e)
{
    struct rule_ctx ctx = form_rule_ctx(fm);
    struct pairing p;
    int rc;

    pairing_init(&p);
    p.id = fm->id;
    bind_read(fm, pairing_binds, NPAIRING, "", &p);
    p.version = fm->version;
    rc = form_place_read(fm, "place", &p.township_id, &p.village_id, e) ||
         db_pairing_save(fm->app->db, &ctx, form_actor(fm), &p, e);
    if (rc == 0) {
        snprintf(fm->done, sizeof(fm->done), "%s", _("Pairing saved."));
        fm->id = p.id;
    }
    pairing_clear(&p);
    return rc ? -1 : 0;
}

static int
pairing_theirs(struct form *fm, char **theirs, int64_t *version, struct err *e)
{
    struct pairing p;

    pairing_init(&p);
    if (db_pairing_get(fm->app->db, fm->id, &p, e) != 0) {
        pairing_clear(&p);
        return -1;
    }
    bind_texts(fm, pairing_binds, NPAIRING, "", &p, theirs);
    *version = p.version;
    pairing_clear(&p);
    return 0;
}

const struct form_kind pairing_form = {
    .id = "pairing",
    .open = pairing_open,
    .save = pairing_save,
    .theirs = pairing_theirs,
};

/* --- agreements -------------------------------------------------------------------- */

static const struct field_spec a_year = {
    .name = "year", .label = N_("Year"), .type = FT_INT, .flags = FF_REQUIRED, .min = 2000,
    .max = 2100,
    .help = N_("The year the agreement is for.")};
static const struct field_spec a_doc = {
    .name = "doc_no", .label = N_("Document number"), .type = FT_TEXT, .max_chars = 60,
    .help = N_("The agreement's or the document's number (optional).")};
static const struct field_spec a_signed = {
    .name = "signed_on", .label = N_("Signed on"), .type = FT_DATE};

static const struct bind agreement_binds[] = {
    BIND(f_partner, B_ID, struct agreement, partner_id, 1),
    BIND(a_year, B_INT, struct agreement, year, 1),
    BIND(a_doc, B_STR, struct agreement, doc_no, 1),
    BIND(a_signed, B_DATE, struct agreement, signed_on, 1),
    BIND(f_note, B_PSTR, struct agreement, note, 1),
};
#define NAGREEMENT ARRAY_SIZE(agreement_binds)

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
        s->max = money ? 0 : 10000000;
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

static void
targets_add(struct form *fm, const struct agreement_full *f)
{
    const struct code_table *ct = codebook_table(&fm->app->policy.codes, "pair_indicator");
    struct target_fields *tf = fm->data;
    size_t i;

    wform_heading(&fm->w, _("Targets"), "");
    for (i = 0; i < tf->n; i++) {
        int64_t v = target_value(f, ct->v[i].code);

        form_add_num(fm, &tf->spec[i], "", v, v == 0);
    }
}

static int
agreement_open(struct form *fm, struct err *e)
{
    struct agreement_full f;
    int rc = 0;

    memset(&f, 0, sizeof(f));
    agreement_init(&f.a);
    fm->data = target_fields_new(&fm->app->policy.codes);
    if (fm->id != 0) {
        rc = db_agreement_get(fm->app->db, fm->id, &f, e);
        fm->version = f.a.version;
        snprintf(fm->title, sizeof(fm->title), _("Agreement of %d"), f.a.year);
    } else {
        f.a.partner_id = fm->arg;
        f.a.year = date_year(app_today());
        snprintf(fm->title, sizeof(fm->title), "%s", _("New agreement"));
    }
    rc = rc || partner_choices(fm, e);
    if (rc == 0) {
        bind_add(fm, agreement_binds, NAGREEMENT - 1, "", &f.a, 0);
        targets_add(fm, &f);
        bind_add(fm, agreement_binds + NAGREEMENT - 1, 1, "", &f.a, 0);
    }
    agreement_full_clear(&f);
    return rc ? -1 : 0;
}

/* F's targets from the form: the indicators given more than 0. */
static void
targets_read(struct form *fm, struct agreement_full *f)
{
    const struct code_table *ct = codebook_table(&fm->app->policy.codes, "pair_indicator");
    struct target_fields *tf = fm->data;
    size_t i;

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
}

static int
agreement_save(struct form *fm, struct err *e)
{
    struct rule_ctx ctx = form_rule_ctx(fm);
    struct agreement_full f;
    int rc;

    memset(&f, 0, sizeof(f));
    agreement_init(&f.a);
    f.a.id = fm->id;
    bind_read(fm, agreement_binds, NAGREEMENT, "", &f.a);
    f.a.version = fm->version;
    targets_read(fm, &f);
    rc = db_agreement_save(fm->app->db, &ctx, form_actor(fm), &f, e);
    if (rc == 0) {
        snprintf(fm->done, sizeof(fm->done), _("Agreement of %d saved with %zu targets."),
                 f.a.year, f.nt);
        fm->id = f.a.id;
    }
    agreement_full_clear(&f);
    return rc;
}

static int
agreement_theirs(struct form *fm, char **theirs, int64_t *version, struct err *e)
{
    struct agreement_full f;

    memset(&f, 0, sizeof(f));
    agreement_init(&f.a);
    if (db_agreement_get(fm->app->db, fm->id, &f, e) != 0) {
        agreement_full_clear(&f);
        return -1;
    }
    bind_texts(fm, agreement_binds, NAGREEMENT, "", &f.a, theirs);
    *version = f.a.version;
    agreement_full_clear(&f);
    return 0;
}

const struct form_kind agreement_form = {
    .id = "agreement",
    .open = agreement_open,
    .save = agreement_save,
    .theirs = agreement_theirs,
    .free_data = target_fields_free,
};

/* --- records of arrivals ------------------------------------------------------------- */

static const struct field_spec r_indicator = {
    .name = "indicator", .label = N_("Indicator"), .type = FT_CODE, .flags = FF_REQUIRED,
    .table = "pair_indicator",
    .help = N_("What arrived: 财政援助资金, 援建项目, 转移就业...  F4 shows the list.")};
static const struct field_spec r_day = {
    .name = "day", .label = N_("Date"), .type = FT_DATE, .flags = FF_REQUIRED,
    .help = N_("The day it arrived.")};
static const struct field_spec r_value = {
    .name = "value", .label = N_("Amount or number"), .type = FT_TEXT, .flags = FF_REQUIRED,
    .max_chars = 20,
    .help = N_("Yuan for money (at most two decimals), else the number of persons, projects or person-times.")};
static const struct field_spec r_evidence = {
    .name = "evidence", .label = N_("Evidence"), .type = FT_TEXT, .flags = FF_REQUIRED,
    .max_chars = 60,
    .help = N_("The document or voucher number, or a short note of the proof.")};
static const struct field_spec r_place = {
    .name = "place", .label = N_("Where it went"), .type = FT_CODE, .table = "place",
    .help = N_("A township or a village; leave empty for the county.  F4 shows the list.")};

static const struct bind record_binds[] = {
    BIND(f_partner, B_ID, struct pair_record, partner_id, 1),
    BIND(r_indicator, B_STR, struct pair_record, indicator, 1),
    BIND(r_day, B_DATE, struct pair_record, day, 1),
    BIND(r_evidence, B_STR, struct pair_record, evidence, 1),
    BIND(f_note, B_PSTR, struct pair_record, note, 1),
};
#define NRECORD ARRAY_SIZE(record_binds)

/* The value's text: yuan for a money indicator, else the count. */
static void
record_value_text(const struct codebook *cb, const struct pair_record *r, char *out,
                  size_t n)
{
    char num[MONEY_BUF];

    if (code_is(cb, "pair_indicator", r->indicator, "money")) {
        money_format(r->value, 0, num);
    } else {
        snprintf(num, sizeof(num), "%lld", (long long)r->value);
    }
    snprintf(out, n, "%s", r->value != 0 ? num : "");
}

/* The value typed, in fen or as a count by the indicator chosen. */
static int
record_value_read(struct form *fm, struct pair_record *r, struct err *e)
{
    char text[32], *end;
    long long n;

    form_str(fm, "", "value", text, sizeof(text));
    if (code_is(&fm->app->policy.codes, "pair_indicator", r->indicator, "money")) {
        enum money_status st = money_parse(text, 0, &r->value);

        return st == MONEY_OK ? 0 : err_set(e, ERR_INVALID, "%s: %s", _("Amount or number"),
                                            money_status_message(st));
    }
    n = strtoll(text, &end, 10);
    if (*end != '\0' || n <= 0) {
        return err_set(e, ERR_INVALID, "%s",
                       _("the number must be a whole number more than 0"));
    }
    r->value = n;
    return 0;
}

static int
record_open(struct form *fm, struct err *e)
{
    struct pair_record r;
    char value[MONEY_BUF];

    pair_record_init(&r);
    if (partner_choices(fm, e) != 0 || form_places(fm, e) != 0) {
        return -1;
    }
    if (fm->id != 0) {
        if (db_pair_record_get(fm->app->db, fm->id, &r, e) != 0) {
            pair_record_clear(&r);
            return -1;
        }
        fm->version = r.version;
        snprintf(fm->title, sizeof(fm->title), "%s", _("Arrival"));
    } else {
        r.partner_id = fm->arg;
        r.day = app_today();
        snprintf(fm->title, sizeof(fm->title), "%s", _("New arrival"));
    }
    bind_add(fm, record_binds, 3, "", &r, 0);
    record_value_text(&fm->app->policy.codes, &r, value, sizeof(value));
    form_add_str(fm, &r_value, "", value);
    bind_add(fm, record_binds + 3, 1, "", &r, 0);
    form_place_add(fm, &r_place, r.township_id, r.village_id);
    bind_add(fm, record_binds + 4, NRECORD - 4, "", &r, 0);
    pair_record_clear(&r);
    return 0;
}

static int
record_save(struct form *fm, struct err *e)
{
    struct rule_ctx ctx = form_rule_ctx(fm);
    struct pair_record r;
    int rc;

    pair_record_init(&r);
    r.id = fm->id;
    bind_read(fm, record_binds, NRECORD, "", &r);
    r.version = fm->version;
    rc = record_value_read(fm, &r, e) ||
         form_place_read(fm, "place", &r.township_id, &r.village_id, e) ||
         db_pair_record_save(fm->app->db, &ctx, form_actor(fm), &r, e);
    if (rc == 0) {
        snprintf(fm->done, sizeof(fm->done), _("Arrival of %s saved."),
                 code_label(&fm->app->policy.codes, "pair_indicator", r.indicator));
        fm->id = r.id;
    }
    pair_record_clear(&r);
    return rc ? -1 : 0;
}

static int
record_theirs(struct form *fm, char **theirs, int64_t *version, struct err *e)
{
    struct pair_record r;
    char value[MONEY_BUF];
    int k;

    pair_record_init(&r);
    if (db_pair_record_get(fm->app->db, fm->id, &r, e) != 0) {
        pair_record_clear(&r);
        return -1;
    }
    bind_texts(fm, record_binds, NRECORD, "", &r, theirs);
    k = wform_find(&fm->w, "", "value");
    if (k >= 0) {
        record_value_text(&fm->app->policy.codes, &r, value, sizeof(value));
        free(theirs[k]);
        theirs[k] = xstrdup(value);
    }
    *version = r.version;
    pair_record_clear(&r);
    return 0;
}

const struct form_kind pair_record_form = {
    .id = "pair_record",
    .open = record_open,
    .save = record_save,
    .theirs = record_theirs,
};
