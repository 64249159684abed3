#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t40-list-search.sh - searching the monitoring list at 80x24: each /
# starts a new search (the one before does not stick to what is typed,
# Up brings it back), a name with digits finds the households having
# both, and the last digits of a household number find it.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 13

DB="$T/c.db"
demo_db "$DB" 1500
N=$(q "$DB" "select count(*) from household")
grouped() { python3 -c "print(format($1, ','))"; }

# A head of household whose name no other member has, and the ID tail of
# a member of another household that no other ID ends with.
first=$(q "$DB" "select p.name || '|' || h.hh_no from person p join household h on h.id = p.household_id
  where p.relation = '02' and p.in_household = 1 and length(p.name) = 3
  and (select count(*) from person q where q.name = p.name) = 1 order by p.id limit 1")
name=${first%|*}
hh1=${first#*|}
second=$(q "$DB" "select substr(p.id_no, -6) || '|' || h.hh_no from person p join household h on h.id = p.household_id
  where h.hh_no <> '$hh1' and p.in_household = 1
  and (select count(*) from person q where substr(q.id_no, -6) = substr(p.id_no, -6)) = 1
  and (select count(*) from household g where g.hh_no like '%' || substr(p.id_no, -6)) = 0
  order by p.id desc limit 1")
tail6=${second%|*}
hh2=${second#*|}

tui_start 80x24
keys /
typed "$name"
keys Enter
wait_for "搜索：$name"
keys Enter
shows "$hh1" "the search for $name opens household $hh1"
keys Escape
wait_for "搜索：$name"
keys /
typed "$tail6"
keys Enter
shows "搜索：$tail6" "a new / searches what is typed ($tail6) alone"
lacks "$name$tail6" "not the search before with it"
is "$(status_pos)" "1/1" "the ID tail finds one household"
keys Enter
shows "$hh2" "and Enter opens that household ($hh2), not another"
keys Escape
wait_for "搜索：$tail6"

# Up in the search brings back the searches before.
keys /
keys Up
wait_for "：$tail6"
keys Enter
shows "搜索：$tail6" "Up recalls the last search"
keys / Up Up Enter
shows "搜索：$name" "Up again, the one before"
keys Escape
wait_for "1/$(grouped "$N")"

# A family name and the last four digits of an ID together.
row=$(q "$DB" "select substr(p.name, 1, 1) || '|' || substr(p.id_no, -4) from person p
  where p.in_household = 1 and length(p.name) = 3 order by p.id limit 1 offset 40")
fam=${row%|*}
t4=${row#*|}
want=$(q "$DB" "select count(*) from household h where exists (select 1 from person p where
  p.household_id = h.id and p.in_household = 1 and instr(p.name, '$fam') > 0) and (exists (select 1
  from person p where p.household_id = h.id and p.in_household = 1 and (substr(p.id_no, -4) = '$t4'
  or substr(p.id_no, 1, 4) = '$t4')) or substr(h.hh_no, 1, 4) = '$t4' or substr(h.hh_no, -4) = '$t4')")
keys /
typed "$fam$t4"
keys Enter
wait_for "搜索：$fam$t4"
is "$(status_pos)" "1/$(grouped "$want")" "$fam$t4 finds the $want households with a $fam and a number ending in $t4"
keys /
typed "$fam $t4"
keys Enter
wait_for "搜索：$fam $t4"
is "$(status_pos)" "1/$(grouped "$want")" "the same with a space between"
keys /
typed "鼹鼠$t4"
keys Enter
shows "没有符合搜索条件的农户" "a name nobody has with digits finds nothing, not every row"

# The last eight digits of a household number.
hh=$(q "$DB" "select hh_no from household order by id desc limit 1 offset 5")
t8=$(printf '%s' "$hh" | tail -c 8)
keys /
typed "$t8"
keys Enter
wait_for "搜索：$t8"
shows "$hh" "the last eight digits $t8 find household $hh"
is "$(status_pos)" "1/$(q "$DB" "select count(*) from household where hh_no like '%$t8' or hh_no like '$t8%'")" \
    "and only the households whose number starts or ends with them"
tui_stop
shows "EXIT=0" "q quits"
finish
