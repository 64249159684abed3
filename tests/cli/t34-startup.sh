#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t34-startup.sh - what every start loads (doc/HACKING.md, "Start-up"):
# the program is not linked with libcups, Pango, cairo or libarchive, and
# neither `zhenxing --version` nor `zhenxing check` loads them; they come
# only with the commands that use them (the printers' list, a PDF, a
# .tar.zst snapshot), and when one is missing the command says so in
# Chinese and does nothing.
. "${top_srcdir:-.}/tests/cli/lib.sh"
need readelf
need sqlite3

plan 14

HEAVY='libcups|libgnutls|libgssapi|libavahi|libp11-kit|libpango|libcairo|libharfbuzz|libfontconfig|libglib|libarchive|libicu'

readelf -d "$ZHENXING" | grep NEEDED >"$T/needed"
is "$(grep -cE "$HEAVY" "$T/needed")" 0 "the program is not linked with libcups, Pango, cairo or libarchive"
grep -E "$HEAVY" "$T/needed" | sed 's/^/# /'

# loaded: the dynamic loader's own account (LD_DEBUG=libs)
loaded() {
    LD_DEBUG=libs LD_DEBUG_OUTPUT="$T/ld" "$ZHENXING" "$@" >"$OUT" 2>"$ERR"
    rc=$?
    cat "$T"/ld.* 2>/dev/null | grep -oE 'calling init: [^ ]+' | sed 's/.*: //' >"$T/libs"
    rm -f "$T"/ld.*
}
loaded --version
is "$rc" 0 "zhenxing --version"
is "$(grep -cE "$HEAVY" "$T/libs")" 0 "loads none of them ($(wc -l <"$T/libs") libraries)"
grep -E "$HEAVY" "$T/libs" | sed 's/^/# /'

DB="$T/c.db"
demo_db "$DB" 50
loaded --db "$DB" check
is "$(grep -cE "$HEAVY" "$T/libs")" 0 "zhenxing check loads none of them"

# The printers' list loads libcups; a CUPS that does not answer is no queue.
CUPS_SERVER="$T/no-cups.sock" zx --db "$DB" print --list-printers
is "$rc" 0 "print --list-printers with no CUPS server answering"
has "$ERR" "没有可用的打印机" "says there is no printer"
# libcups missing (here: a file of that name that is no library, found
# first through LD_LIBRARY_PATH)
mkdir -p "$T/nolib"
echo "not a library" >"$T/nolib/libcups.so.2"
LD_LIBRARY_PATH="$T/nolib" zx --db "$DB" print --list-printers
[ "$rc" -ne 0 ] && [ ! -s "$OUT" ]
ok $? "print --list-printers without libcups fails, listing nothing"
has "$ERR" "无法列出打印机：没有安装 libcups（apt-get install libcups2）" "saying so in Chinese, with the package"

# A module missing: the PDF is not made, nothing written or recorded.
no=$(q "$DB" "select hh_no from household order by hh_no limit 1")
before=$(q "$DB" "select count(*) from audit")
ZHENXING_MODULEDIR="$T/none" zx --db "$DB" print card "$no" -o "$T/card.pdf"
[ "$rc" -ne 0 ] && [ ! -e "$T/card.pdf" ]
ok $? "without the PDF module, print card fails and writes nothing"
has "$ERR" "zhenxing 缺少组成部分（请重新安装）" "saying a part of zhenxing is missing"
is "$(q "$DB" "select count(*) from audit")" "$before" "nothing recorded"
ZHENXING_MODULEDIR="$T/none" zx --db "$DB" export snapshot -o "$T/s.tar.zst"
[ "$rc" -ne 0 ] && [ ! -e "$T/s.tar.zst" ]
ok $? "without the archive module, export snapshot FILE.tar.zst fails and leaves nothing"
has "$ERR" "tarzst.so" "naming the module"
# and with them (the build tree's), both work
zx --db "$DB" print card "$no" -o "$T/card.pdf"
[ "$rc" -eq 0 ] && [ "$(head -c 5 "$T/card.pdf")" = "%PDF-" ]
ok $? "with the module the card is a PDF"
finish
