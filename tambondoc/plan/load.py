"""Read a plan file into plain Python data, fast, and turn YAML failures into Problems.

Loading builds the data straight from ruamel.yaml's C parser events (``plan.events``), and
falls back to ruamel's safe loader for anything beyond plain YAML and for every error, so
messages come from ruamel. Positions are only recovered (see ``plan.positions``) when there is a
problem to report.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import ConstructorError, SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, ScalarNode
from ruamel.yaml.reader import ReaderError

from tambondoc.errors import PlanError, Problem
from tambondoc.plan import characters, thousands
from tambondoc.plan import events as yaml_events

MAX_BYTES = 10 * 1024 * 1024  # the largest plan read unless raised (LIMIT_ENV)
MOST_MB = 4096  # the most --max-plan-mb raises it to (its range in cli/app.py; not imported there: --help stays light)
MAX_NODES = 1_000_000  # expanded nodes, per MAX_BYTES of the limit
LIMIT_ENV = "TAMBONDOC_MAX_PLAN_MB"


def max_bytes() -> int:
    """The largest plan file read. A tambon's plan is far under a megabyte (a 5,000-project test
    plan is 4.5 MB), so 10 MB stops a wrong file early. ``--max-plan-mb`` raises it through
    LIMIT_ENV, which the processes of a parallel build inherit."""
    try:
        megabytes = float(os.environ.get(LIMIT_ENV) or 0)
    except ValueError:
        megabytes = 0
    # set by hand, the variable may hold anything: 'inf' was a traceback, 10^11 a MemoryError
    # (the read buffer is the limit's size); outside --max-plan-mb's range the default holds
    return int(megabytes * 1024 * 1024) if 0 < megabytes <= MOST_MB else MAX_BYTES


def max_nodes() -> int:
    """Expanded nodes allowed (an alias bomb's guard), grown with the size limit."""
    return MAX_NODES * max(1, max_bytes() // MAX_BYTES)


class PlanConstructor(SafeConstructor):
    """Safe constructor that keeps dates as text (years are พ.ศ., not C.E.)."""

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        """ruamel checks no key of a mapping that has a merge key ('<<'), so a key written twice
        there kept its last value without a word; the mapping's own keys are checked here."""
        if isinstance(node, MappingNode):
            self.flatten_mapping(node)
            merged = getattr(node, "merge", None)
            if merged is not None:
                own: dict[Any, Any] = {}
                for key_node, value_node in node.value[len(merged):]:
                    key = self.construct_object(key_node, deep=True)
                    value = value_node.value if isinstance(value_node, ScalarNode) else "..."
                    if isinstance(key, Hashable) and self.check_mapping_key(node, key_node, own, key, value):
                        own[key] = value
        return super().construct_mapping(node, deep=deep)


PlanConstructor.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda self, node: self.construct_scalar(node)
)
# YAML's other standard types are no plan's data: bytes, sets and pair lists would reach the
# checks and the JSON reports as types nothing there handles; they are tags the user must remove
for _tag in ("binary", "set", "omap", "pairs"):
    PlanConstructor.add_constructor(f"tag:yaml.org,2002:{_tag}", SafeConstructor.construct_undefined)


def _fast_yaml() -> YAML:
    yaml = YAML(typ="safe", pure=False)
    yaml.Constructor = PlanConstructor
    return yaml


YAML_RULE = "yaml"  # the rule id of what reading a file finds: CI annotations and JSON name a rule for every problem


def _fail(name: str, message: str, line: int = 1, column: int = 1) -> PlanError:
    return PlanError.at(Problem(name, line, column, message, rule=YAML_RULE))


TOO_BIG = ("แผนหนึ่งตำบลไม่ควรใหญ่ขนาดนี้ ตรวจสอบว่าเลือกไฟล์ถูกต้อง "
           "(ถ้าตั้งใจ เช่นแผนทดสอบขนาดใหญ่ เพิ่มขีดจำกัดด้วย --max-plan-mb)")


def read_bytes(path: Path) -> bytes:
    """A plan file's bytes, once: what is validated is what is digested and rewritten."""
    name, limit = str(path), max_bytes()
    try:
        size = path.stat().st_size
        if size > limit:
            raise _fail(name, f"ไฟล์ใหญ่เกินไป ({size:,} ไบต์ เกิน {limit:,}) " + TOO_BIG)
        # opened without blocking: a FIFO nobody writes to would block open() forever; then
        # read as usual (a FIFO without a writer reads as empty, one with a writer is read)
        nonblock = getattr(os, "O_NONBLOCK", 0)  # not on Windows, which has no FIFOs to open
        fd = os.open(path, os.O_RDONLY | nonblock)
        with os.fdopen(fd, "rb") as f:
            if nonblock:
                os.set_blocking(fd, True)
            raw = f.read(limit + 1)  # the file may grow between stat and read
    except OSError as e:
        raise _fail(name, f"เปิดไฟล์ไม่ได้: {e.strerror or e}") from e
    if len(raw) > limit:
        raise _fail(name, f"ไฟล์ใหญ่เกินไป (เกิน {limit:,} ไบต์) " + TOO_BIG)
    return raw


def decode(raw: bytes, name: str) -> str:
    """Plan bytes as text: UTF-8 (BOM and CRLF allowed) with '\n' line ends, or PlanError at the line."""
    if characters.is_utf16(raw):
        raise _fail(name, "ไฟล์บันทึกเป็น Unicode (UTF-16) ซึ่งอ่านไม่ได้ ให้เปิดไฟล์แล้วบันทึกใหม่เป็นการเข้ารหัส UTF-8 "
                    "(ใน Notepad: เลือก Save As แล้วเลือก Encoding เป็น UTF-8)")
    if kind := characters.binary_kind(raw):
        raise _fail(name, f"ไฟล์นี้เป็น{kind} ไม่ใช่ไฟล์แผน (ไฟล์ข้อความ .yaml) ตรวจว่าเลือกไฟล์ถูก")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        before = raw[: e.start + 1].replace(b"\r\n", b"\n").replace(b"\r", b"\n")  # any line end counts
        line = before.count(b"\n", 0, -1) + 1
        start = before.rfind(b"\n", 0, -1) + 1
        col = next((i for i, b in enumerate(before[start:]) if b >= 0x80), 0) + 1
        raise _fail(name, "ไฟล์ไม่ใช่ UTF-8 (อาจบันทึกเป็น Windows-874/TIS-620) "
                    "ให้เปิดไฟล์แล้วบันทึกใหม่เป็นการเข้ารหัส UTF-8", line, col) from e
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path) -> str:
    """Read a plan as UTF-8 (BOM and CRLF allowed) or raise PlanError naming the line."""
    return decode(read_bytes(path), str(path))


