/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * helpers.c - unit-test fixtures.
 */
#include "config.h"
#include "helpers.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cfg/policy_load.h"
#include "core/date.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/xalloc.h"

const char *
helpers_datadir(void)
{
    static char buf[4096];
    const char *top = getenv("top_srcdir");

    snprintf(buf, sizeof(buf), "%s/share", top != NULL ? top : ".");
    return buf;
}

void
helpers_policy(struct policy *p)
{
    struct err e;

    err_clear(&e);
    if (policy_load(p, helpers_datadir(), NULL, NULL, &e) != 0) {
        fail_msg("policy: %s", e.msg);
    }
}

char *
helpers_tmpdir(void)
{
    const char *t = getenv("TMPDIR");
    char *dir = path_join(t != NULL ? t : "/tmp", "zxtest.XXXXXX");

    if (mkdtemp(dir) == NULL) {
        fail_msg("mkdtemp failed");
    }
    return dir;
}

void
helpers_rmdir(char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *de;

    while (d != NULL && (de = readdir(d)) != NULL) {
        char *p;
        struct stat st;

        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0) {
            continue;
        }
        p = path_join(dir, de->d_name);
        if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
            helpers_rmdir(xstrdup(p));
        } else {
            unlink(p);
        }
        free(p);
    }
    if (d != NULL) {
        closedir(d);
    }
    rmdir(dir);
    free(dir);
}

char *
helpers_write(const char *dir, const char *name, const char *text)
{
    char *p = path_join(dir, name);
    FILE *fp = fopen(p, "w");

    if (fp == NULL) {
        fail_msg("cannot write %s", p);
    }
    fputs(text, fp);
    fclose(fp);
    return p;
}

int
helpers_policy_with(struct policy *p, const char *const *files, struct notes *warn,
                    struct err *e, char **dir_out)
{
    char *dir = helpers_tmpdir();
    int i, rc;

    for (i = 0; files[i] != NULL; i += 2) {
        free(helpers_write(dir, files[i], files[i + 1]));
    }
    err_clear(e);
    rc = policy_load(p, helpers_datadir(), dir, warn, e);
    if (dir_out != NULL) {
        *dir_out = dir;
    } else {
        helpers_rmdir(dir);
    }
    return rc;
}

int
D(const char *iso)
{
    int day = 0;

    if (date_parse(iso, &day) != DATE_OK) {
        fail_msg("bad test date %s", iso);
    }
    return day;
}

static void
member(struct hh_snapshot *s, const char *name, const char *id, const char *rel,
       const char *labour, int work_months)
{
    struct person *p = snapshot_add_member(s);
    struct idno parsed;

    p->household_id = s->hh.id;
    snprintf(p->name, sizeof(p->name), "%s", name);
    snprintf(p->id_type, sizeof(p->id_type), "1");
    snprintf(p->id_no, sizeof(p->id_no), "%s", id);
    if (idno_parse(id, D("2026-11-22"), &parsed) != IDNO_OK) {
        fail_msg("fixture ID %s invalid", id);
    }
    p->birth = parsed.birth;
    snprintf(p->sex, sizeof(p->sex), "%d", parsed.sex);
    snprintf(p->relation, sizeof(p->relation), "%s", rel);
    snprintf(p->labour, sizeof(p->labour), "%s", labour);
    snprintf(p->health, sizeof(p->health), "1");
    p->work_months = work_months;
    p->in_household = 1;
}

/* A valid synthetic ID for BIRTH (YYYYMMDD) and sequence SEQ. */
static const char *
synth_id(const char *birth, int seq)
{
    static char buf[4][IDNO_BUF];
    static int k;
    char *out = buf[k++ % 4];

    snprintf(out, IDNO_BUF, "519901%s%03d", birth, seq);
    out[17] = idno_check_char(out);
    out[18] = '\0';
    return out;
}

struct rules *
helpers_rules_from(struct policy *p, int year)
{
    const struct rules *base = policy_rules(p, POLICY_ANY_PROVINCE, year);
    struct rules r = *base;

    /* a national entry of YEAR already (a shipped one): change that one,
     * since of two entries of a year the first is in force */
    if (base->from_year == year && strcmp(base->province, POLICY_ANY_PROVINCE) == 0) {
        return (struct rules *)base;
    }

    r.province = strdup(POLICY_ANY_PROVINCE);
    r.from_year = year;
    p->rules = realloc(p->rules, (p->nrules + 1) * sizeof(*p->rules));
    p->rules[p->nrules] = r;
    return &p->rules[p->nrules++];
}

