"""Streaming CSV shared by the CSV readers: header, records with their start lines, rejects.

:func:`open_csv` opens a file in its detected encoding, finds the header (the first
non-blank record, or the first one a reader recognises after a preamble) and returns a
:class:`CsvTable`. Its :meth:`CsvTable.rows` yields each later record as a :class:`CsvRow`
(header name -> stripped, non-empty value) with the physical line the record starts on, or a
:class:`~ingest.source_rows.SourceProblem` for a record that cannot be trusted: undecodable
bytes or NUL characters, a value longer than ``max_field_chars``, more or fewer cells than
the header. Blank
lines are skipped; reading always goes on with the next record.

Examples
--------
>>> import tempfile
>>> from ingest.formats.options import ReadOptions
>>> with tempfile.TemporaryDirectory() as folder:
...     path = Path(folder, "t.csv")
...     _ = path.write_text('a,b\\n1,"x\\ny"\\n2,3,4\\n', encoding="utf-8")
...     with open_csv(path, ReadOptions()) as table:
...         assert isinstance(table, CsvTable)
...         for item in table.rows():
...             print(item if isinstance(item, CsvRow) else (item.origin.line, item.reason))
CsvRow(line=2, values={'a': '1', 'b': 'x\\ny'})
(4, '3 values for 2 columns (an unquoted comma?)')
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ingest.formats.options import ReadOptions
from ingest.formats.text import REPLACEMENT, open_text, undecodable_reason
from ingest.source_rows import Origin, SourceProblem

__all__ = ["CsvRecord", "CsvRow", "CsvTable", "csv_records", "header_key", "open_csv"]

_PREVIEW_CHARS = 60
_FIELD_LIMIT_FACTOR = 8
_NOT_ALNUM = re.compile(r"[\W_]+")


@dataclass(frozen=True, slots=True)
class CsvRecord:
    """The cells of one CSV record and the physical line it starts on."""

    line: int
    cells: list[str]


@dataclass(frozen=True, slots=True)
class CsvRow:
    """A record matched to the header: header name -> stripped value, non-empty only."""

    line: int
    values: dict[str, str]


def header_key(name: str) -> str:
    """A header name reduced for lenient matching: case-folded, letters and digits only.

    Examples
    --------
    >>> header_key("Billing Zip/Postal Code"), header_key("BILLINGPOSTALCODE")
    ('billingzippostalcode', 'billingpostalcode')
    >>> header_key(" Record ID ") == header_key("record_id")
    True
    """
    return _NOT_ALNUM.sub("", name.casefold())


def csv_records(
    lines: Iterator[str], *, file: str, delimiter: str = ","
) -> Iterator[CsvRecord | SourceProblem]:
    """The non-blank records of CSV text, with start lines; csv errors become problems.

    A record is blank when every cell is empty or whitespace. After an error (a value over
    :func:`csv.field_size_limit`) reading goes on at the next physical line.
    """
    reader = csv.reader(lines, delimiter=delimiter)
    last = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            yield SourceProblem(Origin(file, last + 1), _csv_error_reason(e))
            last = reader.line_num
            continue
        start, last = last + 1, reader.line_num
        if "".join(cells).strip():  # not a blank record (every cell empty or whitespace)
            yield CsvRecord(start, cells)


class CsvTable:
    """A CSV file's header and the records after it, read on demand (once)."""

    def __init__(
        self,
        *,
        file: str,
        header: CsvRecord,
        records: Iterator[CsvRecord | SourceProblem],
        encoding: str,
        max_field_chars: int,
    ) -> None:
        self.file = file
        self.header = tuple(cell.replace("\ufeff", "").strip() for cell in header.cells)
        self.header_line = header.line
        self.encoding = encoding
        self._records = records
        self._max_field_chars = max_field_chars

    def origin(self, line: int) -> Origin:
        """Where ``line`` of this file is."""
        return Origin(self.file, line)

    def rows(self) -> Iterator[CsvRow | SourceProblem]:
        """Every record after the header as a :class:`CsvRow`, or a problem rejecting it."""
        header, columns = self.header, len(self.header)
        for record in self._records:
            if isinstance(record, SourceProblem):
                yield record
                continue
            cells = record.cells
            if len(cells) != columns or not self._plain(cells):
                problem = self._problem(record)
                if problem is not None:
                    yield problem
                    continue
            values: dict[str, str] = {}
            for name, cell in zip(header, cells, strict=False):
                if name and name not in values and (value := cell.strip()):
                    values[name] = value
            yield CsvRow(record.line, values)

    def _plain(self, cells: list[str]) -> bool:
        """No cell with undecodable bytes, a NUL or over the length limit (the usual
        record, told apart in one pass over the joined text)."""
        joined = "\x1f".join(cells)
        if REPLACEMENT in joined or "\0" in joined:
            return False
        return len(joined) <= self._max_field_chars or max(map(len, cells)) <= (
            self._max_field_chars
        )

    def _problem(self, record: CsvRecord) -> SourceProblem | None:
        origin = self.origin(record.line)
        for name, cell in self._named(record.cells):
            if REPLACEMENT in cell:
                return SourceProblem(origin, undecodable_reason(self.encoding), name, cell)
            if "\0" in cell:
                reason = "a NUL character (binary data?)"
                return SourceProblem(origin, reason, name, cell.replace("\0", "\\0"))
        for name, cell in self._named(record.cells):
            if len(cell) > self._max_field_chars:
                reason = (
                    f"a value of {len(cell)} characters, more than the limit of "
                    f"{self._max_field_chars} (a stray quote?)"
                )
                return SourceProblem(origin, reason, name, cell[:_PREVIEW_CHARS] + "…")
        count, columns = len(record.cells), len(self.header)
        counted = f"{_counted(count, 'value')} for {_counted(columns, 'column')}"
        if count > columns and any(cell.strip() for cell in record.cells[columns:]):
            return SourceProblem(origin, f"{counted} (an unquoted comma?)")
        if count < columns:
            return SourceProblem(origin, counted)
        return None

    def _named(self, cells: Sequence[str]) -> Iterator[tuple[str | None, str]]:
        for index, cell in enumerate(cells):
            yield (self.header[index] if index < len(self.header) else None), cell


