# tr-field.py - Chinese for the messages of src/core/field.c, for
# /tmp/po_fill.py (the integrator re-applies it when merging po files).
TR = {
    "this field": "此项",
    "%s may contain only Chinese characters and the middle dot of minority names; remove digits, letters, spaces and punctuation.":
        "%s只能填写汉字和少数民族姓名中的间隔号，请去掉数字、字母、空格和标点。",
    "%s: the middle dot goes between the parts of a name, never first, last or twice in a row; check the name.":
        "%s：间隔号只能放在姓名的两部分之间，不能在开头或末尾，也不能连用，请检查姓名。",
    "%s must be a mobile number of 11 digits (e.g. 13812345678) or a landline with its area code (e.g. 0871-1234567); check the number.":
        "%s应为11位手机号（如13812345678）或带区号的固定电话（如0871-1234567），请检查号码。",
    "%s is not a date in a form we know; type it as year-month-day, e.g. 2024-03-05.":
        "%s不是可识别的日期，请按年-月-日填写，如2024-03-05。",
    "%s: %s does not exist: months go from 1 to 12; check the month.":
        "%s：%s不存在：月份只能是1到12，请检查月份。",
    "%s: %s does not exist: %d-%d has only %d days; check the day.":
        "%s：%s不存在：%d年%d月只有%d天，请检查日期。",
    "%s: the year must be between 1900 and 2199; check the year.":
        "%s：年份应在1900到2199之间，请检查年份。",
    "%s cannot be later than today (%s); check the date.":
        "%s不能晚于今天（%s），请检查日期。",
    "%s must be between %s and %s; check it.":
        "%s应在%s到%s之间，请检查。",
    "%s is not a month in a form we know; type it as year-month, e.g. 2024-03.":
        "%s不是可识别的年月，请按年-月填写，如2024-03。",
    "%s cannot be later than this month (%s); check it.":
        "%s不能晚于本月（%s），请检查。",
    "%s cannot be negative; remove the minus sign.":
        "%s不能为负数，请去掉负号。",
    "%s has at most two decimals (fen), e.g. 1234.50; check the amount.":
        "%s最多两位小数（到分），如1234.50，请检查金额。",
    "%s is too large: at most 999999999999.99 yuan; check the amount.":
        "%s过大，最多999999999999.99元，请检查金额。",
    "%s is not an amount; type yuan with at most two decimals, e.g. 1234.50.":
        "%s不是有效的金额，请填写以元为单位、最多两位小数的数字，如1234.50。",
    "%s must be between %s and %s yuan; check the amount.":
        "%s应在%s元到%s元之间，请检查金额。",
    "%s must be a whole number (digits only), e.g. 12.":
        "%s应为整数（只填数字），如12。",
    "%s: the number is too large; check it.":
        "%s：数字太大，请检查。",
    "%s: %s matches more than one entry; type more of it, or press Enter (or F4) to pick from the list.":
        "%s：%s对应不止一项，请多输入几个字，或按回车（或F4）从列表中选择。",
    "%s: %s is not in the list; press Enter (or F4) to pick from the list.":
        "%s：列表中没有%s，请按回车（或F4）从列表中选择。",
    "%s: the code table \"%s\" is not in the policy files; ask the administrator to check codes.conf.":
        "%s：政策文件中没有代码表%s，请管理员检查codes.conf。",
    "%s: choose at most %zu items; %zu were given. Remove some.":
        "%s最多选%zu项，现在是%zu项，请删减。",
    "%s: %s is given twice; keep it once.":
        "%s：%s重复了，请只保留一次。",
    "%s: answer yes or no (also y or n, 1 or 0).":
        "%s请填是或否（也可填y或n、1或0）。",
    "%s contains bytes that are not valid text (UTF-8); delete them and type it again.":
        "%s中有无法识别的字节（不是有效的UTF-8文本），请删除后重新输入。",
    "Please fill in %s.":
        "请填写%s。",
    "%s takes at most %d characters; %zu were typed. Please shorten it.":
        "%s最多%d字，现在是%zu字，请删减。",
    "%s contains a control character (such as a tab or a line break); delete it.":
        "%s中有控制字符（如制表符或换行），请删除。",
}
