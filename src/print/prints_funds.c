/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * prints_funds.c - the funds prints (domain.md 6.4, 6.5, 7): the project
 * publicity lists of the pool (村级、乡镇、县级公示) and the announcement
 * of the year's plan (年度计划公告), the announcement of fund allocation
 * results (资金分配结果公告), and the asset ledger (资产台账) in its three
 * ledgers.  The publicity lists and the announcements are posted in
 * public: they count beneficiaries and never name a household, and their
 * free text goes through mask_long_numbers() so that an ID number, a phone
 * or an account typed into a description never reaches a notice board.
 * The ledger is an internal document: a household asset shows the
 * household's number, nothing more.  Amounts are added in fen, so every
 * total is exactly the sum of its rows.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/codes.h"
#include "core/date.h"
#include "core/doc.h"
#include "core/funds.h"
#include "core/idno.h"
#include "core/money.h"
#include "core/project.h"
#include "core/role.h"
#include "db/db_division.h"
#include "db/db_fund.h"
#include "db/db_household.h"
#include "print/print.h"
#include "print/prints.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

/* ---- shared ------------------------------------------------------------ */

/* The place a print covers: a village, a township or the county. */
struct place {
    int64_t township, village;
    char tw[200], vi[200];
};

/* *PL for TOWNSHIP and VILLAGE as asked (a village brings its township);
 * nothing asked: the account's own scope.  ERR_DENIED outside it. */
static int place_get(const struct print_env *env, int64_t township,
                     int64_t village, struct place *pl, struct err *e)
{
    const struct actor *a = env->actor;
    struct division d;

    memset(pl, 0, sizeof(*pl));
    if (township == 0 && village == 0 && a->scope_level == LEVEL_VILLAGE) {
        village = a->scope_id;
    } else if (township == 0 && village == 0 && a->scope_level == LEVEL_TOWNSHIP) {
        township = a->scope_id;
    }
    if (village != 0) {
        if (db_division_get(env->db, village, &d, e) < 0) {
            return -1;
        }
        snprintf(pl->vi, sizeof(pl->vi), "%s", d.name);
        township = d.parent_id;
    }
    if (township != 0) {
        if (db_division_get(env->db, township, &d, e) < 0) {
            return -1;
        }
        snprintf(pl->tw, sizeof(pl->tw), "%s", d.name);
    }
    pl->township = township;
    pl->village = village;
    if (!actor_sees(a, township, village)) {
        return err_set(e, ERR_DENIED, _("%s is outside your scope"),
                       village ? pl->vi : township ? pl->tw : env->county);
    }
    return 0;
}

/* "青山县 金茶镇 清永村" as far as PL goes. */
static void place_subtitle(const struct print_env *env, struct doc *d,
                           const struct place *pl)
{
    char sub[700];

    snprintf(sub, sizeof(sub), "%s%s%s%s%s", env->county, pl->township ? " " : "",
             pl->tw, pl->village ? " " : "", pl->vi);
    doc_subtitle(d, sub);
}

/* Who publishes a notice of PL: the village committee, the township's or
 * the county's government. */
static void publisher(const struct print_env *env, const struct place *pl,
                      char *buf, size_t n)
{
    if (pl->village) {
        snprintf(buf, n, _("%s village committee"), pl->vi);
    } else {
        snprintf(buf, n, _("%s people's government"), pl->township ? pl->tw : env->county);
    }
}

/* The closing lines of a notice of PL: where to complain, who publishes,
 * and the date. */
static void notice_end(const struct print_env *env, struct doc *d,
                       const struct place *pl, int publicity)
{
    char body[300];

    publisher(env, pl, body, sizeof(body));
    doc_paraf(d, DOC_LEFT, 4,
              publicity ? _("Objections may be raised within the publicity period, in writing "
                            "or in person, with %s. Supervision hotline: %s.")
                        : _("Questions and objections may be raised with %s. "
                            "Supervision hotline: %s."),
              body, env->hotline);
    print_closing(env, d, body);
}

/* A copy of S fit for a notice board (caller frees). */
static char *public_text(const char *s)
{
    char *t = xstrdup(s ? s : "");

    mask_long_numbers(t);
    return t;
}

static void cell_public(struct doc *d, const char *s)
{
    char *t = public_text(s);

    doc_cell(d, t);
    free(t);
}

/* "LABEL AMOUNT元", after a separator when SB holds something. */
static void add_amount(struct sbuf *sb, const char *label, int64_t fen)
{
    char m[MONEY_BUF];

    money_format(fen, 1, m);
    if (sb->len) {
        sbuf_adds(sb, _("; "));
    }
    sbuf_addf(sb, _("%s %s yuan"), label, m);
}

/* ---- the project publicity --------------------------------------------- */

/* One project on the list, with what the row lacks. */
struct pitem {
    struct project p;
    char place[PLACE_BUF];
    int pub_start, pub_end;       /* of the publicity's step */
    char doc_no[FUND_DOC_BUF];    /* of the publicity's step */
    struct asset_source *src;     /* allocated, by fund type */
    size_t nsrc;
    int64_t arranged;             /* allocated and own funds */
    int64_t total;                /* the budget, or what is arranged if more */
};

