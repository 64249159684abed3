#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t30-server.sh - the county server with several Unix users (issue 15):
# zhenxing built and installed into a temporary prefix (its own
# --sysconfdir and --localstatedir), `zhenxing setup` making the group,
# the store and the setgid program, four logins (an administrator, a
# county user, two township users), and then, under umask 0022 and 0077:
# each works through zhenxing; none reaches the store but through it (not
# with sqlite3, cat or cp, not with -o, --db, --config, backup or the
# environment); -o never replaces a FIFO, a device, a link or the store;
# a township never sees another's persons; the WAL and SHM one user
# leaves keep the others working.  It needs root (CI runs as root):
# without root it fails, saying so; a skipped test is not a test.
. "$top_srcdir/tests/cli/lib.sh"

need_root() {
    echo "1..1"
    echo "not ok 1 - the county-server suite needs root ($1): run make check as root, as CI does"
    exit 1
}
[ "$(id -u)" -eq 0 ] || need_root "it adds a group and users and installs a setgid program"
for tool in useradd userdel groupdel gpasswd setpriv sqlite3 mknod mkfifo msgfmt sha256sum; do
    command -v "$tool" >/dev/null 2>&1 || need_root "the tool $tool is missing"
done

# Names of this run: nothing of another run or of a real install.
U=zx$$
G=${U}g
ADM=${U}adm CTY=${U}cty TA=${U}ta TB=${U}tb
STAFF="$ADM $CTY $TA $TB"
P="$T/inst"
Z="$P/usr/bin/zhenxing"
S="$P/var/lib/zhenxing"
DB="$S/county.db"
CONF="$P/etc/zhenxing/zhenxing.conf"

# retry CMD...: /etc/passwd may be locked by another run for a moment.
retry() {
    for _i in 1 2 3 4 5 6 7 8 9 10; do
        "$@" >/dev/null 2>&1 && return 0
        sleep 1
    done
    return 1
}

