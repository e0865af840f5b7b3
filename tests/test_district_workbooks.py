"""The district's workbooks as Excel prints them: every amount and count fits its column (Excel
shows '####' for a number that does not) and no heading word is broken, with the large amounts
and many projects of a real district rather than the example's."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from conftest import replace_in
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from tambondoc import measure
from tambondoc.check.district import validate_district
from tambondoc.context.build import build_context
from tambondoc.context.district import DistrictContext, district_context
from tambondoc.district.documents import load_district
from tambondoc.plan.district import DISTRICT_FILE
from tambondoc.thai import money
from tambondoc.xlsx.district_coordination import district_coordination_workbook
from tambondoc.xlsx.district_report import report_workbook
from tambondoc.xlsx.look import column_points
from tambondoc.xlsx.needs import needs_workbook

BIG = ("      - {year: 2569, amount: 1200000, funding: {local: 400000, province: 800000}}",
       "      - {year: 2569, amount: 312400000, funding: {local: 400000, province: 312000000}}")


def context_of(folder: Path) -> DistrictContext:
    checked = validate_district(folder)
    assert checked.ok and checked.files is not None
    plans = [(s.name, s.data, build_context(s.data)) for s in checked.files.current]
    return district_context(load_district(folder / DISTRICT_FILE), plans)


@pytest.fixture()
def big_district(example_district: Path) -> DistrictContext:
    """The example with one project of three hundred million baht asked of the province."""
    replace_in(example_district / "plans" / "bang-suan.yaml", *BIG)
    return context_of(example_district)


def room(ws: Worksheet, col: int) -> float:
    return column_points(ws.column_dimensions[get_column_letter(col)].width)


def check_numbers(ws: Worksheet, heading_row: int) -> list[str]:
    """Every number below the heading (and the total of each column of them, bold as printed)
    that its column cannot hold unbroken."""
    wrong = []
    totals: dict[int, float] = {}
    for row in ws.iter_rows(min_row=heading_row + 1):
        for cell in row:
            if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool) and cell.column > 1:
                totals[cell.column] = totals.get(cell.column, 0) + cell.value
    for col, total in totals.items():
        text = money(total)
        if measure.width(text, 14, bold=True) > room(ws, col):
            wrong.append(f"{ws.title}!{get_column_letter(col)}: {text}")
    return wrong


def check_headings(ws: Worksheet, heading_row: int) -> list[str]:
    """Heading cells whose longest word is wider than the column: Excel breaks it inside."""
    return [f"{ws.title}!{cell.coordinate}: {cell.value}" for cell in ws[heading_row]
            if cell.value and measure.longest_word(str(cell.value), True) * 14 / 1000 > room(ws, cell.column)]


def check_dates(ws: Worksheet, heading_row: int) -> list[str]:
    """Dates ('12 ก.พ. 2568') and plan years ('2569-2573') their column wraps."""
    return [f"{ws.title}!{cell.coordinate}: {cell.value}" for row in ws.iter_rows(min_row=heading_row + 1)
            for cell in row if isinstance(cell.value, str) and re.fullmatch(r"\d+ \S+ \d{4}|\d{4}-\d{4}", cell.value)
            and measure.width(cell.value, 14) > room(ws, cell.column)]


def test_every_amount_date_and_heading_fits_its_column(big_district: DistrictContext) -> None:
    wrong = []
    for content in (report_workbook(big_district), needs_workbook(big_district),
                    district_coordination_workbook(big_district)):
        for ws in load_workbook(io.BytesIO(content)).worksheets:
            heading_row = next(row for row in range(1, 6) if ws.cell(row, 1).value == "ที่")
            wrong += check_numbers(ws, heading_row) + check_headings(ws, heading_row) + check_dates(ws, heading_row)
    assert wrong == []


def test_tambons_are_listed_by_their_code_not_their_file_name(example_district: Path) -> None:
    """Files named as an office likes ('z-...' here) do not reorder the report, the needs plan
    and the coordination lists: the province lists tambons by code."""
    plans = example_district / "plans"
    (plans / "bang-suan.yaml").rename(plans / "z-bang-suan.yaml")
    (plans / "pak-nam.yaml").rename(plans / "a-pak-nam.yaml")
    context = context_of(example_district)
    assert [(t["code"], t["name"]) for t in context["tambons"]] == [
        ("240204", "บางสวน"), ("240209", "ปากน้ำ"), ("240212", "เสม็ดเหนือ")]
    assert [t["name"] for t in context["needs"]["groups"][0]["tambons"]][:1] == ["บางสวน"]
    assert [s["name"] for s in context["coordination"]][:2] == ["องค์การบริหารส่วนตำบลบางสวน",
                                                               "องค์การบริหารส่วนตำบลปากน้ำ"]
