"""Shared fixtures: the example plan, and LibreOffice conversion for reading documents back."""

from __future__ import annotations

import io
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from docx import Document

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "plans" / "example-tambon.yaml"
EXAMPLE_DISTRICT = ROOT / "examples" / "district"


@pytest.fixture
def example_plan(tmp_path: Path) -> Path:
    """A private copy of the example plan (with its images) that a test may edit, in a plan
    repository's layout: the schema its first line points at is there too."""
    shutil.copytree(EXAMPLE.parent, tmp_path / "plans")
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    return tmp_path / "plans" / EXAMPLE.name


@pytest.fixture
def example_district(tmp_path: Path) -> Path:
    """A private copy of the example district (district.yaml and its plans) that a test may edit,
    with the schemas its files' first lines point at."""
    shutil.copytree(EXAMPLE_DISTRICT, tmp_path / "examples" / "district")
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    return tmp_path / "examples" / "district"


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


needs_libreoffice = pytest.mark.skipif(
    soffice() is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) and poppler-utils (pdftotext) are not installed",
)


def to_pdf(document: Path) -> Path:
    """Convert a .docx/.xlsx with LibreOffice as a person would open it; return the PDF."""
    outdir = document.parent / "pdf"
    profile = (document.parent / "lo-profile").as_uri()
    subprocess.run(
        [soffice(), f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(outdir), str(document)],
        check=True, capture_output=True, timeout=300,
    )
    return outdir / (document.stem + ".pdf")


def pdf_text(pdf: Path, layout: bool = False) -> str:
    args = ["pdftotext", "-layout"] if layout else ["pdftotext"]
    return subprocess.run([*args, str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def document_text(document: Path, layout: bool = False) -> str:
    """The text a reader sees in the document, as pdftotext reads LibreOffice's PDF."""
    return pdf_text(to_pdf(document), layout)


def stand_in_plan_book(folder: Path) -> Path:
    """The plan book is another document's job: a one-line stand-in keeps this module fast."""
    folder.mkdir(parents=True, exist_ok=True)
    doc = Document()
    doc.add_paragraph("{{ plan.title }}")
    doc.save(folder / "plan-book.docx")
    return folder


def tiny_templates(folder: Path) -> Path:
    """Tiny stand-in templates for all three documents, for tests of the pipeline, not layouts."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (("plan-book.docx", "ตำบล{{ tambon.name }} {{ totals.amount|money }} {{ totals.amount|baht_text }}"),
                       ("kbt-order.docx", "ที่ {{ committee.order.number|num('order') }} {{ committee.order.date|thai_date }}"),
                       ("coordination.docx", "{{ lg.name }} {{ lg.totals.amount|money }}")):
        doc = Document()
        doc.add_paragraph(text)
        doc.save(folder / name)
    return folder


class Ran(NamedTuple):
    """What a command printed and how it exited, as a person at the terminal sees it."""

    code: int
    out: str
    err: str


def run(*args: Any) -> Ran:
    """Run ``tambondoc ARGS`` in-process; a traceback (anything but a clean exit) fails the test."""
    from click.testing import CliRunner

    from tambondoc.cli import cli

    result = CliRunner().invoke(cli, [str(a) for a in args], prog_name="tambondoc")
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return Ran(result.exit_code, result.stdout, result.stderr)


def replace_in(path: Path, old: str, new: str, count: int = 1) -> int:
    """Replace the first ``count`` ``old`` in a text file; return the 1-based line of the first."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


def squash(text: str) -> str:
    """Text to compare with what pdftotext reads: it puts stray spaces inside Thai words
    (เป็ น) and may swap stacked marks (ครัง้), so whitespace and Thai marks are dropped."""
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch) != "Mn")


def read_docx(path: Path | str) -> Any:
    """A built .docx as python-docx reads it, without the word joiners (U+2060) that keep
    printed names whole: drawn as nothing, so its text is what a reader sees."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    joiner = "\u2060".encode()
    cleaned = io.BytesIO()
    with zipfile.ZipFile(cleaned, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data.replace(joiner, b"") if name.endswith(".xml") else data)
    return Document(cleaned)


def check_invocation(args: list[str]) -> None:
    """``tambondoc ARGS`` names a command that exists, with options it takes, and a value among
    an option's choices where it has them (``--format markdown``)."""
    import click

    from tambondoc.cli import cli

    command: click.Command = cli
    while isinstance(command, click.Group) and args and not args[0].startswith("-"):
        found = command.get_command(click.Context(command), args[0])
        assert found is not None, f"no command {args[0]!r}"
        command, args = found, args[1:]
    options = {o: p for p in command.params for o in p.opts + p.secondary_opts}
    for i, arg in enumerate(args):
        if arg.startswith("-") and arg != "-":
            name = arg.split("=")[0]
            assert name in options or name in ("-h", "--help"), f"{command.name} has no option {arg}"
            kind = options[name].type if name in options else None
            if isinstance(kind, click.Choice) and i + 1 < len(args):
                assert args[i + 1] in kind.choices, f"{command.name} {name}: {args[i + 1]!r} is not one of {kind.choices}"
