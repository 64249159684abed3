/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * f_member.c - a household member: add or edit one, and remove one (a
 * member leaves the household with a reason and a date; the record stays).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/date.h"
#include "core/household.h"
#include "core/idno.h"
#include "db/db_household.h"
#include "tui/f_common.h"
#include "tui/form.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"

static const struct field_spec m_sex = {
    .name = "sex", .label = N_("Sex"), .type = FT_CODE, .table = "sex",
    .help = N_("男 or 女 (filled from the ID number).")};
static const struct field_spec m_birth = {
    .name = "birth", .label = N_("Birth date"), .type = FT_DATE,
    .help = N_("For example 1968-04-09 (filled from the ID number).")};

const struct bind member_binds[] = {
    FIELD(struct person, name, .label = N_("Name"), .type = FT_NAME,
          .flags = FF_REQUIRED,
          .help = N_("The member's name as on the ID card: Chinese characters (and the dot of minority names).")),
    FIELD(struct person, id_type, .label = N_("ID type"), .type = FT_CODE,
          .table = "id_type",
          .help = N_("Usually the resident ID card.  F4 shows the list.")),
    FIELD(struct person, id_no, .label = N_("ID number"), .type = FT_IDNO,
          .flags = FF_AUTOSKIP, .max_chars = 18,
          .help = N_("18 characters, the last may be X; sex and birth date are filled from it.")),
    BIND(m_sex, struct person, sex, BR_BOTH),
    BIND(m_birth, struct person, birth, BR_BOTH),
    FIELD(struct person, relation, .label = N_("Relation to head"), .type = FT_CODE,
          .flags = FF_REQUIRED, .table = "relation",
          .help = N_("户主 for the head of the household.  F4 shows the list.")),
    FIELD(struct person, ethnicity, .label = N_("Ethnicity"), .type = FT_CODE,
          .table = "ethnicity", .help = N_("F4 shows the list.")),
    FIELD_AS("political", BR_FULL, struct person, political, .label = N_("Political status"),
             .type = FT_CODE, .table = "political", .help = N_("F4 shows the list.")),
    FIELD(struct person, education, .label = N_("Education"), .type = FT_CODE,
          .table = "education", .help = N_("F4 shows the list.")),
    FIELD(struct person, schooling, .label = N_("Schooling"), .type = FT_CODE,
          .table = "schooling",
          .help = N_("Whether the member is at school now, and at which level.")),
    FIELD(struct person, health, .label = N_("Health"), .type = FT_CODE,
          .table = "health", .help = N_("F4 shows the list.")),
    FIELD(struct person, labour, .label = N_("Labour ability"), .type = FT_CODE,
          .table = "labour",
          .help = N_("Decides whether the household must get a development measure.")),
    FIELD_AS("work_place", BR_FULL, struct person, work_place, .label = N_("Place of work"),
             .type = FT_TEXT, .max_chars = 50,
             .help = N_("Where the member works as a migrant worker, if anywhere.")),
    FIELD_AS("work_months", BR_FULL, struct person, work_months, .label = N_("Months worked"),
             .type = FT_INT, .max = 12,
             .help = N_("Months of work in the last 12 months, 0 to 12.")),
    FIELD(struct person, ins_medical, .label = N_("Basic medical insurance"),
          .type = FT_YESNO,
          .help = N_("是 or 否: insured in the basic medical insurance.")),
    FIELD_AS("ins_serious", BR_FULL, struct person, ins_serious, .label = N_("Serious illness insurance"),
             .type = FT_YESNO, .help = N_("是 or 否.")),
    FIELD_AS("medical_aid", BR_FULL, struct person, medical_aid, .label = N_("Medical aid"),
             .type = FT_YESNO, .help = N_("是 or 否.")),
    FIELD_AS("ins_pension", BR_FULL, struct person, ins_pension, .label = N_("Basic pension insurance"),
             .type = FT_YESNO, .help = N_("是 or 否.")),
    FIELD_AS("dibao", BR_FULL, struct person, dibao, .label = N_("Minimum living allowance"),
             .type = FT_YESNO, .help = N_("是 or 否: receives 低保.")),
    FIELD_AS("tekun", BR_FULL, struct person, tekun, .label = N_("Destitute support"),
             .type = FT_YESNO, .help = N_("是 or 否: receives 特困供养.")),
    FIELD_AS("public_job", BR_FULL, struct person, public_job, .label = N_("Public-welfare job"),
             .type = FT_CODE, .table = "public_job",
             .help = N_("Empty when the member has none.  F4 shows the list.")),
    BIND(form_phone, struct person, phone, BR_BOTH),
    FIELD_AS("identified", BR_FULL, struct person, identified,
             .label = N_("Identified (person)"), .type = FT_MONTH,
             .help = N_("人员识别时间: the month the member was identified, as the national system has it.")),
};
const size_t member_nbinds = ARRAY_SIZE(member_binds);

