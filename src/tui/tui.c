/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tui.c - set-up, the main loop, the screen stack, resizing, signals and
 * restoring the terminal.
 *
 * The loop blocks in wget_wch() until a key arrives (so nothing is sent
 * while idle), handles it and every key already waiting, then draws the
 * regions that changed once, with a single doupdate().  Resizes are
 * drained the same way, so a burst of them redraws once.  Signals only
 * set a flag; the loop sees it when the read is interrupted.
 */
#include "config.h"
#include "tui/tui.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "app.h"
#include "core/date.h"
#include "core/policy.h"
#include "core/rules_text.h"
#include "core/role.h"
#include "db/db.h"
#include "db/db_list.h"
#include "tui/draw.h"
#include "tui/form.h"
#include "tui/screen.h"
#include "tui/term_ok.h"
#include "tui/view.h"
#include "tui/workspace.h"
#include "util/array.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/notes.h"
#include "util/path.h"
#include "util/priv.h"
#include "util/sbuf.h"
#include "util/texttable.h"
#include "util/u8.h"
#include "util/xalloc.h"

/* How long a lone Esc waits for the rest of an escape sequence. */
#define ESC_DELAY_MS 5
/* The longest gap after a lone Escape in which the rest of a key's
 * sequence is still read as that key (esc_rest). */
#define ESC_SPLIT_MS 250
/* The longest wait for each next byte of that rest. */
#define ESC_REST_MS 100
/* The shortest wait for a sequence's rest once a key came cut. */
#define ESC_WAIT_MIN_MS 50

/* The terminal is process-wide state: this is what tui_end() restores. */
static int curses_up;
static int saved_stderr = -1;
static volatile sig_atomic_t got_signal;

static void
on_signal(int sig)
{
    got_signal = sig;
}

static void
catch_signals(void)
{
    static const int sigs[] = {SIGTERM, SIGHUP, SIGINT};
    struct sigaction sa;
    size_t i;

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    /* No SA_RESTART: a signal interrupts the blocking read. */
    for (i = 0; i < ARRAY_SIZE(sigs); i++) {
        sigaction(sigs[i], &sa, NULL);
    }
}

/* While the screen is up nothing may write to the terminal behind
 * curses' back: stderr goes to the log file. */
static void
redirect_stderr(void)
{
    char *dir = path_state_home(), *log = path_join(dir, "zhenxing.log");
    int fd;

    path_mkdirs(dir, NULL);
    fd = open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0) {
        fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
    }
    if (fd >= 0) {
        fflush(stderr);
        saved_stderr = dup(STDERR_FILENO);
        dup2(fd, STDERR_FILENO);
        close(fd);
    }
    free(log);
    free(dir);
}

static void
restore_stderr(void)
{
    if (saved_stderr >= 0) {
        fflush(stderr);
        dup2(saved_stderr, STDERR_FILENO);
        close(saved_stderr);
        saved_stderr = -1;
    }
}

void
tui_end(void)
{
    if (curses_up) {
        curses_up = 0;
        endwin();
    }
    restore_stderr();
}

void
tui_cursor(struct tui *t, int y, int x)
{
    t->cursor_y = y;
    t->cursor_x = x;
}

int
tui_body_lines(const struct tui *t)
{
    return t->lines - 3;
}

void
tui_message(struct tui *t, int error, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(t->message, sizeof(t->message), fmt, ap);
    va_end(ap);
    memcpy(t->last_message, t->message, sizeof(t->message));
    t->message_is_error = error;
    t->dirty |= D_STATUS;
}

unsigned
tui_key_skip(const struct tui *t)
{
    return actor_writes(&t->app->actor) ? 0 : KD_WRITE;
}

int
tui_writable(struct tui *t)
{
    if (!actor_writes(&t->app->actor)) {
        tui_message(t, 1, "%s", _("Your account is read-only."));
        return 0;
    }
    return 1;
}

/* --- the screen stack -------------------------------------------------- */

const struct keydef *
screen_keys(const struct screen *s)
{
    return s->ops->keytable != NULL ? s->ops->keytable(s) : s->ops->keys;
}

