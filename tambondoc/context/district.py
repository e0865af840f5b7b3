"""What the district's own documents show, computed once from district.yaml and the context of
each of its current plans: a row per tambon for the report to the province (its totals are the
plan's own), the orders and announcements, the needs plan, and the coordination lists by อปท.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypedDict, TypeVar

from tambondoc.check.rules.listing import papers
from tambondoc.context.needs import NeedsPlan, needs_plan
from tambondoc.context.types import Context, ProjectRow
from tambondoc.plan.district import DEADLINE_DAYS, DEFAULT_MIN_ATTENDANCE, DISTRICT_FILE, District, Source, deadline
from tambondoc.plan.places import find
from tambondoc.plan.vocabulary import FUNDING_KEYS, OTHER_KEY

T = TypeVar("T")

SOURCE_KEYS = (*FUNDING_KEYS, OTHER_KEY)  # the fixed four, then the plans' named sources together


class Paper(TypedDict):
    """An order or announcement as the report lists it."""

    kind: str              # 'kbt-order', 'socho-order', 'socho-announcement', 'socho-district-order', ...
    title: str
    tambon: str            # '' for the district's own
    number: int | None
    year: int | None
    date: str | None       # B.E. 'YYYY-MM-DD'


class LocalGovernmentCount(TypedDict):
    name: str
    count: int
    amount: float


class TambonRow(TypedDict):
    file: str
    name: str
    code: str | None
    years: list[int]
    years_text: str
    revision: int
    workshop_date: str | None
    attendance: int | None
    attendance_low: bool
    officer: str
    projects: int
    by_approach: dict[str, int]
    source_counts: dict[str, int]   # projects with money from each source
    by_source: dict[str, float]     # SOURCE_KEYS
    by_year: dict[int, float]
    total: float
    local_governments: list[LocalGovernmentCount]
    papers: list[Paper]


class Sheet(TypedDict):
    """The coordination list of one อปท. of the district: its projects from every tambon."""

    name: str
    kind: str
    rows: list[tuple[str, ProjectRow]]   # (tambon, project)
    years: list[int]


class DistrictContext(TypedDict):
    district: dict[str, Any]
    settings: dict[str, Any]
    years: list[int]
    tambons: list[TambonRow]
    papers: list[Paper]
    needs: NeedsPlan
    coordination: list[Sheet]


def papers_of(file: str, data: Any, tambon: str) -> list[Paper]:
    """The orders and announcements a file holds (a plan's, or district.yaml's with tambon ''), as
    the district's rules find them."""
    return [{"kind": p.kind, "title": p.title, "tambon": tambon, "number": p.number, "year": p.year, "date": p.date}
            for p in papers(Source(file, "", data))]


def _officer(district: District, tambon: str) -> str:
    for officer in district["office"]["officers"]:
        if tambon in officer["tambons"]:
            return officer["name"]
    return ""


def tambon_row(file: str, data: Any, context: Context, district: District) -> TambonRow:
    """A tambon's line in the report: all its figures are its plan's own totals."""
    review = data.get("review") or {}
    attendance = (review.get("attendance") or {}).get("total")
    least = district["min_attendance"] if district["min_attendance"] is not None else DEFAULT_MIN_ATTENDANCE
    totals, projects = context["totals"], context["projects"]
    by_source = {k: totals["by_source"].get(k, 0) for k in FUNDING_KEYS} | {OTHER_KEY: totals["other_amount"]}
    named = [s["key"] for s in context["named_sources"]]
    counts = {k: sum(1 for p in projects if p["by_source"].get(k)) for k in FUNDING_KEYS}
    counts[OTHER_KEY] = sum(1 for p in projects if any(p["by_source"].get(k) for k in named))
    name = context["tambon"]["name"]
    return {
        "file": file, "name": name, "code": context["tambon"]["code"], "years": context["years"],
        "years_text": context["plan"]["years_text"], "revision": context["plan"]["revision"],
        "workshop_date": review.get("meeting_date"), "attendance": attendance,
        "attendance_low": attendance is None or attendance < least, "officer": _officer(district, name),
        "projects": totals["count"],
        "by_approach": {a["approach"]: a["count"] for a in context["summary"]["by_approach"]},
        "source_counts": counts, "by_source": by_source, "by_year": dict(totals["by_year"]),
        "total": totals["amount"],
        "local_governments": [{"name": lg["name"], "count": lg["totals"]["count"], "amount": lg["totals"]["amount"]}
                              for lg in context["local_governments"] if lg["totals"]["count"]],
        "papers": papers_of(file, data, name),
    }


