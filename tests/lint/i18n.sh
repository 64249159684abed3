#!/bin/sh
# i18n.sh - every user-facing message has its Simplified Chinese
# translation, and po/POTFILES lists every source file.
: "${top_srcdir:=.}"
: "${XGETTEXT:=xgettext}"
: "${MSGCMP:=msgcmp}"
cd "$top_srcdir" || exit 1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
echo "1..3"

(cd src && ls *.c */*.c) | sed 's|^|src/|' | sort >"$T/have"
sort po/POTFILES >"$T/listed"
if cmp -s "$T/have" "$T/listed"; then
    echo "ok 1 - po/POTFILES lists every source file"
else
    echo "not ok 1 - po/POTFILES lists every source file"
    diff "$T/listed" "$T/have" | sed 's/^/# /'
fi

if "$XGETTEXT" --from-code=UTF-8 -C -k_ -kN_ -kP_:1,2 -f po/POTFILES \
        -o "$T/zhenxing.pot" 2>"$T/err" &&
   "$MSGCMP" po/zh_CN.po "$T/zhenxing.pot" 2>"$T/cmp"; then
    echo "ok 2 - every message has a Chinese translation (msgcmp)"
else
    echo "not ok 2 - every message has a Chinese translation (msgcmp)"
    sed 's/^/# /' "$T/err" "$T/cmp" | head -40
fi

# No empty or fuzzy translations, no ambiguous-width symbols in them.
untranslated=$(msgattrib --untranslated --no-obsolete po/zh_CN.po | grep -c '^msgid "[^"]')
fuzzy=$(msgattrib --only-fuzzy --no-obsolete po/zh_CN.po | grep -c '^msgid "[^"]')
ambiguous=$(grep '^msgstr' po/zh_CN.po | grep -c '[“”‘’…—·○★①]')
if [ "$untranslated" -eq 0 ] && [ "$fuzzy" -eq 0 ] && [ "$ambiguous" -eq 0 ]; then
    echo "ok 3 - no untranslated, fuzzy or ambiguous-width translations"
else
    echo "not ok 3 - $untranslated untranslated, $fuzzy fuzzy, $ambiguous with ambiguous-width symbols"
fi
