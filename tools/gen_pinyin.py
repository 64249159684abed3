#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""gen_pinyin.py - write the pinyin table (pinyin_table.c) from Unihan.

Run by make:  gen_pinyin.py UNICODE_DIR SURNAMES OUT.c
UNICODE_DIR is Debian's unicode-data (/usr/share/unicode): each
character's reading is the first of Unihan's kMandarin (the customary
reading), else kHanyuPinyin, kXHC1983 or kTGHZ2013; a character with
none borrows the reading of a variant (Unihan_Variants) and a
compatibility ideograph or radical that of the ideograph it decomposes
to (UnicodeData.txt).  SURNAMES (tools/pinyin-surnames.txt) gives the
surnames read otherwise.

Every reading, and every surname reading, gets a rank in pinyin order
(letters with u-umlaut after u, then the tone, then the code point); a
character's rank orders names, and the letter a rank falls under is its
initial.  The table is dense: runs of code points, a 16-bit rank each
(0 for none).
"""
import bz2
import os
import sys
import unicodedata

FIELDS = ('kMandarin', 'kHanyuPinyin', 'kXHC1983', 'kTGHZ2013')
# In order of trust: the look-alike (spoofing) variant last, but it is the
# only link of a name character such as U+20BB7 (a 吉 with a longer base).
VARIANTS = ('kSimplifiedVariant', 'kTraditionalVariant', 'kZVariant',
            'kSemanticVariant', 'kSpecializedSemanticVariant',
            'kSpoofingVariant')
TONES = {'\u0304': 1, '\u0301': 2, '\u030C': 3, '\u0300': 4}
GAP = 64                # a hole longer than this starts a new run


def cp_of(tok):
    return int(tok.split('<')[0][2:], 16)


def first_reading(field, value):
    """The first syllable of one Unihan value."""
    if field == 'kMandarin':
        return value.split()[0]
    # kHanyuPinyin/kXHC1983/kTGHZ2013: "LOC:read,read LOC:read"
    return value.split()[0].split(':', 1)[1].split(',')[0]


def sort_key(syl):
    """(letters, tone) of a toned syllable: u-umlaut as v, tone 5 neutral."""
    letters, tone = [], 5
    for ch in unicodedata.normalize('NFD', syl.lower()):
        if ch in TONES:
            tone = TONES[ch]
        elif ch == '\u0308':
            letters[-1] = 'v'
        elif 'a' <= ch <= 'z':
            letters.append(ch)
    if not letters:
        raise SystemExit('gen_pinyin: no letters in %r' % syl)
    return (''.join(letters), tone)


def unihan(udir, name, fields):
    """(code point, field, value) of the lines of Unihan_NAME.txt.bz2 whose
    field is one of FIELDS."""
    with bz2.open(os.path.join(udir, 'Unihan_%s.txt.bz2' % name), 'rt',
                  encoding='utf-8') as f:
        for line in f:
            parts = line.rstrip('\n').split('\t')
            if len(parts) == 3 and parts[1] in fields:
                yield cp_of(parts[0]), parts[1], parts[2]


def read_readings(udir):
    found = {}
    for cp, field, value in unihan(udir, 'Readings', FIELDS):
        found.setdefault(cp, {})[field] = first_reading(field, value)
    return {cp: next(r[k] for k in FIELDS if k in r) for cp, r in found.items()}


def borrow_variants(udir, reading):
    links = {}
    for cp, field, value in unihan(udir, 'Variants', VARIANTS):
        links.setdefault(cp, []).extend(
            (VARIANTS.index(field), cp_of(t)) for t in value.split())
    for cp in sorted(links):
        if cp not in reading:
            to = next((v for _, v in sorted(links[cp]) if v in reading), None)
            if to is not None:
                reading[cp] = reading[to]


def borrow_decompositions(udir, reading):
    with open(os.path.join(udir, 'UnicodeData.txt'), encoding='utf-8') as f:
        for line in f:
            parts = line.split(';')
            dec = parts[5].replace('<compat>', '').split()
            cp = int(parts[0], 16)
            if len(dec) == 1 and cp not in reading and int(dec[0], 16) in reading:
                reading[cp] = reading[int(dec[0], 16)]


def read_surnames(path):
    out = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            chars, syls = line.rstrip('\n').split('\t')
            syls = syls.split()
            if len(chars) != len(syls) or len(chars) > 2:
                raise SystemExit('gen_pinyin: bad surname line %r' % line)
            out.append((chars, syls))
    return out


def runs(cps):
    out, start, prev = [], None, None
    for cp in cps:
        if start is None:
            start = cp
        elif cp - prev > GAP:
            out.append((start, prev))
            start = cp
        prev = cp
    out.append((start, prev))
    return out


def main():
    udir, surname_file, out = sys.argv[1:4]
    reading = read_readings(udir)
    direct = len(reading)
    borrow_variants(udir, reading)
    borrow_decompositions(udir, reading)
    surnames = read_surnames(surname_file)
    # Everything ranked at once: characters, then surname readings.
    items = [(sort_key(r), cp, 0, None) for cp, r in reading.items()]
    for i, (chars, syls) in enumerate(surnames):
        for j, (ch, syl) in enumerate(zip(chars, syls)):
            items.append((sort_key(syl), ord(ch), 1, (i, j)))
    items.sort()
    if len(items) >= 65535:
        raise SystemExit('gen_pinyin: %d readings do not fit 16 bits' % len(items))
    rank, srank, starts = {}, {}, []
    for n, (key, cp, is_surname, where) in enumerate(items, 1):
        if not starts or starts[-1][1] != key[0][0]:
            starts.append((n, key[0][0]))
        if is_surname:
            srank[where] = n
        else:
            rank[cp] = n
    segs = runs(sorted(rank))
    with open(out + '.tmp', 'w', encoding='utf-8') as f:
        w = f.write
        w('/* SPDX-License-Identifier: GPL-3.0-or-later */\n'
          '/* pinyin_table.c - GENERATED by tools/gen_pinyin.py from %s\n'
          ' * (Unihan: %d characters read, %d more through variants and\n'
          ' * decompositions) and %s.  Do not edit. */\n'
          % (udir, direct, len(reading) - direct, os.path.basename(surname_file)))
        w('#include "config.h"\n#include "util/pinyin_table.h"\n\n')
        w('const uint16_t pinyin_ranks[] = {\n')
        base = []
        total = 0
        for lo, hi in segs:
            base.append(total)
            vals = [rank.get(cp, 0) for cp in range(lo, hi + 1)]
            total += len(vals)
            for k in range(0, len(vals), 12):
                w('    ' + ', '.join(str(v) for v in vals[k:k + 12]) + ',\n')
        w('};\n\nconst struct pinyin_run pinyin_runs[] = {\n')
        for (lo, hi), b in zip(segs, base):
            w('    {0x%05X, 0x%05X, %d},\n' % (lo, hi, b))
        w('};\nconst size_t pinyin_nruns = sizeof(pinyin_runs) / sizeof(pinyin_runs[0]);\n\n')
        w('const struct pinyin_letter pinyin_letters[] = {\n')
        for n, letter in starts:
            w("    {%d, '%s'},\n" % (n, letter))
        w('};\nconst size_t pinyin_nletters = sizeof(pinyin_letters) / sizeof(pinyin_letters[0]);\n\n')
        w('const struct pinyin_surname pinyin_surnames[] = {\n')
        for i, (chars, syls) in enumerate(surnames):
            cps = [ord(c) for c in chars] + [0] * (2 - len(chars))
            rs = [srank[(i, j)] for j in range(len(chars))] + [0] * (2 - len(chars))
            w('    {{0x%05X, 0x%05X}, {%d, %d}}, /* %s %s */\n'
              % (cps[0], cps[1], rs[0], rs[1], chars, ' '.join(syls)))
        w('};\nconst size_t pinyin_nsurnames = sizeof(pinyin_surnames) / sizeof(pinyin_surnames[0]);\n')
    os.replace(out + '.tmp', out)
    print('gen_pinyin: %d characters (%d from Unihan readings), %d runs, %d surnames'
          % (len(reading), direct, len(segs), len(surnames)))


if __name__ == '__main__':
    main()
