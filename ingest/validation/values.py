"""Parsing one raw cell into a typed value, or a reason why it cannot be.

Every parser takes the raw text (already stripped of nothing) and raises :class:`Invalid`
with a reason a user can act on.

Examples
--------
>>> parse_date("2024-02-29")
datetime.date(2024, 2, 29)
>>> parse_datetime("2026-03-01T09:30:00+01:00").isoformat()
'2026-03-01T08:30:00+00:00'
>>> parse_probability("45%")
0.45
>>> parse_bool("Yes")
True
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import TypeVar

from schema.errors import CrmGraphError

__all__ = [
    "Invalid",
    "parse_amount",
    "parse_bool",
    "parse_currency",
    "parse_date",
    "parse_datetime",
    "parse_enum",
    "parse_probability",
    "split_list",
]

E = TypeVar("E", bound=StrEnum)
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_LIST_SEPARATOR = re.compile(r"[;,]")
_MEMBERS: dict[type[StrEnum], dict[str, StrEnum]] = {}
_TRUE = {"true", "yes", "y", "1", "t", "x", "是"}
_FALSE = {"false", "no", "n", "0", "f", "否"}


class Invalid(CrmGraphError, ValueError):
    """A value that cannot be used, with the reason (a ``ValueError`` too)."""


def parse_date(raw: str) -> date:
    """An ISO 8601 calendar date (``YYYY-MM-DD``); a full timestamp gives its date."""
    text = raw.strip()
    try:
        if len(text) > 10:
            return datetime.fromisoformat(text).date()
        return date.fromisoformat(text)
    except ValueError:
        raise Invalid("not an ISO 8601 date (YYYY-MM-DD)") from None


def parse_datetime(raw: str) -> datetime:
    """An ISO 8601 timestamp, in UTC; one without an offset is taken as UTC, a bare date
    as midnight UTC."""
    text = raw.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise Invalid("not an ISO 8601 date-time (YYYY-MM-DDTHH:MM[:SS][+HH:MM])") from None
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def parse_bool(raw: str) -> bool:
    """``true``/``false`` and the usual spellings (yes/no, 1/0)."""
    text = raw.strip().casefold()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise Invalid("not a yes/no value (true or false)")


def parse_amount(raw: str) -> float:
    """A non-negative amount; thousands separators and a currency sign are tolerated."""
    text = raw.strip().replace(",", "").replace("_", "").lstrip("$€£¥ ")
    try:
        value = float(text)
    except ValueError:
        raise Invalid("not a number") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise Invalid("not a finite number")
    if value < 0:
        raise Invalid("must not be negative")
    return value


def parse_probability(raw: str) -> float:
    """A probability between 0 and 1; ``45%`` means 0.45."""
    text = raw.strip()
    percent = text.endswith("%")
    try:
        value = float(text.rstrip("%").strip())
    except ValueError:
        raise Invalid("not a probability (0..1, or a percentage like 45%)") from None
    if percent:
        value /= 100
    if not 0 <= value <= 1:
        raise Invalid("a probability must be between 0 and 1 (or 0% and 100%)")
    return round(value, 6)


def parse_currency(raw: str) -> str:
    """A three-letter ISO 4217 code, upper-cased."""
    code = raw.strip().upper()
    if not _CURRENCY.match(code):
        raise Invalid("not an ISO 4217 currency code (three letters, e.g. EUR)")
    return code


def parse_enum(raw: str, enum: type[E]) -> E:
    """A member of ``enum`` by value; case, spaces and dashes do not matter."""
    key = raw.strip().casefold().replace(" ", "_").replace("-", "_")
    members = _MEMBERS.get(enum)
    if members is None:  # looking a value up in a dict is much cheaper than enum(key)
        members = _MEMBERS[enum] = {member.value: member for member in enum}
    member = members.get(key)
    if not isinstance(member, enum):
        allowed = ", ".join(m.value for m in enum)
        raise Invalid(f"not one of: {allowed}")
    return member


def split_list(raw: str | None) -> list[str]:
    """The non-empty, stripped items of a ``;``-separated cell (commas accepted too)."""
    if not raw:
        return []
    if ";" not in raw and "," not in raw:
        item = raw.strip()
        return [item] if item else []
    return [item.strip() for item in _LIST_SEPARATOR.split(raw) if item.strip()]
