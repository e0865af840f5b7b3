"""Which files below a folder are plans: one rule for validate, build, fmt and a district's plans.

A plan ends in .yaml or .yml in any case (Windows keeps PLAN.YAML as typed); hidden folders (CI
files, editor settings) and district.yaml are not plans. A name ending in .yaml.txt is a plan
Notepad saved with its own extension, and a plan's name may be a link (symlink) to nothing (its
file moved or deleted, or a link to itself): neither is read, but both are found, so the user
can be told.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

DISTRICT_FILE = "district.yaml"
PLAN_SUFFIXES = (".yaml", ".yml")
MISNAMED_SUFFIXES = tuple(f"{suffix}.txt" for suffix in PLAN_SUFFIXES)


def is_plan_name(name: str) -> bool:
    """A plan file's name, whatever the case of its extension."""
    return name.lower().endswith(PLAN_SUFFIXES)


@dataclass
class Found:
    """The plans found, the files that look like plans saved as text (x.yaml.txt), and plans'
    names that are links to nothing (``broken``)."""

    plans: list[Path] = field(default_factory=list)
    misnamed: list[Path] = field(default_factory=list)
    broken: list[Path] = field(default_factory=list)

    @property
    def skipped(self) -> list[Path]:
        """Every file that looks like a plan but is not read: each has a warning (``skip_hint``)."""
        return self.misnamed + self.broken


def below(folder: Path) -> Found:
    """Every plan below ``folder`` but district.yaml, sorted, and every x.yaml.txt and link to
    nothing beside them."""
    found = Found()
    for path in sorted(folder.rglob("*")):
        name = path.name.lower()
        if not name.endswith(PLAN_SUFFIXES + MISNAMED_SUFFIXES) or name == DISTRICT_FILE \
                or any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        if path.is_file():
            (found.plans if is_plan_name(name) else found.misnamed).append(path)
        elif path.is_symlink() and not path.exists():
            found.broken.append(path)
    return found


def find(paths: Iterable[Path]) -> Found:
    """Plan files named directly, plus every plan below the folders named, each once."""
    found = Found()
    for path in paths:
        if path.is_dir():
            inside = below(path)
            found.plans += inside.plans
            found.misnamed += inside.misnamed
            found.broken += inside.broken
        else:
            found.plans.append(path)
    return Found(*(list(dict.fromkeys(paths)) for paths in (found.plans, found.misnamed, found.broken)))


def plan_name(misnamed: Path) -> str:
    """The name a plan saved as x.yaml.txt should have: x.yaml."""
    return misnamed.name[: -len(".txt")]


def skip_hint(path: Path) -> str:
    """What to tell about a file ``Found.skipped``: why it was not read, and what to do."""
    if path.exists():
        return f"ไฟล์นี้ลงท้ายด้วย .txt (Notepad เติมให้เมื่อบันทึก) จึงไม่ได้อ่านเป็นแผน ให้เปลี่ยนชื่อเป็น {plan_name(path)}"
    try:
        os.stat(path)
    except OSError as e:
        if e.errno == errno.ELOOP:
            return ("เป็นลิงก์ (symlink) ที่ชี้วนกลับมาที่ตัวเอง (ตรงหรือผ่านลิงก์อื่น) ไม่มีไฟล์จริง จึงไม่ได้อ่านเป็นแผน "
                    "ให้ลบลิงก์นี้ หรือแทนด้วยไฟล์แผนจริง")
    return (f"เป็นลิงก์ (symlink) ไปที่ {os.readlink(path)} ซึ่งไม่มีอยู่ (ถูกย้ายหรือลบ) จึงไม่ได้อ่านเป็นแผน "
            "ให้ลบลิงก์นี้ หรือแก้ให้ชี้ไปที่ไฟล์แผนที่มีอยู่")