const char *
screen_title(const struct screen *s)
{
    return s->ops->title != NULL ? s->ops->title(s) : s->ops->name;
}

void
screen_help_text(struct tui *t, const struct screen *s, const char *text, struct sbuf *out)
{
    int year = s != NULL && s->ops->help_year != NULL ? s->ops->help_year(s) : 0;

    if (year == 0) {
        year = date_year(app_today());
    }
    rules_expand(policy_rules(&t->app->policy, t->app->province, year), _(text), out);
}

struct screen *
screen_new(const struct screen_ops *ops, void *arg)
{
    struct screen *s = xcalloc(1, sizeof(*s));

    s->ops = ops;
    s->arg = arg;
    return s;
}

static void
screen_free(struct screen *s, struct tui *t)
{
    if (s->ops->leave != NULL) {
        s->ops->leave(s, t);
    }
    free(s->arg);
    free(s);
}

int
tui_push(struct tui *t, struct screen *s)
{
    if (s->ops->enter != NULL && s->ops->enter(s, t) != 0) {
        s->data = NULL;
        free(s->arg);
        free(s);
        t->dirty |= D_STATUS;
        return -1;
    }
    s->below = t->top;
    t->top = s;
    t->dirty |= D_ALL;
    return 0;
}

void
tui_pop(struct tui *t)
{
    struct screen *s = t->top;

    if (s == NULL) {
        return;
    }
    t->top = s->below;
    screen_free(s, t);
    if (t->top != NULL && t->top->ops->resume != NULL) {
        t->top->ops->resume(t->top, t);
    }
    t->dirty |= D_ALL;
}

/* Close every screen from S down, without resuming any. */
static void
free_stack(struct tui *t, struct screen *s)
{
    struct screen *below;

    for (; s != NULL; s = below) {
        below = s->below;
        screen_free(s, t);
    }
}

unsigned
tui_switch(struct tui *t, const struct workspace *ws)
{
    struct screen *old = t->top, *s;

    for (s = old; s != NULL; s = s->below) {
        if (!s->ops->may_switch) {
            tui_message(t, 1, _("Save or close this screen first (Esc), then %s opens %s."),
                        workspace_key_shown(ws), _(ws->label));
            return D_STATUS;
        }
    }
    /* The new root goes on top first: when it cannot open, the screens
     * stay as they were. */
    if (ws->open(t) != 0 || t->top == old) {
        return D_ALL;
    }
    for (s = t->top; s->below != old; s = s->below) {
    }
    s->below = NULL;
    free_stack(t, old);
    t->ws = ws;
    return D_ALL;
}

/* --- windows and resizing ---------------------------------------------- */

static void
delete_windows(struct tui *t)
{
    WINDOW **w[] = {&t->wtop, &t->wbody, &t->wstatus, &t->wkeys};
    size_t i;

    for (i = 0; i < ARRAY_SIZE(w); i++) {
        if (*w[i] != NULL) {
            delwin(*w[i]);
            *w[i] = NULL;
        }
    }
}

static void
make_windows(struct tui *t)
{
    delete_windows(t);
    t->wtop = newwin(1, t->cols, 0, 0);
    t->wbody = newwin(t->lines - 3, t->cols, 1, 0);
    t->wstatus = newwin(1, t->cols, t->lines - 2, 0);
    t->status_lines = 1;
    t->wkeys = newwin(1, t->cols, t->lines - 1, 0);
    /* Let ncurses scroll the body by lines instead of repainting it. */
    idlok(t->wbody, TRUE);
    leaveok(t->wtop, TRUE);
    leaveok(t->wbody, TRUE);
    leaveok(t->wkeys, TRUE);
    /* The hidden cursor stays where the last update left it, not sent
     * back to the end of the position on every key. */
    leaveok(t->wstatus, TRUE);
}

/* Take the terminal's size; tell every screen. */
static void
resize(struct tui *t)
{
    struct screen *s;

    getmaxyx(stdscr, t->lines, t->cols);
    t->too_small = t->lines < TUI_MIN_LINES || t->cols < TUI_MIN_COLS;
    if (!t->too_small) {
        make_windows(t);
        for (s = t->top; s != NULL; s = s->below) {
            if (s->ops->resize != NULL) {
                s->ops->resize(s, t);
            }
        }
    }
    t->dirty = D_ALL;
}

