/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * policy.c - look-ups in the loaded policy tables.
 */
#include "config.h"
#include "core/policy.h"

#include <stdlib.h>
#include <string.h>

#include "core/dept.h"
#include "util/i18n.h"
#include "util/notes.h"

static int
province_matches(const char *entry, const char *want)
{
    return want != NULL && strcmp(entry, want) == 0;
}

const struct line_entry *
policy_line(const struct policy *p, const char *province, int year)
{
    const struct line_entry *any = NULL;
    size_t i;

    for (i = 0; i < p->nlines; i++) {
        const struct line_entry *l = &p->lines[i];

        if (l->year != year) {
            continue;
        }
        if (province_matches(l->province, province)) {
            return l;
        }
        if (strcmp(l->province, POLICY_ANY_PROVINCE) == 0) {
            any = l;
        }
    }
    return any;
}

size_t
policy_gaps(const struct policy *p, const char *province, int year, struct notes *out)
{
    size_t n = out->n;

    if (policy_line(p, province, year) == NULL) {
        notes_add(out, _("policy data: lines.conf has no monitoring line for %d: "
                         "incomes cannot be judged against this year's line until "
                         "the province's value is added"),
                  year);
    }
    if (!calendar_has_year(&p->cal, year)) {
        notes_add(out, _("policy data: calendar.conf has no holidays for %d: "
                         "deadlines in working days count only weekends until the "
                         "year's holiday notice is added"),
                  year);
    }
    return out->n - n;
}

/* The best entry among those for exactly PROVINCE. */
static const struct rules *
best_rules(const struct policy *p, const char *province, int year)
{
    const struct rules *best = NULL;
    size_t i;

    for (i = 0; i < p->nrules; i++) {
        const struct rules *r = &p->rules[i];

        if (strcmp(r->province, province) == 0 && r->from_year <= year &&
            (best == NULL || r->from_year > best->from_year)) {
            best = r;
        }
    }
    return best;
}

const struct rules *
policy_rules(const struct policy *p, const char *province, int year)
{
    const struct rules *r = NULL;

    if (province != NULL) {
        r = best_rules(p, province, year);
    }
    return r != NULL ? r : best_rules(p, POLICY_ANY_PROVINCE, year);
}

void
line_entry_clear(struct line_entry *l)
{
    free(l->province);
    free(l->source);
    free(l->confidence);
    free(l->file);
}

void
policy_free(struct policy *p)
{
    size_t i;

    for (i = 0; i < p->nlines; i++) {
        line_entry_clear(&p->lines[i]);
    }
    free(p->lines);
    for (i = 0; i < p->nincomes; i++) {
        line_entry_clear(&p->incomes[i]);
    }
    free(p->incomes);
    for (i = 0; i < p->ndepts; i++) {
        dept_clear(&p->depts[i]);
    }
    free(p->depts);
    for (i = 0; i < p->nrules; i++) {
        free(p->rules[i].province);
    }
    free(p->rules);
    free(p->cal.holidays);
    free(p->cal.workdays);
    codebook_free(&p->codes);
    memset(p, 0, sizeof(*p));
}
