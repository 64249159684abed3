#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t01-list.sh - the monitoring list at $SIZE (80x24; t06 runs it at
# 160x48) in Chinese: what it shows,
# columns lined up by display width, scrolling, going to a row, search
# by a two-character name, pinyin initials and an ID tail, a filter, the
# household detail with masked and revealed IDs, help, resizing to 100x30
# and to 60x15 and back, and quitting with the terminal restored.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 48

SIZE=${SIZE:-80x24}
W=${SIZE%x*}
H=${SIZE#*x}
PAGE=$((H - 4))   # list rows: bar, header, status and keys take four lines

DB="$T/c.db"
demo_db "$DB" 2000
N=$(q "$DB" "select count(*) from household")
grouped() { python3 -c "print(format($1, ','))"; }

tui_start "$SIZE"
shows "振兴" "the workspace bar is there"
shows "F2 监测帮扶" "it names the monitoring workspace"
shows "1/$(grouped "$N")" "the position indicator counts every household"
shows "Enter 打开  / 搜索  f 筛选" "the key bar shows the list's keys in Chinese"
shows "? 帮助" "and how to get help"
shows "户主" "the head column is there"
shows "人均纯收入" "the income column is there at $W columns"
if [ "$W" -lt 160 ]; then
    lacks "最近走访" "the last-visit column drops out at $W columns"
else
    shows "最近走访" "the last-visit column shows at $W columns"
fi
aligned '[0-9]{16}' "household numbers line up by display width at $SIZE"
aligned '(合|寿|井|新|清|红|[^ ]{2}[镇乡]) ' "townships line up" 

keys Down Down Down
wait_for "4/"
is "$(status_pos)" "4/$(grouped "$N")" "Down moves the position"
keys NPage
wait_for "$((4 + PAGE))/"
is "$(status_pos)" "$((4 + PAGE))/$(grouped "$N")" "PgDn moves a page ($PAGE rows)"
keys End
wait_for "$(grouped "$N")/"
is "$(status_pos)" "$(grouped "$N")/$(grouped "$N")" "End goes to the last row"
keys Home
wait_for "1/$(grouped "$N")"
is "$(status_pos)" "1/$(grouped "$N")" "Home goes back to the first"
keys g
typed 1234
keys Enter
wait_for "1,234/"
is "$(status_pos)" "1,234/$(grouped "$N")" "g goes to row 1,234"
aligned '[0-9]{16}' "rows still line up after jumping"

# Search: two characters of a name.
name=$(q "$DB" "select name from person where length(name) = 3 order by id limit 1 offset 7")
part=$(printf '%s' "$name" | cut -c4-)
want=$(q "$DB" "select count(*) from household h where exists (select 1 from person p where p.household_id = h.id and p.in_household = 1 and instr(p.name, '$part') > 0) or village_id in (select id from division where level = 3 and instr(name, '$part') > 0) or township_id in (select id from division where level = 2 and instr(name, '$part') > 0)")
keys /
shows "搜索（姓名" "/ opens the search prompt"
typed "$part"
wait_for "/$(grouped "$want")"
is "$(status_pos)" "1/$(grouped "$want")" "a two-character name ($part) narrows the list to $want"
keys Enter
shows "搜索：$part" "Enter keeps the search and shows it"
keys Escape
wait_for "1/$(grouped "$N")"
is "$(status_pos)" "1/$(grouped "$N")" "Esc clears the search"

# Pinyin initials of a head of household whose initials few share.
pick=$(python3 - "$DB" <<'PY'
import sqlite3, sys
bounds = [(0xB0A1,'a'),(0xB0C5,'b'),(0xB2C1,'c'),(0xB4EE,'d'),(0xB6EA,'e'),(0xB7A2,'f'),
          (0xB8C1,'g'),(0xB9FE,'h'),(0xBBF7,'j'),(0xBFA6,'k'),(0xC0AC,'l'),(0xC2E8,'m'),
          (0xC4C3,'n'),(0xC5B6,'o'),(0xC5BE,'p'),(0xC6DA,'q'),(0xC8BB,'r'),(0xC8F6,'s'),
          (0xCBFA,'t'),(0xCDDA,'w'),(0xCEF4,'x'),(0xD1B9,'y'),(0xD4D1,'z')]
def ini(name):
    out = ''
    for ch in name:
        b = ch.encode('gb2312', 'replace')
        c = int.from_bytes(b, 'big') if len(b) == 2 else 0
        if not 0xB0A1 <= c <= 0xD7F9:
            return None
        out += [l for s, l in bounds if c >= s][-1]
    return out
db = sqlite3.connect(sys.argv[1])
rows = db.execute("select household_id, name, relation from person where in_household = 1").fetchall()
who = {}
for hh, name, rel in rows:
    i = ini(name)
    if i is None:
        who.setdefault('?', set()).add(hh)
        continue
    for k in range(2, len(i) + 1):
        who.setdefault(i[:k], set()).add(hh)
for hh, name, rel in rows:
    i = ini(name)
    if rel == '02' and i and len(i) == 3 and len(who[i]) <= 10:
        print(name, i)
        break
PY
)
head=${pick% *}
ini=${pick#* }
keys /
typed "$ini"
keys Enter
wait_for "搜索：$ini"
screen "$T/screen"
has "$T/screen" "$head" "pinyin initials ($ini) find $head"

# The last six characters of an ID number find its household.
row=$(q "$DB" "select p.id_no || ' ' || h.hh_no from person p join household h on h.id = p.household_id order by p.id desc limit 1")
tail6=$(printf '%s' "${row% *}" | cut -c13-)
keys C-u /
keys C-u
typed "$tail6"
keys Enter
shows "${row#* }" "the ID tail $tail6 finds household ${row#* }"
keys c
wait_for "1/$(grouped "$N")"

# Filter: status "monitored".
monitored=$(q "$DB" "select count(*) from monitor_case where state = 'monitored'")
keys f
shows "筛选列表" "f opens the filters"
keys Down Down Down Down Enter
shows "监测帮扶中" "the status menu lists the states"
typed "监测帮扶"
keys Enter
shows "监测帮扶中" "the filter shows the status chosen"
keys Escape
wait_for "/$(grouped "$monitored")"
is "$(status_pos)" "1/$(grouped "$monitored")" "the list has the $monitored monitored households"
shows "筛选：监测帮扶中" "the active filter is shown"
aligned '[0-9]{16}' "filtered rows line up"

# The detail of the first monitored household.
keys Enter
shows "1 概况  2 成员  3 收支  4 保障  5 监测" "Enter opens the household with its sections"
shows "帮扶责任人" "the header names the responsible cadres"
keys 2
shows "证件号码" "2 shows the members"
shows "********" "ID numbers are masked"
audit=$(q "$DB" "select count(*) from audit where op = 'reveal'")
keys r
shows "已记入操作日志" "r reveals them and says it is recorded"
is "$(q "$DB" "select count(*) from audit where op = 'reveal'")" "$((audit + 1))" "the reveal is in the audit log"
keys 5
shows "县级审定" "5 shows the case timeline with its steps"
keys 8
shows "查看证件号" "8 shows the audit trail in words, with the reveal"
lacks "monitor_case" "and no internal names"
keys Escape
wait_for "筛选：监测帮扶中"

keys '?'
shows "帮助：监测对象列表" "? shows the help of the list"
shows "跳到行" "the help lists the keys"
keys End PPage
shows "x 导出选定农户" "and says x exports the tagged rows, as p prints them"
keys Escape
wait_for "筛选：监测帮扶中"

# Resizing: wider shows more columns, back to 80 drops them again.
tm resize-window -t zx -x 100 -y 30
shows "风险" "at 100 columns the risks column appears"
aligned '[0-9]{16}' "rows line up at 100x30"
tm resize-window -t zx -x "$W" -y "$H"
wait_for "人均纯收入"
if [ "$W" -lt 100 ]; then
    lacks "风险" "back at $W columns the risks column is gone"
else
    shows "最近走访" "back at $W columns the last-visit column is there again"
fi
aligned '[0-9]{16}' "rows line up again at $SIZE"
tm resize-window -t zx -x 60 -y 15
shows "终端窗口太小" "at 60x15 a notice says the window is too small"
tm resize-window -t zx -x "$W" -y "$H"
shows "筛选：监测帮扶中" "growing back restores the list as it was"

tui_stop
shows "EXIT=0" "q quits with exit status 0"
shows " icanon" "and the terminal is back in its normal mode"
finish
