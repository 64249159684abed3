#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t21-import.sh - zhenxing import national: a good sheet into an empty
# county (places created, cases with their steps, list rows), dry run,
# re-import unchanged, update field by field with audit rows old -> new;
# every defect of issue 16 section 2 reported by row and column label with
# the database unchanged; --partial; --report re-imported after fixing;
# a missing required column; GB18030 and XLSX; a township account's scope;
# the round trip through `export national` from the demo county (incomes,
# first and persons' identification, drinking water kept cell for cell).
. "${top_srcdir:-.}/tests/cli/lib.sh"
need sqlite3
need python3
plan 97

export LANG=zh_CN.UTF-8
DB="$T/county.db"
zx --db "$DB" init --province 51 --county 青山县

# mk FILE [EDIT...]: the test sheet (tests/cli/national_csv.py).
mk() {
    python3 "$top_srcdir/tests/cli/national_csv.py" "$@"
}

# state DB: everything an import may change, to compare before and after.
state() {
    sqlite3 "$1" ".dump" | grep -v '^INSERT INTO meta' | md5sum
}

# ---- a good sheet into an empty county --------------------------------
mk "$T/good.csv"
before=$(state "$DB")
zx --db "$DB" import national "$T/good.csv" --dry-run
is "$rc" 0 "a dry run of a good sheet succeeds"
has "$OUT" "将新建3户、更新0户、0户不变" "the dry run says what would be created"
has "$OUT" "新地名（将新建）：新西镇 / 红星村 / 一组" "it lists the places it would create"
has "$OUT" "试导入：未写入任何数据" "and says it wrote nothing"
is "$(state "$DB")" "$before" "the dry run left the database as it was"

first=$(q "$DB" "select max(id) from audit")
zx --db "$DB" import national "$T/good.csv"
is "$rc" 0 "the import succeeds"
has "$OUT" "新建3户" "three households created"
is "$(q "$DB" "select count(*) from household")" 3 "three households stored"
is "$(q "$DB" "select count(*) from person where in_household = 1")" 4 "four persons stored"
is "$(q "$DB" "select group_concat(name, ',') from (select name from division where level = 2 order by name)")" "新西镇,清湾乡" "the townships were created"
is "$(q "$DB" "select count(*) from division where level = 4")" 2 "natural villages created"
is "$(q "$DB" "select count(*) from audit where tbl = 'division' and op = 'insert'")" 8 "each place created is audited (the county and seven places)"
is "$(q "$DB" "select sex || birth_date from person where name = '李四'")" "21972-03-03" "sex and birth date come from the ID number"
is "$(q "$DB" "select state || ',' || category || ',' || identified_on from monitor_case c join household h on h.id = c.household_id where hh_no = '513401000001'")" "monitored,1,2021-04-01" "a monitored household has its case (202104)"
is "$(q "$DB" "select state || ',' || identified_on || ',' || eliminated_on || ',' || elim_method from monitor_case c join household h on h.id = c.household_id where hh_no = '513401000002'")" "eliminated,2022-03-01,2023-05-01,1" "an eliminated one too (2022-3, 2023-05)"
is "$(q "$DB" "select group_concat(action || ':' || note, ' ') from case_step s join monitor_case c on c.id = s.case_id join household h on h.id = c.household_id where hh_no = '513401000002'")" "county_approve:导入 good.csv elim_approve:导入 good.csv" "its steps are recorded as imported history"
is "$(q "$DB" "select per_capita || ',' || members || ',' || year from income i join household h on h.id = i.household_id where hh_no = '513401000001'")" "520050,2,2026" "the income per person of the data's year"
is "$(q "$DB" "select count(*) from hh_list")" 3 "the list has a row per household"
is "$(q "$DB" "select count(*) from audit where op = 'bulk' and new like '导入 good.csv%'")" 1 "the import is one audit row naming the file"
is "$(q "$DB" "select count(*) from audit where id > $first and coalesce(reason, '') <> '导入 good.csv'")" 0 "every audit row it wrote gives its reason, the file (issue 16)"
is "$(q "$DB" "select group_concat(x, ',') from (select distinct op || ':' || tbl as x from audit where id > $first and reason = '导入 good.csv' and tbl in ('household', 'person', 'monitor_case', 'division') order by x)")" "bulk:household,insert:division,insert:household,insert:monitor_case,insert:person" "created places, households, members, cases and the summary alike"
is "$(q "$DB" "select count(*) from audit where id <= $first and reason is not null")" 0 "rows written before the import have none"

zx --db "$DB" import national "$T/good.csv"
has "$OUT" "新建0户、更新0户、3户不变" "importing it again changes nothing"

