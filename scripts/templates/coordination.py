"""Build templates/docx/coordination.docx: the coordination list (บัญชีประสานโครงการพัฒนา)
the ก.บ.ต. sends to one local government (อปท.).

A4 landscape. The columns follow the local plan's form ผ.02/1 so the อปท. can copy the rows
(``context.columns``): one budget column per fiscal year (a docxtpl column loop) for plans of
one or two years; from three years on (``book.wide_years``) one budget column holding a line
per funded year, as fourteen columns leave the text no room on landscape A4 (the .xlsx keeps
a column per year). Projects are grouped by strategy with a subtotal per group and a grand
total. The table is laid out from its content when rendered (``docx.layout``): the widths below
are only a starting point. The heading rows repeat on every page; rows split only when taller
than a page.
"""

from __future__ import annotations

from pathlib import Path

from docx.shared import Cm

from tambondoc.context.columns import (
    COORDINATION_AFTER_BUDGET,
    COORDINATION_BEFORE_BUDGET,
    FIELD_BY_KEY,
    NUMBER_HEADING,
)
from templates.base import (
    autofit,
    cell_shading,
    list_pages,
    money,
    new_document,
    open_edge,
    paragraph_style,
    row_options,
    save,
    show,
    table_layout,
    vertical_align,
)

NAME = "coordination.docx"
NARROW, ELSE, END = "{%tc if not book.wide_years %}", "{%tc else %}", "{%tc endif %}"
YEAR_LOOP, YEAR_END = "{%tc for y in years %}", "{%tc endfor %}"
BEFORE = [FIELD_BY_KEY[k] for k in COORDINATION_BEFORE_BUDGET]
AFTER = [FIELD_BY_KEY[k] for k in COORDINATION_AFTER_BUDGET]
# the starting widths (cm): the number, the fields, and the budget as seven template columns: the
# year loop (its tags and one year) that the renderer turns into one column per fiscal year, or
# the one column of year lines
COLUMNS = ([(NUMBER_HEADING, 0.8)] + [("\n".join(f.form), 3.0) for f in BEFORE]
           + [("", 0.2), ("", 0.2), ("", 2.0), ("", 0.2), ("", 0.2), ("", 2.0), ("", 0.2)]
           + [("\n".join(f.form), 2.4) for f in AFTER])
BUDGET = 1 + len(BEFORE)  # index of the budget's first template column
BUDGET_END = BUDGET + 6
BUDGET_COLUMNS = "(1 if book.wide_years else years|length)"
ACROSS = "{% colspan " + BUDGET_COLUMNS + " + " + str(len(COLUMNS) - 7) + " %}"  # a cell across the rendered table
WIDTH = 26.2  # landscape A4 less 2 cm left and 1.5 cm right
TABLE_SIZE = 12
GROUP_FILL, TOTAL_FILL = "EDEDED", "D9D9D9"
# what each project cell shows; a blank field is '-' as on the form (the note stays blank)
# the long texts a line each, without the blank lines typed between them (as the plan book prints them)
LINES = "|paragraphs|join('\\n') or '-')"
VALUES = {"name": "p.name", "objective": "(p.objective" + LINES, "target": "(p.target" + LINES,
          "kpi": "(p.kpi" + LINES, "expected_result": "(p.expected_result" + LINES, "agency": "p.agency",
          "location": "p.location_text", "note": "(p.note or '')"}


def _styles(doc) -> None:
    paragraph_style(doc, "List Title", size=18, bold=True, align="center")
    paragraph_style(doc, "List Subtitle", size=16, bold=True, align="center")
    paragraph_style(doc, "List Cover", base="Body Text", first_indent_cm=2.5, space_before=6, space_after=6)
    # the list's ten columns hold long texts: 12 pt, as the plan book's project tables
    paragraph_style(doc, "Table Text", size=TABLE_SIZE, align="left")
    paragraph_style(doc, "Table Number", size=TABLE_SIZE, align="right")
    paragraph_style(doc, "Table Heading", size=TABLE_SIZE, bold=True, align="center")
    paragraph_style(doc, "Table Group", size=TABLE_SIZE, base="Table Text", bold=True, keep_next=True)
    paragraph_style(doc, "Table Total", size=TABLE_SIZE, base="Table Text", bold=True, align="right")
    paragraph_style(doc, "Table Total Number", size=TABLE_SIZE, base="Table Number", bold=True)
    # the grand total stays on the page of the signature
    paragraph_style(doc, "Table Grand Total", size=TABLE_SIZE, base="Table Total", bold=True, align="right",
                    keep_next=True)
    paragraph_style(doc, "Table Grand Total Number", size=TABLE_SIZE, base="Table Total Number", bold=True,
                    align="right",
                    keep_next=True)
    for name, before in (("Signature Name", 36), ("Signature", 0)):  # in one row: kept together
        sig = paragraph_style(doc, name, align="center", space_before=before)
        sig.paragraph_format.left_indent = Cm(13.0)
    paragraph_style(doc, "Page Number", align="center")


