/*
 * summary.c - household summaries and search terms.
 */
#include "config.h"
#include "core/summary.h"

#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "util/pinyin.h"
#include "util/sbuf.h"
#include "util/u8.h"

static const struct person *
head_of(const struct codebook *cb, const struct hh_snapshot *s)
{
    size_t i;

    for (i = 0; i < s->nmembers; i++) {
        if (code_is(cb, "relation", s->members[i].relation, "head")) {
            return &s->members[i];
        }
    }
    return s->nmembers > 0 ? &s->members[0] : NULL;
}

static void
summarize_case(const struct rule_ctx *ctx, const struct hh_snapshot *s,
               struct hh_summary *out)
{
    const struct mcase *c = &s->mcase;
    int y, m, d, last, i;
    const struct rules *r;
    size_t len = 0;

    date_to_ymd(ctx->today, &y, &m, &d);
    r = policy_rules(ctx->policy, ctx->province, y);
    out->state = c->state;
    if (c->state == CS_REJECTED) {
        return;
    }
    snprintf(out->category, sizeof(out->category), "%s", c->category);
    for (i = 0; i < c->nrisks; i++) {
        len += (size_t)snprintf(out->risks + len, sizeof(out->risks) - len, "%s%s",
                                i ? "," : "", c->risks[i]);
        if (len >= sizeof(out->risks)) {
            break;
        }
    }
    out->identified_on = c->identified_on;
    if (case_state_in_procedure(c->state)) {
        out->deadline = c->deadline;
    }
    if (r == NULL || c->identified_on == DATE_NONE) {
        return;
    }
    if (case_state_monitored(c->state) || c->state == CS_ELIMINATED) {
        last = out->last_visit > c->identified_on ? out->last_visit : c->identified_on;
        out->visit_due = last + (c->state == CS_ELIMINATED ? r->followup_interval_days
                                                           : r->visit_interval_days);
    }
    if (c->state == CS_MONITORED && hh_has_labour(&ctx->policy->codes, s) &&
        !hh_has_dev_measure(&ctx->policy->codes, s, ctx->today)) {
        out->measure_due = c->identified_on + r->dev_measure_days;
    }
}

void
hh_summarize(const struct rule_ctx *ctx, const struct hh_snapshot *s,
             struct hh_summary *out, struct findings *scratch)
{
    const struct person *head = head_of(&ctx->policy->codes, s);
    const struct income *inc = snapshot_last_income(s);
    size_t i;

    memset(out, 0, sizeof(*out));
    out->id = s->hh.id;
    snprintf(out->hh_no, sizeof(out->hh_no), "%s", s->hh.hh_no);
    snprintf(out->head, sizeof(out->head), "%s", head != NULL ? head->name : "");
    out->township_id = s->hh.township_id;
    out->village_id = s->hh.village_id;
    out->members = (int)s->nmembers;
    snprintf(out->hh_type, sizeof(out->hh_type), "%s", s->hh.hh_type);
    out->per_capita = inc != NULL ? inc->per_capita : 0;
    out->income_year = inc != NULL ? inc->year : 0;
    out->last_visit = s->nvisits ? s->visits[s->nvisits - 1].visit_date : DATE_NONE;
    out->identified_on = out->deadline = DATE_NONE;
    out->visit_due = out->measure_due = DATE_NONE;
    if (s->has_case) {
        summarize_case(ctx, s, out);
    }
    findings_reset(scratch);
    rules_check_household(ctx, s, scratch);
    for (i = 0; i < scratch->n; i++) {
        const struct finding_rule *fr = finding_rule(scratch->v[i].code);

        if (fr != NULL && fr->timely) {
            continue;
        }
        if (scratch->v[i].sev == SEV_ERROR) {
            out->errors++;
        } else {
            out->warnings++;
        }
    }
}

int
hh_summary_overdue(const struct hh_summary *sum, int today)
{
    return (sum->deadline != DATE_NONE && sum->deadline < today) ||
           (sum->visit_due != DATE_NONE && sum->visit_due < today) ||
           (sum->measure_due != DATE_NONE && sum->measure_due < today);
}

/* S without characters the full-text tokenizer would split on: only
 * letters, digits and Chinese characters are kept. */
