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
plan 10

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
zx --db "$T/whole.db" import national "$T/nat.csv"
is "$rc" 0 "the whole sheet imports (a bulk import)"
zx --db "$T/halves.db" import national "$T/a/nat.csv"
is "$rc" 0 "its first half imports"
zx --db "$T/halves.db" import national "$T/b/nat.csv"
is "$rc" 0 "and its second half"

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
finish
