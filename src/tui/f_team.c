/* SPDX-License-Identifier: GPL-3.0-or-later */
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
#include "tui/choices.h"
#include "tui/f_common.h"
#include "tui/form.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* The teams the user sees, read for choices; the caller frees *V. */
static int
teams_read(struct form *fm, struct team_row **v, size_t *n, struct err *e)
{
    struct rule_ctx ctx = form_rule_ctx(fm);
    struct pair_filter flt;

    pair_filter_init(&flt);
    return db_team_list(fm->app->db, &ctx, form_actor(fm), &flt, v, n, e);
}

/* The teams, as choices (a record's loaded). */
static int
team_choices(struct form *fm, void *rec, struct err *e)
{
    struct team_row *v;
    struct choices c;
    size_t n, i;

    (void)rec;
    if (teams_read(fm, &v, &n, e) != 0) {
        return -1;
    }
    choices_init(&c);
    for (i = 0; i < n; i++) {
        choices_add_id(&c, v[i].t.id, "%s %s", v[i].place, v[i].t.name);
    }
    free(v);
    form_add_table(fm, choices_table(&c, "team", _("Team")));
    return 0;
}

/* The members of the teams, as choices ("桥凰村 张三 (第一书记)"; a
 * record's loaded). */
static int
member_choices(struct form *fm, void *rec, struct err *e)
{
    const struct codebook *cb = &fm->app->policy.codes;
    struct team_row *v;
    struct choices c;
    size_t n, i, k;
    int rc;

    (void)rec;
    if (teams_read(fm, &v, &n, e) != 0) {
        return -1;
    }
    choices_init(&c);
    for (i = 0, rc = 0; i < n && rc == 0; i++) {
        struct team_member *m;
        size_t nm;

        rc = db_member_list(fm->app->db, v[i].t.id, &m, &nm, e);
        for (k = 0; rc == 0 && k < nm; k++) {
            choices_add_id(&c, m[k].id, "%s %s (%s)", v[i].place, m[k].name,
                           code_short(cb, "team_role", m[k].role));
        }
        for (k = 0; rc == 0 && k < nm; k++) {
            team_member_clear(&m[k]);
        }
        if (rc == 0) {
            free(m);
        }
    }
    free(v);
    form_add_table(fm, choices_table(&c, "member", _("Member")));
    return rc;
}

/* --- teams --------------------------------------------------------------------- */

static const struct field_spec t_village = {
    .name = "village", .label = N_("Township and village"), .type = FT_CODE,
    .flags = FF_REQUIRED, .table = "village",
    .help = N_("The village the team is stationed in.  F4 shows the list.")};

static const struct bind team_binds[] = {
    BIND_PLACE(t_village, struct team, township_id, village_id, 1),
    FIELD(struct team, name, .label = N_("Team's name"), .type = FT_TEXT,
          .flags = FF_REQUIRED, .max_chars = 60, .help = N_("For example 驻桥凰村工作队.")),
    FIELD(struct team, sent_by, .label = N_("Sending unit"), .type = FT_TEXT,
          .max_chars = 60, .help = N_("The lead unit sending the team (派出单位).")),
    FIELD(struct team, term_start, .label = N_("Term from"), .type = FT_DATE,
          .flags = FF_REQUIRED),
    FIELD(struct team, term_end, .label = N_("Term to"), .type = FT_DATE,
          .flags = FF_FUTURE,
          .help = N_("The end of the term (at least 2 years); empty while not fixed.")),
    BIND(form_note, struct team, note, BR_BOTH),
};

FORM_RECORD_IO(team_io, team_binds, struct team, team_init, team_clear, db_team_get,
               db_team_save);

const struct form_kind team_form = {
    .id = "team",
    .rec = {
        .io = &team_io,
        .title = {N_("Resident team %s"), {"name"}},
        .title_new = {N_("New resident team")},
        .done = {N_("Resident team %s saved."), {"name"}},
        .fresh = {.today = offsetof(struct team, term_start)},
        .loaded = form_rec_villages,
    },
};

/* --- members --------------------------------------------------------------------- */


static const struct bind team_member_binds[] = {
    FIELD(struct team_member, team_id, .label = N_("Team"), .type = FT_CODE,
          .flags = FF_REQUIRED, .table = "team",
          .help = N_("The resident team.  F4 shows the list.")),
    FIELD(struct team_member, name, .label = N_("Name"), .type = FT_NAME,
          .flags = FF_REQUIRED),
    FIELD(struct team_member, role, .label = N_("Role in the team"), .type = FT_CODE,
          .flags = FF_REQUIRED, .table = "team_role",
          .help = N_("第一书记, 队长 or 队员.  F4 shows the list.")),
    FIELD(struct team_member, unit, .label = N_("Sending unit"), .type = FT_TEXT,
          .flags = FF_REQUIRED, .max_chars = 60,
          .help = N_("The unit the member comes from (派出单位).")),
    FIELD(struct team_member, unit_level, .label = N_("Unit level"), .type = FT_CODE,
          .flags = FF_REQUIRED, .table = "unit_level",
          .help = N_("中央, 省级, 市级, 县级 or 乡镇.  F4 shows the list.")),
    BIND(form_phone, struct team_member, phone, BR_BOTH),
    FIELD(struct team_member, start, .label = N_("Arrived on"), .type = FT_DATE,
          .flags = FF_REQUIRED, .help = N_("The day the member arrived in the village.")),
    FIELD(struct team_member, end, .label = N_("Left on"), .type = FT_DATE,
          .help = N_("The day the member left (empty while serving).")),
    FIELD(struct team_member, end_reason, .label = N_("Reason for leaving"),
          .type = FT_CODE, .table = "member_end",
          .help = N_("任期届满, 召回撤换, 提拔调整...  F4 shows the list.")),
    BIND(form_note, struct team_member, note, BR_BOTH),
};

