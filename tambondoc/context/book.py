"""Values only the plan book shows: default foreword, fund totals, shares, per-year counts.

Kept beside ``context.build.build_context`` (which adds them under ``book``) so the plan-book
template lays out numbers instead of computing them in Jinja.
"""

from __future__ import annotations

from typing import Any

from tambondoc.context import sources
from tambondoc.context.text import decimal_text, paragraphs, share_text
from tambondoc.context.types import Context
from tambondoc.plan.types import Plan, Review
from tambondoc.plan.vocabulary import STATUSES, Source, named_sources
from tambondoc.thai import village_list

DEFAULT_FOREWORD = (
    "แผนพัฒนาตำบล{tambon}ฉบับนี้ จัดทำขึ้นตามระเบียบกระทรวงมหาดไทย ว่าด้วยการจัดทำแผนและประสานแผนพัฒนาพื้นที่"
    "ในระดับอำเภอและตำบล พ.ศ. 2562 โดยคณะกรรมการบริหารงานตำบลแบบบูรณาการ (ก.บ.ต.) ตำบล{tambon} "
    "ได้รวบรวมแผนพัฒนาหมู่บ้าน ข้อมูลความจำเป็นพื้นฐาน (จปฐ.) และข้อมูลพื้นฐานระดับหมู่บ้าน (กชช. 2ค) "
    "มาวิเคราะห์ร่วมกันในเวทีประชาคมระดับตำบล เพื่อกำหนดทิศทางการพัฒนาและจัดลำดับความสำคัญของโครงการ/กิจกรรม"
    "สำหรับปีงบประมาณ พ.ศ. {years}\n"
    "ก.บ.ต. ตำบล{tambon} หวังเป็นอย่างยิ่งว่าแผนพัฒนาตำบลฉบับนี้จะเป็นเครื่องมือในการประสานการพัฒนาระหว่างชุมชน "
    "องค์กรปกครองส่วนท้องถิ่น และหน่วยงานภาครัฐ เพื่อแก้ไขปัญหาและตอบสนองความต้องการของประชาชนในตำบล"
    "ได้อย่างแท้จริง และขอขอบคุณทุกภาคส่วนที่มีส่วนร่วมในการจัดทำแผน"
)


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
        "foreword_paragraphs": foreword,
        "prepared_by": plan.get("prepared_by")
        or f"คณะกรรมการบริหารงานตำบลแบบบูรณาการ (ก.บ.ต.) ตำบล{tambon['name']}",
        "multi_year": len(years) > 1,
        "budget_columns": len(years) + (1 if len(years) > 1 else 0),
        "area": {"rai": decimal_text(tambon["area"]["rai"]), "sq_km": decimal_text(tambon["area"]["sq_km"])},
        "funds_total": {"count": sum(f.get("count") or 0 for f in funds),
                        "members": sum(f.get("members") or 0 for f in funds),
                        "amount": sum(f["amount"] for f in funds)},
        "strategy_no": {s["id"]: i for i, s in enumerate(data["direction"]["strategies"], 1)},
        # 'ยุทธศาสตร์ที่ ๑ ด้าน…' rather than 'ยุทธศาสตร์ที่ ๑ ยุทธศาสตร์ด้าน…'
        "strategy_titles": {s["id"]: s["name"].removeprefix("ยุทธศาสตร์").strip() or s["name"]
                            for s in data["direction"]["strategies"]},
        "strategy_count": len(ctx["strategy_groups"]),
        "by_year": _by_year(ctx, named_sources(data)),
        "by_source": [{**row, "share": share_text(row["amount"], total)} for row in ctx["summary"]["by_source"]],
        "by_approach": [{**row, "share": share_text(row["amount"], total)} for row in ctx["summary"]["by_approach"]],
        "local_governments": [{**lg, "village_text": village_list(lg["villages"], numbers) if lg["villages"] else "-",
                               "community_text": ", ".join(names[c] for c in lg["communities"]) or "-"}
                              for lg in tambon["local_governments"]],
        "review": _review(data.get("review")),
    }
