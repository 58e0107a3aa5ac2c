"""Interactions: ``Interaction``, an email, meeting, call, message, note or support case, and
``Participant``, who took part in it and how."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

import strawberry
from strawberry import relay

from schema import model
from schema.gql.context import HasLoaders
from schema.gql.crm.deals import Deal, load_deals
from schema.gql.crm.people import Person, load_person
from schema.gql.enums import InteractionKind, ParticipantRole

__all__ = ["Interaction", "Participant"]

Info = strawberry.Info[HasLoaders, None]


@strawberry.type(description="An email, meeting, call, message, note or support case.")
class Interaction(relay.Node):
    uid: relay.NodeID[str]
    kind: InteractionKind
    occurred_at: datetime
    subject: str | None
    source: str
    source_id: str
    version: int = strawberry.field(
        description="1 when created, +1 on every change through the API (optimistic locking)."
    )
    deleted_at: datetime | None = strawberry.field(
        description="When it was soft-deleted; only mutation results show deleted records."
    )
    deal_uid: strawberry.Private[str | None]

    @classmethod
    def from_model(cls, i: model.Interaction) -> Interaction:
        return cls(
            uid=i.uid,
            kind=i.kind,
            occurred_at=i.occurred_at,
            subject=i.subject,
            source=i.provenance.source,
            source_id=i.provenance.source_id,
            version=i.version,
            deleted_at=i.deleted_at,
            deal_uid=i.deal_uid,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]  # narrower Info than Node's
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Interaction | None]:
        found = await info.context.loaders.interaction.load_many(list(node_ids))
        return [cls.from_model(i) if i is not None else None for i in found]

    @strawberry.field
    async def deal(self, info: Info) -> Deal | None:
        return next(iter(await load_deals(info, [self.deal_uid] if self.deal_uid else [])), None)

    @strawberry.field(description="Who took part, and how.")
    async def participants(self, info: Info) -> list[Participant]:
        found = await info.context.loaders.participants_of.load(self.uid)
        return [Participant(role=p.role, person_uid=p.person_uid) for p in found]


@strawberry.type(description="Who took part in an interaction, and how.")
class Participant:
    role: ParticipantRole
    person_uid: strawberry.Private[str]

    @strawberry.field
    async def person(self, info: Info) -> Person | None:
        return await load_person(info, self.person_uid)
