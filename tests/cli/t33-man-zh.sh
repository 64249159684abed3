#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t33-man-zh.sh - the Chinese man page (doc/zh_CN/zhenxing.1, installed
# under $(mandir)/zh_CN/man1) is the English one translated and kept in
# step: the same sections, the same entries in the same order (commands,
# keys, settings, files), the same options, and every command and option
# of the program's own help in both; the pages built name the same paths
# (this build's, not /etc/zhenxing); man renders the Chinese one with its
# Chinese headings and lines it can break.
. "${top_srcdir:-.}/tests/cli/lib.sh"
need man
: "${top_builddir:=.}"
EN=$top_srcdir/doc/zhenxing.1
ZH=$top_srcdir/doc/zh_CN/zhenxing.1

plan 10

# The words of each entry's head (the line after .TP or .TQ): its
# lowercase ASCII words and options, fonts and quotes dropped, so that a
# translated placeholder (FILE, 文件) does not count.
heads() {
    awk '/^\.T[PQ]$/ { getline; print }' "$1" |
        sed -e 's/\\f[BIRP]//g' -e 's/\\-/-/g' -e 's/^\.[A-Z]* *//' |
        LC_ALL=C tr -c 'a-z0-9_.\n-' ' ' |
        awk '{ l = ""; for (i = 1; i <= NF; i++) if ($i ~ /^(--)?[a-z][a-z0-9_.-]*$/) l = l " " $i; print l }'
}

# The options a page names anywhere.
options() {
    grep -oE '\\-\\-[a-z0-9]+(\\-[a-z0-9]+)*' "$1" | sed 's/\\-/-/g' | LC_ALL=C sort -u
}

# The first word of each entry of the section titled $2: the commands.
commands() {
    awk -v sh=".SH $2" '$0 == sh { on = 1; next } /^\.SH / { on = 0 }
        on && /^\.T[PQ]$/ { getline; print }' "$1" |
        sed -e 's/^\.[A-Z]* *"*//' -e 's/[ "\\].*//' | LC_ALL=C sort -u
}

is "$(grep -c '^\.S[HS] ' "$ZH")" "$(grep -c '^\.S[HS] ' "$EN")" "the same number of sections and subsections"
heads "$EN" >"$T/en.heads"
heads "$ZH" >"$T/zh.heads"
diff "$T/en.heads" "$T/zh.heads" >"$T/diff"
ok $? "the same entries in the same order ($(wc -l <"$T/en.heads") of them)"
[ -s "$T/diff" ] && sed 's/^/# /' "$T/diff"
options "$EN" >"$T/en.opts"
options "$ZH" >"$T/zh.opts"
diff "$T/en.opts" "$T/zh.opts" >"$T/diff"
ok $? "the same options ($(wc -l <"$T/en.opts") of them)"
[ -s "$T/diff" ] && sed 's/^/# /' "$T/diff"

# Every command of zhenxing --help is an entry of COMMANDS in both pages,
# and every option of every command's --help is named in both.
"$ZHENXING" --help | awk '/^  [a-z]+  /{ print $1 }' | LC_ALL=C sort -u >"$T/cmds"
[ "$(wc -l <"$T/cmds")" -ge 10 ]
ok $? "the program's help lists its commands ($(wc -l <"$T/cmds" | tr -d ' '))"
is "$(commands "$EN" COMMANDS | LC_ALL=C comm -13 - "$T/cmds" | tr '\n' ' ')" "" "every one is in the English page's COMMANDS"
is "$(commands "$ZH" 命令 | LC_ALL=C comm -13 - "$T/cmds" | tr '\n' ' ')" "" "and in the Chinese page's 命令"
for c in '' $(cat "$T/cmds"); do
    "$ZHENXING" $c --help
done 2>&1 | grep -oE -- '--[a-z0-9]+(-[a-z0-9]+)*' | LC_ALL=C sort -u >"$T/prog.opts"
is "$(LC_ALL=C comm -23 "$T/prog.opts" "$T/zh.opts" | tr '\n' ' ')" "" \
    "every option of the program's help is in the Chinese page ($(wc -l <"$T/prog.opts") options)"

# The pages built name this build's paths, the same in both (comments
# aside).
paths() {
    grep -v '^\.\\"' "$1" | grep -oE '(/[A-Za-z0-9_.~-]+)+' | grep zhenxing | LC_ALL=C sort -u
}
paths "$top_builddir/zhenxing.1" >"$T/en.paths"
paths "$top_builddir/man/zh_CN/zhenxing.1" >"$T/zh.paths"
is "$(LC_ALL=C comm -3 "$T/en.paths" "$T/zh.paths" | tr '\n' ' ')" "" \
    "the built pages name the same paths ($(grep -c zhenxing.conf "$T/zh.paths") for the settings)"

LANG=zh_CN.UTF-8 MANWIDTH=80 man -l "$top_builddir/man/zh_CN/zhenxing.1" >"$OUT" 2>"$ERR"
has "$OUT" "命令" "man renders the Chinese page with its headings"
hasnt "$ERR" "break line" "and can break every line of it (groff: no 'can't break line')"
finish
