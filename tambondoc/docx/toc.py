"""Page numbers in the contents (สารบัญ) of a rendered .docx, as a word processor computed them.

Rendering fills the TOC field with every heading but cannot know on which page each falls.
When the book is converted to PDF, LibreOffice lays it out and lists the page numbers; writing
them back into the field's result lets a LibreOffice user see them in the .docx too, while Word
still refreshes the field itself when it opens the book (``updateFields``).
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from tambondoc.docx.ooxml import W

TOC = re.compile(r"\s*TOC\b")
FLDCHAR, FLDTYPE, INSTR = f"{W}fldChar", f"{W}fldCharType", f"{W}instrText"


def _entries(body: Any) -> list[Any]:
    """The paragraphs of the first TOC field's result, in order."""
    found: list[Any] = []
    state = "before"
    for p in body.iter(f"{W}p"):
        for el in p.iter(FLDCHAR, INSTR):
            if state == "before" and el.tag == INSTR and TOC.match(el.text or ""):
                state = "instruction"
            elif state == "instruction" and el.tag == FLDCHAR and el.get(FLDTYPE) == "separate":
                state = "result"
            elif state == "result" and el.tag == FLDCHAR and el.get(FLDTYPE) == "end":
                return found
        if state == "result" and "".join(t.text or "" for t in p.iter(f"{W}t")).strip():
            found.append(p)
    return []


def with_page_numbers(document_xml: bytes, numbers: list[str]) -> bytes | None:
    """``document_xml`` with a tab and its page number after each contents entry; None when the
    entries and ``numbers`` do not pair one to one (the field is then left for Word to fill)."""
    root = etree.fromstring(document_xml)
    entries = _entries(root)
    if not entries or len(entries) != len(numbers):
        return None
    for p, number in zip(entries, numbers):
        if any(True for _ in p.iter(f"{W}tab")):
            return None  # already numbered
        tab, run = etree.SubElement(p, f"{W}r"), etree.SubElement(p, f"{W}r")
        etree.SubElement(tab, f"{W}tab")
        etree.SubElement(run, f"{W}t").text = number
        last_end = [r for r in p.iter(f"{W}r") if r.find(FLDCHAR) is not None and r.find(FLDCHAR).get(FLDTYPE) == "end"]
        if last_end:  # the last entry holds the field's end: the number goes before it
            last_end[0].addprevious(tab)
            last_end[0].addprevious(run)
    out: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return out
