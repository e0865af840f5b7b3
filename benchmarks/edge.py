"""A realistic plan whose texts are made odd, for ``benchmarks/text.py --edge``: what reviewers'
real plans may hold that ``benchmarks/realistic.py`` does not draw.

    python benchmarks/edge.py OUT.yaml [--projects 120] [--years 3] [--seed 7]

Into the projects' texts, in turn: a 200-character word without spaces (a web address, a run of
digits), English sentences, bullet lines ('- ', '• ', '๑) '), tabs, several blank lines in a row,
a text of only '-', trailing spaces, Thai numerals, all of these inside a text long enough to be
continued below its row; amounts of 0 and of 999,999,999 in some years; a project in every village;
an agency of 62 characters. Every shape passes ``validate`` (none had to be dropped).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path[:0] = [str(Path(__file__).resolve().parent)]

from realistic import command, dump, realistic  # noqa: E402

URL = "https://data.nongbua-ngam.go.th/plan/2571/projects/" + "0123456789" * 15
DIGITS = "9876543210" * 20
ENGLISH = ("The project repairs the village water supply and trains ten volunteers to keep it running. "
           "Results are reported to the district every quarter (Q1-Q4), see section 3.2.")
BULLETS = "- ซ่อมแซมถนนลูกรัง\n- ขุดลอกคลองส่งน้ำ\n• จัดอบรมอาสาสมัคร\n• ศึกษาดูงาน\n๑) ปลูกป่าชุมชน\n๒) สร้างฝายชะลอน้ำ"
TABS = "ซ่อมแซม\tถนน\tลูกรัง\t3\tสาย\t\tยาว 1,200 เมตร"
BLANKS = "บรรทัดแรกของข้อความ\n\n\n\nบรรทัดหลังบรรทัดว่างสามบรรทัด\n\n\nบรรทัดสุดท้าย"
TRAILING = "ข้อความที่มีช่องว่างท้ายบรรทัด   \nและบรรทัดที่สองก็มีเช่นกัน  "
THAI_NUMERALS = "ก่อสร้างถนนคอนกรีต ๓ สาย ยาว ๑,๒๐๐ เมตร กว้าง ๕ เมตร หมู่ที่ ๔ งบประมาณ ๔๕๐,๐๐๐ บาท"
AGENCY_62 = "สำนักงานเกษตรและสหกรณ์จังหวัดพิษณุโลกร่วมกับสำนักงานเกษตรอำเภอ"  # 62 characters, as a real plan's longest
ODD = [URL, DIGITS, ENGLISH, BULLETS, TABS, BLANKS, "-", TRAILING, THAI_NUMERALS]
FIELDS = ["objective", "target", "kpi", "expected_result", "note"]


def _long(index: int) -> str:
    """Every odd shape in one text long enough to be continued below its row (``docx.overflow``)."""
    parts = [ODD[(index + k) % len(ODD)] for k in range(len(ODD)) if ODD[(index + k) % len(ODD)] != "-"]
    return "\n".join(parts * 3)


def edge(projects: int = 120, years: int = 3, seed: int = 7) -> dict[str, Any]:
    plan = realistic(projects, years, seed)
    villages = [v["no"] for v in plan["tambon"]["villages"]]
    for k, project in enumerate(plan["projects"]):
        odd = ODD[k % len(ODD)]
        project[FIELDS[k % len(FIELDS)]] = odd
        if k % 7 == 0:
            project["name"] = (f"{project['name']} {odd}" if odd != "-" else project["name"]).strip()[:250]
        if k % 11 == 3:
            project[FIELDS[(k + 1) % len(FIELDS)]] = _long(k)
        if k % 5 == 2:
            project["agency"] = AGENCY_62
        if k % 9 == 4:
            project["villages"] = villages
        if k % 6 == 1:
            for row, amount in zip(project["budget"], (0, 999_999_999)):
                row["amount"] = amount
                row["funding"] = {"local": amount}
        if k % 13 == 5:
            project["period"] = "ต.ค. ๒๕๗๐ - ก.ย. ๒๕๗๑\t(๑๒ เดือน)  "
    return plan


def write_edge(path: Path, projects: int = 120, years: int = 3, seed: int = 7) -> Path:
    return dump(edge(projects, years, seed), path)


def main() -> int:
    return command(__doc__, write_edge, 120, 3, 7)

if __name__ == "__main__":
    sys.exit(main())
