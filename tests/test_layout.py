"""The table layout step on tables built here, measured with the font's own metrics."""

from __future__ import annotations

import random
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import document_text, needs_libreoffice, run, squash, to_pdf
from lxml import etree

from tambondoc import measure
from tambondoc.docx import layout
from tambondoc.docx.styles import Styles
from tambondoc.plan.load import load_plan
from tambondoc.resources import default_templates_dir

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MARGINS = 2 * layout.DEFAULT_MARGIN


@pytest.fixture(scope="module")
def styles() -> Styles:
    with zipfile.ZipFile(default_templates_dir() / "plan-book.docx") as z:
        return Styles(etree.fromstring(z.read("word/styles.xml")))


def _cell(text: str, style: str = "TableText", header: bool = False, size: int | None = None) -> str:
    rpr = f'<w:rPr><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>' if size else ""
    lines = "".join(f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r>{rpr}<w:t xml:space="preserve">{line}</w:t></w:r></w:p>'
                    for line in text.split("\n"))
    return f"<w:tc><w:tcPr><w:tcW w:w=\"100\" w:type=\"dxa\"/></w:tcPr>{lines}</w:tc>"


def _table(rows: list[list[str]], width: int = 9000, heading: bool = True, total: bool = False,
           fixed: bool = False, size: int | None = None) -> etree._Element:
    """A table of ``rows`` (the first a repeated heading row) ``width`` twips wide, equal columns."""
    n = len(rows[0])
    grid = "".join(f'<w:gridCol w:w="{width // n}"/>' for _ in range(n))
    trs = []
    for i, row in enumerate(rows):
        head = heading and i == 0
        last_total = total and i == len(rows) - 1
        trpr = "<w:trPr><w:tblHeader/></w:trPr>" if head else ""
        style = "TableHeading" if head else "TableTotal" if last_total else "TableText"
        trs.append(f"<w:tr>{trpr}{''.join(_cell(c, style, size=size) for c in row)}</w:tr>")
    kind = "fixed" if fixed else "autofit"
    return etree.fromstring(f'<w:tbl {NS}><w:tblPr><w:tblW w:w="{width}" w:type="dxa"/>'
                            f'<w:tblLayout w:type="{kind}"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
                            f'{"".join(trs)}</w:tbl>')


def _widths(tbl: etree._Element) -> list[int]:
    return [int(c.get(W + "w")) for c in tbl.iter(W + "gridCol")]


def _twips(text: str, size_pt: float, longest: bool = False) -> float:
    em = measure.longest_word(text) if longest else measure.em_width(text)
    return em * size_pt / 1000 * 20


def _size(styles: Styles, style: str) -> int:
    return styles.size_and_bold(etree.fromstring(
        f'<w:p {NS}><w:pPr><w:pStyle w:val="{style}"/></w:pPr></w:p>'))[0]


LONG = "การพัฒนาคุณภาพชีวิตของผู้สูงอายุและคนพิการในชุมชนอย่างยั่งยืนและทั่วถึง " * 3


def test_text_goes_to_the_column_that_needs_it_and_no_column_is_narrower_than_its_word(styles: Styles) -> None:
    tbl = _table([["ที่", "โครงการ", "งบประมาณ", "ผู้รับผิดชอบ"],
                  ["1", LONG, "1,250,000", "องค์การบริหารส่วนตำบล"],
                  ["2", "ซ่อมถนน", "35,000", "เทศบาล"]])
    assert layout.lay_out(tbl, styles, layout.Page())
    widths = _widths(tbl)
    assert sum(widths) == pytest.approx(9000, abs=4)
    size = _size(styles, "TableText") / 2
    assert widths[1] == max(widths)  # the long text gets the room
    assert widths[2] >= _twips("1,250,000", size) + MARGINS  # the amount on one line
    heading = _size(styles, "TableHeading") / 2
    assert widths[3] >= _twips("องค์การบริหารส่วนตำบล", size, longest=True) + MARGINS
    assert widths[2] >= _twips("งบประมาณ", heading, longest=True) + MARGINS


