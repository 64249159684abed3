#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t02-wide.sh - the list at 160x48 shows every column, lined up, and
# sorting by the head puts names in pinyin order; the same under the
# plain C.UTF-8 locale of many servers.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 14

DB="$T/c.db"
demo_db "$DB" 500

tui_start 160x48
screen "$T/screen"
missing=""
for col in 户主 户编号 乡镇 行政村 人口 类别 状态 人均纯收入 风险 最近走访 户类型 识别时间; do
    grep -qF "$col" "$T/screen" || missing="$missing $col"
done
is "$missing" "" "at 160 columns every column shows"
aligned '[0-9]{16}' "household numbers line up at 160x48"
aligned '(脱贫户|一般农户)( |$)' "household types line up at 160x48"
shows "1/500" "the position indicator is there"

# Sort by the head of household: pinyin order.
keys s
shows "排序依据" "s opens the sort menu"
typed "户主"
keys Enter
wait_for "户主^"
screen "$T/screen"
python3 - "$T/screen" <<'PY' >"$T/order"
import sys
rows = [l[4:12].strip() for l in open(sys.argv[1], encoding="utf-8").read().split("\n")[2:-3] if l.strip()]
gb = [r.encode("gb2312", "replace") for r in rows]
print("sorted" if gb == sorted(gb) else "unsorted: " + " ".join(rows))
PY
has "$T/order" "sorted" "sorted by head, names are in pinyin (GB2312) order"
keys s
typed "户主"
keys Enter
wait_for "户主v"
shows "户主v" "choosing the head again reverses the order"
keys End
shows "500/500" "End in reverse order reaches the last row"

tui_stop
shows "EXIT=0" "q quits"

# The same screen under C.UTF-8: Chinese, lined up.
ZH=C.UTF-8
tui_start 80x24
shows "监测帮扶" "under LANG=C.UTF-8 the screen is Chinese"
aligned '[0-9]{16}' "and lined up"
keys Enter
shows "1 概况" "the detail opens"
keys Escape
wait_for "1/500"
tui_stop
shows "EXIT=0" "q quits"
shows " icanon" "the terminal is restored"
finish
