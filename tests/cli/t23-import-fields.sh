#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t23-import-fields.sh - what the national sheet carries besides the
# registry's own fields: 是否解决安全饮用水, 首次识别时间 and 人员识别时间
# stored by `import national` (updated with their audit rows, a bad value
# reported by row and column) and written back by `export national`; the
# income's 工资性收入 kept as the wage and the rest of 人均纯收入 times 人数
# as the income not split by kind (a rest below zero as production costs);
# 人均纯收入 under the longer exports' label 人均纯收入（元）.
. "${top_srcdir:-.}/tests/cli/lib.sh"
need sqlite3
need python3
plan 27

export LANG=zh_CN.UTF-8
DB="$T/county.db"
zx --db "$DB" init --province 51 --county 青山县

mk() {
    python3 "$top_srcdir/tests/cli/national_csv.py" "$@"
}

# with_wage IN OUT W1 W2 W3 W4: IN with a column 工资性收入, a value a row.
with_wage() {
    python3 - "$@" <<'EOF'
import csv, sys
src, dst, wages = sys.argv[1], sys.argv[2], sys.argv[3:]
r = list(csv.reader(open(src, encoding='utf-8-sig')))
r[0].append('工资性收入')
for row, w in zip(r[1:], wages):
    row.append(w)
csv.writer(open(dst, 'w', newline='', encoding='utf-8-sig')).writerows(r)
EOF
}

# col FILE LABEL: the column LABEL of the sheet FILE, a cell a line.
col() {
    python3 - "$1" "$2" <<'EOF'
import csv, sys
for row in csv.DictReader(open(sys.argv[1], encoding='utf-8-sig')):
    print(row[sys.argv[2]])
EOF
}

hh() {
    q "$DB" "select $1 from household where hh_no = '$2'"
}
inc() {
    q "$DB" "select $1 from income i join household h on h.id = i.household_id where hh_no = '$2'"
}

# ---- stored as the sheet has them -----------------------------------
mk "$T/good.csv" "3|是否解决安全饮用水|否" "2|人员识别时间|2021-4"
zx --db "$DB" import national "$T/good.csv"
is "$rc" 0 "the sheet imports"
is "$(hh "first_identified || ',' || water" 513401000001)" "2014-01,1" "首次识别时间 and 是否解决安全饮用水 are the household's"
is "$(hh water 513401000002)" "0" "是否解决安全饮用水 否 is kept as such"
is "$(q "$DB" "select group_concat(identified, ',') from (select identified from person order by id_no)")" "2014-01,2014-01,2021-04,2014-01" "人员识别时间 is each person's"
is "$(inc "wage || ',' || unsplit || ',' || net || ',' || per_capita" 513401000001)" "0,1040100,1040100,520050" "人均纯收入 without a wage column: the whole net income kept as not split by kind"

# ---- written back ------------------------------------------------------
zx --db "$DB" export national -o "$T/out.csv" --reveal
is "$rc" 0 "export national"
is "$(col "$T/out.csv" 首次识别时间 | sort -u | tr '\n' ' ')" "201401 " "首次识别时间 as the national system writes months"
is "$(col "$T/out.csv" 人员识别时间 | tr '\n' ' ')" "201401 202104 201401 201401 " "人员识别时间 person by person"
is "$(col "$T/out.csv" 是否解决安全饮用水 | tr '\n' ' ')" "是 是 否 是 " "是否解决安全饮用水 household by household"
is "$(col "$T/out.csv" 人均纯收入 | head -1)" "5200.50" "人均纯收入 as it was"

# ---- 工资性收入: the wage, the rest not split ------------------------------
rm -f "$DB"
zx --db "$DB" init --province 51 --county 青山县
with_wage "$T/good.csv" "$T/wage.csv" 6000 6000 12000.5 ""
zx --db "$DB" import national "$T/wage.csv"
is "$rc" 0 "a sheet with 工资性收入 imports"
is "$(inc "wage || ',' || unsplit || ',' || business_cost || ',' || per_capita" 513401000001)" "600000,440100,0,520050" "工资性收入 is the wage, the rest of the net income not split"
is "$(inc "wage || ',' || unsplit || ',' || business_cost || ',' || per_capita" 513401000002)" "1200050,0,290050,910000" "a wage above the net income: the difference as production costs"
is "$(inc "wage || ',' || unsplit" 513401000003)" "0,1200000" "an empty 工资性收入 is no wage"
zx --db "$DB" export national -o "$T/out2.csv" --reveal
is "$(col "$T/out2.csv" 工资性收入 | tr '\n' ' ')" "6000.00 6000.00 12000.50 0.00 " "the export writes the wage back"
is "$(col "$T/out2.csv" 人均纯收入 | tr '\n' ' ')" "5200.50 5200.50 9100.00 12000.00 " "and 人均纯收入 as it was"

# ---- updated field by field, audited ---------------------------------------
mk "$T/upd.csv" "1|首次识别时间|201503" "2|首次识别时间|201503" "1|人员识别时间|201503" \
    "1|是否解决安全饮用水|否" "2|是否解决安全饮用水|否" "2|人员识别时间|2021-4" \
    "3|是否解决安全饮用水|否"
with_wage "$T/upd.csv" "$T/upd2.csv" 6000 6000 12000.5 ""
zx --db "$DB" import national "$T/upd2.csv"
is "$rc" 0 "an update imports"
is "$(q "$DB" "select group_concat(field || ':' || old || '>' || new, ' ') from (select * from audit where op = 'update' and tbl in ('household', 'person') order by id)")" "first_identified:2014-01>2015-03 water:1>0 identified:2014-01>2015-03" "each change has its audit row old -> new"

# ---- a bad value: by row and column, nothing written -------------------------
mk "$T/bad.csv" "1|是否解决安全饮用水|也许" "4|首次识别时间|2021-13"
before=$(sqlite3 "$DB" .dump | md5sum)
zx --db "$DB" import national "$T/bad.csv"
is "$rc" 1 "a sheet with a bad value is refused"
has "$OUT" "第2行：是否解决安全饮用水" "a drinking water neither 是 nor 否, by row and column"
has "$OUT" "第5行：首次识别时间" "a month that does not exist"
is "$(sqlite3 "$DB" .dump | md5sum)" "$before" "and the database is unchanged"
# ---- 人均纯收入（元）: the longer exports' label of 人均纯收入 -------------------
rm -f "$DB"
zx --db "$DB" init --province 51 --county 青山县
sed '1s/,人均纯收入,/,人均纯收入（元）,/' "$T/good.csv" >"$T/yuan.csv"
zx --db "$DB" import national "$T/yuan.csv"
is "$rc" 0 "a sheet whose column is 人均纯收入（元） imports"
is "$(inc per_capita 513401000001)" 520050 "its cells are the income per person"
hasnt "$OUT" "人均纯收入（元）" "the column is not listed as unknown"
# Both: the column of the label read, the other listed as not read.
python3 - "$T/good.csv" "$T/both.csv" <<'EOF'
import csv, sys
r = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig')))
r[0].append('人均纯收入（元）')
for row in r[1:]:
    row.append('1.00')
csv.writer(open(sys.argv[2], 'w', newline='', encoding='utf-8-sig')).writerows(r)
EOF
rm -f "$DB"
zx --db "$DB" init --province 51 --county 青山县
zx --db "$DB" import national "$T/both.csv"
is "$(inc per_capita 513401000001)" 520050 "with both columns, 人均纯收入 is read"
has "$OUT" "人均纯收入（元）" "and 人均纯收入（元） listed as not read"
finish
