"""Hostile or broken input never crashes, never executes, never loses data."""

from __future__ import annotations

import contextlib
import re
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLE, tiny_templates
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tambondoc.check.validate import validate_file
from tambondoc.cli import cli
from tambondoc.plan.load import MAX_BYTES

EXAMPLE_TEXT = EXAMPLE.read_text(encoding="utf-8")


def validate(path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout


def test_python_tags_are_not_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    plan = tmp_path / "evil.yaml"
    plan.write_text(f'schema_version: !!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8")
    code, out = validate(plan)
    assert code == 1
    assert out.startswith(f"{plan}:1:17: error: YAML ไม่ถูกต้อง: ใช้แท็ก YAML (!...) ไม่ได้")
    assert not marker.exists()


def test_unknown_tag_is_an_error(tmp_path: Path) -> None:
    plan = tmp_path / "tag.yaml"
    plan.write_text("schema_version: !custom 1\n", encoding="utf-8")
    assert validate(plan)[1].startswith(f"{plan}:1:17: error: YAML ไม่ถูกต้อง: ใช้แท็ก YAML")


def test_billion_laughs_fails_fast(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 12)]
    plan = tmp_path / "laughs.yaml"
    plan.write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.perf_counter()
    code, out = validate(plan)
    elapsed = time.perf_counter() - started
    assert code == 1
    assert out.startswith(f"{plan}:1:1: error: แผนมีข้อมูลซ้อนกันมากเกินไป")
    assert elapsed < 10, "expansion was not bounded"  # generous: a real expansion never finishes


def test_size_limit(tmp_path: Path) -> None:
    plan = tmp_path / "huge.yaml"
    plan.write_text("# " + "x" * MAX_BYTES + "\n", encoding="utf-8")
    code, out = validate(plan)
    assert code == 1
    assert out.startswith(f"{plan}:1:1: error: ไฟล์ใหญ่เกินไป")


def test_a_bigger_plan_is_read_when_the_limit_is_raised(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A 20,000-project test plan is 18 MB: ``--max-plan-mb`` lets it through, for this run only."""
    from conftest import run

    from tambondoc.plan.load import LIMIT_ENV, max_bytes

    monkeypatch.setenv(LIMIT_ENV, "")  # the default, and removed after the test: the option sets it
    plan = tmp_path / "big.yaml"
    plan.write_text(EXAMPLE.read_text(encoding="utf-8") + "# " + "x" * MAX_BYTES + "\n", encoding="utf-8")
    refused = run("validate", plan)
    assert refused.code == 1
    assert refused.out.startswith(f"{plan}:1:1: error: ไฟล์ใหญ่เกินไป")
    assert "--max-plan-mb" in refused.out
    assert run("validate", "--max-plan-mb", "12", plan).code == 0
    assert max_bytes() == 12 * 1024 * 1024


def test_deep_nesting(tmp_path: Path) -> None:
    plan = tmp_path / "deep.yaml"
    plan.write_text("a: " + "[" * 3000 + "]" * 3000 + "\n", encoding="utf-8")
    code, out = validate(plan)
    assert code == 1 and out.startswith(f"{plan}:1:35: error: ข้อมูลซ้อนกันลึกเกินไป")


def test_nan_is_rejected_at_its_line(example_plan: Path) -> None:
    text = example_plan.read_text(encoding="utf-8")
    example_plan.write_text(text.replace("average_income: 86450", "average_income: .nan"), encoding="utf-8")
    line = text[: text.index("average_income: 86450")].count("\n") + 1
    code, out = validate(example_plan)
    assert code == 1
    assert out.startswith(f"{example_plan}:{line}:21: error: ตัวเลข nan ใช้ไม่ได้")


def _assert_clean(path: Path) -> None:
    result = validate_file(path)  # must not raise
    for problem in result.problems:
        assert problem.line >= 1 and problem.column >= 1
        assert problem.file == str(path)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=400))
def test_fuzz_arbitrary_text(tmp_path: Path, text: str) -> None:
    plan = tmp_path / "fuzz.yaml"
    plan.write_text(text, encoding="utf-8", errors="surrogatepass")
    _assert_clean(plan)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.integers(min_value=0, max_value=len(EXAMPLE_TEXT) - 1),
    st.integers(min_value=0, max_value=40),
    st.text(alphabet=st.sampled_from(list(" :-[]{}#&*!|>'\"\t\n0123456789abcนก.,%@`")), max_size=12),
)
def test_fuzz_mutated_example(tmp_path: Path, start: int, length: int, insert: str) -> None:
    plan = tmp_path / "mutant.yaml"
    plan.write_text(EXAMPLE_TEXT[:start] + insert + EXAMPLE_TEXT[start + length:], encoding="utf-8")
    _assert_clean(plan)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.integers(min_value=0, max_value=len(EXAMPLE_TEXT) - 1),
    st.integers(min_value=0, max_value=40),
    st.text(alphabet=st.sampled_from(list(" :-[]{}#&*!|>'\"\t\n0123456789abcนก.,%@`")), max_size=12),
)
def test_fuzz_build(tmp_path: Path, start: int, length: int, insert: str) -> None:
    """A mutated plan either builds or fails with a PlanError; nothing else escapes."""
    from tambondoc.build.plan import build_plan
    from tambondoc.errors import PlanError

    plan = tmp_path / "mutant.yaml"
    plan.write_text(EXAMPLE_TEXT[:start] + insert + EXAMPLE_TEXT[start + length:], encoding="utf-8")
    try:
        result = build_plan(plan, tmp_path / "out", tiny_templates(tmp_path / "tpl"))
    except PlanError:
        return
    assert all(p.is_file() for p in result.written)


def test_malicious_template_is_refused_by_name(tmp_path: Path, example_plan: Path) -> None:
    from docx import Document

    templates = tiny_templates(tmp_path / "tpl")
    doc = Document()
    doc.add_paragraph("{{ plan.__class__.__mro__[1].__subclasses__() }}")
    doc.save(templates / "kbt-order.docx")
    result = CliRunner().invoke(cli, ["build", str(example_plan), "-o", str(tmp_path / "out"),
                                      "--templates", str(templates)])
    assert result.exit_code == 1
    assert f"{example_plan}: ล้มเหลว: kbt-order.docx: แม่แบบพยายามเข้าถึงสิ่งที่ไม่อนุญาต" in result.stdout
    assert not (tmp_path / "out" / "example-tambon").exists()


def test_interrupted_write_leaves_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from tambondoc.files import write_atomic

    target = tmp_path / "plan-book.docx"
    write_atomic(target, b"previous good document")

    def power_cut(fd: int) -> None:
        raise KeyboardInterrupt  # the user pressed Ctrl-C halfway

    monkeypatch.setattr(os, "fsync", power_cut)
    with contextlib.suppress(KeyboardInterrupt):
        write_atomic(target, b"half of a new docum")
    assert target.read_bytes() == b"previous good document"
    assert [p.name for p in tmp_path.iterdir()] == ["plan-book.docx"]


EXAMPLE_LINES = EXAMPLE_TEXT.split("\n")
VALUE_LINES = [i for i, line in enumerate(EXAMPLE_LINES) if re.match(r"^\s*(- )?[a-z_]+:\s*\S", line)]
WRONG_VALUES = ["0x_", "~", "''", "[]", "{}", "{a: 1}", "[1, [2]]", "1e999", ".nan", "true", "ก", "-1", "x: y", "P001"]


def _commands(plan: Path, out: Path) -> list[list[str]]:
    return [["validate", str(plan)], ["fmt", "--check", str(plan)], ["next-year", str(plan), "-o", str(out / "next.yaml")],
            ["diff", str(EXAMPLE), str(plan)], ["export-xlsx", str(plan), "-o", str(out / "projects.xlsx")]]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(VALUE_LINES), st.sampled_from(WRONG_VALUES)), min_size=1, max_size=3))
def test_fuzz_values_of_the_wrong_type(tmp_path: Path, edits: list[tuple[int, str]]) -> None:
    """Any value replaced by one of the wrong type: every command reports, none crashes."""
    lines = list(EXAMPLE_LINES)
    for k, value in edits:
        lines[k] = f"{lines[k].split(':', 1)[0]}: {value}"
    plan = tmp_path / "plan.yaml"
    plan.write_text("\n".join(lines), encoding="utf-8")
    for args in _commands(plan, tmp_path):
        result = CliRunner().invoke(cli, args)
        assert result.exception is None or isinstance(result.exception, SystemExit), (args[0], repr(result.exception))


@pytest.mark.parametrize("find, replace", [
    ("{id: S1.1, name:", "{id: {a: 1}, name:"),  # a tactic id that is a mapping
    ("      villages: [1, 2]\n", "      villages: 1.5\n"),  # an อปท.'s villages that is not a list
    ("    strategy: S1\n", "    strategy: [S1]\n"),  # a project's strategy that is a list
])
def test_wrong_types_in_references_are_reported(tmp_path: Path, find: str, replace: str) -> None:
    assert find in EXAMPLE_TEXT
    plan = tmp_path / "plan.yaml"
    plan.write_text(EXAMPLE_TEXT.replace(find, replace, 1), encoding="utf-8")
    code, out = validate(plan)
    assert code == 1 and f"{plan}:" in out


def test_diff_shows_an_infinite_amount_instead_of_crashing(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(EXAMPLE_TEXT.replace("{year: 2571, amount: 450000,", "{year: 2571, amount: .inf,", 1), encoding="utf-8")
    result = CliRunner().invoke(cli, ["diff", str(EXAMPLE), str(plan)])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "→ inf" in result.output


def test_diff_of_an_invalid_plan_skips_the_budget_instead_of_crashing(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(EXAMPLE_TEXT.replace("{year: 2571, amount: 450000,", "{year: 'ปีหน้า', amount: 450000,", 1),
                    encoding="utf-8")
    result = CliRunner().invoke(cli, ["diff", str(EXAMPLE), str(plan)])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert f"คำนวณงบประมาณของ {plan} ไม่ได้ เพราะแผนไม่ผ่านการตรวจสอบ" in result.output
