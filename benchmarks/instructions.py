"""What a realistic plan's build costs in CPU instructions, counted by valgrind: the same figure
on every run, where timings on a shared machine move by 10-15 % from one run to the next and hide
a change of a few percent (both an in-process A/B and alternating runs did, this session).

    python benchmarks/instructions.py [--plans 2] [--against REV]

Builds ``national.py``'s realistic plans (40-150 projects, five years) in one process under
``valgrind --tool=cachegrind`` (``apt-get install valgrind``), once with one plan and once with
1 + ``--plans``: the difference, per plan, is what one more plan costs once the process has
imported everything and prepared its templates (what a ``build -j`` worker pays for each plan of
the country). Then again with the table layout, the .docx rendering and the coordination
workbooks each replaced by nothing, to say what share each takes. ``--against REV`` counts the
same for a git revision of this checkout (checked out into a temporary folder) and prints the
ratio. PYTHONHASHSEED is fixed; runs of the same code agree within about 0.05 %.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

# what a variant replaces by nothing (the layout, every .docx, the coordination workbooks)
VARIANTS = {"build": "", "no layout": "layout", "no .docx": "docx", "no workbooks": "xlsx"}
RUNNER = """
import os, sys, tempfile
from pathlib import Path
sys.path.insert(0, os.environ["TREE"])
import tambondoc.build.plan as plan
skip = os.environ["SKIP"]
if skip == "layout":
    import tambondoc.docx.finish as finish
    finish.lay_out = lambda *a, **k: True
elif skip == "docx":
    plan.render_docx = lambda *a, **k: (b"", [])
elif skip == "xlsx":
    import tambondoc.xlsx.coordination as coordination
    coordination.coordination_workbook = lambda *a, **k: b""
out = Path(tempfile.mkdtemp())
for path in sorted(Path(os.environ["PLANS"]).glob("tambon-*.yaml"))[:int(os.environ["COUNT"])]:
    plan.build_plan(path, out / path.stem)
"""


def count(tree: Path, plans: Path, number: int, skip: str, work: Path) -> int:
    """Instructions of one process building the first ``number`` plans with the code at ``tree``."""
    runner = work / "runner.py"
    runner.write_text(RUNNER, encoding="utf-8")
    env = {**os.environ, "PYTHONHASHSEED": "0", "TREE": str(tree), "PLANS": str(plans), "COUNT": str(number),
           "SKIP": skip, "PYTHONPATH": str(tree)}
    done = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                           sys.executable, str(runner)], env=env, capture_output=True, text=True, check=True)
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if not found:
        raise SystemExit(f"valgrind printed no count:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def per_plan(tree: Path, plans: Path, extra: int, skip: str, work: Path) -> float:
    """Instructions one more plan costs (millions)."""
    return (count(tree, plans, 1 + extra, skip, work) - count(tree, plans, 1, skip, work)) / extra / 1e6


def measure(tree: Path, plans: Path, extra: int, work: Path) -> dict[str, float]:
    found = {name: per_plan(tree, plans, extra, skip, work) for name, skip in VARIANTS.items()}
    whole = found["build"]
    print(f"  a plan: {whole:,.0f} million instructions")
    for name, cost in (("table layout", whole - found["no layout"]), (".docx rendering besides the layout",
                       found["no layout"] - found["no .docx"]), ("coordination workbooks", whole - found["no workbooks"])):
        print(f"  {name}: {cost:,.0f} M ({100 * cost / whole:.1f} %)")
    rest = found["no .docx"] - (whole - found["no workbooks"])
    print(f"  validation, context and writing: {rest:,.0f} M ({100 * rest / whole:.1f} %)")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plans", type=int, default=2, help="plans built after the first (the per-plan sample)")
    parser.add_argument("--against", metavar="REV", help="also count a git revision of this checkout")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 2
    from national import write_sample

    work = Path(tempfile.mkdtemp(prefix="tambondoc-instructions-"))
    try:
        plans = work / "plans"
        write_sample(plans, 1 + args.plans, 40, 150, 5, args.seed)
        print(f"this checkout ({ROOT}):")
        now = measure(ROOT, plans, args.plans, work)
        if args.against:
            old = work / "old"
            old.mkdir()
            archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.against], capture_output=True, check=True)
            subprocess.run(["tar", "-x", "-C", str(old)], input=archive.stdout, check=True)
            print(f"{args.against}:")
            then = measure(old, plans, args.plans, work)
            print(f"a plan now / at {args.against}: {now['build'] / then['build']:.3f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
