/* SPDX-License-Identifier: GPL-3.0-or-later */
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
        /* the reply to the applicant is due (PR04) until it is recorded */
        if (snapshot_last_step(s, CA_REPLY) == NULL) {
            out->deadline = c->deadline;
        }
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
        out->measure_due = c->identified_on +
                           rules_in_force(ctx, date_year(c->identified_on))->dev_measure_days;
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

/* The last characters of TEXT reversed into OUT (N bytes), MAX of them:
 * a prefix query of the reversed text finds a tail of the original. */
static void
reversed_tail(const char *text, size_t max, char *out, size_t n)
{
    size_t len = strlen(text), i;

    if (max > len) {
        max = len;
    }
    for (i = 0; i < max && i + 1 < n; i++) {
        out[i] = text[len - 1 - i];
    }
    out[i] = '\0';
}

void
hh_search_terms(const struct hh_snapshot *s, struct sbuf *out)
{
    char tail[HH_NO_BUF];
    size_t i;

    sbuf_reset(out);
    add_term(out, 'h', s->hh.hh_no);
    reversed_tail(s->hh.hh_no, sizeof(tail) - 1, tail, sizeof(tail));
    add_term(out, 'r', tail);
    for (i = 0; i < s->nmembers; i++) {
        person_terms(&s->members[i], out);
    }
}

/* What a run of CLEAN's characters is. */
enum run_class { RC_DIGIT, RC_LETTER, RC_CJK };

static enum run_class
class_of(uint32_t cp)
{
    return cp >= '0' && cp <= '9' ? RC_DIGIT : cp < 0x80 ? RC_LETTER : RC_CJK;
}

/* The length of the run starting at P (N bytes left), all of one class;
 * an X right after digits, not followed by another letter, belongs to
 * the number (the ID check character). */
static size_t
run_length(const char *p, size_t n, enum run_class *cls)
{
    size_t i = 0, len;

    *cls = class_of(u8_decode(p, n, &len));
    while (i < n) {
        uint32_t cp = u8_decode(p + i, n - i, &len);

        if (class_of(cp) != *cls) {
            if (*cls == RC_DIGIT && (cp == 'x' || cp == 'X') &&
                (i + 1 == n || class_of((unsigned char)p[i + 1]) != RC_LETTER)) {
                i++;
            }
            break;
        }
        i += len;
    }
    return i;
}

static void
or_prefix(struct sbuf *q, char kind, const char *text)
{
    if (q->len > 0) {
        sbuf_adds(q, " OR ");
    }
    sbuf_addf(q, "\"%c%s\"*", kind, text);
}

/* The query of one run TEXT (LEN bytes) of class CLS into Q, or nothing
 * when it narrows nothing worth a query (one letter, fewer than four
 * digits); returns its kind. */
static enum search_kind
run_query(const char *text, size_t len, enum run_class cls, struct sbuf *q)
{
    char run[64];
    size_t i;

    if (len >= sizeof(run)) {
        len = sizeof(run) - 1;
    }
    memcpy(run, text, len);
    run[len] = '\0';
    sbuf_reset(q);
    if (cls == RC_CJK) {
        or_prefix(q, 'n', run);
        return SEARCH_NAME;
    }
    if (cls == RC_LETTER) {
        for (i = 0; i < len; i++) {
            run[i] = (char)(run[i] >= 'A' && run[i] <= 'Z' ? run[i] + 32 : run[i]);
        }
        if (len < 2) {
            return SEARCH_NONE;
        }
        or_prefix(q, 'p', run);
        return SEARCH_INITIALS;
    }
    if (len < 4) {
        return SEARCH_NONE;
    }
    or_prefix(q, 'd', run);
    or_prefix(q, 'h', run);
    search_number_tails(run, q);
    return SEARCH_NUMBER;
}

void
search_number_tails(const char *digits, struct sbuf *q)
{
    char rev[64];
    size_t len = strlen(digits);

    reversed_tail(digits, len, rev, sizeof(rev));
    if (len <= 6) {
        or_prefix(q, 'i', rev);
    }
    or_prefix(q, 'r', rev);
}

enum search_kind
search_terms_query(const char *typed, struct sbuf *out, struct sbuf *clean)
{
    struct sbuf run = SBUF_INIT, first = SBUF_INIT, text = SBUF_INIT;
    enum search_kind k = SEARCH_NONE, rk;
    enum run_class cls;
    size_t i, len;
    int groups = 0;

    sbuf_reset(out);
    sbuf_reset(clean);
    keep_word_chars(typed, clean);
    /* Each run of one kind of text is a group; a household must match
     * every group ("张1234": a 张 and an ID or number ending in 1234). */
    for (i = 0; i < clean->len; i += len) {
        len = run_length(clean->buf + i, clean->len - i, &cls);
        if ((rk = run_query(clean->buf + i, len, cls, &run)) == SEARCH_NONE) {
            continue;
        }
        if (groups++ == 0) {
            sbuf_adds(&first, run.buf);
            sbuf_add(&text, clean->buf + i, len);
            k = rk;
        } else {
            sbuf_addf(out, "%s(%s)", groups == 2 ? "" : " AND ", run.buf);
        }
    }
    if (groups > 1) {
        sbuf_reset(&run);
        sbuf_addf(&run, "(%s) AND %s", first.buf, out->buf);
        sbuf_reset(out);
        sbuf_adds(out, run.buf);
        k = SEARCH_MIXED;
    } else {
        /* One kind of text: CLEAN is that text (a name also finds the
         * villages and townships of that name). */
        sbuf_adds(out, first.buf);
        sbuf_reset(clean);
        sbuf_adds(clean, text.buf);
    }
    sbuf_release(&run);
    sbuf_release(&first);
    sbuf_release(&text);
    return k;
}

/* 1 when one of the space-separated TERMS starts with P (N bytes). */
static int
term_starts(const char *terms, const char *p, size_t n)
{
    const char *t = terms;
    size_t len, i;

    while (*t != '\0') {
        while (*t == ' ') {
            t++;
        }
        len = strcspn(t, " ");
        for (i = 0; i < n && i < len; i++) {
            unsigned char a = (unsigned char)t[i], b = (unsigned char)p[i];

            if ((a >= 'A' && a <= 'Z' ? a + 32 : a) != (b >= 'A' && b <= 'Z' ? b + 32 : b)) {
                break;
            }
        }
        if (i == n) {
            return 1;
        }
        t += len;
    }
    return 0;
}

int
search_terms_match(const char *terms, const char *query)
{
    const char *q = query, *end;
    int any = 0, ok = 0;

    /* QUERY is ("a"* OR "b"*) AND ("c"*)...: groups of prefixes. */
    while (*q != '\0') {
        if (strncmp(q, " AND ", 5) == 0) {
            if (!ok) {
                return 0;
            }
            ok = 0;
            q += 5;
        } else if (*q == '"' && (end = strchr(q + 1, '"')) != NULL) {
            ok = ok || term_starts(terms, q + 1, (size_t)(end - q - 1));
            any = 1;
            q = end + 1;
        } else {
            q++;
        }
    }
    return any && ok;
}
