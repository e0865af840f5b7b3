"""The community-organisation council (ศอช.) of a plan or of district.yaml: its committee has one
chair and a secretary, its working group one chair and a secretary, nobody twice in either; the
working group's order is dated in its year; the committee is certified after it was selected."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tambondoc.check.rules.access import Finding, get, items_of
from tambondoc.plan.places import plain
from tambondoc.plan.vocabulary import CHAIR, GROUP_CHAIR, GROUP_SECRETARY, SECRETARY
from tambondoc.thai import parse_be_date

ID = "socho"


def level(data: dict[str, Any]) -> str:
    """'ศอช.อ.' in district.yaml, 'ศอช.ต.' in a plan."""
    return "ศอช.อ." if "district" in data else "ศอช.ต."


def roster(data: dict[str, Any], path: list[str | int], label: str, chair: str, secretary: str) -> Iterator[Finding]:
    """One chair, at least one secretary, each name once (spacing aside) in the list at ``path``."""
    keys = [str(p) for p in path]
    if not isinstance(get(data, *keys), list):
        return
    members = items_of(data, *keys)
    chairs = [i for i, m in members if m.get("role") == chair]
    if not chairs:
        yield path, True, f"{label} ต้องมี{chair}หนึ่งคนพอดี (พบ 0 คน)", "error"
    for i in chairs[1:]:
        yield [*path, i, "role"], False, (f"{label} ต้องมี{chair}หนึ่งคนพอดี (พบ {len(chairs)} คน "
                                          f"คนแรกอยู่รายการที่ {chairs[0] + 1}) ให้เปลี่ยนบทบาทของคนนี้"), "error"
    if not any(m.get("role") == secretary for _, m in members):
        yield path, True, f"{label} ต้องมี{secretary}อย่างน้อยหนึ่งคน", "error"
    seen: dict[str, int] = {}
    for i, m in members:
        name = " ".join(m["name"].split()) if isinstance(m.get("name"), str) else None
        key = plain(name) if name else ""  # a name pasted from a PDF or LINE is still the name
        if key and key in seen:
            yield [*path, i, "name"], False, f"ชื่อ '{name}' ซ้ำกับรายการที่ {seen[key] + 1} ของ{label} ให้ใช้ค่าที่ไม่ซ้ำกัน", "error"
        elif key:
            seen[key] = i


def order_year(data: dict[str, Any], path: list[str | int]) -> Iterator[Finding]:
    """The order's date lies in the year of its number ('ที่ 12/2568' signed in 2568)."""
    keys = [str(p) for p in path]
    year, date = get(data, *keys, "year"), parse_be_date(get(data, *keys, "date"))
    if isinstance(year, int) and date is not None and date.year >= 1900 and date.year + 543 != year:
        yield [*path, "date"], False, f"วันที่คำสั่งต้องอยู่ในปี พ.ศ. {year} ของคำสั่ง (พบปี {date.year + 543})", "error"


def check(data: dict[str, Any]) -> Iterator[Finding]:
    short = level(data)
    yield from roster(data, ["socho", "committee", "members"], f"คณะกรรมการบริหาร {short}", CHAIR, SECRETARY)
    yield from roster(data, ["socho", "working_group", "members"], f"คณะทำงานส่งเสริม {short}",
                      GROUP_CHAIR, GROUP_SECRETARY)
    yield from order_year(data, ["socho", "working_group", "order"])
    selected = parse_be_date(get(data, "socho", "committee", "selected_on"))
    announced = parse_be_date(get(data, "socho", "committee", "announcement", "date"))
    if selected and announced and announced < selected and selected.year >= 1900:
        yield ["socho", "committee", "announcement", "date"], False, \
            "วันที่ประกาศรับรองการคัดเลือกต้องไม่ก่อนวันที่คัดเลือก (selected_on) ให้ตรวจวันที่", "error"
