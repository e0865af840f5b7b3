"""Which files below a folder are plans: one rule for validate, build, fmt and a district's plans.

A plan ends in .yaml or .yml in any case (Windows keeps PLAN.YAML as typed); hidden folders (CI
files, editor settings) and district.yaml are not plans. A name ending in .yaml.txt is a plan
Notepad saved with its own extension: it is not read, but it is found, so the user can be told.
"""

from __future__ import annotations

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
    """The plans found, and the files that look like plans saved as text (x.yaml.txt)."""

    plans: list[Path] = field(default_factory=list)
    misnamed: list[Path] = field(default_factory=list)


def below(folder: Path) -> Found:
    """Every plan below ``folder`` but district.yaml, sorted, and every x.yaml.txt beside them."""
    found = Found()
    for path in sorted(folder.rglob("*")):
        name = path.name.lower()
        if not name.endswith(PLAN_SUFFIXES + MISNAMED_SUFFIXES) or name == DISTRICT_FILE \
                or any(part.startswith(".") for part in path.relative_to(folder).parts) or not path.is_file():
            continue
        (found.plans if is_plan_name(name) else found.misnamed).append(path)
    return found


def find(paths: Iterable[Path]) -> Found:
    """Plan files named directly, plus every plan below the folders named, each once."""
    found = Found()
    for path in paths:
        if path.is_dir():
            inside = below(path)
            found.plans += inside.plans
            found.misnamed += inside.misnamed
        else:
            found.plans.append(path)
    return Found(list(dict.fromkeys(found.plans)), list(dict.fromkeys(found.misnamed)))


def plan_name(misnamed: Path) -> str:
    """The name a plan saved as x.yaml.txt should have: x.yaml."""
    return misnamed.name[: -len(".txt")]


def rename_hint(path: Path) -> str:
    """What to tell about a plan saved as x.yaml.txt: it was not read, and its right name."""
    return f"ไฟล์นี้ลงท้ายด้วย .txt (Notepad เติมให้เมื่อบันทึก) จึงไม่ได้อ่านเป็นแผน ให้เปลี่ยนชื่อเป็น {plan_name(path)}"
