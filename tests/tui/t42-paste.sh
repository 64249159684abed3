#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t42-paste.sh - a 100,000-character paste into a form field at 80x24:
# the field takes what it holds (a member's name 30 characters, a visit's
# findings 2,000), says in Chinese how many characters after them were
# not taken, and answers at once (the paste is handled in linear time:
# the field's redraw used to be quadratic and froze a session for a
# minute); what was typed before it stays, and the keys after it work.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 7

DB="$T/c.db"
demo_db "$DB" 50
no=$(q "$DB" "select hh_no from household order by id limit 1")
python3 -c 'import sys; sys.stdout.write("扶贫测试" * 25000)' >"$T/paste"

# paste: the file into the focused field, through tmux's paste buffer;
# prints the seconds until the screen says what was not taken.
paste() {
    tm load-buffer "$T/paste"
    start=$(date +%s.%N)
    tm paste-buffer -t zx
    wait_for "$1"
    end=$(date +%s.%N)
    echo "$start $end" | awk '{printf "%.1f", $2 - $1}'
}

tui_start 80x24
open_household "$no"
keys 2 a
wait_for "新增成员"
typed "赵"
secs=$(paste "字未接收")
shows "姓名最多30字：其后的99971字未接收" "a 100,000-character paste into a name: the 29 it can hold are taken, the rest refused, said in Chinese"
echo "# the answer came after $secs s"
ok "$(echo "$secs" | awk '{print ($1 < 20)}' | grep -q 1; echo $?)" "within 20 s on a loaded machine ($secs s)"
keys Home
shows "[赵扶贫测试扶贫" "what was typed before the paste stays"
keys Tab
typed "男"
shows "[男" "the keys after the paste work"
keys Escape
wait_for "放弃"
keys y
wait_for "1 概况"

# --- a long text (2,000 characters, drawn over three lines) ---------------------
keys 7 a
wait_for "新增走访记录"
keys Tab Tab Tab
secs=$(paste "字未接收")
shows "最多2000字：其后的98000字未接收" "into a visit's findings: 2,000 taken, the rest refused"
echo "# the answer came after $secs s"
ok "$(echo "$secs" | awk '{print ($1 < 20)}' | grep -q 1; echo $?)" "within 20 s ($secs s)"
keys End
typed "x"
shows "其后的1字未接收" "typing past the end is refused too, one character at a time"
tui_stop
finish
