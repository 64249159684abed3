/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * policy_load.c - policy data files -> struct policy.
 *
 * The shipped files are in <datadir>/policy/, the county's copies in its
 * policy directory (setting policy_dir), under the same names.
 * File formats (see the shipped files for commented examples):
 *   codes.conf     tables = ( { id; title; national; codes = ( ("01",
 *                  "label", ["tag", ...]), ... ); }, ... );
 *   lines.conf     lines = ( { province; year; yuan; default; confidence;
 *                  source; }, ... );
 *   rules.conf     rules = ( { province; from; <number keys>... }, ... );
 *   incomes.conf   incomes = ( { province; year; yuan; source; ... }, ... ):
 *                  the reference incomes of the department rules
 *   dept.conf      departments = ( ... ): see cfg/dept_load.c
 *   calendar.conf  holidays = [ "YYYY-MM-DD", ... ]; workdays = [ ... ];
 */
#include "config.h"
#include "cfg/policy_load.h"
#include "cfg/cfg_file.h"
#include "cfg/dept_load.h"

#include <errno.h>
#include <libconfig.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dept.h"
#include "core/money.h"
#include "core/policy.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/u8.h"
#include "util/xalloc.h"

/* --- the files of one list ------------------------------------------ */

/* codes.conf, lines.conf and rules.conf are each one list, KEY, in FILE:
 * an entry is read by LOAD into an item of SIZE bytes (zeroed first) and
 * added by PUT, which replaces an entry it repeats; an item LOAD failed on
 * is freed with DROP. */
struct entry_list {
    const char *file;
    const char *key;
    size_t size;
    int (*load)(struct policy *p, const struct pfile *f, config_setting_t *g,
                void *out, struct err *e);
    void (*put)(struct policy *p, void *item);
    void (*drop)(void *item);
};

static int
load_entries(struct policy *p, const struct pfile *f, const struct entry_list *l,
             struct err *e)
{
    const char *const known[] = {l->key, NULL};
    config_setting_t *list = pfile_list(f, l->key, e);
    void *item;
    int i, n, rc = 0;

    pfile_unknown(f, NULL, known, NULL);
    if (list == NULL) {
        return -1;
    }
    item = xmalloc(l->size);
    n = config_setting_length(list);
    for (i = 0; rc == 0 && i < n; i++) {
        memset(item, 0, l->size);
        rc = l->load(p, f, config_setting_get_elem(list, (unsigned)i), item, e);
        if (rc == 0) {
            l->put(p, item);
        } else {
            l->drop(item);
        }
    }
    free(item);
    return rc;
}

/* --- codes ------------------------------------------------------ */

static int
load_code(const struct pfile *f, config_setting_t *item, struct code *c,
          struct err *e)
{
    config_setting_t *tags;
    const char *code, *label;
    int i, n;

    if (!config_setting_is_list(item) || config_setting_length(item) < 2 ||
        (code = config_setting_get_string_elem(item, 0)) == NULL ||
        (label = config_setting_get_string_elem(item, 1)) == NULL ||
        *code == '\0' || *label == '\0') {
        return pfile_bad(f, item, e, _("a code is written (\"code\", \"label\"), (\"code\", \"label\", [\"tag\", ...]) or (\"code\", \"label\", [tags], \"short label\")"));
    }
    if (strlen(code) >= 12 || !u8_valid(label, strlen(label))) {
        return pfile_bad(f, item, e, _("the code is longer than 11 characters or the label is not UTF-8"));
    }
    c->code = xstrdup(code);
    c->label = xstrdup(label);
    if (config_setting_length(item) >= 4) {
        const char *s = config_setting_get_string_elem(item, 3);

        if (s == NULL || *s == '\0' || !u8_valid(s, strlen(s))) {
            return pfile_bad(f, item, e, _("the fourth element of a code is its short label, a text in double quotes"));
        }
        c->short_label = xstrdup(s);
    }
    tags = config_setting_get_elem(item, 2);
    n = tags != NULL ? config_setting_length(tags) : 0;
    c->tags = xcalloc((size_t)n + 1, sizeof(char *));
    for (i = 0; i < n; i++) {
        const char *t = config_setting_get_string_elem(tags, i);

        if (t == NULL) {
            return pfile_bad(f, tags, e, _("tags are a list of texts in double quotes"));
        }
        c->tags[c->ntags++] = xstrdup(t);
    }
    return 0;
}

