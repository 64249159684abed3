/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * exchange_load.c - a sheet layout's libconfig file -> struct xlayout
 * (the format is in exchange_load.h and share/exchange/national.conf).
 */
#include "config.h"
#include "cfg/exchange_load.h"
#include "cfg/cfg_file.h"

#include <libconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/codes.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* The fields every row must be able to give. */
static const enum xfield needed[] = {
    XF_COUNTY, XF_TOWNSHIP, XF_VILLAGE, XF_HH_NO, XF_NAME, XF_ID_NO,
    XF_RELATION, XF_HH_TYPE,
};

static int
load_kind(const struct pfile *f, config_setting_t *g, const struct codebook *cb,
          struct xcol *c, struct err *e)
{
    char *kind = NULL;
    int rc = pfile_str(f, g, "kind", 1, &kind, e);
    int lo = 0, hi = 0;

    if (rc == 0 && xkind_parse(kind, &c->spec.type) != 0) {
        rc = pfile_bad(f, g, e, _("'kind' must be text, name, idno, phone, code, "
                                  "month, date, amount, int or yesno"));
    }
    free(kind);
    if (rc == 0 && c->spec.type == FT_CODE &&
        (pfile_str(f, g, "codes", 1, &c->table, e) ||
         (codebook_table(cb, c->table) == NULL &&
          pfile_bad(f, g, e, _("'codes' names no code table of codes.conf"))))) {
        return -1;
    }
    if (rc == 0 && c->spec.type == FT_INT &&
        (pfile_int(f, g, "min", -2000000000, 2000000000, &lo, e) ||
         pfile_int(f, g, "max", lo, 2000000000, &hi, e))) {
        return -1;
    }
    c->spec.min = lo;
    c->spec.max = hi;
    return rc;
}

static int
load_col(const struct pfile *f, config_setting_t *g, const struct codebook *cb,
         struct xcol *c, struct err *e)
{
    static const char *const known[] = {"label", "alias", "field", "kind", "required",
                                        "codes", "min", "max", NULL};
    char *field = NULL;
    int req = 0, rc;

    pfile_unknown(f, g, known, NULL);
    rc = pfile_str(f, g, "label", 1, &c->label, e) ||
                 pfile_str(f, g, "field", 1, &field, e)
             ? -1 : 0;
    if (rc == 0 && (c->label[0] == '\0' || xfield_parse(field, &c->field) != 0)) {
        rc = pfile_bad(f, g, e, c->label[0] == '\0'
                                    ? _("'label' may not be empty")
                                    : _("'field' names no field of the exchange"));
    }
    free(field);
    if (rc == 0) {
        rc = load_kind(f, g, cb, c, e);
    }
    if (rc == 0) {
        rc = pfile_str(f, g, "alias", 0, &c->alias, e);
    }
    if (c->table == NULL) {
        c->table = xstrdup("");
    }
    if (c->alias == NULL) {
        c->alias = xstrdup("");
    }
    config_setting_lookup_bool(g, "required", &req);
    c->spec.name = xfield_name(c->field);
    c->spec.label = c->label;
    c->spec.table = c->table[0] != '\0' ? c->table : NULL;
    c->spec.flags = req ? FF_REQUIRED : 0;
    c->spec.max_chars = xfield_max_chars(c->field);
    return rc;
}

/* No field (but "none") and no label twice. */
static int
check_twice(const struct pfile *f, config_setting_t *list, const struct xlayout *l,
            struct err *e)
{
    size_t i, j;

    for (i = 0; i < l->n; i++) {
        for (j = 0; j < i; j++) {
            if (strcmp(l->v[i].label, l->v[j].label) == 0 ||
                (l->v[i].alias[0] != '\0' && (strcmp(l->v[i].alias, l->v[j].label) == 0 ||
                                              strcmp(l->v[i].alias, l->v[j].alias) == 0)) ||
                (l->v[j].alias[0] != '\0' && strcmp(l->v[j].alias, l->v[i].label) == 0) ||
                (l->v[i].field != XF_NONE && l->v[i].field == l->v[j].field)) {
                return pfile_bad(f, config_setting_get_elem(list, (unsigned)i), e,
                                 _("a column repeats the label or field of another"));
            }
        }
    }
    for (i = 0; i < ARRAY_SIZE(needed); i++) {
        if (xlayout_col(l, needed[i]) == NULL) {
            return pfile_bad(f, list, e, _("the layout lacks a field every row needs"));
        }
    }
    return 0;
}

/* The label of code table TABLE at root member NAME into *CODE. */
static int
load_code(const struct pfile *f, const struct codebook *cb, const char *name,
          const char *table, char **code, struct err *e)
{
    config_setting_t *root = config_root_setting(&f->cfg);
    const struct code *c;
    char *label = NULL;
    int rc = pfile_str(f, root, name, 1, &label, e);

    if (rc == 0) {
        c = code_find_label(codebook_table(cb, table), label);
        rc = c == NULL ? pfile_bad(f, config_setting_get_member(root, name), e,
                                   _("the label is not one of its code table"))
                       : 0;
        *code = xstrdup(c != NULL ? c->code : "");
    }
    free(label);
    return rc;
}

static int
load_layout(const struct pfile *f, const struct codebook *cb, struct xlayout *l,
            struct err *e)
{
    static const char *const known[] = {"columns", "case_channel", "case_elim_method",
                                        NULL};
    config_setting_t *list = pfile_list(f, "columns", e);
    int i, n, rc = 0;

    pfile_unknown(f, NULL, known, NULL);
    if (list == NULL) {
        return -1;
    }
    n = config_setting_length(list);
    l->v = xcalloc((size_t)n + 1, sizeof(*l->v));
    for (i = 0; rc == 0 && i < n; i++) {
        rc = load_col(f, config_setting_get_elem(list, (unsigned)i), cb, &l->v[i], e);
        l->n++;
    }
    if (rc == 0) {
        rc = check_twice(f, list, l, e) ||
                     load_code(f, cb, "case_channel", "channel", &l->channel, e) ||
                     load_code(f, cb, "case_elim_method", "elim_method", &l->elim_method,
                               e)
                 ? -1 : 0;
    }
    if (rc != 0) {
        xlayout_free(l);
    }
    return rc;
}

int
exchange_load(const char *datadir, const char *name, const struct codebook *cb,
              struct xlayout *l, struct err *e)
{
    struct pfile f;
    char path[4096];
    int rc;

    memset(&f, 0, sizeof(f));
    memset(l, 0, sizeof(*l));
    snprintf(path, sizeof(path), "%s/exchange/%s.conf", datadir, name);
    if (pfile_open(&f, path, 1, e) != 1) {
        return -1;
    }
    rc = load_layout(&f, cb, l, e);
    config_destroy(&f.cfg);
    return rc;
}

int
exchange_parse(const char *file, const char *text, const struct codebook *cb,
               struct xlayout *l, struct err *e)
{
    struct pfile f;
    int rc;

    memset(&f, 0, sizeof(f));
    memset(l, 0, sizeof(*l));
    if (pfile_open_text(&f, file, text, e) != 1) {
        return -1;
    }
    rc = load_layout(&f, cb, l, e);
    config_destroy(&f.cfg);
    return rc;
}
