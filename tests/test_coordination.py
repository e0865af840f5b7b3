"""Coordination lists per อปท. (.docx and .xlsx): the right projects, the right totals.

Expected values come from the plan file itself (not from compute), so a wrong grouping or
sum in the pipeline shows up here.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
import subprocess
import zipfile
from collections import defaultdict
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLE, needs_libreoffice, pdf_text, read_docx, soffice, squash, stand_in_plan_book
from docx.oxml.ns import qn
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from tambondoc import measure
from tambondoc.cli import cli
from tambondoc.plan.load import load_plan
from tambondoc.thai import baht_text, thai_digits
from tambondoc.xlsx.look import column_points, lines_of, row_height
from tambondoc.xlsx.sheetml import Sheet

LGS = ["tm-nongbua", "abt-nongbua"]
INJECTED = "=1+1 ขุดลอกคลองส่งน้ำ"


def expected(plan: Path) -> dict[str, dict]:
    """Per อปท., from the plan file: project ids, names, amounts per year and per strategy."""
    _, data = load_plan(plan)
    years = data["plan"]["fiscal_years"]
    order = [s["id"] for s in data["direction"]["strategies"]]
    lists: dict[str, dict] = {}
    for lg in data["tambon"]["local_governments"]:
        projects = [p for p in data["projects"] if p.get("local_government") == lg["id"]]
        by_strategy: dict[str, dict[int, int]] = defaultdict(lambda: {y: 0 for y in years})
        totals = {y: 0 for y in years}
        amounts = {}
        for p in projects:
            amounts[p["id"]] = {y: 0 for y in years}
            for b in p["budget"]:
                amounts[p["id"]][b["year"]] += b["amount"]
                by_strategy[p["strategy"]][b["year"]] += b["amount"]
                totals[b["year"]] += b["amount"]
        lists[lg["id"]] = {
            "name": lg["name"], "ids": {p["id"] for p in projects}, "names": {p["id"]: p["name"] for p in projects},
            "amounts": amounts, "totals": totals, "years": years,
            "subtotals": [by_strategy[s] for s in order if s in by_strategy],
        }
    return lists


def build(plan: Path, templates: Path) -> tuple[Path, str]:
    result = CliRunner().invoke(cli, ["build", "-o", str(plan.parent / "build"), "--templates", str(templates),
                                      str(plan)])
    assert result.exit_code == 0, result.stdout + result.stderr
    return plan.parent / "build" / plan.stem, result.stdout


def convert(files: list[Path], target: str, outdir: Path) -> None:
    """Open files in LibreOffice as a person would and save them as ``target`` (pdf or csv)."""
    filters = {"pdf": "pdf", "csv": "csv:Text - txt - csv (StarCalc):44,34,76,1"}
    subprocess.run([soffice(), f"-env:UserInstallation={(outdir / 'lo-profile').as_uri()}", "--headless",
                    "--convert-to", filters[target], "--outdir", str(outdir), *map(str, files)],
                   check=True, capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The example built, and a variant: no project for the เทศบาล, three fiscal years, and a
    project name that looks like a spreadsheet formula."""
    root = tmp_path_factory.mktemp("coordination")
    templates = stand_in_plan_book(root / "templates")
    shutil.copytree(EXAMPLE.parent, root / "plans")
    plain = root / "plans" / EXAMPLE.name
    variant = root / "plans" / "variant.yaml"
    text = plain.read_text(encoding="utf-8")
    assert text.count("    local_government: tm-nongbua\n") >= 2
    variant.write_text(
        text.replace("    local_government: tm-nongbua\n", "")
        .replace("fiscal_years: [2571, 2572]", "fiscal_years: [2571, 2572, 2573]")
        .replace("name: ก่อสร้างฝายชะลอน้ำลำห้วยน้ำใส", f'name: "{INJECTED}"'),
        encoding="utf-8")
    out, stdout = build(plain, templates)
    vout, vstdout = build(variant, templates)
    return {"plain": out, "variant": vout, "stdout": stdout, "variant_stdout": vstdout,
            "expected": expected(plain), "variant_expected": expected(variant), "plan": plain, "root": root}


