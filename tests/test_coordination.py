"""Coordination lists per อปท. (.docx and .xlsx): the right projects, the right totals.

Expected values come from the plan file itself (not from compute), so a wrong grouping or
sum in the pipeline shows up here.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import unicodedata
import zipfile
from collections import defaultdict
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLE, needs_libreoffice, pdf_text, soffice, squash, stand_in_plan_book
from docx import Document
from openpyxl import load_workbook

from tambondoc.cli import cli
from tambondoc.plan.load import load_plan
from tambondoc.thai import baht_text, thai_digits

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
@pytest.mark.parametrize("lg", LGS)
def test_docx_lists_exactly_the_projects_of_its_local_government(built: dict, read_back: dict, lg: str) -> None:
    want = built["expected"][lg]
    text = read_back[lg]["text"]
    assert set(re.findall(r"\((P\d{3})\)", text)) == want["ids"]
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
    want = built["expected"][lg]
    table = Document(str(built["plain"] / f"coordination-{lg}.docx")).tables[0]
    rows = [[c.text for c in row.cells] for row in table.rows]
    projects = [r for r in rows if re.fullmatch(r"\(P\d{3}\)", r[-1])]
    assert {r[-1][1:-1] for r in projects} == want["ids"]
    for r in projects:
        pid = r[-1][1:-1]
        assert r[1] == want["names"][pid]
        assert r[4:4 + len(want["years"])] == [money(want["amounts"][pid][y]) for y in want["years"]]
    assert rows[0] == ["ที่", "โครงการ", "วัตถุประสงค์", "เป้าหมาย\n(ผลผลิตของโครงการ)"] + [
        f"งบประมาณ\nปี {y}\n(บาท)" for y in want["years"]] + [
        "สถานที่\n(หมู่ที่)", "ตัวชี้วัด\n(KPI)", "ผลที่คาดว่า\nจะได้รับ", "หน่วยงาน\nรับผิดชอบหลัก", "หมายเหตุ"]
    groups = [r[0] for r in rows if len(set(r)) == 1 and r[0].startswith("ยุทธศาสตร์")]
    assert len(groups) == len(want["subtotals"])


def test_docx_grid_has_a_column_per_year_within_the_page(built: dict) -> None:
    """The year loop leaves the grid as the cells say: equal year columns, same table width."""
    for out, years in ((built["plain"], 2), (built["variant"], 3)):
        with zipfile.ZipFile(out / "coordination-abt-nongbua.docx") as z:
            xml = z.read("word/document.xml").decode()
        grid = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"/>', re.search(
            r"<w:tblGrid>.*?</w:tblGrid>", xml).group(0))]
        assert len(grid) == 9 + years
        year_cols = grid[4:4 + years]
        assert len(set(year_cols)) == 1 and year_cols[0] > grid[0]
        assert abs(sum(grid) - 14570) < 20  # 25.7 cm: the landscape text width
        row = re.search(r"<w:tr[ >](?:(?!</w:tr>).)*?\(P0\d\d\)", xml).group(0)
        assert [int(w) for w in re.findall(r'<w:tcW w:type="dxa" w:w="(\d+)"/>', row)] == grid
        assert "<w:tblHeader/>" in xml and "<w:cantSplit/>" in xml
        assert '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>' in xml


# ------------------------------------------------------------------ the .xlsx


def sheet_rows(path: Path) -> tuple[object, list[list[object]]]:
    ws = load_workbook(path).active
    return ws, [[c.value for c in row] for row in ws.iter_rows()]


@pytest.mark.parametrize("lg", LGS)
def test_xlsx_rows_formulas_and_layout(built: dict, lg: str) -> None:
    want = built["expected"][lg]
    ws, rows = sheet_rows(built["plain"] / f"coordination-{lg}.xlsx")
    header = next(i for i, r in enumerate(rows) if r[0] == "ที่")
    labels = rows[header]
    assert labels == ["ที่", "โครงการ", "วัตถุประสงค์", "เป้าหมาย (ผลผลิตของโครงการ)", "งบประมาณ ปี 2571 (บาท)",
                      "งบประมาณ ปี 2572 (บาท)", "สถานที่ (หมู่ที่)", "ตัวชี้วัด (KPI)", "ผลที่คาดว่าจะได้รับ",
                      "หน่วยงานรับผิดชอบหลัก", "หมายเหตุ", "รหัสโครงการ"]
    body = rows[header + 1:]
    projects = [r for r in body if isinstance(r[0], int)]
    assert {r[-1] for r in projects} == want["ids"]
    for r in projects:
        assert r[1] == want["names"][r[-1]]
        assert r[4:6] == [want["amounts"][r[-1]][y] for y in want["years"]]
    # subtotals: SUM over exactly the project rows of their group; the total sums the subtotals
    subtotal_rows, start = [], 0
    for n, r in enumerate(body, header + 2):
        if isinstance(r[0], int) and not start:
            start = n
        elif isinstance(r[1], str) and r[1].startswith("รวม ") and not r[1].startswith("รวมทั้งสิ้น"):
            assert r[4:6] == [f"=SUM(E{start}:E{n - 1})", f"=SUM(F{start}:F{n - 1})"]
            subtotal_rows.append(n)
            start = 0
    assert len(subtotal_rows) == len(want["subtotals"])
    total = next(r for r in body if isinstance(r[1], str) and r[1].startswith("รวมทั้งสิ้น"))
    assert total[4] == "=SUM(" + ",".join(f"E{n}" for n in subtotal_rows) + ")"
    assert ws.freeze_panes == f"C{header + 2}"
    assert ws.auto_filter.ref.startswith(f"A{header + 1}:L")
    first_project = header + 3  # after the first group's heading
    assert ws.cell(first_project, 5).number_format.startswith("#,##0")
    assert ws.cell(subtotal_rows[0], 5).number_format.startswith("#,##0")
    assert ws.cell(first_project, 2).font.name == "TH SarabunPSK"
    assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == f"${header + 1}:${header + 1}"
    assert all(ws.column_dimensions[c].width for c in "ABCDEFGHIJKL")


@pytest.mark.parametrize("lg", LGS)
def test_xlsx_titles_bands_and_row_heights(built: dict, lg: str) -> None:
    """Titles merged across the table and unboxed, group rows shaded as one band, and each
    project row tall enough for its longest wrapped text (neither Excel nor Calc sizes rows)."""
    ws, rows = sheet_rows(built["plain"] / f"coordination-{lg}.xlsx")
    assert sorted(str(r) for r in ws.merged_cells.ranges) == ["A1:L1", "A2:L2", "A3:L3"]

    def sides(cell: object) -> list[str | None]:
        return [getattr(getattr(cell.border, s), "style", None) for s in ("left", "right", "top", "bottom")]

    assert ws["A1"].font.b and ws["A1"].font.sz == 18 and sides(ws["A1"]) == [None] * 4
    heading = next(n for n, r in enumerate(rows, 1) if r[0] == "ที่") + 1
    assert [sides(ws.cell(heading, c)) for c in (1, 2, 12)] == [
        ["thin", None, "thin", "thin"], [None, None, "thin", "thin"], [None, "thin", "thin", "thin"]]
    assert {ws.cell(heading, c).fill.fgColor.rgb for c in range(1, 13)} == {"00EDEDED"}
    assert ws.row_dimensions[heading].height == 25

    def lines(text: str, width: float) -> int:
        per_line = int((width - 1) * 0.8)  # characters of TH SarabunPSK 14 pt per unit of width
        visible = [sum(unicodedata.category(ch) not in ("Mn", "Me", "Cf") for ch in line)
                   for line in text.splitlines()]
        return sum(-(-max(n, 1) // per_line) for n in visible)

    projects = [(n, r) for n, r in enumerate(rows, 1) if isinstance(r[0], int)]
    for n, r in projects:
        need = max(lines(v, ws.column_dimensions[chr(64 + c)].width) for c, v in enumerate(r, 1) if isinstance(v, str))
        assert ws.row_dimensions[n].height == need * 21 + 4, (n, r[1])
    assert any(ws.row_dimensions[n].height > 25 for n, _ in projects)


def test_xlsx_text_that_looks_like_a_formula_stays_text(built: dict) -> None:
    ws, rows = sheet_rows(built["variant"] / "coordination-abt-nongbua.xlsx")
    cell = next(c for row in ws.iter_rows() for c in row if c.value == INJECTED)
    assert cell.data_type == "s"
    header = next(r for r in rows if r[0] == "ที่")
    assert header[4:7] == ["งบประมาณ ปี 2571 (บาท)", "งบประมาณ ปี 2572 (บาท)", "งบประมาณ ปี 2573 (บาท)"]


@needs_libreoffice
@pytest.mark.libreoffice
@pytest.mark.parametrize("lg", LGS)
def test_xlsx_opens_in_calc_and_totals_compute(built: dict, read_back: dict, lg: str) -> None:
    want = built["expected"][lg]
    rows = list(csv.reader(io.StringIO(read_back[lg]["csv"])))
    assert rows[0][0] == "บัญชีประสานโครงการพัฒนา"
    total = next(r for r in rows if r[1].startswith("รวมทั้งสิ้น"))
    assert total[4:6] == [money(want["totals"][y]) for y in want["years"]]  # as shown: #,##0
    subtotals = [r[4:6] for r in rows if r[1].startswith("รวม ")]
    assert subtotals == [[money(s[y]) for y in want["years"]] for s in want["subtotals"]]
    assert {r[-1] for r in rows if r[0].isdigit()} == want["ids"]
