# SPDX-License-Identifier: GPL-3.0-or-later
# cups.sh - a CUPS server of the test's own, for the print tests (sourced
# after lib.sh):
#
#   cups_start    start cupsd with a private configuration, state and spool
#                 under $C ($T/cups), listening only on the Unix socket
#                 $CUPS_SERVER there (the machine's own CUPS, if any, is
#                 not touched), and make the cups-pdf queue $Q, writing its
#                 PDFs into $C/out, the default; 0 when all went well
#   cups_stop     stop it and remove the queue's cups-pdf configuration
#   until_ok S CMD...   poll CMD (every 0.2 s) until it succeeds, at most S s
#   cups_idle N   the queue is empty and cups-pdf has made N PDFs
#   cups_job      the newest job's document as CUPS received it
#
# cups-pdf's backend runs only under a cupsd started as root (the CI runs
# the suite as root on a fresh VM); anywhere else the test fails with the
# reason, as it does when a tool is missing.
need cupsd
need lpadmin
need lpstat
[ -x /usr/lib/cups/backend/cups-pdf ] ||
    { echo "Bail out! cups-pdf is not installed (./quickstart.sh check installs it)"; exit 1; }
[ "$(id -u)" -eq 0 ] ||
    { echo "Bail out! cups-pdf's backend runs only under a cupsd started as root: run this test as root (the CI does)"; exit 1; }

C="$T/cups"
Q="zxtest$$"
CUPSD=""
EXIT_HOOK=cups_stop
# cups-pdf reads only /etc/cups/cups-pdf-QUEUE.conf
PDFCONF="/etc/cups/cups-pdf-$Q.conf"
export CUPS_SERVER="$C/cups.sock"

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

cups_running() { LC_ALL=C lpstat -r 2>/dev/null | grep -q "scheduler is running"; }

cups_start() {
    mkdir -p "$C/etc" "$C/spool" "$C/tmp" "$C/cache" "$C/state" "$C/log" "$C/out"
    chmod 1777 "$C/tmp"
    chmod 755 "$T" "$C" "$C/out"
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
    mkdir -p /etc/cups
    printf 'Out %s\nAnonDirName %s\nUserPrefix\nLabel 0\n' "$C/out" "$C/out" >"$PDFCONF"
    cupsd -f -c "$C/etc/cupsd.conf" -s "$C/etc/cups-files.conf" >"$C/log/stdout" 2>&1 &
    CUPSD=$!
    until_ok 30 cups_running || { sed 's/^/# /' "$C/log/stdout" "$C/log/error_log" 2>/dev/null; return 1; }
    # poppler's pdftops keeps the fonts (cups-filters' default renderer
    # draws the text as shapes), so the printed PDF can be checked
    if ! { lpadmin -p "$Q" -v "cups-pdf:/$Q" -P /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd \
               -o pdftops-renderer-default=pdftops -E && lpadmin -d "$Q"; } 2>"$C/log/lpadmin"; then
        sed 's/^/# /' "$C/log/lpadmin" "$C/log/error_log" 2>/dev/null
        return 1
    fi
}

cups_stop() {
    if [ -n "$CUPSD" ]; then
        kill "$CUPSD" 2>/dev/null
        wait "$CUPSD" 2>/dev/null
        CUPSD=""
    fi
    rm -f "$PDFCONF"
}

cups_pdfs() { find "$C/out" -name '*.pdf' -size +0 | wc -l; }
cups_idle() { [ -z "$(lpstat -o "$Q" 2>/dev/null)" ] && [ "$(cups_pdfs)" -ge "$1" ]; }
cups_job() { ls -t "$C"/spool/d* 2>/dev/null | head -n 1; }

# cups_printed N TEXT WHAT: three test points: cups-pdf has made its Nth
# PDF (waiting up to 2 minutes), the job CUPS received is a PDF, and it
# holds TEXT (pdftotext).
cups_printed() {
    until_ok 120 cups_idle "$1"
    ok $? "cups-pdf made a PDF of the job ($3)"
    is "$(head -c 5 "$(cups_job)" 2>/dev/null)" "%PDF-" "the job CUPS received is the PDF, not text"
    pdftotext "$(cups_job)" - 2>/dev/null | grep -q "$2"
    ok $? "with the Chinese text of $3"
}
