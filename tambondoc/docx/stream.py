"""Parse, finish and serialise a rendered document body a slice at a time.

docxtpl parses the whole rendered body into one lxml tree and python-docx serialises that
tree again on save. For a 5,000-project plan book the tree is half a million elements
(about 130 MB), which is what pushed a big build past 300 MB. Here the rendered XML is fed
to a pull parser; every top-level paragraph or table is finished and serialised as soon as
the next one starts, then dropped, so memory follows the largest table, not the book.

The body python-docx keeps holds only a placeholder element (and the final section
properties); ``docx.patches.attach`` makes the document part put the streamed bytes in its
place when the package is saved. A table of contents must list headings that come after it, so the
paragraphs of a TOC field stay in memory and are filled once the whole body has been read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from lxml import etree

from tambondoc.docx.ooxml import W

BODY, SECTPR, INSTRTEXT, FLDCHAR, FLDCHARTYPE, TBL = (W + t for t in ("body", "sectPr", "instrText", "fldChar",
                                                                      "fldCharType", "tbl"))
PLACEHOLDER_NS = "urn:tambondoc:streamed-body"
PLACEHOLDER_TAG = f"{{{PLACEHOLDER_NS}}}here"
PLACEHOLDER = b'<td:here xmlns:td="urn:tambondoc:streamed-body"/>'
SLICE = 1 << 16
ROWS = 200  # a table longer than this is serialised a row at a time
TOC = re.compile(r"\s*TOC\b")  # the field instruction, as docx_finish.fill_toc reads it


class Finisher(Protocol):
    """What the stream asks of the document's finishing steps (see ``docx.finish``)."""

    def prepare(self, el: Any) -> None: ...
    def headings(self, el: Any) -> list[tuple[int, str]]: ...
    def fill_toc(self, body: Any, headings: list[tuple[int, str]]) -> None: ...


@dataclass
class _Region:
    """The top-level elements of one TOC field, held until every heading has been read."""

    holder: Any
    depth: int = 0


@dataclass
class StreamedBody:
    """A body for python-docx (placeholder + section properties) and the bytes it stands for,
    in the pieces they were serialised in: the package writer compresses them one after the
    other, so the body never exists whole (a 20,000-project plan book's is 36 MB)."""

    tree: Any
    pieces: list[bytes]


def _is_toc(el: Any) -> bool:
    return any(TOC.match(instr.text or "") for instr in el.iter(INSTRTEXT))


def _field_depth(el: Any, depth: int) -> int:
    for fc in el.iter(FLDCHAR):
        kind = fc.get(FLDCHARTYPE)
        depth += 1 if kind == "begin" else -1 if kind == "end" else 0
    return depth


