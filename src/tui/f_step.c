/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * f_step.c - one small form per step of the monitoring procedure.  The
 * fields come from what the step needs (core/mcase.c's transition table:
 * a date, the clue's channel, category and risks, the signed
 * authorization, the publicity dates, a reason, the elimination method);
 * core decides whether the step is allowed (case_apply), and db_case_act
 * stores it with its history and audit rows.
 *
 * Also the form for a clue about a household not registered yet: the
 * head's name, ID number and village, searched before anything is
 * created, then the household and the clue.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/date.h"
#include "core/findings.h"
#include "core/household.h"
#include "core/mcase.h"
#include "core/policy.h"
#include "core/rules.h"
#include "db/db_case.h"
#include "db/db_division.h"
#include "db/db_household.h"
#include "db/db_snapshot.h"
#include "tui/draw.h"
#include "tui/f_common.h"
#include "tui/f_similar.h"
#include "tui/form.h"
#include "tui/screen.h"
#include "tui/tui.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

static const struct field_spec s_channel = {
    .name = "channel", .label = N_("Discovery channel"), .type = FT_CODE, .flags = FF_REQUIRED,
    .table = "channel",
    .help = N_("How the household came to notice.  F4 shows the list.")};
static const struct field_spec s_category = {
    .name = "category", .label = N_("Monitoring category"), .type = FT_CODE,
    .flags = FF_REQUIRED, .table = "category",
    .help = N_("脱贫不稳定户 for households lifted out of poverty, 边缘易致贫户 or 突发严重困难户 for others.")};
static const struct field_spec s_risks = {
    .name = "risks", .label = N_("Risk types"), .type = FT_CODES, .flags = FF_REQUIRED,
    .table = "risk", .max_codes = 5,
    .help = N_("One to five, separated by commas; F4 adds one from the list.")};
static const struct field_spec s_description = {
    .name = "description", .label = N_("Situation"), .type = FT_LONGTEXT, .max_chars = 2000,
    .help = N_("What happened to the household, in a few sentences.")};
static const struct field_spec s_auth = {
    .name = "authorized", .label = N_("Authorization signed"), .type = FT_YESNO,
    .flags = FF_REQUIRED,
    .help = N_("是 when the household signed the authorization to check its income and assets.")};
static const struct field_spec s_objections = {
    .name = "objections", .label = N_("Objections"), .type = FT_INT, .max = 9999,
    .help = N_("How many objections came in during the publicity (0 when none).")};
static const struct field_spec s_reason = {
    .name = "note", .label = N_("Reason"), .type = FT_LONGTEXT, .flags = FF_REQUIRED,
    .max_chars = 2000,
    .help = N_("Why: it is recorded with the step and, for a rejection, told to the household.")};
static const struct field_spec s_how = {
    .name = "note", .label = N_("How the household was told"), .type = FT_LONGTEXT,
    .flags = FF_REQUIRED, .max_chars = 2000,
    .help = N_("How the reasoned reply reached the household: in writing, in person, by telephone; and by whom.")};
static const struct field_spec s_method = {
    .name = "method", .label = N_("Elimination method"), .type = FT_CODE, .flags = FF_REQUIRED,
    .table = "elim_method",
    .help = N_("帮扶消除 (through assistance; needs a development measure) or 自然消除.")};

struct step_data {
    enum case_action action;
    const struct case_transition *t;
};

/* The step's fields; -1 with E when the rules of today's year are not in
 * the policy files (the publicity's days come from them: the step's date,
 * today until it is changed, is the record's; step_left follows a change
 * of it). */
static int
add_step_fields(struct form *fm, const struct case_transition *t, int64_t hh_type_is_poor,
                const struct step_defaults *dv, struct err *e)
{
    static const struct step_defaults none = {"", "", ""};
    const struct step_defaults *dflt = dv != NULL ? dv : &none;
    struct rule_ctx ctx = form_rule_ctx(fm);
    const struct rules *r = rules_needed(&ctx, date_year(ctx.today), e);

    if (r == NULL) {
        return -1;
    }
    (void)hh_type_is_poor;
    form_step_days(fm, (t->needs & NEED_PUBLICITY) != 0, r->publicity_min_days);
    if (t->needs & NEED_CLUE) {
        form_add_str(fm, &s_channel, "", dflt->channel);
        form_add_str(fm, &s_category, "", "");
        form_add_str(fm, &s_risks, "", dflt->risks);
        form_add_str(fm, &s_description, "", dflt->description);
    }
    if (t->needs & NEED_AUTH) {
        form_add_str(fm, &s_auth, "", "");
    }
    if (t->needs & NEED_METHOD) {
        form_add_str(fm, &s_method, "", "");
    }
    if (t->action == CA_TOWNSHIP_REVIEW || t->action == CA_ELIM_TOWNSHIP_REVIEW) {
        form_add_num(fm, &s_objections, "", 0, 0);
    }
    form_add_str(fm, (t->needs & NEED_REASON) ? &s_reason
                     : (t->needs & NEED_HOW) ? &s_how : &form_step_note, "", "");
    return 0;
}

