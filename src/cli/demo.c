/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * demo.c - the synthetic county generator.
 *
 * Each household is generated in memory as a struct hh_snapshot, stored,
 * and, when it has a monitoring case, its case is driven step by step
 * through case_apply() (the same code the forms use) with the data known
 * on each step's date.  So the histories obey the procedure: a refused
 * elimination leaves the case monitored, exactly as it would for staff.
 * A small share of records carries the mistakes real data has (missing
 * measures, late visits, overdue steps), so `zhenxing check` has work.
 */
#include "config.h"
#include "cli/demo.h"
#include "cli/demo_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cli/demo_data.h"
#include "core/date.h"
#include "core/idno.h"
#include "core/rules.h"
#include "core/summary.h"
#include "db/db.h"
#include "db/db_audit.h"
#include "db/db_cadre.h"
#include "db/db_case.h"
#include "db/db_division.h"
#include "db/db_household.h"
#include "db/db_list.h"
#include "db/db_record.h"
#include "db/db_staff.h"
#include "util/array.h"
#include "util/err.h"
#include "util/rng.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

#define ID_FIRST_YEAR 1920

/* What a household's case should become. */
struct plan {
    enum case_state target;     /* CS_NONE: no case */
    const char *risks[MCASE_MAX_RISKS];
    int nrisks;
    int clue;                   /* first clue */
    int elim;                   /* planned elimination start, or DATE_NONE */
    int reident;                /* planned re-identification, or DATE_NONE */
    int visits_stop;            /* last visit no later than this */
};

