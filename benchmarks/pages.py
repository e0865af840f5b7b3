"""Page counts of the documents through LibreOffice, against the targets of the table-layout
issue, and the layout step's share of the build time.

    python benchmarks/pages.py [--keep DIR] [--only example,big,real5,real1] [--free] [--plan PLAN]...

``--plan PLAN`` (repeatable) measures a plan of your own instead, a real published one for
example: the same columns, and for each document the projects it lists and its pages per 100
of them, beside what the issue's targets for the five-year plan of 550 projects allow (plan
book 160 pages for 550 projects: 29.1; a coordination list 110 for about 270: 40.7).

Plans measured: the example; the example with 600 projects (the example's texts repeated);
a five-year plan of 550 projects with real text lengths (benchmarks/realistic.py) and a one-year
one. Each .docx is converted with LibreOffice (``soffice --convert-to pdf``) and its pages
counted with pdfinfo; runs below 12 pt are counted in the .docx itself, and so are the words
wider than their column ("broken": LibreOffice breaks them at the cell's edge, mid-word) and the
rows a long cell continues in ("cont": below a row taller than a page, ``docx.overflow``). With
``--free``, each document is converted again with every row free to split and nothing kept
with the next: how many pages the flow's rules cost.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

PER_100 = {"plan-book": 160 / 550 * 100, "coordination": 110 / 270 * 100}  # the real5 targets per 100 projects
LISTED = re.compile(r"รวมทั้งสิ้น\s*\(?\s*([\d\u0E50-\u0E59,]+)\s*โครงการ")  # the grand total's count
TARGETS = {  # (plan, document): most pages allowed
    ("example", "plan-book"): 28, ("example", "kbt-order"): 3, ("example", "coordination-abt-nongbua"): 4,
    ("big", "plan-book"): 100,
    ("real5", "plan-book"): 160, ("real5", "coordination-abt-nongbua"): 110, ("real5", "coordination-tm-nongbua"): 110,
}


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]


def small_runs(docx: Path) -> int:
    """Runs (and styles) whose size is below 12 pt (w:sz below 24 half-points)."""
    with zipfile.ZipFile(docx) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return sum(1 for size in re.findall(r'<w:sz w:val="(\d+)"', xml) if int(size) < 24)


def continuations(docx: Path) -> int:
    """Rows a long cell continues in, below a row taller than a page (``docx.overflow``): their
    bold label ends in '(ต่อ) '."""
    with zipfile.ZipFile(docx) as z:
        return len(re.findall(r"\(ต่อ\) </w:t>", z.read("word/document.xml").decode("utf-8")))


def broken_words(docx: Path) -> int:
    """Words wider than their column, by the layout's own measure: LibreOffice breaks them at the
    cell's edge (a column never holds less than its longest word unless the table is crowded,
    and then its rarest only: ``docx.layout.USUAL``)."""
    from lxml import etree

    from tambondoc import measure
    from tambondoc.docx.cells import read_rows, side_margins
    from tambondoc.docx.ooxml import W
    from tambondoc.docx.styles import Styles

    with zipfile.ZipFile(docx) as z:
        root = etree.fromstring(z.read("word/document.xml"))
        styles = Styles(etree.fromstring(z.read("word/styles.xml")))
    count = 0
    for tbl in root.iter(W + "tbl"):
        if tbl.getparent().tag == W + "tc":
            continue
        widths = [float(c.get(W + "w")) for c in tbl.find(W + "tblGrid").findall(W + "gridCol")]
        margins = side_margins(tbl)
        for row in read_rows(tbl, styles):
            for cell in row.cells:
                room = (sum(widths[cell.start:cell.start + cell.span]) - margins) / 20  # points
                count += sum(1 for lines, size, bold in cell.paragraphs for line in lines
                             for word in measure.words(line)
                             if not word.isspace() and measure.em_width(word, bold) * size / 2000 > room)
    return count


def listed(docx: Path) -> int | None:
    """The projects a document lists, as its grand total row counts them ('รวมทั้งสิ้น 12 โครงการ')."""
    with zipfile.ZipFile(docx) as z:
        text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", z.read("word/document.xml").decode("utf-8")))
    found = LISTED.search(text)
    if not found:
        return None
    return int(found.group(1).replace(",", "").translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")))


def unkept(docx: Path) -> Path:
    """A copy of ``docx`` whose rows may all split and nothing keeps with the next (w:cantSplit
    and w:keepNext gone): its page count is what the flow's rules cost, the text being the same."""
    free = docx.with_name(docx.stem + "-free.docx")
    with zipfile.ZipFile(docx) as src, zipfile.ZipFile(free, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:cantSplit/>", b"").replace(b"<w:keepNext/>", b"")
            out.writestr(info, data)
    return free


def plans(folder: Path, only: set[str], own: list[Path]) -> dict[str, Path]:
    from bench import write_plans
    from realistic import write

    if own:
        return {plan.stem: plan for plan in own}
    found = {}
    if "example" in only:
        shutil.copytree(ROOT / "plans", folder / "example", dirs_exist_ok=True)
        found["example"] = folder / "example" / "example-tambon.yaml"
    if "big" in only:
        found["big"] = write_plans(folder / "big", 1, 600, 600)[0]
    if "real5" in only:
        found["real5"] = write(folder / "real5" / "real5.yaml", 550, 5)
    if "real1" in only:
        found["real1"] = write(folder / "real1" / "real1.yaml", 120, 1, seed=2)
    return found


def own(docx: Path, count: int) -> str:
    """A plan of the user's: the projects the document lists, its pages per 100 of them, and what
    the real5 targets allow per 100 (``PER_100``)."""
    projects = listed(docx)
    ref = PER_100.get(docx.stem.split("-")[0] if docx.stem.startswith("coordination") else docx.stem)
    per = f"{100 * count / projects:6.1f}" if projects else f"{'-':>6}"
    return f" {projects or '-':>8} {per} {f'{ref:.1f}' if ref else '-':>5}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keep", type=Path, help="build into this folder and keep it (to look at the pages)")
    parser.add_argument("--only", default="example,big,real5,real1")
    parser.add_argument("--free", action="store_true",
                        help="also count each document's pages with every row free to split (column 'free')")
    parser.add_argument("--plan", type=Path, action="append", default=[],
                        help="measure this plan (repeatable) instead of the built-in ones")
    args = parser.parse_args()
    from tambondoc.build.plan import build_plan
    from tambondoc.docx import layout

    work = args.keep or Path(tempfile.mkdtemp(prefix="tambondoc-pages-"))
    work.mkdir(parents=True, exist_ok=True)
    failed = 0
    measured = plans(work / "plans", set(args.only.split(",")), args.plan)
    wide = max(8, *map(len, measured))
    print(f"{'plan':{wide}} {'document':28} {'pages':>6} {'target':>7} {'<12pt':>6} {'broken':>7} {'cont':>5}"
          + (f" {'free':>5}" if args.free else "") + (f" {'projects':>8} {'per100':>6} {'ref':>5}" if args.plan else ""))
    for name, plan in measured.items():
        layout.SPENT[0] = 0.0
        started = time.perf_counter()
        result = build_plan(plan, work / "out")
        total = time.perf_counter() - started
        docs = [p for p in result.written if p.suffix == ".docx"]
        free = [unkept(p) for p in docs] if args.free else []
        subprocess.run(["soffice", f"-env:UserInstallation=file://{work}/lo", "--headless", "--convert-to", "pdf",
                        "--outdir", str(result.outdir), *map(str, docs + free)], capture_output=True, check=True,
                       timeout=1800)
        for docx in docs:
            count = pages(docx.with_suffix(".pdf"))
            target = TARGETS.get((name, docx.stem))
            small = small_runs(docx)
            ok = (target is None or count <= target) and (name != "big" or small == 0)
            failed += not ok
            unbound = f" {pages(docx.with_name(docx.stem + '-free.pdf')):5}" if args.free else ""
            print(f"{name:{wide}} {docx.stem:28} {count:6} {target or '-':>7} {small:6} {broken_words(docx):7}"
                  f" {continuations(docx):5}"
                  f"{unbound}{own(docx, count) if args.plan else ''} {'' if ok else 'OVER'}")
        print(f"{name:{wide}} build {total:.2f} s, of which layout {layout.SPENT[0]:.2f} s "
              f"({100 * layout.SPENT[0] / total:.1f}%)")
    print(f"documents in {work}" if args.keep else "")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
