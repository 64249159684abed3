#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t05-check.sh - zhenxing check: integrity and the rules' findings, in
# Chinese, limited to the user's scope; exit 1 when anything is found.
. "${top_srcdir:-.}/tests/cli/lib.sh"
need sqlite3

plan 24

zx --db "$T/empty.db" init --province 51 --county 青山县
zx --db "$T/empty.db" check
is "$rc" 0 "an empty county checks clean"
has "$OUT" "数据库：完好" "the database is sound"
has "$OUT" "已检查0户：错误0条，警告0条。" "with nothing found"

zx check --rules
is "$rc" 0 "--rules works without a database"
missing=""
for code in $(cut -c1-4 "$OUT"); do
    grep -q "^$code " "$top_srcdir/doc/zhenxing.1" || missing="$missing $code"
done
is "$missing" "" "the man page documents every rule code"
has "$OUT" "EL01" "--rules lists the elimination rules"
has "$OUT" "监测对象" "in Chinese"

DB="$T/c.db"
demo_db "$DB" 1500
zx --db "$DB" check
is "$rc" 1 "findings give exit status 1"
tail -n 20 "$OUT" >"$T/tail"
has "$T/tail" "已检查1500户" "the summary counts the households"
has "$OUT" "数据库：完好" "the demo database is sound"

# Break one household on purpose: a wrong check digit and a sex that
# does not match.
hh=$(q "$DB" "select household_id from person order by id limit 1")
no=$(q "$DB" "select hh_no from household where id = $hh")
id=$(q "$DB" "select id_no from person where household_id = $hh order by id limit 1")
bad=$(printf '%s' "$id" | sed 's/.$/0/')
[ "$bad" = "$id" ] && bad=$(printf '%s' "$id" | sed 's/.$/1/')
sqlite3 "$DB" "update person set id_no = '$bad' where id_no = '$id'"
zx --db "$DB" check
grep "^$no" "$OUT" >"$T/line"
has "$T/line" "ID01" "a wrong check digit is found (ID01)"
has "$T/line" "错误" "as an error"
has "$T/line" "校验码" "and the message explains the check digit"

# Monitoring cases without a risk type.
cid=$(q "$DB" "select id from monitor_case where state = 'monitored' limit 1")
cno=$(q "$DB" "select hh_no from household h join monitor_case c on c.household_id = h.id where c.id = $cid")
sqlite3 "$DB" "delete from case_risk where case_id = $cid"
zx --db "$DB" check
grep "^$cno" "$OUT" >"$T/line"
has "$T/line" "RK01" "a monitoring object without risk is found (RK01)"

# A township account sees only its township.
me=$(id -un)
town=$(q "$DB" "select township_id from household where id = $hh")
sqlite3 "$DB" "update staff set role = 'township', scope_id = $town where login = '$me'"
zx --db "$DB" check
scoped=$(q "$DB" "select count(*) from household where township_id = $town")
has "$OUT" "已检查${scoped}户" "a township account checks only its $scoped households"
others=$(q "$DB" "select hh_no from household where township_id <> $town limit 1")
hasnt "$OUT" "$others" "households of other townships are not shown"

# A corrupted page is reported, with exit status 1.
cp "$DB" "$T/bad.db"
sqlite3 "$T/bad.db" "pragma journal_mode = delete" >/dev/null
size=$(wc -c <"$T/bad.db")
dd if=/dev/urandom of="$T/bad.db" bs=4096 seek=$((size / 4096 / 2)) count=4 conv=notrunc 2>/dev/null
zx --db "$T/bad.db" check --full
[ "$rc" -ne 0 ]
ok $? "a damaged file does not pass (exit $rc)"
grep -q "损坏" "$OUT" "$ERR"
ok $? "and the damage is reported in Chinese"

zx --db "$DB" check --bogus
is "$rc" 1 "an unknown option is a usage error"
zx --db "$T/none.db" check
is "$rc" 2 "a missing database is an error"

: >"$T/zero.db"
zx --db "$T/zero.db" check
is "$rc" 2 "a 0-byte file is not a database"
has "$ERR" "是空文件（0 字节），不是 zhenxing 数据库" "check says so in Chinese"
is "$(wc -c <"$T/zero.db")" 0 "and leaves the file as it was"
zx --db "$T/zero.db" print card 1 -o "$T/x.txt"
is "$(wc -c <"$T/zero.db")" 0 "so does every command opening it"
finish
