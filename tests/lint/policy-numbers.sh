#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# policy-numbers.sh - no help text of the screens states a policy number
# (issue 17 3): a number of days, working days or a percentage belongs to
# rules.conf by province and year, and a text names it as {name}
# (core/rules_text.c writes in the rules of the year shown).  Fails when a
# message of src/tui/ has a digit followed by 天, 工作日 or % in its
# translation, or by "day", "working day" or % in its id; the few
# numbers that are no policy (a worklist's week) are allowed below by id.
: "${top_srcdir:=.}"
cd "$top_srcdir" || exit 1
echo "1..1"

# Message ids (the start of each) whose numbers are not policy numbers.
ALLOWED='Visit worklists per cadre (due within 7 days, and late)
Visit worklist of the cadre filtered (due within 7 days, and late)
visit worklists: visits due within 7 days and late ones'

found=$(awk -v allowed="$ALLOWED" '
    function unq(s) { sub(/^[^"]*"/, "", s); sub(/"$/, "", s); return s }
    function judge() {
        if (tui && (id ~ /[0-9]+ ?(working )?days?([^a-z]|$)/ || id ~ /[0-9]%/ ||
                    str ~ /[0-9] ?(个)?(天|工作日|%|％)/)) {
            n = split(allowed, a, "\n")
            for (i = 1; i <= n; i++) if (index(id, a[i]) == 1) return
            print id
        }
    }
    /^$/ { judge(); tui = 0; id = ""; str = ""; part = ""; next }
    /^#: / { if ($0 ~ /src\/tui\//) tui = 1; next }
    /^#/ { next }
    /^msgid / { part = "id"; id = unq($0); next }
    /^msgstr / { part = "str"; str = unq($0); next }
    /^msgctxt / { part = ""; next }
    /^"/ { if (part == "id") id = id unq($0); else if (part == "str") str = str unq($0); next }
    END { judge() }
' po/zh_CN.po)

if [ -z "$found" ]; then
    echo "ok 1 - no help text of the screens states a policy number"
else
    echo "not ok 1 - help texts stating a policy number (write {name}, see core/rules_text.c):"
    printf '%s\n' "$found" | sed 's/^/# /'
fi
[ -z "$found" ]
