#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t52-dept.sh - the worklist 预警核实 at 80x24: the department warnings
# imported by `zhenxing import dept`, one a row with the department, the
# person, the household (its 16-digit number whole) and the value; Enter opens the household; l makes
# a clue of one through the clue's form (channel 部门筛查预警 and the risk
# filled in, the warning linked); d closes one as not eligible with a
# reason (refused without one); p offers the feedback sheet; a township
# account sees its own only.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 40

DB="$T/c.db"
demo_db "$DB" 300
# Three heads of 脱贫户 without a case, each of another township, pushed
# by 医保 over the threshold.
rows=$(q "$DB" "select p.id_no || ',' || p.name || ',99999,2026-11-10' from person p join household h on h.id = p.household_id where h.hh_type = '1' and p.relation = '02' and p.in_household = 1 and h.id not in (select household_id from monitor_case) and h.id = (select min(h2.id) from household h2 where h2.township_id = h.township_id and h2.hh_type = '1' and h2.id not in (select household_id from monitor_case)) order by h.township_id limit 3")
printf '%s\n' "身份证号,姓名,个人自付费用,结算日期" $rows >"$T/yb.csv"
"$ZHENXING" --db "$DB" import dept --source 医保 "$T/yb.csv" >/dev/null 2>&1
is "$(q "$DB" "select count(*) from dept_warning where status = 'pending'")" 3 "three warnings to verify"
first=$(q "$DB" "select w.name || ' ' || h.hh_no || ' ' || w.id || ' ' || w.version from dept_warning w join household h on h.id = w.household_id join division t on t.id = h.township_id order by t.name, w.import_date, w.id limit 1")
set -- $first
name1=$1 hh1=$2 id1=$3
second=$(q "$DB" "select w.name || ' ' || w.id from dept_warning w join household h on h.id = w.household_id join division t on t.id = h.township_id order by t.name, w.import_date, w.id limit 1 offset 1")
name2=${second% *} id2=${second#* }

tui_start 80x24
keys w
shows "预警核实" "w offers the worklist 预警核实"
typed "预警核实"
keys Enter
shows "预警核实：全部" "it opens as a list of its own"
shows "$name1" "with the person"
shows "医保" "the department"
shows "99999.00" "the value"
shows "l 转线索  d 不符合" "and the keys on the bar"
is "$(status_pos)" "1/3" "one row per warning"
aligned "99999.00" "the values line up at 80 columns"
# 户编号 whole (the national platform's, 16 digits in the demo), each on
# its warning's row, at 80 columns
screen "$T/screen"
whole=0
for pair in $(q "$DB" "select replace(w.name, ' ', '') || ':' || h.hh_no from dept_warning w join household h on h.id = w.household_id"); do
    grep -F "${pair%%:*}" "$T/screen" | grep -qF "${pair#*:}" && whole=$((whole + 1))
done
is "$whole:${#hh1}" "3:16" "each row shows its household number whole"
[ "$whole" = 3 ] || sed 's/^/# | /' "$T/screen"

# Enter: the household.
keys Enter
shows "户编号 $hh1" "Enter opens the warning's household"
keys q
wait_for "预警核实：全部"

# l: a clue through the clue's form.
keys l
shows "登记线索" "l opens the clue's form"
shows "部门筛查预警" "the channel is 部门筛查预警"
shows "因病" "the risk is the department's"
shows "医保部门预警" "the situation says what was pushed"
keys Tab Tab
typed "1"
keys C-s
shows "已办理：登记线索" "saving registers the clue"
is "$(q "$DB" "select w.status || ',' || c.state || ',' || c.channel from dept_warning w join monitor_case c on c.id = w.case_id where w.id = $id1")" "clue,clue,3" "the warning is linked to the new clue"
is "$(status_pos)" "1/2" "and leaves the worklist"

# d: not eligible, with a reason.
keys d
shows "不符合：$name2" "d opens the not-eligible form"
keys C-s
shows "请填写原因" "a reason is required"
typed "收入高于监测范围"
keys C-s
shows "该预警已按不符合关闭" "saving closes the warning"
is "$(q "$DB" "select status || ',' || reason from dept_warning where id = $id2")" "rejected,收入高于监测范围" "with its reason"
is "$(q "$DB" "select count(*) from audit where tbl = 'dept_warning' and op = 'update' and row_id in ($id1, $id2)")" 8 "every step is in the audit log"
is "$(status_pos)" "1/1" "one warning is left"

# p: the township's feedback sheet for the department.
keys p
shows "医保核实反馈表" "p offers the feedback sheet of the row's township"
keys Escape
wait_for "预警核实：全部"

# x: the warnings shown as a sheet (in the help; the bar keeps l, d, I).
keys '?'
shows "x                 导出" "the help lists x"
keys Escape
wait_for "预警核实：全部"
lacks "x 导出" "the key bar leaves it out for the worklist's own keys"
keys x
shows "部门预警：显示的" "x offers the warnings shown for export"
keys C-u
typed "csv"
keys Tab Tab C-u
typed "$T/w.csv"
keys C-s
shows "已导出 1 行到 $T/w.csv" "x exports the warning left"
has "$T/w.csv" "医保" "with its department"
is "$(q "$DB" "select count(*) from audit where op = 'export' and tbl = 'dept_warning' and new = '$T/w.csv'")" 1 "audited"
tui_stop

# A township account sees its township's warnings only.
me=$(id -un)
town=$(q "$DB" "select h.township_id from dept_warning w join household h on h.id = w.household_id where w.id = $id1")
q "$DB" "update staff set role = 'township', scope_id = $town where login = '$me'"
tui_start 80x24
open_worklist 预警核实
shows "没有待核实的部门预警" "a township account does not see another township's warning"
tui_stop
q "$DB" "update staff set role = 'admin', scope_id = NULL where login = '$me'"

# Wide: the rule with the reference income (the latest national entry of
# incomes.conf before 2026) and the share.
income=$(python3 -c '
import re, sys
t = open(sys.argv[1], encoding="utf-8").read()
v = {int(y): int(x) for y, x in re.findall(r"province = \"\*\"; year = (\d+); yuan = (\d+)", t)}
print(format(v[max(y for y in v if y <= 2025)], ",") + ".00")' "$top_srcdir/share/policy/incomes.conf")
tui_start 160x48
open_worklist 预警核实
shows "（$income 元）的 50.00%" "at 160 columns the rule shows the income and the share"
aligned "99999.00" "and the columns line up"
tui_stop

# A household whose risk was eliminated: l re-identifies it (重新识别).
E=$(q "$DB" "select p.id_no || ',' || p.name from person p join monitor_case c on c.household_id = p.household_id where c.state = 'eliminated' and p.in_household = 1 and p.relation = '02' order by p.id limit 1")
printf '%s\n' "身份证号,姓名,救助类别,认定日期" "${E},低保,2026-11-15" >"$T/mz.csv"
"$ZHENXING" --db "$DB" import dept --source 民政 "$T/mz.csv" >/dev/null 2>&1
eid=$(q "$DB" "select id from dept_warning where dept = 'civil'")
tui_start 80x24
open_worklist 预警核实
wait_for "预警核实：全部"
keys /
typed "${E#*,}"
keys Enter
wait_for "搜索：${E#*,}"
keys l
shows "重新识别" "l on a household whose risk was eliminated opens 重新识别"
# 民政 names no risk: the category and a risk are typed
keys Tab Tab
typed "1"
keys Tab
typed "01"
keys C-s
wait_for "已办理"
is "$(q "$DB" "select w.status || ',' || c.state from dept_warning w join monitor_case c on c.id = w.case_id where w.id = $eid")" "clue,clue" "the case is a clue again, the warning linked"

# f: one department's warnings.
keys f
wait_for "全部部门"
typed "民政"
keys Enter
shows "筛选：民政" "f filters the worklist to one department"
is "$(status_pos)" "0/0" "民政's one warning is decided: none left"
keys c
wait_for "预警核实：全部"

# Someone else decides the warning while the form is open: nothing saved.
keys d
wait_for "不符合："
q "$DB" "update dept_warning set version = version + 1 where status = 'pending'"
typed "重复"
keys C-s
shows "其他人已修改部门预警" "a warning changed meanwhile is not closed (version check)"
is "$(q "$DB" "select count(*) from dept_warning where status = 'pending'")" 1 "and stays pending"
keys Escape y
wait_for "预警核实：全部"
tui_stop
finish
