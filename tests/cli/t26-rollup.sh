#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t26-rollup.sh - the province's roll-up kit (contrib/rollup, issue 20)
# against a real PostgreSQL that the test starts in its temporary
# directory (as the postgres user when run as root) and stops at the end:
# three demo counties exported and loaded (one as FILE.tar.zst); the six reports' figures equal
# to the same figures computed with sqlite3 from each county's own
# database; every report and drill-down view explained, a drill-down
# reading its county's partitions only; a county re-sent with changes and
# swapped (its old partitions gone, the others untouched); a wrong
# checksum, a wrong row count and an older as-of refused with nothing
# changed; schema.sql's raw tables the same as zhenxing's schema.
. "${top_srcdir:-.}/tests/cli/lib.sh"
need sqlite3
need python3
need psql
need tar
need zstd
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$PGBIN/initdb" ] && [ -x "$PGBIN/pg_ctl" ] ||
    { echo "Bail out! PostgreSQL's server is not installed (./quickstart.sh installs it)"; exit 1; }
if [ "$(id -u)" -eq 0 ]; then
    need runuser
    id postgres >/dev/null 2>&1 || { echo "Bail out! no postgres user to run the server"; exit 1; }
    as_pg() { runuser -u postgres -- "$@"; }
else
    as_pg() { "$@"; }
fi
KIT="$top_srcdir/contrib/rollup/zhenxing-rollup"

plan 39

# --- the server ---------------------------------------------------------------------
PG="$T/pg"
mkdir "$PG"
[ "$(id -u)" -ne 0 ] || chown postgres "$PG"
as_pg "$PGBIN/initdb" -D "$PG/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 --no-sync \
    >"$T/initdb.log" 2>&1 || { cat "$T/initdb.log"; echo "Bail out! initdb failed"; exit 1; }
as_pg "$PGBIN/pg_ctl" -D "$PG/data" -l "$PG/log" -w \
    -o "-k $PG -c listen_addresses= -c fsync=off" start >/dev/null 2>&1 ||
    { cat "$PG/log"; echo "Bail out! the server did not start"; exit 1; }
