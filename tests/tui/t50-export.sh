#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t50-export.sh - x on the lists at 80x24 in Chinese: the monitoring list
# as searched, then only its tagged rows, exported through the dialog (CSV,
# the file named after the kind, place and day, the path and the number of
# rows said) and the files read back; the receipts of the funds workspace;
# the projects list, whose x is the next step, exports with X; a read-only
# account exports; every export in the audit log.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 30

DB="$T/c.db"
demo_db "$DB" 300
ME=$(id -un)
exports() { q "$DB" "select count(*) from audit where op = 'export'"; }
# col FILE LABEL: the cells of column LABEL of a CSV written with a BOM (an
# identifier written ="..." as Excel shows it)
col() {
    python3 - "$@" <<'EOF'
import csv, sys
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline="")):
    v = r[sys.argv[2]]
    print(v[2:-1] if v.startswith('="') and v.endswith('"') else v)
EOF
}
# as_csv: in the dialog (on its first field, the format), choose CSV and
# save.
as_csv() {
    keys C-u
    typed "csv"
    keys Tab Tab
    keys C-s
}
COUNTY=$(q "$DB" "select name from division where level = 1")

# 1. The monitoring list as searched: the households of one village.
PREFIX=$(q "$DB" "select substr(hh_no, 1, 12) from household order by hh_no limit 1")
N=$(q "$DB" "select count(*) from household where hh_no like '$PREFIX%'")
tui_start 80x24
keys /
typed "$PREFIX"
keys Enter
wait_for "搜索：$PREFIX"
keys x
shows "监测对象：按当前筛选和搜索的名单" "x opens the export dialog for the list as searched"
shows "监测对象_${COUNTY}_20261122.xlsx" "the file is named after the kind, the place and the day, XLSX at first"
before=$(exports)
as_csv
f="$HOME/监测对象_${COUNTY}_20261122.csv"
shows "已导出 $N 行到" "saving says how many rows"
shows "$f" "and where (the extension followed the format)"
is "$(col "$f" 户编号 | grep -c "^$PREFIX")" "$N" "the file holds the households found"
is "$(($(wc -l <"$f") - 1))" "$N" "and no other"
is "$(exports)" "$((before + 1))" "the export is in the audit log"
q "$DB" "select old from audit where op = 'export' order by id desc limit 1" | grep -q "search=$PREFIX"
ok $? "with the search it was made under"

# 2. Tagged rows only.
keys Escape
keys c
wait_for "1/300"
keys t t t
wait_for " * "
shows "已选定 3 条（p 一并打印，x 导出，T 全部取消）" "tagging says x exports the tagged rows too"
screen "$T/screen"
grep -E '^ \* ' "$T/screen" | grep -oE '[0-9]{16}' | sort >"$T/tagged"
is "$(wc -l <"$T/tagged")" 3 "three rows tagged"
LAST=$(q "$DB" "select substr(hh_no, 1, 12) from household order by hh_no desc limit 1")
keys /
typed "$LAST"
keys Enter
wait_for "搜索：$LAST"
keys x
shows "监测对象：已选定的 3 行" "x offers the tagged rows, though the search now hides them"
keys C-u
typed "csv"
keys Tab Tab C-u
typed "$T/tagged.csv"
keys C-s
shows "已导出 3 行到 $T/tagged.csv" "the three rows exported"
col "$T/tagged.csv" 户编号 | sort >"$T/got"
cmp -s "$T/tagged" "$T/got"
ok $? "the file holds the tagged households"

# 2b. The list as filtered (f, one township): x exports that township.
keys Escape
keys T
wait_for "已全部取消选定"
keys c
wait_for "1/300"
keys f
wait_for "筛选列表"
keys Enter
wait_for "全部"
screen "$T/screen"
TOWN=$(sed -n 5p "$T/screen" | tr -d ' ')
keys Down Enter
wait_for "乡镇                $TOWN"
keys Escape
shows "筛选：$TOWN" "f filters the list by a township"
keys x
shows "监测对象_${TOWN}_20261122.xlsx" "x on the filtered list names the file after the township"
keys C-u
typed "csv"
keys Tab Tab C-u
typed "$T/town.csv"
keys C-s
NT=$(q "$DB" "select count(*) from household h join division t on t.id = h.township_id where t.name = '$TOWN'")
shows "已导出 $NT 行到 $T/town.csv" "it exports the township's households"
is "$(col "$T/town.csv" 乡镇 | sort -u)" "$TOWN" "and no other township's"
tui_stop

# 3. The receipts of the funds workspace, the projects' X, an assessment
# round.
ROUND=$("$ZHENXING" --db "$DB" assess new resident-team 2026 --title "2026年度驻村工作队考核")
tui_start 80x24
keys F3
wait_for "资金下达"
keys x
shows "资金到账：显示的" "x on the receipts offers the rows shown"
keys C-u
typed "csv"
keys Tab Tab C-u
typed "$T/receipts.csv"
keys C-s
R=$(q "$DB" "select count(*) from fund")
shows "已导出 $R 行到 $T/receipts.csv" "every receipt exported"
keys Tab
wait_for "项目库"
keys X
shows "项目库：显示的" "on the projects, whose x is the next step, X exports"
keys Escape
keys t
shows "已选定 1 条（p 一并打印，X 导出，T 全部取消）" "and tagging a project names X"
keys T
shows "已全部取消选定" "T untags"
keys Tab Tab
wait_for "未达标"
keys x
shows "资金指标表：显示的" "x on the fund indicators"
keys C-u
typed "csv"
keys Tab Tab C-u
typed "$T/meters.csv"
keys C-s
shows "已导出" "the indicators exported"
col "$T/meters.csv" 状态 | grep -qx "未达标"
ok $? "with the status of each indicator as the table shows it"
keys F5
wait_for "2026年度驻村工作队考核"
keys x
shows "考核结果：考核轮次 $ROUND，全部单位" "x on the assessment rounds offers the round under the cursor"
keys C-u
typed "csv"
keys Tab Tab C-u
typed "$T/round.csv"
keys C-s
shows "已导出" "the round exported"
is "$(col "$T/round.csv" 考核轮次 | sort -u)" "$ROUND" "the file holds that round"
tui_stop

# 4. A read-only account exports too.
q "$DB" "update staff set role = 'viewer', scope_id = 0 where login = '$ME'"
tui_start 80x24
keys x
shows "监测对象" "a viewer's x opens the dialog"
keys C-u
typed "csv"
keys Tab Tab C-u
typed "$T/viewer.csv"
keys C-s
shows "已导出 300 行到 $T/viewer.csv" "and exports the list"
tui_stop
finish
