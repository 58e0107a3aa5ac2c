"""Buying-committee commands: add, re-role and remove a deal's contacts (INVOLVED_IN).

Each change touches the deal and the person (an add only when the role is new).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from graph.commands.outcome import new_provenance, run_command
from graph.driver import GraphClient, Record
from graph.queries.commands import contacts as queries
from graph.reading.crm.records import deal_from
from schema.changes import Touched, touched
from schema.enums import DealContactRole
from schema.model import Deal

__all__ = ["ContactChange", "ContactCommands"]


@dataclass(frozen=True, slots=True)
class ContactChange:
    """The deal after the change; ``created`` is False when an added role existed already."""

    deal: Deal
    created: bool = False


def _deal(row: Record) -> Deal:
    return deal_from(row["props"], company_uid=row["company_uid"], owner_uid=row["owner_uid"])


def _both(deal_uid: str, person_uid: str) -> Callable[[Record, Record | None], Touched]:
    def touches(row: Record, _before: Record | None) -> Touched:
        if row.get("created") is False:
            return Touched()
        return touched(deals=[deal_uid], people=[person_uid])

    return touches


class ContactCommands:
    """Roles of people on deals; a new edge gets source ``api`` and a fresh source id."""

    def __init__(self, client: GraphClient) -> None:
        self.client = client

    async def add(self, deal_uid: str, person_uid: str, role: DealContactRole) -> ContactChange:
        """Give the person ``role`` on the deal (idempotent)."""
        row = await run_command(
            self.client,
            queries.ADD_DEAL_CONTACT,
            {
                "deal_uid": deal_uid,
                "person_uid": person_uid,
                "role": str(role),
                "source_id": new_provenance().source_id,
            },
            touches=_both(deal_uid, person_uid),
        )
        return ContactChange(_deal(row), created=bool(row["created"]))

    async def change_role(
        self,
        deal_uid: str,
        person_uid: str,
        from_role: DealContactRole,
        to_role: DealContactRole,
    ) -> ContactChange:
        """Replace the person's ``from_role`` on the deal by ``to_role``."""
        row = await run_command(
            self.client,
            queries.CHANGE_DEAL_CONTACT_ROLE,
            {
                "deal_uid": deal_uid,
                "person_uid": person_uid,
                "from_role": str(from_role),
                "to_role": str(to_role),
                "source_id": new_provenance().source_id,
            },
            touches=_both(deal_uid, person_uid),
        )
        return ContactChange(_deal(row), created=True)

    async def remove(self, deal_uid: str, person_uid: str, role: DealContactRole) -> ContactChange:
        """Take ``role`` on the deal away from the person."""
        row = await run_command(
            self.client,
            queries.REMOVE_DEAL_CONTACT,
            {"deal_uid": deal_uid, "person_uid": person_uid, "role": str(role)},
            touches=_both(deal_uid, person_uid),
        )
        return ContactChange(_deal(row))
