"""Warnings for figures that disagree: area in ไร่ and ตร.กม., a village in two อปท."""

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
    owner: dict[int, Any] = {}
    for i, g in items_of(data, "tambon", "local_governments"):
        refs = g.get("villages")
        for j, no in enumerate(refs if isinstance(refs, list) else []):
            if not isinstance(no, int):
                continue
            if no in owner:
                yield ["tambon", "local_governments", i, "villages", j], False, \
                    f"หมู่ที่ {no} อยู่ในเขต อปท. '{owner[no]}' แล้ว หมู่บ้านหนึ่งอยู่ได้ใน อปท. เดียว", "warning"
            owner.setdefault(no, g.get("id"))
