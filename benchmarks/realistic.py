"""Plans shaped like real ones, for measuring layouts: text lengths drawn from the distributions
measured on a published local plan (548 projects), not the example's short texts.

    python benchmarks/realistic.py OUT.yaml [--projects 550] [--years 5] [--seed 1]

Measured lengths (characters): name mean 66 (max 206); objective mean 142, median 86, 90th
percentile 311, max 1,898; target mean 125 (90th 211, max 2,426); KPI mean 59 (max 431);
expected result mean 115 (90th 229, max 1,143); agency mean 20 (max 62). Each is drawn from a
log-normal fitted to those figures and capped at the maximum; a text ends on a whole word (the
length nearest the drawn one) and an agency is one of a list of real ones, whole (cut to the
drawn length, 'ที่ว่าการอำเ' broke in the middle of a word no real plan holds). Many texts hold numbered lines
("1. … 2. …") and some carry CRLF line ends, as text pasted from Word does. Budgets leave some
years blank; a few rows use several funding sources.
"""

from __future__ import annotations

import argparse
import copy
import math
import random
import sys
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "plans" / "example-tambon.yaml"

# field: (median, sigma, max) of a log-normal fitted to the measured mean, median or 90th percentile
LENGTHS = {
    "name": (59.7, 0.45, 206),
    "objective": (86.0, 1.003, 1898),
    "target": (109.8, 0.510, 2426),
    "kpi": (49.3, 0.60, 431),
    "expected_result": (85.7, 0.767, 1143),
    "agency": (18.8, 0.35, 62),
}
NUMBERED_SHARE = 0.35  # texts written as numbered lines
CRLF_SHARE = 0.15      # of those, pasted with Windows line ends
AGENCIES = ["องค์การบริหารส่วนตำบลหนองบัวงาม", "เทศบาลตำบลหนองบัวงาม", "สำนักงานเกษตรอำเภอเนินสะอาด",
            "โรงพยาบาลส่งเสริมสุขภาพตำบลหนองบัวงาม", "สำนักงานพัฒนาชุมชนอำเภอ", "กองช่าง", "กองสาธารณสุขและสิ่งแวดล้อม",
            "สำนักงานปศุสัตว์อำเภอ", "ที่ว่าการอำเภอ", "กองการศึกษา ศาสนาและวัฒนธรรม"]


def _words() -> list[str]:
    from pythainlp.corpus import thai_words

    common = sorted(w for w in thai_words() if 2 <= len(w) <= 9 and " " not in w)
    return common


def _length(rng: random.Random, key: str) -> int:
    median, sigma, cap = LENGTHS[key]
    return max(8, min(cap, int(math.exp(rng.gauss(math.log(median), sigma)))))


def _sentence(rng: random.Random, words: list[str], length: int) -> str:
    parts: list[str] = []
    size = 0
    while size < length:
        word = rng.choice(words)
        if rng.random() < 0.08:
            word = f"{word} {rng.randint(1, 500)} {rng.choice(['ครัวเรือน', 'คน', 'แห่ง', 'เมตร', 'ไร่'])}"
        if rng.random() < 0.12 and parts:
            word = " " + word
        parts.append(word)
        size += len(word)
    if len(parts) > 1 and size - length > len(parts[-1]) / 2:  # whole words, the length nearest the drawn one
        parts.pop()
    return "".join(parts).strip()