@dataclass(frozen=True)
class Newlines:
    """A file's own conventions, kept when a tool writes it back: its line end (LF, CRLF, or CR
    alone as old Mac editors write), a BOM."""

    end: str = "\n"
    bom: bool = False

    @classmethod
    def of(cls, raw: bytes) -> Newlines:
        """CRLF if the file has one; CR alone if it has a CR and no LF at all; else LF."""
        end = "\r\n" if b"\r\n" in raw else "\r" if b"\r" in raw and b"\n" not in raw else "\n"
        return cls(end=end, bom=raw.startswith(codecs.BOM_UTF8))

    def encode(self, text: str) -> bytes:
        """``text`` ('\n' line ends) in this convention."""
        if self.end != "\n":
            text = text.replace("\n", self.end)
        return (codecs.BOM_UTF8 if self.bom else b"") + text.encode("utf-8")


_HINTS: list[tuple[str, str]] = [
    (r"found character '\\t'|found character '\t'|found a tab character",
     "ใช้แท็บ (Tab) ย่อหน้าไม่ได้ ให้ใช้ช่องว่าง (เว้นวรรค) แทน"),
    (r"but found another document", "ไฟล์แผนมีได้เอกสารเดียว บรรทัด --- นี้เริ่มเอกสารที่สอง (เช่น วางแผนอีกฉบับต่อท้าย) "
     "ให้ลบบรรทัดนี้ หรือย้ายสิ่งที่ตามมาไปไว้อีกไฟล์"),
    (r"found duplicate key", "คีย์ซ้ำในระดับเดียวกัน ให้ลบหรือเปลี่ยนชื่อคีย์ที่ซ้ำ"),
    (r"while scanning a quoted scalar", "เครื่องหมายคำพูดเปิดแล้วไม่ได้ปิด ให้ใส่ \" หรือ ' ปิดท้ายข้อความ"),
    (r"mapping values are not allowed", "ย่อหน้าไม่ถูกต้อง หรือมี ': ' ในข้อความ (ให้ครอบข้อความด้วย \"...\")"),
    (r"could not find expected ':'", "ขาดเครื่องหมาย ':' หลังชื่อคีย์ หรือย่อหน้าไม่ตรงกัน"),
    (r"expected <block end>, but found", "ย่อหน้าไม่ตรงกับบรรทัดก่อนหน้า ให้จัดช่องว่างหน้าบรรทัดให้ตรงกัน"),
    (r"could not determine a constructor for the tag", "ใช้แท็ก YAML (!...) ไม่ได้ ใส่ได้เฉพาะข้อความ ตัวเลข รายการ และคีย์"),
    (r"found undefined alias", "อ้างถึง alias (*) ที่ไม่มี anchor (&) ให้ตรวจชื่อ"),
    (r"while parsing a flow", "วงเล็บ [ ] หรือ { } เปิดแล้วไม่ได้ปิด หรือขาดเครื่องหมาย ,"),
]


