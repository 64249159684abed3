# Chinese for the assessment summary print (print/prints_assess.c) and the
# commands `zhenxing assess` (cli/cmd_assess.c) and `zhenxing report`
# (cli/cmd_report.c).
# Applied with: python3 tools/po_fill.py po/zh_CN.po po/tr-assess-report.py
TR = {
"templates|new|score|finalize|reopen ...": "templates|new|score|finalize|reopen ...",
"make, score, finalize and reopen assessment rounds (county staff)":
    "建立考核轮次、人工评分、定稿和重新打开（县级人员）",
"  assess templates                    the templates: id, unit, total, title\n"
"  assess new TEMPLATE YEAR [--title T] [--unit ID]...\n"
"                                      a round of TEMPLATE for YEAR over every unit\n"
"                                      of its kind (or the units given); prints its id\n"
"  assess score ROUND UNIT CODE POINTS [--note N] [--evidence E]\n"
"                                      points of an indicator scored by hand (12.5;\n"
"                                      a bonus may be negative); a note is needed when\n"
"                                      points are taken off or given as a bonus\n"
"  assess finalize ROUND               freeze every input, explanation and point\n"
"  assess reopen ROUND --reason R      open a final round again, with the reason\n"
"ROUND is the round's id or latest; UNIT its id or name (or a part of the\n"
"name found in no other unit).  The account of your Unix login acts: county\n"
"staff or an administrator.  Every change is recorded in the audit log.\n":
"  assess templates                    列出考核模板：编号、考核对象类型、总分、名称\n"
"  assess new TEMPLATE YEAR [--title T] [--unit ID]...\n"
"                                      按模板 TEMPLATE 建立 YEAR 年度的考核轮次，考核\n"
"                                      该类型的全部对象（或 --unit 所列对象），输出轮次编号\n"
"  assess score ROUND UNIT CODE POINTS [--note N] [--evidence E]\n"
"                                      为人工评分指标打分（可有两位小数，如 12.5；加减分\n"
"                                      可为负数）；扣分或加减分须用 --note 说明理由\n"
"  assess finalize ROUND               定稿：保存全部数据、说明和分值\n"
"  assess reopen ROUND --reason R      重新打开已定稿的轮次，须说明理由\n"
"ROUND 为轮次编号或 latest（最新一轮）；UNIT 为考核对象的编号或名称（或只与一个\n"
"对象相符的名称片段）。以当前 Unix 登录名对应的账号操作，须为县级人员或系统\n"
"管理员。每次修改都记入审计日志。\n",
"assessment --round ID|latest [options] | assessment --list":
    "assessment --round ID|latest [选项] | assessment --list",
"the results of an assessment round as text, PDF or CSV": "输出考核结果（文本、PDF 或 CSV）",
"  report assessment --round ID|latest [--unit NAME|ID]\n"
"                   [--format text|pdf|csv] [-o FILE|-] [--force]\n"
"                                      the round's results: as text (the default)\n"
"                                      or PDF the summary print (ranking, each unit's\n"
"                                      sheet, deductions, grade, signatures), recorded\n"
"                                      in the audit log; as CSV one row per unit and\n"
"                                      indicator after a summary row per unit (code\n"
"                                      empty, method total)\n"
"  report assessment --list            the rounds: id, year, title, final or open,\n"
"                                      separated by tabs, newest first\n"
"  --unit NAME|ID      only that unit's sheet (the ranking shows every unit)\n"
"  -o, --output FILE   write to FILE (default -, standard output)\n"
"  --force             overwrite FILE if it exists\n"
"CSV columns: round_id, year, template, unit_id, unit, rank, total, grade,\n"
"code, parent, name, method, max, points, input, why, note, evidence.\n":
"  report assessment --round ID|latest [--unit NAME|ID]\n"
"                   [--format text|pdf|csv] [-o FILE|-] [--force]\n"
"                                      输出该轮考核结果：text（默认）或 pdf 为考核\n"
"                                      结果汇总表（排名、各对象评分表、扣分情况、等次、\n"
"                                      签字栏），记入审计日志；csv 为每个考核对象每项\n"
"                                      指标一行，各对象之前先有一行汇总（code 为空，\n"
"                                      method 为 total）\n"
"  report assessment --list            列出考核轮次：编号、年度、名称、final（已定稿）\n"
"                                      或 open（未定稿），以制表符分隔，最新的在前\n"
"  --unit NAME|ID      只输出该对象的评分表（排名仍列出全部对象）\n"
"  -o, --output FILE   写入文件 FILE（默认 -，即标准输出）\n"
"  --force             文件已存在时覆盖\n"
"CSV 各列：round_id, year, template, unit_id, unit, rank, total, grade,\n"
"code, parent, name, method, max, points, input, why, note, evidence。\n",
"'%s' is not a round: give its id or latest": "「%s」不是考核轮次：请给出轮次编号或 latest",
"there is no assessment round yet": "还没有考核轮次",
"round #%lld has no unit %s": "第%lld轮考核中没有考核对象「%s」",
"%zu units of round #%lld are named like %s: give the id":
    "第%2$lld轮考核中有%1$zu个考核对象的名称含「%3$s」，请给出编号",
"--unit takes the id of a unit, not '%s'": "--unit 须为考核对象的编号，而不是「%s」",
"assess %s needs %d arguments; see the help": "assess %s 需要%d个参数，请看帮助",
"there is no template %s; zhenxing assess templates lists them":
    "没有考核模板「%s」；可用 zhenxing assess templates 查看",
"Made assessment round #%lld.\n": "已建立第%lld轮考核。\n",
"the points '%s': %s": "分值「%s」：%s",
"%s of %s: %s points.\n": "%2$s 的 %1$s：%3$s 分。\n",
"Assessment round #%lld is final.\n": "第%lld轮考核已定稿。\n",
"Assessment round #%lld is open again.\n": "第%lld轮考核已重新打开。\n",
"say what to do: templates, new, score, finalize or reopen":
    "请说明操作：templates、new、score、finalize 或 reopen",
"--format takes text, pdf or csv, not '%s'": "--format 只能是 text、pdf 或 csv，而不是「%s」",
"say what to report: assessment": "请说明输出什么：assessment（考核结果）",
"give the round with --round ID, or --round latest": "请用 --round 编号 或 --round latest 指定考核轮次",
"Wrote %s.\n": "已写入 %s。\n",
"assessment summary": "考核结果汇总",
"assessment (the end of a title)": "考核",
"%s: results summary": "%s结果汇总",
"%s: summary of the assessment results": "%s考核结果汇总",
"Template: ": "考核模板：",
"final (by %s, %.16s)": "已定稿（%s，%.16s）",
"not final: the points may still change": "未定稿，分值可能变化",
"State: ": "状态：",
"Rank": "名次",
"Assessed": "考核对象",
"Total points": "总分",
"Grade awarded": "等次",
"Ranking": "考核排名",
"%zu of the units assessed still have indicators to be scored by hand.":
    "有%zu个考核对象尚有人工评分指标未评分。",
"subtotal": "小计",
"not scored yet": "未评分",
"Evidence: %s": "佐证材料：%s",
"added or taken off, at most %s points": "加减分，最多%s分",
"Code": "编号",
"Max\npoints": "满分",
"Points": "得分",
"How it was scored": "评分说明",
"Points\nlost": "扣分",
"Deductions": "扣分情况",
"%s (of %s)": "%s（满分%s）",
"Total: ": "总分：",
"Grade: ": "等次：",
"Points lost: ": "扣分合计：",
"%d of %zu": "第%d名（共%zu个）",
"Rank: ": "名次：",
"%d indicators scored by hand have no points yet.": "尚有%d项人工评分指标未评分。",
"Scores of %s": "%s考核评分表",
"Head of the assessment group (signature): ": "考核组组长（签字）：",
}
