"""Numbers typed as people write them on paper: with thousands separators, in Thai digits, and
bounds whose hint fits the field."""

from __future__ import annotations

from pathlib import Path

from conftest import replace_in, run


def errors(out: str) -> list[str]:
    return [line for line in out.splitlines() if ": error: " in line]


def test_only_a_year_over_its_bound_asks_about_the_era(example_plan: Path) -> None:
    line = replace_in(example_plan, "{year: 2571, amount: 450000, funding: {local: 450000}",
                      "{year: 3114, amount: 4500000000000, funding: {local: 4500000000000}")
    code, out, _ = run("validate", example_plan)
    assert code == 1
    assert errors(out) == [
        f"{example_plan}:{line}:16: error: ค่า 3114 (ปีงบประมาณ) ต้องไม่เกิน 2700 (ปีเป็น พ.ศ. หรือไม่?) "
        "($.projects[0].budget[0].year)",
        f"{example_plan}:{line}:16: error: ปีงบประมาณ 3114 ไม่อยู่ในปีของแผน (2571, 2572) ให้แก้ปีหรือเพิ่มปีใน "
        "plan.fiscal_years ($.projects[0].budget[0].year)",
        f"{example_plan}:{line}:30: error: ค่า 4500000000000 (งบประมาณ (บาท)) ต้องไม่เกิน 1000000000000 "
        "($.projects[0].budget[0].amount)",
        f"{example_plan}:{line}:62: error: ค่า 4500000000000 (งบท้องถิ่น) ต้องไม่เกิน 1000000000000 "
        "($.projects[0].budget[0].funding.local)",
    ]