/* --- drawing ------------------------------------------------------------- */

static void
draw_small(struct tui *t)
{
    char msg[256];
    int y = t->lines / 2;

    snprintf(msg, sizeof(msg), _("The window is too small (%dx%d): make it at least %dx%d"),
             t->cols, t->lines, TUI_MIN_COLS, TUI_MIN_LINES);
    werase(stdscr);
    /* Wrap the notice over as many lines as it needs. */
    {
        const char *p = msg;
        size_t clip, width;

        y = y > 0 ? y - 1 : 0;
        while (*p != '\0' && y < t->lines) {
            clip = u8_clip(p, (size_t)(t->cols > 1 ? t->cols - 1 : 1), &width);
            if (clip == 0) {
                break;
            }
            {
                char line[256];

                snprintf(line, sizeof(line), "%.*s", (int)clip, p);
                draw_text(stdscr, y++, 0, t->cols > 1 ? t->cols - 1 : 1, line,
                          A_BOLD, AL_LEFT);
            }
            p += clip;
        }
    }
    wnoutrefresh(stdscr);
}

/* " 振兴 <F2 监测帮扶> F3 资金项目" into SB: every workspace, the one shown
 * in angle brackets; SHORT: the others' labels cut to 4 columns (F3 资金).
 * *CUR and *CURW: where the one shown is. */
static void
workspaces_text(struct tui *t, int shrt, struct sbuf *sb, int *cur, int *curw)
{
    const struct workspace *ws;
    size_t i;

    sbuf_reset(sb);
    *cur = -1;
    *curw = 0;
    sbuf_addf(sb, " %s ", _("zhenxing"));
    for (i = 0; (ws = workspace_at(i)) != NULL; i++) {
        const char *label = _(ws->label);

        if (ws == t->ws) {
            *cur = (int)u8_width(sb->buf);
            sbuf_addf(sb, "<%s %s>", workspace_key_shown(ws), label);
            *curw = (int)u8_width(sb->buf) - *cur;
        } else if (shrt) {
            sbuf_addf(sb, " %s %.*s ", workspace_key_shown(ws), (int)u8_clip(label, 4, NULL), label);
        } else {
            sbuf_addf(sb, " %s %s ", workspace_key_shown(ws), label);
        }
    }
}

/* The workspaces, the one shown bold (angle brackets: square ones would
 * line up with the boxes of the form fields); the others' labels are cut
 * short when they do not all fit in COLS. */
static void
draw_workspaces(struct tui *t, int cols)
{
    struct sbuf sb = SBUF_INIT;
    int x, cur, curw;

    workspaces_text(t, 0, &sb, &cur, &curw);
    if ((int)u8_width(sb.buf) > cols) {
        workspaces_text(t, 1, &sb, &cur, &curw);
    }
    draw_text(t->wtop, 0, 0, cols, sb.buf, theme_attr(TH_BAR), AL_LEFT);
    if (cur >= 0 && cur < cols) {
        x = cur + curw <= cols ? curw : cols - cur;
        /* The same text again, bold: u8_clip keeps whole characters. */
        draw_text(t->wtop, 0, cur, x, sb.buf + u8_clip(sb.buf, (size_t)cur, NULL),
                  theme_attr(TH_BAR) | A_BOLD, AL_LEFT);
    }
    sbuf_release(&sb);
}

static void
draw_top(struct tui *t)
{
    const struct app *a = t->app;
    struct sbuf right = SBUF_INIT;
    int rw;

    sbuf_addf(&right, "%s  %s (%s) ", a->county, a->actor.name, role_label(a->actor.role));
    rw = (int)u8_width(right.buf);
    if (rw > t->cols / 2) {
        rw = t->cols / 2;
    }
    draw_workspaces(t, t->cols - rw);
    draw_text(t->wtop, 0, t->cols - rw, rw, right.buf, theme_attr(TH_BAR), AL_RIGHT);
    wnoutrefresh(t->wtop);
    sbuf_release(&right);
}

/* --- the status line ------------------------------------------------------ */

