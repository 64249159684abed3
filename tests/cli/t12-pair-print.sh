#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t12-pair-print.sh - zhenxing print partner|attendance: a partner's
# targets against actuals for a year (amounts to the fen, rates,
# shortfalls, statuses judged on today's date, the year's records and
# their totals) and a resident team's monthly attendance (days required
# prorated for a member who came or left within the month, leave and
# who approved it, absences, the members breaking the rule), as text and
# PDF; one audit row per partner or member shown; usage errors.  The
# pairing data is made here by SQL in a demo database whose own pairing
# rows are cleared first.
. "${top_srcdir:-.}/tests/cli/lib.sh"
need sqlite3
need python3
need pdftotext

plan 63

DB="$DEFAULT_DB"
mkdir -p "$(dirname "$DB")"
demo_db "$DB" 300 || { echo "Bail out! the demo database cannot be made"; exit 1; }
clear_pairing "$DB"
TW=$(q "$DB" "select id from division where level = 2 order by id limit 1")
VI=$(q "$DB" "select id from division where level = 3 and parent_id = $TW order by id limit 1")
TWN=$(q "$DB" "select name from division where id = $TW")
VIN=$(q "$DB" "select name from division where id = $VI")

sqlite3 -batch "$DB" <<SQL || { echo "Bail out! the pairing rows cannot be made"; exit 1; }
PRAGMA foreign_keys = ON;
BEGIN;
INSERT INTO partner(id, kind, name, level, region, contact, phone, created_at, updated_at)
  VALUES (1, '1', '浙江省湖州市吴兴区', '4', '浙江省湖州市', '王联络', '0572-1234567', 'x', 'x'),
         (2, '4', '测试商会', '7', '四川省成都市', NULL, NULL, 'x', 'x');
INSERT INTO pairing(partner_id, township_id, village_id, start_on, end_on, created_at, updated_at)
  VALUES (1, NULL, NULL, '2021-05-01', NULL, 'x', 'x'),
         (1, $TW, $VI, '2025-03-01', NULL, 'x', 'x');
INSERT INTO agreement(id, partner_id, year, doc_no, signed_on, created_at, updated_at)
  VALUES (1, 1, 2026, '湖吴协〔2026〕3号', '2026-02-15', 'x', 'x'),
         (2, 1, 2025, '湖吴协〔2025〕2号', '2025-02-20', 'x', 'x');
INSERT INTO agreement_target(agreement_id, indicator, value, created_at, updated_at) VALUES
  (1, '01', 500000000, 'x', 'x'), (1, '02', 100000000, 'x', 'x'),
  (1, '06', 300, 'x', 'x'), (1, '12', 500, 'x', 'x'),
  (2, '01', 400000000, 'x', 'x');
INSERT INTO pair_record(partner_id, indicator, day, value, evidence, township_id, village_id,
                        created_at, updated_at) VALUES
  (1, '01', '2026-03-10', 200000000, '湖吴协〔2026〕12号', $TW, $VI, 'x', 'x'),
  (1, '01', '2026-09-01', 123456789, '湖吴协〔2026〕31号', NULL, NULL, 'x', 'x'),
  (1, '02', '2026-05-20', 99999999, '捐赠凭证0520', $TW, NULL, 'x', 'x'),
  (1, '06', '2026-06-30', 200, '劳务协作台账', NULL, NULL, 'x', 'x'),
  (1, '06', '2026-10-15', 110, '劳务协作台账', NULL, NULL, 'x', 'x'),
  (1, '12', '2026-08-01', 450, '培训签到表', NULL, NULL, 'x', 'x'),
  (1, '13', '2026-04-02', 3, '考察调研纪要', NULL, NULL, 'x', 'x'),
  (1, '01', '2025-06-01', 350000000, '湖吴协〔2025〕9号', NULL, NULL, 'x', 'x');
INSERT INTO team(id, township_id, village_id, name, sent_by, term_start, term_end,
                 created_at, updated_at)
  VALUES (1, $TW, $VI, '驻测试村工作队', '中国农业发展银行', '2025-01-01', '2026-12-31', 'x', 'x');
INSERT INTO team_member(id, team_id, name, role, unit, unit_level, start_on, end_on,
                        end_reason, created_at, updated_at) VALUES
  (1, 1, '甲书记', '1', '中国农业发展银行', '1', '2025-01-01', NULL, NULL, 'x', 'x'),
  (2, 1, '乙队长', '2', '四川省农业农村厅', '2', '2025-01-01', NULL, NULL, 'x', 'x'),
  (3, 1, '丙队员', '3', '青山县农业农村局', '4', '2026-10-16', NULL, NULL, 'x', 'x'),
  (4, 1, '丁队员', '3', '青山县财政局', '4', '2025-01-01', '2026-10-15', '1', 'x', 'x'),
  (5, 1, '戊队员', '3', '青山县教育局', '4', '2025-01-01', NULL, NULL, 'x', 'x'),
  (6, 1, '己队员', '3', '青山县水利局', '4', '2025-01-01', '2026-06-30', '3', 'x', 'x');
