/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * findings.c - the findings list and the registry of rule codes.
 */
#include "config.h"
#include "core/findings.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/array.h"
#include "util/i18n.h"
#include "util/xalloc.h"

static const struct finding_rule registry[] = {
    {"ID01", SEV_ERROR, N_("member's ID number fails the GB 11643 checks"), 0},
    {"ID02", SEV_ERROR, N_("member's sex differs from the ID number"), 0},
    {"ID03", SEV_ERROR, N_("member's birth date differs from the ID number"), 0},
    {"HH01", SEV_ERROR, N_("household without exactly one head"), 0},
    {"HH02", SEV_ERROR, N_("no member can work but the household is not marked as without labour"), 0},
    {"HH03", SEV_WARNING, N_("marked as without labour but a member can work"), 0},
    {"HH04", SEV_ERROR, N_("monitoring category does not fit the household type"), 0},
    {"RK01", SEV_ERROR, N_("monitoring object without a risk type"), 0},
    {"RK02", SEV_ERROR, N_("risk of unstable work but no member can work"), 0},
    {"RK03", SEV_ERROR, N_("risk of unstable work but no member works"), 0},
    {"RK04", SEV_ERROR, N_("drinking water unsafe but no drinking-water risk"), 0},
    {"RK05", SEV_ERROR, N_("drinking-water risk without a drinking-water measure"), 0},
    {"RK06", SEV_ERROR, N_("housing risk without a housing or relocation measure"), 0},
    {"PR01", SEV_ERROR, N_("monitoring object without identification date"), 0},
    {"PR02", SEV_WARNING, N_("procedure step overdue"), 1},
    {"PR03", SEV_ERROR, N_("publicity shorter than required"), 0},
    {"PR04", SEV_WARNING, N_("reply to a rejected applicant overdue"), 1},
    {"MS01", SEV_WARNING, N_("household with labour has no development measure in time"), 1},
    {"MS02", SEV_WARNING, N_("household without labour has no safety-net measure in time"), 1},
    {"EL01", SEV_ERROR, N_("risk eliminated too soon after identification"), 0},
    {"EL02", SEV_ERROR, N_("eliminated through assistance without a development measure"), 0},
    {"EL03", SEV_ERROR, N_("household without labour marked as eliminated"), 0},
    {"EL04", SEV_ERROR, N_("eliminated through assistance in the month of identification or the next"), 0},
    {"EL05", SEV_ERROR, N_("income not above the monitoring line"), 0},
    {"EL06", SEV_ERROR, N_("food, clothing, schooling, medical care, housing or water not secured"), 0},
    {"EL07", SEV_ERROR, N_("a new risk was found after identification"), 0},
    {"EL08", SEV_ERROR, N_("large compliant out-of-pocket spending not stably resolved"), 0},
    {"IN01", SEV_WARNING, N_("per-capita income implausibly high at identification"), 0},
    {"IN02", SEV_WARNING, N_("wage income implausibly low"), 0},
    {"IN03", SEV_WARNING, N_("identified above the monitoring line without a stated reason"), 0},
    {"VS01", SEV_WARNING, N_("visit overdue"), 1},
    {"CD01", SEV_ERROR, N_("monitoring object without a responsible cadre"), 0},
};

const struct finding_rule *
finding_rules(size_t *n)
{
    *n = ARRAY_SIZE(registry);
    return registry;
}

const struct finding_rule *
finding_rule(const char *code)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(registry); i++) {
        if (strcmp(registry[i].code, code) == 0) {
            return &registry[i];
        }
    }
    return NULL;
}

const char *
severity_label(enum severity sev)
{
    return sev == SEV_ERROR ? _("error") : _("warning");
}

void
findings_add(struct findings *f, const char *code, int64_t hh,
             const char *fmt, ...)
{
    const struct finding_rule *r = finding_rule(code);
    struct finding *x;
    va_list ap;

    f->v = xgrow(f->v, &f->alloc, f->n + 1, sizeof(*f->v));
    x = &f->v[f->n++];
    snprintf(x->code, sizeof(x->code), "%s", code);
    x->sev = r != NULL ? r->sev : SEV_ERROR;
    x->household_id = hh;
    va_start(ap, fmt);
    vsnprintf(x->msg, sizeof(x->msg), fmt, ap);
    va_end(ap);
}

size_t
findings_count(const struct findings *f, enum severity sev)
{
    size_t i, n = 0;

    for (i = 0; i < f->n; i++) {
        n += f->v[i].sev == sev;
    }
    return n;
}

int
findings_has(const struct findings *f, const char *code)
{
    size_t i;

    for (i = 0; i < f->n; i++) {
        if (strcmp(f->v[i].code, code) == 0) {
            return 1;
        }
    }
    return 0;
}

void
findings_reset(struct findings *f)
{
    f->n = 0;
}

void
findings_free(struct findings *f)
{
    free(f->v);
    memset(f, 0, sizeof(*f));
}
