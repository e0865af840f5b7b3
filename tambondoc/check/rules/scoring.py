"""Priority scoring (seed 001, technique 6): scores within the plan's scale for its criteria, and
no priority typed by hand where the scores or votes decide it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tambondoc.check.rules.access import Finding, as_key, get, items_of, known
from tambondoc.plan.vocabulary import scale_of

ID = "scoring"


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _ranked(p: dict[str, Any]) -> bool:
    return isinstance(p.get("scores"), dict) or _number(p.get("votes"))


def check(data: dict[str, Any]) -> Iterator[Finding]:
    scale = scale_of(data)
    low, high = scale.low, scale.high
    given = [k for k in ("max_score", "min_score") if get(data, "scoring", k) is not None]
    if given and low >= high:
        yield ["scoring", given[0]], False, f"คะแนนสูงสุด ({high:g}) ต้องมากกว่าคะแนนต่ำสุด ({low:g})", "error"
    names = {c.id: c.name for c in scale.criteria}
    ranked_strategies = {as_key(p.get("strategy")) for _, p in items_of(data, "projects") if _ranked(p)} - {None}
    for i, p in items_of(data, "projects"):
        base: list[str | int] = ["projects", i]
        scores = p.get("scores")
        if isinstance(scores, dict):
            for key, value in scores.items():
                if key not in names:
                    yield base + ["scores", key], True, \
                        f"ไม่มีเกณฑ์ '{key}' ใน scoring.criteria{known(str(key), list(names))}", "error"
                elif _number(value) and not low <= value <= high:
                    yield base + ["scores", key], False, \
                        f"คะแนน {value:g} ของเกณฑ์ '{names[key]}' อยู่นอกช่วงคะแนน {low:g}-{high:g} " \
                        "(scoring.min_score ถึง scoring.max_score)", "error"
            missing = [f"'{names[c]}'" for c in names if c not in scores]
            if missing:
                yield base + ["scores"], True, f"ยังไม่มีคะแนนเกณฑ์ {', '.join(missing)} จึงนับเป็น 0", "warning"
        if _ranked(p) and p.get("priority") is not None:
            yield base + ["priority"], True, ("โครงการที่มีคะแนน (scores) หรือคะแนนเสียง (votes) โปรแกรมคำนวณลำดับความสำคัญให้ "
                                              "ให้ลบ priority ออก"), "error"
        elif not _ranked(p) and as_key(p.get("strategy")) in ranked_strategies:
            yield base + ["id"], False, (f"โครงการนี้ยังไม่มีคะแนน (scores) ขณะที่โครงการอื่นในยุทธศาสตร์ {p['strategy']} "
                                         "มีแล้ว จึงเรียงไว้ท้ายยุทธศาสตร์ ให้ใส่คะแนนจากเวทีประชาคม"), "warning"