static void pitems_free(struct pitem *v, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        project_clear(&v[i].p);
        free(v[i].src);
    }
    free(v);
}

/* The dates and document of the latest step of IT's history that opened
 * publicity PUB. */
static int pitem_step(const struct print_env *env, enum proj_pub pub,
                      struct pitem *it, struct err *e)
{
    struct proj_step *v = NULL;
    size_t n = 0, i;

    it->pub_start = it->pub_end = DATE_NONE;
    if (db_project_steps(env->db, it->p.id, &v, &n, e) < 0) {
        return -1;
    }
    for (i = 0; i < n; i++) {
        if (v[i].action == proj_pub_action(pub)) {
            it->pub_start = v[i].pub_start;
            it->pub_end = v[i].pub_end;
            snprintf(it->doc_no, sizeof(it->doc_no), "%s", v[i].doc_no);
        }
    }
    proj_steps_free(v, n);
    return 0;
}

static int by_fund_type(const void *a, const void *b)
{
    return strcmp(((const struct asset_source *)a)->fund_type,
                  ((const struct asset_source *)b)->fund_type);
}

/* IT's allocations added up by fund type, and its totals. */
static int pitem_sources(const struct print_env *env, struct pitem *it,
                         struct err *e)
{
    struct alloc_row *v = NULL;
    size_t n = 0, i, k, alloc = 0;

    if (db_allocation_list(env->db, &env->ctx, it->p.id, 0, &v, &n, e) < 0) {
        return -1;
    }
    it->arranged = it->p.self_funds;
    for (i = 0; i < n; i++) {
        for (k = 0; k < it->nsrc && strcmp(it->src[k].fund_type, v[i].fund_type) != 0; k++) {
        }
        if (k == it->nsrc) {
            it->src = xgrow(it->src, &alloc, k + 1, sizeof(*it->src));
            memset(&it->src[k], 0, sizeof(it->src[k]));
            snprintf(it->src[k].fund_type, sizeof(it->src[k].fund_type), "%s", v[i].fund_type);
            it->nsrc++;
        }
        it->src[k].amount += v[i].a.amount;
        it->arranged += v[i].a.amount;
        allocation_clear(&v[i].a);
    }
    free(v);
    if (it->nsrc > 1) {
        qsort(it->src, it->nsrc, sizeof(*it->src), by_fund_type);
    }
    it->total = it->p.budget > it->arranged ? it->p.budget : it->arranged;
    return 0;
}

static int pitem_load(const struct print_env *env, enum proj_pub pub,
                      const struct project_row *row, struct pitem *it,
                      struct err *e)
{
    project_init(&it->p);
    snprintf(it->place, sizeof(it->place), "%s", row->place);
    if (db_project_get(env->db, row->id, &it->p, e) < 0) {
        return -1;
    }
    return pitem_step(env, pub, it, e) < 0 || pitem_sources(env, it, e) < 0 ? -1 : 0;
}

/* The rows R asks for: its projects (all within the scope), or those of
 * its year and place on the list of its publicity. */
static int project_rows(const struct print_env *env,
                        const struct print_request *r, const struct place *pl,
                        struct project_row **v, size_t *n, struct err *e)
{
    struct funds_filter f;
    size_t i, k = 0;

    if (r->nprojects > 0) {
        if (db_project_rows(env->db, &env->ctx, env->actor, r->projects, r->nprojects,
                            v, n, e) < 0) {
            return -1;
        }
        if (*n < r->nprojects) {
            free(*v);
            *v = NULL;
            return err_set(e, ERR_DENIED, "%s", _("a project chosen is outside your scope"));
        }
        return 0;
    }
    funds_filter_init(&f);
    f.year = r->year;
    f.township_id = pl->township;
    f.village_id = pl->village;
    if (db_project_list(env->db, &env->ctx, env->actor, &f, v, n, e) < 0) {
        return -1;
    }
    for (i = 0; i < *n; i++) {
        if (proj_pub_lists((enum proj_pub)r->stage, (*v)[i].state)) {
            (*v)[k++] = (*v)[i];
        }
    }
    *n = k;
    return 0;
}

/* The place common to every row: one village, one township, or the
 * county. */
static void rows_place(const struct project_row *v, size_t n, int64_t *township,
                       int64_t *village)
{
    size_t i;

    *township = n ? v[0].township_id : 0;
    *village = n ? v[0].village_id : 0;
    for (i = 1; i < n; i++) {
        if (v[i].village_id != *village) {
            *village = 0;
        }
        if (v[i].township_id != *township) {
            *township = 0;
        }
    }
}

/* The period and document every item shares (DATE_NONE / "" when they
 * differ); a period given in R wins. */
