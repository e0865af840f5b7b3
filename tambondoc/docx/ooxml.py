"""WordprocessingML names, once: the namespace and the tags the finishing steps look for."""

from __future__ import annotations

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"  # xml:space, which w:t needs to keep its spaces


def w(*tags: str) -> tuple[str, ...]:
    """Clark names of WordprocessingML tags: ``w("p", "r")`` -> ('{...}p', '{...}r')."""
    return tuple(W + t for t in tags)
