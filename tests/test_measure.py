"""Where the measure lets a Thai line break: where LibreOffice (ICU) does."""

from __future__ import annotations

from tambondoc import measure


def test_compounds_break_where_libreoffice_breaks_them() -> None:
    # pythainlp's whole dictionary holds these as one word; LibreOffice breaks them
    assert measure.words("ความเหมาะสม")[0] == "ความ"
    assert measure.words("องค์การบริหารส่วนตำบล") == ("องค์การ", "บริหาร", "ส่วน", "ตำบล")
    assert measure.longest_word("ความเหมาะสม") < measure.em_width("ความเหมาะสม")


def test_spaces_are_breaks_and_brackets_stay_with_their_word() -> None:
    assert measure.words("ถนน (สาย) ยาว 200 เมตร") == ("ถนน", " ", "(สาย)", " ", "ยาว", " ", "200", " ", "เมตร")
