"""Real place names: the จังหวัด, อำเภอ and ตำบล of Thailand, with their codes.

The list ships inside the package (``plan/thai_admin/divisions.json``, two MIT-licensed public
lists merged by ``scripts/make_places.py``; notices beside it). Names are compared loosely where
the lists and plans differ harmlessly: a leading จังหวัด/อำเภอ/เขต/ตำบล/แขวง, spaces, the two
ways to type สระอำ, 'เมือง' for the province's capital district; a real typo is not forgiven.
"""

from __future__ import annotations

import difflib
import json
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from tambondoc.measure import INVISIBLE

BANGKOK = "10"
_PREFIXES = (("จังหวัด", "จ."), ("กิ่งอำเภอ", "อำเภอ", "อ.", "เขต"), ("ตำบล", "ต.", "แขวง"))
_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE))


def plain(name: str) -> str:
    """A name as compared, a place's or a person's: one Unicode form, no spaces (NBSP too) or
    invisible characters, one สระอำ; 'นาย สมชาย\u00a0ใจดี' and 'นายสมชาย ใจดี' are one name."""
    text = unicodedata.normalize("NFC", name).translate(_INVISIBLE).replace("\u0e4d\u0e32", "\u0e33")
    return "".join(text.split())


def name_key(name: str, level: int) -> str:
    """How a name is compared at ``level`` (0 province, 1 district, 2 tambon)."""
    text = plain(name)
    for prefix in _PREFIXES[level]:
        if text.startswith(prefix) and len(text) > len(prefix):
            return text[len(prefix):]
    return text


# the words a document prints before a name: typed in the name too, it reads 'ตำบลตำบลบางสวน'
# (Bangkok's เขต and แขวง are left alone: the templates' words for them are not these)
_WORDS = (("จังหวัด", "จ."), ("อำเภอ", "อ."), ("ตำบล", "ต."))
LEVELS = (("changwat", 0), ("amphoe", 1), ("name", 2))  # a plan's tambon fields (district.yaml's first two)


def typed_word(name: str, level: int) -> tuple[str, str] | None:
    """(word, rest) when ``name`` starts with the word documents put before it at ``level``
    (0 province, 1 district, 2 tambon): 'ตำบล บางสวน' -> ('ตำบล', 'บางสวน'); else None."""
    text = name.strip()
    for word in _WORDS[level]:
        rest = text[len(word):].strip()
        if text.startswith(word) and rest:
            return word, rest
    return None


def without_word(name: str, level: int) -> str:
    """``name`` without the word documents put before it: what a plan should hold."""
    typed = typed_word(name, level)
    return typed[1] if typed else name.strip()


@dataclass(frozen=True)
class Division:
    """A province, district or tambon: its code ('' if only one list has it without one) and names."""

    code: str
    names: tuple[str, ...]
    level: int
    children: tuple[Division, ...] = ()

    @property
    def name(self) -> str:
        return self.names[0]

    def name_keys(self) -> set[str]:
        return {name_key(n, self.level) for n in self.names}

    def child(self, name: str) -> Division | None:
        want = name_key(name, self.level + 1)
        if self.level == 0 and want == "เมือง":  # 'อำเภอเมือง' for อำเภอเมือง<จังหวัด>
            want += name_key(self.name, 0)
        return next((c for c in self.children if want in c.name_keys()), None)

    def nearest(self, name: str) -> list[str]:
        """Up to three child names close to ``name``, closest first."""
        keys = {name_key(n, self.level + 1): n for c in self.children for n in c.names}
        return [keys[k] for k in difflib.get_close_matches(name_key(name, self.level + 1), list(keys), 3, 0.6)]


def _division(raw: list[Any], level: int) -> Division:
    children = tuple(_division(c, level + 1) for c in raw[2]) if len(raw) > 2 else ()
    return Division(raw[0], tuple(raw[1].split("|")), level, children)


@lru_cache(maxsize=1)
def country() -> Division:
    """Every province (level -1 is the country itself)."""
    text = resources.files("tambondoc.plan").joinpath("thai_admin", "divisions.json").read_text(encoding="utf-8")
    return Division("", ("ประเทศไทย",), -1, tuple(_division(p, 0) for p in json.loads(text)["provinces"]))


