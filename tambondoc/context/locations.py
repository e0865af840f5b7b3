"""Where things are: villages (หมู่, numbered) and communities (ชุมชน, named), as the documents
print them. An urban tambon may have only communities; many have both."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tambondoc.context.types import CommunityRow, CommunityTotals, LocationTexts
from tambondoc.plan.types import Community
from tambondoc.thai import village_list


def texts(villages: list[int], communities: list[str], all_villages: list[int],
          names: Mapping[str, str]) -> LocationTexts:
    """'หมู่ที่ 1, 3', 'ชุมชนตลาดเก่า, ชุมชนริมน้ำ', and the two together for a สถานที่ column.
    A project in every community of a tambon of several is 'ทุกชุมชน', as one in every village is
    'ทุกหมู่บ้าน' (a เทศบาลเมือง's twelve names filled a สถานที่ cell nine lines deep)."""
    village_text = village_list(villages, all_villages) if villages else ""
    if len(names) > 1 and set(communities) == set(names):
        community_text = "ทุกชุมชน"
    else:
        community_text = ", ".join(names[c] for c in communities)
    return {"village_text": village_text, "community_text": community_text,
            "place_text": " ".join(t for t in (village_text, community_text) if t)}


def community_rows(communities: list[Community]) -> list[CommunityRow]:
    """The part 1 community table: each community with its population total (None if not given)."""
    return [{**c, "population_total": c["population"]["male"] + c["population"]["female"] if c["population"] else None}
            for c in communities]


def community_totals(rows: list[CommunityRow]) -> CommunityTotals:
    """Sums over the communities that give the figure."""
    return {
        "count": len(rows),
        "households": sum(r["households"] or 0 for r in rows),
        "male": sum(r["population"]["male"] for r in rows if r["population"]),
        "female": sum(r["population"]["female"] for r in rows if r["population"]),
        "population": sum(r["population_total"] or 0 for r in rows),
    }


def with_community_name(items: list[Any], names: Mapping[str, str]) -> list[Any]:
    """Groups and places with the name of the community they are in ('' when none)."""
    return [{**item, "community_name": names.get(item.get("community") or "", "")} for item in items]
