#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t55-list-keys.sh - the monitoring list deep in it and its counts
# (issue 18): g goes to a row; a resize keeps the first row shown and the
# cursor's row (the cursor stays in view when the window gets too short
# for it); a search shows its rows at once and its count once the keys
# stop; the status line's counts follow a change another program made,
# on coming back from a household.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 9

DB="$T/c.db"
demo_db "$DB" 2000
grouped() { python3 -c "print(format($1, ','))"; }
# The first row of the list's body (the top bar and the column titles
# above it).
first_row() {
    tm capture-pane -p -t zx | sed -n 3p
}

tui_start 80x24
keys g
typed 1500
keys Enter
wait_for "1,500/2,000"
top=$(first_row)
hh1500=$(q "$DB" "select hh_no from hh_list order by hh_no, id limit 1 offset 1499")
has_text() { printf '%s\n' "$1" | grep -qF -- "$2"; }
has_text "$top" "$hh1500"
ok $? "g shows row 1,500 first ($hh1500)"
keys Down Down Down Down Down
wait_for "1,505/2,000"
tm resize-window -t zx -x 80 -y 40
sleep 0.5
wait_for "1,505/2,000"
[ "$(first_row)" = "$top" ]
ok $? "taller: the first row shown stays"
is "$(status_pos)" "1,505/2,000" "and the cursor stays on its row"
i=0
while [ $i -lt 25 ]; do
    keys Down
    i=$((i + 1))
done
wait_for "1,530/2,000"
tm resize-window -t zx -x 80 -y 24
sleep 0.5
wait_for "1,530/2,000"
hh1530=$(q "$DB" "select hh_no from hh_list order by hh_no, id limit 1 offset 1529")
shows "$hh1530" "shorter than the cursor's row: it stays in view ($hh1530)"
! has_text "$(first_row)" "$hh1500"
ok $? "the rows above it make room"
tm resize-window -t zx -x 140 -y 24
wait_for "1,530/2,000"

# A search every household matches (the county's code) shows its rows;
# its count comes once the keys stop.
keys /
typed 5199
shows "1/2,000" "a search every household matches is counted when the keys stop"
keys Escape
wait_for "全部农户"

# Counts kept while nothing changes follow a change made elsewhere.
unstable=$(q "$DB" "select count(*) from hh_list where category = '1'")
shows "不稳定户$(grouped "$unstable")" "the status line counts the 脱贫不稳定户"
q "$DB" "update hh_list set category = '1' where id in (select id from hh_list where category = '' limit 3)" >/dev/null
keys Enter
wait_for "1 概况"
keys Escape
shows "不稳定户$(grouped $((unstable + 3)))" "coming back, they count a change another program made"
keys q
wait_for "EXIT="
shows "EXIT=0" "q quits"
