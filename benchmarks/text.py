"""Does every word a plan says reach the page? Each project's texts, read back from the documents:
in order, whole, once.

    python benchmarks/text.py [--seeds 301:1:40,302:2:120,303:3:200,304:5:300,305:4:80] [--edge]
                              [--keep DIR] [--plan PLAN]... [--no-pdf]

Each SEED:YEARS:PROJECTS is a plan of ``benchmarks/realistic.py``; ``--edge`` adds the plan of
``benchmarks/edge.py`` for one to five years (realistic texts made odd: long unbroken words, English, bullets, tabs,
blank lines, Thai numerals, extreme amounts); ``--plan PLAN`` (repeatable) reads plans of your own
instead of the seeds'. For every project a document lists (the plan book all, a coordination list
those sent to its อปท.), each text field it prints (the plan book: name, target, period, place;
a list: name, objective, target, KPI, expected result, agency, place, note) is looked for twice:

- docx: in the .docx's tables, cell by cell in table order, a long cell's rest taken from the rows
  ``docx.overflow`` continues it in ("<heading> (ต่อ)"): the cell must hold exactly the field's text.
- pdf: the .docx converted with LibreOffice (a profile of its own) and read back with ``pdftotext
  -raw`` (the content stream's order, which is the cells' order): the field's text must come out in
  order, in pieces (a row cut at a page's foot continues under the repeated heading, a long cell
  in its continuation row) of at least 6 characters (a shorter one only when the next follows it
  within a page), and no piece more often in the PDF than in the .docx (pieces of Thai: a run of
  digits repeats itself and is counted across its neighbours; a piece that ran on into the next
  cell, where the text happened to go on alike, is in the .docx nowhere).

Also counted (not failed on): list marks ('1.', '2)', '•') alone at a line's end in the PDF, their
text on the next line or page (``lone_marks``).

Texts are compared without whitespace (lines wrap anywhere), word joiners and soft hyphens (drawn
as nothing), Thai digits read as Arabic (the plan's numeral setting). Prints a line per document
and exits 1 when anything is missing, garbled or duplicated.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_INVISIBLE = re.compile(r"[\s\u2060\u00ad\u200b\ufeff]+")
_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_ASIDE = re.compile(r"\([^()]*\)$")
CONTINUED = re.compile(r"^(.*?) \(ต่อ\) ")  # docx.overflow's label, as the row's first run holds it
CHUNK = 24  # the characters of a piece counted in the page and in the .docx
SHORTEST = 6  # a piece of text shorter than this is found anywhere: only a text's last piece may be
BOOK_FIELDS = {"name": "แผนงาน/โครงการ", "target": "เป้าหมาย", "period": "ระยะเวลา", "location": "สถานที่ดำเนินการ"}


def plain(text: str) -> str:
    """``text`` as compared: no whitespace or invisible characters, Arabic digits."""
    return _INVISIBLE.sub("", text).translate(_DIGITS)


def list_fields() -> dict[str, str]:
    """The coordination list's text fields and their column labels (``context.columns``)."""
    from tambondoc.context.columns import COORDINATION_AFTER_BUDGET, COORDINATION_BEFORE_BUDGET, FIELD_BY_KEY

    keys = COORDINATION_BEFORE_BUDGET + COORDINATION_AFTER_BUDGET
    return {k: _ASIDE.sub("", plain("".join(FIELD_BY_KEY[k].form))) for k in keys}


def printed(project: dict[str, Any], key: str, book: bool) -> str:
    """What a document prints for a project's field (the templates' expressions)."""
    if key == "location":
        return str(project["location_text"])
    if book and key == "target":
        return "\n".join(project["target_paragraphs"])
    if key == "note":
        return str(project.get("note") or "")
    return str(project.get(key) or ("" if key == "name" else "-"))


@dataclass
class Listed:
    """A document and the projects it lists, in order, with the fields it prints."""

    docx: Path
    projects: list[dict[str, Any]]
    fields: dict[str, str]  # key -> plain column label

    @property
    def book(self) -> bool:
        return self.docx.stem == "plan-book"


