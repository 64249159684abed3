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
need cupsd
need lpadmin
need lpstat
need pdftotext
need pdffonts
need pdfinfo
need sqlite3
[ -x /usr/lib/cups/backend/cups-pdf ] ||
    { echo "Bail out! cups-pdf is not installed (./quickstart.sh check installs it)"; exit 1; }
[ "$(id -u)" -eq 0 ] ||
    { echo "Bail out! cups-pdf's backend runs only under a cupsd started as root: run this test as root (the CI does)"; exit 1; }

plan 16

# --- a private CUPS server ---------------------------------------------------
C="$T/cups"
Q="zxtest$$"
mkdir -p "$C/etc" "$C/spool" "$C/tmp" "$C/cache" "$C/state" "$C/log" "$C/out"
chmod 1777 "$C/tmp"
chmod 755 "$C" "$C/out"
cat >"$C/etc/cups-files.conf" <<CONF
ServerRoot $C/etc
RequestRoot $C/spool
TempDir $C/tmp
CacheDir $C/cache
StateDir $C/state
ErrorLog $C/log/error_log
AccessLog $C/log/access_log
PageLog $C/log/page_log
ServerBin /usr/lib/cups
DataDir /usr/share/cups
User lp
Group lp
SystemGroup root
CONF
cat >"$C/etc/cupsd.conf" <<CONF
Listen $C/cups.sock
Browsing Off
WebInterface No
LogLevel warn
PreserveJobFiles Yes
DefaultAuthType None
<Location />
  Order allow,deny
  Allow all
</Location>
<Location /admin>
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
CONF
# cups-pdf reads /etc/cups/cups-pdf-QUEUE.conf (its one configuration
# directory): this queue's PDFs go into $C/out
PDFCONF="/etc/cups/cups-pdf-$Q.conf"
mkdir -p /etc/cups
printf 'Out %s\nAnonDirName %s\nUserPrefix\nLabel 0\n' "$C/out" "$C/out" >"$PDFCONF"
export CUPS_SERVER="$C/cups.sock"
cupsd -f -c "$C/etc/cupsd.conf" -s "$C/etc/cups-files.conf" >"$C/log/stdout" 2>&1 &
CUPSD=$!
trap 'kill $CUPSD 2>/dev/null; wait $CUPSD 2>/dev/null; rm -f "$PDFCONF";
      chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT

# until SECONDS CMD...: poll CMD (every 0.2 s) until it succeeds, at most
# SECONDS: a slow machine waits longer, a quick one does not wait.
until_ok() {
    _t=$(($1 * 5))
    shift
    while [ "$_t" -gt 0 ]; do
        "$@" >/dev/null 2>&1 && return 0
        sleep 0.2
        _t=$((_t - 1))
    done
    return 1
}
running() { LC_ALL=C lpstat -r 2>/dev/null | grep -q "scheduler is running"; }
until_ok 30 running
ok $? "our cupsd answers on its socket"
# the PDF renderer poppler's pdftops keeps the fonts (cups-filters' default
# draws the text as shapes)
lpadmin -p "$Q" -v "cups-pdf:/$Q" -P /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd \
    -o pdftops-renderer-default=pdftops -E 2>"$C/log/lpadmin" &&
    lpadmin -d "$Q" 2>>"$C/log/lpadmin"
st=$?
[ "$st" -eq 0 ] || sed 's/^/# /' "$C/log/lpadmin" "$C/log/error_log" 2>/dev/null
ok "$st" "a cups-pdf queue $Q, the default"

DB="$DEFAULT_DB"
mkdir -p "$(dirname "$DB")"
demo_db "$DB" 300 || { echo "Bail out! the demo database cannot be made"; exit 1; }

# --- the printers ------------------------------------------------------------
zx print --list-printers
is "$rc" 0 "print --list-printers"
is "$(grep "^$Q" "$OUT")" "$Q	默认" "lists the queue, marked the default"

# --- a print through the queue ---------------------------------------------
# job_done N: the Nth job's document is in the spool and cups-pdf's Nth PDF
# is finished (the queue empty again)
pdfs() { find "$C/out" -name '*.pdf' -size +0 | wc -l; }
idle() { [ -z "$(lpstat -o "$Q" 2>/dev/null)" ] && [ "$(pdfs)" -ge "$1" ]; }
newest() { ls -t "$1" | head -n 1; }

zx print publicity 金茶镇/清永村 --format text --printer "$Q"
is "$rc" 0 "a publicity notice asked as text, sent to $Q"
has "$ERR" "公示期已于2026年11月21日结束" "with the warning that its period has ended"
until_ok 120 idle 1
ok $? "cups-pdf made a PDF of the job"
job=$(ls -t "$C"/spool/d* 2>/dev/null | head -n 1)
is "$(head -c 5 "$job" 2>/dev/null)" "%PDF-" "the job CUPS received is the PDF, not text"
pdftotext "$job" - 2>/dev/null | grep -q 防止返贫监测对象识别公示
ok $? "with the notice's Chinese text"
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
until_ok 120 idle 2
ok $? "its PDF is printed"
job=$(ls -t "$C"/spool/d* 2>/dev/null | head -n 1)
pdftotext "$job" - 2>/dev/null | grep -q 乡镇巩固拓展脱贫攻坚成果考核
ok $? "the job is the summary, in Chinese"
zx report assessment --round "$R" --printer "no-such-queue-$$"
is "$rc" 2 "a queue CUPS does not know fails, with lp's message"
finish
