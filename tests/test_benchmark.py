"""The benchmark script keeps working (its figures are read by people, not asserted here)."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_benchmark_runs_and_reports_every_measure() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench.py"), "--plans", "2", "--sample", "1",
                           "--projects", "40-45", "--big", "60"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    for measure in ("validate:", "build / bare docxtpl", "build / cached docxtpl", "speed-up", "no-op incremental rebuild", "60-project plan: built in",
                    "bare docxtpl rendering the same .docx documents"):
        assert measure in done.stdout


def test_national_benchmark_projects_the_country() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "national.py"), "--sample", "2",
                           "--projects", "5-8", "--years", "2"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    for measure in ("CPU per plan: mean", "projection: 7,036 plans", "min wall on 2 free cores", "measured: build -j 2"):
        assert measure in done.stdout
