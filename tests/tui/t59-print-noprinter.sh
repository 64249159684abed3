#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t59-print-noprinter.sh - the full-screen program starts without libcups,
# Pango, cairo or libarchive in its memory (they come with the commands
# that use them: doc/HACKING.md, "Start-up"); the print dialog with no
# CUPS answering: F4 on the printer says no printer was found and that
# the field left empty means the default printer (not only that there is
# nothing to choose).
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 6

DB="$T/c.db"
demo_db "$DB" 300

tui_start 80x24 "CUPS_SERVER=$T/no-cups.sock"
# the program's maps (not the shell's that started it)
maps() {
    for p in $(pgrep -f -- "--db $DB"); do
        [ "$(readlink "/proc/$p/exe")" = "$(readlink -f "$ZHENXING")" ] && cat "/proc/$p/maps"
    done >"$T/maps"
    [ -s "$T/maps" ]
}
maps
ok $? "the program's memory map, at the first screen"
grep -qE 'libcups|libgnutls|libpango|libcairo|libharfbuzz|libarchive|libicu' "$T/maps"
[ $? -ne 0 ]
ok $? "holds none of libcups, Pango, cairo and libarchive"
village_publicity_dialog
# to the printer field: Send to, Format, Printer
keys Down Down F4
shows "找不到打印机" "F4 on the printer with no CUPS answering: no printer was found"
shows "留空即用默认打印机" "and empty is the default printer"
lacks "这一项没有可选的内容" "not only that there is nothing to choose"
maps
grep -qE 'libpango|libcairo' "$T/maps"
[ $? -ne 0 ]
ok $? "the print dialog brings no Pango nor cairo (the PDF is drawn in a process of its own)"
tui_stop
finish
