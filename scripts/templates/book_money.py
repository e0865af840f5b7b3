"""The plan book's ส่วนที่ ๓: the project table of every strategy and the summaries by strategy,
source, approach and year. One fiscal year follows seed 002's columns (an amount per year and
per source); past six amount columns (``book.wide_budget``: from two years) years and sources
are listed as lines in one column each, so the text keeps room on landscape A4."""

from __future__ import annotations

from templates.book_kit import LANDSCAPE_WIDTH, Row, add, table, tag, tag_row

SOURCE_HEADS = ["{%tc for s in sources %}", "{{ s.short }}", "{%tc endfor %}"]
SOURCE_HEAD = "{% colspan sources|length %}แหล่งงบประมาณ (บาท)"
OTHER_NOTE = "{{ ('หมายเหตุ: ' ~ other_sources_text)|num('prose') }}"

# ---------------------------------------------------------------- ส่วนที่ ๓

def _money(expr: str) -> str:
    """An amount in table numerals; zero shows as '-' as in Thai budget tables."""
    return "{{ " + expr + "|money(true)|num('table') }}"


NARROW, WIDE, ELSE, END = "{%tc if not book.wide_budget %}", "{%tc if book.wide_budget %}", "{%tc else %}", "{%tc endif %}"
TAG = 0.1  # starting width of a template column that only holds a column tag
GAP = " \t"  # between a line's label and its amount: the layout aligns the amount right with a tab stop


def _year_cells(amounts: str, total: str) -> list:
    """The fiscal-year column loop, then รวม when the plan spans several years (6 template cells)."""
    return ["{%tc for a in " + amounts + " %}", _money("a"), "{%tc endfor %}",
            "{%tc if book.multi_year %}", _money(total), "{%tc endif %}"]


YEAR_WIDTHS = [TAG, 2.15, TAG, TAG, 2.5, TAG]
YEAR_ALIGNS = "crcc" + "rc"


def _lines(items: str, line: str, total: str | None = None, when: str | None = None) -> list[tuple[str, str | None]]:
    """One cell holding a paragraph per item of ``items`` ('-' when there is none, as an amount of
    nothing shows), and a total line when there are several (or when ``when`` holds)."""
    out: list[tuple[str, str | None]] = [("{%p for l in " + items + " %}", None), (line, None), ("{%p else %}", None),
                                         ("-", None), ("{%p endfor %}", None)]
    if total:
        out += [("{%p if " + (when or items + "|length > 1") + " %}", None), ("รวม" + GAP + _money(total), None),
                ("{%p endif %}", None)]
    return out


def _source_cells(amounts: str) -> list:
    """The amount per source column (3 template cells: a column loop)."""
    return ["{%tc for a in " + amounts + " %}", _money("a"), "{%tc endfor %}"]


SOURCE_WIDTHS = [TAG, 2.15, TAG]


def _budget_narrow(amounts: str, total: str, sources: str) -> tuple[list, list]:
    """Seed 002's layout for plans of one or two years: (cells before เป้าหมาย, source cells)."""
    return ([NARROW] + _year_cells(amounts, total) + [END], [NARROW] + _source_cells(sources) + [END])


def _other_note(doc) -> None:
    """What the short names of the "อื่น ๆ" column and the source lines stand for."""
    tag(doc, "{%p if other_sources_text %}")
    add(doc, OTHER_NOTE, "Normal")
    tag(doc, "{%p endif %}")


def _budget_wide(of: str, total: str) -> list:
    """Plans of three years or more: a line per funded year and per source, and under the sources
    the total when there are several years and several sources: otherwise the one year's or the
    one source's line is the total. Under the years in every row, it made the budget cell (up to
    six lines) the tallest of half a realistic plan's rows."""
    several = f"{of}.year_lines|length > 1 and {of}.source_lines|length > 1"
    return [WIDE, _lines(of + ".year_lines", "{{ l.year|num('table') }}" + GAP + _money("l.amount")),
            _lines(of + ".source_lines", "{{ l.label }}" + GAP + _money("l.amount"), total, several), END]


