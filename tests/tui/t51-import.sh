#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t51-import.sh - the import screen of the monitoring workspace at 80x24:
# I on the list opens it, e opens the form (the sheet's path), saving runs
# the dry run whose counts and problems (by row and column) show on the
# screen and scroll, i refuses to write a sheet with problems, then a good
# sheet's dry run and import (the report, the households on the list).
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 15

DB="$T/c.db"
zx --db "$DB" init --province 51 --county 青山县
mk() { python3 "$top_srcdir/tests/cli/national_csv.py" "$@"; }
mk "$T/good.csv"
mk "$T/bad.csv" "2|民族|火星族" "4|人均纯收入|-5" "1|证件号码|5.13401E+17"

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
typed "$T/good.csv"
keys C-s
shows "将新建3户" "a good sheet's dry run counts what it would create"
keys i
shows "已写入数据库" "i imports"
shows "新建3户" "and shows the report"
is "$(q "$DB" "select count(*) from household")" 3 "three households stored"
keys Escape
shows "张三" "the list shows the households imported"
tui_stop
finish
