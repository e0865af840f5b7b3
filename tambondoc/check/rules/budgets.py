"""Fiscal years in order, budget years within the plan, each year's funding split adding up."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tambondoc.check.rules.access import Finding, get, items_of

ID = "budgets"


def check(data: dict[str, Any]) -> Iterator[Finding]:
    years = get(data, "plan", "fiscal_years")
    years = [y for y in years if isinstance(y, int)] if isinstance(years, list) else []
    if years and years != sorted(years):
        yield ["plan", "fiscal_years"], False, "ปีงบประมาณต้องเรียงจากน้อยไปมาก", "error"
    if years and years != list(range(years[0], years[0] + len(years))):
        yield ["plan", "fiscal_years"], False, "ปีงบประมาณต้องเป็นปีต่อเนื่องกัน", "warning"
    for i, p in items_of(data, "projects"):
        seen_years: set[int] = set()
        for j, b in items_of(p, "budget"):
            base: list[str | int] = ["projects", i, "budget", j]
            year = b.get("year")
            if isinstance(year, int):
                if years and year not in years:
                    yield base + ["year"], False, \
                        f"ปีงบประมาณ {year} ไม่อยู่ในปีของแผน ({', '.join(map(str, years))}) ให้แก้ปีหรือเพิ่มปีใน plan.fiscal_years", "error"
                if year in seen_years:
                    yield base + ["year"], False, f"ปีงบประมาณ {year} ซ้ำในโครงการเดียวกัน ให้รวมเป็นรายการเดียว", "error"
                seen_years.add(year)
            amount, funding = b.get("amount"), b.get("funding")
            if isinstance(amount, (int, float)) and isinstance(funding, dict):
                parts = list(funding.values())  # fixed and named sources (unknown keys: funding-sources)
                if all(isinstance(x, (int, float)) or x is None for x in parts):
                    total = sum(x or 0 for x in parts)
                    if abs(total - amount) > 0.005:
                        yield base + ["amount"], False, \
                            f"ผลรวมแหล่งงบประมาณ ({total:,.2f} บาท) ไม่เท่ากับ amount ({amount:,.2f} บาท) ให้แก้ให้ตรงกัน".replace(".00 ", " "), "error"
