# Chinese translations of the funds prints (src/print/prints_funds.c) and
# of `zhenxing print projects|allocation|assets` (src/cli/cmd_print.c).
# Applied with: python3 tools/po_fill.py po/zh_CN.po po/tr-funds-print.py
TR = {
    "card|publicity|visits|projects|allocation|assets ... [options]":
        "card|publicity|visits|projects|allocation|assets ... [选项]",
    "print household cards, publicity lists, worklists and the funds prints":
        "打印明白卡、公示名单、走访任务清单和资金项目公告公示",
    "  print card HH_NO...                 household cards (明白卡), one per household\n"
    "  print publicity VILLAGE [--elimination]\n"
    "                                      the village's publicity list (公示) of the\n"
    "                                      households in publicity now; VILLAGE as 乡镇/村\n"
    "  print visits [--cadre NAME] [--days N]\n"
    "                                      visit worklists per responsible cadre, visits\n"
    "                                      due within N days (default 7) and late ones\n"
    "  print projects YEAR [PLACE] [--stage village|township|county|plan]\n"
    "                [--from DATE --to DATE]\n"
    "                                      the project publicity of YEAR (项目公示): the\n"
    "                                      projects in that publicity now, or for plan\n"
    "                                      (the default) the year's plan announcement;\n"
    "                                      PLACE as 乡镇 or 乡镇/村; the period from the\n"
    "                                      projects' history unless given\n"
    "  print allocation RECEIPT | --year YEAR\n"
    "                                      the fund allocation announcement (资金分配结果\n"
    "                                      公告) of a receipt (its id or 文号) or a year\n"
    "  print assets [PLACE]                the asset ledger (资产台账) of the county, a\n"
    "                                      township or a village, in three ledgers\n"
    "  --format pdf|text   what to make (default: the setting print_format, pdf)\n"
    "  -o, --output FILE   save to FILE (- for standard output) instead of printing\n"
    "  --force             overwrite FILE if it exists\n"
    "  --printer NAME      the printer (default: the setting printer)\n"
    "  --copies N          copies, 1 to 99 (default: the setting copies)\n"
    "Prints go to the print command (setting print_command, default lp), run\n"
    "without a shell as PROGRAM [-d PRINTER] -n COPIES -t TITLE -- FILE.  Every\n"
    "print is recorded in the audit log of each household (project, receipt,\n"
    "asset) it shows.  An account sees only its own township or village.\n":
        "  print card 户编号...                 明白卡，每户一份\n"
        "  print publicity 行政村 [--elimination]\n"
        "                                      该村正在公示的农户的公示名单；行政村写作\n"
        "                                      乡镇/村；--elimination 为风险消除公示\n"
        "  print visits [--cadre 姓名] [--days N]\n"
        "                                      按帮扶责任人分列的走访任务清单：N 天内\n"
        "                                      （默认 7 天）到期的和已逾期的走访\n"
        "  print projects 年度 [地点] [--stage village|township|county|plan]\n"
        "                [--from 日期 --to 日期]\n"
        "                                      该年度的项目公示：正处于该公示阶段的项目\n"
        "                                      （村级、乡镇、县级）；plan（默认）为年度\n"
        "                                      项目计划公告；地点写作 乡镇 或 乡镇/村；\n"
        "                                      公示期默认取自项目的办理记录\n"
        "  print allocation 资金 | --year 年度\n"
        "                                      资金分配结果公告：一笔下达资金（编号或\n"
        "                                      文号）或一个年度的全部资金\n"
        "  print assets [地点]                 全县、乡镇或行政村的项目资产台账，分三类\n"
        "                                      台账\n"
        "  --format pdf|text   生成 PDF 或文本（默认取设置 print_format，即 pdf）\n"
        "  -o, --output 文件   保存到文件（- 为标准输出），不送打印机\n"
        "  --force             文件已存在时覆盖\n"
        "  --printer 名称      打印机（默认取设置 printer）\n"
        "  --copies N          份数，1 到 99（默认取设置 copies）\n"
        "打印送往打印命令（设置 print_command，默认 lp），不经过 shell，以\n"
        "程序 [-d 打印机] -n 份数 -t 标题 -- 文件 的形式运行。每次打印都记入\n"
        "所涉每户（项目、资金、资产）的审计日志。账号只能打印本乡镇或本村的内容。\n",
    "%s takes a date as YYYY-MM-DD": "%s 的值应为日期，格式为 YYYY-MM-DD",
    "--stage takes village, township, county or plan":
        "--stage 的值应为 village（村级公示）、township（乡镇公示）、county（县级公示）或 plan（年度计划公告）",
    "--year takes a year from 2000 to 2100": "--year 的值应为 2000 到 2100 之间的年份",
    "'%s' is not a year from 2000 to 2100": "'%s'不是 2000 到 2100 之间的年份",
    "give the year of the projects": "请给出项目的年度",
    "give --from and --to, the first day not after the last":
        "请同时给出 --from 和 --to，且开始日期不晚于结束日期",
    "give the receipt (its id or document number) or --year, not both":
        "请给出一笔资金（编号或文号）或 --year，二者选一",
    "say what to print: card, publicity, visits, projects, allocation or assets":
        "请说明要打印什么：card（明白卡）、publicity（公示名单）、visits（走访任务清单）、projects（项目公示）、allocation（资金分配结果公告）或 assets（资产台账）",
    "'%s' is not a print: card, publicity, visits, projects, allocation or assets":
        "没有'%s'这种打印：可选 card、publicity、visits、projects、allocation 或 assets",
    "no receipt has the document number %s": "没有文号为%s的资金",
    "%zu receipts have the document number %s: give the receipt's id":
        "有 %zu 笔资金的文号都是%s，请给出资金编号",
    "%s is not a township or a village": "%s不是乡镇或行政村",
    "project publicity": "项目公示",
    "fund allocation announcement": "资金分配结果公告",
    "asset ledger": "资产台账",
    "%s people's government": "%s人民政府",
    "Objections may be raised within the publicity period, in writing or in person, with %s. Supervision hotline: %s.":
        "如有异议，请在公示期内以书面或口头形式向%s反映。监督电话：%s。",
    "Questions and objections may be raised with %s. Supervision hotline: %s.":
        "如有疑问或异议，请向%s反映。监督电话：%s。",
    "; ": "；",
    "%s %s yuan": "%s %s元",
    "%s to %s": "%s至%s",
    "a project chosen is outside your scope": "所选项目中有不在您管辖范围内的项目",
    "Announcement of the annual project plan": "年度项目实施计划公告",
    "Village publicity of proposed projects": "项目申报村级公示",
    "Township publicity of projects": "项目入库乡镇公示",
    "County publicity of projects approved into the pool": "项目入库县级审定公示",
    "After the discussion of the village committees' meeting and the villagers' representatives' meeting, the %zu projects below are proposed for the %d project pool for consolidating the achievements in poverty alleviation and rural revitalization, and are made public here. ":
        "经村两委会议和村民代表大会研究，拟申报以下 %zu 个项目纳入 %d 年度巩固拓展脱贫攻坚成果和乡村振兴项目库，现予以公示。",
    "After the township's review, the %zu projects below are proposed for the %d project pool for consolidating the achievements in poverty alleviation and rural revitalization, and are made public here. ":
        "经乡镇审核，拟将以下 %zu 个项目纳入 %d 年度巩固拓展脱贫攻坚成果和乡村振兴项目库，现予以公示。",
    "After the county's argument and approval, the %zu projects below enter the %d project pool for consolidating the achievements in poverty alleviation and rural revitalization, and are made public here. ":
        "经县级论证审定，以下 %zu 个项目纳入 %d 年度巩固拓展脱贫攻坚成果和乡村振兴项目库，现予以公示。",
    "The %zu projects below are in the %d annual plan of projects for consolidating the achievements in poverty alleviation and rural revitalization, and are announced here. ":
        "以下 %zu 个项目已列入 %d 年度巩固拓展脱贫攻坚成果和乡村振兴项目实施计划，现予以公告。",
    "Document: %s. ": "文号：%s。",
    "Each project's publicity period is given with it. ": "各项目的公示期见项目明细。",
    "Place": "建设地点",
    "Type": "项目类型",
    "Total investment (yuan)": "总投资（元）",
    "Total": "合计",
    "own funds and others": "自筹及其他",
    "to be arranged": "待安排",
    "Project number: ": "项目编号：",
    "Project type: ": "项目类型：",
    "Construction site: ": "建设地点：",
    "Implemented by: ": "实施单位：",
    "Construction period: ": "建设期限：",
    "Total investment: ": "总投资：",
    "Fund sources: ": "资金来源：",
    "%d households, %d persons; of them out of poverty %d households, %d persons; monitored %d households, %d persons":
        "%d 户 %d 人，其中脱贫户 %d 户 %d 人，监测户 %d 户 %d 人",
    "Beneficiaries: ": "受益对象：",
    "Publicity period: ": "公示期：",
    "Construction content and scale: ": "建设内容及规模：",
    "Farmer-linking mechanism: ": "联农带农机制：",
    "Performance targets: ": "绩效目标：",
    "Year %d": "%d年度",
    "unknown kind of publicity": "未知的公示类型",
    "no project of %d is on that list": "%d年度没有处于该公示阶段的项目",
    "give a receipt or a year": "请给出一笔资金或一个年度",
    "Document number: ": "文号：",
    "Fund type: ": "资金类型：",
    "Task: ": "任务类别：",
    "Batch: ": "批次：",
    "Amount received: ": "下达金额：",
    "Allocated amount (yuan)": "分配金额（元）",
    "Received %s yuan; allocated %s yuan; not yet allocated %s yuan.":
        "下达 %s 元，已分配 %s 元，尚未分配 %s 元。",
    "Fund and document": "资金名称及文号",
    "Received (yuan)": "下达金额（元）",
    "Allocated (yuan)": "已分配（元）",
    "Announcement of fund allocation results": "资金分配结果公告",
    "The allocation to projects of the funds received for %d is announced as follows.":
        "现将 %d 年度资金分配到项目的结果公告如下。",
    "The allocation of the funds below to projects is announced as follows.":
        "现将以下资金分配到项目的结果公告如下。",
    "Only the allocations to projects of %s are listed.": "本公告仅列出分配给%s项目的资金。",
    "nothing of that receipt is allocated to projects you see":
        "该笔资金没有分配给您管辖范围内的项目",
    "nothing received for %d is allocated to projects you see":
        "%d 年度的资金没有分配给您管辖范围内的项目",
    "Asset number\nYear\nStatus": "资产编号\n形成年度\n状态",
    "Asset name\nProject": "资产名称\n所属项目",
    "Type\nScale\nPlace": "类型\n规模\n地点",
    "Original value (yuan)\nFund sources": "原值（元）\n资金来源",
    "Ownership\nOperation\nUpkeep by": "确权\n经营方式\n管护主体",
    "Latest income\n(yuan)": "最近收益\n（元）",
    "household %s": "农户 %s",
    "in %d\n%s": "%d年\n%s",
    "%s ledger": "%s台账",
    "Subtotal: %zu assets": "小计：%zu 项",
    "Class": "资产类别",
    "Number of assets": "项数",
    "Original value (yuan)": "原值（元）",
    "Summary": "汇总",
    "Ledger of project assets": "项目资产台账",
    "as of %s": "截至%s",
    "Prepared by (signature): ": "制表人（签字）：",
    "Checked by (signature): ": "审核人（签字）：",
    "no asset of %s is in the ledger": "台账中没有%s的资产",
}