static void shared_step(const struct print_request *r, const struct pitem *v,
                        size_t n, int *from, int *to, const char **doc)
{
    size_t i;

    *from = v[0].pub_start;
    *to = v[0].pub_end;
    *doc = v[0].doc_no;
    for (i = 1; i < n; i++) {
        if (v[i].pub_start != *from || v[i].pub_end != *to) {
            *from = *to = DATE_NONE;
        }
        if (strcmp(v[i].doc_no, *doc) != 0) {
            *doc = "";
        }
    }
    if (r->pub_start > 0 && r->pub_end >= r->pub_start) {
        *from = r->pub_start;
        *to = r->pub_end;
    }
}

static const char *const pub_titles[PP_COUNT] = {
    N_("Announcement of the annual project plan"),
    N_("Village publicity of proposed projects"),
    N_("Township publicity of projects"),
    N_("County publicity of projects approved into the pool"),
};

const char *prints_projects_title(int pub)
{
    return (unsigned)pub < PP_COUNT ? _(pub_titles[pub]) : "";
}

/* The first sentence of the list of publicity PUB of N projects of YEAR. */
static void intro_sentence(struct sbuf *sb, enum proj_pub pub, size_t n, int year)
{
    switch (pub) {
    case PP_VILLAGE:
        sbuf_addf(sb, _("After the discussion of the village committees' meeting and the "
                        "villagers' representatives' meeting, the %zu projects below are "
                        "proposed for the %d project pool for consolidating the achievements "
                        "in poverty alleviation and rural revitalization, and are made public "
                        "here. "),
                  n, year);
        break;
    case PP_TOWNSHIP:
        sbuf_addf(sb, _("After the township's review, the %zu projects below are proposed for "
                        "the %d project pool for consolidating the achievements in poverty "
                        "alleviation and rural revitalization, and are made public here. "),
                  n, year);
        break;
    case PP_COUNTY:
        sbuf_addf(sb, _("After the county's argument and approval, the %zu projects below "
                        "enter the %d project pool for consolidating the achievements in "
                        "poverty alleviation and rural revitalization, and are made public "
                        "here. "),
                  n, year);
        break;
    default:
        sbuf_addf(sb, _("The %zu projects below are in the %d annual plan of projects for "
                        "consolidating the achievements in poverty alleviation and rural "
                        "revitalization, and are announced here. "),
                  n, year);
        break;
    }
}

/* 1 when the items' periods differ and some item has one: each then
 * shows its own. */
static int own_periods(const struct pitem *v, size_t n, int from)
{
    size_t i;

    for (i = 0; from == DATE_NONE && i < n; i++) {
        if (v[i].pub_start != DATE_NONE) {
            return 1;
        }
    }
    return 0;
}

static void projects_intro(struct doc *d, enum proj_pub pub, int year, size_t n,
                           int from, int to, const char *doc, int own)
{
    struct sbuf sb = SBUF_INIT;
    char a[64], b[64];

    intro_sentence(&sb, pub, n, year);
    if (doc[0] != '\0') {
        sbuf_addf(&sb, _("Document: %s. "), doc);
    }
    if (from != DATE_NONE && to != DATE_NONE) {
        print_date(from, a, sizeof(a));
        print_date(to, b, sizeof(b));
        sbuf_addf(&sb, _("They are made public for %d days, from %s to %s. "),
                  to - from + 1, a, b);
    } else if (own) {
        sbuf_adds(&sb, _("Each project's publicity period is given with it. "));
    }
    doc_para(d, DOC_LEFT, 4, sb.buf);
    sbuf_release(&sb);
}

static void projects_table(const struct print_env *env, struct doc *d,
                           const struct pitem *v, size_t n)
{
    const struct doc_col cols[] = {
        {_("No."), 4, DOC_RIGHT},
        {_("Project name"), 24, DOC_LEFT},
        {_("Place"), 16, DOC_LEFT},
        {_("Type"), 8, DOC_LEFT},
        {_("Total investment (yuan)"), 14, DOC_RIGHT},
    };
    int64_t sum = 0;
    size_t i;

    doc_table(d, cols, ARRAY_SIZE(cols), NULL);
    for (i = 0; i < n; i++) {
        doc_cellf(d, "%zu", i + 1);
        cell_public(d, v[i].p.name);
        doc_cell(d, v[i].place);
        doc_cell(d, code_short(env->codes, "project_type", v[i].p.ptype));
        print_cell_yuan(d, v[i].total);
        sum += v[i].total;
    }
    doc_cell(d, "");
    doc_cell(d, _("Total"));
    doc_cell(d, "");
    doc_cell(d, "");
    print_cell_yuan(d, sum);
}

/* "衔接推进乡村振兴补助资金 800,000.00元；自筹及其他 200,000.00元" */
static void sources_text(const struct print_env *env, const struct pitem *it,
                         struct sbuf *sb)
{
    size_t i;

    for (i = 0; i < it->nsrc; i++) {
        add_amount(sb, code_label(env->codes, "fund_type", it->src[i].fund_type),
                   it->src[i].amount);
    }
    if (it->p.self_funds > 0) {
        add_amount(sb, _("own funds and others"), it->p.self_funds);
    }
    if (it->total > it->arranged) {
        add_amount(sb, _("to be arranged"), it->total - it->arranged);
    }
}

