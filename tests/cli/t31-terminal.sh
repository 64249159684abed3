#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t31-terminal.sh - the terminals of county offices (issue 19 §2, §5):
# an unknown or empty TERM says what to set, in Chinese, on stderr; a
# GB18030 terminal gets the command line in GB18030 (help, results,
# errors) and its typed arguments and file names understood, while data
# written to standard output (a CSV in the encoding asked for) is left
# as it is; every subcommand answers --version.
. "${top_srcdir:-.}/tests/cli/lib.sh"
need sqlite3
need localedef
need iconv

plan 20

DB="$T/c.db"
demo_db "$DB" 120

# --- an unknown TERM ------------------------------------------------------------
TERM=no-such-terminal "$ZHENXING" --db "$DB" </dev/null >"$OUT" 2>"$ERR"
rc=$?
is "$rc" 1 "an unknown TERM ends the full-screen program with status 1"
has "$ERR" "本服务器不认识终端类型 TERM=no-such-terminal" "saying on stderr which type is unknown"
has "$ERR" "xterm-256color" "and what to set instead"
env -u TERM "$ZHENXING" --db "$DB" </dev/null >"$OUT" 2>"$ERR"
rc=$?
is "$rc" 1 "no TERM at all: status 1"
has "$ERR" "没有设置终端类型" "saying TERM is not set"

# --- --version on every subcommand -----------------------------------------------
want=$("$ZHENXING" --version)
bad=""
for c in $("$ZHENXING" --help | sed -n 's/^  \([a-z]\{2,\}\) .*/\1/p' | grep -vx zhenxing); do
    got=$("$ZHENXING" --db "$DB" "$c" --version 2>&1)
    [ "$got" = "$want" ] || bad="$bad $c"
done
is "$bad" "" "every subcommand answers --version as zhenxing does ($want)"

# --- a GB18030 terminal ------------------------------------------------------------
mkdir -p "$T/loc"
if ! localedef -f GB18030 -i zh_CN "$T/loc/zh_CN.GB18030" >/dev/null 2>&1; then
    echo "Bail out! the zh_CN.GB18030 locale cannot be generated (locales package)"
    exit 1
fi
gb() { LOCPATH="$T/loc" LANG=zh_CN.GB18030 LC_ALL= "$ZHENXING" "$@"; }
u8() { iconv -f GB18030 -t UTF-8 "$1" >"$1.u8" 2>/dev/null; }

gb --help >"$OUT" 2>"$ERR"
u8 "$OUT"
has "$OUT.u8" "不带命令运行时，zhenxing 打开全屏操作界面" "--help in a GB18030 locale reads as Chinese once decoded from GB18030"
iconv -f UTF-8 -t UTF-8 "$OUT" >/dev/null 2>&1
[ $? -ne 0 ]
ok $? "and is not UTF-8 (it would be mojibake on that terminal)"
gb --db "$DB" idcheck 110105194912310021 >"$OUT" 2>"$ERR"
u8 "$OUT"
has "$OUT.u8" "校验码" "a result line in GB18030"
gb --db "$DB" no-such-command >"$OUT" 2>"$ERR"
u8 "$ERR"
has "$ERR.u8" "未知命令" "an error on stderr in GB18030"
gb --db "$DB" export households --township >"$OUT" 2>"$ERR"
u8 "$ERR"
grep -q '用法\|需要\|--township' "$ERR.u8"
ok $? "a usage error in GB18030"
TERM=no-such-terminal gb --db "$DB" </dev/null >"$OUT" 2>"$ERR"
u8 "$ERR"
has "$ERR.u8" "本服务器不认识终端类型" "the unknown-TERM message in GB18030 too"

# A township and a file name typed in GB18030.
town=$(q "$DB" "select name from division where level = 2 order by id limit 1")
n_town=$(q "$DB" "select count(*) from household h join division v on v.id = h.village_id
                  join division t on t.id = v.parent_id where t.name = '$town'")
town_gb=$(printf '%s' "$town" | iconv -f UTF-8 -t GB18030)
name_gb=$(printf '名单.csv' | iconv -f UTF-8 -t GB18030)
(cd "$T" && gb --db "$DB" export households --township "$town_gb" --encoding utf-8 -o "$name_gb" >"$OUT" 2>"$ERR")
rc=$?
is "$rc" 0 "an export with a township typed in GB18030 works"
[ -f "$T/$name_gb" ]
ok $? "and the file is named in GB18030, as that terminal lists it"
[ ! -e "$T/名单.csv" ]
ok $? "not in UTF-8"
is "$(($(wc -l <"$T/$name_gb") - 1))" "$n_town" "with the township's households ($town)"

# Data to stdout is what was asked for, whatever the terminal.
"$ZHENXING" --db "$DB" export households --format csv --encoding utf-8 -o - >"$T/u.csv" 2>"$ERR"
gb --db "$DB" export households --format csv --encoding utf-8 -o - >"$T/g.csv" 2>"$ERR"
cmp -s "$T/u.csv" "$T/g.csv"
ok $? "a UTF-8 CSV on standard output is the same bytes in a GB18030 locale"
"$ZHENXING" --db "$DB" export households --format csv --encoding gb18030 -o - >"$T/u2.csv" 2>"$ERR"
gb --db "$DB" export households --format csv --encoding gb18030 -o - >"$T/g2.csv" 2>"$ERR"
cmp -s "$T/u2.csv" "$T/g2.csv"
ok $? "and so is a GB18030 CSV (not converted twice)"
head -c 3 "$T/g.csv" | od -An -tx1 | tr -d ' \n' >"$T/bom"
has "$T/bom" "efbbbf" "the UTF-8 CSV keeps its byte-order mark"
grep -q '已导出' "$T/u.csv"
[ $? -ne 0 ]
ok $? "and the report of the export is not mixed into the sheet (it is on stderr)"
finish
