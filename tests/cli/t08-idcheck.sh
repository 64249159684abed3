#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t08-idcheck.sh - zhenxing idcheck: the ID rules from the command line.
. "${top_srcdir:-.}/tests/cli/lib.sh"

plan 14

zx idcheck 11010519491231002X 440524188001010014
is "$rc" 0 "the public examples are valid"
has "$OUT" "11010519491231002X	1949-12-31	女	有效" "birth date and sex of the first"
has "$OUT" "440524188001010014	1880-01-01	男	有效" "and of the second"

zx idcheck 11010519491231002x
is "$rc" 0 "a lowercase x is accepted"
has "$OUT" "11010519491231002X" "and shown as X"

zx idcheck 110105491231002
has "$OUT" "11010519491231002X" "a 15-digit number is upgraded to 18"
has "$OUT" "15位" "and says so"

zx idcheck 110105194912310021
is "$rc" 1 "a wrong check digit gives exit status 1"
has "$OUT" "校验码" "and a message about the check digit"
zx idcheck 11010519490230002X
has "$OUT" "出生日期" "an impossible birth date is named"
zx idcheck 990105194912310021
has "$OUT" "省份代码" "an unknown province is named"
zx idcheck 1101051949
has "$OUT" "18位" "a short number is refused with the expected length"
zx idcheck "$(printf '\377\376110105194912')"
is "$rc" 1 "bytes that are not UTF-8 are refused"
grep -q "$(printf '\377')" "$OUT"
[ $? -ne 0 ]
ok $? "and never echoed raw"
finish
