"""The plan book (plan-book.docx): content read back from LibreOffice's PDF, Word XML fidelity,
escaping, strict variables, optional sections and fiscal-year columns."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLE, needs_libreoffice, read_docx, soffice, squash
from docx.enum.text import WD_ALIGN_PARAGRAPH
from lxml import etree
from ruamel.yaml import YAML

from tambondoc import thai
from tambondoc.check.validate import validate_file
from tambondoc.cli import cli
from tambondoc.context.build import build_context
from tambondoc.docx.cells import side_margins
from tambondoc.resources import default_templates_dir

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FONT = "TH SarabunPSK"


def build(plan: Path, out: Path, *extra: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(cli, ["build", str(plan), "-o", str(out), *extra])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.output.splitlines()


def copy_example(folder: Path) -> Path:
    shutil.copytree(EXAMPLE.parent, folder / "plans")
    return folder / "plans" / EXAMPLE.name


def edit_plan(plan: Path, change) -> None:
    """Apply ``change(data)`` to a plan file with ruamel round-trip (comments kept)."""
    yaml = YAML()
    data = yaml.load(plan.read_text(encoding="utf-8"))
    change(data)
    with plan.open("w", encoding="utf-8") as f:
        yaml.dump(data, f)


def context_of(plan: Path) -> dict:
    checked = validate_file(plan)
    assert checked.ok, checked.problems
    return build_context(checked.data)


def document_xml(docx: Path) -> str:
    with zipfile.ZipFile(docx) as z:
        return z.read("word/document.xml").decode("utf-8")


# ---------------------------------------------------------------- the example, through LibreOffice

@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The example built once with ``--pdf``: its context, .docx, PDF and per-page text."""
    root = tmp_path_factory.mktemp("book")
    plan = copy_example(root)
    code, lines = build(plan, root / "out", *(["--pdf"] if soffice() and shutil.which("pdftotext") else []))
    assert code == 0, lines
    outdir = root / "out" / plan.stem
    result = {"plan": plan, "context": context_of(plan), "docx": outdir / "plan-book.docx",
              "pdf": outdir / "plan-book.pdf"}
    if result["pdf"].is_file():
        pages = []
        count = int(re.search(r"Pages:\s+(\d+)", subprocess.run(
            ["pdfinfo", str(result["pdf"])], capture_output=True, text=True, check=True).stdout).group(1))
        for n in range(1, count + 1):
            pages.append(subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(result["pdf"]), "-"],
                                        capture_output=True, text=True, check=True).stdout)
        result["pages"] = pages
        result["text"] = subprocess.run(["pdftotext", "-raw", str(result["pdf"]), "-"], capture_output=True, text=True,
                                        check=True).stdout
    return result


def prose(ctx: dict, value: str) -> str:
    return thai.digits(value, ctx["settings"]["prose_numerals"])


def table(ctx: dict, value: str) -> str:
    return thai.digits(value, ctx["settings"]["table_numerals"])


@needs_libreoffice
@pytest.mark.libreoffice
def test_every_project_and_village_is_printed(built: dict) -> None:
    ctx, text = built["context"], squash(built["text"])
    assert ctx["projects"], "the example has projects"
    for p in ctx["projects"]:
        assert squash(table(ctx, p["name"])) in text, p["name"]
    for v in ctx["tambon"]["villages"]:
        assert squash(table(ctx, v["name"])) in text, v["name"]
        assert squash(v["headman"]) in text, v["headman"]


@needs_libreoffice
@pytest.mark.libreoffice
def test_grand_total_in_digits_and_words(built: dict) -> None:
    ctx, text = built["context"], squash(built["text"])
    total = ctx["totals"]["amount"]
    assert total == sum(sum(b["amount"] for b in p["budget"]) for p in ctx["projects"])
    words = thai.baht_text(total)
    assert words.endswith("บาทถ้วน")
    assert squash(f"รวมงบประมาณทั้งสิ้น {prose(ctx, thai.money(total))} บาท ({words})") in text
    # the grand total row of the project tables, with the table numerals (Arabic in the example)
    assert squash(f"รวมทั้งสิ้น ({table(ctx, str(ctx['totals']['count']))} โครงการ)") in text
    assert table(ctx, thai.money(total)) in built["text"]
    for g in ctx["strategy_groups"]:
        assert table(ctx, thai.money(g["totals"]["amount"])) in built["text"]


