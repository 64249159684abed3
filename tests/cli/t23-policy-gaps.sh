#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t23-policy-gaps.sh - policy data running out (issue 17 3): `zhenxing
# check` says when today's year has no monitoring line in lines.conf or
# no holidays in calendar.conf (the shipped calendar ends in 2026, so a
# clue on 2027-09-30 would be due inside the National Day holiday), and
# exits 1; a county's policy directory filling the gap silences it.
. "${top_srcdir:-.}/tests/cli/lib.sh"

plan 12

DB="$T/c.db"
zx --db "$DB" init --province 51 --county 青山县
is "$rc" 0 "a county database"

zx --db "$DB" check
is "$rc" 0 "2026 has its line and its calendar: nothing to say"
hasnt "$OUT" "政策数据" "no policy-data warning"

ZHENXING_TODAY=2027-09-30 zx --db "$DB" check
is "$rc" 1 "in 2027 the missing calendar gives exit status 1"
has "$OUT" "calendar.conf 中没有 2027 年的节假日" "check names the calendar and the year"
hasnt "$OUT" "lines.conf" "2027 has a (default) monitoring line"

ZHENXING_TODAY=2028-03-01 zx --db "$DB" check
is "$rc" 1 "in 2028 both are missing"
has "$OUT" "lines.conf 中没有 2028 年的监测线" "check names the monitoring line and the year"
has "$OUT" "calendar.conf 中没有 2028 年的节假日" "and the calendar"

# The county adds 2027's holiday notice in its policy directory.
mkdir -p "$T/policy"
cat >"$T/policy/calendar.conf" <<'CAL'
holidays = [ "2027-01-01", "2027-10-01", "2027-10-02", "2027-10-03", "2027-10-04",
             "2027-10-05", "2027-10-06", "2027-10-07" ];
workdays = [ "2027-09-26", "2027-10-09" ];
CAL
printf 'policy_dir = "%s";\n' "$T/policy" >"$T/pol.conf"
ZHENXING_TODAY=2027-09-30 zx --config "$T/pol.conf" --db "$DB" check
is "$rc" 0 "with 2027's calendar added the county checks clean"
hasnt "$OUT" "政策数据" "and nothing is said"

# The warnings are in the command's output, not lost in stderr.
ZHENXING_TODAY=2027-09-30 zx --db "$DB" check
hasnt "$ERR" "calendar.conf" "stderr stays quiet"
finish
