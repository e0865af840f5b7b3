"""Place names a printed line never cuts: the tambon's, its district's and province's, its
villages' and communities'.

ICU, as LibreOffice, breaks a Thai name where its dictionary finds words in it: the order
printed 'องค์การบริหารส่วนตำบลหนองบัว' / 'งาม' in its member column and a real district's
announcement 'ตำบลจักร' / 'สีห์'. A word joiner (U+2060, drawn as nothing) between a name's pieces keeps it whole
in Word and LibreOffice alike, and the layout measures it as one word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

from tambondoc import measure
from tambondoc.thai import JOINER, KEPT_WHOLE, keep_list_marks, keep_repeat_mark

# a name wider than this (1/1000 em) may still break: kept whole, a long community name
# ('ชุมชนวัดโพธิ์ศรีสะอาดพัฒนา') would be its column's minimum width in every table
WIDEST = 7_000
# what a village's or community's name starts with: a line may break after it ('บ้าน' /
# 'หนองบัวงาม'), not inside the name that follows
PREFIXES = ("บ้าน", "ชุมชน")


def names_in(context: Mapping[str, Any]) -> tuple[str, ...]:
    """The place names a document's context holds, each part between spaces on its own and
    without 'บ้าน' or 'ชุมชน': a plan's tambon, district and province, villages and
    communities; a district document's district, province and tambons."""
    found: list[Any] = []
    tambon = context.get("tambon")
    if isinstance(tambon, Mapping):
        found += [tambon.get(k) for k in ("name", "amphoe", "changwat")]
        for key in ("villages", "communities"):
            found += [v.get("name") for v in tambon.get(key) or () if isinstance(v, Mapping)]
    for key in ("district", "doc"):  # district.yaml's names; a ศอช. order's or announcement's
        if isinstance(named := context.get(key), Mapping):
            found += [named.get(k) for k in ("amphoe", "changwat", "tambon")]
    if isinstance(needs := context.get("needs"), Mapping):  # the district's needs plan
        found += [t.get("name") for g in needs.get("groups") or () for t in g.get("tambons") or ()]
    names: set[str] = set()
    for name in found:
        if isinstance(name, str):
            names.update(_unprefixed(part) for part in name.split())
    return tuple(sorted(names - {""}))


def _unprefixed(part: str) -> str:
    for prefix in PREFIXES:
        if part.startswith(prefix):
            return part[len(prefix):]
    return part


def _joined(word: str) -> str | None:
    """``word`` (a name without spaces) with a joiner between the pieces a line may break it
    into; None when there is one piece or it is too wide to keep whole."""
    pieces = measure.words(word)
    if len(pieces) < 2 or measure.em_width(word) > WIDEST:
        return None
    return JOINER.join(pieces)


@lru_cache(maxsize=16)
def kept_whole(names: tuple[str, ...]) -> Callable[[str], str]:
    """A function printing a text as a document does: no line starts with ๆ
    (``thai.keep_repeat_mark``) or ends with a list's mark (``thai.keep_list_marks``), the words
    of ``thai.KEPT_WHOLE`` and ``names`` whole, in one search of each text (every printed value
    goes through it). Cached: a plan's four documents ask with the same names."""
    joined = {**KEPT_WHOLE, **{n: j for n in names if (j := _joined(n)) is not None}}
    pattern = re.compile("|".join(map(re.escape, sorted(joined, key=len, reverse=True))))

    def keep(text: str) -> str:
        if pattern.search(text):
            text = pattern.sub(lambda m: joined[m.group()], text)
        return keep_list_marks(keep_repeat_mark(text))

    return keep


def keep_lines(text: str) -> str:
    """``text`` as printed without place names to keep (a template's own text): ๆ and the words
    of ``thai.KEPT_WHOLE`` kept."""
    return kept_whole(())(text)