/* The lines of a message wrapped to WIDTH, in a growing array. */
struct msg_lines {
    char **v;
    size_t n, alloc;
};

static void
msg_add(struct msg_lines *m, const char *s, size_t len)
{
    m->v = xgrow(m->v, &m->alloc, m->n + 1, sizeof(char *));
    m->v[m->n++] = xstrndup(s, len);
}

static void
msg_free(struct msg_lines *m)
{
    size_t i;

    for (i = 0; i < m->n; i++) {
        free(m->v[i]);
    }
    free(m->v);
}

/* TEXT wrapped to WIDTH columns into M, each "\n" starting a line. */
static void
msg_wrap(const char *text, int width, struct msg_lines *m)
{
    size_t n;

    while (*text != '\0') {
        size_t para = strcspn(text, "\n");
        const char *end = text + para;

        do {
            n = tt_wrap(text, (size_t)(width > 1 ? width : 1));
            n = n > (size_t)(end - text) ? (size_t)(end - text) : n;
            msg_add(m, text, n);
            text += n;
            while (text < end && *text == ' ') {
                text++;
            }
        } while (text < end);
        text = *end == '\n' ? end + 1 : end;
    }
}

void
tui_progress(struct tui *t, const char *what, size_t done, size_t total)
{
    char bar[64];
    int w = t->cols / 3, k, pct = total > 0 ? (int)(done * 100 / total) : 0;

    if (t->wstatus == NULL || t->too_small) {
        return;
    }
    if (w > (int)sizeof(bar) - 3) {
        w = (int)sizeof(bar) - 3;
    }
    pct = pct > 100 ? 100 : pct;
    bar[0] = '[';
    for (k = 0; k < w; k++) {
        bar[k + 1] = k < w * pct / 100 ? '#' : '.';
    }
    snprintf(bar + w + 1, sizeof(bar) - (size_t)w - 1, "]");
    werase(t->wstatus);
    draw_text(t->wstatus, t->status_lines - 1, 0, t->cols, what, A_NORMAL, AL_LEFT);
    k = u8_width(what) + 1;
    draw_text(t->wstatus, t->status_lines - 1, k, t->cols - k, bar, A_NORMAL, AL_LEFT);
    mvwprintw(t->wstatus, t->status_lines - 1, k + w + 3, "%3d%%", pct);
    wnoutrefresh(t->wstatus);
    doupdate();
}

/* The room for the position at the right of the status line. */
static int
status_pos_width(struct tui *t, char *pos, size_t n)
{
    struct screen *s = t->top;
    int pw;

    pos[0] = '\0';
    if (s->ops->status != NULL) {
        s->ops->status(s, t, pos, n);
    }
    pw = (int)u8_width(pos) + 1;
    return pw > t->cols / 2 ? t->cols / 2 : pw;
}

/* The message's lines for WIDTH columns: up to a third of the screen; a
 * message of several lines, or one cut, ends with how to see it whole. */
static void
status_text(struct tui *t, int width, struct msg_lines *m)
{
    size_t max = (size_t)(t->lines / 3 > 1 ? t->lines / 3 : 1);
    int more = strchr(t->message, '\n') != NULL;

    msg_wrap(t->message, width, m);
    if (m->n > max) {
        more = 1;
    }
    while (more && m->n >= max && m->n > 0) {
        free(m->v[--m->n]);
    }
    if (more) {
        const char *hint = _("(F6 shows the whole message)");

        msg_add(m, hint, strlen(hint));
    }
}

/* Make the status window N lines high (over the bottom of the body);
 * returns D_BODY when the body must show again where it was. */
static unsigned
status_resize(struct tui *t, int n)
{
    unsigned d = n < t->status_lines ? D_BODY : 0;

    if (n == t->status_lines) {
        return 0;
    }
    delwin(t->wstatus);
    t->wstatus = newwin(n, t->cols, t->lines - 1 - n, 0);
    leaveok(t->wstatus, TRUE);
    t->status_lines = n;
    return d;
}

/* The status line: the message's lines M (else the screen's info), the
 * position (asked now: a list knows it once drawn), or a prompt. */