@pytest.fixture(scope="module")
def read_back(built: dict) -> dict:
    """LibreOffice's reading of every plain list: PDF text of the .docx, CSV of the .xlsx."""
    if soffice() is None:
        pytest.skip("LibreOffice is not installed")
    outdir = built["root"] / "converted"
    convert([built["plain"] / f"coordination-{lg}.docx" for lg in LGS], "pdf", outdir)
    convert([built["plain"] / f"coordination-{lg}.xlsx" for lg in LGS], "csv", outdir)
    return {lg: {"text": pdf_text(outdir / f"coordination-{lg}.pdf"),
                 "rows": pdf_rows(outdir / f"coordination-{lg}.pdf"),
                 "csv": (outdir / f"coordination-{lg}.csv").read_text(encoding="utf-8")} for lg in LGS}


def pdf_rows(pdf: Path) -> list[list[str]]:
    """Each text line of the PDF as its words (squashed), left to right, by position
    (pdftotext -layout breaks Thai lines apart at tone marks)."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    rows: list[list[str]] = []
    for page in html.split("<page ")[1:]:
        lines: dict[int, list[tuple[float, str]]] = {}
        for x, y, word in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', page):
            lines.setdefault(round(float(y)), []).append((float(x), squash(word)))
        rows += [[w for _, w in sorted(lines[y]) if w] for y in sorted(lines)]
    return rows


def amounts(row: list[str], n: int) -> list[str]:
    return [w for w in row if re.fullmatch(r"[\d,]+|-", w)][-n:]


def money(n: int) -> str:
    return f"{n:,}" if n else "-"


# ------------------------------------------------------------------ files and notes


def test_one_pair_of_files_per_local_government(built: dict) -> None:
    assert sorted(p.name for p in built["plain"].glob("coordination-*")) == sorted(
        f"coordination-{lg}.{ext}" for lg in LGS for ext in ("docx", "xlsx"))
    assert "ไม่สร้างบัญชีประสานโครงการ" not in built["stdout"]


def test_no_list_for_a_local_government_without_projects(built: dict) -> None:
    assert sorted(p.name for p in built["variant"].glob("coordination-*")) == [
        "coordination-abt-nongbua.docx", "coordination-abt-nongbua.xlsx"]
    plan = built["plan"].parent / "variant.yaml"
    assert (f"{plan}: เทศบาลตำบลหนองบัวงาม (tm-nongbua) ไม่มีโครงการที่ส่งให้ จึงไม่สร้างบัญชีประสานโครงการ"
            in built["variant_stdout"].splitlines())


# ------------------------------------------------------------------ the .docx


@needs_libreoffice
@pytest.mark.libreoffice
def test_the_list_starts_on_its_first_page_when_the_first_project_is_long(tmp_path: Path) -> None:
    """A real plan's first project, half a page of objective, went whole to page 2 and left the
    title alone on page 1: the list's first rows may split, so its table starts on page 1."""
    shutil.copytree(EXAMPLE.parent, tmp_path / "plans")
    plan = tmp_path / "plans" / EXAMPLE.name
    long = "เพื่อชะลอน้ำและเพิ่มความชุ่มชื้นให้พื้นที่เกษตรของหมู่บ้านในตำบลตลอดทั้งปี " * 3
    text = plan.read_text(encoding="utf-8")
    short = "    objective: เพื่อชะลอน้ำและเพิ่มความชุ่มชื้นให้พื้นที่เกษตร\n"
    assert text.count(short) == 1
    plan.write_text(text.replace(short, f"    objective: {long.strip()}\n"), encoding="utf-8")
    out, _ = build(plan, stand_in_plan_book(tmp_path / "templates"))
    convert([out / "coordination-abt-nongbua.docx"], "pdf", out)
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(out / "coordination-abt-nongbua.pdf"), "-"],
                           capture_output=True, text=True, check=True).stdout
    # pdftotext reads a table line by line across its columns: the heading and the name's first line
    assert squash("วัตถุประสงค์") in squash(first) and squash("ก่อสร้างฝาย") in squash(first)


