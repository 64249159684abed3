#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t41-list-states.sh - the monitoring list's states: the filter "every
# monitoring object" (a case identified and not closed), several states
# at once, and the counts of the filter per category and state on the
# status line, at 80 columns (abbreviated) and at 160.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 15

DB="$T/c.db"
demo_db "$DB" 2000
N=$(q "$DB" "select count(*) from household")
grouped() { python3 -c "print(format($1, ','))"; }
MON="'monitored', 'elim_verified', 'elim_appraised', 'elim_publicizing', 'elim_township_reviewed'"
# count WHERE: households whose case is so.
count() {
    q "$DB" "select count(*) from household h left join monitor_case c on c.household_id = h.id where $1"
}

tui_start 80x24
shows "全部农户" "a county account starts on every household"
shows "不稳定户$(grouped "$(count "c.category = '1' and c.state <> 'rejected'")")" \
    "the status line counts the 脱贫不稳定户 at 80 columns"
shows "边缘户$(grouped "$(count "c.category = '2' and c.state <> 'rejected'")")" "and the 边缘易致贫户"

# Every monitoring object.
monitored=$(count "c.state in ($MON)")
keys f
wait_for "筛选列表"
keys Down Down Down Down Enter
shows "全部监测对象" "the status menu offers every monitoring object"
shows "Space" "and says Space marks several"
typed "全部监测对象"
keys Enter
shows "监测对象" "the filter screen shows the monitoring objects"
keys Escape
wait_for "筛选：监测对象"
is "$(status_pos)" "1/$(grouped "$monitored")" "the list has the $monitored monitoring objects"
shows "不稳定户$(grouped "$(count "c.category = '1' and c.state in ($MON)")")" \
    "the counts are those of the filter"
screen "$T/screen"
line=$(tail -n 2 "$T/screen" | head -n 1)
width=$(printf '%s' "$line" | python3 -c 'import sys, unicodedata; print(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in sys.stdin.read()))')
ok "$([ "$width" -le 80 ] && echo 0 || echo 1)" "the status line fits 80 columns ($width)"
aligned '[0-9]{16}' "the rows line up"

# Two states at once: Space marks them.
both=$(q "$DB" "select count(*) from hh_list where state in ('eliminated', 'monitored')")
keys f
wait_for "筛选列表"
keys Down Down Down Down Enter
wait_for "全部监测对象"
typed "风险已消除"
keys Space C-u
typed "监测帮扶中"
keys Space C-u
wait_for "[x] 监测帮扶中"
keys Enter
shows "监测帮扶中，风险已消除" "the filter screen shows both states"
keys Escape
wait_for "筛选：监测帮扶中，风险已消除"
is "$(status_pos)" "1/$(grouped "$both")" "the list has the $both households monitored or with the risk eliminated"

# Wider: a count per state.
tm resize-window -t zx -x 160 -y 30
shows "已消除$(grouped "$(count "c.state = 'eliminated'")")" "at 160 columns each state is counted"
# While searching the position says how many match: no counts.
keys /
typed "zz"
keys Enter
wait_for "搜索：zz"
lacks "已消除$(grouped "$(count "c.state = 'eliminated'")")" "no counts while a search narrows the list"
tui_stop
shows "EXIT=0" "q quits"
finish
