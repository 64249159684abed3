#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerate the build system (configure, Makefile.in) from configure.ac.
set -e
cd "$(dirname "$0")"
autoreconf -fi
