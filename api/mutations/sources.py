"""``upsertBySource``: create or update any of the four records by its source system's key.

Re-sending the same ``(source, sourceId)`` lands on the same record (its uid is derived from
them), so a client can sync another system idempotently. Omitted fields stay as they are;
creating a record needs what its create mutation needs.
"""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry import UNSET, relay

from api.graphql.context import Info
from api.mutations.companies import CompanyChangesInput
from api.mutations.deals import DealChangesInput
from api.mutations.interactions import InteractionChangesInput
from api.mutations.people import PersonChangesInput
from api.mutations.rejections import REFUSALS, rejected
from api.services.commands import CommandServices
from schema.errors import InvalidInput
from schema.gql.crm import Company, Deal, Interaction, Person
from schema.gql.results import Conflict, NotFound, UpsertOutcome, ValidationError

__all__ = ["SourceRecordInput", "upsert_by_source"]


@strawberry.input(one_of=True, description="The record to upsert: exactly one of these.")
class SourceRecordInput:
    company: CompanyChangesInput | None = UNSET
    person: PersonChangesInput | None = UNSET
    deal: DealChangesInput | None = UNSET
    interaction: InteractionChangesInput | None = UNSET


@strawberry.type
class UpsertBySourceSuccess:
    node: relay.Node = strawberry.field(description="The Company, Person, Deal or Interaction.")
    outcome: UpsertOutcome


UpsertBySourceResult = Annotated[
    UpsertBySourceSuccess | NotFound | ValidationError | Conflict,
    strawberry.union("UpsertBySourceResult"),
]


async def _upsert(
    commands: CommandServices, source: str, source_id: str, record: SourceRecordInput
) -> tuple[relay.Node, bool]:
    if record.company:
        company = await commands.companies.upsert_by_source(
            source, source_id, record.company.to_patch()
        )
        return Company.from_model(company.record), company.created
    if record.person:
        person = await commands.people.upsert_by_source(source, source_id, record.person.to_patch())
        return Person.from_model(person.record), person.created
    if record.deal:
        deal = await commands.deals.upsert_by_source(source, source_id, record.deal.to_patch())
        return Deal.from_model(deal.record), deal.created
    if record.interaction:
        interaction = await commands.interactions.upsert_by_source(
            source, source_id, record.interaction.to_patch()
        )
        return Interaction.from_model(interaction.record), interaction.created
    raise InvalidInput("give exactly one record", field="record")


async def upsert_by_source(
    info: Info,
    # Not ``source``: strawberry's permission extension takes a positional of that name.
    system: Annotated[str, strawberry.argument(name="source", description="e.g. salesforce")],
    source_id: str,
    record: SourceRecordInput,
) -> UpsertBySourceResult:
    try:
        node, created = await _upsert(info.context.commands, system, source_id, record)
    except REFUSALS as e:
        return rejected(e, NotFound, ValidationError, Conflict)
    outcome = UpsertOutcome.CREATED if created else UpsertOutcome.UPDATED
    return UpsertBySourceSuccess(node=node, outcome=outcome)
