"""Skip plans whose inputs have not changed since their last build.

The inputs of a build are the plan file (the bytes that were validated, not the file as it is
when the build ends), the images it references, the templates it was rendered with (wherever
they were found) and the tambondoc version; their digests are kept in a stamp file beside the
outputs, with the names of the outputs the build made (a later build removes those it no
longer makes, and nothing else).
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path
from typing import Any

from tambondoc import __version__
from tambondoc.check.rules.images import image_refs
from tambondoc.files import write_atomic

STAMP = ".tambondoc-stamp.json"
MAX_DIGEST_BYTES = 64 * 1024 * 1024  # larger inputs are tracked by size and time, not read
CHUNK = 1024 * 1024
MAX_INPUTS = 1000  # a stamp listing more was not written by a build


def bytes_digest(data: bytes) -> str:
    """The SHA-256 of ``data``, as ``digest`` gives a file's."""
    return hashlib.sha256(data).hexdigest()


def digest(path: Path) -> str | None:
    """The SHA-256 of a regular file; None for anything else (missing, a device, a FIFO, a folder).

    The file is opened without blocking and checked on the open descriptor, so a FIFO or
    /dev/zero named as an image can neither hang nor fill memory.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except (OSError, ValueError):
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None
        if info.st_size > MAX_DIGEST_BYTES:
            return f"size:{info.st_size}:mtime:{info.st_mtime_ns}"
        h = hashlib.sha256()
        read = 0
        while chunk := os.read(fd, CHUNK):
            h.update(chunk)
            read += len(chunk)
            if read > MAX_DIGEST_BYTES:
                return f"size:{info.st_size}:mtime:{info.st_mtime_ns}"
        return h.hexdigest()
    except OSError:
        return None
    finally:
        os.close(fd)


def image_inputs(plan: Path, data: dict[str, Any]) -> list[Path]:
    """Image files a plan refers to, relative to the plan file."""
    base = plan.resolve().parent
    return [base / ref for _, ref in image_refs(data) if isinstance(ref, str) and ref]


def make_stamp(plan: Path, plan_digest: str, inputs: list[Path], outputs: list[Path], pdf: bool) -> dict[str, Any]:
    """The stamp of a build; ``plan_digest`` is ``bytes_digest`` of the bytes validated and built."""
    recorded = {str(p.resolve()): digest(p) for p in inputs}
    recorded[str(plan.resolve())] = plan_digest
    return {
        "version": __version__,
        "pdf": pdf,
        "plan": str(plan.resolve()),
        "inputs": recorded,
        "outputs": sorted(p.name for p in outputs),
    }


def write_stamp(outdir: Path, stamp: dict[str, Any]) -> None:
    write_atomic(outdir / STAMP, json.dumps(stamp, ensure_ascii=False, indent=1).encode("utf-8"))


def read_stamp(outdir: Path) -> dict[str, Any]:
    """The last build's stamp, or {} when there is none (or it cannot be read)."""
    try:
        with (outdir / STAMP).open("rb") as f:
            stamp = json.loads(f.read(MAX_DIGEST_BYTES).decode("utf-8"))
    except (OSError, ValueError):
        return {}
    return stamp if isinstance(stamp, dict) else {}


def previous_outputs(outdir: Path) -> list[str]:
    """The names of the files the last build in ``outdir`` wrote, as its stamp records them."""
    names = read_stamp(outdir).get("outputs")
    return [n for n in names if isinstance(n, str)] if isinstance(names, list) else []


def is_current(plan: Path, outdir: Path, pdf: bool, templates: list[Path]) -> bool:
    """True when the last build of ``plan`` into ``outdir`` used exactly today's inputs.

    ``templates`` are the template files the build would use now, so adding an override
    template (or removing one) triggers a rebuild even if no recorded file changed.
    """
    stamp = read_stamp(outdir)
    if stamp.get("version") != __version__ or (pdf and not stamp.get("pdf")):
        return False
    if stamp.get("plan") != str(plan.resolve()):
        return False
    recorded = stamp.get("inputs")
    if not isinstance(recorded, dict) or len(recorded) > MAX_INPUTS or any(str(t.resolve()) not in recorded for t in templates):
        return False
    if any(digest(Path(path)) != value for path, value in recorded.items()):
        return False
    return all((outdir / name).is_file() for name in previous_outputs(outdir))
