#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# layering.sh - dependencies point one way: util <- core <- {db, cfg} <-
# print <- {cli, tui} <- main, and util <- sheet (the sheets of imports
# and exports, used by print, cli and tui).  core never includes sqlite3.h or curses.h,
# db never includes curses.h, no layer includes a layer above it, and
# nothing outside db/ reaches sqlite3.h or db/'s inside (db/db_priv.h).
# Includes are followed through headers: a file "includes" whatever the
# headers it includes include, so a header cannot pass on what its
# includer may not see.
: "${top_srcdir:=.}"
cd "$top_srcdir/src" || exit 1

# Every include as "FILE HEADER" (project headers are named from src/,
# system headers as written between < and >).
edges=$(grep -HE '^#include [<"]' */*.c */*.h ./*.c ./*.h 2>/dev/null |
        sed -E 's|^\./||; s|^([^:]*):#include [<"]([^>"]*)[>"].*|\1 \2|')

# reach FILES PATTERN: for each of FILES that reaches a header matching
# PATTERN, directly or through other headers, one line "FILE: a -> b -> c".
reach() {
    echo "$edges" | awk -v starts="$1" -v pat="^($2)" '
        { inc[$1] = inc[$1] " " $2 }
        END {
            n = split(starts, s, " ")
            for (i = 1; i <= n; i++) {
                f = s[i]
                delete seen; delete via
                head = 1; tail = 1; q[1] = f; seen[f] = 1
                found = ""
                while (head <= tail && found == "") {
                    cur = q[head++]
                    m = split(inc[cur], hs, " ")
                    for (j = 1; j <= m; j++) {
                        h = hs[j]
                        if (h in seen) continue
                        seen[h] = 1; via[h] = cur
                        if (h ~ pat) { found = h; break }
                        q[++tail] = h
                    }
                }
                if (found != "") {
                    path = found
                    for (h = found; h != f; h = via[h]) path = via[h] " -> " path
                    print f ": " path
                }
            }
        }'
}

n=0
bad=0
# check DIR-OR-FILES PATTERN DESCRIPTION: no file of DIR (a directory, or
# a list of files) reaches a header matching PATTERN.
check() {
    n=$((n + 1))
    if [ -d "$1" ]; then
        files=$(ls "$1"/*.c "$1"/*.h 2>/dev/null | tr '\n' ' ')
    else
        files=$1
    fi
    hits=$(reach "$files" "$2")
    if [ -z "$hits" ]; then
        echo "ok $n - $3"
    else
        echo "not ok $n - $3"
        echo "$hits" | sed 's/^/# /'
        bad=1
    fi
}

echo "1..15"
check util 'sheet/|core/|db/|cfg/|print/|cli/|tui/|app\.h|sqlite3\.h|n?curses|libconfig' "util includes nothing above it"
check sheet 'core/|db/|cfg/|print/|cli/|tui/|app\.h|sqlite3\.h|n?curses|libconfig' "sheet includes only util"
check core 'sqlite3\.h|n?curses|libconfig\.h' "core includes neither sqlite3.h, curses.h nor libconfig.h"
check core 'db/|cfg/|print/|cli/|tui/|app\.h' "core includes no layer above it"
check db 'n?curses|libconfig\.h' "db includes neither curses.h nor libconfig.h"
check db 'cfg/|print/|cli/|tui/|app\.h' "db includes no layer above it"
check cfg 'db/|print/|cli/|tui/|app\.h|sqlite3\.h|n?curses' "cfg includes neither db, cli, tui nor sqlite3.h"
check print 'cli/|tui/|app\.h|n?curses' "print includes neither cli, tui nor curses.h"
check cli 'tui/|n?curses' "cli includes neither tui nor curses.h"
for d in print cli tui; do
    check $d 'sqlite3\.h|db/db_priv\.h' "$d reaches neither sqlite3.h nor db/db_priv.h"
done
check "app.c app.h main.c" 'sqlite3\.h|db/db_priv\.h' "app.c and main.c reach neither sqlite3.h nor db/db_priv.h"
n=$((n + 1))
loose=$(ls db/*.h | while read -r h; do
    case $h in
    db/db_priv.h) ;;
    *) grep -l '^#include <sqlite3\.h>' "$h" ;;
    esac
done)
if [ -z "$loose" ]; then
    echo "ok $n - only db/db_priv.h includes sqlite3.h among db's headers"
else
    echo "not ok $n - only db/db_priv.h includes sqlite3.h among db's headers"
    echo "$loose" | sed 's/^/# /'
    bad=1
fi
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
