"""Find the template for each document: --templates DIR, the plan repository, or the default."""

from __future__ import annotations

from pathlib import Path

from tambondoc.errors import PlanError
from tambondoc.resources import default_templates_dir


def repository_templates(plan: Path) -> Path | None:
    """A ``templates/docx`` folder beside the plan or in a folder above it (up to the repo root)."""
    folder = plan.resolve().parent
    for candidate in [folder, *folder.parents]:
        found = candidate / "templates" / "docx"
        if found.is_dir():
            return found
        if (candidate / ".git").exists():
            break
    return None


def find_template(name: str, plan: Path, override: Path | None = None) -> Path:
    """The file for template ``name`` (e.g. 'plan-book.docx'), per document, first found wins."""
    for folder in (override, repository_templates(plan), default_templates_dir()):
        if folder is None:
            continue
        if (folder / name).is_file():
            return folder / name
        if folder != default_templates_dir() and ((folder / name).exists() or (folder / name).is_symlink()):
            # a folder (or a broken link) at a template's name was passed over for the default
            raise PlanError(f"{folder / name} ไม่ใช่ไฟล์แม่แบบ (เป็นโฟลเดอร์หรือลิงก์ที่ใช้ไม่ได้) "
                            "ให้ลบหรือเปลี่ยนชื่อ แล้วคัดลอกแม่แบบด้วย tambondoc templates init")
    raise PlanError(f"ไม่พบแม่แบบ {name} (ค้นใน --templates, templates/docx ของที่เก็บแผน และแม่แบบมาตรฐาน)")


def unreadable(path: Path, error: Exception, named: bool = True) -> str:
    """Why a template file could not be opened, and what to do: the library's own words ('File is
    not a zip file', 'Package not found') told an officer nothing. ``named``: say the path (a
    report that leads with it says 'this template')."""
    import zipfile

    from docx.opc.exceptions import PackageNotFoundError

    named_as = f"แม่แบบ {path} " if named else "แม่แบบนี้"
    if isinstance(error, (zipfile.BadZipFile, PackageNotFoundError, KeyError)):
        return (f"{named_as}ไม่ใช่ไฟล์ Word (.docx) ที่เปิดได้ (ไฟล์อาจเสีย คัดลอกไม่ครบ หรือบันทึกเป็นชนิดอื่น) "
                f"ให้เปิดใน Word แล้วบันทึกเป็น .docx ใหม่ หรือคัดลอกแม่แบบมาตรฐานด้วย tambondoc templates init [{error}]")
    return f"เปิดหรือสร้างเอกสารจาก{named_as}ไม่ได้: {error}"


TEMPLATE_FILES = ("plan-book.docx", "kbt-order.docx", "coordination.docx", "garuda.png")
# a district's own documents (tambondoc build on a folder with district.yaml)
DISTRICT_TEMPLATE_FILES = ("socho-order.docx", "socho-announcement.docx", "needs-plan.docx")


def init_templates(target: Path) -> list[Path]:
    """Copy the default templates into ``target`` for editing; never overwrite a file.

    Each copy is atomic (a full disk leaves no truncated template for the next run to take
    as complete).
    """
    from tambondoc.files import copy_atomic

    copied = []
    for name in TEMPLATE_FILES + DISTRICT_TEMPLATE_FILES:
        source, dest = default_templates_dir() / name, target / name
        if source.is_file() and not dest.exists():
            copy_atomic(source, dest)
            copied.append(dest)
    return copied