@needs_libreoffice
@pytest.mark.libreoffice
def test_dates_are_buddhist_era_with_thai_month_names(built: dict) -> None:
    ctx, text = built["context"], squash(built["text"])
    approved = prose(ctx, thai.thai_date(ctx["plan"]["approved_on"]))
    meeting = prose(ctx, thai.thai_date(ctx["review"]["meeting_date"]))
    assert approved == "๒๐ มีนาคม ๒๕๗๐" and meeting == "๑๐ กุมภาพันธ์ ๒๕๗๐"
    assert squash(f"ให้ความเห็นชอบเมื่อวันที่ {approved}") in text
    assert squash(f"เมื่อวันที่ {meeting}") in text
    assert squash(prose(ctx, f"ปีงบประมาณ พ.ศ. {ctx['plan']['years_text']}")) in text


def _toc_entries(pages: list[str]) -> tuple[list[tuple[str, str]], set[int]]:
    """(heading, printed page) pairs of the สารบัญ and the indexes of its pages."""
    start = next(i for i, p in enumerate(pages) if re.search(r"^\s*สารบัญ\s*$", p, re.M))
    entries, toc_pages = [], set()
    for i in range(start, len(pages)):
        found = re.findall(r"^\s*(\S.*?)\s*\.{4,}\s*(\S+)\s*$", pages[i], re.M)
        if not found:
            break
        toc_pages.add(i)
        entries.extend(found)
    return entries, toc_pages


def _printed_number(page: str) -> str:
    return [line.strip() for line in page.splitlines() if line.strip()][-1]


@needs_libreoffice
@pytest.mark.libreoffice
def test_contents_list_the_headings_with_their_real_page_numbers(built: dict) -> None:
    pages = built["pages"]
    entries, toc_pages = _toc_entries(pages)
    headings = [squash(h) for h, _ in entries]
    expected = ["คำนำ", "ส่วนที่๑ข้อมูลทั่วไปของตำบล", "๑.๑ประวัติความเป็นมา", "๑.๕หมู่บ้านชุมชนและประชากร",
                "ส่วนที่๒การวิเคราะห์ข้อมูลและทิศทางการพัฒนา", "ส่วนที่๓โครงการ/กิจกรรมตามแผนพัฒนาตำบล",
                "๓.๒สรุปโครงการและงบประมาณจำแนกตามยุทธศาสตร์", "ส่วนที่๔การทบทวนแผนพัฒนาตำบล", "ภาคผนวก",
                "ตารางวิเคราะห์คะแนนความสำคัญของแผนงาน/โครงการ", "ภาพกิจกรรม"]
    for heading in expected:
        assert squash(heading) in headings, (heading, headings)
    assert len(entries) >= 30
    for heading, printed in entries:
        where = [i for i, page in enumerate(pages) if i not in toc_pages
                 and any(squash(line) == squash(heading) for line in page.splitlines())]
        assert where, f"heading {heading} not found on any page"
        assert _printed_number(pages[where[0]]) == printed, (heading, printed, where[0])
    # page numbers in Thai numerals (the example's prose setting), front matter in Thai letters
    assert dict((squash(h), n) for h, n in entries)["คำนำ"] == "ก"
    assert all(re.fullmatch(r"[๐-๙]+", n) for h, n in entries if squash(h) != "คำนำ")


@needs_libreoffice
@pytest.mark.libreoffice
def test_project_tables_are_on_landscape_pages(built: dict) -> None:
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(built["pdf"])],
                         capture_output=True, text=True, check=True).stdout
    sizes = re.findall(r"Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)", out)
    landscape = {int(n) - 1 for n, w, h in sizes if float(w) > float(h)}
    assert landscape, "some pages are landscape"
    for i, page in enumerate(built["pages"]):
        if "แผนงาน/โครงการ" in page and "แหล่งงบประมาณ" in page:
            assert i in landscape, f"project table on portrait page {i + 1}"
        if "ส่วนที่ ๔" in page or "ภาคผนวก" in page:
            assert i not in landscape


# ---------------------------------------------------------------- Word XML

def _styles(docx: Path):
    from lxml import etree

    with zipfile.ZipFile(docx) as z:
        return etree.fromstring(z.read("word/styles.xml"))


def _effective(styles, style_id: str | None, tag: str, attr: str) -> str | None:
    """A run property of a paragraph style, following basedOn down to the document defaults."""
    by_id = {s.get(W + "styleId"): s for s in styles.iter(W + "style")}
    seen = set()
    while style_id and style_id not in seen:
        seen.add(style_id)
        style = by_id.get(style_id)
        if style is None:
            break
        el = style.find(f"{W}rPr/{W}{tag}")
        if el is not None and el.get(W + attr):
            return el.get(W + attr)
        based = style.find(W + "basedOn")
        style_id = based.get(W + "val") if based is not None else None
    el = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}{tag}")
    return el.get(W + attr) if el is not None else None


