"""The GraphQL schema and its protective extensions."""

from __future__ import annotations

import strawberry
from strawberry.extensions import MaskErrors, MaxAliasesLimiter, QueryDepthLimiter

from api.config import ApiSettings
from api.graphql.errors import TypedInputErrors, should_mask
from api.graphql.mutation import Mutation
from api.graphql.query import Query
from api.http.cost_limit import QueryCostLimiter

__all__ = ["build_schema"]


def build_schema(settings: ApiSettings) -> strawberry.Schema:
    """Build the schema with error masking, depth and alias limits."""
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        # Factories, not instances: each request gets fresh extensions.
        extensions=[
            lambda: QueryDepthLimiter(max_depth=settings.max_query_depth),
            lambda: MaxAliasesLimiter(max_alias_count=settings.max_aliases),
            lambda: QueryCostLimiter(max_cost=settings.max_query_cost),
            lambda: MaskErrors(should_mask_error=should_mask),
            TypedInputErrors,
        ],
    )
