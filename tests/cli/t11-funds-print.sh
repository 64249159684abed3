#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t11-funds-print.sh - zhenxing print projects|allocation|assets: the
# project publicity lists (village, township, county) and the plan's
# announcement, the fund allocation announcement and the asset ledger, as
# text (compared with golden files; 78 columns, pages of 66 lines) and as
# PDF (read back with pdftotext); no ID or mobile number on the public
# prints, even typed into a description; totals that add up to the fen;
# one audit row per project, receipt or asset shown; the account's scope;
# usage errors.  The database is made here (zhenxing init, the places,
# receipts, projects, allocations and assets in SQL), independent of the
# demo generator.
. "${top_srcdir:-.}/tests/cli/lib.sh"
need sqlite3
need python3

plan 53

GOLD="$top_srcdir/tests/data/print"
DB="$DEFAULT_DB"
mkdir -p "$(dirname "$DB")"

# funds_db FILE: a county of two townships and three villages with one
# household, four receipts, nine projects in every stage, their
# allocations, and six assets of the three classes with their income.
funds_db() {
    "$ZHENXING" --db "$1" init --province 51 --county 青山县 >/dev/null 2>&1 || return 1
    sqlite3 -batch "$1" <<'SQL'
PRAGMA foreign_keys = ON;
BEGIN;
-- The places: two townships and three villages under the county (id 1).
INSERT INTO division(id, level, parent_id, name) VALUES
  (2, 2, 1, '金茶镇'), (3, 2, 1, '北柳镇'),
  (10, 3, 2, '清永村'), (11, 3, 2, '龙西村'), (12, 3, 3, '场茶村');
-- One household, for the household asset; its phone must never show.
INSERT INTO household(id, hh_no, township_id, village_id, hh_type, phone,
                      created_at, updated_at)
  VALUES (1, '5199010020100001', 2, 10, '1', '13912345678', '2026-01-05', '2026-01-05');
-- Receipts.
INSERT INTO fund(id, year, level, fund_type, task_line, batch, doc_no, title,
                 amount, received_on, created_at, updated_at) VALUES
  (1, 2026, '1', '01', '1', '第一批', '川财农〔2026〕12号',
   '2026年中央财政衔接推进乡村振兴补助资金（第一批）', 300000000, '2026-01-15', 'x', 'x'),
  (2, 2026, '4', '01', NULL, NULL, '青财农〔2026〕3号', '2026年县级衔接资金',
   50000000, '2026-02-20', 'x', 'x'),
  (3, 2026, '1', '03', NULL, NULL, '青协〔2026〕1号', '2026年东西部协作资金',
   123456789, '2026-03-10', 'x', 'x'),
  (4, 2025, '2', '01', NULL, NULL, '川财农〔2025〕40号', '2025年省级衔接资金',
   20000000, '2025-03-01', 'x', 'x');
-- Projects.
INSERT INTO project(id, proj_no, name, year, ptype, township_id, village_id,
    implementer, proposer, state, budget, self_funds, hh_benefit, persons_benefit,
    hh_poor, persons_poor, hh_monitored, persons_monitored, period_start, period_end,
    content, linking, targets, created_at, updated_at) VALUES
  (1, '2026-0001', '清永村茶叶加工厂建设', 2026, '1', 2, 10, '金茶镇人民政府', '1',
   'implementing', 150000000, 10000000, 120, 450, 30, 100, 5, 15, '2026-03-01', '2026-10-31',
   '新建茶叶加工厂房800平方米，购置揉捻机、烘干机等设备12台套。',
   '厂房由村集体所有，租给茶叶企业经营，租金的60%分配给脱贫户和监测户；优先雇用本村脱贫劳动力。联系人手机13812345678。',
   '年加工干茶50吨；村集体年增收4.8万元；带动120户增收。', 'x', 'x'),
  (2, '2026-0002', '清永村村组道路硬化', 2026, '3', 2, 10, '金茶镇人民政府', '1',
   'completed', 90000000, 0, 300, 1100, 60, 210, 8, 30, '2026-04-01', '2026-09-30',
   '硬化村组道路3.2公里，路面宽4.5米。施工负责人身份证号51990119800101001X。',
   NULL, '道路通达率100%；群众满意度95%以上。', 'x', 'x'),
  (3, '2026-0003', '龙西村光伏电站扩容', 2026, '1', 2, 11, '龙西村村民委员会', '1',
   'planned', 60000000, 0, 80, 260, 20, 70, 3, 9, '2026-05-01', '2026-12-31',
   '新增光伏组件100千瓦。', '发电收益的70%用于设置公益岗位，优先安排脱贫户和监测户。',
   '年发电量11万千瓦时；年收益3.6万元。', 'x', 'x'),
  (4, '2026-0004', '场茶村饮水工程', 2026, '3', 3, 12, '北柳镇人民政府', '1',
   'planned', 58456789, 0, 95, 340, 25, 88, 4, 12, '2026-04-15', '2026-08-31',
   '新建蓄水池200立方米，铺设管网6公里。', NULL, '解决340人饮水安全问题。', 'x', 'x'),
  (5, '2026-0005', '金茶镇就业帮扶车间', 2026, '2', 2, NULL, '金茶镇人民政府', '2',
   'township_publicized', 30000000, 5000000, 60, 60, 40, 40, 6, 6, NULL, NULL,
   '改造闲置厂房600平方米作为帮扶车间。', '吸纳脱贫劳动力就近就业。', '带动60人就业。', 'x', 'x'),
  (6, '2026-0006', '龙西村产业路', 2026, '3', 2, 11, '龙西村村民委员会', '1',
   'village_publicized', 40000000, 0, 150, 520, 35, 120, 2, 7, NULL, NULL,
   '新建产业路1.5公里。', NULL, '方便茶园运输。', 'x', 'x'),
  (7, '2026-0007', '清永村冷链仓储', 2026, '1', 2, 10, '清永村村民委员会', '1',
   'village_publicized', 80000000, 0, 200, 700, 45, 160, 6, 20, NULL, NULL,
   '新建冷库500立方米。', '冷库由村集体经营，收益按股分配。', '年周转果蔬800吨。', 'x', 'x'),
  (8, '2026-0008', '场茶村茶园提质', 2026, '1', 3, 12, '北柳镇人民政府', '1',
   'approved', 35000000, 0, 90, 300, 22, 80, 3, 10, NULL, NULL,
   '改造低产茶园500亩。', '由合作社统一管护，带动农户增收。', '亩产提高20%。', 'x', 'x'),
  (9, '2026-0009', '清永村文化广场', 2026, '4', 2, 10, '清永村村民委员会', '1',
   'rejected', 20000000, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, NULL, NULL, 'x', 'x');
INSERT INTO project_step(project_id, action, from_state, to_state, actor, at,
                         step_date, pub_start, pub_end, doc_no) VALUES
  (1, 'plan', 'approved', 'planned', 'root', 'x', '2026-02-28', NULL, NULL, '青府发〔2026〕8号'),
  (2, 'plan', 'approved', 'planned', 'root', 'x', '2026-02-28', NULL, NULL, '青府发〔2026〕8号'),
  (3, 'plan', 'approved', 'planned', 'root', 'x', '2026-02-28', NULL, NULL, '青府发〔2026〕8号'),
  (4, 'plan', 'approved', 'planned', 'root', 'x', '2026-02-28', NULL, NULL, '青府发〔2026〕8号'),
  (5, 'township_publicize', 'township_reviewed', 'township_publicized', 'root', 'x',
   '2026-11-10', '2026-11-10', '2026-11-19', NULL),
  (6, 'village_publicize', 'proposed', 'village_publicized', 'root', 'x',
   '2026-11-12', '2026-11-12', '2026-11-21', NULL),
  (7, 'village_publicize', 'proposed', 'village_publicized', 'root', 'x',
   '2026-11-12', '2026-11-12', '2026-11-21', NULL),
  (8, 'approve', 'county_argued', 'approved', 'root', 'x',
   '2026-11-01', '2026-11-01', '2026-11-10', '青乡振〔2026〕20号');
-- Allocations (no receipt overdrawn).
INSERT INTO allocation(fund_id, project_id, amount, alloc_date, doc_no, published_on,
                       created_at, updated_at) VALUES
  (1, 1, 80000000, '2026-03-15', '青财农〔2026〕15号', '2026-03-25', 'x', 'x'),
  (3, 1, 60000000, '2026-03-20', '青财农〔2026〕16号', '2026-03-30', 'x', 'x'),
  (1, 2, 70000000, '2026-03-15', '青财农〔2026〕15号', '2026-03-25', 'x', 'x'),
  (2, 2, 15000055, '2026-03-01', '青财农〔2026〕9号', NULL, 'x', 'x'),
  (1, 3, 60000000, '2026-04-01', '青财农〔2026〕21号', NULL, 'x', 'x'),
  (1, 4, 35000000, '2026-04-01', '青财农〔2026〕21号', NULL, 'x', 'x'),
  (3, 4, 23456789, '2026-04-02', '青财农〔2026〕22号', NULL, 'x', 'x');
-- Assets and their sources (value = the sum of the sources) and income.
INSERT INTO asset(id, asset_no, name, aclass, atype, project_id, year, township_id,
    village_id, household_id, scale, completed_on, owner_level, owner, operator, op_mode,
    maintainer, status, value, created_at, updated_at) VALUES
  (1, 'ZC2026-0001', '清永村组道路', '1', '11', 2, 2026, 2, 10, NULL, '3.2公里',
   '2026-09-30', '3', '清永村股份经济合作社', NULL, NULL, '清永村村民委员会', '1',
   85000055, 'x', 'x'),
  (2, 'ZC2026-0002', '茶叶加工厂', '2', '22', 1, 2026, 2, 10, NULL, '800平方米',
   '2026-10-31', '3', '清永村股份经济合作社', '青山县云雾茶业有限公司', '2',
   '清永村股份经济合作社', '1', 140000000, 'x', 'x'),
  (3, 'ZC2025-0003', '能繁母牛', '3', '31', NULL, 2025, 2, 10, 1, '2头',
   '2025-06-01', '4', NULL, NULL, '1', NULL, '1', 1600000, 'x', 'x'),
  (4, 'ZC2025-0004', '龙西村光伏电站', '2', '24', NULL, 2025, 2, 11, NULL, '100千瓦',
   '2025-08-01', '3', '龙西村股份经济合作社', NULL, '4', '龙西村村民委员会', '1',
   50000000, 'x', 'x'),
  (5, 'ZC2024-0005', '场茶村饮水池', '1', '13', NULL, 2024, 3, 12, NULL, '200立方米',
   '2024-07-01', '3', '场茶村股份经济合作社', NULL, NULL, '场茶村村民委员会', '2',
   12000000, 'x', 'x'),
  (6, 'ZC2024-0006', '金茶镇便民服务中心', '1', '19', NULL, 2024, 2, NULL, NULL, '1处',
   '2024-12-01', '2', '金茶镇人民政府', NULL, NULL, '金茶镇人民政府', '1',
   100000000, 'x', 'x');
INSERT INTO asset_source(asset_id, pos, fund_type, amount) VALUES
  (1, 1, '01', 70000000), (1, 2, '99', 15000055),
  (2, 1, '01', 80000000), (2, 2, '03', 60000000),
  (3, 1, '01', 1600000),
  (4, 1, '01', 45000000), (4, 2, '04', 5000000),
  (5, 1, '05', 12000000),
  (6, 1, '02', 100000000);
INSERT INTO asset_income(asset_id, year, income, to_households, households,
                         to_village, to_upkeep, created_at, updated_at) VALUES
  (2, 2025, 3000000, 1800000, 30, 1200000, 0, 'x', 'x'),
  (2, 2026, 4800000, 2880000, 35, 1920000, 0, 'x', 'x'),
  (4, 2025, 3650000, 2555000, 20, 1095000, 0, 'x', 'x');
COMMIT;
SQL
}
funds_db "$DB" || { echo "Bail out! the fixture database cannot be made"; exit 1; }
audits() { q "$DB" "select count(*) from audit where op = 'print' and tbl = '$1'"; }

