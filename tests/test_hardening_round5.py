"""Hardening, fifth round: hostile input found by trying every command with fresh eyes.

One test per problem found; each fails on the code before its fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import replace_in, run

DEEP = ("ข้อมูลซ้อนกันลึกเกินไป (วงเล็บหรือย่อหน้าเกิน 32 ชั้น) แผนซ้อนกันไม่เกิน 6 ชั้น "
        "ให้ตรวจวงเล็บ [ { และย่อหน้าตรงนี้")
TAG = "YAML ไม่ถูกต้อง: ใช้แท็ก YAML (!...) ไม่ได้ ใส่ได้เฉพาะข้อความ ตัวเลข รายการ และคีย์"


def _commands(plan: Path) -> list[tuple[str, ...]]:
    """Every command that reads a plan, each with what it needs besides the plan."""
    out = plan.parent / "out"
    return [("validate", str(plan)), ("fmt", str(plan)), ("fmt", "--check", str(plan)),
            ("next-year", str(plan), "-o", str(out / "next.yaml")), ("diff", str(plan), str(plan)),
            ("export-xlsx", str(plan), "-o", str(out / "x.xlsx")),
            ("xlsx-template", str(plan), "-o", str(out / "v.xlsx")), ("build", str(plan), "-o", str(out))]


@pytest.mark.parametrize("depth", [40, 1200])
def test_nesting_deeper_than_a_plan_is_named_at_its_bracket_by_every_command(example_plan: Path, depth: int) -> None:
    """Brackets nested a thousand deep under a plan's key loaded (the loader is a loop) and then
    overflowed the schema check: a traceback in validate, an internal error in diff, and fmt blamed
    anchors. Any depth past 32 is now refused where the 32nd bracket opens."""
    line = replace_in(example_plan, "  area:\n", f"  area: {'[' * depth}{']' * depth}\n  x:\n")
    for args in _commands(example_plan):
        code, out, err = run(*args)
        assert code in (1, 2), args
        assert f"{example_plan}:{line}:{9 + 32 - 2}: error: {DEEP}" in (out + err).splitlines(), args


def test_nesting_past_a_merge_key_is_measured_too(example_plan: Path) -> None:
    """A merge key sends the plan to ruamel's loader, whose composer recurses as well."""
    line = replace_in(example_plan, "  area:\n", f"  <<: {{}}\n  area: {'[' * 1200}{']' * 1200}\n  x:\n") + 1
    code, out, _ = run("validate", example_plan)
    assert code == 1 and out.splitlines()[0] == f"{example_plan}:{line}:39: error: {DEEP}"


@pytest.mark.parametrize(("value", "column", "tag"), [
    ("!!binary aGVsbG8=", 10, "binary"), ("!!set {2571: null}", 10, "set"),
    ("!!omap [a: 1]", 10, "omap"), ("!!pairs [a: 1]", 10, "pairs")])
def test_yaml_standard_types_no_plan_holds_are_refused_at_their_tag(
        example_plan: Path, value: str, column: int, tag: str) -> None:
    """!!binary, !!set, !!omap and !!pairs made bytes, a set or tuples that the JSON of the
    schema check could not print: a traceback in validate (and positions crashed on omap)."""
    line = replace_in(example_plan, "  title: แผนพัฒนาตำบลหนองบัวงาม พ.ศ. 2571-2572", f"  title: {value}")
    expected = (f"{example_plan}:{line}:{column}: error: {TAG} "
                f"[could not determine a constructor for the tag 'tag:yaml.org,2002:{tag}']")
    for args in _commands(example_plan):
        code, out, err = run(*args)
        assert code in (1, 2), args
        assert expected in (out + err).splitlines(), args
