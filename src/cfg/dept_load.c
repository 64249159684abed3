/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * dept_load.c - dept.conf -> struct dept (see dept_load.h).
 *
 *   departments = ( { id; name; aliases = [...]; province; from;
 *                     columns = { id; name; value; date; };
 *                     risk; rules = ( { population = [...];
 *                     over_yuan | over_pct | event = true |
 *                     value_in = [...]; labour = true; label; }, ... );
 *                     source; confidence; }, ... );
 */
#include "config.h"
#include "cfg/dept_load.h"

#include <stdlib.h>
#include <string.h>

#include "core/codes.h"
#include "core/dept.h"
#include "core/policy.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* The keys of columns = { ... }, in the order of enum dept_col; the
 * first three are required. */
static const char *const col_keys[DEPT_NCOLS + 1] = {"id", "name", "value", "date", NULL};

static int
load_columns(const struct pfile *f, config_setting_t *g, struct dept *d, struct err *e)
{
    config_setting_t *c = config_setting_get_member(g, "columns");
    size_t i;

    if (c == NULL || !config_setting_is_group(c)) {
        return pfile_bad(f, g, e, _("a department needs 'columns = { id = \"身份证号\"; name = \"姓名\"; value = \"...\"; date = \"...\"; };'"));
    }
    pfile_unknown(f, c, col_keys, NULL);
    for (i = 0; i < DEPT_NCOLS; i++) {
        if (pfile_str(f, c, col_keys[i], i != DEPT_COL_DATE, &d->cols[i], e)) {
            return -1;
        }
        if (i != DEPT_COL_DATE && d->cols[i][0] == '\0') {
            return pfile_bad(f, c, e, _("the labels of the ID number, name and value columns must not be empty"));
        }
    }
    return 0;
}

/* A list of texts NAME of G into a NULL-ended array *OUT. */
static int
load_texts(const struct pfile *f, config_setting_t *g, const char *name, char ***out,
           struct err *e)
{
    config_setting_t *l = config_setting_get_member(g, name);
    int i, n = l != NULL ? config_setting_length(l) : 0;

    if (l != NULL && !config_setting_is_array(l) && !config_setting_is_list(l)) {
        return pfile_bad(f, l, e, _("a list of texts is written [\"...\", \"...\"]"));
    }
    *out = xcalloc((size_t)n + 1, sizeof(char *));
    for (i = 0; i < n; i++) {
        const char *s = config_setting_get_string_elem(l, i);

        if (s == NULL || *s == '\0') {
            return pfile_bad(f, l, e, _("a list of texts is written [\"...\", \"...\"]"));
        }
        (*out)[i] = xstrdup(s);
    }
    return 0;
}

static int
load_population(const struct pfile *f, config_setting_t *g, struct dept_rule *r,
                struct err *e)
{
    char **v = NULL;
    size_t i;
    int rc = load_texts(f, g, "population", &v, e);

    for (i = 0; rc == 0 && v[i] != NULL; i++) {
        unsigned bit = dept_pop_parse(v[i]);

        if (bit == 0) {
            rc = pfile_bad(f, g, e, _("'population' names \"former_poor\", \"monitored\" or \"other\""));
        }
        r->pops |= bit;
    }
    if (rc == 0 && r->pops == 0) {
        rc = pfile_bad(f, g, e, _("a rule needs 'population = [ ... ];' (\"former_poor\", \"monitored\", \"other\")"));
    }
    dept_texts_free(v);
    return rc;
}

/* value_in = [ "辍学", ... ] of rule G: the statuses that warn. */
static int
load_values(const struct pfile *f, config_setting_t *g, struct dept_rule *r, struct err *e)
{
    r->test = DEPT_VALUE_IN;
    if (load_texts(f, g, "value_in", &r->values, e)) {
        return -1;
    }
    if (r->values[0] == NULL) {
        return pfile_bad(f, g, e, _("'value_in' lists the values of the sheet that give a warning, such as [\"辍学\", \"疑似辍学\"]"));
    }
    return 0;
}

/* labour = true of rule G: codes.conf must tag some 劳动技能 "labour". */
static int
load_labour(struct policy *p, const struct pfile *f, config_setting_t *g,
            struct dept_rule *r, struct err *e)
{
    if (config_setting_lookup_bool(g, "labour", &r->labour) != CONFIG_TRUE) {
        r->labour = 0;
        if (config_setting_get_member(g, "labour") != NULL) {
            return pfile_bad(f, g, e, _("'labour' is true or false"));
        }
    }
    if (r->labour && code_with_tag(&p->codes, "labour", "labour") == NULL) {
        return pfile_bad(f, g, e, _("'labour = true' needs codes of the table 'labour' (劳动技能) tagged \"labour\" in codes.conf"));
    }
    return 0;
}

/* The test of rule G: exactly one of over_yuan, over_pct, event = true,
 * value_in. */
