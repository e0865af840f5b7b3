"""What a plan's characters hide: spaces that only look like spaces. ruamel reports these where
the damage shows, lines later; the user needs to be sent to the character itself."""

from __future__ import annotations

import re
import unicodedata

INVISIBLE_SPACES = "\u00a0\u2000-\u200b\u3000\ufeff"
_INVISIBLE = re.compile(f"[{INVISIBLE_SPACES}]")
# where YAML needs a real space and a look-alike breaks the structure: in the indentation, after
# a list's '-', after a key's ':', and after a key's ':' inside braces ({male: 297})
_MISPLACED = re.compile(f"^ *(?:- +)*(?:-|[^\\s#'\"\\[{{-][^#:]*:)?[{INVISIBLE_SPACES}]")
_MISPLACED_IN_BRACES = re.compile(f"[{{,] *[^\\s#'\"\\[{{,:]+:[{INVISIBLE_SPACES}]")


def _name(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, '')}".rstrip()


def _window(lines: list[str], line: int) -> range:
    """The lines a complaint at ``line`` can come from: that line, and back over blank lines,
    comments and deeper lines (a value's continuation, a key's children) to the first line
    indented no deeper, whose broken key the parser only noticed further down."""
    last = min(line, len(lines))
    here = len(lines[last - 1]) - len(lines[last - 1].lstrip(" "))
    first = last - 1
    while first > 0:
        first -= 1
        content = lines[first].strip()
        if content and not content.startswith("#") and len(lines[first]) - len(lines[first].lstrip(" ")) <= here:
            break
    return range(first, last)


def misplaced_space(text: str, line: int, column: int) -> tuple[int, int, str] | None:
    """The first look-alike space (a non-breaking space pasted from LINE, Word or the web) that
    stands where YAML needs a real one, on the lines the parser's complaint can come from, or at
    the complaint itself: its line, column and a Thai hint. One inside a value is text, and
    harmless; one far above the complaint did not cause it."""
    lines = text.split("\n")
    line = max(1, min(line, len(lines)))
    for index in _window(lines, line):
        if (found := _MISPLACED.match(lines[index]) or _MISPLACED_IN_BRACES.search(lines[index])) is not None:
            return index + 1, found.end(), _space_hint(lines[index][found.end() - 1])
    here = lines[line - 1][column - 1 : column]
    if here and _INVISIBLE.match(here):
        return line, column, _space_hint(here)
    return None


def _space_hint(char: str) -> str:
    return (f"มีช่องว่างที่มองไม่เห็น ({_name(char)}) อยู่ตรงนี้ ซึ่งมักติดมาเมื่อคัดลอกจาก LINE, Word หรือเว็บ "
            "YAML ไม่นับเป็นเว้นวรรค ให้ลบแล้วพิมพ์เว้นวรรคธรรมดาแทน")
