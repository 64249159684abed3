#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""server.py - `make bench`: the county server's figures (issue 15), as
ratios against baselines measured in the same run, into bench/RESULTS.md.

  editors   N concurrent editors (processes) for S seconds, each a run of
            CLI writes (`user set LOGIN --name ...` on an account of its
            own, as a save from a form is: open, one short BEGIN IMMEDIATE
            transaction with its audit row, close).  Lost updates, busy
            errors shown, integrity, throughput and p99 write latency;
            baseline: one editor alone, same writes.  The issue asks for 50
            editors for 10 minutes; the default here is 50 for 60 s so that
            the benchmark takes a few minutes (EDITORS, SECONDS to change).
  kill -9   SIGKILL at random points of a save, a backup and demo --force
            (KILLS times each, 1,000 in the issue; default 100): integrity
            ok, every reported success present, no temporary file left
            once the next run has swept.
  full disk a save and a backup on a full file system: a 40 MiB tmpfs
            (root), filled to the last byte; nothing half-written, the
            refusal in Chinese, the database sound afterwards.

Usage: server.py --zhenxing BIN --dir DIR [--out bench/RESULTS.md]
"""
import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

ENV = dict(os.environ, LANG="zh_CN.UTF-8", LC_ALL="")
BUSY = "数据库正忙"


def run(z, db, *args, timeout=600):
    t0 = time.monotonic()
    p = subprocess.run([z, "--db", db, *args], env=ENV, capture_output=True,
                       text=True, timeout=timeout)
    return p.returncode, p.stderr, time.monotonic() - t0


def pct(v, q):
    v = sorted(v)
    return v[min(len(v) - 1, int(q * len(v)))] if v else 0.0


def quick_check(db):
    c = sqlite3.connect(db)
    r = c.execute("pragma quick_check").fetchone()[0]
    c.close()
    return r


def temps(d):
    return [f for f in os.listdir(d) if "zxtmp" in f]


# --- editors ------------------------------------------------------------------

def editor(z, db, login, seconds, out):
    """One editor: writes until SECONDS are up; lines 'ok|busy|err secs name'."""
    end = time.monotonic() + seconds
    i = 0
    with open(out, "w") as f:
        while time.monotonic() < end:
            name = "%s-%d" % (login, i)
            rc, err, secs = run(z, db, "user", "set", login, "--name", name)
            kind = "ok" if rc == 0 else ("busy" if BUSY in err else "err")
            f.write("%s %.4f %s\n" % (kind, secs, name))
            i += 1


def editors(z, d, n, seconds):
    db = os.path.join(d, "editors.db")
    for f in os.listdir(d):
        if f.startswith("editors.db"):
            os.unlink(os.path.join(d, f))
    run(z, db, "demo", "--households", "2000", "--seed", "1")
    for k in range(n):
        run(z, db, "user", "add", "ed%02d" % k, "--name", "ed%02d" % k, "--role", "county")
    res = {}
    for label, count, secs in (("alone", 1, max(10, seconds // 6)), ("crowd", n, seconds)):
        pids = []
        t0 = time.monotonic()
        for k in range(count):
            pid = os.fork()
            if pid == 0:
                editor(z, db, "ed%02d" % k, secs, os.path.join(d, "ed%02d.out" % k))
                os._exit(0)
            pids.append(pid)
        for pid in pids:
            os.waitpid(pid, 0)
        wall = time.monotonic() - t0
        lines = []
        last = {}
        for k in range(count):
            for line in open(os.path.join(d, "ed%02d.out" % k)):
                kind, secs_, name = line.split()
                lines.append((kind, float(secs_)))
                if kind == "ok":
                    last["ed%02d" % k] = name
        oks = [s for k_, s in lines if k_ == "ok"]
        c = sqlite3.connect(db)
        lost = sum(1 for login, name in last.items()
                   if c.execute("select name from staff where login = ?",
                                (login,)).fetchone()[0] != name)
        audited = c.execute("select count(*) from audit where tbl = 'staff' and field = 'name'"
                            " and actor = (select login from staff where role = 'admin'"
                            " order by id limit 1)").fetchone()[0]
        c.close()
        res[label] = dict(writes=len(lines), ok=len(oks),
                          busy=sum(1 for k_, _ in lines if k_ == "busy"),
                          err=sum(1 for k_, _ in lines if k_ == "err"),
                          lost=lost, tput=len(oks) / wall, p50=pct(oks, 0.5),
                          p99=pct(oks, 0.99), wall=wall, audited=audited,
                          integrity=quick_check(db))
    return res


# --- kill -9 ------------------------------------------------------------------

def kill_at(cmd, delay):
    p = subprocess.Popen(cmd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    killed = p.poll() is None
    if killed:
        p.send_signal(signal.SIGKILL)
    rc = p.wait()
    return killed, rc


def kills(z, d, n):
    k = os.path.join(d, "kill")
    os.makedirs(k, exist_ok=True)
    for f in os.listdir(k):
        os.unlink(os.path.join(k, f))
    db = os.path.join(k, "c.db")
    run(z, db, "demo", "--households", "3000", "--seed", "2")
    run(z, db, "user", "add", "kk", "--name", "kk", "--role", "county")
    out = {}
    cases = {
        "save": lambda i: [z, "--db", db, "user", "set", "kk", "--name", "k%d" % i],
        "backup": lambda i: [z, "--db", db, "backup", os.path.join(k, "b.db"), "--force"],
        "demo": lambda i: [z, "--db", os.path.join(k, "demo.db"), "demo", "--households",
                           "2000", "--force"],
    }
    run(z, os.path.join(k, "demo.db"), "demo", "--households", "10")
    for what, mk in cases.items():
        _, _, dur = run(z, *mk(-1)[2:3], *mk(-1)[3:])
        bad = lost = killed = 0
        last_ok = None
        for i in range(n):
            was_killed, rc = kill_at(mk(i), random.uniform(0, dur * 1.2))
            killed += was_killed
            if what == "save" and rc == 0:
                last_ok = "k%d" % i
            target = {"save": db, "backup": os.path.join(k, "b.db"),
                      "demo": os.path.join(k, "demo.db")}[what]
            if os.path.exists(target) and os.path.getsize(target) > 0:
                if quick_check(target) != "ok":
                    bad += 1
            elif what != "backup":
                bad += 1
            if what == "save" and last_ok is not None:
                c = sqlite3.connect(db)
                name = c.execute("select name from staff where login = 'kk'").fetchone()[0]
                c.close()
                # a later save, killed after its commit, may stand instead
                lost += int(name[1:]) < int(last_ok[1:])
        # the next run of the same kind sweeps what SIGKILL left
        run(z, *mk(n)[2:])
        out[what] = dict(runs=n, killed=killed, bad=bad, lost=lost, left=len(temps(k)),
                         dur=dur)
    return out


# --- full disk ----------------------------------------------------------------

def fill(path, chunk):
    """Write CHUNK-byte blocks to PATH until the file system is full."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        while True:
            os.write(fd, b"\0" * chunk)
    except OSError:
        pass
    os.close(fd)


