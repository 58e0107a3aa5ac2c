"""Checks and normalisation of command input; each failure names its field.

Every function takes a value and the field it came from and returns the normalised value or
raises :class:`schema.errors.InvalidInput`. Text is stripped; blank optional text is None.

>>> email("  Ann@Example.COM ", "email")
'ann@example.com'
>>> currency("eur", "currency")
'EUR'
>>> probability(1.5, "probability")
Traceback (most recent call last):
...
schema.errors.InvalidInput: must be between 0 and 1
"""

from __future__ import annotations

import math
import re
from datetime import UTC, date, datetime

from api.services.commands.currencies import ISO_4217
from graph.writing.rows import normalise_domain
from schema.errors import InvalidInput

__all__ = [
    "MAX_NAME",
    "MAX_SUBJECT",
    "MAX_TEXT",
    "MAX_TITLE",
    "amount",
    "currency",
    "domain",
    "email",
    "expected_version",
    "moment",
    "name",
    "phone",
    "probability",
    "source_key",
    "subject",
    "text",
    "title",
    "today",
]

MAX_NAME = 200
MAX_TITLE = 200
MAX_SUBJECT = 500
MAX_TEXT = 500
_MAX_EMAIL = 254
_MAX_PHONE = 50
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def today() -> date:
    """Today in UTC: the default date of job and reporting-line changes."""
    return datetime.now(UTC).date()


def name(value: str | None, field: str, *, max_length: int = MAX_NAME) -> str:
    """A required name: 1 to ``max_length`` characters once stripped."""
    cleaned = (value or "").strip()
    if not cleaned:
        raise InvalidInput("must not be empty", field=field)
    if len(cleaned) > max_length:
        raise InvalidInput(f"must be at most {max_length} characters", field=field)
    return cleaned


def text(value: str | None, field: str, *, max_length: int = MAX_TEXT) -> str | None:
    """Optional text of at most ``max_length`` characters; blank becomes None."""
    cleaned = (value or "").strip()
    if len(cleaned) > max_length:
        raise InvalidInput(f"must be at most {max_length} characters", field=field)
    return cleaned or None


def title(value: str | None, field: str) -> str | None:
    """A job title or department: at most 200 characters."""
    return text(value, field, max_length=MAX_TITLE)


def subject(value: str | None, field: str) -> str | None:
    """An interaction's subject: at most 500 characters."""
    return text(value, field, max_length=MAX_SUBJECT)


def phone(value: str | None, field: str) -> str | None:
    """A phone number as given, at most 50 characters."""
    return text(value, field, max_length=_MAX_PHONE)


def email(value: str | None, field: str) -> str | None:
    """An email address, lower-cased: one ``@``, a dot in the domain, no spaces."""
    cleaned = text(value, field, max_length=_MAX_EMAIL)
    if cleaned is None:
        return None
    if not _EMAIL.fullmatch(cleaned):
        raise InvalidInput("is not an email address", field=field)
    return cleaned.lower()


def domain(value: str | None, field: str) -> str | None:
    """A web domain, normalised (lower case, no ``www.``, no trailing dot)."""
    given = text(value, field, max_length=253)
    if given is None:
        return None
    cleaned = normalise_domain(given)
    if cleaned is None:
        raise InvalidInput("is not a domain name", field=field)
    return cleaned


def currency(value: str | None, field: str) -> str | None:
    """An active ISO 4217 code, upper-cased."""
    cleaned = text(value, field, max_length=3)
    if cleaned is None:
        return None
    if cleaned.upper() not in ISO_4217:
        raise InvalidInput("is not an active ISO 4217 currency code", field=field)
    return cleaned.upper()


def amount(value: float | None, field: str) -> float | None:
    """A finite, non-negative amount."""
    if value is None:
        return None
    if not math.isfinite(value) or value < 0:
        raise InvalidInput("must be a non-negative number", field=field)
    return float(value)


def probability(value: float | None, field: str) -> float | None:
    """A probability within 0..1."""
    if value is None:
        return None
    if not math.isfinite(value) or not 0.0 <= value <= 1.0:
        raise InvalidInput("must be between 0 and 1", field=field)
    return float(value)


def moment(value: datetime, field: str) -> datetime:
    """A point in time; without an offset it is taken as UTC."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def expected_version(value: int | None, field: str = "expected_version") -> int | None:
    """An expected version: 1 or more."""
    if value is not None and value < 1:
        raise InvalidInput("must be 1 or more", field=field)
    return value


def source_key(source: str, source_id: str) -> tuple[str, str]:
    """A source system's name and its own id for a record: each 1 to 200 characters."""
    return name(source, "source"), name(source_id, "source_id")
