"""Money by funding source: seed 002's four fixed sources, then the plan's named ones (พอช.,
อบจ., ...), which the documents print together in one column "อื่น ๆ" with their names listed,
so a table keeps its width however many sources a plan names. Totals always count every source."""

from __future__ import annotations

from collections.abc import Mapping

from tambondoc.context.types import OtherSource, SourceColumn
from tambondoc.plan.vocabulary import FUNDING_KEYS, OTHER_KEY, OTHER_LABEL, SOURCES, Source


def columns(named: tuple[Source, ...]) -> list[SourceColumn]:
    """The source columns of a table: the fixed four, and "อื่น ๆ" when the plan names sources."""
    out: list[SourceColumn] = [{"key": s.key, "label": s.label, "short": s.short, "names": ""} for s in SOURCES]
    if named:
        out.append({"key": OTHER_KEY, "label": OTHER_LABEL, "short": OTHER_LABEL,
                    "names": ", ".join(s.short for s in named)})
    return out


def other_amount(by_source: Mapping[str, float], named: tuple[Source, ...]) -> float:
    return sum(by_source.get(s.key) or 0 for s in named)


def amounts(by_source: Mapping[str, float], named: tuple[Source, ...]) -> list[float]:
    """Amounts following ``columns(named)``."""
    fixed = [by_source.get(k) or 0 for k in FUNDING_KEYS]
    return fixed + [other_amount(by_source, named)] if named else fixed


def others(by_source: Mapping[str, float], named: tuple[Source, ...]) -> list[OtherSource]:
    """The named sources that have money here, for the "อื่น ๆ" cell."""
    return [{"key": s.key, "label": s.label, "short": s.short, "amount": by_source[s.key]}
            for s in named if by_source.get(s.key)]


def note(named: tuple[Source, ...]) -> str:
    """The footnote under a table with an "อื่น ๆ" column: what its short names stand for."""
    if not named:
        return ""
    listed = ", ".join(s.label if s.short == s.label else f"{s.short} = {s.label}" for s in named)
    return f"{OTHER_LABEL} ได้แก่ {listed}"
