#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t10-conflict.sh - two staff edit the same household at once.  The
# first save wins; the second opens the conflict screen with the
# original, mine and theirs per field; the choices are saved and nothing
# either of them typed is silently lost.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 12

DB="$T/c.db"
demo_db "$DB" 50
hh=$(q "$DB" "select id from household order by id limit 1 offset 3")
no=$(q "$DB" "select hh_no from household where id = $hh")

tui_start 100x30
# A second user's terminal: another session of the same tmux server.
tm new-session -d -s zy -x 100 -y 30 \
    "env LANG=$ZH LC_ALL= '$ZHENXING' --db '$DB'; echo EXIT=\$?; sleep 60"
ykeys() { tm send-keys -t zy "$@"; sleep 0.2; }
ytyped() { tm send-keys -t zy -l -- "$1"; sleep 0.2; }
yscreen() { tm capture-pane -p -t zy >"$1"; }
ywait() {
    i=0
    while [ $i -lt 100 ] && ! tm capture-pane -p -t zy | grep -qF -- "$1"; do
        sleep 0.05; i=$((i + 1))
    done
}

# Both open the household's form.
open_household "$no"
keys e
shows "修改农户 $no" "the first user opens the household form"
ywait "/"
ykeys / ; ytyped "$no"; ykeys Enter; ywait "搜索：$no"; ykeys Enter; ywait "1 概况"
ykeys e
ywait "家庭住址"
yscreen "$T/y"
has "$T/y" "修改农户 $no" "the second user opens it too"

# The first changes the address and the phone, and saves.
keys Tab C-u
typed "三组1号"
keys Tab C-u
typed "13900000001"
keys C-s
shows "农户 $no 已保存" "the first save goes through"
# The second changes the address differently, and saves.
ykeys Tab C-u
ytyped "四组2号"
ykeys C-s
ywait "修改冲突"
ywait "对方的修改"
yscreen "$T/y"
has "$T/y" "对方的修改" "the second save opens the conflict screen"
has "$T/y" "三组1号" "it shows their address"
has "$T/y" "四组2号" "and mine"
has "$T/y" "13900000001" "and the phone only they changed"
is "$(q "$DB" "select address from household where id = $hh")" "三组1号" \
    "nothing of the second user is stored yet"
# Keep my address (the default for a field both changed), their phone
# (the default for a field only they changed); save.
ykeys C-s
ywait "已保存"
yscreen "$T/y"
has "$T/y" "农户 $no 已保存" "the choices are saved"
is "$(q "$DB" "select address || ' ' || phone from household where id = $hh")" "四组2号 13900000001" \
    "my address and their phone are kept"
is "$(q "$DB" "select count(*) from audit where tbl = 'household' and row_id = $hh and field = 'address'")" "2" \
    "both changes of the address are in the audit log"
is "$(q "$DB" "select version from household where id = $hh")" "3" "two saves, two versions"
tm kill-session -t zy
tui_stop
finish