def test_thai_text_carries_the_complex_script_font_and_size(built: dict) -> None:
    from lxml import etree

    styles = _styles(built["docx"])
    body = etree.fromstring(document_xml(built["docx"]).encode())
    used = {p.get(W + "val") for p in body.iter(W + "pStyle")}
    assert {"Heading1", "Heading2", "BodyText", "TOC1"} <= used
    thai_paragraphs = 0
    for p in body.iter(W + "p"):
        text = "".join(t.text or "" for t in p.iter(W + "t"))
        if not re.search(r"[\u0E00-\u0E7F]", text):
            continue
        thai_paragraphs += 1
        style = p.find(f"{W}pPr/{W}pStyle")
        sid = style.get(W + "val") if style is not None else "Normal"
        for r in p.iter(W + "r"):
            fonts = r.find(f"{W}rPr/{W}rFonts")
            cs = fonts.get(W + "cs") if fonts is not None and fonts.get(W + "cs") else _effective(styles, sid, "rFonts", "cs")
            assert cs == FONT, (sid, text[:40])
        assert _effective(styles, sid, "szCs", "val"), (sid, text[:40])
        assert _effective(styles, sid, "lang", "bidi") == "th-TH"
    assert thai_paragraphs > 200
    assert _effective(styles, "Heading1", "bCs", "val") in ("1", "true")
    body_jc = styles.find(f"{W}style[@{W}styleId='BodyText']/{W}pPr/{W}jc")
    assert body_jc.get(W + "val") == "thaiDistribute"


def test_page_setup_sections_and_table_rows(built: dict) -> None:
    xml = document_xml(built["docx"])
    sizes = re.findall(r'<w:pgSz w:w="(\d+)" w:h="(\d+)"(?: w:orient="(\w+)")?', xml)
    assert ("11906", "16838", "") in sizes or any(w == "11906" for w, h, o in sizes)  # A4 portrait
    assert any(o == "landscape" and w == "16838" for w, h, o in sizes)
    margins = re.findall(r'<w:pgMar w:top="(\d+)" w:right="(\d+)" w:bottom="(\d+)" w:left="(\d+)"', xml)
    assert ("1417", "1134", "1134", "1701") in margins  # 2.5 / 2 / 2 / 3 cm
    assert 'w:fmt="thaiNumbers"' in xml and 'w:fmt="thaiLetters"' in xml
    assert xml.count("<w:tblHeader/>") >= 10 and xml.count("<w:cantSplit/>") > 100
    with zipfile.ZipFile(built["docx"]) as z:
        assert '<w:updateFields w:val="true"/>' in z.read("word/settings.xml").decode()
        footers = [z.read(n).decode() for n in z.namelist() if n.startswith("word/footer")]
    assert any("PAGE" in f for f in footers)


@needs_libreoffice
@pytest.mark.libreoffice
def test_contents_of_the_docx_carry_the_page_numbers_of_the_pdf(built: dict) -> None:
    """--pdf writes the page numbers LibreOffice computed into the .docx's contents (a tab, then
    the number, in the book's numerals); the .docx keeps Word's Thai distributed alignment."""
    doc = read_docx(str(built["docx"]))
    toc = [p.text.split("\t") for p in doc.paragraphs if p.style.name.lower().startswith("toc")]
    entries, _ = _toc_entries(built["pages"])
    assert [(squash(h), n) for h, n in toc] == [(squash(h), n) for h, n in entries]
    assert toc[0] == ["คำนำ", "ก"] and toc[1][1] == "๑"
    with zipfile.ZipFile(built["docx"]) as z:
        assert b'w:val="thaiDistribute"' in z.read("word/styles.xml")


