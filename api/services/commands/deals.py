"""Deal use cases: field rules, stage moves with their probability rule, buying committees.

Closing a deal fixes its probability: 1.0 when won, 0.0 when lost (a different probability
given with the move is refused). A stage change through any write appends to the history.
"""

from __future__ import annotations

from api.services.commands import validation
from api.services.commands.entities import EntityService, not_null, unchanged
from graph.commands.contacts import ContactChange, ContactCommands
from graph.commands.deals import DealCommands
from graph.commands.patches import DealPatch
from graph.driver import GraphClient
from schema.enums import DealContactRole, DealStage
from schema.errors import InvalidInput
from schema.model import Deal

__all__ = ["CLOSED_PROBABILITY", "DealService"]

CLOSED_PROBABILITY = {DealStage.CLOSED_WON: 1.0, DealStage.CLOSED_LOST: 0.0}


class DealService(EntityService[Deal, DealPatch]):
    """Validated writes of deals, their stages and their contacts."""

    rules = {
        "name": validation.name,
        "amount": validation.amount,
        "currency": validation.currency,
        "stage": not_null,
        "probability": validation.probability,
        "close_date": unchanged,
        "company_uid": unchanged,
        "owner_uid": unchanged,
    }
    required = ("name",)

    def __init__(self, client: GraphClient) -> None:
        self.deals = DealCommands(client)
        self.contacts = ContactCommands(client)
        super().__init__(self.deals)

    def check(self, patch: DealPatch, *, creating: bool) -> DealPatch:
        checked = super().check(patch, creating=creating)
        stage = checked.get("stage")
        if stage not in CLOSED_PROBABILITY:
            return checked
        fixed = CLOSED_PROBABILITY[stage]
        if checked.get("probability", fixed) not in (None, fixed):
            raise InvalidInput(f"must be {fixed} for a {stage} deal", field="probability")
        return {**checked, "probability": fixed}

    async def move_stage(
        self,
        uid: str,
        stage: DealStage,
        *,
        probability: float | None = None,
        expected_version: int | None = None,
    ) -> Deal:
        """Move the deal to ``stage``; the history records when."""
        patch: DealPatch = {"stage": stage}
        if probability is not None:
            patch["probability"] = probability
        checked = self.check(patch, creating=False)
        return await self.deals.move_stage(
            uid,
            stage,
            probability=checked.get("probability"),
            expected_version=validation.expected_version(expected_version),
        )

    async def add_contact(
        self, deal_uid: str, person_uid: str, role: DealContactRole
    ) -> ContactChange:
        """Give the person ``role`` on the deal (adding it again changes nothing)."""
        return await self.contacts.add(deal_uid, person_uid, role)

    async def change_contact_role(
        self, deal_uid: str, person_uid: str, from_role: DealContactRole, to_role: DealContactRole
    ) -> ContactChange:
        """Replace the person's ``from_role`` on the deal by ``to_role``."""
        if from_role == to_role:
            raise InvalidInput("must differ from fromRole", field="to_role")
        return await self.contacts.change_role(deal_uid, person_uid, from_role, to_role)

    async def remove_contact(
        self, deal_uid: str, person_uid: str, role: DealContactRole
    ) -> ContactChange:
        """Take ``role`` on the deal away from the person."""
        return await self.contacts.remove(deal_uid, person_uid, role)
