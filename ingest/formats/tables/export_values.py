"""Values of CRM exports in template vocabulary: stages, dates, domains, percentages, owners.

Each function converts what it recognises and returns anything else unchanged, so the
validator can reject it with a reason instead of the reader guessing.

Examples
--------
>>> template_stage("Id. Decision Makers"), template_stage("closedwon")
('proposal', 'closed_won')
>>> export_date("03/31/2024", us_dates=True), domain_of("https://www.Acme.com/about")
('2024-03-31', 'acme.com')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

__all__ = [
    "email_in",
    "domain_of",
    "export_date",
    "joined_address",
    "plain_amount",
    "probability_fraction",
    "template_stage",
]

_STAGES = {
    # ours, so a file already in template vocabulary passes
    "prospecting": "prospecting",
    "qualification": "qualification",
    "proposal": "proposal",
    "negotiation": "negotiation",
    "closedwon": "closed_won",
    "closedlost": "closed_lost",
    # HubSpot's default sales pipeline: internal ids, and labels reduced the same way
    "appointmentscheduled": "prospecting",
    "qualifiedtobuy": "qualification",
    "presentationscheduled": "proposal",
    "decisionmakerboughtin": "negotiation",
    "contractsent": "negotiation",
    # Salesforce's default opportunity stages
    "needsanalysis": "qualification",
    "valueproposition": "proposal",
    "iddecisionmakers": "proposal",
    "perceptionanalysis": "proposal",
    "proposalpricequote": "proposal",
    "negotiationreview": "negotiation",
}
_PIPELINE_SUFFIX = re.compile(r"\s*\([^()]*\)\s*$")
_NOT_ALNUM = re.compile(r"[\W_]+")
_ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\S*)?$")
_US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?:[ ,]+\d{1,2}:\d{2}.*)?$")
_EMAIL = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")
_CURRENCY_PREFIX = re.compile(r"^([A-Z]{3})\s+(\S.*)$")
_GROUPED = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")


def template_stage(value: str) -> str:
    """A deal stage of HubSpot's or Salesforce's default pipeline as one of ours.

    Labels may carry their pipeline (``Closed Won (Sales Pipeline)``); case, spaces and
    punctuation do not matter. An unknown stage is returned unchanged.
    """
    key = _NOT_ALNUM.sub("", _PIPELINE_SUFFIX.sub("", value).casefold())
    return _STAGES.get(key, value)


def export_date(value: str, *, us_dates: bool) -> str:
    """The date of an export's date or date-time, as ISO ``YYYY-MM-DD``.

    ISO dates and date-times (``2024-03-31 09:30``) come first; with ``us_dates``,
    ``MM/DD/YYYY`` (or ``MM/DD/YY``) next. Anything else is returned unchanged.

    Examples
    --------
    >>> export_date("2024-03-31 09:30", us_dates=False)
    '2024-03-31'
    >>> export_date("31/03/2024", us_dates=True)
    '31/03/2024'
    """
    text = value.strip()
    iso = _ISO_DATE.match(text)
    if iso:
        return iso.group(1)
    us = _US_DATE.match(text) if us_dates else None
    if us:
        month, day, year = (int(part) for part in us.groups())
        if year < 100:
            year += 2000
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            return value
    return value


def domain_of(url: str) -> str:
    """The host of a website or domain, lower case, without ``www.``, port or path."""
    text = url.strip().lower()
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", text)
    host = re.split(r"[/?#]", text, maxsplit=1)[0].rsplit("@", 1)[-1].split(":")[0]
    return host.removeprefix("www.").rstrip(".") or url


def probability_fraction(value: str, *, percent: bool) -> str:
    """A probability as a fraction 0..1; ``percent`` says the export gives 0..100.

    A value ending in ``%`` is a percentage anyway, and so is a number above 1.

    Examples
    --------
    >>> probability_fraction("25", percent=True), probability_fraction("0.4", percent=False)
    ('0.25', '0.4')
    """
    text = value.strip()
    is_percent = percent or text.endswith("%")
    try:
        number = float(text.removesuffix("%").strip())
    except ValueError:
        return value
    if is_percent or number > 1:
        number /= 100
    return f"{number:.6g}"


def plain_amount(value: str) -> tuple[str, str | None]:
    """An amount without thousands separators, and the currency code it was prefixed with.

    Examples
    --------
    >>> plain_amount("USD 1,250,000.50"), plain_amount("1500")
    (('1250000.50', 'USD'), ('1500', None))
    """
    text = value.strip()
    currency = None
    prefixed = _CURRENCY_PREFIX.match(text)
    if prefixed:
        currency, text = prefixed.group(1), prefixed.group(2).strip()
    if _GROUPED.match(text):
        text = text.replace(",", "")
    return text, currency


def email_in(value: str) -> str | None:
    """The one email address in an owner's value (``Ann <ann@x.com>``), or None."""
    found = _EMAIL.findall(value)
    return found[0] if len(found) == 1 else None


def joined_address(parts: Iterable[str | None]) -> str | None:
    """Address parts (street, city, region, postcode, country) as one line, or None.

    Examples
    --------
    >>> joined_address(["1 Main St\\nSuite 2", "Zürich", None, "8001", "Switzerland"])
    '1 Main St, Suite 2, Zürich, 8001, Switzerland'
    """
    pieces = [" ".join(line.split()) for part in parts if part for line in part.splitlines()]
    return ", ".join(piece for piece in pieces if piece) or None
