"""Build the context of one request around the app's single driver and result cache."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from api.graphql.context import DEFAULT_MAX_PAGE_SIZE, Context
from api.graphql.customers import CustomerInsightLoaders
from api.graphql.loaders import build_loaders
from api.graphql.org import CommitteeField
from api.services.analytics import AnalyticsService
from api.services.commands import CommandServices
from api.services.crm import CrmService
from api.services.customers import CustomerService
from api.services.links import HiddenLinksService
from api.services.org import OrgService
from api.services.referrals import ReferralService
from api.services.relationships import RelationshipService
from api.services.result_cache import RequestMarker, ResultCache
from api.services.status import StatusService
from graph.driver import GraphClient
from graph.projection.followed import FollowedOrgReader, FollowedReferralReader
from graph.projection.followed_intel import FollowedCommitteeReader, FollowedLinkProjection
from graph.projection.follower import ProjectionFollower
from graph.reading.change_marker import ChangeMarkerReader
from schema.auth import Principal
from schema.money import DEFAULT_FX_RATES, FxRates

__all__ = ["build_context"]


def _marker_reader(
    client: GraphClient, follower: ProjectionFollower | None
) -> Callable[[], Awaitable[str | None]]:
    """The result cache's change marker: while a resident projection serves, the change
    feed entry it has applied (read-your-writes, no round trip when nothing changed, see
    :meth:`ProjectionFollower.current`); otherwise the database's bookmark."""
    bookmark = ChangeMarkerReader(client).read

    async def read() -> str | None:
        if follower is not None and await follower.current() is not None:
            return follower.marker()
        return await bookmark()

    return read


def build_context(
    client: GraphClient,
    *,
    principal: Principal | None = None,
    request_id: str | None = None,
    max_page_size: int = DEFAULT_MAX_PAGE_SIZE,
    results: ResultCache | None = None,
    fx_rates: FxRates = DEFAULT_FX_RATES,
    follower: ProjectionFollower | None = None,
) -> Context:
    """Build a request's context around the app's graph client (and the app's cache of
    expensive results: without one, nothing outlives the request)."""
    loaders = build_loaders(client)
    results = results if results is not None else ResultCache()
    marker = RequestMarker(_marker_reader(client, follower))
    org_reader = FollowedOrgReader(client, follower) if follower is not None else None
    committees = FollowedCommitteeReader(client, follower) if follower is not None else None
    org = OrgService(client, cache=results, marker=marker, reader=org_reader, committees=committees)
    link_projection = FollowedLinkProjection(client, follower) if follower is not None else None
    referral_reader = FollowedReferralReader(client, follower) if follower is not None else None
    customers = CustomerService(client, fx=fx_rates)
    return Context(
        status=StatusService(client),
        loaders=loaders,
        crm=CrmService(client, loaders, max_page_size=max_page_size),
        analytics=AnalyticsService(client),
        commands=CommandServices.over(client),
        relationships=RelationshipService(client, loaders),
        referrals=ReferralService(
            client, loaders, reader=referral_reader, cache=results, marker=marker
        ),
        org=org,
        committees=CommitteeField(org),
        links=HiddenLinksService(client, cache=results, marker=marker, projection=link_projection),
        customers=customers,
        customer_insights=CustomerInsightLoaders(customers),
        principal=principal,
        request_id=request_id,
    )
