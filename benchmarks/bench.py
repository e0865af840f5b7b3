"""Measure tambondoc's speed on synthetic plans of realistic size, in one run on one machine.

    python benchmarks/bench.py [--plans 200] [--sample 10] [--projects 40-150] [--big 5000]

Prints: validate time per plan; build time per plan and tambondoc's .docx rendering alone against
two docxtpl baselines rendering and saving the same templates with the same context
(``baselines.py``): bare docxtpl, and docxtpl with its template preparation cached once per
process (the strong baseline; the ratios are the figures that matter). The four are timed
interleaved, plan by plan, so the load of a shared machine weighs on all of them alike. Then the
parallel speed-up on all cores; a no-op incremental rebuild against a full build; peak memory
of a build of one plan with --big projects.
"""

from __future__ import annotations

import argparse
import copy
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "plans" / "example-tambon.yaml"
sys.path.insert(0, str(ROOT))  # measure this checkout, not whatever copy is installed
sys.path.insert(0, str(ROOT / "benchmarks"))


def synthetic(base: dict[str, Any], index: int, projects: int, rng: random.Random) -> dict[str, Any]:
    """A plan like the example with ``projects`` projects and its own tambon name."""
    plan = copy.deepcopy(base)
    plan["tambon"]["name"] = f"{base['tambon']['name']}{index}"
    source = base["projects"]
    plan["projects"] = []
    for k in range(projects):
        p = copy.deepcopy(source[k % len(source)])
        p["id"] = f"P{k + 1:04d}"
        p["name"] = f"{p['name']} ระยะที่ {k // len(source) + 1}"
        for b in p["budget"]:
            factor = rng.choice([1, 2, 3])
            b["amount"] *= factor
            b["funding"] = {key: value * factor for key, value in b["funding"].items()}
        plan["projects"].append(p)
    return plan