/* A paragraph "LABEL：TEXT" of free text, "not recorded" when empty. */
static void text_para(struct doc *d, const char *label, const char *text)
{
    char *t = public_text(text && *text ? text : _("not recorded"));

    doc_paraf(d, DOC_LEFT, 0, "%s%s", label, t);
    free(t);
}

static void project_detail(const struct print_env *env, struct doc *d,
                           const struct pitem *it, size_t no, int own_period)
{
    const struct project *p = &it->p;
    struct sbuf sb = SBUF_INIT;
    char buf[300], *t;

    t = public_text(p->name);
    snprintf(buf, sizeof(buf), "%zu. %s", no, t);
    free(t);
    doc_heading(d, buf);
    doc_fields(d, 2);
    doc_field(d, _("Project number: "), p->proj_no);
    doc_field(d, _("Project type: "), code_label(env->codes, "project_type", p->ptype));
    doc_field(d, _("Construction site: "), it->place);
    t = public_text(p->implementer[0] ? p->implementer : _("not recorded"));
    doc_field(d, _("Implemented by: "), t);
    free(t);
    doc_fields(d, 1);
    print_period(p->period_start, p->period_end, buf, sizeof(buf));
    doc_field(d, _("Construction period: "), buf);
    print_yuan(it->total, buf, sizeof(buf));
    doc_field(d, _("Total investment: "), buf);
    sources_text(env, it, &sb);
    doc_field(d, _("Fund sources: "), sb.len ? sb.buf : _("not recorded"));
    sbuf_reset(&sb);
    sbuf_addf(&sb, _("%d households, %d persons; of them out of poverty %d households, "
                     "%d persons; monitored %d households, %d persons"),
              p->hh_benefit, p->persons_benefit, p->hh_poor, p->persons_poor,
              p->hh_monitored, p->persons_monitored);
    doc_field(d, _("Beneficiaries: "), sb.buf);
    if (own_period) {
        print_period(it->pub_start, it->pub_end, buf, sizeof(buf));
        doc_field(d, _("Publicity period: "), buf);
    }
    text_para(d, _("Construction content and scale: "), p->content);
    text_para(d, _("Farmer-linking mechanism: "), p->linking);
    text_para(d, _("Performance targets: "), p->targets);
    sbuf_release(&sb);
}

static struct doc *projects_doc(const struct print_env *env,
                                const struct print_request *r,
                                const struct place *pl, const struct pitem *v,
                                size_t n)
{
    enum proj_pub pub = (enum proj_pub)r->stage;
    struct doc *d = doc_new(_(pub_titles[pub]));
    int year = r->year ? r->year : v[0].p.year, from, to, own;
    const char *docno;
    char sub[64];
    size_t i;

    place_subtitle(env, d, pl);
    snprintf(sub, sizeof(sub), _("Year %d"), year);
    doc_subtitle(d, sub);
    shared_step(r, v, n, &from, &to, &docno);
    own = own_periods(v, n, from);
    projects_intro(d, pub, year, n, from, to, docno, own);
    projects_table(env, d, v, n);
    for (i = 0; i < n; i++) {
        project_detail(env, d, &v[i], i + 1, own && v[i].pub_start != DATE_NONE);
    }
    notice_end(env, d, pl, pub != PP_PLAN);
    return d;
}

int prints_projects(const struct print_env *env, const struct print_request *r,
                    struct doc **out, int64_t **ids, size_t *nids,
                    struct err *e)
{
    struct project_row *rows = NULL;
    struct pitem *v;
    struct place pl;
    int64_t tw = r->township, vi = r->village;
    size_t n = 0, i;

    memset(&pl, 0, sizeof(pl));
    if ((unsigned)r->stage >= PP_COUNT) {
        return err_set(e, ERR_INVALID, "%s", _("unknown kind of publicity"));
    }
    if (r->nprojects == 0 && place_get(env, tw, vi, &pl, e) < 0) {
        return -1;
    }
    if (project_rows(env, r, &pl, &rows, &n, e) < 0) {
        return -1;
    }
    if (n == 0) {
        free(rows);
        return err_set(e, ERR_NOTFOUND, _("no project of %d is on that list"), r->year);
    }
    if (r->nprojects > 0) {
        rows_place(rows, n, &tw, &vi);
        if (place_get(env, tw, vi, &pl, e) < 0) {
            free(rows);
            return -1;
        }
    }
    v = xcalloc(n, sizeof(*v));
    for (i = 0; i < n; i++) {
        if (pitem_load(env, (enum proj_pub)r->stage, &rows[i], &v[i], e) < 0) {
            pitems_free(v, i + 1);
            free(rows);
            return -1;
        }
    }
    *out = projects_doc(env, r, &pl, v, n);
    *ids = xcalloc(n, sizeof(**ids));
    for (i = 0; i < n; i++) {
        (*ids)[i] = rows[i].id;
    }
    *nids = n;
    pitems_free(v, n);
    free(rows);
    return 0;
}

/* ---- the fund allocation announcement ------------------------------------ */

/* The projects the account sees, by id, for the allocations' places. */
struct projmap {
    struct project_row *v;
    size_t n;
};

