"""click in Thai: its own words (Usage, Missing argument, [required]) translated, and help text
wrapped at spaces only, measured as the screen shows it.

click looks its strings up with ``gettext`` bound in each of its modules; there is no hook to
pass a catalogue, and the process locale decides nothing for an officer on Windows, so those
module globals are pointed at the table below (``install``). A string click renames stays English
rather than breaking: tests/test_cli.py checks every key still exists in the installed click.

Thai is written without spaces between words, so breaking a "word" that does not fit (what
click's wrapper does) cuts through a word; and vowels and tone marks above or below a letter take
no room on screen. ``ThaiFormatter`` wraps only at spaces and counts what is seen.
"""

from __future__ import annotations

import importlib
import unicodedata
from collections.abc import Iterable, Iterator

import click

TH: dict[str, str] = {
    "Usage:": "วิธีใช้:",
    "Options": "ตัวเลือก",
    "Commands": "คำสั่ง",
    "Show this message and exit.": "แสดงวิธีใช้นี้แล้วจบ",
    "Show the version and exit.": "แสดงรุ่นของโปรแกรมและรุ่นของรูปแบบไฟล์แผนแล้วจบ",
    "Error: {message}": "ผิดพลาด: {message}",
    "Try '{command} {option}' for help.": "ดูวิธีใช้ด้วยคำสั่ง '{command} {option}'",
    "Missing argument": "ยังไม่ได้ระบุ",
    "Missing option": "ยังไม่ได้ใส่ตัวเลือก",
    "Missing parameter": "ยังไม่ได้ระบุค่า",
    "Missing {param_type}": "ยังไม่ได้ระบุ {param_type}",
    "Missing parameter: {param_name}": "ยังไม่ได้ระบุค่า: {param_name}",
    "Missing command.": "ยังไม่ได้ระบุคำสั่ง",
    "Invalid value for {param_hint}: {message}": "ค่าของ {param_hint} ใช้ไม่ได้: {message}",
    "Invalid value: {message}": "ค่าใช้ไม่ได้: {message}",
    "No such option {name!r}.": "ไม่มีตัวเลือก {name!r}",
    "No such command {name!r}.": "ไม่มีคำสั่ง {name!r}",
    "Did you mean {possibility}?": "หมายถึง {possibility} หรือไม่?",
    "(Did you mean one of: {possibilities}?)": "(หมายถึงหนึ่งใน {possibilities} หรือไม่?)",
    "Got unexpected extra argument ({args})": "มีค่าเกินมา ({args})",
    "Got unexpected extra arguments ({args})": "มีค่าเกินมา ({args})",
    "Option {name!r} requires an argument.": "ตัวเลือก {name!r} ต้องมีค่าตามหลัง",
    "Option {name!r} requires {nargs} arguments.": "ตัวเลือก {name!r} ต้องมีค่าตามหลัง {nargs} ค่า",
    "Option {name!r} does not take a value.": "ตัวเลือก {name!r} ไม่รับค่า",
    "Argument {name!r} takes {nargs} values.": "{name!r} ต้องมี {nargs} ค่า",
    "Takes {nargs} values but 1 was given.": "ต้องมี {nargs} ค่า แต่ใส่มา 1 ค่า",
    "Takes {nargs} values but {len} were given.": "ต้องมี {nargs} ค่า แต่ใส่มา {len} ค่า",
    "required": "ต้องระบุ",
    "default: {default}": "ค่าเริ่มต้น: {default}",
    "env var: {var}": "ตัวแปรสภาพแวดล้อม: {var}",
    "(dynamic)": "(กำหนดตอนทำงาน)",
    "deprecated": "เลิกใช้แล้ว",
    "Aborted!": "ยกเลิกแล้ว",
    "unknown error": "ไม่ทราบสาเหตุ",
    "file": "ไฟล์",
    "directory": "โฟลเดอร์",
    "path": "ไฟล์หรือโฟลเดอร์",
    "{name} {filename!r} does not exist.": "ไม่พบ{name} {filename!r}",
    "{name} {filename!r} is a file.": "{name} {filename!r} เป็นไฟล์ ต้องเป็นโฟลเดอร์",
    "{name} {filename!r} is a directory.": "{name} {filename!r} เป็นโฟลเดอร์ ต้องเป็นไฟล์",
    "{name} {filename!r} is not readable.": "อ่าน{name} {filename!r} ไม่ได้ (ไม่มีสิทธิ์)",
    "{name} {filename!r} is not writable.": "เขียน{name} {filename!r} ไม่ได้ (ไม่มีสิทธิ์)",
    "{name} {filename!r} is not executable.": "เรียกใช้{name} {filename!r} ไม่ได้",
    "Could not open file {filename!r}: {message}": "เปิดไฟล์ {filename!r} ไม่ได้: {message}",
    "{value!r} is not {choice}.": "{value!r} ใช้ไม่ได้ ต้องเป็น {choice}",
    "{value!r} is not one of {choices}.": "{value!r} ใช้ไม่ได้ ต้องเป็นหนึ่งใน {choices}",
    "Choose from:\n\t{choices}": "เลือกจาก:\n\t{choices}",
    "{value} is not in the range {range}.": "{value} อยู่นอกช่วง {range}",
    "{value!r} is not a valid {number_type}.": "{value!r} ไม่ใช่ตัวเลข ({number_type})",
    "{value!r} is not a valid boolean. Recognized values: {states}":
        "{value!r} ไม่ใช่ค่าใช่/ไม่ใช่ ใช้ได้: {states}",
    "Do you want to continue?": "ทำต่อหรือไม่?",
    "Repeat for confirmation": "พิมพ์อีกครั้งเพื่อยืนยัน",
    "Error: The two entered values do not match.": "ผิดพลาด: ค่าที่พิมพ์สองครั้งไม่ตรงกัน",
    "Error: invalid input": "ผิดพลาด: ค่าที่ใส่ใช้ไม่ได้",
    "Press any key to continue...": "กดปุ่มใดก็ได้เพื่อทำต่อ...",
    "Shell completion is not supported for Bash versions older than 4.4.":
        "การเติมคำสั่งอัตโนมัติต้องใช้ Bash รุ่น 4.4 ขึ้นไป",
    "Couldn't detect Bash version, shell completion is not supported.":
        "ตรวจรุ่นของ Bash ไม่ได้ จึงเติมคำสั่งอัตโนมัติไม่ได้",
}

