#!/usr/bin/env python3
"""tui.py - what staff feel in the full-screen program, against the programs
they could use instead, on the same data and in the same run.

  bench/tui.py --db DB [--zhenxing ./zhenxing] [--out DIR] [--repeat 3]
               [--slowlink] [--no-vd]

Measures zhenxing's monitoring list under a pseudo-terminal (ttybench.py) at
80x24 and 160x48 with LANG=zh_CN.UTF-8 (C.UTF-8 when that locale is missing):
first useful screen, startup bytes, bytes and latency per one-row move (within
the page and at its edge), per PageDown, for opening a household and coming
back, for ten Down keys arriving in one read against one, for search as you
type (a two-character name, pinyin initials, an ID tail; the query time per
keystroke comes from the program's own $ZHENXING_TRACE log), the bytes written
while idle, and peak RSS.  The thin-link cursor (cursor_style = "marker") is
measured at 80x24.

The physical minimum per action (physical_limits.py) is computed for OUR row
format: the list rows are read off the real screen (tmux capture) and their
median bytes and blank tails go into physical_limits.limits().

Baselines in the same run: `less -S` on a CSV export of the same list
(moves, pages), the sqlite3 shell on the same database (a keyset page, an
OFFSET page, a naive LIKE search), and VisiData when `vd` is installed
(apt-get install visidata; --no-vd skips it: it needs ~1 GB and a minute).
With --slowlink (root; openssh-server): the 64 kbit/s, 100 ms link of
slownet.sh, with and without `ssh -C`.

Prints a table of figures, baselines, ratios and targets; exits 1 when a
target is missed.  Standard library only.
"""
import argparse, csv, json, os, re, shutil, sqlite3, statistics, subprocess, sys, tempfile, time, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import physical_limits  # noqa: E402
import ttybench  # noqa: E402

DOWN10 = "\\x1bOB" * 10  # ten Down keys in one write (keypad mode: ESC O B)


def locale_zh():
    out = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout
    return "zh_CN.UTF-8" if re.search(r"^zh_CN\.utf-?8$", out, re.M | re.I) else "C.UTF-8"


def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in s)


