"""The native templates as JSON Lines: one JSON object per line, keys are field names.

Values may be strings, numbers or booleans (``true``/``false``); a list is joined with
``;`` (multi-valued fields) and ``null`` means "no value". A line that is not a JSON
object is rejected; an unknown key is reported once per file and ignored.

Examples
--------
>>> text_value(["a@example.com", None, "b@example.com"])
'a@example.com;b@example.com'
>>> text_value(True), text_value(12.5), text_value(None)
('true', '12.5', None)
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from ingest.formats.options import ReadOptions
from ingest.formats.text import REPLACEMENT, open_text, undecodable_reason
from ingest.source_rows import TEMPLATE_FIELDS, Entity, Origin, SourceItem, SourceProblem, SourceRow
from schema.errors import CrmGraphError

__all__ = ["read_native_jsonl", "text_value"]

_LINE_LIMIT_FACTOR = 4


class _NotAValue(CrmGraphError, ValueError):
    """A JSON value that is no template value (an object, a list of lists); a
    ``ValueError``, as :func:`text_value` documents."""


def text_value(value: object) -> str | None:
    """A JSON value as a template string, or None for no value.

    Raises
    ------
    ValueError
        For an object, or a list holding an object or a list.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list):
        parts = [_scalar(item) for item in value]
        return ";".join(part for part in parts if part) or None
    raise _NotAValue("a JSON object is not a value")


def _scalar(item: object) -> str | None:
    if isinstance(item, list | dict):
        raise _NotAValue("a list may only hold strings, numbers and booleans")
    return text_value(item)


def read_native_jsonl(path: Path, entity: Entity, options: ReadOptions) -> Iterator[SourceItem]:
    """Read a JSON Lines file of ``entity`` records.

    Parameters
    ----------
    path
        The file.
    entity
        What every line is.
    options
        ``encoding`` and ``max_field_chars`` are used; a line longer than four times
        ``max_field_chars`` is rejected without being held in memory.

    Yields
    ------
    SourceRow | SourceProblem
        A row per object line; a problem per line that is not a JSON object, has
        undecodable bytes or too long a value, per unusable value (``row_kept``), per
        unknown key (``row_kept``, once per file), or one for an empty file.
    """
    file = str(path)
    allowed = TEMPLATE_FIELDS[entity]
    unknown: set[str] = set()
    empty = True
    with open_text(path, options.encoding, newline=None) as (stream, encoding):
        for number, line in _lines(stream, options.max_field_chars * _LINE_LIMIT_FACTOR):
            origin = Origin(file, number)
            if line is None:
                limit = options.max_field_chars * _LINE_LIMIT_FACTOR
                yield SourceProblem(origin, f"a line longer than {limit} characters")
                empty = False
                continue
            if not line.strip():
                continue
            empty = False
            if REPLACEMENT in line:
                yield SourceProblem(origin, undecodable_reason(encoding))
                continue
            yield from _record(line, origin, entity, options, allowed=allowed, unknown=unknown)
    if empty:
        yield SourceProblem(Origin(file, 0), "the file is empty")


def _record(
    line: str,
    origin: Origin,
    entity: Entity,
    options: ReadOptions,
    *,
    allowed: tuple[str, ...],
    unknown: set[str],
) -> Iterator[SourceItem]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        yield SourceProblem(origin, f"not valid JSON: {e.msg} at column {e.colno}")
        return
    if not isinstance(record, dict):
        yield SourceProblem(origin, f"a JSON {type(record).__name__}, not an object")
        return
    fields: dict[str, str] = {}
    kept: list[SourceProblem] = []
    for key, raw in record.items():
        name = key.strip().lower()
        if name not in allowed:
            if name not in unknown:
                unknown.add(name)
                kept.append(SourceProblem(origin, f"unknown key {key!r} ignored", key, None, True))
            continue
        try:
            value = text_value(raw)
        except _NotAValue as e:
            kept.append(SourceProblem(origin, f"{e}: ignored", key, json.dumps(raw)[:60], True))
            continue
        if value is None or name in fields:
            continue
        if len(value) > options.max_field_chars:
            reason = f"a value of {len(value)} characters, more than the limit of "
            yield SourceProblem(origin, reason + str(options.max_field_chars), key)
            return
        fields[name] = value
    yield from kept
    yield SourceRow(entity, fields, origin)


def _lines(stream: TextIO, limit: int) -> Iterator[tuple[int, str | None]]:
    """Numbered lines; None for a line over ``limit`` characters, which is skipped unread."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith("\n"):
            while line and not line.endswith("\n"):
                line = stream.readline(limit)
            yield number, None
        else:
            yield number, line
