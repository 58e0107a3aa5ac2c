"""Interaction mutations: log (create), update, soft delete, restore.

``logInteraction`` takes plain arguments; ``createInteraction`` is the same with one input.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, cast

import strawberry
from strawberry import UNSET, relay

from api.graphql.context import Info
from api.mutations.rejections import REFUSALS, given, maybe_uid, rejected, uid
from graph.commands.patches import InteractionPatch
from schema.gql.crm import Interaction
from schema.gql.enums import InteractionKind, ParticipantRole
from schema.gql.results import NotFound, StaleVersion, ValidationError
from schema.model import Participation

__all__ = [
    "CreateInteractionInput",
    "InteractionChangesInput",
    "ParticipantInput",
    "create_interaction",
    "log_interaction",
    "restore_interaction",
    "soft_delete_interaction",
    "update_interaction",
]


@strawberry.input(description="Someone who took part, and how.")
class ParticipantInput:
    person_id: relay.GlobalID
    role: ParticipantRole


def _patch(source: Any) -> InteractionPatch:
    patch = given(source, "kind", "occurred_at", "subject", "deal_id", "participants")
    if "deal_id" in patch:
        patch["deal_uid"] = maybe_uid(patch.pop("deal_id"), "Deal", "deal_id")
    if "participants" in patch:
        patch["participants"] = tuple(
            Participation(
                person_uid=uid(p.person_id, "Person", f"participants[{i}].person_id"),
                role=p.role,
            )
            for i, p in enumerate(patch["participants"] or ())
        )
    return cast(InteractionPatch, patch)


@strawberry.input(description="A new interaction: at least one participant.")
class CreateInteractionInput:
    kind: InteractionKind
    occurred_at: datetime
    participants: list[ParticipantInput]
    subject: str | None = None
    deal_id: relay.GlobalID | None = None

    def to_patch(self) -> InteractionPatch:
        return _patch(self)


@strawberry.input(description="Fields to change; participants, when given, replace them all.")
class InteractionChangesInput:
    kind: InteractionKind | None = UNSET
    occurred_at: datetime | None = UNSET
    subject: str | None = UNSET
    deal_id: relay.GlobalID | None = UNSET
    participants: list[ParticipantInput] | None = UNSET

    def to_patch(self) -> InteractionPatch:
        return _patch(self)


@strawberry.type
class CreateInteractionSuccess:
    interaction: Interaction


@strawberry.type
class UpdateInteractionSuccess:
    interaction: Interaction


@strawberry.type
class SoftDeleteInteractionSuccess:
    interaction: Interaction


@strawberry.type
class RestoreInteractionSuccess:
    interaction: Interaction


CreateInteractionResult = Annotated[
    CreateInteractionSuccess | NotFound | ValidationError,
    strawberry.union("CreateInteractionResult"),
]
UpdateInteractionResult = Annotated[
    UpdateInteractionSuccess | NotFound | ValidationError | StaleVersion,
    strawberry.union("UpdateInteractionResult"),
]
SoftDeleteInteractionResult = Annotated[
    SoftDeleteInteractionSuccess | NotFound | ValidationError | StaleVersion,
    strawberry.union("SoftDeleteInteractionResult"),
]
RestoreInteractionResult = Annotated[
    RestoreInteractionSuccess | NotFound | ValidationError | StaleVersion,
    strawberry.union("RestoreInteractionResult"),
]


async def create_interaction(info: Info, input: CreateInteractionInput) -> CreateInteractionResult:
    try:
        interaction = await info.context.commands.interactions.create(input.to_patch())
    except REFUSALS as e:
        return rejected(e, NotFound, ValidationError)
    return CreateInteractionSuccess(interaction=Interaction.from_model(interaction))


async def log_interaction(
    info: Info,
    kind: InteractionKind,
    occurred_at: datetime,
    participants: list[ParticipantInput],
    subject: str | None = None,
    deal_id: relay.GlobalID | None = None,
) -> CreateInteractionResult:
    input = CreateInteractionInput(
        kind=kind,
        occurred_at=occurred_at,
        participants=participants,
        subject=subject,
        deal_id=deal_id,
    )
    return await create_interaction(info, input)


async def update_interaction(
    info: Info,
    id: relay.GlobalID,
    input: InteractionChangesInput,
    expected_version: int | None = None,
) -> UpdateInteractionResult:
    try:
        interaction = await info.context.commands.interactions.update(
            uid(id, "Interaction", "id"), input.to_patch(), expected_version=expected_version
        )
    except REFUSALS as e:
        return rejected(e, NotFound, ValidationError, StaleVersion)
    return UpdateInteractionSuccess(interaction=Interaction.from_model(interaction))


async def soft_delete_interaction(
    info: Info, id: relay.GlobalID, expected_version: int | None = None
) -> SoftDeleteInteractionResult:
    try:
        interaction = await info.context.commands.interactions.soft_delete(
            uid(id, "Interaction", "id"), expected_version=expected_version
        )
    except REFUSALS as e:
        return rejected(e, NotFound, ValidationError, StaleVersion)
    return SoftDeleteInteractionSuccess(interaction=Interaction.from_model(interaction))


async def restore_interaction(
    info: Info, id: relay.GlobalID, expected_version: int | None = None
) -> RestoreInteractionResult:
    try:
        interaction = await info.context.commands.interactions.restore(
            uid(id, "Interaction", "id"), expected_version=expected_version
        )
    except REFUSALS as e:
        return rejected(e, NotFound, ValidationError, StaleVersion)
    return RestoreInteractionSuccess(interaction=Interaction.from_model(interaction))
