#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t07-case.sh - a monitoring case from the clue to county approval and on
# to elimination, every step through its form, with the clock moved on
# between steps (ZHENXING_TODAY) where the procedure needs days to pass;
# the income, guarantees and development measure that elimination needs
# are entered through their forms too.
. "${top_srcdir:-.}/tests/tui/lib.sh"
need sqlite3

plan 29

DB="$T/c.db"
ZHENXING_TODAY=2026-03-02 demo_db "$DB" 200
# An ordinary household with someone able to work and no case yet.
row=$(q "$DB" "select h.id, h.hh_no from household h where h.hh_type = '2'
  and h.id not in (select household_id from monitor_case)
  and exists (select 1 from person p where p.household_id = h.id and p.labour in ('1','2'))
  order by h.id limit 1")
hh=${row%|*}
no=${row#*|}

export ZHENXING_TODAY=2026-03-02
tui_start 80x24
open_household "$no"
step
shows "登记线索：农户 $no" "x offers the clue as the first step"
keys Tab Enter
wait_for "农户自主申报"
keys Enter
typed "边缘"
keys Tab
typed "因病，因残"
keys Tab
typed "户主今年3月突发脑梗，医药费高，收入下降。"
keys C-s
shows "已办理：登记线索" "the clue is registered"
shows "线索待核实" "the case waits for the home check"
step
keys Tab
typed "否"
keys C-s
shows "授权" "the home check is refused without the signed authorization"
keys BSpace
typed "是"
keys C-s
shows "已办理：入户核实" "with it the home check is done"
step
keys C-s
shows "已办理：村级民主评议" "the village appraisal"
step
shows "公示结束" "the publicity form has its dates"
keys Tab C-u
typed "2026-03-04"
keys C-s
shows "不得少于 5 天" "a publicity of three days is refused with the reason"
keys C-u
typed "2026-03-06"
keys C-s
shows "公示中" "the publicity runs"
tui_stop

export ZHENXING_TODAY=2026-03-08
tui_start 80x24
open_household "$no"
step
keys C-s
shows "已办理：乡镇审核" "after the publicity the township reviews"
step
keys C-s
shows "监测帮扶中" "the county approves: the household is monitored"
is "$(q "$DB" "select identified_on from monitor_case where household_id = $hh")" "2026-03-08" \
    "the identification date is the approval's"
# Elimination right after identification is refused, with the reason.
step
keys Tab
typed "自然"
keys C-s
shows "满6个月后方可消除" "elimination within six months of identification is refused"
keys Escape y

# What elimination needs: this year's income, the guarantees, a measure.
keys 3 a
wait_for "哪一年的收支"
typed "2026"
keys Enter
shows "2026年收支情况" "the income form of 2026"
keys C-u
typed "60000"
keys C-s
shows "2026年收支已保存" "the income is saved with its per-capita figure"
keys 4 a
wait_for "哪一年的保障情况"
typed "2026"
keys Enter
wait_for "核查日期"
keys C-s
shows "保障情况已保存" "the guarantees are saved"
keys 6 a
wait_for "新增帮扶措施"
keys Tab
typed "产业"
keys Tab Enter
shows "种植业" "the item list offers the category's items"
lacks "劳务输出" "and not those of other categories"
keys Enter
keys C-s
shows "帮扶措施已保存：产业帮扶" "a development measure is saved"
shows "措施内容" "the measures table heads a measure's item 措施内容 (not 项目, a project)"
keys 8
shows "记录类型" "the audit trail heads the kind of record changed 记录类型"
tui_stop

export ZHENXING_TODAY=2026-10-12
tui_start 80x24
open_household "$no"
step
shows "风险消除方式" "proposing elimination asks for the method"
keys Tab
typed "帮扶"
keys C-s
shows "已办理" "elimination is proposed"
step
keys C-s
step
keys C-s
shows "公示中" "the elimination publicity runs"
tui_stop

export ZHENXING_TODAY=2026-10-19
tui_start 80x24
open_household "$no"
step
keys C-s
step
keys C-s
shows "风险已消除" "the county approves the elimination"
is "$(q "$DB" "select state || ' ' || eliminated_on || ' ' || elim_method from monitor_case where household_id = $hh")" \
    "eliminated 2026-10-19 1" "the case is eliminated, through assistance, on that day"
is "$(q "$DB" "select count(*) from case_step s join monitor_case c on c.id = s.case_id where c.household_id = $hh")" \
    "11" "every step is in the case history"
is "$(q "$DB" "select count(*) from audit where op = 'step' and tbl = 'monitor_case' and row_id = (select id from monitor_case where household_id = $hh)")" \
    "11" "and in the audit log"
tui_stop
shows "EXIT=0" "q quits"
finish
