#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t25-pinyin.sh - the list's search by pinyin initials finds households
# whose head's name has characters outside GB2312's level 1 (李昊然 lhr,
# 晏琰 yy, U+20BB7 of extension B) and a two-character surname read as a
# surname (万俟卨 mqx, not wqx), after a list made by an older version
# (another list_version) is rebuilt by the command that reads it.
. "${top_srcdir:-.}/tests/cli/lib.sh"
need sqlite3
need python3

plan 10

DB="$DEFAULT_DB"
mkdir -p "$(dirname "$DB")"
demo_db "$DB" 40 || { echo "Bail out! the demo database cannot be made"; exit 1; }
# name N NAME: the head of the Nth household is now NAME; its number
name() {
    hh=$(q "$DB" "select hh_no from household order by id limit 1 offset $1")
    q "$DB" "update person set name = '$2' where relation = '02' and household_id =
             (select id from household where hh_no = '$hh')" >/dev/null
    echo "$hh"
}
HH1=$(name 0 李昊然)
HH2=$(name 1 晏琰)
HH3=$(name 2 万俟卨)
HH4=$(name 3 "$(printf '\360\240\256\267')田")
# The rows were written before the names changed, as an older version
# leaves them: the next command that reads the list rebuilds it.
q "$DB" "update meta set value = '2' where key = 'list_version'" >/dev/null

# found INITIALS HH: export households --search INITIALS lists HH
found() {
    zx export households --search "$1" -o "$T/$1.csv" --force
    col "$T/$1.csv" 户编号 | grep -qx "$2"
}
found lhr "$HH1"
ok $? "李昊然 is found by lhr (昊 is outside GB2312 level 1)"
is "$(q "$DB" "select value from meta where key = 'list_version'")" 4 \
    "the list made by an older version was rebuilt"
found yy "$HH2"
ok $? "晏琰 is found by yy"
found mqx "$HH3"
ok $? "万俟卨 is found by mqx (the surname 万俟 reads moqi)"
found wqx "$HH3"
[ $? -ne 0 ]
ok $? "and not by wqx (万 read as wan)"
found jt "$HH4"
ok $? "a head named with U+20BB7 (extension B) is found by jt"
found lh "$HH1"
ok $? "initials find by their start (lh)"
found "李昊" "$HH1"
ok $? "the characters themselves still find the household"
found zzzq "$HH1"
[ $? -ne 0 ]
ok $? "initials nobody has find nothing of it"
is "$(col "$T/yy.csv" 户主姓名 | grep -c 晏琰)" 1 "the export shows the head's name"
finish
