"""The sdist and the wheel: built from a checkout with stray files in it, they hold what
pyproject.toml names and nothing else; twine accepts them; the wheel works outside the checkout."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

from tambondoc import __version__

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("build") is None or importlib.util.find_spec("hatchling") is None
    or shutil.which("git") is None,
    reason="needs build, hatchling (pip install '.[test]') and git")

DATA = {
    "schemas/tambon-plan.schema.json", "schemas/district.schema.json",
    "plans/example-tambon.yaml", "plans/images/map.png", "plans/images/workshop-1.png",
    "plans/images/workshop-2.png",
    "examples/github-workflow.yml", "examples/gitlab-ci.yml", "examples/pre-commit-config.yaml",
}


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """sdist and wheel built from a copy of the tracked files plus stray ones a checkout may hold."""
    source = tmp_path_factory.mktemp("checkout")
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, listed.decode("utf-8").split("\0")):
        if (ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    for stray in ("plans/district-draft.yaml", "plans/images/private.png", "examples/notes.txt", "scratch.py"):
        (source / stray).write_text("stray", encoding="utf-8")
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(source)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def test_the_wheel_ships_only_what_it_needs(dist: Path) -> None:
    [wheel] = dist.glob(f"tambondoc-{__version__}-py3-none-any.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    data = {n.removeprefix("tambondoc/_data/") for n in names if n.startswith("tambondoc/_data/")}
    assert {n for n in data if not n.startswith("templates/")} == DATA
    assert {"templates/docx/plan-book.docx", "templates/docx/kbt-order.docx", "templates/docx/coordination.docx"} \
        <= data
    assert not [n for n in names if "stray" in n or "district-draft" in n or "private.png" in n]


def test_the_sdist_holds_the_source_not_the_strays(dist: Path) -> None:
    [sdist] = dist.glob(f"tambondoc-{__version__}.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {n.split("/", 1)[1] for n in archive.getnames() if "/" in n}
    assert {"pyproject.toml", "README.md", "CHANGELOG.md", ".pre-commit-hooks.yaml", "tests/conftest.py",
            "scripts/enrich_schema.py", "examples/district/district.yaml", "examples/district/plans/pak-nam.yaml"} \
        | DATA <= names
    assert not names & {"plans/district-draft.yaml", "plans/images/private.png", "examples/notes.txt", "scratch.py"}


def test_twine_accepts_both(dist: Path) -> None:
    if importlib.util.find_spec("twine") is None:
        pytest.skip("needs twine (pip install '.[test]')")
    done = subprocess.run([sys.executable, "-m", "twine", "check", "--strict", *map(str, dist.iterdir())],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_wheel_works_outside_the_checkout(dist: Path, tmp_path: Path) -> None:
    """Installed in a fresh environment (its dependencies taken from this one), run elsewhere."""
    [wheel] = dist.glob("*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--ignore-installed", "--no-deps", "--no-index", str(wheel)], check=True,
                   timeout=300)
    work = tmp_path / "district"
    (work / ".git").mkdir(parents=True)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}  # no PYTHONPATH pointing at the checkout

    def tambondoc(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(python), "-m", "tambondoc", *args], cwd=work, capture_output=True, text=True,
                              timeout=300, env=env)

    where = subprocess.run([str(python), "-c", "import tambondoc; print(tambondoc.__file__)"], cwd=work,
                           capture_output=True, text=True, timeout=60, env=env).stdout
    assert where.startswith(str(venv)), where
    assert tambondoc("--version").stdout.startswith(f"tambondoc {__version__}\n")
    done = tambondoc("new", "plans/x.yaml", "--tambon", "ก", "--amphoe", "ข", "--changwat", "ค", "--ci", "gitlab")
    assert done.returncode == 0, done.stderr
    assert (work / ".gitlab-ci.yml").read_bytes() == (ROOT / "examples" / "gitlab-ci.yml").read_bytes()
    assert (work / "schemas" / "tambon-plan.schema.json").read_bytes() == \
        (ROOT / "schemas" / "tambon-plan.schema.json").read_bytes()
    done = tambondoc("templates", "check")
    assert done.returncode == 0, done.stdout + done.stderr
