"""Open a text export whatever its encoding: a BOM first, then UTF-8, then a guess.

Exports from CRMs and spreadsheets arrive as UTF-8 (with or without a BOM), UTF-16 (Excel's
"Unicode text"), GB18030/GBK (Chinese Windows) or Windows-1252/Latin-1 (Western Windows).
:func:`open_text` picks the encoding from a sample of the first bytes and decodes with
``errors="replace"``, so undecodable bytes further on become U+FFFD instead of an exception:
the readers reject just the records holding one, with :func:`undecodable_reason`.

Examples
--------
>>> detect_encoding("Müller".encode("utf-8"), complete=True)
'utf-8'
>>> detect_encoding(codecs.BOM_UTF8 + b"name", complete=True)
'utf-8-sig'
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple, TextIO

from charset_normalizer import from_bytes

from ingest.formats.errors import FormatError

__all__ = [
    "GUESS_CANDIDATES",
    "REPLACEMENT",
    "SAMPLE_BYTES",
    "TextSource",
    "detect_encoding",
    "open_text",
    "undecodable_reason",
]

SAMPLE_BYTES = 1 << 20
"""How much of the file the encoding is detected from."""

GUESS_CANDIDATES = ("gb18030", "cp1252", "latin_1")
"""The legacy encodings a file that is not UTF-8 may be in: Chinese (GB18030 is a superset
of GBK and GB2312) and Western European (Windows-1252, then Latin-1)."""

REPLACEMENT = "\ufffd"
"""What undecodable bytes become; a record holding it is rejected."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_FALLBACK = "cp1252"
_CHINESE = {"gb2312", "gbk", "hz", "gb18030"}


class TextSource(NamedTuple):
    """An open text stream and the encoding it is decoded with."""

    stream: TextIO
    encoding: str


def detect_encoding(sample: bytes, *, complete: bool) -> str:
    """The encoding of a file, judged from its first bytes.

    Parameters
    ----------
    sample
        The first bytes of the file (up to :data:`SAMPLE_BYTES`).
    complete
        True when the sample is the whole file; otherwise a multibyte character cut at
        the end of the sample does not count against UTF-8.

    Returns
    -------
    str
        A codec name: ``utf-8-sig``/``utf-16``/``utf-32`` for a BOM, ``utf-16-le``/``-be``
        for UTF-16 without one, ``utf-8``, or one of :data:`GUESS_CANDIDATES` (``cp1252``
        when nothing fits better).

    Examples
    --------
    >>> detect_encoding("张三,北京".encode("gb18030"), complete=True)
    'gb18030'
    >>> detect_encoding("Zü".encode("utf-8")[:-1], complete=False)
    'utf-8'
    """
    for bom, encoding in _BOMS:
        if sample.startswith(bom):
            return encoding
    utf16 = _utf16_without_bom(sample)
    if utf16 is not None:
        return utf16
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=complete)
    except UnicodeDecodeError:
        whole = sample if complete else _whole_lines(sample)
        return "utf-8" if _mostly_utf8(whole) else _guess(whole)
    return "utf-8"


def _mostly_utf8(sample: bytes) -> bool:
    """UTF-8 with a few broken bytes: valid multibyte characters outnumber the bad bytes two
    to one (Latin-1 or GBK text almost never forms valid UTF-8 sequences by chance). The
    broken rows are then rejected one by one instead of the whole file being misread.

    >>> _mostly_utf8("Müller,Zoë,北京".encode() + b",\\xff")
    True
    >>> _mostly_utf8("Müller,Zoë".encode("latin-1"))
    False
    """
    text = sample.decode("utf-8", errors="replace")
    broken = text.count(REPLACEMENT)
    valid = sum(1 for char in text if ord(char) > 127 and char != REPLACEMENT)
    return valid > 0 and valid >= 2 * broken


def _whole_lines(sample: bytes) -> bytes:
    """The sample up to its last newline, so no multibyte character is cut in two.

    A newline byte is never part of a multibyte character in the candidate encodings.
    """
    end = sample.rfind(b"\n")
    return sample[: end + 1] if end > 0 else sample


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 without a BOM shows as NUL bytes in every other position (ASCII text)."""
    head = sample[:4096]
    half = len(head) // 2
    if half < 2:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd > half * 0.3 and even == 0:
        return "utf-16-le"
    if even > half * 0.3 and odd == 0:
        return "utf-16-be"
    return None


def _guess(sample: bytes) -> str:
    best = from_bytes(sample, cp_isolation=list(GUESS_CANDIDATES)).best()
    if best is None:
        return _FALLBACK
    name = best.encoding.lower()
    return "gb18030" if name in _CHINESE else name


@contextmanager
def open_text(
    path: Path, encoding: str | None = None, *, newline: str | None = ""
) -> Iterator[TextSource]:
    """Open ``path`` for reading text in its detected (or the given) encoding.

    Parameters
    ----------
    path
        The file to read.
    encoding
        Use this encoding instead of detecting one.
    newline
        As for :func:`open`; the default ``""`` is what :mod:`csv` needs.

    Yields
    ------
    TextSource
        The stream (decoding with ``errors="replace"``) and the encoding's name.

    Raises
    ------
    FormatError
        If ``encoding`` names no codec.
    OSError
        If the file cannot be opened.
    """
    if encoding is None:
        with path.open("rb") as raw:
            sample = raw.read(SAMPLE_BYTES)
            complete = len(sample) < SAMPLE_BYTES or not raw.read(1)
        chosen = detect_encoding(sample, complete=complete)
    else:
        try:
            chosen = codecs.lookup(encoding).name
        except LookupError as e:
            raise FormatError(f"unknown encoding {encoding!r}") from e
    with path.open("r", encoding=chosen, errors="replace", newline=newline) as stream:
        yield TextSource(stream, chosen)


def undecodable_reason(encoding: str) -> str:
    """The reason given for a record with bytes that ``encoding`` cannot decode.

    Examples
    --------
    >>> undecodable_reason("utf-8-sig")
    'bytes that are not valid utf-8'
    """
    name = codecs.lookup(encoding).name.removesuffix("-sig")
    return f"bytes that are not valid {name}"