@needs_libreoffice
@pytest.mark.libreoffice
@pytest.mark.parametrize("lg", LGS)
def test_docx_lists_exactly_the_projects_of_its_local_government(built: dict, read_back: dict, lg: str) -> None:
    want = built["expected"][lg]
    text = read_back[lg]["text"]
    assert not re.search(r"\(P\d{3}\)", text), "internal ids stay out of the Word list"
    flat = squash(text)
    heading = f"เสนอ {want['name']} เพื่อพิจารณาบรรจุในแผนพัฒนาท้องถิ่น"
    for line in ["บัญชีประสานโครงการพัฒนา", heading, "ปีงบประมาณ พ.ศ. ๒๕๗๑-๒๕๗๒",
                 "(นายอดิศักดิ์ พูลผล)", "ประธานคณะกรรมการบริหารงานตำบลแบบบูรณาการ (ก.บ.ต.) ตำบลหนองบัวงาม"]:
        assert squash(line) in flat, line


@needs_libreoffice
@pytest.mark.libreoffice
@pytest.mark.parametrize("lg", LGS)
def test_docx_totals_match_the_budgets(built: dict, read_back: dict, lg: str) -> None:
    want = built["expected"][lg]
    n = len(want["years"])
    rows = read_back[lg]["rows"]
    [total] = [r for r in rows if "".join(r).startswith(squash("รวมทั้งสิ้น"))]
    assert amounts(total, n) == [money(want["totals"][y]) for y in want["years"]]
    subtotals = [amounts(r, n) for r in rows if re.match(r"รวม\d+โครงการ", "".join(r))]
    assert subtotals == [[money(s[y]) for y in want["years"]] for s in want["subtotals"]]
    amount = sum(want["totals"].values())
    cover = squash(read_back[lg]["text"])
    assert squash(f"จำนวน {thai_digits(len(want['ids']))} โครงการ งบประมาณรวม {thai_digits(f'{amount:,}')} บาท "
                  f"({baht_text(amount)})") in cover


@pytest.mark.parametrize("lg", LGS)
def test_docx_table_rows_are_the_projects_with_their_amounts(built: dict, lg: str) -> None:
    """The columns of form ผ.02/1 (then สถานที่ and หมายเหตุ), a budget column per year, no ids."""
    want = built["expected"][lg]
    table = read_docx(str(built["plain"] / f"coordination-{lg}.docx")).tables[0]
    rows = [[c.text for c in row.cells] for row in table.rows]
    n = len(want["years"])
    by_name = {name: pid for pid, name in want["names"].items()}
    projects = [r for r in rows if r[1] in by_name and re.fullmatch(r"\d+", r[0])]
    assert {by_name[r[1]] for r in projects} == want["ids"]
    for r in projects:
        assert r[4:4 + n] == [money(want["amounts"][by_name[r[1]]][y]) for y in want["years"]]
        assert not any(re.search(r"P\d{3}", c) for c in r)
    assert rows[0] == ["ที่", "โครงการ", "วัตถุประสงค์", "เป้าหมาย\n(ผลผลิตของโครงการ)"] + ["งบประมาณ (บาท)"] * n + [
        "ตัวชี้วัด\n(KPI)", "ผลที่คาดว่า\nจะได้รับ", "หน่วยงานที่\nรับผิดชอบหลัก", "สถานที่\n(หมู่ที่)", "หมายเหตุ"]
    assert rows[1][4:4 + n] == [str(y) for y in want["years"]]
    groups = [r[0] for r in rows if len(set(r)) == 1 and r[0].startswith("ยุทธศาสตร์")]
    assert len(groups) == len(want["subtotals"])