def _sheets(plans: list[Context]) -> list[Sheet]:
    """One coordination list per อปท. of the district (by name: an อบจ. serves many tambons)."""
    found: dict[str, Sheet] = {}
    for context in plans:
        for lg in context["local_governments"]:
            rows = [(context["tambon"]["name"], p) for g in lg["groups"] for p in g["projects"]]
            if not rows:
                continue
            sheet = found.setdefault(lg["name"], {"name": lg["name"], "kind": lg["kind"], "rows": [], "years": []})
            sheet["rows"] += rows
            sheet["years"] = sorted(set(sheet["years"]) | set(context["years"]))
    return list(found.values())


def district_info(district: District) -> dict[str, Any]:
    """district.yaml as the documents show it: names, codes, people, the deadlines resolved."""
    place = district["district"]
    settings = district["settings"]
    fictional = bool(settings and settings["fictional"] is True)
    found = None if fictional else find(place["changwat"], place["amphoe"], "")
    deadlines = {key: deadline(district, key) for key in DEADLINE_DAYS}
    return {**place, "amphoe_code": found.amphoe.code if found and found.amphoe else None,
            "changwat_code": found.changwat.code if found and found.changwat else None,
            "fiscal_year": district["fiscal_year"], "chief": district["chief"], "office": district["office"],
            "deadlines": {k: f"{d.year + 543:04d}-{d.month:02d}-{d.day:02d}" if d else None for k, d in deadlines.items()},
            "min_attendance": district["min_attendance"] if district["min_attendance"] is not None
            else DEFAULT_MIN_ATTENDANCE}


def register_order(items: list[T], data: Callable[[T], Any]) -> list[T]:
    """``items`` (plans, by ``data`` their loaded plan) in the order the province lists tambons:
    by tambon code, the register's order. Files are named in Latin letters or Thai as each
    office likes, so their order put the report's rows, the needs plan and orders.pdf in no order
    the province knows (บางสวน, บางคล้า, บางกระเจ็ด, หัวไทร for 240204, 240201, 240208, 240214). Plans
    without a code (made-up names, or a plan too broken to name its tambon: ``status`` lists those
    too) follow, in file order."""
    def key(item: T) -> tuple[int, str]:
        plan = data(item)
        tambon = plan.get("tambon") if isinstance(plan, dict) else None
        settings = plan.get("settings") if isinstance(plan, dict) else None
        if not isinstance(tambon, dict) or (isinstance(settings, dict) and settings.get("fictional") is True):
            return 1, ""
        changwat, amphoe, name = (tambon.get(k) for k in ("changwat", "amphoe", "name"))
        if not (isinstance(changwat, str) and isinstance(amphoe, str) and isinstance(name, str)):
            return 1, ""
        code = find(changwat, amphoe, name).code
        return (0, code) if code else (1, "")

    return sorted(items, key=key)


def district_context(district: District, plans: list[tuple[str, Any, Context]]) -> DistrictContext:
    """Everything the district's documents show: ``plans`` are (file, loaded data, context) of its
    current plans, listed by tambon code (``register_order``)."""
    plans = register_order(plans, lambda plan: plan[1])
    contexts = [c for _, _, c in plans]
    settings = {k: v for k, v in (district["settings"] or {}).items() if v is not None}
    return {
        "district": district_info(district),
        "settings": settings,
        "years": sorted({y for c in contexts for y in c["years"]}),
        "tambons": [tambon_row(file, data, context, district) for file, data, context in plans],
        "papers": papers_of(DISTRICT_FILE, district, ""),
        "needs": needs_plan(contexts, district["provincial_strategies"]),
        "coordination": _sheets(contexts),
    }
