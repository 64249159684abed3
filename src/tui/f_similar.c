/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * f_similar.c - the households that may already hold a person being
 * typed into a form (f_similar.h).
 */
#include "config.h"
#include "tui/f_similar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/date.h"
#include "db/db_household.h"
#include "tui/draw.h"
#include "tui/f_common.h"
#include "tui/form.h"
#include "tui/screen.h"
#include "tui/tui.h"
#include "util/i18n.h"
#include "util/sbuf.h"

void
form_similar_release(struct form_similar *s)
{
    free(s->v);
    s->v = NULL;
    s->n = 0;
    s->err[0] = '\0';
}

void
form_similar_find(struct form *fm, struct form_similar *s, const char *name,
                  const char *id, int64_t village, int birth)
{
    struct err e;

    form_similar_release(s);
    if (strlen(name) < 3 && id[0] == '\0') {
        return;
    }
    err_clear(&e);
    if (db_household_similar(fm->app->db, form_actor(fm), name, id, village, birth, 0, 5,
                             &s->v, &s->n, &e) != 0) {
        snprintf(s->err, sizeof(s->err), "%s", e.msg);
    }
}

int
form_similar_lines(const struct form_similar *s)
{
    if (s->err[0] != '\0') {
        return 2;
    }
    return s->n > 0 ? (int)s->n + 2 : 0;
}

static const char *
why_text(unsigned why)
{
    if (why & SIM_ID) {
        return _("same ID number");
    }
    if (why & SIM_NAME_VILLAGE) {
        return _("same name, same village");
    }
    return _("same initials and birth date");
}

/* The line of household H. */
static void
similar_line(const struct similar_hh *h, int why, struct sbuf *out)
{
    if (!h->in_scope) {
        if (why) {
            sbuf_addf(out, _("a household outside your area  (%s)"), why_text(h->why));
        } else {
            sbuf_addf(out, "%s", _("a household outside your area holds this person"));
        }
        return;
    }
    if (why) {
        sbuf_addf(out, "%s: ", why_text(h->why));
    }
    sbuf_addf(out, "%s  %s  %s  %s %s", h->hh_no, h->head, h->village, h->person,
              h->id_masked);
}

void
form_similar_draw(const struct form_similar *s, WINDOW *w, int y, int lines,
                  int cols, const char *heading, int why)
{
    struct sbuf sb = SBUF_INIT;
    size_t i;

    if (s->err[0] != '\0') {
        draw_text(w, y + 1, 1, cols - 2, s->err, theme_attr(TH_ERROR), AL_LEFT);
        return;
    }
    draw_text(w, y, 1, cols - 2, heading, theme_attr(TH_WARN), AL_LEFT);
    for (i = 0; i < s->n && (int)i + 1 < lines; i++) {
        sbuf_reset(&sb);
        similar_line(&s->v[i], why, &sb);
        draw_text(w, y + 1 + (int)i, 3, cols - 4, sb.buf, A_NORMAL, AL_LEFT);
    }
    sbuf_release(&sb);
}

unsigned
form_similar_open(const struct form_similar *s, struct tui *t)
{
    size_t i;

    for (i = 0; i < s->n; i++) {
        if (s->v[i].in_scope) {
            household_view_open(t, s->v[i].id);
            return D_ALL;
        }
    }
    tui_message(t, 0, "%s", _("No household found that you may open."));
    return D_STATUS;
}
