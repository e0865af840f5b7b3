"""The two places tambondoc changes how docxtpl and python-docx work, kept here and tested
(``tests/test_patches.py``) against the pinned versions (docxtpl 0.20.x).

- ``PreparedTemplate``: docxtpl's ``DocxTemplate`` with its render steps re-sequenced. Each
  template is prepared once per process (``docx.prepared``: its body's source, its style index,
  a slim package to open, its stored zip entries to copy on saving), each template part is
  cleaned up (``patch_xml``) and compiled once, core properties included, and the rendered
  body is streamed through the finishing steps (``docx.stream``) instead of being parsed whole.
- ``attach``: python-docx's document part saves the streamed body bytes in place of a
  placeholder element (its class is swapped for a subclass whose ``blob`` splices them in).
"""

from __future__ import annotations

import io
import re
from collections import OrderedDict
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path
from typing import IO, Any, Generic, TypeVar

from jinja2 import TemplateError

from tambondoc.docx.chunks import rendered_pieces, static_sections
from tambondoc.docx.finish import DocumentFinisher, numerals_wanted
from tambondoc.docx.names import keep_lines
from tambondoc.docx.prepared import Prepared, finisher_copy, prepare, write_package
from tambondoc.docx.stream import PLACEHOLDER, stream_body
from tambondoc.thai import JOINER

K = TypeVar("K")
V = TypeVar("V")


class BoundedCache(Generic[K, V]):
    """A least-recently-used cache of at most ``size`` entries: a long-running process that
    meets many templates (a district's own, edited between builds) keeps only the recent ones."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.entries: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K) -> V | None:
        value = self.entries.get(key)
        if value is not None:
            self.entries.move_to_end(key)
        return value

    def put(self, key: K, value: V) -> V:
        self.entries[key] = value
        self.entries.move_to_end(key)
        while len(self.entries) > self.size:
            self.entries.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self.entries)


# template parts by their XML text: 3 documents x (body, headers, footers, properties)
_PATCHED: BoundedCache[str, str] = BoundedCache(64)
_COMPILED: BoundedCache[str, Any] = BoundedCache(64)
_PROPERTY_TEMPLATES: BoundedCache[str, Any] = BoundedCache(64)
_SECTIONS: BoundedCache[str, tuple[str | None]] = BoundedCache(16)
_PREPARED: BoundedCache[tuple[str, int, int], Prepared] = BoundedCache(16)
# the core properties docxtpl renders (render_properties), in its order
PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")


def prepared_template(path: Path) -> Prepared:
    """The template at ``path`` prepared once per process (again when the file changes)."""
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    found = _PREPARED.get(key)
    if found is None:
        found = _PREPARED.put(key, prepare(path.read_bytes(), lambda doc: DocumentFinisher(doc, None, 0)))
    return found


def _sections_of(source: str, jinja_env: Any) -> str | None:
    """``docx.chunks.static_sections`` of a body source, worked out once per process."""
    found = _SECTIONS.get(source)
    if found is None:
        found = _SECTIONS.put(source, (static_sections(source, jinja_env),))
    return found[0]


def _compiled_string(source: str, jinja_env: Any) -> Any:
    """A core property's text compiled once (docxtpl compiles each property on every render)."""
    compiled = _PROPERTY_TEMPLATES.get(source)
    if compiled is None:
        compiled = _PROPERTY_TEMPLATES.put(source, jinja_env.from_string(source))
    return compiled


