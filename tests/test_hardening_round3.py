"""Hardening, third round: input as officers produce it in a text editor or a git web UI.

One test per problem found; each fails on the code before its fix.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from conftest import run, tiny_templates


def test_a_jpeg_saved_with_a_png_name_is_a_photo_not_a_damaged_file(tmp_path: Path, example_plan: Path) -> None:
    """python-docx names a picture's format after its file name: the JPEG's end was looked for as
    a PNG's, and the photo was left out as 'damaged'."""
    from PIL import Image

    photo = example_plan.parent / "images" / "workshop-1.png"
    jpeg = io.BytesIO()
    Image.open(photo).convert("RGB").save(jpeg, format="JPEG")
    photo.write_bytes(jpeg.getvalue())
    out = tmp_path / "out"
    code, _, err = run("build", example_plan, "-o", out, "--templates", tiny_templates(tmp_path / "tpl"))
    assert code == 0
    assert "workshop-1.png" not in err
    code, _, err = run("build", example_plan, "-o", out, "--force")
    assert (code, err) == (0, "")
    with zipfile.ZipFile(out / example_plan.stem / "plan-book.docx") as book:
        media = {name: book.read(name) for name in book.namelist() if name.startswith("word/media/")}
        types = book.read("[Content_Types].xml").decode()
    assert jpeg.getvalue() in media.values()
    name = next(name for name, data in media.items() if data == jpeg.getvalue())
    assert f'<Override PartName="/{name}" ContentType="image/jpeg"/>' in types
