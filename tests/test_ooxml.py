"""Word opens what we write: the property elements keep the children order of the ECMA-376
schema (transitional, Part 4), once each, in the templates and in built documents.

Word reports "unreadable content" for a child out of order or repeated; LibreOffice and
python-docx read such files without a word, so only a structural check finds it. The orders below
are the sequences of wml.xsd (ISO/IEC 29500-4:2016, transitional), copied so that the tests need no
schema files; benchmarks/ooxml.py validates built documents against the schemas themselves."""

from __future__ import annotations

import itertools
import re
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, replace_in, run
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_RPR = ("ins del moveFrom moveTo rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss "
        "imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr "
        "shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath rPrChange")
# CT_PPr, CT_ParaRPr (CT_RPr is a subsequence), CT_TcPr, CT_TblPr, CT_SectPr, borders, CT_Style
ORDER = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs "
           "suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
           "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
           "textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": _RPR,
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign "
            "hideMark headers cellIns cellDel cellMerge tcPrChange",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc tblCellSpacing "
             "tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription tblPrChange",
    "sectPr": "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType "
              "pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid "
              "printerSettings sectPrChange",
    "tblBorders": "top start left bottom end right insideH insideV",
    "tcBorders": "top start left bottom end right insideH insideV tl2br tr2bl",
    "pBdr": "top left bottom right between bar",
    "style": "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden unhideWhenUsed qFormat locked "
             "personal personalCompose personalReply rsid pPr rPr tblPr trPr tcPr tblStylePr",
    # CT_Tabs (the tab stops of amount_lines.py), CT_TblGrid (layout.py's widths)
    "tabs": "tab",
    "tblGrid": "gridCol tblGridChange",
    # CT_TrPr's choice: a row property once each, in any order
    "trPr": "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader tblCellSpacing jc hidden "
            "ins del trPrChange",
}
# the properties a content element starts with, in this order, before its content (CT_R, CT_P,
# CT_Tc, CT_Row, CT_Tbl: a table must have both), and the section properties that end a body
LEADING = {"r": ("rPr",), "p": ("pPr",), "tc": ("tcPr",), "tr": ("tblPrEx", "trPr"), "tbl": ("tblPr", "tblGrid")}
REQUIRED = {"tbl": ("tblPr", "tblGrid")}
TRAILING = {"body": "sectPr"}
_INTEGER, _UNSIGNED = r"-?\d+", r"\d+"
# attribute values (simple types) of what the layout code computes: tab stops, grid, widths, heights.
# Widths and heights as integers: ECMA-376 1st edition (Word 2007) types them so; ISO 29500-4:2016
# transitional also takes decimals (ST_UnsignedDecimalNumber), but a tab stop's position must be whole there too.
ATTRIBUTES = {
    ("tabs", "tab", "val"): "clear|start|center|end|decimal|bar|num|left|right",
    ("tabs", "tab", "pos"): _INTEGER,
    ("tabs", "tab", "leader"): "none|dot|hyphen|underscore|heavy|middleDot",
    ("tblGrid", "gridCol", "w"): _UNSIGNED,
    ("tcPr", "tcW", "w"): _INTEGER,
    ("tblPr", "tblW", "w"): _INTEGER,
    ("trPr", "trHeight", "val"): _UNSIGNED,
    ("trPr", "trHeight", "hRule"): "auto|exact|atLeast",
}
REQUIRED_ATTRIBUTES = {("tabs", "tab"): ("val", "pos")}
# CT_TrPr is a repeatable choice: any order, but a row property twice is a contradiction
UNORDERED = {"trPr"}
# a section may have up to three of each (default, first, even); tab stops and grid columns many
REPEATABLE = {"headerReference", "footerReference", "tab", "gridCol"}
RANKS = {parent: {t: i for i, t in enumerate(order.split())} for parent, order in ORDER.items()}
# headerReference and footerReference are one choice group in CT_SectPr
RANKS["sectPr"]["footerReference"] = RANKS["sectPr"]["headerReference"]


def _local(tag: object) -> str | None:
    return tag[len(W):] if isinstance(tag, str) and tag.startswith(W) else None


