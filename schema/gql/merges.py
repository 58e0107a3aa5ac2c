"""What a merge preview shows: the field-by-field diff, the relationships that would move, and
warnings. Values are JSON (a string, a boolean, a list of emails; seniority as its enum name).
"""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry import relay
from strawberry.scalars import JSON
from strawberry.utils.str_converters import to_camel_case

from schema import model
from schema.enums import Seniority
from schema.gql.crm import Company, Person
from schema.gql.enums import LinkDirection, MergeKind, MergeWarningCode, RelType
from schema.reading import merges

__all__ = [
    "MergeFieldChange",
    "MergePreview",
    "MergeRelationshipGroup",
    "MergeWarning",
    "merged_node",
]


_SENIORITY_NAMES = {s.value: s.name for s in Seniority}


def merged_node(record: merges.MergedEntity) -> Person | Company:
    """The GraphQL object of a merged or surviving record."""
    if isinstance(record, model.Person):
        return Person.from_model(record)
    return Company.from_model(record)


def _json(field: str, value: merges.FieldValue) -> Any:
    if isinstance(value, tuple):
        return list(value)
    if field == "seniority" and isinstance(value, str):
        return _SENIORITY_NAMES.get(value, value)
    return value


@strawberry.type(description="One property: both records' values and the survivor's after.")
class MergeFieldChange:
    field: str = strawberry.field(description="The field's GraphQL name (fullName, domain...).")
    survivor_value: JSON | None
    merged_value: JSON | None
    result_value: JSON | None = strawberry.field(
        description="The survivor's non-empty value, else the merged record's; a merged "
        "person's email goes to alternateEmails."
    )
    changed: bool = strawberry.field(description="Whether the merge changes the survivor's value.")

    @classmethod
    def from_model(cls, change: merges.FieldChange) -> MergeFieldChange:
        return cls(
            field=to_camel_case(change.field),
            survivor_value=_json(change.field, change.survivor),
            merged_value=_json(change.field, change.merged),
            result_value=_json(change.field, change.result),
            changed=change.changed,
        )


@strawberry.type(description="The merged record's relationships of one type and direction.")
class MergeRelationshipGroup:
    type: RelType
    direction: LinkDirection = strawberry.field(description="Seen from the merged record.")
    moved: int = strawberry.field(description="How many move to the survivor.")
    dropped: int = strawberry.field(
        description="How many are dropped: links between the two records, exact duplicates of "
        "the survivor's (provenance aside) and derived KNOWS edges (computed again). The merge "
        "record keeps them; unmerge restores them."
    )

    @classmethod
    def from_model(cls, group: merges.RelationshipGroup) -> MergeRelationshipGroup:
        return cls(
            type=group.type, direction=group.direction, moved=group.moved, dropped=group.dropped
        )


@strawberry.type(description="Something the merge would combine that deserves a look.")
class MergeWarning:
    code: MergeWarningCode
    message: str


@strawberry.type(description="What a merge would do (dryRun: true); nothing was written.")
class MergePreview:
    kind: MergeKind
    survivor: relay.Node
    merged: relay.Node
    fields: list[MergeFieldChange]
    relationships: list[MergeRelationshipGroup]
    warnings: list[MergeWarning]

    @classmethod
    def from_model(cls, preview: merges.MergePreview) -> MergePreview:
        return cls(
            kind=preview.kind,
            survivor=merged_node(preview.survivor),
            merged=merged_node(preview.merged),
            fields=[MergeFieldChange.from_model(f) for f in preview.fields],
            relationships=[MergeRelationshipGroup.from_model(g) for g in preview.relationships],
            warnings=[MergeWarning(code=w.code, message=w.message) for w in preview.warnings],
        )
