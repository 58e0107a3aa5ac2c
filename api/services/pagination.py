"""Relay cursor pagination over an ordered list of known size (opaque offset cursors).

>>> plan = plan_page(PageRequest(first=2, after=encode_cursor(0)), total=5, max_size=100)
>>> plan.window, plan.has_previous_page, plan.has_next_page
(PageWindow(skip=1, limit=2), True, True)
>>> plan_page(PageRequest(last=2), total=5, max_size=100).window
PageWindow(skip=3, limit=2)
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass

from schema.errors import InvalidInput
from schema.listing import PageWindow

__all__ = [
    "DEFAULT_PAGE_SIZE",
    "PagePlan",
    "PageRequest",
    "decode_cursor",
    "encode_cursor",
    "plan_page",
]

DEFAULT_PAGE_SIZE = 20
_PREFIX = "offset:"


@dataclass(frozen=True, slots=True, kw_only=True)
class PageRequest:
    """The Relay arguments of a connection field."""

    first: int | None = None
    after: str | None = None
    last: int | None = None
    before: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PagePlan:
    """Which slice to read and what ``pageInfo`` says about it."""

    window: PageWindow
    has_previous_page: bool
    has_next_page: bool


def encode_cursor(offset: int) -> str:
    """The opaque cursor of the item at ``offset``."""
    return base64.b64encode(f"{_PREFIX}{offset}".encode()).decode()


def decode_cursor(cursor: str, *, argument: str) -> int:
    """The offset inside ``cursor``; :class:`InvalidInput` naming ``argument`` otherwise."""
    try:
        text = base64.b64decode(cursor.encode(), validate=True).decode()
        if text.startswith(_PREFIX) and text[len(_PREFIX) :].isdigit():
            return int(text[len(_PREFIX) :])
    except (binascii.Error, UnicodeDecodeError):
        pass
    raise InvalidInput(f"{argument} is not a cursor from this API", field=argument)


def _check_size(value: int | None, *, argument: str, max_size: int) -> None:
    if value is not None and not 0 <= value <= max_size:
        raise InvalidInput(f"{argument} must be between 0 and {max_size}", field=argument)


def plan_page(request: PageRequest, *, total: int, max_size: int) -> PagePlan:
    """Apply after/before, then first/last, as the Relay specification orders them."""
    _check_size(request.first, argument="first", max_size=max_size)
    _check_size(request.last, argument="last", max_size=max_size)
    start, end = 0, total
    if request.after is not None:
        start = min(decode_cursor(request.after, argument="after") + 1, total)
    if request.before is not None:
        end = max(min(decode_cursor(request.before, argument="before"), total), start)
    first = request.first
    if first is None and request.last is None:
        first = min(DEFAULT_PAGE_SIZE, max_size)
    if first is not None:
        end = min(end, start + first)
    if request.last is not None:
        start = max(start, end - request.last)
    return PagePlan(
        window=PageWindow(skip=start, limit=end - start),
        has_previous_page=start > 0,
        has_next_page=end < total,
    )
