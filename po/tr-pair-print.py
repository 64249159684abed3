# Chinese translations of the paired-assistance prints (src/print/prints_pair.c),
# `zhenxing print partner|attendance` (src/cli/cmd_print.c), and the messages
# of the pairing data layer that main had not translated.
# Applied with: python3 tools/po_fill.py po/zh_CN.po po/tr-pair-print.py
TR = {
    'card|publicity|visits|projects|allocation|assets|partner|attendance ... [options]':
        'card|publicity|visits|projects|allocation|assets|partner|attendance ... [选项]',
    'print household cards, publicity lists, worklists, the funds and the pairing prints':
        '打印明白卡、公示名单、走访任务清单、资金项目公告公示和帮扶协作报表',
    "  print card HH_NO...                 household cards (明白卡), one per household\n  print publicity VILLAGE [--elimination]\n                                      the village's publicity list (公示) of the\n                                      households in publicity now; VILLAGE as 乡镇/村\n  print visits [--cadre NAME] [--days N]\n                                      visit worklists per responsible cadre, visits\n                                      due within N days (default 7) and late ones\n  print projects YEAR [PLACE] [--stage village|township|county|plan]\n                [--from DATE --to DATE]\n                                      the project publicity of YEAR (项目公示): the\n                                      projects in that publicity now, or for plan\n                                      (the default) the year's plan announcement;\n                                      PLACE as 乡镇 or 乡镇/村; the period from the\n                                      projects' history unless given\n  print allocation RECEIPT | --year YEAR\n                                      the fund allocation announcement (资金分配结果\n                                      公告) of a receipt (its id or 文号) or a year\n  print assets [PLACE]                the asset ledger (资产台账) of the county, a\n                                      township or a village, in three ledgers\n  print partner PARTNER --year YEAR   a partner's targets against actuals for YEAR\n                                      with the year's records; PARTNER by name or id\n  print attendance PLACE|TEAM_ID --month YYYY-MM\n                                      the monthly attendance of a resident team, or\n                                      of every team of a township or village\n  --format pdf|text   what to make (default: the setting print_format, pdf)\n  -o, --output FILE   save to FILE (- for standard output) instead of printing\n  --force             overwrite FILE if it exists\n  --printer NAME      the printer (default: the setting printer)\n  --copies N          copies, 1 to 99 (default: the setting copies)\nPrints go to the print command (setting print_command, default lp), run\nwithout a shell as PROGRAM [-d PRINTER] -n COPIES -t TITLE -- FILE.  Every\nprint is recorded in the audit log of each household (project, receipt,\nasset, partner, team member) it shows.  An account sees only its own\ntownship or village.\n":
        '  print card 户编号...                 明白卡，每户一份\n  print publicity 行政村 [--elimination]\n                                      该村正在公示的农户的公示名单；行政村写作\n                                      乡镇/村；--elimination 为风险消除公示\n  print visits [--cadre 姓名] [--days N]\n                                      按帮扶责任人分列的走访任务清单：N 天内\n                                      （默认 7 天）到期的和已逾期的走访\n  print projects 年度 [地点] [--stage village|township|county|plan]\n                [--from 日期 --to 日期]\n                                      该年度的项目公示：正处于该公示阶段的项目\n                                      （村级、乡镇、县级）；plan（默认）为年度\n                                      项目计划公告；地点写作 乡镇 或 乡镇/村；\n                                      公示期默认取自项目的办理记录\n  print allocation 资金 | --year 年度\n                                      资金分配结果公告：一笔下达资金（编号或\n                                      文号）或一个年度的全部资金\n  print assets [地点]                 全县、乡镇或行政村的项目资产台账，分三类\n                                      台账\n  print partner 帮扶单位 --year 年度   帮扶单位该年度目标任务完成情况及到位\n                                      记录；帮扶单位写名称或编号\n  print attendance 地点|工作队编号 --month YYYY-MM\n                                      驻村工作队员月度在岗情况表：一个工作队，\n                                      或一个乡镇、行政村的全部工作队\n  --format pdf|text   生成 PDF 或文本（默认取设置 print_format，即 pdf）\n  -o, --output 文件   保存到文件（- 为标准输出），不送打印机\n  --force             文件已存在时覆盖\n  --printer 名称      打印机（默认取设置 printer）\n  --copies N          份数，1 到 99（默认取设置 copies）\n打印送往打印命令（设置 print_command，默认 lp），不经过 shell，以\n程序 [-d 打印机] -n 份数 -t 标题 -- 文件 的形式运行。每次打印都记入\n所涉每户（项目、资金、资产、帮扶单位、工作队员）的审计日志。账号只能打印本乡镇或本村的内容。\n',
    "--month takes a month as YYYY-MM, e.g. 2026-10, not '%s'":
        '--month 的月份格式为 YYYY-MM，例如 2026-10，「%s」不是有效月份',
    'give the partner, by its name or id':
        '请给出帮扶单位（名称或编号）',
    'give the year of the targets with --year':
        '请用 --year 给出目标任务的年度',
    'give the team (its id) or the place, as 乡镇/村':
        '请给出工作队编号或地点（乡镇/村）',
    'give the month with --month YYYY-MM':
        '请用 --month YYYY-MM 给出月份',
    'say what to print: card, publicity, visits, projects, allocation, assets, partner or attendance':
        '请说明要打印什么：card、publicity、visits、projects、allocation、assets、partner 或 attendance',
    "'%s' is not a print: card, publicity, visits, projects, allocation, assets, partner or attendance":
        '「%s」不是可打印的内容：可选 card、publicity、visits、projects、allocation、assets、partner 或 attendance',
    'there is no partner with the id %s':
        '没有编号为 %s 的帮扶单位',
    "partner's targets and actuals":
        '帮扶单位目标任务完成情况表',
    'resident team attendance':
        '驻村工作队考勤表',
    'yuan (unit)':
        '元',
    'items (unit)':
        '个',
    'person-times (unit)':
        '人次',
    'persons (unit)':
        '人',
    '%s has neither an agreement nor records in %d':
        '%s 在 %d 年度既无帮扶协议也无到位记录',
    'the whole county':
        '全县',
    'from %s':
        '%s起',
    '%s (%s)':
        '%s（%s）',
    'Partner: ':
        '帮扶单位：',
    'Kind of assistance: ':
        '帮扶类型：',
    'Region: ':
        '所在地区：',
    'Agreement number: ':
        '协议文号：',
    'Signed on: ':
        '签订日期：',
    'no agreement this year':
        '本年度未签订协议',
    'Paired with: ':
        '结对地点：',
    'Target':
        '目标',
    'Actual':
        '实际完成',
    'Rate\nStatus':
        '完成率\n状态',
    'Shortfall':
        '差额',
    'Assistance funds total':
        '资金合计',
    'The year is over: a target not reached is missed. The rate is the actual over the target; the shortfall is what the target still lacks.':
        '全年已结束，未达到目标的指标为未完成。完成率为实际完成数除以目标数，差额为距目标尚缺的数量。',
    'As of %s, %d%% of the year has passed: a target is on pace when the actual reaches that share of it, else behind pace. The rate is the actual over the target; the shortfall is what the target still lacks.':
        '截至%s，全年时间已过 %d%%：实际完成数达到目标相应比例的为进度正常，否则为进度滞后。完成率为实际完成数除以目标数，差额为距目标尚缺的数量。',
    'Amount or number':
        '金额或数量',
    'Evidence':
        '佐证材料',
    '%zu records; money arrived %s yuan, of it assistance funds %s yuan.':
        '记录 %zu 条，到位资金 %s 元，其中帮扶资金 %s 元。',
    "Completion of the partner's yearly targets":
        '帮扶单位年度目标任务完成情况表',
    '1. Targets and actuals':
        '一、目标任务完成情况',
    '2. Records of the year':
        '二、本年度到位记录',
    'Reporting unit (seal): ':
        '填报单位（盖章）：',
    'give the year of the targets':
        '请给出目标任务的年度',
    'arrived on the %d':
        '%d日到村',
    'left on the %d':
        '%d日离村',
    'Unit of measure':
        '单位',
    'Place arrived':
        '落实地点',
    "Partner's level: ":
        '单位层级：',
    'not reported':
        '未填报',
    'meets the rule':
        '达标',
    'fewer than %d days in the village':
        '在村不足%d天',
    '%d days absent without leave':
        '无故缺勤%d天',
    'Name\nRole':
        '姓名\n职务',
    'Sending unit':
        '派出单位',
    'Days\npresent':
        '在村\n天数',
    'Days\nrequired':
        '应在村\n天数',
    'Days\nleave':
        '请假\n天数',
    'Days\nabsent':
        '无故\n缺勤',
    'Meets the rule':
        '是否达标',
    'Work team: ':
        '工作队：',
    'Village: ':
        '驻村地点：',
    'Sent by: ':
        '派出单位：',
    'Term: ':
        '任期：',
    'Monthly attendance of the resident work team':
        '驻村工作队员月度在岗情况表',
    '%d-%d (year and month)':
        '%d年%d月',
    '%zu members served this month; %zu broke the rule (at least %d days a month in the village, fewer when serving part of the month; no absence without leave).':
        '本月在岗队员 %zu 人，其中 %zu 人未达到在岗要求（每月在村不少于 %d 天，当月部分时间在岗的按比例计算；不得无故缺勤）。',
    '%zu members have no attendance recorded for the month.':
        '%zu 名队员本月未填报考勤。',
    'Work team leader (signature): ':
        '驻村工作队长（签字）：',
    'Township party committee review (seal): ':
        '乡镇党委审核（盖章）：',
    'Paired assistance: %ld partners, %ld pairings, %ld agreements with %ld targets, %ld records of arrivals; %ld resident teams with %ld members (%ld rotations), %ld months of attendance, %ld yearly grades.\n':
        '帮扶协作：帮扶单位%ld个，结对关系%ld个，年度协议%ld份（目标任务%ld项），到位记录%ld条；驻村工作队%ld个，队员%ld人（轮换%ld人次），月度考勤%ld条，年度考核%ld条。\n',
    'give the month, as YYYY-MM':
        '请给出月份（YYYY-MM）',
    'no resident team member served there in %s':
        '%s 该地没有在岗的驻村工作队员',
}
