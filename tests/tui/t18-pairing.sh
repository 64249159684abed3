#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t18-pairing.sh - the paired-assistance workspace (F4) as county staff
# use it: a partner entered through its form, paired with a township, its
# agreement for the year with two targets, arrivals that meet one and fall
# behind the other (the targets against the arrivals: 已完成, 进度滞后 and
# the shortfall), a resident team with its members, a month of attendance
# that breaks the 20-days rule (flagged) and one that keeps it, 5 days of
# leave approved by the township refused; each change in the audit log.
# At 100x30, then the tables at 80x24.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 52

DB="$T/c.db"
demo_db "$DB" 60
# The demo's pairing data are not this test's: start clean, and count
# only the audit rows written from here on.
clear_pairing "$DB"
A0=$(q "$DB" "select max(id) from audit")
audited() { q "$DB" "select count(*) from audit where tbl = '$1' and op = '${2:-insert}' and id > $A0"; }
town=$(q "$DB" "select name from division where level = 2 order by code limit 1")
village=$(q "$DB" "select t.name || ' ' || v.name from division v join division t
  on t.id = v.parent_id where v.level = 3 order by t.code, v.code limit 1")
vplace=$(echo "$village" | tr ' ' /)

tui_start 100x30 ZHENXING_TODAY=2026-11-22
keys F4
shows "<F4 帮扶协作>" "F4 opens the paired-assistance workspace"
shows "尚未登记帮扶单位" "on the partners, none yet"

# --- a partner, its pairing and its agreement ------------------------------------
keys a
wait_for "新增帮扶单位"
typed "东西部协作"
keys Tab
typed "浙江省湖州市吴兴区"
keys Tab
typed "县级单位"
keys Tab
typed "浙江省湖州市"
keys C-s
shows "浙江省湖州市吴兴区" "the partner is in the list"
is "$(q "$DB" "select kind || ',' || level from partner")" "1,4" "stored with its kind and level codes"
is "$(audited partner)" "1" "and audited"

keys Enter
shows "尚未结对" "Enter opens the partner, not paired yet"
keys g
wait_for "新增结对"
keys Tab
typed "$town"
keys Tab C-u
typed "2024-03-01"
keys C-s
shows "2024-03-01" "the pairing is shown on the partner"
is "$(q "$DB" "select count(*) from pairing p join division d on d.id = p.township_id
  where d.name = '$town' and coalesce(p.village_id, 0) = 0")" "1" "paired with the township"
is "$(audited pairing)" "1" "and audited"

keys n
wait_for "新增年度协议"
keys Tab Tab
typed "湖吴协〔2026〕1号"
keys Tab Tab
typed "1000000"
keys Tab Tab Tab Tab Tab
typed "50"
keys C-s
shows "2026 年度协议已保存，共 2 项目标" "the agreement is saved with two targets"
is "$(q "$DB" "select group_concat(indicator || '=' || value, ' ') from
  (select indicator, value from agreement_target order by indicator)")" "01=100000000 06=50" \
    "the money target in fen, the count as typed"
is "$(audited agreement)" "1" "the agreement is audited"
is "$(audited agreement_target)" "2" "and each target"

# --- arrivals: one target met, one behind --------------------------------------------
keys r
wait_for "新增到位记录"
keys Tab
typed "财政援助资金"
keys Tab C-u
typed "2026-06-10"
keys Tab
typed "1200000"
keys C-s
shows "请填写佐证" "an arrival without its evidence is not saved"
is "$(q "$DB" "select count(*) from pair_record")" "0" "and nothing is written"
typed "湖财〔2026〕8号"
keys C-s
wait_for "到位记录已保存"
keys r
wait_for "新增到位记录"
keys Tab
typed "转移到协作地就业"
keys Tab C-u
typed "2026-07-01"
keys Tab
typed "30"
keys Tab
typed "劳务协作台账"
keys C-s
wait_for "到位记录已保存"
is "$(q "$DB" "select group_concat(value, ' ') from (select value from pair_record order by day)")" \
    "120000000 30" "both arrivals are stored"
is "$(audited pair_record)" "2" "and audited"
shows "2026 年度目标完成情况" "the partner shows the year's targets against arrivals"
screen "$T/s"
has "$T/s" "已完成" "the money target is met"
grep "转移协作地" "$T/s" | grep "进度滞后" | grep -q "20人"
ok $? "the workers placed are behind pace, 20 persons short"
has "$T/s" "1,200,000.00 " "the money is shown in yuan with its decimals"

keys Escape
wait_for "1 帮扶单位"
screen "$T/s"
grep -q "^ *! 浙江省湖州市吴兴区.*1,200,000.00" "$T/s"
ok $? "the partners table flags it (!) with the aid arrived this year"
keys Tab
shows "湖吴协〔2026〕1号" "Tab shows the agreements"
keys Enter
shows "2026 年度目标完成情况" "Enter on an agreement opens its partner"
keys Escape
wait_for "1 帮扶单位"
keys 3
wait_for "劳务协作台账"
keys End Enter
shows "2026 年度目标完成情况" "Enter on an arrival opens its partner"
keys Escape
wait_for "1 帮扶单位"
keys Home Enter
shows "2026 年度目标完成情况" "so does Enter on the other one"
keys Escape
wait_for "1 帮扶单位"

# --- a resident team ---------------------------------------------------------------------
keys 4
shows "尚未登记驻村工作队" "4 shows the resident teams, none yet"
keys a
wait_for "新增驻村工作队"
typed "$village"
keys Tab
typed "测试村驻村工作队"
keys Tab
typed "县农业农村局"
keys Tab C-u
typed "2025-01-01"
keys Tab
typed "2026-12-31"
keys C-s
shows "测试村驻村工作队" "the team is in the list"
is "$(audited team)" "1" "and audited"
keys Enter
shows "在岗队员少于 3 人" "a team without members is warned about its size"
shows "没有在岗的第一书记" "and about the missing 第一书记"

# add_member NAME ROLE: m, the member's form, saved.
add_member() {
    keys m
    wait_for "新增队员"
    keys Tab
    typed "$1"
    keys Tab
    typed "$2"
    keys Tab
    typed "县农业农村局"
    keys Tab
    typed "县级单位"
    keys Tab Tab C-u
    typed "2025-01-05"
    keys C-s
    wait_for "队员 $1 已保存"
}
add_member 张明 第一书记
add_member 李强 工作队队员
add_member 王芳 工作队队员
shows "王芳" "three members are listed"
lacks "在岗队员少于" "the size warning is gone"
lacks "没有在岗的第一书记" "and so is the one about the 第一书记"
is "$(audited team_member)" "3" "each member is audited"

# --- attendance ------------------------------------------------------------------------
# month MEMBER PRESENT LEAVE APPROVER: k, the member's month (2026-10);
# MEMBER as the list labels it.
month() {
    keys k
    wait_for "新增月度考勤"
    keys C-u
    typed "$1"
    keys Tab
    shows "2026-10" "the month is the last one"
    keys Tab
    typed "$2"
    keys Tab C-u
    typed "$3"
    if [ -n "${4:-}" ]; then
        keys Tab
        typed "$4"
        keys Tab
        typed "刘明"
    fi
    keys C-s
}
month "$vplace 张明 (第一书记)" 18 5 乡镇党委
shows "请假 5 天须经县委组织部" "leave of 5 days approved by the township is refused"
is "$(q "$DB" "select count(*) from attendance")" "0" "and nothing is written"
keys BTab C-u
typed "县委组织部"
keys C-s
wait_for "考勤已保存"
shows "有队员违反考勤规定" "18 days in the village break the rule: the team is warned"
month "$vplace 李强 (队员)" 22 0
shows "在村 22 天" "22 days in the village are saved"
is "$(audited attendance)" "2" "both months are audited"

keys Escape
wait_for "1 帮扶单位"
keys 5
wait_for "应在村"
screen "$T/s"
grep "张明" "$T/s" | grep -q "^ *! .* 18 .* 20 "
ok $? "the attendance tab flags 18 of 20 days (!)"
grep "李强" "$T/s" | grep -vq "!"
ok $? "and not 22 days"
keys End Enter
shows "驻村工作队 测试村驻村工作队" "Enter on a month of attendance opens its team"
keys Escape
wait_for "应在村"
keys Home Enter
shows "驻村工作队 测试村驻村工作队" "so does Enter on another member's"
keys Escape
wait_for "应在村"
keys 4
wait_for "测试村驻村工作队"
screen "$T/s"
grep -q "^ *! .*测试村驻村工作队.*2026-10 *1" "$T/s"
ok $? "the teams table flags the team: one member broke the rule in 2026-10"
tui_stop

# --- the tables at 80x24 ---------------------------------------------------------------
tui_start 80x24 ZHENXING_TODAY=2026-11-22
keys F4
wait_for "当年到位资金"
aligned '当年到位资金' "80x24: the partners fit, the aid column whole"
keys 2
wait_for "未完成"
aligned '未完成' "80x24: the agreements fit, the missed column whole"
keys 3
wait_for "到位数"
aligned '地点' "80x24: the arrivals fit, down to the place"
keys 4
wait_for "违规"
aligned '违规' "80x24: the teams fit, the breaking column whole"
keys 5
wait_for "缺勤"
aligned '缺勤' "80x24: the attendance fits, the absent column whole"
tui_stop
finish