def full_disk(z, d):
    mnt = os.path.join(d, "full")
    os.makedirs(mnt, exist_ok=True)
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=40m", "tmpfs",
                                            mnt]).returncode != 0:
        return None
    try:
        db = os.path.join(mnt, "c.db")
        run(z, db, "demo", "--households", "1500", "--seed", "3")
        run(z, db, "user", "add", "fd", "--name", "before", "--role", "county")
        for name, chunk in (("filler", 65536), ("filler2", 512), ("filler3", 1)):
            fill(os.path.join(mnt, name), chunk)
        res = {}
        rc, err, _ = run(z, db, "user", "set", "fd", "--name", "x" * 30000)
        res["save"] = dict(rc=rc, msg=err.strip().splitlines()[-1] if err.strip() else "")
        rc, err, _ = run(z, os.path.join(d, "kill", "c.db"), "backup", os.path.join(mnt, "b.db"))
        res["backup"] = dict(rc=rc, msg=err.strip().splitlines()[-1] if err.strip() else "",
                             copy=os.path.exists(os.path.join(mnt, "b.db")),
                             left=len(temps(mnt)))
        for name in ("filler", "filler2", "filler3"):
            os.unlink(os.path.join(mnt, name))
        res["integrity"] = quick_check(db)
        c = sqlite3.connect(db)
        res["name"] = c.execute("select name from staff where login = 'fd'").fetchone()[0]
        c.close()
        rc, _, _ = run(z, db, "user", "set", "fd", "--name", "after")
        res["after"] = rc
        return res
    finally:
        subprocess.run(["umount", mnt])


