#!/usr/bin/python3
"""Workbooks for test-xlsx-reader and test-import, written by openpyxl (an
independent writer): xlsx-fixtures.py OUTDIR writes OUTDIR/roster.xlsx (1900
date system) and OUTDIR/roster-1904.xlsx (1904 system), each with a notes
sheet first and a roster sheet whose title is merged above the header; and
OUTDIR/ledger.xlsx, a secretary's own workbook of members and activities
(typed dates, times and numbers, titles, a party group merged down its
members' rows) and OUTDIR/ledger-bad.xlsx, the same with a wrong cell."""
import datetime
import os
import sys

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904


def roster(path, date1904):
    wb = openpyxl.Workbook()
    if date1904:
        wb.epoch = CALENDAR_MAC_1904
    notes = wb.active
    notes.title = "说明"
    notes["A1"] = "这张表是党员名册"
    ws = wb.create_sheet("党员名册")

    ws["A1"] = "星湖科技园区第一党支部 2025年党员名册"
    ws.merge_cells("A1:I1")
    ws.append([])
    ws.append(["姓名", "党小组", "入党日期", "开始时间", "电话", "党员类别", "预备", "得分", "旧日期"])
    ws.append(["王建国", "第一党小组", datetime.date(1998, 7, 1), datetime.time(9, 30),
               13800000001, "正式党员", True, 2.5, 60])
    ws.append(["李秀英", None, datetime.date(2003, 6, 18), datetime.datetime(2025, 3, 10, 14, 0),
               "0551-1234", "正式党员", False, -1.25, None])
    ws.merge_cells("B4:B5")
    ws.append(["  ", None, None, None, None, " ", None, None, None])
    ws.append(["张伟", "第二党小组", 45000, 1.5, 1e20, "第一行\r\n第二行", None, 0.1, None])

    ws["C4"].number_format = "yyyy-mm-dd"
    ws["C5"].number_format = 'yyyy"年"m"月"d"日"'
    ws["C7"].number_format = "mm-dd-yy"           # built-in format 14
    ws["D4"].number_format = "h:mm"
    ws["D5"].number_format = "yyyy-mm-dd hh:mm"
    ws["D7"].number_format = "[h]:mm"
    ws["I4"].number_format = "yyyy-mm-dd"
    wb.save(path)


def ledger(path, bad):
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "封面"
    notes["A1"] = "城东社区第一党支部 台账"

    ws = wb.create_sheet("党员名册")
    ws["A1"] = "党员名册"
    ws.merge_cells("A1:E1")
    ws.append(["姓名", "党小组", "入党日期", "电话", "职务"])
    ws.append(["王建国", "第一党小组", datetime.date(1998, 7, 1), 13800000001, "书记"])
    ws.append(["李秀英", None, datetime.datetime(2003, 6, 18), None, "组织委员"])
    ws.append(["张伟", "第二党小组", datetime.date(2025, 1, 10), "0551-1234", None])
    ws.merge_cells("B3:B4")
    ws["C3"].number_format = "yyyy-mm-dd"
    ws["C4"].number_format = "yyyy-mm-dd hh:mm"
    ws["C5"].number_format = 'yyyy"年"m"月"d"日"'

    ws = wb.create_sheet("活动台账")
    ws["A1"] = "2025年活动台账"
    ws.merge_cells("A1:H1")
    ws["A2"] = "制表：李秀英"
    ws.append(["类型", "日期", "开始时间", "结束时间", "主题", "出席", "缺席", "应到"])
    ws.append(["主题党日", datetime.date(2025, 3, 10), datetime.time(9, 0), datetime.time(11, 30),
               "学习全国两会精神", "王建国、李秀英", "张伟（公出）", 3])
    ws.append(["支部委员会", datetime.date(2025, 3, 12) if not bad else "2025年3月12日",
               datetime.time(14, 0), None, "研究三月工作", "王建国、李秀英", None, 2])
    for row in (4, 5):
        ws.cell(row, 2).number_format = "yyyy-mm-dd"
        ws.cell(row, 3).number_format = "hh:mm:ss"
        ws.cell(row, 4).number_format = "h:mm"
    wb.save(path)


def main():
    out = sys.argv[1]
    roster(os.path.join(out, "roster.xlsx"), False)
    roster(os.path.join(out, "roster-1904.xlsx"), True)
    ledger(os.path.join(out, "ledger.xlsx"), False)
    ledger(os.path.join(out, "ledger-bad.xlsx"), True)


if __name__ == "__main__":
    main()
