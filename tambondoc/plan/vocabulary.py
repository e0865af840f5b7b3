"""The plan's fixed words, defined once: funding sources, approaches, statuses, committee roles,
numeral settings, the default scoring criteria; and the words a plan adds to them (its named
funding sources, its own scoring criteria), read the same way everywhere.

What the schema holds (keys, enums, titles, defaults) is read from it, so the validator, the
documents, the workbooks and the diff can never disagree with the schema. What only the
documents and workbooks need (a source's label in a table heading, its workbook column) is
defined here, next to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tambondoc.plan.schema import node


@dataclass(frozen=True)
class Source:
    """A funding source (แหล่งงบประมาณ) of seed 002's project table."""

    key: str                 # the plan's key under budget[].funding
    title: str               # the schema's title
    note: str                # the schema's description: what money this is
    label: str               # in documents: table headings and summaries
    column: str              # workbook column, before the year: "งบท้องถิ่น 2571"
    aliases: tuple[str, ...]  # other column names import-xlsx accepts
    named: bool = False      # declared by the plan (funding_sources), not one of seed 002's

    @property
    def short(self) -> str:
        """The short name a narrow table column shows: 'งบท้องถิ่น', 'พอช.'."""
        return self.column


_SHOWN = {  # key: (label in documents, workbook column, other names a workbook may use)
    "local": ("งบท้องถิ่น (แผนพัฒนาท้องถิ่น)", "งบท้องถิ่น", ("งบ อปท.", "งบอปท.")),
    "agency": ("งบหน่วยงานภาครัฐ/เอกชน", "งบหน่วยงาน",
               ("งบหน่วยงานภาครัฐ/เอกชน", "งบหน่วยงานภาครัฐ", "งบภาครัฐ/เอกชน")),
    "province": ("งบพัฒนาจังหวัด", "งบพัฒนาจังหวัด", ("งบจังหวัด",)),
    "community": ("งบชุมชน", "งบชุมชน", ()),
}


def _sources() -> tuple[Source, ...]:
    props = node("projects", "[]", "budget", "[]", "funding")["properties"]
    return tuple(Source(key, p["title"], p["description"], *_SHOWN[key]) for key, p in props.items())


def _enum(*path: str) -> tuple[str, ...]:
    return tuple(node(*path)["enum"])


SOURCES: tuple[Source, ...] = _sources()
FUNDING_KEYS: tuple[str, ...] = tuple(s.key for s in SOURCES)
SOURCE_BY_KEY: dict[str, Source] = {s.key: s for s in SOURCES}
APPROACHES: tuple[str, ...] = _enum("projects", "[]", "approach")
STATUSES: tuple[str, ...] = _enum("review", "previous_projects", "[]", "status")
ROLES: tuple[str, ...] = _enum("committee", "members", "[]", "role")  # in the order of an order
CHAIR, SECRETARY = "ประธานกรรมการ", "กรรมการและเลขานุการ"
# the community-organisation council (ศอช.): its committee and the working group that supports it
SOCHO_ROLES: tuple[str, ...] = _enum("socho", "committee", "members", "[]", "role")
GROUP_ROLES: tuple[str, ...] = _enum("socho", "working_group", "members", "[]", "role")
GROUP_CHAIR, GROUP_SECRETARY = "ประธานคณะทำงาน", "คณะทำงานและเลขานุการ"
NUMERAL_KINDS: tuple[str, ...] = ("prose", "table", "order")
NUMERALS: tuple[str, ...] = _enum("settings", "prose_numerals")
DEFAULT_NUMERALS: dict[str, str] = {f"{kind}_numerals": node("settings", f"{kind}_numerals")["default"]
                                    for kind in NUMERAL_KINDS}
assert CHAIR in ROLES and SECRETARY in ROLES, "the schema's committee roles changed"
assert CHAIR in SOCHO_ROLES and SECRETARY in SOCHO_ROLES and GROUP_CHAIR in GROUP_ROLES and GROUP_SECRETARY in GROUP_ROLES

# Named sources print together in one column after the fixed ones: "อื่น ๆ" with their names.
OTHER_KEY, OTHER_LABEL = "other", "อื่น ๆ"
RESERVED_SOURCE_IDS: tuple[str, ...] = (*FUNDING_KEYS, OTHER_KEY)


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def named_sources(data: Any) -> tuple[Source, ...]:
    """The plan's own funding sources (``funding_sources``), read defensively, reserved ids and
    repeats left out (validate reports them)."""
    found: dict[str, Source] = {}
    listed = data.get("funding_sources") if isinstance(data, dict) else None
    for item in listed if isinstance(listed, list) else []:
        sid, name = (_text(item.get(k)) if isinstance(item, dict) else None for k in ("id", "name"))
        if sid is None or name is None or sid in RESERVED_SOURCE_IDS or sid in found:
            continue
        short = _text(item.get("short")) if isinstance(item, dict) else None
        found[sid] = Source(sid, name, name, name, short or name, (name,) if short else (), named=True)
    return tuple(found.values())


def funded_sources(data: Any) -> tuple[Source, ...]:
    """The named sources a budget line puts money in: the documents' "อื่น ๆ" column and its note
    show these only. A plan that copied the example's named sources and used none printed a column
    of dashes, and to keep 'อื่น ๆ' on one line it took a one-year plan book four pages of text width."""
    used = {key for p in (data.get("projects") or []) if isinstance(p, dict)
            for b in (p.get("budget") or []) if isinstance(b, dict)
            for key, amount in ((b.get("funding") or {}).items() if isinstance(b.get("funding"), dict) else ())
            if amount}
    return tuple(s for s in named_sources(data) if s.key in used)


def plan_sources(data: Any) -> tuple[Source, ...]:
    """Every funding source of a plan: the four fixed ones, then its named ones."""
    return SOURCES + named_sources(data)


@dataclass(frozen=True)
class Criterion:
    """A criterion of the priority scoring table (seed 001, technique 6)."""

    id: str
    name: str
    weight: float
    description: str = ""


@dataclass(frozen=True)
class Scale:
    """How a plan scores its projects: the range of one score and the weighted criteria."""

    low: float
    high: float
    criteria: tuple[Criterion, ...]
    declared: bool  # the plan has a scoring section (so its workbooks get score columns)

    @property
    def max_total(self) -> float:
        return sum(c.weight for c in self.criteria) * self.high


def _number(value: Any, default: float) -> float:
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else default


DEFAULT_CRITERIA: tuple[Criterion, ...] = tuple(
    Criterion(c["id"], c["name"], c["weight"]) for c in node("scoring", "criteria")["default"])
DEFAULT_SCALE = (node("scoring", "min_score")["default"], node("scoring", "max_score")["default"])


def scale_of(data: Any) -> Scale:
    """The plan's scoring (defaults where it says nothing), read defensively."""
    scoring = data.get("scoring") if isinstance(data, dict) else None
    section = scoring if isinstance(scoring, dict) else {}
    criteria: dict[str, Criterion] = {}
    listed = section.get("criteria")
    for item in listed if isinstance(listed, list) else []:
        cid, name = (_text(item.get(k)) if isinstance(item, dict) else None for k in ("id", "name"))
        if cid is not None and name is not None and cid not in criteria:
            criteria[cid] = Criterion(cid, name, _number(item.get("weight"), 1), _text(item.get("description")) or "")
    return Scale(_number(section.get("min_score"), DEFAULT_SCALE[0]), _number(section.get("max_score"), DEFAULT_SCALE[1]),
                 tuple(criteria.values()) or DEFAULT_CRITERIA, isinstance(scoring, dict))
