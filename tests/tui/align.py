#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""align.py SCREEN REGEX WIDTH - check that every line of a captured
screen matching REGEX has the match at the same display column (counting
East Asian wide characters as two columns), and that no line is wider
than WIDTH columns.  Prints what is wrong; exit status 1 then."""
import re
import sys
import unicodedata


def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else
               0 if unicodedata.combining(c) else 1 for c in s)


lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
pat = re.compile(sys.argv[2])
limit = int(sys.argv[3])
cols = {}
bad = 0
for n, line in enumerate(lines, 1):
    if width(line.rstrip()) > limit:
        print("line %d is %d columns wide: %s" % (n, width(line), line))
        bad = 1
    m = pat.search(line)
    if m:
        cols.setdefault(width(line[:m.start()]), []).append(n)
if len(cols) > 1:
    print("matches start at different columns: %s" %
          ", ".join("col %d: lines %s" % (c, v[:5]) for c, v in cols.items()))
    bad = 1
if not cols:
    print("no line matches %r" % sys.argv[2])
    bad = 1
sys.exit(bad)
