# Chinese translations of the messages of src/db/db_edit.c (saving records
# from the forms).  Applied with: python3 po_fill.py po/zh_CN.po po/tr-edit.py
TR = {
    "reading the registry": "读取台账",
    "the %s #%lld does not exist; someone may have deleted it":
        "%s#%lld不存在，可能已被他人删除",
    "household #%lld has no income for %d": "农户#%lld没有%d年的收支记录",
    "household #%lld has no guarantees recorded for %d":
        "农户#%lld没有%d年的保障情况记录",
    "your account is read-only: it can look at the registry but not change it":
        "您的账号为只读账号，只能查看台账，不能修改",
    "household %s is outside your scope; you cannot change it":
        "农户%s不在您的权限范围内，您不能修改",
    "the village chosen is not a village of the township chosen; choose the township first, then one of its villages":
        "所选行政村不属于所选乡镇，请先选乡镇，再选该乡镇下的行政村",
    "the natural village chosen does not belong to the village chosen":
        "所选自然村不属于所选行政村",
    "the household number %s is already used by another household; leave it empty to get the next free number":
        "户编号%s已被其他农户使用；留空即可自动取下一个可用编号",
    "the ID number %s is already registered to a member of household %s; a person belongs to one household only (remove them there first)":
        "身份证号%s已登记为农户%s的家庭成员；一人只能属于一户（请先在该户办理减员）",
    "household %s was changed by someone else meanwhile; look at their changes before saving yours":
        "农户%s的信息已被他人修改，请查看对方的修改后再保存",
    "%s is not an administrative village; household numbers are given by village":
        "%s不是行政村；户编号按行政村编排",
    "village %s has no 12-digit division code, so no household number can be made for it; type the number, or ask county IT to record the village's code":
        "行政村%s没有12位区划代码，无法自动生成户编号；请手工填写户编号，或请县级系统管理员录入该村的区划代码",
    "village %s has used every household number up to %s9999; type the number":
        "行政村%s的户编号已用到%s9999，请手工填写户编号",
    "the household number is required": "户编号不能为空",
    "a household needs at least one member": "一户至少要有一名家庭成员",
    "%s and %s have the same ID number %s; check both":
        "%s和%s的身份证号相同（%s），请核对两人的证件",
    "exactly one member must have the relation '%s' (now %zu do); choose the head of the household":
        "必须有且只有一名成员的与户主关系为'%s'（现有%zu名），请确定户主",
    "the village chosen is outside your scope; you can add households only where you work":
        "所选行政村不在您的权限范围内，您只能在本辖区内新增农户",
    "member %zu (%s)": "第%zu名成员（%s）",
    "the member %s of household %s was changed by someone else meanwhile; look at their changes before saving yours":
        "农户%2$s的家庭成员%1$s的信息已被他人修改，请查看对方的修改后再保存",
    "%s is a member of household %s; a member cannot be moved to another household here":
        "%s是农户%s的家庭成员，不能在此将其转到其他农户",
    "%s has already left household %s": "%s已从农户%s减员",
    "%s is the head of household %s and %lld other members remain; make another member the head first, then remove %s":
        "%1$s是农户%2$s的户主，户内还有%3$lld名其他成员；请先将其他成员设为户主，再对%4$s办理减员",
    "give the reason why the member leaves the household": "请填写减员原因",
    "the reason is too long: at most %d bytes (about %d Chinese characters)":
        "原因太长：最多%d字节（约%d个汉字）",
    "the day the member left cannot be after today": "减员日期不能晚于今天",
    "the %s of %d of household %s was added by someone else meanwhile; look at it before saving yours":
        "农户%3$s的%2$d年%1$s记录已由他人录入，请先查看后再保存",
    "household %s already has the %s of %d; change that one instead":
        "农户%1$s已有%3$d年的%2$s记录，请修改该记录",
    "the %s of %d of household %s was changed by someone else meanwhile; look at their changes before saving yours":
        "农户%3$s的%2$d年%1$s记录已被他人修改，请查看对方的修改后再保存",
    "this record belongs to household %s; it cannot be moved to another household":
        "该记录属于农户%s，不能转到其他农户",
    "give the day the guarantees were checked": "请填写保障情况的核查日期",
    "the measure names a monitoring case that is not one of household %s":
        "该帮扶措施所关联的监测记录不属于农户%s",
    "a %s of household %s was changed by someone else meanwhile; look at their changes before saving yours":
        "农户%2$s的一条%1$s记录已被他人修改，请查看对方的修改后再保存",
    "looking for similar households": "查找相似农户",
}
