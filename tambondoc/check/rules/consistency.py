"""Warnings for figures that disagree: area in ไร่ and ตร.กม., a village or community in two อปท."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tambondoc.check.rules.access import Finding, get, items_of

ID = "consistency"


def check(data: dict[str, Any]) -> Iterator[Finding]:
    rai, km = get(data, "tambon", "area", "rai"), get(data, "tambon", "area", "sq_km")
    if isinstance(rai, (int, float)) and isinstance(km, (int, float)) and km > 0 and abs(rai / 625 - km) / km > 0.05:
        yield ["tambon", "area", "sq_km"], False, \
            f"เนื้อที่ {rai:,} ไร่ เท่ากับ {rai / 625:,.2f} ตร.กม. แต่ใส่ไว้ {km:,} ตร.กม. (1 ตร.กม. = 625 ไร่)", "warning"
    for key, kind, what, one in (("villages", int, "หมู่ที่ {}", "หมู่บ้าน"), ("communities", str, "ชุมชน '{}'", "ชุมชน")):
        owner: dict[Any, Any] = {}
        for i, g in items_of(data, "tambon", "local_governments"):
            refs = g.get(key)
            for j, ref in enumerate(refs if isinstance(refs, list) else []):
                if not isinstance(ref, kind):
                    continue
                if ref in owner:
                    yield ["tambon", "local_governments", i, key, j], False, \
                        f"{what.format(ref)} อยู่ในเขต อปท. '{owner[ref]}' แล้ว {one}หนึ่งอยู่ได้ใน อปท. เดียว", "warning"
                owner.setdefault(ref, g.get("id"))
