/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * assess.h - assessment templates and how an indicator's points are
 * scored (domain.md 9.5).  A template is data (share/assess/NAME.conf, read
 * by cfg/assess_load.c): a tree of indicators, each with its maximum
 * points and its method, and the grade bands.  Points are kept in
 * hundredths (centi-points, "cp": 12.5 points = 1250) and rates in basis
 * points (98.76% = 9876), so every comparison is exact.
 */
#ifndef ZX_ASSESS_H
#define ZX_ASSESS_H

#include <stddef.h>
#include <stdint.h>

enum assess_method {
    AM_GROUP = 0,     /* a heading: the sum of its children */
    AM_MANUAL,        /* points given by hand, 0 to the maximum */
    AM_THRESHOLD,     /* full marks when the rate reaches the threshold, else 0 */
    AM_LINEAR,        /* the maximum less PER_STEP for each STEP short of TARGET, floored at 0 */
    AM_COUNT,         /* the maximum less PER_ITEM for each item beyond FREE, floored at 0 */
    AM_BONUS,         /* given by hand within -CAP..+CAP, outside the maximum */
};

struct assess_indicator {
    char *code;       /* "A1" */
    char *parent;     /* "A", "" at the top */
    char *name;
    int64_t max_cp;   /* maximum points (AM_BONUS: 0) */
    enum assess_method method;
    char *source;     /* computed ones: the data source ("measures_coverage"), "" manual */
    /* parameters */
    int64_t threshold_bp;   /* AM_THRESHOLD; AM_LINEAR: the target */
    char *threshold_rule;   /* NULL, or the percentage key of rules.conf the
                               threshold (target) is, by the round's year
                               ("industry_min_pct"): assess_threshold */
    size_t threshold_off;   /* where struct rules keeps that key */
    int lower_is_better;    /* AM_THRESHOLD, AM_LINEAR: the rate must stay at or below */
    int64_t step_bp;        /* AM_LINEAR: a step of shortfall (0.1 point of a percentage = 10) */
    int64_t per_step_cp;    /* AM_LINEAR: points per step */
    int partial_steps;      /* AM_LINEAR: 1 = a part of a step counts as a step */
    int64_t per_item_cp;    /* AM_COUNT */
    int free_items;         /* AM_COUNT: items that cost nothing */
    int64_t cap_cp;         /* AM_BONUS: the most added or taken */
    char *note;             /* how it is scored, in words, for the sheet */
    int line;               /* where it is in its file */
};

struct assess_grade {
    char *name;       /* 好 */
    int64_t min_cp;   /* from this total up */
};

struct assess_template {
    char *id;         /* "township-consolidation" */
    char *title;
    char *unit;       /* what is assessed: township, village, team, partner */
    char *path;       /* the file */
    char *text;       /* the file's text as read (kept with a round) */
    int64_t total_cp; /* the top indicators' maxima add up to it */
    struct assess_indicator *ind;
    size_t nind;
    struct assess_grade *grades;   /* best first, min_cp falling */
    size_t ngrades;
};

struct rules;

/* The threshold (AM_LINEAR: the target) of IND in basis points under the
 * rules R of the year assessed: the rules' own when the template names a
 * key of rules.conf for it, else the template's number. */
int64_t assess_threshold(const struct assess_indicator *ind, const struct rules *r);

/* The data sources a computed indicator may name, ended by NULL: rates
 * in basis points (..._rate, ..._coverage, ..._share, ..._on_time,
 * ..._compliance, payment_progress, team_staffing) or counts (the rest). */
extern const char *const assess_sources[];

void assess_template_free(struct assess_template *t);
/* The indicator CODE of T, or NULL. */
const struct assess_indicator *assess_find(const struct assess_template *t,
                                           const char *code);
const char *assess_method_name(enum assess_method m);
int assess_method_parse(const char *name, enum assess_method *m);

/* What an indicator scored, and why. */
struct assess_score {
    int64_t points_cp;
    int64_t deduct_cp;      /* taken off the maximum */
    int64_t steps;          /* AM_LINEAR steps short, AM_COUNT items charged */
};

/* A computed indicator's points from its input: a rate in basis points
 * (AM_THRESHOLD, AM_LINEAR) or a count (AM_COUNT). */
void assess_compute(const struct assess_indicator *ind, int64_t input,
                    struct assess_score *out);
/* A manual or bonus indicator's points as given, checked: 0 to the
 * maximum (AM_MANUAL) or within -cap..cap (AM_BONUS); 0, or -1 when out
 * of range. */
int assess_manual(const struct assess_indicator *ind, int64_t given_cp,
                  struct assess_score *out);

/* The grade of TOTAL_CP under T's bands (the last band when below all). */
const char *assess_grade(const struct assess_template *t, int64_t total_cp);

/* Points as text: "12.5", "10", "-2.25". */
void assess_points_text(int64_t cp, char *out, size_t n);

#endif
