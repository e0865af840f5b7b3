"""How the documents of realistic plans flow over pages, as a reader meets them: subtotals left at
the top of a page away from their rows, a list's signature alone on its last page, a note at the
top of a page away from the table it explains.

    python benchmarks/flow.py [--seeds 101:1:40,102:2:120,103:3:200,104:5:80] [--keep DIR] [--plan PLAN]...

Each SEED:YEARS:PROJECTS is a plan of ``benchmarks/realistic.py``. Its plan book and coordination
lists are converted with LibreOffice (a profile of its own, so it runs beside other conversions)
and read back page by page with pdftotext. ``--plan PLAN`` (repeatable) reads plans of your own
(a real published one) instead of the seeds'.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

SUBTOTAL = re.compile(r"^\s*รวม\s*\d+\s*โครงการ")  # 'รวม 12 โครงการ', as pdftotext reads the cell


def pages(pdf: Path) -> list[list[str]]:
    """Each page's non-blank lines."""
    count = int(re.search(r"Pages:\s+(\d+)", subprocess.run(  # type: ignore[union-attr]
        ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout).group(1))
    out = []
    for page in range(1, count + 1):
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        out.append([line for line in text.splitlines() if line.strip()])
    return out


def first_body_line(lines: list[str]) -> str:
    """The first line under a repeated table heading (its last line ends the heading's labels)."""
    ends = [i for i, line in enumerate(lines[:12]) if re.search(r"หลัก\s*$|\(บาท\)\s*$|^\s*(\d{4}\s*)+$", line)]
    return lines[ends[-1] + 1].strip() if ends and ends[-1] + 1 < len(lines) else ""


def report(folder: Path) -> dict[str, int]:
    found = {"pages": 0, "lone subtotals": 0, "lone signatures": 0, "notes apart": 0}
    for pdf in sorted(folder.glob("*.pdf")):
        read = pages(pdf)
        found["pages"] += len(read)
        for number, lines in enumerate(read, 1):
            if number > 1 and SUBTOTAL.match(first_body_line(lines)) and number < len(read):
                found["lone subtotals"] += 1
            if lines and next((line for line in lines if not line.strip().startswith("-")), "").strip().startswith(
                    "หมายเหตุ"):
                found["notes apart"] += 1
        last = [line for line in read[-1] if not re.fullmatch(r"\s*-\s*\S+\s*-\s*", line)] if read else []
        if pdf.name.startswith("coordination") and last and last[0].strip().startswith("("):
            found["lone signatures"] += 1
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", default="101:1:40,102:2:120,103:3:200,104:5:80")
    parser.add_argument("--keep", type=Path, help="build into this folder and keep it")
    parser.add_argument("--plan", type=Path, action="append", default=[], help="read this plan (repeatable)")
    args = parser.parse_args()
    from realistic import write

    from tambondoc.build.plan import build_plan

    work = args.keep or Path(tempfile.mkdtemp(prefix="tambondoc-flow-"))
    total: dict[str, int] = {}
    specs: list[tuple[str, Path]] = [(f"plan {plan}", plan) for plan in args.plan]
    for spec in [] if args.plan else args.seeds.split(","):
        seed, years, projects = (int(x) for x in spec.split(":"))
        specs.append((f"seed {seed}, {years} year(s), {projects} projects",
                      write(work / f"s{seed}" / "plan.yaml", projects, years, seed=seed)))
    for number, (label, plan) in enumerate(specs):
        built = build_plan(plan, work / f"out{number}")
        for docx in built.written:
            if docx.suffix == ".docx" and not docx.name.startswith("kbt"):
                subprocess.run(["soffice", f"-env:UserInstallation=file://{work}/lo", "--headless", "--convert-to",
                                "pdf", "--outdir", str(docx.parent), str(docx)], capture_output=True, check=True)
        found = report(built.outdir)
        print(f"{label}: " + ", ".join(f"{k} {v}" for k, v in found.items()))
        for key, value in found.items():
            total[key] = total.get(key, 0) + value
    print("all: " + ", ".join(f"{k} {v}" for k, v in total.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
