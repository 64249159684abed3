/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * workspace.c - the table of workspaces.
 */
#include "config.h"
#include "tui/workspace.h"

#include <curses.h>
#include <string.h>

#include "tui/keys.h"
#include "tui/s_assess.h"
#include "tui/screen.h"
#include "tui/table.h"
#include "util/array.h"
#include "util/i18n.h"

static const struct workspace workspaces[] = {
    {KEY_F(2), "F2", "Alt-2", "F2/Alt-2", N_("monitoring"), households_open},
    {KEY_F(3), "F3", "Alt-3", "F3/Alt-3", N_("funds and projects"), funds_open},
    {KEY_F(4), "F4", "Alt-4", "F4/Alt-4", N_("paired assistance"), pair_open},
    {KEY_F(5), "F5", "Alt-5", "F5/Alt-5", N_("assessment"), assess_open},
};

#define NWORKSPACES ARRAY_SIZE(workspaces)

const struct workspace *
workspace_at(size_t i)
{
    return i < NWORKSPACES ? &workspaces[i] : NULL;
}

const char *
workspace_key_shown(const struct workspace *ws)
{
    return key_fkey_known(ws->key - KEY_F0) ? ws->key_name : ws->alt_name;
}

size_t
workspace_count(void)
{
    return NWORKSPACES;
}

const struct workspace *
workspace_for_key(int is_key, wint_t ch)
{
    size_t i;

    for (i = 0; is_key && i < NWORKSPACES; i++) {
        if (workspaces[i].key == (int)ch) {
            return &workspaces[i];
        }
    }
    return NULL;
}

void
workspace_keydefs(struct keydef *out, size_t n)
{
    size_t i;

    for (i = 0; i < NWORKSPACES && i + 1 < n; i++) {
        memset(&out[i], 0, sizeof(out[i]));
        out[i].key = workspaces[i].key;
        out[i].is_key = 1;
        out[i].action = ACT_NONE;
        out[i].name = workspaces[i].both_names;
        out[i].label = workspaces[i].label;
    }
    memset(&out[i], 0, sizeof(out[i]));
}
