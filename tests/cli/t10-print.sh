#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t10-print.sh - zhenxing print: the household card, the village
# publicity lists and the visit worklists as text (compared with golden
# files) and as PDF (read back with pdftotext, rendered with pdftoppm);
# publicity lists free of ID and phone numbers; the print command run with
# its arguments and its failure reported; every print in the audit log;
# the account's scope.
. "${top_srcdir:-.}/tests/cli/lib.sh"
need sqlite3

plan 41

GOLD="$top_srcdir/tests/data/print"
DB="$DEFAULT_DB"
mkdir -p "$(dirname "$DB")"
demo_db "$DB" 300
prints() { q "$DB" "select count(*) from audit where op = 'print'"; }

# The households the golden files show.
card_no=$(q "$DB" "select h.hh_no from monitor_case c join household h on h.id = c.household_id where c.state = 'publicizing' order by h.hh_no limit 1")
place=$(q "$DB" "select t.name || '/' || v.name from household h join division v on v.id = h.village_id join division t on t.id = h.township_id where h.hh_no = '$card_no'")
eplace=$(q "$DB" "select t.name || '/' || v.name from monitor_case c join household h on h.id = c.household_id join division v on v.id = h.village_id join division t on t.id = h.township_id where c.state = 'elim_publicizing' order by h.hh_no limit 1")

# --- text prints, exactly as laid out -----------------------------------
zx print card "$card_no" --format text -o "$T/card.txt"
is "$rc" 0 "print card writes a text file"
cmp -s "$T/card.txt" "$GOLD/card.txt"
ok $? "the household card is laid out as the golden file"
[ $? -eq 0 ] || diff "$GOLD/card.txt" "$T/card.txt" | head -20 | sed 's/^/# /'
has "$ERR" "已将 1 份文档写入" "and says where it went"
zx print publicity "$place" --format text -o -
is "$rc" 0 "print publicity to standard output"
cmp -s "$OUT" "$GOLD/publicity.txt"
ok $? "the publicity list is laid out as the golden file"
zx print publicity "$eplace" --elimination --format text -o "$T/elim.txt"
cmp -s "$T/elim.txt" "$GOLD/elimination.txt"
ok $? "the elimination publicity list is laid out as the golden file"
zx print visits --format text -o "$T/visits.txt"
cmp -s "$T/visits.txt" "$GOLD/visits.txt"
ok $? "the visit worklists are laid out as the golden file"
pages=$(tr -cd '\f' <"$T/visits.txt" | wc -c)
docs=$(grep -c "走访任务清单" "$T/visits.txt")
is "$pages" "$((docs - 1))" "one worklist per cadre, each on its own page"
python3 -c '
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
sys.exit(any(w(l.rstrip("\n\f")) > 78 for f in sys.argv[1:] for l in open(f, encoding="utf-8")))
' "$T/card.txt" "$T/visits.txt" "$OUT"
ok $? "no line of a text print is wider than 78 columns"
awk 'BEGIN { RS = "\f" } { n = split($0, l, "\n"); if (n - 1 != 66 && n != 66) bad = 1 } END { exit bad }' "$T/visits.txt"
ok $? "every text page has 66 lines"

# --- publicity holds nothing personal beyond the head's name -------------
for f in "$OUT" "$T/elim.txt"; do
    ! grep -Eq '[0-9]{17}[0-9Xx]|[0-9]{6}\*{8}' "$f"
    ok $? "no ID number, whole or masked, in $(basename "$f")"
    ! grep -Eq '1[3-9][0-9]{9}|1[3-9][0-9]\*{4}' "$f"
    ok $? "no mobile phone number, whole or masked, in $(basename "$f")"
done
q "$DB" "select phone from household where phone <> '' union select phone from person where phone <> ''" >"$T/phones"
! grep -Fqf "$T/phones" "$OUT"
ok $? "no phone of any household or member in the publicity list"
! grep -Eq '健康|残疾|患病|因病' "$OUT" "$T/elim.txt"
ok $? "nothing about health in the publicity lists"
! grep -Eq '[0-9]{17}[0-9Xx]' "$T/card.txt"
ok $? "the household card masks ID numbers"

