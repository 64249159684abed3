#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t31-forms.sh - the papercuts of the household forms at 80x24: what is
# typed into a field just entered replaces its pre-filled value (an
# income's 0.00, a visit's date); an amount past its sanity bound is
# refused when the field is left, naming the bound; correcting a member's
# ID number carries the sex and birth date it gives along, but not a
# birth date the user typed; a visit's next visit follows its date unless
# the user set it.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 18

DB="$T/c.db"
demo_db "$DB" 50
no=$(q "$DB" "select hh_no from household order by id limit 1")
hh=$(q "$DB" "select id from household order by id limit 1")
man=$(idno 51990119 800101 455)
woman=$(idno 51990119 920517 226)
other=$(idno 51990119 850203 117)

tui_start 80x24 ZHENXING_TODAY=2026-11-22
open_household "$no"

# --- an income: typing replaces the 0.00, an amount past its bound --------------------
keys 3 a
wait_for "哪一年的收支"
keys Enter
wait_for "收支情况"
year=$(tm capture-pane -p -t zx | sed -n 's/.*\([0-9]\{4\}\)年收支情况.*/\1/p' | head -n 1)
typed "1000"
shows "[1000 " "1000 typed into a pre-filled amount replaces it"
keys Tab
typed "99999999999"
keys Tab
shows "超过1,000,000.00元" "an amount past the sanity bound is refused, naming the bound"
shows " 2/" "the cursor stays in the field"
keys C-u
typed "5000"
keys C-s
shows "收支已保存" "the income is saved"
is "$(q "$DB" "select wage || ' ' || business from income where household_id = $hh and year = $year")" \
    "100000 500000" "with 1000 and 5000 yuan, in fen"

# --- a member: correcting the ID number ------------------------------------------------
keys 2 a
wait_for "新增成员"
typed "赵六"
keys Tab Tab
typed "$man"
shows "1980-01-01" "the birth date comes from the ID number"
shows "[男" "and the sex"
keys BTab
typed "$woman"
shows "1992-05-17" "a corrected ID number gives its birth date"
shows "[女" "and its sex"
keys Tab C-u
typed "1992-06-01"
keys BTab BTab
typed "$other"
shows "[男" "the sex follows the ID number again"
shows "1992-06-01" "but the birth date the user typed stays"
keys Tab Tab
typed "子"
keys C-s
shows "成员 赵六 已保存" "the member is saved"
is "$(q "$DB" "select sex || ' ' || birth_date from person where name = '赵六'")" \
    "1 1992-06-01" "with the sex of the ID number and the birth date typed"

# --- a visit: the next visit follows the date ------------------------------------------
keys 7 a
wait_for "新增走访记录"
shows "2026-12-22" "a new visit's next visit is a month later"
typed "2026-11-05"
keys Tab
shows "2026-12-05" "the visit date changed, the next visit follows it"
keys Tab Tab Tab Tab
typed "2027-01-10"
keys Home BTab BTab BTab BTab BTab
typed "2026-11-10"
keys Tab
shows "[2027-01-10" "a next visit set by the user stays when the date changes"
keys C-s
shows "走访记录已保存" "the visit is saved"
is "$(q "$DB" "select visit_date || ' ' || next_visit from visit where household_id = $hh order by id desc limit 1")" \
    "2026-11-10 2027-01-10" "with the date and the next visit as set"
tui_stop
finish
