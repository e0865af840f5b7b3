"""The plan's JSON Schema, loaded once: the validator, the vocabulary and the docs all read it."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from tambondoc.resources import schema_path


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    with schema_path().open(encoding="utf-8") as f:
        return json.load(f)  # type: ignore[no-any-return]


def node(*path: str) -> dict[str, Any]:
    """The schema of a plan field: ``node("projects", "[]", "approach")``."""
    found: dict[str, Any] = schema()
    for part in path:
        found = (found.get("items") if part == "[]" else found.get("properties", {}).get(part)) or {}
    return found


def format_version() -> int:
    """The plan format's version: the ``schema_version`` every plan declares."""
    return int(schema()["properties"]["schema_version"]["const"])