/* The step input from the checked form; strings point into BUF (owned
 * by the caller: free *NOTE, *DESC and the risk copy). */
struct step_texts {
    char channel[16], category[16], method[16];
    char risks[80];
    char *desc, *note;
};

static void
read_step(struct form *fm, const struct case_transition *t, struct step_input *in,
          struct step_texts *tx)
{
    char *p;

    memset(in, 0, sizeof(*in));
    memset(tx, 0, sizeof(*tx));
    in->action = t->action;
    form_step_days_read(fm, &in->step_date, &in->pub_start, &in->pub_end);
    in->objections = (int)form_num(fm, "", "objections", 0);
    in->authorized = (int)form_num(fm, "", "authorized", 0);
    form_str(fm, "", "channel", tx->channel, sizeof(tx->channel));
    form_str(fm, "", "category", tx->category, sizeof(tx->category));
    form_str(fm, "", "method", tx->method, sizeof(tx->method));
    form_str(fm, "", "risks", tx->risks, sizeof(tx->risks));
    tx->desc = form_strdup(fm, "", "description");
    tx->note = form_strdup(fm, "", "note");
    in->channel = tx->channel;
    in->category = tx->category;
    in->method = tx->method;
    in->description = tx->desc;
    in->note = tx->note;
    for (p = tx->risks; *p != '\0' && in->nrisks < MCASE_MAX_RISKS;) {
        in->risks[in->nrisks++] = p;
        p = strchr(p, ',');
        if (p == NULL) {
            break;
        }
        *p++ = '\0';
    }
}

static void
free_texts(struct step_texts *tx)
{
    free(tx->desc);
    free(tx->note);
}

int
step_prepare(struct form *fm, enum case_action action, const struct step_defaults *d,
             struct err *e)
{
    struct step_data *sd = xcalloc(1, sizeof(*sd));
    struct hh_snapshot s;
    enum case_state from;

    fm->data = sd;
    sd->action = action;
    memset(&s, 0, sizeof(s));
    if (db_snapshot_load(fm->app->db, fm->hh, &s, e) != 0) {
        snapshot_free(&s);
        return -1;
    }
    from = s.has_case ? s.mcase.state : CS_NONE;
    fm->version = s.has_case ? s.mcase.version : 0;
    sd->t = case_transition(from, sd->action);
    if (sd->t == NULL) {
        err_set(e, ERR_RULE, _("'%s' is not possible while the case is '%s'"),
                case_action_label(sd->action), case_state_label(from));
        snapshot_free(&s);
        return -1;
    }
    snprintf(fm->title, sizeof(fm->title), _("%s: household %s (now: %s)"),
             case_action_label(sd->action), s.hh.hh_no, case_state_label(from));
    snapshot_free(&s);
    return add_step_fields(fm, sd->t, 0, d, e);
}

static int
step_open(struct form *fm, struct err *e)
{
    return step_prepare(fm, (enum case_action)fm->arg, NULL, e);
}

/* The first finding's message, when the refusal listed some. */
static void
add_finding(struct err *e, const struct findings *f)
{
    if (f->n > 0 && strstr(e->msg, f->v[0].msg) == NULL) {
        size_t len = strlen(e->msg);

        snprintf(e->msg + len, sizeof(e->msg) - len, _(" (%s)"), f->v[0].msg);
    }
}

int
step_store(struct form *fm,
           int (*also)(struct db *db, const struct actor *actor, int64_t case_id,
                       void *arg, struct err *e),
           struct err *e)
{
    struct step_data *sd = fm->data;
    struct rule_ctx ctx = form_rule_ctx(fm);
    struct step_input in;
    struct step_texts tx;
    struct findings f;
    int rc;