static int by_id(const void *a, const void *b)
{
    int64_t x = ((const struct project_row *)a)->id, y = ((const struct project_row *)b)->id;

    return x < y ? -1 : x > y;
}

static int projmap_load(const struct print_env *env, struct projmap *m,
                        struct err *e)
{
    struct funds_filter f;

    funds_filter_init(&f);
    if (db_project_list(env->db, &env->ctx, env->actor, &f, &m->v, &m->n, e) < 0) {
        return -1;
    }
    qsort(m->v, m->n, sizeof(*m->v), by_id);
    return 0;
}

/* Project ID's row, or NULL when the account does not see it. */
static const struct project_row *projmap_find(const struct projmap *m, int64_t id)
{
    struct project_row key;

    key.id = id;
    return bsearch(&key, m->v, m->n, sizeof(*m->v), by_id);
}

/* 1 when the account sees the whole county. */
static int sees_county(const struct actor *a)
{
    return a->scope_level != LEVEL_TOWNSHIP && a->scope_level != LEVEL_VILLAGE;
}

/* One receipt on the announcement and the allocations shown of it. */
struct fitem {
    struct fund f;
    struct alloc_row *a;              /* to projects the account sees */
    const struct project_row **p;     /* their projects, in the map */
    size_t na;
    int64_t shown;                    /* the sum of the allocations shown */
    int64_t allocated;                /* the sum of all its allocations */
};

static void fitem_clear(struct fitem *it)
{
    size_t k;

    fund_clear(&it->f);
    for (k = 0; k < it->na; k++) {
        allocation_clear(&it->a[k].a);
    }
    free(it->a);
    free(it->p);
    memset(it, 0, sizeof(*it));
}

static void fitems_free(struct fitem *v, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        fitem_clear(&v[i]);
    }
    free(v);
}

/* IT's allocations to the projects of M (the rest are outside the
 * scope and only counted). */
static int fitem_allocations(const struct print_env *env,
                             const struct projmap *m, struct fitem *it,
                             struct err *e)
{
    size_t n = 0, i;

    if (db_allocation_list(env->db, &env->ctx, 0, it->f.id, &it->a, &n, e) < 0) {
        return -1;
    }
    it->p = xcalloc(n ? n : 1, sizeof(*it->p));
    for (i = 0; i < n; i++) {
        const struct project_row *p = projmap_find(m, it->a[i].a.project_id);

        it->allocated += it->a[i].a.amount;
        if (p != NULL) {
            it->shown += it->a[i].a.amount;
            it->p[it->na] = p;
            it->a[it->na++] = it->a[i];
        } else {
            allocation_clear(&it->a[i].a);
        }
    }
    return 0;
}

/* The receipts R asks for: one, or those of a year. */
static int fitems_of(const struct print_env *env, const struct print_request *r,
                     struct fitem **v, size_t *n, struct err *e)
{
    struct fund_row *rows = NULL;
    struct funds_filter f;
    size_t i;

    if (r->fund != 0) {
        *v = xcalloc(1, sizeof(**v));
        fund_init(&(*v)[0].f);
        *n = 1;
        return db_fund_get(env->db, r->fund, &(*v)[0].f, e);
    }
    if (r->year == 0) {
        return err_set(e, ERR_INVALID, "%s", _("give a receipt or a year"));
    }
    funds_filter_init(&f);
    f.year = r->year;
    if (db_fund_list(env->db, &f, &rows, n, e) < 0) {
        return -1;
    }
    *v = xcalloc(*n ? *n : 1, sizeof(**v));
    for (i = 0; i < *n; i++) {
        (*v)[i].f = rows[i].f;
    }
    free(rows);
    return 0;
}

/* The allocations of every receipt; the receipts kept are those with
 * allocations shown, or all for an account that sees the whole county. */
static int fitems_load(const struct print_env *env, const struct projmap *m,
                       struct fitem *v, size_t *n, struct err *e)
{
    size_t i, k = 0;

    for (i = 0; i < *n; i++) {
        if (fitem_allocations(env, m, &v[i], e) < 0) {
            return -1;
        }
    }
    for (i = 0; i < *n; i++) {
        if (v[i].na > 0 || sees_county(env->actor)) {
            v[k++] = v[i];
        } else {
            fitem_clear(&v[i]);
        }
    }
    *n = k;
    return 0;
}

static void fund_fields(const struct print_env *env, struct doc *d,
                        const struct fund *f)
{
    char buf[64];

    doc_fields(d, 2);
    doc_field(d, _("Document number: "), f->doc_no);
    print_date(f->received_on, buf, sizeof(buf));
    doc_field(d, _("Received on: "), buf);
    doc_field(d, _("Fund type: "), code_label(env->codes, "fund_type", f->fund_type));
    doc_field(d, _("Level: "), code_label(env->codes, "fund_level", f->level));
    print_yuan(f->amount, buf, sizeof(buf));
    doc_field(d, _("Amount received: "), buf);
    if (f->batch[0]) {
        doc_field(d, _("Batch: "), f->batch);
    }
    if (f->task_line[0]) {
        doc_fields(d, 1);
        doc_field(d, _("Task: "), code_label(env->codes, "task_line", f->task_line));
    }
}

