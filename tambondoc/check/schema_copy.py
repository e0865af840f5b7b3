"""Is the schema a plan's first line points at (its repository's copy) the installed one?

An editor checks and completes a plan with the copy in the repository; ``validate`` checks it
with the installed tambondoc. When the two differ, the editor says one thing and CI another, so
``validate`` warns, on the modeline, and says how to bring the copy up to date.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from tambondoc import __version__
from tambondoc.errors import Problem
from tambondoc.files import read_regular
from tambondoc.plan.schema import id_version, schema

ID = "schema-copy"
MODELINE = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(\S+)", re.MULTILINE)
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
MAX_SCHEMA_BYTES = 10 * 1024 * 1024  # the schema is a few hundred kB; the path comes from the plan


def _version_text(version: tuple[int, ...] | None) -> str:
    return ".".join(map(str, version)) if version else "ไม่ระบุรุ่น"


def check(plan: Path, text: str, installed: dict[str, Any] | None = None) -> list[Problem]:
    """A warning when the modeline's schema is missing, or older or newer than the installed one
    (``installed``: the plan's schema unless given, the district's for district.yaml)."""
    found = MODELINE.search(text[:2000])
    if not found or _URL.match(found.group(1)):
        return []
    target = found.group(1)
    line = text[: found.start()].count("\n") + 1
    copy = plan.parent / target
    flag = " --district" if installed is not None and installed is not schema() else ""
    update = f"tambondoc schema{flag} --write {Path(os.path.normpath(copy.parent)).as_posix()}"

    def warn(message: str) -> list[Problem]:
        return [Problem(str(plan), line, found.start(1) - found.start() + 1, message, level="warning", rule=ID)]

    try:
        theirs = json.loads(read_regular(copy, MAX_SCHEMA_BYTES).decode("utf-8"))
    except FileNotFoundError:
        return warn(f"ไม่พบไฟล์ schema '{target}' ที่บรรทัดนี้อ้างถึง โปรแกรมแก้ไขจึงช่วยตรวจและเติมคำไม่ได้ "
                    f"สร้างด้วย: {update}")
    except (OSError, ValueError):
        return warn(f"อ่านไฟล์ schema '{target}' ไม่ได้ ให้เขียนใหม่ด้วย: {update}")
    if not isinstance(theirs, dict):
        return warn(f"ไฟล์ '{target}' ไม่ใช่ schema ให้เขียนใหม่ด้วย: {update}")
    ours = installed if installed is not None else schema()
    mine = id_version(ours.get("$id"))
    copy_version = id_version(theirs.get("$id"))
    if copy_version == mine or {**theirs, "$id": ""} == {**ours, "$id": ""}:
        return []
    if copy_version is None or (mine is not None and copy_version < mine):
        return warn(f"สำเนา schema '{target}' เป็นของ tambondoc {_version_text(copy_version)} เก่ากว่ารุ่นที่ติดตั้ง "
                    f"({__version__}) โปรแกรมแก้ไขอาจตรวจไม่ตรงกับ validate ปรับด้วย: {update}")
    return warn(f"สำเนา schema '{target}' เป็นของ tambondoc {_version_text(copy_version)} ใหม่กว่ารุ่นที่ติดตั้ง "
                f"({__version__}) ให้ติดตั้ง tambondoc รุ่นเดียวกับคลังแผน")
