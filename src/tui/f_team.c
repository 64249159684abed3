/*
 * f_team.c - the forms of the resident work teams (驻村工作队): a team of
 * a village for a term, a member (fm->arg is the team of a new one), a
 * member's month of attendance and a member's yearly grade (fm->arg is
 * the member of a new one, 0 to choose).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/date.h"
#include "core/pair.h"
#include "db/db_pair.h"
#include "tui/f_common.h"
#include "tui/form.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

static const struct field_spec f_note = {
    .name = "note", .label = N_("Note"), .type = FT_LONGTEXT, .max_chars = 1000};

/* The teams the user sees, read for choices; the caller frees *V. */
static int
teams_read(struct form *fm, struct team_row **v, size_t *n, struct err *e)
{
    struct rule_ctx ctx = form_rule_ctx(fm);
    struct pair_filter flt;

    pair_filter_init(&flt);
    return db_team_list(fm->app->db, &ctx, form_actor(fm), &flt, v, n, e);
}

static void
id_code(int64_t id, char code[24])
{
    snprintf(code, 24, "%lld", (long long)id);
}

/* The teams, as choices. */
static int
team_choices(struct form *fm, struct err *e)
{
    struct team_row *v;
    struct code_table t;
    size_t n, i, alloc = 0;

    if (teams_read(fm, &v, &n, e) != 0) {
        return -1;
    }
    memset(&t, 0, sizeof(t));
    for (i = 0; i < n; i++) {
        char code[24], label[PLACE_BUF + PAIR_NAME_BUF + 4];

        id_code(v[i].t.id, code);
        snprintf(label, sizeof(label), "%s %s", v[i].place, v[i].t.name);
        form_table_add(&t, &alloc, code, label);
    }
    free(v);
    form_own_table(fm, &t, "team", _("Team"));
    return 0;
}

/* The members of the teams, as choices ("桥凰村 张三 (第一书记)"). */
static int
member_choices(struct form *fm, struct err *e)
{
    const struct codebook *cb = &fm->app->policy.codes;
    struct team_row *v;
    struct code_table t;
    size_t n, i, k, alloc = 0;
    int rc;

    if (teams_read(fm, &v, &n, e) != 0) {
        return -1;
    }
    memset(&t, 0, sizeof(t));
    for (i = 0, rc = 0; i < n && rc == 0; i++) {
        struct team_member *m;
        size_t nm;

        rc = db_member_list(fm->app->db, v[i].t.id, &m, &nm, e);
        for (k = 0; rc == 0 && k < nm; k++) {
            char code[24], label[PLACE_BUF + PAIR_PERSON_BUF + 40];

            id_code(m[k].id, code);
            snprintf(label, sizeof(label), "%s %s (%s)", v[i].place, m[k].name,
                     code_short(cb, "team_role", m[k].role));
            form_table_add(&t, &alloc, code, label);
        }
        for (k = 0; rc == 0 && k < nm; k++) {
            team_member_clear(&m[k]);
        }
        if (rc == 0) {
            free(m);
        }
    }
    free(v);
    form_own_table(fm, &t, "member", _("Member"));
    return rc;
}

/* --- teams --------------------------------------------------------------------- */

static const struct field_spec t_village = {
    .name = "village", .label = N_("Township and village"), .type = FT_CODE,
    .flags = FF_REQUIRED, .table = "village",
    .help = N_("The village the team is stationed in.  F4 shows the list.")};
static const struct field_spec t_name = {
    .name = "name", .label = N_("Team's name"), .type = FT_TEXT, .flags = FF_REQUIRED,
    .max_chars = 60,
    .help = N_("For example 驻桥凰村工作队.")};
static const struct field_spec t_sent = {
    .name = "sent_by", .label = N_("Sending unit"), .type = FT_TEXT, .max_chars = 60,
    .help = N_("The lead unit sending the team (派出单位).")};
static const struct field_spec t_start = {
    .name = "term_start", .label = N_("Term from"), .type = FT_DATE, .flags = FF_REQUIRED};
static const struct field_spec t_end = {
    .name = "term_end", .label = N_("Term to"), .type = FT_DATE, .flags = FF_FUTURE,
    .help = N_("The end of the term (at least 2 years); empty while not fixed.")};

static const struct bind team_binds[] = {
    BIND(t_name, B_STR, struct team, name, 1),
    BIND(t_sent, B_STR, struct team, sent_by, 1),
    BIND(t_start, B_DATE, struct team, term_start, 1),
    BIND(t_end, B_DATE, struct team, term_end, 1),
    BIND(f_note, B_PSTR, struct team, note, 1),
};
#define NTEAM ARRAY_SIZE(team_binds)

