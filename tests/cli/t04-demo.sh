#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t04-demo.sh - zhenxing demo: a realistic synthetic county, the same for
# the same seed and date, with valid synthetic ID numbers and cases in
# every state, and a year and a half of funds: receipts of every level,
# dozens of projects a year whose histories obey the lifecycle,
# allocations and payments that never overdraw, hundreds of assets; the
# paired assistance (partners, agreements with targets, records, resident
# teams with a 第一书记 each, attendance, grades within the caps); it
# never replaces a real county database.
. "${top_srcdir:-.}/tests/cli/lib.sh"
need sqlite3

plan 71

zx --db "$T/a.db" demo --households 600 --seed 11
is "$rc" 0 "demo succeeds"
has "$OUT" "600" "it reports the households made"
has "$OUT" "帮扶协作：帮扶单位" "and the paired assistance"
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

# --- funds, projects and assets ------------------------------------------
is "$(q "$T/a.db" "select count(*) from (select year from project where year in (2025, 2026) group by year having count(*) between 20 and 150)")" 2 \
    "dozens of projects in each of 2025 and 2026"
assets=$(q "$T/a.db" "select count(*) from asset")
[ "$assets" -ge 100 ] && [ "$assets" -le 2000 ]
ok $? "hundreds of assets ($assets)"
is "$(q "$T/a.db" "select count(distinct aclass) from asset where aclass = '1' and (select count(*) from asset where aclass = '1') > (select count(*) from asset where aclass <> '1')")" 1 \
    "public-welfare assets are most of the ledger"
is "$(q "$T/a.db" "select count(distinct level) || '/' || count(distinct fund_type) from fund")" 4/6 \
    "receipts of the four levels and six kinds of funds"
is "$(q "$T/a.db" "select count(distinct year) from fund")" 2 "receipts of this year and the last"
is "$(q "$T/a.db" "select count(*) from fund f where (select coalesce(sum(amount), 0) from allocation where fund_id = f.id) > f.amount")" 0 \
    "no receipt is allocated beyond its amount"
is "$(q "$T/a.db" "select count(*) from allocation a where (select coalesce(sum(amount), 0) from payment where allocation_id = a.id) > a.amount")" 0 \
    "no allocation is paid beyond its amount"
is "$(q "$T/a.db" "select count(*) from payment y join allocation a on a.id = y.allocation_id where y.pay_date < a.alloc_date")" 0 \
    "no payment before its allocation"
is "$(q "$T/a.db" "select count(*) from asset where aclass = '1' and coalesce(maintainer, '') = ''")" 0 \
    "every public-welfare asset has its maintainer"
is "$(q "$T/a.db" "select count(*) from asset a where aclass = '3' and not exists (select 1 from household h where h.id = a.household_id and h.village_id = a.village_id)")" 0 \
    "every household asset belongs to a household of its village"
is "$(q "$T/a.db" "select count(*) from project p where (select action || ':' || from_state from project_step where project_id = p.id order by id limit 1) is not 'propose:none'")" 0 \
    "every project's history begins with its proposal"
is "$(q "$T/a.db" "select count(*) from (select from_state, lag(to_state) over (partition by project_id order by id) prev, step_date, lag(step_date) over (partition by project_id order by id) prev_date, lag(pub_end) over (partition by project_id order by id) prev_end from project_step) where prev is not null and (prev <> from_state or step_date < prev_date or step_date <= prev_end)")" 0 \
    "each step follows from the one before, in date order, after any publicity"
is "$(q "$T/a.db" "select count(*) from project p where state <> (select to_state from project_step where project_id = p.id order by id desc limit 1)")" 0 \
    "every project is in the state its last step left it"
is "$(q "$T/a.db" "select count(*) from project_step where pub_start is not null and julianday(pub_end) - julianday(pub_start) + 1 < 10")" 0 \
    "every project publicity lasts at least ten days"
is "$(q "$T/a.db" "select count(distinct state) >= 10 from project")" 1 "projects in many states"
is "$(q "$T/a.db" "select max(d) <= '2026-11-22' from (select max(step_date) d from project_step union all select max(alloc_date) from allocation union all select max(pay_date) from payment union all select max(received_on) from fund union all select max(completed_on) from asset)")" 1 \
    "nothing dated after today"