static void alloc_table(struct doc *d, const struct fitem *it)
{
    const struct doc_col cols[] = {
        {_("No."), 4, DOC_RIGHT},
        {_("Project name"), 24, DOC_LEFT},
        {_("Place"), 14, DOC_LEFT},
        {_("Allocated amount (yuan)"), 14, DOC_RIGHT},
        {_("Date"), 10, DOC_LEFT},
    };
    size_t i;

    doc_table(d, cols, ARRAY_SIZE(cols), _("none"));
    for (i = 0; i < it->na; i++) {
        char day[DATE_BUF];

        doc_cellf(d, "%zu", i + 1);
        cell_public(d, it->a[i].proj_name);
        doc_cell(d, it->p[i]->place);
        print_cell_yuan(d, it->a[i].a.amount);
        date_format(it->a[i].a.alloc_date, day);
        doc_cell(d, day);
    }
    if (it->na > 0) {
        doc_cell(d, "");
        doc_cell(d, _("Total"));
        doc_cell(d, "");
        print_cell_yuan(d, it->shown);
        doc_cell(d, "");
    }
}

/* One receipt: its heading (numbered NO unless 0), fields, allocations
 * and, when WHOLE, what is left of it. */
static void fund_section(const struct print_env *env, struct doc *d,
                         const struct fitem *it, size_t no, int whole)
{
    char buf[300], a[MONEY_BUF], b[MONEY_BUF], c[MONEY_BUF];
    char *t = public_text(it->f.title[0] ? it->f.title : it->f.doc_no);

    if (no > 0) {
        snprintf(buf, sizeof(buf), "%zu. %s", no, t);
    } else {
        snprintf(buf, sizeof(buf), "%s", t);
    }
    free(t);
    doc_heading(d, buf);
    fund_fields(env, d, &it->f);
    alloc_table(d, it);
    if (whole) {
        money_format(it->f.amount, 1, a);
        money_format(it->allocated, 1, b);
        money_format(it->f.amount - it->allocated, 1, c);
        doc_paraf(d, DOC_LEFT, 0,
                  _("Received %s yuan; allocated %s yuan; not yet allocated %s yuan."), a, b, c);
    }
}

/* The receipts of a year side by side, with their totals. */
static void funds_summary(struct doc *d, const struct fitem *v, size_t n)
{
    const struct doc_col cols[] = {
        {_("No."), 4, DOC_RIGHT},
        {_("Fund and document"), 32, DOC_LEFT},
        {_("Received (yuan)"), 15, DOC_RIGHT},
        {_("Allocated (yuan)"), 15, DOC_RIGHT},
    };
    int64_t received = 0, shown = 0;
    size_t i;

    doc_table(d, cols, ARRAY_SIZE(cols), NULL);
    for (i = 0; i < n; i++) {
        char *t = public_text(v[i].f.title);

        doc_cellf(d, "%zu", i + 1);
        doc_cellf(d, "%s%s%s", t, t[0] ? "\n" : "", v[i].f.doc_no);
        print_cell_yuan(d, v[i].f.amount);
        print_cell_yuan(d, v[i].shown);
        received += v[i].f.amount;
        shown += v[i].shown;
        free(t);
    }
    doc_cell(d, "");
    doc_cell(d, _("Total"));
    print_cell_yuan(d, received);
    print_cell_yuan(d, shown);
}

static struct doc *allocation_doc(const struct print_env *env,
                                  const struct print_request *r,
                                  const struct place *pl, const struct fitem *v,
                                  size_t n)
{
    struct doc *d = doc_new(_("Announcement of fund allocation results"));
    int whole = sees_county(env->actor);
    char sub[64];
    size_t i;

    place_subtitle(env, d, pl);
    if (r->fund == 0) {
        snprintf(sub, sizeof(sub), _("Year %d"), r->year);
        doc_subtitle(d, sub);
        doc_paraf(d, DOC_LEFT, 4,
                  _("The allocation to projects of the funds received for %d is announced as follows."),
                  r->year);
    } else {
        doc_para(d, DOC_LEFT, 4,
                 _("The allocation of the funds below to projects is announced as follows."));
    }
    if (!whole) {
        doc_paraf(d, DOC_LEFT, 4, _("Only the allocations to projects of %s are listed."),
                  pl->village ? pl->vi : pl->tw);
    }
    if (r->fund == 0 && n > 1) {
        funds_summary(d, v, n);
    }
    for (i = 0; i < n; i++) {
        fund_section(env, d, &v[i], r->fund == 0 && n > 1 ? i + 1 : 0, whole);
    }
    notice_end(env, d, pl, 0);
    return d;
}