static int
team_open(struct form *fm, struct err *e)
{
    struct team t;
    char village[24] = "";

    team_init(&t);
    if (form_villages(fm, e) != 0) {
        return -1;
    }
    if (fm->id != 0) {
        if (db_team_get(fm->app->db, fm->id, &t, e) != 0) {
            team_clear(&t);
            return -1;
        }
        fm->version = t.version;
        id_code(t.village_id, village);
        snprintf(fm->title, sizeof(fm->title), _("Resident team %s"), t.name);
    } else {
        t.term_start = app_today();
        snprintf(fm->title, sizeof(fm->title), "%s", _("New resident team"));
    }
    form_add_str(fm, &t_village, "", village);
    bind_add(fm, team_binds, NTEAM, "", &t, 0);
    team_clear(&t);
    return 0;
}

static int
team_save(struct form *fm, struct err *e)
{
    struct rule_ctx ctx = form_rule_ctx(fm);
    struct team t;
    int rc;

    team_init(&t);
    t.id = fm->id;
    bind_read(fm, team_binds, NTEAM, "", &t);
    t.version = fm->version;
    rc = form_place_read(fm, "village", &t.township_id, &t.village_id, e) ||
         db_team_save(fm->app->db, &ctx, form_actor(fm), &t, e);
    if (rc == 0) {
        snprintf(fm->done, sizeof(fm->done), _("Resident team %s saved."), t.name);
        fm->id = t.id;
    }
    team_clear(&t);
    return rc ? -1 : 0;
}

static int
team_theirs(struct form *fm, char **theirs, int64_t *version, struct err *e)
{
    struct team t;

    team_init(&t);
    if (db_team_get(fm->app->db, fm->id, &t, e) != 0) {
        team_clear(&t);
        return -1;
    }
    bind_texts(fm, team_binds, NTEAM, "", &t, theirs);
    *version = t.version;
    team_clear(&t);
    return 0;
}

const struct form_kind team_form = {
    .id = "team",
    .open = team_open,
    .save = team_save,
    .theirs = team_theirs,
};

/* --- members --------------------------------------------------------------------- */

static const struct field_spec m_team = {
    .name = "team_id", .label = N_("Team"), .type = FT_CODE, .flags = FF_REQUIRED,
    .table = "team",
    .help = N_("The resident team.  F4 shows the list.")};
static const struct field_spec m_name = {
    .name = "name", .label = N_("Name"), .type = FT_NAME, .flags = FF_REQUIRED};
static const struct field_spec m_role = {
    .name = "role", .label = N_("Role in the team"), .type = FT_CODE, .flags = FF_REQUIRED,
    .table = "team_role",
    .help = N_("第一书记, 队长 or 队员.  F4 shows the list.")};
static const struct field_spec m_unit = {
    .name = "unit", .label = N_("Sending unit"), .type = FT_TEXT, .flags = FF_REQUIRED,
    .max_chars = 60,
    .help = N_("The unit the member comes from (派出单位).")};
static const struct field_spec m_level = {
    .name = "unit_level", .label = N_("Unit level"), .type = FT_CODE, .flags = FF_REQUIRED,
    .table = "unit_level",
    .help = N_("中央, 省级, 市级, 县级 or 乡镇.  F4 shows the list.")};
static const struct field_spec m_phone = {
    .name = "phone", .label = N_("Phone"), .type = FT_PHONE};
static const struct field_spec m_start = {
    .name = "start", .label = N_("Arrived on"), .type = FT_DATE, .flags = FF_REQUIRED,
    .help = N_("The day the member arrived in the village.")};
static const struct field_spec m_end = {
    .name = "end", .label = N_("Left on"), .type = FT_DATE,
    .help = N_("The day the member left (empty while serving).")};
static const struct field_spec m_reason = {
    .name = "end_reason", .label = N_("Reason for leaving"), .type = FT_CODE,
    .table = "member_end",
    .help = N_("任期届满, 召回撤换, 提拔调整...  F4 shows the list.")};

static const struct bind team_member_binds[] = {
    BIND(m_team, B_ID, struct team_member, team_id, 1),
    BIND(m_name, B_STR, struct team_member, name, 1),
    BIND(m_role, B_STR, struct team_member, role, 1),
    BIND(m_unit, B_STR, struct team_member, unit, 1),
    BIND(m_level, B_STR, struct team_member, unit_level, 1),
    BIND(m_phone, B_STR, struct team_member, phone, 1),
    BIND(m_start, B_DATE, struct team_member, start, 1),
    BIND(m_end, B_DATE, struct team_member, end, 1),
    BIND(m_reason, B_STR, struct team_member, end_reason, 1),
    BIND(f_note, B_PSTR, struct team_member, note, 1),
};
#define NMEMBER ARRAY_SIZE(team_member_binds)

