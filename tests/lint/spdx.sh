#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# spdx.sh - every source file and script names its licence (COPYING,
# GPL-3.0-or-later) in an SPDX line near its top.
: "${top_srcdir:=.}"
cd "$top_srcdir" || exit 1
echo "1..1"
missing=""
for f in src/*.c src/*.h src/*/*.c src/*/*.h tests/unit/*.c tests/unit/*.h \
         tests/*/*.sh tests/*/*.py bench/*.py bench/*.sh quickstart.sh; do
    [ -f "$f" ] || continue
    head -n 3 "$f" | grep -q 'SPDX-License-Identifier: GPL-3.0-or-later' || missing="$missing $f"
done
if [ -z "$missing" ]; then
    echo "ok 1 - every source file and script has its SPDX licence line"
else
    echo "not ok 1 - files without 'SPDX-License-Identifier: GPL-3.0-or-later' in their first 3 lines:"
    printf '%s\n' $missing | sed 's/^/# /'
    exit 1
fi