# --- text prints, exactly as laid out -----------------------------------
zx print projects 2026 金茶镇 --format text -o "$T/projects.txt"
is "$rc" 0 "print projects writes the plan's announcement of a township"
cmp -s "$T/projects.txt" "$GOLD/projects.txt"
ok $? "the project announcement is laid out as the golden file"
[ $? -eq 0 ] || diff "$GOLD/projects.txt" "$T/projects.txt" | head -20 | sed 's/^/# /'
is "$(audits project)" 3 "one audit row per project shown"
zx print allocation --year 2026 --format text -o -
is "$rc" 0 "print allocation --year to standard output"
cp "$OUT" "$T/allocation.txt"
cmp -s "$T/allocation.txt" "$GOLD/allocation.txt"
ok $? "the allocation announcement is laid out as the golden file"
[ $? -eq 0 ] || diff "$GOLD/allocation.txt" "$T/allocation.txt" | head -20 | sed 's/^/# /'
is "$(audits fund)" 3 "one audit row per receipt shown"
zx print assets 金茶镇 --format text -o "$T/assets.txt"
is "$rc" 0 "print assets writes the ledger of a township"
cmp -s "$T/assets.txt" "$GOLD/assets.txt"
ok $? "the asset ledger is laid out as the golden file"
[ $? -eq 0 ] || diff "$GOLD/assets.txt" "$T/assets.txt" | head -20 | sed 's/^/# /'
is "$(audits asset)" 5 "one audit row per asset shown"
is "$(q "$DB" "select new from audit where op = 'print' and tbl = 'asset' limit 1")" \
    "file:$T/assets.txt" "saying where it went"
