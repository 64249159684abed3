#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""startup.py - what a start costs (make bench, bench-startup): into bench/RESULTS.md.

  startup.py --zhenxing BIN --db DB --out RESULTS.md [--before OLDBIN] [--runs 200] [--repeat 10]

  version  `zhenxing --version`, RUNS times, interleaved with the baseline `sqlite3
           --version` (a program linked with SQLite alone) and OLDBIN --version: median
           wall-clock and CPU (user + system, wait4) milliseconds, and the shared objects
           the dynamic loader brought in (LD_DEBUG=libs, the libraries initialized).
  screen   the full-screen program's first useful screen on DB at 80x24 (bench/ttybench.py,
           ready when the position `1/N` shows, as bench/tui.py measures it), REPEAT times,
           against `less -S` on a small file (ready at its first line) and OLDBIN.

Targets: --version within 3 times the baseline's CPU; the first screen within issue 18's
100 ms (bench/tui.py's target) and, with --before, within 1.1 times OLDBIN's (nothing that
met its goal may get slower).  The section between the bench-startup markers is rewritten; the text around it
is kept.  Exit status 1 when a target is missed.  Standard library only.
"""
import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from server import put_section  # noqa: E402

BEGIN, END = "<!-- bench-startup: begin -->", "<!-- bench-startup: end -->"
TARGET_VERSION = 3.0    # x sqlite3 --version, CPU
TARGET_SCREEN_MS = 100  # issue 18's first useful screen
TARGET_BEFORE = 1.1     # x OLDBIN's first screen


def once(argv, env):
    """One run of ARGV: (wall ms, CPU ms)."""
    t = time.monotonic()
    pid = os.posix_spawnp(argv[0], argv, env, file_actions=[
        (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
        (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)])
    ru = os.wait4(pid, 0)[2]
    return (time.monotonic() - t) * 1000, (ru.ru_utime + ru.ru_stime) * 1000


def libraries(argv, env):
    """The shared objects the dynamic loader initialized for ARGV."""
    with tempfile.TemporaryDirectory() as d:
        e = dict(env, LD_DEBUG="libs", LD_DEBUG_OUTPUT=os.path.join(d, "ld"))
        subprocess.run(argv, env=e, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        text = "".join(open(os.path.join(d, f)).read() for f in os.listdir(d))
    return len(set(re.findall(r"calling init: (\S+)", text)))


def versions(progs, runs, env):
    """{name: (wall ms, CPU ms, libraries)}, the programs' runs interleaved."""
    got = {n: [] for n in progs}
    for _ in range(runs):
        for n, argv in progs.items():
            got[n].append(once(argv, env))
    return {n: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v),
                libraries(progs[n], env)) for n, v in got.items()}


def first_screen(name, argv, env, ready, repeat, out):
    """The median ms to the first useful screen of ARGV (ttybench)."""
    js = os.path.join(out, "startup-%s.json" % name)
    cmd = [sys.executable, os.path.join(HERE, "ttybench.py"), "--size", "80x24", "--repeat", str(repeat),
           "--json", js, "--keys", "q", "--ready", ready, "--quiet-ms", "300"]
    for k, v in env.items():
        cmd += ["--env", "%s=%s" % (k, v)]
    print("  running %s" % name, file=sys.stderr, flush=True)
    subprocess.run(cmd + ["--"] + argv, check=True, stdout=subprocess.DEVNULL)
    with open(js) as f:
        runs = json.load(f)["runs"]
    return statistics.median(r["startup"]["ready1_ms"] for r in runs if r["startup"].get("ready1_ms") is not None)


