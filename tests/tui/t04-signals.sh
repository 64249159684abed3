#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t04-signals.sh - the terminal is restored when zhenxing is stopped by
# SIGTERM, by SIGHUP (a dropped SSH connection) or by SIGINT, and nothing
# is written while nobody types.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 6

DB="$T/c.db"
demo_db "$DB" 100

for sig in TERM HUP INT; do
    tui_start 80x24
    pid=$(pgrep -n -f "zhenxing --db $DB")
    kill -s "$sig" "$pid"
    wait_for "EXIT="
    screen "$T/screen"
    case $sig in TERM) code=143 ;; HUP) code=129 ;; INT) code=130 ;; esac
    has "$T/screen" "EXIT=$code" "SIG$sig ends zhenxing (exit $code)"
    [ "$sig" = HUP ] || { has "$T/screen" " icanon" "and restores the terminal"; }
done

# Idle: the pane receives nothing while nobody types.
tui_start 80x24
pipe="$T/pane.out"
tm pipe-pane -t zx -o "cat >> '$pipe'"
sleep 1.5
size=$(wc -c <"$pipe" 2>/dev/null || echo 0)
is "$size" 0 "nothing is written while idle (1.5 s)"
tui_stop
finish
