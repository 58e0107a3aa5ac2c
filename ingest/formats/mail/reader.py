"""Mail: an mbox file, a single ``.eml`` message, or a folder of ``.eml`` files.

Messages are read one at a time (``mailbox.mbox`` finds where each starts, and the
message's file is handed to the parser). Without ``include_bodies`` only the header block of each
message is read and parsed (``email.parser.BytesHeaderParser``), so a mailbox full of
attachments costs little; with it, each message is parsed whole to find its text part.
Rows are made by :mod:`ingest.formats.mail.message`.
"""

from __future__ import annotations

import mailbox
from collections.abc import Callable, Iterator
from contextlib import closing
from email.message import EmailMessage
from email.parser import BytesHeaderParser, BytesParser
from email.policy import default
from pathlib import Path
from typing import Protocol

from ingest.formats.mail.message import message_items
from ingest.formats.options import ReadOptions
from ingest.source_rows import Origin, SourceItem, SourceProblem

__all__ = ["read_mail"]

_MBOX_START = b"From "
_EML = ".eml"


class _MessageFile(Protocol):
    """What the parsers need of a message's file (an open file, or mbox's slice of one)."""

    def read(self, size: int | None = ..., /) -> bytes: ...

    def readline(self, size: int | None = ..., /) -> bytes: ...


_Factory = Callable[[_MessageFile], EmailMessage]


def read_mail(path: Path, options: ReadOptions) -> Iterator[SourceItem]:
    """Read email messages as interactions and the people in them.

    Parameters
    ----------
    path
        An mbox file (it starts with a ``From`` line), a single message (``.eml``), or
        a folder walked recursively, in sorted order, for ``.eml`` files.
    options
        ``options.include_bodies`` adds each message's text/plain part as ``body``.

    Yields
    ------
    SourceRow | SourceProblem
        Per message: an :attr:`Entity.PERSON` row per address in From, To and Cc, then an
        :attr:`Entity.INTERACTION` row of kind ``email``; or a problem for a message
        without sender or readable Date. ``origin.line`` is the message's ordinal in an
        mbox, 1 in an ``.eml`` file.

    Examples
    --------
    >>> import tempfile
    >>> folder = tempfile.TemporaryDirectory()
    >>> eml = Path(folder.name) / "hello.eml"
    >>> _ = eml.write_bytes(
    ...     b"From: ana@acme.com\\r\\nDate: Sun, 01 Mar 2026 09:30:00 +0000\\r\\n"
    ...     b"Message-ID: <m1@acme.com>\\r\\n\\r\\nHi!\\r\\n"
    ... )
    >>> [dict(row.fields) for row in read_mail(eml, ReadOptions())]
    [{'email': 'ana@acme.com'}, {'interaction_id': 'm1@acme.com', 'kind': 'email', 'occurred_at': '2026-03-01T09:30:00+00:00', 'from_email': 'ana@acme.com'}]
    >>> folder.cleanup()
    """  # noqa: E501
    factory = _whole_message if options.include_bodies else _headers_only
    if path.is_dir():
        yield from _folder(path, factory, options)
    elif _is_mbox(path):
        yield from _mbox(path, factory, options)
    elif path.stat().st_size == 0:
        yield SourceProblem(Origin(str(path), 1), "the file is empty")
    else:
        yield from _eml(path, factory, options)


def _folder(folder: Path, factory: _Factory, options: ReadOptions) -> Iterator[SourceItem]:
    found = False
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() == _EML and path.is_file():
            found = True
            yield from _eml(path, factory, options)
    if not found:
        yield SourceProblem(Origin(str(folder), 1), "no .eml file in the folder")


def _eml(path: Path, factory: _Factory, options: ReadOptions) -> Iterator[SourceItem]:
    with path.open("rb") as file:
        message = factory(file)
    yield from _items(message, Origin(str(path), 1), options)


def _mbox(path: Path, factory: _Factory, options: ReadOptions) -> Iterator[SourceItem]:
    box = mailbox.mbox(path, factory=None, create=False)
    try:
        for ordinal, key in enumerate(box.iterkeys(), start=1):
            with closing(box.get_file(key)) as file:
                message = factory(file)
            yield from _items(message, Origin(str(path), ordinal), options)
    finally:
        box.close()


def _items(message: EmailMessage, origin: Origin, options: ReadOptions) -> Iterator[SourceItem]:
    return message_items(
        message,
        origin,
        include_bodies=options.include_bodies,
        max_body_chars=options.max_field_chars,
    )


def _is_mbox(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(len(_MBOX_START)) == _MBOX_START


def _headers_only(file: _MessageFile) -> EmailMessage:
    """Parse the header block only: the body is not even read."""
    head = bytearray()
    for line in iter(file.readline, b""):
        head += line
        if line in (b"\r\n", b"\n"):
            break
    message = BytesHeaderParser(policy=default).parsebytes(bytes(head))
    assert isinstance(message, EmailMessage)
    return message


def _whole_message(file: _MessageFile) -> EmailMessage:
    message = BytesParser(policy=default).parsebytes(file.read())
    assert isinstance(message, EmailMessage)
    return message
