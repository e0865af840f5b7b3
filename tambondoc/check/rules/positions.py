"""One person, one position: someone named in two committees (the ก.บ.ต., the ศอช. committee, its
working group; in district.yaml also the chief, the signer and the office) is written with the same
position in each, within a file and between a plan and its district.yaml. Names and positions are
compared as places.plain has them: a position copied from a PDF (its สระอำ typed as two marks) or
with a space LINE cannot show is the same position, and printed the same."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tambondoc.check.rules.access import Finding
from tambondoc.check.rules.listing import Person, people
from tambondoc.plan.district import Files, Source
from tambondoc.plan.places import plain

ID = "positions"

CrossFinding = tuple[Source, list[str | int], bool, str, str]


def _in(roster: str) -> str:
    """'ใน' before a roster, a space before an abbreviation ('ใน ก.บ.ต. ตำบล…', 'ในคณะทำงาน…')."""
    return f"ใน {roster}" if roster[1:2] == "." else f"ใน{roster}"


def _message(person: Person, first: Person, where: str) -> str:
    return (f"'{person.name}' มีตำแหน่ง '{person.position}' {_in(person.roster)} แต่{_in(first.roster)} ({where}) "
            f"เป็น '{first.position}' คนเดียวกันต้องเขียนตำแหน่งเดียวกันทุกคณะ ให้แก้ให้ตรงกัน")


def check(data: dict[str, Any]) -> Iterator[Finding]:
    first: dict[str, Person] = {}
    for person in people(data):
        seen = first.setdefault(plain(person.name), person)
        if seen.roster != person.roster and plain(seen.position) != plain(person.position):
            yield [*person.path, "position"], False, _message(person, seen, f"รายการที่ {seen.path[-1] + 1}"
                                                              if isinstance(seen.path[-1], int) else "ข้างบน"), "error"


def check_files(files: Files) -> Iterator[CrossFinding]:
    """A plan's people against the district's: the district file is where positions are set."""
    plans = files.current
    district: dict[str, Person] = {}
    for person in people(files.district.data):
        district.setdefault(plain(person.name), person)
    for source in plans:
        for person in people(source.data):
            seen = district.get(plain(person.name))
            if seen is not None and plain(seen.position) != plain(person.position):
                yield source, [*person.path, "position"], False, \
                    _message(person, seen, files.district.where([*seen.path, "position"])), "error"