int
demo_clampi(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

const char *
demo_pick(struct demo *d, const struct words *w)
{
    return w->v[rng_below(&d->r, (uint32_t)w->n)];
}

/* --- names ------------------------------------------------------ */

void
demo_person_name(struct demo *d, int male, const char *surname, char *out,
                 size_t n)
{
    const struct words *chars = male ? &demo_male_chars : &demo_female_chars;

    if (rng_chance(&d->r, 800)) {
        snprintf(out, n, "%s%s%s", surname, demo_pick(d, chars), demo_pick(d, chars));
    } else {
        snprintf(out, n, "%s%s", surname, demo_pick(d, chars));
    }
}

const char *
demo_surname(struct demo *d)
{
    return demo_surnames[rng_weighted(&d->r, d->surname_w, demo_nsurnames)].word;
}

void
demo_place_name(struct demo *d, const char *suffix, char *out, size_t n)
{
    const char *a = demo_pick(d, &demo_place_chars);
    const char *b;

    do {
        b = demo_pick(d, &demo_place_chars);
    } while (strcmp(a, b) == 0);
    snprintf(out, n, "%s%s%s", a, b, suffix);
}

/* --- divisions, staff and cadres -------------------------------- */

static int
add_staff(struct demo *d, const char *login, enum role role, int64_t scope,
          struct err *e)
{
    struct staff s;
    char name[NAME_BUF];

    memset(&s, 0, sizeof(s));
    snprintf(s.login, sizeof(s.login), "%s", login);
    demo_person_name(d, rng_chance(&d->r, 600), demo_surname(d), name, sizeof(name));
    snprintf(s.name, sizeof(s.name), "%s", name);
    s.role = role;
    s.scope_id = scope;
    s.active = 1;
    return db_staff_add(d->a->db, d->a->login, &s, e);
}

static void
set_actor(struct actor *act, const char *login, enum role role, int64_t scope,
          int level)
{
    memset(act, 0, sizeof(*act));
    snprintf(act->login, sizeof(act->login), "%s", login);
    act->role = role;
    act->scope_id = scope;
    act->scope_level = level;
}

static int
town_taken(const struct demo *d, size_t upto, const char *name)
{
    size_t i;

    for (i = 0; i < upto; i++) {
        if (strcmp(d->towns[i].name, name) == 0) {
            return 1;
        }
    }
    return 0;
}

static int
gen_towns(struct demo *d, int64_t county, struct err *e)
{
    size_t i;
    char login[32];

    d->towns = xcalloc(d->ntowns, sizeof(*d->towns));
    for (i = 0; i < d->ntowns; i++) {
        struct dtown *t = &d->towns[i];

        do {
            demo_place_name(d, rng_chance(&d->r, 700) ? "镇" : "乡", t->name,
                       sizeof(t->name));
        } while (town_taken(d, i, t->name));
        snprintf(t->code, sizeof(t->code), "%.6s%03u", d->county_code,
                 (unsigned)(i + 1) % 1000u);
        if (db_division_add(d->a->db, d->a->login, LEVEL_TOWNSHIP, county,
                            t->code, t->name, 0, &t->id, e)) {
            return -1;
        }
        snprintf(login, sizeof(login), "xz%02u", (unsigned)(i + 1) % 100u);
        set_actor(&t->staff, login, ROLE_TOWNSHIP, t->id, LEVEL_TOWNSHIP);
        if (add_staff(d, login, ROLE_TOWNSHIP, t->id, e)) {
            return -1;
        }
    }
    return 0;
}

static int
name_taken(const struct demo *d, size_t upto, size_t town, const char *name)
{
    size_t i;

    for (i = 0; i < upto; i++) {
        if (d->vills[i].town == town && strcmp(d->vills[i].name, name) == 0) {
            return 1;
        }
    }
    return 0;
}

/* Two cadres a village: its village cadre and a member of the resident
 * team (the kinds by their tags in cadre_kind). */
static int
gen_cadres(struct demo *d, struct dvill *v, int64_t township, struct err *e)
{
    static const char *const kinds[2] = {"village", "team"};
    int k;

    for (k = 0; k < 2; k++) {
        int male = rng_chance(&d->r, 650);
        const char *kind = code_with_tag(rule_codes(&d->ctx), "cadre_kind", kinds[k]);
        struct cadre c;

        memset(&c, 0, sizeof(c));
        demo_person_name(d, male, demo_surname(d), v->cadre_name[k], sizeof(v->cadre_name[k]));
        snprintf(c.name, sizeof(c.name), "%s", v->cadre_name[k]);
        snprintf(c.sex, sizeof(c.sex), "%c", male ? '1' : '2');
        snprintf(c.phone, sizeof(c.phone), "13%09u", rng_below(&d->r, 1000000000u));
        snprintf(c.unit, sizeof(c.unit), "%s", demo_pick(d, &demo_units));
        snprintf(c.kind, sizeof(c.kind), "%s", kind != NULL ? kind : "");
        c.township_id = township;
        c.village_id = v->id;
        if (db_cadre_insert(d->a->db, d->a->login, &c, 0, e)) {
            return -1;
        }
        v->cadre[k] = c.id;
    }
    return 0;
}

static int
gen_village(struct demo *d, size_t i, int *town_seq, struct err *e)
{
    struct dvill *v = &d->vills[i];
    struct dtown *t;
    int k;

    v->town = i < d->ntowns ? i : rng_below(&d->r, (uint32_t)d->ntowns);
    t = &d->towns[v->town];
    do {
        demo_place_name(d, "村", v->name, sizeof(v->name));
    } while (name_taken(d, i, v->town, v->name));
    snprintf(v->code, sizeof(v->code), "%.9s%03u", t->code,
             (unsigned)++town_seq[v->town] % 1000u);
    if (db_division_add(d->a->db, d->a->login, LEVEL_VILLAGE, t->id, v->code,
                        v->name, 0, &v->id, e)) {
        return -1;
    }
    v->ngroups = rng_range(&d->r, 2, MAX_GROUPS);
    for (k = 0; k < v->ngroups; k++) {
        if (db_division_add(d->a->db, d->a->login, LEVEL_NATURAL_VILLAGE, v->id,
                            NULL, demo_group_names.v[k], 0, &v->groups[k], e)) {
            return -1;
        }
    }
    return gen_cadres(d, v, t->id, e);
}

static int
gen_divisions(struct demo *d, long households, struct err *e)
{
    struct division county;
    int *town_seq;
    size_t i;
    int rc = 0;

    if (db_division_county(d->a->db, &county, e)) {
        return -1;
    }
    d->ntowns = (size_t)demo_clampi((int)(households / 8000), 6, 40);
    d->nvills = (size_t)demo_clampi((int)(households / 80), (int)(4 * d->ntowns), 700);
    if (gen_towns(d, county.id, e)) {
        return -1;
    }
    d->vills = xcalloc(d->nvills, sizeof(*d->vills));
    town_seq = xcalloc(d->ntowns, sizeof(int));
    for (i = 0; i < d->nvills && rc == 0; i++) {
        rc = gen_village(d, i, town_seq, e);
    }
    free(town_seq);
    set_actor(&d->county, "xianji01", ROLE_COUNTY, 0, LEVEL_COUNTY);
    if (rc == 0) {
        rc = add_staff(d, "xianji01", ROLE_COUNTY, 0, e) ||
             add_staff(d, "xianji02", ROLE_COUNTY, 0, e) ||
             add_staff(d, "chakan01", ROLE_VIEWER, 0, e) ||
             add_staff(d, "cun001", ROLE_VILLAGE, d->vills[0].id, e);
    }
    d->st->townships = (long)d->ntowns;
    d->st->villages = (long)d->nvills;
    return rc ? -1 : 0;
}

/* --- people ----------------------------------------------------- */

/* A synthetic, unique ID number for BIRTH and SEX; BIRTH may move a day
 * when the day's sequence numbers are used up. */
static void
make_id(struct demo *d, int *birth, int male, char out[IDNO_BUF])
{
    int y, m, dd;
    unsigned short *c;

    for (;;) {
        int idx = demo_clampi(*birth - d->id_first, 0, d->id_days - 1);

        c = &d->idseq[idx * 2 + (male ? 0 : 1)];
        if (*c < 499) {
            *birth = d->id_first + idx;
            break;
        }
        *birth = d->id_first + idx + 1;
    }
    date_to_ymd(*birth, &y, &m, &dd);
    snprintf(out, IDNO_BUF, "%.6s%04u%02u%02u%03u", d->county_code,
             (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)dd % 100u,
             (unsigned)(male ? 2 * *c + 1 : 2 * *c + 2) % 1000u);
    (*c)++;
    out[17] = idno_check_char(out);
    out[18] = '\0';
}

static const char *
labour_for(struct demo *d, int age, int ill)
{
    static const unsigned adult[] = {150, 680, 120, 50, 0};
    static const unsigned older[] = {20, 300, 480, 150, 50};
    static const unsigned old[] = {0, 0, 120, 300, 580};
    static const char *const codes[] = {"1", "2", "3", "4", "5"};

    if (age < 16) {
        return "5";
    }
    if (ill && rng_chance(&d->r, 500)) {
        return rng_chance(&d->r, 500) ? "3" : "4";
    }
    if (age < 60) {
        return codes[rng_weighted(&d->r, adult, 5)];
    }
    return codes[rng_weighted(&d->r, age < 70 ? older : old, 5)];
}

static void
schooling_for(struct demo *d, struct person *p, int age)
{
    static const char *const grade[] = {"11", "12", "13", "14", "15", "16",
                                        "21", "22", "23", "31", "32", "33"};

    snprintf(p->schooling, sizeof(p->schooling), "00");
    if (age < 3) {
        snprintf(p->education, sizeof(p->education), "6");
    } else if (age < 6) {
        snprintf(p->education, sizeof(p->education), "6");
        snprintf(p->schooling, sizeof(p->schooling), "01");
    } else if (age < 18) {
        snprintf(p->education, sizeof(p->education), "%s", age < 12 ? "2" : age < 15 ? "3" : "4");
        snprintf(p->schooling, sizeof(p->schooling), "%s", grade[age - 6]);
    } else if (age < 22 && rng_chance(&d->r, 300)) {
        snprintf(p->education, sizeof(p->education), "5");
        snprintf(p->schooling, sizeof(p->schooling), "%s", rng_chance(&d->r, 500) ? "51" : "61");
    } else {
        static const unsigned w[] = {120, 380, 340, 110, 50};
        static const char *const ed[] = {"1", "2", "3", "4", "5"};

        snprintf(p->education, sizeof(p->education), "%s",
                 ed[rng_weighted(&d->r, w, age > 60 ? 3 : 5)]);
    }
}

static void
fill_person(struct demo *d, struct person *p, int age, int male,
            const char *rel, const char *sname)
{
    int birth = d->today - age * 365 - rng_range(&d->r, 0, 364);
    int ill = age > 45 ? rng_chance(&d->r, 250) : rng_chance(&d->r, 60);

    demo_person_name(d, male, sname, p->name, sizeof(p->name));
    snprintf(p->sex, sizeof(p->sex), "%d", male ? 1 : 2);
    snprintf(p->id_type, sizeof(p->id_type), "1");
    make_id(d, &birth, male, p->id_no);
    p->birth = birth;
    snprintf(p->relation, sizeof(p->relation), "%s", rel);
    snprintf(p->ethnicity, sizeof(p->ethnicity), "%s",
             rng_chance(&d->r, 900) ? "01" : rng_chance(&d->r, 600) ? "07" : "04");
    snprintf(p->political, sizeof(p->political), "%s",
             age >= 18 && rng_chance(&d->r, 60) ? "01" : age < 28 && age >= 14 ? "03" : "13");
    snprintf(p->health, sizeof(p->health), "%s",
             !ill ? "1" : rng_chance(&d->r, 600) ? "2" : rng_chance(&d->r, 500) ? "3" : "4");
    snprintf(p->labour, sizeof(p->labour), "%s", labour_for(d, age, ill));
    schooling_for(d, p, age);
    if (code_is(&d->a->policy.codes, "labour", p->labour, "labour") &&
        age < 60 && rng_chance(&d->r, 550)) {
        p->work_months = rng_range(&d->r, 3, 12);
        snprintf(p->work_place, sizeof(p->work_place), "%s",
                 demo_pick(d, &demo_work_places));
    }
    p->ins_medical = rng_chance(&d->r, 985);
    p->ins_serious = p->ins_medical && rng_chance(&d->r, 950);
    p->ins_pension = age >= 16 && rng_chance(&d->r, 900);
    p->in_household = 1;
    /* A rare clerical error: sex typed against the ID number (ID02). */
    if (rng_chance(&d->r, 1) && rng_chance(&d->r, 300)) {
        snprintf(p->sex, sizeof(p->sex), "%d", male ? 2 : 1);
    }
}

static void
gen_members(struct demo *d, struct hh_snapshot *s)
{
    static const unsigned sizes[] = {60, 120, 200, 260, 200, 110, 50};
    int n = (int)rng_weighted(&d->r, sizes, 7) + 1;
    int head_age = rng_range(&d->r, 28, 82);
    int head_male = rng_chance(&d->r, 850);
    const char *sname = demo_surname(d);
    int k;

    fill_person(d, snapshot_add_member(s), head_age, head_male, "02", sname);
    if (n >= 2 && rng_chance(&d->r, 850)) {
        fill_person(d, snapshot_add_member(s),
                    demo_clampi(head_age + rng_range(&d->r, -5, 3), 20, 95),
                    !head_male, "10", demo_surname(d));
    }
    for (k = (int)s->nmembers; k < n; k++) {
        int roll = rng_range(&d->r, 0, 99);
        int male = rng_chance(&d->r, 520);

        if (roll < 20 && head_age < 62) {
            fill_person(d, snapshot_add_member(s),
                        demo_clampi(head_age + rng_range(&d->r, 22, 32), 45, 99),
                        male, "50", male ? sname : demo_surname(d));
        } else if (roll < 35 && head_age >= 50) {
            fill_person(d, snapshot_add_member(s),
                        demo_clampi(head_age - rng_range(&d->r, 44, 58), 0, 20),
                        male, "40", sname);
        } else {
            fill_person(d, snapshot_add_member(s),
                        demo_clampi(head_age - rng_range(&d->r, 20, 36), 0, 60),
                        male, male ? "20" : "30", sname);
        }
    }
}

/* --- incomes and guarantees -------------------------------------- */

static int64_t
line_of(struct demo *d, int year)
{
    const struct line_entry *l = policy_line(&d->a->policy, d->a->province, year);

    return l != NULL ? l->fen : 600000;
}

/* Income of YEAR at FACTOR per mille of the line, in whole yuan. */
static void
gen_income(struct demo *d, struct hh_snapshot *s, int year, int factor,
           int labour)
{
    struct income *inc = snapshot_add_income(s);
    int64_t line = line_of(d, year);
    int64_t net = line * factor / 1000 * (int64_t)s->nmembers;
    int64_t wage = labour ? net * rng_range(&d->r, 450, 750) / 1000 : 0;
    int64_t business = net * rng_range(&d->r, 80, 280) / 1000;
    int64_t property = net * rng_range(&d->r, 10, 60) / 1000;
    int64_t cost = business * rng_range(&d->r, 200, 400) / 1000;

    inc->household_id = s->hh.id;
    inc->year = year;
    inc->wage = wage / 100 * 100;
    inc->business = business / 100 * 100;
    inc->property = property / 100 * 100;
    inc->business_cost = cost / 100 * 100;
    inc->transfer = (net - inc->wage - inc->business - inc->property +
                     inc->business_cost) / 100 * 100;
    if (inc->transfer < 0) {
        inc->wage += inc->transfer;
        inc->transfer = 0;
    }
    /* A rare typing slip: wages entered in ten-thousands (IN02). */
    if (inc->wage > 0 && rng_chance(&d->r, 2)) {
        inc->wage = rng_range(&d->r, 1, 9) * 100;
    }
    inc->members = (int)s->nmembers;
    inc->line_fen = line;
    inc->line_year = year;
    income_compute(inc);
}

/* Per mille of the line a household earns in YEAR under plan P. */
static int
income_factor(struct demo *d, const struct plan *p, int year)
{
    if (p->target == CS_NONE || year < date_year(p->clue)) {
        return rng_chance(&d->r, 40) ? rng_range(&d->r, 800, 1000)
                                     : rng_range(&d->r, 1250, 3200);
    }
    if (p->reident != DATE_NONE && year >= date_year(p->reident)) {
        return rng_range(&d->r, 700, 1000);
    }
    if (p->elim != DATE_NONE && year >= date_year(p->elim) - 1) {
        return rng_range(&d->r, 1250, 2100);
    }
    return rng_range(&d->r, 650, 1050);
}

static int
first_year(const struct demo *d, const struct plan *p)
{
    return p->target == CS_NONE ? d->year - 1 : date_year(p->clue) - 1;
}

static int
plan_has_risk(const struct plan *p, const char *code)
{
    int i;

    for (i = 0; i < p->nrisks; i++) {
        if (strcmp(p->risks[i], code) == 0) {
            return 1;
        }
    }
    return 0;
}

/* The four guarantees of YEAR: the water or housing problem behind a
 * risk lasts until the elimination year. */
static void
gen_guarantee(struct demo *d, struct hh_snapshot *s, const struct plan *p,
              int year)
{
    struct guarantee *g = snapshot_add_guarantee(s);
    int problem = p->target != CS_NONE && year >= date_year(p->clue) &&
                  (p->elim == DATE_NONE || year < date_year(p->elim));
    int water_risk = plan_has_risk(p, "11");
    int housing_risk = plan_has_risk(p, "10");

    g->household_id = s->hh.id;
    g->year = year;
    g->checked_on = year == d->year ? d->today - rng_range(&d->r, 5, 200)
                                    : date_from_ymd(year, rng_range(&d->r, 4, 11), 15);
    if (date_year(g->checked_on) != year) {
        g->checked_on = date_from_ymd(year, 1, 15);
    }
    g->food_clothing = 1;
    g->education = 1;
    g->medical = 1;
    g->housing = !(problem && housing_risk);
    g->water = !(problem && water_risk);
}

/* --- the case ---------------------------------------------------- */

static const char *const descriptions[] = {
    "家庭成员患病，医疗支出较大，收入不稳定",
    "因灾造成房屋和农作物损失，收入大幅减少",
    "家庭成员残疾，劳动能力弱，收入来源少",
    "家庭缺少劳动力，收入主要依靠转移性收入",
    "家庭成员遭遇意外事故，刚性支出骤增",
    "养殖项目失败，生产经营收入大幅下降",
    "务工就业不稳定，工资性收入下降",
    "子女上学费用较高，家庭负担重",
    "住房存在安全隐患，无力自行修缮",
    "饮水困难，水源不稳定",
    "其他原因导致生活困难",
};

static const char *const risk_codes[] = {
    "01", "02", "03", "04", "05", "06", "07", "09", "10", "11", "99",
};

static int
has_worker(const struct hh_snapshot *s)
{
    size_t i;

    for (i = 0; i < s->nmembers; i++) {
        if (s->members[i].work_months > 0) {
            return 1;
        }
    }
    return 0;
}

/* Choose risks that fit the household (the consistency rules hold). */
static int
choose_risks(struct demo *d, const struct hh_snapshot *s, const char **risks)
{
    static const unsigned w[] = {350, 80, 150, 80, 60, 50, 100, 80, 20, 20, 10};
    int n = 0, want = rng_chance(&d->r, 700) ? 1 : rng_range(&d->r, 2, 3);
    int labour = hh_has_labour(&d->a->policy.codes, s);
    int guard = 0;

    while (n < want && guard++ < 50) {
        size_t k = rng_weighted(&d->r, w, 11);
        const char *r = risk_codes[k];
        int i, dup = 0;

        for (i = 0; i < n; i++) {
            dup |= strcmp(risks[i], r) == 0;
        }
        if (dup || (strcmp(r, "07") == 0 && (!labour || !has_worker(s))) ||
            (strcmp(r, "04") == 0 && labour && rng_chance(&d->r, 700))) {
            continue;
        }
        risks[n++] = r;
    }
    return n;
}

static int
risk_index(const char *code)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(risk_codes); i++) {
        if (strcmp(risk_codes[i], code) == 0) {
            return (int)i;
        }
    }
    return 10;
}