python3 -c '
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
sys.exit(any(w(l.rstrip("\n\f")) > 78 for f in sys.argv[1:] for l in open(f, encoding="utf-8")))
' "$T/projects.txt" "$T/allocation.txt" "$T/assets.txt"
ok $? "no line of the funds prints is wider than 78 columns"
awk 'BEGIN { RS = "\f" } { n = split($0, l, "\n"); if (n - 1 != 66 && n != 66) bad = 1 } END { exit bad }' \
    "$T/projects.txt" "$T/allocation.txt" "$T/assets.txt"
ok $? "every text page has 66 lines"
has "$T/assets.txt" "第 2 页 共 2 页" "the ledger runs on to a second page, numbered"

# --- nothing personal on the public prints ---------------------------------
zx print projects 2026 --stage village --format text -o "$T/village.txt"
for f in "$T/projects.txt" "$T/allocation.txt" "$T/village.txt"; do
    ! grep -Eq '[0-9]{17}[0-9Xx]' "$f"
    ok $? "no 18-digit ID number in $(basename "$f")"
    ! grep -Eq '1[3-9][0-9]{9}' "$f"
    ok $? "no mobile phone number in $(basename "$f")"
done
has "$T/projects.txt" "联系人手机***********。" "a phone typed into a description is blanked"
has "$T/projects.txt" "******************。" "and so is an ID number, its 18 stars on one line"
! grep -q 13912345678 "$T/projects.txt" "$T/allocation.txt" "$T/village.txt" "$T/assets.txt"
ok $? "the household's phone is on no print"
has "$T/assets.txt" "5199010020100001" "the internal ledger shows a household asset's household number"