static void
keep_word_chars(const char *s, struct sbuf *out)
{
    size_t n = strlen(s), i = 0, len;

    while (i < n) {
        uint32_t cp = u8_decode(s + i, n - i, &len);

        if ((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
            (cp >= 'A' && cp <= 'Z') || (cp >= 0x3400 && cp <= 0x9FFF) ||
            (cp >= 0x20000 && cp <= 0x3FFFF)) {
            sbuf_add(out, s + i, len);
        }
        i += len;
    }
}

static void
add_term(struct sbuf *out, char kind, const char *text)
{
    if (*text == '\0') {
        return;
    }
    if (out->len > 0) {
        sbuf_addch(out, ' ');
    }
    sbuf_addch(out, kind);
    sbuf_adds(out, text);
}

static void
person_terms(const struct person *p, struct sbuf *out)
{
    struct sbuf name = SBUF_INIT;
    char initials[NAME_BUF], tail[8];
    size_t i, len, n;

    keep_word_chars(p->name, &name);
    for (i = 0; i < name.len; i += len) {
        u8_decode(name.buf + i, name.len - i, &len);
        add_term(out, 'n', name.buf + i);
    }
    pinyin_initials(p->name, 1, initials, sizeof(initials));
    add_term(out, 'p', initials);
    n = strlen(p->id_no);
    if (n >= 6) {
        for (i = 0; i < 6; i++) {
            tail[i] = p->id_no[n - 1 - i];
        }
        tail[6] = '\0';
        add_term(out, 'd', p->id_no);
        add_term(out, 'i', tail);
    }
    sbuf_release(&name);
}

void
hh_search_terms(const struct hh_snapshot *s, struct sbuf *out)
{
    size_t i;

    sbuf_reset(out);
    add_term(out, 'h', s->hh.hh_no);
    for (i = 0; i < s->nmembers; i++) {
        person_terms(&s->members[i], out);
    }
}

/* Classify CLEAN (word characters only).  An X counts as a digit when
 * it ends a number (the ID check character). */
static enum search_kind
kind_of(const char *clean)
{
    size_t n = strlen(clean), i, len, digits = 0, letters = 0, cjk = 0;
    int xend = n > 0 && (clean[n - 1] == 'x' || clean[n - 1] == 'X');

    for (i = 0; i < n; i += len) {
        uint32_t cp = u8_decode(clean + i, n - i, &len);

        if (cp >= '0' && cp <= '9') {
            digits++;
        } else if (cp < 0x80) {
            letters++;
        } else {
            cjk++;
        }
    }
    if (xend && digits > 0 && letters == 1) {
        digits++;
        letters = 0;
    }
    if (cjk > 0 && digits == 0 && letters == 0) {
        return SEARCH_NAME;
    }
    /* One initial narrows nothing worth a query: two or more. */
    if (letters >= 2 && digits == 0 && cjk == 0) {
        return SEARCH_INITIALS;
    }
    if (digits >= 4 && letters == 0 && cjk == 0) {
        return SEARCH_NUMBER;
    }
    return SEARCH_NONE;
}

static void
or_prefix(struct sbuf *q, char kind, const char *text)
{
    if (q->len > 0) {
        sbuf_adds(q, " OR ");
    }
    sbuf_addf(q, "\"%c%s\"*", kind, text);
}

enum search_kind
search_terms_query(const char *typed, struct sbuf *out, struct sbuf *clean)
{
    enum search_kind k;
    char rev[32];
    size_t n, i;

    sbuf_reset(out);
    sbuf_reset(clean);
    keep_word_chars(typed, clean);
    k = kind_of(clean->buf);
    switch (k) {
    case SEARCH_NAME:
        or_prefix(out, 'n', clean->buf);
        break;
    case SEARCH_INITIALS:
        for (i = 0; i < clean->len; i++) {
            clean->buf[i] = (char)(clean->buf[i] >= 'A' && clean->buf[i] <= 'Z'
                                   ? clean->buf[i] + 32 : clean->buf[i]);
        }
        or_prefix(out, 'p', clean->buf);
        break;
    case SEARCH_NUMBER:
        n = clean->len < sizeof(rev) ? clean->len : sizeof(rev) - 1;
        for (i = 0; i < n; i++) {
            rev[i] = clean->buf[clean->len - 1 - i];
        }
        rev[n] = '\0';
        or_prefix(out, 'd', clean->buf);
        or_prefix(out, 'h', clean->buf);
        if (n <= 6) {
            or_prefix(out, 'i', rev);
        }
        break;
    case SEARCH_NONE:
        break;
    }
    return k;
}