/* Apply one action on DAY as WHO, with the data known on that day. */
static int
act(struct demo *d, const struct actor *who, struct step_input *in, int day)
{
    struct hh_snapshot *s = &d->s;
    size_t ninc = s->nincomes, ngua = s->nguarantees, nvis = s->nvisits;
    struct findings f;
    struct mcase next;
    struct case_step step;
    struct err e;
    int rc, first;

    if (day > d->today) {
        return -1;
    }
    memset(&f, 0, sizeof(f));
    mcase_init(&next);
    case_step_init(&step);
    while (s->nincomes > 0 && s->incomes[s->nincomes - 1].year > date_year(day)) {
        s->nincomes--;
    }
    while (s->nguarantees > 0 && s->guarantees[s->nguarantees - 1].year > date_year(day)) {
        s->nguarantees--;
    }
    while (s->nvisits > 0 && s->visits[s->nvisits - 1].visit_date > day) {
        s->nvisits--;
    }
    if (in->step_date == DATE_NONE && in->pub_start == DATE_NONE) {
        in->step_date = day;
    }
    rc = case_apply(&d->ctx, who, s, in, &next, &step, &f, &e);
    s->nincomes = ninc;
    s->nguarantees = ngua;
    s->nvisits = nvis;
    findings_free(&f);
    if (rc != 0) {
        mcase_clear(&next);
        return -1;
    }
    mcase_clear(&s->mcase);
    s->mcase = next;
    s->has_case = 1;
    date_format(day, step.at);
    memcpy(step.at + 10, " 09:30:00", 10);
    first = snapshot_first_identified_at(s, &step);
    if (first != 0) {
        s->hh.first_identified = first;   /* as db_case stores it */
    }
    *snapshot_add_step(s) = step;
    return 0;
}

