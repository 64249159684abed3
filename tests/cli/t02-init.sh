#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t02-init.sh - zhenxing init: a new county database at the default place,
# refusals that leave files untouched.
. "${top_srcdir:-.}/tests/cli/lib.sh"
need sqlite3

plan 33

zx init --province 四川 --county 青山县 --county-code 519901
is "$rc" 0 "init succeeds"
[ -f "$DEFAULT_DB" ]
ok $? "the database is at \$XDG_DATA_HOME/zhenxing/county.db"
has "$OUT" "已创建县级数据库" "it says so in Chinese"
has "$OUT" "2026年监测范围" "it names this year's monitoring line"
has "$OUT" "默认值" "and that the line is a default to confirm"
is "$(q "$DEFAULT_DB" "select value from meta where key = 'province'")" 51 "the province is stored as its code"
is "$(q "$DEFAULT_DB" "select name || code from division where level = 1")" "青山县519901" "the county division exists"
is "$(q "$DEFAULT_DB" "select role from staff where login = '$(id -un)'")" admin "the caller is the administrator"
is "$(q "$DEFAULT_DB" "pragma journal_mode")" wal "the database is in WAL mode"
is "$(q "$DEFAULT_DB" "select count(*) from audit where op = 'insert'")" 2 "the county and the account are audited"

sum=$(cksum <"$DEFAULT_DB")
zx init --province 四川 --county 白云县
is "$rc" 1 "a second init is refused"
has "$ERR" "已是青山县的数据库" "because the file holds a county already"
is "$(cksum <"$DEFAULT_DB")" "$sum" "and the file is unchanged"

zx --db "$T/a.db" init --province 火星 --county 青山县
is "$rc" 1 "an unknown province is refused"
has "$ERR" "未知省份'火星'" "and named"
[ ! -e "$T/a.db" ]
ok $? "no file is left behind"
zx --db "$T/a.db" init --province 51 --county 青山县 --county-code 429901
is "$rc" 1 "a county code of another province is refused"
zx --db "$T/a.db" init --province 51 --county "青山/县"
is "$rc" 1 "a county name with a slash is refused"
zx --db "$T/a.db" init --province 51 --county "$(printf 'bad\377name')"
is "$rc" 1 "a county name that is not UTF-8 is refused"
zx --db "$T/a.db" init --province 51
is "$rc" 1 "--county is required"
zx --db "$T/a.db" init --province 51 --county 县 extra
is "$rc" 1 "an extra argument is refused"
[ ! -e "$T/a.db" ]
ok $? "none of these left a file"

printf 'not a database, just some text written by somebody else\n' >"$T/notes.txt"
sum=$(cksum <"$T/notes.txt")
zx --db "$T/notes.txt" init --province 51 --county 青山县
is "$rc" 2 "a file that is not SQLite is refused"
has "$ERR" "不是 zhenxing 数据库" "with a clear message"
is "$(cksum <"$T/notes.txt")" "$sum" "and left as it was"

sqlite3 "$T/other.db" "create table t(x); insert into t values (1);"
sum=$(cksum <"$T/other.db")
zx --db "$T/other.db" init --province 51 --county 青山县
is "$rc" 2 "another program's SQLite database is refused"
is "$(cksum <"$T/other.db")" "$sum" "and left as it was"

cp "$DEFAULT_DB" "$T/newer.db"
sqlite3 "$T/newer.db" "pragma user_version = 999; pragma journal_mode = delete;" >/dev/null
sum=$(cksum <"$T/newer.db")
zx --db "$T/newer.db" check
is "$rc" 2 "a database from a newer zhenxing is refused"
has "$ERR" "更新版本" "saying a newer zhenxing wrote it"
is "$(cksum <"$T/newer.db")" "$sum" "and it is left untouched"

mkdir "$T/ro"
chmod 555 "$T/ro"
as_nobody "$ZHENXING" --db "$T/ro/c.db" init --province 51 --county 青山县 >"$OUT" 2>"$ERR"
rc=$?
is "$rc" 2 "a read-only directory is an error"
has "$ERR" "无法打开数据库" "that says the file cannot be created"
[ ! -e "$T/ro/c.db" ]
ok $? "nothing was written there"
finish
