"""A next-year revision moves every fiscal year alike: its diff compares the projects past the
move (their budgets' years and their periods), or every project would show its money removed from
one year and added to the next."""

from __future__ import annotations

from typing import Any

from tambondoc.thai import shift_years


def year_shift(before: Any, after: Any) -> int:
    """The years each of the new plan's fiscal years (``after``) moved by from the old one's, when
    they all moved alike (next-year's revision: 1); else 0."""
    if not (isinstance(before, list) and isinstance(after, list) and before and len(before) == len(after)
            and all(isinstance(y, int) for y in before + after)):
        return 0
    moved = {b - a for a, b in zip(before, after)}
    return moved.pop() if len(moved) == 1 else 0


def shifted(projects: Any, years: Any, by: int) -> Any:
    """``projects`` as if their budgets' years and their periods' years had moved ``by`` years
    with the plan's ``years``: what next-year does, so that the comparison shows the rest."""
    if not by or not isinstance(projects, list):
        return projects
    span = set(range(min(years) - 1, max(years) + 1))  # a fiscal year starts in October of the year before
    moved = []
    for p in projects:
        if isinstance(p, dict):
            p = dict(p)
            if isinstance(p.get("budget"), list):
                p["budget"] = [{**b, "year": b["year"] + by} if isinstance(b, dict) and isinstance(b.get("year"), int)
                               else b for b in p["budget"]]
            if isinstance(p.get("period"), str):
                p["period"] = shift_years(p["period"], span, by)
        moved.append(p)
    return moved
