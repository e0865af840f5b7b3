"""The whole country: how long building 7,036 tambon plans takes, from a sample of synthetic plans
of realistic size (``realistic.py``: measured text lengths, numbered lines, blank budget years).

    python benchmarks/national.py [--sample 20] [--projects 40-150] [--years 5] [--jobs 2]

Builds each sample plan in this process (after one warm-up build: imports, schema, templates) and
prints the CPU seconds a plan takes, then projects the country: CPU seconds x 7,036 plans / cores,
plus each worker's start-up, as wall time on ``--jobs`` free cores. The sample is then built
again with ``build -j JOBS`` (one process per core, as the command does) and that wall time,
scaled to 7,036 plans, is printed beside the projection: on a shared machine it is the slower
and noisier of the two.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # measure this checkout, not whatever copy is installed
sys.path.insert(0, str(ROOT / "benchmarks"))

TAMBONS = 7036  # tambons in Thailand, each with its plan (domain.md, activity 2)


def write_sample(folder: Path, count: int, low: int, high: int, years: int, seed: int) -> list[Path]:
    """``count`` realistic plans with ``low``-``high`` projects each, every one its own texts."""
    from realistic import write

    rng = random.Random(seed)
    return [write(folder / f"tambon-{i:04d}.yaml", rng.randint(low, high), years, seed + i) for i in range(count)]


def startup_seconds() -> float:
    """Wall seconds of a fresh process's first build overhead: imports, schema and templates."""
    probe = ("import time; s = time.perf_counter(); import tambondoc.build.plan, tambondoc.docx.render, "
             "tambondoc.xlsx.coordination; print(time.perf_counter() - s)")
    done = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    return float(done.stdout.split()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sample", type=int, default=20, help="plans built (the projection's sample)")
    parser.add_argument("--projects", default="40-150", help="projects per plan, drawn uniformly")
    parser.add_argument("--years", type=int, default=5, help="fiscal years per plan")
    parser.add_argument("--jobs", type=int, default=2, help="cores of the projection")
    parser.add_argument("--plans", type=int, default=TAMBONS, help="plans of the projection")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    low, high = (int(x) for x in args.projects.split("-"))

    from tambondoc.build.batch import build_many
    from tambondoc.build.plan import build_plan

    work = Path(tempfile.mkdtemp(prefix="tambondoc-national-"))
    try:
        plans = write_sample(work / "plans", args.sample, low, high, args.years, args.seed)
        started = time.perf_counter()
        build_plan(plans[-1], work / "warm-up")
        first = time.perf_counter() - started
        cpu: list[float] = []
        wall: list[float] = []
        for plan in plans:
            started, started_cpu = time.perf_counter(), time.process_time()
            build_plan(plan, work / "out")
            wall.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        per_plan = statistics.mean(cpu)
        start_up = startup_seconds()
        projected = args.plans * per_plan / args.jobs + start_up
        print(f"sample: {len(plans)} realistic plans of {low}-{high} projects over {args.years} years; "
              f"first build in a process {first:.2f} s (imports alone {start_up:.2f} s)")
        print(f"CPU per plan: mean {per_plan:.3f} s, median {statistics.median(cpu):.3f} s, "
              f"max {max(cpu):.3f} s (wall mean {statistics.mean(wall):.3f} s)")
        print(f"projection: {args.plans:,} plans x {per_plan:.3f} CPU s / {args.jobs} cores = "
              f"{projected / 60:.1f} min wall on {args.jobs} free cores")
        started = time.perf_counter()
        outcomes = list(build_many(plans, work / "batch", jobs=args.jobs, force=True))
        batch = time.perf_counter() - started
        failed = [o.message for o in outcomes if o.status.value == "failed"]
        if failed:
            print(f"failed: {failed[:3]}")
            return 1
        print(f"measured: build -j {args.jobs} of the {len(plans)} plans {batch:.1f} s, scaled to "
              f"{args.plans:,} plans {args.plans * batch / len(plans) / 60:.1f} min on this machine as loaded now")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
