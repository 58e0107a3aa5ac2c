"""Files of content lines (vCard, iCalendar): decoding, and splitting into components.

vCard and iCalendar files are text made of ``NAME;PARAM=x:value`` content lines, long
lines folded onto continuation lines that start with a space or a tab, and components
delimited by ``BEGIN:NAME`` and ``END:NAME``. This module reads such a file line by line
(never whole; :func:`ingest.formats.text.open_text` decodes it), and cuts out the
components a reader wants, each with the physical line of its ``BEGIN``, so that the
library that parses one component only ever sees one, and a broken component costs only
itself.

Examples
--------
>>> lines = enumerate(["BEGIN:VCARD", "FN:Ana", "END:VCARD", "BEGIN:VCARD", "FN:Bo"], 1)
>>> for block in split_blocks(lines, frozenset({"VCARD"})):
...     print(block)
Block(name='VCARD', line=1, text='BEGIN:VCARD\\r\\nFN:Ana\\r\\nEND:VCARD\\r\\n')
BrokenBlock(name='VCARD', line=4, reason='no END:VCARD before the end of the file')
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TextIO

__all__ = ["MAX_BLOCK_CHARS", "Block", "BrokenBlock", "numbered_lines", "split_blocks"]

MAX_BLOCK_CHARS = 1_000_000
"""A component longer than this (after skipped properties) is reported, not parsed."""

_FOLD = (" ", "\t")


@dataclass(frozen=True, slots=True)
class Block:
    """One component: its upper-cased name, the line of its BEGIN, and its text (CRLF)."""

    name: str
    line: int
    text: str


@dataclass(frozen=True, slots=True)
class BrokenBlock:
    """A component that could not be cut out of the file, and why."""

    name: str
    line: int
    reason: str


def numbered_lines(
    stream: TextIO, *, max_chars: int = MAX_BLOCK_CHARS
) -> Iterator[tuple[int, str]]:
    """The lines of a text stream with their 1-based numbers, without line ends.

    The stream is read piece by piece: a line longer than ``max_chars`` comes out in
    pieces of at most ``max_chars`` characters that share its number, so memory stays
    bounded. Open the stream with ``newline=""`` so that CR, LF and CRLF all end lines.

    Examples
    --------
    >>> import io
    >>> list(numbered_lines(io.StringIO("BEGIN:VCARD\\r\\nFN:Ana\\nEND:VCARD", newline="")))
    [(1, 'BEGIN:VCARD'), (2, 'FN:Ana'), (3, 'END:VCARD')]
    """
    number = 1
    while piece := stream.readline(max_chars):
        if number == 1:
            piece = piece.removeprefix("\ufeff")
        yield number, piece.rstrip("\r\n")
        if piece.endswith(("\n", "\r")):
            number += 1


def split_blocks(
    lines: Iterable[tuple[int, str]],
    names: frozenset[str],
    *,
    skip: frozenset[str] = frozenset(),
    max_chars: int = MAX_BLOCK_CHARS,
) -> Iterator[Block | BrokenBlock]:
    """Cut the components called ``names`` out of numbered lines.

    Parameters
    ----------
    lines
        ``(number, text)`` pairs, as :func:`numbered_lines` gives them.
    names
        Upper-cased names of the components to cut out (``VCARD``, ``VEVENT``); other
        lines between them are ignored. Components nested inside them stay inside.
    skip
        Upper-cased names of properties to leave out, continuation lines included (a
        ``PHOTO`` nobody reads need not be kept in memory).
    max_chars
        A longer component becomes a :class:`BrokenBlock`.

    Yields
    ------
    Block | BrokenBlock
        Every component, in file order; a component without its END (or one that a
        second ``BEGIN`` of the same name interrupts) as a :class:`BrokenBlock`.
    """
    cutter = _Cutter(names, skip, max_chars)
    for number, text in lines:
        yield from cutter.feed(number, text)
    yield from cutter.finish()


class _Cutter:
    """The state of :func:`split_blocks`: the open component, if any."""

    def __init__(self, names: frozenset[str], skip: frozenset[str], max_chars: int) -> None:
        self._names = names
        self._skip = skip
        self._max_chars = max_chars
        self._name: str | None = None
        self._line = 0
        self._parts: list[str] = []
        self._size = 0
        self._skipping = False

    def feed(self, number: int, text: str) -> Iterator[Block | BrokenBlock]:
        if text.startswith(_FOLD):
            if self._name is not None and not self._skipping:
                self._keep(text)
            return
        key, _, value = text.partition(":")
        key, value = key.strip().upper(), value.strip().upper()
        if key == "BEGIN" and value in self._names:
            if self._name is not None:
                yield self._broken(f"no END:{self._name} before the next BEGIN:{value}")
            self._open(value, number)
        elif self._name is None:
            return
        elif key == "END" and value == self._name:
            self._keep(text)
            yield self._close()
        else:
            self._skipping = _property_name(key) in self._skip
            if not self._skipping:
                self._keep(text)

    def finish(self) -> Iterator[BrokenBlock]:
        if self._name is not None:
            yield self._broken(f"no END:{self._name} before the end of the file")

    def _open(self, name: str, number: int) -> None:
        self._name, self._line, self._parts, self._size = name, number, [], 0
        self._skipping = False
        self._keep(f"BEGIN:{name}")

    def _keep(self, text: str) -> None:
        self._size += len(text) + 2
        if self._size <= self._max_chars:
            self._parts.append(text)

    def _close(self) -> Block | BrokenBlock:
        if self._size > self._max_chars:
            return self._broken(f"longer than {self._max_chars} characters")
        assert self._name is not None
        block = Block(self._name, self._line, "\r\n".join(self._parts) + "\r\n")
        self._name, self._parts = None, []
        return block

    def _broken(self, reason: str) -> BrokenBlock:
        assert self._name is not None
        broken = BrokenBlock(self._name, self._line, reason)
        self._name, self._parts = None, []
        return broken


def _property_name(key: str) -> str:
    """``ITEM1.PHOTO;ENCODING=b`` -> ``PHOTO``: the name without group and parameters."""
    return key.split(";", 1)[0].rsplit(".", 1)[-1]
