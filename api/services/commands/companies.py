"""Company use cases: the field rules, and upserts by domain."""

from __future__ import annotations

from api.services.commands import validation
from api.services.commands.entities import EntityService
from graph.commands.companies import CompanyCommands
from graph.commands.outcome import Upserted
from graph.commands.patches import CompanyPatch
from graph.driver import GraphClient
from schema.errors import InvalidInput
from schema.model import Company

__all__ = ["CompanyService"]


class CompanyService(EntityService[Company, CompanyPatch]):
    """Validated writes of companies; domains are unique among live companies."""

    rules = {
        "name": validation.name,
        "domain": validation.domain,
        "industry": validation.title,
        "address": validation.text,
        "phone": validation.phone,
    }
    required = ("name",)

    def __init__(self, client: GraphClient) -> None:
        self.companies = CompanyCommands(client)
        super().__init__(self.companies)

    async def upsert_by_domain(self, domain: str, patch: CompanyPatch) -> Upserted[Company]:
        """Create or update the live company with ``domain``."""
        key = validation.domain(domain, "domain")
        if key is None:
            raise InvalidInput("must not be empty", field="domain")
        checked = self.check(patch, creating=False)
        if checked.get("domain", key) != key:
            raise InvalidInput("differs from the domain of the upsert", field="domain")
        return await self.companies.upsert_by_domain(key, checked)
