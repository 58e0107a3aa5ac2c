"""vCard 3.0 and 4.0 files (``.vcf``): one person row per card.

The file is cut into cards here (see :mod:`ingest.formats.content_lines`), and each card
is parsed on its own with ``vobject``, so a broken card is reported and the others still
come through. ``vobject`` is untyped: it is only touched by the small functions at the
bottom of this module, which return plain strings.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import vobject

from ingest.formats.addresses import bare_email, clean_name, joined
from ingest.formats.content_lines import Block, BrokenBlock, numbered_lines, split_blocks
from ingest.formats.options import ReadOptions
from ingest.formats.text import REPLACEMENT, open_text, undecodable_reason
from ingest.source_rows import Entity, Origin, SourceItem, SourceProblem, SourceRow

__all__ = ["read_vcard"]

_CARD = frozenset({"VCARD"})
_UNREAD = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})
_NOT_PREFERRED = 101  # vCard 4.0 PREF runs from 1 (most preferred) to 100


def read_vcard(path: Path, options: ReadOptions) -> Iterator[SourceItem]:
    """Read every card of a vCard file as an :attr:`Entity.PERSON` row.

    Parameters
    ----------
    path
        A ``.vcf`` file with any number of vCard 3.0 or 4.0 cards.
    options
        ``options.encoding`` forces the text encoding; otherwise a byte order mark, then
        UTF-8, then a guess (see :func:`ingest.formats.text.open_text`).

    Yields
    ------
    SourceRow | SourceProblem
        Per card, in file order: a row with ``person_id`` (UID), ``full_name`` (FN, or
        N), ``email`` (the preferred EMAIL) and ``alternate_emails``, ``phone`` and
        ``alternate_phones``, ``company_name`` and ``department`` (ORG) and ``title``;
        or a problem when the card cannot be parsed or decoded, or has neither a name nor
        an email. ``origin.line`` is the card's ``BEGIN:VCARD`` line.

    Raises
    ------
    FormatError
        When ``options.encoding`` names no codec.

    Examples
    --------
    >>> import tempfile
    >>> folder = tempfile.TemporaryDirectory()
    >>> card = Path(folder.name) / "ana.vcf"
    >>> _ = card.write_text(
    ...     "BEGIN:VCARD\\nVERSION:3.0\\nFN:Ana Lopez\\nORG:Acme;Sales\\n"
    ...     "EMAIL:Ana@Acme.com\\nEND:VCARD\\n"
    ... )
    >>> [dict(row.fields) for row in read_vcard(card, ReadOptions())]
    [{'full_name': 'Ana Lopez', 'email': 'ana@acme.com', 'company_name': 'Acme', 'department': 'Sales'}]
    >>> folder.cleanup()
    """  # noqa: E501
    file = str(path)
    found = False
    with open_text(path, options.encoding) as source:
        for block in split_blocks(numbered_lines(source.stream), _CARD, skip=_UNREAD):
            found = True
            yield _card_item(block, file, source.encoding)
    if not found:
        yield SourceProblem(Origin(file, 1), "no vCard in the file (no BEGIN:VCARD line)")


def _card_item(block: Block | BrokenBlock, file: str, encoding: str) -> SourceItem:
    if isinstance(block, BrokenBlock):
        return SourceProblem(Origin(file, block.line), f"card is broken: {block.reason}")
    if REPLACEMENT in block.text:
        return SourceProblem(Origin(file, block.line), undecodable_reason(encoding))
    try:
        fields = _card_fields(vobject.readOne(block.text))
    except Exception as error:  # vobject raises many types on malformed input
        return SourceProblem(Origin(file, block.line), f"card cannot be parsed: {error}")
    origin = Origin(file, block.line, fields.get("person_id"))
    if "full_name" not in fields and "email" not in fields:
        return SourceProblem(origin, "card has no name and no email")
    return SourceRow(Entity.PERSON, fields, origin)


def _card_fields(card: Any) -> dict[str, str]:
    """The template fields of a parsed card, only the non-empty ones."""
    emails = [bare_email(value) for value in _preferred(card, "email")]
    phones = [_phone(value) for value in _preferred(card, "tel")]
    emails, phones = list(dict.fromkeys(filter(None, emails))), [p for p in phones if p]
    organization = _organization(card)
    fields = {
        "person_id": _first_text(card, "uid"),
        "full_name": clean_name(_first_text(card, "fn")) or _name_from_n(card),
        "email": emails[0] if emails else "",
        "alternate_emails": joined(emails[1:]),
        "phone": phones[0] if phones else "",
        "alternate_phones": joined(phones[1:]),
        "company_name": organization[0] if organization else "",
        "department": organization[1] if len(organization) > 1 else "",
        "title": " ".join(_first_text(card, "title").split()),
    }
    return {name: value for name, value in fields.items() if value}


def _phone(raw: str) -> str:
    """A TEL value as written; a vCard 4.0 ``tel:`` URI loses its scheme."""
    text = raw.strip()
    return text[4:].strip() if text[:4].lower() == "tel:" else text


# --- vobject access: the only code that touches its untyped objects ---


def _lines(card: Any, name: str) -> list[Any]:
    return list(card.contents.get(name, []))


def _first_text(card: Any, name: str) -> str:
    for line in _lines(card, name):
        if isinstance(line.value, str) and line.value.strip():
            return str(line.value).strip()
    return ""


def _preferred(card: Any, name: str) -> list[str]:
    """The text values of a property, the preferred first (vCard 3.0 and 4.0 styles)."""
    ranked = [
        (_rank(line.params), str(line.value))
        for line in _lines(card, name)
        if isinstance(line.value, str)
    ]
    return [value for _, value in sorted(ranked, key=lambda pair: pair[0])]


def _rank(params: dict[str, Sequence[str]]) -> int:
    """``PREF=n`` (4.0) gives n, ``TYPE=pref`` (3.0) gives 1, anything else comes last."""
    for value in params.get("PREF", []):
        try:
            return min(max(int(value), 1), _NOT_PREFERRED - 1)
        except ValueError:
            return 1
    types = {kind.strip().lower() for value in params.get("TYPE", []) for kind in value.split(",")}
    return 1 if "pref" in types else _NOT_PREFERRED


def _organization(card: Any) -> list[str]:
    """ORG's components (organization, then units), stripped."""
    for line in _lines(card, "org"):
        parts = line.value if isinstance(line.value, list) else [line.value]
        cleaned = [" ".join(str(part).split()) for part in parts]
        if any(cleaned):
            return cleaned
    return []


def _name_from_n(card: Any) -> str:
    """``Given Additional Family`` from the structured N, for a card without FN."""
    for line in _lines(card, "n"):
        name = line.value
        parts = [getattr(name, part, "") for part in ("given", "additional", "family")]
        words = [" ".join(p) if isinstance(p, list) else str(p) for p in parts]
        full = clean_name(" ".join(words))
        if full:
            return full
    return ""
