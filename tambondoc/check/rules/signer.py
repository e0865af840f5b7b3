"""A tambon's ก.บ.ต. order is signed by the district's chief or by whoever district.yaml says signs
for him: a plan naming someone else most often names a chief who has left (district.yaml was
updated, the plan was not), and the district would build an order signed by him. A warning, not an
error: an order signed by the earlier chief stands until it is re-issued. The chief has no date of
taking office in district.yaml, so the order's date cannot tell which chief it was."""

from __future__ import annotations

from collections.abc import Iterator

from tambondoc.check.rules.access import get
from tambondoc.plan.district import Files, Source
from tambondoc.plan.places import plain

ID = "signer"

CrossFinding = tuple[Source, list[str | int], bool, str, str]


def _named(data: object, *path: str) -> str | None:
    """The name at ``path``, spacing collapsed for a message; None when there is none to compare."""
    value = get(data, *path, "name")
    return " ".join(value.split()) if isinstance(value, str) and plain(value) else None


def check_files(files: Files) -> Iterator[CrossFinding]:
    district = files.district
    chief, signer = _named(district.data, "chief"), _named(district.data, "signer")
    if chief is None:
        return
    allowed = {plain(chief)} | ({plain(signer)} if signer else set())
    named = f"นายอำเภอ '{chief}' ({district.where(['chief', 'name'])})"
    if signer:
        named += f" หรือผู้ลงนามแทน '{signer}' ({district.where(['signer', 'name'])})"
    for source in files.current:
        mine = _named(source.data, "committee", "signer")
        if mine is None or plain(mine) in allowed:
            continue
        yield source, ["committee", "signer", "name"], False, (
            f"ผู้ลงนามคำสั่งแต่งตั้ง ก.บ.ต. '{mine}' ไม่ใช่{named} "
            "ถ้านายอำเภอเปลี่ยนแล้ว ให้แก้ผู้ลงนาม (committee.signer) เป็นนายอำเภอคนปัจจุบันและออกคำสั่งใหม่ "
            "ถ้าเป็นคนเดียวกัน ให้แก้ชื่อให้ตรงกับ district.yaml"), "warning"