def _fill(cell, text: str, style: str) -> None:
    lines = text.split("\n")
    par = cell.paragraphs[0]
    par.style = style
    run = par.add_run(lines[0])
    for line in lines[1:]:
        run.add_break()
        run.add_text(line)


def _span(row, first: int, last: int):
    """Merge cells first..last (inclusive) of a row into one."""
    return row.cells[first].merge(row.cells[last])


def _header(top, years, single) -> None:
    """The heading: for one or two years two rows, the labels with 'งบประมาณ (บาท)' over one
    column per fiscal year below; from three years on (the budget one column of year lines) the
    labels alone in ``single``. Not merged vertically (LibreOffice clips vertically merged cells in
    a repeated heading): a label's cell and the empty one below it share no border, so they read
    as one."""
    for row, open_below in ((single, False), (top, True)):
        budget = _span(row, BUDGET, BUDGET_END)
        for i, (label, _) in enumerate(COLUMNS):
            if not BUDGET <= i <= BUDGET_END:
                _fill(row.cells[i], label, "Table Heading")
                if open_below:
                    open_edge(row.cells[i], "bottom")
                    open_edge(years.cells[i], "top")
                    years.cells[i].paragraphs[0].style = "Table Heading"  # as tall as the years beside it
        _fill(budget, "งบประมาณ (บาท){% colspan " + BUDGET_COLUMNS + " %}", "Table Heading")
    _budget_cells(years, [show("y")], [""], "Table Heading")
    for row in (single, top, years):
        row_options(row, header=True)
        for cell in row.cells:
            vertical_align(cell, "center")
            cell_shading(cell, TOTAL_FILL)


def _budget_cells(row, narrow: list[str], wide: list[str], style: str) -> None:
    """The seven budget template columns of a row: a year loop of ``narrow`` cells, else one
    cell of ``wide`` paragraphs."""
    tags = [NARROW, YEAR_LOOP.replace("y in years", narrow[0]) if len(narrow) > 1 else YEAR_LOOP,
            narrow[-1], YEAR_END, ELSE, None, END]
    for i, text in enumerate(tags):
        if text is not None:
            _fill(row.cells[BUDGET + i], text, style)
    cell = row.cells[BUDGET + 5]
    cell.paragraphs[0].text = wide[0]
    cell.paragraphs[0].style = style
    for text in wide[1:]:
        cell.add_paragraph(text, style=style)


def _amount_cells(row, of: str, total: str, style: str = "Table Number") -> None:
    """Each year's amount of ``of`` (a project or totals): a column each, or a line each and
    the ``total`` under them."""
    _budget_cells(row, ["a in " + of + ".year_amounts", money("a")],
                  ["{%p for l in " + of + ".year_lines %}", show("l.year") + " \t" + money("l.amount"),
                   "{%p endfor %}", "{%p if " + of + ".year_lines|length > 1 %}", "รวม \t" + money(total),
                   "{%p endif %}"], style)


def _total_row(row, label: str, of: str, style: str, fill: str) -> None:
    _fill(_span(row, 0, BUDGET - 1), label, style)
    _amount_cells(row, of, of + ".amount", style + " Number")
    _span(row, BUDGET_END + 1, len(COLUMNS) - 1).paragraphs[0].style = style
    for cell in row.cells:
        cell_shading(cell, fill)
    row_options(row)


