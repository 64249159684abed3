# Chinese for the assessment data sources (db/db_assess_src.c): what each
# computed indicator's input is made of.
# Applied with: python3 tools/po_fill.py po/zh_CN.po po/tr-assess-src.py
TR = {
"a township": "乡镇",
"a village": "村",
"a resident team": "驻村工作队",
"a partner": "帮扶单位",
"reading the divisions": "读取行政区划",
"%lld monitored households, %lld with assistance measures (%s)":
    "监测户%lld户，落实帮扶措施%lld户（%s）",
"no monitored household, taken as %s": "无监测户，按%s计",
"%lld monitored households with labour and a development measure due, %lld with one (%s)":
    "有劳动能力且应落实发展类措施的监测户%lld户，已落实%lld户（%s）",
"no monitored household with labour due a development measure, taken as %s":
    "无应落实发展类措施的有劳动能力监测户，按%s计",
"%lld households with a procedure step overdue": "超期未完成识别或消除程序%lld户",
"%lld households eliminated in the year, %lld of them too soon after identification":
    "年内消除风险%lld户，其中识别后未满规定期限即消除%lld户",
"%lld monitored households, %lld visited on time (%s)":
    "监测户%lld户，按期走访%lld户（%s）",
"%lld households publicized in the year, %lld with every publicity long enough (%s)":
    "年内公示%lld户，公示期均合规%lld户（%s）",
"no household publicized in the year, taken as %s": "年内无公示，按%s计",
"%lld member-months of attendance, %lld keeping the rule (%s)":
    "队员月度考勤%lld人次，达标%lld人次（%s）",
"no attendance recorded in the year, taken as %s": "年内无考勤记录，按%s计",
"%lld member-months recorded, %lld days absent without leave":
    "记录考勤%lld人次，无故缺勤%lld天",
"%lld months of the term in the year, %lld with a first secretary and at least %d members serving (%s)":
    "年内任期%lld个月，其中%lld个月第一书记在任且在岗队员不少于%d人（%s）",
"no month of the team's term in the year, taken as %s": "年内不在任期内，按%s计",
"%lld targets of the year, %lld met or on pace (%s)":
    "年度目标%lld项，已完成或达到进度%lld项（%s）",
"no target agreed for the year, taken as %s": "年度无协议目标，按%s计",
"%s yuan of xianjie funds allocated to the township's projects, %s yuan to industry projects (%s)":
    "本乡镇项目分配衔接资金%s元，其中产业项目%s元（%s）",
"no xianjie funds allocated to the township's projects, taken as %s":
    "本乡镇项目未分配衔接资金，按%s计",
"%lld allocations to the township's projects, %lld results published late or overdue":
    "本乡镇项目资金分配%lld笔，分配结果逾期公告或超期未公告%lld笔",
"no funds allocated to the township's projects, taken as %s": "本乡镇项目未分配资金，按%s计",
"%s yuan allocated, %s yuan paid; no payment milestone due by %s, taken as %s":
    "已分配%s元，已支付%s元；截至%s尚无时序进度要求，按%s计",
"%s yuan allocated, %s yuan paid; the milestone in force on %s asks for %s, %s yuan (%s)":
    "已分配%s元，已支付%s元；%s时序进度要求支付%s即%s元（完成%s）",
"%lld projects of the year, %lld with every publicity long enough (%s)":
    "年度项目%lld个，公示期均合规%lld个（%s）",
"no project of the year, taken as %s": "年度无项目，按%s计",
"%lld public-welfare assets, %lld with a maintainer (%s)":
    "公益性资产%lld项，落实管护主体%lld项（%s）",
"no public-welfare asset, taken as %s": "无公益性资产，按%s计",
"unknown assessment data source '%s'": "未知的考核数据来源「%s」",
"the data source '%s' does not apply to %s": "数据来源「%s」不适用于%s",
"year %d is out of range": "年度%d超出范围",
}
