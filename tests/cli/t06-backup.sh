#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t06-backup.sh - zhenxing backup FILE: an online copy that opens and is
# complete, readable by its maker alone unless given to a group; only an
# ordinary file is replaced; --verify checks a copy; --keep N DIR keeps
# the newest N dated copies; only administrators (and the roles of the
# setting backup_roles) make copies; a killed backup leaves nothing
# behind; refusals change nothing.
. "${top_srcdir:-.}/tests/cli/lib.sh"
need sqlite3

plan 58

DB="$T/c.db"
demo_db "$DB" 300
umask 022
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
ls -A "$T" | grep -q "zxtmp"
[ $? -ne 0 ]
ok $? "no temporary file is left behind"
is "$(stat -c %a "$T/copy.db")" 600 "the copy is readable by its maker alone (umask 022)"

# --- only an ordinary file is replaced ---------------------------------------
ln -s "$T/copy.db" "$T/link.db"
zx --db "$DB" backup "$T/link.db" --force
is "$rc" 2 "--force does not replace a symbolic link"
has "$ERR" "符号链接" "saying it is one"
[ -L "$T/link.db" ] && [ "$(cksum <"$T/copy.db")" = "$(cksum <"$T/copy.db")" ]
ok $? "the link is left as it was"
mkfifo "$T/fifo"
zx --db "$DB" backup "$T/fifo" --force
[ "$rc" -eq 2 ] && [ -p "$T/fifo" ]
ok $? "nor a FIFO, which is left as it was"
mkdir "$T/dir"
zx --db "$DB" backup "$T/dir" --force
[ "$rc" -eq 2 ] && [ -d "$T/dir" ]
ok $? "nor a directory"
ln "$DB" "$T/alias.db"
zx --db "$DB" backup "$T/alias.db" --force
is "$rc" 1 "nor the database under another name"
ls -A "$T" | grep -q "zxtmp"
[ $? -ne 0 ]
ok $? "and no refusal leaves a temporary file"

# --- a group --------------------------------------------------------------------
grp=$(id -gn)
zx --db "$DB" backup "$T/g.db" --group "$grp"
is "$rc" 0 "--group gives the copy to a group"
is "$(stat -c '%a %G' "$T/g.db")" "640 $grp" "readable by that group (0640)"
zx --db "$DB" backup "$T/g2.db" --group no-such-group-zx
is "$rc" 1 "an unknown group is refused"
[ ! -e "$T/g2.db" ]
ok $? "and no copy is made"

# --- --verify ---------------------------------------------------------------------
zx backup --verify "$T/copy.db"
is "$rc" 0 "--verify passes a sound copy"
has "$OUT" "完好" "saying it is sound"
has "$OUT" "300 户" "and what it holds"
zx backup --verify "$T/copy.db" --force
is "$rc" 1 "--verify takes nothing but the file"
cp "$T/copy.db" "$T/bad.db"
size=$(wc -c <"$T/bad.db")
dd if=/dev/urandom of="$T/bad.db" bs=4096 seek=$((size / 4096 / 2)) count=4 conv=notrunc 2>/dev/null
sum=$(cksum <"$T/bad.db")
zx backup --verify "$T/bad.db"
[ "$rc" -ne 0 ]
ok $? "--verify fails a damaged copy (exit $rc)"
grep -q "损坏" "$OUT" "$ERR"
ok $? "saying it is damaged"
is "$(cksum <"$T/bad.db")" "$sum" "and never changes it"
: >"$T/zero.db"
zx backup --verify "$T/zero.db"
is "$rc" 2 "a 0-byte file is no copy"
echo "not a database" >"$T/text.db"
zx backup --verify "$T/text.db"
is "$rc" 2 "nor a text file"

# --- the scheduled backup ------------------------------------------------------
mkdir "$T/keep"
for day in 2026-11-19 2026-11-20 2026-11-21 2026-11-22; do
    ZHENXING_TODAY=$day zx --db "$DB" backup --keep 2 "$T/keep"
done
is "$rc" 0 "--keep N DIR makes a dated copy"
is "$(ls "$T/keep" | sed 's/-[0-9]*\.db$//' | tr '\n' ' ')" "c-2026-11-21 c-2026-11-22 " \
    "and keeps only the newest N"
is "$(stat -c %a "$T/keep/$(ls "$T/keep" | tail -n 1)")" 640 "each readable by the directory's group"
touch "$T/keep/notes.txt" "$T/keep/c-old.db"
ZHENXING_TODAY=2026-11-23 zx --db "$DB" backup --keep 1 "$T/keep"
is "$(ls "$T/keep" | grep -c .) $(ls "$T/keep" | grep -c 'c-old.db\|notes.txt\|c-2026-11-23')" "3 3" \
    "other files in the directory are never removed"