# --- totals to the fen -----------------------------------------------------
python3 - "$T/projects.txt" "$T/allocation.txt" "$T/assets.txt" <<'PY'
import re, sys
fen = lambda s: int(s.replace(",", "").replace(".", ""))
AMT = re.compile(r"\d{1,3}(?:,\d{3})*\.\d\d")
def tables(path):
    """The amounts of the rows and of the total row of each table."""
    rows, out = [], []
    for line in open(path, encoding="utf-8"):
        if re.match(r"^\s+\d+\s", line):
            rows.append([fen(a) for a in AMT.findall(line)])
        elif "合计" in line and rows:
            out.append((rows, [fen(a) for a in AMT.findall(line)]))
            rows = []
    return out
bad = 0
projects, allocation, assets = sys.argv[1:]
for f in (projects, allocation):
    for rows, total in tables(f):
        for k in range(1, len(total) + 1):
            if sum(r[-k] for r in rows) != total[-k]:
                print("# %s: rows add up to %d, total %d" % (f, sum(r[-k] for r in rows), total[-k]))
                bad = 1
for a, b, c in re.findall(r"下达 (\S+) 元，已分配 (\S+) 元，尚未分配 (\S+) 元", open(allocation, encoding="utf-8").read()):
    bad |= fen(a) != fen(b) + fen(c)