static int
load_table(struct policy *p, const struct pfile *f, config_setting_t *g, void *out,
           struct err *e)
{
    struct code_table *t = out;
    config_setting_t *codes;
    int i, n;
    size_t j;

    static const char *const known[] = {"id", "title", "national", "codes", NULL};

    (void)p;
    pfile_unknown(f, g, known, NULL);
    t->source = xstrdup(f->path);
    if (pfile_str(f, g, "id", 1, &t->id, e) ||
        pfile_str(f, g, "title", 1, &t->title, e) ||
        pfile_str(f, g, "national", 0, &t->national, e)) {
        return -1;
    }
    codes = config_setting_get_member(g, "codes");
    if (codes == NULL || !config_setting_is_list(codes)) {
        return pfile_bad(f, g, e, _("a table needs 'codes = ( ... );'"));
    }
    n = config_setting_length(codes);
    t->v = xcalloc((size_t)n + 1, sizeof(*t->v));
    for (i = 0; i < n; i++) {
        config_setting_t *item = config_setting_get_elem(codes, (unsigned)i);

        if (load_code(f, item, &t->v[t->n], e)) {
            t->n++;
            return -1;
        }
        for (j = 0; j < t->n; j++) {
            if (strcmp(t->v[j].code, t->v[t->n].code) == 0) {
                t->n++;
                return pfile_bad(f, item, e, _("this code appears twice in the table"));
            }
        }
        t->n++;
    }
    return 0;
}

static void
drop_table(void *t)
{
    code_table_free(t);
}

/* Add table T, replacing a table with the same id. */
static void
put_table(struct policy *p, void *item)
{
    struct codebook *cb = &p->codes;
    struct code_table *t = item;
    size_t i;

    for (i = 0; i < cb->n; i++) {
        if (strcmp(cb->t[i].id, t->id) == 0) {
            code_table_free(&cb->t[i]);
            cb->t[i] = *t;
            return;
        }
    }
    cb->t = xrealloc(cb->t, (cb->n + 1) * sizeof(*cb->t));
    cb->t[cb->n++] = *t;
}

/* Tables and tags the rules rely on (PATH: the shipped codes.conf). */
static int
check_codebook(const struct policy *p, const char *path, struct err *e)
{
    static const char *const need[][2] = {
        {"sex", NULL}, {"id_type", "resident_id"}, {"hh_type", "former_poor"},
        {"category", NULL}, {"channel", NULL}, {"risk", "water"},
        {"risk", "housing"}, {"risk", "work_unstable"}, {"labour", "labour"},
        {"health", NULL}, {"relation", "head"}, {"education", NULL},
        {"schooling", NULL}, {"political", NULL}, {"ethnicity", NULL},
        {"measure_category", "development"}, {"measure_category", "water"},
        {"measure_category", "housing"}, {"measure_category", "relocation"},
        {"measure_category", "safety_net"},
        {"elim_method", "assisted"}, {"visitor_role", NULL},
        {"province", NULL},
        {"fund_level", "central"}, {"fund_level", "provincial"},
        {"fund_type", "xianjie"}, {"fund_type", "workrelief"},
        {"task_line", NULL}, {"project_type", "industry"},
        {"project_type", "mgmt_fee"}, {"proposer_level", NULL},
        {"asset_class", "public"}, {"asset_class", "household"},
        {"asset_type", NULL}, {"owner_level", NULL}, {"op_mode", NULL},
        {"asset_status", "disposed"}, {"disposal", NULL},
    };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(need); i++) {
        const struct code_table *t = codebook_table(&p->codes, need[i][0]);

        if (t == NULL || t->n == 0) {
            return err_set(e, ERR_CONFIG, _("%s: the code table '%s' is missing"),
                           t != NULL ? t->source : path, need[i][0]);
        }
        if (need[i][1] != NULL && code_with_tag(&p->codes, need[i][0], need[i][1]) == NULL) {
            return err_set(e, ERR_CONFIG, _("%s: no code of table '%s' carries the tag '%s'"),
                           t->source, need[i][0], need[i][1]);
        }
    }
    if (code_find(codebook_table(&p->codes, "sex"), "1") == NULL ||
        code_find(codebook_table(&p->codes, "sex"), "2") == NULL) {
        return err_set(e, ERR_CONFIG, _("%s: table 'sex' needs the codes \"1\" and \"2\" (GB/T 2261.1)"),
                       codebook_table(&p->codes, "sex")->source);
    }
    return 0;
}

