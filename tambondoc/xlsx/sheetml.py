"""A one-sheet .xlsx written straight as SpreadsheetML, for the workbooks every build makes.

A build writes two coordination workbooks a plan; through openpyxl they took 67 ms of a
typical plan's 342 (a Cell object per cell, lxml per cell on save, a character reference per
Thai letter), here 25. ``Sheet`` takes the same ``put`` as ``style.FastSheet`` and keeps
each cell as the XML it will be; ``Sheet.xlsx`` packs them with the styles the cells used,
the layout (widths, heights, merges, frozen panes, the auto-filter) and the print setup of
``style.print_list``. The other workbooks, made once per district or on request, stay on
openpyxl.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from tambondoc import __version__
from tambondoc.errors import column_letter
from tambondoc.package import ZIP_LEVEL, zip_time
from tambondoc.xlsx.look import (
    BORDER_EDGES,
    FILL_COLOURS,
    FONT,
    FOOTER,
    LIST_MARGINS,
    absolute,
    cell_text,
    column_number,
)

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
StyleKey = tuple[Any, ...]  # FastSheet.put's (bold, size, fmt, fill, wrap, align, box)


@dataclass
class _Styles:
    """The workbook's fonts, fills, borders, number formats and cell formats, each added the
    first time a cell uses it; index 0 of each is the default Excel expects there."""

    fonts: list[tuple[int, bool]] = field(default_factory=lambda: [(11, False)])
    fills: list[str | None] = field(default_factory=lambda: [None, "gray125"])
    borders: list[str] = field(default_factory=lambda: [""])
    formats: list[str] = field(default_factory=list)
    xfs: dict[StyleKey, int] = field(default_factory=dict)
    xml: list[str] = field(default_factory=lambda: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'])

    def index(self, key: StyleKey) -> int:
        found = self.xfs.get(key)
        if found is None:
            found = self.xfs[key] = len(self.xml)
            self.xml.append(self._xf(key))
        return found

    def _xf(self, key: StyleKey) -> str:
        bold, size, fmt, fill, wrap, align, box = key
        font = _add(self.fonts, (size, bold))
        fill_id = _add(self.fills, FILL_COLOURS[fill]) if fill else 0
        border = _add(self.borders, BORDER_EDGES[box if isinstance(box, str) else "box"]) if box else 0
        number = 164 + _add(self.formats, fmt) if fmt else 0
        alignment = ((f' horizontal="{align}"' if align else "") + ' vertical="top"'
                     + (' wrapText="1"' if wrap else ""))
        applied = ' applyNumberFormat="1"' if fmt else ""
        return (f'<xf numFmtId="{number}" fontId="{font}" fillId="{fill_id}" borderId="{border}" xfId="0"'
                f'{applied} applyAlignment="1"><alignment{alignment}/></xf>')

    def sheet(self) -> str:
        bold_tag = '<b val="1"/>'
        fonts = "".join(f'<font><name val="{FONT if i else "Calibri"}"/>{bold_tag if bold else ""}'
                        f'<sz val="{size}"/></font>' for i, (size, bold) in enumerate(self.fonts))
        fills = "".join("<fill><patternFill/></fill>" if c is None else
                        f'<fill><patternFill patternType="{c}"/></fill>' if c == "gray125" else
                        f'<fill><patternFill patternType="solid"><fgColor rgb="00{c}"/></patternFill></fill>'
                        for c in self.fills)
        line = '<{0} style="thin"><color rgb="00000000"/></{0}>'
        borders = "".join("<border>" + "".join(line.format(side) if side[0] in edges else f"<{side}/>"
                                               for side in ("left", "right", "top", "bottom")) + "<diagonal/></border>"
                          for edges in self.borders)
        formats = "".join(f'<numFmt numFmtId="{164 + i}" formatCode={quoteattr(f)}/>' for i, f in enumerate(self.formats))
        return (f'<styleSheet xmlns="{MAIN}">'
                + (f'<numFmts count="{len(self.formats)}">{formats}</numFmts>' if self.formats else "")
                + f'<fonts count="{len(self.fonts)}">{fonts}</fonts><fills count="{len(self.fills)}">{fills}</fills>'
                f'<borders count="{len(self.borders)}">{borders}</borders>'
                '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
                f'<cellXfs count="{len(self.xml)}">{"".join(self.xml)}</cellXfs>'
                '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


def _add(items: list[Any], item: Any) -> int:
    if item not in items:
        items.append(item)
    return items.index(item)


class Sheet:
    """One worksheet being filled: ``put`` as ``style.FastSheet``, and the sheet's layout."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.rows: dict[int, dict[int, str]] = {}
        self.wrapped: dict[int, list[tuple[int, str]]] = {}
        self.heights: dict[int, float] = {}
        self.widths: dict[int, float] = {}
        self.merges: list[str] = []
        self.freeze = ""         # the first cell that scrolls, 'C6'
        self.filter = ""         # the auto-filter's range
        self.print_titles = 0    # the heading row printed on every page
        self.print_area = ""
        self.styles = _Styles()

    def put(self, row: int, col: int, value: Any, *, bold: bool = False, size: int = 14, fmt: str | None = None,
            fill: str | None = None, wrap: bool = True, align: str | None = None, box: bool | str = True,
            formula: bool = False) -> None:
        ref = f'{column_letter(col)}{row}" s="{self.styles.index((bold, size, fmt, fill, wrap, align, box))}'
        if value is None:
            xml = f'<c r="{ref}"/>'
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            xml = f'<c r="{ref}"><v>{value}</v></c>'
        elif formula:
            xml = f'<c r="{ref}"><f>{escape(str(value)[1:])}</f></c>'
        else:  # text; its line ends as a cell has them (a plan typed on Windows has CRLF)
            text = cell_text(str(value))
            space = ' xml:space="preserve"' if text != text.strip() else ""
            xml = f'<c r="{ref}" t="inlineStr"><is><t{space}>{escape(text)}</t></is></c>' if text else f'<c r="{ref}"/>'
            if wrap:
                self.wrapped.setdefault(row, []).append((col, text))
        self.rows.setdefault(row, {})[col] = xml

    def set_height(self, row: int, points: float) -> None:
        self.heights[row] = points

    def xlsx(self, when: dt.date | None) -> bytes:
        """The workbook's bytes, its files dated ``when`` (the plan's date: the same plan, the
        same bytes) and its properties saying tambondoc made it."""
        stamp = dt.datetime.combine(when or dt.date(1980, 1, 1), dt.time())
        zipped = zip_time(stamp)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
            for name, text in self._parts(stamp.strftime("%Y-%m-%dT%H:%M:%SZ")):
                info = zipfile.ZipInfo(name, date_time=zipped.timetuple()[:6])
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, text.encode("utf-8"), compresslevel=ZIP_LEVEL)
        return buffer.getvalue()

    def _parts(self, stamp: str) -> list[tuple[str, str]]:
        ct = "application/vnd.openxmlformats-officedocument."
        types = (f'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 f'<Override PartName="/xl/workbook.xml" ContentType="{ct}spreadsheetml.sheet.main+xml"/>'
                 f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{ct}spreadsheetml.worksheet+xml"/>'
                 f'<Override PartName="/xl/styles.xml" ContentType="{ct}spreadsheetml.styles+xml"/>'
                 '<Override PartName="/docProps/core.xml" '
                 'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
                 f'<Override PartName="/docProps/app.xml" ContentType="{ct}extended-properties+xml"/></Types>')
        rels = (f'<Relationships xmlns="{PACKAGE_RELS}">'
                f'<Relationship Id="rId1" Type="{RELS}/officeDocument" Target="xl/workbook.xml"/>'
                f'<Relationship Id="rId2" Type="{PACKAGE_RELS}/metadata/core-properties" Target="docProps/core.xml"/>'
                f'<Relationship Id="rId3" Type="{RELS}/extended-properties" Target="docProps/app.xml"/></Relationships>')
        book_rels = (f'<Relationships xmlns="{PACKAGE_RELS}">'
                     f'<Relationship Id="rId1" Type="{RELS}/worksheet" Target="worksheets/sheet1.xml"/>'
                     f'<Relationship Id="rId2" Type="{RELS}/styles" Target="styles.xml"/></Relationships>')
        creator = f"tambondoc {__version__}"
        core = ('<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                f"<dc:creator>{creator}</dc:creator><dc:language>th-TH</dc:language>"
                f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
                f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
                f"<cp:lastModifiedBy>{creator}</cp:lastModifiedBy></cp:coreProperties>")
        app = ('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
               f"<Application>{creator}</Application></Properties>")
        return [("[Content_Types].xml", types), ("_rels/.rels", rels), ("docProps/app.xml", app),
                ("docProps/core.xml", core), ("xl/workbook.xml", self._workbook()),
                ("xl/_rels/workbook.xml.rels", book_rels), ("xl/styles.xml", self.styles.sheet()),
                ("xl/worksheets/sheet1.xml", self._worksheet())]

    def _workbook(self) -> str:
        sheet = "'" + self.title.replace("'", "''") + "'"
        names = []
        if self.filter:
            names.append(f'<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
                         f"{escape(sheet)}!{absolute(self.filter)}</definedName>")
        if self.print_titles:
            names.append(f'<definedName name="_xlnm.Print_Titles" localSheetId="0">'
                         f"{escape(sheet)}!${self.print_titles}:${self.print_titles}</definedName>")
        if self.print_area:
            names.append(f'<definedName name="_xlnm.Print_Area" localSheetId="0">'
                         f"{escape(sheet)}!{absolute(self.print_area)}</definedName>")
        return (f'<workbook xmlns="{MAIN}" xmlns:r="{RELS}"><workbookPr/><bookViews><workbookView/></bookViews>'
                f'<sheets><sheet name={quoteattr(self.title)} sheetId="1" r:id="rId1"/></sheets>'
                + (f"<definedNames>{''.join(names)}</definedNames>" if names else "")
                + '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>')

    def _worksheet(self) -> str:
        rows = sorted(set(self.rows) | set(self.heights))  # an empty row keeps the height it was given
        last_col = max((c for r in self.rows.values() for c in r), default=1)
        out = [f'<worksheet xmlns="{MAIN}" xmlns:r="{RELS}">'
               '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
               f'<dimension ref="A{rows[0] if rows else 1}:{column_letter(last_col)}{rows[-1] if rows else 1}"/>'
               f"<sheetViews><sheetView workbookViewId=\"0\">{_pane(self.freeze)}</sheetView></sheetViews>"
               '<sheetFormatPr baseColWidth="8" defaultRowHeight="15"/>']
        if self.widths:
            out.append("<cols>" + "".join(f'<col min="{c}" max="{c}" width="{w:g}" customWidth="1"/>'
                                          for c, w in sorted(self.widths.items())) + "</cols>")
        out.append("<sheetData>")
        for r in rows:
            height = self.heights.get(r)
            out.append(f'<row r="{r}"' + (f' ht="{height:g}" customHeight="1">' if height else ">"))
            cells = self.rows.get(r, {})
            out.extend(cells[c] for c in sorted(cells))
            out.append("</row>")
        out.append("</sheetData>")
        if self.filter:
            out.append(f'<autoFilter ref="{self.filter}"/>')
        if self.merges:
            out.append(f'<mergeCells count="{len(self.merges)}">'
                       + "".join(f'<mergeCell ref="{m}"/>' for m in self.merges) + "</mergeCells>")
        left, right, top, bottom = LIST_MARGINS
        footer = f'&C&"{FONT}"&{FOOTER[1]} {FOOTER[0]}'
        out.append('<printOptions horizontalCentered="1"/>'
                   f'<pageMargins left="{left}" right="{right}" top="{top}" bottom="{bottom}" header="0.5" footer="0.5"/>'
                   '<pageSetup orientation="landscape" paperSize="9" fitToHeight="0" fitToWidth="1"/>'
                   f"<headerFooter><oddFooter>{escape(footer)}</oddFooter></headerFooter></worksheet>")
        return "".join(out)


def _pane(freeze: str) -> str:
    """A sheet view frozen above and left of ``freeze`` ('C6': two columns, five rows)."""
    if not freeze:
        return '<selection activeCell="A1" sqref="A1"/>'
    letters = freeze.rstrip("0123456789")
    col, row = column_number(letters), int(freeze[len(letters):])
    return (f'<pane xSplit="{col - 1}" ySplit="{row - 1}" topLeftCell="{freeze}" activePane="bottomRight" '
            'state="frozen"/><selection pane="topRight"/><selection pane="bottomLeft"/>'
            '<selection pane="bottomRight" activeCell="A1" sqref="A1"/>')