# --- PDF -------------------------------------------------------------------
zx print card "$card_no" -o "$T/card.pdf"
is "$rc" 0 "print card makes a PDF by default"
is "$(head -c 5 "$T/card.pdf")" "%PDF-" "a real PDF"
pdftotext "$T/card.pdf" - | tr -d ' ' >"$T/card.pdf.txt"
has "$T/card.pdf.txt" "防止返贫监测帮扶明白卡" "its Chinese text can be extracted (pdftotext)"
has "$T/card.pdf.txt" "第1页共1页" "with the page number"
head1=$(sed -n 's/^.*户主：\([^ ]*\).*$/\1/p' "$T/card.txt" | head -n 1)
has "$T/card.pdf.txt" "$head1" "and the head's name"
rm -f "$T"/pg-*
pdftoppm -r 30 -png "$T/card.pdf" "$T/pg"
is "$(ls "$T"/pg-*.png 2>/dev/null | wc -l)" "$(pdfinfo "$T/card.pdf" | awk '/^Pages:/ {print $2}')" "every page renders (pdftoppm)"
zx print visits -o "$T/visits.pdf"
pdftotext "$T/visits.pdf" - | grep -c "走访任务清单" >"$T/n"
is "$(cat "$T/n")" "$docs" "the PDF holds one worklist per cadre"
zx print card "$card_no" -o "$T/card.pdf"
is "$rc" 2 "an existing file is not overwritten"
has "$ERR" "已存在" "and the message says so"
zx print card "$card_no" -o "$T/card.pdf" --force
is "$rc" 0 "--force overwrites it"

# --- the print command ---------------------------------------------------
mkdir -p "$XDG_CONFIG_HOME/zhenxing"
cat >"$T/fakelp" <<SH
#!/bin/sh
for a in "\$@"; do printf '%s\n' "\$a"; done >"$T/args"
env >"$T/env"
for a in "\$@"; do last=\$a; done
cp "\$last" "$T/printed"
SH
printf '#!/bin/sh\necho "lp: 打印机 office 不存在" >&2\nexit 1\n' >"$T/badlp"
chmod 755 "$T/fakelp" "$T/badlp"
printf 'print_command = "%s";\nprinter = "office";\ncopies = 2;\n' "$T/fakelp" \
    >"$XDG_CONFIG_HOME/zhenxing/zhenxing.conf"
before=$(prints)
two=$(q "$DB" "select hh_no from household order by id limit 2" | tr '\n' ' ')
# shellcheck disable=SC2086
FOO=secret zx print card $two
is "$rc" 0 "two households print together through the print command"
printf '%s\n' -d office -n 2 -t 防止返贫监测帮扶明白卡 -- >"$T/want"
head -n 7 "$T/args" | cmp -s - "$T/want"
ok $? "as PROGRAM -d PRINTER -n COPIES -t TITLE -- FILE"
hasnt "$T/env" "FOO=secret" "in a clean environment"
is "$(pdftotext "$T/printed" - | grep -c 防止返贫监测帮扶明白卡)" 2 "both cards in one document"
is "$(prints)" "$((before + 2))" "one audit row per household printed"
is "$(q "$DB" "select new from audit where op = 'print' order by id desc limit 1")" "printer:office:2" "saying where it went"
printf 'print_command = "%s";\n' "$T/badlp" >"$XDG_CONFIG_HOME/zhenxing/zhenxing.conf"
before=$(prints)
zx print card "$card_no"
is "$rc" 2 "a failing print command fails the print"
has "$ERR" "打印机 office 不存在" "with the command's own message"
is "$(prints)" "$((before + 1))" "the print is recorded before the command runs"
has_undelivered=$(q "$DB" "select count(*) from audit where op = 'undelivered' and new like '%打印机 office 不存在%'")
is "$has_undelivered" 1 "and then as not delivered, with the reason"

# --- scope and bad requests ------------------------------------------------
zx print publicity "$place" --format pdf --copies 0 -o "$T/x.pdf"
is "$rc" 1 "0 copies is a usage error"
zx print nosuch
is "$rc" 1 "an unknown kind of print is a usage error"
me=$(id -un)
other=$(q "$DB" "select hh_no from household where township_id <> (select township_id from household where hh_no = '$card_no') limit 1")
q "$DB" "update staff set role = 'township', scope_id = (select township_id from household where hh_no = '$card_no') where login = '$me'"
zx print card "$other" --format text -o "$T/other.txt"
is "$rc" 2 "a household outside the account's township is refused"
has "$ERR" "不在您的管辖范围内" "saying it is outside the scope"
finish
