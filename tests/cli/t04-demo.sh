#!/bin/sh
# t04-demo.sh - zhenxing demo: a realistic synthetic county, the same for
# the same seed and date, with valid synthetic ID numbers and cases in
# every state; it never replaces a real county database.
. "${top_srcdir:-.}/tests/cli/lib.sh"
command -v sqlite3 >/dev/null || skip_all "the sqlite3 shell is not installed"

plan 22

zx --db "$T/a.db" demo --households 600 --seed 11
is "$rc" 0 "demo succeeds"
has "$OUT" "600" "it reports the households made"
is "$(q "$T/a.db" "select count(*) from household")" 600 "600 households"
persons=$(q "$T/a.db" "select count(*) from person")
[ "$persons" -gt 1800 ] && [ "$persons" -lt 3000 ]
ok $? "about four persons a household ($persons)"
is "$(q "$T/a.db" "select count(*) from person where id_no not like '519901%'")" 0 "ID numbers use the test region 519901"
ids=$(q "$T/a.db" "select id_no from person order by random() limit 200")
"$ZHENXING" idcheck $ids >"$OUT" 2>"$ERR"
is "$?" 0 "200 sampled ID numbers pass the check digit"
is "$(q "$T/a.db" "select count(distinct id_no) = count(*) from person")" 1 "ID numbers are unique"
is "$(q "$T/a.db" "select count(*) from division where level = 2")" 6 "six townships"
is "$(q "$T/a.db" "select count(*) from division where level = 2 and name not glob '*[镇乡]'")" 0 "townships are named 镇 or 乡"
is "$(q "$T/a.db" "select count(*) from division where level = 3 and name not glob '*村'")" 0 "villages are named 村"
is "$(q "$T/a.db" "select count(distinct state) from monitor_case")" 12 "cases in all twelve states"
is "$(q "$T/a.db" "select count(*) from monitor_case c where state = 'monitored' and not exists (select 1 from case_step s where s.case_id = c.id and s.action = 'county_approve')")" 0 "every monitored case has its approval step"
is "$(q "$T/a.db" "select count(*) from monitor_case where state = 'eliminated' and julianday(eliminated_on) - julianday(identified_on) < 180")" 0 "no elimination within six months"
is "$(q "$T/a.db" "select count(*) from case_step where pub_start is not null and julianday(pub_end) - julianday(pub_start) < 4")" 0 "every publicity lasts at least five days"
is "$(q "$T/a.db" "select count(*) from staff")" 11 "staff accounts for county, townships, a village and a viewer"

"$ZHENXING" --db "$T/b.db" demo --households 600 --seed 11 >/dev/null 2>&1
"$ZHENXING" --db "$T/c.db" demo --households 600 --seed 12 >/dev/null 2>&1
dump() {
    q "$1" "select hh_no, hh_type from household order by id;
            select name, id_no, labour from person order by id;
            select household_id, year, per_capita from income order by id;
            select household_id, state, identified_on from monitor_case order by id;
            select case_id, action, step_date from case_step order by id;
            select household_id, visit_date from visit order by id;"
}
[ "$(dump "$T/a.db" | cksum)" = "$(dump "$T/b.db" | cksum)" ]
ok $? "the same seed gives the same data"
[ "$(dump "$T/a.db" | cksum)" != "$(dump "$T/c.db" | cksum)" ]
ok $? "another seed gives other data"

sum=$(cksum <"$T/a.db")
zx --db "$T/a.db" demo --households 10
is "$rc" 1 "an existing file is not replaced without --force"
zx --db "$T/a.db" demo --households 10 --force
is "$rc" 0 "--force replaces a demo database"
is "$(q "$T/a.db" "select count(*) from household")" 10 "with the new demo"

"$ZHENXING" --db "$T/real.db" init --province 51 --county 青山县 >/dev/null 2>&1
sum=$(cksum <"$T/real.db")
zx --db "$T/real.db" demo --force
is "$rc" 1 "--force never replaces a real county database"
is "$(cksum <"$T/real.db")" "$sum" "which is left untouched"
finish
