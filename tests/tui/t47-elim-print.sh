#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t47-elim-print.sh - the county's announcement of risk elimination (风险
# 消除公告, issue 17 3) from the print menu of the monitoring list (p): for
# the township of the row, this quarter to today and the quarter before;
# chosen, it goes through the print dialog to a text file, audited one
# row per household, with no ID number.  At 80x24.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 11

DB="$T/c.db"
demo_db "$DB" 1500
# A household of the township with the most eliminations this quarter.
row=$(q "$DB" "select t.name, count(*) from monitor_case c join household h on h.id = c.household_id
  join division t on t.id = h.township_id where c.state = 'eliminated'
  and c.eliminated_on between '2026-10-01' and '2026-11-22'
  group by t.id order by 2 desc, t.name limit 1")
town=${row%|*}
count=${row#*|}
no=$(q "$DB" "select h.hh_no from household h join division t on t.id = h.township_id
  where t.name = '$town' order by h.hh_no limit 1")
[ -n "$no" ] && [ "$count" -gt 0 ]
ok $? "$town has $count eliminations this quarter"

tui_start 80x24
keys /
typed "$no"
keys Enter
wait_for "搜索：$no"
keys p
shows "${town}风险消除公告，2026年第4季度" "p offers the township's announcement of this quarter"
shows "2026年第3季度（2026-07-01至2026-09-30）" "and of the quarter before"
typed "第4季度"
keys Enter
shows "覆盖已有文件" "choosing it opens the print dialog"
shows "风险消除公告，2026年第4季度" "for the announcement"
to_file
tui_stop
f=$(ls "$HOME"/风险消除公告*.txt 2>/dev/null | head -n 1)
[ -n "$f" ]
ok $? "the announcement is saved as text ($(basename "$f"))"
has "$f" "防止返贫监测对象风险消除公告" "titled as the county's announcement"
tr -d '\n ' <"$f" >"$T/flat"
has "$T/flat" "于2026年10月1日至2026年11月22日期间风险已消除" "of this quarter"
is "$(grep -c "^ *[0-9][0-9]*  $town" "$f")" "$count" "one line per household eliminated"
! grep -Eq '[0-9]{17}[0-9Xx]' "$f"
ok $? "no ID number"
is "$(q "$DB" "select count(*) from audit where op = 'print' and field = 'elimination'")" "$count" \
    "audited before it left, one row per household"
finish