def _table(doc) -> None:
    rows = ["if-wide", "single", "else", "head", "years", "endif", "group-for", "group", "project-for", "project", "project-end",
            "subtotal", "group-end", "total", "signature"]
    table = doc.add_table(rows=len(rows), cols=len(COLUMNS))
    table_layout(table, [w * WIDTH / sum(w for _, w in COLUMNS) for _, w in COLUMNS], cell_margin_cm=0.1)
    autofit(table)
    r = dict(zip(rows, table.rows))
    r["if-wide"].cells[0].paragraphs[0].text = "{%tr if book.wide_years %}"
    r["else"].cells[0].paragraphs[0].text = "{%tr else %}"
    r["endif"].cells[0].paragraphs[0].text = "{%tr endif %}"
    _header(r["head"], r["years"], r["single"])
    r["group-for"].cells[0].paragraphs[0].text = "{%tr for g in lg.groups %}"
    group = _span(r["group"], 0, len(COLUMNS) - 1)
    _fill(group, show("g.name") + ACROSS,
          "Table Group")
    cell_shading(group, GROUP_FILL)
    row_options(r["group"])
    r["project-for"].cells[0].paragraphs[0].text = "{%tr for p in g.projects %}"
    project = r["project"]
    _fill(project.cells[0], show("loop.index"), "Table Number")
    for i, f in enumerate(BEFORE, 1):
        _fill(project.cells[i], show(VALUES[f.key]), "Table Text")
    _amount_cells(project, "p", "p.total")
    for i, f in enumerate(AFTER, BUDGET_END + 1):
        _fill(project.cells[i], show(VALUES[f.key]), "Table Text")
    row_options(project)
    r["project-end"].cells[0].paragraphs[0].text = "{%tr endfor %}"
    _total_row(r["subtotal"], "รวม " + show("g.totals.count") + " โครงการ", "g.totals", "Table Total", GROUP_FILL)
    r["group-end"].cells[0].paragraphs[0].text = "{%tr endfor %}"
    _total_row(r["total"], "รวมทั้งสิ้น " + show("lg.totals.count") + " โครงการ", "lg.totals",
               "Table Grand Total", TOTAL_FILL)
    _signature(r["signature"])


def _signature(row) -> None:
    """The chair's signature as the table's last row, one borderless cell across it, kept with the
    grand total above (``docx.flow``): as paragraphs after a table of several pages LibreOffice left
    it alone on a last page, whatever keeps the table's last rows with it."""
    cell = _span(row, 0, len(COLUMNS) - 1)
    lines = [("({{ committee.chair.name }})" + ACROSS, "Signature Name"),
             (show("committee.chair.position", "prose"), "Signature"),
             ("ประธานคณะกรรมการบริหารงานตำบลแบบบูรณาการ (ก.บ.ต.) ตำบล{{ tambon.name }}", "Signature"),
             ("วันที่ " + show("plan.approved_on|thai_date", "prose"), "Signature")]
    cell.paragraphs[0].text, cell.paragraphs[0].style = lines[0]
    for text, style in lines[1:]:
        cell.add_paragraph(text, style=style)
    for side in ("left", "bottom", "right"):
        open_edge(cell, side)
    row_options(row)


def build(folder: Path) -> Path:
    doc = new_document(landscape=True)
    _styles(doc)
    list_pages(doc)
    props = doc.core_properties
    props.comments = "page-numerals={{ settings.prose_numerals }}"
    props.title = "บัญชีประสานโครงการพัฒนา เสนอ {{ lg.name|safe }}"
    props.subject = "แผนพัฒนาตำบล{{ tambon.name|safe }} อำเภอ{{ tambon.amphoe|safe }} จังหวัด{{ tambon.changwat|safe }}"
    doc.add_paragraph("บัญชีประสานโครงการพัฒนา", style="List Title")
    doc.add_paragraph("แผนพัฒนาตำบล{{ tambon.name }} อำเภอ{{ tambon.amphoe }} จังหวัด{{ tambon.changwat }} "
                      "ปีงบประมาณ พ.ศ. " + show("plan.years_text", "prose"), style="List Subtitle")
    doc.add_paragraph("เสนอ {{ lg.name }} เพื่อพิจารณาบรรจุในแผนพัฒนาท้องถิ่น", style="List Subtitle")
    doc.add_paragraph(
        "คณะกรรมการบริหารงานตำบลแบบบูรณาการ (ก.บ.ต.) ตำบล{{ tambon.name }} ได้จัดทำแผนพัฒนาตำบล"
        "{{ tambon.name }} ปีงบประมาณ พ.ศ. " + show("plan.years_text", "prose") + " "
        "ซึ่งได้รับความเห็นชอบเมื่อวันที่ " + show("plan.approved_on|thai_date", "prose") + " "
        "และได้จำแนกโครงการที่สอดคล้องกับทิศทางการพัฒนาและอำนาจหน้าที่ของ{{ lg.name }} "
        "จำนวน " + show("lg.totals.count", "prose") + " โครงการ งบประมาณรวม "
        + show("lg.totals.amount|money", "prose") + " บาท ({{ lg.totals.amount|baht_text }}) "
        "ตามบัญชีนี้ จึงขอให้{{ lg.name }}พิจารณาบรรจุโครงการดังกล่าวไว้ในแผนพัฒนาท้องถิ่น "
        "เพื่อให้การพัฒนาตำบล{{ tambon.name }}เป็นไปในทิศทางเดียวกัน",
        style="List Cover")
    _table(doc)
    save(doc, folder / NAME)
    return folder / NAME