@pytest.mark.parametrize("lg", LGS)
def test_docx_signature_closes_the_table_kept_with_the_grand_total(built: dict, lg: str) -> None:
    """The chair's signature is the table's last row, one borderless cell across it, kept with the
    grand total above (at its own 16 pt, whatever the table steps down to): as paragraphs after a
    list of several pages, LibreOffice left it alone on the last page. The subtotal above the
    grand total is not chained to it (LibreOffice keeps a row with the next, not a chain)."""
    table = read_docx(str(built["plain"] / f"coordination-{lg}.docx")).tables[0]
    last, total, subtotal = table.rows[-1], table.rows[-2], table.rows[-3]
    assert len({c._tc for c in last.cells}) == 1
    assert [p.text for p in last.cells[0].paragraphs] == [
        "(นายอดิศักดิ์ พูลผล)", "ปลัดอำเภอผู้รับผิดชอบตำบลหนองบัวงาม",
        "ประธานคณะกรรมการบริหารงานตำบลแบบบูรณาการ (ก.บ.ต.) ตำบลหนองบัวงาม", "วันที่ ๒๐ มีนาคม ๒๕๗๐"]
    borders = last.cells[0]._tc.tcPr.find(qn("w:tcBorders"))
    assert [borders.find(qn(f"w:{side}")).get(qn("w:val")) for side in ("left", "bottom", "right")] == ["nil"] * 3
    assert last._tr.trPr.find(qn("w:cantSplit")) is not None
    assert total.cells[0].text.startswith("รวมทั้งสิ้น") and subtotal.cells[0].text.startswith("รวม ")
    kept = [p.paragraph_format.keep_with_next for row in (total, subtotal) for p in row.cells[0].paragraphs]
    assert kept == [True, None]
    assert all(r.font.size is None for p in last.cells[0].paragraphs for r in p.runs)  # the style's 16 pt


def test_docx_grid_fills_the_page_with_a_budget_column_per_year(built: dict) -> None:
    """Two years: a column each. Three or more: one budget column with a line per year, so the
    text keeps room. The table keeps the landscape text width; every cell agrees with the grid."""
    for out, columns in ((built["plain"], 9 + 2), (built["variant"], 9 + 1)):
        with zipfile.ZipFile(out / "coordination-abt-nongbua.docx") as z:
            xml = z.read("word/document.xml").decode()
        grid = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"/>', re.search(
            r"<w:tblGrid>.*?</w:tblGrid>", xml).group(0))]
        assert len(grid) == columns
        assert abs(sum(grid) - 14854) < 20  # 26.2 cm: the landscape text width
        row = re.search(r"<w:tr[ >](?:(?!</w:tr>).)*?(?:ก่อสร้างฝาย|=1\+1).*?</w:tr>", xml).group(0)
        assert [int(w) for w in re.findall(r'<w:tcW w:type="dxa" w:w="(\d+)"/>', row)] == grid
        assert "<w:tblHeader/>" in xml and "<w:cantSplit/>" in xml
        assert '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>' in xml
    table = read_docx(str(built["variant"] / "coordination-abt-nongbua.docx")).tables[0]
    budget = {row.cells[4].text for row in table.rows}
    heading = [row for row in table.rows if row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None]
    assert len(heading) == 1  # the year lines need no row of years under 'งบประมาณ (บาท)'
    assert heading[0].cells[4].text == "งบประมาณ (บาท)"
    plain = read_docx(str(built["plain"] / "coordination-abt-nongbua.docx")).tables[0]
    assert [c.text for c in plain.rows[1].cells[4:6]] == ["2571", "2572"]
    # the empty cells beside the years are in the heading's 12 pt: in the 16 pt default, that row,
    # repeated on every page, was a third taller than its years
    assert {p.style.name for c in plain.rows[1].cells for p in c.paragraphs} == {"Table Heading"}
    assert "2571 \t380,000\n2572 \t200,000\nรวม \t580,000" in budget  # the amounts at a right tab stop


# ------------------------------------------------------------------ the .xlsx


def sheet_rows(path: Path) -> tuple[object, list[list[object]]]:
    ws = load_workbook(path).active
    return ws, [[c.value for c in row] for row in ws.iter_rows()]