years=$(q "$T/a.db" "select count(*) from (select f.year from allocation a join fund f on f.id = a.fund_id join project p on p.id = a.project_id where f.fund_type = '01' group by f.year having 1.0 * sum(case when p.ptype = '1' then a.amount else 0 end) / (select sum(amount) from fund where year = f.year and fund_type = '01') >= 0.55)")
[ "$years" -ge 1 ]
ok $? "industry takes at least 55% of 衔接资金 in $years year(s)"
is "$(q "$T/a.db" "select count(*) from (select f.year, f.level, sum(a.amount) m from allocation a join fund f on f.id = a.fund_id join project p on p.id = a.project_id where p.ptype = '8' group by 1, 2) x where m > (select sum(amount) from fund where year = x.year and level = x.level and fund_type = '01') * case x.level when '1' then 0.01 else 0.03 end")" 0 \
    "the management fee stays within the caps"
late=$(q "$T/a.db" "select count(*) from allocation where julianday(coalesce(published_on, '2026-11-22')) - julianday(alloc_date) > 31")
[ "$late" -ge 1 ] && [ "$late" -le "$(q "$T/a.db" "select count(*) / 5 from allocation")" ]
ok $? "a few allocation results published late or not at all ($late)"
is "$(q "$T/a.db" "select count(*) > 0 from payment where is_wage")" 1 "以工代赈 wages are paid"
is "$(q "$T/a.db" "select count(*) from asset where status = '4' and (disposal is null or disposal_date is null or disposal_doc is null or disposal_reason is null)")" 0 \
    "every disposal has its method, date, approval and reason"
is "$(q "$T/a.db" "select count(*) >= 1 from asset where status = '4'") $(q "$T/a.db" "select count(*) > 0 from asset_income")" "1 1" \
    "some assets disposed of, operating assets with their income"
is "$(q "$T/a.db" "select count(distinct tbl) from audit where actor = 'xianji01' and tbl in ('fund', 'project', 'project_household', 'allocation', 'payment', 'asset', 'asset_income')")" 7 \
    "the county account's audit rows for every funds table"

# --- paired assistance -----------------------------------------------------
pa() { q "$T/a.db" "$1"; }
is "$(pa "select count(*) >= 7 and count(distinct kind) = 4 from partner")" 1 \
    "partners of the four kinds of assistance"
is "$(pa "select count(*) from partner where kind = '1' and level = '4' and region like '浙江省%'")" 1 \
    "the East-West partner is a county-level district of Zhejiang"
is "$(pa "select count(distinct year) || '/' || (count(*) >= 10) from agreement")" 2/1 \
    "agreements of last year and this year"
is "$(pa "select count(*) from agreement a where not exists (select 1 from agreement_target where agreement_id = a.id)")" 0 \
    "every agreement has its targets"
is "$(pa "select count(*) > 50 from pair_record where day <= '2026-11-22'") $(pa "select count(*) from pair_record where day > '2026-11-22'")" "1 0" \
    "records of arrivals, none after today"
missed=$(pa "select count(*) from agreement_target t join agreement a on a.id = t.agreement_id where a.year = 2025 and t.value > (select coalesce(sum(value), 0) from pair_record r where r.partner_id = a.partner_id and r.indicator = t.indicator and r.day like '2025-%')")
[ "$missed" -ge 1 ] && [ "$missed" -le 2 ]
ok $? "last year one or two targets missed ($missed)"
behind=$(pa "select count(*) from agreement_target t join agreement a on a.id = t.agreement_id where a.year = 2026 and (select coalesce(sum(value), 0) from pair_record r where r.partner_id = a.partner_id and r.indicator = t.indicator and r.day like '2026-%') * 365 < t.value * 326")
[ "$behind" -ge 1 ]
ok $? "this year some targets behind the year's pace ($behind)"
teams=$(pa "select count(*) from team")
villages=$(pa "select count(*) from division where level = 3")
[ "$((teams * 4))" -ge "$villages" ] && [ "$((teams * 2))" -le "$villages" ]
ok $? "resident teams in about a third of the villages ($teams of $villages)"
is "$(pa "select count(*) from team t where (select count(*) from team_member m where m.team_id = t.id and m.role = '1' and m.end_on is null) <> 1")" 0 \
    "every team has one 第一书记 serving"
is "$(pa "select count(*) from team t where (select count(*) from team_member m where m.team_id = t.id and m.end_on is null) < 3")" 0 \
    "every team has at least three members serving"