def _project_table(doc) -> None:
    """A table per strategy (so a plan of thousands of projects never holds one huge table): a row
    naming the strategy, its projects, its subtotal, and after the last strategy's the grand total.
    One or two fiscal years: seed 002's columns, an amount per year and per funding source. Three
    or more (more than seven amount columns): the amounts of the funded years as lines in one budget column and the sources
    in another, so the text keeps room on landscape A4 (totals by year and source are in 3.2-3.5)."""
    widths = ([0.9, 4.2] + [TAG] + YEAR_WIDTHS + [TAG] + [3.3, 2.0, 1.7]
              + [TAG] + SOURCE_WIDTHS + [TAG] + [TAG, 3.0, 3.0, TAG])
    aligns = "cl" + "c" + YEAR_ALIGNS + "c" + "lll" + "c" + "crc" + "c" + "crlc"
    n = len(widths)

    def row_cells(of: str, total: str, sources: str, head: list, middle: list) -> list:
        before, after = _budget_narrow(f"{of}.year_amounts", total, sources)
        return head + before + middle + after + _budget_wide(of, total)

    heading = (["ที่", "แผนงาน/โครงการ", NARROW, "{% colspan book.budget_columns %}งบประมาณ (บาท)", None, None,
                None, None, None, END, "เป้าหมาย", "ระยะเวลา", "สถานที่ดำเนินการ",
                NARROW, SOURCE_HEAD, None, None, END,
                WIDE, "งบประมาณ (บาท)", "แหล่งงบประมาณ (บาท)", END])
    years = (["^", "^", NARROW, "{%tc for y in years %}", "ปี {{ y|num('table') }}", "{%tc endfor %}",
              "{%tc if book.multi_year %}", "รวม", "{%tc endif %}", END, "^", "^", "^",
              NARROW] + SOURCE_HEADS + [END, WIDE, "^", "^", END])
    target = [("{%p for t in p.target_paragraphs or [''] %}", None), ("{{ t|num('table') }}", None),
              ("{%p endfor %}", None)]
    group = ("ยุทธศาสตร์ที่ {{ book.strategy_no[g.id]|num('table') }} {{ book.strategy_titles[g.id]|num('table') }}"
             "{% colspan (7 if book.wide_budget else 5 + book.budget_columns + sources|length) %}")
    rows = [  # one heading row when the budget is one column: a second would only continue merges
        tag_row(n, "{%tr if book.wide_budget %}"),
        Row(heading, "head"),
        tag_row(n, "{%tr else %}"),
        Row(heading, "head"),
        Row(years, "head"),
        tag_row(n, "{%tr endif %}"),
        Row([group] + [None] * (n - 1), "group"),
        tag_row(n, "{%tr for p in g.projects %}"),
        Row(row_cells("p", "p.total", "p.source_amounts", ["{{ loop.index|num('table') }}", "{{ p.name|num('table') }}"],
                      [target, "{{ (p.period or '-')|num('table') }}", "{{ p.location_text|num('table') }}"])),
        tag_row(n, "{%tr endfor %}"),
        Row(row_cells("g.totals", "g.totals.amount", "g.totals.source_amounts",
                      ["รวมยุทธศาสตร์ที่ {{ book.strategy_no[g.id]|num('table') }} ({{ g.totals.count|num('table') }} โครงการ)",
                       None], ["", None, None]), "total"),
        tag_row(n, "{%tr if loop.last %}"),
        Row(row_cells("totals", "totals.amount", "totals.source_amounts",
                      ["รวมทั้งสิ้น ({{ totals.count|num('table') }} โครงการ)", None], ["", None, None]), "total"),
        tag_row(n, "{%tr endif %}"),
    ]
    tag(doc, "{%p for g in strategy_groups %}")
    table(doc, widths, aligns, rows, small=True, width=LANDSCAPE_WIDTH, nowrap=(n - 2,))
    tag(doc, "{%p endfor %}")


