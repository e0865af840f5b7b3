"""Build plain Python data straight from the C parser's event stream.

ruamel.yaml's safe loader first composes the whole document into a node graph, then walks
it in Python with a versioned resolver: about 40 ms for a typical plan and 140 MB for a
5,000-project one. A plan is plain mappings, sequences and scalars, so this module builds
those directly from libyaml's events, resolving plain scalars the way ruamel does for YAML
1.2 (dates stay text, as in ``loader.PlanConstructor``).

Anything outside that subset raises ``Unsupported`` before any data is returned: explicit
tags, merge keys, duplicate or non-scalar keys, directives, several documents, and every
parse error. The loader then runs ruamel's own safe loader, which gives the exact result
or the exact error message, so both paths agree by construction on everything they share.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ruamel.yaml.error import YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from ruamel.yaml.resolver import implicit_resolvers

try:
    from _ruamel_yaml import (
        CParser,  # ruamel.yaml.clib; without it every plan takes ruamel's path
    )
except ImportError:  # pragma: no cover - CPython wheels exist for every supported platform
    CParser = None


class Unsupported(Exception):
    """The document needs ruamel's full loader (or holds an error it should report)."""


class BadNumber(ValueError):
    """A plain value that YAML reads as a number but that is not one ('0x_', '+_', '._').

    ruamel's constructor crashes on these with a bare ValueError; here the value's position
    is known, so the user is told where it is.
    """

    def __init__(self, value: str, line: int, column: int) -> None:
        super().__init__(value)
        self.value, self.line, self.column = value, line, column


class TooDeep(Exception):
    """Collections nested deeper than any plan needs (MAX_DEPTH): every walk over the data
    (the schema check, the documents, the diff) recurses once a level and would overflow."""

    def __init__(self, line: int, column: int) -> None:
        super().__init__(line, column)
        self.line, self.column = line, column


MAX_DEPTH = 32  # a plan nests 6 deep, its schema 11


def _too_deep(event: Any) -> TooDeep:
    mark = event.start_mark
    return TooDeep(mark.line + 1, mark.column + 1)


