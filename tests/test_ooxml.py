"""Word opens what we write: the property elements keep the children order of the ECMA-376
schema (transitional, Part 4), once each, in the templates and in built documents.

Word reports "unreadable content" for a child out of order or repeated; LibreOffice and
python-docx read such files without a word, so only a structural check finds it. The orders below
are the sequences of wml.xsd (the schemas themselves are not available offline)."""

from __future__ import annotations

import itertools
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, run
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
}
# CT_TrPr is a repeatable choice: any order, but a row property twice is a contradiction
UNORDERED = {"trPr"}
# a section may have up to three of each (default, first, even)
REPEATABLE = {"headerReference", "footerReference"}
RANKS = {parent: {t: i for i, t in enumerate(order.split())} for parent, order in ORDER.items()}
# headerReference and footerReference are one choice group in CT_SectPr
RANKS["sectPr"]["footerReference"] = RANKS["sectPr"]["headerReference"]


def misplaced_children(xml: bytes) -> list[str]:
    """Every property element of a part whose w: children are out of schema order, repeated or unknown."""
    found = []
    for el in etree.fromstring(xml).iter():
        name = el.tag[len(W):] if isinstance(el.tag, str) and el.tag.startswith(W) else None
        if name not in RANKS and name not in UNORDERED:
            continue
        kids = [k.tag[len(W):] for k in el if isinstance(k.tag, str) and k.tag.startswith(W)]
        if name in UNORDERED:
            if len(set(kids)) != len(kids):
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


@pytest.mark.parametrize("template", sorted((ROOT / "templates" / "docx").glob("*.docx")), ids=lambda p: p.name)
def test_default_templates_keep_schema_order(template: Path) -> None:
    assert structure_problems(template) == []


def test_built_documents_keep_schema_order(example_plan: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("build", example_plan, "-o", out, "-j", "1").code == 0
    documents = sorted(out.rglob("*.docx"))
    assert len(documents) == 4
    assert {d.name: structure_problems(d) for d in documents} == {d.name: [] for d in documents}
