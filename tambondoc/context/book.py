"""Values only the plan book shows: default foreword, fund totals, shares, per-year counts.

Kept beside ``context.build.build_context`` (which adds them under ``book``) so the plan-book
template lays out numbers instead of computing them in Jinja.
"""

from __future__ import annotations

import re
from typing import Any

from tambondoc.context import sources
from tambondoc.context.text import decimal_text, paragraphs, share_text
from tambondoc.context.texts import DEFAULT_FOREWORD
from tambondoc.context.types import Context
from tambondoc.plan.types import Plan, Review
from tambondoc.plan.vocabulary import STATUSES, Source, funded_sources
from tambondoc.thai import village_list


def _by_year(ctx: Context, named: tuple[Source, ...]) -> list[dict[str, Any]]:
    rows = []
    for year in ctx["years"]:
        funded = [p for p in ctx["projects"] if p["by_year"].get(year)]
        money = {k: sum(p["by_year_source"].get(year, {}).get(k) or 0 for p in funded) for k in ctx["totals"]["by_source"]}
        rows.append({"year": year, "count": len(funded), "amount": ctx["totals"]["by_year"].get(year, 0),
                     "by_source": money, "source_amounts": sources.amounts(money, named),
                     "other_amount": sources.other_amount(money, named)})
    return rows


def _review(review: Review | None) -> dict[str, Any] | None:
    if not review:
        return None
    done = review["previous_projects"]
    counts = [{"status": s, "count": sum(p["status"] == s for p in done)} for s in STATUSES]
    return {"received_total": sum(p.get("budget_received") or 0 for p in done),
            "status_counts": [c for c in counts if c["count"]]}


# seed 002's one year and four sources (and "อื่น ๆ") on landscape A4 at 12 pt; a second year and
# their total made seven, and a realistic two-year plan's book took 89 pages in them, 55 with the
# years and sources as lines (its text columns got a third more width)
MAX_AMOUNT_COLUMNS = 6


def _budget_columns(years: list[int]) -> int:
    """A column per fiscal year, and their total when there are several."""
    return len(years) + (1 if len(years) > 1 else 0)


YEARS_PART = re.compile(r"\s+(?=(?:ประจำ)?ปี(?:งบประมาณ)?\s*(?:พ\.ศ\.)?\s*[0-9๐-๙]{4}|พ\.ศ\.\s*[0-9๐-๙]{4})")


def title_lines(title: str) -> list[str]:
    """The plan's title as the cover sets it: the years ('พ.ศ. 2571-2572') on a line of their
    own, never broken inside ('พ.ศ.' and the years joined by a no-break space)."""
    parts = YEARS_PART.split(title.strip(), maxsplit=1)
    return [re.sub(r"(พ\.ศ\.)\s+", "\\1\u00a0", part) for part in parts]


def book_context(data: Plan, ctx: Context) -> dict[str, Any]:
    """The ``book`` entry of the rendering context (``data`` has its defaults filled)."""
    tambon, plan, years = data["tambon"], data["plan"], ctx["years"]
    total = ctx["totals"]["amount"]
    numbers = [v["no"] for v in tambon["villages"]]
    names = {c["id"]: c["name"] for c in tambon["communities"]}
    funds = tambon["funds"]
    foreword = paragraphs(plan.get("foreword")) or paragraphs(
        DEFAULT_FOREWORD.format(tambon=tambon["name"], years=ctx["plan"]["years_text"]))
    return {
        "title_lines": title_lines(plan["title"]),
        "foreword_paragraphs": foreword,
        "prepared_by": plan.get("prepared_by")
        or f"คณะกรรมการบริหารงานตำบลแบบบูรณาการ (ก.บ.ต.) ตำบล{tambon['name']}",
        "multi_year": len(years) > 1,
        # three or more fiscal years: a column per year leaves the coordination list's text no
        # room on landscape A4, so it shows each year's amount on its own line in one column
        "wide_years": len(years) >= 3,
        # the plan book's project table also has a column per source: past MAX_AMOUNT_COLUMNS
        # amount columns its text would get a few words a line, so years and sources go in lines
        "wide_budget": _budget_columns(years) + len(ctx["sources"]) > MAX_AMOUNT_COLUMNS,
        "budget_columns": _budget_columns(years),
        "area": {"rai": decimal_text(tambon["area"]["rai"]), "sq_km": decimal_text(tambon["area"]["sq_km"])},
        "funds_total": {"count": sum(f.get("count") or 0 for f in funds),
                        "members": sum(f.get("members") or 0 for f in funds),
                        "amount": sum(f["amount"] for f in funds)},
        "strategy_no": {s["id"]: i for i, s in enumerate(data["direction"]["strategies"], 1)},
        # 'ยุทธศาสตร์ที่ ๑ ด้าน…' rather than 'ยุทธศาสตร์ที่ ๑ ยุทธศาสตร์ด้าน…'
        "strategy_titles": {s["id"]: s["name"].removeprefix("ยุทธศาสตร์").strip() or s["name"]
                            for s in data["direction"]["strategies"]},
        "strategy_count": len(ctx["strategy_groups"]),
        "by_year": _by_year(ctx, funded_sources(data)),
        "by_source": [{**row, "share": share_text(row["amount"], total)} for row in ctx["summary"]["by_source"]],
        "by_approach": [{**row, "share": share_text(row["amount"], total)} for row in ctx["summary"]["by_approach"]],
        "local_governments": [{**lg, "village_text": village_list(lg["villages"], numbers) if lg["villages"] else "-",
                               "community_text": ", ".join(names[c] for c in lg["communities"]) or "-"}
                              for lg in tambon["local_governments"]],
        "review": _review(data.get("review")),
    }
