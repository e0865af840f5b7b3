"""Extract the advance widths tambondoc's layout step measures text with, from the fonts
LibreOffice renders TH SarabunPSK in on Linux (Debian's fonts-thai-tlwg: Laksaman, TLWG's
build of TH Sarabun, same design and metrics family).

    pip install fonttools && python scripts/font_metrics.py > tambondoc/_fonts/sarabun.json

Widths are in thousandths of the font size, for every character of the Thai block, Basic Latin,
Latin-1 punctuation and a few typographic marks; the line height is the font's typographic
ascent + descent + line gap, which is what LibreOffice uses for single spacing.
"""

from __future__ import annotations

import json
import sys

from fontTools.ttLib import TTFont

FONTS = {"regular": "/usr/share/fonts/truetype/tlwg/Laksaman.ttf",
         "bold": "/usr/share/fonts/truetype/tlwg/Laksaman-Bold.ttf"}
CHARS = [*range(0x20, 0x7F), *range(0xA0, 0x100), *range(0x0E00, 0x0E80),
         0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2026, 0x2212]


def main() -> int:
    out: dict[str, object] = {"source": "Laksaman (fonts-thai-tlwg)", "unit": "1/1000 em"}
    for style, path in FONTS.items():
        font = TTFont(path)
        upm = font["head"].unitsPerEm
        cmap, hmtx = font.getBestCmap(), font["hmtx"]
        widths = {}
        for code in CHARS:
            if code in cmap:
                widths[chr(code)] = round(hmtx[cmap[code]][0] * 1000 / upm)
        os2 = font["OS/2"]
        out[style] = {"widths": widths,
                      "line": round((os2.sTypoAscender - os2.sTypoDescender + os2.sTypoLineGap) * 1000 / upm)}
    json.dump(out, sys.stdout, ensure_ascii=False, sort_keys=True)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