static int
load_test(const struct pfile *f, config_setting_t *g, struct dept_rule *r, struct err *e)
{
    int ev = 0, n = 0;

    if (config_setting_get_member(g, "value_in") != NULL) {
        n++;
        if (load_values(f, g, r, e)) {
            return -1;
        }
    }

    if (config_setting_get_member(g, "over_yuan") != NULL) {
        r->test = DEPT_OVER_AMOUNT;
        n++;
        if (pfile_yuan(f, g, "over_yuan", &r->fen, e)) {
            return -1;
        }
    }
    if (config_setting_get_member(g, "over_pct") != NULL) {
        r->test = DEPT_OVER_SHARE;
        n++;
        if (pfile_pct(f, g, config_setting_get_member(g, "over_pct"), "over_pct", 1,
                      1000, &r->bp, e)) {
            return -1;
        }
    }
    if (config_setting_lookup_bool(g, "event", &ev) == CONFIG_TRUE && ev) {
        r->test = DEPT_EVENT;
        n++;
    }
    if (n != 1) {
        return pfile_bad(f, g, e, _("a rule has exactly one of 'over_yuan = AMOUNT;', 'over_pct = PERCENT;' (of the reference income), 'value_in = [\"...\"];' or 'event = true;'"));
    }
    return 0;
}

static int
load_rules(struct policy *p, const struct pfile *f, config_setting_t *g, struct dept *d,
           struct err *e)
{
    static const char *const known[] = {"population", "over_yuan", "over_pct", "event",
                                        "value_in", "labour", "label", NULL};
    config_setting_t *l = config_setting_get_member(g, "rules");
    int i, n = l != NULL ? config_setting_length(l) : 0;

    if (l == NULL || !config_setting_is_list(l) || n == 0) {
        return pfile_bad(f, g, e, _("a department needs 'rules = ( { population = [...]; over_pct = 50; }, ... );'"));
    }
    d->rules = xcalloc((size_t)n, sizeof(*d->rules));
    for (i = 0; i < n; i++) {
        config_setting_t *r = config_setting_get_elem(l, (unsigned)i);
        struct dept_rule *dr = &d->rules[d->nrules++];

        pfile_unknown(f, r, known, NULL);
        if (load_population(f, r, dr, e) || load_test(f, r, dr, e) ||
            load_labour(p, f, r, dr, e) ||
            pfile_str(f, r, "label", 0, &dr->label, e)) {
            return -1;
        }
    }
    return 0;
}

/* The keys of a department, the required ones first. */
static int
load_head(struct policy *p, const struct pfile *f, config_setting_t *g, struct dept *d,
          struct err *e)
{
    if (pfile_str(f, g, "id", 1, &d->id, e) || pfile_str(f, g, "name", 1, &d->name, e) ||
        pfile_str(f, g, "province", 1, &d->province, e) ||
        pfile_int(f, g, "from", 2000, 2100, &d->from_year, e) ||
        pfile_str(f, g, "risk", 0, &d->risk, e) ||
        pfile_str(f, g, "source", 0, &d->source, e) ||
        pfile_str(f, g, "confidence", 0, &d->confidence, e) ||
        load_texts(f, g, "aliases", &d->aliases, e)) {
        return -1;
    }
    if (d->id[0] == '\0' || strlen(d->id) > 20 || d->name[0] == '\0') {
        return pfile_bad(f, g, e, _("a department's 'id' (up to 20 letters) and 'name' must not be empty"));
    }
    if (!policy_province_ok(p, d->province)) {
        return pfile_bad(f, g, e, _("'province' must be \"*\" or a two-digit province code such as \"51\""));
    }
    if (d->risk[0] != '\0' && code_with_tag(&p->codes, "risk", d->risk) == NULL) {
        return pfile_bad(f, g, e, _("'risk' must be a tag that a code of the table 'risk' carries (codes.conf), such as \"health\""));
    }
    return 0;
}

int
dept_load(struct policy *p, const struct pfile *f, config_setting_t *g, void *out,
          struct err *e)
{
    static const char *const known[] = {"id", "name", "aliases", "province", "from",
                                        "columns", "risk", "rules", "source",
                                        "confidence", NULL};
    struct dept *d = out;

    pfile_unknown(f, g, known, NULL);
    d->file = xstrdup(f->path);
    d->line = config_setting_source_line(g);
    if (load_head(p, f, g, d, e) || load_columns(f, g, d, e) || load_rules(p, f, g, d, e)) {
        return -1;
    }
    return 0;
}

void
dept_put(struct policy *p, void *item)
{
    struct dept *d = item;
    size_t i;

    for (i = 0; i < p->ndepts; i++) {
        if (p->depts[i].from_year == d->from_year && strcmp(p->depts[i].id, d->id) == 0 &&
            strcmp(p->depts[i].province, d->province) == 0) {
            dept_clear(&p->depts[i]);
            p->depts[i] = *d;
            return;
        }
    }
    p->depts = xrealloc(p->depts, (p->ndepts + 1) * sizeof(*p->depts));
    p->depts[p->ndepts++] = *d;
}

void
dept_drop(void *item)
{
    dept_clear(item);
}