def test_a_word_longer_than_any_column_does_not_take_the_table(styles: Styles) -> None:
    """A web address typed into an objective (200 characters, no space) made its column 15 cm of
    a 26 cm list and left the other columns a letter wide. Word and LibreOffice break such a word
    at the cell's edge, so it claims no more than a long Thai word would."""
    url = "https://www.example.go.th/" + "a" * 180
    tbl = _table([["ที่", "โครงการ", "วัตถุประสงค์", "หน่วยงาน"], ["1", "ซ่อมถนน", url, "องค์การบริหารส่วนตำบล"]])
    assert layout.lay_out(tbl, styles, layout.Page())
    widths = _widths(tbl)
    size = _size(styles, "TableText") / 2
    assert widths[3] >= _twips("องค์การบริหารส่วนตำบล", size, longest=True) + MARGINS
    assert widths[1] >= _twips("ซ่อมถนน", size) + MARGINS  # the address's column still gets the room left


def test_a_crowded_table_lets_its_rarest_long_words_break_never_its_heading_or_common_words(
        styles: Styles) -> None:
    """Ten columns of a five-year list: the longest word of each column over hundreds of rows
    (an abbreviation glued to its neighbour, 'รพ.สต.หนองบัวงาม') left nothing to share, and the
    columns were set in proportion to those words. Now the rarest 1 % may break at the cell's
    edge; the heading's words and the words most cells hold stay whole."""
    rare = "ขส.มก.รพ.สต.อบต.หนองบัว"  # one unbreakable unit (UAX #14 keeps abbreviations with their word)
    heading = ["ที่", "โครงการ", "วัตถุประสงค์", "เป้าหมาย", "ตัวชี้วัด", "ผลที่คาดว่าจะได้รับ", "หน่วยงาน",
               "สถานที่", "หมายเหตุ", "งบประมาณ"]
    body = [[str(i), "ซ่อมถนน", "ตลอดปีงบประมาณ", LONG, "ครัวเรือน", "ประชาชน", "กองช่าง", "หมู่ที่ 1", "-",
             "1,250,000"] for i in range(1, 121)]
    body[7][2] = f"เพื่อ {rare}"
    tbl = _table([heading, *body], width=14_700)  # a landscape list: 26 cm
    assert layout.lay_out(tbl, styles, layout.Page())
    widths = _widths(tbl)
    sizes = {int(sz.get(W + "val")) for sz in tbl.iter(W + "sz")}
    assert len(sizes) == 1 and min(sizes) < _size(styles, "TableText")  # it stepped down first, as one
    size = bold = min(sizes) / 2
    assert widths[2] < _twips(rare, size, longest=True) + MARGINS  # the rare word breaks
    assert widths[2] >= _twips("ปีงบประมาณ", size) + MARGINS  # a hundred cells' word does not
    for i, label in enumerate(heading):
        assert widths[i] >= _twips(label, bold, longest=True) + MARGINS, label


def test_heading_labels_that_tie_get_wider_together_and_a_column_of_dashes_is_text(styles: Styles) -> None:
    """Two labels of three lines each: widening one alone saves nothing, so the search once spent
    the width on the name; and a column of '-' (no KPI given) was taken for amounts, as narrow as a
    dash, its label broken into syllables (a real list for an อบจ.)."""
    tbl = _table([["ที่", "โครงการ", "ตัวชี้วัด (KPI)", "ผลที่คาดว่าจะได้รับ", "งบประมาณ"],
                  ["1", "ก่อสร้างถนนคอนกรีตเสริมเหล็กสายท่าลาด-คลองแขก " * 2, "-", "-", "2,400,000"]])
    assert layout.lay_out(tbl, styles, layout.Page())
    widths = _widths(tbl)
    heading = _size(styles, "TableHeading") / 2
    assert widths[2] >= _twips("ตัวชี้วัด", heading) + MARGINS  # the label's words stay whole
    assert widths[3] >= _twips("ผลที่คาดว่า", heading) + MARGINS


def test_a_long_tables_heading_label_gets_the_width_to_save_its_lines_on_every_page(styles: Styles) -> None:
    """A label whose column holds short cells ('อบต.') saves a line only when its last word fits,
    steps of width away, while every step on the text beside it saves a little now: the search
    kept the label at five lines, repeated on each of 110 pages (a real plan's list had
    'หน่วยงาน/ที่/รับผิดชอบ/หลัก' on every page). Looked at those steps ahead, it takes two and
    the table fewer pages."""
    rng = random.Random(1)
    words = ["พัฒนา", "ส่งเสริม", "อาชีพ", "ชุมชน", "ครัวเรือน", "เกษตรกร", "ผู้สูงอายุ", "สุขภาพ", "ถนน",
             "คอนกรีต", "หมู่บ้าน", "น้ำ", "ประปา"]
    def text(count: int) -> str:
        return "".join(rng.choice(words) for _ in range(count))
    label = "หน่วยงานที่รับผิดชอบหลัก"
    rows = [["ที่", "โครงการ", "วัตถุประสงค์", label]]
    rows += [[str(i), text(rng.randint(4, 14)), text(rng.randint(6, 30)), "อบต."] for i in range(300)]
    tbl = _table(rows, width=8000)
    assert layout.lay_out(tbl, styles, layout.Page())
    room = _widths(tbl)[3] - MARGINS - layout.SLACK
    assert measure.count_lines(label, room / 20 * 2000 / _size(styles, "TableHeading"), bold=True) <= 2


