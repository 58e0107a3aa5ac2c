"""Root query fields: one-line resolvers that call a service."""

from __future__ import annotations

import strawberry

from api.graphql.analytics import AnalyticsQuery
from api.graphql.context import Info
from api.graphql.crm import CrmQuery
from api.graphql.customers import CustomersQuery
from api.graphql.links import LinksQuery
from api.graphql.org import OrgQuery
from api.graphql.referrals import ReferralQuery
from api.graphql.relationships import RelationshipQuery
from api.services.status import relgraph_version
from schema.types import GraphCounts, Health, Version

__all__ = ["Query"]


@strawberry.type
class Query(
    CrmQuery,
    AnalyticsQuery,
    RelationshipQuery,
    ReferralQuery,
    OrgQuery,
    LinksQuery,
    CustomersQuery,
):
    @strawberry.field(description="Whether the API and its database answer.")
    async def health(self, info: Info) -> Health:
        reachable = await info.context.status.database_reachable()
        return Health(ok=reachable, database_reachable=reachable)

    @strawberry.field(description="Versions of Relgraph and Neo4j.")
    async def version(self, info: Info) -> Version:
        return Version.from_model(relgraph_version(), await info.context.status.server())

    @strawberry.field(description="Nodes per label and relationships per type.")
    async def counts(self, info: Info) -> GraphCounts:
        return GraphCounts.from_model(await info.context.status.counts())
