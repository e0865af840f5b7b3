"""What a plan's bytes and characters hide: the encoding it was saved in, control characters, and
spaces that only look like spaces. ruamel reports these at 1:1, or where the damage shows lines
later; the user needs to be sent to the character itself."""

from __future__ import annotations

import codecs
import re
import unicodedata

UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_SAMPLE = 4096  # bytes looked at for UTF-16 without a BOM


# the first bytes of the files an officer has beside a plan, and may name by mistake
_SIGNATURES = ((b"PK\x03\x04", "ไฟล์ zip (เช่น Excel หรือ Word: .xlsx, .docx)"), (b"%PDF", "ไฟล์ PDF"),
               (b"\x89PNG", "ภาพ PNG"), (b"\xff\xd8\xff", "ภาพ JPEG"), (b"GIF8", "ภาพ GIF"),
               (b"\xd0\xcf\x11\xe0", "ไฟล์ Excel หรือ Word รุ่นเก่า (.xls, .doc)"))


def binary_kind(raw: bytes) -> str | None:
    """What a file that is not text is (an Excel book, a photo, a PDF), or None: named so, the
    user sees the wrong file was chosen, where 'not UTF-8, maybe Windows-874' sends them to
    re-save a file that was never a plan."""
    return next((kind for signature, kind in _SIGNATURES if raw.startswith(signature)), None)


def is_utf16(raw: bytes) -> bool:
    """Saved as UTF-16 (Notepad's "Unicode"): a UTF-16 BOM, or NUL bytes every other byte.

    A plan's keys, indentation and numbers are ASCII, whose UTF-16 has a NUL beside every byte;
    UTF-8 text has no NUL at all. Without a BOM such a file may even decode as UTF-8 (Thai in
    UTF-16 has no byte over 0x7F), so this is asked before decoding.
    """
    if raw.startswith(UTF16_BOMS):
        return True
    sample = raw[:_SAMPLE]
    halves = sample[0::2], sample[1::2]
    if len(halves[1]) < 8:
        return False
    nuls = [half.count(0) / len(half) for half in halves]
    return max(nuls) >= 0.3 and min(nuls) < 0.05


# YAML's printable characters (YAML 1.2, 5.1); anything else stops the reader
_NOT_YAML = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_CONTROL_NAMES = {0x00: "NUL", 0x08: "Backspace", 0x0B: "Vertical Tab", 0x0C: "Form Feed ขึ้นหน้าใหม่",
                  0x1A: "Ctrl-Z", 0x1B: "Esc", 0x7F: "Delete"}


def _position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of ``text[index]``."""
    return text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index)


def unacceptable(text: str) -> tuple[int, int, str] | None:
    """The first character YAML refuses (a DOS tool's trailing Ctrl-Z, a NUL, a form feed): its
    line, column and a Thai hint naming it."""
    found = _NOT_YAML.search(text)
    if found is None:
        return None
    code = ord(found.group())
    if unicodedata.category(found.group()) == "Cc":
        name = _CONTROL_NAMES.get(code) or (f"Ctrl-{chr(code + 0x40)}" if code < 0x20 else "")
        what = f"อักขระควบคุม U+{code:04X}" + (f" ({name})" if name else "")
    else:
        what = f"อักขระ U+{code:04X} ที่ใช้ในไฟล์ข้อความไม่ได้"
    return (*_position(text, found.start()),
            f"มี{what} ที่มองไม่เห็นอยู่ตรงนี้ (มักติดมาจากโปรแกรมรุ่นเก่าหรือการคัดลอก) ให้ลบออก")


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