static void
input_for(struct step_input *in, enum case_action a)
{
    memset(in, 0, sizeof(*in));
    in->action = a;
    in->step_date = DATE_NONE;
    in->pub_start = DATE_NONE;
    in->pub_end = DATE_NONE;
}

/* Register the clue of plan P on DAY (re-identification when REIDENT). */
static int
clue(struct demo *d, const struct dtown *t, const struct plan *p, int day,
     int reident)
{
    struct step_input in;
    int former = code_is(&d->a->policy.codes, "hh_type", d->s.hh.hh_type, "former_poor");
    int i;

    input_for(&in, reident ? CA_REIDENTIFY : CA_CLUE);
    in.channel = rng_chance(&d->r, 500) ? "2" : rng_chance(&d->r, 500) ? "1" : rng_chance(&d->r, 600) ? "3" : "4";
    in.category = rng_chance(&d->r, 750) ? (former ? "1" : "2") : "3";
    for (i = 0; i < p->nrisks; i++) {
        in.risks[i] = p->risks[i];
    }
    in.nrisks = p->nrisks;
    in.description = descriptions[risk_index(p->risks[0])];
    return act(d, &t->staff, &in, day);
}

/* Run the identification steps after the clue, stopping at STOP or when
 * the next step would fall after today.  Returns the approval day or
 * DATE_NONE. */
