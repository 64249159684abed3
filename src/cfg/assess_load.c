/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * assess_load.c - assessment templates from libconfig files (see
 * assess_load.h).
 */
#include "config.h"
#include "cfg/assess_load.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg/cfg_file.h"
#include "cfg/policy_load.h"
#include "util/sbuf.h"
#include "util/u8.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/xalloc.h"

#define MAX_CP 100000     /* 1000 points: more than any table has */

static const char *const units[] = {"township", "village", "team", "partner", NULL};

/* Points NAME of G (12, 12.5 or 12.25) as centi-points, 0 to 1000;
 * *CP untouched when missing and not REQUIRED. */
static int
get_points(const struct pfile *f, const config_setting_t *g, const char *name,
           int required, int64_t *cp, struct err *e)
{
    config_setting_t *s = config_setting_get_member(g, name);
    char msg[256];
    double v;

    snprintf(msg, sizeof(msg),
             _("'%s' must be points from 0 to 1000 with at most two decimals (e.g. 10 or 2.5)"),
             name);
    if (s == NULL) {
        return required ? pfile_bad(f, g, e, msg) : 0;
    }
    if (pfile_number(s, &v) < 0 || !(v >= 0 && v * 100 <= MAX_CP)) {
        return pfile_bad(f, s, e, msg);
    }
    *cp = (int64_t)(v * 100 + 0.5);
    if (v * 100 - (double)*cp > 1e-6 || (double)*cp - v * 100 > 1e-6) {
        return pfile_bad(f, s, e, msg);
    }
    return 0;
}

/* A percentage NAME of G as basis points when present (REQUIRED: must be). */
static int
get_rate(const struct pfile *f, const config_setting_t *g, const char *name,
         int required, int64_t *bp, struct err *e)
{
    config_setting_t *s = config_setting_get_member(g, name);
    int v;

    if (s == NULL && !required) {
        return 0;
    }
    if (pfile_pct(f, g, s, name, 0, 100, &v, e)) {
        return -1;
    }
    *bp = v;
    return 0;
}

/* The threshold (or target) NAME of IN: a percentage, or the name of a
 * percentage key of rules.conf whose value in the year assessed is the
 * threshold ("industry_min_pct": the industry share the rules ask that
 * year, never a number fixed in the template). */
static int
get_limit(const struct pfile *f, const config_setting_t *g, const char *name,
          struct assess_indicator *in, struct err *e)
{
    config_setting_t *s = config_setting_get_member(g, name);
    const char *key;
    char msg[256];

    if (s == NULL || config_setting_type(s) != CONFIG_TYPE_STRING) {
        return get_rate(f, g, name, 1, &in->threshold_bp, e);
    }
    key = config_setting_get_string(s);
    if (policy_rule_pct(key, &in->threshold_off)) {
        snprintf(msg, sizeof(msg),
                 _("'%s' is a percentage or the name of a percentage key of rules.conf; '%s' is neither"),
                 name, key);
        return pfile_bad(f, s, e, msg);
    }
    in->threshold_rule = xstrdup(key);
    return 0;
}

static int
get_flag(const struct pfile *f, const config_setting_t *g, const char *name, int *out,
         struct err *e)
{
    config_setting_t *s = config_setting_get_member(g, name);
    char msg[128];

    if (s == NULL) {
        return 0;
    }
    if (config_setting_type(s) != CONFIG_TYPE_BOOL) {
        snprintf(msg, sizeof(msg), _("'%s' must be true or false"), name);
        return pfile_bad(f, s, e, msg);
    }
    *out = config_setting_get_bool(s);
    return 0;
}

static int
in_list(const char *const *list, const char *s)
{
    size_t i;

    for (i = 0; list[i] != NULL; i++) {
        if (strcmp(list[i], s) == 0) {
            return 1;
        }
    }
    return 0;
}

