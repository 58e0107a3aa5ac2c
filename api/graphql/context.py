"""The per-request GraphQL context: what resolvers reach (``Info[Context, None]``).

It is built for each request by :func:`api.graphql.request_context.build_context`. The loader
types are imported for type checking only, so topic modules that define loaders (customers,
org) can import :data:`Info` from here without an import cycle.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from strawberry.types import Info as StrawberryInfo

from api.graphql.loaders import RequestLoaders
from api.services.analytics import AnalyticsService
from api.services.commands import CommandServices
from api.services.crm import CrmService
from api.services.customers import CustomerService
from api.services.links import HiddenLinksService
from api.services.org import OrgService
from api.services.referrals import ReferralService
from api.services.relationships import RelationshipService
from api.services.status import StatusService
from schema.auth import Principal

if TYPE_CHECKING:
    from api.graphql.customers import CustomerInsightLoaders
    from api.graphql.org import CommitteeField

__all__ = ["DEFAULT_MAX_PAGE_SIZE", "Context", "Info"]

DEFAULT_MAX_PAGE_SIZE = 100


@dataclass(slots=True)
class Context:
    """What resolvers reach, built anew for every request: loaders, services, the caller."""

    status: StatusService
    loaders: RequestLoaders
    crm: CrmService
    analytics: AnalyticsService
    commands: CommandServices
    relationships: RelationshipService
    referrals: ReferralService
    org: OrgService
    committees: CommitteeField
    links: HiddenLinksService
    customers: CustomerService
    customer_insights: CustomerInsightLoaders
    principal: Principal | None = None
    request_id: str | None = None


Info = StrawberryInfo[Context, None]
