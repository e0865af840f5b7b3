"""The part of a long text that changed, with some context around it, cut where a word begins
or ends: Thai has no spaces between words, and an excerpt cut at a character count started
inside one ('…ารพัฒนา' for 'การพัฒนา'), which a reviewer cannot read."""

from __future__ import annotations

import unicodedata

from tambondoc.measure import words

LONG, CONTEXT = 80, 24  # a text longer than LONG is shown as its changed part with about CONTEXT characters around
_NEAR = CONTEXT // 2  # a space this close to the cut is preferred to a word boundary between Thai words
_WORD = 2 * CONTEXT  # no word is longer; a longer piece may be cut anywhere, as a word cannot
_LEADING = "เแโใไ"  # vowels written before the consonant they follow in speech


def excerpts(old: str, new: str) -> tuple[str, str]:
    """Two texts as shown side by side: whole when short, else the part that differs with about
    CONTEXT characters either side, each cut on a word boundary both texts share, '…' where text
    is left out."""
    if max(len(old), len(new)) <= LONG:
        return old, new
    shortest = min(len(old), len(new))
    start = next((i for i, (x, y) in enumerate(zip(old, new)) if x != y), shortest)
    end = next((i for i, (x, y) in enumerate(zip(reversed(old), reversed(new))) if x != y), shortest)
    end = min(end, len(old) - start, len(new) - start)  # characters both texts end with, after ``start``
    first = last = 0  # characters left out at the start, and at the end (where both end alike)
    if start > CONTEXT * 3 // 2 or end > CONTEXT * 3 // 2:
        at_old, at_new = _boundaries(old), _boundaries(new)
        if start > CONTEXT * 3 // 2:
            first = _cut(old, start - CONTEXT, [k for k in at_old & at_new if k <= start])
        if end > CONTEXT * 3 // 2:
            shared = {len(old) - k for k in at_old} & {len(new) - k for k in at_new}
            last = _cut(old[::-1], end - CONTEXT, [k for k in shared if k <= end])
    return tuple(("…" if first else "") + t[first:len(t) - last] + ("…" if last else "")  # type: ignore[return-value]
                 for t in (old, new))


def _boundaries(text: str) -> set[int]:
    """Offsets where a word of ``text`` begins or ends (ICU's Thai word boundaries, spaces as
    their own pieces), and inside a piece too long to be a word (an address, a code, a run of
    letters) between any two characters a mark or leading vowel does not join; the ends of the
    text only if its pieces do not spell it."""
    pieces = words(text)
    if "".join(pieces) != text:
        return {0, len(text)}
    found, start = {0}, 0
    for piece in pieces:
        found.add(start + len(piece))
        if len(piece) > _WORD:
            found.update(start + k for k in range(1, len(piece))
                         if unicodedata.category(piece[k]) != "Mn" and piece[k - 1] not in _LEADING)
        start += len(piece)
    return found


def _cut(text: str, target: int, allowed: list[int]) -> int:
    """Of the offsets ``allowed`` in ``text``, where to cut near ``target``: just after a space
    within a few characters if there is one, else the nearest word boundary (the farther one from
    the change on a tie, so the context is not shorter). The end of an excerpt is cut on the
    reversed text, where an offset is a count of characters left out at the end."""
    cuts = [k for k in allowed if not text[k:k + 1].isspace()]  # an excerpt never opens on a space
    if not cuts:
        return 0
    spaced = [k for k in cuts if abs(k - target) <= _NEAR and k > 0 and text[k - 1].isspace()]
    return min(spaced or cuts, key=lambda k: (abs(k - target), k))