/* The method's parameters, and the source a computed method needs. */
static int
load_params(const struct pfile *f, const config_setting_t *g, struct assess_indicator *in,
            const char *const *sources, struct err *e)
{
    int computed = in->method == AM_THRESHOLD || in->method == AM_LINEAR ||
                   in->method == AM_COUNT;
    char msg[256];

    if (computed && in->source[0] == '\0') {
        return pfile_bad(f, g, e, _("a computed indicator needs its 'source'"));
    }
    if (!computed && in->source[0] != '\0') {
        return pfile_bad(f, g, e, _("only threshold, linear and count indicators have a 'source'"));
    }
    if (computed && sources != NULL && !in_list(sources, in->source)) {
        snprintf(msg, sizeof(msg), _("unknown data source '%s'"), in->source);
        return pfile_bad(f, g, e, msg);
    }
    if (get_flag(f, g, "lower", &in->lower_is_better, e) ||
        get_flag(f, g, "partial", &in->partial_steps, e)) {
        return -1;
    }
    switch (in->method) {
    case AM_THRESHOLD:
        return get_limit(f, g, "threshold", in, e);
    case AM_LINEAR:
        if (get_limit(f, g, "target", in, e) ||
            get_rate(f, g, "step", 1, &in->step_bp, e) ||
            get_points(f, g, "per_step", 1, &in->per_step_cp, e)) {
            return -1;
        }
        return in->step_bp > 0 && in->per_step_cp > 0
                   ? 0
                   : pfile_bad(f, g, e, _("'step' and 'per_step' must be more than 0"));
    case AM_COUNT:
        if (get_points(f, g, "per_item", 1, &in->per_item_cp, e) ||
            (config_setting_get_member(g, "free") != NULL &&
             pfile_int(f, g, "free", 0, 100000, &in->free_items, e))) {
            return -1;
        }
        return in->per_item_cp > 0 ? 0
                                   : pfile_bad(f, g, e, _("'per_item' must be more than 0"));
    case AM_BONUS:
        if (get_points(f, g, "cap", 1, &in->cap_cp, e)) {
            return -1;
        }
        if (config_setting_get_member(g, "max") != NULL) {
            return pfile_bad(f, g, e, _("a bonus indicator has a 'cap', not a 'max'"));
        }
        return in->cap_cp > 0 ? 0 : pfile_bad(f, g, e, _("'cap' must be more than 0"));
    default:
        return 0;
    }
}

static int
load_indicator(const struct pfile *f, const config_setting_t *g, const struct assess_template *t,
               struct assess_indicator *in, const char *const *sources, struct err *e)
{
    const char *m = NULL;
    const struct assess_indicator *p;
    char msg[256];
    size_t i;

    in->line = config_setting_source_line(g);
    if (!config_setting_is_group(g)) {
        return pfile_bad(f, g, e, _("each indicator is a group { code = ...; name = ...; ... }"));
    }
    if (pfile_str(f, g, "code", 1, &in->code, e) || pfile_str(f, g, "parent", 0, &in->parent, e) ||
        pfile_str(f, g, "name", 1, &in->name, e) || pfile_str(f, g, "source", 0, &in->source, e) ||
        pfile_str(f, g, "note", 0, &in->note, e)) {
        return -1;
    }
    if (in->code[0] == '\0' || in->name[0] == '\0') {
        return pfile_bad(f, g, e, _("an indicator needs a 'code' and a 'name'"));
    }
    for (i = 0; i < t->nind; i++) {
        if (strcmp(t->ind[i].code, in->code) == 0) {
            snprintf(msg, sizeof(msg), _("the code '%s' is used twice"), in->code);
            return pfile_bad(f, g, e, msg);
        }
    }
    if (in->parent[0] != '\0') {
        p = assess_find(t, in->parent);
        if (p == NULL || p->method != AM_GROUP) {
            snprintf(msg, sizeof(msg),
                     _("the parent '%s' must be a heading (no method) listed before it"),
                     in->parent);
            return pfile_bad(f, g, e, msg);
        }
    }
    in->method = AM_GROUP;
    if (config_setting_lookup_string(g, "method", &m) == CONFIG_TRUE &&
        (assess_method_parse(m, &in->method) != 0 || in->method == AM_GROUP)) {
        snprintf(msg, sizeof(msg),
                 _("unknown method '%s' (manual, threshold, linear, count or bonus)"), m);
        return pfile_bad(f, g, e, msg);
    }
    if (in->method != AM_BONUS &&
        (get_points(f, g, "max", 1, &in->max_cp, e) ||
         (in->max_cp == 0 ? pfile_bad(f, g, e, _("'max' must be more than 0")) : 0))) {
        return -1;
    }
    return load_params(f, g, in, sources, e);
}

/* Each heading's maximum is the sum of its children's; the top ones add
 * up to the template's total. */
static int
check_sums(const struct pfile *f, const config_setting_t *list, struct assess_template *t,
           struct err *e)
{
    size_t i, k;
    char msg[256], a[32], b[32];
    int64_t top = 0;

