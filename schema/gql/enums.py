"""The model's enums, registered with strawberry under their GraphQL names.

``strawberry.enum`` marks the class itself, so the domain enums are used directly in type
annotations; importing this module registers them.
"""

from __future__ import annotations

import strawberry

from schema.enums import (
    DealContactRole,
    DealStage,
    Department,
    EmploymentRole,
    InteractionKind,
    LineSource,
    ParticipantRole,
    RelType,
    Seniority,
)
from schema.listing import NullsPlacement, SortDirection
from schema.reading.merges import LinkDirection, MergeKind, MergeWarningCode

__all__ = [
    "DealContactRole",
    "DealStage",
    "Department",
    "EmploymentRole",
    "InteractionKind",
    "LinkDirection",
    "MergeKind",
    "MergeWarningCode",
    "Nulls",
    "OrderDirection",
    "ParticipantRole",
    "RelType",
    "ReportingLineKind",
    "Seniority",
]

for _enum, _name in (
    (Seniority, "Seniority"),
    (EmploymentRole, "EmploymentRole"),
    (InteractionKind, "InteractionKind"),
    (ParticipantRole, "ParticipantRole"),
    (DealContactRole, "DealContactRole"),
    (DealStage, "DealStage"),
    (LineSource, "ReportingLineKind"),
    (SortDirection, "OrderDirection"),
    (NullsPlacement, "Nulls"),
    (RelType, "RelationshipType"),
    (LinkDirection, "RelationshipDirection"),
    (MergeKind, "MergeKind"),
    (MergeWarningCode, "MergeWarningCode"),
    (Department, "Department"),
):
    strawberry.enum(_enum, name=_name)

ReportingLineKind = LineSource
OrderDirection = SortDirection
Nulls = NullsPlacement
