"""Stating a relationship: how two people know each other, as a user says it."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry
from strawberry import relay

from api.graphql.context import Info
from api.graphql.relationships import strength_result
from api.mutations.rejections import REFUSALS, rejected, uid
from api.services.relationships import MissingPerson
from schema.gql.intelligence.relationships import RelationshipStrength
from schema.gql.results import NotFound, ValidationError

__all__ = ["state_relationship"]


@strawberry.type
class StateRelationshipSuccess:
    strength: RelationshipStrength = strawberry.field(
        description="The pair's strength with the stated relationship counted."
    )


StateRelationshipResult = Annotated[
    StateRelationshipSuccess | NotFound | ValidationError,
    strawberry.union("StateRelationshipResult"),
]


async def state_relationship(
    info: Info,
    person_a: relay.GlobalID,
    person_b: relay.GlobalID,
    kind: str,
    since: date | None = None,
) -> StateRelationshipResult:
    try:
        answer = await info.context.relationships.state_relationship(
            uid(person_a, "Person", "person_a"),
            uid(person_b, "Person", "person_b"),
            kind=kind,
            since=since,
        )
    except REFUSALS as e:
        return rejected(e, NotFound, ValidationError)
    if isinstance(answer, MissingPerson):
        return NotFound(message=answer.message, field=answer.field)
    return StateRelationshipSuccess(strength=strength_result(answer))
