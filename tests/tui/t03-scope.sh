#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t03-scope.sh - a township account sees only its township: in the list,
# in the counts and in search; it starts on the township's monitoring
# objects (c shows every household).
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 8

DB="$T/c.db"
demo_db "$DB" 800
me=$(id -un)
# The township with the most monitoring objects.
town=$(q "$DB" "select h.township_id from household h join monitor_case c on c.household_id = h.id
  where c.state in ('monitored', 'elim_verified', 'elim_appraised', 'elim_publicizing',
  'elim_township_reviewed') group by 1 order by count(*) desc, 1 limit 1")
tname=$(q "$DB" "select name from division where id = $town")
other=$(q "$DB" "select name from division where level = 2 and id <> $town limit 1")
count=$(q "$DB" "select count(*) from household where township_id = $town")
monitored=$(q "$DB" "select count(*) from household h join monitor_case c on c.household_id = h.id
  where h.township_id = $town and c.state in ('monitored', 'elim_verified', 'elim_appraised',
  'elim_publicizing', 'elim_township_reviewed')")
sqlite3 "$DB" "update staff set role = 'township', scope_id = $town where login = '$me'"
grouped() { python3 -c "print(format($1, ','))"; }
pos() { if [ "$1" -gt 0 ]; then echo "1/$(grouped "$1")"; else echo "0/0"; fi; }

tui_start 80x24
shows "筛选：监测对象" "a township account starts on the monitoring objects"
is "$(status_pos)" "$(pos "$monitored")" "the $monitored monitoring objects of $tname"
keys c
wait_for "全部农户"
shows "1/$count" "c: the list counts the $count households of $tname only"
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
