"""Every reference names something the plan defines: strategies, tactics of the right strategy,
villages, communities, อปท., provincial strategies."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tambondoc.check.rules.access import Finding, as_key, items_of, known

ID = "references"


def check(data: dict[str, Any]) -> Iterator[Finding]:
    villages = {as_key(v.get("no")) for _, v in items_of(data, "tambon", "villages")}
    lgs = [lg.get("id") for _, lg in items_of(data, "tambon", "local_governments")]
    provincial = {as_key(p.get("id")) for _, p in items_of(data, "direction", "provincial_strategies")}
    tactics: dict[Any, set[Any]] = {}
    for _, s in items_of(data, "direction", "strategies"):
        tactics[as_key(s.get("id"))] = {as_key(t.get("id")) for _, t in items_of(s, "tactics")}
    numbers = ", ".join(str(v) for v in sorted(x for x in villages if isinstance(x, int)))
    have = f"(มีหมู่ที่ {numbers})" if numbers else "(ตำบลนี้ไม่มีหมู่บ้าน ให้อ้างชุมชนใน tambon.communities แทน)"
    communities = [c["id"] for _, c in items_of(data, "tambon", "communities") if isinstance(c.get("id"), str)]

    def community_ref(path: list[str | int], cid: Any) -> Iterator[Finding]:
        if isinstance(cid, str) and cid not in communities:
            yield path, False, f"ไม่มีชุมชนรหัส '{cid}' ใน tambon.communities{known(cid, communities)}", "error"

    def community_refs(base: list[str | int], refs: Any) -> Iterator[Finding]:
        for j, cid in enumerate(refs if isinstance(refs, list) else []):
            yield from community_ref(base + [j], cid)

    def village_refs(base: list[str | int], refs: Any) -> Iterator[Finding]:
        for j, no in enumerate(refs if isinstance(refs, list) else []):
            if isinstance(no, int) and no not in villages:
                yield base + [j], False, f"ไม่มีหมู่ที่ {no} ใน tambon.villages {have}", "error"

    for i, g in items_of(data, "tambon", "local_governments"):
        yield from village_refs(["tambon", "local_governments", i, "villages"], g.get("villages"))
        yield from community_refs(["tambon", "local_governments", i, "communities"], g.get("communities"))
    for key in ("communities", "groups", "important_places"):
        for i, item in items_of(data, "tambon", key):
            no = item.get("village")
            if isinstance(no, int) and no not in villages:
                yield ["tambon", key, i, "village"], False, f"ไม่มีหมู่ที่ {no} ใน tambon.villages {have}", "error"
            if key != "communities":
                yield from community_ref(["tambon", key, i, "community"], item.get("community"))
    for i, s in items_of(data, "direction", "strategies"):
        ps = s.get("provincial_strategy")
        if isinstance(ps, str) and ps not in provincial:
            yield ["direction", "strategies", i, "provincial_strategy"], False, \
                f"ไม่มียุทธศาสตร์จังหวัด '{ps}' ใน direction.provincial_strategies", "error"
    for i, p in items_of(data, "projects"):
        base: list[str | int] = ["projects", i]
        sid, tid = p.get("strategy"), p.get("tactic")
        if isinstance(sid, str) and sid not in tactics:
            yield base + ["strategy"], False, \
                f"ไม่มียุทธศาสตร์ '{sid}' ใน direction.strategies (มี {', '.join(map(str, tactics))})", "error"
        elif isinstance(sid, str) and isinstance(tid, str) and tid not in tactics[sid]:
            yield base + ["tactic"], False, \
                f"กลยุทธ์ '{tid}' ไม่อยู่ในยุทธศาสตร์ {sid} (มี {', '.join(map(str, sorted(tactics[sid], key=str)))})", "error"
        yield from village_refs(base + ["villages"], p.get("villages"))
        yield from community_refs(base + ["communities"], p.get("communities"))
        lg = p.get("local_government")
        if isinstance(lg, str) and lg not in lgs:
            yield base + ["local_government"], False, \
                f"ไม่มี อปท. รหัส '{lg}' ใน tambon.local_governments (มี {', '.join(map(str, lgs))})", "error"