int prints_allocation(const struct print_env *env,
                      const struct print_request *r, struct doc **out,
                      int64_t **ids, size_t *nids, struct err *e)
{
    struct projmap m = {NULL, 0};
    struct fitem *v = NULL;
    struct place pl;
    size_t n = 0, i;
    int rc;

    rc = place_get(env, 0, 0, &pl, e);
    if (rc == 0) {
        rc = fitems_of(env, r, &v, &n, e);
    }
    if (rc == 0) {
        rc = projmap_load(env, &m, e);
    }
    if (rc == 0) {
        rc = fitems_load(env, &m, v, &n, e);
    }
    if (rc == 0 && n == 0) {
        rc = r->fund ? err_set(e, ERR_NOTFOUND, "%s",
                               _("nothing of that receipt is allocated to projects you see"))
                     : err_set(e, ERR_NOTFOUND,
                               _("nothing received for %d is allocated to projects you see"),
                               r->year);
    }
    if (rc == 0) {
        *out = allocation_doc(env, r, &pl, v, n);
        *ids = xcalloc(n, sizeof(**ids));
        for (i = 0; i < n; i++) {
            (*ids)[i] = v[i].f.id;
        }
        *nids = n;
    }
    fitems_free(v, n);
    free(m.v);
    return rc;
}

/* ---- the asset ledger ------------------------------------------------------ */

/* One asset in the ledger, with what the row lacks. */
struct aitem {
    struct asset_row row;
    struct asset a;
    char hh_no[HH_NO_BUF];        /* a household asset's household */
};

static void aitems_free(struct aitem *v, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        asset_clear(&v[i].a);
    }
    free(v);
}

static int aitem_load(const struct print_env *env, const struct asset_row *row,
                      struct aitem *it, struct err *e)
{
    struct household h;

    it->row = *row;
    asset_init(&it->a);
    if (db_asset_get(env->db, row->id, &it->a, e) < 0) {
        return -1;
    }
    if (it->a.household_id != 0) {
        if (db_household_get(env->db, it->a.household_id, &h, e) < 0) {
            return -1;
        }
        snprintf(it->hh_no, sizeof(it->hh_no), "%s", h.hh_no);
    }
    return 0;
}

/* Where IT lies, as far as the ledger's place PL does not say already. */
static const char *asset_place(const struct place *pl, const struct aitem *it)
{
    const char *slash = strchr(it->row.place, '/');

    if (pl->village) {
        return "";
    }
    if (pl->township) {
        return slash ? slash + 1 : it->row.place;
    }
    return it->row.place;
}

static void asset_table(struct doc *d)
{
    const struct doc_col cols[] = {
        {_("Asset number\nYear\nStatus"), 11, DOC_LEFT},
        {_("Asset name\nProject"), 16, DOC_LEFT},
        {_("Type\nScale\nPlace"), 8, DOC_LEFT},
        {_("Original value (yuan)\nFund sources"), 13, DOC_RIGHT},
        {_("Ownership\nOperation\nUpkeep by"), 8, DOC_LEFT},
        {_("Latest income\n(yuan)"), 10, DOC_RIGHT},
    };

    doc_table(d, cols, ARRAY_SIZE(cols), _("none"));
}

static void asset_row_cells(const struct print_env *env, const struct place *pl,
                            struct doc *d, const struct aitem *it)
{
    const struct asset *a = &it->a;
    struct sbuf sb = SBUF_INIT;
    char m[MONEY_BUF];
    int i;

    doc_cellf(d, "%s\n%d\n%s", a->asset_no, a->year,
              code_label(env->codes, "asset_status", a->status));
    sbuf_addf(&sb, "%s\n%s", a->name, print_or_dash(it->row.proj_name));
    if (it->hh_no[0]) {
        sbuf_addch(&sb, '\n');
        sbuf_addf(&sb, _("household %s"), it->hh_no);
    }
    doc_cell(d, sb.buf);
    doc_cellf(d, "%s\n%s\n%s", print_or_dash(code_short(env->codes, "asset_type", a->atype)),
              print_or_dash(a->scale), asset_place(pl, it));
    sbuf_reset(&sb);
    money_format(a->value, 1, m);
    sbuf_adds(&sb, m);
    for (i = 0; i < a->nsrc; i++) {
        money_format(a->src[i].amount, 1, m);
        sbuf_addf(&sb, "\n%s %s", code_short(env->codes, "fund_type", a->src[i].fund_type), m);
    }
    doc_cell(d, sb.buf);
    doc_cellf(d, "%s\n%s\n%s", print_or_dash(code_label(env->codes, "owner_level", a->owner_level)),
              print_or_dash(code_label(env->codes, "op_mode", a->op_mode)), print_or_dash(a->maintainer));
    if (it->row.income_year > 0) {
        money_format(it->row.last_income, 1, m);
        doc_cellf(d, _("in %d\n%s"), it->row.income_year, m);
    } else {
        doc_cell(d, "-");
    }
    sbuf_release(&sb);
}

/* The ledger of class CLASS: its assets and their subtotal; *COUNT and
 * *VALUE get them. */