def version(z):
    p = subprocess.run([z, "--version"], capture_output=True, text=True)
    return (p.stdout.split("\n")[0].split() or ["?"])[-1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--zhenxing", required=True)
    ap.add_argument("--dir", required=True)
    ap.add_argument("--out", default=None)
    a = ap.parse_args()
    z = os.path.abspath(a.zhenxing)
    os.makedirs(a.dir, exist_ok=True)
    n = int(os.environ.get("EDITORS", "50"))
    secs = int(os.environ.get("SECONDS_", os.environ.get("BENCH_SECONDS", "60")))
    nk = int(os.environ.get("KILLS", "100"))
    random.seed(15)
    t0 = time.time()
    ed = editors(z, a.dir, n, secs)
    kl = kills(z, a.dir, nk)
    fd = full_disk(z, a.dir)
    al, cr = ed["alone"], ed["crowd"]
    lines = []
    w = lines.append
    w("## The county server (issue 15)")
    w("")
    w("Measured %s on %d cores (load %.1f at the start), zhenxing %s; %.0f s in all."
      % (time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(t0)), os.cpu_count(),
         os.getloadavg()[0], version(z), time.time() - t0))
    w("Scaled down from the issue so that it runs in a few minutes: %d editors for %d s"
      " (issue: 50 for 10 min), %d kills of each operation (issue: 1,000)." % (n, secs, nk))
    w("")
    w("### Concurrent editors")
    w("")
    w("Each editor is a process running CLI saves (`zhenxing user set LOGIN --name ...`,")
    w("its own account: open, one BEGIN IMMEDIATE transaction with its audit row, close)")
    w("back to back.  Baseline: one editor alone, in the same run.")
    w("")
    w("| | editors | writes | saved | busy shown | other errors | lost updates | integrity |"
      " saves/s | p50 s | p99 s |")
    w("|---|---|---|---|---|---|---|---|---|---|---|")
    for label, r, k in (("alone (baseline)", al, 1), ("crowd", cr, n)):
        w("| %s | %d | %d | %d | %d | %d | %d | %s | %.1f | %.3f | %.3f |"
          % (label, k, r["writes"], r["ok"], r["busy"], r["err"], r["lost"], r["integrity"],
             r["tput"], r["p50"], r["p99"]))
    w("")
    w("Ratios crowd/alone: throughput %.2f, p99 latency %.2f (the p99 of %d processes"
      " sharing %d cores)." % (cr["tput"] / al["tput"] if al["tput"] else 0,
                               cr["p99"] / al["p99"] if al["p99"] else 0, n, os.cpu_count()))
    w("Every save reported as done is there (lost updates: the account's name is not the"
      " last one saved): %s." % ("yes" if al["lost"] == 0 and cr["lost"] == 0 else "NO"))
    w("")
    w("### kill -9 at random points")
    w("")
    w("Each run is killed with SIGKILL after a random delay between 0 and 1.2 times the")
    w("operation's own duration (measured first); after each, the file is checked")
    w("(`PRAGMA quick_check`).  Temporary files left by SIGKILL are swept by the next run;")
    w("\"left\" counts them after one more run.")
    w("")
    w("| operation | duration s | runs | killed | damaged | lost saves | temporary files left |")
    w("|---|---|---|---|---|---|---|")
    for what, r in kl.items():
        w("| %s | %.2f | %d | %d | %d | %d | %d |" % (what, r["dur"], r["runs"], r["killed"],
                                                  r["bad"], r["lost"], r["left"]))
    w("")
    w("### Full disk")
    w("")
    if fd is None:
        w("Not measured: a tmpfs could not be mounted (needs root).")
    else:
        w("A 40 MiB tmpfs holding the database, filled to the last byte; then a save of a")
        w("30,000-character name (its pages do not fit) there, and a backup of another")
        w("database into that file system.")
        w("")
        w("| | exit | message |")
        w("|---|---|---|")
        w("| save | %d | %s |" % (fd["save"]["rc"], fd["save"]["msg"]))
        w("| backup | %d | %s |" % (fd["backup"]["rc"], fd["backup"]["msg"]))
        w("")
        w("After the filler is removed: integrity %s; the name is still `%s`; a copy %s;"
          " temporary files left %d; the next save exits %d."
          % (fd["integrity"], fd["name"][:20], "was left" if fd["backup"]["copy"] else
             "was not left", fd["backup"]["left"], fd["after"]))
    text = "\n".join(lines).replace(os.path.abspath(a.dir), "$BENCH_DIR") + "\n"
    sys.stdout.write(text)
    if a.out:
        put_section(a.out, text)
    bad = (cr["busy"] or cr["lost"] or al["lost"] or cr["integrity"] != "ok"
           or any(r["bad"] or r["lost"] or r["left"] for r in kl.values()))
    return 1 if bad else 0


BEGIN, END = "<!-- bench-server: begin -->", "<!-- bench-server: end -->"


def put_section(path, text, begin=BEGIN, end=END):
    """Write TEXT between a benchmark's markers (BEGIN, END: this one's) in
    PATH, keeping the sections other benchmarks wrote there."""
    BEGIN, END = begin, end
    try:
        old = open(path).read()
    except FileNotFoundError:
        old = "# Benchmark results\n\n%s\n%s\n" % (BEGIN, END)
    if BEGIN not in old or END not in old:
        old = old.rstrip("\n") + "\n\n%s\n%s\n" % (BEGIN, END)
    head, rest = old.split(BEGIN, 1)
    tail = rest.split(END, 1)[1]
    with open(path, "w") as f:
        f.write(head + BEGIN + "\n" + text + END + tail)


if __name__ == "__main__":
    sys.exit(main())