def documents(plan: Path, outdir: Path) -> list[Listed]:
    """The plan book and the coordination lists a build of ``plan`` wrote into ``outdir``."""
    from tambondoc.check.validate import validate_file
    from tambondoc.context.build import build_context

    context = build_context(validate_file(plan).data)
    found = [Listed(outdir / "plan-book.docx", [p for g in context["strategy_groups"] for p in g["projects"]],
                    {k: plain(v) for k, v in BOOK_FIELDS.items()})]
    for lg in context["local_governments"]:
        path = outdir / f"coordination-{lg['id']}.docx"
        if path.exists():
            found.append(Listed(path, [p for g in lg["groups"] for p in g["projects"]], list_fields()))
    return found


# ---------------------------------------------------------------- the .docx, in table order

def _text(el: Any) -> str:
    out = []
    for node in el.iter(W + "t", W + "tab", W + "br", W + "p"):
        out.append(node.text or "" if node.tag == W + "t" else "\n" if node.tag != W + "tab" else "\t")
    return "".join(out)


def _cells(tr: Any) -> list[tuple[int, int, Any]]:
    """(grid column, span, w:tc) of each cell of a row."""
    out, column = [], 0
    for tc in tr.findall(W + "tc"):
        span = tc.find(f"{W}tcPr/{W}gridSpan")
        width = int(span.get(W + "val")) if span is not None else 1
        out.append((column, width, tc))
        column += width
    return out


def docx_rows(docx: Path, labels: dict[str, str]) -> list[dict[str, str]]:
    """Each project row of the tables whose heading names a project column, as {field: text},
    a cell's rest from its continuation rows appended (``docx.overflow``)."""
    from lxml import etree

    with zipfile.ZipFile(docx) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    rows: list[dict[str, str]] = []
    for tbl in root.iter(W + "tbl"):
        if tbl.getparent().tag == W + "tc":
            continue
        columns: dict[int, str] = {}  # grid column -> field
        grid = len(tbl.findall(f"{W}tblGrid/{W}gridCol"))
        for tr in tbl.findall(W + "tr"):
            cells = _cells(tr)
            if tr.find(f"{W}trPr/{W}tblHeader") is not None:
                for column, _, tc in cells:
                    heading = _ASIDE.sub("", plain(_text(tc)))
                    key = next((k for k, v in labels.items() if v == heading), None)
                    if key and column not in columns:
                        columns[column] = key
                continue
            if "name" not in columns.values():
                break
            if len(cells) == 1 and cells[0][1] == grid:
                text = _text(cells[0][2]).lstrip("\n")
                label = CONTINUED.match(text)
                if label and rows:
                    key = next((k for k, v in labels.items() if v == _ASIDE.sub("", plain(label.group(1)))), None)
                    if key:
                        rows[-1][key] += "\n" + text[label.end():]
                continue
            number = plain(_text(cells[0][2])) if cells else ""
            if number.isdigit() and len(cells) > 1:
                rows.append({columns[c]: _text(tc) for c, _, tc in cells if c in columns})
    return rows


@dataclass
class Finding:
    where: str      # docx or pdf
    project: str
    field: str
    kind: str       # missing, garbled, duplicated, row missing
    detail: str = ""


def compare(expected: str, got: str) -> tuple[str, str]:
    """(kind, detail) of two plain texts that differ: the first 40 characters from where they part."""
    at = next((i for i, (a, b) in enumerate(zip(expected, got)) if a != b), min(len(expected), len(got)))
    kind = "missing" if len(got) < len(expected) else "duplicated" if len(got) > len(expected) else "garbled"
    return kind, f"at {at}: expected '{expected[at:at + 40]}' got '{got[at:at + 40]}'"


def check_docx(doc: Listed) -> Iterator[Finding]:
    """Each listed project's row holds each field's text, exactly (whitespace aside)."""
    rows = docx_rows(doc.docx, doc.fields)
    for index, project in enumerate(doc.projects):
        if index >= len(rows):
            yield Finding("docx", project["id"], "", "row missing")
            continue
        for key in doc.fields:
            want, got = plain(printed(project, key, doc.book)), plain(rows[index].get(key, ""))
            if want != got:
                yield Finding("docx", project["id"], key, *compare(want, got))
    for extra in rows[len(doc.projects):]:
        yield Finding("docx", "?", "", "duplicated", f"a row more: {plain(extra.get('name', ''))[:40]}")


