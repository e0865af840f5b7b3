"""The report to the province (seed 004, ช่องทางการรายงาน) as a workbook: a row per tambon with
its code, plan years and revision, workshop date and attendance (below the province's minimum is
noted), projects by approach and by funding source, budget by source and by year, projects sent to
each อปท., and its orders and announcements; a total row of formulas; and a second sheet listing
every order and announcement of the district."""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from tambondoc.context.district import SOURCE_KEYS, DistrictContext, Paper, TambonRow
from tambondoc.plan.vocabulary import APPROACHES, OTHER_LABEL, SOURCE_BY_KEY
from tambondoc.thai import money
from tambondoc.xlsx.district_sheet import finish, heading, sheet_title, short_date, titles, to_bytes, widths
from tambondoc.xlsx.look import MONEY
from tambondoc.xlsx.style import FastSheet

HEADING_ROW = 4
REPORT_SHEET, PAPERS_SHEET = "รายงานรายตำบล", "คำสั่งและประกาศ"


def _source_name(key: str) -> str:
    return SOURCE_BY_KEY[key].column if key in SOURCE_BY_KEY else OTHER_LABEL


def paper_text(paper: Paper | None) -> str:
    """'101/2567 ลงวันที่ 5 พ.ย. 2567', '- ' when missing."""
    if paper is None:
        return "ยังไม่มี"
    number = f"{paper['number']}/{paper['year']} " if paper["number"] is not None else ""
    return f"{number}ลงวันที่ {short_date(paper['date'])}"


TEXT, COUNT, AMOUNT = "text", "count", "amount"  # a column's kind: counts and amounts are summed


def _columns(years: list[int]) -> list[tuple[str, int, str]]:
    """(label, widest, kind) of each column."""
    return ([("ที่", 5, TEXT), ("ตำบล", 14, TEXT), ("รหัสตำบล", 9, TEXT), ("ปีงบประมาณของแผน", 13, TEXT),
             ("ทบทวนครั้งที่", 8, TEXT), ("วันที่เวทีประชาคม", 16, TEXT), ("ผู้เข้าร่วม (คน)", 9, COUNT),
             ("จำนวนโครงการ", 9, COUNT)]
            + [(f"{a} (โครงการ)", 10, COUNT) for a in APPROACHES]
            + [(f"{_source_name(k)} (โครงการ)", 11, COUNT) for k in SOURCE_KEYS]
            + [(f"{_source_name(k)} (บาท)", 14, AMOUNT) for k in SOURCE_KEYS]
            + [(f"ปี {y} (บาท)", 14, AMOUNT) for y in years]
            + [("งบประมาณรวม (บาท)", 15, AMOUNT), ("โครงการที่ส่งให้ อปท.", 28, TEXT),
               ("คำสั่งแต่งตั้ง ก.บ.ต.", 16, TEXT), ("คำสั่งคณะทำงานส่งเสริม ศอช.ต.", 16, TEXT),
               ("ประกาศรับรอง ศอช.ต.", 16, TEXT), ("ผู้รับผิดชอบ", 16, TEXT), ("หมายเหตุ", 22, TEXT)])


def _values(no: int, t: TambonRow, years: list[int], least: int) -> list[Any]:
    kbt, group, announced = (next((p for p in t["papers"] if p["kind"] == kind), None)
                             for kind in ("kbt-order", "socho-order", "socho-announcement"))
    lgs = "\n".join(f"{lg['name']} {lg['count']} โครงการ {money(lg['amount'])} บาท" for lg in t["local_governments"])
    note = "" if not t["attendance_low"] else (
        "ยังไม่มีข้อมูลเวทีประชาคม" if t["attendance"] is None else f"ผู้เข้าร่วมน้อยกว่าเกณฑ์ {least} คน")
    return ([no, t["name"], t["code"] or "-", t["years_text"], t["revision"], short_date(t["workshop_date"]),
             t["attendance"], t["projects"]]
            + [t["by_approach"].get(a, 0) for a in APPROACHES]
            + [t["source_counts"][k] for k in SOURCE_KEYS]
            + [t["by_source"][k] for k in SOURCE_KEYS]
            + [t["by_year"].get(y, 0) for y in years]
            + [t["total"], lgs or "-", paper_text(kbt), paper_text(group), paper_text(announced),
               t["officer"] or "-", note])