def _hint(text: str) -> str:
    for pattern, hint in _HINTS:
        if re.search(pattern, text):
            return hint
    return "แก้ไขรูปแบบ YAML ตรงตำแหน่งนี้"


_OPEN_QUOTE = re.compile(r"""^\s*(?:-\s+)?[^#'"\s][^#:]*:\s+(["'])(.*)$|^\s*-\s+(["'])(.*)$""")


def _unclosed_quote(lines: list[str], before: int) -> tuple[int, int] | None:
    """Find a line (before the parser's complaint) whose quoted value never closes.

    The parser only notices an unclosed quote where the next quote happens to be, often
    hundreds of lines later; the user needs the line where the quote was opened.
    """
    for number, line in enumerate(lines[:before], 1):
        m = _OPEN_QUOTE.match(line)
        if not m:
            continue
        quote, rest = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        body = rest.replace('\\\\', "").replace('\\"', "") if quote == '"' else rest.replace("''", "")
        if quote not in body:
            return number, line.index(quote) + 1
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _over_indented(lines: list[str], line: int) -> int | None:
    """The line whose indentation is off, when the parser complains at a later sibling.

    'did not find expected key' is raised at the sibling after the block; the user's
    mistake is the block's first line, indented deeper than the key it belongs under.
    """
    content = [i for i in range(line - 1) if lines[i].strip() and not lines[i].lstrip().startswith("#")]
    if not content or line > len(lines):
        return None
    here = _indent(lines[line - 1])
    run = []
    for i in reversed(content):
        if _indent(lines[i]) <= here:
            parent = i
            break
        run.append(i)
    else:
        return None
    if run and _indent(lines[parent]) < here and lines[parent].rstrip().endswith(":"):
        return run[-1] + 1
    if not run and _indent(lines[parent]) < here and not lines[parent].rstrip().endswith(":"):
        return parent + 1  # the previous key is the one indented less than its siblings
    return None


def yaml_problem(name: str, err: YAMLError, text: str = "") -> Problem:
    """Turn a ruamel error into a Problem at the offending line and column."""
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    detail = str(getattr(err, "problem", None) or str(err).splitlines()[0])
    if "found duplicate key" in detail and (number := thousands.covering(text, line, col)):
        from tambondoc.plan.positions import json_path  # positions reads plans through this module

        return Problem(name, number.line, number.column, number.hint, json_path(number.path), rule="schema")
    lines = text.split("\n")
    hint = _hint(str(err))
    if isinstance(err, ReaderError) and (unacceptable := characters.unacceptable(text)):
        line, col, hint = unacceptable
    elif isinstance(err, MarkedYAMLError) and (space := characters.misplaced_space(text, line, col)):
        line, col, hint = space
    elif 0 < line <= len(lines) and "\t" in lines[line - 1][: col + 1] and "cannot start any token" in detail:
        hint = _hint("found character '\t'")
    elif isinstance(err, MarkedYAMLError) and (found := _unclosed_quote(lines, line)):
        line, col = found
        hint = _hint("while scanning a quoted scalar")
    elif str(getattr(err, "context", "")).startswith("while parsing a flow") and \
            (opened := getattr(err, "context_mark", None)) is not None:
        # the parser notices a missing ']' or '}' where the next line starts; the bracket to
        # close is where the flow collection was opened
        line, col = opened.line + 1, opened.column + 1
        hint = "วงเล็บ [ หรือ { ที่เปิดตรงนี้ยังไม่ได้ปิด หรือขาดเครื่องหมาย , ระหว่างค่า"
    elif "expected key" in detail and (start := _over_indented(lines, line)):
        line, col = start, _indent(lines[start - 1]) + 1
        hint = "ย่อหน้าไม่ตรงกับคีย์อื่นในระดับเดียวกัน ให้จัดช่องว่างหน้าบรรทัดให้ตรงกัน"
    return Problem(name, line, col, f"YAML ไม่ถูกต้อง: {hint} [{detail}]", rule=YAML_RULE)


class Cycle(ValueError):
    """The data contains itself: an alias (*) used inside the node its anchor (&) names."""


def expanded_size(data: Any) -> int:
    """How many nodes a reader walking the data would visit, aliases expanded.

    Memoised per shared object, so a "billion laughs" file is measured in linear time
    instead of being expanded. A node that contains itself raises ``Cycle``: every walk over
    it (the checks, the documents, the diff) would never end.
    """
    memo: dict[int, int] = {}
    open_nodes: set[int] = set()

    def size(node: Any) -> int:
        if not isinstance(node, (dict, list)):
            return 1
        key = id(node)
        if key in open_nodes:
            raise Cycle()
        if key not in memo:
            open_nodes.add(key)
            children = node.values() if isinstance(node, dict) else node
            memo[key] = 1 + sum(size(child) for child in children)
            open_nodes.discard(key)
        return memo[key]

    return size(data)