@lru_cache(maxsize=1)
def prepared_class() -> type:
    """docxtpl's DocxTemplate, preparing each template part once per process.

    docxtpl re-runs its XML clean-up (``patch_xml``) and recompiles the Jinja source of
    every part on every render; both depend only on the template, so they are memoised by
    the part's XML text. The rendered body is streamed through the finishing steps
    (``docx.stream``) instead of docxtpl's whole-tree table fixes; headers, footers,
    properties and saving stay docxtpl's own.
    """
    from docxtpl import DocxTemplate

    class PreparedTemplate(DocxTemplate):
        def __init__(self, prepared: Prepared) -> None:
            super().__init__(io.BytesIO(prepared.slim))
            self.prepared = prepared

        def get_xml(self) -> str:
            return self.prepared.body_xml

        def patch_xml(self, src_xml: str) -> str:
            patched = _PATCHED.get(src_xml)
            if patched is None:  # the template's own text is kept as printed text is
                patched = _PATCHED.put(src_xml, keep_lines(super().patch_xml(src_xml)))
            return patched

        def compiled(self, src_xml: str, jinja_env: Any) -> Any:
            """The part's Jinja template, compiled once per process."""
            compiled = _COMPILED.get(src_xml)
            if compiled is None:
                source = re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml)
                try:
                    compiled = _COMPILED.put(src_xml, jinja_env.from_string(source))
                except TemplateError as exc:
                    _attach_context(exc, source)
                    raise
            return compiled

        def fix_rendered(self, dst_xml: str) -> str:
            """docxtpl's fix-ups of rendered text (render_xml_part), each within a paragraph."""
            # the line break docxtpl put before each paragraph goes, as its regular expression
            # drops it, without a Python call to expand the match at each of thousands of paragraphs
            dst_xml = dst_xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
            dst_xml = dst_xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
            if not _LISTING_CHARS.search(dst_xml):
                return dst_xml
            return _PARAGRAPH.sub(self._resolved, dst_xml)

        def _resolved(self, paragraph: re.Match[str]) -> str:
            """docxtpl's resolve_listing of one paragraph (the same regex cuts its text into the same
            paragraphs), run only where one of its texts holds a listing character: it walks every
            run of every paragraph in Python, 11 ms of a realistic plan where most have none."""
            text = paragraph.group(0)
            return self.resolve_listing(text) if _LISTING_CHARS.search(text) else text

        def render_xml_part(self, src_xml: str, part: Any, context: dict[str, Any], jinja_env: Any = None) -> str:
            compiled = self.compiled(src_xml, jinja_env)
            self.current_rendering_part = part
            try:
                dst_xml = compiled.render(context)
            except TemplateError as exc:
                _attach_context(exc, re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml))
                raise
            return self.fix_rendered(dst_xml)

        def body_pieces(self, src_xml: str, context: dict[str, Any], jinja_env: Any) -> Iterator[str]:
            """The rendered body a piece at a time (``docx.chunks``), for the stream to parse."""
            compiled = self.compiled(src_xml, jinja_env)
            self.current_rendering_part = self.docx._part
            try:
                yield from rendered_pieces(compiled.generate(context), self.fix_rendered)
            except TemplateError as exc:
                _attach_context(exc, re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml))
                raise

        def render(self, context: dict[str, Any], jinja_env: Any = None, autoescape: bool = False) -> None:
            """docxtpl's render, with the body streamed through the finishing steps
            (``docx.stream``) instead of parsed whole and kept as one tree; rendered piece by
            piece into the stream when the template fixes its sections (``docx.chunks``)."""
            self.render_init()
            jinja_env.autoescape = autoescape
            comments = _compiled_string(self.docx.core_properties.comments or "", jinja_env).render(context)
            finisher = finisher_copy(self.prepared, numerals_wanted(comments), self.docx_ids_index)  # type: ignore[has-type]
            source = self.patch_xml(self.get_xml())
            sections = _sections_of(source, jinja_env)
            body: str | Iterator[str]
            if sections is None:
                body = self.build_xml(context, jinja_env)
                finisher.read_sections(body)
            else:
                finisher.read_sections(sections)
                body = self.body_pieces(source, context, jinja_env)
            streamed = stream_body(body, finisher)
            self.docx_ids_index = finisher.last_id
            self.map_tree(streamed.tree)
            attach(self.docx.part, streamed.pieces)
            for uri in (self.HEADER_URI, self.FOOTER_URI):
                for rel_key, xml in self.build_headers_footers_xml(context, uri, jinja_env):
                    self.map_headers_footers_xml(rel_key, xml)
            self.render_properties(context, jinja_env)
            self.render_footnotes(context, jinja_env)
            self.is_rendered = True

        def render_properties(self, context: dict[str, Any], jinja_env: Any = None) -> None:
            """docxtpl's, with each property's text compiled once, and without the word joiners
            that keep printed words whole (a search for the tambon's name must find it)."""
            properties = self.docx.core_properties
            for prop in PROPERTIES:
                text = _compiled_string(getattr(properties, prop), jinja_env).render(context)
                setattr(properties, prop, text.replace(JOINER, ""))

        def render_footnotes(self, context: dict[str, Any], jinja_env: Any = None) -> None:
            """docxtpl's: footnotes rendered once per section of the template (the slim
            package opened here has no sections to count)."""
            for _ in range(self.prepared.sections):
                for part in self.docx.part.package.parts:
                    if part.content_type == FOOTNOTES:
                        xml = self.patch_xml(part.blob.decode("utf-8") if isinstance(part.blob, bytes) else part.blob)
                        part._blob = self.render_xml_part(xml, part, context, jinja_env).encode("utf-8")

        def save(self, filename: IO[bytes], *args: Any, **kwargs: Any) -> None:
            """The rendered package, unchanged parts copied from the template as stored
            (``docx.prepared.write_package``); tambondoc replaces no pictures or media, so
            docxtpl's pre- and post-processing have nothing to do."""
            write_package(self.docx.part.package, self.prepared, filename)
            self.is_saved = True
            # the body's bytes go now: python-docx's parts and relationships are a reference cycle,
            # which only the cyclic collector frees, later (a 5,000-project build held the plan
            # book's body while it rendered the lists)
            self.docx.part._streamed_body = []

    return PreparedTemplate


FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
# docxtpl's resolve_listing only changes text holding these characters; it is skipped otherwise
_LISTING_CHARS = re.compile(r"<w:t(?: [^>]*)?>[^<]*[\t\a\n\f]")
_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)  # resolve_listing's own


def _attach_context(exc: Exception, source: str) -> None:
    """The text around the failing line, as docxtpl reports it (``exc.docx_context``)."""
    lineno = getattr(exc, "lineno", None)
    tb = exc.__traceback__
    while lineno is None and tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":  # Jinja maps runtime errors here
            lineno = tb.tb_lineno
        tb = tb.tb_next
    if lineno is not None:
        start = max(lineno - 4, 0)
        exc.docx_context = [re.sub(r"<[^>]+>", "", x) for x in source.splitlines()[start: start + 7]]  # type: ignore[attr-defined]


def attach(part: Any, pieces: list[bytes]) -> None:
    """Make python-docx's document ``part`` save ``pieces`` where the placeholder is."""
    part._streamed_body = pieces
    part.__class__ = _streamed_class(type(part))  # type: ignore[arg-type]


@cache
def _streamed_class(base: type) -> type:
    """A subclass of the part's class whose serialised XML has the streamed body spliced in:
    whole as ``blob``, or piece by piece from ``streamed()`` (what ``write_package`` writes)."""
    if getattr(base, "_splices_body", False):
        return base

    def streamed(self: Any) -> Iterator[bytes]:
        head, _, tail = base.blob.fget(self).partition(PLACEHOLDER)  # type: ignore[attr-defined]
        yield head
        yield from self._streamed_body
        yield tail

    def blob(self: Any) -> bytes:
        return b"".join(streamed(self))

    return type(f"Streamed{base.__name__}", (base,), {"blob": property(blob), "streamed": streamed,
                                                      "_splices_body": True})