@contextmanager
def open_csv(
    path: Path,
    options: ReadOptions,
    *,
    delimiter: str = ",",
    is_header: Callable[[Sequence[str]], bool] | None = None,
    no_header: str = "no header row",
) -> Iterator[CsvTable | SourceProblem]:
    """Open a CSV file and read up to its header.

    Parameters
    ----------
    path
        The file.
    options
        ``encoding`` and ``max_field_chars`` are used.
    delimiter
        The cell separator.
    is_header
        Recognises the header among the first records (the cells are stripped); records
        before it are a preamble and skipped. By default the first non-blank record is
        the header.
    no_header
        The reason given when ``is_header`` accepts no record.

    Yields
    ------
    CsvTable | SourceProblem
        The table, or one problem for the whole file: it is empty, has no header, or its
        header has undecodable bytes.
    """
    _raise_field_size_limit(options.max_field_chars)
    file = str(path)
    with open_text(path, options.encoding) as (stream, encoding):
        records = csv_records(iter(stream), file=file, delimiter=delimiter)
        header, seen_any = _find_header(records, is_header)
        if header is None:
            reason = no_header if seen_any else "the file is empty"
            yield SourceProblem(Origin(file, 0), reason)
        elif isinstance(header, SourceProblem):
            yield header
        elif any(REPLACEMENT in cell for cell in header.cells):
            reason = f"the header has {undecodable_reason(encoding)}"
            yield SourceProblem(Origin(file, header.line), reason)
        else:
            yield CsvTable(
                file=file,
                header=header,
                records=records,
                encoding=encoding,
                max_field_chars=options.max_field_chars,
            )


def _find_header(
    records: Iterator[CsvRecord | SourceProblem],
    is_header: Callable[[Sequence[str]], bool] | None,
) -> tuple[CsvRecord | SourceProblem | None, bool]:
    """The header record (or the problem reading it), and whether any record was seen."""
    seen_any = False
    for record in records:
        seen_any = True
        if isinstance(record, SourceProblem):
            if is_header is None:
                return record, seen_any
        elif is_header is None or is_header([cell.strip() for cell in record.cells]):
            return record, seen_any
    return None, seen_any


def _raise_field_size_limit(max_field_chars: int) -> None:
    """Let :mod:`csv` read values well over the limit, so the row is rejected by its length
    and reading goes on after it; the (process-wide) limit is never lowered."""
    wanted = max_field_chars * _FIELD_LIMIT_FACTOR
    if csv.field_size_limit() < wanted:
        csv.field_size_limit(wanted)


def _counted(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _csv_error_reason(error: csv.Error) -> str:
    if "field larger than field limit" in str(error):
        return f"a value longer than {csv.field_size_limit()} characters (a stray quote?)"
    return f"the record cannot be read: {error}"
