#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t08-household.sh - a new household with three members through the
# form (village picked by pinyin initials, sex and birth date filled from
# the ID number); searching before creating finds the household holding
# an ID number, for a new household and for a clue; a member edited and a
# member leaving, with the audit log.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 31

DB="$T/c.db"
demo_db "$DB" 100
before=$(q "$DB" "select count(*) from household")
head_id=$(idno 51990119 700305 123)
wife_id=$(idno 51990119 720811 224)
son_id=$(idno 51990120 100102 335)
village=$(q "$DB" "select name from division where level = 3 order by id limit 1")

tui_start 80x24
keys a
shows "新增农户（含家庭成员）" "a offers a new household"
keys Enter
shows "农户基本情况" "the form of a new household opens"
# The village from its pick list, narrowed by part of its name.
keys Tab
typed "$(printf '%s' "$village" | cut -c1-6)"
keys Enter
wait_for "/ "
keys Enter
shows "$village" "the village is chosen from the list"
keys Tab
typed "三组12号"
keys Tab
typed "13812345678"
keys Tab Tab Tab Tab Tab Tab
typed "王建国"
keys Tab Tab
typed "$head_id"
shows " 14/23" "the ID number's 18th character moves on to the next field"
keys Tab
shows "1970-03-05" "the birth date comes from the ID number"
shows "[男" "and the sex"
keys C-n
shows "成员2" "Ctrl-N adds a member"
typed "李秀英"
keys Tab Tab
typed "$wife_id"
keys Tab Tab
typed "配偶"
keys C-n
typed "王小明"
keys Tab Tab
typed "$son_id"
keys Tab Tab
typed "子"
keys Tab
keys C-s
shows "共3名成员" "the household is saved with its three members"
hh=$(q "$DB" "select household_id from person where id_no = '$head_id'")
is "$(q "$DB" "select count(*) from household")" "$((before + 1))" "one household more"
is "$(q "$DB" "select group_concat(name || ':' || relation || ':' || sex || ':' || birth_date, ' ') from (select * from person where household_id = $hh order by id)")" \
    "王建国:02:1:1970-03-05 李秀英:10:2:1972-08-11 王小明:20:1:2010-01-02" "the members are stored as typed"
is "$(q "$DB" "select count(*) from audit where op = 'insert' and ((tbl = 'household' and row_id = $hh) or (tbl = 'person' and row_id in (select id from person where household_id = $hh)))")" \
    "4" "the audit log has the household and its members"
is "$(q "$DB" "select members || ' ' || head from hh_list where id = $hh")" "3 王建国" "the list knows the new household"

# Search before create: the head's ID number is found.
keys a
wait_for "新增农户（含家庭成员）"
keys Enter
wait_for "农户基本情况"
keys Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab
typed "王建"
keys Tab Tab
typed "$head_id"
keys Tab
shows "可能已经登记" "a household holding the ID number is shown while typing"
shows "证件号码相同" "with the reason"
keys F5
shows "户主 王建国" "F5 opens it"
keys Escape
shows "农户基本情况" "Esc comes back to the form"
keys Escape
shows "放弃所做的修改" "leaving a changed form asks first"
keys y
shows "1/$((before + 1))" "y discards it"

# A clue about a household not registered yet searches the same way
# (without the reasons) and is refused for an ID number registered.
keys a
wait_for "新增农户（含家庭成员）"
keys Down Enter
wait_for "尚未登记的农户"
typed "$(printf '%s' "$village" | cut -c1-6)"
keys Enter
wait_for "/ "
keys Enter
wait_for "$village"
typed "一般农户"
keys Tab
typed "王建"
keys Tab
typed "$head_id"
shows "在那里登记线索" "a clue lists the household holding the ID number"
shows "王建国" "with its head"
lacks "证件号码相同" "and no reason"
keys Tab Tab Enter
wait_for "农户自主申报"
keys Enter
typed "边缘"
keys Tab
typed "因病"
keys Tab
keys C-s
shows "已有农户登记了这个证件号码" "saving the clue is refused"
keys F5
shows "户主 王建国" "F5 opens the household"
keys Escape
shows "尚未登记的农户" "Esc comes back to the clue"
keys Escape
wait_for "放弃所做的修改"
keys y
shows "1/$((before + 1))" "nothing was registered"

# Edit a member, then one leaves.
open_household "$(q "$DB" "select hh_no from household where id = $hh")"
keys 2 e
wait_for "修改哪位成员"
typed "王小明"
keys Enter
shows "成员 王小明" "e in the members opens the member"
keys Tab Tab Tab Tab Tab Tab Tab Tab Tab
keys C-u
typed "七年级"
keys C-s
shows "成员 王小明 已保存" "the member is saved"
is "$(q "$DB" "select count(*) from audit where tbl = 'person' and op = 'update' and field = 'schooling'")" "1" \
    "one audit row for the changed field"
keys d
wait_for "哪位成员减员"
typed "李秀英"
keys Enter
shows "成员 李秀英 减员" "d asks which member leaves"
typed "外出务工落户他乡"
keys C-s
shows "已不计入家庭人口" "the member leaves the household"
is "$(q "$DB" "select in_household || ' ' || left_reason from person where id_no = '$wife_id'")" \
    "0 外出务工落户他乡" "with the reason kept"
tui_stop
finish