# --date after today: refused as the sheet's 数据日期 would be.
before=$(state "$DB")
zx --db "$DB" import national "$T/good.csv" --date 2099-01-01
is "$rc" 1 "a data date after today is refused"
has "$ERR" "数据日期不能晚于今天" "saying so in Chinese"
is "$(state "$DB")" "$before" "and nothing is written (no income of that year)"

# ---- an update, field by field ----------------------------------------
mk "$T/upd.csv" "1|户联系电话|13900002222" "2|户联系电话|13900002222" "2|姓名|李四娃"
zx --db "$DB" import national "$T/upd.csv"
is "$rc" 0 "an update succeeds"
has "$OUT" "更新1户" "one household updated"
is "$(q "$DB" "select old || '>' || new from audit where tbl = 'person' and field = 'name'")" "李四>李四娃" "the member's change has its audit row old -> new"
is "$(q "$DB" "select old || '>' || new from audit where tbl = 'household' and field = 'phone'")" "13800001111>13900002222" "the household's too"
is "$(q "$DB" "select group_concat(distinct reason) from audit where op = 'update' and field in ('name', 'phone')")" "导入 upd.csv" "each field's audit row names the sheet as its reason"
is "$(q "$DB" "select count(*) from audit where op = 'update' and reason is null")" 0 "no update row of the import without its reason"
is "$(q "$DB" "select head from hh_list where hh_no = '513401000001'")" "张三" "the list row is kept"

# ---- every defect: reported by row and column, nothing written ----------
mk "$T/bad.csv" \
    "1|证件号码|5.13401E+17" \
    "2|人均纯收入|-5" \
    "2|民族|火星族" \
    "3|风险识别时间|2021-13" \
    "3|姓名| 王五 " \
    "4|人均纯收入|五千" \
    "4|县(市、区、旗)|别的县"
before=$(state "$DB")
zx --db "$DB" import national "$T/bad.csv"
is "$rc" 1 "a sheet with problems exits 1"
has "$OUT" "第2行：证件号码：5.13401E+17 已被 Excel 变成科学计数法" "an Excel-mangled ID, by row and column"
has "$OUT" "第3行：人均纯收入不能为负数" "a negative income"
has "$OUT" "第3行：民族：列表中没有火星族" "an unknown code label"
has "$OUT" "第3行：民族：列表中没有火星族；可填的值：汉族、" "naming the labels the column may have"
hasnt "$OUT" "F4" "and no key of the screen's forms"
has "$OUT" "第4行：风险识别时间" "a month that does not exist"
has "$OUT" "第5行：人均纯收入不是有效的金额" "a non-numeric income"
has "$OUT" "第5行：县(市、区、旗)：别的县不是本数据库的县（青山县）" "another county"
has "$OUT" "1个单元格首尾有空格（已去除）" "trimmed cells are counted"
has "$OUT" "未写入任何数据" "it says nothing was written"
is "$(state "$DB")" "$before" "the database is unchanged"

mk "$T/bad2.csv" "1|证件号码|513401197001010012" "2|X|CUT:10" "3|X|ADD" "4|证件号码|$(q "$DB" "select id_no from person where name = '李四娃'")"
zx --db "$DB" import national "$T/bad2.csv"
has "$OUT" "第2行：证件号码：身份证号码最后一位（校验码）与前面各位不符" "an ID with a wrong check digit"
has "$OUT" "第3行：此行只有10格，表头有32列" "a short row"
has "$OUT" "第4行：此行有34格，多于表头的32列" "a long row"
has "$OUT" "第5行：证件号码：与第3行是同一人" "the same person twice is reported"
is "$(state "$DB")" "$before" "the database is unchanged"

# A sheet exported without --reveal: its masked numbers named as such.
mk "$T/masked.csv" "1|证件号码|513401********001X" "1|户联系电话|138****1111"
zx --db "$DB" import national "$T/masked.csv"
has "$OUT" "第2行：证件号码：513401********001X 是脱敏后的号码（导出时未显示完整证件号码）" "a masked ID number is named as masked"
has "$OUT" "第2行：户联系电话：138****1111 是脱敏后的号码（导出时未显示完整电话号码）" "a masked phone number too"
is "$(state "$DB")" "$before" "the database is unchanged"

# A person registered in another household: found while writing, refused
# by row, nothing written.
mk "$T/moved.csv" "2|X|DROP" "1|人数|1" "4|户编号|513401000009" "4|证件号码|$(q "$DB" "select id_no from person where name = '李四娃'")" "4|姓名|李四娃"
zx --db "$DB" import national "$T/moved.csv"
is "$rc" 1 "a person of another household is refused"
has "$OUT" "第4行：户编号：李四娃" "by row and column"
has "$OUT" "已是户513401000001的成员" "naming the household that holds the person"
is "$(state "$DB")" "$before" "and nothing is written"

