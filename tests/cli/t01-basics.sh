#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t01-basics.sh - global options, help, version, unknown commands, and
# Chinese as the default language whatever the locale.
. "${top_srcdir:-.}/tests/cli/lib.sh"

plan 19

zx --version
is "$rc" 0 "--version succeeds"
has "$OUT" "zhenxing 0." "--version prints the version"

zx --help
is "$rc" 0 "--help succeeds"
has "$OUT" "用法：" "--help is in Chinese by default"
for c in init demo check backup user idcheck; do
    grep -q "^  $c " "$OUT" || missing="$c"
done
is "${missing:-}" "" "--help lists every subcommand"

zx bogus
is "$rc" 1 "an unknown command is a usage error"
has "$ERR" "未知命令'bogus'" "the unknown command is named, in Chinese"

zx --bogus
is "$rc" 1 "an unknown global option is a usage error"

zx --db
is "$rc" 1 "--db without a value is a usage error"
has "$ERR" "选项'--db'需要指定值" "and says the option needs a value"

all_help=0
for c in init demo check backup user idcheck; do
    "$ZHENXING" "$c" --help >"$OUT" 2>"$ERR" || all_help=1
    grep -q "用法：zhenxing $c" "$OUT" || all_help=1
done
is "$all_help" 0 "every subcommand has --help"

# Chinese whatever the server's locale.
for loc in C C.UTF-8 en_US.UTF-8 POSIX; do
    LC_ALL=$loc LANG=$loc "$ZHENXING" bogus >"$OUT" 2>"$ERR"
    has "$ERR" "未知命令" "Chinese messages with LC_ALL=$loc"
done

mkdir -p "$XDG_CONFIG_HOME/zhenxing"
echo 'language = "en";' >"$XDG_CONFIG_HOME/zhenxing/zhenxing.conf"
zx --help
has "$OUT" "Usage:" "language = \"en\" gives English"
zx bogus
has "$ERR" "unknown command 'bogus'" "English errors too"
rm "$XDG_CONFIG_HOME/zhenxing/zhenxing.conf"

zx --db "$T/none.db" check
is "$rc" 2 "a missing database is an error"
has "$ERR" "zhenxing init" "and says how to create one"
finish
