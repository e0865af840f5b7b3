"""The schema check: the compiled validator (jsonschema-rs) decides, the pure-Python one explains.

Both must agree on every plan, or a mistake the compiled one misses would go unreported; without
jsonschema-rs the messages are the same; ``validate`` loads none of the rendering libraries.
"""

from __future__ import annotations

import copy
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLE, ROOT, replace_in, run

from tambondoc.check import schema as schema_check
from tambondoc.plan.load import load_plan

MISTAKES: dict[str, Callable[[dict[str, Any]], None]] = {
    "wrong type": lambda d: d["tambon"]["villages"][1].__setitem__("households", "สองร้อย"),
    "below minimum": lambda d: d["tambon"]["villages"][1].__setitem__("households", -5),
    "not in enum": lambda d: d["projects"][4].__setitem__("approach", "ร่วมทำ"),
    "pattern": lambda d: d["plan"].__setitem__("approved_on", "20/03/2570"),
    "pattern with a trailing newline": lambda d: d["plan"].__setitem__("approved_on", "2570-03-20\n"),
    "unknown key": lambda d: d["tambon"].__setitem__("terain", d["tambon"].pop("terrain")),
    "missing key": lambda d: d["projects"][0].pop("name"),
    "empty text": lambda d: d["projects"][0].__setitem__("name", ""),
    "too few items": lambda d: d["plan"].__setitem__("fiscal_years", []),
    "repeated items": lambda d: d["projects"][1].__setitem__("villages", [8, 8]),
    "a float where an integer goes": lambda d: d["tambon"]["villages"][1].__setitem__("households", 2.5),
    "a whole float where an integer goes": lambda d: d["tambon"]["villages"][1].__setitem__("households", 245.0),
    "a boolean where a number goes": lambda d: d["projects"][0]["budget"][0].__setitem__("amount", True),
    "not a number": lambda d: d["projects"][0]["budget"][0].__setitem__("amount", float("nan")),
    "a huge integer": lambda d: d["projects"][0]["budget"][0].__setitem__("amount", 10**30),
    "null": lambda d: d["projects"][0].__setitem__("objective", None),
    "wrong version": lambda d: d.__setitem__("schema_version", 99),
}


@pytest.fixture(scope="module")
def example_data() -> dict[str, Any]:
    return load_plan(EXAMPLE)[1]  # type: ignore[no-any-return]


def test_the_compiled_validator_is_used() -> None:
    assert schema_check.fast_validator() is not None


@pytest.mark.parametrize("mistake", list(MISTAKES))
def test_both_validators_agree(example_data: dict[str, Any], mistake: str) -> None:
    """Where the compiled validator passes a plan, the pure-Python one finds nothing either; the
    other way round (it is stricter on NaN and on a newline before a pattern's $) costs only time."""
    data = copy.deepcopy(example_data)
    MISTAKES[mistake](data)
    explained = [schema_check.describe(e) for e in schema_check.validator().iter_errors(data)]
    if schema_check.is_valid(data):
        assert explained == []
    assert list(schema_check.schema_errors(data)) == explained


def test_a_valid_plan_never_reaches_the_pure_python_validator(example_data: dict[str, Any],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(schema_check, "validator", lambda: pytest.fail("the slow validator ran"))
    assert list(schema_check.schema_errors(example_data)) == []


def test_data_the_compiled_validator_cannot_read_goes_to_the_pure_python_one(example_data: dict[str, Any]) -> None:
    data = copy.deepcopy(example_data)
    data["tambon"][1] = "x"  # not JSON (a key that is not text): jsonschema-rs raises
    assert schema_check.is_valid(data) is None
    assert [(path, msg.split(" (")[0]) for path, _, msg in schema_check.schema_errors(data)] == [
        (["tambon", 1], "ไม่รู้จักช่อง '1'")]


def test_same_messages_without_jsonschema_rs(example_plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    replace_in(example_plan, "households: 245", "households: สองร้อย")
    replace_in(example_plan, "  terrain: |", "  terain: |")
    fast = run("validate", str(example_plan))
    assert fast.code == 1 and len(fast.out.splitlines()) == 2
    monkeypatch.setitem(sys.modules, "jsonschema_rs", None)  # as where it is not installed: import fails
    schema_check.fast_validator.cache_clear()
    try:
        assert schema_check.fast_validator() is None
        assert run("validate", str(example_plan)) == fast
        assert run("validate", str(EXAMPLE)).code == 0
    finally:
        monkeypatch.undo()
        schema_check.fast_validator.cache_clear()


def test_validate_loads_no_renderer_and_no_slow_validator() -> None:
    probe = ("import sys\nfrom tambondoc.cli.main import cli\n"
             f"try:\n    cli(['validate', {str(EXAMPLE)!r}], standalone_mode=False)\nfinally:\n"
             "    heavy = {'docxtpl', 'docx', 'openpyxl', 'lxml', 'jinja2', 'jsonschema', 'pythainlp', 'multiprocessing'}\n"
             "    print(sorted(heavy & {m.split('.')[0] for m in sys.modules}))\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[]"
