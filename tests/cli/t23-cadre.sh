#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t23-cadre.sh - responsible cadres (帮扶责任人, issue 17): a monitored
# household without one is a finding (CD01) and its card says 尚未明确; a
# cadre added with its checks (phone, required fields), assigned, then
# reassigned with the history kept (dates, who); the card shows the name
# and phone, the visit worklist is the cadre's; a township account sees
# and assigns only its own township's cadres and households.
. "${top_srcdir:-.}/tests/cli/lib.sh"
need sqlite3

plan 32

DB="$DEFAULT_DB"
mkdir -p "$(dirname "$DB")"
demo_db "$DB" 300
me=$(id -un)

# A monitored household whose cadre is gone, as one taken through 县级审定
# with nobody named.
hh=$(q "$DB" "select h.hh_no from monitor_case c join household h on h.id = c.household_id where c.state = 'monitored' order by h.hh_no limit 1")
town=$(q "$DB" "select t.name from household h join division t on t.id = h.township_id where h.hh_no = '$hh'")
q "$DB" "delete from household_cadre where household_id = (select id from household where hh_no = '$hh')"

zx check
is "$rc" 1 "check finds something"
grep -q "^$hh  CD01" "$OUT"
ok $? "a monitored household without a responsible cadre is a finding (CD01)"
zx print card "$hh" --format text -o -
has "$OUT" "尚未明确" "its card says the cadre is not assigned yet"

# --- a cadre, with its checks ---------------------------------------------
zx cadre add --name 王明 --kind 乡镇干部 --unit 乡人民政府 --post 副乡长 --phone 1380000111 --place "$town"
is "$rc" 1 "a phone number of 10 digits is refused"
has "$ERR" "联系电话" "saying what is wrong with it"
zx cadre add --name 王明 --kind 乡镇干部 --post 副乡长 --phone 13800001111 --place "$town"
is "$rc" 1 "a cadre without a unit is refused"
zx cadre add --name 王明 --kind 局长 --unit 乡人民政府 --phone 13800001111 --place "$town"
is "$rc" 1 "a kind not in cadre_kind is refused"
zx cadre add --name 王明 --kind 乡镇干部 --unit 乡人民政府 --post 副乡长 --phone 13800001111 --place "$town"
is "$rc" 0 "a cadre with everything is added"
wang=$(q "$DB" "select id from cadre where name = '王明'")
is "$(q "$DB" "select count(*) from audit where tbl = 'cadre' and row_id = $wang and op = 'insert'")" 1 \
   "and audited"
zx cadre list --place "$town"
has "$OUT" "王明	乡镇干部	乡人民政府	副乡长	13800001111	$town	0" "the list shows it with no household yet"

# --- assigned ----------------------------------------------------------------
zx cadre assign 王明 "$hh" --from 2026-11-01
is "$rc" 0 "the cadre is assigned to the household"
zx check
hasnt "$OUT" "$hh  CD01" "the finding is gone"
zx print card "$hh" --format text -o -
has "$OUT" "王明" "the card shows the cadre's name"
has "$OUT" "13800001111" "and phone"
hasnt "$OUT" "尚未明确" "and no longer 尚未明确"
head=$(q "$DB" "select l.head from hh_list l join household h on h.id = l.id where h.hh_no = '$hh'")
zx print visits --cadre 王明 --days 366 --format text -o -
is "$rc" 0 "print visits --cadre prints the cadre's worklist"
has "$OUT" "帮扶责任人：王明" "headed by the cadre"
has "$OUT" "$head" "with the household"
is "$(grep -c '帮扶责任人：' "$OUT")" 1 "and no other cadre's list"

# --- reassigned, with the history -------------------------------------------
zx cadre add --name 李强 --kind 驻村工作队员 --unit 县农业农村局 --phone 0816-2345678 --place "$town"
is "$rc" 0 "a second cadre, with a landline"
zx cadre assign 李强 "$hh" --from 2026-10-01
is "$rc" 1 "a reassignment before the current cadre started is refused"
zx cadre assign 李强 "$hh" --from 2026-11-20
is "$rc" 0 "the household is reassigned"
zx cadre history "$hh"
is "$(sed -n 1p "$OUT")" "李强	0816-2345678	县农业农村局	2026-11-20		$me	" "the new cadre is current, assigned by the login"
is "$(sed -n 2p "$OUT")" "王明	13800001111	乡人民政府	2026-11-01	2026-11-20	$me	$me" \
   "the one before is kept, ended that day, with who ended it"
is "$(q "$DB" "select count(*) from audit where tbl = 'household_cadre' and field = 'end_date' and new = '2026-11-20'")" 1 \
   "the end is audited"
zx print visits --cadre 王明 --days 366 --format text -o -
hasnt "$OUT" "$head" "the household has left the former cadre's worklist"
zx cadre assign 李强 "$hh"
has "$ERR" "另有1户原已由其帮扶" "assigning the same cadre again changes nothing"

# --- scope --------------------------------------------------------------------
other=$(q "$DB" "select t.name from division t where t.level = 2 and t.name <> '$town' order by t.code limit 1")
otherhh=$(q "$DB" "select h.hh_no from household h join division t on t.id = h.township_id where t.name = '$other' limit 1")
zx cadre assign 李强 "$otherhh"
is "$rc" 1 "a cadre is not given a household of another township"
q "$DB" "update staff set role = 'township', scope_id = (select id from division where level = 2 and name = '$other') where login = '$me'"
zx cadre list
hasnt "$OUT" "王明" "a township account does not list another township's cadres"
zx cadre assign 王明 "$otherhh"
is "$rc" 2 "nor assigns them"
zx print visits --cadre 王明 --format text -o -
is "$rc" 2 "nor prints their worklists"
zx cadre add --name 赵六 --kind 村干部 --unit 村委会 --phone 13900002222 --place "$town"
is "$rc" 2 "nor adds a cadre to another township"
finish
