"""What building writes from a row needs to know, and what it produces.

A :class:`Built` is everything one source row asks to write (a person row may also write
its employer and its job), plus notes about values that were ignored; a row that cannot be
used raises :class:`RowRejected` with every problem found, so the user sees them all at
once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ingest.source_rows import Origin, SourceProblem
from schema.errors import CrmGraphError
from schema.import_rows import ImportKind, ImportRow

__all__ = ["BuildContext", "Built", "Problems", "RowRejected", "Write"]


@dataclass(frozen=True, slots=True, kw_only=True)
class BuildContext:
    """Import-wide settings.

    ``source`` scopes every source id (``person_id`` 7 of ``hubspot`` is not ``person_id``
    7 of ``salesforce``); ``owner_email`` is the importing user, who knows every LinkedIn
    connection; ``default_region`` (ISO 3166 alpha-2, e.g. ``US``) reads phone numbers
    written without a country code.
    """

    source: str
    owner_email: str | None = None
    default_region: str | None = None
    include_bodies: bool = False
    names_are_hints: bool = False  # mail and calendars: a display name never renames anyone


@dataclass(slots=True)
class Write:
    """One row of :mod:`schema.import_rows` and its kind, with the keys that must not appear
    twice in one batch (two creations of one key in a transaction would clash)."""

    kind: ImportKind
    row: ImportRow
    batch_keys: tuple[str, ...] = ()


@dataclass(slots=True)
class Built:
    """The writes one source row produced, the key that must be unique in its file, and
    notes on ignored values."""

    writes: list[Write] = field(default_factory=list)
    notes: list[SourceProblem] = field(default_factory=list)
    unique_key: tuple[str, str] | None = None  # (column, value) of the row's own id


class RowRejected(CrmGraphError):
    """The row cannot be imported; ``problems`` says every reason."""

    def __init__(self, problems: list[SourceProblem]) -> None:
        super().__init__("; ".join(p.reason for p in problems))
        self.problems = problems


class Problems:
    """Collects a row's problems, then rejects the row if there were any."""

    def __init__(self, origin: Origin) -> None:
        self.origin = origin
        self.errors: list[SourceProblem] = []
        self.notes: list[SourceProblem] = []

    def reject(self, column: str | None, value: str | None, reason: str) -> None:
        """The row cannot be imported because of this value."""
        self.errors.append(SourceProblem(self.origin, reason, column, value))

    def ignore(self, column: str, value: str | None, reason: str) -> None:
        """This value is ignored; the row still goes in."""
        self.notes.append(SourceProblem(self.origin, reason, column, value, row_kept=True))

    def raise_if_any(self) -> None:
        """Reject the row when a problem was found."""
        if self.errors:
            raise RowRejected(self.errors)