/* --- lines -------------------------------------------------------- */

int
policy_province_ok(const struct policy *p, const char *prov)
{
    return strcmp(prov, POLICY_ANY_PROVINCE) == 0 ||
           code_find(codebook_table(&p->codes, "province"), prov) != NULL;
}

static int
load_line(struct policy *p, const struct pfile *f, config_setting_t *g, void *out,
          struct err *e)
{
    struct line_entry *l = out;
    static const char *const known[] = {"province", "year", "yuan", "source",
                                        "confidence", "default", NULL};
    int dflt = 0;

    pfile_unknown(f, g, known, NULL);
    if (pfile_str(f, g, "province", 1, &l->province, e) ||
        pfile_int(f, g, "year", 2000, 2100, &l->year, e) ||
        pfile_yuan(f, g, "yuan", &l->fen, e) ||
        pfile_str(f, g, "source", 0, &l->source, e) ||
        pfile_str(f, g, "confidence", 0, &l->confidence, e)) {
        return -1;
    }
    if (!policy_province_ok(p, l->province)) {
        return pfile_bad(f, g, e, _("'province' must be \"*\" or a two-digit province code such as \"51\""));
    }
    if (l->fen <= 0) {
        return pfile_bad(f, g, e, _("'yuan' must be more than zero"));
    }
    config_setting_lookup_bool(g, "default", &dflt);
    l->is_default = dflt;
    l->file = xstrdup(f->path);
    l->line = config_setting_source_line(g);
    return 0;
}

static void
drop_line(void *l)
{
    line_entry_clear(l);
}

/* Add L to the entries *V (*N of them), replacing one of the same
 * province and year. */
static void
put_year_entry(struct line_entry **v, size_t *n, struct line_entry *l)
{
    size_t i;

    for (i = 0; i < *n; i++) {
        if ((*v)[i].year == l->year && strcmp((*v)[i].province, l->province) == 0) {
            line_entry_clear(&(*v)[i]);
            (*v)[i] = *l;
            return;
        }
    }
    *v = xrealloc(*v, (*n + 1) * sizeof(**v));
    (*v)[(*n)++] = *l;
}

/* Add the monitoring line ITEM. */
static void
put_line(struct policy *p, void *item)
{
    put_year_entry(&p->lines, &p->nlines, item);
}

/* Add the reference income ITEM (incomes.conf has the shape of
 * lines.conf: 上年农村居民人均可支配收入 by province and year). */
static void
put_income(struct policy *p, void *item)
{
    put_year_entry(&p->incomes, &p->nincomes, item);
}

/* --- rules -------------------------------------------------------- */

#define LAST_YEAR 2100   /* the last year an entry may start */

struct rule_key {
    const char *name;
    size_t offset;
    int lo, hi;
    int yuan;   /* an amount in yuan stored as fen (int64_t) */
    int flag;   /* FLAG_BOOL: a true/false value; FLAG_UNIT: what a deadline
                   counts, "days" or "workdays" (enum day_unit) */
    int pct;    /* a percentage (55 or 55.5) stored as basis points */
};
enum { FLAG_BOOL = 1, FLAG_UNIT };