void
helpers_household(struct hh_snapshot *s, int64_t id)
{
    struct income *inc;
    struct guarantee *g;
    int year;

    snapshot_reset(s);
    s->hh.id = id;
    snprintf(s->hh.hh_no, sizeof(s->hh.hh_no), "5199010010010%03d", (int)(id % 1000));
    s->hh.township_id = 2;
    s->hh.village_id = 3;
    snprintf(s->hh.hh_type, sizeof(s->hh.hh_type), "1");
    member(s, "张三", synth_id("19700305", 11), "02", "2", 10);
    member(s, "李四", synth_id("19720610", 22), "10", "2", 0);
    member(s, "张小明", synth_id("20050101", 31), "20", "5", 0);
    member(s, "王五", synth_id("19400101", 41), "50", "5", 0);
    for (year = 2023; year <= 2026; year++) {
        inc = snapshot_add_income(s);
        inc->household_id = id;
        inc->year = year;
        inc->wage = 3000000;
        inc->business = 500000;
        inc->transfer = 300000;
        inc->members = 4;
        income_compute(inc);
        g = snapshot_add_guarantee(s);
        g->household_id = id;
        g->year = year;
        g->checked_on = date_from_ymd(year, 6, 1);
        g->food_clothing = g->education = g->medical = g->housing = g->water = 1;
    }
}

static void
step(struct hh_snapshot *s, enum case_action a, enum case_state from,
     enum case_state to, int day)
{
    struct case_step *st = snapshot_add_step(s);

    case_step_init(st);
    st->action = a;
    st->from = from;
    st->to = to;
    st->step_date = day;
    snprintf(st->actor, sizeof(st->actor), "tester");
    if (a == CA_PUBLICIZE) {
        st->pub_start = day;
        st->pub_end = day + 4;
    }
}

void
helpers_monitored(struct hh_snapshot *s, int ident, const char *risk, int today)
{
    struct mcase *c = &s->mcase;
    struct measure *m;
    int day;

    for (size_t i = 0; i < s->nsteps; i++) {
        case_step_clear(&s->steps[i]);
    }
    for (size_t i = 0; i < s->nvisits; i++) {
        visit_clear(&s->visits[i]);
    }
    s->nsteps = s->nmeasures = s->nvisits = 0;
    s->ncadres = 1;
    mcase_clear(c);
    s->has_case = 1;
    c->id = 100 + s->hh.id;
    c->household_id = s->hh.id;
    c->state = CS_MONITORED;
    snprintf(c->category, sizeof(c->category), "1");
    snprintf(c->channel, sizeof(c->channel), "2");
    snprintf(c->risks[0], sizeof(c->risks[0]), "%s", risk);
    c->nrisks = 1;
    c->clue_date = ident - 12;
    c->identified_on = ident;
    c->line_fen = 880000;
    c->line_year = 2026;
    c->version = 7;
    step(s, CA_CLUE, CS_NONE, CS_CLUE, ident - 12);
    step(s, CA_VERIFY, CS_CLUE, CS_VERIFIED, ident - 10);
    step(s, CA_APPRAISE, CS_VERIFIED, CS_APPRAISED, ident - 9);
    step(s, CA_PUBLICIZE, CS_APPRAISED, CS_PUBLICIZING, ident - 8);
    step(s, CA_TOWNSHIP_REVIEW, CS_PUBLICIZING, CS_TOWNSHIP_REVIEWED, ident - 2);
    step(s, CA_COUNTY_APPROVE, CS_TOWNSHIP_REVIEWED, CS_MONITORED, ident);
    /* income above the line: identified by comprehensive judgement */
    s->steps[s->nsteps - 1].note = strdup("因病支出大，综合研判纳入");
    m = snapshot_add_measure(s);
    m->household_id = s->hh.id;
    m->year = 2026;
    snprintf(m->category, sizeof(m->category), "100A39");
    m->start = ident + 10;
    m->end = DATE_NONE;
    for (day = ident + 25; day <= today; day += 25) {
        struct visit *v = snapshot_add_visit(s);

        visit_init(v);
        v->household_id = s->hh.id;
        v->visit_date = day;
        snprintf(v->visitor, sizeof(v->visitor), "帮扶人");
    }
}

struct actor
helpers_actor(enum role role)
{
    struct actor a;

    memset(&a, 0, sizeof(a));
    snprintf(a.login, sizeof(a.login), "%s", role_name(role));
    a.role = role;
    a.scope_level = LEVEL_COUNTY;
    if (role == ROLE_TOWNSHIP) {
        a.scope_id = 2;
        a.scope_level = LEVEL_TOWNSHIP;
    } else if (role == ROLE_VILLAGE) {
        a.scope_id = 3;
        a.scope_level = LEVEL_VILLAGE;
    }
    return a;
}

int
helpers_has(const struct findings *f, const char *code)
{
    return findings_has(f, code);
}
