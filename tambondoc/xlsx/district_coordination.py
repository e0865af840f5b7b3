"""The district's coordination list to the district-level local-plan coordination committee
(คณะกรรมการประสานแผนพัฒนาท้องถิ่นระดับอำเภอ, seed 004): one workbook, a sheet per อปท. of the
district with the projects every tambon sends it, in the columns of form ผ.02/1 as the tambon's own
list (``context.columns``), the tambon beside each project, a total row of formulas."""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from tambondoc.context.columns import (
    COORDINATION_AFTER_BUDGET,
    COORDINATION_BEFORE_BUDGET,
    NUMBER_HEADING,
    coordination_fields,
)
from tambondoc.context.district import DistrictContext, Sheet
from tambondoc.thai import money
from tambondoc.xlsx.district_sheet import finish, heading, sheet_title, titles, to_bytes, widths
from tambondoc.xlsx.look import MONEY
from tambondoc.xlsx.style import FastSheet

BEFORE = coordination_fields(COORDINATION_BEFORE_BUDGET)
AFTER = coordination_fields(COORDINATION_AFTER_BUDGET)
HEADING_ROW = 4
SHORT = (("องค์การบริหารส่วนจังหวัด", "อบจ."), ("องค์การบริหารส่วนตำบล", "อบต."), ("เทศบาลตำบล", "ทต."),
         ("เทศบาลเมือง", "ทม."), ("เทศบาลนคร", "ทน."))


def short_name(name: str) -> str:
    """'องค์การบริหารส่วนตำบลบางสวน' -> 'อบต.บางสวน', for a sheet's name."""
    for long, short in SHORT:
        if name.startswith(long):
            return short + name[len(long):]
    return name


def _sheet(sheet: FastSheet, context: DistrictContext, lg: Sheet) -> None:
    district, years = context["district"], lg["years"]
    labels = ([NUMBER_HEADING, "ตำบล"] + [f.form_title for f in BEFORE] + [f"งบประมาณ ปี {y} (บาท)" for y in years]
              + [f.form_title for f in AFTER])
    last, first_year = len(labels), 3 + len(BEFORE)
    titles(sheet, [f"บัญชีประสานโครงการพัฒนา อำเภอ{district['amphoe']} จังหวัด{district['changwat']}",
                   f"เสนอ {lg['name']} ผ่านคณะกรรมการประสานแผนพัฒนาท้องถิ่นระดับอำเภอ{district['amphoe']} "
                   "เพื่อพิจารณาบรรจุในแผนพัฒนาท้องถิ่น"], last)
    heading(sheet, HEADING_ROW, labels)
    texts: dict[int, list[str]] = {}
    row = HEADING_ROW
    for no, (tambon, p) in enumerate(lg["rows"], 1):
        row += 1
        values: list[Any] = [no, tambon, *(f.value(p) for f in BEFORE), *(p["by_year"].get(y, 0) for y in years),
                             *(f.value(p) for f in AFTER)]
        for col, value in enumerate(values, 1):
            is_money = first_year <= col < first_year + len(years)
            sheet.put(row, col, value, fmt=MONEY if is_money else None, align="center" if col == 1 else None)
            texts.setdefault(col, []).append(money(value) if is_money else str(value or ""))
    first = HEADING_ROW + 1
    row += 1
    for col in range(1, last + 1):
        letter = get_column_letter(col)
        if first_year <= col < first_year + len(years):
            sheet.put(row, col, f"=SUM({letter}{first}:{letter}{row - 1})", bold=True, fmt=MONEY, fill="head",
                      formula=True)
            texts.setdefault(col, []).append(money(sum(p["by_year"].get(years[col - first_year], 0)
                                                       for _, p in lg["rows"])))
        else:
            sheet.put(row, col, f"รวมทั้งสิ้น {len(lg['rows'])} โครงการ" if col == 2 else None, bold=True,
                      fill="head", wrap=False)
    caps = [5, 12] + [f.cap for f in BEFORE] + [13] * len(years) + [f.cap for f in AFTER]
    year_cols = range(first_year, first_year + len(years))
    finish(sheet, HEADING_ROW, last, row, widths(sheet.ws, labels, texts, caps, year_cols))


def district_coordination_workbook(context: DistrictContext) -> bytes:
    """The .xlsx bytes of the district's coordination lists, a sheet per อปท."""
    wb = Workbook()
    used: set[str] = set()
    wb.remove(wb.active)
    for lg in context["coordination"]:
        _sheet(FastSheet(wb.create_sheet(sheet_title(short_name(lg["name"]), used))), context, lg)
    if not context["coordination"]:
        ws = wb.create_sheet(sheet_title("บัญชีประสานโครงการ", used))
        FastSheet(ws).put(1, 1, "ไม่มีโครงการที่ส่งให้ อปท.", wrap=False, box=False)
    return to_bytes(wb)
