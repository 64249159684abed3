#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t53-dept-import.sh - a department's sheet imported from the screen at
# 80x24: I on the worklist 预警核实 opens the import screen on a
# department's sheet; e chooses the department (dept.conf's), the file and
# the date, and saving runs the dry run (its report, nothing written); i
# imports (the warnings created, the ID numbers not in the registry
# listed) and the worklist shows the new warnings; the same sheet again
# stores none twice; bad files (missing, a directory, another layout,
# bytes that are no text, a 10 MB cell, bad rows) are refused in Chinese
# with nothing written; a township account imports its township's only;
# t on the F2 import screen chooses the department's sheet too.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 50

DB="$T/c.db"
demo_db "$DB" 300
warnings() { q "$DB" "select count(*) from dept_warning"; }
audits() { q "$DB" "select count(*) from audit"; }
# heads OFFSET: three heads of 脱贫户 without a case, each of another
# township (the OFFSET-th such household of each), as rows of a 医保 sheet
# over the threshold.
heads() {
    q "$DB" "select p.id_no || ',' || p.name || ',99999,2026-11-10' from person p join household h on h.id = p.household_id where h.hh_type = '1' and p.relation = '02' and p.in_household = 1 and h.id = (select h2.id from household h2 where h2.township_id = h.township_id and h2.hh_type = '1' and h2.id not in (select household_id from monitor_case) order by h2.id limit 1 offset $1) order by h.township_id limit 3"
}
HEAD="身份证号,姓名,个人自付费用,结算日期"
printf '%s\n' "$HEAD" $(heads 0) "11010519491231002X,王某,99999,2026-11-01" >"$T/yb.csv"
name1=$(sed -n 2p "$T/yb.csv" | cut -d, -f2)

# choose DEPT FILE: in the import form (its first field the department),
# the department and the sheet, and save (the dry run).
choose() {
    keys e
    wait_for "*要导入的表"
    keys C-u
    typed "$1"
    keys Tab C-u
    typed "$2"
    keys C-s
}
# again FILE: the form once more, on the sheet's path, another sheet.
again() {
    keys e
    wait_for "*要导入的表"
    keys Tab C-u
    typed "$1"
    keys C-s
}

tui_start 80x24
open_worklist 预警核实
shows "没有待核实的部门预警" "the worklist is empty at first"
shows "I 导入" "I on its bar imports"
keys I
shows "导入部门筛查数据" "I opens the import screen on a department's sheet"
shows "e选择要导入的表并试导入" "which says what to do"
keys e
shows "*部门" "e opens the form with the department"
keys F4
shows "人社" "F4 lists the departments of dept.conf"
keys Escape

# The dry run writes nothing.
w0=$(warnings) a0=$(audits)
keys C-u
typed "医保"
keys Tab
typed "$T/yb.csv"
keys C-s
shows "试导入：导入后的结果" "saving runs the dry run"
shows "将新增预警 3 条（已有 0 条）" "which counts the warnings it would store"
shows "库中没有的身份证号（1 个）" "and the ID numbers not in the registry"
shows "第 5 行：110105********002X 王某" "each with its row, masked"
shows "尚未写入任何数据" "it says nothing was written"
is "$(warnings):$(audits)" "$w0:$a0" "the dry run wrote no warning and no audit row"

# i imports.
keys i
shows "新增预警 3 条（已有 0 条）" "i imports: the report"
shows "已写入数据库" "says it was written"
is "$(warnings)" 3 "three warnings stored"
is "$(q "$DB" "select count(*) from audit where op = 'insert' and tbl = 'dept_warning' and actor = '$(id -un)'")" 3 "each with its audit row, as the command line writes them"
is "$(q "$DB" "select distinct dept || ',' || status || ',' || source_file from dept_warning")" "medical,pending,yb.csv" "pending, of 医保, from the file"
keys Escape
shows "$name1" "the worklist shows the warnings imported"
is "$(status_pos)" "1/3" "all three"
aligned "99999.00" "in columns"

# The same sheet again: no warning twice.
keys I
wait_for "导入部门筛查数据"
choose 医保 "$T/yb.csv"
shows "将新增预警 0 条（已有 3 条）" "the same sheet again would store none"
keys i
shows "新增预警 0 条（已有 3 条）" "and stores none"
is "$(warnings)" 3 "no warning twice"

