"""Shared building blocks for the default .docx templates (run by scripts/make_templates.py).

Every template is a real Word document built with styles: Thai runs need the complex-script
font, size and bold (w:cs, w:szCs, w:bCs) and the Thai language tag, or Word falls back to
another font for Thai.
"""

from __future__ import annotations

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

FONT = "TH SarabunPSK"


# styles whose numbers LibreOffice writes itself (page number fields, the contents' page numbers):
# it writes them in Thai numerals (w:pgNumType thaiNumbers) only when their digits are Thai text
NATIVE_DIGITS = {"Page Number", "toc 1", "toc 2", "toc 3"}


def set_thai_font(rpr_owner, size: float | None = None, bold: bool | None = None, font: str = FONT,
                  native_digits: bool = False) -> None:
    """Set Latin and complex-script font, size, bold and Thai language on a style or run."""
    if hasattr(rpr_owner, "element"):
        rpr = rpr_owner.element.get_or_add_rPr()
    elif rpr_owner.tag == qn("w:rPr"):
        rpr = rpr_owner
    else:
        rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), font)
    for tag in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(tag), None)
    if bold is not None:
        for tag in ("w:b", "w:bCs"):
            el = rpr.find(qn(tag))
            if el is None:
                el = OxmlElement(tag)
                rpr.append(el)
            el.set(qn("w:val"), "1" if bold else "0")
    if size is not None:
        for tag in ("w:sz", "w:szCs"):
            el = rpr.find(qn(tag))
            if el is None:
                el = OxmlElement(tag)
                rpr.append(el)
            el.set(qn("w:val"), str(int(size * 2)))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    # Thai is complex script (w:bidi); digits and spaces are Latin (w:val), marked Thai only where
    # LibreOffice numbers natively: as Thai, it breaks a number across lines ('ร้อยละ 5' / '0')
    lang.set(qn("w:val"), "th-TH" if native_digits else "en-US")
    lang.set(qn("w:eastAsia"), "th-TH")
    lang.set(qn("w:bidi"), "th-TH")
    _reorder_rpr(rpr)


# CT_RPr's children in the order of ECMA-376's first edition, which Word 2007 reads (the later
# transitional schema allows any order): python-docx's Title style has spacing and kern
_RPR_ORDER = ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
              "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w",
              "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign",
              "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath", "rPrChange"]


def _reorder_rpr(rpr) -> None:
    """Word rejects rPr children out of schema order; keep the known ones sorted."""
    known = {qn(f"w:{t}"): i for i, t in enumerate(_RPR_ORDER)}
    children = list(rpr)
    children.sort(key=lambda el: known.get(el.tag, len(known)))
    for el in children:
        rpr.remove(el)
        rpr.append(el)


# CT_PPr's children in schema order (ECMA-376 Part 1, 17.3.1.26)
_PPR_ORDER = ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
              "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
              "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
              "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
              "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
              "sectPr", "pPrChange"]


def _reorder_ppr(ppr) -> None:
    """Word reports unreadable content for pPr children out of schema order: sort them."""
    known = {qn(f"w:{t}"): i for i, t in enumerate(_PPR_ORDER)}
    children = sorted(ppr, key=lambda el: known.get(el.tag, len(known)))
    for el in children:
        ppr.remove(el)
        ppr.append(el)


def set_alignment(style, value: str) -> None:
    """Paragraph alignment by raw value, so 'thaiDistribute' is possible."""
    ppr = style.element.get_or_add_pPr()
    jc = ppr.find(qn("w:jc"))
    if jc is None:
        jc = OxmlElement("w:jc")
        ppr.append(jc)
    jc.set(qn("w:val"), value)
    _reorder_ppr(ppr)


def paragraph_style(doc: DocumentType, name: str, base: str = "Normal", size: float = 16,
                    bold: bool = False, align: str | None = None, space_before: float = 0,
                    space_after: float = 0, first_indent_cm: float | None = None,
                    keep_next: bool = False, outline: int | None = None):
    styles = doc.styles
    style = styles[name] if name in [s.name for s in styles] else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if name != base:
        style.base_style = styles[base]
    style.font.color.rgb = RGBColor(0, 0, 0)
    set_thai_font(style, size, bold, native_digits=name in NATIVE_DIGITS)
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after = Pt(space_before), Pt(space_after)
    fmt.line_spacing = 1.0
    if first_indent_cm is not None:
        fmt.first_line_indent = Cm(first_indent_cm)
    fmt.keep_with_next = keep_next
    if align:
        set_alignment(style, align)
    if outline is not None:
        # python-docx's default headings already have one: a second is a duplicate child
        ppr = style.element.get_or_add_pPr()
        _child(ppr, "w:outlineLvl").set(qn("w:val"), str(outline))
        _reorder_ppr(ppr)
    return style


