#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t22-dept.sh - zhenxing import dept: each department's rule at and
# around its threshold as the shipped data files say it (dept.conf,
# incomes.conf), 人社 only for a member with labour ability, 教育辍学 by
# the statuses dept.conf lists, households already followed for the risk, unmatched ID
# numbers listed, the same warning imported twice stored once, a township
# account's scope, and bad rows reported by row and column with nothing
# written.
. "${top_srcdir:-.}/tests/cli/lib.sh"
need sqlite3
need python3

plan 88

export ZHENXING_TODAY=2026-12-07
DB="$DEFAULT_DB"
mkdir -p "$(dirname "$DB")"
demo_db "$DB" 300
POL="$top_srcdir/share/policy"
warnings() { q "$DB" "select count(*) from dept_warning"; }
audits() { q "$DB" "select count(*) from audit"; }

# The numbers of the shipped files: the reference income a warning of
# 2026 compares with (the latest national entry before 2026), and each
# department's thresholds in order, as fen.
data() {
    python3 - "$POL" "$1" <<'EOF'
import re, sys
pol, what = sys.argv[1], sys.argv[2]
inc = open(pol + "/incomes.conf", encoding="utf-8").read()
years = {int(y): int(v) for y, v in re.findall(
    r'province = "\*"; year = (\d+); yuan = (\d+)', inc)}
year = max(y for y in years if y <= 2025)
income = years[year] * 100
if what == "year":
    print(year)
    sys.exit(0)
dept = open(pol + "/dept.conf", encoding="utf-8").read()
block = dept.split('id = "%s"' % what)[1].split("\n  { id =")[0]
out = []
for kind, num in re.findall(r'(over_pct|over_yuan) = ([\d.]+)', block):
    out.append(str(income * int(float(num) * 100) // 10000 if kind == "over_pct"
                   else int(float(num) * 100)))
print(" ".join(out))
EOF
}
yuan() { printf '%d.%02d' $(($1 / 100)) $(($1 % 100)); }

# Persons of current members: TYPE (hh_type), STATE of the case ('' none).
person() {
    if [ -z "$2" ]; then
        q "$DB" "select p.id_no || ',' || p.name from person p join household h on h.id = p.household_id left join monitor_case c on c.household_id = h.id and c.state <> 'rejected' where p.in_household = 1 and h.hh_type = '$1' and c.id is null and p.id_no is not null and p.id_no not in (select id_no from dept_warning) order by p.id limit 1 offset ${3:-0}"
    else
        q "$DB" "select p.id_no || ',' || p.name from person p join household h on h.id = p.household_id join monitor_case c on c.household_id = h.id and c.state = '$2' where p.in_household = 1 and p.id_no is not null and p.id = (select min(id) from person where household_id = h.id and in_household = 1) order by p.id limit 1 offset ${3:-0}"
    fi
}
sheet() {   # FILE HEADER ROW...
    f="$1"; shift
    printf '%s\r\n' "$@" >"$T/$f"
}
warned() { q "$DB" "select count(*) from dept_warning where id_no = '${1%%,*}' and dept = '$DEPT'"; }

# --- 医保: a share of the reference income, by population ---------------
DEPT=medical
set -- $(data medical)
poor_at=$1 other_at=$2
P1=$(person 1 "" 0); P2=$(person 1 "" 1); O1=$(person 2 "" 0); O2=$(person 2 "" 1)
sheet yb.csv "身份证号,姓名,个人自付费用,结算日期" \
    "${P1},$(yuan $poor_at),2026-11-30" "${P2},$(yuan $((poor_at + 1))),2026-11-30" \
    "${O1},$(yuan $other_at),2026-11-30" "${O2},$(yuan $((other_at + 1))),2026-11-30" \
    "11010519491231002X,王某,99999,2026-11-01"
