#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""sheet_xlsx.py FILE.xlsx - a real reader's view of an XLSX (zipfile and
xml.etree, as test_sheet.c asks): one line per cell of the first sheet,
"REF KIND FORMAT VALUE", KIND being text (a shared or inline string),
number or bool, FORMAT the cell's number format (general, 0.00,
yyyy-mm-dd...) with +bold for a bold font, VALUE the text or the number
as stored."""
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
BUILTIN = {0: "general", 1: "0", 2: "0.00", 14: "m/d/yyyy"}


def text_of(el):
    return "".join(t.text or "" for t in el.iter("{%s}t" % NS["m"]))


def styles(z):
    root = ET.fromstring(z.read("xl/styles.xml"))
    codes = dict(BUILTIN)
    for f in root.findall("m:numFmts/m:numFmt", NS):
        codes[int(f.get("numFmtId"))] = f.get("formatCode")
    fonts = root.findall("m:fonts/m:font", NS)
    out = []
    for xf in root.findall("m:cellXfs/m:xf", NS):
        code = codes.get(int(xf.get("numFmtId", "0")), "?")
        font = fonts[int(xf.get("fontId", "0"))]
        if font.find("m:b", NS) is not None:
            code += "+bold"
        out.append(code)
    return out


def main(path):
    z = zipfile.ZipFile(path)
    sst = []
    if "xl/sharedStrings.xml" in z.namelist():
        sst = [text_of(si) for si in
               ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS)]
    fmt = styles(z)
    sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    for c in sheet.iter("{%s}c" % NS["m"]):
        t = c.get("t", "n")
        v = c.find("m:v", NS)
        if t == "s":
            kind, val = "text", sst[int(v.text)]
        elif t == "inlineStr":
            kind, val = "text", text_of(c.find("m:is", NS))
        elif t == "b":
            kind, val = "bool", v.text
        else:
            kind, val = "number", v.text
        print(c.get("r"), kind, fmt[int(c.get("s", "0"))], val)


main(sys.argv[1])
