# Chinese for the print menus of the funds workspace (tui/s_funds_print.c).
# Applied with: python3 tools/po_fill.py po/zh_CN.po po/tr-funds-pmenu.py
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