def new_document(landscape: bool = False) -> DocumentType:
    """An A4 document with Thai official-document styles (margins 3/2/2.5 cm, 16 pt)."""
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    if landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    sec.left_margin, sec.right_margin = Cm(3.0), Cm(2.0)
    sec.top_margin, sec.bottom_margin = Cm(2.5), Cm(2.0)
    sec.header_distance, sec.footer_distance = Cm(1.2), Cm(1.0)
    # document defaults, so runs without a style still render Thai in Sarabun
    # python-docx's default w:zoom lacks w:percent, which CT_Zoom requires
    doc.settings.element.find(qn("w:zoom")).set(qn("w:percent"), "100")
    rpr_default = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_thai_font(rpr_default, 16)
    paragraph_style(doc, "Normal", size=16, align="thaiDistribute")
    for level, size in ((1, 20), (2, 18), (3, 16)):
        paragraph_style(doc, f"Heading {level}", size=size, bold=True, keep_next=True,
                        space_before=12 if level == 1 else 6, space_after=6 if level == 1 else 3,
                        align="center" if level == 1 else "left", outline=level - 1)
    paragraph_style(doc, "Title", size=28, bold=True, align="center")
    paragraph_style(doc, "Body Text", size=16, align="thaiDistribute", first_indent_cm=2.5)
    paragraph_style(doc, "Table Text", size=14, align="left")
    paragraph_style(doc, "Table Number", size=14, align="right")
    paragraph_style(doc, "Table Heading", size=14, bold=True, align="center")
    paragraph_style(doc, "List Paragraph", size=16, align="thaiDistribute")
    paragraph_style(doc, "Caption", size=14, align="center")
    return doc


def _child(parent, tag: str):
    """The first ``tag`` child of ``parent``, created (appended) if missing."""
    el = parent.find(qn(tag))
    if el is None:
        el = OxmlElement(tag)
        parent.append(el)
    return el


def paragraph_border(style, side: str = "bottom", size_pt: float = 0.75, space_pt: int = 1) -> None:
    """A single line on one side of a paragraph style (a rule under a heading)."""
    ppr = style.element.get_or_add_pPr()
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        # pBdr comes before shd/tabs/spacing/ind/jc in CT_PPr
        anchor = next((ppr.find(qn(t)) for t in ("w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc")
                       if ppr.find(qn(t)) is not None), None)
        if anchor is not None:
            anchor.addprevious(borders)
        else:
            ppr.append(borders)
    line = _child(borders, f"w:{side}")
    line.set(qn("w:val"), "single")
    line.set(qn("w:sz"), str(int(size_pt * 8)))
    line.set(qn("w:space"), str(space_pt))
    line.set(qn("w:color"), "000000")


def table_layout(table, widths_cm: list[float], borders: bool = True, indent_cm: float = 0,
                 cell_margin_cm: float | None = None) -> None:
    """Fixed column widths (grid and every cell), all borders or none, optional indent and
    left/right cell margins.

    LibreOffice lays a table out by its grid, Word by the cell widths: set both.
    """
    from docx.shared import Cm as _Cm

    table.autofit = False
    tbl = table._tbl
    tblpr = tbl.tblPr
    width = _child(tblpr, "w:tblW")
    width.set(qn("w:w"), str(int(sum(_Cm(w).twips for w in widths_cm))))
    width.set(qn("w:type"), "dxa")
    if indent_cm:
        ind = _child(tblpr, "w:tblInd")
        ind.set(qn("w:w"), str(int(_Cm(indent_cm).twips)))
        ind.set(qn("w:type"), "dxa")
    edges = _child(tblpr, "w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = _child(edges, f"w:{side}")
        el.set(qn("w:val"), "single" if borders else "nil")
        if borders:
            el.set(qn("w:sz"), "4")
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), "000000")
    if cell_margin_cm is not None:
        margins = _child(tblpr, "w:tblCellMar")
        for side in ("left", "right"):
            el = _child(margins, f"w:{side}")
            el.set(qn("w:w"), str(int(_Cm(cell_margin_cm).twips)))
            el.set(qn("w:type"), "dxa")
    _sort_tblpr(tblpr)
    for gc, w in zip(tbl.tblGrid.findall(qn("w:gridCol")), widths_cm):
        gc.set(qn("w:w"), str(int(_Cm(w).twips)))
    for row in table.rows:
        for cell, w in zip(row.cells, widths_cm):
            cell.width = _Cm(w)


_TBLPR_ORDER = ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
                "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders",
                "shd", "tblLayout", "tblCellMar", "tblLook"]


def _sort_tblpr(tblpr) -> None:
    known = {qn(f"w:{t}"): i for i, t in enumerate(_TBLPR_ORDER)}
    children = sorted(tblpr, key=lambda el: known.get(el.tag, len(known)))
    for el in children:
        tblpr.append(el)


