"""The rendering context as typed records: what every template, workbook and the diff read.

Computed records extend the plan's own (``plan.types``) with what the documents show, so a
template sees ``p.name`` and ``p.total`` on the same project. ``docs/templates.md`` lists the
same keys with their Thai descriptions.
"""

from __future__ import annotations

from typing import TypedDict

from tambondoc.plan import types as plan


class YearAmount(TypedDict):
    year: int
    amount: float


class SourceAmount(TypedDict):
    key: str
    label: str
    amount: float


class Totals(TypedDict):
    count: int
    amount: float
    by_year: dict[int, float]
    by_source: dict[str, float]      # every source: the fixed four and the plan's named ones
    year_amounts: list[float]
    source_amounts: list[float]      # following ``Context.sources``: the fixed four, then "อื่น ๆ"
    other_amount: float              # the plan's named sources together
    year_lines: list[YearAmount]      # only the years with money
    source_lines: list[SourceAmount]  # only the sources with money (named ones by short name)


class SourceColumn(TypedDict):
    key: str
    label: str
    short: str
    names: str


class NamedSource(TypedDict):
    key: str
    label: str
    short: str


class OtherSource(NamedSource):
    amount: float


class ApproachTotals(Totals):
    approach: str


class StrategyTotals(Totals):
    id: str
    name: str


class ProjectRow(plan.Project):
    objective_paragraphs: list[str]
    target_paragraphs: list[str]
    strategy_name: str
    tactic_name: str
    village_text: str
    community_text: str
    place_text: str
    location_text: str
    local_government_name: str
    total: float
    by_year: dict[int, float]
    by_source: dict[str, float]
    by_year_source: dict[int, dict[str, float]]
    year_amounts: list[float]
    source_amounts: list[float]
    year_lines: list[YearAmount]
    source_lines: list[SourceAmount]
    other_amount: float
    other_sources: list[OtherSource]
    other_sources_text: str
    score: float | None
    score_list: list[float | None]
    priority_computed: bool
    _index: int


class StrategyGroup(plan.Strategy):
    projects: list[ProjectRow]
    totals: Totals


class LocalGovernmentList(plan.LocalGovernment):
    groups: list[StrategyGroup]
    totals: Totals


class NumberedMember(plan.Member):
    no: int


class DateParts(TypedDict):
    day: int
    month: str
    year: int


class CommitteeContext(TypedDict):
    order: plan.Order
    signer: plan.Signer
    members: list[NumberedMember]
    duties: list[str]
    preamble_paragraphs: list[str]
    chair: plan.Member
    order_date: DateParts


class PlanContext(plan.PlanInfo):
    years_text: str
    foreword_paragraphs: list[str]


class VillageRow(plan.Village):
    population_total: int


class CommunityRow(plan.Community):
    population_total: int | None


class CommunityTotals(TypedDict):
    count: int
    households: int
    male: int
    female: int
    population: int


class LocationTexts(TypedDict):
    village_text: str
    community_text: str
    place_text: str


class GroupRow(plan.Group):
    community_name: str


class PlaceRow(plan.Place):
    community_name: str


class VillageTotals(TypedDict):
    households: int
    male: int
    female: int
    population: int


class TambonContext(TypedDict):
    name: str
    amphoe: str
    changwat: str
    history: str | None
    location: str | None
    area: plan.Area
    boundaries: plan.Boundaries
    terrain: str | None
    climate: str | None
    map_image: str | None
    villages: list[VillageRow]
    communities: list[CommunityRow]
    occupations: list[plan.Occupation]
    groups: list[GroupRow]
    funds: list[plan.Fund]
    organisations: list[plan.Organisation]
    important_places: list[PlaceRow]
    basic_needs: plan.BasicNeeds | None
    photos: list[plan.Photo]
    local_governments: list[plan.LocalGovernment]
    village_totals: VillageTotals
    community_totals: CommunityTotals
    history_paragraphs: list[str]
    location_paragraphs: list[str]
    terrain_paragraphs: list[str]
    climate_paragraphs: list[str]
    fictional: bool
    code: str | None
    amphoe_code: str | None
    changwat_code: str | None


class StrategyContext(plan.Strategy):
    provincial_strategy_name: str


class DirectionContext(TypedDict):
    vision: str
    mission: list[str]
    provincial_strategies: list[plan.Named]
    strategies: list[StrategyContext]


class Summary(TypedDict):
    by_source: list[SourceAmount]
    by_approach: list[ApproachTotals]
    by_year: list[YearAmount]
    by_strategy: list[StrategyTotals]


class CriterionRow(TypedDict):
    id: str
    name: str
    weight: float
    description: str


class ScoringContext(TypedDict):
    used: bool
    declared: bool
    min_score: float
    max_score: float
    max_total: float
    criteria: list[CriterionRow]
    groups: list[StrategyGroup]


class Context(TypedDict, total=False):
    """The context of every document; ``book`` is added for all, ``lg`` and ``garuda_image``
    per document (``docx.jobs``)."""

    settings: dict[str, str]
    plan: PlanContext
    years: list[int]
    funding_keys: list[str]
    funding_labels: list[str]
    sources: list[SourceColumn]
    named_sources: list[NamedSource]
    other_sources_text: str
    approaches: list[str]
    tambon: TambonContext
    analysis: plan.Analysis
    direction: DirectionContext
    projects: list[ProjectRow]
    strategy_groups: list[StrategyGroup]
    totals: Totals
    summary: Summary
    local_governments: list[LocalGovernmentList]
    scoring: ScoringContext
    committee: CommitteeContext
    review: plan.Review | None
    book: dict[str, object]
    garuda_image: str
    lg: LocalGovernmentList
