"""The per-request GraphQL context: services bound to the app's single driver."""

from __future__ import annotations

from dataclasses import dataclass

from strawberry.types import Info as StrawberryInfo

from api.services.status import StatusService
from graph.driver import GraphClient
from schema.auth import Principal

__all__ = ["Context", "Info", "build_context"]


@dataclass(slots=True)
class Context:
    """What resolvers reach: services, built anew for every request, and the caller."""

    status: StatusService
    principal: Principal | None = None
    request_id: str | None = None


Info = StrawberryInfo[Context, None]


def build_context(
    client: GraphClient, *, principal: Principal | None = None, request_id: str | None = None
) -> Context:
    """Build a request's context around the app's graph client."""
    return Context(status=StatusService(client), principal=principal, request_id=request_id)