    for (i = 0; i < t->nind; i++) {
        const struct assess_indicator *h = &t->ind[i];
        int64_t sum = 0;
        int children = 0;

        if (h->parent[0] == '\0' && h->method != AM_BONUS) {
            top += h->max_cp;
        }
        if (h->method != AM_GROUP) {
            continue;
        }
        for (k = 0; k < t->nind; k++) {
            if (strcmp(t->ind[k].parent, h->code) == 0) {
                children++;
                sum += t->ind[k].method == AM_BONUS ? 0 : t->ind[k].max_cp;
            }
        }
        if (children == 0 || sum != h->max_cp) {
            assess_points_text(h->max_cp, a, sizeof(a));
            assess_points_text(sum, b, sizeof(b));
            snprintf(msg, sizeof(msg),
                     _("the heading '%s' has %s points but its indicators add up to %s"), h->code,
                     a, b);
            return pfile_bad(f, config_setting_get_elem(list, (unsigned)i), e, msg);
        }
    }
    if (t->total_cp != 0 && t->total_cp != top) {
        assess_points_text(t->total_cp, a, sizeof(a));
        assess_points_text(top, b, sizeof(b));
        snprintf(msg, sizeof(msg), _("'total' is %s but the indicators add up to %s"), a, b);
        return pfile_bad(f, list, e, msg);
    }
    t->total_cp = top;
    return 0;
}

static int
load_grades(const struct pfile *f, const config_setting_t *g, struct assess_template *t,
            struct err *e)
{
    config_setting_t *l = config_setting_get_member(g, "grades");
    const char *msg = _("'grades' is a list of (\"name\", lowest points) from the best down, e.g. ( (\"好\", 90), (\"较好\", 80), (\"一般\", 60), (\"较差\", 0) )");
    int i, n = l != NULL ? config_setting_length(l) : 0;

    if (l == NULL || !config_setting_is_list(l) || n < 2) {
        return pfile_bad(f, l != NULL ? l : g, e, msg);
    }
    t->grades = xcalloc((size_t)n, sizeof(*t->grades));
    for (i = 0; i < n; i++) {
        config_setting_t *gr = config_setting_get_elem(l, (unsigned)i);
        const char *name = config_setting_get_string_elem(gr, 0);
        config_setting_t *pts = config_setting_get_elem(gr, 1);
        struct assess_grade *x = &t->grades[t->ngrades];
        double v;

        /* The range is checked before the conversion: 1e30 points would
         * not fit the integer. */
        if (name == NULL || name[0] == '\0' || config_setting_length(gr) != 2 ||
            pfile_number(pts, &v) < 0 || !(v >= 0 && v * 100 <= MAX_CP)) {
            return pfile_bad(f, gr != NULL ? gr : l, e, msg);
        }
        x->min_cp = (int64_t)(v * 100 + 0.5);
        if (i > 0 && x->min_cp >= t->grades[i - 1].min_cp) {
            return pfile_bad(f, gr, e, msg);
        }
        x->name = xstrdup(name);
        t->ngrades++;
    }
    return 0;
}

static int
load_template(const struct pfile *f, const char *const *sources, struct assess_template *t,
              struct err *e)
{
    config_setting_t *g = config_lookup(&f->cfg, "template"), *list;
    char msg[256];
    int i, n;

    if (g == NULL || !config_setting_is_group(g)) {
        return err_set(e, ERR_CONFIG, _("%s: needs 'template = { ... };'"), f->path);
    }
    if (pfile_str(f, g, "id", 1, &t->id, e) || pfile_str(f, g, "title", 1, &t->title, e) ||
        pfile_str(f, g, "unit", 1, &t->unit, e) ||
        get_points(f, g, "total", 0, &t->total_cp, e) || load_grades(f, g, t, e)) {
        return -1;
    }
    if (!in_list(units, t->unit)) {
        snprintf(msg, sizeof(msg),
                 _("unknown unit '%s' (township, village, team or partner)"), t->unit);
        return pfile_bad(f, g, e, msg);
    }
    list = config_setting_get_member(g, "indicators");
    n = list != NULL ? config_setting_length(list) : 0;
    if (list == NULL || !config_setting_is_list(list) || n == 0) {
        return pfile_bad(f, list != NULL ? list : g, e,
                         _("'indicators' is a list of groups ( { ... }, { ... } )"));
    }
    t->ind = xcalloc((size_t)n, sizeof(*t->ind));
    for (i = 0; i < n; i++) {
        if (load_indicator(f, config_setting_get_elem(list, (unsigned)i), t, &t->ind[t->nind],
                           sources, e)) {
            t->nind++;     /* freed with the rest */
            return -1;
        }
        t->nind++;
    }
    return check_sums(f, list, t, e);
}

#define TEMPLATE_MAX 200000

int
assess_parse(const char *name, const char *text, const char *const *sources,
             struct assess_template *t, struct err *e)
{
    struct pfile f;
    int rc;

