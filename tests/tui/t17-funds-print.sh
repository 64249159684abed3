#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t17-funds-print.sh - p in the funds workspace (F3) at 80x24: the
# allocation announcement of the receipt under the cursor, the township
# publicity of two tagged projects, the plan of a project from its record,
# the asset ledger of an asset's village; each saved as text to a file
# (Ctrl-S pressed while still in the format field: the file is .txt), with
# what it printed in the audit log.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 24

DB="$T/p.db"
demo_db "$DB" 80
export HOME="$T"
prints() { q "$DB" "select count(*) from audit where op = 'print' $1"; }

# saved: the file the status line names.
saved() { screen "$T/s"; sed -n 's/.*已保存 \([^ （]*\.[a-z]*\).*/\1/p' "$T/s" | head -n 1; }

# --- the receipts tab: the announcement of the receipt under the cursor ----
tui_start 80x24 ZHENXING_TODAY=2026-11-22
keys F3
wait_for "资金下达"
keys p
shows "资金分配结果公告（" "p on a receipt offers its allocation announcement"
shows "年全部下达资金）" "and the announcement of its year"
keys Enter
to_file
f=$(saved); [ -n "$f" ] || cat "$T/s" >&2
case "$f" in *.txt) r=0 ;; *) r=1 ;; esac
ok $r "Ctrl-S in the format field saves a .txt file ($f)"
has "$f" "资金分配结果公告" "the file is the allocation announcement"
fund=$(q "$DB" "select row_id from audit where op = 'print' and tbl = 'fund' order by id desc limit 1")
doc=$(q "$DB" "select doc_no from fund where id = ${fund:-0}")
test -n "$doc"
ok $? "the print of one receipt is in the audit log"
has "$f" "$doc" "and names the receipt's document number"
! grep -qE '[0-9]{17}[0-9X]' "$f"
ok $? "no ID number in the public announcement"

# --- the project pool: two tagged projects, the township publicity -------------
keys Tab
wait_for "项目编号"
keys t t
wait_for " * "
keys p
shows "已选定的 2 个项目" "p with two projects tagged offers the publicity of those two"
shows "项目入库乡镇公示" "among them the township publicity"
typed "乡镇"
sleep 0.3
keys Enter
to_file
f=$(saved); [ -n "$f" ] || cat "$T/s" >&2
has "$f" "项目入库乡镇公示" "the file is the township publicity"
is "$(prints "and tbl = 'project'")" "2" \
    "both projects are in the audit log"
for id in $(q "$DB" "select row_id from audit where op = 'print' and tbl = 'project'"); do
    name=$(q "$DB" "select name from project where id = $id")
    has "$f" "$name" "the publicity lists $name"
done
has "$f" "公示期" "with the publicity period"

# --- a project's record: the year's plan --------------------------------------
keys T Enter
wait_for "历史"
keys p
shows "年度项目实施计划公告：项目 " "p on a project's record offers its lists"
shows "年计划内的全部项目" "and the whole plan of its year"
typed "全部"
sleep 0.3
keys Enter
to_file
f=$(saved); [ -n "$f" ] || cat "$T/s" >&2
has "$f" "年度项目实施计划公告" "the plan announcement"
planned=$(q "$DB" "select count(*) from audit where op = 'print' and tbl = 'project'")
test "$planned" -gt 2
ok $? "every project of the plan recorded in the audit log ($planned rows)"
keys Escape

# --- the asset ledger of the asset's village ---------------------------------------
keys Tab
wait_for "资产编号"
keys p
shows "资产台账" "p on an asset offers the ledgers around it"
shows "您可查看的全部资产" "down to every asset the account sees"
keys Enter
to_file
f=$(saved); [ -n "$f" ] || cat "$T/s" >&2
has "$f" "资产台账" "the file is an asset ledger"
in_ledger="select row_id from audit where op = 'print' and tbl = 'asset'"
test "$(prints "and tbl = 'asset'")" -gt 0
ok $? "its assets are in the audit log"
is "$(q "$DB" "select count(distinct village_id) from asset where id in ($in_ledger)")" "1" \
    "all of one village (the first choice)"
village=$(q "$DB" "select d.name from asset a join division d on d.id = a.village_id
  where a.id in ($in_ledger) limit 1")
has "$f" "$village" "the ledger names the village ($village)"
tui_stop
