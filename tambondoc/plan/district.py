"""A district office's repository: ``district.yaml`` beside a ``plans/`` folder of tambon plans.

The district file names the อำเภอ and จังหวัด, who signs, the community development office, the
district's community-organisation council (ศอช.อ.) and its working group, and the province's
deadlines (seed 004). Its typed records follow ``schemas/district.schema.json`` as ``plan.types``
follows the plan's (``tests/test_types.py`` checks both). ``Files`` holds every loaded file of a
district with its text, so a check that spans files can say where the other half of a problem is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypedDict

from tambondoc.plan.discover import DISTRICT_FILE, below
from tambondoc.plan.places import name_key
from tambondoc.plan.positions import Locator, Path_
from tambondoc.plan.schema import district_node
from tambondoc.plan.types import Named, Person, Settings, Signer, Socho
from tambondoc.thai import parse_be_date

OUTPUT_FOLDER = "_district"  # OUT/_district/: the district's own documents


class Place(TypedDict):
    amphoe: str
    changwat: str


class Deadlines(TypedDict):
    orders: str | None
    workshop_report: str | None
    activity_report: str | None


class Officer(TypedDict):
    name: str
    position: str
    tambons: list[str]


class Office(TypedDict):
    name: str
    phone: str | None
    head: Person
    officers: list[Officer]


class District(TypedDict):
    schema_version: int
    settings: Settings | None
    district: Place
    fiscal_year: int
    deadlines: Deadlines | None
    min_attendance: int | None
    chief: Person
    signer: Signer | None
    office: Office
    provincial_strategies: list[Named]
    socho: Socho | None


# the province's deadlines (seed 004): (month, day, years before the fiscal year)
DEADLINE_DAYS = {"orders": (12, 25, 1), "workshop_report": (3, 31, 0), "activity_report": (7, 31, 0)}
DEADLINE_NAMES = {"orders": "ส่งสำเนาคำสั่งและประกาศให้จังหวัด", "workshop_report": "รายงานเวทีประชาคมจัดทำแผนพัฒนาตำบล",
                  "activity_report": "รายงานการขับเคลื่อนกิจกรรมตามแผนพัฒนาตำบล"}
DEFAULT_MIN_ATTENDANCE = 20


def fiscal_year(data: Any) -> int | None:
    """A district's fiscal year when it is one the schema allows, else None (the schema reports
    why): dates are computed from it, and a year such as -5 or 10^20 has no date."""
    bounds = district_node("fiscal_year")
    low, high = bounds["minimum"], bounds["maximum"]
    year = data.get("fiscal_year") if isinstance(data, dict) else None
    if not isinstance(year, int) or isinstance(year, bool) or not low <= year <= high:
        return None
    return year


def deadline(data: Any, key: str) -> dt.date | None:
    """The deadline ``key`` of a district (its own date, else seed 004's for its fiscal year) as a
    C.E. date; None when neither can be read (the schema reports why)."""
    given = data.get("deadlines") if isinstance(data, dict) else None
    if isinstance(given, dict) and given.get(key) is not None:
        return parse_be_date(given[key])
    year = fiscal_year(data)
    if year is None:
        return None
    month, day, before = DEADLINE_DAYS[key]
    return dt.date(year - 543 - before, month, day)


def plan_files(folder: Path) -> list[Path]:
    """The tambon plans of a district: every plan below its folder (``plan.discover``'s rule)."""
    return below(folder).plans


def is_district(path: Path) -> bool:
    """A folder holding district.yaml is a district: build, validate and status take it whole."""
    return path.is_dir() and (path / DISTRICT_FILE).is_file()


@dataclass
class Source:
    """One loaded file of a district: its name as reported, its text and its data."""

    name: str
    text: str
    data: Any
    _locator: Locator | None = field(default=None, repr=False)

    def locate(self, path: Path_, key: bool = False) -> tuple[int, int]:
        if self._locator is None:
            self._locator = Locator(self.text)
        return self._locator.locate(path, key)

    def where(self, path: Path_) -> str:
        """'plans/x.yaml:12': where a value is, to name it in a message about another file."""
        return f"{self.name}:{self.locate(path)[0]}"


@dataclass
class Files:
    """Every file of a district that loaded: district.yaml and the plans; ``current`` the plan of
    each tambon the district works with now, ``superseded`` {older plan's name: the newer plan}."""

    district: Source
    plans: list[Source]
    current: list[Source] = field(init=False)
    superseded: dict[str, Source] = field(init=False)

    def __post_init__(self) -> None:
        self.current, self.superseded = current_plans(self.plans)


def tambon_key(data: Any) -> str | None:
    """How a plan's tambon is compared with another's (None when it has no name)."""
    tambon = data.get("tambon") if isinstance(data, dict) else None
    name = tambon.get("name") if isinstance(tambon, dict) else None
    return name_key(name, 2) if isinstance(name, str) and name.strip() else None


def revision_of(data: Any) -> tuple[int, int]:
    """(last fiscal year, revision) of a plan: the later, the more current."""
    plan = data.get("plan") if isinstance(data, dict) else None
    plan = plan if isinstance(plan, dict) else {}
    years = [y for y in plan.get("fiscal_years") or [] if isinstance(y, int)] if isinstance(plan.get("fiscal_years"), list) else []
    revision = plan.get("revision")
    return (max(years, default=0), revision if isinstance(revision, int) else 0)


def current_plans(plans: list[Source]) -> tuple[list[Source], dict[str, Source]]:
    """The plan of each tambon the district works with now, and the older ones: a tambon's plans of
    earlier years (``next-year`` writes the new one beside the old) are superseded by its latest
    (fiscal years, then revision). Returns the current plans in file order and
    {superseded file name: the plan that supersedes it}."""
    latest: dict[str, Source] = {}
    for source in plans:
        key = tambon_key(source.data)
        if key is None:
            continue
        if key not in latest or revision_of(source.data) > revision_of(latest[key].data):
            latest[key] = source
    superseded = {s.name: latest[k] for s in plans if (k := tambon_key(s.data)) is not None and latest[k] is not s}
    return [s for s in plans if s.name not in superseded], superseded
