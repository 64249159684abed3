#!/bin/sh
# t03-scope.sh - a township account sees only its township: in the list,
# in the counts and in search.
. "${top_srcdir:-.}/tests/tui/lib.sh"
command -v sqlite3 >/dev/null || skip_all "the sqlite3 shell is not installed"

plan 6

DB="$T/c.db"
demo_db "$DB" 800
me=$(id -un)
town=$(q "$DB" "select id from division where level = 2 order by id limit 1 offset 1")
tname=$(q "$DB" "select name from division where id = $town")
other=$(q "$DB" "select name from division where level = 2 and id <> $town limit 1")
count=$(q "$DB" "select count(*) from household where township_id = $town")
sqlite3 "$DB" "update staff set role = 'township', scope_id = $town where login = '$me'"

tui_start 80x24
shows "1/$count" "the list counts the $count households of $tname only"
shows "乡镇工作人员" "the bar shows the township role"
lacks "$other" "no household of another township is shown"
# A name of a member of another township is not found.
name=$(q "$DB" "select p.name from person p join household h on h.id = p.household_id where h.township_id <> $town and p.name not in (select p2.name from person p2 join household h2 on h2.id = p2.household_id where h2.township_id = $town) limit 1")
keys /
typed "$name"
keys Enter
shows "搜索：$name" "searching for $name, of another township"
shows "没有符合搜索条件的农户" "finds nothing"
tui_stop
shows "EXIT=0" "q quits"
finish