def test_only_the_rows_the_width_search_asks_keep_a_height_for_every_width(styles: Styles) -> None:
    """The search asks its sample's cells at every step; every other cell is asked at the first
    guess of the widths and at the last, and keeps only its last height: a dict for each of a
    20,000-project list's 60,000 cells was 15 MB."""
    from tambondoc.docx.cells import NOT_SEARCHED, read_rows, row_height
    from tambondoc.docx.search import SAMPLE, guess, share

    rows = [["ที่", "โครงการ", "วัตถุประสงค์"]]
    rows += [[str(i), "พัฒนาอาชีพชุมชน" * (1 + i % 5), "ส่งเสริมสุขภาพผู้สูงอายุ" * (1 + i % 7)] for i in range(400)]
    read = read_rows(_table(rows, width=8000), styles)
    columns, _, _ = layout._shrink(read, 3, 8000, MARGINS)
    first = guess(columns, 8000)
    guessed = [row_height(row, first, MARGINS) for row in read]
    widths = share(read, columns, 8000, MARGINS)
    assert all(row_height(row, widths, MARGINS) > 0 for row in read)
    assert [row_height(row, first, MARGINS) for row in read] == guessed  # a height asked again is the same
    kept = [row for row in read if any(cell.heights is not NOT_SEARCHED for cell in row.cells)]
    assert 0 < len(kept) <= SAMPLE + 2
    assert NOT_SEARCHED == {}


def test_a_table_that_cannot_hold_its_amounts_steps_down_whole_never_below_12_pt(styles: Styles) -> None:
    amounts = ["12,345,678"] * 12
    tbl = _table([["ปี"] * 12, amounts, amounts], width=9000, size=28)
    assert layout.lay_out(tbl, styles, layout.Page())
    sizes = {int(sz.get(W + "val")) for sz in tbl.iter(W + "sz")}
    assert sizes == {24}  # every run at 12 pt: the table shrank as one, and no further
    # text larger than any column's own, in a cell across the table (the list's signature under its
    # totals), sets no column's minimum: it keeps its size while the columns step down
    tbl = _table([["ปี"] * 12, amounts, amounts], width=9000, size=28)
    sign = etree.fromstring(f'<w:tr {NS}>{_cell("(นายอดิศักดิ์ พูลผล)", size=32)}</w:tr>')
    sign.find(f"{W}tc/{W}tcPr").append(etree.fromstring(f'<w:gridSpan {NS} w:val="12"/>'))
    tbl.append(sign)
    assert layout.lay_out(tbl, styles, layout.Page())
    assert [int(sz.get(W + "val")) for sz in sign.iter(W + "sz")] == [32]
    assert {int(sz.get(W + "val")) for tr in tbl.findall(W + "tr")[:-1] for sz in tr.iter(W + "sz")} == {24}


def test_a_row_after_the_last_total_keeps_that_total_and_only_it(styles: Styles) -> None:
    """The coordination list's signature closes its table, kept with the grand total above it. The
    subtotal above the grand total is not kept with it: LibreOffice keeps a row with the next row,
    not a chain, and with the chain it kept neither (the signature went alone to a last page)."""
    tbl = _table([["ที่", "รายการ", "บาท"], ["1", "ซ่อมถนน", "5"], ["รวม", "1 โครงการ", "5"],
                  ["รวมทั้งสิ้น", "1 โครงการ", "5"], ["", "(นายอดิศักดิ์ พูลผล)", ""]])
    trs = tbl.findall(W + "tr")
    for tr in trs[2:4]:  # the subtotal and the grand total
        for ps in tr.iter(f"{W}pStyle"):
            ps.set(W + "val", "TableTotal")
    rows = [["ที่", "รายการ", "บาท"]] + [[str(i), LONG, "1,000"] for i in range(30)]
    long = _table(rows, total=False)
    for tr in trs[1:]:
        long.append(tr)
    assert layout.lay_out(long, styles, layout.Page())
    kept = [any(p.find(f"{W}pPr/{W}keepNext") is not None for p in tr.iter(W + "p")) for tr in long.findall(W + "tr")]
    assert kept[-5:] == [False, True, False, True, False]  # a row, its subtotal, the grand total, the signature


