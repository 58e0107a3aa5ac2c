"""The options every reader takes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ingest.source_rows import Entity

__all__ = ["DEFAULT_MAX_FIELD_CHARS", "ReadOptions"]

DEFAULT_MAX_FIELD_CHARS = 100_000


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadOptions:
    """How to read a source file.

    Attributes
    ----------
    encoding
        Force this text encoding instead of detecting it (BOM, UTF-8, then a guess).
    entity
        For native templates: the entity of every file, instead of guessing it from the
        file name (``companies.csv``, ``people.jsonl``, ...).
    mapping
        For ``mapped`` CSV: the TOML mapping file (columns -> template fields).
    include_bodies
        For mail: also read message bodies (never stored unless asked).
    max_field_chars
        A longer value rejects its row (a runaway quote cannot eat the whole file).
    """

    encoding: str | None = None
    entity: Entity | None = None
    mapping: Path | None = None
    include_bodies: bool = False
    max_field_chars: int = DEFAULT_MAX_FIELD_CHARS
