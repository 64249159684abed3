#!/usr/bin/env python3
"""po_fill.py PO TRANSLATIONS.py - fill empty msgstr of PO from a dict
TR = {msgid: msgstr} defined in TRANSLATIONS.py.  Prints what is still
missing."""
import sys, re, runpy

def unq(s):
    # decode a C-escaped PO string body
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        if c == '\\':
            n = s[i+1]
            out.append({'n': '\n', 't': '\t', '"': '"', '\\': '\\'}.get(n, n))
            i += 2
        else:
            out.append(c); i += 1
    return ''.join(out)

def q(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n').replace('\t', '\\t') + '"'

po, trf = sys.argv[1], sys.argv[2]
TR = runpy.run_path(trf)['TR']
lines = open(po, encoding='utf-8').read().split('\n')
out = []
i = 0
missing = []
while i < len(lines):
    l = lines[i]
    if l.startswith('msgid "'):
        mid_lines = [l]
        j = i + 1
        while j < len(lines) and lines[j].startswith('"'):
            mid_lines.append(lines[j]); j += 1
        msgid = unq(mid_lines[0][7:-1]) + ''.join(unq(x[1:-1]) for x in mid_lines[1:])
        # msgstr
        if j < len(lines) and lines[j].startswith('msgstr "'):
            k = j + 1
            str_lines = [lines[j]]
            while k < len(lines) and lines[k].startswith('"'):
                str_lines.append(lines[k]); k += 1
            msgstr = unq(str_lines[0][8:-1]) + ''.join(unq(x[1:-1]) for x in str_lines[1:])
            out.extend(mid_lines)
            if msgstr == '' and msgid != '':
                if msgid in TR:
                    out.append('msgstr ' + q(TR[msgid]))
                else:
                    missing.append(msgid)
                    out.extend(str_lines)
            else:
                out.extend(str_lines)
            i = k
            continue
    out.append(l)
    i += 1
open(po, 'w', encoding='utf-8').write('\n'.join(out))
for m in missing:
    print('MISSING:', repr(m))
