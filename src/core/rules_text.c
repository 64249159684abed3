/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * rules_text.c - the numbers of rules.conf written into the texts that
 * state them (see rules_text.h): one table of the {names} a text may use.
 */
#include "config.h"
#include "core/rules_text.h"

#include <stddef.h>
#include <string.h>

#include "core/date.h"
#include "util/array.h"
#include "util/i18n.h"

#define NO_UNIT ((size_t)-1)   /* calendar days, always */

enum rule_word_kind {
    RW_NUMBER,      /* a count: "20" */
    RW_DAYS,        /* days in the unit of UNIT: "15 working days", "10 days" */
    RW_PCT,         /* basis points as a percentage: "55%", "55.5%" */
};

struct rule_word {
    const char *name;
    size_t offset;              /* the int in struct rules */
    enum rule_word_kind kind;
    size_t unit;                /* RW_DAYS: its *_unit member, or NO_UNIT */
};

#define RO(f) offsetof(struct rules, f)
static const struct rule_word words[] = {
    {"verify", RO(verify_workdays), RW_DAYS, RO(verify_unit)},
    {"identify", RO(identify_days), RW_DAYS, RO(identify_unit)},
    {"reject_reply", RO(reject_reply_workdays), RW_DAYS, RO(reject_reply_unit)},
    {"alloc_publish", RO(alloc_publish_workdays), RW_DAYS, RO(alloc_publish_unit)},
    {"targets_publish", RO(targets_publish_workdays), RW_DAYS, RO(targets_publish_unit)},
    {"publicity_min_days", RO(publicity_min_days), RW_DAYS, NO_UNIT},
    {"dev_measure_days", RO(dev_measure_days), RW_DAYS, NO_UNIT},
    {"project_publicity_min_days", RO(project_publicity_min_days), RW_DAYS, NO_UNIT},
    {"team_min_days_month", RO(team_min_days_month), RW_NUMBER, NO_UNIT},
    {"team_leave_township_max_days", RO(team_leave_township_max_days), RW_DAYS, NO_UNIT},
    {"industry_min_pct", RO(industry_min_bp), RW_PCT, NO_UNIT},
    {"wage_min_pct", RO(wage_min_bp), RW_PCT, NO_UNIT},
};
#undef RO

static const struct rule_word *
word_of(const char *name, size_t len)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(words); i++) {
        if (strlen(words[i].name) == len && memcmp(words[i].name, name, len) == 0) {
            return &words[i];
        }
    }
    return NULL;
}

int
rules_text_known(const char *name, size_t len)
{
    return word_of(name, len) != NULL;
}

static int
member(const struct rules *r, size_t offset)
{
    int v;

    memcpy(&v, (const char *)r + offset, sizeof(v));
    return v;
}

static void
add_word(const struct rules *r, const struct rule_word *w, struct sbuf *out)
{
    int v;

    if (r == NULL) {
        sbuf_adds(out, _("(not in the policy files)"));
        return;
    }
    v = member(r, w->offset);
    switch (w->kind) {
    case RW_NUMBER:
        sbuf_addf(out, "%d", v);
        break;
    case RW_DAYS:
        sbuf_addf(out, w->unit != NO_UNIT && member(r, w->unit) == DU_WORKDAYS
                           ? _("%d working days") : C_("a length of time", "%d days"),
                  v);
        break;
    case RW_PCT:
        if (v % 100 == 0) {
            sbuf_addf(out, "%d%%", v / 100);
        } else if (v % 10 == 0) {
            sbuf_addf(out, "%d.%d%%", v / 100, v % 100 / 10);
        } else {
            sbuf_addf(out, "%d.%02d%%", v / 100, v % 100);
        }
        break;
    }
}

void
rules_expand(const struct rules *r, const char *text, struct sbuf *out)
{
    const char *p = text;

    while (*p != '\0') {
        const char *open = strchr(p, '{');
        const char *close = open != NULL ? strchr(open, '}') : NULL;
        const struct rule_word *w =
            close != NULL ? word_of(open + 1, (size_t)(close - open - 1)) : NULL;

        if (open == NULL || close == NULL) {
            sbuf_adds(out, p);
            return;
        }
        sbuf_add(out, p, (size_t)(w != NULL ? open - p : close + 1 - p));
        if (w != NULL) {
            add_word(r, w, out);
        }
        p = close + 1;
    }
}
