#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t32-completion.sh - bash completion (contrib/bash-completion/zhenxing,
# installed under share/bash-completion/completions) completes the
# commands and each command's options from the program's own help.
. "${top_srcdir:-.}/tests/cli/lib.sh"
need bash

plan 5

complete_line() {
    bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _zhenxing; printf "%s\n" "${COMPREPLY[@]}"' \
        sh "$top_srcdir/contrib/bash-completion/zhenxing" "$@"
}

complete_line "$ZHENXING" ex >"$OUT"
is "$(cat "$OUT")" "export" "'ex' completes to the export command"
complete_line "$ZHENXING" i >"$OUT"
is "$(sort "$OUT" | tr '\n' ' ')" "idcheck import init " "'i' offers idcheck, import and init"
complete_line "$ZHENXING" --db x.db export --enc >"$OUT"
is "$(cat "$OUT")" "--encoding" "an option of export after --db FILE"
complete_line "$ZHENXING" export --encoding "" >"$OUT"
is "$(sort "$OUT" | tr '\n' ' ')" "gb18030 utf-8 " "the encodings after --encoding"
complete_line "$ZHENXING" backup --ver >"$OUT"
is "$(cat "$OUT")" "--verify
--version" "backup's --verify and --version"
finish
