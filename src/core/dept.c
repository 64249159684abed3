/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * dept.c - department warnings: look-ups of the layouts, rules and
 * reference incomes, and the judgement of one row (see dept.h).
 */
#include "config.h"
#include "core/dept.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/codes.h"
#include "core/date.h"
#include "core/mcase.h"
#include "core/money.h"
#include "core/policy.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/names.h"

static const struct {
    const char *name;
    unsigned bit;
} pop_names[] = {
    {"former_poor", DEPT_POP_FORMER_POOR},
    {"monitored", DEPT_POP_MONITORED},
    {"other", DEPT_POP_OTHER},
};

unsigned
dept_pop_parse(const char *name)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(pop_names); i++) {
        if (strcmp(pop_names[i].name, name) == 0) {
            return pop_names[i].bit;
        }
    }
    return 0;
}

void
dept_texts_free(char **v)
{
    size_t i;

    for (i = 0; v != NULL && v[i] != NULL; i++) {
        free(v[i]);
    }
    free(v);
}

void
dept_clear(struct dept *d)
{
    size_t i;

    free(d->id);
    free(d->name);
    dept_texts_free(d->aliases);
    free(d->province);
    for (i = 0; i < DEPT_NCOLS; i++) {
        free(d->cols[i]);
    }
    free(d->risk);
    for (i = 0; i < d->nrules; i++) {
        free(d->rules[i].label);
        dept_texts_free(d->rules[i].values);
    }
    free(d->rules);
    free(d->source);
    free(d->confidence);
    free(d->file);
    memset(d, 0, sizeof(*d));
}

int
dept_is_amount(const struct dept *d)
{
    size_t i;

    for (i = 0; i < d->nrules; i++) {
        if (d->rules[i].test == DEPT_OVER_AMOUNT || d->rules[i].test == DEPT_OVER_SHARE) {
            return 1;
        }
    }
    return 0;
}

/* 1 when D answers to NAME. */
static int
dept_named(const struct dept *d, const char *name)
{
    size_t i;

    if (strcmp(d->id, name) == 0 || strcmp(d->name, name) == 0) {
        return 1;
    }
    for (i = 0; d->aliases != NULL && d->aliases[i] != NULL; i++) {
        if (strcasecmp(d->aliases[i], name) == 0) {
            return 1;
        }
    }
    return 0;
}

/* The entry of NAME for exactly PROVINCE in force in YEAR. */
static const struct dept *
best_dept(const struct policy *p, const char *name, const char *province, int year)
{
    const struct dept *best = NULL;
    size_t i;

    for (i = 0; i < p->ndepts; i++) {
        const struct dept *d = &p->depts[i];

        if (strcmp(d->province, province) == 0 && d->from_year <= year &&
            dept_named(d, name) && (best == NULL || d->from_year > best->from_year)) {
            best = d;
        }
    }
    return best;
}

const struct dept *
policy_dept(const struct policy *p, const char *name, const char *province, int year)
{
    const struct dept *d = NULL;

    if (province != NULL) {
        d = best_dept(p, name, province, year);
    }
    return d != NULL ? d : best_dept(p, name, POLICY_ANY_PROVINCE, year);
}

int
policy_dept_in_force(const struct policy *p, const struct dept *d, const char *province,
                     int year)
{
    return policy_dept(p, d->id, province, year) == d;
}

const char *
policy_dept_name(const struct policy *p, const char *id, const char *province, int year)
{
    const struct dept *d = policy_dept(p, id, province, year);

    return d != NULL ? d->name : id;
}

/* The latest income of exactly PROVINCE not after YEAR. */
static const struct line_entry *
best_income(const struct policy *p, const char *province, int year)
{
    const struct line_entry *best = NULL;
    size_t i;

    for (i = 0; i < p->nincomes; i++) {
        const struct line_entry *l = &p->incomes[i];

        if (strcmp(l->province, province) == 0 && l->year <= year &&
            (best == NULL || l->year > best->year)) {
            best = l;
        }
    }
    return best;
}

const struct line_entry *
policy_income(const struct policy *p, const char *province, int year)
{
    const struct line_entry *l = NULL;

    if (province != NULL) {
        l = best_income(p, province, year - 1);
    }
    return l != NULL ? l : best_income(p, POLICY_ANY_PROVINCE, year - 1);
}

/* 1 when rule R takes the person S: one of its populations, and labour
 * ability when R asks it (the codes of table labour tagged "labour"). */
static int
rule_takes(const struct codebook *cb, const struct dept_rule *r,
           const struct dept_subject *s)
{
    return (r->pops & s->pops) != 0 &&
           (!r->labour ||
            (s->labour != NULL && code_is(cb, "labour", s->labour, "labour")));
}

/* The first rule of D for the person S, or NULL. */
static const struct dept_rule *
rule_for(const struct codebook *cb, const struct dept *d, const struct dept_subject *s)
{
    size_t i;

    for (i = 0; i < d->nrules; i++) {
        if (rule_takes(cb, &d->rules[i], s)) {
            return &d->rules[i];
        }
    }
    return NULL;
}

/* 1 when VALUE is one of the words V. */
static int
value_listed(char *const *v, const char *value)
{
    size_t i;

    for (i = 0; v != NULL && v[i] != NULL; i++) {
        if (value != NULL && strcmp(v[i], value) == 0) {
            return 1;
        }
    }
    return 0;
}

int
dept_judge(const struct policy *p, const struct dept *d, const char *province,
           int year, const struct dept_subject *s, struct dept_verdict *v,
           struct err *e)
{
    int64_t value_fen = s->fen;