static int
identify(struct demo *d, const struct dtown *t, int day, enum case_state stop)
{
    static const enum case_action steps[] = {CA_VERIFY, CA_APPRAISE, CA_PUBLICIZE,
                                             CA_TOWNSHIP_REVIEW, CA_COUNTY_APPROVE};
    struct step_input in;
    size_t i;

    for (i = 0; i < ARRAY_SIZE(steps); i++) {
        if (d->s.mcase.state == stop) {
            return DATE_NONE;
        }
        if (stop == CS_REJECTED && d->s.mcase.state == CS_VERIFIED) {
            input_for(&in, CA_REJECT);
            in.note = "经入户核实，家庭人均纯收入高于监测范围且无突出困难，不符合纳入条件";
            act(d, &t->staff, &in, day + rng_range(&d->r, 1, 3));
            return DATE_NONE;
        }
        input_for(&in, steps[i]);
        day += steps[i] == CA_TOWNSHIP_REVIEW ? 1 : rng_range(&d->r, 1, 3);
        if (steps[i] == CA_VERIFY) {
            in.authorized = 1;
        }
        if (steps[i] == CA_PUBLICIZE) {
            in.pub_start = day;
            in.pub_end = day + rng_range(&d->r, 4, 6);
            if (act(d, &t->staff, &in, day)) {
                return DATE_NONE;
            }
            day = in.pub_end;
            continue;
        }
        if (act(d, steps[i] == CA_COUNTY_APPROVE ? &d->county : &t->staff, &in, day)) {
            return DATE_NONE;
        }
    }
    return d->s.mcase.state == CS_MONITORED ? d->s.mcase.identified_on : DATE_NONE;
}

static void
add_measure(struct demo *d, const char *category, const char *item, int start)
{
    struct measure *m;

    if (start > d->today) {
        return;
    }
    m = snapshot_add_measure(&d->s);
    m->household_id = d->s.hh.id;
    m->year = date_year(start);
    snprintf(m->category, sizeof(m->category), "%s", category);
    snprintf(m->item, sizeof(m->item), "%s", item);
    m->start = start;
    m->end = DATE_NONE;
}

static void
gen_measures(struct demo *d, const struct plan *p, int ident)
{
    static const char *const dev[][2] = {
        {"100A39", "39-01"}, {"100A39", "39-02"}, {"100A40", "40-01"},
        {"100A40", "40-02"}, {"100A42", "42-01"}, {"100A41", "41-01"},
    };
    if (hh_has_labour(&d->a->policy.codes, &d->s)) {
        if (!rng_chance(&d->r, 40)) {
            size_t k = rng_below(&d->r, 6);

            add_measure(d, dev[k][0], dev[k][1], ident + rng_range(&d->r, 3, 25));
        }
    } else {
        add_measure(d, "100A48", "48-01", ident + rng_range(&d->r, 5, 20));
    }
    if (plan_has_risk(p, "01")) {
        add_measure(d, "100A45", "45-01", ident + rng_range(&d->r, 5, 30));
    }
    if (plan_has_risk(p, "09")) {
        add_measure(d, "100A47", "47-01", ident + rng_range(&d->r, 5, 30));
    }
    if (plan_has_risk(p, "11")) {
        add_measure(d, "100A51", "51-01", ident + rng_range(&d->r, 10, 60));
    }
    if (plan_has_risk(p, "10")) {
        add_measure(d, rng_chance(&d->r, 800) ? "100A50" : "100A53",
                    "50-01", ident + rng_range(&d->r, 10, 90));
    }
}

