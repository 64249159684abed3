#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t45-policy-gaps.sh - policy data running out (issue 17 3): the first
# screen of the full-screen program says, at 80x24, that today's year has
# no holidays in calendar.conf (the shipped calendar ends in 2026) or no
# monitoring line in lines.conf; a year with both says nothing.
. "${top_srcdir:-.}/tests/tui/lib.sh"

plan 7

DB="$T/c.db"
zx --db "$DB" init --province 51 --county 青山县

tui_start 80x24 ZHENXING_TODAY=2027-09-30
shows "calendar.conf 中没有 2027 年的节假日" "in 2027 the first screen says the calendar lacks the year"
shows "只扣除周末" "and what that means for deadlines"
lacks "lines.conf" "2027 has a (default) monitoring line"
tui_stop

tui_start 80x24 ZHENXING_TODAY=2028-03-01
shows "lines.conf 中没有 2028 年的监测线" "in 2028 it says the monitoring line is missing"
shows "calendar.conf 中没有 2028 年" "and the calendar, one line each"
tui_stop

tui_start 80x24
wait_for "青山县"
lacks "政策数据" "in 2026 nothing is said"
tui_stop
zx --db "$DB" check
is "$rc" 0 "and check agrees"
finish
