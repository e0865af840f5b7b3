"""The fast event loader reads every document exactly as ruamel's safe loader does, or steps aside."""

from __future__ import annotations

import math
from typing import Any

import pytest
from conftest import EXAMPLE
from hypothesis import given, settings
from hypothesis import strategies as st

from tambondoc.errors import PlanError
from tambondoc.plan import events as yaml_events
from tambondoc.plan.load import _fast_yaml, load_text


def same(a: Any, b: Any) -> bool:
    """Equal with types (True is not 1) and key order, NaN equal to NaN."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return len(a) == len(b) and all(same(k, k2) and same(v, v2) for (k, v), (k2, v2) in zip(a.items(), b.items()))
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return a == b


def agrees(text: str) -> bool:
    """True when the fast loader gives ruamel's result; a fallback also counts as agreeing."""
    try:
        fast = yaml_events.load(text)
    except yaml_events.Unsupported:
        return True
    return same(fast, _fast_yaml().load(text))


SCALARS = ["1", "-12", "+3", "0x1F", "0o17", "017", "0b101", "1_000", "1.5", "1e3", ".5", "-.inf", ".NaN",
           "1.", "6.8523015e+5", "1e", "1.2.3", "12:30", "1,000", "๑๒", "true", "False", "TRUE", "yes", "no",
           "on", "y", "~", "null", "Null", "NULL", "nul", "", "2567-02-29", "2001-12-14t21:59:43.10-05:00",
           "'1'", '"true"', "-", ".", "ข้อความไทย", "a b", "=", "0", "-0", "00"]


@pytest.mark.parametrize("scalar", SCALARS)
def test_scalar_resolution_matches_ruamel(scalar: str) -> None:
    assert agrees(f"value: {scalar}\nlist: [{scalar}]\n{scalar or '~'}: key\n")


def test_example_plan_is_read_the_fast_way_and_equal() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert same(yaml_events.load(text), _fast_yaml().load(text))


@pytest.mark.parametrize("text", ["<<: {a: 1}\nb: 2", "a: !!str 1", "a: 1\na: 2", "%YAML 1.1\n---\na: yes",
                                  "--- a\n--- b", "a: [", "- &a 1\n- &a 2", "a: *nope", "a: &a [*a]", "? [1]\n: 2", "a: ="])
def test_beyond_plain_yaml_falls_back(text: str) -> None:
    with pytest.raises(yaml_events.Unsupported):
        yaml_events.load(text)


def test_fallback_keeps_ruamel_results_and_errors() -> None:
    assert load_text("<<: {a: 1}\nb: 2", "p.yaml") == {"a": 1, "b": 2}
    assert load_text("a: !!str 1", "p.yaml") == {"a": "1"}
    with pytest.raises(Exception, match=r"p.yaml:2:1: .*คีย์ซ้ำ"):
        load_text("a: 1\na: 2", "p.yaml")


@pytest.mark.parametrize("value", ["0x_", "0b_", "+_", "._", "-_"])
def test_value_read_as_a_number_but_not_one_is_an_error_at_its_place(value: str) -> None:
    with pytest.raises(PlanError) as caught:
        load_text(f"plan:\n  budget: {value}\n", "p.yaml")
    assert str(caught.value) == (f"p.yaml:2:11: error: '{value}' ไม่ใช่ตัวเลขที่ถูกต้อง ให้แก้เป็นตัวเลข "
                                 "หรือครอบด้วยเครื่องหมายคำพูดถ้าเป็นข้อความ")


def test_bad_number_met_by_ruamel_is_still_a_message() -> None:
    with pytest.raises(PlanError, match=r"^p.yaml:1:1: error: มีค่าที่ดูเหมือนตัวเลขแต่ไม่ใช่ตัวเลขที่ถูกต้อง"):
        load_text("<<: {a: 1}\nb: 0x_\n", "p.yaml")


def test_aliases_share_one_object() -> None:
    data = yaml_events.load("a: &x [1, 2]\nb: *x\n")
    assert data["a"] is data["b"] and data == {"a": [1, 2], "b": [1, 2]}


tokens = st.sampled_from(SCALARS + ["a", "ก", "- x", "[1, 2]", "{k: v}", "&a 1", "*a", "'q'", "|\n  t"])
lines = st.lists(st.tuples(st.integers(0, 3), st.sampled_from(["k", "ก", "1", "- ", "true"]), tokens), max_size=12)


@settings(max_examples=300, deadline=None)
@given(lines)
def test_random_documents_agree_with_ruamel(rows: list[tuple[int, str, str]]) -> None:
    text = "".join(f"{'  ' * depth}{key}{'' if key == '- ' else ': '}{value}\n" for depth, key, value in rows)
    assert agrees(text)


@settings(max_examples=200, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
                    max_leaves=20))
def test_dumped_data_reads_back_the_same(data: Any) -> None:
    import io

    from ruamel.yaml import YAML

    out = io.StringIO()
    YAML(typ="safe", pure=True).dump({"root": data}, out)
    assert agrees(out.getvalue())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab:-[]{}&*!'\" \n#|>,?~01.", max_size=40))
def test_fast_loader_never_accepts_what_ruamel_refuses(text: str) -> None:
    try:
        expected = _fast_yaml().load(text)
    except Exception:
        with pytest.raises((yaml_events.Unsupported, yaml_events.BadNumber)):
            yaml_events.load(text)
        return
    assert agrees(text), expected  # ruamel read it: the fast path agrees or steps aside


def test_equal_texts_are_one_object() -> None:
    """A plan repeats its keys and many values in every project: each is held once."""
    data = yaml_events.load(EXAMPLE.read_text(encoding="utf-8"))
    first, second = data["projects"][:2]
    shared = [k for k in first if k in second]
    assert shared and all(any(s is k for s in second) for k in shared)
    agencies = [p["agency"] for p in data["projects"] if p["agency"] == first["agency"]]
    assert len(agencies) > 1 and all(a is agencies[0] for a in agencies)