/* Visits every INTERVAL days or so from FROM to UNTIL. */
static void
gen_visits(struct demo *d, const struct dvill *v, int from, int until,
           int interval, int new_risk_permille)
{
    int day;

    if (from == DATE_NONE) {
        return;
    }
    day = from + rng_range(&d->r, 5, interval);
    while (day <= until && day <= d->today) {
        struct visit *vi = snapshot_add_visit(&d->s);
        int k = (int)rng_below(&d->r, 2);

        vi->household_id = d->s.hh.id;
        vi->visit_date = day;
        snprintf(vi->visitor, sizeof(vi->visitor), "%s", v->cadre_name[k]);
        snprintf(vi->visitor_role, sizeof(vi->visitor_role), "1");
        vi->new_risk = rng_chance(&d->r, new_risk_permille);
        vi->next_visit = day + interval;
        vi->findings = NULL;
        day += rng_range(&d->r, interval * 2 / 3, interval);
    }
}

/* Run the elimination procedure from DAY, stopping at STOP; a refusal
 * (criteria not met) leaves the case monitored. */
static void
eliminate(struct demo *d, const struct dtown *t, int day, enum case_state stop)
{
    static const enum case_action steps[] = {CA_ELIM_APPRAISE, CA_ELIM_PUBLICIZE,
                                             CA_ELIM_TOWNSHIP_REVIEW, CA_ELIM_APPROVE};
    struct step_input in;
    size_t i;

    input_for(&in, CA_ELIM_VERIFY);
    in.method = hh_has_dev_measure(&d->a->policy.codes, &d->s, day) ? "1" : "2";
    if (act(d, &t->staff, &in, day)) {
        return;
    }
    for (i = 0; i < ARRAY_SIZE(steps) && d->s.mcase.state != stop; i++) {
        input_for(&in, steps[i]);
        day += steps[i] == CA_ELIM_TOWNSHIP_REVIEW ? 1 : rng_range(&d->r, 1, 4);
        if (steps[i] == CA_ELIM_PUBLICIZE) {
            in.pub_start = day;
            in.pub_end = day + rng_range(&d->r, 4, 6);
            if (act(d, &t->staff, &in, day)) {
                return;
            }
            day = in.pub_end;
            continue;
        }
        if (act(d, steps[i] == CA_ELIM_APPROVE ? &d->county : &t->staff, &in, day)) {
            return;
        }
    }
}

/* How many days ago a procedure stopped at TARGET began: long enough
 * for its steps (each a few days apart, publicity 5-7 days), sometimes a
 * few days more, so that some are overdue. */
static int
steps_age(struct demo *d, enum case_state target)
{
    switch (target) {
    case CS_CLUE:
    case CS_ELIM_VERIFIED:
        return rng_range(&d->r, 1, 3);
    case CS_VERIFIED:
        return rng_range(&d->r, 4, 6);
    case CS_APPRAISED:
    case CS_ELIM_APPRAISED:
        return rng_range(&d->r, 7, 9);
    case CS_PUBLICIZING:
    case CS_ELIM_PUBLICIZING:
        return rng_range(&d->r, 10, 12);
    default:
        return rng_range(&d->r, 17, 22);
    }
}

/* Decide what happens to the household's case (most have none). */
static void
make_plan(struct demo *d, const struct hh_snapshot *s, struct plan *p)
{
    static const enum case_state targets[] = {
        CS_CLUE, CS_VERIFIED, CS_APPRAISED, CS_PUBLICIZING, CS_TOWNSHIP_REVIEWED,
        CS_REJECTED, CS_MONITORED, CS_ELIM_VERIFIED, CS_ELIM_APPRAISED,
        CS_ELIM_PUBLICIZING, CS_ELIM_TOWNSHIP_REVIEWED, CS_ELIMINATED};
    static const unsigned w[] = {15, 15, 15, 15, 15, 60, 300, 10, 10, 10, 10, 500};
    const size_t ntargets = ARRAY_SIZE(targets);
    int former = code_is(&d->a->policy.codes, "hh_type", s->hh.hh_type, "former_poor");

    memset(p, 0, sizeof(*p));
    p->elim = p->reident = DATE_NONE;
    p->visits_stop = d->today;
    p->target = CS_NONE;
    if (!rng_chance(&d->r, former ? 70 : 40)) {
        return;
    }
    p->target = targets[rng_weighted(&d->r, w, ntargets)];
    /* The first cases of a household that can work take every state in
     * turn, so even a small demo shows all of them. */
    if (d->forced < ntargets && hh_has_labour(&d->a->policy.codes, s)) {
        p->target = targets[d->forced++];
    }
    p->nrisks = choose_risks(d, s, p->risks);
    if (case_state_in_procedure(p->target) && p->target < CS_MONITORED) {
        p->clue = d->today - steps_age(d, p->target);
    } else if (p->target == CS_REJECTED) {
        p->clue = d->today - rng_range(&d->r, 20, 900);
    } else if (p->target == CS_MONITORED) {
        p->clue = d->today - rng_range(&d->r, 40, 1100);
    } else if (p->target != CS_ELIMINATED) {
        /* An elimination under way started recently. */
        p->elim = d->today - steps_age(d, p->target);
        p->clue = p->elim - rng_range(&d->r, 220, 900);
    } else {
        p->clue = d->today - rng_range(&d->r, 260, 1700);
        p->elim = p->clue + 20 + rng_range(&d->r, 190, 420);
        if (p->elim > d->today - 25) {
            p->elim = d->today - 25;
        }
        if (p->target == CS_ELIMINATED && rng_chance(&d->r, 40) &&
            p->elim + 150 < d->today - 40) {
            p->reident = p->elim + rng_range(&d->r, 150, d->today - 40 - p->elim);
        }
    }
    if (rng_chance(&d->r, 40)) {
        p->visits_stop = d->today - rng_range(&d->r, 40, 120);
    }
}

