#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t25-snapshot.sh - zhenxing export snapshot (issue 20): a directory of one
# CSV a table and manifest.json; the manifest's county, schema version,
# per-file rows (equal to the database's) and SHA-256 (equal to the files'
# and to SHA256SUMS); every table of the schema but the documented ones;
# \N for NULL and "" for an empty text; the audit row; FILE.tar.zst; a snapshot taken
# while another process writes is one state of the data;
# --without-personal holds no name, ID number or phone number of the
# database and the ID numbers' HMAC-SHA256 under the province's key; a
# township account is refused, and so is an existing destination,
# changing nothing.
. "${top_srcdir:-.}/tests/cli/lib.sh"
need sqlite3
need python3
need sha256sum
need tar
need zstd

plan 32

DB="$DEFAULT_DB"
mkdir -p "$(dirname "$DB")"
demo_db "$DB" 300 || { echo "Bail out! the demo database cannot be made"; exit 1; }
ME=$(id -un)
snaps() { q "$DB" "select count(*) from audit where op = 'export' and field = 'snapshot'"; }
# mf DIR EXPR: a value of DIR's manifest (python expression over m)
mf() {
    python3 -c 'import json,sys; m=json.load(open(sys.argv[1]+"/manifest.json")); print(eval(sys.argv[2]))' "$1" "$2"
}

# --- the snapshot ---------------------------------------------------------------
q "$DB" "update household set address = '' where id = 1; update household set address = NULL where id = 2" >/dev/null
zx export snapshot -o "$T/s1"
is "$rc" 0 "export snapshot -o DIR succeeds"
has "$OUT" "$T/s1" "saying where"
is "$(mf "$T/s1" 'm["county_code"], m["county_name"]')" "('519901', '青山县')" \
    "the manifest names the county (GB/T 2260 code and name)"
is "$(mf "$T/s1" 'm["schema_version"]')" "$(q "$DB" "pragma user_version")" "and the schema version"
mf "$T/s1" 'm["as_of"], m["zhenxing_version"], m["personal"]' | grep -q "2026-11-22 .*included"
ok $? "its as-of time, the zhenxing version, personal data included"
is "$(mf "$T/s1" 'sorted(f["table"] for f in m["files"])' | tr -d "[]' ")" \
   "$(q "$DB" "select name from sqlite_master where type = 'table' and name not like 'sqlite%'
        and name not like 'hh_search%' and name not in ('meta', 'staff', 'audit', 'hh_list', 'worklist', 'assess_cache', 'data_version')
        order by name" | paste -sd, -)" \
   "a file for every table but the audit log, the accounts, the saved lists, the search index and the caches"
(cd "$T/s1" && sha256sum --quiet -c SHA256SUMS) >/dev/null 2>&1
ok $? "SHA256SUMS matches the files"
python3 - "$T/s1" >"$T/cmp" <<'PY'
import hashlib, json, sys
d = sys.argv[1]
m = json.load(open(d + "/manifest.json"))
for f in m["files"]:
    data = open(d + "/" + f["file"], "rb").read()
    if hashlib.sha256(data).hexdigest() != f["sha256"]:
        print("bad sum", f["file"])
    print(f["table"], data.count(b"\n") - 1 if f["rows"] >= 0 else 0, f["rows"])
PY
hasnt "$T/cmp" "bad sum" "the manifest's checksums are the files'"
awk '$2 != $3 { print "mismatch", $0 }' "$T/cmp" >"$T/mm"
is "$(cat "$T/mm")" "" "its row counts are the files' lines less the header"
while read -r tbl lines rows; do
    [ "$rows" = "$(q "$DB" "select count(*) from $tbl")" ] || echo "$tbl $rows"
done <"$T/cmp" >"$T/db-mm"
is "$(cat "$T/db-mm")" "" "and the database's rows, table by table"
is "$(sed -n 2p "$T/s1/household.csv" | cut -d, -f7)" '""' "an empty text is written \"\""
is "$(sed -n 3p "$T/s1/household.csv" | cut -d, -f7)" '\N' "a NULL is written \\N, unquoted"
is "$(snaps)" 1 "the snapshot is in the audit log"
is "$(q "$DB" "select actor || ' ' || new from audit where field = 'snapshot'")" "$ME $T/s1" \
    "who made it and where it went"

# --- one file: FILE.tar.zst -----------------------------------------------------------
zx export snapshot -o "$T/s1.tar.zst"
is "$rc" 0 "export snapshot -o FILE.tar.zst succeeds"
mkdir "$T/untar"
tar --zstd -xf "$T/s1.tar.zst" -C "$T/untar"
is "$(ls "$T/untar")" "s1" "the archive holds one directory named after it"
(cd "$T/untar/s1" && sha256sum --quiet -c SHA256SUMS) >/dev/null 2>&1 &&
    [ "$(ls "$T/untar/s1" | wc -l)" -eq "$(ls "$T/s1" | wc -l)" ]
