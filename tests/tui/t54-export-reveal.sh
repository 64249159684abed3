#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t54-export-reveal.sh - the export dialog's 显示完整身份证号 at 80x24: an
# administrator gets the choice (off by default: the head's ID numbers
# masked, the audit row says not revealed); with it (and 所有列, which
# brings the head's ID number) the numbers are written whole and the
# export's audit row says revealed, with a reveal row as `export --reveal`
# writes; a village account, whose role may not see whole numbers, does
# not get the choice.  The dialog at 60x20 says the window is too small,
# and is back as it was, with what was typed, at 80x24.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 21

DB="$T/c.db"
demo_db "$DB" 300
ME=$(id -un)
PREFIX=$(q "$DB" "select substr(hh_no, 1, 12) from household order by hh_no limit 1")
N=$(q "$DB" "select count(*) from household where hh_no like '$PREFIX%'")
last() { q "$DB" "select $1 from audit where op = 'export' order by id desc limit 1"; }
reveals() { q "$DB" "select count(*) from audit where op = 'reveal'"; }
whole() { grep -cE '[0-9]{17}[0-9X]' "$1"; }
masked() { grep -cE '[0-9]{6}\*{8}[0-9X]{3}' "$1"; }
# export FILE [REVEAL]: x on the list, CSV to FILE with 所有列 是, and
# 显示完整身份证号 是 when REVEAL.
export_to() {
    keys x
    wait_for "显示完整身份证号"
    keys C-u
    typed "csv"
    keys Tab Tab C-u
    typed "$1"
    keys Tab BSpace
    typed "是"
    if [ -n "${2:-}" ]; then
        keys Tab BSpace
        typed "是"
    fi
    keys C-s
}

tui_start 80x24
keys /
typed "$PREFIX"
keys Enter
wait_for "搜索：$PREFIX"
keys x
shows "所有列" "the dialog offers every column"
shows "显示完整身份证号 [否" "and to an administrator whole ID numbers, off by default"
keys Escape
export_to "$T/masked.csv"
shows "已导出 $N 行到 $T/masked.csv" "exported with every column"
is "$(masked "$T/masked.csv"):$(whole "$T/masked.csv")" "$N:0" "the heads' ID numbers masked"
is "$(last revealed)" 0 "the audit row says not revealed"
r0=$(reveals)
export_to "$T/whole.csv" reveal
shows "已导出 $N 行到 $T/whole.csv" "exported with whole ID numbers"
is "$(whole "$T/whole.csv")" "$N" "the heads' ID numbers whole"
is "$(q "$DB" "select count(*) from person p join household h on h.id = p.household_id where h.hh_no like '$PREFIX%' and p.relation = '02' and p.in_household = 1 and instr(readfile('$T/whole.csv'), p.id_no) > 0")" "$N" "each the head's"
is "$(last revealed)" 1 "the export's audit row says revealed"
last old | grep -q "revealed=1"
ok $? "and its filters say so, as the command line writes them"
is "$(reveals)" "$((r0 + 1))" "with a reveal row"

# The dialog at 60x20, and after the resize back.
keys x
wait_for "显示完整身份证号"
keys C-u
typed "csv"
keys Tab Tab C-u
typed "$T/resized.csv"
tm resize-window -t zx -x 60 -y 20
shows "终端窗口太小（60x20）" "at 60x20 the screen says the window is too small"
lacks "显示完整身份证号" "rather than a dialog cut in half"
keys C-s
tm resize-window -t zx -x 80 -y 24
shows "$T/resized.csv" "at 80x24 again the dialog is back with what was typed"
shows "显示完整身份证号 [否" "and its choices"
[ ! -e "$T/resized.csv" ]
ok $? "a key typed while too small did nothing"
keys C-s
shows "已导出 $N 行到 $T/resized.csv" "it saves"
tui_stop

# A village account may not see whole ID numbers: no such choice.
VIL=$(q "$DB" "select village_id from household where hh_no like '$PREFIX%' limit 1")
q "$DB" "update staff set role = 'village', scope_id = $VIL where login = '$ME'"
tui_start 80x24
keys x
shows "所有列" "a village account's dialog"
lacks "显示完整身份证号" "has no 显示完整身份证号"
keys C-u
typed "csv"
keys Tab Tab C-u
typed "$T/village.csv"
keys Tab BSpace
typed "是"
keys C-s
shows "已导出" "it exports"
is "$(whole "$T/village.csv"):$(last revealed)" "0:0" "masked, and audited as not revealed"
tui_stop
finish
