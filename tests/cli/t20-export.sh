#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t20-export.sh - zhenxing export KIND: every kind once; the filters of the
# lists; the account's scope (a township account exports its township
# only); ID numbers masked unless --reveal, which the role must allow and
# the audit log records; the audit row of every export (kind, filters, rows,
# where) written before the file appears; destinations that are not
# ordinary files refused, changing nothing; the byte-order mark, GB18030
# bytes, and XLSX cells read back with zipfile and xml (IDs as strings,
# amounts as numbers); the file named after the kind, place and day.
. "${top_srcdir:-.}/tests/cli/lib.sh"
need sqlite3
need python3

plan 81

DB="$DEFAULT_DB"
mkdir -p "$(dirname "$DB")"
demo_db "$DB" 300 || { echo "Bail out! the demo database cannot be made"; exit 1; }
ME=$(id -un)
exports() { q "$DB" "select count(*) from audit where op = 'export'"; }
# lines FILE: the data rows of a CSV (its lines less the header)
lines() { echo $(($(wc -l <"$1") - 1)); }

# --- every kind ---------------------------------------------------------------
zx assess new resident-team 2026 --title "2026年度驻村工作队考核"
is "$rc" 0 "an assessment round to export"
for k in households members cases measures visits receipts projects allocations payments \
         assets indicators partners agreements arrivals teams attendance assessment; do
    zx export "$k" -o "$T/$k.csv"
    [ "$rc" -eq 0 ] && [ "$(lines "$T/$k.csv")" -gt 0 ]
    ok $? "export $k writes a CSV with rows"
done
is "$(lines "$T/households.csv")" 300 "the households: one row each"
is "$(lines "$T/members.csv")" "$(q "$DB" "select count(*) from person where in_household = 1")" \
    "the members: one row a current member"
is "$(lines "$T/receipts.csv")" "$(q "$DB" "select count(*) from fund")" "the receipts: one row each"
has "$OUT" "已导出" "the command says what it wrote"
has "$OUT" "$T/assessment.csv" "and where"
is "$(head -c 3 "$T/households.csv" | od -An -tx1 | tr -d ' ')" "efbbbf" \
    "a CSV begins with a byte-order mark (UTF-8 by default)"
is "$(head -1 "$T/households.csv" | tail -c +4 | cut -d, -f1-4)" "户编号,户主姓名,乡镇,行政村" \
    "its headers are Chinese"
zx export nosuch
is "$rc" 1 "an unknown kind is a usage error"
has "$ERR" "households" "listing the kinds"
zx export teams --category 脱贫不稳定户
is "$rc" 1 "a filter the kind does not take is a usage error"

# --- filters ----------------------------------------------------------------------
TWN=$(q "$DB" "select name from division where level = 2 order by id limit 1")
TWN_ID=$(q "$DB" "select id from division where level = 2 order by id limit 1")
zx export households --township "$TWN" -o "$T/twn.csv"
is "$(lines "$T/twn.csv")" "$(q "$DB" "select count(*) from household where township_id = $TWN_ID")" \
    "--township: the township's households"
is "$(col "$T/twn.csv" 乡镇 | sort -u)" "$TWN" "and no other township"
zx export households --state monitored -o "$T/mon.csv"
is "$(lines "$T/mon.csv")" "$(q "$DB" "select count(*) from monitor_case where state in
    ('monitored', 'elim_verified', 'elim_appraised', 'elim_publicizing', 'elim_township_reviewed')")" \
    "--state monitored: the monitoring objects"
zx export members --state monitored -o "$T/mon-m.csv"
[ "$(col "$T/mon-m.csv" 户编号 | sort -u)" = "$(col "$T/mon.csv" 户编号 | sort -u)" ]
ok $? "members --state monitored: the members of those households (the list's pages)"
zx export households --category 脱贫不稳定户 -o "$T/cat.csv"
is "$(col "$T/cat.csv" 监测对象类别 | sort -u)" "脱贫不稳定户" "--category by its label"
HH=$(q "$DB" "select hh_no from household order by id limit 1")
zx export households --search "$HH" -o "$T/search.csv"
is "$(col "$T/search.csv" 户编号)" "$HH" "--search finds the household as the list does"
zx export receipts --year 2026 -o "$T/r2026.csv"
is "$(col "$T/r2026.csv" 年度 | sort -u)" "2026" "--year on the receipts"
zx export households --all-columns -o "$T/all.csv"
head -1 "$T/all.csv" | grep -q "户主证件号码"
ok $? "--all-columns adds the columns not shown, the head's ID number among them"
zx export households --township 无此乡 -o "$T/none.csv"
[ "$rc" -ne 0 ] && [ ! -e "$T/none.csv" ]
ok $? "an unknown township is refused and nothing written"

