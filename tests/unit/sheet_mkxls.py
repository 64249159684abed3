#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""sheet_mkxls.py OUT [KIND] - a small legacy XLS (BIFF8 in a compound
file) made by hand for test_sheet.c: two sheets, 说明 and 数据; 数据 holds
shared strings, an inline-free text column, whole and decimal numbers,
dates by the built-in format 14 and a custom yyyy/m/d, and a boolean.
KIND password: the workbook says it is protected with a password
(FILEPASS); encrypted: the compound file holds an EncryptedPackage, as
Excel keeps an XLSX protected with a password, and no workbook."""
import struct
import sys

SECTOR = 512
END, FREE, FATSECT = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD


def rec(kind, data=b""):
    return struct.pack("<HH", kind, len(data)) + data


def ustr16(s):
    return struct.pack("<HB", len(s), 1) + s.encode("utf-16-le")


def ustr8(s):
    return struct.pack("<BB", len(s), 1) + s.encode("utf-16-le")


def bof(dt):
    return rec(0x0809, struct.pack("<HHHHII", 0x0600, dt, 0x0DBB, 0x07CC, 0, 6))


def xf(fmt):
    # font 0, format FMT, cell XF (parent 0), no alignment or borders
    return rec(0x00E0, struct.pack("<HHHBBBBIIH", 0, fmt, 0, 0x20, 0, 0, 0, 0, 0, 0x20C0))


def font():
    return rec(0x0031, struct.pack("<HHHHHBBBB", 200, 0, 0x7FFF, 400, 0, 0, 0, 0, 0)
               + ustr8("Arial"))


def sheet(cells, last_row, last_col):
    body = bof(0x0010)
    body += rec(0x0200, struct.pack("<IIHHH", 0, last_row + 1, 0, last_col + 1, 0))
    for c in cells:
        body += c
    return body + rec(0x000A)


def label_sst(row, col, xfi, i):
    return rec(0x00FD, struct.pack("<HHHI", row, col, xfi, i))


def number(row, col, xfi, v):
    return rec(0x0203, struct.pack("<HHHd", row, col, xfi, v))


def boolean(row, col, xfi, v):
    return rec(0x0205, struct.pack("<HHHBB", row, col, xfi, v, 0))


KIND = sys.argv[2] if len(sys.argv) > 2 else ""


def workbook():
    strings = ["说明", "姓名", "身份证号", "张三", "510101199001011234", "=SUM(A1)"]
    sst = struct.pack("<II", len(strings), len(strings)) + b"".join(ustr16(s) for s in strings)
    first = sheet([label_sst(0, 0, 15, 0)], 0, 0)
    data = sheet([
        label_sst(0, 0, 15, 1), label_sst(0, 1, 15, 2), label_sst(0, 2, 15, 5),
        label_sst(1, 0, 15, 3), label_sst(1, 1, 15, 4),
        number(1, 2, 16, 44287.0), number(1, 3, 17, 44287.0),
        number(1, 4, 15, 1234.5), number(1, 5, 15, 3.0), boolean(1, 6, 15, 1),
        label_sst(3, 1, 15, 3),
    ], 3, 6)
    fonts = b"".join(font() for _ in range(5))
    fmt = rec(0x041E, struct.pack("<H", 164) + ustr16("yyyy/m/d"))
    xfs = b"".join(xf(0) for _ in range(16)) + xf(14) + xf(164)

    def globals_(off1, off2):
        filepass = rec(0x002F, struct.pack("<HHH", 0, 0x1234, 0x5678)) if KIND == "password" else b""
        return (bof(0x0005) + filepass + rec(0x0042, struct.pack("<H", 1200))
                + rec(0x0022, struct.pack("<H", 0)) + fonts + fmt + xfs
                + rec(0x0085, struct.pack("<IBB", off1, 0, 0) + ustr8("说明"))
                + rec(0x0085, struct.pack("<IBB", off2, 0, 0) + ustr8("数据"))
                + rec(0x00FC, sst) + rec(0x000A))
    g = globals_(0, 0)
    g = globals_(len(g), len(g) + len(first))
    return g + first + data


def dirent(name, kind, child, start, size):
    n = name.encode("utf-16-le") + b"\0\0" if name else b""
    return (n.ljust(64, b"\0") + struct.pack("<HBB", len(n), kind, 1 if name else 0)
            + struct.pack("<III", FREE, FREE, child) + b"\0" * 16 + struct.pack("<I", 0)
            + b"\0" * 16 + struct.pack("<IQ", start, size))


def compound(stream):
    stream = stream.ljust(max(4096, len(stream)), b"\0")
    nstream = (len(stream) + SECTOR - 1) // SECTOR
    stream = stream.ljust(nstream * SECTOR, b"\0")
    dir_sec, fat_sec = nstream, nstream + 1
    fat = [i + 1 for i in range(nstream - 1)] + [END, END, FATSECT]
    fat = struct.pack("<%dI" % len(fat), *fat).ljust(SECTOR, b"\xff")
    name = "EncryptedPackage" if KIND == "encrypted" else "Workbook"
    dirs = (dirent("Root Entry", 5, 1, END, 0) + dirent(name, 2, FREE, 0, len(stream))
            + dirent("", 0, FREE, 0, 0) + dirent("", 0, FREE, 0, 0))
    header = (bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 16
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, 1, dir_sec, 0, 4096, END, 0, END, 0)
              + struct.pack("<I", fat_sec) + b"\xff" * (4 * 108))
    return header + stream + dirs + fat


with open(sys.argv[1], "wb") as f:
    f.write(compound(workbook()))