# ---- --partial: the good households, never half of one -----------------
rm -f "$T/p.db"
zx --db "$T/p.db" init --province 51 --county 青山县
mk "$T/part.csv" "2|民族|火星族"
zx --db "$T/p.db" import national "$T/part.csv" --partial
is "$rc" 1 "--partial with problems exits 1"
has "$OUT" "以上列出的户未导入（1户）" "it lists what it did not import"
is "$(q "$T/p.db" "select group_concat(hh_no, ',') from (select hh_no from household order by 1)")" "513401000002,513401000003" "the good households are in"
is "$(q "$T/p.db" "select count(*) from person where name = '张三'")" 0 "no half household"

# ---- --report: the bad rows to fix and import again ---------------------
zx --db "$T/p.db" import national "$T/part.csv" --report "$T/rep.csv"
has "$T/rep.csv" "问题" "the report sheet has the problems"
has "$T/rep.csv" "火星族" "and the rows as they were"
is "$(grep -c 513401000001 "$T/rep.csv")" 2 "both rows of the household are in it"
sed -i 's/火星族/汉族/g' "$T/rep.csv"
zx --db "$T/p.db" import national "$T/rep.csv"
is "$rc" 0 "the corrected report imports"
has "$OUT" "未导入的列（列名不认识）：原行号" "its extra columns are listed and ignored"
is "$(q "$T/p.db" "select count(*) from household")" 3 "the household is in now"

# The report as XLSX, read with a real reader: numbers kept as text.
zx --db "$T/p.db" import national "$T/part.csv" --report "$T/rep.xlsx"
python3 "$top_srcdir/tests/cli/xlsx_cells.py" "$T/rep.xlsx" >"$T/cells"
grep -q '^3 I s\(tr\)\? 513401000001$\|^3 I inlineStr 513401000001$' "$T/cells"
ok $? "the XLSX report keeps the household number as text"
has "$T/cells" "火星族" "and the row as it was"

# ---- a required column missing --------------------------------------------
python3 -c "
import csv,sys
r=list(csv.reader(open('$T/good.csv',encoding='utf-8-sig')))
i=r[0].index('证件号码')
w=csv.writer(open('$T/nocol.csv','w',newline='',encoding='utf-8'))
w.writerows([x[:i]+x[i+1:] for x in r])"
zx --db "$T/p.db" import national "$T/nocol.csv"
is "$rc" 1 "a sheet without a required column is refused"
has "$ERR" "缺少必需的列 证件号码" "the message names the column"

# ---- GB18030 and XLSX --------------------------------------------------------
rm -f "$T/g.db"
zx --db "$T/g.db" init --province 51 --county 青山县
sed '1s/^\xEF\xBB\xBF//' "$T/good.csv" | iconv -f UTF-8 -t GB18030 >"$T/gb.csv"
zx --db "$T/g.db" import national "$T/gb.csv" --encoding latin1
has "$ERR" "--encoding 的值应为 utf-8 或 gb18030，而不是「latin1」" "an unknown --encoding is named with its option"
zx --db "$T/g.db" import national "$T/gb.csv" --encoding utf-8
has "$ERR" "不是 UTF-8 编码的文本" "--encoding utf-8 on a GB18030 sheet says it is not UTF-8"
is "$(q "$T/g.db" "select count(*) from household")" 0 "and writes nothing"
zx --db "$T/g.db" import national "$T/gb.csv"
is "$rc" 0 "a GB18030 sheet imports"
is "$(q "$T/g.db" "select group_concat(name, ',') from (select name from person order by name)")" "张三,李四,王五,赵六" "with its Chinese read right"
python3 "$top_srcdir/tests/cli/csv_xlsx.py" "$T/good.csv" "$T/good.xlsx"
rm -f "$T/x.db"
zx --db "$T/x.db" init --province 51 --county 青山县
zx --db "$T/x.db" import national "$T/good.xlsx" --sheet 监测对象
is "$rc" 0 "an XLSX sheet imports"
is "$(q "$T/x.db" "select count(*) from person")" 4 "with every person"

