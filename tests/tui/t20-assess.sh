#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t20-assess.sh - the assessment workspace (F5) as county staff use it: a
# round of the resident-team template for 2026 over the demo's teams, the
# ranking, a team's scoring sheet with a computed line explained, a manual
# line scored (points over the maximum refused as they are left, the
# total moves), a deduction without a note refused,
# finalizing refused while manual lines are unscored (named), then done
# (已定稿), the frozen sheet unmoved by new data, reopening with a reason
# (audited), the comparison of two teams.  Ranking and sheet at 80x24.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 34

DB="$T/c.db"
demo_db "$DB" 60
nteams=$(q "$DB" "select count(*) from team")
# the total on the screen: "总分： 35"
total() { tm capture-pane -p -t zx | sed -n 's/.*总分： *\([-0-9.]*\).*/\1/p' | head -n 1; }

tui_start 100x30 ZHENXING_TODAY=2026-11-22
keys F5
shows "<F5 考核评估>" "F5 opens the assessment workspace"
shows "尚无考核轮次" "no round yet"

# --- a round of the resident-team template ---------------------------------------------
keys a
wait_for "新建考核轮次"
typed "驻村工作队年度考核"
keys Tab C-u
typed "2026"
keys C-s
shows "2026年驻村工作队年度考核" "the round is listed"
is "$(q "$DB" "select template_id || ' ' || year || ' ' || state from assess_round")" \
    "resident-team 2026 open" "stored for 2026, open"
is "$(q "$DB" "select count(*) from assess_unit")" "$nteams" "over every team of the demo"

keys Enter
shows "1 考核排名" "Enter opens the ranking"
first=$(q "$DB" "select name from assess_unit order by pos limit 1")
shows "$first" "the ranking lists the demo's teams"

# --- a team's sheet: computed lines explained, a manual line scored -----------------------
keys Enter
shows "评分表：" "Enter opens a team's sheet"
shows "每低1个百分点扣1分，扣完为止。数据：" "a computed line with its method and its data"
unit=$(tm capture-pane -p -t zx | sed -n 's/.*评分表：\(.*\)$/\1/p' | sed 's/ *$//')
uid=$(q "$DB" "select unit_id from assess_unit where name = '$unit'")
before=$(total)
keys Enter
wait_for "建强村党组织：0 至 10 分"
typed "12"
keys Tab
shows "得分应在0.00到10.00之间" "points over the maximum are refused when the field is left"
shows " 1/3" "and the cursor stays on them"
keys C-u
typed "8"
keys Tab
typed "党建台账基本齐全"
keys Tab
typed "考核组记录第3页"
keys C-s
shows "B1：8 分已保存" "B1 scored"
after=$(total)
is "$after" "$(awk "BEGIN { print $before + 8 }")" "the total moves by the 8 points"
shows "说明：党建台账基本齐全  佐证材料：考核组记录第3页" "the note and evidence under the line"

keys Enter
wait_for "建强村党组织：0 至 10 分"
keys C-u
typed "6"
keys Tab C-u C-s
shows "请在说明中写明理由" "a deduction without a note is refused in Chinese"
is "$(q "$DB" "select given from assess_score where unit_id = $uid and indicator = 'B1'")" \
    "800" "and B1 keeps its 8 points"
keys Escape y
wait_for "评分表："

# --- finalizing ----------------------------------------------------------------------------
keys Escape
wait_for "1 考核排名"
keys F F
shows "人工评分指标未评分" "finalizing is refused while manual lines are unscored"
shows "$first B1" "naming them"
q "$DB" "insert into assess_score (round_id, unit_id, indicator, given, note, scorer, scored_at,
    created_at, updated_at)
  select 1, u.unit_id, i.code, case i.code when 'C' then 1000 else 500 end, '一般', 'test',
    '2026-11-22', '2026-11-22', '2026-11-22'
  from assess_unit u, (select 'B1' code union all select 'B2' union all select 'B3'
    union all select 'B4' union all select 'C') i
  where not exists (select 1 from assess_score s where s.unit_id = u.unit_id
    and s.indicator = i.code)"
keys r F F
shows "已定稿（" "finalized: 已定稿 with who"
is "$(q "$DB" "select state from assess_round")" "final" "stored final"

keys Enter
wait_for "评分表："
keys End
sleep 0.3
frozen=$(total)
mid=$(q "$DB" "select m.id from team_member m where m.team_id = $uid limit 1")
q "$DB" "delete from attendance where member_id = $mid and month = '2026-10';
  insert into attendance (member_id, month, present, absent, created_at, updated_at)
  values ($mid, '2026-10', 10, 5, '2026-11-22', '2026-11-22')"
keys r End
sleep 0.3
now=$(total)
[ -n "$now" ] && [ "$now" = "$frozen" ]
ok $? "five days of absence later the final sheet has not moved ($now)"
keys e
shows "须先重新打开" "e on a final sheet says to reopen the round"

keys Escape
wait_for "1 考核排名"
keys R
wait_for "重新打开考核轮次"
typed "复核发现考勤漏登"
keys C-s
shows "考核轮次已重新打开" "reopened with a reason"
is "$(q "$DB" "select count(*) from audit where tbl = 'assess_round' and op = 'step' and field = 'reopen'")" "1" "logged in the audit"
keys Home Enter
wait_for "评分表："
keys End
sleep 0.3
now=$(total)
[ -n "$now" ] && [ "$now" != "$frozen" ]
ok $? "reopened, the sheet follows the data again ($frozen, now $now)"
keys Escape
wait_for "1 考核排名"

# --- the comparison of two teams ---------------------------------------------------------
keys c
wait_for "与谁对比"
keys Enter
shows "评分表对比" "c compares with another team"
shows "合计" "both totals shown"
tui_stop

# --- 80x24 ---------------------------------------------------------------------------------
tui_start 80x24 ZHENXING_TODAY=2026-11-22
keys F5 Enter
wait_for "1 考核排名"
wait_for "较"
aligned '较' "80x24: the ranking fits, the points whole"
keys Enter
wait_for "评分表："
wait_for "在岗在位"
aligned '在岗在位' "80x24: the sheet fits"

# --- p: the unit's sheet from the sheet, the whole round from the ranking ---------------
export HOME="$T"
unit=$(q "$DB" "select name from assess_unit order by pos limit 1")
keys p
shows "考核情况" "p on a sheet offers the unit's summary"
shows "考核排名和各对象评分表" "and the round's"
keys Enter
to_file
f=$(q "$DB" "select substr(new, 6) from audit where op = 'print' and tbl = 'assess_round'
  order by id desc limit 1")
has "$f" "结果汇总" "the file is the assessment summary"
has "$f" "考核组组长" "with its signature lines"
keys Escape
wait_for "1 考核排名"
keys p
lacks "考核情况" "p on the ranking offers the round only"
keys Escape
tui_stop
finish
