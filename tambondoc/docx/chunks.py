"""A document body rendered piece by piece (Jinja's ``Template.generate``) straight into the body's
pull parser (``docx.stream``), so the whole rendered body never exists as one string (at 5,000
projects it was 10 million characters, twice that while Jinja joined its pieces).

Two things docxtpl does on the whole rendered string are done per piece:

- its text fix-ups (``render_xml_part``: the line breaks put before paragraphs for Jinja's error
  lines, the escaped braces, tabs and line breaks in text). Each of them works within one
  paragraph, so pieces are cut just after a ``</w:p>``, where no match can straddle a cut.
- the page size of each section (``DocumentFinisher.read_sections``), which the layout needs
  before the tables of a section arrive although a section's properties come after them. They
  are read from the template's source instead, when that is exact: every ``w:sectPr`` is
  static text at the template's top level (in no loop or condition, holding no tag), so the
  rendered body has the very same ones. Otherwise the body is rendered whole, as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from jinja2 import nodes

PIECE = 1 << 16  # characters handed to the parser at a time (docx.stream.SLICE)
PARAGRAPH_END = "</w:p>"
SECTPR = re.compile(r"<w:sectPr\b.*?</w:sectPr>", re.S)
EMPTY_SECTPR = re.compile(r"<w:sectPr\b[^>]*/>")


def static_sections(source: str, jinja_env: Any) -> str | None:
    """The section properties of every document rendered from ``source`` (one Jinja template),
    as text, when they are fixed by the template; None when rendering could change them."""
    if EMPTY_SECTPR.search(source):
        return None
    found = SECTPR.findall(source)
    if any("{{" in s or "{%" in s or "{#" in s for s in found):
        return None
    top = "".join(data.data for output in jinja_env.parse(source).body if isinstance(output, nodes.Output)
                  for data in output.nodes if isinstance(data, nodes.TemplateData))
    if source.count("<w:sectPr") != top.count("<w:sectPr") or SECTPR.findall(top) != found:
        return None
    return "".join(found)


def rendered_pieces(generate: Iterator[str], fix: Callable[[str], str]) -> Iterator[str]:
    """Jinja's output pieces joined into pieces of about ``PIECE`` characters, each cut after a
    paragraph's end and passed through ``fix`` (docxtpl's fix-ups of rendered text)."""
    held: list[str] = []
    size = 0
    for piece in generate:
        held.append(piece)
        size += len(piece)
        if size < PIECE:
            continue
        text = "".join(held)
        cut = text.rfind(PARAGRAPH_END) + len(PARAGRAPH_END)
        if cut < len(PARAGRAPH_END):
            held, size = [text], len(text)  # no paragraph has ended yet: keep reading
            continue
        yield fix(text[:cut])
        held, size = [text[cut:]], len(text) - cut
    if size:
        yield fix("".join(held))