#define RK(f) offsetof(struct rules, f)
static const struct rule_key rule_keys[] = {
    {"verify_workdays", RK(verify_workdays), 1, 60, 0, 0, 0},
    {"verify_unit", RK(verify_unit), 0, 0, 0, FLAG_UNIT, 0},
    {"identify_days", RK(identify_days), 1, 365, 0, 0, 0},
    {"identify_unit", RK(identify_unit), 0, 0, 0, FLAG_UNIT, 0},
    {"reject_reply_workdays", RK(reject_reply_workdays), 1, 60, 0, 0, 0},
    {"reject_reply_unit", RK(reject_reply_unit), 0, 0, 0, FLAG_UNIT, 0},
    {"publicity_min_days", RK(publicity_min_days), 1, 60, 0, 0, 0},
    {"dev_measure_days", RK(dev_measure_days), 1, 365, 0, 0, 0},
    {"safety_net_days", RK(safety_net_days), 1, 365, 0, 0, 0},
    {"elim_min_months", RK(elim_min_months), 0, 60, 0, 0, 0},
    {"assist_elim_min_months", RK(assist_elim_min_months), 0, 60, 0, 0, 0},
    {"no_labour_elimination", RK(no_labour_elimination), 0, 1, 0, FLAG_BOOL, 0},
    {"visit_interval_days", RK(visit_interval_days), 1, 366, 0, 0, 0},
    {"followup_interval_days", RK(followup_interval_days), 1, 731, 0, 0, 0},
    {"suspicious_income_yuan", RK(suspicious_income_fen), 0, 0, 1, 0, 0},
    {"suspicious_from_year", RK(suspicious_from_year), 2000, 2100, 0, 0, 0},
    {"implausible_wage_yuan", RK(implausible_wage_fen), 0, 0, 1, 0, 0},
    {"project_publicity_min_days", RK(project_publicity_min_days), 1, 60, 0, 0, 0},
    {"alloc_publish_workdays", RK(alloc_publish_workdays), 1, 120, 0, 0, 0},
    {"alloc_publish_unit", RK(alloc_publish_unit), 0, 0, 0, FLAG_UNIT, 0},
    {"targets_publish_workdays", RK(targets_publish_workdays), 1, 120, 0, 0, 0},
    {"targets_publish_unit", RK(targets_publish_unit), 0, 0, 0, FLAG_UNIT, 0},
    {"industry_min_pct", RK(industry_min_bp), 0, 100, 0, 0, 1},
    {"mgmt_fee_central_pct", RK(mgmt_fee_central_bp), 0, 100, 0, 0, 1},
    {"mgmt_fee_provincial_pct", RK(mgmt_fee_provincial_bp), 0, 100, 0, 0, 1},
    {"mgmt_fee_city_pct", RK(mgmt_fee_city_bp), 0, 100, 0, 0, 1},
    {"mgmt_fee_county_pct", RK(mgmt_fee_county_bp), 0, 100, 0, 0, 1},
    {"wage_min_pct", RK(wage_min_bp), 0, 100, 0, 0, 1},
    {"wage_batch_min_pct", RK(wage_batch_min_bp), 0, 100, 0, 0, 1},
    {"team_min_days_month", RK(team_min_days_month), 1, 31, 0, 0, 0},
    {"team_leave_township_max_days", RK(team_leave_township_max_days), 0, 31, 0, 0, 0},
    {"team_min_members", RK(team_min_members), 1, 20, 0, 0, 0},
    {"team_min_term_years", RK(team_min_term_years), 1, 10, 0, 0, 0},
    {"team_absences_not_excellent", RK(team_absences_not_excellent), 1, 365, 0, 0, 0},
    {"team_absences_basic", RK(team_absences_basic), 1, 365, 0, 0, 0},
    {"team_absences_incompetent", RK(team_absences_incompetent), 1, 365, 0, 0, 0},
};
#undef RK

int
policy_rule_pct(const char *name, size_t *offset)
{
    size_t i;

    for (i = 0; name != NULL && i < ARRAY_SIZE(rule_keys); i++) {
        if (rule_keys[i].pct && strcmp(rule_keys[i].name, name) == 0) {
            *offset = rule_keys[i].offset;
            return 0;
        }
    }
    return -1;
}

/* The bit of rules.named for the key rule_keys[I]; pay_milestones has the
 * bit after the last key's. */