text = open(assets, encoding="utf-8").read()
sub = [fen(m) for m in re.findall(r"小计：\d+ 项\s+(\S+)", text)]
summ = re.findall(r"^(\S+资产)\s+\d+\s+(\S+)$", text, re.M)
total = re.search(r"^合计\s+\d+\s+(\S+)$", text, re.M)
bad |= sub != [fen(v) for _, v in summ] or sum(sub) != fen(total.group(1))
sys.exit(bad)
PY
ok $? "every total is the sum of its rows, to the fen"

# --- the publicities --------------------------------------------------------
has "$T/village.txt" "项目申报村级公示" "--stage village: the village publicity"
has "$T/village.txt" "公示期为 10 天" "with the period from the projects' history"
has "$T/village.txt" "龙西村产业路" "listing the projects in village publicity"
hasnt "$T/village.txt" "清永村文化广场" "but no rejected project"
zx print projects 2026 金茶镇/清永村 --stage village --format text -o -
has "$OUT" "清永村村民委员会" "a village's list is published by its village committee"
hasnt "$OUT" "龙西村产业路" "and lists only the village's projects"
zx print projects 2026 北柳镇 --stage county --from 2026-11-23 --to 2026-12-04 --format text -o -
has "$OUT" "项目入库县级审定公示" "--stage county: the county publicity"
has "$OUT" "文号：青乡振〔2026〕20号" "with the approval's document number"
has "$OUT" "公示期为 12 天" "and the period given by --from and --to"
zx print projects 2026 --stage township --format text -o -
has "$OUT" "金茶镇就业帮扶车间" "--stage township lists the projects in township publicity"

# --- one receipt --------------------------------------------------------------
zx print allocation 青协〔2026〕1号 --format text -o "$T/one.txt"
is "$rc" 0 "a receipt is named by its document number"
has "$T/one.txt" "尚未分配 400,000.00 元" "its announcement says what is left"
zx print allocation 3 --format text -o -
cmp -s "$OUT" "$T/one.txt"
ok $? "or by its id, to the same print"
zx print allocation 无此文号 --format text -o -
is "$rc" 2 "an unknown document number is refused"

# --- PDF ----------------------------------------------------------------------
zx print projects 2026 金茶镇 -o "$T/projects.pdf"
is "$(head -c 5 "$T/projects.pdf")" "%PDF-" "the project announcement as a PDF"
pdftotext "$T/projects.pdf" - | tr -d ' ' >"$T/projects.pdf.txt"
has "$T/projects.pdf.txt" "年度项目实施计划公告" "its title can be read back (pdftotext)"
has "$T/projects.pdf.txt" "第1页" "with the page number"
zx print assets 金茶镇 -o "$T/assets.pdf"
pdftotext "$T/assets.pdf" - | tr -d ' ' >"$T/assets.pdf.txt"
has "$T/assets.pdf.txt" "项目资产台账" "the ledger as a PDF"
has "$T/assets.pdf.txt" "第1页" "numbered too"

# --- usage errors -------------------------------------------------------------
zx print projects
is "$rc" 1 "print projects without a year is a usage error"
zx print projects 2026 --stage nosuch
is "$rc" 1 "an unknown stage is a usage error"
zx print projects 2026 --from 2026-11-01
is "$rc" 1 "--from without --to is a usage error"
zx print allocation 3 --year 2026
is "$rc" 1 "a receipt and a year together are a usage error"

# --- scope ----------------------------------------------------------------
me=$(id -un)
q "$DB" "update staff set role = 'township', scope_id = (select id from division where name = '北柳镇') where login = '$me'"
zx print projects 2026 金茶镇 --format text -o "$T/other.txt"
is "$rc" 2 "a township account cannot print another township's projects"
has "$ERR" "不在您的管辖范围内" "saying it is outside the scope"
zx print assets --format text -o -
has "$OUT" "场茶村饮水池" "its ledger without a place is its own township's"
hasnt "$OUT" "清永村" "with nothing of the other township"
zx print allocation --year 2026 --format text -o -
has "$OUT" "本公告仅列出分配给北柳镇项目的资金" "its allocation announcement lists its own projects"
hasnt "$OUT" "清永村茶叶加工厂建设" "and no other"
finish