def misplaced_leading(name: str, kids: list[str]) -> bool:
    """Whether the leading properties of a content element are out of place, repeated or missing."""
    leading = LEADING.get(name, ())
    head = list(itertools.takewhile(lambda k: k in leading, kids))
    rest = kids[len(head):]
    return (head != sorted(set(head), key=leading.index) or any(k in leading for k in rest)
            or any(k not in head for k in REQUIRED.get(name, ()))
            or (name in TRAILING and TRAILING[name] in kids[:-1]))


def bad_attributes(parent: str, el: etree._Element) -> list[str]:
    """Attribute values of ``el`` outside their simple type, and required attributes missing."""
    name = _local(el.tag) or ""
    found = [f"{name} without w:{a}" for a in REQUIRED_ATTRIBUTES.get((parent, name), ()) if el.get(W + a) is None]
    for attribute, value in el.attrib.items():
        pattern = ATTRIBUTES.get((parent, name, str(attribute)[len(W):]))
        if pattern and not re.fullmatch(pattern, value):
            found.append(f"{name} w:{str(attribute)[len(W):]}={value!r}")
    # a run's tab (CT_Empty) has no attributes: a stop's w:val/w:pos there is a tab stop in the wrong place
    if parent == "r" and name == "tab" and el.attrib:
        found.append(f"run tab with attributes {sorted(el.attrib)}")
    return found


def misplaced_children(xml: bytes) -> list[str]:
    """Every property element of a part whose w: children are out of schema order, repeated or unknown,
    every content element whose properties are not first, every bad value of a computed attribute."""
    found = []
    for el in etree.fromstring(xml).iter():
        name = _local(el.tag)
        if name is None:
            continue
        kids = [k for k in (_local(k.tag) for k in el) if k is not None]
        found += [f"{name}/{problem}" for kid in el if _local(kid.tag) for problem in bad_attributes(name, kid)]
        if (name in LEADING or name in TRAILING) and misplaced_leading(name, kids):
            found.append(f"{name}: {' '.join(kids)}")
        if name not in RANKS:
            continue
        if name in UNORDERED:
            if len(set(kids)) != len(kids) or any(k not in RANKS[name] for k in kids):
                found.append(f"{name}: {' '.join(kids)}")
            continue
        ranks = RANKS[name]
        unknown = [k for k in kids if k not in ranks]
        steps = list(itertools.pairwise(kids))
        if unknown or any(ranks[b] < ranks[a] or (a == b and a not in REPEATABLE) for a, b in steps
                          if a in ranks and b in ranks):
            found.append(f"{name}: {' '.join(kids)}")
    return found


def structure_problems(docx: Path) -> list[str]:
    """Out-of-order property children in every WordprocessingML part, and settings' zoom."""
    problems = []
    with zipfile.ZipFile(docx) as z:
        for part in z.namelist():
            if part.startswith("word/") and part.endswith(".xml") and "/theme/" not in part:
                problems += [f"{part}: {p}" for p in misplaced_children(z.read(part))]
        zoom = etree.fromstring(z.read("word/settings.xml")).find(f"{W}zoom")
        if zoom is not None and zoom.get(f"{W}percent") is None:
            problems.append("word/settings.xml: w:zoom without w:percent (required)")
    return problems


def test_the_check_finds_a_repeated_and_a_misplaced_child() -> None:
    xml = (f'<w:styles xmlns:w="{W[1:-1]}"><w:style><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/>'
           '<w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>').encode()
    assert misplaced_children(xml) == ["pPr: keepNext outlineLvl jc outlineLvl"]


def _body(inner: str) -> bytes:
    return f'<w:document xmlns:w="{W[1:-1]}"><w:body>{inner}</w:body></w:document>'.encode()


