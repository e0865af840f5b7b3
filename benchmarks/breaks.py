"""Where LibreOffice breaks Thai words, against where the layout's measure (``measure.words``)
thinks a line may break.

    python benchmarks/breaks.py [--words 400] [--seed 4] [--keep DIR]

Dictionary words of 6-14 characters that the measure cuts into pieces are each set in a
paragraph just wider than their widest piece (16 pt, the font the documents use), converted
with LibreOffice, and read back with pdftotext. Where LibreOffice's first line ends tells:

- at one of the measure's cuts: they agree;
- elsewhere: LibreOffice knows a break the measure does not (the measure then overstates a
  column's lines), or breaks inside a piece at the line's edge (the measure understated it).

With ICU (``tambondoc/linebreak.py``) every word agreed; with pythainlp's short words, the
fallback, 83 of its 400 did not.

Printed: how many words each way, and the ones LibreOffice broke elsewhere.
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tambondoc import measure  # noqa: E402

SIZE = 16
TEXT_WIDTH = Cm(21 - 6).pt


def _base(word: str) -> int:
    return sum(unicodedata.category(ch) != "Mn" for ch in word)


def cases(count: int, seed: int) -> list[tuple[str, tuple[str, ...]]]:
    from pythainlp.corpus import thai_words

    found = sorted(w for w in thai_words() if 6 <= _base(w) <= 14 and w.isalpha())
    random.Random(seed).shuffle(found)
    out = []
    for word in found:
        pieces = measure.words(word)
        if len(pieces) >= 2 and all(_base(p) >= 2 for p in pieces):
            out.append((word, pieces))
        if len(out) == count:
            break
    return out


def document(words: list[tuple[str, tuple[str, ...]]], path: Path) -> None:
    """Each word after a marker paragraph '#k', in a paragraph its widest piece (and 6 %) wide."""
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name, style.font.size = "TH Sarabun New", Pt(SIZE)
    rpr = style.element.get_or_add_rPr()
    rpr.find(qn("w:rFonts")).set(qn("w:cs"), "TH Sarabun New")
    size = OxmlElement("w:szCs")
    size.set(qn("w:val"), str(SIZE * 2))
    rpr.append(size)
    style.paragraph_format.space_after = Pt(0)
    for k, (word, pieces) in enumerate(words):
        doc.add_paragraph(f"#{k}")
        need = max(measure.width(p, SIZE) for p in pieces) * 1.06 + 1
        doc.add_paragraph(word).paragraph_format.right_indent = Pt(TEXT_WIDTH - need)
    for section in doc.sections:
        section.left_margin = section.right_margin = Cm(3)
    doc.save(str(path))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=400)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="tambondoc-breaks-"))
    folder.mkdir(parents=True, exist_ok=True)
    words = cases(args.words, args.seed)
    document(words, folder / "breaks.docx")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{folder}/lo", "--headless", "--convert-to", "pdf",
                    "--outdir", str(folder), str(folder / "breaks.docx")], check=True, capture_output=True)
    text = subprocess.run(["pdftotext", str(folder / "breaks.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout.replace("\f", "")
    parts = re.split(r"^#(\d+)\s*$", text, flags=re.M)
    lines = {int(parts[i]): [line for line in parts[i + 1].split("\n") if line.strip()]
             for i in range(1, len(parts), 2)}
    whole = agree = 0
    elsewhere = []
    for k, (_, pieces) in enumerate(words):
        got = lines.get(k, [])
        if len(got) <= 1:
            whole += 1
            continue
        cuts, at = set(), 0
        for piece in pieces[:-1]:
            at += _base(piece)
            cuts.add(at)
        if _base(got[0].replace(" ", "")) in cuts:
            agree += 1
        else:
            elsewhere.append(f"{'|'.join(pieces)}  LibreOffice: {'/'.join(got)}")
    print(f"{len(words)} words: on one line {whole}, broken at a cut of the measure {agree}, "
          f"elsewhere {len(elsewhere)}")
    for line in elsewhere:
        print("  ", line)


if __name__ == "__main__":
    main()
