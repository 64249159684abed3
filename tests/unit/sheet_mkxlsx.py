#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""sheet_mkxlsx.py KIND OUT [N] - XLSX files made by hand (zipfile) for
test_sheet.c, with what libxlsxwriter never writes:
  features  two sheets (数据 the second, its elements prefixed x:),
            shared strings with rich and phonetic runs, inline strings,
            built-in and custom date formats, a 1904-free workbook,
            booleans, errors, formulas, cells without r, empty rows
  long      a shared and an inline string of N bytes (A2, A3)
  empty     N empty rows between "start" (A1) and "end" (row N+2)
  doctype   a sheet with a document type declaring nested entities"""
import sys
import zipfile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="xml" ContentType="application/xml"/></Types>"""


def workbook(names):
    sheets = "".join('<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (n, i + 1, i + 1)
                     for i, n in enumerate(names))
    return ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="%s" xmlns:r="%s">'
            '<workbookPr/><sheets>%s</sheets></workbook>' % (MAIN, REL, sheets))


def rels(n):
    r = "".join('<Relationship Id="rId%d" Type="%s/worksheet" Target="%s"/>'
                % (i + 1, REL, "worksheets/sheet%d.xml" % (i + 1) if i == 0
                   else "/xl/worksheets/data%d.xml" % (i + 1))
                for i in range(n))
    return ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships">%s</Relationships>' % r)


STYLES = """<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="%s">
<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy/m/d;@"/>
<numFmt numFmtId="165" formatCode="0.00&quot;元&quot;"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/>
<xf numFmtId="165"/><xf numFmtId="22"/></cellXfs></styleSheet>""" % MAIN


def sst(items):
    return ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="%s" count="%d">%s</sst>'
            % (MAIN, len(items), "".join("<si>%s</si>" % i for i in items)))


def sheet(rows, prefix=""):
    p = prefix + ":" if prefix else ""
    ns = ' xmlns%s="%s"' % (":" + prefix if prefix else "", MAIN)
    body = "".join(rows).replace("<", "<" + p).replace("<" + p + "/", "</" + p)
    return ('<?xml version="1.0" encoding="UTF-8"?><%sworksheet%s><%ssheetData>%s'
            '</%ssheetData></%sworksheet>' % (p, ns, p, body, p, p))


def package(out, names, sheets, strings):
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("xl/workbook.xml", workbook(names))
        z.writestr("xl/_rels/workbook.xml.rels", rels(len(names)))
        z.writestr("xl/styles.xml", STYLES)
        if strings is not None:
            z.writestr("xl/sharedStrings.xml", sst(strings))
        for i, s in enumerate(sheets):
            z.writestr("xl/worksheets/sheet1.xml" if i == 0
                       else "xl/worksheets/data%d.xml" % (i + 1), s)


def features(out):
    strings = ["<t>姓名</t>", "<r><t>张</t></r><r><rPr><b/></rPr><t>三</t></r>"
               "<rPh sb=\"0\" eb=\"1\"><t>zhang</t></rPh>",
               "<t>=SUM(A1:A3)</t>", "<t xml:space=\"preserve\"> 有空格 </t>"]
    first = sheet(['<row r="1"><c r="A1" t="inlineStr"><is><t>说明</t></is></c></row>'])
    data = sheet([
        '<row r="1"><c r="A1" t="s"><v>0</v></c>'
        '<c r="B1" t="inlineStr"><is><t>身份证号</t></is></c>'
        '<c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>',
        '<row r="2"><c r="A2" t="s"><v>1</v></c>'
        '<c r="B2" t="inlineStr"><is><t>510101199001011234</t></is></c>'
        '<c r="C2" s="1"><v>44287</v></c><c r="D2" s="2"><v>44287.5</v></c>'
        '<c r="E2" s="3"><v>1234.5</v></c><c r="F2" t="b"><v>1</v></c>'
        '<c r="G2" t="str"><f>LOWER("ABC")</f><v>abc</v></c>'
        '<c r="H2"><v>5.1999919900101094E+17</v></c><c r="I2" t="e"><v>#N/A</v></c>'
        '<c r="K2"><v>0.30000000000000004</v></c><c r="L2" s="4"><v>60</v></c>'
        '<c r="M2"><f>1+1</f><v>2</v></c></row>',
        '<row r="4"/>',
        '<row r="5" spans="1:3"><c r="A5" s="1"/></row>',
        '<row><c t="inlineStr"><is><t>x</t></is></c><c><v>7</v></c>'
        '<c t="d"><v>2021-04-01T00:00:00</v></c></row>',
    ], prefix="x")
    package(out, ["说明", "数据"], [first, data], strings)


def long_cells(out, n):
    big = "长" * (n // 3)
    strings = ["<t>表头</t>", "<t>%s</t>" % big]
    s = sheet(['<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
               '<row r="2"><c r="A2" t="s"><v>1</v></c></row>',
               '<row r="3"><c r="A3" t="inlineStr"><is><t>%s</t></is></c></row>' % big])
    package(out, ["Sheet1"], [s], strings)


def empty_rows(out, n):
    rows = ['<row r="1"><c r="A1" t="inlineStr"><is><t>start</t></is></c></row>']
    rows += ['<row r="%d"/>' % i for i in range(2, n + 2)]
    rows.append('<row r="%d"><c r="B%d" t="inlineStr"><is><t>end</t></is></c></row>'
                % (n + 2, n + 2))
    package(out, ["Sheet1"], [sheet(rows)], None)


def doctype(out):
    lol = ('<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">'
           '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
           '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>')
    s = sheet(['<row r="1"><c r="A1" t="inlineStr"><is><t>&c;</t></is></c></row>'])
    s = s.replace("?>", "?>" + lol, 1)
    package(out, ["Sheet1"], [s], None)


kind, out = sys.argv[1], sys.argv[2]
if kind == "features":
    features(out)
elif kind == "doctype":
    doctype(out)
elif kind == "long":
    long_cells(out, int(sys.argv[3]))
else:
    empty_rows(out, int(sys.argv[3]))
