"""Interaction commands: log (create), update, upsert by source key, soft delete, restore."""

from __future__ import annotations

from graph.commands.base import EntityCommands, Params
from graph.commands.patches import InteractionPatch
from graph.driver import Record
from graph.queries.commands import interactions as queries
from graph.reading.crm.records import interaction_from
from graph.writing.touches import own, touched_from
from schema.changes import Touched, touched
from schema.enums import Label
from schema.model import Interaction

__all__ = ["InteractionCommands"]

_PROPS = ("kind", "occurred_at", "subject")


class InteractionCommands(EntityCommands[Interaction, InteractionPatch]):
    """Versioned writes of interactions, their participants and their ABOUT deal."""

    label = Label.INTERACTION
    required = ("kind", "occurred_at", "participants")
    by_uid = queries.INTERACTION_BY_UID
    by_source = queries.INTERACTION_BY_SOURCE
    lifecycle = queries.INTERACTION_LIFECYCLE
    links_before = queries.INTERACTION_LINKS

    def props_and_links(self, patch: InteractionPatch) -> tuple[Params, Params]:
        props: Params = {key: value for key, value in patch.items() if key in _PROPS}
        if props.get("kind") is not None:
            props["kind"] = str(props["kind"])
        participants = patch.get("participants") or ()
        links = {
            "deal_given": "deal_uid" in patch,
            "deal_uid": patch.get("deal_uid"),
            "participants_given": "participants" in patch,
            "participants": [
                {"person_uid": p.person_uid, "role": str(p.role)} for p in participants
            ],
        }
        return props, links

    def touches(self, row: Record, before: Record | None, links: Params) -> Touched:
        """The interaction, its participants and ABOUT deal before and after the write."""
        now = touched(
            people=[p["person_uid"] for p in links["participants"]], deals=[row["deal_uid"]]
        )
        return own(Label.INTERACTION, str(row["props"]["uid"])) | touched_from(before) | now

    def record(self, row: Record) -> Interaction:
        return interaction_from(row["props"], deal_uid=row["deal_uid"])