_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types",
            "shell_completion", "utils")


def gettext(message: str) -> str:
    return TH.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return gettext(singular if n == 1 else plural)


def install() -> None:
    """Point click's gettext at the Thai table (idempotent)."""
    for name in _MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]


def width(text: str) -> int:
    """Columns on screen: marks above or below a letter (Thai vowels and tones) take none."""
    return sum(0 if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf")
               else 2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, columns: int, first: str = "", rest: str = "") -> list[str]:
    """Lines of at most ``columns`` (as seen), broken at spaces only: a longer word runs over."""
    lines: list[str] = []
    line, empty = first, True
    for word in text.split():
        if not empty and width(line) + 1 + width(word) > columns:
            lines.append(line)
            line, empty = rest + word, False
        else:
            line, empty = (line + word if empty else f"{line} {word}"), False
    lines.append(line)
    return lines


def _paragraphs(text: str) -> Iterator[tuple[bool, list[str]]]:
    """click's paragraphs: blank-line separated; one whose first line is '\\b' is kept as written."""
    for block in text.split("\n\n"):
        lines = block.splitlines()
        if lines and lines[0].strip() == "\b":
            yield False, lines[1:]
        elif lines:
            yield True, lines


def fill(text: str, columns: int, indent: str = "") -> str:
    out = []
    for rewrap, lines in _paragraphs(text):
        if rewrap:
            out.append("\n".join(wrap(" ".join(lines), columns, indent, indent)))
        else:
            out.append("\n".join(indent + line for line in lines))
    return "\n\n".join(out)


def short_help(text: str, limit: int) -> str:
    """The first paragraph cut at a space to fit ``limit`` columns (click cuts by characters)."""
    words = text.split("\n\n")[0].split()
    if words and words[0] == "\b":
        words = words[1:]
    shown: list[str] = []
    for i, word in enumerate(words):
        room = limit if i == len(words) - 1 else limit - 3  # keep room for "..."
        if width(" ".join([*shown, word])) > room:
            return " ".join(shown) + "..." if shown else word
        shown.append(word)
    return " ".join(shown)


class ThaiFormatter(click.HelpFormatter):
    """Help pages wrapped at spaces and measured by what the screen shows."""

    def write_text(self, text: str) -> None:
        self.write(fill(text, self.width, " " * self.current_indent) + "\n")

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        first_col = min(max((width(term) for term, _ in rows), default=0), col_max) + col_spacing
        for term, text in rows:
            self.write(f"{'':>{self.current_indent}}{term}")
            if not text:
                self.write("\n")
                continue
            if width(term) <= first_col - col_spacing:
                self.write(" " * (first_col - width(term)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = fill(text, max(self.width - first_col - 2, 10)).splitlines() or [""]
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write(f"{'':>{first_col + self.current_indent}}{line}\n")
