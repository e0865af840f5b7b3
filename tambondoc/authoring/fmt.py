"""One canonical layout for plan files, so diffs in review show content, not whitespace.

Layout (indentation, quoting) comes from ruamel's round-trip dumper. Key order follows the
schema's ``properties`` order; block mappings are reordered as line chunks, so a comment
travels with the key it sits above. The result is checked before anyone writes it: the same
data (as ``plan.load`` reads it) and the same comments, or a PlanError instead of a lossy file.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

from tambondoc.errors import PlanError, Problem
from tambondoc.files import write_atomic
from tambondoc.plan.aliases import shared_in
from tambondoc.plan.load import Newlines, decode, load_text, read_bytes, yaml_problem
from tambondoc.plan.roundtrip import rt_yaml
from tambondoc.plan.schema import schema


def _yaml() -> YAML:
    yaml = rt_yaml()
    yaml.preserve_quotes = False  # quote only where YAML needs it
    return yaml


def _load(text: str, name: str) -> CommentedMap:
    try:
        data = _yaml().load(text)
    except YAMLError as e:
        problem = yaml_problem(name, e, text)
        raise PlanError.at(problem) from e
    except RecursionError as e:
        raise PlanError(f"{name}: ข้อมูลซ้อนกันลึกเกินไป ให้ลดระดับการซ้อน") from e
    if not isinstance(data, CommentedMap) or not data:
        raise _not_a_plan(name)
    return data


def refusal(name: str, place: tuple[int, int], message: str, rule: str = "fmt") -> PlanError:
    """A refusal to rewrite a plan, as a problem line like every other ('file:line:col: error: ...'),
    so reporters and editors place it."""
    return PlanError.at(Problem(name, place[0], place[1], message, rule=rule))


def _not_a_plan(name: str) -> PlanError:
    return refusal(name, (1, 1), "ไม่ใช่ไฟล์แผน (ระดับบนสุดต้องเป็นชุดคีย์ เช่น schema_version: 1) จึงจัดรูปแบบไม่ได้")


def _dump(data: Any) -> str:
    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_comment(line: str) -> bool:
    return line.lstrip(" ").startswith("#")


def is_loose(line: str, col: int) -> bool:
    """A blank line, or a comment no deeper than ``col``: it belongs to what follows."""
    return not line.strip() or (_is_comment(line) and _indent(line) <= col)


def _holds_lines(value: Any) -> bool:
    """Whether a value spans indented lines of its own, which a deeper comment may belong to."""
    return _is_block(value) or isinstance(value, (LiteralScalarString, FoldedScalarString))


def _is_block(node: Any) -> bool:
    return isinstance(node, (CommentedMap, CommentedSeq)) and len(node) > 0 and not node.fa.flow_style()


def _child_schema(node: dict[str, Any] | None, key: Any) -> dict[str, Any] | None:
    if not isinstance(node, dict):
        return None
    if isinstance(key, int):
        return node.get("items") if isinstance(node.get("items"), dict) else None
    found = node.get("properties", {}).get(str(key))
    return found if isinstance(found, dict) else None


def _order(keys: list[Any], node: dict[str, Any] | None) -> list[Any]:
    known = list(node.get("properties", {})) if isinstance(node, dict) else []
    rank = {k: i for i, k in enumerate(known)}
    return sorted(keys, key=lambda k: (rank.get(str(k), len(known)), keys.index(k)))


def _region(node: Any, sch: dict[str, Any] | None, lines: list[str], a: int, b: int, top: bool = False) -> list[str]:
    """The lines [a, b) holding ``node``, with every block mapping inside in schema order."""
    if isinstance(node, CommentedMap) and _is_block(node):
        return _mapping(node, sch, lines, a, b, top)
    if isinstance(node, CommentedSeq) and _is_block(node):
        starts = [node.lc.item(i)[0] for i in range(len(node))]
        out = lines[a : starts[0]]
        for i, item in enumerate(node):
            end = starts[i + 1] if i + 1 < len(node) else b
            out += _region(item, _child_schema(sch, i), lines, starts[i], end)
        return out
    return lines[a:b]


def _mapping(node: CommentedMap, sch: dict[str, Any] | None, lines: list[str], a: int, b: int, top: bool) -> list[str]:
    keys = list(node)
    at = [node.lc.key(k)[0] for k in keys]
    col = node.lc.key(keys[0])[1]
    starts = []
    depth = [col if _holds_lines(node[k]) else 10**9 for k in keys]  # after a one-line value, any comment is loose
    for i, line in enumerate(at):
        floor = a if i == 0 else at[i - 1] + 1
        s = line
        while s > floor and is_loose(lines[s - 1], col if i == 0 else depth[i - 1]):
            s -= 1
        if i == 0 and top:  # the file's header stays on top, unless a blank line parts it from the key
            blanks = [j for j in range(a, line) if not lines[j].strip()]
            s = blanks[-1] + 1 if blanks else line
        starts.append(s)
    tail = b
    while tail > at[-1] + 1 and is_loose(lines[tail - 1], depth[-1]):
        tail -= 1
    ends = starts[1:] + [tail]
    prefix = lines[at[0]][:col]
    chunks: dict[Any, list[str]] = {}
    for k, s, line, e in zip(keys, starts, at, ends):
        lead = [" " * col + x.lstrip(" ") if _is_comment(x) else x for x in lines[s:line]]
        key_line = " " * col + lines[line][col:]
        chunks[k] = lead + [key_line] + _region(node[k], _child_schema(sch, k), lines, line + 1, e)
    order = _order(keys, sch)
    first = chunks[order[0]]
    first_at = at[keys.index(order[0])] - starts[keys.index(order[0])]
    first[first_at] = prefix + first[first_at][col:]
    out = lines[a : starts[0]]
    for k in order:
        out += chunks[k]
    return out + lines[tail:b]


def _order_flow(node: Any, sch: dict[str, Any] | None) -> None:
    """Flow mappings ({a: 1, b: 2}) are reordered in the data: they carry no comments."""
    if isinstance(node, CommentedMap):
        if node.fa.flow_style() and not node.ca.items and not node.ca.comment:
            for k in _order(list(node), sch):
                node.move_to_end(k)
        for k, v in node.items():
            _order_flow(v, _child_schema(sch, k))
    elif isinstance(node, CommentedSeq):
        for i, v in enumerate(node):
            _order_flow(v, _child_schema(sch, i))


def comments(text: str) -> Counter[str]:
    """Every comment in the text as the scanner sees it (before any tree could drop one)."""
    found: Counter[str] = Counter()

    def take(c: Any) -> None:
        if isinstance(c, list):
            for x in c:
                take(x)
        elif c is not None and hasattr(c, "value"):
            found.update(x.strip() for x in c.value.split("\n") if x.strip().startswith("#"))

    try:
        for token in rt_yaml().scan(text):
            take(getattr(token, "_comment", None))
    except YAMLError:
        pass
    return found


def comment_place(text: str, comment: str) -> tuple[int, int]:
    """(line, column) where ``comment`` is written in ``text``: a refusal to lose it points the
    editor there (the file's start if it cannot be found)."""
    for number, line in enumerate(text.split("\n"), 1):
        if (at := line.find(comment)) >= 0:
            return number, at + 1
    return 1, 1


_START = re.compile(r"^---(?:[ \t]+#.*)?[ \t]*$")


def split_start(text: str) -> tuple[str, str]:
    """(header, body): the lines up to an explicit document start '---' (comments, blank lines,
    the yaml-language-server modeline, directives), kept as written, and the document after it.

    ruamel drops every comment above '---' when it dumps; the header is not the layout's business.
    """
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if _START.match(line):
            return "\n".join(lines[: i + 1]) + "\n", "\n".join(lines[i + 1:])
        if line.strip() and not line.lstrip().startswith(("#", "%")):
            break
    return "", text


def _canonical(text: str, name: str) -> str:
    data = _load(text, name)
    _order_flow(data, schema())
    lines = _dump(data).split("\n")
    return "\n".join(_region(_load("\n".join(lines), name), schema(), lines, 0, len(lines), top=True))


def format_text(text: str, name: str) -> str:
    """The canonical text of a plan; PlanError if a key, value or comment would be lost."""
    before = load_text(text, name)  # first: its errors have positions for every YAML mistake
    if not isinstance(before, dict) or not before:  # said as it is, not as data the layout would change
        raise _not_a_plan(name)
    header, body = split_start(text)
    try:
        result = header + _canonical(body, name)
        after = load_text(result, name)
    except (PlanError, KeyError, IndexError) as e:  # e.g. an alias moved above its anchor, merged keys
        raise _changed(text, name) from e
    stripped = "\n".join(line.rstrip() for line in result.split("\n"))  # ruamel writes "- " for an empty item
    if stripped != result and load_text(stripped, name) == after:
        result = stripped
    lost = comments(text) - comments(result)
    if lost:
        comment = next(iter(lost))
        raise refusal(name, comment_place(text, comment), f"จัดรูปแบบแล้วความเห็น (comment) จะหาย: {comment} "
                      "(เช่น ความเห็นภายใน [ ] หรือ { }) ให้ย้ายความเห็นไปไว้บรรทัดของตัวเองแล้วลองใหม่")
    if after != before:
        raise _changed(text, name)
    return result


def _changed(text: str, name: str) -> PlanError:
    """The refusal of a layout that would change the data, at the plan's first alias if it has one."""
    first = shared_in(text, [()])
    return refusal(name, (first.line, first.column) if first else (1, 1),
                   "จัดรูปแบบแล้วข้อมูลจะเปลี่ยน จึงไม่แก้ไฟล์ (เกิดจาก anchor/alias & * หรือ << "
                   "หรือข้อความหลายบรรทัดแบบ |+) ให้เขียนข้อมูลตรง ๆ แทนแล้วลองใหม่")


def format_file(path: Path, check: bool = False) -> bool:
    """Format one plan file in place (atomically); True if it changed or, with check, would change.

    The file keeps its line ends (LF, CRLF or CR alone) and its BOM: they are the editor's, not the layout's.
    A symlinked plan is rewritten where the link points, with its mode and owner.
    """
    raw = read_bytes(path)
    result = Newlines.of(raw).encode(format_text(decode(raw, str(path)), str(path)))
    changed = raw != result
    if changed and not check:
        write_atomic(path, result, follow_link=True, unchanged=raw)
    return changed