    memset(t, 0, sizeof(*t));
    if (strlen(text) > TEMPLATE_MAX || !u8_valid(text, strlen(text))) {
        return err_set(e, ERR_CONFIG, _("the template '%s' is too long or not UTF-8 text"), name);
    }
    if (pfile_open_text(&f, name, text, e) < 0) {
        return -1;
    }
    rc = load_template(&f, sources, t, e);
    config_destroy(&f.cfg);
    if (rc != 0) {
        assess_template_free(t);
        return -1;
    }
    t->path = xstrdup(name);
    t->text = xstrdup(text);
    return 0;
}

/* The whole text of the file PATH (at most TEMPLATE_MAX bytes). */
static char *
read_text(const char *path, struct err *e)
{
    FILE *fp = fopen(path, "rb");
    struct sbuf sb = SBUF_INIT;
    char buf[4096];
    size_t got;

    if (fp == NULL) {
        err_set(e, ERR_CONFIG, _("cannot read the template '%s': %s"), path, strerror(errno));
        return NULL;
    }
    while ((got = fread(buf, 1, sizeof(buf), fp)) > 0 && sb.len <= TEMPLATE_MAX) {
        sbuf_add(&sb, buf, got);
    }
    fclose(fp);
    if (sb.len > TEMPLATE_MAX || (sb.len > 0 && memchr(sb.buf, '\0', sb.len) != NULL)) {
        sbuf_release(&sb);
        err_set(e, ERR_CONFIG, _("the template '%s' is too long or not UTF-8 text"), path);
        return NULL;
    }
    sbuf_adds(&sb, "");
    return sbuf_detach(&sb);
}

int
assess_load(const char *path, const char *const *sources,
            struct assess_template *t, struct err *e)
{
    char *text = read_text(path, e);
    int rc;

    memset(t, 0, sizeof(*t));
    if (text == NULL) {
        return -1;
    }
    rc = assess_parse(path, text, sources, t, e);
    free(text);
    return rc;
}

int
assess_kept(const char *template_id, const char *text, struct assess_template *t,
            struct err *e)
{
    char name[96];

    snprintf(name, sizeof(name), "%s.conf", template_id);
    return assess_parse(name, text != NULL ? text : "", assess_sources, t, e);
}

static int
by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
template_free(void *t)
{
    assess_template_free(t);
}

void
assess_templates_free(struct assess_template *v, size_t n)
{
    free_each(v, n, sizeof(*v), template_free);
}

/* The templates of DIR into *V, *N; ALL: refuse all at the first one
 * refused, else keep the others (E says why the first was refused). */
static int
load_dir(const char *dir, const char *const *sources, int all,
         struct assess_template **v, size_t *n, struct err *e)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    char **names = NULL;
    size_t nn = 0, alloc = 0, i;
    int rc = 0;
    struct err e2;

    *v = NULL;
    *n = 0;
    if (d == NULL) {
        return errno == ENOENT ? 0 : err_set(e, ERR_CONFIG, _("cannot read the directory '%s': %s"),
                                             dir, strerror(errno));
    }
    while ((de = readdir(d)) != NULL) {
        size_t len = strlen(de->d_name);

        if (len > 5 && strcmp(de->d_name + len - 5, ".conf") == 0 && de->d_name[0] != '.') {
            if (nn == alloc) {
                alloc = alloc ? alloc * 2 : 8;
                names = xrealloc(names, alloc * sizeof(*names));
            }
            names[nn++] = xstrdup(de->d_name);
        }
    }
    closedir(d);
    qsort(names, nn, sizeof(*names), by_name);
    *v = xcalloc(nn + 1, sizeof(**v));
    for (i = 0; i < nn; i++) {
        char *p = path_join(dir, names[i]);

        if (all && rc != 0) {
            /* refused already */
        } else if (assess_load(p, sources, &(*v)[*n], rc != 0 ? &e2 : e) == 0) {
            (*n)++;
        } else {
            rc = -1;
        }
        free(p);
        free(names[i]);
    }
    free(names);
    if (rc != 0 && all) {
        assess_templates_free(*v, *n);
        *v = NULL;
        *n = 0;
    }
    return rc;
}

int
assess_load_dir(const char *dir, const char *const *sources,
                struct assess_template **v, size_t *n, struct err *e)
{
    return load_dir(dir, sources, 1, v, n, e);
}

int
assess_load_good(const char *dir, const char *const *sources,
                 struct assess_template **v, size_t *n, struct err *e)
{
    return load_dir(dir, sources, 0, v, n, e);
}