    read_step(fm, sd->t, &in, &tx);
    memset(&f, 0, sizeof(f));
    rc = db_case_act_also(fm->app->db, &ctx, form_actor(fm), fm->hh, fm->version, &in, &f,
                          NULL, also, fm, e);
    if (rc != 0) {
        add_finding(e, &f);
    } else {
        snprintf(fm->done, sizeof(fm->done), _("Done: %s.  The case is now '%s'."),
                 case_action_label(sd->action), case_state_label(sd->t->to));
        if (f.n > 0) {
            size_t len = strlen(fm->done);

            snprintf(fm->done + len, sizeof(fm->done) - len, _("  Warning %s: %s"),
                     f.v[0].code, f.v[0].msg);
        }
        fm->saved_hh = fm->hh;
    }
    findings_free(&f);
    free_texts(&tx);
    return rc;
}

static int
step_save(struct form *fm, struct err *e)
{
    return step_store(fm, NULL, e);
}

/* A case's publicity lasts the days of the rules of its first day's year. */
static int
step_pub_days(struct form *fm, int day)
{
    struct rule_ctx ctx = form_rule_ctx(fm);

    return rules_in_force(&ctx, date_year(day))->publicity_min_days;
}

static void
step_left(struct form *fm, size_t i)
{
    form_step_days_follow(fm, i, step_pub_days);
}

const struct form_kind step_form = {
    .id = "step",
    .open = step_open,
    .left = step_left,
    .save = step_save,
    .free_data = free,
};

/* --- a clue about a household not registered yet ------------------------------------- */

static const struct field_spec c_village = {
    .name = "village", .label = N_("Township and village"), .type = FT_CODE,
    .flags = FF_REQUIRED, .table = "village",
    .help = N_("F4 shows the villages; type part of the name or its pinyin initials to narrow them.")};
static const struct field_spec c_name = {
    .name = "name", .label = N_("Head of household"), .type = FT_NAME, .flags = FF_REQUIRED,
    .help = N_("The head's name: registered households of the same name are listed below.")};
static const struct field_spec c_id = {
    .name = "id_no", .label = N_("Head's ID number"), .type = FT_IDNO,
    .flags = FF_REQUIRED | FF_AUTOSKIP, .max_chars = 18,
    .help = N_("18 characters; a household holding this number is listed below.")};

struct clue_data {
    int want_similar;
    struct form_similar similar;
};

static void
clue_free(void *data)
{
    struct clue_data *cd = data;

    form_similar_release(&cd->similar);
    free(cd);
}

static int
clue_open(struct form *fm, struct err *e)
{
    const struct case_transition *t = case_transition(CS_NONE, CA_CLUE);

    fm->data = xcalloc(1, sizeof(struct clue_data));
    if (form_villages(fm, e) != 0) {
        return -1;
    }
    snprintf(fm->title, sizeof(fm->title), "%s", _("New monitoring clue (household not registered yet)"));
    form_add_str(fm, &c_village, "", "");
    form_add_str(fm, &form_hh_type, "", "");
    form_add_str(fm, &c_name, "", "");
    form_add_str(fm, &c_id, "", "");
    form_add_str(fm, &form_phone, "", "");
    return add_step_fields(fm, t, 0, NULL, e);
}

static void
clue_changed(struct form *fm)
{
    const struct form_item *it = &fm->w.items[fm->w.focus];

    if (it->spec == &c_name || it->spec == &c_id || it->spec == &c_village) {
        ((struct clue_data *)fm->data)->want_similar = 1;
    }
}

static int
clue_panel_lines(struct form *fm)
{
    struct clue_data *cd = fm->data;
    struct sbuf name = SBUF_INIT;
    struct field_value id, village;
    int k;

    if (cd->want_similar) {
        cd->want_similar = 0;
        k = wform_find(&fm->w, "", "name");
        wform_text(&fm->w, (size_t)k, &name);
        memset(&id, 0, sizeof(id));
        memset(&village, 0, sizeof(village));
        wform_value(&fm->w, "", "id_no", &id);
        wform_value(&fm->w, "", "village", &village);
        form_similar_find(fm, &cd->similar, name.buf, id.empty ? "" : id.s,
                          village.empty ? 0 : strtoll(village.s, NULL, 10), DATE_NONE);
        field_value_clear(&id);
        field_value_clear(&village);
        sbuf_release(&name);
    }
    return form_similar_lines(&cd->similar);
}

