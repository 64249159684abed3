#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# i18n.sh - every user-facing message has its Simplified Chinese
# translation in po/zh_CN.po (the one place translations are kept),
# po/POTFILES lists every source file, and the ids of po/AMBIGUOUS come
# with a context.
: "${top_srcdir:=.}"
: "${XGETTEXT:=xgettext}"
: "${MSGCMP:=msgcmp}"
cd "$top_srcdir" || exit 1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
echo "1..4"

(cd src && ls *.c */*.c) | sed 's|^|src/|' | sort >"$T/have"
sort po/POTFILES >"$T/listed"
if cmp -s "$T/have" "$T/listed"; then
    echo "ok 1 - po/POTFILES lists every source file"
else
    echo "not ok 1 - po/POTFILES lists every source file"
    diff "$T/listed" "$T/have" | sed 's/^/# /'
fi

: "${XGETTEXT_KEYWORDS:=-k_ -kN_ -kP_:1,2 -kC_:1c,2 -kNC_:1c,2}"
# shellcheck disable=SC2086
if "$XGETTEXT" --from-code=UTF-8 -C $XGETTEXT_KEYWORDS -f po/POTFILES \
        -o "$T/zhenxing.pot" 2>"$T/err" &&
   "$MSGCMP" po/zh_CN.po "$T/zhenxing.pot" 2>"$T/cmp"; then
    echo "ok 2 - every message has a Chinese translation (msgcmp)"
else
    echo "not ok 2 - every message has a Chinese translation (msgcmp)"
    sed 's/^/# /' "$T/err" "$T/cmp" | head -40
fi

# No empty, fuzzy or obsolete translations, no ambiguous-width symbols.
untranslated=$(msgattrib --untranslated --no-obsolete po/zh_CN.po | grep -c '^msgid "[^"]')
fuzzy=$(msgattrib --only-fuzzy --no-obsolete po/zh_CN.po | grep -c '^msgid "[^"]')
obsolete=$(grep -c '^#~ msgid' po/zh_CN.po)
ambiguous=$(grep '^msgstr' po/zh_CN.po | grep -c '[“”‘’…—·○★①]')
if [ "$untranslated" -eq 0 ] && [ "$fuzzy" -eq 0 ] && [ "$obsolete" -eq 0 ] &&
   [ "$ambiguous" -eq 0 ]; then
    echo "ok 3 - no untranslated, fuzzy, obsolete or ambiguous-width translations"
else
    echo "not ok 3 - $untranslated untranslated, $fuzzy fuzzy, $obsolete obsolete, $ambiguous with ambiguous-width symbols"
    msgattrib --untranslated --no-obsolete po/zh_CN.po | grep '^msgid "[^"]' | head -20 | sed 's/^/# /'
fi

# The ids of po/AMBIGUOUS only with a context (msgctxt before msgid).
bare=$(grep -v '^#' po/AMBIGUOUS | grep -v '^$' | while IFS= read -r id; do
    awk -v id="$id" '
        /^msgctxt / { ctx = 1; next }
        /^msgid / { if ($0 == "msgid \"" id "\"" && !ctx) print id; ctx = 0; next }
        /^$/ { ctx = 0 }' po/zh_CN.po
done)
if [ -z "$bare" ]; then
    echo "ok 4 - the ambiguous ids of po/AMBIGUOUS have a context"
else
    echo "not ok 4 - ambiguous ids without a context (use C_ or NC_): $(echo $bare)"
fi