def main():
    ap = argparse.ArgumentParser(description="Start-up: zhenxing --version and the first screen; see the header.")
    ap.add_argument("--zhenxing", required=True)
    ap.add_argument("--db", required=True, help="the county for the first screen (not written)")
    ap.add_argument("--before", help="an older zhenxing measured too (e.g. /tmp/zx-startup-before)")
    ap.add_argument("--out", help="write the section into this RESULTS.md")
    ap.add_argument("--dir", default=tempfile.gettempdir(), help="scratch space")
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=10)
    a = ap.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    home = tempfile.mkdtemp(prefix="zx-startup.", dir=a.dir)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "LANG": "zh_CN.UTF-8", "LC_ALL": "",
           "XDG_CONFIG_HOME": home + "/config", "XDG_STATE_HOME": home + "/state",
           "XDG_DATA_HOME": home + "/data", "ZHENXING_SYSCONFDIR": home + "/etc",
           "ZHENXING_DATADIR": os.environ.get("ZHENXING_DATADIR", os.path.join(HERE, "..", "share"))}
    zx = os.path.abspath(a.zhenxing)
    progs = {"sqlite3": ["sqlite3", "--version"], "zhenxing": [zx, "--version"]}
    if a.before:
        progs["before"] = [os.path.abspath(a.before), "--version"]
    v = versions(progs, a.runs, env)

    text = os.path.join(home, "rows.txt")
    with open(text, "w") as f:
        f.writelines("%016d 某某村 某某某\n" % (5199010000000000 + i) for i in range(200))
    # a copy, so that the county's file is never written
    db = os.path.join(home, "county.db")
    subprocess.run(["sqlite3", os.path.abspath(a.db), ".backup '%s'" % db], check=True)
    s = {"less": first_screen("less", ["less", "-S", text], env, r"\d{16}", a.repeat, home),
         "zhenxing": first_screen("zhenxing", [zx, "--db", db], env, r"1/[\d,]+", a.repeat, home)}
    if a.before:
        s["before"] = first_screen("before", [os.path.abspath(a.before), "--db", db], env, r"1/[\d,]+",
                                   a.repeat, home)
    hh = subprocess.run(["sqlite3", db, "select count(*) from household"], capture_output=True,
                        text=True).stdout.strip()

    ok_v = v["zhenxing"][1] <= TARGET_VERSION * v["sqlite3"][1]
    ok_s = s["zhenxing"] <= TARGET_SCREEN_MS and (not a.before or s["zhenxing"] <= TARGET_BEFORE * s["before"])
    load = os.getloadavg()[0]
    lines = ["## Start-up: `zhenxing --version` and the first screen", "",
             "`bench/startup.py` (make bench, bench-startup) on %s: %d cores (%s), load %.1f at the start; "
             "--version run %d times interleaved with the baselines (medians); the first screen "
             "(80x24, LANG=zh_CN.UTF-8, ready when `1/N` shows) on a copy of a county of %s households, "
             "%d times (median)." % (time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), os.cpu_count(),
                                     platform.machine(), load, a.runs, hh, a.repeat), "",
             "| what | wall ms | CPU ms | libraries | baseline | wall ms | CPU ms | libraries | ratio | target | |",
             "|---|---:|---:|---:|---|---:|---:|---:|---:|---|---|"]
    b = v["sqlite3"]
    lines.append("| `zhenxing --version` | %.2f | %.2f | %d | `sqlite3 --version` | %.2f | %.2f | %d | %.2f "
                 "(CPU) | <= %gx | %s |" % (v["zhenxing"] + b + (v["zhenxing"][1] / b[1], TARGET_VERSION,
                                                               "ok" if ok_v else "MISSED")))
    if a.before:
        o = v["before"]
        lines.append("| `zhenxing --version` | %.2f | %.2f | %d | the binary before (%s) | %.2f | %.2f | %d | "
                     "%.2f (CPU) | | |" % (v["zhenxing"] + (os.path.basename(a.before),) + o +
                                          (v["zhenxing"][1] / o[1],)))
    lines.append("| first useful screen | %.1f | | | `less -S` (first line) | %.1f | | | %.2f | <= %d ms | %s |"
                 % (s["zhenxing"], s["less"], s["zhenxing"] / s["less"], TARGET_SCREEN_MS,
                    "ok" if s["zhenxing"] <= TARGET_SCREEN_MS else "MISSED"))
    if a.before:
        lines.append("| first useful screen | %.1f | | | the binary before | %.1f | | | %.2f | <= %gx | %s |"
                     % (s["zhenxing"], s["before"], s["zhenxing"] / s["before"], TARGET_BEFORE,
                        "ok" if s["zhenxing"] <= TARGET_BEFORE * s["before"] else "MISSED"))
    section = "\n".join(lines) + "\n"
    print(section)
    if a.out:
        put_section(a.out, section, BEGIN, END)
    return 0 if ok_v and ok_s else 1


if __name__ == "__main__":
    sys.exit(main())
