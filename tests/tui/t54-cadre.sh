#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t54-cadre.sh - responsible cadres (帮扶责任人) at 80x24: C on the
# monitoring list shows the cadres, a adds one (a bad phone refused on the
# spot); the worklist of the monitoring objects without a cadre lists the
# households left without one; b on a household's record assigns the new
# cadre, shown on top and in the history under the overview; t tags the
# rest and b assigns them all at once; the worklist is then empty; the
# list filtered by the cadre shows its three households, and p there
# prints that cadre's visit worklist alone.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 26

DB="$T/c.db"
demo_db "$DB" 600
# The township with the most monitoring objects (监测帮扶中 and the steps of
# elimination) loses the cadres of three of them (the list is rebuilt at
# the next start).
MON="'monitored','elim_verified','elim_appraised','elim_publicizing','elim_township_reviewed'"
town=$(q "$DB" "select h.township_id from monitor_case c join household h on h.id = c.household_id where c.state in ($MON) group by h.township_id order by count(*) desc, h.township_id limit 1")
tname=$(q "$DB" "select name from division where id = $town")
q "$DB" "delete from household_cadre where household_id in (select c.household_id from monitor_case c join household h on h.id = c.household_id where c.state in ($MON) and h.township_id = $town order by h.hh_no limit 3); update meta set value = 'stale' where key = 'list_version'"
nocadre() {
    q "$DB" "select count(*) from monitor_case c where c.state in ($MON) and not exists (select 1 from household_cadre hc where hc.household_id = c.household_id and hc.end_date is null)"
}
is "$(nocadre)" 3 "three monitored households without a responsible cadre"
first=$(q "$DB" "select h.hh_no from monitor_case c join household h on h.id = c.household_id where c.state in ($MON) and h.township_id = $town order by h.hh_no limit 1")

tui_start 80x24
# --- a new cadre ----------------------------------------------------------------
keys C
shows "帮扶责任人：全部" "C opens the responsible cadres"
aligned "驻村队员" "their columns line up at 80 columns"
keys a
shows "新增帮扶责任人" "a opens the form of a new cadre"
typed "王明"
keys Tab
typed "乡镇干部"
keys Tab
typed "乡人民政府"
keys Tab
typed "副乡长"
keys Tab
typed "1380000111"
keys Tab
shows "联系电话应为11位" "a phone number of 10 digits is refused when the field is left"
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
typed "13800001111"
keys Tab
typed "$tname"
keys C-s
shows "已保存帮扶责任人王明" "the cadre is saved"
is "$(q "$DB" "select phone || ' ' || post || ' ' || township_id from cadre where name = '王明'")" \
   "13800001111 副乡长 $town" "with the phone, the post and the township"
keys q
wait_for "人均纯收入"

# --- the worklist, and b on the household's record --------------------------------
keys w
wait_for "待我办理"
typed "未明确"
keys Enter
shows "未明确帮扶责任人的监测对象" "the worklist of monitoring objects without a responsible cadre"
is "$(status_pos)" "1/3" "lists the three"
keys Enter
shows "帮扶责任人：无" "the household has no responsible cadre"
keys b
shows "安排农户 $first 的帮扶责任人" "b assigns one to the household"
keys F4
wait_for "$tname"
typed "王明"
keys Enter
keys C-s
shows "帮扶责任人：王明（乡人民政府，13800001111）" "the record shows the new cadre on top"
shows "至今" "and in the history under the overview, from today on"
is "$(q "$DB" "select count(*) from household_cadre hc join household h on h.id = hc.household_id join cadre c on c.id = hc.cadre_id where h.hh_no = '$first' and c.name = '王明' and hc.end_date is null and hc.start_date = '2026-11-22'")" 1 \
   "the assignment is stored from today"
keys q
wait_for "人均纯收入"
keys r
wait_for "1/2"
is "$(status_pos)" "1/2" "the worklist has shrunk to two"

# --- b on the tagged rows ------------------------------------------------------------
keys t t
keys b
shows "安排选定的2户的帮扶责任人" "b on tagged rows assigns them all"
keys F4
typed "王明"
keys Enter
keys C-s
shows "2户已更改" "both are assigned"
wait_for "0/0"
is "$(status_pos)" "0/0" "the worklist is empty"
is "$(nocadre)" 0 "every monitored household has a responsible cadre"

# --- the list of one cadre, and its visit worklist ------------------------------------
# the worklist's filter cleared
keys f
wait_for "筛选列表"
keys c Escape
wait_for "全部农户"
keys f
wait_for "筛选列表"
keys Down Down Down Down Down Down Down Enter
wait_for "尚未明确"
typed "王明"
keys Enter Escape
shows "筛选：帮扶责任人王明" "the list filtered by the cadre says so"
wait_for "/3"
is "$(status_pos)" "1/3" "and shows the cadre's three households"
keys p
shows "筛选的帮扶责任人的走访任务清单" "p offers the filtered cadre's visit worklist"
typed "走访任务清单"
keys Enter
shows "覆盖已有文件" "choosing it opens the print dialog"
to_file
tui_stop
f=$(ls "$HOME"/*走访*.txt 2>/dev/null | head -n 1)
[ -n "$f" ]
ok $? "the worklist is saved as text"
is "$(grep -c '帮扶责任人：' "$f")" 1 "one cadre's worklist"
has "$f" "帮扶责任人：王明" "王明's"
finish