trap 'as_pg "$PGBIN/pg_ctl" -D "$PG/data" -m fast -w stop >/dev/null 2>&1; chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT
export PGHOST="$PG" PGUSER=postgres PGDATABASE=postgres
pq() { psql -X -A -t -q -c "$1"; }
# state: what "nothing changed" compares
state() { pq "select string_agg(county || suffix || as_of, ',' order by county) from rollup_county;
              select count(*) from pg_class; select count(*) from person; select sum(households) from s_monitored"; }

"$KIT" init >"$OUT" 2>"$ERR"
ok $? "zhenxing-rollup init creates the schema and the reports"
is "$(pq "select string_agg(code, ',' order by code) from rollup_code where tag in ('labour', 'xianjie')")" \
    "01,1,2,3" "and reads the code tags from codes.conf"

# --- three counties -----------------------------------------------------------------
i=1
for c in 519901:青山县 519902:白水县 519903:红岩县; do
    code=${c%%:*} name=${c#*:}
    "$ZHENXING" --db "$T/c$i.db" demo --households 300 --seed "$i" --date 2026-11-20 >/dev/null 2>&1
    q "$T/c$i.db" "update meta set value = '$code' where key = 'county_code';
        update meta set value = '$name' where key = 'county'; update division set name = '$name' where level = 1"
    # the third as one file, as it would travel
    if [ $i -eq 3 ]; then
        zx --db "$T/c$i.db" export snapshot -o "$T/snap$i.tar.zst"
        is "$rc" 0 "county $i ($code) exported as FILE.tar.zst"
        "$KIT" load "$T/snap$i.tar.zst" >"$OUT" 2>"$ERR"
        ok $? "and loaded"
        tar --zstd -xf "$T/snap$i.tar.zst" -C "$T"
    else
        zx --db "$T/c$i.db" export snapshot -o "$T/snap$i"
        is "$rc" 0 "county $i ($code) exported"
        "$KIT" load "$T/snap$i" >"$OUT" 2>"$ERR"
        ok $? "and loaded"
    fi
    i=$((i + 1))
done
is "$(pq "select string_agg(county || ' ' || name, ',' order by county) from rollup_county")" \
   "519901 青山县,519902 白水县,519903 红岩县" "three counties in the roll-up"
"$KIT" schema "$T/snap1" >"$T/raw.sql"
sed -n '/^-- zhenxing schema version/,$p' "$top_srcdir/contrib/rollup/schema.sql" | cmp -s - "$T/raw.sql"
ok $? "schema.sql's raw tables are zhenxing's schema (zhenxing-rollup schema DIR makes them)"

# --- the reports against each county's own database -------------------------------------
tags() { pq "select string_agg(quote_literal(code), ',') from rollup_code where kind = '$1' and tag = '$2'"; }
LAB=$(tags labour labour) DEV=$(tags measure_category development)
XJ=$(tags fund_type xianjie) IND=$(tags project_type industry)
MON="'monitored', 'elim_verified', 'elim_appraised', 'elim_publicizing', 'elim_township_reviewed'"
# figures N DB CODE: the six reports of county CODE, from PostgreSQL (pg)
# and from its database DB with sqlite3 (lite), one file each
figures() {
    asof=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["as_of"][:10])' "$1/manifest.json")
    sqlite3 -batch -noheader "$2" "
      select category, count(*), sum((select count(*) from person p where p.household_id = m.household_id
        and p.in_household = 1)) from (select distinct household_id, category from monitor_case
        where state in ($MON)) m group by 1 order by 1;
      select m, sum(i), sum(e) from (select substr(identified_on, 1, 7) m, 1 i, 0 e from monitor_case
        where identified_on is not null union all select substr(eliminated_on, 1, 7), 0, 1
        from monitor_case where eliminated_on is not null) group by 1 order by 1;
      with h as (select distinct household_id from monitor_case c where state in ($MON) and exists
        (select 1 from person p where p.household_id = c.household_id and p.in_household = 1
         and p.labour in ($LAB)))
      select count(*), sum(exists (select 1 from measure m where m.household_id = h.household_id
        and m.category in ($DEV))) from h;
      select year, count(*), sum(coalesce(per_capita < line_fen, 0)), coalesce(sum(per_capita), 0)
        from income group by 1 order by 1;
      select f.year, sum(a.amount), coalesce(sum(case when p.ptype in ($IND) then a.amount end), 0)
        from allocation a join fund f on f.id = a.fund_id left join project p on p.id = a.project_id
        where f.fund_type in ($XJ) group by 1 order by 1;
      select state, count(*) from monitor_case where deadline is not null and deadline < '$asof'
        and state not in ('rejected', 'eliminated') group by 1 order by 1;" >"$T/f-lite"
    pq "select category, households, persons from r_monitored where county = '$3' order by 1;
        select month, identified, eliminated from r_monthly where county = '$3' order by 1;
        select with_labour, with_development from r_devrule where county = '$3';
        select year, households, below_line, per_capita_sum from r_income
          where county = '$3' order by 1;
        select year, xianjie, industry from r_funds where county = '$3' order by 1;
        select state, overdue from r_overdue where county = '$3' order by 1" >"$T/f-pg"
}
i=1
for code in 519901 519902 519903; do
    figures "$T/snap$i" "$T/c$i.db" "$code"
    diff "$T/f-lite" "$T/f-pg" >"$T/diff"
    ok $? "county $code: the six reports' figures are its own database's ($(wc -l <"$T/f-pg") lines)"
    [ -s "$T/diff" ] && sed 's/^/# /' "$T/diff" | head -20
    i=$((i + 1))
done
[ "$(pq "select count(distinct county) from r_monitored")" -eq 3 ] &&
    [ "$(pq "select count(*) from r_devrule")" -eq 3 ]
ok $? "the reports cover the three counties"
for v in r_monitored r_monthly r_devrule r_income r_funds r_overdue; do
    pq "explain select * from $v" >"$T/plan" 2>&1
    ok $? "EXPLAIN $v (over the summary rows)"
done
for v in d_monitored d_monthly d_devrule d_income d_funds d_overdue; do
    pq "explain select * from $v where county = '519902'" >"$T/plan" 2>&1 &&
        grep -q "__519902_" "$T/plan" && ! grep -q "__51990[13]_" "$T/plan"
    ok $? "EXPLAIN $v for one county reads its partitions only"
done

# --- a county re-sent with changes --------------------------------------------------------
q "$T/c2.db" "update monitor_case set category = (select min(category) from monitor_case)
    where id = (select max(id) from monitor_case where state = 'monitored');
    delete from income where year = (select min(year) from income)"
OLD=$(pq "select suffix from rollup_county where county = '519902'")
ZHENXING_TODAY=2026-11-23 zx --db "$T/c2.db" export snapshot -o "$T/snap2b"
is "$rc" 0 "county 519902 exports again, a day later"
BEFORE1=$(pq "select as_of || suffix from rollup_county where county <> '519902' order by 1")
"$KIT" load "$T/snap2b" >"$OUT" 2>"$ERR"
ok $? "and is loaded again"
figures "$T/snap2b" "$T/c2.db" 519902
diff "$T/f-lite" "$T/f-pg" >/dev/null
ok $? "its reports are the changed database's"
is "$(pq "select count(*) from pg_class where relname like 'household$OLD'")" 0 \
    "its old partitions are gone"
is "$(pq "select count(*) from pg_inherits i join pg_class c on c.oid = i.inhrelid
          where i.inhparent = 'household'::regclass")" 3 "one partition a county"
is "$(pq "select as_of || suffix from rollup_county where county <> '519902' order by 1")" "$BEFORE1" \
    "the other counties untouched"

# --- refusals -------------------------------------------------------------------------------
S0=$(state)
cp -r "$T/snap3" "$T/bad"
sed -i '2s/^\([0-9]*\),/\1,9/' "$T/bad/household.csv"
"$KIT" load "$T/bad" >"$OUT" 2>"$ERR"
[ $? -eq 1 ] && [ "$(state)" = "$S0" ]
ok $? "a snapshot with a wrong checksum is refused, nothing changed"
has "$ERR" "checksum" "saying which file"
"$KIT" load "$T/snap2" >"$OUT" 2>"$ERR"
[ $? -eq 1 ] && [ "$(state)" = "$S0" ]
ok $? "a snapshot older than the loaded one is refused, nothing changed"
has "$ERR" "older" "saying so"
rm -r "$T/bad"
cp -r "$T/snap3" "$T/bad"
python3 - "$T/bad/manifest.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
m["files"][1]["rows"] += 1
json.dump(m, open(sys.argv[1], "w"))
PY
"$KIT" load "$T/bad" >"$OUT" 2>"$ERR"
[ $? -eq 1 ] && [ "$(state)" = "$S0" ]
ok $? "a snapshot whose rows are not its manifest's is refused after loading, nothing changed"
has "$ERR" "the manifest says" "saying so"
"$KIT" load "$T/snap3" >"$OUT" 2>"$ERR"
ok $? "re-sending the same snapshot is safe"
finish
