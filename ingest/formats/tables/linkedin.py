"""LinkedIn's ``Connections.csv`` (Settings > Data privacy > Get a copy of your data).

Newer exports start with a few ``Notes:`` lines and a blank line before the header
``First Name,Last Name,URL,Email Address,Company,Position,Connected On``; the preamble is
skipped and line numbers stay those of the file. Each connection becomes a person: the
profile URL (normalised) is its id, the email is there only when the connection shares
it, and ``Connected On`` (``15 Mar 2023``) becomes an ISO ``connected_on``.

Examples
--------
>>> profile_id("https://www.linkedin.com/in/Ana-Silva/?originalSubdomain=pt")
'https://www.linkedin.com/in/ana-silva'
>>> connected_on("15 Mar 2023"), connected_on("Mar 5, 2019")
('2023-03-15', '2019-03-05')
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

from ingest.formats.options import ReadOptions
from ingest.formats.tables.csv_rows import CsvRow, header_key, open_csv
from ingest.source_rows import Entity, Origin, SourceItem, SourceProblem, SourceRow

__all__ = ["HEADER", "connected_on", "profile_id", "read_linkedin"]

HEADER = ("First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On")
"""The header of a connections export."""

_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{1,2}),?\s+(\d{4})$")
_FIELDS = {
    "url": "person_id",
    "profileurl": "person_id",
    "emailaddress": "email",
    "email": "email",
    "company": "company_name",
    "position": "title",
    "connectedon": "connected_on",
}


def profile_id(url: str) -> str:
    """A profile URL as an id: lower case, without query, fragment or trailing slash."""
    return re.split(r"[?#]", url.strip(), maxsplit=1)[0].rstrip("/").lower()


def connected_on(value: str) -> str:
    """``15 Mar 2023`` (or ``Mar 15, 2023``) as ISO ``2023-03-15``; else unchanged.

    Month names are English whatever the locale, as in LinkedIn's exports.
    """
    text = value.strip()
    day_first = _DAY_MONTH_YEAR.match(text)
    month_first = _MONTH_DAY_YEAR.match(text)
    if day_first:
        day, month, year = day_first.groups()
    elif month_first:
        month, day, year = month_first.groups()
    else:
        return value
    number = _MONTHS.get(month.lower())
    if number is None:
        return value
    try:
        return date(int(year), number, int(day)).isoformat()
    except ValueError:
        return value


def _is_header(cells: Sequence[str]) -> bool:
    keys = {header_key(cell) for cell in cells}
    return {"firstname", "lastname"} <= keys and bool({"url", "connectedon"} & keys)


def read_linkedin(path: Path, options: ReadOptions) -> Iterator[SourceItem]:
    """Read a LinkedIn ``Connections.csv`` into person rows.

    Parameters
    ----------
    path
        The export.
    options
        ``encoding`` and ``max_field_chars`` are used.

    Yields
    ------
    SourceRow | SourceProblem
        A person per connection (``full_name``, ``person_id`` from the profile URL,
        ``email``, ``company_name``, ``title``, ``connected_on``); a problem per record
        that cannot be read, or one for a file without the connections header.
    """
    expected = f"no LinkedIn connections header ({','.join(HEADER)})"
    with open_csv(path, options, is_header=_is_header, no_header=expected) as table:
        if isinstance(table, SourceProblem):
            yield table
            return
        for item in table.rows():
            if isinstance(item, CsvRow):
                yield _person(item.values, table.origin(item.line))
            else:
                yield item


def _person(values: dict[str, str], origin: Origin) -> SourceRow:
    by_key = {header_key(name): value for name, value in values.items()}
    name = " ".join(by_key[key] for key in ("firstname", "lastname") if key in by_key)
    fields = {"full_name": name} if name else {}
    for key, value in by_key.items():
        field = _FIELDS.get(key)
        if field is None or field in fields:
            continue
        if field == "person_id":
            value = profile_id(value)
        elif field == "connected_on":
            value = connected_on(value)
        if value:
            fields[field] = value
    return SourceRow(Entity.PERSON, fields, origin)
