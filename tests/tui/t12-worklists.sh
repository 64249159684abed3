#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t12-worklists.sh - the built-in worklists (waiting for me, overdue,
# labour without a development measure, visits due this week) list what
# the database says they should; the procedure steps offered depend on
# the role: a village cadre is not offered the township's review.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 16

DB="$T/c.db"
demo_db "$DB" 1500
me=$(id -un)
grouped() { python3 -c "print(format($1, ','))"; }
pos() { if [ "$1" -gt 0 ]; then echo "1/$(grouped "$1")"; else echo "0/0"; fi; }
today=2026-11-22
# Two monitored households able to work lose their development measures
# (the list is rebuilt at the next start).
q "$DB" "delete from measure where household_id in (select c.household_id from monitor_case c
  where c.state = 'monitored' and c.identified_on < date('$today', '-2 months') and exists
  (select 1 from person p where p.household_id = c.household_id and p.labour in ('1','2'))
  order by c.household_id limit 2); update meta set value = 'stale' where key = 'list_version'"
"$ZHENXING" --db "$DB" check >/dev/null 2>&1
# Starting rebuilds the stale list; then count what each list should show.
tui_start 100x30
tui_stop
waiting=$(q "$DB" "select count(*) from hh_list where state in ('clue','verified','appraised','publicizing','township_reviewed','elim_verified','elim_appraised','elim_publicizing','elim_township_reviewed')")
nodev=$(q "$DB" "select count(*) from household h join monitor_case c on c.household_id = h.id
  where c.state = 'monitored' and c.identified_on < date('$today', '-1 months')
  and exists (select 1 from person p where p.household_id = h.id and p.in_household = 1 and p.labour in ('1','2','3'))
  and not exists (select 1 from measure m where m.household_id = h.id and m.category in ('100A39','100A40','100A41','100A42') and m.start_date <= '$today')")
visits=$(q "$DB" "select count(*) from hh_list where visit_due < date('$today', '+7 days')")
overdue=$(q "$DB" "select count(*) from hh_list where deadline < '$today' or visit_due < '$today' or measure_due < '$today'")

tui_start 100x30
keys w
shows "待我办理" "w lists the built-in worklists"
keys Enter
wait_for "筛选：待我办理"
is "$(status_pos)" "$(pos "$waiting")" "waiting for me: every case in a procedure, for an administrator"
keys w
wait_for "待我办理"
typed "已逾期"
keys Enter
wait_for "筛选：已逾期"
is "$(status_pos)" "$(pos "$overdue")" "overdue"
keys w
wait_for "待我办理"
typed "无开发式"
keys Enter
wait_for "筛选：有劳动力无开发式措施"
is "$(status_pos)" "$(pos "$nodev")" "labour but no development measure after a month ($nodev)"
keys w
wait_for "待我办理"
typed "本周应走访"
keys Enter
wait_for "筛选：本周应走访"
is "$(status_pos)" "$(pos "$visits")" "visits due this week"
tui_stop

# A village cadre of a village with a case under publicity.
row=$(q "$DB" "select h.village_id, h.hh_no from household h join monitor_case c on c.household_id = h.id
  where c.state = 'publicizing' limit 1")
sqlite3 "$DB" "update staff set role = 'village', scope_id = ${row%|*} where login = '$me'"
vwaiting=$(q "$DB" "select count(*) from hh_list where village_id = ${row%|*} and state in ('clue','verified','appraised','elim_verified','elim_appraised')")
tui_start 100x30
open_household "${row#*|}"
keys x
shows "没有可办理的步骤" "a village cadre is offered no step while the publicity runs"
tui_stop
tui_start 100x30
keys w
wait_for "待我办理"
keys Enter
wait_for "筛选：待我办理"
is "$(status_pos)" "$(pos "$vwaiting")" "waiting for a village cadre: the village's steps only"
tui_stop
# A viewer changes nothing.
sqlite3 "$DB" "update staff set role = 'viewer', scope_id = NULL where login = '$me'"
tui_start 100x30
lacks "a 新增" "a viewer's key bar offers no new household"
keys a
shows "只读账号" "a viewer cannot add a household"
lacks "新增农户" "and no form opens for it"
open_household "${row#*|}"
lacks "e 修改" "a viewer's key bar in a household offers no edit"
lacks "x 办理程序" "nor a procedure step"
keys e
shows "只读账号" "nor edit one"
keys x
shows "只读账号" "nor take a step"
keys '?'
wait_for "帮助"
lacks "e                 修改" "the help lists no edit key either"
keys Escape
keys F3
wait_for "资金下达"
lacks "a 新增" "nor do the funds tables"
tui_stop
finish