#define KEY_BIT(i) ((uint64_t)1 << (i))
#define MS_KEY ARRAY_SIZE(rule_keys)
_Static_assert(ARRAY_SIZE(rule_keys) < 64, "rules.named has a bit per key");

/* pay_milestones = ( ("06-30", 40), ("09-30", 75) ): by date, rising. */
static int
load_milestones(const struct pfile *f, config_setting_t *g, struct rules *r,
                struct err *e)
{
    config_setting_t *l = config_setting_get_member(g, "pay_milestones");
    const char *msg = _("'pay_milestones' is a list of (\"MM-DD\", percent) in date order, e.g. ( (\"06-30\", 40), (\"09-30\", 75) )");
    int i, n, prev = 0;

    if (l == NULL) {
        return 0;
    }
    n = config_setting_length(l);
    if (!config_setting_is_list(l) || n > POLICY_PAY_MS_MAX) {
        return pfile_bad(f, l, e, msg);
    }
    for (i = 0; i < n; i++) {
        config_setting_t *m = config_setting_get_elem(l, (unsigned)i);
        const char *md = config_setting_get_string_elem(m, 0);
        int mm, dd, bp;
        char tail;

        if (md == NULL || config_setting_length(m) != 2 ||
            sscanf(md, "%2d-%2d%c", &mm, &dd, &tail) != 2 ||
            !date_valid(2024, mm, dd) || mm * 100 + dd <= prev ||
            pfile_pct(f, m, config_setting_get_elem(m, 1), "pay_milestones", 0, 100, &bp, e)) {
            return pfile_bad(f, m != NULL ? m : l, e, msg);
        }
        prev = mm * 100 + dd;
        r->pay_ms_mmdd[i] = prev;
        r->pay_ms_bp[i] = bp;
    }
    r->npay_ms = n;
    return 0;
}

/* KEY = "days" or "workdays": what a deadline counts, into *OUT. */
static int
load_unit(const struct pfile *f, config_setting_t *g, const char *key, int *out,
          struct err *e)
{
    static const char *const units[] = {[DU_DAYS] = "days", [DU_WORKDAYS] = "workdays"};
    const char *v = NULL;
    char msg[256];
    size_t i;

    if (config_setting_lookup_string(g, key, &v) == CONFIG_TRUE) {
        for (i = 0; i < ARRAY_SIZE(units); i++) {
            if (strcmp(v, units[i]) == 0) {
                *out = (int)i;
                return 0;
            }
        }
    }
    snprintf(msg, sizeof(msg), _("'%s' must be \"days\" (calendar days) or \"workdays\" (working days)"),
             key);
    return pfile_bad(f, g, e, msg);
}

static int
load_rule_key(const struct pfile *f, config_setting_t *g,
              const struct rule_key *k, struct rules *r, struct err *e)
{
    char *base = (char *)r + k->offset;
    int b;

    if (k->pct) {
        return pfile_pct(f, g, config_setting_get_member(g, k->name), k->name,
                       k->lo, k->hi, (int *)(void *)base, e);
    }
    if (k->yuan) {
        return pfile_yuan(f, g, k->name, (int64_t *)(void *)base, e);
    }
    if (k->flag == FLAG_UNIT) {
        return load_unit(f, g, k->name, (int *)(void *)base, e);
    }
    if (k->flag) {
        if (config_setting_lookup_bool(g, k->name, &b) != CONFIG_TRUE) {
            char msg[256];

            snprintf(msg, sizeof(msg), _("'%s' must be true or false"), k->name);
            return pfile_bad(f, g, e, msg);
        }
        *(int *)(void *)base = b;
        return 0;
    }
    return pfile_int(f, g, k->name, k->lo, k->hi, (int *)(void *)base, e);
}

/* 1 when NAME is a number of rule_keys[]. */
static int
is_rule_key(const char *name)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(rule_keys); i++) {
        if (strcmp(rule_keys[i].name, name) == 0) {
            return 1;
        }
    }
    return 0;
}

