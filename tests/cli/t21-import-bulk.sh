#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t21-import-bulk.sh - the bulk import (into an empty county: indexes
# put off and made again at the end, no household or person looked up)
# stores exactly what the ordinary one does: the demo county's national
# sheet imported whole into one empty county, and in two halves into another (the first into an empty county,
# a bulk import too; the second, of 550 households into a county that has
# households, the ordinary one: indexes and the search index kept row by
# row, each household and person looked up); every table compared row
# for row (the clock columns left out), the search index term for term,
# and what a search finds.
. "${top_srcdir:-.}/tests/cli/lib.sh"
need sqlite3
plan 15

export LANG=zh_CN.UTF-8
zx --db "$T/demo.db" demo --households 1100 --seed 5
county=$(q "$T/demo.db" "select name from division where level = 1")
zx --db "$T/demo.db" export national -o "$T/nat.csv" --reveal
is "$rc" 0 "the demo county's national sheet"

# The halves: rows of the first 550 households, then the rest (a
# household's rows are together in the sheet), each under the same file
# name as the whole, as the audit log and the steps' notes name it.
mkdir "$T/a" "$T/b"
awk -F, 'NR == 1 { head = $0; print > A; print > B; next }
    { split($0, c, ","); if (!(c[HH] in seen)) { seen[c[HH]]; n++ } print > (n <= 550 ? A : B) }' \
    HH="$(head -1 "$T/nat.csv" | tr ',' '\n' | grep -n '户编号' | head -1 | cut -d: -f1)" \
    A="$T/a/nat.csv" B="$T/b/nat.csv" "$T/nat.csv"
is "$(($(wc -l <"$T/a/nat.csv") + $(wc -l <"$T/b/nat.csv") - 2))" "$(($(wc -l <"$T/nat.csv") - 1))" \
    "the halves hold every row once"

for d in whole halves; do
    zx --db "$T/$d.db" init --province 51 --county "$county"
done
# Into an empty county that no other connection has open, the import
# writes through a rollback journal (its pages once, not into the
# write-ahead log and again at the checkpoint), then goes back to WAL.
ZHENXING_TRACE=1 zx --db "$T/whole.db" import national "$T/nat.csv"
is "$rc" 0 "the whole sheet imports (a bulk import)"
grep -q "PRAGMA journal_mode = DELETE" "$ERR" && grep -q "PRAGMA journal_mode = WAL" "$ERR"
ok $? "into an empty county opened by nobody else, through a rollback journal and back to WAL"
is "$(q "$T/whole.db" "pragma journal_mode")" wal "the database is in WAL mode after it"
zx --db "$T/halves.db" import national "$T/a/nat.csv"
is "$rc" 0 "its first half imports"
ZHENXING_TRACE=1 zx --db "$T/halves.db" import national "$T/b/nat.csv"
is "$rc" 0 "and its second half"
hasnt "$ERR" "journal_mode = DELETE" "into a county with households, through the write-ahead log"

# dump DB: every table's rows without the clock columns (the audit log's
# id left out too: the bulk import writes one row more, its "bulk" row;
# and data_version's counter, which counts writes, not what they wrote).
dump() {
    for t in $(q "$1" "select name from sqlite_schema where type = 'table' and name not like 'sqlite_%' and name not like 'hh_search%' and name <> 'data_version' order by name"); do
        cols=$(q "$1" "select group_concat('\"' || name || '\"', ',') from pragma_table_info('$t') where name not in ('at', 'created_at', 'updated_at') and not (name = 'id' and '$t' = 'audit')")
        case $t in
        audit) w="where op <> 'bulk'" ;;
        meta) w="where key <> 'created_at'" ;;
        *) w= ;;
        esac
        echo "== $t"
        q "$1" "select $cols from \"$t\" $w order by $cols"
    done
    echo "== indexes"
    q "$1" "select name, sql from sqlite_schema where type in ('index', 'trigger') order by name"
    echo "== search"
    q "$1" "create virtual table temp.v using fts5vocab(main, hh_search, 'row'); select * from temp.v order by 1"
}
dump "$T/whole.db" >"$T/whole.dump" 2>"$T/dump.err"
dump "$T/halves.db" >"$T/halves.dump" 2>>"$T/dump.err"
is "$(cat "$T/dump.err")" "" "every table read"
is "$(grep -c . "$T/whole.dump")" "$(grep -c . "$T/halves.dump")" "as many rows in the one as in the other"
cmp -s "$T/whole.dump" "$T/halves.dump"
ok $? "the same households, persons, incomes, cases, steps, audit rows, list rows and search terms"
diff "$T/whole.dump" "$T/halves.dump" | head -10 | sed 's/^/# /'
is "$(q "$T/whole.db" "pragma integrity_check")" ok "the bulk import's database is sound"
name=$(q "$T/demo.db" "select name from person where in_household = 1 order by id limit 1 offset 2000")
found="select group_concat(rowid) from hh_search where hh_search match '\"n$name\"'"
is "$(q "$T/whole.db" "$found")" "$(q "$T/halves.db" "$found")" "a search finds the same households in both"
# Another connection has the empty county open (the sqlite3 shell, idle
# after a read): the import keeps the write-ahead log and stores the same.
zx --db "$T/held.db" init --province 51 --county "$county"
mkfifo "$T/fifo"
sqlite3 "$T/held.db" <"$T/fifo" >"$T/held.out" &
held=$!
exec 3>"$T/fifo"
echo "select count(*) from meta;" >&3
while [ ! -s "$T/held.out" ]; do sleep 0.1; done
zx --db "$T/held.db" import national "$T/nat.csv"
exec 3>&-
wait "$held"
is "$rc" 0 "the sheet imports into an empty county another connection has open"
dump "$T/held.db" >"$T/held.dump" 2>>"$T/dump.err"
cmp -s "$T/whole.dump" "$T/held.dump" && [ "$(q "$T/held.db" "pragma journal_mode")" = wal ]
ok $? "the same tables, indexes and search terms, in WAL mode"
finish
