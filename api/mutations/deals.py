"""Deal mutations: create, update, move stage, soft delete, restore.

Every stage change (``moveDealStage``, or ``stage`` in an update) appends to
``Deal.stageHistory``; closing a deal sets its probability to 1 (won) or 0 (lost).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, cast

import strawberry
from strawberry import UNSET, relay

from api.graphql.context import Info
from api.mutations.rejections import REFUSALS, given, maybe_uid, rejected, uid
from graph.commands.patches import DealPatch
from schema.gql.crm import Deal
from schema.gql.enums import DealStage
from schema.gql.results import NotFound, StaleVersion, ValidationError

__all__ = [
    "CreateDealInput",
    "DealChangesInput",
    "create_deal",
    "move_deal_stage",
    "restore_deal",
    "soft_delete_deal",
    "update_deal",
]

_FIELDS = ("name", "amount", "currency", "stage", "probability", "close_date")


def _patch(source: Any) -> DealPatch:
    patch = given(source, *_FIELDS, "company_id", "owner_id")
    if "company_id" in patch:
        patch["company_uid"] = maybe_uid(patch.pop("company_id"), "Company", "company_id")
    if "owner_id" in patch:
        patch["owner_uid"] = maybe_uid(patch.pop("owner_id"), "Person", "owner_id")
    return cast(DealPatch, patch)


@strawberry.input(description="A new deal; its stage is the first entry of its stage history.")
class CreateDealInput:
    name: str
    company_id: relay.GlobalID | None = None
    owner_id: relay.GlobalID | None = strawberry.field(
        default=None, description="The colleague who owns the deal."
    )
    amount: float | None = None
    currency: str | None = strawberry.field(default=None, description="ISO 4217 code.")
    stage: DealStage = DealStage.PROSPECTING
    probability: float | None = None
    close_date: date | None = None

    def to_patch(self) -> DealPatch:
        return _patch(self)


@strawberry.input(description="Fields to change: omitted ones stay, null clears one.")
class DealChangesInput:
    name: str | None = UNSET
    company_id: relay.GlobalID | None = UNSET
    owner_id: relay.GlobalID | None = UNSET
    amount: float | None = UNSET
    currency: str | None = UNSET
    stage: DealStage | None = strawberry.field(
        default=UNSET, description="A new stage is appended to the stage history."
    )
    probability: float | None = UNSET
    close_date: date | None = UNSET

    def to_patch(self) -> DealPatch:
        return _patch(self)


@strawberry.type
class CreateDealSuccess:
    deal: Deal


@strawberry.type
class UpdateDealSuccess:
    deal: Deal


@strawberry.type
class MoveDealStageSuccess:
    deal: Deal


@strawberry.type
class SoftDeleteDealSuccess:
    deal: Deal


@strawberry.type
class RestoreDealSuccess:
    deal: Deal


CreateDealResult = Annotated[
    CreateDealSuccess | NotFound | ValidationError, strawberry.union("CreateDealResult")
]
UpdateDealResult = Annotated[
    UpdateDealSuccess | NotFound | ValidationError | StaleVersion,
    strawberry.union("UpdateDealResult"),
]
MoveDealStageResult = Annotated[
    MoveDealStageSuccess | NotFound | ValidationError | StaleVersion,
    strawberry.union("MoveDealStageResult"),
]
SoftDeleteDealResult = Annotated[
    SoftDeleteDealSuccess | NotFound | ValidationError | StaleVersion,
    strawberry.union("SoftDeleteDealResult"),
]
RestoreDealResult = Annotated[
    RestoreDealSuccess | NotFound | ValidationError | StaleVersion,
    strawberry.union("RestoreDealResult"),
]


async def create_deal(info: Info, input: CreateDealInput) -> CreateDealResult:
    try:
        deal = await info.context.commands.deals.create(input.to_patch())
    except REFUSALS as e:
        return rejected(e, NotFound, ValidationError)
    return CreateDealSuccess(deal=Deal.from_model(deal))


async def update_deal(
    info: Info, id: relay.GlobalID, input: DealChangesInput, expected_version: int | None = None
) -> UpdateDealResult:
    try:
        deal = await info.context.commands.deals.update(
            uid(id, "Deal", "id"), input.to_patch(), expected_version=expected_version
        )
    except REFUSALS as e:
        return rejected(e, NotFound, ValidationError, StaleVersion)
    return UpdateDealSuccess(deal=Deal.from_model(deal))


async def move_deal_stage(
    info: Info,
    deal_id: relay.GlobalID,
    stage: DealStage,
    probability: float | None = None,
    expected_version: int | None = None,
) -> MoveDealStageResult:
    try:
        deal = await info.context.commands.deals.move_stage(
            uid(deal_id, "Deal", "deal_id"),
            stage,
            probability=probability,
            expected_version=expected_version,
        )
    except REFUSALS as e:
        return rejected(e, NotFound, ValidationError, StaleVersion)
    return MoveDealStageSuccess(deal=Deal.from_model(deal))


async def soft_delete_deal(
    info: Info, id: relay.GlobalID, expected_version: int | None = None
) -> SoftDeleteDealResult:
    try:
        deal = await info.context.commands.deals.soft_delete(
            uid(id, "Deal", "id"), expected_version=expected_version
        )
    except REFUSALS as e:
        return rejected(e, NotFound, ValidationError, StaleVersion)
    return SoftDeleteDealSuccess(deal=Deal.from_model(deal))


async def restore_deal(
    info: Info, id: relay.GlobalID, expected_version: int | None = None
) -> RestoreDealResult:
    try:
        deal = await info.context.commands.deals.restore(
            uid(id, "Deal", "id"), expected_version=expected_version
        )
    except REFUSALS as e:
        return rejected(e, NotFound, ValidationError, StaleVersion)
    return RestoreDealSuccess(deal=Deal.from_model(deal))
