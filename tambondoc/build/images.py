"""Photos too large to send: a document embeds a picture's bytes as they are, so one 30 MB phone
photo makes a 30 MB plan book that no e-mail takes. The build goes on; the officer is told which
photo, how large, and what to do."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from tambondoc.check.rules.images import image_refs
from tambondoc.docx.render import ImageLoader

LARGE_MB = 5  # a phone's full-size photo is 3-12 MB; a page needs well under 1 MB; e-mail takes 25 MB
MB = 1024 * 1024


def image_sizes(plan: Path, data: dict[str, Any]) -> dict[int, list[str]]:
    """{size in bytes: the plan's names of it} of each image the plan names that is larger than
    ``LARGE_MB`` (and not so large the renderer leaves it out: that has its own warning)."""
    base = plan.resolve().parent
    sizes: dict[int, list[str]] = {}
    for _, ref in image_refs(data):
        if not isinstance(ref, str) or not ref:
            continue
        try:
            size = (base / ref).stat().st_size
        except (OSError, ValueError):
            continue
        if LARGE_MB * MB < size <= ImageLoader.MAX_BYTES and ref not in sizes.get(size, []):
            sizes.setdefault(size, []).append(ref)
    return sizes


def large_images(sizes: dict[int, list[str]], outputs: dict[str, bytes]) -> list[str]:
    """A warning for each large image (``image_sizes``) a .docx of ``outputs`` holds: found by its
    size among the document's pictures, so a template that leaves a photo out warns of nothing."""
    warnings = []
    for name, content in outputs.items() if sizes else ():
        if not name.endswith(".docx"):
            continue
        with zipfile.ZipFile(io.BytesIO(content)) as docx:
            held = {info.file_size for info in docx.infolist() if info.filename.startswith("word/media/")}
        warnings += [f"{name}: ภาพ {ref} ใหญ่ {size / MB:.1f} MB และใส่ในเอกสารทั้งขนาดนั้น ไฟล์เอกสารจึงใหญ่จน"
                     f"ส่งทางอีเมลหรือ LINE ได้ยาก ให้ย่อภาพให้เล็กกว่า {LARGE_MB} MB (เช่น บันทึกเป็น JPEG "
                     "ด้านยาวไม่เกิน 2000 พิกเซล) แล้วสร้างใหม่"
                     for size in sorted(held & sizes.keys()) for ref in sizes[size]]
    return warnings
