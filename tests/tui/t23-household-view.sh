#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t23-household-view.sh - the household record at 80x24 and 160x48: the
# sections one at a time under the household's lines, members, years and
# visits as lines the cursor walks over (e edits the one under it, no
# menu), the income with its per-capita figure and line whole at 80
# columns, the publicity dates whole, whole ID numbers shown and audited,
# a refused elimination listing its problems on the status line with F6
# showing them whole, and no write key for a viewer.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 36

DB="$T/c.db"
demo_db "$DB" 300
me=$(id -un)
# A monitored household of two members or more, with a publicity in its
# history, incomes and visits.
row=$(q "$DB" "select h.id, h.hh_no from household h join monitor_case c on c.household_id = h.id
  where c.state = 'monitored'
  and exists (select 1 from case_step s where s.case_id = c.id and s.pub_start is not null)
  and exists (select 1 from income i where i.household_id = h.id)
  and exists (select 1 from visit v where v.household_id = h.id)
  and (select count(*) from person p where p.household_id = h.id and p.in_household = 1) >= 2
  order by h.id limit 1")
hh=${row%|*}
no=${row#*|}
second=$(q "$DB" "select name from person where household_id = $hh and in_household = 1 order by id limit 1 offset 1")
first_id=$(q "$DB" "select id_no from person where household_id = $hh and in_household = 1 order by id limit 1")
pub=$(q "$DB" "select s.pub_start || '..' || s.pub_end from case_step s join monitor_case c on c.id = s.case_id
  where c.household_id = $hh and s.pub_start is not null order by s.id limit 1")
year=$(q "$DB" "select max(year) from income where household_id = $hh")
per=$(python3 -c "print(format($(q "$DB" "select per_capita from income where household_id = $hh and year = $year") / 100, ',.2f'))")
last_visit=$(q "$DB" "select visit_date from visit where household_id = $hh order by visit_date desc limit 1")

tui_start 80x24
open_household "$no"
shows "1 概况  2 成员  3 收支  4 保障  5 监测  6 措施  7 走访  8 日志" "the sections are named under the household"
shows "户编号 $no" "the household's number stays on top"
shows "帮扶责任人" "with its cadres"
keys 2
shows "证件号码" "2 shows the members"
aligned '[0-9]{6}\*{8}[0-9]{3}[0-9X]' "their masked ID numbers line up at 80x24"
lacks "$first_id" "and no whole ID number shows"
keys Down Down e
shows "成员 $second" "Down Down e edits the second member at once, without a menu"
keys Escape
wait_for "1 概况"
keys 1 2 e
shows "修改哪位成员" "e with no member under the cursor asks which member"
keys Escape
wait_for "1 概况"
keys 7 Down Enter
shows "走访记录" "Enter on a visit opens it"
shows "[$last_visit" "the one under the cursor (the latest)"
keys Escape
wait_for "1 概况"

# The income at 80 columns: the parts give way, the sum, the per-capita
# figure and the line are whole.
keys 3
shows "人均纯收入" "the income's per-capita column is there at 80 columns"
shows "监测范围" "and the line's"
shows "是否高于" "and whether it is above"
shows "$per" "the per-capita income of $year is whole ($per)"
aligned '  (是否高于|未高于|高于)' "the income rows line up at 80x24"
lacks "财产性" "the property income gives way at 80 columns"
keys Down e
shows "年收支情况" "e on a year's income edits that year"
keys Escape
wait_for "1 概况"

# Whole ID numbers: shown, and recorded.
audit=$(q "$DB" "select count(*) from audit where op = 'reveal' and row_id = $hh")
keys 2 r
shows "$first_id" "r shows whole ID numbers"
is "$(q "$DB" "select count(*) from audit where op = 'reveal' and row_id = $hh")" "$((audit + 1))" \
    "and the look is in the audit log"
tui_stop

# 160x48: every income column, the publicity dates whole.
tui_start 160x48
open_household "$no"
keys 3
shows "财产性" "at 160 columns the income shows its parts"
aligned '  (是否高于|未高于|高于)' "the income rows line up at 160x48"
keys 5
shows "$pub" "the publicity dates are whole ($pub)"
aligned '  (公示|[0-9]{4}-[0-9]{2}-[0-9]{2}\.\.)' "the publicity column lines up at 160x48"
keys Tab
shows "措施内容" "Tab goes on to the measures"
keys BTab BTab
shows "收支" "Shift-Tab goes back"
tui_stop

# A refused elimination: recently identified, without this year's
# income; the refusal lists the problems and F6 shows them whole.
q "$DB" "update monitor_case set identified_on = '2026-11-01' where household_id = $hh;
  delete from income where household_id = $hh" >/dev/null
tui_start 80x24
open_household "$no"
keys x
wait_for "办理哪个步骤"
keys Enter
wait_for "风险消除方式"
keys Tab
typed "帮扶"
keys C-s
shows "不符合风险消除条件" "elimination is refused"
shows "EL01" "the refusal lists the problems on the status line"
shows "按 F6 查看完整消息" "and says which key shows them whole"
screen "$T/refusal"
keys F6
shows "最后一条消息" "F6 opens the whole message"
shows "EL01" "with the problems"
keys Escape
shows "风险消除方式" "Esc goes back to the step's form"
keys Escape
wait_for "放弃所做的修改"
keys y
tui_stop

# A viewer: no write key in the record, and every one refused with words.
sqlite3 "$DB" "update staff set role = 'viewer', scope_id = NULL where login = '$me'"
tui_start 80x24
open_household "$no"
lacks "a 新增" "a viewer's key bar in the household offers no adding"
lacks "Enter 打开" "nor Enter, which edits a member, a year, a measure or a visit"
keys 2 Down Enter
shows "只读账号" "Enter on a member tells a viewer the account is read-only"
lacks "成员 $second" "and no form opens"
keys d
shows "只读账号" "nor does d let a member leave"
tui_stop
finish
