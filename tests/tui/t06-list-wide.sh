#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t06-list-wide.sh - the whole list scenario of t01-list.sh (scroll,
# search by name, initials and ID tail, filter, detail, help, resizing,
# quitting) at 160x48.
SIZE=160x48
. "${top_srcdir:-.}/tests/tui/t01-list.sh"
