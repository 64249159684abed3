#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t62-list-cadre.sh - the monitoring list's responsible cadre filter does
# not outlive a change of place it does not serve: choosing another
# township drops it and the status line says so (the list is not left
# empty without a reason); a village the cadre serves keeps it.  80x24.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 7

DB="$T/c.db"
demo_db "$DB" 300
# A cadre serving a village, with households there; another township.
row=$(q "$DB" "select c.name, t.name, v.name from cadre c join division t on t.id = c.township_id
  join division v on v.id = c.village_id
  where exists (select 1 from household_cadre l where l.cadre_id = c.id and l.end_date is null)
  order by c.id limit 1")
cadre=${row%%|*}
rest=${row#*|}
town=${rest%%|*}
village=${rest#*|}
other=$(q "$DB" "select name from division where level = 2 and name <> '$town' order by code limit 1")

# filter_field N: the filter screen's Nth field (1: township) opened.
filter_field() {
    keys f
    wait_for "筛选列表"
    i=1
    while [ "$i" -lt "$1" ]; do keys Down; i=$((i + 1)); done
    keys Enter
}

tui_start 80x24
filter_field 8
wait_for "尚未明确"
typed "$cadre"
keys Enter
shows "帮扶责任人          $cadre" "the list is filtered by a cadre"
keys Escape
wait_for "筛选："
# A village the cadre serves keeps the filter.
filter_field 1
typed "$town"
keys Enter
wait_for "乡镇                $town"
keys Down Enter
wait_for "$village"
typed "$village"
keys Enter
shows "帮扶责任人          $cadre" "a place the cadre serves keeps the cadre"
lacks "已取消" "and says nothing"
# Another township drops it, and says so.
keys Up Enter
typed "$other"
keys Enter
shows "帮扶责任人筛选（$cadre）已取消" "another township drops the cadre, said on the status line"
shows "帮扶责任人          全部" "the filter shows no cadre"
keys Escape
wait_for "筛选："
screen "$T/screen"
pos=$(status_pos)
[ "${pos#*/}" != "0" ]
ok $? "the list is not empty ($pos)"
lacks "$cadre" "the status line no longer names the cadre"
tui_stop
