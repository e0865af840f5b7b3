"""Share a table's width among its columns where it saves the most height (``docx.layout``
says how): each column's minimum first, then steps of width to the column whose step shortens
the rows the most, a heading row counting once per page."""

from __future__ import annotations

from tambondoc.docx.cells import Cell, Column, Row, height_at, span_width

SAMPLE = 100          # rows the width search looks at in a long table
STEPS = 20            # width handed out in this many steps
ROOM = 0.25           # share of the width the columns' minimums should leave to share


def share(rows: list[Row], columns: list[Column], total: float, margins: int) -> list[float]:
    """Share ``total`` twips: minimums first, then steps of width where they save the most height."""
    widths = [c.minimum for c in columns]
    text = [i for i, c in enumerate(columns) if not c.fixed]
    floors = total * (1 - ROOM)
    if sum(widths) > floors and text:  # even at 12 pt: a column's rarest long words may break
        widths = [c.usual if i in text else w for i, (c, w) in enumerate(zip(columns, widths))]
    spare = total - sum(widths)
    if spare <= 0:  # words must break: the text columns share what the amounts leave, by their minimums
        room = total - sum(c.minimum for c in columns if c.fixed)
        need = sum(widths[i] for i in text) or 1.0
        return [w * room / need if i in text else w for i, w in enumerate(widths)]
    growable = [i for i in text if columns[i].demand > 0]
    if not growable:
        return [w + spare / len(widths) for w in widths]
    # a row of one cell across the table (a long text's continuation) is as tall at any sharing
    body = [r for r in rows if not r.header and not (len(r.cells) == 1 and r.cells[0].span >= len(columns))]
    sample = body[:: max(1, len(body) // SAMPLE)] + [r for r in rows if r.header]
    step = spare / STEPS
    for row in sample:  # their heights are asked at every step: kept by width from now on
        for cell in row.cells:
            cell.searched()

    heights = [[height_at(c, span_width(c, widths), margins) for c in r.cells] for r in sample]
    tops = [_top_two(h) for h in heights]
    # the sample's cells over each growable column: (row, its cell, the cell, the row's weight)
    cover: dict[int, list[tuple[int, int, Cell, float]]] = {i: [] for i in growable}
    for r, row in enumerate(sample):
        for k, cell in enumerate(row.cells):
            for i in range(cell.start, cell.start + cell.span):
                if i in cover:
                    cover[i].append((r, k, cell, row.weight))

    def tallest() -> dict[int, list[tuple[int, Cell, float]]]:
        """Per growable column, the rows whose tallest cell is over it: only those get shorter."""
        return {i: [(r, cell, weight) for r, k, cell, weight in entries if tops[r][1] == k]
                for i, entries in cover.items()}

    def gain(i: int, extra: float) -> float:
        """Height saved over the sample if column ``i`` were ``extra`` twips wider."""
        total = 0.0
        for r, cell, weight in over[i]:
            top, _, second = tops[r]
            width = (widths[cell.start] if cell.span == 1 else span_width(cell, widths)) + extra
            height = cell.heights.get(int(width))  # height_at's memo, read here first: this loop asks the most
            if height is None:
                height = height_at(cell, width, margins)
            total += weight * (top - (height if height >= second else second))  # max(), without its call
        return total

    over = tallest()
    headings = [r for r, row in enumerate(sample) if row.header]
    cells_over: dict[tuple[int, ...], list[list[int]]] = {}

    steps = STEPS
    while steps > 0:

        # the column whose next step saves the most height; when no single step saves any, the
        # one that saves the most per step a few steps on (the next line break may be far). A
        # heading's label saves its line only a few steps on, and on every page: the column of
        # the tallest is always looked at those steps ahead
        best, best_k, best_rate = growable[0], 0, 0.0
        for i in growable:
            g = gain(i, step)
            if g > best_rate:
                best, best_k, best_rate = i, 1, g
        ahead = growable if best_k == 0 else [i for r in headings if tops[r][1] >= 0
                                              and (i := sample[r].cells[tops[r][1]].start) in cover]
        for i in ahead:
            for k in range(2, steps + 1):
                g = gain(i, step * k)
                if g > 0:
                    if g / k > best_rate:
                        best, best_k, best_rate = i, k, g / k
                    break
        # a heading row whose tallest labels tie gets shorter only when all of them get wider
        group, k, rate = _tied_group(sample, heights, tops, widths, set(growable), step, steps, margins, cells_over)
        if group and rate > best_rate:
            for i in group:
                widths[i] += step * k
            spare -= step * k * len(group)
            steps -= k * len(group)
            for r, row in enumerate(sample):
                heights[r] = [height_at(c, span_width(c, widths), margins) for c in row.cells]
                tops[r] = _top_two(heights[r])
            over = tallest()
            continue
        if best_k == 0:  # no column shortens anything: share the rest by how much text each holds
            demand = sum(columns[i].demand for i in growable)
            for i in growable:
                widths[i] += spare * columns[i].demand / demand
            return widths
        widths[best] += step * best_k
        spare -= step * best_k
        steps -= best_k
        changed = False
        for r, k, cell, _ in cover[best]:
            width = widths[cell.start] if cell.span == 1 else span_width(cell, widths)
            height = cell.heights.get(int(width))  # height_at's memo, read here first: gain() asked it
            if height is None:
                height = height_at(cell, width, margins)
            if height != heights[r][k]:
                heights[r][k] = height
                tops[r] = _top_two(heights[r])
                changed = True
        if changed:
            over = tallest()
    return widths


def _tied_group(sample: list[Row], heights: list[list[float]], tops: list[tuple[float, int, float]],
                widths: list[float], growable: set[int], step: float, most: int, margins: int,
                cells_over: dict[tuple[int, ...], list[list[int]]]) -> tuple[tuple[int, ...], int, float]:
    """The columns of a heading row's tied tallest cells, the steps to widen each by together (at
    most ``most`` in all), and the height that saves per step: a heading whose labels each take
    three lines gets shorter only when every one of them does, and it repeats on every page.
    ``cells_over`` keeps, by group, each row's cells over it: the search asks at every step;
    ``tops`` is each row's ``_top_two``, kept by the search as its heights change (every row's
    tallest taken again here with max(), at every step, cost a realistic plan 11 M instructions)."""
    best: tuple[tuple[int, ...], int, float] = ((), 0, 0.0)
    for row, hs, (top, _, _) in zip(sample, heights, tops):
        if not row.header:  # the cheap test first: most rows are body rows
            continue
        group = tuple(sorted({i for cell, h in zip(row.cells, hs) if h >= top - 0.01
                              for i in range(cell.start, cell.start + cell.span)}))
        if len(group) < 2 or not set(group) <= growable:
            continue
        if (touched := cells_over.get(group)) is None:  # in each row, the cells whose heights change
            touched = cells_over[group] = [[j for j, c in enumerate(other.cells)
                                            if any(i in group for i in range(c.start, c.start + c.span))]
                                           for other in sample]
        # a body row's cells get no taller when wider (``height_at`` estimates them), so a row
        # gets shorter only when one of its cells over the group is its tallest: the others save 0
        rows = [(other, other_hs, cells, tallest)
                for other, other_hs, cells, (tallest, first, _) in zip(sample, heights, touched, tops)
                if other.header or first in cells or any(other_hs[j] >= tallest for j in cells)]
        for k in range(1, min(3, most // len(group)) + 1):
            wider = [w + step * k if i in group else w for i, w in enumerate(widths)]
            saved = 0.0
            for other, other_hs, cells, tallest in rows:
                new: float = 0.0
                if other_hs:
                    wider_hs = list(other_hs)
                    for j in cells:
                        cell = other.cells[j]
                        width = wider[cell.start] if cell.span == 1 else span_width(cell, wider)
                        height = cell.heights.get(int(width))  # height_at's memo, read here first
                        wider_hs[j] = height_at(cell, width, margins) if height is None else height
                    new = max(wider_hs)
                saved += other.weight * (tallest - new)
            if saved / (k * len(group)) > best[2]:
                best = (group, k, saved / (k * len(group)))
    return best


def _top_two(heights: list[float]) -> tuple[float, int, float]:
    """(the tallest height, its cell, the next tallest) of a row; the first cell wins a tie."""
    top, top_k, second = 0.0, -1, 0.0
    for k, h in enumerate(heights):
        if top_k < 0 or h > top:
            if top_k >= 0:
                second = top
            top, top_k = h, k
        elif h > second:
            second = h
    return top, top_k, second


def guess(columns: list[Column], total: float) -> list[float]:
    """The minimums, and what they leave shared by how much text each column holds: near what
    the search will find, to tell how many pages a table takes. (At the minimums alone, a
    five-year plan's tables took three times their pages, and their heading weighed as much more.)"""
    widths = [c.minimum for c in columns]
    spare = total - sum(widths)
    demand = sum(c.demand for c in columns if not c.fixed)
    if spare <= 0 or demand <= 0:
        return widths
    return [w + (0.0 if c.fixed else spare * c.demand / demand) for w, c in zip(widths, columns)]
