#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t13-print.sh - printing from the screens: the household card from the
# detail screen (p) saved as text and as PDF, in the audit trail, an
# existing file refused unless overwriting is asked for; tagged rows of
# the list (t, T) printed through the print command (a fake lp that keeps
# its arguments and the file), a failing print command keeping the dialog
# open with its message; the dialog at 100x30.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 59

DB="$T/c.db"
demo_db "$DB" 100
# The first household of the list: its number, head, and id.
row=$(q "$DB" "select h.id, h.hh_no, p.name from household h join person p on p.household_id = h.id
  and p.relation = '02' order by h.hh_no limit 1")
hh=${row%%|*}
no=${row#*|}
no=${no%%|*}
head=${row##*|}
prints() { q "$DB" "select count(*) from audit where op = 'print' $1"; }
# PDFs are read with pdftotext; without it their checks fail (no skipping).
PDFTOTEXT=$(command -v pdftotext)

# The print command: a fake lp keeping its arguments and the file it got.
mkdir -p "$XDG_CONFIG_HOME/zhenxing"
cat >"$T/fakelp" <<EOF
#!/bin/sh
: >"$T/args"
for a in "\$@"; do printf '%s\\n' "\$a" >>"$T/args"; last=\$a; done
cp "\$last" "$T/printed"
EOF
cat >"$T/badlp" <<'EOF'
#!/bin/sh
echo "lp: 打印机不存在" >&2
exit 1
EOF
chmod +x "$T/fakelp" "$T/badlp"
echo "print_command = \"$T/fakelp\";" >"$XDG_CONFIG_HOME/zhenxing/zhenxing.conf"

# dialog_open DESCRIPTION: the print dialog is (still) on the screen.
dialog_open() {
    screen "$T/screen"
    sed -n 2p "$T/screen" | grep -qx ' *打印 *' && grep -q '^ \*去向 ' "$T/screen" &&
        grep -q '^  覆盖已有文件 ' "$T/screen"
    ok $? "$1"
}

# wait_re ERE: poll the screen until a line matches ERE (5 s).
wait_re() {
    i=0
    while [ $i -lt 100 ]; do
        tm capture-pane -p -t zx 2>/dev/null | grep -qE -- "$1" && sleep 0.1 && return 0
        sleep 0.05
        i=$((i + 1))
    done
    return 1
}

# wait_re_gone ERE: until no line matches ERE.
wait_re_gone() {
    i=0
    while [ $i -lt 100 ]; do
        tm capture-pane -p -t zx 2>/dev/null | grep -qE -- "$1" || { sleep 0.1; return 0; }
        sleep 0.05
        i=$((i + 1))
    done
    return 1
}

# 1. The card as text to a file, from the detail screen.
tui_start 80x24
open_household "$no"
keys p
shows "$no 的明白卡" "p in the detail opens the print dialog for the household's card"
dialog_open "the dialog is titled 打印 with its fields"
shows "明白卡-$no.pdf" "the file is named after the household, PDF by default"
keys C-u
typed "文件"
keys Tab C-u
typed "文本"
keys Tab
shows "明白卡-$no.txt" "the text format changes the file's extension"
keys C-s
shows "已保存 $HOME/明白卡-$no.txt" "Ctrl-S saves the card to the file"
lacks "覆盖已有文件" "and closes the dialog"
f="$HOME/明白卡-$no.txt"
test -f "$f"
ok $? "the text file exists"
has "$f" "防止返贫监测帮扶明白卡" "it is the household card"
has "$f" "户编号：$no" "of the household"
has "$f" "户主：$head" "with the head's name"
has "$f" "第 1 页 共 1 页" "and the page numbers"
! grep -qE '[0-9]{17}[0-9X]' "$f"
ok $? "no whole ID number is printed"
is "$(prints "and tbl = 'household' and row_id = $hh and field = 'card' and new = 'file:$f'")" "1" \
    "the print is in the audit log"
keys 8
wait_for "字段"
screen "$T/screen"
grep -qE ' 打印 +农户 +明白卡' "$T/screen"
ok $? "section 8 shows the print of the card"
has "$T/screen" "到文件 $f" "with the file it went to"

# 2. The card as PDF (saved with F10).
keys p
wait_for "覆盖已有文件"
keys C-u
typed "file"
keys F10
shows "已保存 $HOME/明白卡-$no.pdf" "F10 saves the card as PDF"
f="$HOME/明白卡-$no.pdf"
is "$(head -c 4 "$f" 2>/dev/null)" "%PDF" "the file is a PDF"
if [ -n "$PDFTOTEXT" ]; then
    "$PDFTOTEXT" "$f" "$T/pdf.txt" 2>"$T/pdf.err"
    ok $? "pdftotext reads it"
else
    echo "# pdftotext is not installed (poppler-utils): the PDF cannot be read"
    : >"$T/pdf.txt"
    ok 1 "pdftotext reads it"
fi
has "$T/pdf.txt" "防止返贫监测帮扶明白卡" "the PDF is the household card"
has "$T/pdf.txt" "$head" "with the head's name"

# 3. The same file again, not to be overwritten: refused, dialog open.
sum=$(cksum <"$f")
keys p
wait_for "覆盖已有文件"
keys C-u
typed "file"
keys C-s
shows "已存在" "saving over an existing file is refused"
dialog_open "the dialog stays open"
is "$(cksum <"$f")" "$sum" "the file is unchanged"
is "$(prints "and row_id = $hh")" "2" "nothing more in the audit log"
keys Tab Tab Tab Tab Tab
shows "覆盖已有文件 [否" "the overwrite field says 否"
keys BSpace
typed "是"
keys C-s
shows "已保存 $HOME/明白卡-$no.pdf" "with 覆盖已有文件 是 the file is replaced"
is "$(prints "and row_id = $hh")" "3" "and the print is recorded"
tui_stop

# 4. Tagged rows of the list to the printer.
tui_start 80x24
tagged() { screen "$T/screen"; grep -cE '^ \* +[^ ]+ +[0-9]{16} ' "$T/screen"; }
keys t t
wait_for " * "
is "$(tagged)" "2" "t tags the row and moves down: two rows tagged"
keys T
wait_re_gone '^ \* '
is "$(tagged)" "0" "T untags them all"
keys t t
wait_for " * "
is "$(tagged)" "2" "two rows tagged again"
grep -E '^ \* ' "$T/screen" | grep -oE '[0-9]{16}' >"$T/tagged"
keys p
shows "选定的 2 户的明白卡" "p offers the cards of the tagged households"
shows "识别公示名单" "and the village's publicity list"
typed "选定"
wait_for "/ 选定"
lacks "风险消除公示名单" "typing narrows the menu"
keys Enter
wait_for "覆盖已有文件"
dialog_open "Enter opens the print dialog"
keys C-s
shows "已送打印机" "Ctrl-S sends the cards to the printer"
lacks "覆盖已有文件" "and closes the dialog"
is "$(tr '\n' ' ' <"$T/args" | cut -d' ' -f1-5)" "-n 1 -t 防止返贫监测帮扶明白卡 --" \
    "the print command is given the copies, the title and the file"
hasnt "$T/args" "-d" "no printer named, no -d"
is "$(head -c 4 "$T/printed" 2>/dev/null)" "%PDF" "it is given a PDF"
if [ -n "$PDFTOTEXT" ]; then
    "$PDFTOTEXT" "$T/printed" "$T/printed.txt" 2>"$T/pdf.err"
else
    : >"$T/printed.txt"
fi
is "$(grep -o '防止返贫监测帮扶明白卡' "$T/printed.txt" | wc -l)" "2" "two cards"
is "$(tr -d ' ' <"$T/printed.txt" | grep -o '第1页共1页' | wc -l)" "2" "of one page each"
is "$(grep -cFf "$T/tagged" "$T/printed.txt")" "2" "of the two tagged households"
is "$(q "$DB" "select group_concat(h.hh_no, ' ') from (select h.hh_no from audit a join household h on h.id = a.row_id
  where a.op = 'print' and a.tbl = 'household' and a.field = 'card' and a.new = 'printer::1' order by h.hh_no) h")" \
    "$(sort "$T/tagged" | tr '\n' ' ' | sed 's/ $//')" "the audit log has a print for each tagged household"
publicity_dialog
shows "识别公示名单" "the publicity list of the row's village opens the dialog"
lacks "公示中的农户" "which names it without the menu's note"
keys Escape
wait_for "人均纯收入"
tui_stop

# 5. A print command that fails: its message, the dialog stays open.
# At 100x30, where the dialog is drawn as well; at 80 columns a long
# temporary directory would cut the command's message off.
echo "print_command = \"$T/badlp\";" >"$XDG_CONFIG_HOME/zhenxing/zhenxing.conf"
before=$(prints "")
tui_start 100x30
keys p
wait_for "走访任务清单"
keys Enter
wait_for "覆盖已有文件"
dialog_open "at 100x30 the dialog has its title and fields"
aligned '\[' "its boxes line up at 100x30"
shows "的明白卡" "and it says what is printed"
keys C-s
shows "执行失败" "a failing print command is reported"
shows "打印机不存在" "with what it said"
dialog_open "and the dialog stays open"
is "$(prints "")" "$((before + 1))" "a print is recorded before its command runs (audit first)"
is "$(q "$DB" "select count(*) from audit where op = 'undelivered' and new like '%打印机不存在%'")" 1 \
    "and a failed one then as not delivered, with the command's message"

# 6. Down to 80x24 and back, the dialog still drawn whole.
tm resize-window -t zx -x 80 -y 24
wait_re '监测帮扶 {20,40}青山县'
dialog_open "at 80x24 the dialog is still there"
aligned '\[' "its boxes line up at 80x24"
tm resize-window -t zx -x 100 -y 30
wait_re '监测帮扶 {45,}青山县'
dialog_open "and again at 100x30"
aligned '\[' "its boxes line up again"
keys Escape
shows "人均纯收入" "Esc leaves the dialog for the list"
tui_stop
shows "EXIT=0" "q quits"
finish
