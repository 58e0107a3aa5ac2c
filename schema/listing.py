"""Filters, ordering and page windows of list queries, independent of GraphQL and Cypher.

A filter is a tree: :class:`Condition` leaves on a named field of the entity, joined by
:class:`AllOf`, :class:`AnyOf` and :class:`Negation`, plus :class:`Related` nodes that test a
related entity (the people's current company, a deal's contacts). Field names are closed
enums per entity, so nothing a client sends ever becomes query text.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

__all__ = [
    "AllOf",
    "AnyOf",
    "Condition",
    "Filter",
    "Negation",
    "NullsPlacement",
    "Op",
    "OrderKey",
    "PageWindow",
    "Related",
    "SortDirection",
]


class Op(StrEnum):
    """Comparison operators of a condition."""

    EQ = "eq"
    NEQ = "neq"
    IN = "in"
    GT = "gt"
    GTE = "gte"
    LT = "lt"
    LTE = "lte"
    CONTAINS = "contains"
    STARTS_WITH = "starts_with"
    IS_NULL = "is_null"


@dataclass(frozen=True, slots=True)
class Condition:
    """``field op value``; for IS_NULL the value is a bool (True: must be null)."""

    field: StrEnum
    op: Op
    value: Any


@dataclass(frozen=True, slots=True)
class AllOf:
    """Every part holds (and)."""

    parts: tuple[Filter, ...]


@dataclass(frozen=True, slots=True)
class AnyOf:
    """At least one part holds (or)."""

    parts: tuple[Filter, ...]


@dataclass(frozen=True, slots=True)
class Negation:
    """The part does not hold (not)."""

    part: Filter


@dataclass(frozen=True, slots=True)
class Related:
    """Some related entity, reached through ``relation``, satisfies ``filter``."""

    relation: StrEnum
    filter: Filter


Filter = Condition | AllOf | AnyOf | Negation | Related


class SortDirection(StrEnum):
    """Ascending or descending."""

    ASC = "asc"
    DESC = "desc"


class NullsPlacement(StrEnum):
    """Where missing values sort."""

    FIRST = "first"
    LAST = "last"


@dataclass(frozen=True, slots=True)
class OrderKey:
    """One sort key of an ordering."""

    field: StrEnum
    direction: SortDirection = SortDirection.ASC
    nulls: NullsPlacement = NullsPlacement.LAST


@dataclass(frozen=True, slots=True)
class PageWindow:
    """The slice ``[skip, skip + limit)`` of the ordered result."""

    skip: int
    limit: int