class Bench:
    def __init__(self, a):
        self.a = a
        self.lang = locale_zh()
        self.out = a.out
        self.home = os.path.join(self.out, "home")
        for d in ("config/zhenxing", "state", "data"):
            os.makedirs(os.path.join(self.home, d), exist_ok=True)
        self.env = {"LANG": self.lang, "LC_ALL": "", "HOME": self.home,
                    "XDG_CONFIG_HOME": self.home + "/config", "XDG_STATE_HOME": self.home + "/state",
                    "XDG_DATA_HOME": self.home + "/data", "ZHENXING_SYSCONFDIR": self.home + "/etc",
                    "ZHENXING_DATADIR": os.environ.get("ZHENXING_DATADIR", os.path.join(HERE, "..", "share"))}
        self.zx = [os.path.abspath(a.zhenxing), "--db", os.path.abspath(a.db)]
        self.log = os.path.join(self.home, "state", "zhenxing", "zhenxing.log")
        self.results = {}

    def settings(self, text):
        with open(os.path.join(self.home, "config", "zhenxing", "zhenxing.conf"), "w") as f:
            f.write(text)

    def tty(self, name, size, keys, cmd, env=None, ready=(), extra=(), repeat=None):
        js = os.path.join(self.out, name + ".json")
        argv = [sys.executable, os.path.join(HERE, "ttybench.py"), "--size", size, "--repeat",
                str(repeat or self.a.repeat), "--json", js, "--keys", keys] + list(extra)
        for k, v in (env or {}).items():
            argv += ["--env", "%s=%s" % (k, v)]
        for r in ready:
            argv += ["--ready", r]
        print("  running %s %s" % (name, size), file=sys.stderr, flush=True)
        subprocess.run(argv + ["--"] + cmd, check=True, stdout=subprocess.DEVNULL)
        with open(js) as f:
            d = json.load(f)
        d["by"] = {r["label"]: r for r in d["summary"]}
        return d

    # --- the physical minimum for our row format ------------------------------------

    def screen_rows(self, size):
        """The list rows as the real program draws them (tmux), first and a later page."""
        cols, rows = size.split("x")
        sock = "zxbench%d" % os.getpid()
        tm = ["tmux", "-L", sock, "-f", "/dev/null"]
        envs = " ".join("%s='%s'" % kv for kv in self.env.items())
        subprocess.run(tm + ["new-session", "-d", "-x", cols, "-y", rows,
                             "env %s %s; sleep 30" % (envs, " ".join(self.zx))], check=True)
        lines = []
        try:
            for page in range(3):
                for _ in range(100):
                    shot = subprocess.run(tm + ["capture-pane", "-p"], capture_output=True, text=True).stdout
                    if re.search(r"\d+/[\d,]+\s*$", shot.split("\n")[-3] if shot.count("\n") > 3 else ""):
                        break
                    time.sleep(0.05)
                body = shot.rstrip("\n").split("\n")[2:-2]
                lines += [l for l in body if l.strip()]
                subprocess.run(tm + ["send-keys", "NPage"], check=True)
                time.sleep(0.3)
        finally:
            subprocess.run(tm + ["kill-server"], capture_output=True)
        return lines

    def limits(self, size):
        cols, rows = (int(x) for x in size.split("x"))
        lens = sorted((len(l.rstrip().encode()), max(0, cols - width(l.rstrip()))) for l in self.screen_rows(size))
        if not lens:
            raise SystemExit("tui.py: could not read the list rows off the screen")
        b, trail = lens[len(lens) // 2]
        lim = physical_limits.limits(cols, rows, b, trail)
        lim["row_bytes"], lim["row_trail"] = b, trail
        return lim

    # --- zhenxing ---------------------------------------------------------------------

    def zhenxing(self, size, style):
        rows = int(size.split("x")[1])
        body = rows - 5  # bar, header, status, keys; the last body row starts the scroll
        self.settings('cursor_style = "%s";\n' % style)
        keys = ("in=Down*%d edge=Down*10 PageDown*10 PageUp*3 "
                "Home one=Down Home ten=text:%s Home one=Down Home ten=text:%s "
                "detail=Enter back=Esc detail=Enter back=Esc q" % (body - 1, DOWN10, DOWN10))
        if style == "marker":
            keys = "in=Down*%d PageDown*5 q" % (body - 1)
        return self.tty("zhenxing-%s-%s" % (style, size), size, keys, self.zx, self.env, ready=[r"1/[\d,]+"])

    def search(self, size, name, id_tail):
        """Search as you type with the program's trace on: per keystroke, the SQL time between
        the input and the draw it causes, and the draws per burst of typing."""
        self.settings('cursor_style = "bar";\n')
        if os.path.exists(self.log):
            os.unlink(self.log)
        env = dict(self.env, ZHENXING_TRACE="1")
        # One step = one write = one batch of input in the program, in this order:
        steps = ["/", "text:" + name, "Esc", "/", "type:zw", "Esc", "/", "type:" + id_tail, "Esc",
                 "/", "text:zhangwei", "Esc", "q"]
        kinds = ["open", "name", "cancel", "open", "initials", "cancel", "open", "id_tail", "cancel",
                 "open", "burst", "cancel", "quit"]
        labels = []
        for s, k in zip(steps, kinds):
            n = len(s) - 5 if s.startswith("type:") else 1
            labels += [k] * n
        keys = " ".join("%s=%s" % (k, s) for s, k in zip(steps, kinds))
        d = self.tty("zhenxing-search-%s" % size, size, keys, self.zx, env, ready=[r"1/[\d,]+"], repeat=1)
        batches = []  # [keys, sql ms, draws]
        with open(self.log, encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.startswith("input "):
                    batches.append([int(line.split()[1]), 0.0, 0])
                elif line.startswith("sql ") and batches:
                    batches[-1][1] += float(line.split()[1])
                elif line.startswith("draw") and batches:
                    batches[-1][2] += 1
        per = {}
        for label, (nkeys, ms, draws) in zip(labels, batches):
            per.setdefault(label, []).append((nkeys, ms, draws))
        d["trace"] = per
        d["batches"] = len(batches)
        d["expected_batches"] = len(labels)
        return d

    def form(self, size, hh_no):
        """A household's form: typing Chinese into a field, moving between fields."""
        self.settings('cursor_style = "bar";\n')
        shutil.rmtree(os.path.join(self.home, "state", "zhenxing", "drafts"), ignore_errors=True)
        keys = ("/ text:%s Enter Enter sleep:300 open=e sleep:300 Tab C-u "
                "char=type:三组十二号门牌abc next=Tab*3 prev=text:\\x1b[Z prev=text:\\x1b[Z "
                "Esc y q q" % hh_no)
        return self.tty("zhenxing-form-%s" % size, size, keys, self.zx, self.env, ready=[r"1/[\d,]+"])

    def idle(self, size, seconds=3.0):
        cols, rows = (int(x) for x in size.split("x"))
        env = {k: v for k, v in os.environ.items() if k not in ("LINES", "COLUMNS")}
        env.update(self.env, TERM="xterm-256color")
        pid, fd = ttybench.spawn(self.zx, cols, rows, env)
        tty = ttybench.Tty(pid, fd, [r"1/[\d,]+"])
        t0 = time.monotonic()
        tty.collect(t0, 30, 0.3, 30, 0.5, want_ready=True)
        t = time.monotonic()
        _, st = tty.collect(t, seconds, seconds, seconds)
        os.write(fd, b"q")
        tty.finish(3)
        return st["bytes"]

    # --- baselines ------------------------------------------------------------------

    def export_csv(self):
        path = os.path.join(self.out, "list.csv")
        db = sqlite3.connect("file:%s?mode=ro" % os.path.abspath(self.a.db), uri=True)
        names = dict(db.execute("select id, name from division"))
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["户编号", "户主", "乡镇", "行政村", "人口", "户类型", "类别", "风险", "人均纯收入", "状态", "最近走访"])
            for r in db.execute("select hh_no, head, township_id, village_id, members, hh_type, category, risks,"
                                " per_capita, state, last_visit from hh_list order by hh_no, id"):
                w.writerow([r[0], r[1], names.get(r[2], ""), names.get(r[3], ""), r[4], r[5], r[6], r[7],
                            "%.2f" % (r[8] / 100), r[9], r[10]])
        db.close()
        return path

    def sqlite_times(self):
        """The sqlite3 shell's own timer on the queries a list needs (medians of 5)."""
        db = os.path.abspath(self.a.db)
        mid = subprocess.run(["sqlite3", db, "select hh_no from hh_list order by hh_no limit 1 offset 125000"],
                             capture_output=True, text=True).stdout.strip()
        qs = {
            "keyset_page": "select * from hh_list where hh_no > '%s' order by hh_no, id limit 20;" % mid,
            "offset_page": "select * from hh_list order by hh_no, id limit 20 offset 200000;",
            "like_search": "select count(*) from person where name like '%%张伟%%';",
        }
        out = {}
        for k, q in qs.items():
            script = ".timer on\n" + q * 5
            r = subprocess.run(["sqlite3", db], input=script, capture_output=True, text=True,
                               errors="replace").stdout
            ts = [float(x) * 1000 for x in re.findall(r"Run Time: real ([\d.]+)", r)]
            out[k] = statistics.median(ts) if ts else None
        return out

    def less(self, size, csvp):
        return self.tty("less-%s" % size, size, "j*20 Space*10 q", ["less", "-S", csvp],
                        {"LANG": self.lang, "HOME": self.home, "LESSHISTFILE": "-"}, ready=[r"\d{16}"])

    def visidata(self, size, csvp, rows):
        # Ready: a household number on screen (first rows), then "N rows" (all loaded).
        return self.tty("vd-%s" % size, size, "Down*10 PageDown*5 q", ["vd", "-N", csvp],
                        {"LANG": self.lang, "HOME": self.home}, ready=[r"\d{16}", r"\b%d rows" % rows],
                        extra=["--quiet-ms", "1300", "--startup-quiet-ms", "1000"], repeat=1)

    # --- the thin link --------------------------------------------------------------

    def slowlink(self):
        sn = os.path.join(HERE, "slownet.sh")
        envs = " ".join("%s=%s" % kv for kv in self.env.items() if kv[1])
        remote = "env %s %s" % (envs, " ".join(self.zx))
        res = {}
        print(subprocess.run([sn, "up", "64", "100"], capture_output=True, text=True, check=True).stdout.strip(),
              file=sys.stderr)
        try:
            for name, opts in (("plain", []), ("compressed", ["-C"])):
                self.settings('cursor_style = "bar";\n')
                d = self.tty("slowlink-%s" % name, "80x24", "Down*10 PageDown*5 q", [sn, "ssh", "-tt"] + opts + [remote],
                             ready=[r"1/[\d,]+"], extra=["--quiet-ms", "900", "--burst-ms", "400", "--first-ms", "8000",
                                                         "--startup-quiet-ms", "1500", "--step-timeout", "120",
                                                         "--exit-ms", "8000", "--probe", sn + " stats"])
                res[name] = d
        finally:
            subprocess.run([sn, "down"], capture_output=True)
        return res


def ratio(x, y):
    return None if x is None or not y else x / y


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--zhenxing", default="./zhenxing")
    ap.add_argument("--out")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--slowlink", action="store_true")
    ap.add_argument("--no-vd", action="store_true")
    a = ap.parse_args()
    a.out = a.out or tempfile.mkdtemp(prefix="zxbench.")
    os.makedirs(a.out, exist_ok=True)
    b = Bench(a)
    db = sqlite3.connect("file:%s?mode=ro" % os.path.abspath(a.db), uri=True)
    households = db.execute("select count(*) from household").fetchone()[0]
    persons = db.execute("select count(*) from person").fetchone()[0]
    name = db.execute("select head from hh_list where length(head) = 2 limit 1 offset 777").fetchone()[0]
    id_tail = db.execute("select substr(id_no, -6) from person where id_no is not null limit 1 offset 4321").fetchone()[0]
    form_hh = db.execute("select hh_no from household limit 1 offset 4241").fetchone()[0]
    db.close()

    rows = []  # (what, size, figure, unit, baseline name, baseline, target text, ok)

    def row(what, size, fig, unit, bname="", base=None, target="", ok=None):
        rows.append((what, size, fig, unit, bname, base, target, ok))

    csvp = b.export_csv()
    sq = b.sqlite_times()
    for size in ("80x24", "160x48"):
        lim = b.limits(size)
        z = b.zhenxing(size, "bar")
        ls = b.less(size, csvp)
        by, st = z["by"], z["startup"]
        row("first useful screen", size, st["ready1_ms"], "ms", "less -S", ls["startup"]["ready1_ms"],
            "<= 100 ms", st["ready1_ms"] <= 100)
        row("startup bytes", size, st["bytes"], "B", "full repaint minimum", lim["full"], "<= 1.2x",
            st["bytes"] <= 1.2 * lim["full"])
        row("one-row move (in page)", size, by["in"]["bytes_med"], "B", "move minimum", lim["move"], "<= 1.25x",
            by["in"]["bytes_med"] <= 1.25 * lim["move"])
        row("one-row move (scroll)", size, by["edge"]["bytes_med"], "B", "scroll minimum", lim["scroll"], "<= 1.25x",
            by["edge"]["bytes_med"] <= 1.25 * lim["scroll"])
        row("one-row move", size, by["in"]["bytes_med"], "B", "less -S (j)", ls["by"]["j"]["bytes_med"])
        row("move latency", size, by["in"]["lat_med_ms"], "ms", "less -S (j)", ls["by"]["j"]["lat_med_ms"])
        row("PageDown", size, by["PageDown"]["bytes_med"], "B", "page minimum", lim["page"], "<= 1.1x",
            by["PageDown"]["bytes_med"] <= 1.1 * lim["page"])
        row("PageDown", size, by["PageDown"]["bytes_med"], "B", "less -S (Space)", ls["by"]["Space"]["bytes_med"],
            "<= 1x", by["PageDown"]["bytes_med"] <= ls["by"]["Space"]["bytes_med"])
        row("PageDown latency", size, by["PageDown"]["lat_med_ms"], "ms", "less -S (Space)",
            ls["by"]["Space"]["lat_med_ms"])
        row("open a household", size, by["detail"]["bytes_med"], "B", "full repaint minimum", lim["full"],
            "<= 1.1x", by["detail"]["bytes_med"] <= 1.1 * lim["full"])
        row("back to the list", size, by["back"]["bytes_med"], "B", "full repaint minimum", lim["full"],
            "<= 1.1x", by["back"]["bytes_med"] <= 1.1 * lim["full"])
        row("ten Down in one read", size, by["ten"]["bytes_med"], "B", "one Down", by["one"]["bytes_med"],
            "<= 1.5x", by["ten"]["bytes_med"] <= 1.5 * by["one"]["bytes_med"])
        row("peak RSS", size, st["max_rss_kb"] / 1024, "MiB", "less -S", ls["startup"]["max_rss_kb"] / 1024,
            "<= 50 MiB", st["max_rss_kb"] <= 50 * 1024)
        idle = b.idle(size)
        row("bytes while idle (3 s)", size, idle, "B", "", None, "0", idle == 0)
        b.results[size] = {"limits": lim, "zhenxing": z["summary"], "startup": st, "less": ls["summary"],
                           "less_startup": ls["startup"], "idle": idle}
        if size == "80x24":
            m = b.zhenxing(size, "marker")
            row("marker move (cursor_style marker)", size, m["by"]["in"]["bytes_med"], "B", "marker minimum",
                lim["marker"], "<= 60 B", m["by"]["in"]["bytes_med"] <= 60)
            row("PageDown, marker", size, m["by"]["PageDown"]["bytes_med"], "B", "page minimum", lim["page"],
                "<= 1.1x", m["by"]["PageDown"]["bytes_med"] <= 1.1 * lim["page"])
            s = b.search(size, name, id_tail)
            ok_batches = s["batches"] == s["expected_batches"]
            # Keystrokes that ran the search (a lone pinyin initial does not).
            keystrokes = [ms for k in ("name", "initials", "id_tail") for (_, ms, _) in s["trace"].get(k, [])
                          if ms > 0]
            qmed = statistics.median(keystrokes) if keystrokes else None
            row("search query per keystroke", size, qmed, "ms", "sqlite3 LIKE '%张伟%'", sq["like_search"],
                "<= 50 ms", ok_batches and qmed is not None and qmed <= 50)
            for k, what in (("name", "two-character name %s" % name), ("initials", "pinyin initials zw"),
                            ("id_tail", "ID tail %s" % id_tail)):
                ms = [x[1] for x in s["trace"].get(k, [])]
                row("  %s: slowest query" % what, size, max(ms) if ms else None, "ms")
                row("  %s: key to screen" % what, size, s["by"][k]["lat_med_ms"], "ms")
            burst = s["trace"].get("burst", [])
            draws = burst[0][2] if burst else None
            row("draws for 'zhangwei' in one read", size, draws, "", "", None, "1", draws == 1)
            b.results["search"] = {"trace": s["trace"], "summary": s["summary"], "name": name, "id_tail": id_tail}
            fo = b.form(size, form_hh)
            row("form: a character typed", size, fo["by"]["char"]["bytes_med"], "B", "", None, "<= 30 B",
                fo["by"]["char"]["bytes_med"] <= 30)
            row("form: next field", size, fo["by"]["next"]["bytes_med"], "B", "form opened (full)",
                fo["by"]["open"]["bytes_med"], "<= 0.25x",
                fo["by"]["next"]["bytes_med"] <= 0.25 * fo["by"]["open"]["bytes_med"])
            row("form: previous field", size, fo["by"]["prev"]["bytes_med"], "B", "form opened (full)",
                fo["by"]["open"]["bytes_med"], "<= 0.25x",
                fo["by"]["prev"]["bytes_med"] <= 0.25 * fo["by"]["open"]["bytes_med"])
            row("form: keystroke latency", size, fo["by"]["char"]["lat_med_ms"], "ms")
            b.results["form"] = fo["summary"]
            if not a.no_vd and shutil.which("vd"):
                v = b.visidata(size, csvp, households)
                row("first useful screen", size, st["ready1_ms"], "ms", "VisiData (first row)",
                    v["startup"]["ready1_ms"])
                row("fully loaded", size, st["ready1_ms"], "ms", "VisiData (all rows)", v["startup"].get("ready2_ms"))
                row("one-row move", size, by["in"]["bytes_med"], "B", "VisiData", v["by"]["Down"]["bytes_med"])
                row("PageDown", size, by["PageDown"]["bytes_med"], "B", "VisiData", v["by"]["PageDown"]["bytes_med"],
                    "<= 0.5x", by["PageDown"]["bytes_med"] <= 0.5 * v["by"]["PageDown"]["bytes_med"])
                row("peak RSS", size, st["max_rss_kb"] / 1024, "MiB", "VisiData", v["startup"]["max_rss_kb"] / 1024)
                b.results["vd"] = {"summary": v["summary"], "startup": v["startup"]}
    row("page query", "", None, "ms", "sqlite3 keyset page", sq["keyset_page"])
    row("page query", "", None, "ms", "sqlite3 OFFSET 200000", sq["offset_page"])
    b.results["sqlite3"] = sq

    if a.slowlink:
        sl = b.slowlink()
        for name, d in sl.items():
            for key, what, tgt in (("Down", "move", 1.1), ("PageDown", "page", 1.15)):
                r = d["by"][key]
                wire = r.get("probe_rx_bytes_med") or 0
                limit_ms = 200 + wire * 8 / 64
                row("64 kbit/s %s (%s ssh)" % (what, name), "80x24", r["lat_med_ms"], "ms",
                    "link limit (RTT + %d B)" % wire, limit_ms, "<= %gx" % tgt if name == "plain" else "",
                    r["lat_med_ms"] <= tgt * limit_ms if name == "plain" else None)
            b.results["slowlink_" + name] = d["summary"]

    print("zhenxing TUI bench: %d households, %d persons, LANG=%s, %d cores, %s repeats"
          % (households, persons, b.lang, os.cpu_count(), a.repeat))
    for size in ("80x24", "160x48"):
        lim = b.results[size]["limits"]
        print("  %s physical minimum for our rows (median row %d B, %d blank columns): full %d, move %d, "
              "scroll %d, page %d, marker %d" % (size, lim["row_bytes"], lim["row_trail"], lim["full"], lim["move"],
                                                  lim["scroll"], lim["page"], lim["marker"]))
    fmt = "%-34s %-7s %10s %-4s %-26s %10s %7s %-10s %s"
    print(fmt % ("what", "size", "zhenxing", "", "against", "baseline", "ratio", "target", ""))
    missed = []
    for what, size, fig, unit, bname, base, target, ok in rows:
        f = lambda x: "" if x is None else ("%.1f" % x if isinstance(x, float) else str(x))
        r = ratio(fig, base)
        verdict = "" if ok is None else ("ok" if ok else "MISSED")
        if ok is False:
            missed.append("%s %s" % (what, size))
        print(fmt % (what, size, f(fig), unit, bname, f(base), "" if r is None else "%.3g" % r, target, verdict))
    with open(os.path.join(a.out, "results.json"), "w") as fh:
        json.dump({"rows": rows, **{k: v for k, v in b.results.items()}}, fh, indent=1, ensure_ascii=False)
    print("raw results: %s" % a.out)
    if missed:
        print("TARGET MISSED: " + ", ".join(missed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