INSERT INTO attendance(member_id, month, present, leave, approver, approver_level, absent,
                       created_at, updated_at) VALUES
  (1, '2026-10', 22, 2, '张委员', '1', 0, 'x', 'x'),
  (2, '2026-10', 18, 5, '李部长', '2', 0, 'x', 'x'),
  (3, '2026-10', 12, 0, NULL, NULL, 0, 'x', 'x'),
  (4, '2026-10', 9, 0, NULL, NULL, 1, 'x', 'x'),
  (1, '2026-09', 23, 0, NULL, NULL, 0, 'x', 'x');
COMMIT;
SQL
audits() { q "$DB" "select count(*) from audit where op = 'print' and tbl = '$1'"; }
# row FILE TEXT: the first line of FILE beginning with TEXT once its blanks
# are squeezed to one
row() { tr -s ' ' <"$1" | grep -m1 -F -- "$2" | grep -- "^$2"; }
# row2 FILE TEXT: that line and the next, joined (a cell of two lines)
row2() {
    tr -s ' ' <"$1" | awk -v t="$2" 'index($0, t) == 1 { getline n; sub(/^ /, "", n); print $0 " " n; exit }'
}

# --- the partner's targets against actuals --------------------------------
zx print partner 浙江省湖州市吴兴区 --year 2026 --format text -o "$T/partner.txt"
is "$rc" 0 "print partner writes the sheet of a partner named in full"
has "$T/partner.txt" "帮扶单位年度目标任务完成情况表" "titled as the targets sheet"
has "$T/partner.txt" "2026年度" "of the year"
has "$T/partner.txt" "东西部协作" "with the partner's kind"
has "$T/partner.txt" "县级单位" "its level"
has "$T/partner.txt" "浙江省湖州市" "its region"
has "$T/partner.txt" "湖吴协〔2026〕3号" "the agreement's number"
has "$T/partner.txt" "全县（2021年5月1日起）" "its pairing with the county"
has "$T/partner.txt" "$TWN/$VIN（2025年3月1日起）" "and with a village"
is "$(row2 "$T/partner.txt" "财政援助 元")" \
    "财政援助 元 5,000,000.00 3,234,567.89 1,765,432.11 64.6% 进度滞后" \
    "fiscal aid: target, actual, rate, shortfall to the fen, behind the year's pace"
is "$(row2 "$T/partner.txt" "社会帮扶 元")" \
    "社会帮扶 元 1,000,000.00 999,999.99 0.01 99.9% 进度正常" \
    "social aid a fen short of its target, on pace"
is "$(row2 "$T/partner.txt" "转移协作地")" "转移协作地 人 300 310 0 103.3% 已完成" \
    "labour transfer beyond its target: met"
is "$(row2 "$T/partner.txt" "培训人次 人次")" "培训人次 人次 500 450 50 90.0% 进度正常" \
    "training short of its target but on pace"
is "$(row "$T/partner.txt" "领导调研")" "领导调研 人次 - 3 - 无目标" \
    "visits without a target"
is "$(row2 "$T/partner.txt" "资金合计")" \
    "资金合计 元 6,000,000.00 4,234,567.88 1,765,432.12 70.5% 进度滞后" \
    "the assistance funds added up to the fen"
has "$T/partner.txt" "全年时间已过 89%" "the share of the year gone is said"
is "$(row "$T/partner.txt" "2026-03-10")" "2026-03-10 财政援助 2,000,000.00元 湖吴协〔2026〕12号 $TWN/$VIN" \
    "a record: date, indicator, amount, evidence, place"
is "$(row "$T/partner.txt" "2026-06-30")" "2026-06-30 转移协作地 200人 劳务协作台账 全县" \
    "a count with its unit, for the whole county"
grep -n -- "2026-0[3-9]-\|2026-10-" "$T/partner.txt" | cut -d: -f1 | sort -n -c 2>/dev/null
ok $? "the records in date order"
hasnt "$T/partner.txt" "2025-06-01" "no record of another year"
has "$T/partner.txt" "记录 7 条，到位资金 4,234,567.88 元，其中帮扶资金 4,234,567.88 元" \
    "the records counted and their money added up to the fen"
has "$T/partner.txt" "填报单位（盖章）：" "a line for the reporting unit's seal"
has "$T/partner.txt" "审核人（签字）：" "and the checker's signature"
hasnt "$T/partner.txt" "0572-1234567" "no phone on the sheet"
is "$(audits partner)" 1 "the print is recorded against the partner"
is "$(q "$DB" "select row_id || field from audit where op = 'print' and tbl = 'partner'")" "1partner" \
    "naming the partner and the kind of print"
