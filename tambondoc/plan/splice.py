"""Apply a round-trip edit to the plan's own text, so lines ruamel would re-space stay as written.

ruamel reproduces most files exactly, but not every hand-made spacing ('key:   value',
'{ a: 1 }', odd comment columns). Rather than let an import rewrite such lines, the change
is computed between two dumps (before and after the edit) and only those hunks are applied
to the original text, at the lines that correspond.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from tambondoc.errors import PlanError
from tambondoc.plan.load import load_text


def _mapping(original: list[str], before: list[str]) -> dict[int, int]:
    """before-line index -> original-line index: lines equal but for blanks, and lines written
    differently in a stretch of the same length (the same lines, spelled differently)."""
    found = {}
    squeeze = ["".join(line.split()) for line in original], ["".join(line.split()) for line in before]
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, *squeeze, autojunk=False).get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for k in range(j2 - j1):
                found[j1 + k] = i1 + k
    return found


def spliced(original: str, before: str, after: str, name: str) -> str | None:
    """``splice``, kept only when the result reads as the same plan as ``after``; None when the
    file's own layout defeated it (the caller refuses rather than write a different plan)."""
    text = splice(original, before, after)
    try:
        return text if load_text(text, name) == load_text(after, name) else None
    except PlanError:
        return None


def splice(original: str, before: str, after: str) -> str:
    """``original`` with the edits that turn ``before`` into ``after``.

    Each changed stretch of ``before`` is located in ``original`` by its own lines, or by
    the lines beside it; where neither side has a counterpart the stretch is widened.
    """
    if original == before:
        return after
    o, a, b = original.splitlines(True), before.splitlines(True), after.splitlines(True)
    amap = _mapping(o, a)
    hunks: list[list[int]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        while i1 > 0 and i1 not in amap and i1 - 1 not in amap:
            i1, j1 = i1 - 1, j1 - 1
        while i2 < len(a) and i2 - 1 not in amap and i2 not in amap:
            i2, j2 = i2 + 1, j2 + 1
        if hunks and i1 <= hunks[-1][1]:
            hunks[-1][1], hunks[-1][3] = max(hunks[-1][1], i2), max(hunks[-1][3], j2)
        else:
            hunks.append([i1, i2, j1, j2])
    out: list[str] = []
    at = 0
    for i1, i2, j1, j2 in hunks:
        o1, o2 = _span(amap, i1, i2, len(o))
        out += o[at:o1] + b[j1:j2]
        at = o2
    return "".join(out + o[at:])


def _span(amap: dict[int, int], i1: int, i2: int, size: int) -> tuple[int, int]:
    """The lines of the original that before-lines [i1, i2) stand for."""
    def start() -> int:
        if i1 in amap and i1 < i2:
            return amap[i1]
        return amap[i1 - 1] + 1 if i1 - 1 in amap else (amap.get(i1, 0))

    def end() -> int:
        if i2 - 1 in amap and i1 < i2:
            return amap[i2 - 1] + 1
        return amap[i2] if i2 in amap else (amap[i2 - 1] + 1 if i2 - 1 in amap else size)

    if i1 == i2:  # a pure insertion goes right before the line that follows it
        at = amap[i2] if i2 in amap else (amap[i1 - 1] + 1 if i1 - 1 in amap else size)
        return at, at
    return start(), end()
