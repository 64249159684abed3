# Chinese for the workspaces (tui/workspace.c, the top line, the help),
# the generic table and record screens (tui/s_table.c, tui/s_view.c) and
# the funds and projects workspace (tui/s_funds.c).
# Applied with: python3 tools/po_fill.py po/zh_CN.po po/tr-fw.py
TR = {
# workspaces
"funds and projects": "资金项目",
"Workspaces (from lists and records; a form is saved or closed first):":
    "工作区（在列表和详情界面中切换；表单须先保存或关闭）：",
"Save or close this screen first (Esc), then %s opens %s.":
    "请先保存或关闭当前界面（Esc），再按 %s 进入%s。",
# the table screen
"next table": "下一个列表",
"previous table": "上一个列表",
"read the rows again": "重新读取",
"clear the search, or back": "清除搜索或返回",
"No row matches the search.": "没有符合搜索条件的记录。",
"Nothing to show.": "没有可显示的记录。",
"%s: all": "%s：全部",
"Search (text or pinyin initials): ": "搜索（文字或拼音首字母）：",
"%zu row(s) tagged (p prints them together, T untags all).":
    "已选定 %zu 条（p 一并打印，T 全部取消）。",
"No row is tagged now.": "已全部取消选定。",
"table": "列表",
"Marks before the first column: * a tagged row; ! what the table says below (late, overdrawn...).\n"
"Search (/) narrows the rows with each key: any text of a row, or pinyin initials (zs finds 张三); several words must all match.  Enter keeps the result, Esc goes back to what was there before.\n"
"Sort (s) by any column shown; choosing the same column again reverses the order.  Text sorts in pinyin order.\n"
"Tabs (Tab, or the digits) switch between the tables of a workspace; each keeps its filter, search, order, tags and place.":
    "第一列前的标记：* 表示已选定；! 的含义见下文说明（逾期、超支等）。\n"
    "搜索（/）随输入逐字缩小范围：可输入记录中的任意文字或拼音首字母（zs 可找到张三）；输入多个词时须全部匹配。按 Enter 保留结果，按 Esc 恢复搜索前的内容。\n"
    "排序（s）可按任一显示的列排序；再次选择同一列则倒序。文字按拼音排序。\n"
    "页签（Tab 或数字键）在同一工作区的各列表之间切换；每个列表各自保留筛选、搜索、排序、选定和光标位置。",
# the record screen
"record": "详情",
"go to a section": "跳到对应部分",
"next item, or scroll down": "下一项或向下滚动",
"previous item, or scroll up": "上一项或向上滚动",
"read the record again": "重新读取",
"Move to a line to edit first.": "请先把光标移到要修改的行。",
"Up and Down walk over the lines that stand for another record (the cursor shows which) and scroll where there is none; Enter opens the one under the cursor, e edits it, and e with no line under the cursor edits the record itself.\n"
"The digits jump to the numbered sections; Tab and Shift-Tab to the next and previous one.":
    "上下方向键在指向其他记录的行之间移动（光标所在即当前行），没有这样的行时滚动页面；Enter 打开光标所在的记录，e 修改它；光标不在任何行上时，e 修改本记录。\n"
    "数字键跳到对应编号的部分；Tab 和 Shift-Tab 跳到下一部分和上一部分。",
# the funds workspace
"document no.": "文号",
"level": "级次",
"fund type": "资金类型",
"amount": "金额",
"allocated": "已分配",
"paid": "已支付",
"received on": "下达日期",
"fund receipts": "资金下达",
"Fund receipts (资金下达): the funds the county received, by year, level (中央, 省, 市, 县), fund type and document number, with what has been allocated to projects and paid out of it.":
    "资金下达：本县收到的资金，按年度、级次（中央、省、市、县）、资金类型和文号列出，并显示已分配到项目和已支付的金额。",
"No fund receipt recorded yet.": "尚未登记资金下达。",
"project no.": "项目编号",
"project": "项目",
"place": "地点",
"project type": "项目类型",
"budget": "预算",
"project pool": "项目库",
"The project pool (项目库): every project from its proposal by the village through reviews, publicity, approval, the annual plan, implementation and acceptance to the handover of its assets.":
    "项目库：每个项目从村级申报，经审核、公示、审批入库、年度计划、实施、验收，直到资产移交的全过程。",
"No project in the pool yet.": "项目库中尚无项目。",
"asset no.": "资产编号",
"asset": "资产",
"class": "类别",
"value": "原值",
"formed on": "形成日期",
"maintained by": "管护主体",
"asset ledger": "资产台账",
"The asset ledger (资产台账): the assets the projects formed, in three classes (公益性, 经营性, 到户类), with owner, maintainer, income and its distribution.":
    "资产台账：项目形成的资产，分公益性、经营性、到户类三类，记录所有权人、管护主体、收益及其分配。",
"No asset recorded yet.": "尚未登记资产。",
"indicator": "指标",
"required": "要求",
"actual": "实际",
"fund indicators": "资金指标",
"Fund indicators (资金指标) by year: the share of the funds spent on industry, payment progress, management fees and the wage share of 以工代赈 projects, against what the policy requires.":
    "资金指标（按年度）：产业项目资金占比、支出进度、项目管理费、以工代赈项目劳务报酬占比，与政策要求对照。",
"No indicator to show yet.": "暂无可显示的指标。",
}
