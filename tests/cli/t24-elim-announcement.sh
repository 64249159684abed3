#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t24-elim-announcement.sh - the county's announcement of risk elimination
# (风险消除公告, issue 17 3): `zhenxing print elimination [PLACE] [--from
# DATE --to DATE]` lists the households whose risk was eliminated in the
# period, in the wording of the seeds, laid out as the golden file; no ID
# or phone number, nothing of health; as PDF; audited before it leaves,
# one row per household; the period defaults to this quarter; the
# account's scope.
. "${top_srcdir:-.}/tests/cli/lib.sh"
need sqlite3

plan 23

GOLD="$top_srcdir/tests/data/print"
DB="$DEFAULT_DB"
mkdir -p "$(dirname "$DB")"
demo_db "$DB" 1500
elim() { q "$DB" "select count(*) from audit where op = 'print' and field = 'elimination'"; }

# The township with the most eliminations from January to September 2026.
row=$(q "$DB" "select t.id, t.name, count(*) from monitor_case c join household h on h.id = c.household_id
  join division t on t.id = h.township_id where c.state = 'eliminated'
  and c.eliminated_on between '2026-01-01' and '2026-09-30'
  group by t.id order by 3 desc, t.name limit 1")
tid=${row%%|*}
rest=${row#*|}
town=${rest%|*}
count=${rest#*|}
[ "$count" -gt 0 ]
ok $? "the demo has eliminations in $town in 2026 ($count)"

zx print elimination "$town" --from 2026-01-01 --to 2026-09-30 --format text -o "$T/ann.txt"
is "$rc" 0 "print elimination writes a text file"
cmp -s "$T/ann.txt" "$GOLD/elimination-announcement.txt"
ok $? "the announcement is laid out as the golden file"
[ $? -eq 0 ] || diff "$GOLD/elimination-announcement.txt" "$T/ann.txt" | head -20 | sed 's/^/# /'
has "$T/ann.txt" "防止返贫监测对象风险消除公告" "titled as the county's announcement"
has "$T/ann.txt" "健全防止返贫动态监测和帮扶机制" "in the wording of the seeds"
has "$T/ann.txt" "于2026年1月1日至2026年9月30日期间风险已消除，现予公告" "stating the period"
has "$T/ann.txt" "青山县人民政府" "published by the county"
is "$(grep -c "^ *[0-9][0-9]*  $town" "$T/ann.txt")" "$count" "one line per household eliminated in the period"

! grep -Eq '[0-9]{17}[0-9Xx]|[0-9]{6}\*{8}' "$T/ann.txt"
ok $? "no ID number, whole or masked"
q "$DB" "select phone from household where phone <> '' union select phone from person where phone <> ''" >"$T/phones"
! grep -Fqf "$T/phones" "$T/ann.txt"
ok $? "no phone number"
! grep -Eq '健康|残疾|患病|因病' "$T/ann.txt"
ok $? "nothing about health or the risks"

is "$(elim)" "$count" "one audit row per household announced"

zx print elimination "$town" --from 2026-01-01 --to 2026-09-30 -o "$T/ann.pdf"
is "$rc" 0 "as PDF by default"
pdftotext "$T/ann.pdf" - | tr -d ' ' >"$T/ann.pdf.txt"
has "$T/ann.pdf.txt" "风险消除公告" "its Chinese text can be extracted (pdftotext)"

zx print elimination --format text -o -
is "$rc" 0 "without a place: the county, without a period: this quarter"
has "$OUT" "于2026年10月1日至2026年11月22日期间" "from the quarter's first day to today"

zx print elimination "$town" --from 2020-01-01 --to 2020-03-31 --format text -o -
is "$rc" 2 "a period without eliminations prints nothing"
has "$ERR" "没有风险消除的农户" "and says so"

# A township account sees only its own township.
me=$(id -un)
q "$DB" "update staff set role = 'township', scope_id = (select id from division where level = 2 and id <> $tid limit 1) where login = '$me'"
zx print elimination "$town" --from 2026-01-01 --to 2026-09-30 --format text -o -
is "$rc" 2 "another township's announcement is refused"
has "$ERR" "不在您的管辖范围内" "saying it is outside the scope"
own=$(q "$DB" "select name from division where id = (select scope_id from staff where login = '$me')")
zx print elimination --from 2021-01-01 --to 2026-11-22 --format text -o -
is "$rc" 0 "without a place a township account gets its own township"
has "$OUT" "青山县 $own" "named under the title"
hasnt "$OUT" "  $town  " "and no household of another township"
finish
