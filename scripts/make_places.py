"""Build tambondoc/plan/thai_admin/divisions.json, the Thai administrative divisions shipped with
tambondoc, trimmed to what validation and the context need: codes, Thai names and parents.

    python scripts/make_places.py KONGVUT_DIR [GEOGRAPHY_JSON_SRC_DIR]

KONGVUT_DIR holds kongvut_{province,district,sub_district}.json from kongvut/thai-province-data
(api/latest); GEOGRAPHY_JSON_SRC_DIR the src/ folder of thailand-geography-data/thailand-geography-json.
The first is the primary list (its codes are used). Names from the second that the first spells
differently, or lacks, are added as other names, so a plan written from either list validates.
Both are MIT licensed; their notices are shipped beside the data.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tambondoc" / "plan" / "thai_admin" / "divisions.json"
PREFIXES = ("จังหวัด", "อำเภอ", "กิ่งอำเภอ", "เขต", "ตำบล", "แขวง")


def names(raw: str) -> list[str]:
    """'ปอภาร  (ปอพาน)' -> ['ปอภาร', 'ปอพาน']."""
    found = [" ".join(part.split()) for part in re.split(r"[()]", raw)]
    return [n for n in found if n]


def key(name: str) -> str:
    name = "".join(name.replace("\u0e4d\u0e32", "\u0e33").split())
    for prefix in PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix):
            return name[len(prefix):]
    return name


class Node:
    def __init__(self, code: str, raw: str) -> None:
        self.code, self.names, self.children = code, names(raw), {}

    def add_name(self, name: str) -> None:
        if key(name) not in {key(n) for n in self.names}:
            self.names.append(name)

    def child(self, name: str) -> Node | None:
        return next((c for c in self.children.values() if key(name) in {key(n) for n in c.names}), None)

    def dump(self) -> list:
        out: list = [self.code, "|".join(self.names)]
        if self.children:
            out.append([c.dump() for c in sorted(self.children.values(), key=lambda c: c.code or "~")])
        return out


def kongvut(folder: Path) -> dict[str, Node]:
    provinces = json.loads((folder / "kongvut_province.json").read_text(encoding="utf-8"))
    districts = json.loads((folder / "kongvut_district.json").read_text(encoding="utf-8"))
    tambons = json.loads((folder / "kongvut_sub_district.json").read_text(encoding="utf-8"))
    code_of = {d["province_id"]: str(d["id"])[:2] for d in districts}  # its province ids are not codes
    tree = {code_of[p["id"]]: Node(code_of[p["id"]], p["name_th"]) for p in provinces if p["id"] in code_of}
    tree["10"].add_name("กรุงเทพฯ")
    by_code = {}
    for d in districts:
        node = Node(str(d["id"]), d["name_th"])
        tree[code_of[d["province_id"]]].children[node.code] = node
        by_code[node.code] = node
    for t in tambons:
        by_code[str(t["district_id"])].children[str(t["id"])] = Node(str(t["id"]), t["name_th"])
    return tree


def merge_geography(tree: dict[str, Node], folder: Path) -> tuple[int, int]:
    """Names of the second list, matched by name path (its codes differ in places)."""
    provinces = {str(p["provinceCode"]): p["provinceNameTh"]
                 for p in json.loads((folder / "provinces.json").read_text(encoding="utf-8"))}
    districts = {str(d["districtCode"]): d
                 for d in json.loads((folder / "districts.json").read_text(encoding="utf-8"))}
    tambons = json.loads((folder / "subdistricts.json").read_text(encoding="utf-8"))
    used = {t for p in tree.values() for d in p.children.values() for t in [d.code, *d.children]}
    aliases = added = 0
    for t in tambons:
        d = districts[str(t["districtCode"])]
        province = next(p for p in tree.values() if key(provinces[str(t["provinceCode"])]) in map(key, p.names))
        district = province.child(d["districtNameTh"])
        if district is None:
            code = str(d["districtCode"])
            district = province.children.setdefault(code if code not in used else f"~{code}", Node(
                code if code not in used else "", d["districtNameTh"]))
            added += 1
        name, code = t["subdistrictNameTh"], str(t["subdistrictCode"])
        if district.child(name) is not None:
            continue
        same_code = district.children.get(code)
        their_names = {key(x["subdistrictNameTh"]) for x in tambons if x["districtCode"] == t["districtCode"]}
        if same_code is not None and not {key(n) for n in same_code.names} & their_names:
            same_code.add_name(name)  # the same tambon, spelled differently
            aliases += 1
        else:
            district.children[code if code not in used else f"~{code}"] = Node(code if code not in used else "", name)
            added += 1
    return aliases, added


def main(argv: list[str]) -> None:
    tree = kongvut(Path(argv[0]))
    note = "kongvut/thai-province-data api/latest"
    if len(argv) > 1:
        aliases, added = merge_geography(tree, Path(argv[1]))
        note += f" + thailand-geography-data/thailand-geography-json ({aliases} other spellings, {added} entries)"
    data = {"source": note, "provinces": [tree[c].dump() for c in sorted(tree)]}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT}: {OUT.stat().st_size:,} bytes; {note}")


if __name__ == "__main__":
    main(sys.argv[1:])
