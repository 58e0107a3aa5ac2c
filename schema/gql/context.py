"""What GraphQL types may reach on the request context: the per-request DataLoaders, and
the answers of nested intelligence fields and the communities of related accounts.

Declared here as Protocols so that schema/ never imports api/; api/graphql/context.py provides them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from strawberry.dataloader import DataLoader

from schema.gql.intelligence.customer_insights import InsightKey, Lifecycle, Rfm
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
from schema.reading.links import CommunityFacts
from schema.reading.referrals import PersonTie

if TYPE_CHECKING:
    from schema.gql.intelligence.committee import BuyingCommittee

__all__ = [
    "AccountLinks",
    "CommitteeSource",
    "CustomerInsights",
    "HasCommittees",
    "HasCustomerInsights",
    "HasLinks",
    "HasLoaders",
    "HasTies",
    "Loaders",
    "TieLister",
]


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


class TieLister(Protocol):
    """Lists a person's strongest KNOWS ties (the relationship service)."""

    async def ties_of(
        self, uid: str, *, first: int, min_strength: float | None, colleagues_only: bool
    ) -> list[PersonTie]: ...


class HasTies(Protocol):
    """A request context carrying the relationship service."""

    @property
    def relationships(self) -> TieLister: ...


class CommitteeSource(Protocol):
    """Answers ``Deal.buyingCommittee``."""

    async def of_deal(self, deal_uid: str) -> BuyingCommittee | None: ...


class HasCommittees(HasLoaders, Protocol):
    """A request context that also answers buying committees."""

    @property
    def committees(self) -> CommitteeSource: ...


class AccountLinks(Protocol):
    """Hidden account links, as nested fields need them."""

    async def community_of(self, company_uid: str) -> CommunityFacts | None: ...


class HasLinks(HasLoaders, Protocol):
    """A request context carrying :class:`Loaders` and :class:`AccountLinks`."""

    @property
    def links(self) -> AccountLinks: ...


class CustomerInsights(Protocol):
    """Per-request batch loaders of Company.rfm and Company.lifecycle."""

    rfm: DataLoader[InsightKey, Rfm | None]
    lifecycle: DataLoader[InsightKey, Lifecycle | None]


class HasCustomerInsights(Protocol):
    """A request context carrying :class:`CustomerInsights`."""

    @property
    def customer_insights(self) -> CustomerInsights: ...