static int
member_open(struct form *fm, struct err *e)
{
    struct team_member m;

    team_member_init(&m);
    if (team_choices(fm, e) != 0) {
        return -1;
    }
    if (fm->id != 0) {
        if (db_member_get(fm->app->db, fm->id, &m, e) != 0) {
            team_member_clear(&m);
            return -1;
        }
        fm->version = m.version;
        snprintf(fm->title, sizeof(fm->title), _("Team member %s"), m.name);
    } else {
        m.team_id = fm->arg;
        m.start = app_today();
        snprintf(fm->title, sizeof(fm->title), "%s", _("New team member"));
    }
    bind_add(fm, team_member_binds, NMEMBER, "", &m, 0);
    team_member_clear(&m);
    return 0;
}

static int
member_save(struct form *fm, struct err *e)
{
    struct rule_ctx ctx = form_rule_ctx(fm);
    struct team_member m;
    int rc;

    team_member_init(&m);
    m.id = fm->id;
    bind_read(fm, team_member_binds, NMEMBER, "", &m);
    m.version = fm->version;
    rc = db_member_save(fm->app->db, &ctx, form_actor(fm), &m, e);
    if (rc == 0) {
        snprintf(fm->done, sizeof(fm->done), _("Team member %s saved."), m.name);
        fm->id = m.id;
    }
    team_member_clear(&m);
    return rc;
}

static int
member_theirs(struct form *fm, char **theirs, int64_t *version, struct err *e)
{
    struct team_member m;

    team_member_init(&m);
    if (db_member_get(fm->app->db, fm->id, &m, e) != 0) {
        team_member_clear(&m);
        return -1;
    }
    bind_texts(fm, team_member_binds, NMEMBER, "", &m, theirs);
    *version = m.version;
    team_member_clear(&m);
    return 0;
}

const struct form_kind team_member_form = {
    .id = "team_member",
    .open = member_open,
    .save = member_save,
    .theirs = member_theirs,
};

/* --- attendance ---------------------------------------------------------------------- */

static const struct field_spec a_member = {
    .name = "member_id", .label = N_("Member"), .type = FT_CODE, .flags = FF_REQUIRED,
    .table = "member",
    .help = N_("The team member.  F4 shows the list.")};
static const struct field_spec a_month = {
    .name = "month", .label = N_("Month"), .type = FT_MONTH, .flags = FF_REQUIRED,
    .help = N_("The month, as 2026-10.")};
static const struct field_spec a_present = {
    .name = "present", .label = N_("Days in the village"), .type = FT_INT,
    .flags = FF_REQUIRED, .max = 31,
    .help = N_("The days the member was in the village (at least 20 a month).")};
static const struct field_spec a_leave = {
    .name = "leave", .label = N_("Days on leave"), .type = FT_INT, .max = 31,
    .help = N_("Leave up to 3 days is approved by the township, more by the county.")};
static const struct field_spec a_level = {
    .name = "approver_level", .label = N_("Leave approved by"), .type = FT_CODE,
    .table = "leave_approver",
    .help = N_("乡镇党委 or 县委组织部（驻村办）.  F4 shows the list.")};
static const struct field_spec a_approver = {
    .name = "approver", .label = N_("Approver"), .type = FT_TEXT, .max_chars = 30,
    .help = N_("The person who approved the leave.")};
static const struct field_spec a_absent = {
    .name = "absent", .label = N_("Days absent without leave"), .type = FT_INT, .max = 31,
    .help = N_("Absences found in inspections.")};

static const struct bind attendance_binds[] = {
    BIND(a_member, B_ID, struct attendance, member_id, 1),
    BIND(a_month, B_INT, struct attendance, month, 1),
    BIND(a_present, B_INT, struct attendance, present, 1),
    BIND(a_leave, B_INT, struct attendance, leave, 1),
    BIND(a_level, B_STR, struct attendance, approver_level, 1),
    BIND(a_approver, B_STR, struct attendance, approver, 1),
    BIND(a_absent, B_INT, struct attendance, absent, 1),
    BIND(f_note, B_PSTR, struct attendance, note, 1),
};
#define NATTENDANCE ARRAY_SIZE(attendance_binds)

static int
attendance_open(struct form *fm, struct err *e)
{
    struct attendance a;

    attendance_init(&a);
    if (member_choices(fm, e) != 0) {
        return -1;
    }
    if (fm->id != 0) {
        if (db_attendance_get(fm->app->db, fm->id, &a, e) != 0) {
            attendance_clear(&a);
            return -1;
        }
        fm->version = a.version;
        snprintf(fm->title, sizeof(fm->title), "%s", _("Attendance"));
    } else {
        a.member_id = fm->arg;
        a.month = month_of(app_today()) - 1;
        snprintf(fm->title, sizeof(fm->title), "%s", _("New month of attendance"));
    }
    bind_add(fm, attendance_binds, NATTENDANCE, "", &a, 0);
    form_blank(fm, "present");
    attendance_clear(&a);
    return 0;
}

