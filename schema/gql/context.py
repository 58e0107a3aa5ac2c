"""What GraphQL types may reach on the request context: the per-request DataLoaders, and
the communities of related accounts.

Declared here as a Protocol so that schema/ never imports api/; api/context.py provides it.
"""

from __future__ import annotations

from typing import Protocol

from strawberry.dataloader import DataLoader

from schema.links import CommunityFacts
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

__all__ = ["AccountLinks", "HasLinks", "HasLoaders", "Loaders"]


class Loaders(Protocol):
    """Per-request batch loaders, keyed by uid."""

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


class HasLoaders(Protocol):
    """A request context carrying :class:`Loaders`."""

    @property
    def loaders(self) -> Loaders: ...


class AccountLinks(Protocol):
    """Hidden account links, as nested fields need them."""

    async def community_of(self, company_uid: str) -> CommunityFacts | None: ...


class HasLinks(HasLoaders, Protocol):
    """A request context carrying :class:`Loaders` and :class:`AccountLinks`."""

    @property
    def links(self) -> AccountLinks: ...