# ---- a township account imports its township only -------------------------
me=$(q "$DB" "select login from staff limit 1")
town=$(q "$DB" "select id from division where name = '新西镇'")
sqlite3 "$DB" "update staff set role = 'township', scope_id = $town where login = '$me'"
mk "$T/scope.csv" "1|人均纯收入|6000" "2|人均纯收入|6000" "4|人均纯收入|13000"
before=$(state "$DB")
zx --db "$DB" import national "$T/scope.csv"
is "$rc" 1 "another township's rows are refused"
has "$OUT" "第5行：乡(镇)：清湾乡 宝双村不在本账号的范围内" "by row and column"
is "$(state "$DB")" "$before" "and nothing is written"
zx --db "$DB" import national "$T/scope.csv" --partial
is "$(q "$DB" "select per_capita from income i join household h on h.id = i.household_id where hh_no = '513401000001'")" 600000 "--partial imports the account's own township"
is "$(q "$DB" "select per_capita from income i join household h on h.id = i.household_id where hh_no = '513401000003'")" 1200000 "and leaves the other alone"

# ---- round trip: export national from the demo county, import into an empty one
D1="$T/demo.db"
D2="$T/empty.db"
# Seed 1 gives monitored, eliminated and mid-elimination cases to compare.
zx --db "$D1" demo --households 150 --seed 1
# What the national sheet carries besides: 首次识别时间, 人员识别时间 (the
# demo has none to give).
sqlite3 "$D1" "update household set first_identified = '2014-01' where id % 3 = 0; update person set identified = '2015-06' where id % 4 = 0"
zx --db "$D1" export national -o "$T/natm.csv"
has "$OUT" "证件号码和电话号码已脱敏" "export national without --reveal says its numbers are masked"
has "$OUT" "请加 --reveal 导出" "and how to have them whole"
zx --db "$D1" export national -o "$T/nat.csv" --reveal
is "$rc" 0 "export national"
python3 - "$T/nat.csv" >"$T/natcols" <<'EOF2'
import csv, sys
r = list(csv.DictReader(open(sys.argv[1], encoding='utf-8-sig')))
for k in ('首次识别时间', '人员识别时间', '是否解决安全饮用水', '工资性收入'):
    print(k, sorted(set(x[k] != '' for x in r)))
EOF2
is "$(tr '\n' ' ' <"$T/natcols")" "首次识别时间 [False, True] 人员识别时间 [False, True] 是否解决安全饮用水 [True] 工资性收入 [True] " "it writes the first identification, the person's, the drinking water and the wage income"
zx --db "$D2" init --province 51 --county "$(q "$D1" "select name from division where level = 1")"
zx --db "$D2" import national "$T/nat.csv"
is "$rc" 0 "its sheet imports into an empty county"
hh="select hh_no || t.name || v.name || coalesce(n.name, '') || hh_type from household h join division t on t.id = h.township_id join division v on v.id = h.village_id left join division n on n.id = h.natural_village_id order by hh_no"
is "$(q "$D2" "$hh" | md5sum)" "$(q "$D1" "$hh" | md5sum)" "the same households in the same places"
p="select id_no, name, sex, birth_date, relation, ethnicity, education, schooling, health, labour, work_months, ins_serious, h.hh_no from person p join household h on h.id = p.household_id where in_household = 1 order by id_no"
is "$(q "$D2" "$p" | md5sum)" "$(q "$D1" "$p" | md5sum)" "the same persons"
inc="select hh_no, per_capita, wage from household h join income i on i.household_id = h.id where i.year = (select max(year) from income where household_id = h.id) order by hh_no"
is "$(q "$D2" "$inc" | md5sum)" "$(q "$D1" "$inc" | md5sum)" "the same incomes (per person and wages)"
fi="select hh_no, coalesce(first_identified, '') from household order by hh_no"
is "$(q "$D2" "$fi" | md5sum)" "$(q "$D1" "$fi" | md5sum)" "the same first identifications"
pi="select id_no, coalesce(identified, '') from person where in_household = 1 order by id_no"
is "$(q "$D2" "$pi" | md5sum)" "$(q "$D1" "$pi" | md5sum)" "the same identifications of persons"
zx --db "$D2" export national -o "$T/nat2.csv" --reveal
cmp -s "$T/nat.csv" "$T/nat2.csv"
ok $? "exported again, the sheet is the same, cell for cell (drinking water included)"
st="select hh_no, case when state = 'eliminated' then 'eliminated' else 'monitored' end, category, substr(identified_on, 1, 7), coalesce(substr(eliminated_on, 1, 7), '') from monitor_case c join household h on h.id = c.household_id where state in ('monitored', 'elim_verified', 'elim_appraised', 'elim_publicizing', 'elim_township_reviewed', 'eliminated') order by hh_no"
test "$(q "$D1" "$st" | wc -l)" -ge 6
ok $? "the demo county has monitored and eliminated households to carry over"
is "$(q "$D2" "$st" | md5sum)" "$(q "$D1" "$st" | md5sum)" "the same monitoring states"
is "$(q "$D2" "select count(*) from hh_list")" "$(q "$D1" "select count(*) from household")" "every household in the list"
finish
