"""What the district rules (and the district's status) look at in each file: the people of its
committees, and its orders and announcements. Read defensively, like every rule."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from tambondoc.check.rules.access import get, items_of
from tambondoc.plan.district import Source

Path_ = list[str | int]


@dataclass(frozen=True)
class Person:
    """A person named in one of a file's rosters."""

    path: Path_       # to the person's mapping
    name: str         # spacing collapsed
    position: str     # spacing collapsed
    roster: str       # 'ก.บ.ต. ตำบลบางสวน', 'คณะทำงานส่งเสริม ศอช.อ.', 'นายอำเภอ', ...


@dataclass(frozen=True)
class Paper:
    """An order (numbered) or an announcement of the district, in the file that holds its data."""

    source: Source
    path: Path_        # to the mapping holding its date (and number and year for an order)
    label: str         # 'คำสั่งแต่งตั้ง ก.บ.ต. ตำบลบางสวน'
    kind: str          # 'kbt-order', 'socho-order', 'socho-announcement' (and their district forms)
    title: str         # the label without the place: 'คำสั่งแต่งตั้ง ก.บ.ต.'
    place: str         # 'ตำบลบางสวน', 'อำเภอบางคล้า'; '' when the name is missing
    number: int | None
    year: int | None
    date: str | None


def _flat(value: Any) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


def place(data: Any) -> str:
    """'ตำบลบางสวน' for a plan, 'อำเภอบางคล้า' for district.yaml ('' when the name is missing)."""
    if isinstance(get(data, "district"), dict):
        name = _flat(get(data, "district", "amphoe"))
        return f"อำเภอ{name}" if name else ""
    name = _flat(get(data, "tambon", "name"))
    return f"ตำบล{name}" if name else ""


def _rosters(data: Any) -> list[tuple[Path_, str, bool]]:
    """(path, label, is a list) of every place a file names people."""
    if isinstance(get(data, "district"), dict):
        return [(["chief"], "นายอำเภอ", False), (["signer"], "ผู้ลงนาม", False),
                (["office", "head"], "พัฒนาการอำเภอ", False), (["office", "officers"], "เจ้าหน้าที่พัฒนาชุมชน", True),
                (["socho", "committee", "members"], "คณะกรรมการบริหาร ศอช.อ.", True),
                (["socho", "working_group", "members"], "คณะทำงานส่งเสริม ศอช.อ.", True)]
    where = place(data)
    return [(["committee", "members"], f"ก.บ.ต. {where}".strip(), True),
            (["socho", "committee", "members"], f"คณะกรรมการบริหาร ศอช.ต. {where}".strip(), True),
            (["socho", "working_group", "members"], f"คณะทำงานส่งเสริม ศอช.ต. {where}".strip(), True)]


def people(data: Any) -> Iterator[Person]:
    """Everyone a file names, roster by roster, with name and position."""
    for path, label, many in _rosters(data):
        found = items_of(data, *map(str, path)) if many else [(None, get(data, *map(str, path)))]
        for i, item in found:
            if not isinstance(item, dict):
                continue
            name, position = _flat(item.get("name")), _flat(item.get("position"))
            if name and position:
                yield Person(path if i is None else [*path, i], name, position, label)


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def papers(source: Source) -> list[Paper]:
    """The orders and announcements whose data a file holds: a plan's ก.บ.ต. order, and for a
    plan or district.yaml the ศอช. working group's order and the ศอช. committee's announcement."""
    data, where = source.data, place(source.data)
    short = "ศอช.อ." if isinstance(get(data, "district"), dict) else "ศอช.ต."
    prefix = "district-" if short == "ศอช.อ." else ""
    found = []
    for path, label, kind in (
            (["committee", "order"], "คำสั่งแต่งตั้ง ก.บ.ต.", "kbt-order"),
            (["socho", "working_group", "order"], f"คำสั่งแต่งตั้งคณะทำงานส่งเสริม {short}", f"socho-{prefix}order"),
            (["socho", "committee", "announcement"], f"ประกาศรับรองการคัดเลือกคณะกรรมการบริหาร {short}",
             f"socho-{prefix}announcement")):
        paper = get(data, *path)
        if not isinstance(paper, dict) or (kind == "kbt-order" and short == "ศอช.อ."):
            continue
        date = paper.get("date") if isinstance(paper.get("date"), str) else None
        found.append(Paper(source, list(path), f"{label} {where}".strip(), kind, label, where,
                           _int(paper.get("number")), _int(paper.get("year")), date))
    return found