FORM_RECORD_IO(member_io, team_member_binds, struct team_member, team_member_init,
               team_member_clear, db_member_get, db_member_save);

const struct form_kind team_member_form = {
    .id = "team_member",
    .rec = {
        .io = &member_io,
        .title = {N_("Team member %s"), {"name"}},
        .title_new = {N_("New team member")},
        .done = {N_("Team member %s saved."), {"name"}},
        .fresh = {.arg = offsetof(struct team_member, team_id),
                  .today = offsetof(struct team_member, start)},
        .loaded = team_choices,
    },
};

/* --- attendance ---------------------------------------------------------------------- */

static const struct field_spec a_member = {
    .name = "member_id", .label = N_("Member"), .type = FT_CODE, .flags = FF_REQUIRED,
    .table = "member",
    .help = N_("The team member.  F4 shows the list.")};

static const struct bind attendance_binds[] = {
    BIND(a_member, struct attendance, member_id, BR_BOTH),
    FIELD(struct attendance, month, .label = N_("Month"), .type = FT_MONTH,
          .flags = FF_REQUIRED, .help = N_("The month, as 2026-10.")),
    FIELD(struct attendance, present, .label = N_("Days in the village"), .type = FT_INT,
          .flags = FF_REQUIRED, .max = 31,
          .help = N_("The days the member was in the village (at least {team_min_days_month} a month).")),
    FIELD(struct attendance, leave, .label = N_("Days on leave"), .type = FT_INT,
          .max = 31,
          .help = N_("Leave up to {team_leave_township_max_days} is approved by the township, more by the county.")),
    FIELD(struct attendance, approver_level, .label = N_("Leave approved by"),
          .type = FT_CODE, .table = "leave_approver",
          .help = N_("乡镇党委 or 县委组织部（驻村办）.  F4 shows the list.")),
    FIELD(struct attendance, approver, .label = N_("Approver"), .type = FT_TEXT,
          .max_chars = 30, .help = N_("The person who approved the leave.")),
    FIELD(struct attendance, absent, .label = N_("Days absent without leave"),
          .type = FT_INT, .max = 31, .help = N_("Absences found in inspections.")),
    BIND(form_note, struct attendance, note, BR_BOTH),
};

FORM_RECORD_IO(attendance_io, attendance_binds, struct attendance, attendance_init,
               attendance_clear, db_attendance_get, db_attendance_save);

const struct form_kind attendance_form = {
    .id = "attendance",
    .rec = {
        .io = &attendance_io,
        .title = {N_("Attendance")},
        .title_new = {N_("New month of attendance")},
        .done = {N_("Attendance of %s saved: %s days in the village."), {"month", "present"}},
        .blank = "present",
        /* A new month of attendance is last month's. */
        .fresh = {.arg = offsetof(struct attendance, member_id),
                  .last_month = offsetof(struct attendance, month)},
        .loaded = member_choices,
    },
};

/* --- grades -------------------------------------------------------------------------- */


static const struct bind grade_binds[] = {
    BIND(a_member, struct team_grade, member_id, BR_BOTH),
    FIELD(struct team_grade, year, .label = N_("Year"), .type = FT_INT,
          .flags = FF_REQUIRED, .min = 2000, .max = 2100),
    FIELD(struct team_grade, grade, .label = N_("Grade"), .type = FT_CODE,
          .flags = FF_REQUIRED, .table = "team_grade",
          .help = N_("优秀, 称职, 基本称职 or 不称职; absences without leave cap it.  F4 shows the list.")),
    BIND(form_note, struct team_grade, note, BR_BOTH),
};

FORM_RECORD_IO(grade_io, grade_binds, struct team_grade, team_grade_init,
               team_grade_clear, db_grade_get, db_grade_save);

const struct form_kind grade_form = {
    .id = "team_grade",
    .rec = {
        .io = &grade_io,
        .title = {N_("Grade of %s"), {"year"}},
        .title_new = {N_("New yearly grade")},
        .done = {N_("Grade of %s saved: %s."), {"year", "grade"}},
        .fresh = {.arg = offsetof(struct team_grade, member_id),
                  .year = offsetof(struct team_grade, year)},
        .loaded = member_choices,
    },
};
