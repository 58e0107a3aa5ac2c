"""Company commands: create, update, upsert by source key or by domain, soft delete, restore.

Companies may share a domain when an import says so (subsidiaries often do), but the API
keeps domains unique among live companies: a write that would give a live company the
domain of another live one is a :class:`~graph.commands.errors.KeyConflict` on ``domain``.
"""

from __future__ import annotations

from graph.commands.base import EntityCommands, Params
from graph.commands.outcome import Upserted
from graph.commands.patches import CompanyPatch
from graph.driver import Record
from graph.queries.commands import companies as queries
from graph.reading.crm.records import company_from
from graph.writing.rows import normalise_domain
from schema.addresses import address_key
from schema.enums import Label
from schema.keys import company_name_key
from schema.model import Company

__all__ = ["CompanyCommands"]

_PROPS = ("name", "domain", "industry", "address", "phone")


class CompanyCommands(EntityCommands[Company, CompanyPatch]):
    """Versioned writes of companies and their Domain, Address and Phone links."""

    label = Label.COMPANY
    required = ("name",)
    by_uid = queries.COMPANY_BY_UID
    by_source = queries.COMPANY_BY_SOURCE
    lifecycle = queries.COMPANY_LIFECYCLE

    def props_and_links(self, patch: CompanyPatch) -> tuple[Params, Params]:
        props: Params = {key: value for key, value in patch.items() if key in _PROPS}
        if "domain" in props:
            props["domain"] = normalise_domain(props["domain"])
        if props.get("name"):
            props["name_key"] = company_name_key(str(props["name"]))
        links = {
            "domain_given": "domain" in patch,
            "domain": props.get("domain"),
            "address_given": "address" in patch,
            "address_key": address_key(patch.get("address")),
            "address": patch.get("address"),
            "phone_given": "phone" in patch,
            "phone": patch.get("phone"),
        }
        return props, links

    def record(self, row: Record) -> Company:
        return company_from(row["props"])

    async def upsert_by_domain(self, domain: str, patch: CompanyPatch) -> Upserted[Company]:
        """Create or update the live company with ``domain`` (normalised)."""
        key = normalise_domain(domain)
        patch = {**patch, "domain": key}
        row = await self.write(queries.COMPANY_BY_DOMAIN, patch, key_field="domain", key=key)
        return self.upserted(row)
