"""Mail header values as text: raw 8-bit bytes, RFC 2047 encoded words, addresses, dates.

Header values are taken raw from the parsed message (``Message.raw_items``) and decoded
here, because the standard library leaves undecodable bytes as lone surrogates (which no
database accepts) and reads ``gb2312`` strictly, while Chinese mailers label GBK text as
``gb2312``. Legacy charsets are read as their supersets (GB18030 for GB2312 and GBK,
Windows-1252 for Latin-1), and what still does not decode is replaced, never raised.

Examples
--------
>>> decode_words("=?gb2312?B?1cXI/Q==?= <zhang@example.cn>")
'张三 <zhang@example.cn>'
>>> addresses("=?utf-8?Q?Zo=C3=AB_Martin?= <Zoe@Example.com>, bo@example.com")
[('zoe@example.com', 'Zoë Martin'), ('bo@example.com', '')]
"""

from __future__ import annotations

import base64
import binascii
import codecs
import quopri
import re
from datetime import UTC
from email.message import Message
from email.utils import getaddresses, parsedate_to_datetime

from ingest.formats.addresses import bare_email, clean_name, has_mailbox

__all__ = [
    "addresses",
    "decode_bytes",
    "decode_words",
    "header_text",
    "message_id",
    "raw_header",
    "utc_date",
]

_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "iso8859-1": "cp1252", "ascii": "utf-8"}
_ENCODED_WORD = re.compile(r"=\?([^?\s*]+)(?:\*[^?\s]*)?\?([bBqQ])\?([^?\s]*)\?=")
_FOLD = re.compile(r"\r?\n(?=[ \t])")
_ANGLE_ID = re.compile(r"<([^<>\s]+)>")


def decode_bytes(data: bytes, charset: str | None) -> str:
    """Bytes in a declared charset as text; never raises.

    An unknown charset is read as UTF-8; bytes that do not decode are replaced.

    Examples
    --------
    >>> decode_bytes("張".encode("big5"), "big5")
    '張'
    >>> decode_bytes(b"caf\\xe9", "x-unknown")
    'caf�'
    """
    return data.decode(_codec(charset) or "utf-8", errors="replace")


def raw_header(message: Message, name: str) -> str | None:
    """Every occurrence of a header, raw and unfolded, joined with ``, ``; None if absent."""
    wanted = name.lower()
    values = [str(value) for key, value in message.raw_items() if key.lower() == wanted]
    return ", ".join(_FOLD.sub("", value).strip() for value in values) if values else None


def header_text(raw: str, fallback_charset: str | None = None) -> str:
    """A raw header value as text: 8-bit bytes decoded (UTF-8, else the message's
    declared charset, else Windows-1252), then encoded words decoded."""
    return decode_words(_unescape_8bit(raw, fallback_charset))


def decode_words(text: str) -> str:
    """Decode the RFC 2047 encoded words of a header value.

    White space between two adjacent encoded words is dropped, and adjacent words in the
    same charset are decoded together (some mailers split a character across words).
    """
    pieces: list[str] = []
    pending = bytearray()
    pending_charset: str | None = None
    position = 0
    for word in _ENCODED_WORD.finditer(text):
        between = text[position : word.start()]
        charset = word.group(1).lower()
        adjacent = position > 0 and not between.strip()
        if pending and (not adjacent or charset != pending_charset):
            pieces.append(decode_bytes(bytes(pending), pending_charset))
            pending.clear()
        if not adjacent:
            pieces.append(between)
        pending += _word_bytes(word.group(2), word.group(3))
        pending_charset, position = charset, word.end()
    if pending:
        pieces.append(decode_bytes(bytes(pending), pending_charset))
    pieces.append(text[position:])
    return "".join(pieces)


def addresses(raw: str, fallback_charset: str | None = None) -> list[tuple[str, str]]:
    """``(email, display name)`` pairs of an address header, names decoded.

    Addresses without the ``local@domain`` shape (an empty group, ``undisclosed
    recipients``) are left out; the name is ``""`` when there is none.
    """
    text = _unescape_8bit(raw, fallback_charset)
    pairs: list[tuple[str, str]] = []
    for name, address in getaddresses([text]):
        email = bare_email(address)
        if has_mailbox(email):
            pairs.append((email, clean_name(decode_words(name))))
    return pairs


def utc_date(raw: str) -> str:
    """A Date header as ISO 8601 in UTC (a date without zone is read as UTC).

    Raises
    ------
    ValueError
        When the value is not an RFC 5322 date.

    Examples
    --------
    >>> utc_date("Sun, 01 Mar 2026 10:30:00 +0100")
    '2026-03-01T09:30:00+00:00'
    """
    try:
        moment = parsedate_to_datetime(raw.strip())
    except (TypeError, ValueError, IndexError, OverflowError) as error:
        raise ValueError(f"not an RFC 5322 date: {raw.strip()!r}") from error
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat()


def message_id(raw: str) -> str:
    """A Message-ID without its angle brackets.

    Examples
    --------
    >>> message_id(" <CAF=abc@mail.example.com> ")
    'CAF=abc@mail.example.com'
    """
    found = _ANGLE_ID.search(raw)
    return found.group(1) if found else raw.strip().strip("<>").strip()


def _unescape_8bit(raw: str, fallback_charset: str | None) -> str:
    """Undo the parser's surrogate escapes: the raw bytes, decoded as well as possible."""
    if raw.isascii():
        return raw
    data = raw.encode("utf-8", "surrogateescape")
    for charset in ("utf-8", _codec(fallback_charset)):
        if charset:
            try:
                return data.decode(charset)
            except UnicodeDecodeError:
                continue
    return data.decode("cp1252", errors="replace")


def _word_bytes(encoding: str, payload: str) -> bytes:
    if encoding in "bB":
        try:
            return base64.b64decode(payload + "=" * (-len(payload) % 4))
        except (binascii.Error, ValueError):
            return payload.encode("ascii", "replace")
    return quopri.decodestring(payload.encode("ascii", "replace"), header=True)


def _codec(charset: str | None) -> str | None:
    """The Python codec for a declared charset (a superset for legacy ones), or None."""
    if not charset:
        return None
    try:
        name = codecs.lookup(charset.strip().strip('"')).name
        b"a".decode(name, "replace")  # rejects codecs that are not text encodings (base64)
    except (LookupError, ValueError):
        return None
    return _SUPERSETS.get(name, name)