class _Stream:
    """The state of one body being streamed."""

    def __init__(self, finisher: Finisher) -> None:
        self.finisher = finisher
        self.root: Any = None
        self.declarations = b""
        self.pieces: list[bytes | _Region] = []
        self.region: _Region | None = None
        self.headings: list[tuple[int, str]] = []
        self.tail: list[Any] = []

    def start(self, root: Any) -> None:
        """Learn the namespace declarations lxml repeats on each top-level element it serialises.

        A probe element is put first (never last: the parser is still filling the last child).
        """
        self.root = root
        probe = etree.Element(W + "p")
        root.insert(0, probe)
        xml = etree.tostring(probe, encoding="UTF-8")
        root.remove(probe)
        self.declarations = xml[len(b"<w:p"):-len(b"/>")]

    def serialise(self, el: Any) -> bytes:
        """``el`` (and its tail) as UTF-8, serialised where it is (moving a big table to another
        parent costs lxml seconds), without the declarations its ancestors already make."""
        xml: bytes = etree.tostring(el, encoding="UTF-8")
        at = xml.find(self.declarations, 0, xml.index(b">") + 1) if self.declarations else -1
        return xml[:at] + xml[at + len(self.declarations):] if at > 0 else xml

    def serialise_rows(self, tbl: Any) -> list[bytes]:
        """A long table serialised a row at a time: the same bytes as ``serialise``, without
        the whole table's XML twice over beside its tree (a 5,000-project plan's coordination
        list is 3.3 MB of it). A table this cannot split so is serialised whole."""
        if tbl.attrib or (tbl.text or "").strip() or (tbl.tail or "").strip() or not self.declarations:
            return [self.serialise(tbl)]
        probe = etree.Element(tbl.tag)
        self.root.insert(0, probe)
        empty: bytes = etree.tostring(probe, encoding="UTF-8")
        self.root.remove(probe)
        if not empty.endswith(self.declarations + b"/>"):
            return [self.serialise(tbl)]
        name = empty[1:-len(self.declarations) - 2]
        pieces = [b"<" + name + b">" + (tbl.text or "").encode()]
        for child in tbl:
            xml: bytes = etree.tostring(child, encoding="UTF-8")
            at = xml.find(self.declarations, 0, xml.index(b">") + 1)
            if at < 0:  # a row declaring namespaces of its own: the whole table as it is
                return [self.serialise(tbl)]
            pieces.append(xml[:at] + xml[at + len(self.declarations):])
        pieces.append(b"</" + name + b">" + (tbl.tail or "").encode())
        return pieces

    def take(self, children: list[Any]) -> None:
        """Finish complete top-level elements; serialise and drop them unless a TOC field holds them."""
        for child in children:
            self.finisher.prepare(child)
            if child.tag == SECTPR:  # the last section's properties stay with python-docx
                self.root.remove(child)
                self.tail.append(child)
                continue
            if self.region is None and _is_toc(child):
                self.region = _Region(etree.Element(BODY, nsmap=self.root.nsmap))
                self.pieces.append(self.region)
            if self.region is not None:
                self.region.holder.append(child)
                self.region.depth = _field_depth(child, self.region.depth)
                if self.region.depth <= 0:
                    self.region = None
                continue
            self.headings += self.finisher.headings(child)
            self.pieces += self.serialise_rows(child) if len(child) > ROWS and child.tag == TBL else [self.serialise(child)]
            child.clear()
            self.root.remove(child)

    def content(self) -> list[bytes]:
        """The body's pieces, its TOC fields filled now that every heading is known."""
        out = []
        for piece in self.pieces:
            if isinstance(piece, _Region):
                self.finisher.fill_toc(piece.holder, self.headings)
                xml = etree.tostring(piece.holder, encoding="UTF-8")
                piece = b"" if len(piece.holder) == 0 else xml[xml.index(b">") + 1: -len(b"</w:body>")]
            out.append(piece)
        return out


def _slices(xml: str | Iterable[str]) -> Iterator[str]:
    if isinstance(xml, str):
        for start in range(0, len(xml), SLICE):
            yield xml[start:start + SLICE]
    else:
        yield from xml


def stream_body(xml: str | Iterable[str], finisher: Finisher) -> StreamedBody:
    """Parse the rendered body ``xml`` (a string, or its pieces as they are rendered) slice by
    slice, finishing each top-level element in order."""
    parser = etree.XMLPullParser(events=("start",), tag=BODY, recover=True)  # recover, as docxtpl
    stream = _Stream(finisher)
    for piece in _slices(xml):
        parser.feed(piece)
        for _, el in parser.read_events():
            stream.start(el)
        if stream.root is not None and len(stream.root) > 1:
            stream.take(list(stream.root)[:-1])  # every child but the last is complete
    root = parser.close()
    if stream.root is None:
        stream.start(root)
    stream.take(list(stream.root))
    tree = etree.Element(BODY, nsmap=stream.root.nsmap)
    tree.text = stream.root.text
    tree.append(etree.Element(PLACEHOLDER_TAG, nsmap={"td": PLACEHOLDER_NS}))
    for el in stream.tail:
        tree.append(el)
    return StreamedBody(tree, stream.content())
