#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t09-validation.sh - every kind of mistake once: a wrong check digit, a
# date that does not exist, a date in the future, a negative amount,
# 10,000 characters in a note, a required field left empty.  Each gets a
# message in Chinese, keeps what was typed, and changes nothing.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 19

DB="$T/c.db"
demo_db "$DB" 50
no=$(q "$DB" "select hh_no from household order by id limit 1")
hh=$(q "$DB" "select id from household order by id limit 1")
persons=$(q "$DB" "select count(*) from person")
audit=$(q "$DB" "select count(*) from audit")
good=$(idno 51990119 800101 456)
bad=$(printf '%s' "$good" | cut -c1-17)$( [ "$(printf '%s' "$good" | cut -c18)" = 1 ] && echo 2 || echo 1)

tui_start 80x24
open_household "$no"
keys 2 a
shows "新增成员" "a in the members opens a new member"
# A required field left empty: saving says so.
keys C-s
shows "请填写姓名" "saving without the name asks for it"
# A byte that is no UTF-8 (a terminal set to GBK): shown as ?, refused.
typed "赵"
tm send-keys -t zx -H b0
typed "六"
keys Tab
shows "无法识别的字符" "a byte that is not UTF-8 is refused with words"
shows "[赵?六" "and shown as ? in what was typed"
keys C-u
typed "赵六"
keys Tab Tab
typed "$bad"
keys Tab
shows "校验码" "a wrong check digit is explained"
shows "[$bad" "and the number stays as typed"
shows " 3/23" "the cursor stays in the field"
keys C-u
# The 18th character moves on by itself (to the sex), then the birth date.
typed "$good"
keys Tab
keys C-u
typed "2023-02-30"
keys Tab
shows "2023年2月只有28天" "a date that does not exist is explained"
shows "[2023-02-30" "and kept"
keys C-u
typed "2027-01-01"
keys Tab
shows "不能晚于今天" "a date in the future is refused"
keys Escape
shows "放弃所做的修改" "Esc asks before discarding"
keys y
is "$(q "$DB" "select count(*) from person")" "$persons" "no member was added"

# A negative amount.
keys 3 a
wait_for "哪一年的收支"
keys Enter
wait_for "收支情况"
keys C-u
typed "-5"
keys Tab
shows "不能为负数" "a negative amount is refused"
shows "[-5" "and kept"

# 10,000 characters in a visit's findings.
keys Escape y
keys 7 a
wait_for "新增走访记录"
keys Tab Tab Tab
python3 -c "print('很' * 10000, end='')" >"$T/long"
tm load-buffer "$T/long"
tm paste-buffer -t zx
shows "最多2000字：其后的8000字未接收" "10,000 characters: the 2,000 a note holds are taken, the rest refused with the count"
shows "很很很很" "and what was taken is kept"
keys Escape y
is "$(q "$DB" "select count(*) from visit where household_id = $hh and visit_date = '2026-11-22'")" "0" \
    "no visit was stored"
is "$(q "$DB" "select count(*) from audit")" "$audit" "the audit log has nothing new"
tui_stop
shows "EXIT=0" "q quits"
finish
