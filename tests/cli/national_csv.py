#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# national_csv.py FILE [EDIT...] - a small national person-grain sheet for
# the tests (t21-import.sh, t51-import.sh): two households of 新西镇, one
# of 清湾乡, in 青山县; each EDIT "ROW|LABEL|VALUE" changes a cell (ROW 1
# is the first person), VALUE "DROP" removes the row, "CUT:N" keeps its
# first N cells, "ADD" appends two cells.
import csv, sys
def chk(s):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return s + '10X98765432'[sum(int(a) * b for a, b in zip(s, w)) % 11]
H = ("序号,数据日期,县(市、区、旗),乡(镇),行政村,自然村,户编号,人编号,姓名,证件号码,人数,"
     "与户主关系,民族,文化程度,在校生状况,健康状况,劳动技能,务工时间（月）,是否参加大病保险,"
     "致贫原因1,危房户,是否解决安全饮用水,人均纯收入,户联系电话,人联系电话,首次识别时间,"
     "人员识别时间,户类型,易返贫致贫户(监测对象)类型,风险是否消除,风险识别时间,风险消除时间").split(',')
def row(n, town, vill, nat, hh, name, idn, size, rel, cat, elim, ident, eliminated, pc):
    return [str(n), "2026-11-01", "青山县", town, vill, nat, hh, hh + "%02d" % n, name, idn,
            str(size), rel, "汉族", "小学", "非在校生", "健康", "普通劳动力", "6", "是", "因病",
            "否", "是", pc, "13800001111", "", "201401", "201401",
            "脱贫户" if cat != "边缘易致贫户" else "一般农户", cat, elim, ident, eliminated]
rows = [
    row(1, "新西镇", "红星村", "一组", "513401000001", "张三", chk("51340119700101001"), 2,
        "户主", "脱贫不稳定户", "否", "202104", "", "5200.50"),
    row(2, "新西镇", "红星村", "一组", "513401000001", "李四", chk("51340119720303002"), 2,
        "配偶", "脱贫不稳定户", "否", "202104", "", "5200.50"),
    row(3, "新西镇", "白云村", "", "513401000002", "王五", chk("51340119600505013"), 1,
        "户主", "边缘易致贫户", "是", "2022-3", "2023-05", "9100"),
    row(4, "清湾乡", "宝双村", "二组", "513401000003", "赵六", chk("51340119800808004"), 1,
        "户主", "", "", "", "", "12000"),
]
out, edits = sys.argv[1], sys.argv[2:]
drop = set()
for e in edits:
    r, label, value = e.split('|', 2)
    cells = rows[int(r) - 1]
    if value == "DROP":
        drop.add(int(r) - 1)
    elif value.startswith("CUT:"):
        del cells[int(value[4:]):]
    elif value == "ADD":
        cells += ["多余", "多余"]
    else:
        cells[H.index(label)] = value
with open(out, 'w', newline='', encoding='utf-8-sig') as f:
    w = csv.writer(f)
    w.writerow(H)
    w.writerows(r for i, r in enumerate(rows) if i not in drop)