# Bad files: a Chinese message, nothing written.
w0=$(warnings) a0=$(audits)
printf '%s\n' "姓名,金额" "张三,5" >"$T/layout.csv"
printf '\377\376\001\002,\201\060\n' >"$T/bytes.csv"
python3 -c 'import sys; sys.stdout.write("身份证号,姓名,个人自付费用,结算日期\n1,%s,1,2026-01-01\n" % ("甲" * 3500000))' >"$T/big.csv"
again "$T/none.csv"
shows "无法打开 $T/none.csv" "a missing file is named"
keys C-u
typed "$T"
keys C-s
shows "$T 不是普通文件" "a directory is refused"
keys C-u
typed "$T/layout.csv"
keys C-s
shows "缺少医保格式（dept.conf）中的列" "a sheet of another layout is refused by the labels it lacks"
keys C-u
typed "$T/bytes.csv"
keys C-s
shows "内容不是 GB18030 编码的文本" "bytes that are no text are refused"
keys C-u
typed "$T/big.csv"
keys C-s
shows "第 2 行 B 列：单元格超过" "a 10 MB cell is refused by row and column"
keys Escape y
shows "导入中止" "the screen says the import stopped"
is "$(warnings):$(audits)" "$w0:$a0" "none of them wrote anything"

# Bad rows: listed by row and column; i writes nothing.
printf '%s\n' "$HEAD" "123,甲,99999,2026-11-10" "$(heads 1 | head -n 1 | cut -d, -f1,2),一万,2026-02-30" >"$T/rows.csv"
again "$T/rows.csv"
shows "有 3 个问题" "a sheet with bad rows: its problems counted"
shows "第 2 行，身份证号 列" "each by row and column"
shows "第 3 行，个人自付费用 列：金额不是数字" "in Chinese"
shows "试导入完成：有些行有问题" "the dry run says to correct them"
keys i
shows "未写入任何数据：有的行有问题" "i writes nothing"
is "$(warnings):$(audits)" "$w0:$a0" "the database is unchanged"
keys Escape
wait_for "预警核实：全部"
tui_stop

# A township account: its township's households only.
me=$(id -un)
printf '%s\n' "$HEAD" $(heads 1) >"$T/yb2.csv"
town=$(q "$DB" "select h.township_id from person p join household h on h.id = p.household_id where p.id_no = '$(sed -n 2p "$T/yb2.csv" | cut -d, -f1)'")
tname=$(q "$DB" "select name from division where id = $town")
q "$DB" "update staff set role = 'township', scope_id = $town where login = '$me'"
tui_start 80x24
open_worklist 预警核实
shows "预警核实：全部" "a township account opens the worklist"
is "$(status_pos)" "1/1" "with its township's warning only"
keys I
wait_for "导入部门筛查数据"
choose 医保 "$T/yb2.csv"
shows "将新增预警 1 条" "its dry run would store its township's warning"
shows "不在您管辖范围内的户，未导入（2 条）" "and lists the others"
keys i
shows "新增预警 1 条" "it imports"
is "$(q "$DB" "select count(*) from dept_warning w join household h on h.id = w.household_id where h.township_id <> $town and w.source_file = 'yb2.csv'")" 0 "nothing of another township"
is "$(q "$DB" "select count(*) from dept_warning where source_file = 'yb2.csv'")" 1 "one warning, of its own"
keys Escape
wait_for "预警核实：全部"
is "$(status_pos)" "1/2" "the worklist shows it"
tui_stop
q "$DB" "update staff set role = 'admin', scope_id = NULL where login = '$me'"

# The F2 import screen: t chooses the department's sheet.
printf '%s\n' "身份证号,姓名,救助类别,认定日期" "$(heads 2 | head -n 1 | cut -d, -f1,2),低保,2026-11-15" >"$T/mz.csv"
tui_start 80x24
keys I
shows "导入全国监测信息表" "I on the list opens the import of the national sheet"
keys t
shows "导入部门筛查数据" "t switches to a department's sheet"
lacks "导入没有问题的户" "without the national sheet's options"
choose 民政 "$T/mz.csv"
shows "民政（civil）：从 $T/mz.csv 读取 1 行" "民政's sheet by its own layout"
keys i
shows "已写入数据库" "imported"
is "$(q "$DB" "select count(*) from dept_warning where dept = 'civil'")" 1 "民政's warning stored"
tui_stop
finish