# --- the audit row -------------------------------------------------------------------
before=$(exports)
zx export households --township "$TWN" -o "$T/aud.csv"
is "$(exports)" "$((before + 1))" "an export is one audit row"
row=$(q "$DB" "select actor || '|' || tbl || '|' || field || '|' || new from audit
               where op = 'export' order by id desc limit 1")
is "$row" "$ME|household|households|$T/aud.csv" "who, the table, the kind and where"
is "$(q "$DB" "select old from audit where op = 'export' order by id desc limit 1" |
      sed 's/.*rows=\([0-9]*\).*/\1/')" "$(lines "$T/aud.csv")" "with how many rows"
q "$DB" "select old from audit where op = 'export' order by id desc limit 1" |
    grep -q "revealed=0;township=$TWN_ID"
ok $? "whether revealed, and the filter"

# --- refused destinations change nothing ------------------------------------------------
before=$(exports)
mkfifo "$T/fifo"
echo keep >"$T/target"
ln -s "$T/target" "$T/link"
mkdir "$T/dir"
for d in /dev/null "$T/fifo" "$T/link" "$T/dir"; do
    zx export households -o "$d" --format csv --force
    is "$rc" 2 "$d is refused"
done
has "$ERR" "是一个目录" "saying what it is"
[ -p "$T/fifo" ] && [ -L "$T/link" ] && [ "$(cat "$T/target")" = keep ] && [ -d "$T/dir" ]
ok $? "the FIFO, the link, its target and the directory are as they were"
zx export households -o "$T/aud.csv"
is "$rc" 2 "an existing file without --force is refused"
is "$(exports)" "$before" "no audit row for a refused export"
ls -a "$T" | grep -q zxtmp
ok $((!$?)) "and no temporary file is left"
zx export households -o "$T/aud.csv" --force
is "$rc" 0 "--force replaces the file"
# The audit log refusing the row: nothing is delivered.
q "$DB" "create trigger no_export before insert on audit when new.op = 'export'
         begin select raise(abort, 'disk full'); end"
zx export households -o "$T/unaudited.csv"
[ "$rc" -ne 0 ] && [ ! -e "$T/unaudited.csv" ]
ok $? "when the audit row cannot be written, no file appears"
has "$ERR" "未导出" "saying nothing was exported"
ls -a "$T" | grep -q zxtmp
ok $((!$?)) "and the temporary file is gone"
q "$DB" "drop trigger no_export"

# --- masking and --reveal --------------------------------------------------------------
ID=$(q "$DB" "select id_no from person where in_household = 1 order by id limit 1")
zx export members -o "$T/masked.csv"
q "$DB" "select id_no from person where in_household = 1" >"$T/ids"
col "$T/masked.csv" 证件号码 | grep -qxFf "$T/ids"
ok $((!$?)) "ID numbers are masked by default"
grep -Eq '[0-9]{6}\*{8}[0-9X]{4}' "$T/masked.csv"
ok $? "as the first 6 and the last 4"
reveals=$(q "$DB" "select count(*) from audit where op = 'reveal'")
zx export members --reveal -o "$T/whole.csv"
is "$rc" 0 "--reveal for a role that may see whole numbers"
has "$T/whole.csv" "$ID" "the whole ID numbers are written"
is "$(q "$DB" "select count(*) from audit where op = 'reveal'")" "$((reveals + 1))" \
    "and the reveal is audited"
q "$DB" "select old from audit where op = 'export' order by id desc limit 1" | grep -q "revealed=1"
ok $? "the export's row says it revealed"

# --- scope: a township account ------------------------------------------------------------
q "$DB" "update staff set role = 'township', scope_id = $TWN_ID where login = '$ME'"
zx export households -o "$T/own.csv"
is "$rc" 0 "a township account exports"
is "$(lines "$T/own.csv")" "$(q "$DB" "select count(*) from household where township_id = $TWN_ID")" \
    "its township's households"
