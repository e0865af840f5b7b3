"""The province's deadline for the orders and announcements (seed 004: 25 December) does not fall
before any of them: an order signed after it belongs to the next round (change fiscal_year)."""

from __future__ import annotations

from collections.abc import Iterator

from tambondoc.check.rules.access import get
from tambondoc.check.rules.listing import papers
from tambondoc.plan.district import Files, Source, deadline
from tambondoc.thai import parse_be_date, thai_date

ID = "deadline"

CrossFinding = tuple[Source, list[str | int], bool, str, str]


def check_files(files: Files) -> Iterator[CrossFinding]:
    plans = files.current
    due = deadline(files.district.data, "orders")
    if due is None:
        return
    given = get(files.district.data, "deadlines", "orders") is not None
    where = files.district.where(["deadlines", "orders"] if given else ["fiscal_year"])
    for paper in [p for s in [files.district, *plans] for p in papers(s)]:
        date = parse_be_date(paper.date)
        if date is not None and date.year >= 1900 and date > due:
            yield paper.source, [*paper.path, "date"], False, (
                f"{paper.label} ลงวันที่ {thai_date(date)} หลังกำหนดส่งจังหวัด {thai_date(due)} ({where}) "
                "ให้ตรวจวันที่ หรือปรับรอบงาน (fiscal_year หรือ deadlines.orders ใน district.yaml)"), "error"