before=$(audits)
zx --db "$DB" import dept --source 医保 "$T/yb.csv"
is "$rc" 0 "import dept --source 医保 reads the sheet"
is "$(warned "$P1")" 0 "脱贫人口 at 50% of the reference income: no warning ($(yuan $poor_at))"
is "$(warned "$P2")" 1 "one fen over it: a warning"
is "$(warned "$O1")" 0 "another rural resident at 100% of it: no warning ($(yuan $other_at))"
is "$(warned "$O2")" 1 "one fen over it: a warning"
has "$OUT" "新增预警 2 条" "the report counts the new warnings"
has "$OUT" "未达到规则：2 条" "and the rows under the rule"
has "$OUT" "库中没有的身份证号（1 个）" "an ID the registry lacks is listed apart"
has "$OUT" "第 6 行：110105********002X 王某" "with its row, masked number and name"
is "$(q "$DB" "select (rule like '因病返贫预警%') || (rule like '%$(data year)%') from dept_warning where id_no = '${P2%%,*}'")" "11" "the warning keeps the rule with the income's year"
is "$(q "$DB" "select status || ',' || value || ',' || event_date || ',' || source_file from dept_warning where id_no = '${P2%%,*}'")" "pending,$(yuan $((poor_at + 1))),2026-11-30,yb.csv" "pending, with its value, date and file"
is "$(($(audits) - before))" 2 "one audit row per warning"

zx --db "$DB" import dept --source yibao "$T/yb.csv"
is "$rc" 0 "the same sheet again, by the pinyin name"
is "$(warnings)" 2 "stores no warning twice"
has "$OUT" "新增预警 0 条（已有 2 条）" "and says they are stored already"

# --- 教育: an amount ---------------------------------------------------
DEPT=education
edu=$(data education)
E1=$(person 2 "" 0); E2=$(person 2 "" 1)
sheet jy.csv "学生姓名,身份证号,资助后自付费用,统计日期" \
    "${E1#*,},${E1%%,*},$(yuan $edu),2026-04-01" "${E2#*,},${E2%%,*},$(yuan $((edu + 1))),2026-04-01"
zx --db "$DB" import dept --source education "$T/jy.csv"
is "$rc" 0 "教育 by its English name, columns in another order"
is "$(warned "$E1")" 0 "at $(yuan $edu) yuan: no warning"
is "$(warned "$E2")" 1 "one fen over: a warning"

# --- 教育辍学: a status of the sheet listed in dept.conf -------------------
DEPT=dropout
out_words=$(python3 - "$POL" <<'EOF'
import re, sys
d = open(sys.argv[1] + "/dept.conf", encoding="utf-8").read()
b = d.split('id = "dropout"')[1].split("\n  { id =")[0]
print(re.findall(r'value_in = \[([^]]*)\]', b)[0].split(",")[0].strip().strip('"'))
EOF
)
K1=$(person 1 "" 8); K2=$(person 1 "" 9)
sheet kc.csv "身份证号,学生姓名,学籍状态,统计日期" "${K1},${out_words},2026-11-01" "${K2},在读,2026-11-01"
zx --db "$DB" import dept --source 控辍保学 "$T/kc.csv"
is "$rc" 0 "教育辍学 reads a sheet of statuses (no amount)"
is "$(warned "$K1")" 1 "a student listed as ${out_words}: a warning"
is "$(warned "$K2")" 0 "one enrolled (在读): none"
is "$(q "$DB" "select rule like '%学籍状态%${out_words}%' from dept_warning where id_no = '${K1%%,*}'")" 1 "the warning names the statuses of the rule"

# --- 人社: only a member with labour ability (codes.conf tags) ----------
DEPT=employment
able=$(python3 - "$POL" <<'EOF'
import re, sys
c = open(sys.argv[1] + "/codes.conf", encoding="utf-8").read()
b = c.split('id = "labour"')[1].split("); }")[0]
print(",".join("'%s'" % k for k, tags in re.findall(r'\("(\w+)", "[^"]*"(?:, \[([^]]*)\])?\)', b)
               if '"labour"' in tags))
EOF
)
labourer() {    # IN|NOT: a current member of a household without a case
    q "$DB" "select p.id_no || ',' || p.name from person p join household h on h.id = p.household_id where p.in_household = 1 and h.hh_type = '2' and h.id not in (select household_id from monitor_case) and p.id_no is not null and p.id_no not in (select id_no from dept_warning) and coalesce(p.labour, '') $1 ($able) order by p.id limit 1"
}
L1=$(labourer in); L2=$(labourer "not in")
sheet rs.csv "身份证号,姓名,失业情况,登记日期" "${L1},失业登记,2026-11-15" "${L2},失业登记,2026-11-15"
zx --db "$DB" import dept --source 人社 "$T/rs.csv"
is "$rc" 0 "人社 reads the sheet"
is "$(warned "$L1")" 1 "an unemployed member with labour ability ($able): a warning"
is "$(warned "$L2")" 0 "one without labour ability: none"
has "$OUT" "未达到规则：1 条" "counted under the rule not met"

