#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t56-terminals.sh - the workspaces are reachable from every terminal
# (issue 19 §2): Alt-2 ... Alt-5 (Escape and a digit at once, which every
# terminal sends) do what F2 ... F5 do, under TERM=vt100, putty and a
# terminal without function keys, whose top line then names
# Alt-3 instead of F3; the help lists the Alt keys.  80x24, zh_CN.UTF-8.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need infocmp
need tic

plan 16

DB="$T/c.db"
demo_db "$DB" 120

for term in vt100 putty; do
    infocmp "$term" >/dev/null 2>&1 || { echo "Bail out! no terminfo for $term (ncurses-term)"; exit 1; }
    tui_start 80x24 TERM=$term
    shows "<F2 监测帮扶>" "TERM=$term: the monitoring list, its key named F2"
    keys M-3
    shows "<F3 资金项目>" "TERM=$term: Alt-3 opens funds and projects"
    keys M-4
    shows "<F4 帮扶协作>" "TERM=$term: Alt-4 opens paired assistance"
    keys M-5
    shows "<F5 考核评估>" "TERM=$term: Alt-5 opens the assessments"
    keys M-2
    shows "<F2 监测帮扶>" "TERM=$term: Alt-2 goes back to the monitoring list"
    tui_stop
done

# A terminal whose description has no function keys at all (xterm's
# without its kf capabilities): the screen names the keys that work.
mkdir -p "$T/terminfo"
infocmp -x xterm | sed -e '/^xterm|/s/^xterm|[^,]*,/xterm-nofkeys|xterm without function keys,/' \
    -e 's/[[:space:]]kf[0-9]*=[^,]*,//g' >"$T/nofkeys.src"
tic -x -o "$T/terminfo" "$T/nofkeys.src" 2>/dev/null
infocmp -A "$T/terminfo" xterm-nofkeys 2>/dev/null | grep -q 'kf[0-9]' &&
    { echo "Bail out! could not make a terminal description without function keys"; exit 1; }
tui_start 80x24 TERMINFO="$T/terminfo" TERM=xterm-nofkeys
shows "<Alt-2 监测帮扶>" "no function keys: the top line names Alt-2 for the workspace shown"
shows "Alt-3 资金" "and Alt-3 for funds"
keys M-3
shows "<Alt-3 资金项目>" "no function keys: Alt-3 opens funds and projects"
keys '?'
wait_for "帮助："
keys NPage
shows "Alt-1..Alt-0" "the help lists the Alt keys"
shows "同 F1 至 F10，用于功能键不起作用的终端" "saying what they are for"
shows "F4/Alt-4" "and each workspace's two keys"
keys Escape
tui_stop
finish
