/*
 * audit_text.c - labels for the names stored in the audit log.
 */
#include "config.h"
#include "core/audit_text.h"

#include <string.h>

#include "core/codes.h"
#include "core/mcase.h"
#include "util/i18n.h"
#include "util/sbuf.h"

struct name_label {
    const char *name;
    const char *label;            /* N_() */
};

static const struct name_label ops[] = {
    {"insert", N_("added")},
    {"update", N_("changed")},
    {"delete", N_("deleted")},
    {"step", N_("procedure step")},
    {"reveal", N_("viewed ID numbers")},
    {"bulk", N_("bulk load")},
    {"export", N_("export")},
    {NULL, NULL},
};

static const struct name_label tables[] = {
    {"household", N_("household")},
    {"person", N_("member")},
    {"income", N_("income")},
    {"guarantee", N_("guarantees")},
    {"measure", N_("measure")},
    {"visit", N_("visit")},
    {"cadre", N_("cadre")},
    {"household_cadre", N_("responsible cadre")},
    {"monitor_case", N_("monitoring case")},
    {"staff", N_("account")},
    {"division", N_("division")},
    {"database", N_("database")},
    {NULL, NULL},
};

static const struct name_label fields[] = {
    {"state", N_("state")},
    {"category", N_("category")},
    {"channel", N_("channel")},
    {"clue_date", N_("clue date")},
    {"identified_on", N_("identified on")},
    {"eliminated_on", N_("eliminated on")},
    {"elim_method", N_("elimination method")},
    {"deadline", N_("deadline")},
    {"risks", N_("risks")},
    {"id_no", N_("ID number")},
    {"name", N_("name")},
    {"role", N_("role")},
    {"scope_id", N_("scope")},
    {"active", N_("active")},
    {"login", N_("login")},
    {NULL, NULL},
};

/* Fields whose values are codes of a code table (field = table id). */
static const char *const coded[] = {"category", "channel", "elim_method", NULL};

static const char *
lookup(const struct name_label *t, const char *name)
{
    for (; name != NULL && t->name != NULL; t++) {
        if (strcmp(t->name, name) == 0) {
            return _(t->label);
        }
    }
    return name != NULL ? name : "";
}

const char *
audit_op_label(const char *op)
{
    return lookup(ops, op);
}

const char *
audit_table_label(const char *tbl)
{
    return lookup(tables, tbl);
}

const char *
audit_field_label(const char *op, const char *tbl, const char *field)
{
    enum case_action a;

    (void)tbl;
    if (op != NULL && strcmp(op, "step") == 0 && field != NULL &&
        case_action_parse(field, &a) == 0) {
        return case_action_label(a);
    }
    return lookup(fields, field);
}

static int
is(const char *s, const char *want)
{
    return s != NULL && strcmp(s, want) == 0;
}

/* "01,03" -> "label of 01, label of 03" */
static void
code_list(const struct codebook *cb, const char *id, const char *value,
          struct sbuf *out)
{
    const char *p = value;

    while (*p != '\0') {
        size_t n = strcspn(p, ",");
        char code[32];

        if (n < sizeof(code)) {
            memcpy(code, p, n);
            code[n] = '\0';
            sbuf_adds(out, code_label(cb, id, code));
        } else {
            sbuf_add(out, p, n);
        }
        p += n;
        if (*p == ',') {
            sbuf_adds(out, _(", "));
            p++;
        }
    }
}

void
audit_value_text(const struct codebook *cb, const char *op, const char *tbl,
                 const char *field, const char *value, struct sbuf *out)
{
    enum case_state s;
    size_t i;

    if (value == NULL) {
        return;
    }
    if ((is(field, "state") || is(op, "step") ||
         (is(op, "insert") && is(tbl, "monitor_case"))) &&
        case_state_parse(value, &s) == 0) {
        sbuf_adds(out, case_state_label(s));
        return;
    }
    if (cb != NULL && is(field, "risks")) {
        code_list(cb, "risk", value, out);
        return;
    }
    if (cb != NULL && is(op, "insert") && is(tbl, "measure")) {
        sbuf_adds(out, code_label(cb, "measure_category", value));
        return;
    }
    for (i = 0; cb != NULL && coded[i] != NULL; i++) {
        if (is(field, coded[i])) {
            sbuf_adds(out, code_label(cb, coded[i], value));
            return;
        }
    }
    sbuf_adds(out, value);
}