# --- events: 民政, 残联, 应急 -------------------------------------------
# A monitored household with the risk 因残 and one without.
M1=$(person "" monitored 0); M2=$(person "" monitored 1)
hh1=$(q "$DB" "select household_id from person where id_no = '${M1%%,*}'")
hh2=$(q "$DB" "select household_id from person where id_no = '${M2%%,*}'")
q "$DB" "delete from case_risk where case_id = (select id from monitor_case where household_id = $hh1) and pos > 1;
  update case_risk set risk = '03' where case_id = (select id from monitor_case where household_id = $hh1);
  delete from case_risk where case_id = (select id from monitor_case where household_id = $hh2) and pos > 1;
  update case_risk set risk = '01' where case_id = (select id from monitor_case where household_id = $hh2)"
DEPT=disability
sheet cl.csv "身份证号,姓名,残疾类别等级,发证日期" "${M1},肢体三级,2026-11-02" "${M2},肢体三级,2026-11-02"
zx --db "$DB" import dept --source 残联 "$T/cl.csv"
is "$(warned "$M1")" 0 "残联: a household monitored for 因残 already gives no warning"
is "$(warned "$M2")" 1 "one monitored for another risk does"
has "$OUT" "该户已因此风险纳入监测或核实中：1 条" "the report counts the one already followed"

