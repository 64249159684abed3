#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t55-workrelief-batch.sh - a designated 以工代赈 batch (issue 17 3) at
# 80x24: the receipt form marks a receipt of central 以工代赈 funds as
# one (audited; refused for other funds); its completed project paying
# 35% of it as wages is then short of the batch share of its year's rules
# (40% from 2025, above the 30% other 以工代赈 funds ask): ! on the
# receipt's row and the share on its record, gone once the wages reach it.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 12

DB="$T/c.db"
demo_db "$DB" 50
clear_funds "$DB"
village=$(q "$DB" "select min(id) from division where level = 3")
town=$(q "$DB" "select parent_id from division where id = $village")
q "$DB" "insert into fund (id, year, level, fund_type, doc_no, amount, received_on,
    created_at, updated_at)
  values (1, 2026, '1', '05', '发改投资〔2026〕88号', 10000000, '2026-03-01',
    '2026-03-01', '2026-03-01'),
    (2, 2026, '2', '05', '川发改〔2026〕9号', 5000000, '2026-03-05',
    '2026-03-05', '2026-03-05');
  insert into project (id, proj_no, name, year, ptype, township_id, village_id, state, budget,
    created_at, updated_at)
  values (1, '2026-0001', '以工代赈灌溉渠道项目', 2026, '6', $town, $village, 'completed',
    10000000, '2026-03-01', '2026-03-01');
  insert into allocation (id, fund_id, project_id, amount, alloc_date, created_at, updated_at)
  values (1, 1, 1, 10000000, '2026-03-10', '2026-03-10', '2026-03-10');
  insert into payment (allocation_id, pay_date, amount, payee, voucher_no, is_wage,
    created_at, updated_at)
  values (1, '2026-08-01', 3500000, '务工群众', '记-0801', 1, '2026-08-01', '2026-08-01')" >/dev/null
A0=$(q "$DB" "select max(id) from audit")

# e on a receipt, to its tenth field: the batch
batch_field() {
    keys e
    wait_for "以工代赈专项批次"
    keys Tab Tab Tab Tab Tab Tab Tab Tab Tab
}

# unmarked DESC: the receipts tab shows no row marked !
unmarked() {
    tui_start 80x24 ZHENXING_TODAY=2026-11-22
    keys F3
    wait_for "发改投资"
    screen "$T/receipts"
    grep -q '^ *! ' "$T/receipts"
    ok $((! $?)) "$1"
}

unmarked "a receipt not marked as a designated batch has no !"

# A provincial receipt cannot be one.
keys End
wait_for "川发改"
batch_field
keys C-u
typed "是"
keys C-s
shows "只有中央以工代赈资金的下达记录才能标为以工代赈专项批次" "a provincial receipt is refused as a batch"
keys Escape
wait_for "放弃所做的修改"
keys y
wait_for "资金下达"

# The central one is.
keys Home
wait_for "发改投资"
batch_field
keys C-u
typed "是"
keys C-s
shows "已保存" "the central 以工代赈 receipt is saved as a designated batch"
is "$(q "$DB" "select workrelief_batch from fund where id = 1") $(q "$DB" "select workrelief_batch from fund where id = 2")" \
    "1 0" "the mark is stored on that receipt alone"
is "$(q "$DB" "select count(*) from audit where tbl = 'fund' and row_id = 1 and field = 'workrelief_batch'
  and old = '0' and new = '1' and id > $A0")" "1" "and audited"
screen "$T/after"
grep -q '^ *! *2026 *发改投资' "$T/after"
ok $? "its row is marked ! (35% paid as wages, 40% asked)"
keys Enter
wait_for "资金下达 发改投资"
shows "专项批次劳务报酬：" "its record shows the batch's wages"
grep -q '以工代赈专项批次： *是' "$T/screen"
ok $? "and says it is a designated batch"
shows "35.00%" "the share its completed project paid as wages"
grep -q '40.00%' "$T/screen"
ok $? "against the batch share of 2026's rules"
tui_stop

# Wages up to the share: no ! any more.
q "$DB" "insert into payment (allocation_id, pay_date, amount, payee, voucher_no, is_wage,
    created_at, updated_at)
  values (1, '2026-09-01', 500000, '务工群众', '记-0901', 1, '2026-09-01', '2026-09-01')" >/dev/null
unmarked "at 40% the batch is no longer marked"
tui_stop
shows "EXIT=0" "q quits"
finish
