#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t07-settings.sh - settings files: system, user, --config; errors name
# the file and line; unknown keys warn; the database setting is used.
. "${top_srcdir:-.}/tests/cli/lib.sh"

plan 19

mkdir -p "$ZHENXING_SYSCONFDIR" "$XDG_CONFIG_HOME/zhenxing"
SYS="$ZHENXING_SYSCONFDIR/zhenxing.conf"
USR="$XDG_CONFIG_HOME/zhenxing/zhenxing.conf"

printf 'database = "%s";\n' "$T/from-system.db" >"$SYS"
zx init --province 51 --county 青山县
is "$rc" 0 "init with the system settings"
[ -f "$T/from-system.db" ]
ok $? "the system file's database setting is used"

printf 'database = "%s";\n' "$T/from-user.db" >"$USR"
zx init --province 51 --county 青山县
[ -f "$T/from-user.db" ]
ok $? "the user's file overrides the system file"

printf 'database = "%s";\n' "$T/from-config.db" >"$T/extra.conf"
zx --config "$T/extra.conf" init --province 51 --county 青山县
[ -f "$T/from-config.db" ]
ok $? "--config overrides both"
zx --config "$T/extra.conf" --db "$T/from-option.db" init --province 51 --county 青山县
[ -f "$T/from-option.db" ]
ok $? "--db overrides the settings"

printf 'language = "en";\n\ncopies = = 2;\n' >"$T/bad.conf"
zx --config "$T/bad.conf" --version
zx --config "$T/bad.conf" user list
is "$rc" 2 "a syntax error stops zhenxing"
has "$ERR" "bad.conf:3:" "the message names the file and line"

printf 'busy_timeout = "long";\n' >"$T/bad.conf"
zx --config "$T/bad.conf" user list
is "$rc" 2 "a value of the wrong type stops zhenxing"
has "$ERR" "bad.conf:1:" "with file and line"
has "$ERR" "busy_timeout" "naming the setting"
has "$ERR" "毫秒" "and what was expected, in Chinese"

printf 'colour = "red";\n' >"$T/odd.conf"
zx --config "$T/odd.conf" idcheck 11010519491231002X
is "$rc" 0 "an unknown setting does not stop zhenxing"
has "$ERR" "odd.conf:1:" "but is warned about with file and line"
has "$ERR" "colour" "naming the key"

mkdir -p "$T/policy"
printf 'rules = ( { province = "51"; from = 2024;\n  publicity_min_dayz = 7; } );\n' >"$T/policy/rules.conf"
printf 'policy_dir = "%s";\n' "$T/policy" >"$T/pol.conf"
zx --config "$T/pol.conf" --db "$T/pol.db" init --province 51 --county 青山县
is "$rc" 0 "a misspelled key of a county's policy file does not stop zhenxing"
has "$ERR" "rules.conf:2：" "but is warned about with file and line"
has "$ERR" "publicity_min_dayz" "naming the key"

zx --config "$T/missing.conf" idcheck 11010519491231002X
is "$rc" 2 "a missing --config file is an error"

chmod 000 "$T/odd.conf"
as_nobody "$ZHENXING" --config "$T/odd.conf" idcheck 11010519491231002X >"$OUT" 2>"$ERR"
rc=$?
is "$rc" 2 "an unreadable settings file is an error"
finish
