"""The typed records (plan.types, context.types) say what the schema and the context really hold."""

from __future__ import annotations

import typing

from tambondoc.check.validate import validate_file
from tambondoc.context.build import build_context
from tambondoc.context.types import Context, ProjectRow, StrategyGroup
from tambondoc.plan import district, types
from tambondoc.plan.schema import district_schema, node, schema


def _typed_dict(hint: typing.Any) -> typing.Any:
    """The TypedDict inside ``X``, ``X | None`` or ``list[X]``, else None."""
    if typing.is_typeddict(hint):
        return hint
    for arg in typing.get_args(hint):
        if (inner := _typed_dict(arg)) is not None:
            return inner
    return None


def _compare(cls: typing.Any, sch: dict, where: str, found: list[str]) -> None:
    hints = typing.get_type_hints(cls)
    props = sch.get("properties", {})
    if set(hints) != set(props):
        found.append(f"{where}: types {sorted(set(hints) - set(props))} schema {sorted(set(props) - set(hints))}")
    for key, hint in hints.items():
        sub = props.get(key, {})
        inner = _typed_dict(hint)
        if inner is not None:
            _compare(inner, sub.get("items", sub), f"{where}.{key}", found)


def test_plan_types_have_the_schemas_fields() -> None:
    found: list[str] = []
    _compare(types.Plan, schema(), "plan", found)
    assert found == []
    assert list(node("projects", "[]")["properties"]) == list(typing.get_type_hints(types.Project))


def test_district_types_have_the_schemas_fields() -> None:
    found: list[str] = []
    _compare(district.District, district_schema(), "district", found)
    assert found == []


def test_context_has_the_typed_keys(example_plan) -> None:
    context = build_context(validate_file(example_plan).data)
    optional = {"garuda_image", "lg"}  # added per document (docx.jobs)
    assert set(context) == set(typing.get_type_hints(Context)) - optional
    assert set(context["projects"][0]) == set(typing.get_type_hints(ProjectRow))
    assert set(context["strategy_groups"][0]) == set(typing.get_type_hints(StrategyGroup))
