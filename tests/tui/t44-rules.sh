#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t44-rules.sh - rules that gave the wrong answer (issue 17 2): income
# exactly at the monitoring line reads 等于监测线，未高于 alike on the
# income section, the income form and the 明白卡; a rejected applicant's
# case stays on the household with its reply to record (date and how),
# the reply overdue from five working days after the home check; the
# rejected case with its reason on the case section, in the list's state
# column and its filter (issue 17 3).
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 18

DB="$T/c.db"
demo_db "$DB" 300

# 1. A monitored household whose only income is exactly at the 2026 line.
row=$(q "$DB" "select h.id, h.hh_no from household h join monitor_case c on c.household_id = h.id
  where c.state = 'monitored'
  and exists (select 1 from income i where i.household_id = h.id and i.year = 2026)
  order by h.id limit 1")
hh=${row%|*}
no=${row#*|}
q "$DB" "delete from income where household_id = $hh and year <> 2026;
  update income set wage = 880000 * members, business = 0, property = 0, transfer = 0,
    business_cost = 0, net = 880000 * members, per_capita = 880000, line_fen = 880000,
    line_year = 2026 where household_id = $hh and year = 2026" >/dev/null

tui_start 80x24
open_household "$no"
keys 3
shows "未高于" "the income section says the income at the line is not above it"
keys Down e
shows "年收支情况" "e opens the year's income"
shows "8,800.00元：等于监测线，未高于" "the income form says the same in the one wording"
lacks "高于监测" "and never that it is above (0.00 above)"
keys Escape
wait_for "1 概况"
tui_stop
zx --db "$DB" print card "$no" --format text -o "$T/card.txt"
has "$T/card.txt" "对比监测线：等于监测线，未高于" "the card says the same"

# 2. A rejected applicant with no case since: the reply is recorded.
row=$(q "$DB" "select h.id, h.hh_no from household h join monitor_case c on c.household_id = h.id
  where c.state = 'rejected' and not exists (select 1 from monitor_case o
    where o.household_id = h.id and o.state <> 'rejected')
  order by h.id limit 1")
hh=${row%|*}
no=${row#*|}
zx --db "$DB" check
has "$OUT" "PR04" "zhenxing check flags the replies overdue five working days after the check"
why=$(q "$DB" "select substr(s.note, 1, 8) from case_step s join monitor_case c on c.id = s.case_id
  where c.household_id = $hh and s.action = 'reject'")
rejected=$(q "$DB" "select count(*) from hh_list where state = 'rejected'")
tui_start 80x24
open_household "$no"
shows "不予纳入" "the rejected case stays on the household"
keys 5
shows "不予纳入理由：" "its case section says why it was not admitted"
shows "$why" "with the reason"
shows "尚未登记（按 x 登记）" "and that the reply is not recorded yet"
step "答复"
shows "答复方式" "the reply's form asks how the household was told"
keys C-s
shows "请填写答复方式" "and refuses the reply without it"
keys Tab
typed "书面告知户主"
keys C-s
shows "已办理：答复申请人" "the reply is recorded"
shows "2026-11-22 书面告知户主" "and shown on the case section"
keys Escape
wait_for "全部农户"
keys f
wait_for "筛选列表"
keys Down Down Down Down Enter
wait_for "全部监测对象"
typed "不予纳入"
keys Enter
keys Escape
wait_for "筛选：不予纳入"
is "$(status_pos)" "1/$rejected" "the state filter finds the $rejected rejected households"
shows "不纳入" "the list's state column names them"
tui_stop
is "$(q "$DB" "select s.note || '|' || s.step_date from case_step s join monitor_case c on c.id = s.case_id
  where c.household_id = $hh and s.action = 'reply'")" "书面告知户主|2026-11-22" \
    "with how and when"
is "$(q "$DB" "select count(*) from audit where tbl = 'monitor_case' and op = 'step' and new = 'rejected'
  and row_id in (select id from monitor_case where household_id = $hh) and field = 'reply'")" "1" \
    "and its audit row"
