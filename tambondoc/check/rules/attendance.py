"""Each tambon's workshop gathers at least the people the province asks for (seed 004: 20 a
tambon; district.yaml ``min_attendance``): fewer is a warning, the report says so too."""

from __future__ import annotations

from collections.abc import Iterator

from tambondoc.check.rules.access import get
from tambondoc.plan.district import DEFAULT_MIN_ATTENDANCE, Files, Source

ID = "attendance"

CrossFinding = tuple[Source, list[str | int], bool, str, str]


def minimum(district: object) -> int:
    value = get(district, "min_attendance")
    return value if isinstance(value, int) and not isinstance(value, bool) else DEFAULT_MIN_ATTENDANCE


def check_files(files: Files) -> Iterator[CrossFinding]:
    plans = files.current
    least = minimum(files.district.data)
    for source in plans:
        total = get(source.data, "review", "attendance", "total")
        if isinstance(total, int) and not isinstance(total, bool) and total < least:
            yield source, ["review", "attendance", "total"], False, (
                f"ผู้เข้าร่วมเวทีประชาคม {total} คน น้อยกว่าที่จังหวัดกำหนด (ตำบลละไม่น้อยกว่า {least} คน)"), "warning"