# ---------------------------------------------------------------- the PDF, as pdftotext reads it

def pdf_text(pdf: Path) -> str:
    return plain(subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True,
                                check=True).stdout)


def find_pieces(text: str, page: str, at: int, first: int, gap: int = 12000) -> tuple[list[tuple[int, int]], int | None]:
    """``text`` in ``page`` from ``at`` on, in pieces: each starts at the nearest place its first
    SHORTEST characters are found, within ``gap`` characters of the piece before (the first within
    ``first``), and runs as far as the two agree. (Nearest, not longest: a plan repeats its phrases,
    and a longer match a page further on took a piece from another project.) Returns the pieces as
    (position, length), and where in ``text`` the first character not found is, or None."""
    pieces: list[tuple[int, int]] = []
    start, reach = 0, first
    while start < len(text):
        size = min(SHORTEST, len(text) - start)
        where = page.find(text[start:start + size], at, at + reach + size)
        while where < 0 and size > 1:  # a shorter piece (the last line of a row cut at a page's foot,
            size -= 1                   # '321'), when the rest starts within a gap of it
            where = page.find(text[start:start + size], at, at + reach + size)
            rest = text[start + size:start + size + SHORTEST]
            if where >= 0 and rest and page.find(rest, where + size, where + size + gap + len(rest)) < 0:
                where = -1
        if where < 0:
            return pieces, start
        length = size
        while start + length < len(text) and where + length < len(page) \
                and page[where + length] == text[start + length]:
            length += 1
        pieces.append((where, length))
        start, at, reach = start + length, where + length, gap
    return pieces, None


def docx_text(docx: Path) -> str:
    """The plain text of a .docx's body, as compared."""
    from lxml import etree

    with zipfile.ZipFile(docx) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return plain("".join(t.text or "" for t in root.iter(W + "t")))


def check_pdf(doc: Listed, page: str, source: str) -> Iterator[Finding]:
    """Each listed project's fields come out in order and whole, after its name; and once: each
    piece's first CHUNK characters are in the page no more often than in the .docx's ``source``."""
    cursor = 0
    for project in doc.projects:
        name = plain(printed(project, "name", doc.book))
        pieces, lost = find_pieces(name, page, cursor, len(page))
        if lost is not None:
            yield Finding("pdf", project["id"], "name", "missing", f"at {lost}: '{name[lost:lost + 40]}'")
        if not pieces:
            continue
        cursor = pieces[0][0]
        for key in doc.fields:
            want = plain(printed(project, key, doc.book))
            if not want:
                continue
            found, lost = (pieces, lost) if key == "name" else find_pieces(want, page, cursor, 40000)
            if lost is not None and key != "name":
                yield Finding("pdf", project["id"], key, "missing", f"at {lost}: '{want[lost:lost + 40]}'")
            for where, length in found:
                chunk = page[where:where + CHUNK]
                if length >= CHUNK and not chunk.isascii() and 0 < source.count(chunk) < page.count(chunk):
                    yield Finding("pdf", project["id"], key, "duplicated", f"'{chunk}' {page.count(chunk)} times, "
                                  f"in the .docx {source.count(chunk)}")
                    break


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
_MARK = re.compile(r"^\(?[0-9๐-๙]{1,2}[.)]$|^•$")
GAP = 0.36  # of a line's height: two words of a cell's line are closer (a space), two cells' further (margins)