def test_a_column_whose_lines_must_not_wrap_holds_its_widest_line_totals_included(styles: Styles) -> None:
    """The plan book's source column: a line per source ('งบพัฒนาจังหวัด  800,000'), its cells marked
    noWrap. The total row's cells carry no such flag, so the column was taken for text and its
    lines broke: LibreOffice put an amount on the line after its label, beside the budget
    column's total."""
    tbl = _table([["ที่", "โครงการ", "แหล่งงบประมาณ"],
                  ["1", LONG, "งบพัฒนาจังหวัด  800,000\nงบท้องถิ่น  1,600,000"],
                  ["รวม", "", "งบพัฒนาจังหวัด  13,500,000"]], total=True)
    for tr in tbl.findall(W + "tr")[1:-1]:
        tr.findall(W + "tc")[-1].find(W + "tcPr").append(etree.Element(W + "noWrap"))
    assert layout.lay_out(tbl, styles, layout.Page())
    assert _widths(tbl)[2] >= _twips("งบพัฒนาจังหวัด  13,500,000", _size(styles, "TableTotal") / 2) + MARGINS


def test_rows_stay_whole_unless_taller_than_half_a_page_and_totals_keep_with_their_rows(styles: Styles) -> None:
    """A total keeps with the row above it, even one that may split, unless that row is taller
    than three quarters of the room under the heading: not kept, a row that fitted its page left
    its subtotal alone at the top of the next (realistic plans' lists); kept, a row of a page
    would leave most of a page empty, as LibreOffice moves it whole."""
    rows = [["ที่", "รายการ", "บาท"]] + [[str(i), LONG, "1,000"] for i in range(30)]

    def kept_with_total(lines: float) -> tuple[bool, bool]:
        """(the row of ``lines`` paragraphs may split, it keeps with the total after it)"""
        text = "\n".join([LONG] * int(lines) + ([LONG[:len(LONG) // 2]] if lines % 1 else []))
        tbl = _table(rows + [["99", text, "5"], ["รวม", "", "30,005"]], total=True)
        assert layout.lay_out(tbl, styles, layout.Page())
        trs = tbl.findall(W + "tr")
        cant = [tr.find(f"{W}trPr/{W}cantSplit") is not None for tr in trs]
        assert cant[1:-2] == [True] * 30
        assert trs[0].find(f"{W}trPr/{W}tblHeader") is not None  # a long table repeats its heading
        kept = [p.find(f"{W}pPr/{W}keepNext") is not None for p in trs[-2].iter(W + "p")]
        assert all(kept) or not any(kept)
        return not cant[-2], all(kept)

    assert kept_with_total(1) == (False, True)
    assert kept_with_total(2.5) == (True, True)  # 60 % of the room: may split, and keeps with its total
    assert kept_with_total(3) == (True, False)  # 80 % of the room: it would leave most of a page empty
    # between half a page and a page: kept whole, it left a page of one line in a real plan's list
    for lines, splits in ((2, False), (3, True)):  # 40 % and 60 % of a page
        tbl = _table([["ที่", "รายการ", "บาท"], ["1", "\n".join([LONG] * lines), "1,000"], ["2", "ซ่อมถนน", "5"]])
        layout.lay_out(tbl, styles, layout.Page())
        assert (tbl.findall(W + "tr")[1].find(f"{W}trPr/{W}cantSplit") is None) is splits


def _text(tc: etree._Element) -> str:
    """A cell's text: its paragraphs and line breaks as new lines."""
    return "\n".join("".join("\n" if el.tag == W + "br" else el.text or "" for el in p.iter(W + "t", W + "br"))
                     for p in tc.iter(W + "p"))


def test_a_row_taller_than_a_page_continues_its_long_text_below_it_across_the_table(styles: Styles) -> None:
    """A project whose objective ran to three pages filled them with one narrow column of text:
    its row now keeps the objective's first lines, and the rest follows in a row spanning the
    table, led by the column's heading (without its bracketed aside) and (ต่อ), the same words in
    the same order."""
    lines = [f"{i}. {LONG.strip()}" for i in range(1, 31)]
    objective = "<w:br/>".join(f'<w:t xml:space="preserve">{line}</w:t>' for line in lines)
    tbl = _table([["ที่", "โครงการ", "วัตถุประสงค์\n(ของโครงการ)", "งบประมาณ"], ["1", "ซ่อมถนน", "x", "1,000"],
                  ["2", "ขุดลอกคลอง", "ประชาชนมีน้ำใช้", "5,000"]])
    cell = tbl.findall(W + "tr")[1].findall(W + "tc")[2]
    cell.find(f"{W}p/{W}r").remove(cell.find(f"{W}p/{W}r/{W}t"))
    cell.find(f"{W}p/{W}r").append(etree.fromstring(f"<w:x {NS}>{objective}</w:x>")[0])
    for t in etree.fromstring(f"<w:x {NS}>{objective}</w:x>")[1:]:
        cell.find(f"{W}p/{W}r").append(t)
    original = _text(cell)
    assert original == "\n".join(lines)
    assert layout.lay_out(tbl, styles, layout.Page())
    trs = tbl.findall(W + "tr")
    assert len(trs) == 4
    more = trs[2].findall(W + "tc")
    assert len(more) == 1 and more[0].find(f"{W}tcPr/{W}gridSpan").get(W + "val") == "4"
    assert int(more[0].find(f"{W}tcPr/{W}tcW").get(W + "w")) == sum(_widths(tbl))
    label = more[0].find(f"{W}p/{W}r")
    assert label.find(f"{W}rPr/{W}b") is not None and label.find(W + "t").text == "วัตถุประสงค์ (ต่อ) "
    kept, rest = _text(cell), _text(more[0])[len("วัตถุประสงค์ (ต่อ) "):]
    assert (kept + rest).replace("\n", "") == original.replace("\n", "")  # nothing lost, nothing added
    assert 100 < len(kept) < len(original) / 10  # the first lines, a quarter of a page
    assert all(p.find(f"{W}pPr/{W}keepNext") is not None for p in trs[1].iter(W + "p"))  # with its rest
    # the row stays whole; its continuation, text across the table, may split as a paragraph does
    # (kept whole, a short one took its row with it to the next page and left half a page empty)
    assert trs[1].find(f"{W}trPr/{W}cantSplit") is not None and trs[2].find(f"{W}trPr/{W}cantSplit") is None
    assert trs[3].findall(W + "tc")[2].findtext(f"{W}p/{W}r/{W}t") == "ประชาชนมีน้ำใช้"  # short rows stay
    other = [f"{LONG.strip()} {i}" for i in range(3)]
    tbl = _table([["ที่", "ก", "ข", "ค", "ง"], ["1", " ".join([LONG.strip()] * 4), *other]]
                 + [[str(i), *other, "ข"] for i in range(2, 12)])
    assert layout.lay_out(tbl, styles, layout.Page())
    more = [tr for tr in tbl.findall(W + "tr") if len(tr.findall(W + "tc")) == 1]
    assert len(more) > 1 and all(tr.find(f"{W}trPr/{W}cantSplit") is None for tr in more)


def test_a_cut_row_keeps_the_projects_name_whole(styles: Styles) -> None:
    """A realistic list cut a name of 107 characters: its end stood apart under "โครงการ (ต่อ)".
    Rows are cut at a first guess of the widths, which gave this name a column where it ran to
    27 lines; the table's widths then made it 6. The row's first cell of words stays whole when
    it fits a page at the widest its column can be."""
    name = LONG.strip()[:150]
    objective = "\n".join(f"{i}. {LONG.strip()}" for i in range(30))
    tbl = _table([["ที่", "โครงการ", "วัตถุประสงค์", "งบประมาณ"], ["1", name, objective, "1,000"],
                  ["2", "ขุดลอกคลอง", "ประชาชนมีน้ำใช้", "5,000"]])
    assert layout.lay_out(tbl, styles, layout.Page())
    trs = tbl.findall(W + "tr")
    more = [tr.findall(W + "tc")[0] for tr in trs if len(tr.findall(W + "tc")) == 1]
    assert [tc.findtext(f"{W}p/{W}r/{W}t") for tc in more] == ["วัตถุประสงค์ (ต่อ) "]
    kept = trs[1].findall(W + "tc")
    assert _text(kept[1]) == name
    rest = _text(more[0])[len("วัตถุประสงค์ (ต่อ) "):]
    assert (_text(kept[2]) + rest).replace("\n", "") == objective.replace("\n", "")


def test_a_word_no_column_can_hold_does_not_crowd_the_others(styles: Styles) -> None:
    """A run longer than LONGEST_WORD (an address typed without spaces) breaks at any width a table
    gives it. Asking LONGEST_WORD, three of them crowded a table of one row, and its 'ตลอด
    ปีงบประมาณ' broke as 'ปีงบประมา|ณ' in a column narrower than its word."""
    run = "nongbuangamcommunitydevelopmentcenterofficialpage"
    assert measure.longest_word(run) > layout.LONGEST_WORD
    tbl = _table([["ที่", "โครงการ", "เป้าหมาย", "ระยะเวลา", "สถานที่"],
                  ["1", f"ประชาสัมพันธ์ {run}", f"เว็บไซต์ {run}", "ตลอดปีงบประมาณ", f"ผ่าน {run} และเพจ"]])
    assert layout.lay_out(tbl, styles, layout.Page())
    assert tbl.find(f".//{W}sz") is None  # the table keeps its size
    size = _size(styles, "TableText") / 2
    assert _widths(tbl)[3] >= _twips("ตลอดปีงบประมาณ", size, longest=True) + MARGINS


def test_a_tall_row_in_a_vertical_merge_is_left_whole(styles: Styles) -> None:
    """A row put between merged cells would break the merge: such rows keep their text."""
    huge = "\n".join([LONG] * 40)
    tbl = _table([["ที่", "รายการ", "บาท"], ["1", huge, "1,000"], ["", "ซ่อมถนน", "5"]])
    trs = tbl.findall(W + "tr")
    for tr, kind in ((trs[1], "restart"), (trs[2], "continue")):
        tr.find(f"{W}tc/{W}tcPr").append(etree.fromstring(f'<w:vMerge {NS} w:val="{kind}"/>'))
    assert layout.lay_out(tbl, styles, layout.Page())
    assert len(tbl.findall(W + "tr")) == 3 and _text(trs[1].findall(W + "tc")[1]) == huge


def test_the_first_table_of_a_section_may_split_its_first_rows(styles: Styles) -> None:
    """A real coordination list started on page 2: its first project, half a page tall, did not
    fit under the title and lead paragraphs, and a row shorter than a page never splits. The
    first table of a section lets its first two body rows of three lines or more split."""
    def splittable(opening: bool) -> list[bool]:
        tbl = _table([["ที่", "รายการ"], ["1", LONG], ["2", LONG], ["3", LONG], ["4", "ซ่อมถนน"]])
        layout.lay_out(tbl, styles, layout.Page(), opening)
        return [tr.find(f"{W}trPr/{W}cantSplit") is None for tr in tbl.iter(f"{W}tr")]

    assert splittable(True) == [False, True, True, False, False]
    assert splittable(False) == [False] * 5
    # a band across the table (a strategy's name) above them is none of the two: the needs plan's
    # first page held its title and one project, the second moved whole to page 2
    tbl = _table([["ที่", "รายการ"], ["ยุทธศาสตร์ที่ 1", ""], ["1", LONG], ["2", LONG], ["3", LONG]])
    band = tbl.findall(W + "tr")[1]
    band.remove(band.findall(W + "tc")[1])
    band.find(f"{W}tc/{W}tcPr").append(etree.fromstring(f'<w:gridSpan {NS} w:val="2"/>'))
    layout.lay_out(tbl, styles, layout.Page(), True)
    assert [tr.find(f"{W}trPr/{W}cantSplit") is None for tr in tbl.iter(f"{W}tr")] == [False, False, True, True, False]


def test_an_opening_row_that_may_split_does_not_keep_with_its_total(styles: Styles) -> None:
    """Kept with the total under it, the first project of a list, one per strategy, moved whole to
    page 2 and left page 1 with the title and lead paragraphs alone (a two-project list of 4 pages)."""
    def kept(opening: bool) -> list[bool]:
        tbl = _table([["ที่", "รายการ"], ["1", LONG], ["รวม", "5"], ["2", LONG], ["รวม", "5"]], total=True)
        for tr in tbl.findall(f"{W}tr")[2:4:2]:  # the first total too is a total's row
            for style in tr.iter(f"{W}pStyle"):
                style.set(f"{W}val", "TableTotal")
        layout.lay_out(tbl, styles, layout.Page(), opening)
        return [all(p.find(f"{W}pPr/{W}keepNext") is not None for p in tr.iter(f"{W}p")) for tr in tbl.iter(f"{W}tr")]

    assert kept(False)[1] and kept(False)[3]
    assert kept(True)[1:4] == [False, False, True]


def test_a_short_table_does_not_repeat_its_heading(styles: Styles) -> None:
    """... and stays on one page: every row but the last keeps with the next."""
    tbl = _table([["ที่", "รายการ"], ["1", "ซ่อมถนน"], ["2", "ขุดลอกคลอง"]])
    layout.lay_out(tbl, styles, layout.Page())
    assert tbl.find(f"{W}tr/{W}trPr/{W}tblHeader") is None
    kept = [all(p.find(f"{W}pPr/{W}keepNext") is not None for p in tr.iter(f"{W}p")) for tr in tbl.iter(f"{W}tr")]
    assert kept == [True, True, False]


def test_a_table_of_six_rows_shorter_than_half_a_page_stays_on_one_page(styles: Styles) -> None:
    """A five-year plan book's summaries (by source, by year: five or six one-line rows) were cut
    two rows / three by LibreOffice, kept only at their ends as longer tables are. A table of
    more rows splits from a third of a page on (kept whole, the example's nine villages left
    their heading and lead paragraph alone on a page)."""
    def kept(rows: int) -> list[bool]:
        tbl = _table([["ที่", "รายการ"]] + [[str(i), "ซ่อมถนน"] for i in range(1, rows + 1)])
        heights = [layout.row_height(r, [4500.0, 4500.0], 114) for r in layout.read_rows(tbl, styles)]
        assert layout.Page().height / 3 < sum(heights) < layout.Page().height / 2
        layout.lay_out(tbl, styles, layout.Page())
        return [all(p.find(f"{W}pPr/{W}keepNext") is not None for p in tr.iter(f"{W}p")) for tr in tbl.iter(f"{W}tr")]

    assert kept(6) == [True] * 6 + [False]
    assert kept(7) == [False, True, False, False, False, False, True, False]


def test_a_long_table_leaves_no_short_first_or_last_row_alone_on_a_page(styles: Styles) -> None:
    """A summary of one-line rows split after its first row left that row alone with the heading."""
    def kept(tbl: etree._Element) -> list[bool]:
        return [all(p.find(f"{W}pPr/{W}keepNext") is not None for p in tr.iter(f"{W}p")) for tr in tbl.iter(f"{W}tr")]

    short_rows = _table([["ที่", "รายการ"]] + [[str(i % 9 + 1), "ซ่อมถนน"] for i in range(20)])
    layout.lay_out(short_rows, styles, layout.Page())
    assert short_rows.find(f"{W}tr/{W}trPr/{W}tblHeader") is not None  # long enough to repeat its heading
    assert kept(short_rows) == [False, True] + [False] * 17 + [True, False]
    tall_rows = _table([["ที่", "รายการ"]] + [[str(i), LONG] for i in range(1, 8)])
    layout.lay_out(tall_rows, styles, layout.Page())
    assert not any(kept(tall_rows))  # a row of several lines may stand alone


def test_a_fixed_table_is_left_as_the_template_drew_it(styles: Styles) -> None:
    tbl = _table([["ที่", "รายการ"], ["1", LONG]], fixed=True)
    before = etree.tostring(tbl)
    assert not layout.lay_out(tbl, styles, layout.Page())
    assert etree.tostring(tbl) == before


@needs_libreoffice
@pytest.mark.libreoffice
def test_the_example_documents_keep_their_page_counts(tmp_path: Path) -> None:
    """The benchmark's page counts in small (benchmarks/pages.py measures the big plans): the
    order and the coordination lists of the example, through LibreOffice."""
    from tambondoc.resources import sample_plan

    plan = sample_plan()
    assert run("build", plan, "-o", tmp_path).code == 0
    folder = tmp_path / plan.stem
    counts = {}
    for name in ("kbt-order", "coordination-abt-nongbua", "coordination-tm-nongbua"):
        pdf = to_pdf(folder / f"{name}.docx")
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        counts[name] = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    # the tm list's heading (repeated on each page) took four lines ('หน่วยงาน/ที่/รับผิดชอบ/หลัก') until it
    # counted once per page the table fills, not half: 4 pages then
    assert counts == {"kbt-order": 4, "coordination-abt-nongbua": 5, "coordination-tm-nongbua": 3}
    # numbers stay whole: with digits marked Thai, LibreOffice wrapped 'ร้อยละ 50' as 'ร้อยละ 5' / '0'
    words = re.findall(r"<word [^>]*>([^<]*)</word>", subprocess.run(
        ["pdftotext", "-bbox", str(folder / "pdf" / "coordination-abt-nongbua.pdf"), "-"],
        capture_output=True, text=True, check=True).stdout)
    kpis = [p["kpi"] for p in load_plan(plan)[1]["projects"] if p.get("local_government") == "abt-nongbua"]
    numbers = {n for kpi in kpis for n in re.findall(r"\d[\d,]*\d", kpi)}
    assert "50" in numbers
    split = [n for n in numbers if not any(re.search(rf"(?<![\d,]){n}(?![\d,])", w) for w in words)]
    assert split == []


def test_a_cell_a_loop_left_empty_gets_its_paragraph_back() -> None:
    """A cell must end with a paragraph (Word refuses it, LibreOffice breaks the row otherwise):
    a loop that rendered nothing gets one, in its neighbour's style."""
    from tambondoc.docx.tables import close_cells

    tbl = _table([["ที่", "รายการ"], ["1", "ซ่อมถนน"]])
    empty = tbl.findall(f"{W}tr")[1].findall(f"{W}tc")[1]
    for p in empty.findall(f"{W}p"):
        empty.remove(p)
    close_cells(tbl)
    assert empty[-1].tag == f"{W}p"
    assert empty[-1].find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "TableText"
    assert all(tc[-1].tag == f"{W}p" for tc in tbl.iter(f"{W}tc"))


@needs_libreoffice
def test_a_project_with_a_very_long_objective_reads_whole_in_libreoffice(example_plan: Path, tmp_path: Path) -> None:
    """Through a word processor: a 3,000-character objective in the coordination list reads in
    order, its first lines in the project's row and the rest under 'วัตถุประสงค์ (ต่อ)', and the
    list takes 7 pages (13 before rows continued below themselves: the objective ran down a
    column a few centimetres wide)."""
    from ruamel.yaml import YAML

    yaml = YAML()
    data = yaml.load(example_plan.read_text(encoding="utf-8"))
    project = next(p for p in data["projects"] if p.get("local_government") == "abt-nongbua")
    lines = [f"{i}. เพื่อพัฒนาคุณภาพชีวิตของประชาชนในตำบลให้มีรายได้เพิ่มขึ้น ลดรายจ่าย ข้อที่ {i}"
             for i in range(1, 41)]
    project["objective"] = "\n".join(lines)
    with example_plan.open("w", encoding="utf-8") as f:
        yaml.dump(data, f)
    assert run("build", example_plan, "-o", tmp_path / "out").code == 0
    docx = tmp_path / "out" / example_plan.stem / "coordination-abt-nongbua.docx"
    text = document_text(docx)
    assert "วัตถุประสงค์ (ต่อ)" in text
    assert all(squash(line) in squash(text) for line in lines[10:])  # the continued lines, whole
    pdf = docx.parent / "pdf" / "coordination-abt-nongbua.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:"))) <= 8



def test_a_paragraphs_tab_stops_are_no_tab_character(styles: Styles) -> None:
    """Only a run's w:tab is a tab: a template paragraph's stops (w:pPr/w:tabs/w:tab) put a space
    before its text and marked it 'label <tab> amount' (``amount_lines``)."""
    from tambondoc.docx import cells

    p = etree.fromstring(f'<w:p {NS}><w:pPr><w:pStyle w:val="TableText"/><w:tabs><w:tab w:val="right" w:pos="900"/>'
                         '</w:tabs></w:pPr><w:r><w:t>ถนน</w:t><w:br/><w:t>ยาว</w:t></w:r></w:p>')
    assert cells.paragraph(p, styles)[0] == ("ถนน", "ยาว") and not cells.paragraph(p, styles)[4]
    p.append(etree.fromstring(f'<w:r {NS}><w:tab/><w:t>100</w:t></w:r>'))
    assert cells.paragraph(p, styles)[0] == ("ถนน", "ยาว 100") and cells.paragraph(p, styles)[4]
