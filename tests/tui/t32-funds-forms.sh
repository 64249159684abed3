#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t32-funds-forms.sh - the papercuts of the funds forms at 80x24: a
# receipt and an allocation picked with F4 (their labels are longer than
# a code field takes typed) are saved; an allocation taking its project
# over the planned investment is shown in the form, asks once more when
# saved, and the project is flagged (! in the pool, a warning in its
# record); an amount past its sanity bound is refused when left.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 15

DB="$T/c.db"
demo_db "$DB" 50
clear_funds "$DB"
village=$(q "$DB" "select id from division where level = 3 order by id limit 1")
town=$(q "$DB" "select parent_id from division where id = $village")
q "$DB" "insert into fund (id, year, level, fund_type, doc_no, amount, received_on,
    created_at, updated_at)
  values (1, 2026, '1', '01', '川财农〔2026〕衔接推进乡村振兴补助资金第一批12号', 100000000,
    '2026-03-01', '2026-03-01', '2026-03-01');
  insert into project (id, proj_no, name, year, ptype, township_id, village_id, state, budget,
    created_at, updated_at)
  values (1, '2026-0001', '测试村通组道路硬化项目', 2026, '2', $town, $village, 'implementing', 50000000,
    '2026-03-01', '2026-03-01');"

A0=$(q "$DB" "select max(id) from audit")

tui_start 80x24 ZHENXING_TODAY=2026-11-22
keys F3
wait_for "资金下达"
keys Tab
wait_for "2026-0001"
keys Enter
wait_for "流程记录"

# --- an allocation: the receipt picked with F4 -------------------------------------------
keys a
wait_for "新增资金安排"
keys F4
wait_for "余 1,000,000.00 元"
keys Enter
shows "，余 1,000,000.00 元  ]" "the receipt's label is in the field"
typed "100000"
keys C-s
shows "资金安排已保存" "an allocation of the receipt picked with F4 is saved"
is "$(q "$DB" "select fund_id || ' ' || amount from allocation")" "1 10000000" \
    "from that receipt"

# --- over the plan -----------------------------------------------------------------------
keys a
wait_for "新增资金安排"
typed "2026"
keys Tab
typed "999999999999"
keys Tab
shows "超过1,000,000,000.00元" "an allocation past the sanity bound is refused, naming the bound"
keys C-u
typed "450000"
shows "超出计划投资50,000.00元" "the form shows the allocation would go over the planned investment"
keys C-s
shows "再按 Ctrl-S 仍然保存" "saving asks once more"
is "$(q "$DB" "select count(*) from allocation")" "1" "and saves nothing yet"
keys C-s
shows "资金安排已保存" "Ctrl-S again saves it"
is "$(q "$DB" "select count(*) from allocation")" "2" "the allocation is stored"
shows "安排资金与自筹资金之和超出计划投资" "the project's record warns of it"
keys Escape
wait_for "项目库"
screen "$T/screen"
grep -q '^ *! *2026-0001' "$T/screen"
ok $? "the pool marks the project with !"

# --- a payment: the allocation picked with F4 -------------------------------------------
keys Enter
wait_for "流程记录"
keys y
wait_for "新增支付"
keys F4
wait_for "余 100,000.00 元"
keys Enter
keys Tab
typed "2000"
keys Tab
typed "青山建筑公司"
keys Tab
typed "记-2026-1101"
keys C-s
shows "支付已保存" "a payment out of the allocation picked with F4 is saved"
is "$(q "$DB" "select a.amount || ' ' || p.amount from payment p join allocation a on a.id = p.allocation_id")" \
    "10000000 200000" "out of that allocation"
is "$(q "$DB" "select count(*) from audit where tbl = 'allocation' and op = 'insert' and id > $A0")" "2" \
    "both allocations are in the audit log"
tui_stop
shows "EXIT=0" "q quits"
finish