static int
load_rule(struct policy *p, const struct pfile *f, config_setting_t *g, void *out,
          struct err *e)
{
    struct rules *r = out;
    static const char *const known[] = {"province", "from", "pay_milestones", NULL};
    const struct rules *base;
    size_t i;

    pfile_unknown(f, g, known, is_rule_key);
    memset(r, 0, sizeof(*r));
    if (pfile_str(f, g, "province", 1, &r->province, e) ||
        pfile_int(f, g, "from", 2000, LAST_YEAR, &r->from_year, e)) {
        return -1;
    }
    if (!policy_province_ok(p, r->province)) {
        return pfile_bad(f, g, e, _("'province' must be \"*\" or a two-digit province code such as \"51\""));
    }
    /* An entry inherits what it does not say from the national entry in
     * force (for a national entry: the one of an earlier year). */
    base = policy_rules(p, POLICY_ANY_PROVINCE,
                        strcmp(r->province, POLICY_ANY_PROVINCE) != 0
                            ? r->from_year : r->from_year - 1);
    if (base != NULL) {
        char *prov = r->province;
        int from = r->from_year;

        *r = *base;
        r->province = prov;
        r->from_year = from;
    }
    r->named = config_setting_get_member(g, "pay_milestones") != NULL ? KEY_BIT(MS_KEY) : 0;
    for (i = 0; i < ARRAY_SIZE(rule_keys); i++) {
        if (base != NULL && config_setting_get_member(g, rule_keys[i].name) == NULL) {
            continue;
        }
        if (load_rule_key(f, g, &rule_keys[i], r, e)) {
            return -1;
        }
        r->named |= KEY_BIT(i);
    }
    return load_milestones(f, g, r, e);
}

/* Copy key I of rule_keys[] (or the milestones, MS_KEY) from SRC to DST. */
static void
copy_rule_key(struct rules *dst, const struct rules *src, size_t i)
{
    size_t off, size;

    if (i == MS_KEY) {
        dst->npay_ms = src->npay_ms;
        memcpy(dst->pay_ms_mmdd, src->pay_ms_mmdd, sizeof(dst->pay_ms_mmdd));
        memcpy(dst->pay_ms_bp, src->pay_ms_bp, sizeof(dst->pay_ms_bp));
        return;
    }
    off = rule_keys[i].offset;
    size = rule_keys[i].yuan ? sizeof(int64_t) : sizeof(int);
    memcpy((char *)dst + off, (const char *)src + off, size);
}

/* The entry of PROVINCE in RAW naming key K latest up to YEAR, or NULL. */
static const struct rules *
namer_of(const struct policy *raw, const char *province, int year, size_t k)
{
    const struct rules *best = NULL;
    size_t i;

    for (i = 0; i < raw->nrules; i++) {
        const struct rules *r = &raw->rules[i];

        if ((r->named & KEY_BIT(k)) && r->from_year <= year &&
            strcmp(r->province, province) == 0 &&
            (best == NULL || r->from_year > best->from_year)) {
            best = r;
        }
    }
    return best;
}

/* The rules of PROVINCE in YEAR from RAW (the entries as read): the
 * national entry in force in YEAR, and over it each key the province's
 * entries up to YEAR name, from the latest that names it. */
static struct rules
province_year(const struct policy *raw, const char *province, int year)
{
    const struct rules *base = policy_rules(raw, POLICY_ANY_PROVINCE, year);
    struct rules out;
    size_t k;

    memset(&out, 0, sizeof(out));
    if (base != NULL) {
        out = *base;
    }
    out.named = 0;
    for (k = 0; k <= MS_KEY; k++) {
        const struct rules *r = namer_of(raw, province, year, k);

        if (r != NULL) {
            copy_rule_key(&out, r, k);
            out.named |= KEY_BIT(k);
        }
    }
    out.province = xstrdup(province);
    out.from_year = year;
    return out;
}

/* 1 when YEAR starts an entry of PROVINCE in RAW: its own, or a national
 * one after its first. */