@pytest.mark.parametrize("lg", LGS)
def test_xlsx_rows_formulas_and_layout(built: dict, lg: str) -> None:
    """The columns of ผ.02/1 then สถานที่, หมายเหตุ, id and strategy; the project rows one block the
    filter covers; totals per strategy (SUMIF) and the grand total (SUM) below it."""
    want = built["expected"][lg]
    ws, rows = sheet_rows(built["plain"] / f"coordination-{lg}.xlsx")
    header = next(i for i, r in enumerate(rows) if r[0] == "ที่")
    assert rows[header] == ["ที่", "โครงการ", "วัตถุประสงค์", "เป้าหมาย (ผลผลิตของโครงการ)", "งบประมาณ ปี 2571 (บาท)",
                            "งบประมาณ ปี 2572 (บาท)", "ตัวชี้วัด (KPI)", "ผลที่คาดว่าจะได้รับ", "หน่วยงานที่รับผิดชอบหลัก",
                            "สถานที่ (หมู่ที่)", "หมายเหตุ", "รหัสโครงการ", "ยุทธศาสตร์"]
    body = rows[header + 1:]
    projects = [r for r in body if isinstance(r[0], int)]
    assert [r[0] for r in projects] == list(range(1, len(projects) + 1))
    assert {r[11] for r in projects} == want["ids"]
    for r in projects:
        assert r[1] == want["names"][r[11]]
        assert r[4:6] == [want["amounts"][r[11]][y] for y in want["years"]]
    first, last = header + 2, header + 1 + len(projects)
    assert ws.auto_filter.ref == f"A{header + 1}:M{last}"
    subtotals = [r for r in body if isinstance(r[1], str) and r[1].startswith("รวม") and "รวมทั้งสิ้น" not in r[1]]
    assert len(subtotals) == len(want["subtotals"])
    assert all(r[4].startswith(f"=SUMIF($M${first}:$M${last},") and r[4].endswith(f",E${first}:E${last})")
               for r in subtotals)
    total = next(r for r in body if isinstance(r[1], str) and r[1].startswith("รวมทั้งสิ้น"))
    assert total[4:6] == [f"=SUM(E{first}:E{last})", f"=SUM(F{first}:F{last})"]
    assert ws.freeze_panes == f"C{header + 2}"
    assert ws.cell(first, 5).number_format.startswith("#,##0")
    assert ws.cell(first, 2).font.name == "TH SarabunPSK"
    assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == f"${header + 1}:${header + 1}"
    assert ws.oddFooter.center.text == "หน้า &P / &N"
    assert all(ws.column_dimensions[c].width for c in "ABCDEFGHIJKLM")


@pytest.mark.parametrize("lg", LGS)
def test_xlsx_titles_bands_and_row_heights(built: dict, lg: str) -> None:
    """Titles merged across the table and unboxed, total rows shaded as one band, and each
    project row tall enough for its longest wrapped text (neither Excel nor Calc sizes rows)."""
    ws, rows = sheet_rows(built["plain"] / f"coordination-{lg}.xlsx")
    assert sorted(str(r) for r in ws.merged_cells.ranges) == ["A1:M1", "A2:M2", "A3:M3"]

    def sides(cell: object) -> list[str | None]:
        return [getattr(getattr(cell.border, s), "style", None) for s in ("left", "right", "top", "bottom")]

    assert ws["A1"].font.b and ws["A1"].font.sz == 18 and sides(ws["A1"]) == [None] * 4
    band = next(n for n, r in enumerate(rows, 1) if isinstance(r[1], str) and r[1].startswith("รวม"))
    assert [sides(ws.cell(band, c)) for c in (1, 2, 13)] == [
        ["thin", None, "thin", "thin"], [None, None, "thin", "thin"], [None, "thin", "thin", "thin"]]
    assert {ws.cell(band, c).fill.fgColor.rgb for c in range(1, 14)} == {"00EDEDED"}
    projects = [(n, r) for n, r in enumerate(rows, 1) if isinstance(r[0], int)]
    for n, r in projects:
        need = max(lines_of(v, ws.column_dimensions[get_column_letter(c)].width)
                   for c, v in enumerate(r, 1) if isinstance(v, str))
        assert ws.row_dimensions[n].height == row_height(need), (n, r[1])
    assert any(ws.row_dimensions[n].height > row_height(2) for n, _ in projects)


@pytest.mark.parametrize("lg", LGS)
def test_xlsx_year_columns_show_every_amount_whole(built: dict, lg: str) -> None:
    """Excel fills a cell with '####' when a number does not fit: a year's column holds each project's
    amount and, in bold, the totals' (sized by characters, ten held '1,850,000' at 14 pt narrower)."""
    want = built["expected"][lg]
    ws, _ = sheet_rows(built["plain"] / f"coordination-{lg}.xlsx")
    for col, year in zip("EF", want["years"]):
        room = column_points(ws.column_dimensions[col].width)
        assert room >= measure.width(f"{want['totals'][year]:,.0f}", 14, bold=True), (col, room)
        assert all(room >= measure.width(f"{amounts[year]:,.0f}", 14) for amounts in want["amounts"].values())