static void
draw_status(struct tui *t, const struct msg_lines *m)
{
    struct screen *s = t->top;
    char info[512] = "", pos[64];
    int pw = status_pos_width(t, pos, sizeof(pos));
    attr_t a = t->message[0] && t->message_is_error ? theme_attr(TH_ERROR) : A_NORMAL;
    size_t i;

    if (t->message[0] == '\0' && s->ops->info != NULL) {
        s->ops->info(s, t, info, sizeof(info));
    }
    werase(t->wstatus);
    draw_text(t->wstatus, t->status_lines - 1, t->cols - pw, pw, pos, A_NORMAL, AL_RIGHT);
    t->prompting = s->ops->prompt != NULL && s->ops->prompt(s, t, t->wstatus);
    if (!t->prompting && m->n == 0) {
        draw_text(t->wstatus, 0, 0, t->cols - pw, info, A_NORMAL, AL_LEFT);
    }
    for (i = 0; !t->prompting && i < m->n; i++) {
        draw_text(t->wstatus, (int)i, 0, t->cols - pw, m->v[i], a, AL_LEFT);
    }
    wnoutrefresh(t->wstatus);
}

/* The status line, as high as its message needs; D_BODY when the body
 * must be drawn again (first: the status line goes over it). */
static unsigned
status_layout(struct tui *t, struct msg_lines *m)
{
    char pos[64];

    if (t->message[0] != '\0' && !t->prompting) {
        status_text(t, t->cols - status_pos_width(t, pos, sizeof(pos)), m);
    }
    return status_resize(t, m->n > 1 ? (int)m->n : 1);
}

static void
draw_keys(struct tui *t)
{
    struct sbuf sb = SBUF_INIT;

    keys_bar(screen_keys(t->top), (size_t)(t->cols - 1), tui_key_skip(t), &sb);
    draw_text(t->wkeys, 0, 0, t->cols - 1, sb.buf, theme_attr(TH_BAR), AL_LEFT);
    wnoutrefresh(t->wkeys);
    sbuf_release(&sb);
}

/* The terminal cursor: in a prompt on the status line, in a form field
 * of the body, or hidden.  The window refreshed last places it. */
static void
place_cursor(struct tui *t)
{
    if (t->prompting) {
        curs_set(1);
        leaveok(t->wstatus, FALSE);
        wnoutrefresh(t->wstatus);
        leaveok(t->wstatus, TRUE);
    } else if (t->cursor_y >= 0) {
        curs_set(1);
        leaveok(t->wbody, FALSE);
        wmove(t->wbody, t->cursor_y, t->cursor_x);
        wnoutrefresh(t->wbody);
    } else {
        leaveok(t->wbody, TRUE);
        curs_set(0);
    }
}

static void
draw(struct tui *t)
{
    struct msg_lines m = {NULL, 0, 0};

    if (t->too_small) {
        draw_small(t);
        doupdate();
        t->dirty = 0;
        return;
    }
    /* A status line of several lines lies over the body: drawn after it. */
    if ((t->dirty & D_BODY) && t->status_lines > 1) {
        t->dirty |= D_STATUS;
    }
    if (t->dirty & D_STATUS) {
        t->dirty |= status_layout(t, &m);
    }
    if (t->dirty & D_TOP) {
        draw_top(t);
    }
    if (t->dirty & D_BODY) {
        werase(t->wbody);
        t->cursor_y = t->cursor_x = -1;
        t->top->ops->draw(t->top, t, t->wbody);
        wnoutrefresh(t->wbody);
    }
    if (t->dirty & D_STATUS) {
        draw_status(t, &m);
    }
    msg_free(&m);
    if (t->dirty & D_KEYS) {
        draw_keys(t);
    }
    place_cursor(t);
    doupdate();
    t->dirty = 0;
    if (t->trace) {
        /* The processor time since the keys came, to the screen sent. */
        fprintf(stderr, "draw cpu %.3f ms\n", clock_cpu_ms() - t->cpu_at_key);
    }
}

/* --- input ------------------------------------------------------------- */

