#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t43-audit-first.sh - a print from the screens writes its audit row
# before anything leaves: when the row cannot be written (here an audit
# insert that fails, as on a full disk), the print command never runs,
# the dialog stays open and the status line says why in Chinese; once the
# log works again the same print goes out and is recorded.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 7

DB="$T/c.db"
demo_db "$DB" 50
mkdir -p "$XDG_CONFIG_HOME/zhenxing"
printf '#!/bin/sh\necho ran >>"%s/lp-ran"\n' "$T" >"$T/fakelp"
chmod +x "$T/fakelp"
echo "print_command = \"$T/fakelp\";" >"$XDG_CONFIG_HOME/zhenxing/zhenxing.conf"
q "$DB" "create trigger audit_fails before insert on audit when new.op = 'print'
         begin select raise(abort, 'database or disk is full'); end;"
prints() { q "$DB" "select count(*) from audit where op = 'print'"; }
before=$(prints)

tui_start 80x24
keys p
wait_for "走访任务清单"
keys Enter
wait_for "覆盖已有文件"
keys C-s
shows "审计日志未能记录，因此没有输出任何内容" "a print whose audit row cannot be written is refused, saying why"
[ ! -e "$T/lp-ran" ]
ok $? "and the print command never ran"
shows "覆盖已有文件" "the dialog stays open"
q "$DB" "drop trigger audit_fails"
keys C-s
shows "已送打印机" "once the log works again the print goes out"
[ -e "$T/lp-ran" ]
ok $? "through the print command"
is "$(prints)" "$((before + 1))" "and is recorded"
tui_stop
shows "EXIT=0" "q quits"
finish
