#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t13-assess-report.sh - an assessment round from the command line
# (zhenxing assess new|score|finalize|reopen) and its results (zhenxing
# report assessment): a round of the resident-team template over two demo
# teams, scored by hand; the absences indicator (A2: 15 less 3 a day of
# absence without leave, floored at 0) computed by hand from the
# attendance rows and compared with the CSV and the text print; the total
# is the sum of the top lines and the grade its band; the CSV quotes a
# note with a comma and quotes; finalizing freezes the results against a
# later attendance row, reopening (with a reason) lets them move; the PDF;
# the audit rows; bad input.
. "${top_srcdir:-.}/tests/cli/lib.sh"
need sqlite3
need python3
need pdftotext

plan 68

DB="$DEFAULT_DB"
mkdir -p "$(dirname "$DB")"
demo_db "$DB" 300 || { echo "Bail out! the demo database cannot be made"; exit 1; }
ME=$(id -un)
TEAM=$(q "$DB" "select min(id) from team")
T2=$(q "$DB" "select min(id) from team where id > $TEAM")
TEAMN=$(q "$DB" "select name from team where id = $TEAM")
# a member of the team serving all year, and a month of 2026 made to have
# no attendance row for him (the row comes back with absences later)
MEMBER=$(q "$DB" "select min(id) from team_member where team_id = $TEAM and end_on is null
                  and start_on <= '2026-01-01'")
q "$DB" "delete from attendance where member_id = $MEMBER and month = '2026-03'"
absences() {
    q "$DB" "select coalesce(sum(a.absent), 0) from attendance a
             join team_member m on m.id = a.member_id
             where m.team_id = $TEAM and a.month between '2026-01' and '2026-12'"
}
# A2 by hand: 15 less 3 for each day absent, not below 0
a2() { echo $(( $1 >= 5 ? 0 : 15 - 3 * $1 )); }
ABS=$(absences)
A2=$(a2 "$ABS")

# The CSV's Chinese headers as the English names the checks use: rows(FILE).
cat >"$T/rows.py" <<'EOF'
import csv, re
H = dict(zip(["考核轮次", "年度", "考核模板", "被考核单位编号", "被考核单位", "名次", "总分", "考核等次",
             "指标编码", "上级指标", "指标", "计分方法", "分值", "得分", "计分依据值", "计算说明",
             "备注", "佐证材料"],
            ["round_id", "year", "template", "unit_id", "unit", "rank", "total", "grade", "code",
             "parent", "name", "method", "max", "points", "input", "why", "note", "evidence"]))
def num(v):
    # amounts are written with two decimals: 12.00 reads as 12, -1.50 as -1.5
    return v.rstrip("0").rstrip(".") if re.fullmatch(r"-?[0-9]+\.[0-9]+", v) else v
def rows(f):
    for r in csv.DictReader(open(f, encoding="utf-8-sig", newline="")):
        yield {H[k]: num(v) for k, v in r.items()}
EOF
# csv FILE UNIT CODE COLUMN: one cell of the CSV (code "" for the summary row)
csv() {
    PYTHONPATH="$T" python3 - "$@" <<'EOF'
import sys
from rows import rows
f, unit, code, col = sys.argv[1:]
for r in rows(f):
    if r["unit_id"] == unit and r["code"] == code:
        print(r[col])
        break
EOF
}
# row FILE TEXT: the first line of FILE beginning with TEXT, blanks squeezed
row() { tr -s ' ' <"$1" | sed 's/^ //' | grep -m1 -F -- "$2" | grep -- "^$2"; }

# --- making and scoring the round -------------------------------------------
zx assess templates
has "$OUT" "resident-team" "assess templates lists the resident-team template"
zx assess new resident-team 2026 --unit "$TEAM" --unit "$T2" --title "2026年度驻村工作队考核"
is "$rc" 0 "assess new makes a round of two teams"
R=$(cat "$OUT")
is "$(q "$DB" "select count(*) from assess_unit where round_id = $R")" 2 "with the two units"
zx assess finalize "$R"
is "$rc" 1 "finalizing is refused while indicators scored by hand have no points"
has "$ERR" "B1" "naming them"
for u in "$TEAM" "$T2"; do
    for c in B1 B2 B3 B4; do
        zx assess score "$R" "$u" "$c" 8 --note "有待加强" || break
    done
    zx assess score "$R" "$u" C 9 --note '群众测评, 评价"较好"' --evidence "测评表2026-11"
done
is "$rc" 0 "the indicators scored by hand, with notes and evidence"
zx assess score "$R" "$TEAMN" D -1.5 --note "通报批评一次"
is "$rc" 0 "a negative bonus, the unit named by its team's name"
zx assess score "$R" "$TEAM" B1 7
is "$rc" 1 "points taken off without a note are refused"
zx assess score "$R" "$TEAM" B1 11 --note "x"
is "$rc" 1 "points beyond the maximum are refused"
zx assess score "$R" "$TEAM" A2 15 --note "x"
is "$rc" 1 "a computed indicator cannot be scored by hand"
zx assess score "$R" "$TEAM" B1 abc --note "x"
is "$rc" 1 "points that are not a number are refused"

# --- the CSV ------------------------------------------------------------------
zx report assessment --round "$R" --format csv -o "$T/r1.csv"
is "$rc" 0 "report assessment writes the CSV"
is "$(head -c 3 "$T/r1.csv" | od -An -tx1 | tr -d ' ')" "efbbbf" \
    "it begins with a byte-order mark, so that Excel reads it as UTF-8"
is "$(head -1 "$T/r1.csv" | tail -c +4 | tr -d '\r')" \
    "考核轮次,年度,考核模板,被考核单位编号,被考核单位,名次,总分,考核等次,指标编码,上级指标,指标,计分方法,分值,得分,计分依据值,计算说明,备注,佐证材料" \
    "with its header in Chinese, the columns as before"
is "$(csv "$T/r1.csv" "$TEAM" A2 input)" "$ABS" "A2's input is the team's days absent, counted by hand"
is "$(csv "$T/r1.csv" "$TEAM" A2 points)" "$A2" "A2 is 15 less 3 a day absent"
is "$(csv "$T/r1.csv" "$TEAM" D points)" "-1.5" "the bonus as a decimal with its sign"
is "$(csv "$T/r1.csv" "$TEAM" C note)" '群众测评, 评价"较好"' "a note with a comma and quotes reads back whole"
has "$T/r1.csv" '"群众测评, 评价""较好"""' "quoted as RFC 4180 says"
is "$(csv "$T/r1.csv" "$TEAM" C evidence)" "测评表2026-11" "the evidence"
is "$(csv "$T/r1.csv" "$TEAM" B points)" "32" "a heading's points are the sum of its lines"
TOTAL=$(csv "$T/r1.csv" "$TEAM" "" total)
PYTHONPATH="$T" python3 - "$T/r1.csv" "$TEAM" "$TOTAL" <<'EOF'
import sys
from decimal import Decimal
from rows import rows
unit = [r for r in rows(sys.argv[1]) if r["unit_id"] == sys.argv[2]]
top = sum(Decimal(r["points"]) for r in unit if r["code"] and not r["parent"])
sys.exit(top != Decimal(sys.argv[3]))
EOF
ok $? "the total ($TOTAL) is the sum of the top lines and the bonus"
is "$(csv "$T/r1.csv" "$TEAM" "" points)" "$TOTAL" "the summary row carries the total"
is "$(csv "$T/r1.csv" "$TEAM" "" method)" "total" "its method is total"
GRADE=$(python3 -c "
t = float('$TOTAL')
print('好' if t >= 90 else '较好' if t >= 80 else '一般' if t >= 60 else '较差')")
is "$(csv "$T/r1.csv" "$TEAM" "" grade)" "$GRADE" "the grade is the band of the total"
PYTHONPATH="$T" python3 - "$T/r1.csv" <<'EOF'
import sys
from decimal import Decimal
from rows import rows
tot = {}
for r in rows(sys.argv[1]):
    tot[r["unit_id"]] = (Decimal(r["total"]), int(r["rank"]))
ok = all(rk == 1 + sum(1 for t2, _ in tot.values() if t2 > t) for t, rk in tot.values())
sys.exit(not ok)
EOF
ok $? "each rank is one more than the units with more points (a tie shares it)"
is "$(grep -c . "$T/r1.csv")" 25 "a header and 12 rows a unit (a summary and 11 indicators)"
is "$(q "$DB" "select count(*) from audit where op = 'export' and tbl = 'assess_round' and row_id = $R")" 1 \
    "the CSV is recorded as an export of the round"
zx report assessment --round latest --format csv -o -
cmp -s "$OUT" "$T/r1.csv"
ok $? "--round latest is the newest round"
zx report assessment --round "$R" --format csv --unit "$TEAM"
is "$(grep -c . "$OUT")" 13 "--unit: the header and that unit's rows only"

# --- the text print ---------------------------------------------------------------
zx report assessment --round "$R" --format text -o "$T/r1.txt"
is "$rc" 0 "report assessment writes the text summary"
has "$T/r1.txt" "2026年度驻村工作队考核结果汇总" "titled with the round's title"
has "$T/r1.txt" "考核模板：驻村工作队年度考核" "naming the template by its title"
has "$T/r1.txt" "未定稿，分值可能变化" "saying the round is open"
has "$T/r1.txt" "名次" "with the ranking"
is "$(grep -c "考核评分表" "$T/r1.txt")" 2 "and the sheet of each unit"
zx report assessment --round "$R" --unit "$TEAM" --format text -o "$T/r1u.txt"
is "$(grep -c "考核评分表" "$T/r1u.txt")" 1 "--unit: the sheet of that unit only"
ROWS=$(q "$DB" "select count(*) from attendance a join team_member m on m.id = a.member_id
                where m.team_id = $TEAM and a.month between '2026-01' and '2026-12'")
is "$(row "$T/r1u.txt" "A2 无故缺勤")" "A2 无故缺勤 15 $A2 记录考勤${ROWS}人次，无故缺勤${ABS}天" \
    "A2 in the sheet with the points counted by hand, and its inputs"
has "$T/r1u.txt" "每发现1天无故缺勤扣3分" "and the method in words"
has "$T/r1u.txt" "佐证材料：测评表2026-11" "the evidence of a line scored by hand"
is "$(row "$T/r1u.txt" "D 加分和扣分")" "D 加分和扣分 - -1.5 通报批评一次" "the bonus with its sign"
sed -n '/^扣分情况/,$p' "$T/r1u.txt" >"$T/ded.txt"
is "$(row "$T/ded.txt" "B4 为民办事服务")" "B4 为民办事服务 2 有待加强" "a deduction with its reason"
is "$(row "$T/ded.txt" "D 加分和扣分")" "D 加分和扣分 1.5 通报批评一次" "a negative bonus among the deductions"
has "$T/r1u.txt" "总分：$TOTAL（满分100）" "the total"
has "$T/r1u.txt" "等次：$GRADE" "the grade"
has "$T/r1u.txt" "考核组组长（签字）：" "the signature of the group's head"
has "$T/r1u.txt" "审核人（签字）：" "and of the checker"
python3 -c '
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
sys.exit(any(w(l.rstrip("\n\f")) > 78 for l in open(sys.argv[1], encoding="utf-8")))
' "$T/r1.txt"
ok $? "no line of the summary is wider than 78 columns"
is "$(q "$DB" "select count(*) from audit where op = 'print' and tbl = 'assess_round' and row_id = $R")" 2 \
    "each print is recorded against the round"

# --- finalizing and reopening -------------------------------------------------------
zx assess finalize "$R"
is "$rc" 0 "the round is finalized"
q "$DB" "insert into attendance(member_id, month, present, leave, approver, approver_level, absent,
         created_at, updated_at) values ($MEMBER, '2026-03', 18, 0, null, null, 2, 'x', 'x')"
is "$(absences)" "$((ABS + 2))" "an attendance row with 2 days absent is added"
zx report assessment --round "$R" --format csv -o "$T/r2.csv"
cmp -s "$T/r1.csv" "$T/r2.csv"
ok $? "the final round's results do not move"
zx report assessment --round "$R" --format text -o -
who=$(q "$DB" "select c.name || ' ' || s.name from staff s, division c
               where s.login = '$ME' and c.parent_id is null")
has "$OUT" "已定稿（$who，" "the summary says who finalized it: unit and name"
zx assess score "$R" "$TEAM" B1 9 --note "x"
is "$rc" 1 "a score is refused in a final round"
zx assess reopen "$R"
is "$rc" 1 "reopening without a reason is refused"
zx assess reopen "$R" --reason "补录考勤"
is "$rc" 0 "reopening with a reason"
zx report assessment --round "$R" --format csv -o "$T/r3.csv"
is "$(csv "$T/r3.csv" "$TEAM" A2 points)" "$(a2 $((ABS + 2)))" "reopened, A2 counts the new absences"
is "$(q "$DB" "select group_concat(field) from audit where op = 'step' and tbl = 'assess_round'
               and row_id = $R")" "finalize,reopen" "finalizing and reopening audited as steps of the round"
zx report assessment --list
has "$OUT" "$(printf '%s\t2026\t2026年度驻村工作队考核\topen' "$R")" "--list: id, year, title, state"

# --- PDF ------------------------------------------------------------------------------
zx report assessment --round "$R" --format pdf -o "$T/r.pdf"
is "$(head -c 5 "$T/r.pdf")" "%PDF-" "the summary as a PDF"
pdftotext "$T/r.pdf" - | tr -d ' ' >"$T/r.pdf.txt"
has "$T/r.pdf.txt" "考核结果汇总" "its title can be read back (pdftotext)"
is "$(q "$DB" "select count(*) from audit where op = 'print' and tbl = 'assess_round' and row_id = $R")" 4 \
    "every print recorded"

# --- bad input --------------------------------------------------------------------------
zx report assessment --format csv
is "$rc" 1 "a report without --round is a usage error"
has "$ERR" "--round" "saying --round is needed"
zx report assessment --round 999 --format csv
is "$rc" 2 "an unknown round is refused"
has "$ERR" "999" "naming it"
zx report assessment --round "$R" --format xls
is "$rc" 1 "an unknown format is a usage error"
zx report assessment --round "$R" --unit 无此对象
is "$rc" 2 "an unknown unit is refused"
finish