zx print partner 1 --year 2025 --format text -o -
is "$rc" 0 "a partner named by its id"
is "$(row2 "$OUT" "财政援助 元")" "财政援助 元 4,000,000.00 3,500,000.00 500,000.00 87.5% 未完成" \
    "a past year's target not reached is missed"
has "$OUT" "全年已结束" "and the year said to be over"
python3 -c '
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
sys.exit(any(w(l.rstrip("\n\f")) > 78 for l in open(sys.argv[1], encoding="utf-8")))
' "$T/partner.txt"
ok $? "no line of the partner's sheet is wider than 78 columns"

# --- the team's attendance -------------------------------------------------
zx print attendance "$TWN/$VIN" --month 2026-10 --format text -o "$T/att.txt"
is "$rc" 0 "print attendance writes the sheet of a village's team"
has "$T/att.txt" "驻村工作队员月度在岗情况表" "titled as the attendance sheet"
has "$T/att.txt" "2026年10月" "of the month"
has "$T/att.txt" "驻测试村工作队" "naming the team"
has "$T/att.txt" "2025年1月1日至2026年12月31日" "and its term"
is "$(row "$T/att.txt" "甲书记")" "甲书记 中国农业发展 22 20 2 张委员 0 达标" \
    "the secretary: 22 days of 20, 2 days' leave approved, meets the rule"
is "$(row "$T/att.txt" "乙队长")" "乙队长 四川省农业农 18 20 5 李部长 0 在村不足20天" \
    "the leader: 18 days of 20 with 5 days' county-approved leave, short"
has "$T/att.txt" "县委组织部" "county approval named"
has "$T/att.txt" "乡镇党委" "township approval named"
is "$(row "$T/att.txt" "丙队员")" "丙队员 青山县农业农 12 11 0 - 0 达标" \
    "a member who came on the 16th needs 11 of 20 days, prorated"
has "$T/att.txt" "16日到村" "saying when he came"
is "$(row "$T/att.txt" "丁队员")" "丁队员 青山县财政局 9 10 0 - 1 在村不足10天" \
    "a member who left on the 15th needed 10 days and was absent once"
has "$T/att.txt" "无故缺勤1天" "the absence stated"
is "$(row "$T/att.txt" "戊队员")" "戊队员 青山县教育局 - 20 - - - 未填报" \
    "a member without a record: not reported"
hasnt "$T/att.txt" "己队员" "no member who left before the month"
has "$T/att.txt" "本月在岗队员 5 人，其中 2 人未达到在岗要求" "the members breaking the rule counted"
has "$T/att.txt" "1 名队员本月未填报考勤" "and those without a record"
has "$T/att.txt" "驻村工作队长（签字）：" "the team leader signs"
has "$T/att.txt" "乡镇党委审核（盖章）：" "the township party committee reviews"
is "$(audits team_member)" 5 "one audit row per member shown"
zx print attendance 1 --month 2026-10 --format text -o -
cmp -s "$OUT" "$T/att.txt"
ok $? "a team named by its id gives the same sheet"
zx print attendance "$TWN" --month 2026-09 --format text -o -
has "$OUT" "甲书记" "a township's teams in another month"
python3 -c '
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
sys.exit(any(w(l.rstrip("\n\f")) > 78 for l in open(sys.argv[1], encoding="utf-8")))
' "$T/att.txt"
ok $? "no line of the attendance sheet is wider than 78 columns"

# --- PDF ---------------------------------------------------------------------
zx print partner 浙江省湖州市吴兴区 --year 2026 -o "$T/partner.pdf"
is "$(head -c 5 "$T/partner.pdf")" "%PDF-" "the partner's sheet as a PDF"
zx print attendance 1 --month 2026-10 -o "$T/att.pdf"
is "$(head -c 5 "$T/att.pdf")" "%PDF-" "the attendance sheet as a PDF"
pdftotext "$T/partner.pdf" - | tr -d ' ' >"$T/partner.pdf.txt"
has "$T/partner.pdf.txt" "1,765,432.11" "the shortfall can be read back (pdftotext)"
pdftotext "$T/att.pdf" - | tr -d ' ' >"$T/att.pdf.txt"
has "$T/att.pdf.txt" "在村不足20天" "and the attendance judgement"

# --- bad input ------------------------------------------------------------------
zx print partner 无此单位 --year 2026 --format text -o -
is "$rc" 2 "an unknown partner is refused"
has "$ERR" "无此单位" "naming it"
zx print partner 浙江省湖州市吴兴区 --format text -o -
is "$rc" 1 "a partner without --year is a usage error"
has "$ERR" "--year" "saying --year is needed"
zx print attendance 1 --month 2026-13 --format text -o -
is "$rc" 1 "month 2026-13 is a usage error"
has "$ERR" "2026-13" "quoting it"
finish