/* Drive the case of the current household through plan P. */
static void
run_case(struct demo *d, const struct plan *p, const struct dvill *v)
{
    const struct dtown *t = &d->towns[v->town];
    enum case_state stop = p->target == CS_ELIM_VERIFIED || p->target == CS_ELIM_PUBLICIZING ||
                           p->target == CS_ELIMINATED ? CS_MONITORED : p->target;
    int ident, end;

    if (clue(d, t, p, p->clue, 0)) {
        return;
    }
    ident = identify(d, t, p->clue, stop);
    if (ident == DATE_NONE) {
        return;
    }
    gen_measures(d, p, ident);
    end = p->elim != DATE_NONE ? p->elim - 1 : p->visits_stop;
    gen_visits(d, v, ident, end, 30, p->target == CS_MONITORED ? 5 : 0);
    if (p->elim != DATE_NONE) {
        eliminate(d, t, p->elim, p->target);
    }
    if (d->s.mcase.state != CS_ELIMINATED) {
        /* Still monitored, or the elimination procedure is under way. */
        if (p->elim != DATE_NONE) {
            gen_visits(d, v, p->elim, p->visits_stop, 30, 0);
        }
        return;
    }
    end = p->reident != DATE_NONE ? p->reident - 1 : p->visits_stop;
    gen_visits(d, v, d->s.mcase.eliminated_on, end, 90, 0);
    if (p->reident != DATE_NONE && d->s.mcase.state == CS_ELIMINATED &&
        clue(d, t, p, p->reident, 1) == 0) {
        ident = identify(d, t, p->reident, CS_NONE);
        if (ident != DATE_NONE) {
            gen_measures(d, p, ident);
            gen_visits(d, v, ident, p->visits_stop, 30, 0);
        }
    }
}

/* --- storing ------------------------------------------------------- */

static int
store_case(struct demo *d, const struct dvill *v, struct err *e)
{
    struct hh_snapshot *s = &d->s;
    const char *me = d->a->login;
    size_t i;

    if (db_case_insert(d->a->db, me, &s->mcase, 0, e)) {
        return -1;
    }
    if (s->hh.first_identified != 0) {
        /* Its approval gave the household its first identification
         * (act()), after the household was stored. */
        struct household stored = s->hh;

        stored.first_identified = 0;
        if (db_household_bulk_update(d->a->db, &stored, &s->hh, e)) {
            return -1;
        }
    }
    for (i = 0; i < s->nsteps; i++) {
        s->steps[i].case_id = s->mcase.id;
        if (db_step_insert(d->a->db, &s->steps[i], e)) {
            return -1;
        }
    }
    for (i = 0; i < s->nmeasures; i++) {
        s->measures[i].case_id = s->mcase.id;
        if (db_measure_insert(d->a->db, me, &s->measures[i], 0, e)) {
            return -1;
        }
    }
    for (i = 0; i < s->nvisits; i++) {
        if (db_visit_insert(d->a->db, me, &s->visits[i], 0, e)) {
            return -1;
        }
    }
    d->st->cases++;
    d->st->by_state[s->mcase.state]++;
    s->ncadres = 1;     /* the list row is made from this snapshot */
    return db_household_cadre_insert(d->a->db, me, s->hh.id,
                                     v->cadre[rng_below(&d->r, 2)],
                                     s->mcase.clue_date, 0, e);
}

static int
store_household(struct demo *d, struct err *e)
{
    struct hh_snapshot *s = &d->s;
    const char *me = d->a->login;
    size_t i;

    if (db_household_insert(d->a->db, me, &s->hh, 0, e)) {
        return -1;
    }
    for (i = 0; i < s->nmembers; i++) {
        s->members[i].household_id = s->hh.id;
        snprintf(s->members[i].person_no, sizeof(s->members[i].person_no),
                 "%.16s%02u", s->hh.hh_no, (unsigned)(i + 1) % 100u);
        if (db_person_insert(d->a->db, me, &s->members[i], 0, e)) {
            return -1;
        }
    }
    for (i = 0; i < s->nincomes; i++) {
        s->incomes[i].household_id = s->hh.id;
        if (db_income_insert(d->a->db, me, &s->incomes[i], 0, e)) {
            return -1;
        }
    }
    for (i = 0; i < s->nguarantees; i++) {
        s->guarantees[i].household_id = s->hh.id;
        if (db_guarantee_insert(d->a->db, me, &s->guarantees[i], 0, e)) {
            return -1;
        }
    }
    d->st->households++;
    d->st->persons += (long)s->nmembers;
    return 0;
}

static void
fill_household(struct demo *d, struct dvill *v)
{
    struct household *h = &d->s.hh;
    uint32_t group;
    int labour;

    snprintf(h->hh_no, sizeof(h->hh_no), "%.12s%04u", v->code,
             (unsigned)++v->seq % 10000u);
    h->township_id = d->towns[v->town].id;
    h->village_id = v->id;
    group = rng_below(&d->r, (uint32_t)v->ngroups);
    h->natural_village_id = v->groups[group];
    snprintf(h->hh_type, sizeof(h->hh_type), "%s", rng_chance(&d->r, 700) ? "1" : "2");
    snprintf(h->address, sizeof(h->address), "%s%s%s", d->towns[v->town].name,
             v->name, demo_group_names.v[group]);
    snprintf(h->phone, sizeof(h->phone), "1%d%09u", rng_range(&d->r, 3, 8),
             rng_below(&d->r, 1000000000u));
    h->relocated = rng_chance(&d->r, 50);
    if (h->relocated) {
        snprintf(h->relocation_site, sizeof(h->relocation_site), "%s集中安置点",
                 d->towns[v->town].name);
    }
    h->military = rng_chance(&d->r, 15);
    gen_members(d, &d->s);
    labour = hh_has_labour(&d->a->policy.codes, &d->s);
    h->no_labour_support = !labour && !rng_chance(&d->r, 50);
}

