#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t09-badinput.sh - odd input of every kind: a clear message, a non-zero
# exit, and the database unchanged.
. "${top_srcdir:-.}/tests/cli/lib.sh"
need sqlite3

plan 13

DB="$T/c.db"
demo_db "$DB" 100
sum=$(cksum <"$DB")

zx --db "$DB" demo --households 0
is "$rc" 1 "zero households is refused"
zx --db "$T/x.db" demo --households many
is "$rc" 1 "a word for a number is refused"
zx --db "$T/x.db" demo --date 2023-02-30
is "$rc" 1 "a date that does not exist is refused"
has "$ERR" "日历" "saying the day does not exist"
zx --db "$T/x.db" demo --seed -5
is "$rc" 1 "a negative seed is refused"
[ ! -e "$T/x.db" ]
ok $? "none of them created a file"

# The kernel takes at most 128 KiB in one argument: 40,000 characters.
big=$(head -c 40000 /dev/zero | sed 's/./县/g')
zx --db "$T/y.db" init --province 51 --county "$big"
is "$rc" 1 "a huge county name is refused"
[ ! -e "$T/y.db" ]
ok $? "without creating a file"

zx --db "$DB" user add "$(printf 'a\033[2Jb')" --name 甲 --role county
is "$rc" 1 "a login with control characters is refused"
zx --db "$DB" user add abc --name "$(printf 'bad\377')" --role county
is "$rc" 1 "a name that is not UTF-8 is refused"
zx --db "$DB" user add abc --name "$big" --role county
is "$rc" 1 "a huge name is refused"

zx --db "$T" check
is "$rc" 2 "a directory as database is an error"
is "$(cksum <"$DB")" "$sum" "the database is unchanged by all of this"
finish