def text(rng: random.Random, words: list[str], key: str) -> str:
    """One field's text with the measured length distribution; sometimes numbered lines."""
    length = _length(rng, key)
    if key in ("name", "agency"):
        if key == "name":
            return _sentence(rng, words, length)
        near = [a for a in AGENCIES if abs(len(a) - length) <= 6]  # a whole name about as long as drawn
        return rng.choice(near) if near else min(AGENCIES, key=lambda a: abs(len(a) - length))
    if length > 60 and rng.random() < NUMBERED_SHARE:
        count = min(6, max(2, length // 60))
        lines = [f"{i}. {_sentence(rng, words, length // count)}" for i in range(1, count + 1)]
        return ("\r\n" if rng.random() < CRLF_SHARE else "\n").join(lines)
    return _sentence(rng, words, length)


def _budget(rng: random.Random, years: list[int]) -> list[dict[str, Any]]:
    rows = []
    funded = [y for y in years if rng.random() < 0.7] or [rng.choice(years)]
    base = rng.choice([20_000, 50_000, 100_000, 150_000, 300_000, 500_000, 800_000, 1_500_000, 4_500_000])
    for year in funded:
        amount = base * rng.choice([1, 1, 1, 2])
        if rng.random() < 0.15:
            local = amount // 2
            funding = {"local": local, rng.choice(["agency", "province", "community"]): amount - local}
        else:
            funding = {rng.choice(["local", "local", "local", "agency", "province"]): amount}
        rows.append({"year": year, "amount": amount, "funding": funding})
    return rows


def realistic(projects: int = 550, years: int = 5, seed: int = 1) -> dict[str, Any]:
    """A plan like the example, with ``projects`` projects of real text lengths over ``years`` years."""
    yaml = YAML(typ="safe", pure=True)
    base = yaml.load(EXAMPLE.read_text(encoding="utf-8"))
    rng = random.Random(seed)
    words = _words()
    plan = copy.deepcopy(base)
    first = base["plan"]["fiscal_years"][0]
    fiscal = list(range(first, first + years))
    plan["plan"]["fiscal_years"] = fiscal
    plan["plan"]["title"] = f"แผนพัฒนาตำบล{base['tambon']['name']}"
    plan.pop("review", None)
    strategies = plan["direction"]["strategies"]
    villages = [v["no"] for v in plan["tambon"]["villages"]]
    lgs = [lg["id"] for lg in plan["tambon"]["local_governments"]]
    plan["projects"] = []
    for k in range(projects):
        strategy = rng.choice(strategies)
        project: dict[str, Any] = {
            "id": f"P{k + 1:04d}",
            "name": text(rng, words, "name"),
            "strategy": strategy["id"],
            "tactic": rng.choice(strategy["tactics"])["id"],
            "objective": text(rng, words, "objective"),
            "target": text(rng, words, "target"),
            "kpi": text(rng, words, "kpi"),
            "expected_result": text(rng, words, "expected_result"),
            "villages": sorted(rng.sample(villages, rng.choice([1, 1, 1, 2, 3, len(villages)]))),
            "period": f"ต.ค. {fiscal[0] - 1} - ก.ย. {fiscal[-1]}" if rng.random() < 0.5 else "ตลอดปีงบประมาณ",
            "budget": _budget(rng, fiscal),
            "approach": rng.choice(["ทำเอง", "ทำร่วม", "ขอสนับสนุน", "ขอสนับสนุน"]),
            "agency": text(rng, words, "agency"),
        }
        if rng.random() < 0.25:
            project["location"] = f"{rng.choice(['ศาลาประชาคม', 'ถนนสายหลัก', 'หนองน้ำสาธารณะ', 'โรงเรียน'])} หมู่ที่ {project['villages'][0]}"
        choice = rng.random()
        if choice < 0.5:
            project["local_government"] = lgs[-1]
        elif choice < 0.7:
            project["local_government"] = lgs[0]
        if rng.random() < 0.1:
            project["note"] = _sentence(rng, words, rng.randint(10, 60))
        plan["projects"].append(project)
    return plan


def dump(plan: dict[str, Any], path: Path) -> Path:
    """Write ``plan`` to ``path`` with the example's images beside it."""
    import shutil

    yaml = YAML(typ="safe", pure=True)
    yaml.allow_unicode = True
    yaml.default_flow_style = False
    yaml.width = 1 << 20
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(EXAMPLE.parent / "images", path.parent / "images", dirs_exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        yaml.dump(plan, f)
    return path


def write(path: Path, projects: int = 550, years: int = 5, seed: int = 1) -> Path:
    """Write a realistic plan (and the example's images beside it) to ``path``."""
    return dump(realistic(projects, years, seed), path)


def command(doc: str | None, write_plan: Any, projects: int, years: int, seed: int) -> int:
    """The command line of a plan maker: OUT [--projects] [--years] [--seed]."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--projects", type=int, default=projects)
    parser.add_argument("--years", type=int, default=years)
    parser.add_argument("--seed", type=int, default=seed)
    args = parser.parse_args()
    print(write_plan(args.out, args.projects, args.years, args.seed))
    return 0


def main() -> int:
    return command(__doc__, write, 550, 5, 1)

if __name__ == "__main__":
    sys.exit(main())
