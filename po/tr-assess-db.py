# Chinese for the assessment rounds (db/db_assess.c).
# Applied with: python3 tools/po_fill.py po/zh_CN.po po/tr-assess-db.py
TR = {
"assessment rounds are kept by county staff": "考核轮次由县级工作人员管理",
"cannot read the template '%s': %s": "无法读取考核模板'%s'：%s",
"the template '%s' is too long or not UTF-8 text": "考核模板'%s'过长或不是 UTF-8 文本",
"a unit chosen does not exist or is outside your scope": "所选考核对象不存在或不在您的管辖范围内",
"there is no unit to assess": "没有可考核的对象",
"unknown unit '%s'": "未知的考核对象类型'%s'",
"%d %s": "%d年%s",
"there is no assessment round #%lld": "没有第 %lld 号考核轮次",
"reading the assessment rounds": "读取考核轮次",
"reading the units of the round": "读取考核对象",
"reading the units": "读取考核对象",
"reading the scores": "读取评分",
"the unit is not in this round": "该对象不在本轮考核中",
"someone else scored this indicator meanwhile; nothing was written": "其他人已同时为该指标评分，本次未保存",
"the round is final; reopen it (with a reason) to change a score": "本轮考核已定稿；如需改分，请先（说明理由）重新开启",
"%s is computed from the data, not scored by hand": "%s 由数据自动计算，不能手工评分",
"the points of %s must be from -%s to %s": "%s 的分值应在 -%s 到 %s 之间",
"the points of %s must be from 0 to %s": "%s 的分值应在 0 到 %s 之间",
"say why in the note: points taken off or a bonus need a reason": "请在说明中写明理由：扣分或加减分都须说明",
"the note or the evidence is too long or not text": "说明或佐证过长或不是文本",
"the template has no indicator %s": "模板中没有指标 %s",
"someone else changed this round meanwhile; nothing was written": "其他人已同时修改本轮考核，本次未保存",
"%d indicators scored by hand have no points yet (%s%s)": "还有 %d 项人工评分指标未评分（%s%s）",
", ...": "等",
"the round is final already": "本轮考核已经定稿",
"give the reason for reopening the round": "请填写重新开启本轮考核的理由",
"the round is open already": "本轮考核尚未定稿",
}
TR.update({
"the template was not read from its file": "考核模板未从文件读取",
})
