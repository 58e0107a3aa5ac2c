"""DataLoaders built anew for every request: one batched query per loader per tick."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from strawberry.dataloader import DataLoader

from graph.driver import GraphClient
from graph.reading.crm.entities import EntityReader
from graph.reading.crm.relations import RelationReader
from schema.model import (
    Company,
    Deal,
    DealContact,
    Employment,
    Interaction,
    Participation,
    Person,
    ReportingLine,
)

__all__ = ["RequestLoaders", "build_loaders"]

V = TypeVar("V")


def _by_key(
    fetch: Callable[[Sequence[str]], Awaitable[Mapping[str, V]]],
) -> Callable[[list[str]], Awaitable[list[V | None]]]:
    async def load(keys: list[str]) -> list[V | None]:
        found = await fetch(keys)
        return [found.get(key) for key in keys]

    return load


def _lists(
    fetch: Callable[[Sequence[str]], Awaitable[Mapping[str, list[V]]]],
) -> Callable[[list[str]], Awaitable[list[list[V]]]]:
    async def load(keys: list[str]) -> list[list[V]]:
        found = await fetch(keys)
        return [list(found.get(key, [])) for key in keys]

    return load


@dataclass(slots=True)
class RequestLoaders:
    """The loaders of one request (satisfies ``schema.gql.context.Loaders``)."""

    company: DataLoader[str, Company | None]
    person: DataLoader[str, Person | None]
    deal: DataLoader[str, Deal | None]
    interaction: DataLoader[str, Interaction | None]
    employments_of_person: DataLoader[str, list[Employment]]
    employments_at_company: DataLoader[str, list[Employment]]
    managers_of: DataLoader[str, list[ReportingLine]]
    reports_of: DataLoader[str, list[ReportingLine]]
    parent_of: DataLoader[str, list[str]]
    subsidiaries_of: DataLoader[str, list[str]]
    owners_of: DataLoader[str, list[str]]
    deals_of_company: DataLoader[str, list[str]]
    contacts_of_deal: DataLoader[str, list[DealContact]]
    deal_roles_of_person: DataLoader[str, list[DealContact]]
    participants_of: DataLoader[str, list[Participation]]
    recent_interactions_of: DataLoader[tuple[str, int], list[str]]


def build_loaders(client: GraphClient) -> RequestLoaders:
    """Fresh loaders over ``client``; nothing is shared between requests."""
    entities, relations = EntityReader(client), RelationReader(client)
    return RequestLoaders(
        company=DataLoader(_by_key(entities.companies)),
        person=DataLoader(_by_key(entities.people)),
        deal=DataLoader(_by_key(entities.deals)),
        interaction=DataLoader(_by_key(entities.interactions)),
        employments_of_person=DataLoader(_lists(relations.employments_of_people)),
        employments_at_company=DataLoader(_lists(relations.employments_at_companies)),
        managers_of=DataLoader(_lists(relations.managers_of)),
        reports_of=DataLoader(_lists(relations.reports_of)),
        parent_of=DataLoader(_lists(relations.parents_of)),
        subsidiaries_of=DataLoader(_lists(relations.subsidiaries_of)),
        owners_of=DataLoader(_lists(relations.owners_of)),
        deals_of_company=DataLoader(_lists(relations.deals_of_companies)),
        contacts_of_deal=DataLoader(_lists(relations.contacts_of_deals)),
        deal_roles_of_person=DataLoader(_lists(relations.deal_roles_of_people)),
        participants_of=DataLoader(_lists(relations.participants_of)),
        recent_interactions_of=DataLoader(_recent(relations)),
    )


def _recent(
    relations: RelationReader,
) -> Callable[[list[tuple[str, int]]], Awaitable[list[list[str]]]]:
    # Keys are (company uid, limit): one query for the batch, at the largest limit asked.
    async def load(keys: list[tuple[str, int]]) -> list[list[str]]:
        cap = max(limit for _, limit in keys)
        found = await relations.recent_interactions_of(sorted({uid for uid, _ in keys}), cap=cap)
        return [found.get(uid, [])[:limit] for uid, limit in keys]

    return load
