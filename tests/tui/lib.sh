# SPDX-License-Identifier: GPL-3.0-or-later
# lib.sh - drive the real zhenxing in tmux and read the screen.
#
#   tui_start COLSxROWS [VAR=VALUE...]   start zhenxing on $DB in a new tmux
#                                        server of our own; waits for the list
#   keys KEY...                          tmux send-keys (names like Down, Enter)
#   typed TEXT                           send TEXT literally (Chinese too)
#   wait_for TEXT                        until the screen shows TEXT (30 s)
#   screen FILE                          the screen as text
#   tui_stop                             quit (q) and end the server
. "${top_srcdir:-.}/tests/cli/lib.sh"

TMUX_BIN=${TMUX_BIN:-tmux}
unset TMUX TMUX_PANE
need "$TMUX_BIN"
need python3
NSOCK=0
SOCK="zxtest$$-0"
tm() { "$TMUX_BIN" -L "$SOCK" -f /dev/null "$@"; }
# At the end: the tmux server, and whatever of this test's is still
# running (a sanitizer build can hang in its leak check once its terminal
# is gone, and would burn a CPU for the rest of the suite).
trap 'eval "$EXIT_HOOK"; tm kill-server 2>/dev/null; pkill -KILL -f -- "--db $T/" 2>/dev/null;
      chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT

# The locale staff use (quickstart.sh generates it).
ZH=zh_CN.UTF-8
if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
    echo "Bail out! the zh_CN.UTF-8 locale is missing (./quickstart.sh generates it)"
    exit 1
fi

tui_start() {
    size=$1
    shift
    # A fresh tmux server each time (the last one may still be exiting).
    tm kill-server 2>/dev/null
    NSOCK=$((NSOCK + 1))
    SOCK="zxtest$$-$NSOCK"
    # On a loaded machine a new tmux server can lose the race with its
    # first client ("server exited unexpectedly"): try again, a few times.
    tries=0
    until tm new-session -d -s zx -x "${size%x*}" -y "${size#*x}" \
        "env LANG=$ZH LC_ALL= $* '$ZHENXING' --db '$DB'; echo EXIT=\$?; stty -a | grep -o ' icanon' ; sleep 60"; do
        tries=$((tries + 1))
        [ $tries -lt 5 ] || return 1
        tm kill-server 2>/dev/null
        sleep 1
    done
    wait_for "/"
}

# An Escape followed at once by a key reads as Alt-key (ESCDELAY): keys
# after an Escape are sent once it has been taken as Esc.
keys() {
    for k in "$@"; do
        tm send-keys -t zx "$k"
        [ "$k" = Escape ] && sleep 0.2
    done
    return 0
}

typed() {
    tm send-keys -t zx -l -- "$1"
}

screen() {
    tm capture-pane -p -t zx >"$1"
}

# open_worklist NAME: w, then the worklist NAME chosen by typing it.
open_worklist() {
    keys w
    wait_for "$1"
    typed "$1"
    keys Enter
}

# wait_for TEXT: poll the screen until it shows TEXT; then let it settle.
# The bound is generous (30 s): a loaded machine is slow, not wrong.
wait_for() {
    i=0
    while [ $i -lt 600 ]; do
        if tm capture-pane -p -t zx 2>/dev/null | grep -qF -- "$1"; then
            sleep 0.1
            return 0
        fi
        sleep 0.05
        i=$((i + 1))
    done
    return 1
}

# shows TEXT DESCRIPTION / lacks TEXT DESCRIPTION: one test point each.
shows() {
    wait_for "$1"
    screen "$T/screen"
    has "$T/screen" "$1" "$2"
    grep -qF -- "$1" "$T/screen" || sed 's/^/# | /' "$T/screen"
}

lacks() {
    screen "$T/screen"
    hasnt "$T/screen" "$1" "$2"
}

# aligned REGEX DESCRIPTION: every line matching REGEX has it at the same
# display column, and no line is wider than the terminal.
aligned() {
    screen "$T/screen"
    python3 "$top_srcdir/tests/tui/align.py" "$T/screen" "$1" "$(tm display -p -t zx '#{window_width}')" >"$T/align" 2>&1
    ok $? "$2"
    [ -s "$T/align" ] && sed 's/^/# /' "$T/align"
    return 0
}

# status: the position indicator at the end of the status line.
status_pos() {
    tm capture-pane -p -t zx | tail -n 2 | head -n 1 | awk '{print $NF}'
}

# tui_stop: q (screen by screen back to the list, which quits).
tui_stop() {
    i=0
    while [ $i -lt 6 ]; do
        keys q
        sleep 0.2
        tm capture-pane -p -t zx 2>/dev/null | grep -q "EXIT=" && return 0
        i=$((i + 1))
    done
    wait_for "EXIT="
}

# idno REGION8 YYYYMMDD SEQ: a valid resident ID number.
idno() {
    python3 -c '
import sys
w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
s = "%s%s%03d" % (sys.argv[1], sys.argv[2], int(sys.argv[3]))
print(s + "10X98765432"[sum(int(a) * b for a, b in zip(s, w)) % 11])' "$@"
}

# open_household HH_NO: from the list, search the number and open it.
open_household() {
    keys /
    typed "$1"
    keys Enter
    wait_for "搜索：$1"
    keys Enter
    wait_for "1 概况"
}

# publicity_dialog: from the list, p and the publicity list of the row's
# village (in publicity now): the print dialog.
publicity_dialog() {
    keys p
    wait_for "识别公示名单（公示中的农户）"
    typed "公示中"
    wait_for "/ 公示中"
    keys Enter
    wait_for "覆盖已有文件"
}

# village_publicity_dialog: on $DB (a demo county of 300 households), the
# one household of 清永村 in publicity (2026-11-17 to 2026-11-21) searched
# for, then publicity_dialog.
village_publicity_dialog() {
    no=$(q "$DB" "select h.hh_no from household h join monitor_case c on c.household_id = h.id
                  join division v on v.id = h.village_id
                  where v.name = '清永村' and c.state = 'publicizing' limit 1")
    keys /
    typed "$no"
    keys Enter
    wait_for "搜索：$no"
    publicity_dialog
}

# to_file: in the print dialog, send to a text file and save.
to_file() {
    wait_for "覆盖已有文件"
    keys C-u
    typed "文件"
    keys Tab C-u
    typed "文本"
    keys C-s
    wait_for "已保存"
}

# step: x, the first step the menu offers (or the one typed as $1), its
# form, then Ctrl-S.
step() {
    keys x
    wait_for "办理哪个步骤"
    if [ -n "${1:-}" ]; then typed "$1"; sleep 0.2; fi
    keys Enter
    wait_for "当前："
}
