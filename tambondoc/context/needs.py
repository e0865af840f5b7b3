"""The district needs plan (แผนความต้องการระดับอำเภอ, seed 004): from every tambon plan, the
projects that ask for money from state agencies or the province, grouped by the province's
strategy and then by tambon, with what they ask for each fiscal year, totals in figures and words.

A project counts with the part of its budget it asks of those two sources (``agency`` and
``province``); what the tambon, the local government or others pay stays in its own plan.
"""

from __future__ import annotations

from typing import Any, TypedDict

from tambondoc.context.types import Context, ProjectRow
from tambondoc.plan.types import Named
from tambondoc.plan.vocabulary import SOURCE_BY_KEY
from tambondoc.thai import baht_text, year_range

NEEDED = ("agency", "province")  # งบหน่วยงานภาครัฐ/เอกชน, งบพัฒนาจังหวัด
NO_STRATEGY = "ไม่ระบุประเด็นยุทธศาสตร์จังหวัด"


class YearLine(TypedDict):
    year: int
    amount: float


class NeedTotals(TypedDict):
    count: int
    year_amounts: list[float]
    year_lines: list[YearLine]   # the years with money: a line each from three years on (``wide_years``)
    amount: float
    by_source: dict[str, float]  # agency, province


class Need(TypedDict):
    no: int
    tambon: str
    id: str
    name: str
    target: str
    place_text: str
    agency: str
    approach: str
    strategy_name: str           # the tambon's own strategy
    year_amounts: list[float]    # following NeedsPlan.years
    year_lines: list[YearLine]
    total: float
    sources_text: str            # 'งบหน่วยงาน, งบพัฒนาจังหวัด'


class NeedTambon(TypedDict):
    name: str
    code: str | None
    projects: list[Need]
    totals: NeedTotals


class NeedGroup(TypedDict):
    id: str
    name: str
    tambons: list[NeedTambon]
    totals: NeedTotals


class NeedsPlan(TypedDict):
    years: list[int]
    # three years or more: one budget column of year lines, as the coordination list: six amount
    # columns left a realistic district's projects 2 cm and its plan 153 pages
    wide_years: bool
    years_text: str              # '2569-2570'
    tambon_count: int            # tambons with a project in it
    groups: list[NeedGroup]
    totals: NeedTotals
    amount_text: str             # the grand total in words: 'หนึ่งล้านบาทถ้วน'


def _asked(p: ProjectRow, year: int) -> float:
    money = p["by_year_source"].get(year, {})
    return sum(money.get(k, 0) or 0 for k in NEEDED)


def _lines(years: list[int], amounts: list[float]) -> list[YearLine]:
    return [{"year": y, "amount": a} for y, a in zip(years, amounts) if a]


def _totals(rows: list[Need], years: list[int], by_source: dict[str, float]) -> NeedTotals:
    amounts = [sum(r["year_amounts"][i] for r in rows) for i in range(len(years))]
    return {"count": len(rows), "year_amounts": amounts, "year_lines": _lines(years, amounts),
            "amount": sum(r["total"] for r in rows), "by_source": by_source}


def _strategy_of(context: Context, p: ProjectRow, declared: dict[str, str]) -> tuple[str, str]:
    """(group key, name) of the province's strategy a project serves, through its tambon strategy."""
    strategy = next((s for s in context["direction"]["strategies"] if s["id"] == p["strategy"]), None)
    sid = strategy["provincial_strategy"] if strategy else None
    if not sid:
        return "", NO_STRATEGY
    if declared:
        return sid, declared.get(sid, strategy["provincial_strategy_name"] if strategy else sid)
    name = " ".join((strategy["provincial_strategy_name"] if strategy else "").split()) or sid
    return name, name


def needs_plan(plans: list[Context], declared: list[Named]) -> NeedsPlan:
    """The needs plan of a district's current plans; ``declared`` the province's strategies of
    district.yaml (their order and names; without them, by name in order of appearance)."""
    names = {s["id"]: s["name"] for s in declared}
    years = sorted({y for c in plans for y in c["years"]})
    found: dict[str, dict[str, Any]] = {key: {"name": name, "tambons": {}} for key, name in names.items()}
    for context in plans:
        tambon = context["tambon"]
        for p in context["projects"]:
            amounts = [_asked(p, y) for y in years]
            if not any(amounts):
                continue
            key, name = _strategy_of(context, p, names)
            group = found.setdefault(key, {"name": name, "tambons": {}})
            rows = group["tambons"].setdefault(tambon["name"], {"code": tambon["code"], "rows": [], "sources": {}})
            sources = {k: p["by_source"].get(k, 0) or 0 for k in NEEDED}
            for k, v in sources.items():
                rows["sources"][k] = rows["sources"].get(k, 0) + v
            rows["rows"].append({
                "no": 0, "tambon": tambon["name"], "id": p["id"], "name": p["name"], "target": p.get("target") or "-",
                "place_text": p["location_text"] or "-", "agency": p["agency"], "approach": p["approach"],
                "strategy_name": p["strategy_name"], "year_amounts": amounts, "year_lines": _lines(years, amounts),
                "total": sum(amounts),
                "sources_text": ", ".join(SOURCE_BY_KEY[k].column for k in NEEDED if sources[k])})
    if "" in found:  # projects without a provincial strategy come last
        found[""] = found.pop("")
    groups: list[NeedGroup] = []
    number = 0
    for key, group in found.items():
        tambons: list[NeedTambon] = []
        for name, t in group["tambons"].items():
            for row in t["rows"]:
                number += 1
                row["no"] = number
            tambons.append({"name": name, "code": t["code"], "projects": t["rows"],
                            "totals": _totals(t["rows"], years, t["sources"])})
        if tambons:
            rows = [r for t in tambons for r in t["projects"]]
            groups.append({"id": key, "name": group["name"], "tambons": tambons,
                           "totals": _totals(rows, years, _sum_sources(tambons))})
    every = [r for g in groups for t in g["tambons"] for r in t["projects"]]
    totals = _totals(every, years, _sum_sources([t for g in groups for t in g["tambons"]]))
    asking = {t["name"] for g in groups for t in g["tambons"]}
    return {"years": years, "wide_years": len(years) >= 3, "years_text": year_range(years),
            "tambon_count": len(asking), "groups": groups,
            "totals": totals, "amount_text": baht_text(totals["amount"])}


def _sum_sources(tambons: list[NeedTambon]) -> dict[str, float]:
    return {k: sum(t["totals"]["by_source"].get(k, 0) for t in tambons) for k in NEEDED}
