"""The plan's fixed words, defined once: funding sources, approaches, statuses, committee roles,
numeral settings.

What the schema holds (keys, enums, titles, defaults) is read from it, so the validator, the
documents, the workbooks and the diff can never disagree with the schema. What only the
documents and workbooks need (a source's label in a table heading, its workbook column) is
defined here, next to it.
"""

from __future__ import annotations

from dataclasses import dataclass

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
NUMERAL_KINDS: tuple[str, ...] = ("prose", "table", "order")
NUMERALS: tuple[str, ...] = _enum("settings", "prose_numerals")
DEFAULT_NUMERALS: dict[str, str] = {f"{kind}_numerals": node("settings", f"{kind}_numerals")["default"]
                                    for kind in NUMERAL_KINDS}
assert CHAIR in ROLES and SECRETARY in ROLES, "the schema's committee roles changed"