def _word(level: int, province: Division | None) -> str:
    """'จังหวัด', 'อำเภอ'/'เขต', 'ตำบล'/'แขวง' (Bangkok has เขต and แขวง)."""
    bangkok = province is not None and province.code == BANGKOK
    return ("จังหวัด", "เขต" if bangkok else "อำเภอ", "แขวง" if bangkok else "ตำบล")[level]


def _title(d: Division, province: Division | None) -> str:
    """'จังหวัดพิษณุโลก', 'อำเภอวังทอง', 'เขตบางนา' (a name that already starts with its word stays)."""
    word = _word(d.level, province)
    return d.name if d.name.startswith(word) else word + d.name


def _guess(name: str, parent: Division) -> str:
    close = parent.nearest(name)
    if close:
        return " หมายถึง " + ", ".join(f"'{n}'" for n in close) + " หรือไม่?"
    if len(parent.children) <= 30:
        return f" (มี {', '.join(c.name for c in parent.children)})"
    return ""


FICTIONAL_HINT = " (ถ้าเป็นชื่อสมมุติ ให้ใส่ settings.fictional: true)"


@dataclass
class Found:
    """What a plan's names resolve to, and a Thai message per name that does not (by field)."""

    changwat: Division | None = None
    amphoe: Division | None = None
    tambon: Division | None = None
    problems: dict[str, str] | None = None

    @property
    def code(self) -> str | None:
        return self.tambon.code or None if self.tambon else None


def _elsewhere(name: str, level: int, within: list[Division]) -> list[tuple[Division, Division]]:
    """(parent, match) for every division at ``level`` named ``name`` under ``within``."""
    want = name_key(name, level)
    return [(p, c) for p in within for c in p.children if want in c.name_keys()]


def find(changwat: str, amphoe: str, tambon: str) -> Found:
    """Resolve a plan's จังหวัด, อำเภอ and ตำบล; a problem for the first name that does not fit."""
    found, problems = Found(), {}
    found.changwat = country().child(changwat)
    if found.changwat is None:
        places = _elsewhere(amphoe, 1, list(country().children))
        hint = _guess(changwat, country())
        if not hint and len(places) == 1:
            hint = f" (อำเภอ{amphoe} อยู่ใน{_title(places[0][0], places[0][0])})"
        problems["changwat"] = f"ไม่พบจังหวัด '{changwat}'{hint}{FICTIONAL_HINT}"
        return Found(problems=problems)
    province = found.changwat
    found.amphoe = province.child(amphoe)
    word = _word(1, province)
    if found.amphoe is None:
        others = [p for p, _ in _elsewhere(amphoe, 1, list(country().children))]
        if others:
            where = ", ".join(_title(p, p) for p in others)
            problems["amphoe"] = f"{word} '{amphoe}' ไม่อยู่ใน{_title(province, province)} แต่อยู่ใน{where} ให้ตรวจชื่อ{word}หรือจังหวัด"
        else:
            problems["amphoe"] = f"ไม่พบ{word} '{amphoe}' ใน{_title(province, province)}{_guess(amphoe, province)}{FICTIONAL_HINT}"
        return Found(found.changwat, problems=problems)
    district = found.amphoe
    found.tambon = district.child(tambon)
    word = _word(2, province)
    if found.tambon is None:
        here = f"{_title(district, province)} {_title(province, province)}"
        others = [d for d, _ in _elsewhere(tambon, 2, list(province.children))]
        if others:
            where = ", ".join(_title(d, province) for d in others)
            problems["tambon"] = f"{word} '{tambon}' ไม่อยู่ใน{here} แต่อยู่ใน{where} ให้ตรวจชื่อ{word}หรืออำเภอ"
        else:
            problems["tambon"] = f"ไม่พบ{word} '{tambon}' ใน{here}{_guess(tambon, district)}{FICTIONAL_HINT}"
    found.problems = problems or None
    return found
