#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t46-help-rules.sh - the help texts state the numbers of the rules of the
# year shown, not numbers of their own (issue 17 3): a county whose
# rules.conf raises the 2026 industry share to 65%, the project publicity
# to 12 days and the days in the village to 22 a month sees those in the
# help of the fund indicators, the project pool and the attendance, and
# its 20 days for a development measure in the name of that worklist; the
# indicators of 2025 (f) say 2025's national 60%.
. "${top_srcdir:-.}/tests/tui/lib.sh"

plan 8

DB="$T/c.db"
demo_db "$DB" 300
mkdir -p "$T/etc/policy"
cat >"$T/etc/policy/rules.conf" <<'RULES'
rules = ( { province = "*"; from = 2026; industry_min_pct = 65;
            project_publicity_min_days = 12; team_min_days_month = 22;
            dev_measure_days = 20; } );
RULES

tui_start 160x48
keys F3
wait_for "资金下达"
keys 4
wait_for "产业发展占比"
keys '?'
wait_for "帮助："
keys End
shows "所示年度为65%" "the indicators' help states the industry share of the year shown (2026: 65%)"
lacks "2022年55%" "and no number of its own"
keys Escape
wait_for "产业发展占比"
keys 2
wait_for "项目库"
keys '?'
wait_for "帮助："
keys End
shows "每次不少于12天" "the project pool's help states the county's publicity days"
keys Escape
wait_for "项目库"
keys F4
wait_for "帮扶协作"
keys 5
keys '?'
wait_for "帮助："
keys End
shows "每月 22 天" "the attendance's help states the county's days in the village"
keys Escape
keys F2
wait_for "全部农户"
keys w
shows "有劳动力但识别20天后仍无开发式帮扶措施" "the worklist of no development measure names the county's days"
lacks "一个月" "not a month of its own"
keys Escape
tui_stop

# The indicators of 2025 follow 2025's national rule.
tui_start 160x48
keys F3
wait_for "资金下达"
keys 4
wait_for "产业发展占比"
keys f
wait_for "2025 年度"
# The years with funds or projects, newest first (the demo plans 2027).
downs=$(tm capture-pane -p -t zx | grep -n ' 年度$' | grep -c -v '2025 年度')
while [ "$downs" -gt 0 ]; do keys Down; downs=$((downs - 1)); done
keys Enter
wait_for "筛选：2025 年度"
keys '?'
wait_for "帮助："
keys End
shows "所示年度为60%" "the help of 2025's indicators says 60%"
keys Escape
tui_stop
zx --db "$DB" check --rules
is "$rc" 0 "the program still runs"
finish