ok $? "with every file of a snapshot, their checksums right"
zx export snapshot -o "$T/s1.tar.zst"
[ "$rc" -ne 0 ] && [ "$(snaps)" -eq 2 ] && [ -z "$(ls -A "$T" | grep zxtmp)" ]
ok $? "an existing archive is refused, nothing recorded or left behind"

# --- refusals ------------------------------------------------------------------------
zx export snapshot -o "$T/s1"
[ "$rc" -ne 0 ] && [ "$(snaps)" -eq 2 ]
ok $? "an existing destination is refused, nothing recorded"
has "$ERR" "已存在" "saying it exists"
zx export snapshot -o "$T/s-nokey" --without-personal
[ "$rc" -eq 1 ] && [ ! -e "$T/s-nokey" ]
ok $? "--without-personal without the province's key is a usage error"
TWN_ID=$(q "$DB" "select id from division where level = 2 order by id limit 1")
q "$DB" "update staff set role = 'township', scope_id = $TWN_ID where login = '$ME'"
zx export snapshot -o "$T/s-town"
[ "$rc" -ne 0 ] && [ ! -e "$T/s-town" ] && [ "$(snaps)" -eq 2 ]
ok $? "a township account cannot export a snapshot, nothing written or recorded"
has "$ERR" "县级" "saying who may"
q "$DB" "update staff set role = 'county', scope_id = NULL where login = '$ME'"

# --- without personal data ----------------------------------------------------------
head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$T/province.key"
zx export snapshot -o "$T/s2" --without-personal --hash-key-file "$T/province.key"
is "$rc" 0 "a county account exports a snapshot without personal data"
is "$(mf "$T/s2" 'm["personal"]')" "hmac-sha256" "the manifest says so"
q "$DB" "select name from person union select id_no from person where id_no is not null
         union select phone from person where phone is not null
         union select phone from household where phone is not null
         union select name from cadre union select phone from cadre where phone is not null" \
    | awk 'length($0) > 1' >"$T/personal"
[ "$(wc -l <"$T/personal")" -gt 600 ]
ok $? "the database has names, ID and phone numbers to look for ($(wc -l <"$T/personal"))"
grep -rlF -f "$T/personal" "$T/s2" >"$T/leaks"
is "$(cat "$T/leaks")" "" "no file of the snapshot holds any of them"
ID=$(q "$DB" "select id_no from person where id = 1")
WANT=$(python3 -c 'import hmac,hashlib,sys; print(hmac.new(open(sys.argv[1],"rb").read().rstrip(b"\n"), sys.argv[2].encode(), hashlib.sha256).hexdigest())' "$T/province.key" "$ID")
is "$(sed -n 2p "$T/s2/person.csv" | cut -d, -f7)" "$WANT" \
    "an ID number is its HMAC-SHA256 under the province's key"
is "$(snaps)" 3 "recorded in the audit log too"

# --- a snapshot while another process writes -----------------------------------------
# Each of the writer's transactions adds a natural village and raises the
# version of household 1: in one state both tables agree.
V=$(q "$DB" "select id from division where level = 3 order by id limit 1")
V0=$(q "$DB" "select version from household where id = 1")
{
    echo ".timeout 10000"
    i=0
    while [ $i -lt 20000 ]; do
        echo "BEGIN IMMEDIATE; INSERT INTO division (level, parent_id, name) VALUES (4, $V, 'w$i');
UPDATE household SET version = version + 1 WHERE id = 1; COMMIT;"
        i=$((i + 1))
    done
} >"$T/writer.sql"
sqlite3 "$DB" <"$T/writer.sql" >/dev/null 2>&1 &
W=$!
while [ "$(q "$DB" "select count(*) from division where name like 'w%'")" -lt 50 ]; do :; done
zx export snapshot -o "$T/s3"
S3=$rc
AFTER=$(q "$DB" "select count(*) from division where name like 'w%'")
kill "$W" 2>/dev/null
wait "$W" 2>/dev/null
is "$S3" 0 "a snapshot taken while another process writes"
NW=$(grep -c ',w[0-9]*,' "$T/s3/division.csv")
HV=$(awk -F, 'NR == 2 { print $16 }' "$T/s3/household.csv")
is "$((HV - V0))" "$NW" "is one state: as many new villages as raised versions ($NW)"
[ "$NW" -ge 50 ] && [ "$AFTER" -gt "$NW" ]
ok $? "taken in the middle of the writing ($NW of $AFTER written when it ended)"
finish