broken=$(pa "select count(*) from attendance where present < 20 or absent > 0")
[ "$broken" -ge 1 ] && [ "$broken" -le "$(pa "select count(*) / 10 from attendance")" ]
ok $? "a few months short of the rule or with absences ($broken)"
is "$(pa "select count(*) from team_grade g where g.grade < (select case when s >= 3 then '4' when s = 2 then '3' when s = 1 then '2' else '1' end from (select coalesce(sum(absent), 0) s from attendance where member_id = g.member_id and month like g.year || '-%'))")" 0 \
    "no grade better than the absences allow"

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
fdump() {
    q "$1" "select year, level, fund_type, batch, doc_no, title, amount, received_on from fund order by id;
            select proj_no, name, year, ptype, village_id, state, budget, hh_benefit, content,
                   linking, targets, targets_published_on from project order by id;
            select project_id, action, actor, step_date, pub_end, doc_no, note from project_step order by id;
            select * from project_household order by 1, 2;
            select fund_id, project_id, amount, alloc_date, doc_no, published_on from allocation order by id;
            select allocation_id, pay_date, amount, payee, voucher_no, is_wage from payment order by id;
            select asset_no, name, aclass, atype, project_id, household_id, owner, operator,
                   maintainer, status, disposal, value from asset order by id;
            select * from asset_source order by 1, 2;
            select asset_id, year, income, to_households, dist_date from asset_income order by id;"
}
[ "$(dump "$T/a.db" | cksum)" = "$(dump "$T/b.db" | cksum)" ]
ok $? "the same seed gives the same data"
[ "$(dump "$T/a.db" | cksum)" != "$(dump "$T/c.db" | cksum)" ]
ok $? "another seed gives other data"
[ "$(fdump "$T/a.db" | cksum)" = "$(fdump "$T/b.db" | cksum)" ]
ok $? "the same seed gives the same funds, projects and assets"
[ "$(fdump "$T/a.db" | cksum)" != "$(fdump "$T/c.db" | cksum)" ]
ok $? "another seed gives other funds"
pdump() {
    q "$1" "select kind, name, level from partner order by id;
            select partner_id, township_id, village_id, start_on from pairing order by id;
            select partner_id, year, doc_no, signed_on from agreement order by id;
            select agreement_id, indicator, value from agreement_target order by id;
            select partner_id, indicator, day, value, evidence from pair_record order by id;
            select village_id, name, term_start, term_end from team order by id;
            select team_id, name, role, unit, start_on, end_on, end_reason from team_member order by id;
            select member_id, month, present, leave, approver, absent from attendance order by id;
            select member_id, year, grade from team_grade order by id;"
}
[ "$(pdump "$T/a.db" | cksum)" = "$(pdump "$T/b.db" | cksum)" ]
ok $? "the same seed gives the same partners, records, teams and attendance"

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

# --- the new demo is built before the old one goes --------------------------
# kill_demo SIG: start demo --force (20,000 households) over k/old.db (a
# 10-household demo), send SIG once its temporary file is there, and wait
# for it.
mkdir "$T/k"
"$ZHENXING" --db "$T/k/old.db" demo --households 10 >/dev/null 2>&1
kill_demo() {
    "$ZHENXING" --db "$T/k/old.db" demo --households 20000 --force >/dev/null 2>&1 &
    pid=$!
    i=0
    while [ $i -lt 300 ] && ! ls -A "$T/k" | grep -q zxtmp; do sleep 0.02; i=$((i + 1)); done
    sleep 0.3
    kill "-$1" "$pid"
    wait "$pid"
}
tmp_left() { ls -A "$T/k" | grep -c zxtmp; }
kill_demo KILL
is "$(q "$T/k/old.db" "select count(*) from household")" 10 "a demo --force killed (SIGKILL) while building leaves the old database"
is "$(q "$T/k/old.db" "pragma integrity_check")" ok "sound"
is "$(stat -c %a "$T/k/$(ls -A "$T/k" | grep zxtmp | head -n 1)")" 600 "its temporary file is its maker's alone (0600)"
kill_demo TERM
is "$(q "$T/k/old.db" "select count(*) from household")" 10 "one ended by SIGTERM leaves it too"
is "$(tmp_left)" 0 "and no temporary file: its own is removed, the killed one's swept"
zx --db "$T/k/old.db" demo --households 20 --force
is "$(q "$T/k/old.db" "select count(*) from household") $(tmp_left)" "20 0" \
    "a demo --force that completes replaces it and leaves nothing beside it"
ls -A "$T/k" | grep -q -- '-wal$'
[ $? -ne 0 ]
ok $? "not even the old database's write-ahead log"
ln -s "$T/k/old.db" "$T/k/link.db"
zx --db "$T/k/link.db" demo --households 10 --force
is "$rc" 2 "demo --force does not replace a symbolic link"
has "$ERR" "符号链接" "saying it is one"
[ -L "$T/k/link.db" ]
ok $? "which stays a link"
finish
