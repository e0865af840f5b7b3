"""Derive everything the documents show from a validated plan: names, totals, summaries.

Templates only lay out what this module computes, so a district can restyle a document
without redoing arithmetic in Jinja.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from tambondoc.context import scoring, sources
from tambondoc.context.book import book_context
from tambondoc.context.locations import community_rows, community_totals, texts, with_community_name
from tambondoc.context.text import cell_lines, paragraphs
from tambondoc.context.texts import DEFAULT_PREAMBLE, default_duties
from tambondoc.context.types import (
    ApproachTotals,
    CommitteeContext,
    Context,
    DateParts,
    LocalGovernmentList,
    ProjectRow,
    StrategyGroup,
    Totals,
    VillageRow,
    VillageTotals,
)
from tambondoc.plan.places import find
from tambondoc.plan.schema import schema
from tambondoc.plan.types import LocalGovernment, Named, Plan, Project, Strategy, Tambon
from tambondoc.plan.vocabulary import (
    APPROACHES,
    CHAIR,
    DEFAULT_NUMERALS,
    FUNDING_KEYS,
    ROLES,
    SOURCE_BY_KEY,
    SOURCES,
    Source,
    funded_sources,
    named_sources,
    scale_of,
)
from tambondoc.thai import MONTHS_FULL, be_date, year_range


@dataclass(frozen=True)
class _Plan:
    """What every project row is computed against."""

    years: list[int]
    strategies: dict[str, Strategy]
    tactics: dict[str, Named]
    lgs: dict[str, LocalGovernment]
    villages: list[int]
    communities: dict[str, str]  # id -> name
    named: tuple[Source, ...]    # the plan's named funding sources

    def zero(self) -> dict[str, float]:
        return {k: 0 for k in FUNDING_KEYS + tuple(s.key for s in self.named)}


def _add(into: dict[Any, float], other: dict[Any, float]) -> None:
    for key, value in other.items():
        into[key] = into.get(key, 0) + (value or 0)


def _lines(by_year: dict[int, float], by_source: dict[str, float], years: list[int],
           named: tuple[Source, ...]) -> dict[str, Any]:
    """The years and sources that have money, in order: one line each where a table has no
    room for a column per year (plans of three or more fiscal years). Named sources get a
    line each too, under their short name, so a line list always adds up to the total."""
    fixed = [(SOURCE_BY_KEY[k].column, k) for k in FUNDING_KEYS]
    return {"year_lines": [{"year": y, "amount": by_year[y]} for y in years if by_year.get(y)],
            "source_lines": [{"key": k, "label": label, "amount": by_source[k]}
                             for label, k in fixed + [(s.short, s.key) for s in named]
                             if by_source.get(k)]}


def _project(p: Project, index: int, plan: _Plan) -> ProjectRow:
    years = plan.years
    by_year: dict[int, float] = {y: 0 for y in years}
    by_source = plan.zero()
    by_year_source: dict[int, dict[str, float]] = {y: plan.zero() for y in years}
    for b in p["budget"]:
        by_year[b["year"]] = by_year.get(b["year"], 0) + b["amount"]
        _add(by_source, b["funding"])
        _add(by_year_source.setdefault(b["year"], plan.zero()), b["funding"])
    lg = plan.lgs.get(p.get("local_government") or "")
    where = texts(p["villages"], p["communities"], plan.villages, plan.communities)
    others = sources.others(by_source, plan.named)
    return {
        **p,
        "_index": index,
        "objective_paragraphs": paragraphs(p.get("objective")),
        "target_paragraphs": paragraphs(p.get("target")),
        "strategy_name": plan.strategies[p["strategy"]]["name"],
        "tactic_name": plan.tactics[p["tactic"]]["name"],
        **where,
        "location_text": p.get("location") or where["place_text"],
        "local_government_name": lg["name"] if lg else "",
        "total": sum(by_year.values()),
        "by_year": by_year,
        "by_source": by_source,
        "by_year_source": by_year_source,
        "year_amounts": [by_year.get(y, 0) for y in years],
        "source_amounts": sources.amounts(by_source, plan.named),
        "other_amount": sources.other_amount(by_source, plan.named),
        "other_sources": others,
        "other_sources_text": ", ".join(o["short"] for o in others),
        **_lines(by_year, by_source, years, plan.named),  # type: ignore[typeddict-item]
        "score": None,
        "score_list": [],
        "priority_computed": False,
    }


def _totals(projects: list[ProjectRow], plan: _Plan) -> Totals:
    by_year: dict[int, float] = {y: 0 for y in plan.years}
    by_source = plan.zero()
    for p in projects:
        _add(by_year, p["by_year"])
        _add(by_source, p["by_source"])
    return {
        "count": len(projects),
        "amount": sum(by_year.values()),
        "by_year": by_year,
        "by_source": by_source,
        "year_amounts": [by_year.get(y, 0) for y in plan.years],
        "source_amounts": sources.amounts(by_source, plan.named),
        "other_amount": sources.other_amount(by_source, plan.named),
        **_lines(by_year, by_source, plan.years, plan.named),  # type: ignore[typeddict-item]
    }


def _sort_key(p: ProjectRow) -> tuple[int, int]:
    return (p.get("priority") or 10**6, p["_index"])


def _strategy_groups(projects: list[ProjectRow], strategies: list[Strategy], plan: _Plan) -> list[StrategyGroup]:
    groups: list[StrategyGroup] = []
    for s in strategies:
        rows = sorted((p for p in projects if p["strategy"] == s["id"]), key=_sort_key)
        if rows:
            groups.append({**s, "projects": rows, "totals": _totals(rows, plan)})
    return groups


def _committee(data: Plan) -> CommitteeContext:
    c = data["committee"]
    order = {role: i for i, role in enumerate(ROLES)}
    members = sorted(enumerate(c["members"]), key=lambda im: (order[im[1]["role"]], im[0]))
    preamble = c["order"]["preamble"] or DEFAULT_PREAMBLE.format(tambon=data["tambon"]["name"])
    return {
        **c,
        "members": [{**m, "no": i} for i, (_, m) in enumerate(members, 1)],
        "duties": c["duties"] or default_duties(data["tambon"]["amphoe"]),
        "preamble_paragraphs": paragraphs(preamble),
        "chair": next(m for _, m in members if m["role"] == CHAIR),
        "order_date": _date_parts(c["order"]["date"]),
    }


def _name(named: Named | None) -> str:
    return named["name"] if named else ""


def _date_parts(value: str) -> DateParts:
    """'2570-01-12' as day, full month name and B.E. year, for 'สั่ง ณ วันที่ …' lines."""
    date = be_date(value)
    return {"day": date.day, "month": MONTHS_FULL[date.month - 1], "year": date.year + 543}


def with_defaults(value: Any, schema: dict[str, Any]) -> Any:
    """Fill every optional field the plan left out: lists with [], the rest with the
    schema default or None.

    Templates then see one shape for every plan and test ``{% if x %}``; with
    StrictUndefined a field one plan omits would otherwise break the build of that plan only.
    Texts get LF line ends: a text typed on Windows (CRLF) left a line-end character inside the
    coordination list's cells, before each line break.
    """
    if isinstance(value, dict) and "properties" in schema:
        filled = dict(value)
        for key, sub in schema["properties"].items():
            if key not in filled:
                filled[key] = [] if sub.get("type") == "array" else sub.get("default")
            else:
                filled[key] = with_defaults(filled[key], sub)
        return filled
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        return [with_defaults(item, schema["items"]) for item in value]
    return cell_lines(value) if isinstance(value, str) else value


def _codes(tambon: Tambon, fictional: bool) -> tuple[str | None, str | None, str | None]:
    """The official codes of a real tambon, its district and province (for district reports);
    None when the plan's names are made up or not found."""
    if fictional:
        return None, None, None
    found = find(tambon["changwat"], tambon["amphoe"], tambon["name"])
    return (found.code, found.amphoe.code or None if found.amphoe else None,
            found.changwat.code or None if found.changwat else None)