@pytest.mark.parametrize(("inner", "found"), [
    ('<w:p><w:pPr><w:tabs><w:tab w:val="right" w:pos="1608"/><w:jc w:val="left"/></w:tabs></w:pPr></w:p>',
     "tabs: tab jc"),
    ('<w:p><w:pPr><w:tabs><w:tab w:val="rigth" w:pos="1608.5"/></w:tabs></w:pPr></w:p>',
     "tabs/tab w:val='rigth'|tabs/tab w:pos='1608.5'"),
    ('<w:p><w:pPr><w:tabs><w:tab w:pos="1608"/></w:tabs></w:pPr></w:p>', "tabs/tab without w:val"),
    ('<w:p><w:r><w:tab w:val="right" w:pos="1608"/></w:r></w:p>', "r/run tab with attributes"),
    ('<w:p><w:r><w:t>x</w:t><w:rPr><w:b/></w:rPr></w:r></w:p>', "r: t rPr"),
    ('<w:p><w:r/><w:pPr/></w:p>', "p: r pPr"),
    ('<w:tbl><w:tblGrid><w:gridCol w:w="646"/></w:tblGrid><w:tr/></w:tbl>', "tbl: tblGrid tr"),
    ('<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="64.6"/></w:tblGrid></w:tbl>', "tblGrid/gridCol w:w='64.6'"),
    ('<w:tbl><w:tblPr/><w:tblGrid/><w:tr><w:tc><w:p/><w:tcPr/></w:tc></w:tr></w:tbl>', "tc: p tcPr"),
    ('<w:tbl><w:tblPr/><w:tblGrid/><w:tr><w:trPr><w:cantSplit/><w:cantSplit/></w:trPr></w:tr></w:tbl>',
     "trPr: cantSplit cantSplit"),
    ('<w:tbl><w:tblPr/><w:tblGrid/><w:tr><w:trPr><w:keepNext/></w:trPr></w:tr></w:tbl>', "trPr: keepNext"),
    ('<w:tbl><w:tblPr/><w:tblGrid/><w:tr><w:tc/><w:trPr/></w:tr></w:tbl>', "tr: tc trPr"),
    ('<w:tbl><w:tblPr/><w:tblGrid/><w:tr><w:trPr><w:trHeight w:val="283" w:hRule="least"/></w:trPr></w:tr></w:tbl>',
     "trPr/trHeight w:hRule='least'"),
    ('<w:sectPr/><w:p/>', "body: sectPr p"),
])
def test_the_check_finds_what_word_refuses_in_tables_runs_and_tab_stops(inner: str, found: str) -> None:
    problems = misplaced_children(_body(inner))
    assert problems and all(any(f in p for p in problems) for f in found.split("|")), problems


def test_the_check_accepts_the_shapes_we_write() -> None:
    inner = ('<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="9000"/></w:tblPr><w:tblGrid><w:gridCol w:w="646"/>'
             '<w:gridCol w:w="2305"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc><w:tcPr>'
             '<w:tcW w:type="dxa" w:w="391"/></w:tcPr><w:p><w:pPr><w:keepNext/><w:tabs><w:tab w:val="right" '
             'w:pos="1608"/></w:tabs></w:pPr><w:r><w:t>2571</w:t><w:tab/><w:t>1</w:t></w:r></w:p></w:tc></w:tr>'
             '</w:tbl><w:p/><w:sectPr/>')
    assert misplaced_children(_body(inner)) == []


@pytest.mark.parametrize("template", sorted((ROOT / "templates" / "docx").glob("*.docx")), ids=lambda p: p.name)
def test_default_templates_keep_schema_order(template: Path) -> None:
    assert structure_problems(template) == []


def test_built_documents_keep_schema_order(example_plan: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("build", example_plan, "-o", out, "-j", "1").code == 0
    documents = sorted(out.rglob("*.docx"))
    assert len(documents) == 4
    assert {d.name: structure_problems(d) for d in documents} == {d.name: [] for d in documents}


def test_a_continued_row_and_odd_text_keep_schema_order(example_plan: Path, tmp_path: Path) -> None:
    """What the example does not hold: an objective taller than a page (in the coordination list of
    what the tambon does itself, its rest continues in a row spanning the table: overflow.py), with
    tabs, a 200-digit word and no-break spaces in it."""
    long = "\\n".join(f"{i}. เพื่อเพิ่มปริมาณการกักเก็บน้ำสำหรับการเกษตร\\tและการอุปโภคบริโภค\\u00a0ของประชาชน"
                       f"ในหมู่บ้าน {'9876543210' * 20 if i == 3 else ''}" for i in range(1, 41))
    replace_in(example_plan, "objective: เพื่อเพิ่มปริมาณการกักเก็บน้ำสำหรับการเกษตร", f'objective: "{long}"')
    out = tmp_path / "out"
    assert run("build", example_plan, "-o", out, "-j", "1").code == 0
    documents = sorted(out.rglob("*.docx"))
    with zipfile.ZipFile(next(out.rglob("coordination-tm-*.docx"))) as z:
        document = z.read("word/document.xml").decode()
    assert "(ต่อ)" in document and "<w:tab/>" in document and "\u00a0" in document
    assert {d.name: structure_problems(d) for d in documents} == {d.name: [] for d in documents}
