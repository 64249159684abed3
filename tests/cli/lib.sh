# SPDX-License-Identifier: GPL-3.0-or-later
# lib.sh - TAP helpers for the command-line and screen tests.
#
# Each test script sources this file, calls plan N, then runs zhenxing
# with `zx ARGS...` (stdout in $OUT, stderr in $ERR, exit status in $rc)
# and checks with ok/is/has/hasnt.  Every script runs in a fresh temporary
# HOME with its own XDG directories, so nothing of the user's leaks in.

set -u
: "${ZHENXING:?ZHENXING must name the zhenxing binary (make check sets it)}"
: "${top_srcdir:=.}"

T=$(mktemp -d "${TMPDIR:-/tmp}/zxcli.XXXXXX")
chmod 755 "$T"
# EXIT_HOOK: what a test's helpers stop first (cups.sh: its cupsd).
EXIT_HOOK=:
trap 'eval "$EXIT_HOOK"; chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT
export HOME="$T/home" XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config"
export XDG_STATE_HOME="$T/state"
mkdir -p "$HOME"
export ZHENXING_TODAY=2026-11-22
export ZHENXING_SYSCONFDIR="$T/etc"
unset LANGUAGE
OUT="$T/out"
ERR="$T/err"
DEFAULT_DB="$XDG_DATA_HOME/zhenxing/county.db"
n=0
failed=0

plan() { echo "1..$1"; }

# ok STATUS DESCRIPTION: one test point; STATUS 0 passes.
ok() {
    n=$((n + 1))
    if [ "$1" -eq 0 ]; then
        echo "ok $n - $2"
    else
        echo "not ok $n - $2"
        failed=1
        if [ -s "$OUT" ]; then sed 's/^/# out: /' "$OUT" | head -20; fi
        if [ -s "$ERR" ]; then sed 's/^/# err: /' "$ERR" | head -20; fi
    fi
}

# zx ARGS...: run zhenxing.
zx() {
    "$ZHENXING" "$@" >"$OUT" 2>"$ERR"
    rc=$?
}

# is GOT WANT DESCRIPTION
is() {
    [ "$1" = "$2" ]
    ok $? "$3 (got '$1', want '$2')"
}

# has FILE TEXT DESCRIPTION: FILE contains the fixed string TEXT.
has() {
    grep -qF -- "$2" "$1"
    ok $? "$3"
}

# hasnt FILE TEXT DESCRIPTION
hasnt() {
    ! grep -qF -- "$2" "$1"
    ok $? "$3"
}

# need TOOL: the README's set-up (quickstart.sh) installs TOOL, so a
# machine without it fails the script ("Bail out!" is an error in the
# TAP driver): a suite whose tests did not run must not pass.
need() {
    command -v "$1" >/dev/null 2>&1 && return 0
    echo "Bail out! $1 is not installed (./quickstart.sh installs it)"
    exit 1
}

# q DB SQL: one query with the sqlite3 shell.
q() {
    sqlite3 -batch -noheader "$1" "$2"
}

# as_nobody CMD...: run CMD without root's powers (when we are root), so
# that file permissions apply (setpriv, of util-linux).
[ "$(id -u)" -ne 0 ] || need setpriv
as_nobody() {
    if [ "$(id -u)" -ne 0 ]; then
        "$@"
    else
        setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"
    fi
}

# col FILE LABEL [gb18030]: the cells of the column LABEL of a CSV (UTF-8 or GB18030),
# an identifier written ="..." (so that Excel keeps it text) as Excel shows it
col() {
    python3 - "$@" <<'EOF'
import csv, sys
f, label = sys.argv[1:3]
enc = "gb18030" if len(sys.argv) > 3 else "utf-8-sig"
for r in csv.DictReader(open(f, encoding=enc, newline="")):
    v = r[label]
    print(v[2:-1] if v.startswith('="') and v.endswith('"') else v)
EOF
}

# demo_db FILE [N]: a demo database of N households (default 300).
demo_db() {
    "$ZHENXING" --db "$1" demo --households "${2:-300}" --seed 7 >/dev/null 2>&1
}

# clear_funds FILE: empty the funds tables of a demo database, for a test
# that makes its own (their audit rows stay: the log is append-only).
clear_funds() {
    q "$1" "delete from payment; delete from allocation; delete from asset_income;
      delete from asset_source; delete from asset; delete from project_household;
      delete from project_step; delete from project; delete from fund;" >/dev/null
}

# clear_pairing FILE: empty the paired-assistance tables of a demo database
# (partners, pairings, agreements, records, teams, members, attendance,
# grades), for a test that makes its own.
clear_pairing() {
    q "$1" "delete from team_grade; delete from attendance; delete from team_member;
      delete from team; delete from pair_record; delete from agreement_target;
      delete from agreement; delete from pairing; delete from partner;" >/dev/null
}

finish() {
    exit $failed
}
