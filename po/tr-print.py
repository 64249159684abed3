# Chinese for the prints (src/print/*, core/doc.c, cli/cmd_print.c,
# tui/f_print.c, tags and p in the list and the detail).
# Applied with: python3 tools/po_fill.py po/zh_CN.po po/tr-print.py
TR = {
'"pdf" or "text"': '"pdf" 或 "text"',
"a font family name in double quotes": "用双引号括起的字体名称",
"a whole number of lines from 20 to 200": "20 到 200 之间的整数（行数）",
"a telephone number in double quotes": "用双引号括起的电话号码",
"card|publicity|visits ... [options]": "card|publicity|visits ... [选项]",
"print household cards, publicity lists and visit worklists": "打印明白卡、公示名单和走访任务清单",
"""  print card HH_NO...                 household cards (明白卡), one per household
  print publicity VILLAGE [--elimination]
                                      the village's publicity list (公示) of the
                                      households in publicity now; VILLAGE as 乡镇/村
  print visits [--cadre NAME] [--days N]
                                      visit worklists per responsible cadre, visits
                                      due within N days (default 7) and late ones
  --format pdf|text   what to make (default: the setting print_format, pdf)
  -o, --output FILE   save to FILE (- for standard output) instead of printing
  --force             overwrite FILE if it exists
  --printer NAME      the printer (default: the setting printer)
  --copies N          copies, 1 to 99 (default: the setting copies)
Prints go to the print command (setting print_command, default lp), run
without a shell as PROGRAM [-d PRINTER] -n COPIES -t TITLE -- FILE.  Every
print is recorded in the audit log of each household it shows.
""": """  print card 户编号...                 明白卡，每户一份
  print publicity 行政村 [--elimination]
                                      该村正在公示的农户的公示名单；行政村写作
                                      乡镇/村；--elimination 为风险消除公示
  print visits [--cadre 姓名] [--days N]
                                      按帮扶责任人分列的走访任务清单：N 天内
                                      （默认 7 天）到期的和已逾期的走访
  --format pdf|text   生成 PDF 或文本（默认取设置 print_format，即 pdf）
  -o, --output 文件   保存到文件（- 为标准输出），不送打印机
  --force             文件已存在时覆盖
  --printer 名称      打印机（默认取设置 printer）
  --copies N          份数，1 到 99（默认取设置 copies）
打印送往打印命令（设置 print_command，默认 lp），不经过 shell，以
程序 [-d 打印机] -n 份数 -t 标题 -- 文件 的形式运行。每次打印都记入
所涉每户的审计日志。
""",
"--format takes pdf or text": "--format 只能是 pdf 或 text",
"--copies takes a whole number from 1 to 99": "--copies 须为 1 到 99 的整数",
"--days takes a whole number from 0 to 366": "--days 须为 0 到 366 的整数",
"say what to print: card, publicity or visits": "请说明打印什么：card（明白卡）、publicity（公示名单）或 visits（走访任务清单）",
"'%s' is not a print: card, publicity or visits": "没有「%s」这种打印：可用 card、publicity 或 visits",
"give the numbers of the households to print": "请给出要打印的户编号",
"give the village, as 乡镇/村 or its code": "请给出行政村，写作 乡镇/村 或其代码",
"%s is not a village: give it as 乡镇/村": "%s 不是行政村：请写作 乡镇/村",
"Sent %zu document(s) to the printer.\n": "已将 %zu 份文档送往打印机。\n",
"Wrote %zu document(s) to %s.\n": "已将 %zu 份文档写入 %s。\n",
"printed": "打印",
"to standard output": "到标准输出",
"to the file %s": "到文件 %s",
"on the default printer, %s copies": "默认打印机，%s 份",
"on the printer %.*s, %s copies": "打印机 %.*s，%s 份",
"year    month    day": "年    月    日",
"page %zu of %zu": "第 %zu 页 共 %zu 页",
"household card": "明白卡",
"publicity list": "公示名单",
"visit worklist": "走访任务清单",
"reading the households in publicity": "读取公示中的农户",
"reading the visits due": "读取到期的走访",
"finding the cadre": "查找帮扶干部",
"no cadre named '%s'": "没有名为「%s」的帮扶干部",
"several cadres are named '%s': give the number instead, as #12": "有多名帮扶干部叫「%s」：请改用编号，如 #12",
"no installed font can show Chinese (looked for %s and %s): install the package fonts-noto-cjk (apt-get install fonts-noto-cjk) or name an installed Chinese font in the setting print_font": "没有能显示中文的字体（查找了 %s 和 %s）：请安装 fonts-noto-cjk 软件包（apt-get install fonts-noto-cjk），或在设置 print_font 中写明已安装的中文字体",
"cannot make the PDF: %s": "无法生成 PDF：%s",
"cannot make the PDF: the process drawing it failed": "无法生成 PDF：绘制 PDF 的进程出错",
"unknown kind of print": "未知的打印种类",
"printed, but the audit log could not record it": "已打印，但审计日志未能记录",
"cannot write to standard output": "无法写到标准输出",
"not recorded": "未记录",
"%d-%d-%d (year, month, day)": "%d年%d月%d日",
"Household number: ": "户编号：",
"Head: ": "户主：",
"Members: ": "家庭人口：",
"Household type: ": "户类型：",
"Phone: ": "联系电话：",
"Address: ": "家庭住址：",
"Category: ": "监测对象类别：",
"Status: ": "当前状态：",
"Identified on: ": "识别时间：",
"Risks: ": "风险类型：",
"Labour": "劳动技能",
"Members": "家庭成员",
"Income": "收入情况",
"No income has been recorded.": "尚未登记收入。",
"Income in %d": "%d年收入情况",
"Net income: ": "家庭纯收入：",
"Per capita: ": "人均纯收入：",
"Monitoring line: ": "当年监测线：",
"%s above the line": "高于监测线 %s",
"%s below the line": "低于监测线 %s",
"Against the line: ": "对比监测线：",
"not set for that year": "当年未设定",
"Category": "类别",
"Measure": "措施内容",
"From": "开始日期",
"To": "结束日期",
"Assistance measures": "帮扶措施",
"ongoing": "持续中",
"Unit": "工作单位",
"Responsible cadres": "帮扶责任人",
"not assigned yet": "尚未明确",
"household %s is outside your scope": "户 %s 不在您的管辖范围内",
"Monitoring and assistance card": "防止返贫监测帮扶明白卡",
"Supervision hotline: %s": "监督电话：%s",
"Head (signature): ": "户主（签字）：",
"Responsible cadre (signature): ": "帮扶责任人（签字）：",
"no household to print": "没有要打印的农户",
"After a home check and the democratic appraisal of the village committees' (enlarged) meeting, the risk of the %zu households below is found stably eliminated and they are proposed to be marked as risk eliminated. ": "经入户核实、村两委（扩大）会议民主评议，以下 %zu 户监测对象返贫致贫风险已稳定消除，拟标注为风险消除，现予以公示。",
"After application or screening, a home check and the democratic appraisal of the village committees' (enlarged) meeting, the %zu households below are proposed as monitoring objects. ": "经农户申请或干部排查、入户核实、村两委（扩大）会议民主评议，拟将以下 %zu 户纳入防止返贫监测对象，现予以公示。",
"They are made public for %d days, from %s to %s. ": "公示期为 %d 天（%s至%s）。",
"Each household's publicity period is in the list. ": "各户公示期见下表。",
"Objections may be raised within the publicity period, in writing or in person, with the village committee or the %s people's government. Supervision hotline: %s.": "如有异议，请在公示期内以书面或口头形式向村民委员会或%s人民政府反映。监督电话：%s。",
"No.": "序号",
"Group": "村民小组",
"Elimination": "消除方式",
"Publicity": "公示期",
"%s is outside your scope": "%s 不在您的管辖范围内",
"no household of %s is in elimination publicity now": "%s 目前没有处于风险消除公示中的农户",
"no household of %s is in publicity now": "%s 目前没有处于公示中的农户",
"Publicity of risk elimination of monitoring objects": "防止返贫监测对象风险消除公示",
"Publicity of monitoring objects": "防止返贫监测对象识别公示",
"%s village committee": "%s村民委员会",
"Visit worklist": "走访任务清单",
"Responsible cadre: %s (%s)    visits due by %s": "帮扶责任人：%s（%s）    截至%s应走访",
"Last visit": "上次走访",
"Due": "应访日期",
"never": "未走访",
"%d days late": "逾期 %d 天",
"no visit falls due in that time": "这段时间内没有到期的走访",
"Visit the households in the order of the due date; the late ones first.": "请按应访日期先后走访，已逾期的优先。",
"Print": "打印",
"Send to": "去向",
"The printer (through the print command), or a file to fetch with SFTP.  F4 shows the choices.": "打印机（经打印命令）或文件（可用 SFTP 取回）。按F4列出选项。",
"Format": "格式",
"PDF on A4 pages, or plain text for text printers and e-mail.": "A4 页面的 PDF，或供文本打印机和邮件用的纯文本。",
"Printer": "打印机",
"The printer's name; empty for the default printer.": "打印机名称；不填则用默认打印机。",
"Copies": "份数",
"How many copies, 1 to 99.": "打印几份，1 到 99。",
"File": "文件",
"Where to save the print when it goes to a file (on the server).": "保存为文件时的文件名（在服务器上）。",
"Overwrite the file": "覆盖已有文件",
"是 replaces a file of that name; 否 refuses to.": "是：替换同名文件；否：不替换。",
"printer": "打印机",
"file": "文件",
"PDF (A4)": "PDF（A4）",
"text": "文本",
"Give the file to save the print to.": "请填写保存打印的文件名。",
"The file exists already: give another name, or set Overwrite the file to 是 (%s).": "文件已存在：请换一个文件名，或把「覆盖已有文件」改为是（%s）。",
"Saved %s (recorded in the audit log).": "已保存 %s（已记入审计日志）。",
"Sent to the printer: %s, %d copies (recorded in the audit log).": "已送打印机：%s，%d 份（已记入审计日志）。",
"print the household card": "打印明白卡",
"household card of %s": "%s 的明白卡",
"tag": "选定",
"untag all": "全部取消选定",
"print": "打印",
"%zu household(s) tagged (p prints them together, T untags all).": "已选定 %zu 户（p 一并打印，T 全部取消）。",
"household cards of the %zu tagged households": "选定的 %zu 户的明白卡",
"elimination publicity list of %s": "%s 风险消除公示名单",
"publicity list of %s": "%s 识别公示名单",
"visit worklists: visits due within 7 days and late ones": "走访任务清单：7 天内到期和已逾期的走访",
"Household cards of the %zu tagged households": "选定的 %zu 户的明白卡",
"Household card of %s": "%s 的明白卡",
"Publicity list of %s (households in publicity)": "%s 识别公示名单（公示中的农户）",
"Elimination publicity list of %s": "%s 风险消除公示名单",
"Visit worklists per cadre (due within 7 days, and late)": "按帮扶责任人的走访任务清单（7 天内到期及已逾期）",
"No household is tagged now.": "已全部取消选定。",
}
