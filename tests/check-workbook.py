#!/usr/bin/python3
"""Reads a workbook with openpyxl (an independent reader) and prints what
test-workbook-export checks, as JSON: for each sheet its name, size, frozen
pane, autofilter, page setup, page header, column widths, whether the header
row is bold, and every cell as [type, text]."""
import datetime
import json
import sys

import openpyxl


def cell(value):
    if value is None:
        return ["none", ""]
    if isinstance(value, datetime.datetime):
        return ["datetime", value.isoformat()]
    if isinstance(value, bool):
        return ["bool", str(value)]
    if isinstance(value, (int, float)):
        return ["number", repr(value)]
    return ["text", value]


def main():
    workbook = openpyxl.load_workbook(sys.argv[1])
    sheets = []
    for ws in workbook.worksheets:
        letters = [openpyxl.utils.get_column_letter(c) for c in range(1, ws.max_column + 1)]
        sheets.append({
            "name": ws.title,
            "rows": ws.max_row,
            "columns": ws.max_column,
            "freeze": ws.freeze_panes,
            "autofilter": ws.auto_filter.ref,
            "orientation": ws.page_setup.orientation,
            "paper": ws.page_setup.paperSize,
            "header_center": ws.oddHeader.center.text,
            "header_right": ws.oddHeader.right.text,
            "widths": [ws.column_dimensions[c].width for c in letters],
            "bold": all(c.font.b for c in ws[1]),
            "wrapped": [bool(c.alignment.wrap_text) for c in ws[2]] if ws.max_row > 1 else [],
            "date_format": ws["B2"].number_format,
            "cells": [[cell(v) for v in row] for row in ws.iter_rows(values_only=True)],
        })
    json.dump({"sheets": sheets}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
