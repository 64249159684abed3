#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t14-audit-first.sh - nothing leaves without its audit row: a print (to
# a file and to the print command), a CSV export and a backup write and
# commit their audit rows first, and deliver nothing when those cannot be
# written: a read-only database file (as a user without root's powers)
# and a database whose audit inserts fail (a trigger made to fail).  The
# rows say who, what, where, how many rows and whether whole ID numbers
# were shown; a delivery that fails after them is recorded as such.
. "${top_srcdir:-.}/tests/cli/lib.sh"
need sqlite3

plan 27

DB="$T/c.db"
demo_db "$DB" 200 || { echo "Bail out! the demo database cannot be made"; exit 1; }
ME=$(id -un)
HH=$(q "$DB" "select hh_no from household order by id limit 1")
HH2=$(q "$DB" "select hh_no from household order by id limit 1 offset 1")
TEAM=$(q "$DB" "select min(id) from team")
"$ZHENXING" --db "$DB" assess new resident-team 2026 --unit "$TEAM" >"$T/round" 2>/dev/null
R=$(cat "$T/round")
rows() { q "$1" "select count(*) from audit where op in ('print', 'export', 'undelivered')"; }

# A print command that leaves a mark when it runs.
cat >"$T/fakelp" <<SH
#!/bin/sh
echo ran >>"$T/lp-ran"
SH
chmod 755 "$T/fakelp"
mkdir -p "$XDG_CONFIG_HOME/zhenxing"
printf 'print_command = "%s";\n' "$T/fakelp" >"$XDG_CONFIG_HOME/zhenxing/zhenxing.conf"

# --- what the rows say -------------------------------------------------------
zx --db "$DB" print card "$HH" "$HH2" --format text -o "$T/card.txt"
is "$rc" 0 "a print of two households"
is "$(q "$DB" "select actor || '|' || tbl || '|' || field || '|' || new || '|' || nrows || '|' || revealed
               from audit where op = 'print' order by id desc limit 1")" \
    "$ME|household|card|file:$T/card.txt|2|0" \
    "its rows say who, what, where, how many and that no whole ID number was shown"
zx --db "$DB" report assessment --round "$R" --format csv -o "$T/r.csv"
is "$rc" 0 "a CSV export"
is "$(q "$DB" "select field || '|' || nrows from audit where op = 'export' order by id desc limit 1")" \
    "assessment|$(($(wc -l <"$T/r.csv") - 1))" "its row counts the rows written (the export of kind assessment)"
zx --db "$DB" backup "$T/b.db"
is "$(q "$DB" "select tbl || '|' || new || '|' || nrows || '|' || revealed from audit
               where op = 'export' order by id desc limit 1")" \
    "database|$T/b.db|$(q "$DB" "select count(*) from person")|1" \
    "a backup's row counts the persons and says whole ID numbers left"

# --- a delivery that fails after its rows --------------------------------------
printf '#!/bin/sh\necho "lp: 打印机脱机" >&2\nexit 1\n' >"$T/badlp"
chmod 755 "$T/badlp"
printf 'print_command = "%s";\n' "$T/badlp" >"$T/bad.conf"
zx --db "$DB" --config "$T/bad.conf" print card "$HH"
is "$rc" 2 "a failing print command fails the print"
is "$(q "$DB" "select op || '|' || new from audit order by id desc limit 1")" \
    "undelivered|$(sed 's/^zhenxing: //' "$ERR")" "and is recorded as not delivered, with the reason"

# nothing_leaves RUN DB DIR WHY: with RUN (zx, or as another user) on
# DB, whose audit rows cannot be written (WHY), a print, an export and a
# backup are refused and leave nothing in DIR; nothing is recorded.
nothing_leaves() {
    run=$1 db=$2 dir=$3 why=$4
    before=$(rows "$db")
    rm -f "$T/lp-ran"
    $run --db "$db" print card "$HH" --format text -o "$dir/card.txt"
    is "$rc" 2 "$why: a print is refused"
    has "$ERR" "审计日志未能记录，因此没有输出任何内容" "saying the audit log could not record it"
    [ ! -e "$dir/card.txt" ]
    ok $? "and writes no file"
    $run --db "$db" --config "$XDG_CONFIG_HOME/zhenxing/zhenxing.conf" print card "$HH"
    [ "$rc" -eq 2 ] && [ ! -e "$T/lp-ran" ]
    ok $? "nor runs the print command"
    $run --db "$db" report assessment --round "$R" --format csv -o "$dir/r.csv"
    [ "$rc" -eq 2 ] && [ ! -e "$dir/r.csv" ]
    ok $? "a CSV export writes nothing"
    $run --db "$db" report assessment --round "$R" --format csv
    [ "$rc" -eq 2 ] && [ ! -s "$OUT" ]
    ok $? "not even to standard output"
    $run --db "$db" backup "$dir/copy.db"
    is "$rc" 2 "a backup is refused"
    has "$ERR" "审计日志未能记录，因此未生成副本" "saying no copy was made"
    [ "$(ls -A "$dir" | grep -c 'copy')" -eq 0 ]
    ok $? "and leaves no copy and no temporary file"
    is "$(rows "$db")" "$before" "nothing was recorded either"
}

# --- the audit insert fails --------------------------------------------------------
mkdir "$T/trig"
cp "$DB" "$T/trig.db"
q "$T/trig.db" "create trigger audit_fails before insert on audit
                when new.op in ('print', 'export')
                begin select raise(abort, 'database or disk is full'); end;"
nothing_leaves zx "$T/trig.db" "$T/trig" "an audit insert that fails"

# --- a read-only database file -------------------------------------------------
W="$T/ro"
mkdir -p "$W"
cp "$DB" "$W/ro.db"
q "$W/ro.db" "update staff set login = 'nobody' where login = '$ME'"
[ "$(id -u)" -eq 0 ] || q "$W/ro.db" "update staff set login = '$ME' where login = 'nobody'"
chown -R 65534:65534 "$W" 2>/dev/null
chmod 0444 "$W/ro.db"
nobody() {
    as_nobody env HOME="$W" XDG_CONFIG_HOME="$W/config" XDG_DATA_HOME="$W/data" \
        XDG_STATE_HOME="$W/state" "$ZHENXING" "$@" >"$OUT" 2>"$ERR"
    rc=$?
}
nothing_leaves nobody "$W/ro.db" "$W" "a read-only database file"
finish
