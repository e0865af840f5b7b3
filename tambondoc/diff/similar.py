"""Projects that are clearly the same one under a new id, a name edited a little and other
fields edited too: renumbered after a deletion, renamed and edited in the same revision, such a
project showed as one removed and one added, every field listed twice.

Names of different projects in one plan are often one template with a place, a person, a phase
or a number changed ('ก่อสร้างถนนคอนกรีตเสริมเหล็กหมู่ที่ 3' and '… หมู่ที่ 7', '…บ้านหนองบัว' and
'…บ้านคลองตาล'): their similarity ratio is high (0.87 to 0.97), higher than many real renames.
So a high ratio alone is not enough; two names (spaces left out, Thai digits read as Arabic)
are the same project's when
  - their ratio is at least ``THRESHOLD``: at most about a third of the longer one is added or
    removed ('ขุดลอกหนองน้ำสาธารณะหนองบัวงาม' with 'บ้าน' added: 0.94; different projects of
    the example plan reach 0.60, names of the realistic benchmark plans 0.36),
  - no number is changed: each number of one name is in the other (one may add 'หมู่ที่ 4', a
    place for what had none; 3 to 7 is another village, 'ระยะที่ 1' to '2' another phase), and
  - words are only added or removed: the shorter name is in the longer one whole but for at
    most ``TYPO`` character (a misspelling fixed), never a word replaced by another ('หนองบัว' to
    'คลองตาล', 'ก่อสร้าง' to 'ซ่อมแซม', 'ผู้สูงอายุ' to 'ผู้พิการ', 'ดำ' to 'ทอง': another place,
    work, group or person; counted on the whole name, as a word replaced by a longer one may
    share a few letters with it, which splits a character diff of it into small pieces).
A pair left unmatched shows as removed and added, as before; a pair matched wrongly would hide a
deletion and an addition the committee must approve, so the rules err on leaving them apart.
"""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher
from typing import Any

from tambondoc.plan.places import plain
from tambondoc.thai import THAI_TO_ARABIC

THRESHOLD = 0.8
TYPO = 1
_NUMBER = re.compile(r"\d+")  # Thai digits too: int('๓') == 3


def _plain(name: str) -> str:
    return plain(name).translate(THAI_TO_ARABIC)


def _numbers(name: str) -> Counter[int]:
    return Counter(int(n) for n in _NUMBER.findall(name))


def likeness(old: str, new: str) -> float:
    """How alike two project names are (0 to 1) when one is clearly the other edited a little,
    else 0."""
    matcher = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(b := _plain(new))
    return _alike(matcher, _plain(old), b, _numbers(old), _numbers(new))


def _alike(matcher: SequenceMatcher[str], a: str, b: str, na: Counter[int], nb: Counter[int]) -> float:
    """``likeness`` of ``a`` to ``b``, the matcher's second name (set once for all the old names, as
    SequenceMatcher indexes it), the cheap tests first: a plan revised wholesale compares every
    project removed with every one added."""
    if not a or not b or not (na <= nb or nb <= na):  # a number changed, not only added or removed
        return 0.0
    matcher.set_seq1(a)
    if matcher.real_quick_ratio() < THRESHOLD or matcher.quick_ratio() < THRESHOLD or matcher.ratio() < THRESHOLD:
        return 0.0
    kept = sum(block.size for block in matcher.get_matching_blocks())
    return matcher.ratio() if kept >= min(len(a), len(b)) - TYPO else 0.0


def similar(gone: dict[Any, dict[str, Any]], come: dict[Any, dict[str, Any]], name: str,
            alike: str) -> dict[Any, Any]:
    """new key -> old key for items left unmatched whose ``alike`` field (a project's strategy)
    is the same and whose names are alike: the most alike pairs first, each item once; a pair
    as alike as another pair of one of its items is left apart (which one is meant is unclear)."""
    olds = [(o, item.get(alike), _plain(item[name]), _numbers(item[name]))
            for o, item in gone.items() if isinstance(item.get(name), str)]
    scored = []
    matcher = SequenceMatcher(None, autojunk=False)
    for n, item in come.items():
        if not isinstance(item.get(name), str):
            continue
        matcher.set_seq2(b := _plain(item[name]))
        numbers = _numbers(item[name])
        for o, group, a, na in olds:
            if group == item.get(alike) and (score := _alike(matcher, a, b, na, numbers)):
                scored.append((score, o, n))
    pairs: dict[Any, Any] = {}
    taken: set[Any] = set()
    for score, o, n in sorted(scored, key=lambda x: -x[0]):
        if o in taken or n in pairs:
            continue
        if any(s == score and (x == o) != (y == n) and x not in taken and y not in pairs for s, x, y in scored):
            continue
        pairs[n] = o
        taken.add(o)
    return pairs
