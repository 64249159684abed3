#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# quickstart.sh - zhenxing on a fresh Debian or Ubuntu machine.
#
#   ./quickstart.sh          install what is missing (apt-get, through sudo
#                            when not root), build, create a demo county
#                            database at the default place if there is none,
#                            and open zhenxing on it
#   ./quickstart.sh check    the same set-up, then the whole test suite
set -eu
cd "$(dirname "$0")"
mode=${1:-run}
case $mode in
run | check) ;;
*)
    echo "usage: ./quickstart.sh [check]" >&2
    exit 1
    ;;
esac

# Build tools and libraries (Debian/Ubuntu package names).
PACKAGES="build-essential autoconf automake pkg-config gettext
libncurses-dev libsqlite3-dev libconfig-dev libcmocka-dev
libcairo2-dev libpango1.0-dev fonts-noto-cjk cups-client poppler-utils
sqlite3 tmux locales util-linux python3 ncurses-term
libxlsxwriter-dev libzip-dev libexpat1-dev libfreexl-dev unicode-data
libssl-dev libarchive-dev zstd libcups2-dev"
# The print test (tests/cli/t15-cups.sh) starts its own CUPS server with a
# PDF printer; the roll-up's (tests/cli/t26-rollup.sh) its own PostgreSQL.
if [ "$mode" = check ]; then
    PACKAGES="$PACKAGES cups printer-driver-cups-pdf postgresql"
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
fi

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
        missing="$missing $p"
    fi
done
if [ -n "$missing" ]; then
    echo "quickstart: installing$missing"
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing
fi

# The screen tests run under zh_CN.UTF-8, as county staff do.
if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
    if [ -f /etc/locale.gen ]; then
        $SUDO sed -i 's/^# *\(zh_CN\.UTF-8 UTF-8\)/\1/' /etc/locale.gen
        grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen ||
            echo 'zh_CN.UTF-8 UTF-8' | $SUDO tee -a /etc/locale.gen >/dev/null
        $SUDO locale-gen >/dev/null || true
    else
        $SUDO locale-gen zh_CN.UTF-8 >/dev/null || true
    fi
fi

if [ ! -x configure ] || [ configure.ac -nt configure ] || [ Makefile.am -nt configure ]; then
    autoreconf -fi
fi
if [ ! -f Makefile ] || [ configure -nt Makefile ]; then
    ./configure
fi
jobs=$(nproc 2>/dev/null || echo 2)
make -j"$jobs"

if [ "$mode" = check ]; then
    exec make -j"$jobs" check
fi

db="${XDG_DATA_HOME:-$HOME/.local/share}/zhenxing/county.db"
if [ ! -f "$db" ]; then
    ./zhenxing demo
fi
exec ./zhenxing
