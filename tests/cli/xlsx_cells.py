#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# xlsx_cells.py FILE - the cells of an XLSX's first sheet, one a line:
# "ROW COLUMN TYPE TEXT" (TYPE as the file has it: s shared string,
# inlineStr, str, n number...), read with zipfile and the XML as written.
import re
import sys
import zipfile

z = zipfile.ZipFile(sys.argv[1])
shared = []
if 'xl/sharedStrings.xml' in z.namelist():
    for si in re.findall(r'<si>(.*?)</si>', z.read('xl/sharedStrings.xml').decode(), re.S):
        shared.append(''.join(re.findall(r'<t[^>]*>([^<]*)</t>', si)))
sheet = z.read('xl/worksheets/sheet1.xml').decode()
for m in re.finditer(r'<c r="([A-Z]+)(\d+)"([^>]*?)(?:/>|>(.*?)</c>)', sheet, re.S):
    col, row, attrs, body = m.group(1), m.group(2), m.group(3), m.group(4) or ''
    t = re.search(r't="(\w+)"', attrs)
    kind = t.group(1) if t else 'n'
    v = re.search(r'<v>([^<]*)</v>', body)
    if kind == 's' and v:
        text = shared[int(v.group(1))]
    elif kind == 'inlineStr':
        text = ''.join(re.findall(r'<t[^>]*>([^<]*)</t>', body))
    else:
        text = v.group(1) if v else ''
    print(row, col, kind, text)
