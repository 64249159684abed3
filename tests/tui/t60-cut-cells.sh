#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t60-cut-cells.sh - a table cell cut short on the screen says so: it ends
# in '~' (U8_CUT_MARK), in the table screen (F3's receipts, whose 文号 are
# longer than their column at 80x24) and in a record screen's table (the
# receipt's allocations to projects with long names); the record's own
# title shows the 文号 whole.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 6

DB="$T/c.db"
demo_db "$DB" 300
# Every 文号 longer than its column; the receipt with allocations is 999.
fid=$(q "$DB" "select fund_id from allocation group by fund_id order by fund_id limit 1")
q "$DB" "update fund set doc_no = '川发改振兴〔2026〕' || (100 + id) || '号';
  update fund set doc_no = '川发改振兴〔2026〕999号' where id = $fid;
  update project set name = substr(name || '农田水利设施提升改造', 1, 40)" >/dev/null

tui_start 80x24
keys F3
shows "川发改振兴〔2026〕" "F3 lists the receipts with their long 文号"
screen "$T/screen"
all=$(grep -c "川发改振兴〔2026〕" "$T/screen")
cut=$(grep -cE "川发改振兴〔2026〕[0-9]*~ " "$T/screen")
is "$cut" "$all" "every 文号 cut short ends in ~"
lacks "〔2026〕999号" "none is shown whole in its column"
keys /
typed "999号"
keys Enter
wait_for "搜索：999号"
keys Enter
shows "资金下达 川发改振兴〔2026〕999号" "the receipt's record names it whole"
shows "安排到项目" "with its allocations"
screen "$T/screen"
grep -qE "^ 20[0-9]{2}-[0-9]{4} +[^ ]*~ " "$T/screen"
ok $? "a project's name cut short in the record's table ends in ~"
tui_stop
