"""Dates that exist, with years in พ.ศ."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tambondoc.check.rules.access import Finding, get
from tambondoc.thai import parse_be_date

ID = "dates"


def check(data: dict[str, Any]) -> Iterator[Finding]:
    paths: list[list[str | int]] = [["plan", "approved_on"], ["committee", "order", "date"], ["review", "meeting_date"],
                                    ["socho", "committee", "selected_on"], ["socho", "committee", "announcement", "date"],
                                    ["socho", "working_group", "order", "date"],
                                    ["deadlines", "orders"], ["deadlines", "workshop_report"], ["deadlines", "activity_report"]]
    for path in paths:
        value = get(data, *(str(p) for p in path))
        if isinstance(value, str) and len(value) == 10 and value[4] == "-" and parse_be_date(value) is None:
            yield path, False, f"วันที่ '{value}' ไม่มีอยู่จริง ให้ตรวจวันและเดือน (ปีเป็น พ.ศ.)", "error"
        elif (d := parse_be_date(value)) is not None and d.year < 1900:
            yield path, False, f"ปีของวันที่ '{value}' ต้องเป็น พ.ศ. (เช่น 2570) ไม่ใช่ ค.ศ.", "error"
