"""Convert rendered .docx files to PDF with LibreOffice, when it is installed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from tambondoc.errors import PlanError
from tambondoc.write import write_atomic

INSTALL_HINT = (
    "ไม่พบโปรแกรม LibreOffice (soffice) จึงสร้าง PDF ไม่ได้ "
    "ติดตั้งด้วย: sudo apt-get install libreoffice-writer-nogui fonts-thai-tlwg "
    "(Windows/macOS: ติดตั้ง LibreOffice แล้วเพิ่มโฟลเดอร์ program ใน PATH)"
)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(files: list[Path], outdir: Path, timeout: int = 300) -> list[Path]:
    """Convert ``files`` into ``outdir``; each PDF appears atomically or not at all."""
    exe = soffice()
    if exe is None:
        raise PlanError(INSTALL_HINT)
    if not files:
        return []
    with tempfile.TemporaryDirectory(prefix="tambondoc-pdf-") as tmp:
        profile = Path(tmp, "profile").as_uri()
        cmd = [exe, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
               "--outdir", tmp, *map(str, files)]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired as e:
            raise PlanError(f"LibreOffice แปลงเป็น PDF ไม่เสร็จภายใน {timeout} วินาที") from e
        written = []
        for f in files:
            produced = Path(tmp, f.with_suffix(".pdf").name)
            if not produced.is_file():
                raise PlanError(f"LibreOffice แปลง {f.name} เป็น PDF ไม่ได้: {proc.stderr.strip()[-300:]}")
            target = outdir / produced.name
            write_atomic(target, produced.read_bytes())
            written.append(target)
    return written
