# Chinese for linking beneficiary households to a project (tui/f_project.c,
# tui/s_funds.c).
# Applied with: python3 tools/po_fill.py po/zh_CN.po po/tr-links.py
TR = {
"The number of a household of the registry (户编号) that benefits from the project.": "受益农户在监测系统中的户编号。",
"Remove the link": "取消关联",
"是 takes the household off the project's beneficiaries.": "选「是」将该户从项目受益户中移除。",
"Beneficiary household": "项目受益户",
"Household %s is no longer linked to the project.": "已取消户 %s 与项目的关联。",
"Household %s is linked to the project.": "已将户 %s 关联为项目受益户。",
"household type": "户类型",
"link a beneficiary household": "关联受益户",
"A project: its data, warnings, funds (allocations and payments), beneficiaries, history and assets.  x takes the next step of its lifecycle, a allocates funds from a receipt, y records a payment, h links a beneficiary household of the registry by its number (or removes the link); Enter or e on an allocation or a payment edits it, on an asset opens it.": "项目：基本情况、警示、资金（安排和支付）、受益情况、流程记录和形成资产。x 办理下一环节，a 从资金下达中安排资金，y 登记支付，h 按户编号关联监测系统中的受益户（或取消关联）；在资金安排或支付上按 Enter 或 e 修改，在资产上按 Enter 打开。",
}
# deleting a receipt, an allocation or a payment (tui/f_funds.c, tui/s_funds.c)
TR.update({
"Delete": "删除",
"Delete it": "确认删除",
"是 deletes the record (recorded in the audit log); a record others depend on is refused.": "选「是」删除该记录（记入审计日志）；有其他记录依赖的不能删除。",
"set Delete it to 是 to delete, or press Esc": "请将「确认删除」选为「是」后保存，或按 Esc 放弃",
"Deleted: %s (recorded in the audit log).": "已删除：%s（已记入审计日志）。",
"fund receipt %s, %s yuan": "资金下达 %s，%s 元",
"allocation of %s yuan on %s": "%2$s 安排的资金 %1$s 元",
"payment of %s yuan on %s to %s (voucher %s)": "%2$s 支付给%3$s的 %1$s 元（凭证号 %4$s）",
"The record is no longer there.": "该记录已不存在。",
"delete": "删除",
"delete the allocation or payment under the cursor": "删除光标所在的资金安排或支付",
"Put the cursor on an allocation or a payment to delete it.": "请把光标移到要删除的资金安排或支付上。",
})