def _recursive_alias(text: str) -> tuple[int, int]:
    """Where the first alias to a node that is still open (its own ancestor) is: line, column."""
    open_anchors: list[str | None] = []
    try:
        for event in YAML(typ="safe", pure=True).parse(text):
            kind = type(event).__name__
            if kind in ("MappingStartEvent", "SequenceStartEvent"):
                open_anchors.append(event.anchor)
            elif kind in ("MappingEndEvent", "SequenceEndEvent"):
                open_anchors.pop()
            elif kind == "AliasEvent" and event.anchor in open_anchors:
                return event.start_mark.line + 1, event.start_mark.column + 1
    except (YAMLError, IndexError):
        pass
    return 1, 1


def _check_size(data: Any, name: str, text: str) -> None:
    """Refuse alias bombs and self-containing data before anything walks the expanded tree.
    Without an alias ('*') there is neither, and every node takes a character of the text."""
    most = max_nodes()
    if "*" not in text and len(text) <= most:
        return
    try:
        size = expanded_size(data)
    except Cycle as e:
        line, col = _recursive_alias(text)
        raise _fail(name, "alias (*) อ้างถึง anchor (&) ของข้อมูลที่ตัวเองอยู่ข้างใน ทำให้ข้อมูลซ้อนกันไม่รู้จบ "
                    "ให้เขียนข้อมูลตรง ๆ แทน alias นี้", line, col) from e
    if size > most:
        raise _fail(name, f"แผนมีข้อมูลซ้อนกันมากเกินไป (เกิน {most:,} รายการเมื่อขยาย alias) "
                    "อาจเกิดจาก anchor/alias (& และ *) ที่ขยายตัวซ้ำ ๆ ให้เขียนข้อมูลตรง ๆ แทน")


def _parse(text: str) -> Any:
    """The fast event builder when the document allows it, else ruamel's safe loader."""
    try:
        return yaml_events.load(text)
    except yaml_events.Unsupported:
        yaml_events.check_depth(text)
        return _fast_yaml().load(text)


EMPTY = ("ไฟล์ไม่มีข้อมูล (ว่างเปล่า หรือมีแต่ความเห็น #) ตรวจว่าเลือกไฟล์ถูกและบันทึกไฟล์แล้ว "
         "(แผนใหม่สร้างได้ด้วย tambondoc new)")


def load_text(text: str, name: str) -> Any:
    """Parse YAML text into dicts, lists and scalars or raise PlanError with one Problem.

    A file without data (empty, only comments, or '~') is refused here, once for every command:
    the schema called it 'null where a mapping must be', and fmt an alias's doing."""
    try:
        data = _parse(text)
    except (YAMLError, ConstructorError) as e:
        problem = yaml_problem(name, e, text)
        raise PlanError.at(problem) from e
    except yaml_events.BadNumber as e:
        raise _fail(name, f"'{e.value}' ไม่ใช่ตัวเลขที่ถูกต้อง ให้แก้เป็นตัวเลข "
                    "หรือครอบด้วยเครื่องหมายคำพูดถ้าเป็นข้อความ", e.line, e.column) from e
    except ValueError as e:  # the same mistake, met by ruamel's loader (which has no position)
        raise _fail(name, f"มีค่าที่ดูเหมือนตัวเลขแต่ไม่ใช่ตัวเลขที่ถูกต้อง ({e}) "
                    "ให้แก้เป็นตัวเลข หรือครอบด้วยเครื่องหมายคำพูดถ้าเป็นข้อความ") from e
    except yaml_events.TooDeep as e:
        raise _fail(name, f"ข้อมูลซ้อนกันลึกเกินไป (วงเล็บหรือย่อหน้าเกิน {yaml_events.MAX_DEPTH} ชั้น) "
                    "แผนซ้อนกันไม่เกิน 6 ชั้น ให้ตรวจวงเล็บ [ { และย่อหน้าตรงนี้", e.line, e.column) from e
    except RecursionError as e:
        raise _fail(name, "ข้อมูลซ้อนกันลึกเกินไป ให้ลดระดับการซ้อน") from e
    if data is None:
        raise _fail(name, EMPTY)
    try:
        _check_size(data, name, text)
    except RecursionError as e:
        raise _fail(name, "ข้อมูลซ้อนกันลึกเกินไป ให้ลดระดับการซ้อน") from e
    return data


def load_plan(path: Path) -> tuple[str, Any]:
    """Return the plan's text and data; errors name the file, line and column."""
    text = read_text(path)
    return text, load_text(text, str(path))
