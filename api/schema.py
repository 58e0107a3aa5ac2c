"""The GraphQL schema and its protective extensions."""

from __future__ import annotations

import strawberry
from graphql import GraphQLError
from strawberry.extensions import MaskErrors, MaxAliasesLimiter, QueryDepthLimiter

from api.config import ApiSettings
from api.query import Query

__all__ = ["build_schema"]


def build_schema(settings: ApiSettings) -> strawberry.Schema:
    """Build the schema with error masking, depth and alias limits."""
    return strawberry.Schema(
        query=Query,
        # Factories, not instances: each request gets fresh extensions.
        extensions=[
            lambda: QueryDepthLimiter(max_depth=settings.max_query_depth),
            lambda: MaxAliasesLimiter(max_alias_count=settings.max_aliases),
            lambda: MaskErrors(should_mask_error=_raised_behind_a_field),
        ],
    )


def _raised_behind_a_field(error: GraphQLError) -> bool:
    # Syntax, validation and limit errors describe the request and stay visible; anything a
    # resolver raised is hidden from the client (and logged by strawberry).
    return error.original_error is not None