for src in 民政:救助类别:低保 应急:受灾情况:房屋倒损; do
    name=${src%%:*}; rest=${src#*:}; col=${rest%%:*}; val=${rest#*:}
    X=$(person 2 "" 5)
    idcol=身份证号; namecol=姓名; [ "$name" = 应急 ] && namecol=户主姓名
    datecol=认定日期; [ "$name" = 应急 ] && datecol=受灾日期
    sheet ev.csv "$idcol,$namecol,$col,$datecol" "${X},$val,2026-11-15"
    zx --db "$DB" import dept --source "$name" "$T/ev.csv"
    DEPT=$(q "$DB" "select dept from dept_warning order by id desc limit 1")
    is "$(warned "$X")" 1 "$name: any new event is a warning"
done
zx --db "$DB" import dept --source 民政 "$T/ev.csv"
has "$ERR" "缺少民政格式（dept.conf）中的列" "a sheet of another department's layout is refused by its labels"

DEPT=medical
# --- a title above the header, as department sheets often have -------
W=$(person 1 "" 7)
sheet title.csv "2026年11月高额医疗费用预警名单,,," "填报单位：县医疗保障局,,,日期：2026-12-01" \
    "身份证号,姓名,个人自付费用,结算日期" "${W},99999,2026-11-30"
zx --db "$DB" import dept --source 医保 "$T/title.csv"
is "$rc:$(warned "$W")" "0:1" "rows above the header are skipped"

# --- bad rows: by row and column, nothing written ---------------------
n0=$(warnings); a0=$(audits)
G=$(person 1 "" 3)
sheet bad.csv "身份证号,姓名,个人自付费用,结算日期" \
    "${G},99999,2026-11-30" \
    "519901201803280022,甲,99999,2026-11-30" \
    "5.19901E+17,乙,99999,2026-11-30" \
    "${G%%,*},丙,一万,2026-11-30" \
    "${G%%,*},丁,-5,2026-02-30" \
    "${G%%,*},戊,99999,2027-01-01"
zx --db "$DB" import dept --source 医保 "$T/bad.csv"
is "$rc" 1 "a sheet with bad rows is refused"
has "$ERR" "有 6 个问题；未导入任何数据" "every problem is counted"
has "$ERR" "第 3 行，身份证号 列：" "a wrong check digit by row and column"
has "$ERR" "第 4 行，身份证号 列：Excel" "an ID Excel turned into a number"
has "$ERR" "第 5 行，个人自付费用 列：" "an amount that is no number"
has "$ERR" "第 6 行，结算日期 列：" "a day the calendar lacks"
has "$ERR" "第 7 行，结算日期 列：日期晚于导入日期" "a date after the import"
is "$(warnings)" "$n0" "no warning was written"
is "$(audits)" "$a0" "and no audit row"
{ echo "身份证号,姓名,个人自付费用,结算日期"; seq 1 600 | sed 's/.*/519901201803280022,某,1,2026-11-30/'; } >"$T/many.csv"
zx --db "$DB" import dept --source 医保 "$T/many.csv"
has "$ERR" "另有 100 个问题未列出" "the first 500 problems are listed, the rest counted"
is "$(grep -c '行，身份证号 列' "$ERR")" 500 "500 of them"
sheet nocol.csv "身份证号,姓名,金额"
zx --db "$DB" import dept --source 医保 "$T/nocol.csv"
has "$ERR" "个人自付费用, 结算日期" "a missing column is named by its label"
zx --db "$DB" import dept --source 公安 "$T/yb.csv"
is "$rc" 1 "an unknown department is refused"
has "$ERR" "现有：医保, 民政, 残联, 应急, 教育, 教育辍学, 人社" "naming those dept.conf has"

# --- dry run ------------------------------------------------------------
D=$(person 1 "" 4)
sheet dry.csv "身份证号,姓名,个人自付费用,结算日期" "${D},99999,2026-11-30"
zx --db "$DB" import dept --source 医保 --dry-run "$T/dry.csv"
has "$OUT" "将新增预警 1 条" "--dry-run says what it would store"
has "$OUT" "试导入：未写入任何数据" "and that it wrote nothing"
is "$(warnings)" "$n0" "and writes nothing"
a0=$(q "$DB" "select count(*) from audit")
zx --db "$DB" import dept --source 医保 --date 2099-01-01 "$T/dry.csv"
is "$rc" 1 "a date of the import after today is refused"
has "$ERR" "导入日期不能晚于今天" "saying so in Chinese"
is "$(warnings):$(q "$DB" "select count(*) from audit")" "$n0:$a0" "and nothing is written"

# --- a township account ------------------------------------------------
me=$(id -un)
town=$(q "$DB" "select township_id from person p join household h on h.id = p.household_id where p.id_no = '${D%%,*}'")
Y=$(q "$DB" "select p.id_no || ',' || p.name from person p join household h on h.id = p.household_id where h.township_id <> $town and p.in_household = 1 and h.hh_type = '1' and p.id_no not in (select id_no from dept_warning) and h.id not in (select household_id from monitor_case) order by p.id limit 1")
q "$DB" "update staff set role = 'township', scope_id = $town where login = '$me'"
sheet town.csv "身份证号,姓名,个人自付费用,结算日期" "${D},99999,2026-11-30" "${Y},99999,2026-11-30"
zx --db "$DB" import dept --source 医保 "$T/town.csv"
is "$rc" 0 "a township account imports"
is "$(warned "$D")" 1 "the warnings of its township"
is "$(warned "$Y")" 0 "and not another township's"
has "$OUT" "不在您管辖范围内的户，未导入（1 条）" "which it lists"
q "$DB" "update staff set role = 'viewer', scope_id = NULL where login = '$me'"
n0=$(warnings)
zx --db "$DB" import dept --source 医保 "$T/town.csv"
is "$rc:$(warnings)" "2:$n0" "a read-only account imports nothing"
q "$DB" "update staff set role = 'admin', scope_id = NULL where login = '$me'"

# --- GB18030, as Excel on Chinese Windows saves a CSV --------------------
Z=$(person 1 "" 6)
sheet gb.csv "身份证号,姓名,个人自付费用,结算日期" "${Z},99999,2026-11-30"
iconv -f UTF-8 -t GB18030 "$T/gb.csv" >"$T/gb2.csv"
zx --db "$DB" import dept --source 医保 "$T/gb2.csv"
is "$(q "$DB" "select name from dept_warning where id_no = '${Z%%,*}'")" "${Z#*,}" "a GB18030 sheet is read with its names"

# --- XLSX, as staff save from Excel or WPS ------------------------------
# xlsx FILE ROW...: a minimal workbook; ROW is comma-separated, "#N" a
# number cell, anything else a text cell.
cat >"$T/mkxlsx.py" <<'PY'
import sys, zipfile
from xml.sax.saxutils import escape
def col(i): return "ABCDEFGHIJ"[i]
def cell(r, i, v):
    ref = "%s%d" % (col(i), r)
    if isinstance(v, (int, float)):
        return '<c r="%s"><v>%s</v></c>' % (ref, repr(v))
    return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, escape(v))
