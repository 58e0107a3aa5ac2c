"""Relay connections: edges with cursors, pageInfo and totalCount."""

from __future__ import annotations

from typing import Generic, TypeVar

import strawberry

__all__ = ["Connection", "Edge", "PageInfo"]

NodeT = TypeVar("NodeT")


@strawberry.type(description="Where this page sits in the whole list.")
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type(description="One item of a page and its cursor.")
class Edge(Generic[NodeT]):
    cursor: str
    node: NodeT


@strawberry.type(description="A page of a list, Relay style.")
class Connection(Generic[NodeT]):
    edges: list[Edge[NodeT]]
    page_info: PageInfo
    total_count: int

    @strawberry.field(description="The nodes of the page, without edges.")
    def nodes(self) -> list[NodeT]:
        return [edge.node for edge in self.edges]