    memset(v, 0, sizeof(*v));
    v->rule = rule_for(&p->codes, d, s);
    if (v->rule == NULL) {
        return 0;
    }
    switch (v->rule->test) {
    case DEPT_EVENT:
        v->warn = 1;
        return 0;
    case DEPT_VALUE_IN:
        v->warn = value_listed(v->rule->values, s->value);
        return 0;
    case DEPT_OVER_AMOUNT:
        v->threshold_fen = v->rule->fen;
        break;
    case DEPT_OVER_SHARE:
        v->income = policy_income(p, province, year);
        if (v->income == NULL) {
            return err_set(e, ERR_CONFIG,
                           _("no reference income (rural per-capita disposable income) for %d or earlier in incomes.conf, which the rule of %s (%s:%d) needs"),
                           year - 1, d->name, d->file, d->line);
        }
        /* Exact: value > income * bp / 10000, compared without rounding. */
        v->threshold_fen = v->income->fen * v->rule->bp / 10000;
        v->warn = value_fen * 10000 > v->income->fen * v->rule->bp;
        return 0;
    }
    v->warn = value_fen > v->threshold_fen;
    return 0;
}

/* The words V joined by "/" into OUT (N bytes). */
static void
values_text(char *const *v, char *out, size_t n)
{
    size_t i, len = 0;

    out[0] = '\0';
    for (i = 0; v != NULL && v[i] != NULL && len < n; i++) {
        int k = snprintf(out + len, n - len, "%s%s", i ? "/" : "", v[i]);

        len += k > 0 ? (size_t)k : 0;
    }
}

void
dept_rule_text(const struct dept *d, const struct dept_verdict *v, char *out,
               size_t n)
{
    const struct dept_rule *r = v->rule;
    char amt[MONEY_BUF], inc[MONEY_BUF], pct[16], words[160];
    const char *label = r != NULL && r->label != NULL ? r->label : "";
    int len;

    if (r == NULL) {
        snprintf(out, n, "%s", _("no rule for this population"));
        return;
    }
    len = snprintf(out, n, "%s%s", label, *label ? ": " : "");
    if (len < 0 || (size_t)len >= n) {
        return;
    }
    money_format(v->threshold_fen, 1, amt);
    if (r->test == DEPT_VALUE_IN) {
        values_text(r->values, words, sizeof(words));
        len += snprintf(out + len, n - (size_t)len, _("%s is %s"),
                        d->cols[DEPT_COL_VALUE], words);
    } else if (r->test == DEPT_EVENT) {
        len += snprintf(out + len, n - (size_t)len, _("any new %s"),
                        d->cols[DEPT_COL_VALUE]);
    } else if (r->test == DEPT_OVER_AMOUNT) {
        len += snprintf(out + len, n - (size_t)len, _("%s over %s yuan"),
                        d->cols[DEPT_COL_VALUE], amt);
    } else {
        money_format(v->income->fen, 1, inc);
        money_bp_text(r->bp, pct, sizeof(pct));
        len += snprintf(out + len, n - (size_t)len,
                 _("%s over %s of the rural per-capita disposable income of %d (%s yuan): %s yuan"),
                 d->cols[DEPT_COL_VALUE], pct, v->income->year, inc, amt);
    }
    if (r->labour && len >= 0 && (size_t)len < n) {
        snprintf(out + len, n - (size_t)len, "%s", _(" (a member with labour ability)"));
    }
}

unsigned
dept_pops(const struct codebook *cb, const char *hh_type, int state)
{
    unsigned pops = 0;

    if (state >= CS_MONITORED && state < CS_ELIMINATED) {
        pops |= DEPT_POP_MONITORED;
    }
    if (code_is(cb, "hh_type", hh_type, "former_poor")) {
        pops |= DEPT_POP_FORMER_POOR;
    }
    return pops != 0 ? pops : DEPT_POP_OTHER;
}

int
dept_already_followed(const struct codebook *cb, const struct dept *d, int state,
                      const char (*risks)[12], int n)
{
    int i;

    if (state <= CS_NONE || state >= CS_ELIMINATED) {
        return 0;
    }
    if (d->risk == NULL || d->risk[0] == '\0') {
        return 1;
    }
    for (i = 0; i < n; i++) {
        if (code_is(cb, "risk", risks[i], d->risk)) {
            return 1;
        }
    }
    return 0;
}

/* --- warnings ---------------------------------------------------------- */

static const char *const ws_names[WS_COUNT] = {"pending", "clue", "rejected"};
static const char *const ws_labels[WS_COUNT] = {
    NC_("warning", "pending"), NC_("warning", "made a clue"),
    NC_("warning", "not eligible"),
};
static const struct enum_names ws_enum = {ws_names, ws_labels, WS_COUNT};

const char *
warn_status_name(enum warn_status s)
{
    return enum_name(&ws_enum, (int)s);
}

const char *
warn_status_label(enum warn_status s)
{
    return enum_label(&ws_enum, (int)s);
}

int
warn_status_parse(const char *name, enum warn_status *s)
{
    int v;

    if (enum_parse(&ws_enum, name, &v)) {
        return -1;
    }
    *s = (enum warn_status)v;
    return 0;
}

void
dept_warning_init(struct dept_warning *w)
{
    memset(w, 0, sizeof(*w));
    w->event_date = DATE_NONE;
    w->import_date = DATE_NONE;
    w->decided_on = DATE_NONE;
}

void
dept_warning_clear(struct dept_warning *w)
{
    free(w->reason);
    dept_warning_init(w);
}
