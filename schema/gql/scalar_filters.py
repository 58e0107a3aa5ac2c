"""Per-type operator inputs (``eq``, ``in``, ``gt``, ``contains``, ``isNull``...)."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

import strawberry

from schema.gql import enums  # the strawberry-registered enums
from schema.listing import Condition, Op

__all__ = [
    "BooleanFilter",
    "DateFilter",
    "DateTimeFilter",
    "DealContactRoleFilter",
    "DealStageFilter",
    "EmploymentRoleFilter",
    "FloatFilter",
    "InteractionKindFilter",
    "SeniorityFilter",
    "StringFilter",
    "conditions",
]

_OPS = {
    "eq": Op.EQ,
    "neq": Op.NEQ,
    "in_": Op.IN,
    "gt": Op.GT,
    "gte": Op.GTE,
    "lt": Op.LT,
    "lte": Op.LTE,
    "contains": Op.CONTAINS,
    "starts_with": Op.STARTS_WITH,
    "is_null": Op.IS_NULL,
}


def conditions(operators: Any, field: StrEnum) -> list[Condition]:
    """The conditions an operator input sets on ``field`` (None inputs set none)."""
    if operators is None:
        return []
    found: list[Condition] = []
    for attribute, op in _OPS.items():
        value = getattr(operators, attribute, None)
        if value is not None:
            found.append(Condition(field, op, list(value) if op is Op.IN else value))
    return found


@strawberry.input(
    description="Text comparisons; contains and startsWith ignore case, the "
    "range operators compare in code-point order."
)
class StringFilter:
    eq: str | None = None
    neq: str | None = None
    in_: list[str] | None = strawberry.field(default=None, name="in")
    gt: str | None = None
    gte: str | None = None
    lt: str | None = None
    lte: str | None = None
    contains: str | None = None
    starts_with: str | None = None
    is_null: bool | None = None


@strawberry.input(description="Number comparisons.")
class FloatFilter:
    eq: float | None = None
    neq: float | None = None
    in_: list[float] | None = strawberry.field(default=None, name="in")
    gt: float | None = None
    gte: float | None = None
    lt: float | None = None
    lte: float | None = None
    is_null: bool | None = None


@strawberry.input(description="Date comparisons (ISO 8601 dates).")
class DateFilter:
    eq: date | None = None
    neq: date | None = None
    gt: date | None = None
    gte: date | None = None
    lt: date | None = None
    lte: date | None = None
    is_null: bool | None = None


@strawberry.input(description="Date-time comparisons (ISO 8601 with offset).")
class DateTimeFilter:
    gt: datetime | None = None
    gte: datetime | None = None
    lt: datetime | None = None
    lte: datetime | None = None
    is_null: bool | None = None


@strawberry.input(description="Boolean comparisons.")
class BooleanFilter:
    eq: bool | None = None
    is_null: bool | None = None


@strawberry.input
class SeniorityFilter:
    eq: enums.Seniority | None = None
    neq: enums.Seniority | None = None
    in_: list[enums.Seniority] | None = strawberry.field(default=None, name="in")
    is_null: bool | None = None


@strawberry.input
class DealStageFilter:
    eq: enums.DealStage | None = None
    neq: enums.DealStage | None = None
    in_: list[enums.DealStage] | None = strawberry.field(default=None, name="in")


@strawberry.input
class DealContactRoleFilter:
    eq: enums.DealContactRole | None = None
    neq: enums.DealContactRole | None = None
    in_: list[enums.DealContactRole] | None = strawberry.field(default=None, name="in")


@strawberry.input
class EmploymentRoleFilter:
    eq: enums.EmploymentRole | None = None
    neq: enums.EmploymentRole | None = None
    in_: list[enums.EmploymentRole] | None = strawberry.field(default=None, name="in")


@strawberry.input
class InteractionKindFilter:
    eq: enums.InteractionKind | None = None
    neq: enums.InteractionKind | None = None
    in_: list[enums.InteractionKind] | None = strawberry.field(default=None, name="in")
