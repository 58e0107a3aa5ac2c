"""Person commands: create, update, upsert by source key or by email, soft delete, restore."""

from __future__ import annotations

from graph.commands.base import EntityCommands, Params
from graph.commands.outcome import Upserted
from graph.commands.patches import PersonPatch
from graph.driver import Record
from graph.queries.commands import people as queries
from graph.reading.crm.records import person_from
from schema.enums import Label
from schema.keys import person_name_key
from schema.model import Person

__all__ = ["PersonCommands"]

_PROPS = ("full_name", "email", "phone", "title", "department", "seniority", "is_colleague")


class PersonCommands(EntityCommands[Person, PersonPatch]):
    """Versioned writes of people and their Phone links; emails are stored lower-cased."""

    label = Label.PERSON
    required = ("full_name",)
    by_uid = queries.PERSON_BY_UID
    by_source = queries.PERSON_BY_SOURCE
    lifecycle = queries.PERSON_LIFECYCLE

    def props_and_links(self, patch: PersonPatch) -> tuple[Params, Params]:
        props: Params = {key: value for key, value in patch.items() if key in _PROPS}
        if props.get("email") is not None:
            props["email"] = str(props["email"]).strip().lower()
        if "seniority" in props:
            props["seniority"] = str(props["seniority"])
        if props.get("full_name"):
            props["name_key"] = person_name_key(str(props["full_name"]))
        links = {"phone_given": "phone" in patch, "phone": patch.get("phone")}
        return props, links

    def record(self, row: Record) -> Person:
        return person_from(row["props"])

    async def upsert_by_email(self, email: str, patch: PersonPatch) -> Upserted[Person]:
        """Create or update the person with ``email`` (lower-cased)."""
        key = email.strip().lower()
        patch = {**patch, "email": key}
        row = await self.write(queries.PERSON_BY_EMAIL, patch, key_field="email", key=key)
        return self.upserted(row)
