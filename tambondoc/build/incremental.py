"""Skip plans whose inputs have not changed since their last build.

The inputs of a build are the plan file, the images it references, the templates it was
rendered with (wherever they were found) and the tambondoc version; their digests are kept in
a stamp file beside the outputs.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from tambondoc import __version__
from tambondoc.files import write_atomic

STAMP = ".tambondoc-stamp.json"


def digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def image_inputs(plan: Path, data: dict[str, Any]) -> list[Path]:
    """Image files a plan refers to, relative to the plan file."""
    base = plan.resolve().parent
    tambon = data.get("tambon") or {}
    refs = [tambon.get("map_image"), (data.get("settings") or {}).get("garuda_image")]
    refs += [p.get("file") for p in tambon.get("photos") or [] if isinstance(p, dict)]
    return [base / r for r in refs if isinstance(r, str)]


def make_stamp(plan: Path, inputs: list[Path], outputs: list[Path], pdf: bool) -> dict[str, Any]:
    return {
        "version": __version__,
        "pdf": pdf,
        "plan": str(plan.resolve()),
        "inputs": {str(p.resolve()): digest(p) for p in [plan, *inputs]},
        "outputs": sorted(p.name for p in outputs),
    }


def write_stamp(outdir: Path, stamp: dict[str, Any]) -> None:
    write_atomic(outdir / STAMP, json.dumps(stamp, ensure_ascii=False, indent=1).encode("utf-8"))


def is_current(plan: Path, outdir: Path, pdf: bool, templates: list[Path]) -> bool:
    """True when the last build of ``plan`` into ``outdir`` used exactly today's inputs.

    ``templates`` are the template files the build would use now, so adding an override
    template (or removing one) triggers a rebuild even if no recorded file changed.
    """
    try:
        stamp = json.loads((outdir / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if stamp.get("version") != __version__ or (pdf and not stamp.get("pdf")):
        return False
    if stamp.get("plan") != str(plan.resolve()):
        return False
    recorded: dict[str, str | None] = stamp.get("inputs", {})
    if any(str(t.resolve()) not in recorded for t in templates):
        return False
    if any(digest(Path(path)) != value for path, value in recorded.items()):
        return False
    return all((outdir / name).is_file() for name in stamp.get("outputs", []))
