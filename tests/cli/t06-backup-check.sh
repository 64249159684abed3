#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t06-backup-check.sh - the check every backup makes of its copy before
# it is audited and put in place (db_pages.c: every page of every table
# and index parsed, the b-tree, overflow and free pages making up the
# file): a copy with free pages passes and counts its persons; a copy of
# a database with damaged pages is refused, and nothing is left - pages
# of 0xff amid the file, one leaf of person's zeroed, one child pointer
# of person's interior page pointing past the end of the file.
. "${top_srcdir:-.}/tests/cli/lib.sh"
need sqlite3

plan 14

DB="$T/c.db"
demo_db "$DB" 300
cp "$DB" "$T/bad.db"
cp "$DB" "$T/leaf.db"
cp "$DB" "$T/interior.db"
# free pages: the visits deleted (the log is append-only, the rest stays)
q "$DB" "delete from visit" >/dev/null
free=$(q "$DB" "pragma freelist_count")
[ "$free" -gt 0 ]
ok $? "the database has free pages ($free)"
zx --db "$DB" backup "$T/copy.db"
is "$rc" 0 "a copy with free pages passes the check"
has "$OUT" "$(q "$DB" "select count(*) from person") 人" "and counts the persons it holds"
is "$(q "$T/copy.db" "pragma integrity_check")" ok "which is sound"

# damaged pages in the middle of the file (of a table, not free): the
# backup API copies them as they are, the check finds them
pages=$(q "$T/bad.db" "pragma page_count")
head -c 16384 /dev/zero | tr '\0' '\377' |
    dd of="$T/bad.db" bs=4096 seek=$((pages / 2)) count=4 conv=notrunc 2>/dev/null
zx --db "$T/bad.db" backup "$T/bad-copy.db"
is "$rc" 2 "a damaged copy is refused"
has "$ERR" "未通过完整性检查" "saying it failed its check"
[ ! -e "$T/bad-copy.db" ]
ok $? "no copy is left"
ls -A "$T" | grep -q zxtmp
is "$?" 1 "nor a temporary file"

# one leaf of person, amid its leaves, zeroed
leaf=$(q "$T/leaf.db" "select pageno from dbstat where name = 'person' and pagetype = 'leaf'
    order by path limit 1 offset (select count(*) / 2 from dbstat
    where name = 'person' and pagetype = 'leaf')")
dd if=/dev/zero of="$T/leaf.db" bs=4096 seek=$((leaf - 1)) count=1 conv=notrunc 2>/dev/null
zx --db "$T/leaf.db" backup "$T/leaf-copy.db"
is "$rc" 2 "a copy with a leaf of zeros (page $leaf) is refused"
has "$ERR" "未通过完整性检查" "saying it failed its check"
[ ! -e "$T/leaf-copy.db" ]
ok $? "and no copy is left"

# the right-most child of person's root (an interior page) past the end
root=$(q "$T/interior.db" "select pageno from dbstat where name = 'person' and path = '/'
    and pagetype = 'internal'")
[ -n "$root" ]
ok $? "person's root is an interior page ($root)"
printf '\377\377\377\377' |
    dd of="$T/interior.db" bs=1 seek=$(((root - 1) * 4096 + 8)) conv=notrunc 2>/dev/null
zx --db "$T/interior.db" backup "$T/interior-copy.db"
is "$rc" 2 "a copy with a child pointer past the file is refused"
[ ! -e "$T/interior-copy.db" ]
ok $? "and no copy is left"
finish
