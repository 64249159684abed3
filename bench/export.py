#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""export.py - `zhenxing export` on a county against sqlite3 writing the
same rows (bench/run.sh; by hand with --before for an older binary).

Each kind (national, households, members as CSV; national as XLSX) runs
--runs times; the baseline runs right after each round:

    sqlite3 -csv DB "SELECT p.*, h.* FROM household h
                     JOIN person p ON p.household_id = h.id
                     ORDER BY h.id, p.id"

(every person with its household's columns, in household order: the
rows of export national and members, and more columns than either).
CPU seconds are user + system of the command alone (os.wait4); with
--before OLD the old and the new binary alternate in the same minutes,
and the outputs are compared (CSV byte for byte, XLSX by its sheet XML).
Prints one line per kind and binary: median CPU, its ratio to the
baseline's median, the wall clock and peak RSS.
"""
import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import time
import zipfile

KINDS = [
    ("national", "csv", ["export", "national", "--reveal"]),
    ("households", "csv", ["export", "households", "--reveal"]),
    ("members", "csv", ["export", "members", "--reveal"]),
    ("national", "xlsx", ["export", "national", "--reveal", "--format", "xlsx"]),
]
BASELINE = ("SELECT p.*, h.* FROM household h JOIN person p "
            "ON p.household_id = h.id ORDER BY h.id, p.id")


def usage(argv, out=None):
    """Run ARGV (stdout to OUT); (wall, cpu, MiB)."""
    t = time.monotonic()
    with open(out or os.devnull, "wb") as f:
        p = subprocess.Popen(argv, stdout=f, stderr=subprocess.DEVNULL)
        status, r = os.wait4(p.pid, 0)[1:]
    if status != 0:
        sys.exit("failed: %s" % " ".join(argv))
    return time.monotonic() - t, r.ru_utime + r.ru_stime, r.ru_maxrss // 1024


def digest(path, fmt):
    """The MD5 of the CSV, or of the XLSX's sheet XML, read a block at a
    time (the sheet is gigabytes unzipped; a process that held it would
    hand its peak RSS on to every command started after it)."""
    h = hashlib.md5()
    with (zipfile.ZipFile(path).open("xl/worksheets/sheet1.xml") if fmt == "xlsx"
          else open(path, "rb")) as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--zhenxing", required=True)
    ap.add_argument("--before", help="an older binary, alternated with --zhenxing")
    ap.add_argument("--dir", required=True)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--kinds", default="all", help="comma-separated: national,households,members,xlsx")
    a = ap.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    bins = [("new", a.zhenxing)] + ([("old", a.before)] if a.before else [])
    want = None if a.kinds == "all" else set(a.kinds.split(","))
    cpu, wall, rss, sums = {}, {}, {}, {}
    base = []
    for run in range(a.runs):
        for kind, fmt, args in KINDS:
            label = "xlsx" if fmt == "xlsx" else kind
            if want is not None and label not in want:
                continue
            order = bins if run % 2 == 0 else bins[::-1]
            for tag, z in order:
                out = os.path.join(a.dir, "%s-%s.%s" % (tag, kind, fmt))
                w, c, m = usage([z, "--db", a.db] + args + ["-o", out, "--force"])
                key = (label, tag)
                cpu.setdefault(key, []).append(c)
                wall.setdefault(key, []).append(w)
                rss[key] = max(rss.get(key, 0), m)
                if run == 0:
                    sums[key] = digest(out, fmt)
                    os.unlink(out)
            w, c, m = usage(["sqlite3", "-csv", a.db, BASELINE],
                            os.path.join(a.dir, "baseline.csv"))
            base.append(c)
    os.unlink(os.path.join(a.dir, "baseline.csv"))
    b = statistics.median(base)
    print("export: baseline sqlite3 -csv (person JOIN household, %d runs) %.2f s CPU"
          % (len(base), b))
    print("%-11s %-4s %8s %7s %8s %7s %s" % ("kind", "bin", "cpu s", "ratio", "wall s", "MiB",
                                           "cpu s of each run"))
    for (label, tag), v in cpu.items():
        c = statistics.median(v)
        print("%-11s %-4s %8.2f %7.2f %8.2f %7d %s" % (
            label, tag, c, c / b, statistics.median(wall[(label, tag)]), rss[(label, tag)],
            " ".join("%.2f" % x for x in v)))
    same = True
    if a.before:
        for label in sorted({k[0] for k in sums}):
            eq = sums[(label, "new")] == sums[(label, "old")]
            same = same and eq
            print("%-11s output %s" % (label, "identical" if eq else "DIFFERS"))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
