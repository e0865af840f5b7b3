"""The plan as typed records: the shape of a validated plan once ``context.build.with_defaults``
has filled every optional field (lists with [], the rest with None), which is what the context
step reads. Field names and optionality follow ``schemas/tambon-plan.schema.json``;
``tests/test_types.py`` checks the two agree.
"""

from __future__ import annotations

from typing import TypedDict


class Settings(TypedDict):
    prose_numerals: str | None
    table_numerals: str | None
    order_numerals: str | None
    garuda_image: str | None
    fictional: bool | None


class PlanInfo(TypedDict):
    title: str
    fiscal_years: list[int]
    revision: int
    approved_on: str
    prepared_by: str | None
    office: str | None
    foreword: str | None


class Area(TypedDict):
    rai: float
    sq_km: float


class Boundaries(TypedDict):
    north: str
    south: str
    east: str
    west: str


class Population(TypedDict):
    male: int
    female: int


class Village(TypedDict):
    no: int
    name: str
    headman: str
    headman_title: str | None
    households: int
    population: Population


class Community(TypedDict):
    id: str
    name: str
    village: int | None
    leader: str | None
    households: int | None
    population: Population | None


class Occupation(TypedDict):
    name: str
    kind: str | None
    households: int | None


class Group(TypedDict):
    name: str
    village: int | None
    community: str | None
    members: int | None
    products: str | None


class Fund(TypedDict):
    name: str
    count: int | None
    amount: float
    members: int | None


class Organisation(TypedDict):
    name: str
    members: int | None
    note: str | None


class Place(TypedDict):
    name: str
    kind: str | None
    village: int | None
    community: str | None


class BasicNeeds(TypedDict):
    survey_year: int
    households_surveyed: int | None
    average_income: float
    threshold: float | None
    households_below: int | None
    indicators_failed: list[str]


class Photo(TypedDict):
    file: str
    caption: str


class Person(TypedDict):
    name: str
    position: str


class LocalGovernment(TypedDict):
    id: str
    kind: str
    name: str
    head: Person | None
    villages: list[int]
    communities: list[str]


class Tambon(TypedDict):
    name: str
    amphoe: str
    changwat: str
    history: str | None
    location: str | None
    area: Area
    boundaries: Boundaries
    terrain: str | None
    climate: str | None
    map_image: str | None
    villages: list[Village]
    communities: list[Community]
    occupations: list[Occupation]
    groups: list[Group]
    funds: list[Fund]
    organisations: list[Organisation]
    important_places: list[Place]
    basic_needs: BasicNeeds | None
    photos: list[Photo]
    local_governments: list[LocalGovernment]


class ProblemRow(TypedDict):
    problem: str
    cause: str
    solution: str


class Analysis(TypedDict):
    strengths: list[str]
    weaknesses: list[str]
    opportunities: list[str]
    threats: list[str]
    problems: list[ProblemRow]


class Named(TypedDict):
    id: str
    name: str


class Strategy(TypedDict):
    id: str
    name: str
    provincial_strategy: str | None
    goals: list[str]
    tactics: list[Named]


class Direction(TypedDict):
    vision: str
    mission: list[str]
    provincial_strategies: list[Named]
    strategies: list[Strategy]


# money by funding source (``plan.vocabulary.FUNDING_KEYS`` and the ids of the plan's
# ``funding_sources``), only those that have any: a plan writes ``{local: 450000, codi: 50000}``
Funding = dict[str, float]


class BudgetYear(TypedDict):
    year: int
    amount: float
    funding: Funding


class Project(TypedDict):
    id: str
    name: str
    strategy: str
    tactic: str
    objective: str | None
    target: str | None
    kpi: str | None
    expected_result: str | None
    villages: list[int]
    communities: list[str]
    location: str | None
    period: str | None
    budget: list[BudgetYear]
    approach: str
    agency: str
    local_government: str | None
    priority: int | None
    scores: dict[str, float] | None
    votes: int | None
    note: str | None


class FundingSource(TypedDict):
    id: str
    name: str
    short: str | None


class Criterion(TypedDict):
    id: str
    name: str
    weight: float | None
    description: str | None


class Scoring(TypedDict):
    min_score: float | None
    max_score: float | None
    criteria: list[Criterion]


class Order(TypedDict):
    number: int
    year: int
    date: str
    preamble: str | None


class Signer(TypedDict):
    name: str
    position: str
    on_behalf: str | None


class Member(TypedDict):
    name: str
    position: str
    role: str


class Committee(TypedDict):
    order: Order
    signer: Signer
    members: list[Member]
    duties: list[str]


class Attendance(TypedDict):
    total: int
    detail: str | None


class Change(TypedDict):
    what: str
    why: str


class PreviousProject(TypedDict):
    id: str
    name: str
    status: str
    budget_received: float | None
    note: str | None


class Review(TypedDict):
    meeting_date: str
    meeting_place: str | None
    attendance: Attendance
    changes: list[Change]
    previous_projects: list[PreviousProject]


class Plan(TypedDict):
    schema_version: int
    settings: Settings | None
    plan: PlanInfo
    tambon: Tambon
    analysis: Analysis
    direction: Direction
    funding_sources: list[FundingSource]
    scoring: Scoring | None
    projects: list[Project]
    committee: Committee
    review: Review | None
