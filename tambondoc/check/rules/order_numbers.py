"""One numbering for every order (คำสั่ง) of a district: 'ที่ n/พ.ศ.', restarting each calendar
year, shared by the ก.บ.ต. orders, the ศอช.ต. working groups' orders and the district's own; two
orders of one year never share a number."""

from __future__ import annotations

from collections.abc import Iterator

from tambondoc.check.rules.listing import Paper, papers
from tambondoc.plan.district import Files, Source

ID = "order-number"

CrossFinding = tuple[Source, list[str | int], bool, str, str]


def orders(sources: list[Source]) -> list[Paper]:
    """Every numbered order of the files, in file order."""
    return [p for s in sources for p in papers(s) if p.number is not None and p.year is not None]


def next_free(taken: set[int]) -> int:
    """The number after the year's highest: orders are numbered in the order they are signed."""
    return max(taken, default=0) + 1


def check_files(files: Files) -> Iterator[CrossFinding]:
    plans = files.current
    found = orders([files.district, *plans])
    taken: dict[int, set[int]] = {}
    for paper in found:
        taken.setdefault(paper.year or 0, set()).add(paper.number or 0)
    first: dict[tuple[int, int], Paper] = {}
    for paper in found:
        key = (paper.number or 0, paper.year or 0)
        if key not in first:
            first[key] = paper
            continue
        other = first[key]
        yield paper.source, [*paper.path, "number"], False, (
            f"เลขที่คำสั่ง {key[0]}/{key[1]} ซ้ำกับ{other.label} ({other.source.where([*other.path, 'number'])}) "
            f"คำสั่งทุกฉบับของอำเภอใช้เลขที่ชุดเดียวกัน เริ่มใหม่ทุกปี ให้ใช้เลขที่ถัดไปที่ยังว่าง เช่น "
            f"{next_free(taken[key[1]])}/{key[1]}"), "error"
