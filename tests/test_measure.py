"""Where the measure lets a Thai line break: where LibreOffice does (ICU), or close to it."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest
from conftest import ROOT, needs_libreoffice

from tambondoc import linebreak, measure

needs_icu = pytest.mark.skipif(linebreak.segmenter() is None, reason="no ICU library on this system")


@pytest.fixture
def without_icu(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The measure as on a system without ICU: pythainlp's short words."""
    monkeypatch.setattr(linebreak, "segmenter", lambda: None)
    measure._breaker.cache_clear()
    measure._measured.cache_clear()
    yield
    measure._breaker.cache_clear()
    measure._measured.cache_clear()


@needs_icu
def test_words_are_icus_as_libreoffice_breaks_them() -> None:
    # LibreOffice broke 'ปีงบประมาณ' at the cell's edge (ปีงบประมา|ณ) in a column sized from
    # pythainlp's short words, which cut it; it breaks compounds the full dictionary keeps whole
    assert measure.words("ตลอดปีงบประมาณ") == ("ตลอด", "ปีงบประมาณ")
    assert measure.words("พบปะสนทนา") == ("พบปะ", "สนทนา")
    assert measure.words("ถนน (คสล.) ยาว 200 เมตร") == ("ถนน", " ", "(คสล.)", " ", "ยาว", " ", "200", " ", "เมตร")
    assert measure.words("  สอง  ช่อง ") == ("  ", "สอง", "  ", "ช่อง", " ")


@pytest.mark.parametrize("text", ["ถนน (คสล.) ยาว 200 เมตร", "  สอง  ช่อง ", "ไทย\u00a0ไทย \u00a0", "ก😀ข ค",
                                  "1. ขุดลอก\r\n2. ซ่อม", "องค์การบริหารส่วนตำบล   ", "abc def", ""])
def test_word_widths_are_each_pieces_width_a_spaces_packed_as_its_complement(text: str) -> None:
    """The widths come from ICU's offsets and a running width (no piece's string is made) and
    are packed in an array, a run of spaces as ``~width``: the same figures as the pieces'."""
    expected = [~measure.em_width(p) if p.isspace() else measure.em_width(p) for p in measure.words(text)]
    assert list(measure.word_widths(text, False)) == expected
    assert measure.longest_word(text) == max([w for w in expected if w >= 0], default=0)


def test_an_icu_without_its_thai_dictionary_is_not_used() -> None:
    assert not linebreak.breaks_thai(lambda text: [text])  # a minimal ICU keeps the phrase whole
    assert linebreak.breaks_thai(lambda text: ["ภาษา", "ไทย", "ง่าย", "นิด", "เดียว"])


@needs_icu
def test_text_beyond_the_basic_plane_keeps_its_characters() -> None:
    text = "ก😀ข ค"
    assert "".join(measure.words(text)) == text


def test_invisible_characters_take_no_width() -> None:
    """Zero width spaces (Thai pasted from the web), joiners and a byte order mark are drawn as
    nothing; counted as an unknown letter, each added 0.6 em to a line."""
    plain = measure.em_width("การพัฒนาชุมชนเข้มแข็ง")
    assert measure.em_width("\ufeffการพัฒนา\u200bชุมชน\u200dเข้มแข็ง\u2060") == plain
    assert measure.em_width("การพัฒนา\u200bชุมชน", bold=True) == measure.em_width("การพัฒนาชุมชน", bold=True)


def test_compounds_break_where_libreoffice_breaks_them() -> None:
    assert measure.words("ความเหมาะสม")[0] == "ความ"
    assert measure.words("องค์การบริหารส่วนตำบล") == ("องค์การ", "บริหาร", "ส่วน", "ตำบล")
    assert measure.longest_word("ความเหมาะสม") < measure.em_width("ความเหมาะสม")


def test_without_icu_pythainlps_short_words_split_compounds(without_icu: None) -> None:
    assert measure.words("องค์การบริหารส่วนตำบล") == ("องค์การ", "บริหาร", "ส่วน", "ตำบล")
    assert measure.words("ถนน (สาย) ยาว 200 เมตร") == ("ถนน", " ", "(สาย)", " ", "ยาว", " ", "200", " ", "เมตร")


@needs_icu
@needs_libreoffice
@pytest.mark.libreoffice
def test_libreoffice_breaks_words_where_the_measure_says_it_may() -> None:
    """Sixty dictionary words, each set just wider than its widest piece: LibreOffice's first line
    ends at one of the measure's cuts (``benchmarks/breaks.py``; with pythainlp's short words
    instead of ICU, 83 of 400 ended elsewhere)."""
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "breaks.py"), "--words", "60"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    summary = done.stdout.splitlines()[0]
    assert summary.startswith("60 words: ") and summary.endswith(", elsewhere 0"), done.stdout


@pytest.mark.parametrize("text", ["การพัฒนาคุณภาพชีวิตของผู้สูงอายุ " * 5, "ศูนย์\u200bกว้าง 😀 ok", "", "  ๑๒๓ "])
def test_a_cell_across_columns_measures_what_its_words_add_up_to(text: str) -> None:
    """char_width (for cells across columns, no line breaking asked) is em_width's sum."""
    for bold in (False, True):
        assert measure.char_width(text, bold) == measure.em_width(text, bold)
