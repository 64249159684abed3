#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t58-split-keys.sh - a key whose sequence comes cut after its Escape (a
# terminal writing ESC apart from the rest, which a thin link delivers in
# two packets further apart than the 5 ms ncurses waits; issue 18) is
# read as that key, not as Esc and letters: the first one, and the ones
# after it (ncurses then waits longer).  A lone Escape still closes the
# search prompt, and letters typed after it one at a time stay letters.
. "${top_srcdir:-.}/tests/tui/lib.sh"

plan 6

DB="$T/c.db"
demo_db "$DB" 120

# cut SECONDS HEX...: the first byte, SECONDS later the rest.
cut() {
    pause=$1
    shift
    tm send-keys -t zx -H "$1"
    shift
    sleep "$pause"
    tm send-keys -t zx -H "$@"
}

tui_start 80x24 ZHENXING_TRACE=1
cut 0.05 1b 4f 52
shows "<F3 资金项目>" "F3 cut 50 ms after its Escape opens funds and projects"
cut 0.1 1b 4f 51
shows "<F2 监测帮扶>" "then F2 cut by 100 ms goes back to the list"
cut 0.03 1b 4f 42
wait_for "2/120"
is "$(status_pos)" "2/120" "Down cut by 30 ms moves to the second row"
keys /
wait_for "搜索（"
keys Escape
wait_for "全部农户"
lacks "搜索（" "a lone Escape closes the search prompt"
keys /
wait_for "搜索（"
keys Escape
typed /
sleep 0.1
typed O
sleep 0.1
typed R
shows "搜索（" "after Escape, / O R typed one at a time: the prompt again"
screen "$T/screen"
tail -n 2 "$T/screen" | head -n 1 | grep -q "OR"
ok $? "with O and R in it, not read as F3"
tui_stop
grep "^escape then" "$XDG_STATE_HOME/zhenxing/zhenxing.log" | sed "s/^/# /"
finish
