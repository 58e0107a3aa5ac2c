"""Interaction use cases: log one (at least one participant), change it."""

from __future__ import annotations

from typing import Any

from api.services.commands import validation
from api.services.commands.entities import EntityService, not_null, unchanged
from graph.commands.interactions import InteractionCommands
from graph.commands.patches import InteractionPatch
from graph.driver import GraphClient
from schema.errors import InvalidInput
from schema.model import Interaction, Participation

__all__ = ["InteractionService"]


def _participants(value: Any, field: str) -> tuple[Participation, ...]:
    unique = tuple(dict.fromkeys(value or ()))
    if not unique:
        raise InvalidInput("needs at least one participant", field=field)
    return unique


def _moment(value: Any, field: str) -> Any:
    return validation.moment(not_null(value, field), field)


class InteractionService(EntityService[Interaction, InteractionPatch]):
    """Validated writes of interactions, their participants and their deal."""

    rules = {
        "kind": not_null,
        "occurred_at": _moment,
        "subject": validation.subject,
        "deal_uid": unchanged,
        "participants": _participants,
    }
    required = ("kind", "occurred_at", "participants")

    def __init__(self, client: GraphClient) -> None:
        super().__init__(InteractionCommands(client))
