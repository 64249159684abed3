#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t15-cups.sh - printing through a real CUPS queue (issue 19 §4): the test
# starts its own cupsd (a private configuration, state and spool under
# $T, listening only on a Unix socket there that CUPS_SERVER names, so
# the machine's own CUPS, if any, is not touched), makes a cups-pdf queue
# writing into $T, and stops the server at the end.  zhenxing lists the
# queue (print --list-printers, the default marked), prints a publicity
# notice asked as text with --printer Q and the assessment summary with
# report assessment --printer Q; the job CUPS receives is our PDF with its
# Chinese text (never text: CUPS's text filter has no Chinese font), and
# the cups-pdf printer makes a PDF of it, its fonts the CJK ones.
# cups-pdf's backend runs only as root (the CI runs the suite as root on a
# fresh VM); anywhere else the script fails with the reason, as a missing
# tool does.
. "${top_srcdir:-.}/tests/cli/lib.sh"
. "${top_srcdir:-.}/tests/cli/cups.sh"
need pdftotext
need pdffonts
need sqlite3

plan 17

cups_start
ok $? "our own cupsd answers on its socket, with a cups-pdf queue $Q, the default"

DB="$DEFAULT_DB"
mkdir -p "$(dirname "$DB")"
demo_db "$DB" 300 || { echo "Bail out! the demo database cannot be made"; exit 1; }

# --- the printers ------------------------------------------------------------
zx print --list-printers
is "$rc" 0 "print --list-printers"
is "$(grep "^$Q" "$OUT")" "$Q	默认" "lists the queue, marked the default"

# --- a print through the queue ---------------------------------------------
newest() { ls -t "$1" | head -n 1; }

zx print publicity 金茶镇/清永村 --format text --printer "$Q"
is "$rc" 0 "a publicity notice asked as text, sent to $Q"
has "$ERR" "公示期已于2026年11月21日结束" "with the warning that its period has ended"
cups_printed 1 防止返贫监测对象识别公示 "the publicity notice"
out="$C/out/$(newest "$C/out")"
is "$(head -c 5 "$out")" "%PDF-" "the printer's output is a PDF"
pdffonts "$out" 2>/dev/null | grep -q 'CJK'
ok $? "set in the Chinese fonts (not boxes)"
is "$(q "$DB" "select new from audit where op = 'print' order by id desc limit 1")" \
    "printer:$Q:1" "the audit log says where it went"

# --- the assessment summary ------------------------------------------------
R=$("$ZHENXING" assess new township-consolidation 2026 2>/dev/null)
zx report assessment --round "$R" --printer "$Q"
is "$rc" 0 "report assessment --printer $Q"
cups_printed 2 乡镇巩固拓展脱贫攻坚成果考核 "the assessment summary"
zx report assessment --round "$R" --printer "no-such-queue-$$"
is "$rc" 2 "a queue CUPS does not know fails"
has "$ERR" "lp" "with lp's message"
finish