static int
starts_entry(const struct policy *raw, const char *province, int year)
{
    const struct rules *first = NULL;
    size_t i;

    for (i = 0; i < raw->nrules; i++) {
        const struct rules *r = &raw->rules[i];

        if (strcmp(r->province, province) == 0 &&
            (first == NULL || r->from_year < first->from_year)) {
            first = r;
        }
    }
    for (i = 0; first != NULL && i < raw->nrules; i++) {
        const struct rules *r = &raw->rules[i];

        if (r->from_year == year && (strcmp(r->province, province) == 0 ||
                                     (strcmp(r->province, POLICY_ANY_PROVINCE) == 0 &&
                                      year > first->from_year))) {
            return 1;
        }
    }
    return 0;
}

/* Add to OUT the entries of the province of RAW's entry AT, unless an
 * earlier entry was of the same province: one a year its own entries or
 * the national ones change, so that a province's entry replaces only the
 * keys it names and every other key follows the national entries year by
 * year (a one-line override of 2021 keeps the 2023 industry share). */
static void
spread_province(const struct policy *raw, size_t at, struct policy *out)
{
    const char *province = raw->rules[at].province;
    size_t i;
    int y;

    for (i = 0; i < at; i++) {
        if (strcmp(raw->rules[i].province, province) == 0) {
            return;
        }
    }
    for (y = raw->rules[at].from_year; y <= LAST_YEAR; y++) {
        if (y == raw->rules[at].from_year || starts_entry(raw, province, y)) {
            out->rules = xrealloc(out->rules, (out->nrules + 1) * sizeof(*out->rules));
            out->rules[out->nrules++] = province_year(raw, province, y);
        }
    }
}

/* Replace P's province entries by their year-by-year entries. */
static void
spread_rules(struct policy *p)
{
    struct policy out;
    size_t i;

    memset(&out, 0, sizeof(out));
    for (i = 0; i < p->nrules; i++) {
        if (strcmp(p->rules[i].province, POLICY_ANY_PROVINCE) == 0) {
            out.rules = xrealloc(out.rules, (out.nrules + 1) * sizeof(*out.rules));
            out.rules[out.nrules] = p->rules[i];
            out.rules[out.nrules++].province = xstrdup(POLICY_ANY_PROVINCE);
        } else {
            spread_province(p, i, &out);
        }
    }
    for (i = 0; i < p->nrules; i++) {
        free(p->rules[i].province);
    }
    free(p->rules);
    p->rules = out.rules;
    p->nrules = out.nrules;
}

static void
drop_rules(void *r)
{
    free(((struct rules *)r)->province);
}

/* Add R, replacing an entry of the same province and year. */
static void
put_rules(struct policy *p, void *item)
{
    struct rules *r = item;
    size_t i;

    for (i = 0; i < p->nrules; i++) {
        if (p->rules[i].from_year == r->from_year &&
            strcmp(p->rules[i].province, r->province) == 0) {
            free(p->rules[i].province);
            p->rules[i] = *r;
            return;
        }
    }
    p->rules = xrealloc(p->rules, (p->nrules + 1) * sizeof(*p->rules));
    p->rules[p->nrules++] = *r;
}

/* --- calendar ----------------------------------------------------- */

static int
cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;

    return (x > y) - (x < y);
}

static int
load_days(const struct pfile *f, const char *name, int **v, size_t *n,
          struct err *e)
{
    config_setting_t *l = config_lookup(&f->cfg, name);
    int i, len;

    if (l == NULL) {
        return 0;
    }
    if (!config_setting_is_array(l) && !config_setting_is_list(l)) {
        return pfile_bad(f, l, e, _("days are a list of dates: [ \"2025-10-01\", ... ]"));
    }
    len = config_setting_length(l);
    *v = xrealloc(*v, (*n + (size_t)len + 1) * sizeof(int));
    for (i = 0; i < len; i++) {
        const char *s = config_setting_get_string_elem(l, i);
        int day;

        if (s == NULL || date_parse(s, &day) != DATE_OK) {
            return pfile_bad(f, l, e, _("a day is written \"YYYY-MM-DD\" and must exist"));
        }
        (*v)[(*n)++] = day;
    }
    qsort(*v, *n, sizeof(int), cmp_int);
    return 0;
}