rows = []
for a in sys.argv[2:]:
    vals = []
    for x in a.split(","):
        if x.startswith("#"):
            vals.append(float(x[1:]) if "." in x else int(x[1:]))
        else:
            vals.append(x)
    rows.append(vals)
sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
         + "".join('<row r="%d">%s</row>' % (r + 1, "".join(cell(r + 1, i, v) for i, v in enumerate(vs)))
                   for r, vs in enumerate(rows))
         + '</sheetData></worksheet>')
z = zipfile.ZipFile(sys.argv[1], "w")
z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="预警" sheetId="1" r:id="rId1"/></sheets></workbook>')
z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
z.writestr("xl/worksheets/sheet1.xml", sheet)
z.close()
PY
xlsx() { python3 "$T/mkxlsx.py" "$@"; }
X=$(person 1 "" 8)
xlsx "$T/yb.xlsx" "身份证号,姓名,个人自付费用,结算日期" "${X},#99999.5,2026-11-30"
zx --db "$DB" import dept --source 医保 "$T/yb.xlsx"
is "$(q "$DB" "select value from dept_warning where id_no = '${X%%,*}'")" "99999.50" "an XLSX sheet is read, its number cell as the amount"
xlsx "$T/num.xlsx" "身份证号,姓名,个人自付费用,结算日期" "#519901201803280021,某,#99999,2026-11-30"
zx --db "$DB" import dept --source 医保 "$T/num.xlsx"
has "$ERR" "第 2 行，身份证号 列：Excel 把身份证号变成了数字" "an ID number Excel stored as a number is named as such"

