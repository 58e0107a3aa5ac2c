"""The GraphQL schema and its protective extensions."""

from __future__ import annotations

import strawberry
from strawberry.extensions import MaskErrors, MaxAliasesLimiter, QueryDepthLimiter

from api.config import ApiSettings
from api.query import Query

__all__ = ["build_schema"]


def build_schema(settings: ApiSettings) -> strawberry.Schema:
    """Build the schema with error masking, depth and alias limits."""
    return strawberry.Schema(
        query=Query,
        extensions=[
            QueryDepthLimiter(max_depth=settings.max_query_depth),
            MaxAliasesLimiter(max_alias_count=settings.max_aliases),
            MaskErrors(),
        ],
    )