zx --db "$DB" backup --keep 2 "$T/copy.db"
is "$rc" 2 "--keep needs a directory"
zx --db "$DB" backup --keep 0 "$T/keep"
is "$rc" 1 "and at least one copy"

# --- the county's store --------------------------------------------------------------
# The system settings name a database in a store: a copy is never put in
# the store by hand; --keep N without a directory keeps the copies in the
# store's backup directory (made 2770, the store's group).
mkdir -p "$T/etc" "$T/store"
chmod 2770 "$T/store"
cp "$DB" "$T/store/county.db"
printf 'database = "%s";\n' "$T/store/county.db" >"$T/etc/zhenxing.conf"
store() { zx "$@"; }
store backup "$T/store/mine.db"
is "$rc" 2 "a copy into the store's directory is refused"
has "$ERR" "县级数据库目录" "saying it is the store"
[ ! -e "$T/store/mine.db" ]
ok $? "and nothing is written there"
store backup "$T/store/../store/x.db"
is "$rc" 2 "nor through .. "
ZHENXING_TODAY=2026-11-24 store backup --keep 3
is "$rc" 0 "--keep N alone keeps the copies in the store's backup directory"
is "$(stat -c %a "$T/store/backup")" 2770 "which is made 2770"
is "$(ls "$T/store/backup" | sed 's/-[0-9]*\.db$//')" "county-2026-11-24" "with the dated copy in it"
# The schedules in contrib/ run that command (the installed path made this build's).
day=25
for f in zhenxing-backup.service zhenxing-backup.cron; do
    cmd=$(sed -n 's|^ExecStart=||p; s|^[0-9].* root ||p' "$top_srcdir/contrib/$f" |
          sed "s|/usr/bin/zhenxing|$ZHENXING|; s|>/dev/null||")
    ZHENXING_TODAY=2026-11-$day $cmd >"$OUT" 2>"$ERR"
    day=$((day + 1))
    is "$?" 0 "contrib/$f's command makes the scheduled backup"
done
rm "$T/etc/zhenxing.conf"

# --- a killed backup ----------------------------------------------------------------
# A writer holding the database's write lock keeps the backup's audit row
# waiting, its copy made in the temporary file; SIGTERM then ends it.
python3 - "$DB" <<'PY' &
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("begin immediate")
time.sleep(20)
PY
holder=$!
sleep 1
"$ZHENXING" --db "$DB" backup "$T/killed.db" >/dev/null 2>&1 &
pid=$!
i=0
while [ $i -lt 100 ] && ! ls -A "$T" | grep -q "zxtmp"; do sleep 0.1; i=$((i + 1)); done
ls -A "$T" | grep -q "zxtmp"
ok $? "a backup waiting for the database has its temporary file"
kill -TERM "$pid"
wait "$pid"
is "$?" 143 "SIGTERM ends it"
ls -A "$T" | grep -q "zxtmp\|killed"
[ $? -ne 0 ]
ok $? "and removes the temporary file"
kill "$holder" 2>/dev/null
wait "$holder" 2>/dev/null

# --- who may ------------------------------------------------------------------------
W="$T/u"
mkdir -p "$W/config/zhenxing"
cp "$DB" "$W/u.db"
me=$(id -un)
q "$W/u.db" "update staff set login = 'nobody', role = 'county' where login = '$me'"
[ "$(id -u)" -eq 0 ] || q "$W/u.db" "update staff set login = '$me' where login = 'nobody'"
chown -R 65534:65534 "$W" 2>/dev/null
user() {
    as_nobody env HOME="$W" XDG_CONFIG_HOME="$W/config" XDG_DATA_HOME="$W/data" \
        XDG_STATE_HOME="$W/state" "$ZHENXING" --db "$W/u.db" "$@" >"$OUT" 2>"$ERR"
    rc=$?
}
user backup "$W/copy.db"
is "$rc" 2 "a county account may not make a backup by default"
has "$ERR" "只有系统管理员" "saying who may"
[ ! -e "$W/copy.db" ]
ok $? "and no copy is made"
printf 'backup_roles = "admin,county";\n' >"$W/config/zhenxing/zhenxing.conf"
user backup "$W/copy.db"
is "$rc" 0 "the setting backup_roles lets county accounts make one"
printf 'backup_roles = "admin,boss";\n' >"$W/config/zhenxing/zhenxing.conf"
user backup "$W/copy2.db"
is "$rc" 2 "a role that does not exist in backup_roles is an error"
finish
