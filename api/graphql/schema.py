"""The GraphQL schema and its protective extensions."""

from __future__ import annotations

import strawberry
from graphql import GraphQLError
from strawberry.extensions import MaskErrors, MaxAliasesLimiter, QueryDepthLimiter
from strawberry.types import ExecutionContext

from api.config import ApiSettings
from api.graphql.errors import TypedErrors, log_error, should_mask
from api.graphql.mutation import Mutation
from api.graphql.query import Query
from api.http.cost_limit import QueryCostLimiter

__all__ = ["RelgraphSchema", "build_schema"]


class RelgraphSchema(strawberry.Schema):
    """The schema, logging each error by its kind (:func:`api.graphql.errors.log_error`)."""

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        for error in errors:
            log_error(error, execution_context)


def build_schema(settings: ApiSettings) -> strawberry.Schema:
    """Build the schema with error masking, typed errors, depth, alias and cost limits."""
    return RelgraphSchema(
        query=Query,
        mutation=Mutation,
        # Factories, not instances: each request gets fresh extensions. Their after-operation
        # steps run last to first: errors are typed, then the rest masked.
        extensions=[
            lambda: QueryDepthLimiter(max_depth=settings.max_query_depth),
            lambda: MaxAliasesLimiter(max_alias_count=settings.max_aliases),
            lambda: QueryCostLimiter(max_cost=settings.max_query_cost),
            lambda: MaskErrors(should_mask_error=should_mask),
            TypedErrors,
        ],
    )
