"""When district.yaml lists the province's strategies, each plan's provincial strategies are among
them (the district needs plan groups projects by them): an unknown id is an error, the same id
under another name a warning."""

from __future__ import annotations

from collections.abc import Iterator

from tambondoc.check.rules.access import items_of, known
from tambondoc.plan.district import Files, Source

ID = "provincial-strategy"

CrossFinding = tuple[Source, list[str | int], bool, str, str]


def check_files(files: Files) -> Iterator[CrossFinding]:
    plans = files.current
    declared = {s["id"]: (i, s.get("name")) for i, s in items_of(files.district.data, "provincial_strategies")
                if isinstance(s.get("id"), str)}
    if not declared:
        return
    for source in plans:
        for i, strategy in items_of(source.data, "direction", "provincial_strategies"):
            sid, name = strategy.get("id"), strategy.get("name")
            if not isinstance(sid, str):
                continue
            path: list[str | int] = ["direction", "provincial_strategies", i]
            if sid not in declared:
                yield source, [*path, "id"], False, (
                    f"ไม่มีประเด็นยุทธศาสตร์จังหวัด '{sid}' ใน district.yaml "
                    f"({files.district.where(['provincial_strategies'])}){known(sid, list(declared))} "
                    "ให้ใช้รหัสเดียวกับของอำเภอ"), "error"
                continue
            at, theirs = declared[sid]
            if isinstance(name, str) and isinstance(theirs, str) and " ".join(name.split()) != " ".join(theirs.split()):
                yield source, [*path, "name"], False, (
                    f"ชื่อประเด็นยุทธศาสตร์ '{sid}' ไม่ตรงกับ district.yaml "
                    f"({files.district.where(['provincial_strategies', at, 'name'])}: '{theirs}')"), "warning"
