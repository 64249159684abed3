# Chinese for the print menus of the funds and paired-assistance workspaces (tui/s_print_menus.c).
# Applied with: python3 tools/po_fill.py po/zh_CN.po po/tr-print-menus.py
TR = {
    "No project to print.": "没有可打印的项目。",
    "The project is no longer there.": "该项目已不存在。",
    "project %s %s": "项目 %s %s",
    "the %zu tagged projects": "已标记的 %zu 个项目",
    "%s: every project of %d in the plan": "%s：%d 年计划内的全部项目",
    "The receipt is no longer there.": "该资金下达记录已不存在。",
    "Fund allocation announcement of receipt %s": "资金分配结果公告（%s）",
    "Fund allocation announcement of every receipt of %d": "资金分配结果公告（%d 年全部下达资金）",
    "The asset is no longer there.": "该资产已不存在。",
    "Asset ledger of %s": "%s资产台账",
    "Asset ledger of every asset you can see": "资产台账（您可查看的全部资产）",
}
TR.update({
    "The partner is no longer there.": "该帮扶单位已不存在。",
    "Targets against actuals of %s in %d": "%s %d 年目标任务完成情况表",
    "The team is no longer there.": "该工作队已不存在。",
    "Attendance sheet of %s for %s": "%s %s 月度在岗情况表",
    "Attendance sheets of every team of %s for %s": "%s全部工作队 %s 月度在岗情况表",
})
TR.update({
    "The round is no longer there.": "该考核轮次已不存在。",
    "Assessment of %s in %s": "%s考核情况（%s）",
    "Summary of %s: the ranking and every unit's sheet": "%s结果汇总：考核排名和各对象评分表",
})