def test_pdf_copy_is_justified_and_contents_numbers_pair_with_entries(tmp_path: Path) -> None:
    from tambondoc.build.pdf_docx import justified_copy, write_contents_numbers

    plan = copy_example(tmp_path)
    code, lines = build(plan, tmp_path / "out")
    assert code == 0, lines
    docx = tmp_path / "out" / plan.stem / "plan-book.docx"
    justified_copy(docx, tmp_path / "copy.docx")
    with zipfile.ZipFile(tmp_path / "copy.docx") as z:
        styles = z.read("word/styles.xml")
    assert b"thaiDistribute" not in styles and b'w:val="both"' in styles
    before = docx.read_bytes()
    entries = [p for p in read_docx(str(docx)).paragraphs if p.style.name.lower().startswith("toc")]
    assert not write_contents_numbers(docx, ["1"] * (len(entries) - 1), thai=True)
    assert docx.read_bytes() == before  # numbers that do not pair leave the .docx alone
    assert write_contents_numbers(docx, [str(i) for i in range(len(entries))], thai=True)
    numbered = [p.text for p in read_docx(str(docx)).paragraphs if p.style.name.lower().startswith("toc")]
    assert numbered[2] == entries[2].text + "\t๒"


def test_contents_are_prefilled_with_the_headings(built: dict) -> None:
    doc = read_docx(str(built["docx"]))
    toc = [p.text.split("\t")[0] for p in doc.paragraphs if p.style.name.lower().startswith("toc")]
    assert toc[0] == "คำนำ"
    assert "ส่วนที่ ๑ ข้อมูลทั่วไปของตำบล" in toc and "ภาคผนวก" in toc
    headings = [p.text for p in doc.paragraphs if p.style.name in ("Heading 1", "Heading 2", "Appendix Heading")]
    assert toc == headings


def test_the_appendix_names_its_order_centred_under_its_heading(built: dict) -> None:
    """The order's number and date under the committee's heading: centred as the heading, not
    a body paragraph whose first-line indent left its date hanging at the left margin."""
    doc = read_docx(str(built["docx"]))
    paragraphs = doc.paragraphs
    at = next(i for i, p in enumerate(paragraphs)
              if p.style.name == "Appendix Heading" and p.text.startswith("รายชื่อคณะกรรมการบริหารงานตำบล"))
    subtitle = paragraphs[at + 1]
    assert subtitle.text.startswith("ตามคำสั่งอำเภอเนินสะอาด ที่ ")
    assert subtitle.style.name == "Appendix Subtitle"
    assert subtitle.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert not subtitle.style.paragraph_format.first_line_indent


def test_multi_line_text_becomes_separate_paragraphs(built: dict) -> None:
    ctx = built["context"]
    lines = ctx["tambon"]["history_paragraphs"]
    assert len(lines) == 2
    texts = [p.text for p in read_docx(str(built["docx"])).paragraphs]
    for line in lines:
        assert prose(ctx, line) in texts
    foreword = ctx["book"]["foreword_paragraphs"]
    assert len(foreword) == 2 and all(prose(ctx, line) in texts for line in foreword)


# ---------------------------------------------------------------- variations of the plan

