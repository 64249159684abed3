#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t21-project-links.sh - beneficiary households of a project linked to the
# registry from the project's record (F3): h, a household number, saved and
# listed under 受益情况 with the counts; a number that is not there refused
# with the form kept; the link removed again; each change audited.  80x24.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 10

DB="$T/l.db"
demo_db "$DB" 60
q "$DB" "delete from project_household" >/dev/null
hh=$(q "$DB" "select hh_no from household order by hh_no limit 1")
# the links of every project (there are none before the test)
links() { q "$DB" "select count(*) from project_household"; }

tui_start 80x24 ZHENXING_TODAY=2026-11-22
keys F3 Tab
wait_for "项目编号"
keys Enter
wait_for "受益情况"
keys h
shows "项目受益户" "h opens the beneficiary form"
typed "5199999999999999"
keys C-s
shows "没有户" "a number that is not in the registry is refused"
is "$(links)" "0" "and nothing is linked"
keys C-u
typed "$hh"
keys C-s
shows "已将户 $hh 关联为项目受益户" "the household is linked"
is "$(links)" "1" "stored"
shows "$hh" "and listed on the project"
is "$(q "$DB" "select count(*) from audit where tbl = 'project_household' and op = 'insert' and new = '$hh'")" \
    "1" "in the audit log"
keys h
wait_for "项目受益户"
typed "$hh"
keys Tab C-u
typed "是"
keys C-s
shows "已取消户 $hh 与项目的关联" "the link is removed"
is "$(links)" "0" "gone from the database"
is "$(q "$DB" "select count(*) from audit where tbl = 'project_household' and op = 'delete'")" \
    "1" "audited too"
tui_stop
finish