def build_context(loaded: dict[str, Any]) -> Context:
    """The full rendering context of a validated plan, shared by every document."""
    data = cast(Plan, with_defaults(loaded, schema()))
    years: list[int] = list(data["plan"]["fiscal_years"])
    tambon = data["tambon"]
    strategies_list = data["direction"]["strategies"]
    named = funded_sources(data)  # the "อื่น ๆ" column's: those a budget line puts money in
    shared = _Plan(years, {s["id"]: s for s in strategies_list},
                   {t["id"]: t for s in strategies_list for t in s["tactics"]},
                   {lg["id"]: lg for lg in tambon["local_governments"]}, [v["no"] for v in tambon["villages"]],
                   {c["id"]: c["name"] for c in tambon["communities"]}, named)
    communities = community_rows(tambon["communities"])
    provincial = {p["id"]: p for p in data["direction"]["provincial_strategies"]}
    scale = scale_of(data)
    projects = [_project(p, i, shared) for i, p in enumerate(data["projects"])]
    for row in projects:
        scoring.score(row, scale)
    scoring.rank(projects, [s["id"] for s in strategies_list])
    villages: list[VillageRow] = [
        {**v, "population_total": v["population"]["male"] + v["population"]["female"]}
        for v in tambon["villages"]
    ]
    village_totals: VillageTotals = {
        "households": sum(v["households"] for v in villages),
        "male": sum(v["population"]["male"] for v in villages),
        "female": sum(v["population"]["female"] for v in villages),
        "population": sum(v["population_total"] for v in villages),
    }
    totals = _totals(projects, shared)
    by_approach: list[ApproachTotals] = [
        {"approach": a, **_totals([p for p in projects if p["approach"] == a], shared)} for a in APPROACHES
    ]
    strategy_groups = _strategy_groups(projects, strategies_list, shared)
    lg_lists: list[LocalGovernmentList] = []
    for lg in tambon["local_governments"]:
        rows = [p for p in projects if p["local_government"] == lg["id"]]
        lg_lists.append({**lg, "groups": _strategy_groups(rows, strategies_list, shared),
                         "totals": _totals(rows, shared)})
    settings: dict[str, Any] = dict(data["settings"] or {})
    fictional = settings.get("fictional") is True
    code, amphoe_code, changwat_code = _codes(tambon, fictional)
    context: Context = {
        "settings": {**DEFAULT_NUMERALS, **{k: str(v) for k, v in settings.items()
                                            if v is not None and not isinstance(v, bool)}},
        "plan": {**data["plan"], "years_text": year_range(years),
                 "foreword_paragraphs": paragraphs(data["plan"]["foreword"])},
        "years": years,
        "funding_keys": [c["key"] for c in sources.columns(named)],
        "funding_labels": [c["label"] for c in sources.columns(named)],
        "sources": sources.columns(named),
        "named_sources": [{"key": s.key, "label": s.label, "short": s.short} for s in named_sources(data)],
        "other_sources_text": sources.note(named),
        "approaches": list(APPROACHES),
        "tambon": {**tambon, "villages": villages, "village_totals": village_totals,
                   "communities": communities, "community_totals": community_totals(communities),
                   "groups": with_community_name(tambon["groups"], shared.communities),
                   "important_places": with_community_name(tambon["important_places"], shared.communities),
                   "history_paragraphs": paragraphs(tambon["history"]),
                   "location_paragraphs": paragraphs(tambon["location"]),
                   "terrain_paragraphs": paragraphs(tambon["terrain"]),
                   "climate_paragraphs": paragraphs(tambon["climate"]),
                   "fictional": fictional, "code": code, "amphoe_code": amphoe_code,
                   "changwat_code": changwat_code},
        "analysis": data["analysis"],
        "direction": {**data["direction"],
                      "strategies": [{**s, "provincial_strategy_name":
                                      _name(provincial.get(s["provincial_strategy"] or ""))}
                                     for s in strategies_list]},
        "projects": sorted(projects, key=lambda p: (strategies_list.index(shared.strategies[p["strategy"]]), _sort_key(p))),
        "strategy_groups": strategy_groups,
        "totals": totals,
        "summary": {
            "by_source": [{"key": s.key, "label": s.label, "amount": totals["by_source"][s.key]} for s in SOURCES + named],
            "by_approach": by_approach,
            "by_year": [{"year": y, "amount": totals["by_year"][y]} for y in years],
            "by_strategy": [{"id": g["id"], "name": g["name"], **g["totals"]} for g in strategy_groups],
        },
        "local_governments": lg_lists,
        "scoring": scoring.scoring_context(scale, projects, strategy_groups),
        "committee": _committee(data),
        "review": data["review"],
    }
    context["book"] = book_context(data, context)
    return context