static void
clue_panel_draw(struct form *fm, WINDOW *w, int y, int lines, int cols)
{
    struct clue_data *cd = fm->data;

    form_similar_draw(&cd->similar, w, y, lines, cols,
                      _("Possibly registered already (F5 opens the first: register the clue there):"),
                      0);
}

static int
clue_save(struct form *fm, struct err *e)
{
    struct clue_data *cd = fm->data;
    const struct case_transition *t = case_transition(CS_NONE, CA_CLUE);
    struct rule_ctx ctx = form_rule_ctx(fm);
    struct hh_snapshot s;
    struct household h;
    struct person p;
    struct division v;
    struct step_input in;
    struct step_texts tx;
    struct mcase next;
    struct case_step step;
    struct findings f;
    char village[24];
    const char *head = code_with_tag(&fm->app->policy.codes, "relation", "head");
    int rc = -1;

    if (cd->similar.n > 0 && cd->similar.v[0].why & SIM_ID) {
        return err_set(e, ERR_INVALID, "%s",
                       _("A household already holds this ID number: open it (F5) and register the clue there."));
    }
    memset(&h, 0, sizeof(h));
    memset(&p, 0, sizeof(p));
    form_str(fm, "", "village", village, sizeof(village));
    h.village_id = strtoll(village, NULL, 10);
    if (db_division_get(fm->app->db, h.village_id, &v, e) != 0) {
        return -1;
    }
    h.township_id = v.parent_id;
    form_str(fm, "", "hh_type", h.hh_type, sizeof(h.hh_type));
    form_str(fm, "", "phone", h.phone, sizeof(h.phone));
    form_str(fm, "", "name", p.name, sizeof(p.name));
    form_str(fm, "", "id_no", p.id_no, sizeof(p.id_no));
    snprintf(p.id_type, sizeof(p.id_type), "1");
    snprintf(p.relation, sizeof(p.relation), "%s", head != NULL ? head : "");
    snprintf(p.phone, sizeof(p.phone), "%s", h.phone);
    p.in_household = 1;
    p.birth = DATE_NONE;
    {
        struct idno id;

        if (idno_parse(p.id_no, app_today(), &id) == IDNO_OK) {
            p.birth = id.birth;
            snprintf(p.sex, sizeof(p.sex), "%d", (int)id.sex);
        }
    }
    read_step(fm, t, &in, &tx);
    /* Ask core first, on the household as it would be, so that nothing
     * is created when the clue itself would be refused. */
    memset(&s, 0, sizeof(s));
    s.hh = h;
    *snapshot_add_member(&s) = p;
    mcase_init(&next);
    case_step_init(&step);
    memset(&f, 0, sizeof(f));
    if (case_apply(&ctx, form_actor(fm), &s, &in, &next, &step, &f, e) != 0) {
        add_finding(e, &f);
    } else if (db_household_create(fm->app->db, &ctx, form_actor(fm), &h, &p, 1, e) == 0 &&
               db_case_act(fm->app->db, &ctx, form_actor(fm), h.id, 0, &in, &f, NULL, e) == 0) {
        snprintf(fm->done, sizeof(fm->done),
                 _("Household %s registered with the clue; next step: the home check."), h.hh_no);
        fm->saved_hh = h.id;
        rc = 0;
    }
    s.nmembers = 0;     /* P is on the stack */
    snapshot_free(&s);
    mcase_clear(&next);
    case_step_clear(&step);
    findings_free(&f);
    free_texts(&tx);
    return rc;
}

static unsigned
clue_action(struct form *fm, struct tui *t, int action)
{
    struct clue_data *cd = fm->data;

    return action == ACT_FORM1 ? form_similar_open(&cd->similar, t) : 0;
}

static const struct keydef clue_keys[] = {
    {KEY_F(5), 1, ACT_FORM1, "F5", N_("open the household found"), 0},
    {0, 0, ACT_NONE, NULL, NULL, 0},
};

const struct form_kind clue_new_form = {
    .id = "clue-new",
    .open = clue_open,
    .save = clue_save,
    .changed = clue_changed,
    .panel_lines = clue_panel_lines,
    .panel_draw = clue_panel_draw,
    .keys = clue_keys,
    .action = clue_action,
    .free_data = clue_free,
};
