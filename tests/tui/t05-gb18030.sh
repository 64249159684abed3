#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t05-gb18030.sh - under a GB18030 locale (some offices still use one)
# the screen comes out in GB18030, and quitting works.  The locale is
# generated into a private directory (LOCPATH) when it can be.
. "${top_srcdir:-.}/tests/cli/lib.sh"
need python3
need localedef

mkdir -p "$T/loc"
if ! localedef -f GB18030 -i zh_CN "$T/loc/zh_CN.GB18030" >/dev/null 2>&1; then
    echo "Bail out! the zh_CN.GB18030 locale cannot be generated (locales package)"
    exit 1
fi

plan 4

DB="$T/c.db"
demo_db "$DB" 50
python3 - "$ZHENXING" "$DB" "$T/loc" >"$T/result" 2>&1 <<'PY'
import os, pty, select, struct, sys, time, fcntl, termios
zx, db, loc = sys.argv[1:4]
pid, fd = pty.fork()
if pid == 0:
    os.environ.update(LOCPATH=loc, LANG="zh_CN.GB18030", TERM="xterm")
    os.environ.pop("LC_ALL", None)
    os.execv(zx, [zx, "--db", db])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
out = b""
def read_for(seconds):
    global out
    end = time.time() + seconds
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                out += os.read(fd, 65536)
            except OSError:
                return
read_for(1.5)
want = "监测帮扶".encode("gb18030")
print("gb18030" if want in out else "no-gb18030")
print("utf8-leak" if "监测帮扶".encode("utf-8") in out else "no-utf8")
print("count" if "1/50".encode() in out else "no-count")
os.write(fd, b"q")
read_for(1.0)
_, status = os.waitpid(pid, 0)
print("exit=%d" % os.WEXITSTATUS(status))
PY
has "$T/result" "gb18030" "the screen is written in GB18030"
has "$T/result" "no-utf8" "and not in UTF-8"
has "$T/result" "count" "the list is there"
has "$T/result" "exit=0" "q quits normally"
finish
