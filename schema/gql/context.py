"""What GraphQL types may reach on the request context: the per-request DataLoaders.

Declared here as a Protocol so that schema/ never imports api/; api/context.py provides it.
"""

from __future__ import annotations

from typing import Protocol

from strawberry.dataloader import DataLoader

from schema.gql.customer_insights import InsightKey, Lifecycle, Rfm
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

__all__ = ["CustomerInsights", "HasCustomerInsights", "HasLoaders", "Loaders"]


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


class CustomerInsights(Protocol):
    """Per-request batch loaders of Company.rfm and Company.lifecycle."""

    rfm: DataLoader[InsightKey, Rfm | None]
    lifecycle: DataLoader[InsightKey, Lifecycle | None]


class HasCustomerInsights(Protocol):
    """A request context carrying :class:`CustomerInsights`."""

    @property
    def customer_insights(self) -> CustomerInsights: ...
