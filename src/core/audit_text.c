/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * audit_text.c - labels for the names stored in the audit log.
 */
#include "config.h"
#include "core/audit_text.h"
#include "core/doc.h"

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
    {"print", N_("printed")},
    {"bulk", N_("bulk load")},
    {"export", N_("export")},
    {"undelivered", N_("not delivered")},
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
    {"fund", N_("fund receipt")},
    {"project", N_("project")},
    {"project_household", N_("project beneficiary")},
    {"allocation", N_("allocation")},
    {"payment", N_("payment")},
    {"asset", N_("asset")},
    {"asset_income", N_("asset income")},
    {"partner", N_("partner")},
    {"pairing", N_("pairing")},
    {"agreement", N_("agreement")},
    {"agreement_target", N_("agreement target")},
    {"pair_record", N_("assistance record")},
    {"team", N_("resident team")},
    {"team_member", N_("team member")},
    {"attendance", N_("attendance")},
    {"team_grade", N_("yearly grade")},
    {NULL, NULL},
};

/* A field of a table (NULL: any table) with its label and, for codes,
 * the code table its values come from ("" for yes/no flags). */
struct field_label {
    const char *tbl;
    const char *name;
    const char *label;            /* N_() */
    const char *codes;            /* code table, "" for a flag, NULL */
};

