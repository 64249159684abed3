#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t53-warning-risk.sh - a department warning on a household monitored for
# another risk (issue 16 section 4): l in the worklist 预警核实 adds the
# warning's risk to the household's open case (domain.md 4.4, 4.6: a
# monitored household keeps its risks and is not eliminated while one
# stands) instead of refusing or opening a second case; the warning is
# linked to that case, everything audited, the worklist shorter; the risk
# added is a step 新增风险 of the case's history (issue 17), shown on the
# household's 5 监测 with its reason.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 19

DB="$T/c.db"
demo_db "$DB" 300
# The head of a monitored household whose case has no disaster risk,
# pushed by 应急.
hh=$(q "$DB" "select c.household_id from monitor_case c where c.state = 'monitored' and not exists (select 1 from case_risk r where r.case_id = c.id and r.risk = '02') order by c.household_id limit 1")
[ -n "$hh" ] || { echo "Bail out! the demo has no monitored household without a disaster risk"; exit 1; }
case_id=$(q "$DB" "select id from monitor_case where household_id = $hh and state = 'monitored'")
risks0=$(q "$DB" "select group_concat(risk, ',') from (select risk from case_risk where case_id = $case_id order by pos)")
head=$(q "$DB" "select id_no || ',' || name from person where household_id = $hh and relation = '02' and in_household = 1")
name=${head#*,}
printf '%s\n' "身份证号,户主姓名,受灾情况,受灾日期" "${head},房屋倒塌,2026-11-12" >"$T/yj.csv"
"$ZHENXING" --db "$DB" import dept --source 应急 "$T/yj.csv" >/dev/null 2>&1
wid=$(q "$DB" "select id from dept_warning where dept = 'emergency'")
is "$(q "$DB" "select count(*) from dept_warning where dept = 'emergency' and status = 'pending'")" 1 "a monitored household with another risk gets the warning"
audit0=$(q "$DB" "select count(*) from audit")

tui_start 80x24
open_worklist 预警核实
wait_for "预警核实：全部"
keys /
typed "$name"
keys Enter
wait_for "搜索：$name"
shows "应急" "the warning is in the worklist"
keys l
shows "新增风险" "l on a monitored household offers to add the new risk to its case"
shows "因自然灾害" "the risk is the department's"
lacks "登记线索" "not a new clue"
keys C-s
shows "已加入该户在办的监测案件" "saving says the risk joined the open case"
tui_stop

is "$(q "$DB" "select count(*) from monitor_case where household_id = $hh and state not in ('rejected', 'eliminated')")" 1 "still one open case for the household"
is "$(q "$DB" "select state from monitor_case where id = $case_id")" "monitored" "the case stays monitored"
is "$(q "$DB" "select group_concat(risk, ',') from (select risk from case_risk where case_id = $case_id order by pos)")" "$risks0,02" "the case has the new risk after its others"
is "$(q "$DB" "select status || ',' || case_id from dept_warning where id = $wid")" "clue,$case_id" "the warning is linked to the open case"
is "$(q "$DB" "select reason from dept_warning where id = $wid")" "风险因自然灾害已加入在办的监测案件" "its reason names the risk added (the feedback sheet shows it)"
is "$(q "$DB" "select old || '>' || new from audit where tbl = 'monitor_case' and row_id = $case_id and field = 'risks' order by id desc limit 1")" "$risks0>$risks0,02" "the case's risks are audited old -> new"
is "$(q "$DB" "select count(*) from audit where tbl = 'dept_warning' and row_id = $wid and op = 'update' and field = 'status'")" 1 "the warning's decision is audited"
[ "$(q "$DB" "select count(*) from audit")" -gt "$audit0" ]
ok $? "with the rows of this decision"
step=$(q "$DB" "select id from case_step where case_id = $case_id and action = 'add_risk'")
[ -n "$step" ]
ok $? "the risk added is a step of the case's history"
is "$(q "$DB" "select from_state || '>' || to_state || ',' || note from case_step where id = $step")" \
    "monitored>monitored,风险因自然灾害已加入在办的监测案件" "the step leaves the state and names the risk"
is "$(q "$DB" "select count(*) from audit where op = 'step' and tbl = 'monitor_case' and row_id = $case_id and field = 'add_risk'")" 1 \
    "the step is audited as the others are"

# The household's history shows it.
hhno=$(q "$DB" "select hh_no from household where id = $hh")
tui_start 80x24
keys /
typed "$hhno"
keys Enter
wait_for "1/1"
keys Enter
wait_for "5 监测"
keys 5
wait_for "县级审定"
keys End
shows "新增风险" "5 监测 lists the step among the case's steps"
shows "风险因自然灾害已加入在办的监测案件" "with its reason"
tui_stop
finish
