"""The district needs plan (แผนความต้องการระดับอำเภอ) as a workbook: the projects that ask state
agencies or the province for money, under a heading per provincial strategy and per tambon, with
what each asks per fiscal year; totals per tambon, per strategy and in all as formulas, the grand
total also in words."""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from tambondoc.context.district import DistrictContext
from tambondoc.context.needs import Need
from tambondoc.thai import money
from tambondoc.xlsx.district_sheet import finish, heading, sheet_title, titles, to_bytes, widths
from tambondoc.xlsx.look import MONEY
from tambondoc.xlsx.style import FastSheet

HEADING_ROW = 4
FIRST_YEAR = 6  # column of the first fiscal year


def _labels(years: list[int]) -> list[str]:
    return (["ที่", "ตำบล", "โครงการ/กิจกรรม", "เป้าหมาย (ผลผลิต)", "สถานที่ (หมู่ที่)"]
            + [f"ปี {y} (บาท)" for y in years]
            + ["รวม (บาท)", "แหล่งงบประมาณที่ขอ", "หน่วยงานรับผิดชอบหลัก", "ยุทธศาสตร์ของตำบล"])


def _band(sheet: FastSheet, row: int, text: str, last: int, fill: str) -> None:
    """A heading row: the text from the project column on, the row shaded as one band."""
    for col in range(1, last + 1):
        if col == 2:
            sheet.put(row, col, text, bold=True, fill=fill, wrap=False, box="band")
        else:
            sheet.put(row, col, None, fill=fill, box="band-left" if col == 1 else "band-right" if col == last else "band")


def _project(sheet: FastSheet, row: int, p: Need, texts: dict[int, list[str]]) -> None:
    values: list[Any] = [p["no"], p["tambon"], p["name"], p["target"], p["place_text"], *p["year_amounts"],
                         p["total"], p["sources_text"], p["agency"], p["strategy_name"]]
    total_col = FIRST_YEAR + len(p["year_amounts"])
    for col, value in enumerate(values, 1):
        is_money = FIRST_YEAR <= col <= total_col
        sheet.put(row, col, value, fmt=MONEY if is_money else None, align="center" if col == 1 else None)
        texts.setdefault(col, []).append(money(value) if is_money else str(value))


def _total(sheet: FastSheet, row: int, label: str, years: int, last: int, cells: dict[int, str], fill: str) -> None:
    """A total row: ``cells`` {column: formula} for each year and the total."""
    for col in range(1, last + 1):
        if col in cells:
            sheet.put(row, col, cells[col], bold=True, fmt=MONEY, fill=fill, formula=True)
        else:
            sheet.put(row, col, label if col == 2 else None, bold=True, fill=fill, wrap=False)


def needs_workbook(context: DistrictContext) -> bytes:
    """The .xlsx bytes of the district needs plan."""
    district, needs = context["district"], context["needs"]
    years = needs["years"]
    labels = _labels(years)
    last, money_cols = len(labels), range(FIRST_YEAR, FIRST_YEAR + len(years) + 1)
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title("แผนความต้องการ", set())
    sheet = FastSheet(ws)
    titles(sheet, [f"แผนความต้องการระดับอำเภอ{district['amphoe']} จังหวัด{district['changwat']}",
                   "โครงการจากแผนพัฒนาตำบลที่ขอรับการสนับสนุนงบประมาณจากหน่วยงานภาครัฐและงบพัฒนาจังหวัด "
                   "เสนอคณะกรรมการบริหารงานจังหวัดแบบบูรณาการ (ก.บ.จ.)"], last)
    heading(sheet, HEADING_ROW, labels)
    texts: dict[int, list[str]] = {}
    row, group_totals = HEADING_ROW, []
    for group in needs["groups"]:
        row += 1
        _band(sheet, row, group["name"], last, "group")
        tambon_totals = []
        for tambon in group["tambons"]:
            row += 1
            _band(sheet, row, f"ตำบล{tambon['name']}", last, "group")
            first = row + 1
            for p in tambon["projects"]:
                row += 1
                _project(sheet, row, p, texts)
            row += 1
            cells = {c: f"=SUM({get_column_letter(c)}{first}:{get_column_letter(c)}{row - 1})" for c in money_cols}
            _total(sheet, row, f"รวมตำบล{tambon['name']} {tambon['totals']['count']} โครงการ", len(years), last, cells,
                   "group")
            tambon_totals.append(row)
        row += 1
        cells = {c: "=" + "+".join(f"{get_column_letter(c)}{r}" for r in tambon_totals) for c in money_cols}
        _total(sheet, row, f"รวม{group['name']} {group['totals']['count']} โครงการ", len(years), last, cells, "head")
        group_totals.append(row)
    row += 1
    cells = {c: "=" + "+".join(f"{get_column_letter(c)}{r}" for r in group_totals) if group_totals else "=0"
             for c in money_cols}
    _total(sheet, row, f"รวมทั้งสิ้น {needs['totals']['count']} โครงการ", len(years), last, cells, "head")
    sheet.put(row + 1, 2, f"({needs['amount_text']})", bold=True, wrap=False, box=False)
    for col, amount in zip(money_cols, [*needs["totals"]["year_amounts"], needs["totals"]["amount"]]):
        texts.setdefault(col, []).append(money(amount))  # the grand total, the widest
    sizes = widths(ws, labels, texts, [5, 12, 30, 24, 12] + [14] * (len(years) + 1) + [16, 22, 22], money_cols)
    finish(sheet, HEADING_ROW, last, row + 1, sizes)
    return to_bytes(wb)
