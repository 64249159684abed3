#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t22-funds-delete.sh - deleting in the funds workspace (F3), as county
# staff correct a mistake: d on a project's allocation asks to confirm and
# refuses while payments were made out of it; d on the payment deletes it
# (否 first: nothing happens), then the allocation; d on a receipt still
# allocated is refused; every delete in the audit log.  At 100x40.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 15

DB="$T/d.db"
demo_db "$DB" 60
count() { q "$DB" "select count(*) from $1"; }
deleted() { q "$DB" "select count(*) from audit where op = 'delete' and tbl = '$1'"; }
allocs=$(count allocation)
pays=$(count payment)
# a project with one allocation and one payment out of it
proj=$(q "$DB" "select p.proj_no from project p join allocation a on a.project_id = p.id
  join payment y on y.allocation_id = a.id group by p.id
  having count(distinct a.id) = 1 and count(y.id) = 1 order by p.proj_no limit 1")

# confirm: set 确认删除 to 是 and save
confirm() {
    wait_for "确认删除"
    keys C-u
    typed "是"
    keys C-s
}

tui_start 100x40 ZHENXING_TODAY=2026-11-22
keys F3 Tab
wait_for "项目编号"
keys /
typed "$proj"
keys Enter
wait_for "搜索：$proj"
keys Enter
wait_for "2 资金"
keys 2 d
shows "安排的资金" "d on an allocation asks to delete it"
keys C-s
shows "请将「确认删除」选为「是」" "saving with 否 does not delete"
is "$(count allocation)" "$allocs" "nothing deleted"
confirm
shows "该资金安排已有支付，请先删除这些支付" "an allocation with payments is refused"
is "$(count allocation)" "$allocs" "and kept"
keys Escape y
wait_for "2 资金"
# the payment under the project's only allocation: the next reference
keys 2 Down d
shows "支付给" "d on a payment asks to delete it"
confirm
shows "已删除" "the payment is deleted"
is "$(count payment)" "$((pays - 1))" "one payment less"
is "$(deleted payment)" "1" "in the audit log"
# ... and then the allocation, which nothing depends on any more
wait_for "2 资金"
keys 2 d
confirm
shows "已删除" "the allocation is deleted once its payment is gone"
is "$(count allocation)" "$((allocs - 1))" "one allocation less"
is "$(deleted allocation)" "1" "in the audit log"

# --- a receipt with allocations is refused -------------------------------------------
keys Escape
wait_for "项目编号"
keys 1
wait_for "文号"
keys d
shows "资金下达" "d on a receipt asks to delete it"
confirm
shows "该批资金已安排到项目，请先删除这些资金安排" "a receipt with allocations is refused"
is "$(deleted fund)" "0" "nothing deleted"
keys Escape y
tui_stop
finish
