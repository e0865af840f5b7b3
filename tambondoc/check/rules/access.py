"""Read a plan that may not match the schema: every accessor tolerates a wrong type."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

Finding = tuple[list[str | int], bool, str, str]  # path, at_key, message, level


def leaves(data: Any) -> Iterator[Any]:
    """Every value of the plan that is not a mapping or a list, in no particular order and with
    no path: a rule walks this first and builds paths only once it has found something."""
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
        else:
            yield node


def items_of(data: Any, *keys: str) -> list[tuple[int, dict[str, Any]]]:
    node = data
    for key in keys:
        node = node.get(key) if isinstance(node, dict) else None
    return [(i, x) for i, x in enumerate(node) if isinstance(x, dict)] if isinstance(node, list) else []


def get(data: Any, *keys: str) -> Any:
    node = data
    for key in keys:
        node = node.get(key) if isinstance(node, dict) else None
    return node


def as_key(value: Any) -> Any:
    """``value`` if it can be an id or a number to look up, else None (a schema error elsewhere)."""
    return value if isinstance(value, (str, int, float)) else None


def known(value: str, ids: list[str]) -> str:
    """What a wrong reference could have meant: the nearest ids, else all of them (a few)."""
    ids = list(dict.fromkeys(ids))
    close = difflib.get_close_matches(value, ids, 3, 0.6)
    if close:
        return " หมายถึง " + ", ".join(f"'{c}'" for c in close) + " หรือไม่?"
    return f" (มี {', '.join(ids)})" if len(ids) <= 12 else ""