static void class_ledger(const struct print_env *env, const struct place *pl,
                         struct doc *d, const char *class,
                         const struct aitem *v, size_t n, size_t *count,
                         int64_t *value)
{
    char buf[200];
    size_t i;

    *count = 0;
    *value = 0;
    snprintf(buf, sizeof(buf), _("%s ledger"), code_label(env->codes, "asset_class", class));
    doc_heading(d, buf);
    asset_table(d);
    for (i = 0; i < n; i++) {
        if (strcmp(v[i].a.aclass, class) == 0) {
            asset_row_cells(env, pl, d, &v[i]);
            ++*count;
            *value += v[i].a.value;
        }
    }
    if (*count > 0) {
        doc_cell(d, "");
        doc_cellf(d, _("Subtotal: %zu assets"), *count);
        doc_cell(d, "");
        print_cell_yuan(d, *value);
        doc_cell(d, "");
        doc_cell(d, "");
    }
}

/* The classes of the ledger: those of the code table (Sichuan's three
 * ledgers), then any other class an asset has, in order. */
static size_t ledger_classes(const struct print_env *env, const struct aitem *v,
                             size_t n, const char ***out)
{
    const struct code_table *t = codebook_table(env->codes, "asset_class");
    size_t k = 0, i, j, alloc = 0;
    const char **c = NULL;

    for (i = 0; t != NULL && i < t->n; i++) {
        c = xgrow(c, &alloc, k + 1, sizeof(*c));
        c[k++] = t->v[i].code;
    }
    for (i = 0; i < n; i++) {
        for (j = 0; j < k && strcmp(c[j], v[i].a.aclass) != 0; j++) {
        }
        if (j == k) {
            c = xgrow(c, &alloc, k + 1, sizeof(*c));
            c[k++] = v[i].a.aclass;
        }
    }
    *out = c;
    return k;
}

static void ledger_summary(const struct print_env *env, struct doc *d,
                           const char **classes, const size_t *count,
                           const int64_t *value, size_t nc)
{
    const struct doc_col cols[] = {
        {_("Class"), 20, DOC_LEFT},
        {_("Number of assets"), 8, DOC_RIGHT},
        {_("Original value (yuan)"), 18, DOC_RIGHT},
    };
    size_t i, all = 0;
    int64_t sum = 0;

    doc_heading(d, _("Summary"));
    doc_table(d, cols, ARRAY_SIZE(cols), NULL);
    for (i = 0; i < nc; i++) {
        doc_cell(d, code_label(env->codes, "asset_class", classes[i]));
        doc_cellf(d, "%zu", count[i]);
        print_cell_yuan(d, value[i]);
        all += count[i];
        sum += value[i];
    }
    doc_cell(d, _("Total"));
    doc_cellf(d, "%zu", all);
    print_cell_yuan(d, sum);
}

static struct doc *assets_doc(const struct print_env *env,
                              const struct place *pl, const struct aitem *v,
                              size_t n)
{
    struct doc *d = doc_new(_("Ledger of project assets"));
    const char *sign[2];
    const char **classes;
    size_t nc = ledger_classes(env, v, n, &classes), i;
    size_t *count = xcalloc(nc, sizeof(*count));
    int64_t *value = xcalloc(nc, sizeof(*value));
    char day[64], sub[100];

    place_subtitle(env, d, pl);
    print_date(env->today, day, sizeof(day));
    snprintf(sub, sizeof(sub), _("as of %s"), day);
    doc_subtitle(d, sub);
    for (i = 0; i < nc; i++) {
        class_ledger(env, pl, d, classes[i], v, n, &count[i], &value[i]);
    }
    ledger_summary(env, d, classes, count, value, nc);
    sign[0] = _("Prepared by (signature): ");
    sign[1] = _("Checked by (signature): ");
    doc_sign(d, sign, 2, 1);
    free(classes);
    free(count);
    free(value);
    return d;
}

int prints_assets(const struct print_env *env, const struct print_request *r,
                  struct doc **out, int64_t **ids, size_t *nids,
                  struct err *e)
{
    struct asset_row *rows = NULL;
    struct funds_filter f;
    struct aitem *v;
    struct place pl;
    size_t n = 0, i;

    if (place_get(env, r->township, r->village, &pl, e) < 0) {
        return -1;
    }
    funds_filter_init(&f);
    f.township_id = pl.township;
    f.village_id = pl.village;
    if (db_asset_list(env->db, &env->ctx, env->actor, &f, &rows, &n, e) < 0) {
        return -1;
    }
    if (n == 0) {
        free(rows);
        return err_set(e, ERR_NOTFOUND, _("no asset of %s is in the ledger"),
                       pl.village ? pl.vi : pl.township ? pl.tw : env->county);
    }
    v = xcalloc(n, sizeof(*v));
    for (i = 0; i < n; i++) {
        if (aitem_load(env, &rows[i], &v[i], e) < 0) {
            aitems_free(v, i + 1);
            free(rows);
            return -1;
        }
    }
    *out = assets_doc(env, &pl, v, n);
    *ids = xcalloc(n, sizeof(**ids));
    for (i = 0; i < n; i++) {
        (*ids)[i] = rows[i].id;
    }
    *nids = n;
    aitems_free(v, n);
    free(rows);
    return 0;
}