def write_plans(folder: Path, count: int, low: int, high: int, seed: int = 7) -> list[Path]:
    yaml = YAML(typ="safe", pure=False)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    base = yaml.load(EXAMPLE.read_text(encoding="utf-8"))
    rng = random.Random(seed)
    shutil.copytree(EXAMPLE.parent / "images", folder / "images", dirs_exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"tambon-{i:04d}.yaml"
        with path.open("w", encoding="utf-8") as f:
            yaml.dump(synthetic(base, i, rng.randint(low, high), rng), f)
        paths.append(path)
    return paths


def bare_render(plan: Path) -> float:
    """Seconds bare docxtpl takes to render and save the plan's .docx documents."""
    from baselines import docxtpl_render, jobs_of

    return docxtpl_render(jobs_of(plan), plan.parent, cached=False)


def own_peak_kb() -> int:
    """This process's peak memory. On Linux ru_maxrss survives exec, so a child of a big
    benchmark process would report the parent's size; VmHWM belongs to the new image."""
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except OSError:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def peak_in_child(kind: str, plan: Path, out: Path) -> tuple[float, int]:
    """(seconds, peak KB) of a build or a bare docxtpl render of ``plan`` in a fresh process."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, __file__, "--peak-of", kind, str(plan), str(out)],
                          check=True, capture_output=True, text=True)
    return time.perf_counter() - started, int(done.stdout.split()[-1])


def interleaved(sample: list[Path], out: Path) -> dict[str, tuple[float, float]]:
    """Mean (wall, CPU) seconds per plan of the build, tambondoc's .docx rendering alone and the
    two docxtpl baselines, each plan timed by all four in turn (the order rotating plan by plan)."""
    from baselines import docxtpl_render, jobs_of, own_render

    from tambondoc.build.plan import build_plan

    first = sample[-1]
    warm = jobs_of(first)
    docxtpl_render(warm, first.parent, cached=False)  # imports, python-docx's first use
    docxtpl_render(warm, first.parent, cached=True)  # and the cache, once per process
    own_render(warm, first.parent)
    kinds = ["build", "own", "bare", "cached"]
    wall = dict.fromkeys(kinds, 0.0)
    cpu = dict.fromkeys(kinds, 0.0)
    for i, plan in enumerate(sample):
        jobs = jobs_of(plan)
        for kind in kinds[i % 4:] + kinds[:i % 4]:
            started, started_cpu = time.perf_counter(), time.process_time()
            if kind == "build":
                build_plan(plan, out)
            elif kind == "own":
                own_render(jobs, plan.parent)
            else:
                docxtpl_render(jobs, plan.parent, cached=kind == "cached")
            wall[kind] += time.perf_counter() - started
            cpu[kind] += time.process_time() - started_cpu
    return {kind: (wall[kind] / len(sample), cpu[kind] / len(sample)) for kind in kinds}


def timed(fn: Any, *args: Any) -> float:
    started = time.perf_counter()
    fn(*args)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plans", type=int, default=200)
    parser.add_argument("--projects", default="40-150")
    parser.add_argument("--big", type=int, default=5000)
    parser.add_argument("--sample", type=int, default=10, help="plans timed one by one")
    parser.add_argument("--no-batch", action="store_true", help="stop after the per-plan figures")
    parser.add_argument("--peak-of", nargs=3, metavar=("build|bare", "PLAN", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.peak_of:
        kind, plan, out = args.peak_of
        if kind == "build":
            from tambondoc.build.plan import build_plan

            build_plan(Path(plan), Path(out))
        else:
            bare_render(Path(plan))
        print(own_peak_kb())
        return
    work = Path(tempfile.mkdtemp(prefix="tambondoc-bench-"))
    try:
        measure(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def measure(args: argparse.Namespace, work: Path) -> None:
    from tambondoc.build.batch import build_many
    from tambondoc.build.plan import build_plan
    from tambondoc.check.validate import validate_file

    low, high = (int(x) for x in args.projects.split("-"))
    plans = write_plans(work / "plans", args.plans, low, high)
    sample = plans[: args.sample]
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; {len(plans)} plans of {low}-{high} projects in {work}")

    t_first = timed(build_plan, plans[-1], work / "out-warm-up")
    print(f"first build in a process (imports, schema and templates prepared): {t_first * 1000:.0f} ms, "
          "once per process; the per-plan figures below are after it")

    t_validate = sum(timed(validate_file, p) for p in sample) / len(sample)
    print(f"validate: {t_validate * 1000:.1f} ms per plan")

    t = interleaved(sample, work / "out-sample")

    def ms(kind: str) -> str:
        return f"{t[kind][0] * 1000:.0f} ms (CPU {t[kind][1] * 1000:.0f} ms)"

    def ratio(a: str, b: str) -> str:
        return f"{t[a][0] / t[b][0]:.2f}x (CPU {t[a][1] / t[b][1]:.2f}x)"

    print(f"build (validation, all documents, writing): {ms('build')} per plan; its .docx rendering alone: {ms('own')}")
    print(f"docxtpl on the same .docx templates and context: bare {ms('bare')}, "
          f"with template preparation cached {ms('cached')} per plan")
    print(f"ratios: build / bare docxtpl {ratio('build', 'bare')}; build / cached docxtpl {ratio('build', 'cached')}; "
          f".docx alone / cached docxtpl {ratio('own', 'cached')}")
    if args.no_batch:
        return

    def build_all(folder: Path, jobs: int, force: bool = True) -> float:
        started = time.perf_counter()
        outcomes = list(build_many(plans, folder, jobs=jobs, force=force))
        assert all(o.status.value != "failed" for o in outcomes), [o.message for o in outcomes if o.status.value == "failed"][:3]
        return time.perf_counter() - started

    cores = os.cpu_count() or 1
    t_serial = build_all(work / "out-all", 1)
    t_parallel = build_all(work / "out-all", cores)
    print(f"{len(plans)} plans: -j 1 {t_serial:.1f} s, -j {cores} {t_parallel:.1f} s, speed-up {t_serial / t_parallel:.2f}x")
    t_noop = build_all(work / "out-all", cores, force=False)
    print(f"no-op incremental rebuild of {len(plans)} plans: {t_noop:.2f} s = {100 * t_noop / t_parallel:.1f}% of the full build")

    if not args.big:
        return
    big = write_plans(work / "big", 1, args.big, args.big)[0]
    t_big, peak_big = peak_in_child("build", big, work / "out-big")
    _, peak_bare = peak_in_child("bare", big, work / "out-big")
    print(f"{args.big}-project plan: built in {t_big:.1f} s, peak memory {peak_big / 1024:.0f} MB "
          f"(bare docxtpl rendering the same .docx documents: {peak_bare / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
