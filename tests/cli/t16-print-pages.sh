#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t16-print-pages.sh - official pages show what an office shows (issue 19
# §4): the assessment summary names the template by its Chinese title and
# who finalized the round by name and unit (not the login), repeats a
# unit's heading on the pages its sheet runs on to, and lets the first
# sheet follow the ranking on its page; the publicity notice states its
# period and warns, on standard error, when the period has ended; a text
# print sent to the print command goes as the PDF; report assessment
# takes --printer.
. "${top_srcdir:-.}/tests/cli/lib.sh"
need sqlite3
need pdftotext
need pdfinfo

plan 22

DB="$DEFAULT_DB"
mkdir -p "$(dirname "$DB")"
demo_db "$DB" 300 || { echo "Bail out! the demo database cannot be made"; exit 1; }
ME=$(id -un)
# page FILE N: the text of page N
page() { pdftotext -layout -f "$2" -l "$2" "$1" - 2>/dev/null; }

# --- the assessment summary -------------------------------------------------
zx assess new township-consolidation 2026
is "$rc" 0 "a round of the township template"
R=$(cat "$OUT")
zx report assessment --round "$R" --format pdf -o "$T/open.pdf"
is "$rc" 0 "its summary as a PDF"
pdftotext "$T/open.pdf" "$T/open.txt"
has "$T/open.txt" "考核模板：乡镇巩固拓展脱贫攻坚成果考核" "the template by its Chinese title"
hasnt "$T/open.txt" "township-consolidation" "not by its id"
# the first unit's sheet follows the ranking on page 1
first=$(q "$DB" "select d.name from assess_unit u join division d on d.id = u.unit_id
                 where u.round_id = $R order by d.name limit 1")
page "$T/open.pdf" 1 >"$T/p1"
has "$T/p1" "考核排名" "page 1 has the ranking"
grep -q "考核评分表$" "$T/p1"
ok $? "and the first unit's sheet after it, not three quarters of a page left empty"
# every page that does not start a sheet repeats its unit's heading
pages=$(pdfinfo "$T/open.pdf" | sed -n 's/^Pages: *//p')
cont=0 bad=0 i=2
while [ "$i" -le "$pages" ]; do
    top=$(page "$T/open.pdf" "$i" | grep -v '^[[:space:]]*$' | head -n 1 | sed 's/^ *//')
    case $top in
    *考核评分表（续）) cont=$((cont + 1)) ;;
    *考核评分表) ;;
    *) bad=$((bad + 1)); echo "# page $i starts: $top" ;;
    esac
    i=$((i + 1))
done
[ "$cont" -gt 0 ]
ok $? "continuation pages start with the unit's heading, continued ($cont of $pages pages)"
is "$bad" 0 "every page after the first starts with a unit's heading"

# finalized by a staff member: the name and the unit, not the login
q "$DB" "update staff set name = '赵文华', scope_id = null where login = '$ME'"
for u in $(q "$DB" "select unit_id from assess_unit where round_id = $R"); do
    for c in C1 C2; do
        zx assess score "$R" "$u" "$c" 10 || break
    done
done
zx assess finalize "$R"
is "$rc" 0 "the round is finalized (the manual lines scored)"
zx report assessment --round "$R" --format pdf -o "$T/final.pdf"
pdftotext "$T/final.pdf" "$T/final.txt"
grep -m1 "已定稿" "$T/final.txt" | sed "s/^/# /"
county=$(q "$DB" "select name from division where parent_id is null limit 1")
has "$T/final.txt" "已定稿（$county 赵文华，" "finalized by the staff member's unit and name"
grep -q "已定稿（$ME[,，]" "$T/final.txt"
is "$?" 1 "not by the Unix login"

# --- the publicity notice ---------------------------------------------------
# 清永村's one household in publicity: 2026-11-17 to 2026-11-21
place=金茶镇/清永村
zx print publicity "$place" --format text -o -
is "$rc" 0 "the publicity notice after its period"
has "$OUT" "公示期为 5 天（2026年11月17日至2026年11月21" "states the period"
has "$ERR" "公示期已于2026年11月21日结束" "and warns on standard error that it has ended"
ZHENXING_TODAY=2026-11-20 zx print publicity "$place" --format text -o -
hasnt "$ERR" "公示期已于" "no warning within the period"
# a step without its last day: the period is the shortest of that year's rules
days=$(sed -n 's/^ *publicity_min_days = \([0-9]*\);.*/\1/p' "$top_srcdir/share/policy/rules.conf" | head -n 1)
# (an older store's or an imported step: the history is append-only, so
# the test lifts that to make one)
q "$DB" "drop trigger case_step_no_update;
         update case_step set pub_end = null where pub_start = '2026-11-17'"
ZHENXING_TODAY=2026-11-18 zx print publicity "$place" --format text -o -
has "$OUT" "公示期为 $days 天（2026年11月17日至" "a period without its end lasts the rules' $days days"

# --- the print command gets the PDF ------------------------------------------
mkdir -p "$XDG_CONFIG_HOME/zhenxing"
cat >"$T/fakelp" <<SH
#!/bin/sh
for a in "\$@"; do last=\$a; done
cp "\$last" "$T/printed"
SH
chmod 755 "$T/fakelp"
printf 'print_command = "%s";\n' "$T/fakelp" >"$XDG_CONFIG_HOME/zhenxing/zhenxing.conf"
zx print publicity "$place" --format text
is "$rc" 0 "a text print sent to the printer"
is "$(head -c 5 "$T/printed")" "%PDF-" "goes as the PDF (CUPS's text filter has no Chinese font)"
pdftotext "$T/printed" - | grep -q 防止返贫监测对象识别公示
ok $? "with its Chinese text"
rm -f "$T/printed"
zx report assessment --round "$R" --printer office
is "$rc" 0 "report assessment --printer prints the summary"
is "$(head -c 5 "$T/printed" 2>/dev/null)" "%PDF-" "as the PDF, through the print command"
zx report assessment --round "$R" --printer office --format csv
is "$rc" 1 "--printer with --format csv is refused"
finish
