"""Images the documents embed stay inside the plan's repository (or its folder, without one).

A plan names its map, photos and emblem by path; a pull request that points one at
'/home/runner/.ssh/id_rsa' or '../../secrets.png' must not pull a file of the machine that builds
it into the published documents.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tambondoc.check.rules.access import Finding, get, items_of
from tambondoc.files import repository_root

ID = "images"


def image_refs(data: Any) -> Iterator[tuple[list[str | int], Any]]:
    """(path in the plan, value) of every image the plan names."""
    yield ["tambon", "map_image"], get(data, "tambon", "map_image")
    for i, photo in items_of(data, "tambon", "photos"):
        yield ["tambon", "photos", i, "file"], photo.get("file")
    yield ["settings", "garuda_image"], get(data, "settings", "garuda_image")


def outside(ref: str, plan: Path, root: Path) -> bool:
    """Whether image ``ref`` (relative to the plan file) resolves outside ``root``, links followed."""
    try:
        target = (plan.resolve().parent / ref).resolve()
    except (OSError, ValueError, RuntimeError):
        return True
    return target != root and root not in target.parents


def check_files(data: dict[str, Any], plan: Path) -> Iterator[Finding]:
    root = repository_root(plan)
    where = "ที่เก็บ git ของแผน" if (root / ".git").exists() else "โฟลเดอร์ของไฟล์แผน"
    for path, ref in image_refs(data):
        if isinstance(ref, str) and ref and outside(ref, plan, root):
            yield path, False, (f"ภาพ '{ref}' อยู่นอก{where} ({root}) จึงไม่นำเข้าเอกสาร "
                                "ให้คัดลอกภาพมาไว้ในโฟลเดอร์ของแผน (เช่น images/) แล้วอ้างถึงแบบเทียบกับไฟล์แผน"), "error"
