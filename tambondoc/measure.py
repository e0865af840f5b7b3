"""How wide Thai text is, and where a line of it may break: what the table layout (and the
workbooks' row heights) measure with.

Widths come from the real font's advance widths (``_fonts/sarabun.json``, extracted from
Laksaman, the TH Sarabun that LibreOffice renders on Linux; ``scripts/font_metrics.py``).
Thai is written without spaces, so where a line may break comes from ICU's line breaker, the
one LibreOffice uses (``linebreak``); where the system has no ICU, from pythainlp's dictionary
word tokenizer (newmm, run by nlpo3's Rust build of it when installed). Results are cached: the
same project texts appear in the plan book, the coordination lists and the workbooks.
"""

from __future__ import annotations

import json
import math
import re
import shutil
import tempfile
from array import array
from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from itertools import accumulate, islice, repeat
from operator import sub
from pathlib import Path
from typing import Any, NamedTuple

from tambondoc import linebreak

PT_TWIPS = 20  # twentieths of a point: Word's unit for widths
_UNKNOWN = 600  # an unknown character is as wide as a typical consonant (1/1000 em)


@lru_cache(maxsize=1)
def _metrics() -> dict[str, Any]:
    with resources.files("tambondoc").joinpath("_fonts/sarabun.json").open(encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data


# characters drawn as nothing: zero width spaces between Thai words (text pasted from the web or
# Word), joiners, a byte order mark, a soft hyphen; a line measures (and a name compares) without them
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"


@lru_cache(maxsize=2)
def _widths(bold: bool) -> dict[str, int]:
    table: dict[str, int] = dict(_metrics()["bold" if bold else "regular"]["widths"])
    table.update(dict.fromkeys(INVISIBLE, 0))
    return table


@lru_cache(maxsize=64)
def line_height(size_pt: float) -> float:
    """Points one line of single-spaced text takes (the font's typographic line height). Cached:
    the table layout asks it of every paragraph of every cell, at a handful of sizes."""
    return float(_metrics()["regular"]["line"]) * size_pt / 1000


@lru_cache(maxsize=1 << 17)
def _piece_width(piece: str, bold: bool) -> int:
    return char_width(piece, bold)


def em_width(text: str, bold: bool = False) -> int:
    """Width of ``text`` in thousandths of the font size (marks above and below take none).
    Short texts (words, labels, amounts) recur, so their widths are cached."""
    if len(text) <= 24:
        return _piece_width(text, bold)
    return char_width(text, bold)


def char_width(text: str, bold: bool = False) -> int:
    """``em_width`` uncached: its characters' widths added up, for a text measured once (a row's
    continuation, a heading across the table)."""
    return sum(map(_widths(bold).get, text, repeat(_UNKNOWN)))


def width(text: str, size_pt: float, bold: bool = False) -> float:
    """Width of ``text`` in points at ``size_pt``."""
    return em_width(text, bold) * size_pt / 1000


SHORT_WORD = 8  # the fallback's dictionary keeps words of at most this many characters


@lru_cache(maxsize=1)
def _tokenizer() -> Callable[[str], list[str]]:
    """Where ICU is missing (``linebreak``): newmm with pythainlp's words of at most SHORT_WORD
    characters, run by nlpo3 when installed. The full dictionary keeps compounds whole that
    LibreOffice breaks ('องค์การบริหารส่วนตำบล', 'พบปะสนทนา'), which overstated columns'
    minimum widths; the short words come closer (``benchmarks/breaks.py`` compares)."""
    from pythainlp.corpus import thai_words

    short = sorted(w for w in thai_words() if len(w) <= SHORT_WORD)
    try:
        import nlpo3

        folder = Path(tempfile.mkdtemp(prefix="tambondoc-words-"))
        (folder / "short.txt").write_text("\n".join(short), encoding="utf-8")
        nlpo3.load_dict(str(folder / "short.txt"), "tambondoc-short")
        shutil.rmtree(folder, ignore_errors=True)
        segment = nlpo3.segment
        return lambda text: _glued(list(segment(text, "tambondoc-short")))
    except ImportError:  # pragma: no cover - nlpo3 has wheels for the common platforms
        from pythainlp.tokenize import Trie, word_tokenize

        trie = Trie(short)
        return lambda text: _glued(list(word_tokenize(text, engine="newmm", custom_dict=trie, keep_whitespace=True)))


class Breaker(NamedTuple):
    """Where a line may break: ``pieces`` cuts a text into words and runs of spaces; ``offsets``,
    with ICU, gives only where they start (None for a text it cannot), for widths without the
    pieces' strings."""

    pieces: Callable[[str], list[str]]
    offsets: Callable[[str], list[int] | None] | None = None


@lru_cache(maxsize=1)
def _breaker() -> Breaker:
    """ICU's line breaks, as LibreOffice's (``linebreak``), with their spaces cut off into
    pieces of their own; pythainlp's words where the system has no ICU."""
    icu = linebreak.segmenter()
    if icu is None:
        return Breaker(_tokenizer())

    def pieces(text: str) -> list[str]:
        out: list[str] = []
        for segment in icu(text):
            if not (segment[-1].isspace() or segment[0].isspace()):  # most: a Thai word before a Thai word
                out.append(segment)
                continue
            lead, end = len(segment) - len(segment.lstrip()), len(segment.rstrip())
            if lead:
                out.append(segment[:lead])
            if end > lead:
                out.append(segment[lead:end])
            if len(segment) > end >= lead:
                out.append(segment[end:])
        return out

    return Breaker(pieces, linebreak.offsets())


def words(text: str) -> tuple[str, ...]:
    """``text`` cut where a line may break: Thai word boundaries and spaces (kept as tokens).
    Not cached: ``word_widths`` is, and the pieces' text held beside it was 4 MB of a
    5,000-project build's peak."""
    if not text:
        return ()
    if text.isascii():
        out: list[str] = []
        for part in text.split(" "):
            out += [part, " "]
        return tuple(t for t in out[:-1] if t)
    return tuple(_breaker().pieces(text))


OPENING, CLOSING = set("([{“‘"), set(")]}”’,.;:!?%")


def _only(piece: str, marks: set[str]) -> bool:
    """Whether every character of ``piece`` is one of ``marks``: the first one alone answers for
    almost every word, without making a set of its characters."""
    return not piece or (piece[0] in marks and set(piece) <= marks)


def _glued(pieces: list[str]) -> list[str]:
    """Punctuation a line never breaks next to (UAX #14) joined to its word: an opening bracket
    to the word after it, a closing one, a comma or a full stop to the word before it."""
    out: list[str] = []
    for piece in pieces:
        if out and not out[-1].isspace() and (_only(piece, CLOSING) or _only(out[-1], OPENING)):
            out[-1] += piece
        else:
            out.append(piece)
    return out


@lru_cache(maxsize=1 << 16)
def _measured(text: str, bold: bool) -> tuple[int, array[int]]:
    """``text``'s width and ``word_widths``, in 1/1000 em, from one pass over its characters:
    the table layout asks both of every line (``line_widths``)."""
    offsets = _breaker().offsets
    if offsets is not None and not text.isascii() and (at := offsets(text)) is not None:
        return _widths_between(text, at, bold)
    pieces = array("q", [~_piece_width(w, bold) if w.isspace() else _piece_width(w, bold) for w in words(text)])
    return em_width(text, bold), pieces


def word_widths(text: str, bold: bool) -> array[int]:
    """The width in 1/1000 em of each breakable piece of ``text``, each run of spaces as ``~width``
    (negative): packed, as a 5,000-project plan's cache held 9 MB of (width, is a space) pairs."""
    return _measured(text, bold)[1]


_SPACE = re.compile(r"\s")  # what str.isspace() is true of, one character at a time


def _widths_between(text: str, at: list[int], bold: bool) -> tuple[int, array[int]]:
    """``text``'s width and its ``word_widths`` from ICU's offsets: the pieces ``words`` would
    cut, measured as differences of the running width, with no piece's string made (measuring
    is a third of a realistic plan's layout). Segments are taken whole, as a run of differences
    made in C, except those that start or end with a space: those are cut in Python."""
    run = list(accumulate(map(_widths(bold).get, text, repeat(_UNKNOWN)), initial=0))
    spaced: list[int] = []  # segments that start or end with a space, in order
    for match in _SPACE.finditer(text):
        where = match.start()
        k = bisect_right(at, where) - 1
        if (where == at[k] or where == at[k + 1] - 1) and (not spaced or spaced[-1] != k):
            spaced.append(k)
    at_run = [run[i] for i in at]
    if not spaced:
        return run[-1], array("q", map(sub, islice(at_run, 1, None), at_run))
    out = array("q")
    done = 0
    for k in spaced:
        out.extend(map(sub, islice(at_run, done + 1, k + 1), islice(at_run, done, k)))
        start, end = at[k], at[k + 1]
        segment = text[start:end]
        lead, stop = start + len(segment) - len(segment.lstrip()), start + len(segment.rstrip())
        if lead > start:
            out.append(~(run[lead] - run[start]))
        if stop > lead:
            out.append(run[stop] - run[lead])
        if end > stop >= lead:
            out.append(~(run[end] - run[stop]))
        done = k + 1
    out.extend(map(sub, islice(at_run, done + 1, None), islice(at_run, done, None)))
    return run[-1], out


def longest_word(text: str, bold: bool = False) -> int:
    """Width (1/1000 em) of the widest piece of ``text`` that cannot be broken (spaces' are
    negative in ``word_widths``)."""
    return max(0, max(word_widths(text, bold), default=0))


@lru_cache(maxsize=1 << 16)
def line_widths(line: str, bold: bool) -> tuple[int, int, int]:
    """(width, width without its outer spaces, widest unbreakable piece) of one line, in 1/1000
    em: what the table layout asks of every line, in one cached call."""
    if not line:
        return 0, 0, 0
    em, pieces = _measured(line, bold)
    word = max(0, max(pieces, default=0))
    stripped = line.strip()
    if line == stripped:
        return em, em, word
    lead = len(line) - len(line.lstrip())  # the outer spaces' widths taken off: no second breaking
    inner = em - _piece_width(line[:lead], bold) - _piece_width(line[lead + len(stripped):], bold)
    return em, inner, word


def count_lines(text: str, available: float, bold: bool = False) -> int:
    """Lines ``text`` (one line, no breaks) takes in ``available`` thousandths of an em,
    breaking at word boundaries as a word processor does; a word wider than the line is
    broken wherever it must."""
    if available <= 0:
        return max(1, len(text))
    lines, used = 1, 0.0
    for w in word_widths(text, bold):
        if w < 0:  # spaces
            used += ~w
            continue
        if used + w <= available or used == 0:
            if w > available and used == 0:  # one word longer than the line breaks inside
                extra = math.ceil(w / available) - 1
                lines += extra
                used = w - extra * available
            else:
                used += w
        else:
            lines += 1
            if w > available:
                extra = math.ceil(w / available) - 1
                lines += extra
                used = w - extra * available
            else:
                used = w
    return lines


def line_start(text: str, available: float, bold: bool, line: int) -> int | None:
    """Where in ``text`` (one line, no breaks) wrapped line ``line`` (from 0) starts when wrapped
    as ``count_lines`` wraps it, at the start of a word; None when it takes no more lines, or
    when that line starts inside a word wider than the line (``count_lines`` breaks it there)."""
    if available <= 0 or line <= 0:
        return None
    lines, used, offset = 1, 0.0, 0
    for size, piece in zip(word_widths(text, bold), words(text)):
        w = float(size if size >= 0 else ~size)
        if size >= 0:
            if used and used + w > available:  # the word starts a new line
                lines, used = lines + 1, 0.0
                if lines > line:
                    return offset
            if w > available and used == 0:  # one word longer than the line breaks inside
                extra = math.ceil(w / available) - 1
                if lines + extra > line:
                    return None
                lines += extra
                w -= extra * available
        used += w
        offset += len(piece)
    return None

