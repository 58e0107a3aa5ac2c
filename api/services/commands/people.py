"""Person use cases: the field rules, and upserts by email."""

from __future__ import annotations

from api.services.commands import validation
from api.services.commands.entities import EntityService, not_null
from graph.commands.outcome import Upserted
from graph.commands.patches import PersonPatch
from graph.commands.people import PersonCommands
from graph.driver import GraphClient
from schema.errors import InvalidInput
from schema.model import Person

__all__ = ["PersonService"]


class PersonService(EntityService[Person, PersonPatch]):
    """Validated writes of people; emails are unique and lower-cased."""

    rules = {
        "full_name": validation.name,
        "email": validation.email,
        "phone": validation.phone,
        "title": validation.title,
        "department": validation.title,
        "seniority": not_null,
        "is_colleague": not_null,
    }
    required = ("full_name",)

    def __init__(self, client: GraphClient) -> None:
        self.people = PersonCommands(client)
        super().__init__(self.people)

    async def upsert_by_email(self, email: str, patch: PersonPatch) -> Upserted[Person]:
        """Create or update the person with ``email``."""
        key = validation.email(email, "email")
        if key is None:
            raise InvalidInput("must not be empty", field="email")
        checked = self.check(patch, creating=False)
        if checked.get("email", key) != key:
            raise InvalidInput("differs from the email of the upsert", field="email")
        return await self.people.upsert_by_email(key, checked)
