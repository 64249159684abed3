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
# the one household of 清永村 in publicity (2026-11-17 to 2026-11-21)
no=$(q "$DB" "select h.hh_no from household h join monitor_case c on c.household_id = h.id
              join division v on v.id = h.village_id
              where v.name = '清永村' and c.state = 'publicizing' limit 1")

tui_start 80x24 "CUPS_SERVER=$CUPS_SERVER"
keys /
typed "$no"
keys Enter
wait_for "搜索：$no"
keys p
wait_for "识别公示名单（公示中的农户）"
typed "公示中"
wait_for "/ 公示中"
keys Enter
wait_for "覆盖已有文件"
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
until_ok 120 cups_idle 1
ok $? "cups-pdf made a PDF of the job"
job=$(cups_job)
is "$(head -c 5 "$job" 2>/dev/null)" "%PDF-" "the job CUPS received is the PDF though text was asked"
pdftotext "$job" - 2>/dev/null | grep -q 防止返贫监测对象识别公示
ok $? "the publicity notice, in Chinese"
is "$(q "$DB" "select new from audit where op = 'print' order by id desc limit 1")" \
    "printer:$Q:1" "the audit log names the queue"
tui_stop
finish