cleanup() {
    for u in $STAFF; do
        getent passwd "$u" >/dev/null && retry userdel "$u"
    done
    getent group "$G" >/dev/null && retry groupdel "$G"
    chmod -R u+w "$T" 2>/dev/null
    rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

# ---- helpers --------------------------------------------------------------

# as USER UMASK CMD...: run CMD as USER (its own groups only) with a clean
# environment and UMASK; stdout in $OUT, stderr in $ERR, status in $rc.
as() {
    _u=$1 _m=$2
    shift 2
    setpriv --reuid="$_u" --regid="$_u" --init-groups -- \
        env -i HOME="$T/home-$_u" USER="$_u" LOGNAME="$_u" PATH=/usr/bin:/bin \
        LANG=C.UTF-8 sh -c 'umask "$0"; exec "$@"' "$_m" "$@" >"$OUT" 2>"$ERR"
    rc=$?
}

# root_zx ARGS...: the installed zhenxing as root, clean environment.
root_zx() {
    env -i HOME="$T/root" PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
        "$Z" "$@" >"$OUT" 2>"$ERR"
    rc=$?
}

# refused DESCRIPTION: the last command failed.
refused() {
    [ "$rc" -ne 0 ]
    ok $? "$1 (status $rc)"
}

# worked DESCRIPTION: the last command succeeded.
worked() {
    [ "$rc" -eq 0 ]
    ok $? "$1 (status $rc)"
}

# mode_is PATH WANT DESCRIPTION: "owner:group octal-mode" of PATH.
mode_is() {
    is "$(stat -c '%U:%G %a' "$1" 2>&1)" "$2" "$3"
}

dbsum() {
    sha256sum "$DB" | cut -c1-64
}

# no_side_files: no connection is open (the last one removed the WAL and
# SHM it made, with the store's group).
no_side_files() {
    [ ! -e "$DB-wal" ] && [ ! -e "$DB-shm" ]
}

# ---- build and install into a temporary prefix -------------------------------

# The sources without the build's output (an in-tree build leaves
# config.status there, which a second configure refuses).
mkdir -p "$T/src" "$T/root"
(cd "$top_srcdir" && find . \( -name .git -o -name '_build*' -o -name autom4te.cache \) -prune \
    -o -type f ! -name '*.o' ! -name '*.a' ! -name '*.log' ! -name '*.trs' -print0 |
    xargs -0 tar -cf -) | tar -xf - -C "$T/src"
rm -f "$T/src/config.status" "$T/src/config.h" "$T/src/Makefile" "$T/src/stamp-h1"
# distcheck's sources are read-only; the make running this test must not
# hand its flags, variables or job server to this build.
chmod -R u+w "$T/src"
unset MAKEFLAGS MFLAGS MAKELEVEL
if ! (cd "$T/src" && ./configure --prefix="$P/usr" --sysconfdir="$P/etc" \
        --localstatedir="$P/var" && make -j2 && make install) >"$T/build.log" 2>&1; then
    echo "1..1"
    echo "not ok 1 - zhenxing builds and installs into $P"
    tail -30 "$T/build.log" | sed 's/^/# /'
    exit 1
fi
ok 0 "zhenxing built and installed into a temporary prefix"
is "$(ls "$P/usr/share/doc/zhenxing/examples/zhenxing.conf" "$P/usr/share/man/man1/zhenxing.1" 2>&1 | wc -l)" 2 \
    "make install puts the sample settings and the man page in place"
grep -qF "$P/etc/zhenxing/zhenxing.conf" "$P/usr/share/man/man1/zhenxing.1"
ok $? "the installed man page names this prefix's system settings"

# A demo county (the same data every day), made by root in a file of its
# own: root is its administrator.  The installed program ignores
# ZHENXING_TODAY: it works on the real date.
"$ZHENXING" --db "$T/demo.db" demo --households 300 --seed 7 --date 2026-11-22 >"$OUT" 2>"$ERR"
rc=$?
worked "a demo county to adopt"
DEMOSUM=$(sha256sum "$T/demo.db" | cut -c1-64)

for u in $STAFF; do
    if ! retry useradd -m -d "$T/home-$u" -s /bin/sh "$u"; then
        ok 1 "useradd $u"
        plan $n
        exit 1
    fi
done
chmod 755 "$T"

# ---- setup ------------------------------------------------------------------------

as "$ADM" 022 "$Z" setup --adopt "$T/demo.db" --group "$G"
refused "setup is root's"
has "$ERR" "root" "saying that root runs it"

root_zx setup --adopt "$T/demo.db" --group "$G"
worked "setup --adopt as root"
getent group "$G" >/dev/null
ok $? "setup made the group"
mode_is "$S" "root:$G 2770" "the store is root:group 2770"
mode_is "$DB" "root:$G 660" "the database is root:group 0660"
mode_is "$Z" "root:$G 2755" "the program is setgid to the group"
mode_is "$CONF" "root:root 644" "the system settings are root's, readable by all"
has "$CONF" "database = \"$DB\";" "the system settings name the store's database"
is "$(sha256sum "$T/demo.db" | cut -c1-64)" "$DEMOSUM" "the adopted file is as it was"
[ ! -e "$T/demo.db-wal" ] && [ ! -e "$T/demo.db-shm" ]
ok $? "and nothing was left beside it"

before=$(ls -ln --time-style=full-iso "$S" "$CONF" "$Z"; sha256sum "$CONF")
root_zx setup --adopt "$T/demo.db" --group "$G"
worked "setup a second time"
has "$OUT" "无需改动" "says that nothing was to change"
has "$OUT" "已有系统设置" "and which system settings it found"
is "$(ls -ln --time-style=full-iso "$S" "$CONF" "$Z"; sha256sum "$CONF")" "$before" "and changed nothing"

root_zx setup --check --group "$G"
worked "setup --check finds no weakness after setup"
has "$OUT" "未发现隐患" "and says so"
as "$TA" 022 "$Z" setup --check --group "$G"
worked "setup --check by a staff login"
has "$OUT" "只有 root 才能检查" "says that root alone looks into the store"

# Weaknesses: each reported by --check (status 1), mended by setup.
weak() { # DESCRIPTION TEXT: --check reports TEXT
    root_zx setup --check --group "$G"
    [ "$rc" -eq 1 ] && grep -qF -- "$2" "$OUT"
    ok $? "setup --check reports $1"
}
chmod 0664 "$DB"
weak "a database readable by others" "$DB"
root_zx setup --group "$G"
mode_is "$DB" "root:$G 660" "setup makes it 0660 again"
cp -p "$DB" "$S/backup-1.db" && chmod 0644 "$S/backup-1.db"
weak "a backup in the store readable by others" "$S/backup-1.db"
root_zx setup --group "$G"
mode_is "$S/backup-1.db" "root:$G 640" "setup takes the others' rights from it"
rm -f "$S/backup-1.db"
gpasswd -a "$TB" "$G" >/dev/null 2>&1
weak "a staff login in the group" "$TB"
gpasswd -d "$TB" "$G" >/dev/null 2>&1
chmod o+w "$CONF"
weak "system settings writable by others" "$CONF"
chmod 0644 "$CONF"
chmod g-s "$Z"
weak "a program without the set-gid bit" "$Z"
root_zx setup --group "$G"
mode_is "$Z" "root:$G 2755" "setup makes it setgid again"
root_zx setup --check --group "$G"
worked "setup --check is content again"

# ---- the accounts ----------------------------------------------------------------

q1() { sqlite3 -batch -noheader "$DB" "$1"; }
# The two townships with the most households (A's cards fill a pipe).
BIG="select d.name from division d join household h on h.township_id = d.id
     where d.level = 2 group by d.id order by count(*) desc, d.id"
TNA=$(q1 "$BIG limit 1")
TNB=$(q1 "$BIG limit 1 offset 1")
HA=$(q1 "select hh_no from household h join division d on d.id = h.township_id
         where d.name = '$TNA' order by hh_no limit 1")
HB=$(q1 "select hh_no from household h join division d on d.id = h.township_id
         where d.name = '$TNB' order by hh_no limit 1")
ALL_A=$(q1 "select hh_no from household h join division d on d.id = h.township_id
            where d.name = '$TNA' order by hh_no")
VB=$(q1 "select name from division where parent_id = (select id from division where name = '$TNB') limit 1")
# What a township-A login must never see of township B: household
# numbers, whole ID numbers, and the names of its persons (of three
# characters or more) found nowhere else, not even inside another name.
IN_B="from person p join household h on h.id = p.household_id
      join division d on d.id = h.township_id where d.name = '$TNB'"
q1 "select h.hh_no from household h join division d on d.id = h.township_id where d.name = '$TNB'
    union select p.id_no $IN_B and p.id_no is not null
    union select p.name $IN_B and length(p.name) >= 3 and not exists
      (select 1 from person p2 join household h2 on h2.id = p2.household_id
       join division d2 on d2.id = h2.township_id
       where d2.name <> '$TNB' and instr(p2.name, p.name) > 0)" >"$T/of-b"
[ -n "$HA" ] && [ -n "$HB" ] && [ "$(wc -l <"$T/of-b")" -gt 50 ]
ok $? "two townships with households and persons of their own ($TNA, $TNB)"

root_zx user add "$ADM" --name 管理员 --role admin
worked "the demo's administrator (root) adds an administrator"
as "$ADM" 022 "$Z" user add "$CTY" --name 县级 --role county
worked "who adds a county account"
as "$ADM" 022 "$Z" user add "$TA" --name 甲乡 --role township --scope "$TNA"
worked "a township account"
as "$ADM" 022 "$Z" user add "$TB" --name 乙乡 --role township --scope "$TNB"
worked "and another township's"
as "$CTY" 022 "$Z" assess new township-consolidation 2026
worked "the county account makes an assessment round"

# ---- each works through zhenxing, under both umasks ----------------------------

# hold USER UMASK: USER's print of every township-A card blocks on a pipe
# nobody reads until $T/go appears, holding its connection (and the WAL
# and SHM it made as the first to open the store) while others write;
# its status goes to $T/held.  Returns when the WAL is there.
hold() {
    rm -f "$T/go" "$T/held"
    ( (setpriv --reuid="$1" --regid="$1" --init-groups -- env -i HOME="$T/home-$1" \
           PATH=/usr/bin:/bin LANG=C.UTF-8 sh -c "umask $2; exec \"\$0\" \"\$@\"" \
           "$Z" print card $ALL_A --format text -o -
       echo $? >"$T/held") |
      (while [ ! -e "$T/go" ]; do sleep 0.1; done; cat >/dev/null) ) &
    holder=$!
    i=0
    while [ ! -e "$DB-wal" ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
}

for m in 022 077; do
    for u in $STAFF; do
        h="$T/home-$u"
        case $u in $TB) hh=$HB ;; *) hh=$HA ;; esac
        as "$u" $m "$Z" print card "$hh" --format text -o "$h/card-$m.txt"
        worked "umask $m: $u prints a card to a file of its own"
        is "$(stat -c '%U:%G' "$h/card-$m.txt" 2>&1)" "$u:$u" \
            "umask $m: the file is the user's, never the store group's"
        as "$u" $m "$Z" check
        [ "$rc" -le 1 ] && grep -qF "数据库：完好" "$OUT"
        ok $? "umask $m: $u runs check, integrity on a second connection included"
    done
    as "$ADM" $m "$Z" user list
    [ "$rc" -eq 0 ] && grep -qF "$TB" "$OUT"
    ok $? "umask $m: the administrator lists the accounts"
    no_side_files
    ok $? "umask $m: each left no WAL or SHM behind"

    # The lock-out the issue found: the first to open leaves -wal/-shm
    # of its own umask behind, and the others could not write.
    hold "$TA" $m
    mode_is "$DB-wal" "$TA:$G 660" "umask $m: the WAL the first user made is the group's, 0660"
    mode_is "$DB-shm" "$TA:$G 660" "umask $m: and so is the SHM"
    for u in $STAFF; do
        as "$u" $m cat "$DB-wal" "$DB-shm"
        [ "$rc" -ne 0 ] && [ ! -s "$OUT" ]
        ok $? "umask $m: $u cannot read the WAL or the SHM"
        as "$u" $m sqlite3 "$DB-wal" .dump
        refused "umask $m: nor open the WAL with sqlite3"
    done
    as "$TB" $m "$Z" print card "$HB" --format text -o -
    worked "umask $m: another township writes (its print's audit row) meanwhile"
    as "$ADM" $m "$Z" user set "$CTY" --name "县级$m"
    worked "umask $m: and the administrator changes an account"
    touch "$T/go"
    wait "$holder"
    is "$(cat "$T/held" 2>/dev/null)" 0 "umask $m: the first user's print ends well"
    no_side_files
    ok $? "umask $m: the last one out removed the WAL and SHM"
    rm -f "$T/go" "$T/held"
done

# ---- the store is not reachable but through zhenxing -----------------------------

SUM=$(dbsum)
for u in $STAFF; do
    h="$T/home-$u"
    as "$u" 022 sqlite3 "$DB" "select count(*) from person"
    refused "$u cannot open the store with sqlite3"
    as "$u" 022 cat "$DB"
    refused "$u cannot read the database with cat"
    as "$u" 022 cp "$DB" "$h/copy.db"
    refused "$u cannot copy it"
    as "$u" 022 cp "$T/demo.db" "$DB"
    refused "$u cannot replace it"
    as "$u" 022 ls "$S"
    refused "$u cannot list the store"
done
is "$(dbsum)" "$SUM" "the store's database is as it was"
H="$T/home-$TA"
as "$TA" 022 "$Z" --db "$DB" print card "$HA" --format text -o -
refused "--db of the store is refused"
has "$ERR" "--db" "naming the option"
as "$TA" 022 ln -s "$DB" "$H/link.db"
as "$TA" 022 "$Z" --db "$H/link.db" print card "$HA" --format text -o -
refused "--db of a link to the store is refused"
as "$TA" 022 "$Z" --db "$H/forged.db" init --province 51 --county 伪造县
worked "a private practice database of the user's own is fine"
as "$TA" 022 "$Z" --db "$H/forged.db" user list
worked "where the user is the administrator"
as "$TA" 022 "$Z" --db "$H/forged.db" backup "$DB" --force
refused "but its backup cannot be written over the store"
as "$TA" 022 "$Z" --db "$H/forged.db" backup "$S/other.db"
refused "nor into the store"
as "$ADM" 022 "$Z" backup "$S/./county.db" --force
refused "the administrator's backup cannot replace the store either"
is "$(dbsum)" "$SUM" "the store's database is as it was after the backups"
# Who makes backups, and the scheduled one in the store.
as "$TA" 022 "$Z" backup "$H/all.db"
refused "a township login may not make a backup"
[ ! -e "$H/all.db" ]
ok $? "and gets no copy"
as "$ADM" 022 "$Z" backup "$T/home-$ADM/adm.db"
worked "the administrator makes one"
is "$(stat -c %a "$T/home-$ADM/adm.db" 2>&1)" 600 "readable by the administrator alone under umask 022"
root_zx backup --keep 2
worked "root's scheduled backup (contrib's command) into the store"
mode_is "$(ls -d "$S"/backup/*.db 2>/dev/null | tail -n 1)" "root:$G 640" \
    "its dated copy is root:$G 0640"
mode_is "$S/backup" "root:$G 2770" "in the store's backup directory, root:$G 2770"
root_zx setup --check --group "$G"
worked "which setup --check accepts"
as "$TA" 022 cat "$(ls -d "$S"/backup/*.db | tail -n 1)"
refused "and no login reads"
for key in "database = \"$H/forged.db\";" "database = \"$DB\";" \
           "policy_dir = \"$H\";" "print_hotline = \"110\";"; do
    k=${key%% =*}
    printf '%s\n' "$key" >"$H/evil.conf"
    chown "$TA" "$H/evil.conf"
    as "$TA" 022 "$Z" --config "$H/evil.conf" print card "$HA" --format text -o -
    [ "$rc" -ne 0 ] && grep -qF "'$k'" "$ERR" && grep -qF "$H/evil.conf:1" "$ERR"
    ok $? "--config setting $k is refused, naming the key and the file"
done
mkdir -p "$H/.config/zhenxing"
printf 'database = "%s";\n' "$DB" >"$H/.config/zhenxing/zhenxing.conf"
chown -R "$TA" "$H/.config"
as "$TA" 022 "$Z" print card "$HA" --format text -o -
[ "$rc" -ne 0 ] && grep -qF "'database'" "$ERR" && grep -qF "$H/.config/zhenxing/zhenxing.conf:1" "$ERR"
ok $? "the user's own settings may not name the database either"
printf 'language = "en";\ncursor_style = "marker";\nprint_format = "text";\n' \
    >"$H/.config/zhenxing/zhenxing.conf"
as "$TA" 022 "$Z" print card "$HA" -o -
worked "they may change the language and the print format"
has "$OUT" "Household number" "which take effect"
rm -f "$H/.config/zhenxing/zhenxing.conf"

SUM=$(dbsum)
as "$TA" 022 "$Z" print card "$HA" --format text -o "$DB" --force
refused "-o over the store's database is refused"
has "$ERR" "$S" "naming the store"
as "$TA" 022 "$Z" print card "$HA" --format text -o "$S/card.txt"
refused "-o into the store is refused"
is "$(dbsum)" "$SUM" "the store's database is as it was after all of that"
[ ! -e "$S/other.db" ] && [ ! -e "$S/card.txt" ]
ok $? "and nothing was added to the store"

# The environment: the system settings, the date, the messages, the
# data, the trace are the installed ones whatever the user sets.
mkdir -p "$H/etc" "$H/loc/zh_CN/LC_MESSAGES"
printf 'database = "%s";\n' "$H/forged.db" >"$H/etc/zhenxing.conf"
cat >"$H/loc/zh.po" <<'EOF'
msgid ""
msgstr "Content-Type: text/plain; charset=UTF-8\n"

msgid "zhenxing: unknown command '%s'; see zhenxing --help\n"
msgstr "PWNED %p %p %p\n"

msgid "Usage:"
msgstr "PWNED"
EOF
msgfmt -o "$H/loc/zh_CN/LC_MESSAGES/zhenxing.mo" "$H/loc/zh.po"
chown -R "$TA" "$H/etc" "$H/loc"
as "$TA" 022 env ZHENXING_SYSCONFDIR="$H/etc" "$Z" user list
grep "^$TA " "$OUT" | grep -qF 乡镇工作人员
ok $? "ZHENXING_SYSCONFDIR does not make a forged database (where $TA is administrator) the county's"
as "$TA" 022 env ZHENXING_TODAY=2020-01-01 "$Z" print visits --days 60 --format text -o -
has "$OUT" "$(date -d '+60 days' +%Y年%-m月%-d日)" "ZHENXING_TODAY does not move the date"
as "$TA" 022 env ZHENXING_LOCALEDIR="$H/loc" "$Z" no-such-command
hasnt "$ERR" "PWNED" "ZHENXING_LOCALEDIR does not load the user's catalogue"
has "$ERR" "no-such-command" "the installed one speaks"
as "$TA" 022 env ZHENXING_LOCALEDIR="$H/loc" "$Z" --help
hasnt "$OUT" "PWNED" "not for the help either"
as "$TA" 022 env ZHENXING_DATADIR=/nonexistent "$Z" print card "$HA" --format text -o -
worked "ZHENXING_DATADIR does not move the policy files"
as "$TA" 022 env ZHENXING_TRACE=1 "$Z" print card "$HA" --format text -o -
hasnt "$ERR" "sql " "ZHENXING_TRACE does not log the statements"

# ---- -o writes ordinary files only ------------------------------------------------

as "$TA" 022 mkfifo "$H/fifo"
as "$TA" 022 "$Z" print card "$HA" --format text -o "$H/fifo" --force
refused "-o to a FIFO is refused"
[ -p "$H/fifo" ]
ok $? "and it stays a FIFO"
mknod "$H/null" c 1 3 && chmod 666 "$H/null"
as "$TA" 022 "$Z" print card "$HA" --format text -o "$H/null" --force
refused "-o to a device node is refused"
is "$(stat -c '%F %t:%T' "$H/null")" "character special file 1:3" "and it stays that device"
echo keep >"$H/real.txt" && chown "$TA" "$H/real.txt"
as "$TA" 022 ln -s "$H/real.txt" "$H/link.txt"
as "$TA" 022 "$Z" print card "$HA" --format text -o "$H/link.txt" --force
refused "-o to a symbolic link is refused"
[ -L "$H/link.txt" ] && [ "$(cat "$H/real.txt")" = keep ]
ok $? "and the link and what it points to are as they were"

# ---- a township sees its own persons only ---------------------------------------

# leaks FILE DESCRIPTION: FILE shows nothing of township B.
leaks() {
    ! grep -qFf "$T/of-b" "$1"
    ok $? "$2 shows nothing of $TNB"
}
scoped() { # DESCRIPTION ARGS...: township A's output of zhenxing ARGS
    _d=$1
    shift
    as "$TA" 022 "$Z" "$@"
    cat "$OUT" "$ERR" >"$T/seen"
    leaks "$T/seen" "$_d"
}
# The same when the arguments name something of B (the refusal says
# what was asked): the output alone.
scoped_out() {
    _d=$1
    shift
    as "$TA" 022 "$Z" "$@"
    leaks "$OUT" "$_d"
}
scoped "print card (every household of $TNA)" print card $ALL_A --format text -o -
has "$OUT" "$HA" "which shows $TNA's own"
scoped_out "print card of a $TNB household" print card "$HB" --format text -o -
refused "which is refused"
scoped "print visits" print visits --days 60 --format text -o -
scoped "print publicity of $TNB/$VB" print publicity "$TNB/$VB" --format text -o -
refused "which is refused"
scoped "print projects" print projects 2026 --format text -o -
scoped "print projects of the village stage" print projects 2026 --stage village --format text -o -
scoped "print allocation" print allocation --year 2026 --format text -o -
scoped "print assets" print assets --format text -o -
scoped "print assets of $TNB" print assets "$TNB" --format text -o -
scoped "print partner" print partner 2 --year 2026 --format text -o -
scoped "print attendance of $TNA" print attendance "$TNA" --month 2026-11 --format text -o -
scoped "print attendance of $TNB" print attendance "$TNB" --month 2026-11 --format text -o -
scoped "report assessment" report assessment --round latest --format text
scoped "report assessment as CSV" report assessment --round latest --format csv
scoped "report assessment --list" report assessment --list
as "$TA" 022 "$Z" print card $ALL_A -o "$H/cards.pdf"
worked "the cards as PDF"
if command -v pdftotext >/dev/null 2>&1; then
    pdftotext "$H/cards.pdf" "$T/cards.txt"
    leaks "$T/cards.txt" "the PDF"
    has "$T/cards.txt" "$HA" "which shows $TNA's own"
fi
# The other way round, for one list.
as "$TB" 022 "$Z" print card $ALL_A --format text -o -
refused "$TNB may not print $TNA's cards"

plan $n
finish
