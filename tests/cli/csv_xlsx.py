#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""csv_xlsx.py IN.csv OUT.xlsx [SHEET...] - the CSV's rows as an XLSX
(zipfile, inline strings) with the sheets named SHEET (one, 监测对象, by
default): the rows in the last, the others empty (a workbook whose sheet
must be chosen)."""
import csv
import sys
import zipfile
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def col(i):
    s = ''
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def sheet_xml(rows):
    data = ''.join('<row r="%d">%s</row>' % (n + 1, ''.join(
        '<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>' % (col(i), n + 1, escape(v))
        for i, v in enumerate(r) if v)) for n, r in enumerate(rows))
    return ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="%s"><sheetData>%s'
            '</sheetData></worksheet>' % (MAIN, data))


def main():
    rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig')))
    names = sys.argv[3:] or ['监测对象']
    z = zipfile.ZipFile(sys.argv[2], 'w')
    z.writestr('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>')
    z.writestr('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%s"><Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>' % (PKG, REL))
    z.writestr('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="%s" xmlns:r="%s"><sheets>%s</sheets></workbook>' % (MAIN, REL, ''.join(
        '<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (escape(n), i + 1, i + 1) for i, n in enumerate(names))))
    z.writestr('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%s">%s</Relationships>' % (PKG, ''.join(
        '<Relationship Id="rId%d" Type="%s/worksheet" Target="worksheets/sheet%d.xml"/>' % (i + 1, REL, i + 1) for i in range(len(names)))))
    for i in range(len(names)):
        z.writestr('xl/worksheets/sheet%d.xml' % (i + 1), sheet_xml(rows if i == len(names) - 1 else []))
    z.close()


main()
