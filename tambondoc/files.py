"""Write outputs atomically, inside the output folder only."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from tambondoc.errors import PlanError


def safe_name(name: str) -> str:
    """A file name built from plan data that cannot leave its folder."""
    cleaned = "".join(c if c.isalnum() or c in "-_." else "-" for c in name).strip(".-")
    if not cleaned:
        raise PlanError(f"ชื่อไฟล์ผลลัพธ์ '{name}' ใช้ไม่ได้")
    return cleaned


def inside(folder: Path, name: str) -> Path:
    target = (folder / name).resolve()
    if folder.resolve() not in target.parents:
        raise PlanError(f"ชื่อไฟล์ผลลัพธ์ '{name}' อยู่นอกโฟลเดอร์ {folder}")
    return target


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path`` then rename, so no reader sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
