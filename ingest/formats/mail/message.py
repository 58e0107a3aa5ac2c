"""One mail message as rows: the people in its From, To and Cc, then the email itself.

Bcc is never read. A message without a sender address or without a readable Date is
reported as a whole (nothing of it is imported), so a mailbox's bad messages show in the
rejects report and the good ones still come through.

Examples
--------
>>> from email.parser import BytesHeaderParser
>>> from email.policy import default
>>> message = BytesHeaderParser(policy=default).parsebytes(
...     b"From: Ana Lopez <Ana@Acme.com>\\r\\nTo: bo@example.com\\r\\n"
...     b"Date: Sun, 01 Mar 2026 10:30:00 +0100\\r\\nMessage-ID: <m1@acme.com>\\r\\n"
...     b"Subject: Hello\\r\\n\\r\\n"
... )
>>> for item in message_items(message, Origin("mail.eml", 1)):
...     print(item.entity, dict(item.fields))  # doctest: +NORMALIZE_WHITESPACE
person {'email': 'ana@acme.com', 'full_name': 'Ana Lopez'}
person {'email': 'bo@example.com'}
interaction {'interaction_id': 'm1@acme.com', 'kind': 'email',
    'occurred_at': '2026-03-01T09:30:00+00:00', 'from_email': 'ana@acme.com',
    'to_emails': 'bo@example.com', 'subject': 'Hello'}
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import replace
from email.message import EmailMessage, Message

from ingest.formats.addresses import joined
from ingest.formats.mail.headers import (
    addresses,
    decode_bytes,
    header_text,
    message_id,
    raw_header,
    utc_date,
)
from ingest.formats.options import DEFAULT_MAX_FIELD_CHARS
from ingest.source_rows import Entity, Origin, SourceItem, SourceProblem, SourceRow

__all__ = ["message_items"]


def message_items(
    message: Message,
    origin: Origin,
    *,
    include_bodies: bool = False,
    max_body_chars: int = DEFAULT_MAX_FIELD_CHARS,
) -> Iterator[SourceItem]:
    """The rows of one message, or the problem that rejects it.

    Parameters
    ----------
    message
        Parsed with ``email.policy.default`` (headers only is enough without bodies).
    origin
        File and ordinal of the message; its ``record_id`` is set to the Message-ID.
    include_bodies
        Add the decoded text/plain part as ``body`` (cut at ``max_body_chars``).
    """
    charset = message.get_content_charset()
    raw_id = raw_header(message, "Message-ID")
    origin = replace(origin, record_id=message_id(header_text(raw_id)) if raw_id else None)
    sender = _sender_and_date(message, origin, charset)
    if isinstance(sender, SourceProblem):
        yield sender
        return
    senders, occurred_at = sender
    to = addresses(raw_header(message, "To") or "", charset)
    cc = addresses(raw_header(message, "Cc") or "", charset)
    for email, name in _people([*senders[:1], *to, *cc]).items():
        fields = {"email": email, "full_name": name} if name else {"email": email}
        yield SourceRow(Entity.PERSON, fields, origin)
    fields = {
        "interaction_id": origin.record_id or "",
        "kind": "email",
        "occurred_at": occurred_at,
        "from_email": senders[0][0],
        "to_emails": joined(email for email, _ in to),
        "cc_emails": joined(email for email, _ in cc),
        "subject": " ".join(header_text(raw_header(message, "Subject") or "", charset).split()),
        "body": _body(message, max_body_chars) if include_bodies else "",
    }
    fields["interaction_id"] = fields["interaction_id"] or _stable_id(fields)
    yield SourceRow(Entity.INTERACTION, {k: v for k, v in fields.items() if v}, origin)


def _sender_and_date(
    message: Message, origin: Origin, charset: str | None
) -> tuple[list[tuple[str, str]], str] | SourceProblem:
    """The From addresses and the Date in UTC, or the problem that rejects the message."""
    raw_from = raw_header(message, "From")
    senders = addresses(raw_from, charset) if raw_from else []
    if not senders:
        value = header_text(raw_from, charset) if raw_from else None
        return SourceProblem(origin, "message has no sender address", "From", value)
    raw_date = raw_header(message, "Date")
    if not raw_date:
        return SourceProblem(origin, "message has no Date", "Date")
    text = header_text(raw_date, charset)
    try:
        return senders, utc_date(text)
    except ValueError:
        return SourceProblem(origin, "Date is not an RFC 5322 date", "Date", text.strip())


def _people(pairs: list[tuple[str, str]]) -> dict[str, str]:
    """Each address once, in order, with the first display name given for it."""
    people: dict[str, str] = {}
    for email, name in pairs:
        if not people.get(email):
            people[email] = name
    return people


def _stable_id(fields: dict[str, str]) -> str:
    """An id for a message without Message-ID: the same message gets the same id."""
    keys = ("from_email", "occurred_at", "subject", "to_emails")
    digest = hashlib.sha1("|".join(fields[key] for key in keys).encode("utf-8"))
    return f"sha1:{digest.hexdigest()}"


def _body(message: Message, max_chars: int) -> str:
    """The decoded text/plain part, line ends made ``\\n``, cut at ``max_chars``."""
    if not isinstance(message, EmailMessage):
        return ""
    part = message.get_body(preferencelist=("plain",))
    payload = part.get_payload(decode=True) if part is not None else None
    if part is None or not isinstance(payload, bytes):
        return ""
    text = decode_bytes(payload, part.get_content_charset())
    return text.replace("\r\n", "\n").strip()[:max_chars]
