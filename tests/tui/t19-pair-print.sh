#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t19-pair-print.sh - p in the paired-assistance workspace (F4) at 80x24
# on the demo's data: a partner's targets against actuals for this year
# from the partners' table, last year's from an agreement of last year,
# a team's attendance sheet for last month from the teams' table and for
# the month of an attendance row; each saved as text to a file, with what
# it printed in the audit log.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 16

DB="$T/p.db"
demo_db "$DB" 80
export HOME="$T"
prints() { q "$DB" "select count(*) from audit where op = 'print' $1"; }

# saved: the file of the last print, as the audit log names it (the status
# line cuts a long path at 80 columns).
saved() { q "$DB" "select substr(new, 6) from audit where op = 'print' order by id desc limit 1"; }

first=$(q "$DB" "select name from partner order by kind, name limit 1")

tui_start 80x24 ZHENXING_TODAY=2026-11-22
keys F4
wait_for "帮扶单位"
shows "2 年度协议" "the agreements' tab is named 年度协议"
keys p
shows "$first 2026 年目标任务完成情况表" "p on a partner offers this year's targets against actuals"
shows "$first 2025 年目标任务完成情况表" "and last year's"
keys Enter
to_file
f=$(saved)
has "$f" "帮扶单位年度目标任务完成情况表" "the file is the partner's sheet"
has "$f" "$first" "of that partner"
is "$(prints "and tbl = 'partner' and row_id = (select id from partner where name = '$first')")" "1" \
    "the print is in the audit log"

# the partner's targets at 80 columns: every row ends with its whole status
keys Enter
wait_for "年度目标完成情况"
screen "$T/s"
rows=$(grep -c '%' "$T/s")
whole=$(grep '%' "$T/s" | grep -cE '(已完成|进度正常|进度滞后|未完成|无目标) *$')
test "$rows" -gt 0 && test "$rows" = "$whole"
ok $? "the targets table fits 80 columns ($whole of $rows rows end with their status)"
keys Escape
wait_for "1 帮扶单位"

# an agreement of last year prints last year's sheet first
keys 2
wait_for "签订日期"
keys /
typed "2025"
keys Enter
sleep 0.3
keys p
shows "2025 年目标任务完成情况表" "p on a 2025 agreement offers 2025"
screen "$T/s"
line=$(grep -n "年目标任务完成情况表" "$T/s" | head -n 1)
case "$line" in *2025*) r=0 ;; *) r=1 ;; esac
ok $r "first, before 2024 ($line)"
keys Escape

# --- the teams: last month's attendance sheet ---------------------------------
keys 4
wait_for "第一书记"
team=$(q "$DB" "select m.name from team m join division t on t.id = m.township_id
  join division v on v.id = m.village_id order by t.code, v.code, m.term_start desc limit 1")
keys p
shows "$team 2026-10 月度在岗情况表" "p on a team offers last month's attendance sheet"
shows "全部工作队 2026-10 月度在岗情况表" "and the sheets of every team of its village"
keys Enter
to_file
f=$(saved)
has "$f" "驻村工作队员月度在岗情况表" "the file is the attendance sheet"
has "$f" "$team" "of that team"
has "$f" "2026年10月" "for October"
test "$(prints "and tbl = 'team_member'")" -ge 3
ok $? "its members are in the audit log"

# --- an attendance row prints its team's sheet of its month ------------------------
keys 5
wait_for "在村"
keys p
shows "月度在岗情况表" "p on an attendance row offers its team's sheet"
keys Escape
tui_stop
