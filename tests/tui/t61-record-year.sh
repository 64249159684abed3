#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t61-record-year.sh - defaults and current-state warnings follow the
# record's own date, not today's year.  A county whose rules of 2027 ask a
# publicity of 7 days, 5 members a team and a term of 3 years, on
# 2027-01-10: a case's publicity backdated to 2026-12-28 ends by default
# after 2026's 5 days (a last day typed by hand is kept); a team whose
# term ended in 2026 is judged as it ended (no warning), a team sent in
# 2025 by 2025's minimum term, a team serving now by 2027's minimum of
# members.  A project's publicity (of its year's 10 days) follows its
# first day too.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 11

DB="$T/c.db"
demo_db "$DB" 300
mkdir -p "$T/etc/policy"
cat >"$T/etc/policy/rules.conf" <<'RULES'
rules = ( { province = "*"; from = 2027; publicity_min_days = 7;
            team_min_members = 5; team_min_term_years = 3; } );
RULES
no=$(q "$DB" "select h.hh_no from household h join monitor_case c on c.household_id = h.id
  where c.state = 'appraised' order by h.id limit 1")
ended=$(q "$DB" "select v.name from team t join division v on v.id = t.village_id
  where t.term_end < '2027-01-10' order by t.id limit 1")
sent25=$(q "$DB" "select v.name from team t join division v on v.id = t.village_id
  where t.term_start like '2025-%' and t.term_end >= '2027-01-10'
  and (select count(*) from team_member x where x.team_id = t.id and x.end_on is null) >= 5
  order by t.id limit 1")
proj=$(q "$DB" "select proj_no from project where state = 'county_argued' order by id limit 1")
small=$(q "$DB" "select v.name from team t join division v on v.id = t.village_id
  where t.term_end >= '2027-01-10'
  and (select count(*) from team_member x where x.team_id = t.id and x.end_on is null) < 5
  order by t.id limit 1")

tui_start 80x24 ZHENXING_TODAY=2027-01-10
open_household "$no"
step "村内公示"
shows "*公示结束 [2027-01-16" "today's publicity lasts 2027's 7 days by default"
keys C-u
typed "2026-12-28"
keys Tab
shows "*公示结束 [2027-01-01" "one begun on 2026-12-28 ends after 2026's 5 days"
keys C-u
typed "2027-01-05"
keys BTab C-u
typed "2026-12-29"
keys Tab
shows "*公示结束 [2027-01-05" "a last day typed by hand stays"
keys Escape y
wait_for "1 概况"
keys F4
wait_for "驻村工作队"
keys 4
wait_for "在岗"

# open_team VILLAGE: search the teams' tab for it and open the team.
open_team() {
    keys /
    typed "$1"
    keys Enter
    wait_for "搜索：$1"
    keys Enter
    wait_for "驻村地点"
}
open_team "$ended"
lacks "少于 5 人" "a team whose term ended in 2026 is not judged by 2027's members"
lacks "任期短于" "nor by 2027's term"
keys q
wait_for "搜索："
open_team "$sent25"
shows "驻村工作队 驻${sent25}工作队" "a team sent in 2025"
lacks "任期短于" "has the term 2025's rules asked"
keys q
wait_for "搜索："
open_team "$small"
shows "在岗队员少于 5 人" "a team serving now with 4 is short of 2027's 5"
lacks "任期短于" "its term judged by its first year"
keys F3
wait_for "资金下达"
keys 2
wait_for "项目库"
keys /
typed "$proj"
keys Enter
wait_for "搜索：$proj"
keys Enter
wait_for "流程记录"
keys x
wait_for "下一环节"
typed "审定入库"
keys Enter
shows "*公示结束 [2027-01-19" "a project of 2026 is publicized 10 days from today by default"
keys C-u
typed "2027-01-02"
keys Tab
shows "*公示结束 [2027-01-11" "and its last day follows a first day moved back"
keys Escape y
wait_for "流程记录"
tui_stop
