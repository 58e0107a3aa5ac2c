"""Write use cases (the mutations' services): plain classes over the graph commands.

They validate and normalise input (raising :class:`schema.errors.InvalidInput` that names
the field), then call one graph command, whose refusals
(:mod:`graph.commands.errors`) pass through unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass

from api.services.commands.companies import CompanyService
from api.services.commands.deals import DealService
from api.services.commands.interactions import InteractionService
from api.services.commands.merges import MergeService
from api.services.commands.org import OrgCommands
from api.services.commands.people import PersonService
from graph.driver import GraphClient

__all__ = [
    "CommandServices",
    "CompanyService",
    "DealService",
    "InteractionService",
    "MergeService",
    "OrgCommands",
    "PersonService",
]


@dataclass(frozen=True, slots=True)
class CommandServices:
    """The write services of one request, around the app's graph client."""

    companies: CompanyService
    people: PersonService
    deals: DealService
    interactions: InteractionService
    org: OrgCommands
    merges: MergeService

    @classmethod
    def over(cls, client: GraphClient) -> CommandServices:
        """Build every write service on ``client``."""
        return cls(
            companies=CompanyService(client),
            people=PersonService(client),
            deals=DealService(client),
            interactions=InteractionService(client),
            org=OrgCommands(client),
            merges=MergeService(client),
        )
