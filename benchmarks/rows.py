"""Where a long table's pages go: its rows taller than a page (or a share of one), and how tall
they would be with column widths of their own, by the layout's word-wrapped line count.

    python benchmarks/rows.py DOCX [DOCX...]

For the largest table of each document (a built coordination list or plan book): the body's
height in pages at the table's widths, then for rows taller than 1, 0.75 and 0.5 of a page
(heading excluded) their height at those widths and at the widths the layout gives a table of
that row alone; and the floor no widths can beat, the body's text as if every line of every cell
were full. A table holds one set of widths; this tells how much of its length comes from
long texts that are independent from column to column, which no sharing of one width removes.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def report(docx: Path) -> None:
    from lxml import etree

    from tambondoc.docx.cells import Row, exact_height, read_rows, side_margins
    from tambondoc.docx.finish import _page
    from tambondoc.docx.layout import _shrink
    from tambondoc.docx.ooxml import W
    from tambondoc.docx.search import share
    from tambondoc.docx.styles import Styles

    with zipfile.ZipFile(docx) as z:
        xml = z.read("word/document.xml")
        root = etree.fromstring(xml)
        styles = Styles(etree.fromstring(z.read("word/styles.xml")))
    tbl = max(root.iter(W + "tbl"), key=len)
    grid = [float(c.get(W + "w")) for c in tbl.find(W + "tblGrid")]
    margins = side_margins(tbl)
    rows = read_rows(tbl, styles)
    head = [r for r in rows if r.header]
    body = [r for r in rows if not r.header]

    def height(row: Row, widths: list[float]) -> float:
        return max((exact_height(c, sum(widths[c.start:c.start + c.span]), margins) for c in row.cells), default=0.0)

    # the section a table is in ends at the first section break after it (the plan book's project
    # tables are in landscape sections of a portrait book)
    after = tbl.itersiblings()
    sect = next((s for el in after for s in el.iter(W + "sectPr")), root.find(f"{W}body/{W}sectPr"))
    page = _page(etree.tostring(sect).decode()).height
    page -= sum(height(r, grid) for r in head)
    heights = [height(r, grid) for r in body]
    print(f"{docx}: {len(body)} rows, {sum(heights) / page:.1f} pages of body at its widths")
    # a floor no sharing of the width can beat: every line of every cell full to the column's edge
    # (each line of text covers its width times its height of the table, whatever the widths)
    area = sum(width * line for row in body for cell in row.cells for width, line in cell.lines_at_size())
    inner = sum(grid) / 20 - margins / 20 * len(grid)  # points of the table's width that hold text
    print(f"  its text alone, every line full: {area / inner / page:.1f} pages")
    for share_of_page in (1.0, 0.75, 0.5):
        tall = [i for i, h in enumerate(heights) if h > page * share_of_page]
        own = 0.0
        for i in tall:
            alone = head + [body[i]]
            for row in alone:
                row.weight = 1.0
                for cell in row.cells:
                    cell.forget()
            columns, _, _ = _shrink(alone, len(grid), sum(grid), margins)
            own += height(body[i], share(alone, columns, sum(grid), margins))
        print(f"  rows taller than {share_of_page:.2f} page: {len(tall)}, "
              f"{sum(heights[i] for i in tall) / page:.1f} pages; with widths of their own {own / page:.1f}")


def main() -> int:
    for name in sys.argv[1:]:
        report(Path(name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
