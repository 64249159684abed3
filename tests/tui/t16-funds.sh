#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t16-funds.sh - the funds workspace (F3) as county staff use it: a fund
# receipt entered through its form, a project proposed and taken through
# its lifecycle with a publicity of 9 days refused and 10 accepted, an
# allocation that would overdraw the receipt refused with the amounts
# and a smaller one saved, a payment, an asset of the project, the
# indicators of the year; each change in the audit log.  At 100x30, with
# the last screens also at 80x24.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 27

DB="$T/c.db"
demo_db "$DB" 60
# The funds the demo made are not this test's: start clean, and count
# only the audit rows written from here on.
clear_funds "$DB"
A0=$(q "$DB" "select max(id) from audit")
village=$(q "$DB" "select t.name || ' ' || v.name from division v join division t
  on t.id = v.parent_id where v.level = 3 order by t.code, v.code limit 1")

# --- September: the receipt and the proposal ----------------------------------
tui_start 100x30 ZHENXING_TODAY=2026-09-01
keys F3
shows "资金下达" "F3 opens the funds workspace on the receipts"
keys a
wait_for "新增资金下达"
keys Tab
typed "中央"
keys Tab
typed "衔接资金"
keys Tab Tab
typed "第一批"
keys Tab
typed "川财农〔2026〕5号"
keys Tab Tab
typed "100000"
keys C-s
shows "100,000.00" "the receipt is in the list with its amount"
is "$(q "$DB" "select amount from fund")" "10000000" "stored in fen"
is "$(q "$DB" "select count(*) from audit where tbl = 'fund' and op = 'insert' and id > $A0")" "1" "and audited"

keys Tab
shows "项目库中还没有项目" "Tab shows the project pool, empty"
keys a
wait_for "新增项目"
keys Tab
typed "$village"
keys Tab
typed "测试村通组道路硬化项目"
keys Tab Tab
typed "基础设施"
keys Tab
typed "测试村村委会"
keys Tab
typed "村"
keys Tab C-u
typed "500000"
keys Tab Tab
typed "硬化道路3公里"
keys Tab Tab
typed "道路硬化3公里，受益农户40户"
keys C-s
shows "2026-0001" "the project is proposed and numbered"
is "$(q "$DB" "select state from project")" "proposed" "its state is proposed"
tui_stop

# --- November: the lifecycle --------------------------------------------------------
tui_start 100x30 ZHENXING_TODAY=2026-11-22
keys F3 Tab
wait_for "2026-0001"
keys Enter
shows "流程记录" "Enter opens the project's screen"

# step NAME: x, choose NAME in the menu.
step() {
    keys x
    wait_for "下一环节"
    typed "$1"
    keys Enter
    wait_for "$1"
}
step "村内公示"
keys C-u
typed "2026-09-02"
keys Tab C-u
typed "2026-09-10"
keys C-s
shows "公示期为 9 天" "a village publicity of 9 days is refused with the minimum"
is "$(q "$DB" "select count(*) from project_step")" "1" "and nothing is written"
keys C-u
typed "2026-09-11"
keys C-s
wait_for "已办理"
is "$(q "$DB" "select state from project")" "village_publicized" "10 days are accepted"

step "乡镇审核"
keys C-u
typed "2026-09-12"
keys C-s
wait_for "已办理"
step "乡镇公示"
keys C-u
typed "2026-09-13"
keys Tab C-u
typed "2026-09-22"
keys C-s
wait_for "已办理"
step "县级论证"
keys C-u
typed "2026-09-25"
keys C-s
wait_for "已办理"
step "审定入库"
keys C-u
typed "2026-09-26"
keys Tab C-u
typed "2026-10-05"
keys Tab
typed "青乡振〔2026〕3号"
keys C-s
wait_for "已办理"
step "列入年度计划"
keys C-u
typed "2026-10-08"
keys Tab
typed "青乡振〔2026〕8号"
keys C-s
wait_for "已办理"
is "$(q "$DB" "select state from project")" "planned" "the project is in the annual plan"
is "$(q "$DB" "select count(*) from audit where tbl = 'project' and op = 'step' and id > $A0")" "7" \
    "each step is in the audit log"

# An allocation beyond the receipt is refused with the amounts.
keys a
wait_for "新增资金安排"
typed "2026"
keys Tab
typed "150000"
keys C-s
shows "将超出余额" "an allocation that would overdraw the receipt is refused"
shows "100,000.00" "the message names what is left"
is "$(q "$DB" "select count(*) from allocation")" "0" "nothing is allocated"
keys C-u
typed "60000"
keys C-s
wait_for "资金安排已保存"
is "$(q "$DB" "select amount from allocation")" "6000000" "a smaller allocation is saved"

step "开工实施"
keys C-u
typed "2026-10-20"
keys C-s
wait_for "已办理"
keys y
wait_for "新增支付"
typed "衔接资金"
keys Tab Tab
typed "70000"
keys Tab
typed "青山建筑公司"
keys Tab
typed "记-2026-1020"
keys C-s
shows "超出余额" "a payment beyond the allocation is refused"
keys BTab BTab C-u
typed "50000"
keys C-s
wait_for "支付已保存"
is "$(q "$DB" "select amount from payment")" "5000000" "the payment is saved"
shows "50,000.00" "the project screen shows it"

# --- an asset of the project, the indicators ------------------------------------------
keys Escape
wait_for "项目库"
keys Tab
shows "尚未登记资产" "Tab shows the asset ledger, empty"
keys a
wait_for "新增资产"
keys Tab
typed "$village"
keys Tab Tab
typed "测试村通组道路"
keys Tab
typed "公益性"
keys Tab
typed "道路"
keys Tab Tab
typed "2026-0001"
keys Tab
typed "3公里"
keys Tab Tab
typed "村集体"
keys Tab Tab Tab Tab
typed "测试村村委会"
keys C-s
shows "资产 ZC2026-0001 已保存" "the asset is saved and numbered"
is "$(q "$DB" "select p.proj_no from asset a join project p on p.id = a.project_id")" "2026-0001" \
    "linked to its project"
keys Enter
wait_for "登记收益"
keys i
shows "收益：ZC2026-0001" "i on the asset records a year's income"
shows "[2025" "of last year"
keys Escape
wait_for "登记收益"
keys Escape
wait_for "最近收益"

keys Tab
shows "产业发展占比" "the indicators of the year show the industry share"
shows "支付进度" "and the payment progress"
tui_stop
finish
