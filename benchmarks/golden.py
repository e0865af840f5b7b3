"""Fingerprint every output of the example plan and of a 600-project variant, and the documents of a
realistic 5-year plan (long texts, numbered lines, CRLF: what the table layout works hardest on), to
prove that a refactoring changed no document.

    python benchmarks/golden.py --save before.json      # before the change
    python benchmarks/golden.py --compare before.json   # after it: lists every output that differs

Outputs are compared entry by entry inside their zip packages, so the packages' timestamps (the
time of the build) do not count; the .xlsx creation dates are masked for the same reason. The
command-line tools that write text (templates docs, diff, next-year, fmt) are fingerprinted too.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "plans" / "example-tambon.yaml"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

_DATES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms)")


def fingerprint(path: Path) -> dict[str, str]:
    """sha256 of each zip entry (dates masked), or of the whole file when it is not a zip."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            return {i.filename: hashlib.sha256(_DATES.sub(rb"\1-\2", z.read(i.filename))).hexdigest()
                    for i in z.infolist()}
    return {"": hashlib.sha256(path.read_bytes()).hexdigest()}


def run(*args: str, cwd: Path) -> bytes:
    done = subprocess.run([sys.executable, "-m", "tambondoc", *args], cwd=cwd, capture_output=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"})
    return done.stdout


def outputs(work: Path) -> dict[str, dict[str, str]]:
    from bench import write_plans
    from realistic import write

    plans = work / "plans"
    shutil.copytree(EXAMPLE.parent, plans)
    big = write_plans(work / "big", 1, 600, 600)[0]
    real = write(work / "real" / "real.yaml", 200, 5, seed=3)
    run("build", str(plans / EXAMPLE.name), str(big), str(real), "-o", str(work / "out"), "-j", "1", cwd=work)
    found = {str(p.relative_to(work / "out")): fingerprint(p) for p in sorted((work / "out").rglob("*"))
             if p.is_file() and not p.name.startswith(".")}
    for name, plan in (("example", plans / EXAMPLE.name), ("big", big)):
        run("export-xlsx", str(plan), "-o", str(work / f"{name}-export.xlsx"), cwd=work)
        run("xlsx-template", str(plan), "-o", str(work / f"{name}-template.xlsx"), cwd=work)
        found[f"{name}-export.xlsx"] = fingerprint(work / f"{name}-export.xlsx")
        found[f"{name}-template.xlsx"] = fingerprint(work / f"{name}-template.xlsx")
    texts = {
        "templates-docs": run("templates", "docs", cwd=work),
        "diff-text": run("diff", str(plans / EXAMPLE.name), str(big), cwd=work),
        "diff-markdown": run("diff", "--format", "markdown", str(plans / EXAMPLE.name), str(big), cwd=work),
        "diff-json": run("diff", "--format", "json", str(plans / EXAMPLE.name), str(big), cwd=work),
    }
    run("next-year", str(plans / EXAMPLE.name), "-o", str(work / "next.yaml"), cwd=work)
    texts["next-year"] = (work / "next.yaml").read_bytes()
    shutil.copy(big, work / "fmt.yaml")
    run("fmt", str(work / "fmt.yaml"), cwd=work)
    texts["fmt"] = (work / "fmt.yaml").read_bytes()
    for name, data in texts.items():
        found[name] = {"": hashlib.sha256(data.replace(str(work).encode(), b"WORK")).hexdigest()}
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path)
    group.add_argument("--compare", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tambondoc-golden-") as tmp:
        now = outputs(Path(tmp))
    if args.save:
        args.save.write_text(json.dumps(now, indent=1, sort_keys=True), encoding="utf-8")
        print(f"{len(now)} outputs fingerprinted into {args.save}")
        return 0
    before = json.loads(args.compare.read_text(encoding="utf-8"))
    differ = sorted(name for name in before.keys() | now.keys() if before.get(name) != now.get(name))
    for name in differ:
        entries = sorted(k for k in (before.get(name) or {}).keys() | (now.get(name) or {}).keys()
                         if (before.get(name) or {}).get(k) != (now.get(name) or {}).get(k))
        print(f"differs: {name} {entries}")
    print(f"{len(now)} outputs, {len(differ)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