static int
load_calendar(struct policy *p, const struct pfile *f, struct err *e)
{
    static const char *const known[] = {"holidays", "workdays", NULL};

    pfile_unknown(f, NULL, known, NULL);
    if (load_days(f, "holidays", &p->cal.holidays, &p->cal.nholidays, e) ||
        load_days(f, "workdays", &p->cal.workdays, &p->cal.nworkdays, e)) {
        return -1;
    }
    return 0;
}

/* --- driver ------------------------------------------------------- */

/* Load DIR/NAME, the list L, or the calendar when L is NULL; a missing
 * file is an error only if REQUIRED. */
/* Fold NAME and the bytes of PATH (none when it is missing) into
 * P->digest (FNV-1a, 64 bits). */
static void
digest_file(struct policy *p, const char *name, const char *path)
{
    unsigned char buf[4096];
    FILE *fp = fopen(path, "rb");
    size_t n, i;
    uint64_t h = p->digest != 0 ? p->digest : UINT64_C(14695981039346656037);

    for (i = 0; name[i] != '\0'; i++) {
        h = (h ^ (unsigned char)name[i]) * UINT64_C(1099511628211);
    }
    while (fp != NULL && (n = fread(buf, 1, sizeof(buf), fp)) > 0) {
        for (i = 0; i < n; i++) {
            h = (h ^ buf[i]) * UINT64_C(1099511628211);
        }
    }
    if (fp != NULL) {
        fclose(fp);
    }
    p->digest = h;
}

static int
load_one(struct policy *p, const char *dir, const char *name,
         const struct entry_list *l, int required, struct notes *warn, struct err *e)
{
    char *path = path_join(dir, name);
    struct pfile f;
    int rc = pfile_open(&f, path, required, e);

    digest_file(p, name, rc == 1 ? path : "");
    if (rc == 1) {
        f.warn = warn;
        rc = l != NULL ? load_entries(p, &f, l, e) : load_calendar(p, &f, e);
        config_destroy(&f.cfg);
    }
    free(path);
    return rc < 0 ? -1 : 0;
}

/* The files of one list, in the order they are read: the lines, the
 * rules, the incomes and the departments name provinces of the codes. */
static const struct entry_list lists[] = {
    {"codes.conf", "tables", sizeof(struct code_table),
     load_table, put_table, drop_table},
    {"lines.conf", "lines", sizeof(struct line_entry),
     load_line, put_line, drop_line},
    {"rules.conf", "rules", sizeof(struct rules),
     load_rule, put_rules, drop_rules},
    {"incomes.conf", "incomes", sizeof(struct line_entry),
     load_line, put_income, drop_line},
    {"dept.conf", "departments", sizeof(struct dept),
     dept_load, dept_put, dept_drop},
};

static int
load_dir(struct policy *p, const char *dir, int shipped, struct notes *warn,
         struct err *e)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(lists); i++) {
        if (load_one(p, dir, lists[i].file, &lists[i], shipped, warn, e)) {
            return -1;
        }
    }
    return load_one(p, dir, "calendar.conf", NULL, 0, warn, e);
}

int
policy_load(struct policy *p, const char *datadir, const char *county_dir,
            struct notes *warn, struct err *e)
{
    char *shipped = path_join(datadir, "policy");
    int rc;

    memset(p, 0, sizeof(*p));
    rc = load_dir(p, shipped, 1, warn, e);
    if (rc == 0 && county_dir != NULL && path_exists(county_dir)) {
        rc = load_dir(p, county_dir, 0, warn, e);
    }
    if (rc == 0) {
        char *codes = path_join(shipped, "codes.conf");

        rc = check_codebook(p, codes, e);
        free(codes);
    }
    if (rc == 0) {
        spread_rules(p);
    }
    if (rc == 0 && policy_rules(p, POLICY_ANY_PROVINCE, 9999) == NULL) {
        rc = err_set(e, ERR_CONFIG, _("%s/rules.conf: no national entry (province = \"*\")"),
                     shipped);
    }
    free(shipped);
    if (rc != 0) {
        policy_free(p);
    }
    return rc;
}
