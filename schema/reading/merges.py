"""Merges of duplicate records and their undo: what a preview shows and what a merge did.

A merge folds the *merged* record into the *survivor*: the survivor's non-empty values win,
the merged record fills the survivor's empty ones (a person's email, unique to its node, goes
to the survivor's ``alternate_emails``), and every relationship of the merged record moves to
the survivor. The merged node stays, hidden, as lineage; a ``MergeRecord`` keeps what
``unmerge`` needs to restore both records.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from schema.enums import Label, RelType
from schema.model import Company, Person

__all__ = [
    "FieldChange",
    "FieldValue",
    "LinkDirection",
    "MergeDone",
    "MergeKind",
    "MergePreview",
    "MergeWarning",
    "MergeWarningCode",
    "MergedEntity",
    "RelationshipGroup",
    "UnmergeDone",
]

MergedEntity = Person | Company
FieldValue = str | bool | int | float | tuple[str, ...] | None


class MergeKind(StrEnum):
    """What is merged: two people or two companies."""

    PERSON = "person"
    COMPANY = "company"

    @property
    def label(self) -> Label:
        """The node label of the records."""
        return Label.PERSON if self is MergeKind.PERSON else Label.COMPANY


class LinkDirection(StrEnum):
    """A relationship's direction seen from the merged record."""

    OUTGOING = "out"
    INCOMING = "in"


class MergeWarningCode(StrEnum):
    """Why a merge may need a second look."""

    DIFFERENT_CURRENT_EMPLOYERS = "different_current_employers"
    DIFFERENT_MANAGERS = "different_managers"
    DIFFERENT_DEAL_ROLES = "different_deal_roles"
    DIFFERENT_PARENTS = "different_parents"
    LINK_BETWEEN_RECORDS = "link_between_records"
    FLAG_DIFFERS = "flag_differs"


@dataclass(frozen=True, slots=True, kw_only=True)
class FieldChange:
    """One property of the two records and the value the survivor gets."""

    field: str
    survivor: FieldValue
    merged: FieldValue
    result: FieldValue

    @property
    def changed(self) -> bool:
        """Whether the merge changes the survivor's value."""
        return self.result != self.survivor


@dataclass(frozen=True, slots=True, kw_only=True)
class RelationshipGroup:
    """The merged record's relationships of one type and direction: how many move to the
    survivor, and how many are dropped (self-loops, exact duplicates, derived KNOWS)."""

    type: RelType
    direction: LinkDirection
    moved: int
    dropped: int


@dataclass(frozen=True, slots=True, kw_only=True)
class MergeWarning:
    """Something a merge would do that deserves a look before it runs."""

    code: MergeWarningCode
    message: str


@dataclass(frozen=True, slots=True, kw_only=True)
class MergePreview:
    """What a merge would do; nothing is written."""

    kind: MergeKind
    survivor: MergedEntity
    merged: MergedEntity
    fields: tuple[FieldChange, ...]
    relationships: tuple[RelationshipGroup, ...]
    warnings: tuple[MergeWarning, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class MergeDone:
    """A merge that happened; ``knows_as_of`` is when the records' KNOWS were computed."""

    merge_id: str
    kind: MergeKind
    survivor: MergedEntity
    merged: MergedEntity
    knows_as_of: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UnmergeDone:
    """An undone merge: both records live again. ``relationships_not_restored`` counts the
    moved relationships that a later write removed (or whose other end is gone)."""

    merge_id: str
    kind: MergeKind
    survivor: MergedEntity
    restored: MergedEntity
    relationships_restored: int
    relationships_not_restored: int
    knows_as_of: datetime | None = None