def lone_marks(pdf: Path) -> int:
    """List marks ('1.', '2)', '•') alone on their line in the PDF, their text on the next line
    or the next page: a word first and last on its line (no word within a GAP on either side) with
    the next line of its column starting under it, or nothing under it on the page."""
    found = 0
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for page in html.split("<page ")[1:]:
        words = [(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in _WORD.findall(page)]
        for x0, y0, x1, y1, text in words:
            if not _MARK.match(text):
                continue
            line = [w for w in words if abs(w[3] - y1) < 1 and w[0] != x0]  # the same baseline
            gap = GAP * (y1 - y0)
            if any(-gap < w[0] - x1 < gap or -gap < x0 - w[2] < gap for w in line):
                continue
            under = [w for w in words if abs(w[0] - x0) < 1.5 and w[3] > y1 + 1]
            below = min(under, key=lambda w: w[3]) if under else None
            found += below is None or (below[3] - y1 < 2 * (y1 - y0) and not _MARK.match(below[4]))
    return found


@dataclass
class Tally:
    projects: int = 0
    fields: int = 0
    lone: int = 0  # list marks alone on their line (``lone_marks``)
    findings: list[Finding] = field(default_factory=list)


def check(doc: Listed, pdf: bool) -> Tally:
    tally = Tally(len(doc.projects), sum(1 for p in doc.projects for k in doc.fields
                                         if plain(printed(p, k, doc.book))))
    tally.findings += check_docx(doc)
    if pdf:
        tally.findings += check_pdf(doc, pdf_text(doc.docx.with_suffix(".pdf")), docx_text(doc.docx))
        tally.lone = lone_marks(doc.docx.with_suffix(".pdf"))
    return tally


def convert(docs: list[Path], profile: Path) -> None:
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(docs[0].parent), *map(str, docs)], capture_output=True, check=True, timeout=1800)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", default="301:1:40,302:2:120,303:3:200,304:5:300,305:4:80")
    parser.add_argument("--edge", action="store_true", help="also the plans of odd texts (benchmarks/edge.py), 1-5 years")
    parser.add_argument("--keep", type=Path, help="build into this folder and keep it")
    parser.add_argument("--plan", type=Path, action="append", default=[], help="read this plan (repeatable)")
    parser.add_argument("--no-pdf", action="store_true", help="check the .docx only (no LibreOffice)")
    args = parser.parse_args()
    from realistic import write

    from tambondoc.build.plan import build_plan

    work = args.keep or Path(tempfile.mkdtemp(prefix="tambondoc-text-"))
    specs: list[tuple[str, Path]] = [(str(plan), plan) for plan in args.plan]
    for spec in [] if args.plan else args.seeds.split(","):
        seed, years, projects = (int(x) for x in spec.split(":"))
        specs.append((f"{seed}:{years}:{projects}", write(work / f"s{seed}" / "plan.yaml", projects, years, seed=seed)))
    if args.edge:
        from edge import write_edge

        for years in range(1, 6):
            specs.append((f"edge:{years}", write_edge(work / f"edge{years}" / "plan.yaml", years=years)))
    totals, bad = Tally(), 0
    print(f"{'plan':14} {'document':30} {'projects':>8} {'fields':>7} {'docx bad':>8} {'pdf bad':>8} {'lone marks':>10}")
    for number, (label, plan) in enumerate(specs):
        built = build_plan(plan, work / f"out{number}")
        docs = documents(plan, built.outdir)
        if not args.no_pdf:
            convert([d.docx for d in docs], work / "lo")
        for doc in docs:
            tally = check(doc, not args.no_pdf)
            totals.projects += tally.projects
            totals.fields += tally.fields
            totals.lone += tally.lone
            totals.findings += tally.findings
            in_docx = sum(f.where == "docx" for f in tally.findings)
            print(f"{label:14} {doc.docx.stem:30} {tally.projects:8} {tally.fields:7} {in_docx:8} "
                  f"{len(tally.findings) - in_docx:8} {tally.lone:10}")
            for f in tally.findings[:20]:
                print(f"    {f.where} {f.project} {f.field}: {f.kind} {f.detail}")
            bad += bool(tally.findings)
    kinds: dict[str, int] = {}
    for f in totals.findings:
        kinds[f"{f.where} {f.kind}"] = kinds.get(f"{f.where} {f.kind}", 0) + 1
    print(f"all: {len(specs)} plans, {totals.projects} project listings, {totals.fields} fields checked; "
          + (", ".join(f"{k} {v}" for k, v in sorted(kinds.items())) or "nothing lost, garbled or duplicated")
          + f"; list marks alone on their line {totals.lone}")
    print(f"documents in {work}" if args.keep else "")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