q "$DB" "select hh_no from household where township_id <> $TWN_ID" >"$T/others"
col "$T/own.csv" 户编号 | grep -qxFf "$T/others"
ok $((!$?)) "and no household number of another township"
zx export members -o "$T/own-m.csv"
col "$T/own-m.csv" 户编号 | grep -qxFf "$T/others"
ok $((!$?)) "its members likewise"
OTHER=$(q "$DB" "select name from division where level = 2 and id <> $TWN_ID limit 1")
zx export households --township "$OTHER" -o "$T/other.csv"
[ "$rc" -eq 2 ] && [ ! -e "$T/other.csv" ]
ok $? "another township is refused, nothing written"
has "$ERR" "不在您的管辖范围内" "saying it is outside the scope"

# --- a viewer reads, but may not reveal ---------------------------------------------------
q "$DB" "update staff set role = 'viewer', scope_id = 0 where login = '$ME'"
before=$(exports)
zx export projects -o "$T/viewer.csv"
is "$rc" 0 "a read-only account may export (it is reading)"
is "$(exports)" "$((before + 1))" "and it is audited"
zx export members --reveal -o "$T/viewer-m.csv"
[ "$rc" -eq 2 ] && [ ! -e "$T/viewer-m.csv" ]
ok $? "--reveal is refused to a viewer, nothing written"
q "$DB" "update staff set role = 'admin', scope_id = 0 where login = '$ME'"

# --- encodings ------------------------------------------------------------------------------
zx export households --township "$TWN" --encoding gb18030 -o "$T/gb.csv"
is "$rc" 0 "--encoding gb18030"
[ "$(head -c 3 "$T/gb.csv" | od -An -tx1 | tr -d ' ')" != "efbbbf" ]
ok $? "without a byte-order mark"
want=$(printf '%s' "$TWN" | iconv -f UTF-8 -t GB18030 | od -An -tx1 | tr -d ' \n')
od -An -tx1 "$T/gb.csv" | tr -d ' \n' | grep -q "$want"
ok $? "the township's name in GB18030 bytes"
is "$(col "$T/gb.csv" 乡镇 gb18030 | sort -u)" "$TWN" "read back as GB18030"

# --- file names and formats --------------------------------------------------------------------
zx export households --township "$TWN" --format csv
f="$HOME/监测对象_${TWN}_20261122.csv"
[ "$rc" -eq 0 ] && [ -f "$f" ]
ok $? "without -o: 监测对象_${TWN}_20261122.csv in the home directory"
has "$OUT" "$f" "and the path is said"
is "$(stat -c %a "$f")" 600 "an export is the user's alone (0600)"

# --- XLSX --------------------------------------------------------------------------------------
zx export members --township "$TWN" -o "$T/m.xlsx"
is "$rc" 0 "export to NAME.xlsx"
is "$(head -c 2 "$T/m.xlsx")" "PK" "-o NAME.xlsx writes XLSX (a ZIP)"
cat >"$T/cells.py" <<'EOF'
import re, sys, zipfile
import xml.etree.ElementTree as ET
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
z = zipfile.ZipFile(sys.argv[1])
shared = []
if "xl/sharedStrings.xml" in z.namelist():
    for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
        shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
rows = []
for r in sheet.iter("{%s}row" % NS["m"]):
    cells = {}
    for c in r.findall("m:c", NS):
        col = re.match(r"[A-Z]+", c.get("r")).group(0)
        t = c.get("t", "n")
        v = c.find("m:v", NS)
        if t == "s":
            val = shared[int(v.text)]
        elif t == "inlineStr":
            val = "".join(x.text or "" for x in c.iter("{%s}t" % NS["m"]))
        else:
            val = v.text if v is not None else ""
        cells[col] = ("s" if t in ("s", "inlineStr", "str") else t, val)
    rows.append(cells)
head = {v[1]: k for k, v in rows[0].items()}
want = sys.argv[2]
k = head[want]
print(" ".join(sorted({r[k][0] for r in rows[1:] if k in r})))
EOF
is "$(python3 "$T/cells.py" "$T/m.xlsx" 证件号码)" "s" "ID numbers are strings"
is "$(python3 "$T/cells.py" "$T/m.xlsx" 户编号)" "s" "household numbers are strings"
zx export receipts -o "$T/r.xlsx"
is "$(python3 "$T/cells.py" "$T/r.xlsx" "金额（元）")" "n" "amounts are numbers"
finish
