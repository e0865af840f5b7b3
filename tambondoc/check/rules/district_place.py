"""Every plan in a district's folder is a tambon of that อำเภอ and จังหวัด, one current plan a
tambon (an older year's plan is superseded, a second plan of the same year is an error), no plan
named like the district's output folder; and the district's own names exist."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tambondoc.check.rules.access import Finding, get
from tambondoc.check.rules.place_names import doubled_words
from tambondoc.plan.district import OUTPUT_FOLDER, Files, Source, revision_of
from tambondoc.plan.places import find, name_key

ID = "district-place"

CrossFinding = tuple[Source, list[str | int], bool, str, str]


def check(data: dict[str, Any]) -> Iterator[Finding]:
    """district.yaml alone: its names are not typed with their word (as for plans) and its อำเภอ
    exists in its จังหวัด (a warning, as for plans)."""
    district = get(data, "district")
    for key, message in doubled_words(district if isinstance(district, dict) else {}):
        yield ["district", key], False, message, "error"
    if get(data, "settings", "fictional") is True:
        return
    changwat, amphoe = get(data, "district", "changwat"), get(data, "district", "amphoe")
    if not all(isinstance(n, str) and n.strip() for n in (changwat, amphoe)):
        return
    problems = find(changwat, amphoe, "").problems or {}
    for key in ("changwat", "amphoe"):
        if key in problems:
            yield ["district", key], False, problems[key], "warning"


def check_files(files: Files) -> Iterator[CrossFinding]:
    superseded = files.superseded
    district = files.district
    for source in files.plans:
        for key, level, word in (("changwat", 0, "จังหวัด"), ("amphoe", 1, "อำเภอ")):
            mine, theirs = get(source.data, "tambon", key), get(district.data, "district", key)
            if isinstance(mine, str) and isinstance(theirs, str) and name_key(mine, level) != name_key(theirs, level):
                yield source, ["tambon", key], False, (
                    f"แผนนี้เป็นของ{word}{mine.strip()} แต่อยู่ในโฟลเดอร์ของ{word}{theirs.strip()} "
                    f"({district.where(['district', key])}) ให้ย้ายไฟล์ไปไว้กับ{word}ของตน หรือแก้ชื่อ{word}"), "error"
        if Path(source.name).stem == OUTPUT_FOLDER:
            yield source, [], False, (f"ชื่อไฟล์ '{Path(source.name).name}' ซ้ำกับโฟลเดอร์เอกสารของอำเภอ "
                                      f"({OUTPUT_FOLDER}/) ให้เปลี่ยนชื่อไฟล์แผน"), "error"
        newer = superseded.get(source.name)
        if newer is None:
            continue
        where = newer.where(["plan", "fiscal_years"])
        if revision_of(newer.data) == revision_of(source.data):
            yield source, ["tambon", "name"], False, (
                f"ตำบลนี้มีแผนปีงบประมาณและครั้งที่ทบทวนเดียวกันอยู่แล้วที่ {where} "
                "อำเภอมีแผนได้ตำบลละหนึ่งฉบับต่อปี ให้ลบไฟล์ที่ซ้ำ หรือแก้ชื่อตำบล"), "error"
        else:
            yield source, ["plan", "fiscal_years"], False, (
                f"มีแผนฉบับใหม่กว่าของตำบลนี้ที่ {where} เอกสารของอำเภอใช้ฉบับนั้น "
                "ไฟล์นี้จึงไม่ถูกนำไปสร้างเอกสารและไม่นับในรายงาน"), "warning"
