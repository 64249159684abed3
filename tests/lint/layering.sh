#!/bin/sh
# layering.sh - dependencies point one way: util <- core <- {db, cfg} <-
# print <- {cli, tui} <- main.  core never includes sqlite3.h or curses.h, db never
# includes curses.h, and no layer includes a layer above it.
: "${top_srcdir:=.}"
cd "$top_srcdir/src" || exit 1

# check DIR PATTERN DESCRIPTION: no file of DIR includes PATTERN.
n=0
bad=0
check() {
    n=$((n + 1))
    hits=$(grep -nE "^#include [<\"]($2)" "$1"/*.c "$1"/*.h 2>/dev/null)
    if [ -z "$hits" ]; then
        echo "ok $n - $3"
    else
        echo "not ok $n - $3"
        echo "$hits" | sed 's/^/# /'
        bad=1
    fi
}

echo "1..9"
check util 'core/|db/|cfg/|print/|cli/|tui/|app\.h|sqlite3\.h|n?curses|libconfig' "util includes nothing above it"
check core 'sqlite3\.h|n?curses|libconfig\.h' "core includes neither sqlite3.h, curses.h nor libconfig.h"
check core 'db/|cfg/|print/|cli/|tui/|app\.h' "core includes no layer above it"
check db 'n?curses|libconfig\.h' "db includes neither curses.h nor libconfig.h"
check db 'cfg/|print/|cli/|tui/|app\.h' "db includes no layer above it"
check cfg 'db/|print/|cli/|tui/|app\.h|sqlite3\.h|n?curses' "cfg includes neither db, cli, tui nor sqlite3.h"
check print 'cli/|tui/|app\.h|n?curses' "print includes neither cli, tui nor curses.h"
check cli 'tui/|n?curses' "cli includes neither tui nor curses.h"
n=$((n + 1))
first=$(for f in */*.c *.c; do awk 'FNR==1 && !/^\/\*/ {print FILENAME": no header comment"} /^#include/ {print FILENAME": "$0; exit}' "$f"; done | grep -v '"config.h"')
if [ -z "$first" ]; then
    echo "ok $n - every source starts with a comment and includes config.h first"
else
    echo "not ok $n - every source starts with a comment and includes config.h first"
    echo "$first" | sed 's/^/# /'
    bad=1
fi
exit $bad
