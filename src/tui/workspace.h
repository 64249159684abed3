/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * workspace.h - the workspaces of the full-screen program (monitoring,
 * funds and projects, ...): one table, each row a function key, a label
 * for the top line and the help, and the function that opens its root
 * screen.  Adding a workspace is adding a row to workspaces[] in
 * workspace.c.
 *
 * Switching (tui_switch) replaces the whole screen stack by the new
 * workspace's root screen.  It is honoured only while every screen on
 * the stack allows it (screen_ops.may_switch: lists, records, menus,
 * help), never while a form is open, so nothing typed is thrown away
 * without asking; the form keys (F4, F5, F10) win over the workspace
 * keys because the screen's own keys are looked up first.
 */
#ifndef ZX_WORKSPACE_H
#define ZX_WORKSPACE_H

#include <stddef.h>
#include <wchar.h>

struct keydef;
struct tui;

struct workspace {
    int key;                       /* KEY_F(n) */
    const char *key_name;          /* "F3" */
    const char *alt_name;          /* "Alt-3": the same where F3 sends nothing */
    const char *both_names;        /* "F3/Alt-3", for the help */
    const char *label;             /* N_: the top line and the help */
    /* Push the workspace's root screen; 0, or -1 with a message set. */
    int (*open)(struct tui *t);
};

/* How the screen names WS's key: F3, or Alt-3 when the terminal has no F3. */
const char *workspace_key_shown(const struct workspace *ws);

/* The workspaces in key order; the first is the one the program opens. */
const struct workspace *workspace_at(size_t i);
size_t workspace_count(void);

/* The workspace bound to (IS_KEY, CH), or NULL. */
const struct workspace *workspace_for_key(int is_key, wint_t ch);

/* Their keys as a key table (for the help): at most N - 1 rows into
 * OUT, ended by {0}. */
void workspace_keydefs(struct keydef *out, size_t n);

#endif