static void
handle_key(struct tui *t, int is_key, wint_t ch)
{
    struct screen *s = t->top;
    unsigned d;
    int rc;
    enum action a;
    const struct keydef *k;

    if (t->message[0] != '\0') {
        t->message[0] = '\0';
        t->dirty |= D_STATUS;
    }
    if (is_key && ch == KEY_RESIZE) {
        resize(t);
        return;
    }
    if (t->too_small) {
        if (!is_key && (ch == 'q' || ch == CTRL('c'))) {
            t->running = 0;
        }
        return;
    }
    if (s->ops->input != NULL && (rc = s->ops->input(s, t, is_key, ch)) >= 0) {
        d = (unsigned)rc;
        goto done;
    }
    k = keys_find(screen_keys(s), is_key, ch);
    a = k != NULL ? k->action : ACT_NONE;
    if (k != NULL && (k->flags & KD_WRITE) && !tui_writable(t)) {
        return;
    }
    if (a == ACT_HELP && s->ops != &help_screen) {
        tui_push(t, screen_new(&help_screen, NULL));
        return;
    }
    if (a == ACT_REDRAW) {
        clearok(curscr, TRUE);
        t->dirty |= D_ALL;
        return;
    }
    if (a == ACT_MESSAGE) {
        view_open_text(t, _("The last message"),
                       t->last_message[0] ? t->last_message : _("No message yet."));
        return;
    }
    if (a == ACT_NONE) {
        const struct workspace *ws = workspace_for_key(is_key, ch);

        if (ws != NULL) {
            t->dirty |= tui_switch(t, ws);
        }
        return;
    }
    /* The handler may close its own screen: S is not used after it. */
    d = s->ops->action(s, t, a);
done:
    t->dirty |= d & D_ALL;
    if (d & TR_POP) {
        tui_pop(t);
    }
    if ((d & TR_QUIT) || t->top == NULL) {
        t->running = 0;
    }
}

int
tui_key_waiting(void *stopped)
{
    struct pollfd p = {STDIN_FILENO, POLLIN, 0};

    if (poll(&p, 1, 0) > 0) {
        *(int *)stopped = 1;
        return 1;
    }
    return 0;
}

/* 1 when the terminal is gone (hung up, closed): a read error while
 * waiting means that only then. */