def row_options(row, header: bool = False, cant_split: bool = True) -> None:
    """Repeat a header row on every page; keep a row on one page."""
    trpr = row._tr.get_or_add_trPr()
    if cant_split:
        _child(trpr, "w:cantSplit")
    if header:
        _child(trpr, "w:tblHeader")


def cell_shading(cell, fill: str) -> None:
    """A background colour for a table cell (hex, e.g. 'D9D9D9')."""
    tcpr = cell._tc.get_or_add_tcPr()
    shd = tcpr.find(qn("w:shd"))
    if shd is None:
        shd = OxmlElement("w:shd")
        after = [qn(t) for t in ("w:tcW", "w:gridSpan", "w:vMerge", "w:tcBorders")]
        prev = [el for el in tcpr if el.tag in after]
        if prev:
            prev[-1].addnext(shd)
        else:
            tcpr.insert(0, shd)
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)


def cell_text(cell, text: str, style: str) -> None:
    """Replace a cell's content with one paragraph of ``text`` in ``style``."""
    par = cell.paragraphs[0]
    par.text = text
    par.style = style


def vertical_align(cell, value: str = "center") -> None:
    """Vertical alignment of a cell: top, center or bottom."""
    tcpr = cell._tc.get_or_add_tcPr()
    _child(tcpr, "w:vAlign").set(qn("w:val"), value)


def save(doc: DocumentType, path) -> None:
    """Save with fixed zip timestamps, so rebuilding an unchanged template changes no bytes
    (git then shows a template as changed only when its content is)."""
    import io
    import zipfile

    buffer = io.BytesIO()
    doc.save(buffer)
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            fixed = zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(fixed, src.read(item.filename))


def list_pages(doc: DocumentType) -> None:
    """The landscape pages of a list (the coordination list, the district's needs plan): margins
    that leave the table 26.2 cm, page numbers in Thai numerals from page two."""
    section = doc.sections[0]
    section.left_margin, section.right_margin = Cm(2.0), Cm(1.5)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(1.5)
    section.header_distance = Cm(0.9)
    header_page_numbers(doc, thai=True)


def header_page_numbers(doc: DocumentType, thai: bool) -> None:
    """'- ๒ -' (or '- 2 -') at the top of the second page on, none on page one, as in
    Thai official letters and orders."""
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.style = "Page Number"
    header.add_run("- ")
    run = header.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "๒" if thai else "2"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text.strip() == "PAGE":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        else:
            el = OxmlElement("w:t")
            el.text = text
        run._r.append(el)
    header.add_run(" -")
    if thai:
        pg = OxmlElement("w:pgNumType")
        pg.set(qn("w:fmt"), "thaiNumbers")
        section._sectPr.find(qn("w:cols")).addprevious(pg)


def show(expr: str, numerals: str = "table") -> str:
    """A Jinja tag printing ``expr`` in the plan's ``numerals`` setting (table, prose or order)."""
    return "{{ " + expr + "|num('" + numerals + "') }}"


def money(expr: str) -> str:
    """An amount with separators in table numerals; zero shows as '-' as in Thai budget tables."""
    return "{{ " + expr + "|money(true)|num('table') }}"


def autofit(table) -> None:
    """Let tambondoc lay the table out from its content (docx.layout): the template's widths are
    only a starting point, its total width is kept."""
    tblpr = table._tbl.tblPr
    layout = tblpr.find(qn("w:tblLayout"))
    if layout is None:
        layout = OxmlElement("w:tblLayout")
        tblpr.append(layout)
        _sort_tblpr(tblpr)
    layout.set(qn("w:type"), "autofit")


def open_edge(cell, side: str) -> None:
    """No border on one side of a cell: two heading cells one above the other read as one."""
    tcpr = cell._tc.get_or_add_tcPr()
    borders = tcpr.find(qn("w:tcBorders"))
    if borders is None:
        borders = OxmlElement("w:tcBorders")
        after = [el for el in tcpr if el.tag in (qn("w:tcW"), qn("w:gridSpan"), qn("w:vMerge"))]
        if after:
            after[-1].addnext(borders)
        else:
            tcpr.insert(0, borders)
    edge = OxmlElement(f"w:{side}")
    edge.set(qn("w:val"), "nil")
    borders.append(edge)


def no_wrap(cell) -> None:
    """A cell whose text stays on one line (the layout step gives its column the room)."""
    tcpr = cell._tc.get_or_add_tcPr()
    if tcpr.find(qn("w:noWrap")) is None:
        el = OxmlElement("w:noWrap")
        later = [c for c in tcpr if c.tag in (qn("w:tcMar"), qn("w:textDirection"), qn("w:tcFitText"),
                                              qn("w:vAlign"), qn("w:hideMark"))]
        if later:
            later[0].addprevious(el)
        else:
            tcpr.append(el)
