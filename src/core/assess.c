/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * assess.c - scoring an assessment indicator and grading a total (see
 * assess.h).  Pure arithmetic in centi-points and basis points.
 */
#include "config.h"
#include "core/assess.h"
#include "util/array.h"
#include "util/names.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const assess_sources[] = {
    /* the monitoring registry, per township */
    "measures_coverage", "dev_measure_labour", "overdue_cases", "early_eliminations",
    "visits_on_time", "publicity_compliance",
    /* resident teams */
    "team_attendance_rate", "team_absences", "team_staffing",
    /* partners */
    "partner_target_rate",
    /* funds and projects, per township */
    "industry_share", "payment_progress", "project_publicity_on_time", "alloc_results_late",
    "asset_maintainer_rate",
    NULL,
};

static const char *const method_names[] = {
    "group", "manual", "threshold", "linear", "count", "bonus",
};

static const struct enum_names methods = {method_names, NULL, ARRAY_SIZE(method_names)};

const char *
assess_method_name(enum assess_method m)
{
    return enum_name(&methods, m);
}

int
assess_method_parse(const char *name, enum assess_method *m)
{
    int v;

    if (enum_parse(&methods, name, &v)) {
        return -1;
    }
    *m = (enum assess_method)v;
    return 0;
}

void
assess_template_free(struct assess_template *t)
{
    size_t i;

    for (i = 0; i < t->nind; i++) {
        free(t->ind[i].code);
        free(t->ind[i].parent);
        free(t->ind[i].name);
        free(t->ind[i].source);
        free(t->ind[i].note);
        free(t->ind[i].threshold_rule);
    }
    for (i = 0; i < t->ngrades; i++) {
        free(t->grades[i].name);
    }
    free(t->ind);
    free(t->grades);
    free(t->id);
    free(t->title);
    free(t->unit);
    free(t->path);
    free(t->text);
    memset(t, 0, sizeof(*t));
}

int64_t
assess_threshold(const struct assess_indicator *ind, const struct rules *r)
{
    if (ind->threshold_rule == NULL || r == NULL) {
        return ind->threshold_bp;
    }
    return *(const int *)(const void *)((const char *)r + ind->threshold_off);
}

const struct assess_indicator *
assess_find(const struct assess_template *t, const char *code)
{
    size_t i;

    for (i = 0; i < t->nind; i++) {
        if (strcmp(t->ind[i].code, code) == 0) {
            return &t->ind[i];
        }
    }
    return NULL;
}

/* The maximum less DEDUCT, never below 0. */
static void
deduct(const struct assess_indicator *ind, int64_t d, struct assess_score *out)
{
    out->deduct_cp = d < ind->max_cp ? d : ind->max_cp;
    out->points_cp = ind->max_cp - out->deduct_cp;
}

void
assess_compute(const struct assess_indicator *ind, int64_t input,
               struct assess_score *out)
{
    int64_t gap;

    memset(out, 0, sizeof(*out));
    switch (ind->method) {
    case AM_THRESHOLD:
        if (ind->lower_is_better ? input <= ind->threshold_bp : input >= ind->threshold_bp) {
            out->points_cp = ind->max_cp;
        } else {
            out->deduct_cp = ind->max_cp;
        }
        break;
    case AM_LINEAR:
        gap = ind->lower_is_better ? input - ind->threshold_bp : ind->threshold_bp - input;
        if (gap > 0 && ind->step_bp > 0) {
            out->steps = ind->partial_steps ? (gap + ind->step_bp - 1) / ind->step_bp
                                            : gap / ind->step_bp;
        }
        deduct(ind, out->steps * ind->per_step_cp, out);
        break;
    case AM_COUNT:
        out->steps = input > ind->free_items ? input - ind->free_items : 0;
        deduct(ind, out->steps * ind->per_item_cp, out);
        break;
    default:
        break;
    }
}

int
assess_manual(const struct assess_indicator *ind, int64_t given_cp,
              struct assess_score *out)
{
    memset(out, 0, sizeof(*out));
    if (ind->method == AM_BONUS) {
        if (given_cp < -ind->cap_cp || given_cp > ind->cap_cp) {
            return -1;
        }
        out->points_cp = given_cp;
        return 0;
    }
    if (given_cp < 0 || given_cp > ind->max_cp) {
        return -1;
    }
    out->points_cp = given_cp;
    out->deduct_cp = ind->max_cp - given_cp;
    return 0;
}

const char *
assess_grade(const struct assess_template *t, int64_t total_cp)
{
    size_t i;

    for (i = 0; i < t->ngrades; i++) {
        if (total_cp >= t->grades[i].min_cp) {
            return t->grades[i].name;
        }
    }
    return t->ngrades > 0 ? t->grades[t->ngrades - 1].name : "";
}

void
assess_points_text(int64_t cp, char *out, size_t n)
{
    int64_t a = cp < 0 ? -cp : cp;
    const char *sign = cp < 0 ? "-" : "";

    if (a % 100 == 0) {
        snprintf(out, n, "%s%lld", sign, (long long)(a / 100));
    } else if (a % 10 == 0) {
        snprintf(out, n, "%s%lld.%lld", sign, (long long)(a / 100), (long long)(a % 100 / 10));
    } else {
        snprintf(out, n, "%s%lld.%02lld", sign, (long long)(a / 100), (long long)(a % 100));
    }
}