static int
terminal_gone(void)
{
    struct pollfd p = {STDIN_FILENO, POLLIN, 0};

    return poll(&p, 1, 0) < 0 || (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

/* Alt-1 ... Alt-0 (Escape and a digit at once) are F1 ... F10, for the
 * terminals and keyboards whose function keys send nothing ncurses
 * knows (vt100, PuTTY's default keyboard with TERM=xterm).  1 with the
 * key in *IS_KEY, *CH; 0 (the byte after the Escape put back) when no
 * digit came with it. */
static int
alt_digit(WINDOW *in, int *is_key, wint_t *ch)
{
    int next;

    wtimeout(in, 0);
    next = wgetch(in);
    if (next >= '0' && next <= '9') {
        *is_key = 1;
        *ch = (wint_t)KEY_F(next == '0' ? 10 : next - '0');
        return 1;
    }
    if (next != ERR) {
        ungetch(next);
    }
    return 0;
}

/* A key's sequence cut after its Escape (a terminal writing the Escape
 * apart from the rest, which a thin link then delivers in two packets
 * more than ESCDELAY apart): ncurses took the Escape alone, and FIRST
 * begins the rest.  When FIRST and the bytes that follow it finish a key
 * the terminal description knows, 1 with that key in *CH (else the bytes
 * are put back, to be read as typed), and ncurses waits longer for the rest
 * of a sequence from then on: twice the gap seen, 50 to 500 ms.  The
 * Escape has already acted; the keys after it are not typed as text. */
static int
esc_rest(struct tui *t, WINDOW *in, int first, wint_t *ch)
{
    char seq[16] = "\033";
    int n = 1, i, code, c;
    double gap = clock_mono_ms() - t->esc_at;

    if (t->esc_at <= 0 || (first != '[' && first != 'O')) {
        return 0;
    }
    if (t->trace) {
        fprintf(stderr, "escape then '%c' after %.0f ms\n", first, gap);
    }
    if (gap > ESC_SPLIT_MS) {
        return 0;
    }
    t->esc_at = 0;
    seq[n++] = (char)first;
    /* More while SEQ begins a key (key_defined: -1), each byte within
     * ESC_REST_MS: a key's rest comes in one piece. */
    wtimeout(in, ESC_REST_MS);
    while ((code = key_defined(seq)) < 0 && n < (int)sizeof(seq) - 1 &&
           (c = wgetch(in)) != ERR) {
        if (c >= KEY_MIN) {
            ungetch(c);
            break;
        }
        seq[n++] = (char)c;
    }
    for (i = n - 1; i >= (code > 0 ? n : 2); i--) {
        ungetch((unsigned char)seq[i]);
    }
    if (code <= 0) {
        return 0;
    }
#ifdef HAVE_SET_ESCDELAY
    /* Never shorter than it was (the user's $ESCDELAY may be longer). */
    gap = 2 * (gap + ESCDELAY);
    gap = gap < ESC_WAIT_MIN_MS ? ESC_WAIT_MIN_MS : gap > ESC_SPLIT_MS * 2 ? ESC_SPLIT_MS * 2 : gap;
    if ((int)gap > ESCDELAY) {
        set_escdelay((int)gap);
    }
#endif
    *ch = (wint_t)code;
    return 1;
}

/* Read one key (blocking when WAIT); 0 when none, -1 on a signal or when
 * the terminal is gone.  Bytes are put together into characters here,
 * not by wget_wch(), which drops the first bytes of a character that
 * arrives split over two reads (a paste, a slow link) and cannot read an
 * invalid byte. */
static int
read_key(struct tui *t, WINDOW *in, int wait, int *is_key, wint_t *ch)
{
    int rc, retry, errors = 0;
    wchar_t wc;

    for (;;) {
        /* The rest of a split character is on its way: wait for it. */
        wtimeout(in, wait || t->dec.pending ? -1 : 0);
        rc = wgetch(in);
        if (got_signal) {
            return -1;
        }
        if (rc == ERR) {
            if (!wait && !t->dec.pending) {
                return 0;
            }
            if (terminal_gone() || ++errors > 100) {
                return -1;
            }
            continue;
        }
        if (rc == 27 && !t->dec.pending && alt_digit(in, is_key, ch)) {
            return 1;
        }
        if (rc < KEY_MIN && !t->dec.pending && esc_rest(t, in, rc, ch)) {
            *is_key = 1;
            return 1;
        }
        t->esc_at = rc == 27 && !t->dec.pending ? clock_mono_ms() : 0;
        if (rc >= KEY_MIN) {
            if (t->dec.pending) {
                /* A key cut a character short: it was garbage. */
                key_decoder_init(&t->dec);
                ungetch(rc);
                *is_key = 0;
                *ch = 0xFFFD;
                return 1;
            }
            *is_key = 1;
            *ch = (wint_t)rc;
            return 1;
        }
        switch (key_decode(&t->dec, (unsigned char)rc, &wc, &retry)) {
        case KD_MORE:
            continue;
        case KD_BAD:
            if (retry) {
                ungetch(rc);
            }
            break;
        case KD_CHAR:
            break;
        }
        *is_key = 0;
        *ch = (wint_t)wc;
        return 1;
    }
}

static void
loop(struct tui *t, WINDOW *in)
{
    int is_key, rc, n;
    wint_t ch;

    while (t->running) {
        if (t->dirty) {
            draw(t);
        }
        /* What waits for the keys to stop, drawn when done. */
        if (t->top != NULL && t->top->ops->idle != NULL &&
            (t->dirty = t->top->ops->idle(t->top, t)) != 0) {
            continue;
        }
        rc = read_key(t, in, 1, &is_key, &ch);
        if (rc < 0) {
            break;
        }
        if (rc == 0) {
            continue;
        }
        if (t->trace) {
            t->cpu_at_key = clock_cpu_ms();
        }
        handle_key(t, is_key, ch);
        /* Everything already typed is handled before drawing again. */
        n = 1;
        while (t->running && (rc = read_key(t, in, 0, &is_key, &ch)) == 1) {
            handle_key(t, is_key, ch);
            n++;
        }
        if (rc < 0) {
            break;
        }
        if (t->running && t->top != NULL && t->top->ops->settle != NULL) {
            t->top->ops->settle(t->top, t);
        }
        if (t->trace) {
            fprintf(stderr, "input %d keys\n", n);
        }
    }
}

/* --- set-up ---------------------------------------------------------- */

static int
prepare(struct app *a, struct err *e)
{
    int rebuilt = 0;
    struct rule_ctx ctx;

    if (app_load_policy(a, e) || app_open_db(a, 0, e) || app_login(a, e)) {
        return -1;
    }
    ctx = app_rule_ctx(a);
    return db_list_ensure(a->db, &ctx, &rebuilt, e);
}

/* Ctrl-S saves a form: the terminal must pass it on instead of pausing
 * output (XON/XOFF).  ncurses restores the user's settings on exit. */
static void
keep_ctrl_s(void)
{
    struct termios tio;

    if (tcgetattr(STDIN_FILENO, &tio) == 0) {
        tio.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
        tcsetattr(STDIN_FILENO, TCSANOW, &tio);
        def_prog_mode();
    }
}

static void
start_curses(void)
{
    initscr();
    curses_up = 1;
    cbreak();
    noecho();
    nonl();
    keep_ctrl_s();
    intrflush(stdscr, FALSE);
    curs_set(0);
#ifdef HAVE_SET_ESCDELAY
    /* A key's escape sequence comes in one write, even over a slow link:
     * waiting for the rest of one after a lone Esc is waiting for nothing
     * (bench/tui.py measures Esc and the keys over a 200 ms link).  The
     * user's $ESCDELAY wins (ncurses reads it). */
    if (getenv("ESCDELAY") == NULL) {
        set_escdelay(ESC_DELAY_MS);
    }
#endif
    theme_init();
    keys_init();
}

/* What the first screen says: the first settings warning and what the
 * policy files lack for today's year (a line each). */
static void
start_message(struct tui *t)
{
    struct app *a = t->app;
    struct notes gaps = {NULL, 0};
    struct sbuf sb = SBUF_INIT;
    size_t i;

    if (a->settings.warnings.n > 0) {
        sbuf_addf(&sb, _("Settings: %s"), a->settings.warnings.v[0]);
    }
    policy_gaps(&a->policy, a->province, date_year(app_today()), &gaps);
    for (i = 0; i < gaps.n; i++) {
        sbuf_addf(&sb, "%s%s", sb.len > 0 ? "\n" : "", gaps.v[i]);
    }
    if (sb.len > 0) {
        tui_message(t, 1, "%s", sb.buf);
    }
    notes_clear(&gaps);
    sbuf_release(&sb);
}

int
tui_run(struct app *a)
{
    struct tui t;
    struct err e;
    WINDOW *in;

    err_clear(&e);
    if (prepare(a, &e)) {
        fprintf(stderr, "zhenxing: %s\n", e.msg);
        return e.code == ERR_INVALID || e.code == ERR_USAGE ? 1 : 2;
    }
    if (!tui_terminal_known()) {
        return 1;
    }
    memset(&t, 0, sizeof(t));
    t.app = a;
    t.running = 1;
    t.cursor_y = t.cursor_x = -1;
    key_decoder_init(&t.dec);
    t.trace = priv_getenv("ZHENXING_TRACE") != NULL;
    t.cursor = strcmp(a->settings.cursor_style, "marker") == 0 ? CURSOR_MARKER : CURSOR_BAR;
    catch_signals();
    xalloc_set_fatal_hook(tui_end);
    atexit(tui_end);
    redirect_stderr();
    start_curses();
    in = newwin(1, 1, 0, 0);
    keypad(in, TRUE);
    leaveok(in, TRUE);
    resize(&t);
    start_message(&t);
    t.ws = workspace_at(0);
    if (t.ws->open(&t) == 0) {
        t.dirty |= form_offer_drafts(&t);
        loop(&t, in);
    }
    while (t.top != NULL) {
        tui_pop(&t);
    }
    delwin(in);
    delete_windows(&t);
    tui_end();
    if (t.message[0] != '\0' && t.message_is_error) {
        fprintf(stderr, "zhenxing: %s\n", t.message);
    }
    return got_signal ? 128 + got_signal : 0;
}