/* The household's line in the list, from what is in memory. */
static int
put_list_row(struct demo *d, struct err *e)
{
    struct hh_summary sum;
    struct hh_snapshot *s = &d->s;

    /* A rejected case stays, as in the database's snapshots. */
    hh_summarize(&d->ctx, s, &sum, &d->scratch);
    hh_search_terms(s, &d->terms);
    return db_list_put(d->a->db, &sum, d->terms.buf, e);
}

/* Remember the stored household in its village for the funds part (no
 * draws: the households stay the same with or without it). */
static void
keep_household(struct demo *d, struct dvill *v)
{
    const struct hh_snapshot *s = &d->s;
    int poor = code_is(&d->a->policy.codes, "hh_type", s->hh.hh_type, "former_poor");
    int monitored = s->has_case && case_state_monitored(s->mcase.state);
    struct dhh *k;

    v->nhh++;
    v->npoor += poor;
    v->nmonitored += monitored;
    if (v->nkept == DEMO_KEEP_HH) {
        return;
    }
    k = &v->kept[v->nkept++];
    k->id = s->hh.id;
    snprintf(k->hh_no, sizeof(k->hh_no), "%s", s->hh.hh_no);
    snprintf(k->head, sizeof(k->head), "%s", s->nmembers > 0 ? s->members[0].name : "");
    k->former_poor = (unsigned char)poor;
    k->monitored = (unsigned char)monitored;
}

static int
gen_household(struct demo *d, struct err *e)
{
    struct dvill *v = &d->vills[rng_below(&d->r, (uint32_t)d->nvills)];
    struct hh_snapshot *s = &d->s;
    struct plan p;
    int y, labour;

    snapshot_reset(s);
    fill_household(d, v);
    make_plan(d, s, &p);
    labour = hh_has_labour(&d->a->policy.codes, s);
    for (y = first_year(d, &p); y <= d->year; y++) {
        gen_income(d, s, y, income_factor(d, &p, y), labour);
    }
    for (y = p.target == CS_NONE ? d->year : date_year(p.clue); y <= d->year; y++) {
        gen_guarantee(d, s, &p, y);
    }
    if (store_household(d, e)) {
        return -1;
    }
    if (p.target != CS_NONE) {
        run_case(d, &p, v);
        if (s->has_case && store_case(d, v, e)) {
            return -1;
        }
    }
    keep_household(d, v);
    return put_list_row(d, e);
}

/* --- driver ---------------------------------------------------------- */

static void
demo_init(struct demo *d, struct app *a, const struct demo_opts *o,
          struct demo_stats *st)
{
    int y, m, dd;
    size_t i;

    memset(d, 0, sizeof(*d));
    memset(st, 0, sizeof(*st));
    d->a = a;
    d->st = st;
    sbuf_init(&d->terms);
    rng_seed(&d->r, o->seed);
    d->today = o->date;
    date_to_ymd(o->date, &y, &m, &dd);
    d->year = y;
    d->ctx = app_rule_ctx(a);
    d->ctx.today = o->date;
    d->id_first = date_from_ymd(ID_FIRST_YEAR, 1, 1);
    d->id_days = o->date - d->id_first + 1;
    d->idseq = xcalloc((size_t)d->id_days * 2, sizeof(unsigned short));
    d->surname_w = xmalloc(demo_nsurnames * sizeof(unsigned));
    for (i = 0; i < demo_nsurnames; i++) {
        d->surname_w[i] = demo_surnames[i].weight;
    }
    snprintf(d->county_code, sizeof(d->county_code), "519901");
}

static void
demo_release(struct demo *d)
{
    snapshot_free(&d->s);
    findings_free(&d->scratch);
    sbuf_release(&d->terms);
    free(d->towns);
    free(d->vills);
    free(d->idseq);
    free(d->surname_w);
}

int
demo_generate(struct app *a, const struct demo_opts *o, struct demo_stats *st,
              struct err *e)
{
    struct demo d;
    char summary[128];
    long i;
    int rc = -1;

    demo_init(&d, a, o, st);
    if (db_begin(a->db, e)) {
        goto out;
    }
    if (gen_divisions(&d, o->households, e)) {
        goto fail;
    }
    for (i = 0; i < o->households; i++) {
        if (gen_household(&d, e)) {
            goto fail;
        }
    }
    snprintf(summary, sizeof(summary), "demo: %ld households, %ld persons, seed %llu",
             st->households, st->persons, (unsigned long long)o->seed);
    if (db_audit(a->db, a->login, "bulk", "household", 0, NULL, NULL, summary, e) ||
        db_meta_set(a->db, "demo", "1", e) ||
        db_meta_set(a->db, "list_version", LIST_VERSION, e) ||
        db_list_reindex(a->db, e) || db_commit(a->db, e)) {
        goto fail;
    }
    /* Each change of the funds is its own transaction with its audit
     * rows, through the repositories. */
    rc = demo_funds(&d, o->seed, e) || demo_pair(&d, o->seed, e) ? -1 : 0;
    goto out;
fail:
    db_rollback(a->db);
out:
    demo_release(&d);
    return rc;
}