@pytest.mark.parametrize("lg", LGS)
def test_xlsx_headings_break_no_word(built: dict, lg: str) -> None:
    """A column is at least as wide as its heading's longest word in bold: 'รหัสโครงการ' in a
    column of nine printed 'โครงกา|ร' in Excel (seen in LibreOffice with Calibri's metrics)."""
    ws, _ = sheet_rows(built["plain"] / f"coordination-{lg}.xlsx")
    heading = next(row for row in ws.iter_rows() if row[0].value == "ที่")
    broken = [cell.value for cell in heading if cell.value and measure.longest_word(str(cell.value), True) * 14 / 1000
              > column_points(ws.column_dimensions[cell.column_letter].width)]
    assert broken == []


def test_xlsx_text_that_looks_like_a_formula_stays_text(built: dict) -> None:
    ws, rows = sheet_rows(built["variant"] / "coordination-abt-nongbua.xlsx")
    cell = next(c for row in ws.iter_rows() for c in row if c.value == INJECTED)
    assert cell.data_type == "s"
    header = next(r for r in rows if r[0] == "ที่")
    assert header[4:7] == ["งบประมาณ ปี 2571 (บาท)", "งบประมาณ ปี 2572 (บาท)", "งบประมาณ ปี 2573 (บาท)"]


def test_xlsx_written_directly_keeps_values_line_ends_and_the_same_bytes() -> None:
    """The coordination workbook is SpreadsheetML written by tambondoc (``xlsx.sheetml``): a
    plan typed on Windows gives cells with plain line ends (a CR shows in Excel as _x000D_ and
    counted as a character in the row heights), an empty text is an empty cell, a formula is
    one only when the list makes it, and the same sheet on the same date gives the same bytes."""
    sheet = Sheet("บัญชี")
    sheet.put(1, 1, "1. ขุดลอกคลอง\r\n2. ปลูกหญ้าแฝก")
    sheet.put(1, 2, "")
    sheet.put(1, 3, "=SUM(A1:A2)", formula=True)
    sheet.put(1, 4, INJECTED)
    sheet.put(1, 5, 1500000, fmt="#,##0")
    data = sheet.xlsx(dt.date(2027, 3, 20))
    assert data == sheet.xlsx(dt.date(2027, 3, 20))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert {i.date_time for i in z.infolist()} == {(2027, 3, 20, 0, 0, 0)}
    with zipfile.ZipFile(io.BytesIO(sheet.xlsx(dt.date(1957, 1, 1)))) as z:  # พ.ศ. 2500: before zip dates
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    ws = load_workbook(io.BytesIO(data)).active
    assert ws["A1"].value == "1. ขุดลอกคลอง\n2. ปลูกหญ้าแฝก" and sheet.wrapped[1][0] == (1, ws["A1"].value)
    assert ws["B1"].value is None and ws["B1"].border.left.style == "thin"
    assert (ws["C1"].value, ws["C1"].data_type) == ("=SUM(A1:A2)", "f")
    assert (ws["D1"].value, ws["D1"].data_type) == (INJECTED, "s")
    assert (ws["E1"].value, ws["E1"].number_format, ws["E1"].font.name) == (1500000, "#,##0", "TH SarabunPSK")


@needs_libreoffice
@pytest.mark.libreoffice
@pytest.mark.parametrize("lg", LGS)
def test_xlsx_opens_in_calc_and_totals_compute(built: dict, read_back: dict, lg: str) -> None:
    want = built["expected"][lg]
    rows = list(csv.reader(io.StringIO(read_back[lg]["csv"])))
    assert rows[0][0] == "บัญชีประสานโครงการพัฒนา"
    total = next(r for r in rows if r[1].startswith("รวมทั้งสิ้น"))
    assert total[4:6] == [money(want["totals"][y]) for y in want["years"]]  # as shown: #,##0
    subtotals = [r[4:6] for r in rows if r[1].startswith("รวม") and not r[1].startswith("รวมทั้งสิ้น")]
    assert subtotals == [[money(s[y]) for y in want["years"]] for s in want["subtotals"]]
    assert {r[11] for r in rows if r[0].isdigit()} == want["ids"]
