/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * findings.h - what the rules find wrong with the data: a code, a
 * severity and a Chinese sentence that says what is wrong and what to do.
 * The registry lists every code the program can report (zhenxing check
 * --rules prints it; the man page documents it).
 */
#ifndef ZX_FINDINGS_H
#define ZX_FINDINGS_H

#include <stddef.h>
#include <stdint.h>

enum severity {
    SEV_ERROR = 1,
    SEV_WARNING = 2,
};

#define FINDING_CODE_BUF 8
#define FINDING_MSG_BUF 512

struct finding {
    char code[FINDING_CODE_BUF];
    enum severity sev;
    int64_t household_id;
    char msg[FINDING_MSG_BUF];
};

struct findings {
    struct finding *v;
    size_t n, alloc;
};

struct finding_rule {
    const char *code;
    enum severity sev;
    const char *title;   /* untranslated; pass through _() */
    int timely;          /* depends on today's date (an overdue kind) */
};

/* Append a finding with code CODE (its severity comes from the
 * registry) about household HH; the message is printf-formatted. */
void findings_add(struct findings *f, const char *code, int64_t hh,
                  const char *fmt, ...) __attribute__((format(printf, 4, 5)));
size_t findings_count(const struct findings *f, enum severity sev);
/* 1 when F holds a finding with code CODE. */
int findings_has(const struct findings *f, const char *code);
void findings_reset(struct findings *f);
void findings_free(struct findings *f);

/* The registry. */
const struct finding_rule *finding_rules(size_t *n);
const struct finding_rule *finding_rule(const char *code);
/* Translated "error" / "warning". */
const char *severity_label(enum severity sev);

#endif