static const struct field_label fields[] = {
    {"fund", "year", N_("Budget year"), NULL},
    {"fund", "level", N_("Fund level"), "fund_level"},
    {"fund", "fund_type", N_("Fund type"), "fund_type"},
    {"fund", "task_line", N_("Task line"), "task_line"},
    {"fund", "batch", N_("Batch"), NULL},
    {"fund", "doc_no", N_("Document number"), NULL},
    {"fund", "amount", N_("Amount (yuan)"), NULL},
    {"fund", "received_on", N_("Date received"), NULL},
    {"fund", "workrelief_batch", N_("Designated 以工代赈 batch"), NULL},
    {"project", "name", N_("Project name"), NULL},
    {"project", "ptype", N_("Project type"), "project_type"},
    {"project", "proposer", N_("Proposed by"), "proposer_level"},
    {"project", "budget", N_("Planned investment (yuan)"), NULL},
    {"project", "self_funds", N_("Own and other funds (yuan)"), NULL},
    {"project", "linking", N_("Farmer-linking mechanism"), NULL},
    {"project", "targets", N_("Performance targets"), NULL},
    {"project", "targets_published_on", N_("Targets published on"), NULL},
    {"project", "hh_benefit", N_("Households benefiting"), NULL},
    {"project", "persons_benefit", N_("Persons benefiting"), NULL},
    {"allocation", "amount", N_("Amount (yuan)"), NULL},
    {"allocation", "alloc_date", N_("Allocation date"), NULL},
    {"allocation", "published_on", N_("Result published on"), NULL},
    {"payment", "amount", N_("Amount (yuan)"), NULL},
    {"payment", "pay_date", N_("Payment date"), NULL},
    {"payment", "payee", N_("Payee"), NULL},
    {"payment", "voucher_no", N_("Voucher number"), NULL},
    {"payment", "is_wage", N_("Labour remuneration"), ""},
    {"asset", "name", N_("Asset name"), NULL},
    {"asset", "aclass", N_("Asset class"), "asset_class"},
    {"asset", "atype", N_("Asset type"), "asset_type"},
    {"asset", "owner_level", N_("Owned at"), "owner_level"},
    {"asset", "op_mode", N_("Operation mode"), "op_mode"},
    {"asset", "maintainer", N_("Maintainer"), NULL},
    {"asset", "status", N_("Status"), "asset_status"},
    {"asset", "disposal", N_("Disposal method"), "disposal"},
    {"asset", "value", N_("Value by fund source"), NULL},
    {"asset", "sources", N_("Fund source"), NULL},
    {"asset_income", "income", N_("Income (yuan)"), NULL},
    {"asset_income", "to_households", N_("Paid to households (yuan)"), NULL},
    {"partner", "kind", N_("Kind of assistance"), "partner_kind"},
    {"partner", "level", N_("Partner's level"), "partner_level"},
    {"agreement_target", "indicator", N_("Indicator"), "pair_indicator"},
    {"pair_record", "indicator", N_("Indicator"), "pair_indicator"},
    {"team_member", "role", N_("Role in the team"), "team_role"},
    {"team_member", "unit_level", N_("Level of the sending unit"), "unit_level"},
    {"team_member", "end_reason", N_("Reason for leaving"), "member_end"},
    {"attendance", "present", N_("Days in the village"), NULL},
    {"attendance", "leave", N_("Days on leave"), NULL},
    {"attendance", "absent", N_("Days absent without leave"), NULL},
    {"attendance", "approver_level", N_("Leave approved by"), "leave_approver"},
    {"team_grade", "grade", N_("Grade"), "team_grade"},
    {"monitor_case", "state", N_("state"), NULL},
    {"monitor_case", "category", N_("category"), "category"},
    {"monitor_case", "channel", N_("channel"), "channel"},
    {"monitor_case", "clue_date", N_("clue date"), NULL},
    {"monitor_case", "identified_on", N_("identified on"), NULL},
    {"monitor_case", "eliminated_on", N_("eliminated on"), NULL},
    {"monitor_case", "elim_method", N_("elimination method"), "elim_method"},
    {"monitor_case", "deadline", N_("deadline"), NULL},
    {"monitor_case", "risks", N_("risks"), NULL},
    {"household", "hh_no", N_("Household number"), NULL},
    {"household", "township_id", N_("township"), NULL},
    {"household", "village_id", N_("Village"), NULL},
    {"household", "hh_type", N_("Household type"), "hh_type"},
    {"household", "address", N_("Address"), NULL},
    {"household", "relocated", N_("Relocated for poverty alleviation"), ""},
    {"household", "relocation_site", N_("Relocation site"), NULL},
    {"household", "military", N_("Military or martyr family"), ""},
    {"household", "no_labour_support", N_("Whole household without labour"), ""},
    {"household", "house_grade", N_("Dangerous-house grade"), "house_grade"},
    {"household", "first_identified", N_("First identified"), NULL},
    {"household", "water", N_("Drinking water secured"), "water"},
    {"person", "person_no", N_("person number"), NULL},
    {"person", "sex", N_("Sex"), "sex"},
    {"person", "id_type", N_("ID type"), "id_type"},
    {"person", "birth_date", N_("Birth date"), NULL},
    {"person", "relation", N_("Relation to head"), "relation"},
    {"person", "ethnicity", N_("Ethnicity"), "ethnicity"},
    {"person", "political", N_("Political status"), "political"},
    {"person", "education", N_("Education"), "education"},
    {"person", "schooling", N_("Schooling"), "schooling"},
    {"person", "health", N_("Health"), "health"},
    {"person", "labour", N_("Labour ability"), "labour"},
    {"person", "work_place", N_("Place of work"), NULL},
    {"person", "work_months", N_("Months worked"), NULL},
    {"person", "ins_medical", N_("Basic medical insurance"), ""},
    {"person", "ins_serious", N_("Serious illness insurance"), ""},
    {"person", "medical_aid", N_("Medical aid"), ""},
    {"person", "ins_pension", N_("Basic pension insurance"), ""},
    {"person", "dibao", N_("Minimum living allowance"), ""},
    {"person", "tekun", N_("Destitute support"), ""},
    {"person", "public_job", N_("Public-welfare job"), "public_job"},
    {"person", "identified", N_("Identified (person)"), NULL},
    {"person", "in_household", N_("in the household"), ""},
    {"person", "left_reason", N_("Reason"), NULL},
    {"person", "left_on", N_("left on"), NULL},
    {"income", "year", N_("Year"), NULL},
    {"income", "wage", N_("Wage income"), NULL},
    {"income", "business", N_("Production income"), NULL},
    {"income", "property", N_("Property income"), NULL},
    {"income", "transfer", N_("Transfer income"), NULL},
    {"income", "business_cost", N_("Production costs"), NULL},
    {"income", "claims", N_("Insurance payouts"), NULL},
    {"income", "oop_rigid", N_("Out-of-pocket rigid spending"), NULL},
    {"income", "unsplit", N_("Income not split by kind"), NULL},
    {"income", "members", N_("Household size"), NULL},
    {"income", "net", N_("Net income"), NULL},
    {"income", "per_capita", N_("Per-capita net income"), NULL},
    {"income", "line_fen", N_("Monitoring line"), NULL},
    {"income", "line_year", N_("year of the line"), NULL},
    {"guarantee", "year", N_("Year"), NULL},
    {"guarantee", "checked_on", N_("Checked on"), NULL},
    {"guarantee", "food_clothing", N_("Food and clothing secured"), ""},
    {"guarantee", "education", N_("Compulsory education secured"), ""},
    {"guarantee", "medical", N_("Basic medical care secured"), ""},
    {"guarantee", "housing", N_("Housing safe"), ""},
    {"guarantee", "water", N_("Drinking water safe"), ""},
    {"measure", "case_id", N_("monitoring case"), NULL},
    {"measure", "year", N_("Year"), NULL},
    {"measure", "category", N_("Measure category"), "measure_category"},
    {"measure", "item", N_("Measure item"), "measure_item"},
    {"measure", "start_date", N_("Start date"), NULL},
    {"measure", "end_date", N_("End date"), NULL},
    {"measure", "project_id", N_("Project number"), NULL},
    {"visit", "visit_date", N_("Visit date"), NULL},
    {"visit", "visitor", N_("Visitor"), NULL},
    {"visit", "visitor_role", N_("Visitor's role"), "visitor_role"},
    {"visit", "findings", N_("Findings"), NULL},
    {"visit", "new_risk", N_("New risk found"), ""},
    {"visit", "next_visit", N_("Next visit"), NULL},
    {"staff", "active", N_("active"), ""},
    {"staff", "role", N_("role"), NULL},
    {"staff", "scope_id", N_("scope"), NULL},
    {NULL, "id_no", N_("ID number"), NULL},
    {NULL, "name", N_("name"), NULL},
    {NULL, "phone", N_("Phone"), NULL},
    {NULL, "login", N_("login"), NULL},
    {NULL, NULL, NULL, NULL},
};