def check_depth(text: str) -> None:
    """Raise TooDeep at the first collection opened deeper than MAX_DEPTH, for documents the
    event builder leaves to ruamel (whose composer recurses too). Parse errors are ruamel's to
    report, so they end the scan without a word."""
    depth = 0
    try:
        for event in parse_events(text):
            if isinstance(event, (MappingStartEvent, SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _too_deep(event)
            elif isinstance(event, (MappingEndEvent, SequenceEndEvent)):
                depth -= 1
    except YAMLError:
        return


def _resolvers_1_2() -> dict[str, list[tuple[str, Any]]]:
    """ruamel's own implicit resolvers for YAML 1.2, by first character. ruamel wraps each
    pattern in a LazyEval proxy that compiles it on first use and forwards every attribute
    through Python: compiled here once, a plan loads about 10 % faster (21.6 → 19.5 ms)."""
    table: dict[str, list[tuple[str, Any]]] = {}
    for versions, tag, regexp, first in implicit_resolvers:
        if (1, 2) in versions:
            compiled = re.compile(regexp.pattern, regexp.flags)
            for ch in first:
                table.setdefault(ch, []).append((tag.rsplit(":", 1)[-1], compiled))
    return table


_RESOLVERS = _resolvers_1_2()
NAN = float("nan")
_PLAIN_TEXT = re.compile(r"[^-+0-9.~nNtTfF<=!&*]")  # a first character no resolver claims


def _int(value: str) -> int:
    text = value.replace("_", "")
    sign = -1 if text[0] == "-" else 1
    text = text.lstrip("+-")
    for prefix, base in (("0b", 2), ("0x", 16), ("0o", 8)):
        if text.startswith(prefix):
            return sign * int(text[2:], base)
    return sign * int(text)


def _float(value: str) -> float:
    text = value.replace("_", "").lower()
    sign = -1 if text[0] == "-" else 1
    text = text.lstrip("+-")
    if text == ".inf":
        return sign * float("inf")
    if text == ".nan":
        return NAN  # one object, as ruamel's: two .nan keys are the same key to both loaders
    return sign * float(text)


def _plain(value: str) -> Any:
    """A plain (unquoted) scalar as YAML 1.2 reads it."""
    if value and _PLAIN_TEXT.match(value):
        return value
    for kind, regexp in _RESOLVERS.get(value[:1], ()):
        if regexp.match(value):
            if kind == "int":
                return _int(value)
            if kind == "float":
                return _float(value)
            if kind == "bool":
                return value.lower() == "true"
            if kind == "null":
                return None
            if kind == "timestamp":
                return value
            raise Unsupported(kind)  # merge key '<<' or value key '='
    return value


def _scalar(event: Any) -> Any:
    if event.tag is not None:
        raise Unsupported("explicit tag")
    if not event.implicit[0]:
        return event.value
    try:
        return _plain(event.value)
    except ValueError as e:
        mark = event.start_mark
        raise BadNumber(event.value, mark.line + 1, mark.column + 1) from e


def _new_anchor(anchors: dict[str, Any], name: str) -> None:
    if name in anchors:
        raise Unsupported("anchor defined twice")  # ruamel refuses it; let it say so


def parse_events(text: str) -> Iterator[Any]:
    """The parser's events up to the stream's end: libyaml's, or ruamel's pure parser's where
    ruamel.yaml.clib is missing (slower: 6 s for a 5,000-project plan). A plain scalar's style is
    empty in both: libyaml gives '', ruamel None."""
    if CParser is None:  # pragma: no cover - CPython wheels of ruamel.yaml.clib exist everywhere
        from ruamel.yaml import YAML

        yield from YAML(typ="safe", pure=True).parse(text)
        return
    parser = CParser(text)
    while not isinstance(event := parser.get_event(), StreamEndEvent):
        yield event


def load(text: str) -> Any:
    """The single document in ``text`` as dicts, lists and scalars; raises Unsupported."""
    if CParser is None:
        raise Unsupported("ruamel.yaml.clib is not installed")
    try:
        return _build(CParser(text))
    except YAMLError as e:
        raise Unsupported("parse error") from e


def _build(parser: Any) -> Any:
    """The document's data. Equal texts come back as one object: the parser gives each key and
    value a string of its own, and a plan repeats its keys (and many values: agencies, places,
    statuses) in every project; 11 MB of strings in a 5,000-project plan were 1 MB once shared."""
    anchors: dict[str, Any] = {}
    texts: dict[str, str] = {}
    building: set[str] = set()
    # each open collection: [container, pending key or _NO_KEY, anchor]
    stack: list[list[Any]] = []
    root: Any = None
    documents = 0
    while True:
        event = parser.get_event()
        kind = type(event)
        if kind is ScalarEvent:
            value, done = _scalar(event), True
            if type(value) is str:
                value = texts.setdefault(value, value)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.tag is not None:
                raise Unsupported("explicit tag")
            if len(stack) >= MAX_DEPTH:
                raise _too_deep(event)
            container: Any = {} if kind is MappingStartEvent else []
            if event.anchor is not None:
                _new_anchor(anchors, event.anchor)
                anchors[event.anchor] = container
                building.add(event.anchor)
            stack.append([container, _NO_KEY, event.anchor])
            continue
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            value, pending, anchor = stack.pop()
            if pending is not _NO_KEY:
                raise Unsupported("unbalanced mapping")
            building.discard(anchor)
            done = False
        elif kind is AliasEvent:
            if event.anchor not in anchors or event.anchor in building:
                raise Unsupported("undefined or recursive alias")
            value, done = anchors[event.anchor], False
        elif kind is DocumentStartEvent:
            documents += 1
            if documents > 1 or event.version is not None or event.tags:
                raise Unsupported("directive or second document")
            continue
        elif kind is StreamEndEvent:
            return root
        else:
            continue
        if done and event.anchor is not None:
            _new_anchor(anchors, event.anchor)
            anchors[event.anchor] = value
        if not stack:
            root = value
            continue
        top = stack[-1]
        container = top[0]
        if type(container) is list:
            container.append(value)
        elif top[1] is _NO_KEY:
            if isinstance(value, (dict, list)) or value in container:
                raise Unsupported("complex or duplicate key")
            top[1] = value
        else:
            container[top[1]] = value
            top[1] = _NO_KEY


_NO_KEY = object()
