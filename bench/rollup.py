#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""rollup.py - `make bench-rollup` (part of `make bench`): the province's
roll-up (issue 20) at COUNTIES demo counties of HH households each (default
3 x 20,000; BENCH_COUNTIES=20 BENCH_HH=50000 for the issue's run): export
snapshot, zhenxing-rollup load (its COPY, summary and swap phases), a
county re-sent and swapped, and the six reports, warm, against baselines
measured in the same run: the sqlite3 shell writing the same tables as CSV
(export), and psql \\copy of the same files into plain tables without
partitions, checks or indexes (load).  A PostgreSQL server is started in
the scratch directory (as postgres when run as root) and stopped at the
end; the figures go into bench/RESULTS.md between the markers of that
size (COUNTIESxHH).
"""
import argparse
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
KIT = os.path.join(HERE, "..", "contrib", "rollup", "zhenxing-rollup")
REPORTS = ("r_monitored", "r_monthly", "r_devrule", "r_income", "r_funds", "r_overdue")


def run(cmd, env=None, **kw):
    t = time.monotonic()
    p = subprocess.run(cmd, env=env, capture_output=True, text=True, **kw)
    if p.returncode != 0:
        sys.exit("bench/rollup.py: %s failed: %s" % (cmd[0], p.stderr[-2000:]))
    return time.monotonic() - t, p


def as_pg(cmd):
    return (["runuser", "-u", "postgres", "--"] + cmd) if os.getuid() == 0 else cmd


def server(d):
    pgbin = sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1]
    pg = os.path.join(d, "pg")
    shutil.rmtree(pg, ignore_errors=True)
    os.makedirs(pg)
    if os.getuid() == 0:
        shutil.chown(pg, "postgres")
        shutil.chown(d, "postgres")
    run(as_pg([pgbin + "/initdb", "-D", pg + "/data", "-A", "trust", "-U", "postgres",
               "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]))
    run(as_pg([pgbin + "/pg_ctl", "-D", pg + "/data", "-l", pg + "/log", "-w", "-o",
               "-k %s -c listen_addresses= -c shared_buffers=1GB -c maintenance_work_mem=512MB "
               "-c max_wal_size=8GB -c checkpoint_timeout=30min" % pg, "start"]))
    os.environ.update(PGHOST=pg, PGUSER="postgres", PGDATABASE="postgres")
    return lambda: subprocess.run(as_pg([pgbin + "/pg_ctl", "-D", pg + "/data", "-m", "fast",
                                         "-w", "stop"]), capture_output=True)


def psql(sql):
    return run(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql])


def phases(stderr):
    return {k: float(v) for k, v in re.findall(r"zhenxing-rollup: (\w+) ([\d.]+) s", stderr)}


def baseline_export(db, out, tables):
    os.makedirs(out, exist_ok=True)
    script = "".join(".once %s/%s.csv\nSELECT * FROM %s;\n" % (out, t, t) for t in tables)
    return run(["sqlite3", "-csv", "-header", db], input=script)[0]


def baseline_load(snap, tables):
    sql = "".join("DROP TABLE IF EXISTS b_%s; CREATE TABLE b_%s (LIKE %s);\n"
                  "ALTER TABLE b_%s DROP COLUMN county;\n"
                  "\\copy b_%s FROM '%s/%s.csv' WITH (FORMAT csv, HEADER true, NULL '\\N')\n"
                  % (t, t, t, t, t, snap, t) for t in tables)
    t = run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1"], input=sql)[0]
    psql("".join("DROP TABLE b_%s;" % t for t in tables))
    return t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--zhenxing", required=True)
    ap.add_argument("--dir", required=True)
    ap.add_argument("--out")
    a = ap.parse_args()
    counties = int(os.environ.get("BENCH_COUNTIES", "3"))
    hh = int(os.environ.get("BENCH_HH", "20000"))
    d = os.path.abspath(a.dir)
    os.makedirs(d, exist_ok=True)
    os.chmod(d, 0o755)
    env = dict(os.environ, ZHENXING_DATADIR=os.path.join(HERE, "..", "share"))
    dbs = []
    for i in range(counties):
        db = os.path.join(d, "c%d.db" % i)
        if not os.path.exists(db) or os.environ.get("BENCH_FRESH"):
            for f in glob.glob(db + "*"):
                os.remove(f)
            run([a.zhenxing, "--db", db, "demo", "--households", str(hh), "--seed", str(i + 1)],
                env=env)
            code = "5199%02d" % (i + 1)
            run(["sqlite3", db, "update meta set value = '%s' where key = 'county_code';"
                 "update meta set value = '县%d' where key = 'county';" % (code, i + 1)])
        dbs.append(db)
    stop = server(d)
    try:
        run([KIT, "init"])
        res = {"export": [], "base_export": [], "load": [], "base_load": [], "rows": [],
               "bytes": [], "phases": [], "archive": [], "arcbytes": []}
        for i, db in enumerate(dbs):
            snap = os.path.join(d, "snap%d" % i)
            shutil.rmtree(snap, ignore_errors=True)
            t, _ = run([a.zhenxing, "--db", db, "export", "snapshot", "-o", snap], env=env)
            m = json.load(open(os.path.join(snap, "manifest.json")))
            tables = [f["table"] for f in m["files"]]
            shutil.rmtree(snap + "-base", ignore_errors=True)
            res["base_export"].append(baseline_export(db, snap + "-base", tables))
            res["export"].append(t)
            arc = snap + ".tar.zst"
            if os.path.exists(arc):
                os.remove(arc)
            res["archive"].append(run([a.zhenxing, "--db", db, "export", "snapshot", "-o", arc],
                                      env=env)[0])
            res["arcbytes"].append(os.path.getsize(arc))
            res["rows"].append(sum(f["rows"] for f in m["files"]))
            res["bytes"].append(sum(os.path.getsize(os.path.join(snap, f["file"]))
                                    for f in m["files"]))
            if os.getuid() == 0:
                subprocess.run(["chmod", "-R", "a+rX", snap])
            t, p = run([KIT, "-v", "load", snap])
            res["load"].append(t)
            res["phases"].append(phases(p.stderr))
            res["base_load"].append(baseline_load(snap, tables))
        persons = int(psql("SELECT count(*) FROM person")[1].stdout)
        dbsize = int(psql("SELECT pg_database_size(current_database())")[1].stdout)
        # a county re-sent
        snap = os.path.join(d, "snap0")
        t_again, p = run([KIT, "-v", "load", snap])
        again = phases(p.stderr)
        rep = {}
        for r in REPORTS:
            psql("SELECT * FROM %s" % r)
            rep[r] = min(psql("SELECT * FROM %s" % r)[0] for _ in range(3))
        drill = min(psql("SELECT count(*) FROM d_devrule WHERE county = '519901'")[0]
                    for _ in range(3))
        prov = min(psql("SELECT count(*) FROM d_devrule")[0] for _ in range(2))
        res["version"] = psql("SHOW server_version")[1].stdout.split()[0]
    finally:
        stop()
    rows = sum(res["rows"])
    text = report(counties, hh, persons, rows, dbsize, res, t_again, again, rep, drill, prov)
    print(text)
    if a.out:
        put(a.out, text, "%dx%d" % (counties, hh))


def report(counties, hh, persons, rows, dbsize, res, t_again, again, rep, drill, prov):
    n = len(res["export"])
    avg = lambda k: sum(res[k]) / n
    ph = lambda k: sum(p.get(k, 0) for p in res["phases"]) / n
    cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"],
                         capture_output=True, text=True).stdout.strip()
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30
    L = ["## The province's roll-up (issue 20): %d counties of %s households"
         % (counties, format(hh, ",")), "",
         "`make bench-rollup` (bench/rollup.py, part of `make bench`), %s; %d counties of %s "
         "households (%s persons, %s rows), PostgreSQL %s on %d cores (%s), %.0f GB, "
         "a machine other engineers' builds and tests share (wall clock)."
         % (time.strftime("%Y-%m-%d"), counties, format(hh, ","), format(persons, ","),
            format(rows, ","), res["version"],
            os.cpu_count(), cpu, mem), "",
         "| step (per county, mean) | seconds | baseline | seconds | ratio |",
         "|---|---:|---|---:|---:|",
         "| export snapshot (34 CSV, SHA-256, manifest) | %.2f | sqlite3 -csv of the same tables | %.2f | %.2f |"
         % (avg("export"), avg("base_export"), avg("export") / avg("base_export")),
         "| export snapshot -o FILE.tar.zst (the same, packed) | %.2f | | | |" % avg("archive"),
         "| load: checksums + COPY + counts + keys/indexes | %.2f | psql \\copy into plain tables | %.2f | %.2f |"
         % (ph("checksums") + ph("load"), avg("base_load"),
            (ph("checksums") + ph("load")) / avg("base_load")),
         "| summary rows + ANALYZE | %.2f | | | |" % ph("summaries"),
         "| swap (detach + attach, one transaction) | %.2f | | | |" % ph("swap"),
         "| whole load (zhenxing-rollup load) | %.2f | | | |" % avg("load"), "",
         "Throughput: export %.0f rows/s, load %.0f rows/s; snapshot %.0f bytes a person "
         "uncompressed, %.1f MB a county as .tar.zst (%.0f bytes a person); database %.0f MB "
         "(%.0f bytes a person, indexes included)."
         % (rows / sum(res["export"]), rows / sum(res["load"]), sum(res["bytes"]) / persons,
            avg("arcbytes") / 2 ** 20, sum(res["arcbytes"]) / persons, dbsize / 2 ** 20,
            dbsize / persons), "",
         "A county re-sent: %.2f s in all, of which the swap %.2f s (the other counties' "
         "reports answer meanwhile; the swap holds its locks only that long)."
         % (t_again, again.get("swap", 0)), "",
         "| report (warm, all counties) | seconds |", "|---|---:|"]
    L += ["| %s | %.3f |" % (r, t) for r, t in rep.items()]
    L += ["| d_devrule drill-down, one county | %.3f |" % drill,
          "| d_devrule drill-down, every county (raw tables) | %.3f |" % prov, ""]
    return "\n".join(L)


def put(path, text, size):
    """TEXT into PATH between the markers of this SIZE (a run of another
    size keeps its own section)."""
    begin, end = "<!-- rollup %s begin -->" % size, "<!-- rollup %s end -->" % size
    old = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
    block = "%s\n%s\n%s" % (begin, text, end)
    if begin in old:
        new = old[:old.index(begin)] + block + old[old.index(end) + len(end):]
    else:
        new = old.rstrip("\n") + "\n\n" + block + "\n"
    open(path, "w", encoding="utf-8").write(new)


if __name__ == "__main__":
    main()
