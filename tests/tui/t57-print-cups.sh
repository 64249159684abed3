#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t57-print-cups.sh - the print dialog and a real CUPS server of the
# test's own (tests/cli/cups.sh: cupsd on a Unix socket in $T, a cups-pdf
# queue, stopped at the end): F4 on the printer lists the CUPS queues, the
# default marked; the queue chosen gets the PDF of a print asked as text;
# a publicity notice printed after its period says so on the screen.
. "${top_srcdir:-.}/tests/tui/lib.sh"
. "${top_srcdir:-.}/tests/cli/cups.sh"
need sqlite3
need pdftotext

plan 10

cups_start
ok $? "our own cupsd with a cups-pdf queue $Q, the default"
DB="$T/c.db"
demo_db "$DB" 300

tui_start 80x24 "CUPS_SERVER=$CUPS_SERVER"
village_publicity_dialog
# to the printer field: Send to, Format, Printer
keys Down Down
keys F4
shows "$Q（默认打印机）" "F4 on the printer lists the CUPS queue, the default marked"
keys Enter
wait_for "$Q"
screen "$T/screen"
grep -q "打印机 *\[.*（默认打印机）" "$T/screen"
ok $? "the queue is chosen"
# the format: text
keys Up Up F4
wait_for "文本"
keys Down Enter
shows "[文本" "text is asked for"
keys C-s
shows "已送打印机" "Ctrl-S sends the notice to the printer"
shows "公示期已于2026年11月21日结束" "and says on the screen that its period has ended"
cups_printed 1 防止返贫监测对象识别公示 "the publicity notice asked as text"
is "$(q "$DB" "select new from audit where op = 'print' order by id desc limit 1")" \
    "printer:$Q:1" "the audit log names the queue"
tui_stop
finish
