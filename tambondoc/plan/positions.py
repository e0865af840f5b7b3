"""Map a JSON path in a plan back to the line and column the user typed it at.

Only used when there is something to report, so the slow round-trip loader stays off the
hot path.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cached_property
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from tambondoc.plan.roundtrip import rt_yaml

Path_ = Sequence[str | int]


_TOKEN = re.compile(r"[^\s,\[\]{}]+")  # a plain number or true/false as typed, in a block or inside braces


class Locator:
    """Answers 'where is this path?' for one plan text; the text is parsed when first asked."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def root(self) -> Any:
        try:
            return rt_yaml().load(self.text)
        except Exception:  # positions are best effort; the fast loader already accepted it
            return None

    def written(self, path: Path_) -> str | None:
        """The plain value at ``path`` as typed ('0801', where YAML read 801), or None."""
        line, col = self.locate(path)
        lines = self.text.split("\n")
        found = _TOKEN.match(lines[line - 1], col - 1) if 0 < line <= len(lines) else None
        return found.group() if found else None

    def locate(self, path: Path_, key: bool = False) -> tuple[int, int]:
        """1-based position of the value at ``path``, or of its key when ``key`` is true.

        A path that does not exist resolves to its deepest existing ancestor.
        """
        node = self.root
        pos = (1, 1)
        for i, part in enumerate(path):
            last = i == len(path) - 1
            if isinstance(node, CommentedMap) and part in node:
                empty = node[part] is None  # `key:` with nothing after it: ruamel gives the next token's line
                line, col = node.lc.key(part) if (last and (key or empty)) else node.lc.value(part)
                if not isinstance(node[part], (CommentedMap, CommentedSeq)) or (last and key):
                    pos = (line + 1, col + 1)
                else:
                    pos = self._start(node[part], node.lc.key(part))
                node = node[part]
            elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
                line, col = node.lc.item(part)
                pos = (line + 1, col + 1)
                node = node[part]
            else:
                break
        return pos

    @staticmethod
    def _start(node: Any, key_pos: tuple[int, int]) -> tuple[int, int]:
        """A collection value is reported at its key, where the reader looks for it."""
        return key_pos[0] + 1, key_pos[1] + 1


def json_path(path: Path_) -> str:
    out = "$"
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out
