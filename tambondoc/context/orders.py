"""The district's orders and announcements about a community-organisation council (ศอช.), at
tambon or district level: one record (``doc``) that the two templates (socho-order.docx,
socho-announcement.docx) lay out, the wording that is data (preamble, duties) filled with the
defaults of ``context.texts`` when the file gives none.
"""

from __future__ import annotations

from typing import Any, TypedDict

from tambondoc.context.text import paragraphs
from tambondoc.context.texts import (
    ANNOUNCEMENT_PREAMBLE,
    DISTRICT_GROUP_DUTIES,
    GROUP_PREAMBLE,
    TAMBON_GROUP_DUTIES,
)
from tambondoc.context.types import DateParts, NumberedMember
from tambondoc.plan.types import Member, Signer, Socho
from tambondoc.plan.vocabulary import DEFAULT_NUMERALS, GROUP_ROLES, SOCHO_ROLES
from tambondoc.thai import MONTHS_FULL, be_date, thai_date


class Level(TypedDict):
    """Where a council sits: 'ตำบล', 'ศอช.ต.', 'ตำบลบางสวน' or 'อำเภอ', 'ศอช.อ.', ''."""

    level: str
    short: str
    place: str
    tambon: str   # the tambon's name ('' for the district's council), printed whole (``docx.names``)


class OrderDoc(Level):
    """What socho-order.docx and socho-announcement.docx show (the template's ``doc``)."""

    kind: str                 # 'order' or 'announcement'
    amphoe: str
    number: int | None        # orders only: 'ที่ number/year'
    year: int | None
    preamble_paragraphs: list[str]
    members: list[NumberedMember]
    duties: list[str]         # orders only
    date: DateParts
    signer: Signer


def tambon_level(tambon: str) -> Level:
    return {"level": "ตำบล", "short": "ศอช.ต.", "place": f"ตำบล{tambon}", "tambon": tambon}


DISTRICT_LEVEL: Level = {"level": "อำเภอ", "short": "ศอช.อ.", "place": "", "tambon": ""}


def date_parts(value: str) -> DateParts:
    """'2567-11-20' as day, full month name and B.E. year, for 'สั่ง ณ วันที่ …' lines."""
    date = be_date(value)
    return {"day": date.day, "month": MONTHS_FULL[date.month - 1], "year": date.year + 543}


def numbered(members: list[Member], roles: tuple[str, ...]) -> list[NumberedMember]:
    """Members in the order of their roles (the file's order within a role), numbered from 1."""
    rank = {role: i for i, role in enumerate(roles)}
    ordered = sorted(enumerate(members), key=lambda im: (rank.get(im[1]["role"], len(rank)), im[0]))
    return [{**m, "no": i} for i, (_, m) in enumerate(ordered, 1)]


def signer(district: Any) -> Signer:
    """Who signs the district's orders: its signer (on the chief's behalf), else the chief."""
    chosen = district.get("signer") or {**district["chief"], "on_behalf": None}
    return {"name": chosen["name"], "position": chosen["position"], "on_behalf": chosen.get("on_behalf")}


def _fill(text: str, level: Level, **extra: str) -> str:
    place = f" {level['place']}" if level["place"] else ""
    return text.format(level=level["level"], short=level["short"], place=place, **extra)


def group_order(socho: Socho | None, level: Level, amphoe: str, signed_by: Signer) -> OrderDoc | None:
    """The order appointing the council's working group; None when the file has none."""
    group = socho["working_group"] if socho else None
    if not group:
        return None
    order = group["order"]
    defaults = TAMBON_GROUP_DUTIES if level["level"] == "ตำบล" else DISTRICT_GROUP_DUTIES
    duties = group["duties"] or [_fill(d, level, amphoe=amphoe) for d in defaults]
    preamble = order.get("preamble") or _fill(GROUP_PREAMBLE, level)
    return {**level, "kind": "order", "amphoe": amphoe, "number": order["number"], "year": order["year"],
            "preamble_paragraphs": paragraphs(preamble), "members": numbered(group["members"], GROUP_ROLES),
            "duties": duties, "date": date_parts(order["date"]), "signer": signed_by}


def announcement(socho: Socho | None, level: Level, amphoe: str, signed_by: Signer) -> OrderDoc | None:
    """The announcement certifying the council's selected committee; None when the file has none."""
    committee = socho["committee"] if socho else None
    if not committee:
        return None
    selected = committee.get("selected_on")
    when = f"เมื่อวันที่ {thai_date(selected)} " if selected else ""
    preamble = committee["announcement"].get("preamble") or _fill(ANNOUNCEMENT_PREAMBLE, level, amphoe=amphoe, when=when)
    return {**level, "kind": "announcement", "amphoe": amphoe, "number": None, "year": None,
            "preamble_paragraphs": paragraphs(preamble), "members": numbered(committee["members"], SOCHO_ROLES),
            "duties": [], "date": date_parts(committee["announcement"]["date"]), "signer": signed_by}


def numeral_settings(settings: Any) -> dict[str, str]:
    """A file's ``settings`` as templates read them: every numeral choice, defaults filled."""
    given = {k: str(v) for k, v in (settings or {}).items() if v is not None and not isinstance(v, bool)}
    return {**DEFAULT_NUMERALS, **given}


def document_context(doc: OrderDoc, settings: Any) -> dict[str, Any]:
    """The rendering context of one order or announcement: its ``doc`` and the numeral settings."""
    return {"settings": numeral_settings(settings), "doc": doc}
