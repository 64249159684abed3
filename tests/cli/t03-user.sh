#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t03-user.sh - staff accounts: list, add, set; validation; only
# administrators change accounts; every change audited.
. "${top_srcdir:-.}/tests/cli/lib.sh"
need sqlite3

plan 27

DB="$T/c.db"
demo_db "$DB" 200
me=$(id -un)

zx --db "$DB" user list
is "$rc" 0 "user list succeeds"
has "$OUT" "系统管理员" "it shows roles in Chinese"
has "$OUT" "xianji01" "it lists the demo's county staff"
town=$(q "$DB" "select name from division where level = 2 order by id limit 1")
village=$(q "$DB" "select name from division where level = 3 and parent_id = (select id from division where name = '$town') order by id limit 1")

zx --db "$DB" user add wangwu --name 王五 --role township --scope "$town"
is "$rc" 0 "adding a township account succeeds"
has "$OUT" "已添加账号'wangwu'" "and says so"
is "$(q "$DB" "select role || ',' || (select name from division where id = scope_id) from staff where login = 'wangwu'")" "township,$town" "with its role and township"
zx --db "$DB" user list
has "$OUT" "王五" "the new account is listed"

zx --db "$DB" user add liuliu --name 刘六 --role village --scope "$town/$village"
is "$rc" 0 "a village account takes TOWNSHIP/VILLAGE"

audit=$(q "$DB" "select count(*) from audit")
zx --db "$DB" user add wangwu --name 王五 --role township --scope "$town"
is "$rc" 1 "a login that has an account already is refused"
has "$ERR" "已有账号" "with a message saying so"
zx --db "$DB" user add zhaoqi --name 赵七 --role township
is "$rc" 1 "a township account without a township is refused"
has "$ERR" "权限范围与角色不符" "the message says the scope does not fit"
zx --db "$DB" user add zhaoqi --name 赵七 --role boss
is "$rc" 1 "an unknown role is refused"
zx --db "$DB" user add "Zhao Qi" --name 赵七 --role county
is "$rc" 1 "a login that is no Unix name is refused"
zx --db "$DB" user add zhaoqi --name 赵七 --role county --scope 不存在乡
is "$rc" 2 "an unknown township is refused"
has "$ERR" "不存在乡" "and named"
zx --db "$DB" user add zhaoqi --role county
is "$rc" 1 "--name is required"
is "$(q "$DB" "select count(*) from audit")" "$audit" "refused changes write nothing"

zx --db "$DB" user set wangwu --name 王五一 --role county --county
is "$rc" 0 "user set changes an account"
is "$(q "$DB" "select name || ',' || role || ',' || coalesce(scope_id, 0) || ',' || version from staff where login = 'wangwu'")" "王五一,county,0,2" "name, role and scope changed, version bumped"
is "$(q "$DB" "select count(*) from audit where tbl = 'staff' and op = 'update'")" 3 "one audit row per changed field"
zx --db "$DB" user set wangwu --disable
is "$(q "$DB" "select active from staff where login = 'wangwu'")" 0 "--disable disables"
zx --db "$DB" user set "$me" --role county
is "$rc" 2 "an administrator cannot demote himself"
zx --db "$DB" user set nosuch --disable
is "$rc" 2 "changing an unknown login is an error"

# A non-administrator may not change accounts.
sqlite3 "$DB" "update staff set role = 'county' where login = '$me'"
zx --db "$DB" user add abc --name 甲 --role county
is "$rc" 2 "a county account cannot add accounts"
has "$ERR" "只有系统管理员" "the message says who may"
sqlite3 "$DB" "update staff set active = 0 where login = '$me'"
zx --db "$DB" user list
is "$rc" 2 "a disabled account cannot use zhenxing"
finish
