#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t11-draft.sh - the SSH connection drops (SIGHUP) in the middle of a
# form: what was typed is offered back at the next start, restored
# field by field, and can be saved; a draft is private to its user.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 14

DB="$T/c.db"
demo_db "$DB" 50
hh=$(q "$DB" "select id from household order by id limit 1 offset 5")
no=$(q "$DB" "select hh_no from household where id = $hh")

tui_start 80x24
open_household "$no"
keys 7 a
shows "新增走访记录" "a new visit"
keys Tab C-u
typed "驻村队员李明"
keys Tab Tab
typed "家中新添一头牛，收入有所增加。"
sleep 0.5
pid=$(pgrep -n -f "zhenxing --db $DB")
kill -s HUP "$pid"
wait_for "EXIT="
screen "$T/screen"
has "$T/screen" "EXIT=129" "SIGHUP ends zhenxing"
drafts=$(ls "$XDG_STATE_HOME"/zhenxing/drafts/*.draft 2>/dev/null | wc -l)
is "$drafts" "1" "a draft was kept"
perm=$(stat -c %a "$XDG_STATE_HOME"/zhenxing/drafts/*.draft)
is "$perm" "600" "readable by its user only"
is "$(q "$DB" "select count(*) from visit where household_id = $hh and visitor = '驻村队员李明'")" "0" \
    "nothing was stored"

tui_start 80x24
shows "上次未完成的表单" "the next start offers the draft"
shows "新增走访记录" "naming the form"
keys Enter
shows "家中新添一头牛" "Enter restores what was typed"
shows "[驻村队员李明" "in every field"
keys C-s
shows "走访记录已保存" "the restored form saves"
is "$(q "$DB" "select count(*) from visit where household_id = $hh and visitor = '驻村队员李明'")" "1" \
    "the visit is stored"

# Killed outright (SIGKILL): the last burst of typing is on disk too.
open_household "$no"
keys 1 e
wait_for "修改农户"
keys Tab C-u
typed "五组8号"
sleep 0.5
pid=$(pgrep -n -f "zhenxing --db $DB")
kill -s KILL "$pid"
wait_for "EXIT="
tui_start 80x24
shows "修改农户 $no" "after SIGKILL the draft is offered too"
keys Enter
shows "[五组8号" "with the last text typed"
keys C-s
shows "已保存" "and saves"
tui_stop
finish