def _summary_tables(doc) -> None:
    add(doc, "{{ '3.2 สรุปโครงการและงบประมาณ จำแนกตามยุทธศาสตร์'|num('prose') }}", "Heading 2")
    widths = [0.8, 6.0, 1.6] + YEAR_WIDTHS + [TAG] + SOURCE_WIDTHS + [TAG]
    n = len(widths)
    def sources_narrow(of: str) -> list:
        return [NARROW] + _source_cells(f"{of}.source_amounts") + [END]

    table(doc, widths, "clr" + YEAR_ALIGNS + "c" + "crc" + "c", [
        Row(["ที่", "ยุทธศาสตร์", "จำนวนโครงการ", "{% colspan book.budget_columns %}งบประมาณ (บาท)", None, None,
             None, None, None, NARROW, SOURCE_HEAD, None, None, END], "head"),
        Row(["^", "^", "^", "{%tc for y in years %}", "ปี {{ y|num('table') }}", "{%tc endfor %}",
             "{%tc if book.multi_year %}", "รวม", "{%tc endif %}", NARROW] + SOURCE_HEADS + [END], "head"),
        tag_row(n, "{%tr for s in summary.by_strategy %}"),
        Row(["{{ book.strategy_no[s.id]|num('table') }}", "{{ s.name|num('table') }}", "{{ s.count|num('table') }}"]
            + _year_cells("s.year_amounts", "s.amount") + sources_narrow("s")),
        tag_row(n, "{%tr endfor %}"),
        Row(["รวมทั้งสิ้น", None, "{{ totals.count|num('table') }}"]
            + _year_cells("totals.year_amounts", "totals.amount") + sources_narrow("totals"), "total"),
    ], center=True, small=True, width=LANDSCAPE_WIDTH, note="other_sources_text and not book.wide_budget")

    tag(doc, "{%p if book.wide_budget %}")
    add(doc, "{{ '3.2.1 สรุปงบประมาณ จำแนกตามยุทธศาสตร์และแหล่งงบประมาณ'|num('prose') }}", "Heading 3")
    table(doc, [0.8, 7.0] + SOURCE_WIDTHS + [2.5], "cl" + "crc" + "r", [
        Row(["ที่", "ยุทธศาสตร์", SOURCE_HEAD, None, None, "รวม (บาท)"], "head"),
        Row(["^", "^"] + SOURCE_HEADS + ["^"], "head"),
        tag_row(6, "{%tr for s in summary.by_strategy %}"),
        Row(["{{ book.strategy_no[s.id]|num('table') }}", "{{ s.name|num('table') }}"]
            + _source_cells("s.source_amounts") + [_money("s.amount")]),
        tag_row(6, "{%tr endfor %}"),
        Row(["รวมทั้งสิ้น", None] + _source_cells("totals.source_amounts") + [_money("totals.amount")], "total"),
    ], center=True, small=True, width=LANDSCAPE_WIDTH, note="other_sources_text")
    tag(doc, "{%p endif %}")
    _other_note(doc)

    add(doc, "{{ '3.3 สรุปงบประมาณ จำแนกตามแหล่งงบประมาณ'|num('prose') }}", "Heading 2")
    table(doc, [0.8, 7.0, 2.6, 1.6], "clrr", [
        Row(["ที่", "แหล่งงบประมาณ", "งบประมาณ (บาท)", "ร้อยละ"], "head"),
        tag_row(4, "{%tr for s in book.by_source %}"),
        Row(["{{ loop.index|num('table') }}", "{{ s.label }}", _money("s.amount"), "{{ s.share|num('table') }}"]),
        tag_row(4, "{%tr endfor %}"),
        Row(["รวม", None, _money("totals.amount"), "{{ '100.00'|num('table') }}"], "total"),
    ], center=True, small=True, width=14.0)

    add(doc, "{{ '3.4 สรุปโครงการ จำแนกตามวิธีดำเนินการ'|num('prose') }}", "Heading 2")
    table(doc, [0.8, 3.6, 1.8] + YEAR_WIDTHS + [1.6], "clr" + YEAR_ALIGNS + "r", [
        Row(["ที่", "วิธีดำเนินการ", "จำนวนโครงการ", "{% colspan book.budget_columns %}งบประมาณ (บาท)", None, None,
             None, None, None, "ร้อยละ"], "head"),
        Row(["^", "^", "^", "{%tc for y in years %}", "ปี {{ y|num('table') }}", "{%tc endfor %}",
             "{%tc if book.multi_year %}", "รวม", "{%tc endif %}", "^"], "head"),
        tag_row(10, "{%tr for s in book.by_approach %}"),
        Row(["{{ loop.index|num('table') }}", "{{ s.approach }}", "{{ s.count|num('table') }}"]
            + _year_cells("s.year_amounts", "s.amount") + ["{{ s.share|num('table') }}"]),
        tag_row(10, "{%tr endfor %}"),
        Row(["รวม", None, "{{ totals.count|num('table') }}"] + _year_cells("totals.year_amounts", "totals.amount")
            + ["{{ '100.00'|num('table') }}"], "total"),
    ], center=True, small=True, width=LANDSCAPE_WIDTH)

    add(doc, "{{ '3.5 สรุปงบประมาณ จำแนกตามปีงบประมาณ'|num('prose') }}", "Heading 2")
    table(doc, [2.2, 1.8] + SOURCE_WIDTHS + [2.4], "cr" + "crc" + "r", [
        Row(["ปีงบประมาณ", "จำนวนโครงการ", SOURCE_HEAD, None, None, "รวม (บาท)"], "head"),
        Row(["^", "^"] + SOURCE_HEADS + ["^"], "head"),
        tag_row(6, "{%tr for y in book.by_year %}"),
        Row(["{{ y.year|num('table') }}", "{{ y.count|num('table') }}"] + _source_cells("y.source_amounts")
            + [_money("y.amount")]),
        tag_row(6, "{%tr endfor %}"),
        Row(["รวม", "-"] + _source_cells("totals.source_amounts") + [_money("totals.amount")], "total"),
    ], center=True, small=True, width=LANDSCAPE_WIDTH, note="true")
    add(doc, "หมายเหตุ: โครงการที่ได้รับงบประมาณหลายปีนับจำนวนโครงการในทุกปีที่ได้รับ", "Normal")