def test_special_characters_render_literally(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    name = 'ถนน "สายใหม่" & <ซอย 5> \'ทดสอบ\''

    def change(data) -> None:
        data["projects"][0]["name"] = name
        data["direction"]["vision"] = "ชุมชน <เข้มแข็ง> & \"พอเพียง\""

    edit_plan(plan, change)
    code, lines = build(plan, tmp_path / "out")
    assert code == 0, lines
    docx = tmp_path / "out" / plan.stem / "plan-book.docx"
    cells = [c.text for t in read_docx(str(docx)).tables for row in t.rows for c in row.cells]
    assert name in cells
    assert "“ชุมชน <เข้มแข็ง> & \"พอเพียง\"”" in [p.text for p in read_docx(str(docx)).paragraphs]
    assert "&amp; &lt;ซอย 5&gt;" in document_xml(docx)


def test_web_and_mail_addresses_keep_their_arabic_digits_in_thai_prose_aligned_left(tmp_path: Path) -> None:
    """Thai numerals turned a foreword's address into https://…/plan/๒๕๗๑-๒๕๗๒/…, which no browser opens."""
    plan = copy_example(tmp_path)
    url = "https://www.nongbuangam.go.th/plan/2571-2572/plan.pdf"

    def change(data) -> None:
        data["plan"]["foreword"] = f"ดูแผนฉบับปี 2571 ได้ที่ {url} หรือขอทาง e-mail plan2571@nongbuangam.go.th\n"

    edit_plan(plan, change)
    code, lines = build(plan, tmp_path / "out")
    assert code == 0, lines
    paragraphs = {p.text: p for p in read_docx(str(tmp_path / "out" / plan.stem / "plan-book.docx")).paragraphs}
    line = f"ดูแผนฉบับปี ๒๕๗๑ ได้ที่ {url} หรือขอทาง e-mail plan2571@nongbuangam.go.th"
    assert line in paragraphs
    # aligned left: distributed, the line before the address (which no line breaks) was spread
    # letter by letter across the page ('ด ู แ ผ น ฉ บ ั บ')
    assert [p.paragraph_format.alignment for p in (paragraphs[line], next(p for t, p in paragraphs.items()
                                                                         if t.startswith("ตำบลหนองบัวงามตั้งขึ้น")))] \
        == [WD_ALIGN_PARAGRAPH.LEFT, None]
    assert thai.thai_digits("เลขที่ 15/2570 www.x2.com/3 5") == "เลขที่ ๑๕/๒๕๗๐ www.x2.com/3 ๕"


def test_unknown_variable_fails_with_template_and_variable(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    templates = tmp_path / "templates"
    shutil.copytree(default_templates_dir(), templates)
    book = templates / "plan-book.docx"
    with zipfile.ZipFile(book) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["word/document.xml"].decode()
    assert "{{ tambon.amphoe }}" in xml
    parts["word/document.xml"] = xml.replace("{{ tambon.amphoe }}", "{{ tambon.district_name }}", 1).encode()
    with zipfile.ZipFile(book, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)
    out = tmp_path / "out"
    code, lines = build(plan, out, "--templates", str(templates))
    assert code == 1
    prefix = (f"{plan}: ล้มเหลว: plan-book.docx: แม่แบบใช้ตัวแปรที่ไม่มีในข้อมูลแผน: "
              "'dict object' has no attribute 'district_name'")
    assert any(line.startswith(prefix) for line in lines), lines
    assert not (out / plan.stem / "plan-book.docx").exists()


def test_without_review_part_four_is_left_out(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    edit_plan(plan, lambda data: data.pop("review"))
    code, lines = build(plan, tmp_path / "out")
    assert code == 0, lines
    doc = read_docx(str(tmp_path / "out" / plan.stem / "plan-book.docx"))
    texts = [p.text for p in doc.paragraphs]
    assert not any(t.startswith("ส่วนที่ ๔") for t in texts)
    assert "ภาคผนวก" in texts and "ส่วนที่ ๓ โครงการ/กิจกรรมตามแผนพัฒนาตำบล" in texts


def test_optional_data_missing_still_builds(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)

    def change(data) -> None:
        for key in ("history", "occupations", "groups", "funds", "basic_needs", "photos", "map_image"):
            data["tambon"].pop(key)
        data["plan"].pop("foreword")
        data["plan"].pop("prepared_by")

    edit_plan(plan, change)
    code, lines = build(plan, tmp_path / "out")
    assert code == 0, lines
    texts = [p.text for p in read_docx(str(tmp_path / "out" / plan.stem / "plan-book.docx")).paragraphs]
    assert "(ไม่มีข้อมูล)" in texts and "(ไม่มีแผนที่)" in texts and "(ไม่มีภาพกิจกรรม)" in texts
    assert any(t.startswith("แผนพัฒนาตำบลหนองบัวงามฉบับนี้ จัดทำขึ้นตามระเบียบกระทรวงมหาดไทย") for t in texts)


def test_arabic_prose_numerals_number_pages_in_arabic(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    edit_plan(plan, lambda data: data["settings"].__setitem__("prose_numerals", "arabic"))
    code, lines = build(plan, tmp_path / "out")
    assert code == 0, lines
    docx = tmp_path / "out" / plan.stem / "plan-book.docx"
    xml = document_xml(docx)
    assert 'w:fmt="thaiNumbers"' not in xml and 'w:fmt="decimal"' in xml
    texts = [p.text for p in read_docx(str(docx)).paragraphs]
    assert "ให้ความเห็นชอบเมื่อวันที่ 20 มีนาคม 2570" in texts
    assert "ส่วนที่ 1 ข้อมูลทั่วไปของตำบล" in texts


def _budget_header(docx: Path) -> tuple[list[str], str]:
    """The second header row of the first project table, and the budget heading's span."""
    for t in read_docx(str(docx)).tables:
        first = [c.text for c in t.rows[0].cells]
        if "แหล่งงบประมาณ (บาท)" in first and "แผนงาน/โครงการ" in first:
            span = t._tbl.tr_lst[0].tc_lst[2].tcPr.find(W + "gridSpan")
            years = [tc for tc in t._tbl.tr_lst[1].tc_lst]
            texts = ["".join(x.text or "" for x in tc.iter(W + "t")) for tc in years]
            return texts, span.get(W + "val") if span is not None else "1"
    raise AssertionError("no project table")


@pytest.mark.parametrize("years, heads, span", [
    ([2571], ["ปี 2571"], "1"),
])
def test_one_budget_column_per_fiscal_year(tmp_path: Path, years: list[int], heads: list[str], span: str) -> None:
    """One year: seed 002's columns, an amount per year and per source."""
    plan = copy_example(tmp_path)

    def change(data) -> None:
        data["plan"]["fiscal_years"] = years
        del data["funding_sources"]
        for p in data["projects"]:
            kept = [b for b in p["budget"] if b["year"] in years]
            p["budget"] = kept or [{"year": years[0], "amount": 1000, "funding": {"community": 1000}}]
            for b in p["budget"]:
                b["funding"] = {"community": b["amount"]}

    edit_plan(plan, change)
    code, lines = build(plan, tmp_path / "out")
    assert code == 0, lines
    docx = tmp_path / "out" / plan.stem / "plan-book.docx"
    texts, got_span = _budget_header(docx)
    assert texts[2:2 + len(heads)] == heads
    assert got_span == span
    xml = document_xml(docx)
    widths = re.findall(r'<w:tblW w:w="(\d+)" w:type="dxa"/>.*?<w:tblGrid>(.*?)</w:tblGrid>', xml, re.S)
    for total, grid in widths:
        cols = [int(w) for w in re.findall(r'w:w="(\d+)"', grid)]
        assert abs(sum(cols) - int(total)) <= len(cols) + 2  # the grid fills the table's width


@pytest.mark.parametrize("years", [[2571, 2572], [2571, 2572, 2573]])
def test_several_fiscal_years_list_amounts_by_year_in_one_column(tmp_path: Path, years: list[int]) -> None:
    """From two years on, the project table keeps one budget column (a line per funded year and
    the total) and one source column, so the text keeps room on landscape A4: in a column per
    year, their total and a column per source, a realistic two-year plan's book took 89 pages, 55
    this way. Named sources or not."""
    plan = copy_example(tmp_path)

    def change(data) -> None:
        data["plan"]["fiscal_years"] = years
        if len(years) == 2:
            del data["funding_sources"]  # seven amount columns without them: still too many
            for p in data["projects"]:
                p["budget"] = [b for b in p["budget"] if b["year"] in years] or \
                    [{"year": years[0], "amount": 1000, "funding": {"community": 1000}}]
                for b in p["budget"]:
                    b["funding"] = {"community": b["amount"]}

    edit_plan(plan, change)
    code, lines = build(plan, tmp_path / "out")
    assert code == 0, lines
    docx = tmp_path / "out" / plan.stem / "plan-book.docx"
    project = next(t for t in read_docx(str(docx)).tables if "แผนงาน/โครงการ" in t.rows[0].cells[1].text)
    assert [c.text for c in project.rows[0].cells] == ["ที่", "แผนงาน/โครงการ", "เป้าหมาย", "ระยะเวลา",
                                                        "สถานที่ดำเนินการ", "งบประมาณ (บาท)", "แหล่งงบประมาณ (บาท)"]
    heading = [r for r in project.rows if r._tr.trPr is not None and r._tr.trPr.find(W + "tblHeader") is not None]
    assert len(heading) == 1  # a second row would only continue merges: an empty line on every page
    ctx = context_of(plan)
    first = ctx["strategy_groups"][0]["projects"][0]
    row = next(r for r in project.rows if r.cells[1].text == first["name"])
    assert row.cells[5].text == "\n".join(f"{y['year']} \t{thai.money(y['amount'])}" for y in first["year_lines"])
    want = [f"{s['label']} \t{thai.money(s['amount'])}" for s in first["source_lines"]]
    if len(want) > 1 and len(first["year_lines"]) > 1:  # one year's or one source's line is the total
        want.append(f"รวม \t{thai.money(first['total'])}")
    assert row.cells[6].text == "\n".join(want)
    # the label at the cell's left, the amount at its right edge: a right tab stop where the column ends
    grid = [int(c.get(W + "w")) for c in project._tbl.tblGrid.findall(W + "gridCol")]
    margins = side_margins(project._tbl)
    for i in (5, 6):
        for p in row.cells[i].paragraphs:
            stops = p._p.findall(f"{W}pPr/{W}tabs/{W}tab")
            assert [(t.get(W + "val"), int(t.get(W + "pos"))) for t in stops] == [("right", grid[i] - margins - 20)]
            assert p._p.find(f"{W}pPr/{W}jc").get(W + "val") == "left"


def test_named_sources_add_up_in_an_other_column_or_in_lines(tmp_path: Path) -> None:
    """One year: seed 002's columns and one "อื่น ๆ" column holding the named sources together,
    their names in a note under the table. Two years with named sources would need eight amount
    columns: the example lists years and sources as lines, named sources by their short names."""
    plan = copy_example(tmp_path)
    code, lines = build(plan, tmp_path / "two")
    assert code == 0, lines
    two = read_docx(str(tmp_path / "two" / plan.stem / "plan-book.docx"))
    rows = [r for t in two.tables if "แผนงาน/โครงการ" in t.rows[0].cells[1].text for r in t.rows]
    ctx = context_of(plan)
    named = next(p for g in ctx["strategy_groups"] for p in g["projects"] if p["other_amount"])
    row = next(r for r in rows if r.cells[1].text == named["name"])
    assert [f"{o['short']} \t{thai.money(o['amount'])}" for o in named["other_sources"]] == \
        [line for line in row.cells[6].text.splitlines() if not line.startswith("งบ")]
    note = "หมายเหตุ: อื่น\u00a0ๆ ได้แก่ พอช. = สถาบันพัฒนาองค์กรชุมชน (องค์การมหาชน), อบจ. = องค์การบริหารส่วนจังหวัดพิษณุโลก"
    assert note in [p.text for p in two.paragraphs]

    def one_year(data) -> None:
        data["plan"]["fiscal_years"] = [2571]
        for p in data["projects"]:
            p["budget"] = [b for b in p["budget"] if b["year"] == 2571] or \
                [{"year": 2571, "amount": 1000, "funding": {"community": 1000}}]

    edit_plan(plan, one_year)
    code, lines = build(plan, tmp_path / "one")
    assert code == 0, lines
    one = read_docx(str(tmp_path / "one" / plan.stem / "plan-book.docx"))
    tables = [t for t in one.tables if "แผนงาน/โครงการ" in t.rows[0].cells[1].text]
    ctx = context_of(plan)
    assert len(tables) == len(ctx["strategy_groups"])  # a table per strategy
    assert [c.text for c in tables[0].rows[1].cells][-5:] == ["งบท้องถิ่น", "งบหน่วยงาน", "งบพัฒนาจังหวัด", "งบชุมชน",
                                                             "อื่น\u00a0ๆ"]  # ๆ never starts a line
    for table, group in zip(tables, ctx["strategy_groups"]):
        for p in group["projects"]:
            row = next(r for r in table.rows if r.cells[1].text == p["name"])
            assert [c.text for c in row.cells][-5:] == [thai.money(a) if a else "-" for a in p["source_amounts"]]
    total = tables[-1].rows[-1]
    assert total.cells[-1].text == thai.money(ctx["totals"]["other_amount"]) != "-"


@needs_libreoffice
@pytest.mark.libreoffice
def test_amounts_stay_on_one_line_with_three_fiscal_years(tmp_path: Path) -> None:
    from tambondoc.build.pdf import convert_to_pdf

    plan = copy_example(tmp_path)

    def change(data) -> None:
        data["plan"]["fiscal_years"] = [2571, 2572, 2573]
        for p in data["projects"]:
            last = p["budget"][-1]
            p["budget"].append({"year": 2573, "amount": last["amount"] * 4,
                                "funding": {k: v * 4 for k, v in last["funding"].items()}})

    edit_plan(plan, change)
    code, lines = build(plan, tmp_path / "out")
    assert code == 0, lines
    docx = tmp_path / "out" / plan.stem / "plan-book.docx"
    [pdf] = convert_to_pdf([docx], tmp_path)
    raw = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    broken = [line for line in raw.splitlines() if re.fullmatch(r"[\d,]*,|0{1,3}", line.strip())]
    assert broken == []
    ctx = context_of(plan)
    assert table(ctx, thai.money(ctx["totals"]["amount"])) in raw.split()
    for g in ctx["strategy_groups"]:
        for amount in g["totals"]["year_amounts"]:
            assert thai.money(amount, dash=True) in raw.split()


def test_pdf_without_libreoffice_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tambondoc.build.pdf as pdf

    monkeypatch.setattr(pdf, "soffice", lambda: None)
    plan = copy_example(tmp_path)
    code, lines = build(plan, tmp_path / "out", "--pdf")
    assert code == 1
    assert f"{plan}: ล้มเหลว: {pdf.INSTALL_HINT}" in lines
    assert "libreoffice-writer-nogui fonts-thai-tlwg" in pdf.INSTALL_HINT
    assert not (tmp_path / "out" / plan.stem / "plan-book.pdf").exists()


def test_a_note_under_a_summary_table_keeps_with_the_table(tmp_path: Path) -> None:
    """A note explaining a table ("หมายเหตุ: อื่น ๆ ได้แก่ …") was left at the top of the next page:
    the table's last row keeps with the spacer after it (for LibreOffice the last row's keep is
    the table's) and the spacer with the note; under the project tables, the grand total's line
    keeps with it."""
    plan = copy_example(tmp_path)
    code, lines = build(plan, tmp_path / "out")
    assert code == 0, lines
    with zipfile.ZipFile(tmp_path / "out" / plan.stem / "plan-book.docx") as z:
        body = etree.fromstring(z.read("word/document.xml")).find(W + "body")

    def kept(p: etree._Element) -> bool:
        return p.find(f"{W}pPr/{W}keepNext") is not None

    notes = [el for el in body if el.tag == W + "p" and "".join(el.itertext()).startswith("หมายเหตุ")
             and el.getprevious().getprevious().tag == W + "tbl"]
    assert len(notes) == 2  # under 3.2.1 (the example has named sources) and 3.5
    for note in notes:
        spacer, table = note.getprevious(), note.getprevious().getprevious()
        assert kept(spacer) and not kept(note)
        assert all(kept(p) for p in table.findall(W + "tr")[-1].iter(W + "p"))
    # and under the project tables, the grand total's line keeps with the note after it
    total = next(el for el in body if el.tag == W + "p" and "".join(el.itertext()).startswith("รวมงบประมาณทั้งสิ้น"))
    assert "".join(total.getnext().itertext()).startswith("หมายเหตุ: อื่น") and kept(total)


def test_named_sources_no_project_uses_print_no_column_of_dashes(tmp_path: Path) -> None:
    """A plan that keeps the example's named sources (พอช., อบจ.) but funds nothing from them: no
    "อื่น ๆ" column of dashes and no note naming them. To keep 'อื่น ๆ' on one line such a column
    took a one-year plan book four pages of its text's width."""
    plan = copy_example(tmp_path)

    def unused(data) -> None:
        data["plan"]["fiscal_years"] = [2571]
        for p in data["projects"]:
            p["budget"] = [{"year": 2571, "amount": 1000, "funding": {"local": 1000}}]

    edit_plan(plan, unused)
    ctx = context_of(plan)
    assert [s["key"] for s in ctx["named_sources"]] == ["codi", "pao"]  # still the plan's, for who lists them
    assert [c["key"] for c in ctx["sources"]] == ["local", "agency", "province", "community"]
    assert ctx["other_sources_text"] == "" and all(len(p["source_amounts"]) == 4 for p in ctx["projects"])
    code, lines = build(plan, tmp_path / "out")
    assert code == 0, lines
    book = read_docx(str(tmp_path / "out" / plan.stem / "plan-book.docx"))
    heads = [c.text for t in book.tables if "แผนงาน/โครงการ" in t.rows[0].cells[1].text for c in t.rows[1].cells]
    assert heads and "อื่น\u00a0ๆ" not in heads
    assert not any(p.text.startswith("หมายเหตุ: อื่น") for p in book.paragraphs)


def test_last_years_statuses_stay_on_one_line(built: dict) -> None:
    """A status is one of four set phrases: its column is as wide as the longest one (w:noWrap),
    where 'อยู่ระหว่างดำเนินการ' broke as 'อยู่ระหว่างดำเนิน|การ', or over four lines in a long
    review of 80 projects."""
    from lxml import etree

    from tambondoc import measure

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    root = etree.fromstring(document_xml(built["docx"]).encode())
    table = next(t for t in root.iter(w + "tbl") if "".join(t.itertext()).startswith("ที่โครงการสถานะ"))
    widths = [int(g.get(w + "w")) for g in table.iter(w + "gridCol")]
    statuses = {p["status"] for p in built["context"]["review"]["previous_projects"]}
    assert "อยู่ระหว่างดำเนินการ" in statuses
    cells = [[tc for tc in row if tc.tag == w + "tc"][2] for row in table.iter(w + "tr")][1:-1]
    assert cells and all(tc.find(f"{w}tcPr/{w}noWrap") is not None for tc in cells)
    size = next((int(sz.get(w + "val")) / 2 for sz in cells[0].iter(w + "sz")), 14)  # the table may step down
    assert size >= 12 and widths[2] >= max(measure.em_width(s) for s in statuses) * size / 1000 * 20