# --- the feedback sheet (核实反馈表) -------------------------------------
FT=$(q "$DB" "select t.name from person p join household h on h.id = p.household_id join division t on t.id = h.township_id where p.id_no = '${P2%%,*}'")
fid=$(q "$DB" "select id from dept_warning where id_no = '${P2%%,*}' and dept = 'medical'")
q "$DB" "update dept_warning set status = 'rejected', reason = '已享受医疗救助', decided_by = 'xz01', decided_on = '2026-12-01', version = version + 1 where id = $fid"
nfb=$(q "$DB" "select count(*) from dept_warning w join household h on h.id = w.household_id where w.dept = 'medical' and h.township_id = (select id from division where name = '$FT' and level = 2)")
zx --db "$DB" print feedback "$FT" --source 医保 --format text -o -
is "$rc" 0 "print feedback TOWNSHIP --source 医保 prints the township's sheet"
has "$OUT" "部门筛查预警核实反馈表" "titled 核实反馈表"
has "$OUT" "已享受医疗救助" "with the reason a warning was closed"
has "$OUT" "${P2#*,}" "and the person"
hasnt "$OUT" "${P2%%,*}" "the ID number masked"
zx --db "$DB" print feedback "$FT" --source 医保 -o "$T/fb.csv"
is "$rc" 0 "-o FILE.csv writes it as a sheet"
is "$(head -c 3 "$T/fb.csv" | od -An -tx1 | tr -d ' ')" "efbbbf" "UTF-8 with a byte-order mark"
has "$T/fb.csv" "核实结果" "Chinese headers"
is "$(($(wc -l <"$T/fb.csv") - 1))" "$nfb" "one row per warning of the township"
is "$(q "$DB" "select count(*) from audit where op = 'export' and tbl = 'dept_warning' and new = '$T/fb.csv'")" 1 "audited as an export"
is "$(q "$DB" "select nrows from audit where op = 'export' and tbl = 'dept_warning' and new = '$T/fb.csv'")" "$nfb" "the audit row says how many rows the sheet holds"
zx --db "$DB" print feedback "$FT" --source 医保 -o "$T/fb.xlsx"
python3 - "$T/fb.xlsx" <<'PY' >"$T/types"
import re, sys, zipfile
x = zipfile.ZipFile(sys.argv[1]).read("xl/worksheets/sheet1.xml").decode()
cells = dict(re.findall(r'<c r="([A-Z]+2)"([^>]*)>', x))
print("F2", "text" if 't="' in cells["F2"] else "number")
print("G2", "text" if 't="' in cells["G2"] else "number")
PY
has "$T/types" "F2 text" "in XLSX the ID number is text"
has "$T/types" "G2 number" "and the amount a number"
mkfifo "$T/fb.fifo"
ln -s "$T/fb.csv" "$T/fb.link"
before=$(q "$DB" "select count(*) from audit where tbl = 'dept_warning' and op = 'export'")
zx --db "$DB" print feedback "$FT" --source 医保 -o "$T/fb.fifo" --force
[ "$rc" -ne 0 ] && [ -p "$T/fb.fifo" ]
ok $? "-o a FIFO with --force is refused and left a FIFO"
zx --db "$DB" print feedback "$FT" --source 医保 -o "$T/fb.link" --force
[ "$rc" -ne 0 ] && [ -L "$T/fb.link" ]
ok $? "-o a symbolic link with --force is refused and left a link"
is "$(q "$DB" "select count(*) from audit where tbl = 'dept_warning' and op = 'export'")" "$before" "neither refused sheet left an audit row"
q "$DB" "update staff set role = 'township', scope_id = (select id from division where level = 2 and name <> '$FT' limit 1) where login = '$me'"
zx --db "$DB" print feedback "$FT" --source 医保 --format text -o -
is "$rc" 2 "a township account cannot print another township's sheet"
q "$DB" "update staff set role = 'admin', scope_id = NULL where login = '$me'"

# --- export warnings: every warning as a sheet (x on 预警核实) ----------
nw=$(q "$DB" "select count(*) from dept_warning")
zx --db "$DB" export warnings -o "$T/w.csv"
is "$rc" 0 "export warnings writes the warnings as a sheet"
is "$(($(wc -l <"$T/w.csv") - 1))" "$nw" "one row per warning"
has "$T/w.csv" "部门,乡镇/村,户编号,姓名,证件号码,数值" "with Chinese headers"
has "$T/w.csv" "医保,$FT/" "the department by its name, the place"
has "$T/w.csv" "已享受医疗救助" "the reason a warning was closed"
hasnt "$T/w.csv" "${P2%%,*}" "ID numbers masked"
is "$(q "$DB" "select nrows from audit where op = 'export' and tbl = 'dept_warning' and new = '$T/w.csv'")" "$nw" "audited with its rows"
zx --db "$DB" export warnings --township "$FT" -o "$T/wt.csv"
is "$(($(wc -l <"$T/wt.csv") - 1))" "$(q "$DB" "select count(*) from dept_warning w join household h on h.id = w.household_id where h.township_id = (select id from division where name = '$FT' and level = 2)")" "--township: the township's warnings"
VL=$(q "$DB" "select t.name || '/' || v.name from division v join division t on t.id = v.parent_id where v.level = 3 limit 1")
zx --db "$DB" export warnings --village "$VL" -o "$T/wv.csv"
is "$rc" 1 "--village is refused for the warnings"
has "$ERR" "部门预警按乡镇导出" "saying they go by township"
finish
