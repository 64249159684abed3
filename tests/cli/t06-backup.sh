#!/bin/sh
# t06-backup.sh - zhenxing backup FILE: an online copy that opens and is
# complete; refusals change nothing.
. "${top_srcdir:-.}/tests/cli/lib.sh"
command -v sqlite3 >/dev/null || skip_all "the sqlite3 shell is not installed"

plan 14

DB="$T/c.db"
demo_db "$DB" 300
zx --db "$DB" backup "$T/copy.db"
is "$rc" 0 "backup succeeds"
has "$OUT" "备份到" "and says where the copy is"
is "$(q "$T/copy.db" "pragma integrity_check")" ok "the copy passes the integrity check"
is "$(q "$T/copy.db" "select count(*) from household")" "$(q "$DB" "select count(*) from household")" "it holds every household"
is "$(q "$T/copy.db" "select count(*) from case_step")" "$(q "$DB" "select count(*) from case_step")" "and every case step"
zx --db "$T/copy.db" check
[ "$rc" -le 1 ]
ok $? "zhenxing opens the copy"
is "$(q "$DB" "select count(*) from audit where op = 'export' and new = '$T/copy.db'")" 1 "the backup is in the audit log"

sum=$(cksum <"$T/copy.db")
zx --db "$DB" backup "$T/copy.db"
is "$rc" 2 "an existing file is not overwritten"
is "$(cksum <"$T/copy.db")" "$sum" "it is left as it was"
zx --db "$DB" backup "$T/copy.db" --force
is "$rc" 0 "--force overwrites it"

zx --db "$DB" backup "$T/nodir/copy.db"
is "$rc" 2 "a missing directory is an error"
zx --db "$DB" backup
is "$rc" 1 "the file name is required"
zx --db "$DB" backup "$DB"
is "$rc" 1 "the copy cannot replace the database"
ls "$T" | grep -q "\.tmp"
[ $? -ne 0 ]
ok $? "no temporary file is left behind"
finish