static const struct field_label *
field_of(const char *tbl, const char *name)
{
    const struct field_label *f;

    for (f = fields; name != NULL && f->name != NULL; f++) {
        if (strcmp(f->name, name) == 0 &&
            (f->tbl == NULL || (tbl != NULL && strcmp(f->tbl, tbl) == 0))) {
            return f;
        }
    }
    return NULL;
}

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

    const struct field_label *f;

    enum print_kind k;

    if (op != NULL && strcmp(op, "step") == 0 && field != NULL &&
        case_action_parse(field, &a) == 0) {
        return case_action_label(a);
    }
    if (op != NULL && strcmp(op, "print") == 0 && field != NULL &&
        print_kind_parse(field, &k) == 0) {
        return print_kind_label(k);
    }
    f = field_of(tbl, field);
    return f != NULL ? _(f->label) : field != NULL ? field : "";
}

static int
is(const char *s, const char *want)
{
    return s != NULL && strcmp(s, want) == 0;
}

/* Where a print went: "printer:NAME:COPIES" or "file:PATH" (print.c). */
static void
print_place(const char *value, struct sbuf *out)
{
    const char *name, *copies;

    if (strcmp(value, "stdout") == 0) {
        sbuf_adds(out, _("to standard output"));
    } else if (strncmp(value, "file:", 5) == 0) {
        sbuf_addf(out, _("to the file %s"), value + 5);
    } else if (strncmp(value, "printer:", 8) == 0 &&
               (copies = strrchr(value + 8, ':')) != NULL) {
        name = value + 8;
        if (copies == name) {
            sbuf_addf(out, _("on the default printer, %s copies"), copies + 1);
        } else {
            sbuf_addf(out, _("on the printer %.*s, %s copies"),
                      (int)(copies - name), name, copies + 1);
        }
    } else {
        sbuf_adds(out, value);
    }
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
    const struct field_label *f = field_of(tbl, field);
    enum case_state s;

    if (value == NULL) {
        return;
    }
    if (is(op, "print")) {
        print_place(value, out);
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
    if (f != NULL && f->codes != NULL && f->codes[0] == '\0' &&
        (is(value, "0") || is(value, "1"))) {
        sbuf_adds(out, is(value, "1") ? _("yes") : _("no"));
        return;
    }
    if (cb != NULL && f != NULL && f->codes != NULL && f->codes[0] != '\0') {
        sbuf_adds(out, code_label(cb, f->codes, value));
        return;
    }
    sbuf_adds(out, value);
}