def part_three(doc) -> None:
    add(doc, "{{ 'ส่วนที่ 3 โครงการ/กิจกรรมตามแผนพัฒนาตำบล'|num('prose') }}", "Heading 1")
    add(doc, "คณะกรรมการบริหารงานตำบลแบบบูรณาการ (ก.บ.ต.) ตำบล{{ tambon.name }} ได้รวบรวมแผนงาน/โครงการ"
        "จาก{{ 'แผนพัฒนาหมู่บ้าน' if tambon.villages or not tambon.communities else 'แผนชุมชน' }} วิเคราะห์ความเป็นไปได้ และจัดลำดับความสำคัญ จำแนกตามยุทธศาสตร์การพัฒนาตำบล "
        "{{ book.strategy_count|num('prose') }} ยุทธศาสตร์ รวม {{ totals.count|num('prose') }} โครงการ "
        "งบประมาณรวมทั้งสิ้น {{ totals.amount|money|num('prose') }} บาท ({{ totals.amount|baht_text }}) "
        "ปีงบประมาณ พ.ศ. {{ plan.years_text|num('prose') }} ดังนี้", "Body Text")
    add(doc, "{{ '3.1 โครงการ/กิจกรรม จำแนกตามยุทธศาสตร์'|num('prose') }}", "Heading 2")
    tag(doc, "{%p if strategy_groups %}")
    _project_table(doc)
    tag(doc, "{%p else %}")
    add(doc, "(ยังไม่มีโครงการ)", "Body Text")
    tag(doc, "{%p endif %}")
    total_line = "รวมงบประมาณทั้งสิ้น {{ totals.amount|money|num('prose') }} บาท ({{ totals.amount|baht_text }})"
    tag(doc, "{%p if other_sources_text %}")  # the note under it stays on its page
    add(doc, total_line, "Total Line").paragraph_format.keep_with_next = True
    tag(doc, "{%p else %}")
    add(doc, total_line, "Total Line")
    tag(doc, "{%p endif %}")
    _other_note(doc)
    _summary_tables(doc)