/* The sex and the birth date the ID number TEXT gives (left empty when
 * it gives none). */
static void
id_gives(struct form *fm, size_t i, const char *text, struct field_value *sex,
         struct field_value *birth)
{
    struct field_value v;
    struct idno id;

    memset(&v, 0, sizeof(v));
    form_parse(fm, i, text, &v);
    if (!v.empty && idno_parse(v.s, app_today(), &id) == IDNO_OK) {
        if (id.sex != SEX_UNKNOWN) {
            field_value_str(sex, id.sex == SEX_MALE ? "1" : "2");
        }
        field_value_num(birth, id.birth);
    }
    field_value_clear(&v);
}

void
member_fill_from_id(struct form *fm, const char *group)
{
    struct field_value was_sex, was_birth, sex, birth;
    struct sbuf now = SBUF_INIT;
    int k = wform_find(&fm->w, group, "id_no");

    if (k < 0) {
        return;
    }
    memset(&was_sex, 0, sizeof(was_sex));
    was_sex.empty = 1;
    was_birth = birth = sex = was_sex;
    wform_text(&fm->w, (size_t)k, &now);
    id_gives(fm, (size_t)k, wform_entered(&fm->w, (size_t)k), &was_sex, &was_birth);
    id_gives(fm, (size_t)k, now.buf, &sex, &birth);
    form_follow(fm, group, "sex", &was_sex, &sex, 1);
    form_follow(fm, group, "birth", &was_birth, &birth, 1);
    field_value_clear(&was_sex);
    field_value_clear(&was_birth);
    field_value_clear(&sex);
    field_value_clear(&birth);
    sbuf_release(&now);
}

/* --- add or edit a member ------------------------------------------------------- */

/* A new member is in the household, identified by a resident ID card. */
static void
person_defaults(struct form *fm, void *rec)
{
    struct person *p = rec;

    (void)fm;
    p->birth = DATE_NONE;
    p->in_household = 1;
    snprintf(p->id_type, sizeof(p->id_type), "1");
}

static void
member_left(struct form *fm, size_t i)
{
    const struct form_item *it = &fm->w.items[i];

    if (it->spec != NULL && strcmp(it->spec->name, "id_no") == 0) {
        member_fill_from_id(fm, it->group);
    }
}

FORM_RECORD_IO(person_io, member_binds, struct person, form_rec_nothing,
               form_rec_nothing, db_person_get, db_person_save);

const struct form_kind member_form = {
    .id = "member",
    .rec = {
        .io = &person_io,
        .flags = FR_STORED,
        .title = {N_("Member %s"), {"name"}},
        .title_new = {N_("New member")},
        .done = {N_("Member %s saved."), {"name"}},
        .fresh = {.hh = offsetof(struct person, household_id)},
        .defaults = person_defaults,
    },
    .left = member_left,
};

/* --- a member leaves the household -------------------------------------------------- */

static const struct field_spec r_name = {
    .name = "name", .label = N_("Member"), .type = FT_TEXT, .flags = FF_READONLY,
    .max_chars = 30};
static const struct field_spec r_reason = {
    .name = "reason", .label = N_("Reason"), .type = FT_TEXT, .flags = FF_REQUIRED,
    .max_chars = 100,
    .help = N_("Why the member leaves: died, married out, moved to town, ...")};
static const struct field_spec r_date = {
    .name = "date", .label = N_("Date"), .type = FT_DATE, .flags = FF_REQUIRED,
    .help = N_("When the member left, for example 2026-10-01.")};

static int
remove_open(struct form *fm, struct err *e)
{
    struct person p;

    if (db_person_get(fm->app->db, fm->id, &p, e) != 0) {
        return -1;
    }
    fm->hh = p.household_id;
    fm->version = p.version;
    snprintf(fm->title, sizeof(fm->title), _("Member %s leaves the household"), p.name);
    form_add_str(fm, &r_name, "", p.name);
    form_add_str(fm, &r_reason, "", "");
    form_add_num(fm, &r_date, "", app_today(), 0);
    return 0;
}

static int
remove_save(struct form *fm, struct err *e)
{
    struct rule_ctx ctx = form_rule_ctx(fm);
    char reason[256];

    form_str(fm, "", "reason", reason, sizeof(reason));
    if (db_person_remove(fm->app->db, &ctx, form_actor(fm), fm->id, fm->version, reason,
                         (int)form_num(fm, "", "date", app_today()), e) != 0) {
        return -1;
    }
    snprintf(fm->done, sizeof(fm->done), "%s", _("The member no longer counts in the household; the record is kept."));
    fm->saved_hh = fm->hh;
    return 0;
}

const struct form_kind member_remove_form = {
    .id = "member-remove",
    .open = remove_open,
    .save = remove_save,
};