def _report(sheet: FastSheet, context: DistrictContext) -> None:
    district, years = context["district"], context["years"]
    columns = _columns(years)
    labels = [label for label, _, _ in columns]
    titles(sheet, [f"รายงานผลการจัดทำแผนพัฒนาตำบล อำเภอ{district['amphoe']} จังหวัด{district['changwat']} "
                   f"ปีงบประมาณ พ.ศ. {district['fiscal_year']}",
                   f"{district['office']['name']} (ผู้เข้าร่วมเวทีประชาคมไม่น้อยกว่า {district['min_attendance']} คนต่อตำบล)"],
           len(columns))
    heading(sheet, HEADING_ROW, labels)
    texts: dict[int, list[str]] = {}
    sums: dict[int, list[float]] = {}  # what the total row adds up
    row = HEADING_ROW
    for no, tambon in enumerate(context["tambons"], 1):
        row += 1
        for col, (value, (_, _, kind)) in enumerate(zip(_values(no, tambon, years, district["min_attendance"]),
                                                        columns), 1):
            sheet.put(row, col, value, fmt=MONEY if kind == AMOUNT else None, bold=col == len(columns) and bool(value),
                      align="center" if col in (1, 3, 5) else None)
            texts.setdefault(col, []).append(money(value) if kind == AMOUNT else str(value if value is not None else ""))
            if kind != TEXT:
                sums.setdefault(col, []).append(value or 0)
    first, last = HEADING_ROW + 1, row
    row += 1
    for col, (_, _, kind) in enumerate(columns, 1):
        letter = get_column_letter(col)
        if kind != TEXT and last >= first:
            sheet.put(row, col, f"=SUM({letter}{first}:{letter}{last})", bold=True, fill="head",
                      fmt=MONEY if kind == AMOUNT else None, formula=True)
            texts[col].append(money(sum(sums[col])) if kind == AMOUNT else str(sum(sums[col])))
        else:
            sheet.put(row, col, "รวม" if col == 2 else None, bold=True, fill="head")
    whole = [col for col, (_, _, kind) in enumerate(columns, 1) if kind != TEXT]
    finish(sheet, HEADING_ROW, len(columns), row,
           widths(sheet.ws, labels, texts, [cap for _, cap, _ in columns], whole))


def _papers(sheet: FastSheet, context: DistrictContext) -> None:
    labels = ["ที่", "เอกสาร", "ตำบล", "เลขที่", "ลงวันที่", "กำหนดส่งจังหวัด"]
    district = context["district"]
    titles(sheet, [f"คำสั่งและประกาศของอำเภอ{district['amphoe']} (ส่งสำเนาให้จังหวัดภายในวันที่ "
                   f"{short_date(district['deadlines']['orders'])})"], len(labels))
    heading(sheet, 3, labels)
    texts: dict[int, list[str]] = {}
    every = context["papers"] + [p for t in context["tambons"] for p in t["papers"]]
    due = district["deadlines"]["orders"]
    for no, paper in enumerate(every, 1):
        late = paper["date"] is not None and due is not None and paper["date"] > due
        values = [no, paper["title"], paper["tambon"] or "(ระดับอำเภอ)",
                  f"{paper['number']}/{paper['year']}" if paper["number"] is not None else "-",
                  short_date(paper["date"]), "หลังกำหนด" if late else "ทันกำหนด"]
        for col, value in enumerate(values, 1):
            sheet.put(no + 3, col, value, align="center" if col in (1, 4) else None)
            texts.setdefault(col, []).append(str(value))
    finish(sheet, 3, len(labels), len(every) + 3, widths(sheet.ws, labels, texts, [5, 48, 16, 10, 16, 14]))


def report_workbook(context: DistrictContext) -> bytes:
    """The .xlsx bytes of the district's report to the province."""
    wb = Workbook()
    used: set[str] = set()
    ws = wb.active
    ws.title = sheet_title(REPORT_SHEET, used)
    _report(FastSheet(ws), context)
    _papers(FastSheet(wb.create_sheet(sheet_title(PAPERS_SHEET, used))), context)
    return to_bytes(wb)
