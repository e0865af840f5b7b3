"""The plan's JSON Schema (and the district's), loaded once: the validator, the vocabulary and the
docs all read it."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

from tambondoc import REPOSITORY
from tambondoc.resources import data_path, schema_path

SCHEMA_FILE = "tambon-plan.schema.json"
DISTRICT_SCHEMA_FILE = "district.schema.json"  # district.yaml: a district office's repository of plans


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    with schema_path().open(encoding="utf-8") as f:
        return json.load(f)  # type: ignore[no-any-return]


@lru_cache(maxsize=1)
def district_schema() -> dict[str, Any]:
    with data_path("schemas", DISTRICT_SCHEMA_FILE).open(encoding="utf-8") as f:
        return json.load(f)  # type: ignore[no-any-return]


def _walk(found: dict[str, Any], path: tuple[str, ...]) -> dict[str, Any]:
    for part in path:
        found = (found.get("items") if part == "[]" else found.get("properties", {}).get(part)) or {}
    return found


def node(*path: str) -> dict[str, Any]:
    """The schema of a plan field: ``node("projects", "[]", "approach")``."""
    return _walk(schema(), path)


def district_node(*path: str) -> dict[str, Any]:
    """The schema of a district.yaml field: ``district_node("chief", "name")``."""
    return _walk(district_schema(), path)


def format_version() -> int:
    """The plan format's version: the ``schema_version`` every plan declares."""
    return int(schema()["properties"]["schema_version"]["const"])


def schema_id(version: str, file: str = SCHEMA_FILE) -> str:
    """A schema's ``$id``: where this version of it can be read, in the release's tag."""
    return f"{REPOSITORY}/raw/v{version}/schemas/{file}"


def id_version(schema_id: object) -> tuple[int, ...] | None:
    """The tambondoc version in a schema's ``$id`` (``.../v0.2.0/...`` -> (0, 2, 0)); None if it has none."""
    found = re.search(r"/v(\d+(?:\.\d+)*)/schemas/", schema_id) if isinstance(schema_id, str) else None
    return tuple(int(n) for n in found.group(1).split(".")) if found else None
