#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t14-workspace.sh - workspaces and the generic table screen, at 80x24
# and 160x48 in Chinese: the top line names the workspace shown and the
# others (F3, F4), F3 opens
# funds and projects with its four tables as tabs (Tab, Shift-Tab,
# digits), each tab keeps its own search, the search prompt and the
# help, F2 goes back to a fresh monitoring list (also from a household),
# a form refuses the workspace keys and keeps its digits, resizing to
# 20x5 and back, and q quits from the funds workspace.
. "${top_srcdir:-.}/tests/tui/lib.sh"

plan 85

DB="$T/c.db"
demo_db "$DB" 300
# The tables empty (the demo's funds are tested in tests/cli/t04-demo).
clear_funds "$DB"
N=$(q "$DB" "select count(*) from household")

for SIZE in 80x24 160x48; do
    W=${SIZE%x*}
    H=${SIZE#*x}
    tui_start "$SIZE"
    shows "<F2 监测帮扶>" "$SIZE: the top line marks the monitoring workspace"
    if [ "$W" -gt 80 ]; then
        shows " F3 资金项目 " "$SIZE: and names the funds workspace"
        shows " F4 帮扶协作 " "$SIZE: and the paired-assistance workspace"
        shows " F5 考核评估 " "$SIZE: and the assessment workspace"
    else
        # too narrow for every label: the others are cut short, the user's
        # name and role stay whole
        shows " F3 资金  F4 帮扶  F5 考核 " "$SIZE: the other workspaces named short"
        shows "(系统管理员)" "$SIZE: the account's role whole"
    fi

    keys F3
    shows "<F3 资金项目>" "$SIZE: F3 opens funds and projects"
    shows "1 资金下达  2 项目库  3 资产台账  4 资金指标" "$SIZE: its tables are tabs"
    shows "文号" "$SIZE: the first tab lists the fund receipts"
    shows "尚未登记资金下达" "$SIZE: it says there is none yet"
    shows "资金下达：全部" "$SIZE: the status line says what is shown"
    is "$(status_pos)" "0/0" "$SIZE: the position counts no row"
    if [ "$W" -gt 80 ]; then
        shows "Tab 下一个列表" "$SIZE: the key bar shows the table keys, down to Tab"
    else
        shows "e 修改  p 打印  x 导出  ? 帮助" "$SIZE: the key bar shows the table keys that fit"
    fi
    lacks "户编号" "$SIZE: the monitoring list is gone"
    aligned '文号' "$SIZE: the header fits the width"

    keys Tab
    shows "项目编号" "$SIZE: Tab shows the project pool"
    keys 3
    shows "资产编号" "$SIZE: 3 shows the asset ledger"
    keys BTab
    shows "项目编号" "$SIZE: Shift-Tab goes back to the project pool"
    keys 4
    shows "占比" "$SIZE: 4 shows the fund indicators"
    keys 3
    shows "资产台账：全部" "$SIZE: 3 again"

    # A search of its own per tab.
    keys /
    shows "搜索（文字或拼音首字母）：" "$SIZE: / opens the search prompt"
    typed "道路"
    keys Enter
    shows "搜索：道路" "$SIZE: Enter keeps the search"
    shows "没有符合搜索条件的记录。" "$SIZE: nothing matches"
    keys 1
    shows "资金下达：全部" "$SIZE: the receipts have no search"
    keys 3
    shows "搜索：道路" "$SIZE: the assets kept theirs"
    keys Escape
    shows "资产台账：全部" "$SIZE: Esc clears the search"
    keys Escape
    shows "<F3 资金项目>" "$SIZE: Esc again stays in the workspace's root"

    keys '?'
    shows "帮助：资产台账" "$SIZE: the help is the table's"
    shows "下一个列表" "$SIZE: it lists the table keys"
    keys Escape
    wait_for "资产台账：全部"

    # F2: a fresh monitoring list; from a household too.
    keys F2
    shows "<F2 监测帮扶>" "$SIZE: F2 goes back to monitoring"
    shows "1/$(python3 -c "print(format($N, ','))")" "$SIZE: the list starts at its first row"
    keys Down Enter
    shows "帮扶责任人" "$SIZE: a household opens"
    keys F3
    shows "1 资金下达" "$SIZE: F3 from a household opens funds"
    lacks "帮扶责任人" "$SIZE: the household is closed"
    keys F2
    shows "全部农户" "$SIZE: F2 shows the list again, not the household"

    # A form holds what was typed: the workspace keys wait.
    keys a
    shows "新增农户" "$SIZE: a offers a new household"
    keys Enter
    shows "农户基本情况" "$SIZE: its form opens"
    keys F3
    shows "请先保存或关闭当前界面" "$SIZE: F3 in a form says to save or close it first"
    typed "12"
    shows "[12 " "$SIZE: digits still go into the form"
    keys Escape
    shows "放弃所做的修改" "$SIZE: Esc asks before discarding"
    keys y
    shows "全部农户" "$SIZE: back at the list"

    keys F3
    wait_for "1 资金下达"
    tm resize-window -t zx -x 20 -y 5
    shows "终端窗口太小" "$SIZE: at 20x5 a notice says the window is too small"
    tm resize-window -t zx -x "$W" -y "$H"
    shows "1 资金下达  2 项目库" "$SIZE: growing back shows the tables again"

    keys q
    shows "EXIT=0" "$SIZE: q quits from the funds workspace"
    shows " icanon" "$SIZE: and the terminal is back in its normal mode"
done
finish
