"""Priority from the assembly (seed 001, technique 6): a weighted score per project, and the
projects ranked within each strategy by score, then votes, then id. Where scores or votes exist
the priority is computed, never typed."""

from __future__ import annotations

import re

from tambondoc.context.types import ProjectRow, ScoringContext, StrategyGroup
from tambondoc.plan.vocabulary import Scale


def _natural(pid: str) -> list[object]:
    """'P9' before 'P10'."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", pid)]


def _whole(x: float) -> float:
    return int(x) if float(x).is_integer() else round(x, 2)


def assessed(p: ProjectRow) -> bool:
    """Scored or voted on at the assembly: its priority is computed."""
    return bool(p["scores"]) or p["votes"] is not None


def score(p: ProjectRow, scale: Scale) -> None:
    """The weighted score (None when unscored) and the scores in criteria order."""
    scores = p["scores"] or {}
    p["score"] = _whole(sum(c.weight * (scores.get(c.id) or 0) for c in scale.criteria)) if scores else None
    p["score_list"] = [scores.get(c.id) for c in scale.criteria]
    p["priority_computed"] = False


def rank(projects: list[ProjectRow], strategy_ids: list[str]) -> None:
    """Number the projects of each strategy that has assessed ones: assessed first (score, votes,
    id), then the others in their typed order; other strategies keep their typed priorities."""
    for sid in strategy_ids:
        rows = [p for p in projects if p["strategy"] == sid]
        done = sorted((p for p in rows if assessed(p)),
                      key=lambda p: (-(p["score"] or 0), -(p["votes"] or 0), _natural(p["id"])))
        if not done:
            continue
        rest = sorted((p for p in rows if not assessed(p)), key=lambda p: (p["priority"] or 10**6, p["_index"]))
        for n, p in enumerate(done + rest, 1):
            p["priority"], p["priority_computed"] = n, assessed(p)


def scoring_context(scale: Scale, projects: list[ProjectRow], groups: list[StrategyGroup]) -> ScoringContext:
    """The scoring table of the plan book's appendix: criteria, scale, strategies ranked by score."""
    return {
        "used": any(assessed(p) for p in projects),
        "declared": scale.declared,
        "min_score": _whole(scale.low),
        "max_score": _whole(scale.high),
        "max_total": _whole(scale.max_total),
        "criteria": [{"id": c.id, "name": c.name, "weight": _whole(c.weight), "description": c.description}
                     for c in scale.criteria],
        "groups": [g for g in groups if any(p["priority_computed"] for p in g["projects"])],
    }
