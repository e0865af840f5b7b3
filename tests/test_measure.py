"""Where the measure lets a Thai line break: where LibreOffice does (ICU), or close to it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tambondoc import linebreak, measure

needs_icu = pytest.mark.skipif(linebreak.segmenter() is None, reason="no ICU library on this system")


@pytest.fixture
def without_icu(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The measure as on a system without ICU: pythainlp's short words."""
    monkeypatch.setattr(linebreak, "segmenter", lambda: None)
    measure._breaker.cache_clear()
    measure.words.cache_clear()
    yield
    measure._breaker.cache_clear()
    measure.words.cache_clear()


@needs_icu
def test_words_are_icus_as_libreoffice_breaks_them() -> None:
    # LibreOffice broke 'ปีงบประมาณ' at the cell's edge (ปีงบประมา|ณ) in a column sized from
    # pythainlp's short words, which cut it; it breaks compounds the full dictionary keeps whole
    assert measure.words("ตลอดปีงบประมาณ") == ("ตลอด", "ปีงบประมาณ")
    assert measure.words("พบปะสนทนา") == ("พบปะ", "สนทนา")
    assert measure.words("ถนน (คสล.) ยาว 200 เมตร") == ("ถนน", " ", "(คสล.)", " ", "ยาว", " ", "200", " ", "เมตร")
    assert measure.words("  สอง  ช่อง ") == ("  ", "สอง", "  ", "ช่อง", " ")


def test_an_icu_without_its_thai_dictionary_is_not_used() -> None:
    assert not linebreak.breaks_thai(lambda text: [text])  # a minimal ICU keeps the phrase whole
    assert linebreak.breaks_thai(lambda text: ["ภาษา", "ไทย", "ง่าย", "นิด", "เดียว"])


@needs_icu
def test_text_beyond_the_basic_plane_keeps_its_characters() -> None:
    text = "ก😀ข ค"
    assert "".join(measure.words(text)) == text


def test_compounds_break_where_libreoffice_breaks_them() -> None:
    assert measure.words("ความเหมาะสม")[0] == "ความ"
    assert measure.words("องค์การบริหารส่วนตำบล") == ("องค์การ", "บริหาร", "ส่วน", "ตำบล")
    assert measure.longest_word("ความเหมาะสม") < measure.em_width("ความเหมาะสม")


def test_without_icu_pythainlps_short_words_split_compounds(without_icu: None) -> None:
    assert measure.words("องค์การบริหารส่วนตำบล") == ("องค์การ", "บริหาร", "ส่วน", "ตำบล")
    assert measure.words("ถนน (สาย) ยาว 200 เมตร") == ("ถนน", " ", "(สาย)", " ", "ยาว", " ", "200", " ", "เมตร")