static int
attendance_save(struct form *fm, struct err *e)
{
    struct rule_ctx ctx = form_rule_ctx(fm);
    struct attendance a;
    char month[MONTH_BUF];
    int rc;

    attendance_init(&a);
    a.id = fm->id;
    bind_read(fm, attendance_binds, NATTENDANCE, "", &a);
    a.version = fm->version;
    rc = db_attendance_save(fm->app->db, &ctx, form_actor(fm), &a, e);
    if (rc == 0) {
        month_format(a.month, month);
        snprintf(fm->done, sizeof(fm->done), _("Attendance of %s saved: %d days in the village."),
                 month, a.present);
        fm->id = a.id;
    }
    attendance_clear(&a);
    return rc;
}

static int
attendance_theirs(struct form *fm, char **theirs, int64_t *version, struct err *e)
{
    struct attendance a;

    attendance_init(&a);
    if (db_attendance_get(fm->app->db, fm->id, &a, e) != 0) {
        attendance_clear(&a);
        return -1;
    }
    bind_texts(fm, attendance_binds, NATTENDANCE, "", &a, theirs);
    *version = a.version;
    attendance_clear(&a);
    return 0;
}

const struct form_kind attendance_form = {
    .id = "attendance",
    .open = attendance_open,
    .save = attendance_save,
    .theirs = attendance_theirs,
};

/* --- grades -------------------------------------------------------------------------- */

static const struct field_spec g_year = {
    .name = "year", .label = N_("Year"), .type = FT_INT, .flags = FF_REQUIRED, .min = 2000,
    .max = 2100};
static const struct field_spec g_grade = {
    .name = "grade", .label = N_("Grade"), .type = FT_CODE, .flags = FF_REQUIRED,
    .table = "team_grade",
    .help = N_("优秀, 称职, 基本称职 or 不称职; absences without leave cap it.  F4 shows the list.")};

static const struct bind grade_binds[] = {
    BIND(a_member, B_ID, struct team_grade, member_id, 1),
    BIND(g_year, B_INT, struct team_grade, year, 1),
    BIND(g_grade, B_STR, struct team_grade, grade, 1),
    BIND(f_note, B_PSTR, struct team_grade, note, 1),
};
#define NGRADE ARRAY_SIZE(grade_binds)

static int
grade_open(struct form *fm, struct err *e)
{
    struct team_grade g;

    team_grade_init(&g);
    if (member_choices(fm, e) != 0) {
        return -1;
    }
    if (fm->id != 0) {
        if (db_grade_get(fm->app->db, fm->id, &g, e) != 0) {
            team_grade_clear(&g);
            return -1;
        }
        fm->version = g.version;
        snprintf(fm->title, sizeof(fm->title), _("Grade of %d"), g.year);
    } else {
        g.member_id = fm->arg;
        g.year = date_year(app_today());
        snprintf(fm->title, sizeof(fm->title), "%s", _("New yearly grade"));
    }
    bind_add(fm, grade_binds, NGRADE, "", &g, 0);
    team_grade_clear(&g);
    return 0;
}

static int
grade_save(struct form *fm, struct err *e)
{
    struct rule_ctx ctx = form_rule_ctx(fm);
    struct team_grade g;
    int rc;

    team_grade_init(&g);
    g.id = fm->id;
    bind_read(fm, grade_binds, NGRADE, "", &g);
    g.version = fm->version;
    rc = db_grade_save(fm->app->db, &ctx, form_actor(fm), &g, e);
    if (rc == 0) {
        snprintf(fm->done, sizeof(fm->done), _("Grade of %d saved: %s."), g.year,
                 code_label(&fm->app->policy.codes, "team_grade", g.grade));
        fm->id = g.id;
    }
    team_grade_clear(&g);
    return rc;
}

static int
grade_theirs(struct form *fm, char **theirs, int64_t *version, struct err *e)
{
    struct team_grade g;

    team_grade_init(&g);
    if (db_grade_get(fm->app->db, fm->id, &g, e) != 0) {
        team_grade_clear(&g);
        return -1;
    }
    bind_texts(fm, grade_binds, NGRADE, "", &g, theirs);
    *version = g.version;
    team_grade_clear(&g);
    return 0;
}

const struct form_kind grade_form = {
    .id = "team_grade",
    .open = grade_open,
    .save = grade_save,
    .theirs = grade_theirs,
};
