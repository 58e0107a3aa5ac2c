"""Deal commands: create, update, move stage, upsert by source key, soft delete, restore.

The stage history is kept on the deal (see :mod:`graph.queries.commands.deals`); buying
committee changes are in :mod:`graph.commands.contacts`.
"""

from __future__ import annotations

from graph.commands.base import EntityCommands, Params
from graph.commands.patches import DealPatch
from graph.driver import Record
from graph.queries.commands import deals as queries
from graph.reading.crm.records import deal_from
from graph.writing.touches import own
from schema.changes import Touched, touched
from schema.enums import DealStage, Label
from schema.model import Deal

__all__ = ["DealCommands"]

_PROPS = ("name", "amount", "currency", "probability", "close_date")


class DealCommands(EntityCommands[Deal, DealPatch]):
    """Versioned writes of deals, their FOR company, OWNS owner and stage history."""

    label = Label.DEAL
    required = ("name",)
    by_uid = queries.DEAL_BY_UID
    by_source = queries.DEAL_BY_SOURCE
    lifecycle = queries.DEAL_LIFECYCLE
    links_before = queries.DEAL_LINKS

    def props_and_links(self, patch: DealPatch) -> tuple[Params, Params]:
        props: Params = {key: value for key, value in patch.items() if key in _PROPS}
        stage = patch.get("stage")
        links = {
            "stage": str(stage) if stage is not None else None,
            "company_given": "company_uid" in patch,
            "company_uid": patch.get("company_uid"),
            "owner_given": "owner_uid" in patch,
            "owner_uid": patch.get("owner_uid"),
        }
        return props, links

    def touches(self, row: Record, before: Record | None, links: Params) -> Touched:
        """The deal; with a new FOR company, the old and new ones; with a new owner, the
        old and new ones."""
        found = own(Label.DEAL, str(row["props"]["uid"]))
        was = before or {}
        if links["company_given"]:
            found |= touched(companies=[row["company_uid"], *(was.get("companies") or ())])
        if links["owner_given"]:
            found |= touched(people=[row["owner_uid"], *(was.get("people") or ())])
        return found

    def record(self, row: Record) -> Deal:
        return deal_from(row["props"], company_uid=row["company_uid"], owner_uid=row["owner_uid"])

    async def move_stage(
        self,
        uid: str,
        stage: DealStage,
        *,
        probability: float | None = None,
        expected_version: int | None = None,
    ) -> Deal:
        """Move a deal to ``stage`` (a no-op on the history if it is there already); an
        unknown deal is not found on ``deal_id``."""
        patch: DealPatch = {"stage": stage}
        if probability is not None:
            patch["probability"] = probability
        return await self.update(uid, patch, expected_version=expected_version, id_field="deal_id")
