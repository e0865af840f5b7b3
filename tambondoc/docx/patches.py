"""The two places tambondoc changes how docxtpl and python-docx work, kept here and tested
(``tests/test_patches.py``) against the pinned versions (docxtpl 0.20.x).

- ``PreparedTemplate``: docxtpl's ``DocxTemplate`` with its render steps re-sequenced. Each
  template part is cleaned up (``patch_xml``) and compiled once per process, and the rendered
  body is streamed through the finishing steps (``docx.stream``) instead of being parsed whole.
- ``attach``: python-docx's document part saves the streamed body bytes in place of a
  placeholder element (its class is swapped for a subclass whose ``blob`` splices them in).
"""

from __future__ import annotations

import re
from collections import OrderedDict
from functools import cache, lru_cache
from typing import Any, Generic, TypeVar

from jinja2 import TemplateError

from tambondoc.docx.finish import DocumentFinisher, numerals_wanted
from tambondoc.docx.stream import PLACEHOLDER, stream_body

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
        def patch_xml(self, src_xml: str) -> str:
            patched = _PATCHED.get(src_xml)
            if patched is None:
                patched = _PATCHED.put(src_xml, super().patch_xml(src_xml))
            return patched

        def render_xml_part(self, src_xml: str, part: Any, context: dict[str, Any], jinja_env: Any = None) -> str:
            compiled = _COMPILED.get(src_xml)
            if compiled is None:
                source = re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml)
                try:
                    compiled = _COMPILED.put(src_xml, jinja_env.from_string(source))
                except TemplateError as exc:
                    _attach_context(exc, source)
                    raise
            self.current_rendering_part = part
            try:
                dst_xml = compiled.render(context)
            except TemplateError as exc:
                _attach_context(exc, re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml))
                raise
            dst_xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", dst_xml)
            dst_xml = dst_xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
            return self.resolve_listing(dst_xml) if _LISTING_CHARS.search(dst_xml) else dst_xml

        def render(self, context: dict[str, Any], jinja_env: Any = None, autoescape: bool = False) -> None:
            """docxtpl's render, with the body streamed through the finishing steps
            (``docx.stream``) instead of parsed whole and kept as one tree."""
            self.render_init()
            jinja_env.autoescape = autoescape
            comments = jinja_env.from_string(self.docx.core_properties.comments or "").render(context)
            finisher = DocumentFinisher(self.docx, numerals_wanted(comments), self.docx_ids_index)  # type: ignore[has-type]
            xml = self.build_xml(context, jinja_env)
            finisher.read_sections(xml)
            streamed = stream_body(xml, finisher)
            self.docx_ids_index = finisher.last_id
            self.map_tree(streamed.tree)
            attach(self.docx.part, streamed.content)
            for uri in (self.HEADER_URI, self.FOOTER_URI):
                for rel_key, xml in self.build_headers_footers_xml(context, uri, jinja_env):
                    self.map_headers_footers_xml(rel_key, xml)
            self.render_properties(context, jinja_env)
            self.render_footnotes(context, jinja_env)
            self.is_rendered = True

    return PreparedTemplate


# docxtpl's resolve_listing only changes text holding these characters; it is skipped otherwise
_LISTING_CHARS = re.compile(r"<w:t(?: [^>]*)?>[^<]*[\t\a\n\f]")


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


def attach(part: Any, content: bytes) -> None:
    """Make python-docx's document ``part`` save ``content`` where the placeholder is."""
    part._streamed_body = content
    part.__class__ = _streamed_class(type(part))  # type: ignore[arg-type]


@cache
def _streamed_class(base: type) -> type:
    """A subclass of the part's class whose serialised XML has the streamed body spliced in."""
    if getattr(base, "_splices_body", False):
        return base

    def blob(self: Any) -> bytes:
        return base.blob.fget(self).replace(PLACEHOLDER, self._streamed_body, 1)  # type: ignore[attr-defined,no-any-return]

    return type(f"Streamed{base.__name__}", (base,), {"blob": property(blob), "_splices_body": True})
