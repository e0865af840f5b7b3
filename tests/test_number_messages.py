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


BUDGET = "amount: 450000, funding: {local: 450000}"
FLOW_HINT = "ตัวเลขต้องไม่มีเครื่องหมายจุลภาค (,) คั่นหลักพัน (ในวงเล็บ { } จุลภาคคั่นระหว่างช่อง) ให้เขียน"


def test_thousands_separators_inside_braces_are_one_error_at_the_number(example_plan: Path) -> None:
    line = replace_in(example_plan, BUDGET, "amount: 450,000, funding: {local: 450,000}")
    code, out, _ = run("validate", example_plan)
    assert code == 1
    assert errors(out) == [
        f"{example_plan}:{line}:30: error: {FLOW_HINT} 450000 แทน 450,000 ($.projects[0].budget[0].amount)",
        f"{example_plan}:{line}:56: error: {FLOW_HINT} 450000 แทน 450,000 ($.projects[0].budget[0].funding.local)",
    ]


def test_what_a_separated_amount_causes_is_not_reported(example_plan: Path) -> None:
    """450,000 is read as 450: the total that no longer adds up is the same mistake."""
    line = replace_in(example_plan, BUDGET, "amount: 450,000.50, funding: {local: 450000.50}")
    code, out, _ = run("validate", example_plan)
    assert code == 1
    assert errors(out) == [
        f"{example_plan}:{line}:30: error: {FLOW_HINT} 450000.50 แทน 450,000.50 ($.projects[0].budget[0].amount)"]


def test_a_million_inside_braces_is_not_a_duplicate_key(example_plan: Path) -> None:
    line = replace_in(example_plan, BUDGET, "amount: 1,000,000, funding: {local: 1,000,000}")
    code, out, _ = run("validate", example_plan)
    assert code == 1
    assert errors(out) == [
        f"{example_plan}:{line}:30: error: {FLOW_HINT} 1000000 แทน 1,000,000 ($.projects[0].budget[0].amount)"]


def test_thousands_separators_outside_braces_get_the_same_hint(example_plan: Path) -> None:
    line = replace_in(example_plan, "- {year: 2571, amount: 450000, funding: {local: 450000}}",
                      "- year: 2571\n        amount: 450,000\n        funding: {local: 450000}")
    code, out, _ = run("validate", example_plan)
    assert code == 1
    assert errors(out) == [
        f"{example_plan}:{line + 1}:17: error: ต้องเป็นตัวเลข (งบประมาณ (บาท)) แต่พบ '450,000' "
        "ตัวเลขต้องไม่มีเครื่องหมายจุลภาค (,) คั่นหลักพัน ให้เขียน 450000 แทน 450,000 ($.projects[0].budget[0].amount)"]


def test_thai_digits_get_a_hint_to_write_arabic_ones(example_plan: Path) -> None:
    line = replace_in(example_plan, "{year: 2571, amount: 450000,", "{year: ๒๕๗๑, amount: ๔๕๐๐๐๐,")
    code, out, _ = run("validate", example_plan)
    assert code == 1
    assert errors(out) == [
        f"{example_plan}:{line}:16: error: ต้องเป็นจำนวนเต็ม (ปีงบประมาณ) แต่พบ '๒๕๗๑' "
        "ตัวเลขต้องเป็นเลขอารบิก (0-9) ไม่ใช่เลขไทย ให้เขียน 2571 แทน ๒๕๗๑ ($.projects[0].budget[0].year)",
        f"{example_plan}:{line}:30: error: ต้องเป็นตัวเลข (งบประมาณ (บาท)) แต่พบ '๔๕๐๐๐๐' "
        "ตัวเลขต้องเป็นเลขอารบิก (0-9) ไม่ใช่เลขไทย ให้เขียน 450000 แทน ๔๕๐๐๐๐ ($.projects[0].budget[0].amount)",
    ]
