#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t51-import.sh - the import screen of the monitoring workspace at 80x24:
# I on the list opens it, e opens the form (the sheet's path), saving runs
# the dry run whose counts and problems (by row and column) show on the
# screen and scroll, i refuses to write a sheet with problems, then a good
# sheet's dry run and import (the report, the households on the list);
# the form's 工作表 chooses an XLSX's sheet (a wrong name refused as the
# command refuses it), and the household's audit trail says the import
# of the file was the reason of its rows.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 20

DB="$T/c.db"
zx --db "$DB" init --province 51 --county 青山县
mk() { python3 "$top_srcdir/tests/cli/national_csv.py" "$@"; }
mk "$T/good.csv"
mk "$T/bad.csv" "2|民族|火星族" "4|人均纯收入|-5" "1|证件号码|5.13401E+17"
python3 "$top_srcdir/tests/cli/csv_xlsx.py" "$T/good.csv" "$T/two.xlsx" 说明 监测对象

tui_start 80x24
keys I
shows "导入全国监测信息表" "I on the list opens the import screen"
shows "e选择要导入的表并试导入" "it says what to do"
keys e
shows "要导入的表" "e opens the form with the sheet's path"
typed "$T/bad.csv"
keys C-s
shows "试导入：导入后的结果" "saving runs the dry run"
shows "第3行：民族：列表中没有火星族" "its problems by row and column"
shows "第2行：证件号码" "the mangled ID too"
aligned "第[0-9]+行" "the problems fit the screen"
keys End
shows "第5行：人均纯收入不能为负数" "the list scrolls to the last problem"
keys i
shows "未写入任何数据" "i writes nothing while rows have problems"
is "$(q "$DB" "select count(*) from household")" 0 "the database is unchanged"

keys e
wait_for "要导入的表"
keys C-u
typed "$T/two.xlsx"
keys Tab C-u
typed "监测"
keys C-s
shows "中没有工作表 \"监测\"" "a sheet name the workbook lacks is refused as the command refuses it"
shows "其中的工作表：说明，监测对象" "naming its sheets"
is "$(q "$DB" "select count(*) from household")" 0 "nothing is written"
keys C-u
typed "监测对象"
keys C-s
shows "将新建3户" "the sheet chosen by name: its dry run counts what it would create"
shows "工作表     监测对象" "the screen shows the sheet chosen"
keys i
shows "已写入数据库" "i imports"
shows "新建3户" "and shows the report"
is "$(q "$DB" "select count(*) from household")" 3 "three households stored"
keys Escape
shows "张三" "the list shows the households imported"
keys Enter 8
shows "（原因：导入 two.xlsx）" "the audit trail gives the import of the file as its rows' reason"
tui_stop
finish
