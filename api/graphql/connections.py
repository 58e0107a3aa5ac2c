"""Turn service pages into GraphQL connections."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from api.services.crm import Page
from schema.gql.connection import Connection, Edge, PageInfo

__all__ = ["to_connection"]

RecordT = TypeVar("RecordT")
NodeT = TypeVar("NodeT")


def to_connection(page: Page[RecordT], convert: Callable[[RecordT], NodeT]) -> Connection[NodeT]:
    """A Relay connection of ``page``, each record converted by ``convert``."""
    edges = [Edge(cursor=cursor, node=convert(record)) for cursor, record in page.items]
    info = PageInfo(
        has_next_page=page.has_next_page,
        has_previous_page=page.has_previous_page,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return Connection(edges=edges, page_info=info, total_count=page.total)
