"""The .docx side of a PDF conversion: the copy LibreOffice converts, and the contents page
numbers it computed, written back into the .docx.

LibreOffice reads Word's Thai distributed alignment (``thaiDistribute``) as left aligned, so
the copy it converts asks for justified text instead, which LibreOffice spreads over Thai
character cells as Word does. The .docx itself keeps ``thaiDistribute`` for Word.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from tambondoc.docx.toc import with_page_numbers
from tambondoc.files import write_atomic
from tambondoc.thai import thai_digits

JUSTIFIED_PARTS = ("word/document.xml", "word/styles.xml")


def _rewrite(source: Path, parts: dict[str, bytes]) -> bytes:
    """The bytes of ``source`` with ``parts`` replaced, every other entry copied as it was
    (names, order, dates and compression kept, so equal inputs give equal bytes)."""
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(buffer, "w") as new:
        for info in old.infolist():
            data = parts.get(info.filename)
            if data is None:
                data = old.read(info)
            new.writestr(info, data, compress_type=info.compress_type)
    return buffer.getvalue()


def justified_copy(source: Path, target: Path) -> None:
    """``source`` with Thai distributed alignment turned into justified, written to ``target``."""
    with zipfile.ZipFile(source) as z:
        names = set(z.namelist())
        parts = {name: z.read(name).replace(b'w:val="thaiDistribute"', b'w:val="both"')
                 for name in JUSTIFIED_PARTS if name in names}
    target.write_bytes(_rewrite(source, parts))


def write_contents_numbers(docx: Path, numbers: list[str], thai: bool) -> bool:
    """Put ``numbers`` (one per contents entry) into the contents of ``docx``; False when they
    do not pair with its entries, and the .docx is left as it was."""
    with zipfile.ZipFile(docx) as z:
        xml = z.read("word/document.xml")
    shown = [thai_digits(n) if thai else n for n in numbers]
    patched = with_page_numbers(xml, shown)
    if patched is None:
        return False
    write_atomic(docx, _rewrite(docx, {"word/document.xml": patched}))
    return True
