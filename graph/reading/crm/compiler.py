"""Compile filter trees and orderings into Cypher ``WHERE`` and ``ORDER BY`` text.

Identifiers come only from :mod:`graph.reading.crm.specs` and fixed variable names; every value a
client supplies becomes a ``$parameter``. Nesting of relations is bounded by ``MAX_DEPTH``.

>>> from graph.reading.crm.specs import PERSON
>>> from schema.fields import PersonField
>>> from schema.listing import Condition, Op
>>> where, params = compile_filter(Condition(PersonField.TITLE, Op.CONTAINS, "cfo"), PERSON)
>>> where, params
('toLower(n.title) CONTAINS toLower($f0)', {'f0': 'cfo'})
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from enum import Enum, StrEnum
from typing import Any

from graph.reading.crm.specs import SPECS, EntitySpec
from schema.listing import (
    AllOf,
    AnyOf,
    Condition,
    Filter,
    Negation,
    NullsPlacement,
    Op,
    OrderKey,
    Related,
    SortDirection,
)

__all__ = ["MAX_DEPTH", "compile_filter", "compile_order"]

MAX_DEPTH = 3
_NODES = ("n", "m1", "m2", "m3")
_EDGES = ("", "r1", "r2", "r3")
_COMPARISONS = {Op.GT: ">", Op.GTE: ">=", Op.LT: "<", Op.LTE: "<="}


class _Compiler:
    def __init__(self) -> None:
        self.params: dict[str, Any] = {}

    def param(self, value: Any) -> str:
        name = f"f{len(self.params)}"
        self.params[name] = _plain(value)
        return "$" + name

    def compile(
        self, node: Filter, spec: EntitySpec, depth: int, edge_fields: Mapping[StrEnum, str]
    ) -> str:
        if isinstance(node, Condition):
            return self.condition(node, spec, depth, edge_fields)
        if isinstance(node, AllOf):
            parts = [self.compile(p, spec, depth, edge_fields) for p in node.parts]
            return "(" + " AND ".join(parts) + ")" if parts else "true"
        if isinstance(node, AnyOf):
            parts = [self.compile(p, spec, depth, edge_fields) for p in node.parts]
            return "(" + " OR ".join(parts) + ")" if parts else "false"
        if isinstance(node, Negation):
            return "NOT (" + self.compile(node.part, spec, depth, edge_fields) + ")"
        return self.related(node, spec, depth)

    def related(self, node: Related, spec: EntitySpec, depth: int) -> str:
        if depth + 1 > MAX_DEPTH:
            raise ValueError(f"filters may follow at most {MAX_DEPTH} relations")
        relation = spec.relations.get(node.relation)
        if relation is None:
            raise ValueError(f"{spec.label} has no relation {node.relation.value!r}")
        pattern = (
            relation.pattern.replace("$n", _NODES[depth])
            .replace("$m", _NODES[depth + 1])
            .replace("$r", _EDGES[depth + 1])
        )
        inner = self.compile(node.filter, SPECS[relation.target], depth + 1, relation.edge_fields)
        joiner = " AND " if " WHERE " in pattern else " WHERE "
        return "EXISTS { MATCH " + pattern + joiner + inner + " }"

    def condition(
        self, node: Condition, spec: EntitySpec, depth: int, edge_fields: Mapping[StrEnum, str]
    ) -> str:
        if node.field in spec.fields:
            expression = _NODES[depth] + "." + spec.fields[node.field]
        elif node.field in edge_fields and depth > 0:
            expression = _EDGES[depth] + "." + edge_fields[node.field]
        else:
            raise ValueError(f"{spec.label} cannot be filtered on {node.field.value!r}")
        return self.operator(expression, node)

    def operator(self, expression: str, node: Condition) -> str:
        if node.op is Op.IS_NULL:
            return expression + (" IS NULL" if node.value else " IS NOT NULL")
        value = self.param(node.value)
        if node.op is Op.EQ:
            return f"{expression} = {value}"
        if node.op is Op.NEQ:  # missing values differ from any given value
            return f"NOT coalesce({expression} = {value}, false)"
        if node.op is Op.IN:
            return f"{expression} IN {value}"
        if node.op is Op.CONTAINS:
            return f"toLower({expression}) CONTAINS toLower({value})"
        if node.op is Op.STARTS_WITH:
            return f"toLower({expression}) STARTS WITH toLower({value})"
        return f"{expression} {_COMPARISONS[node.op]} {value}"


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, date | datetime | str | int | float | bool) or value is None:
        return value
    raise TypeError(f"unsupported filter value of type {type(value).__name__}")


def compile_filter(node: Filter | None, spec: EntitySpec) -> tuple[str, dict[str, Any]]:
    """Return ``(where_text, parameters)`` for ``node`` on the entity bound to ``n``.

    Raises
    ------
    ValueError
        For a field or relation the entity does not expose, or nesting beyond MAX_DEPTH.
    """
    if node is None:
        return "true", {}
    compiler = _Compiler()
    return compiler.compile(node, spec, 0, {}), compiler.params


def compile_order(keys: Sequence[OrderKey], spec: EntitySpec) -> str:
    """Return the ``ORDER BY`` list for ``keys``, with null placement and a uid tiebreak.

    >>> from graph.reading.crm.specs import PERSON
    >>> from schema.fields import PersonField
    >>> compile_order([OrderKey(PersonField.FULL_NAME, SortDirection.DESC)], PERSON)
    'n.full_name IS NULL ASC, n.full_name DESC, n.uid ASC'
    """
    parts: list[str] = []
    for key in keys:
        if key.field not in spec.fields:
            raise ValueError(f"{spec.label} cannot be ordered by {key.field.value!r}")
        expression = "n." + spec.fields[key.field]
        nulls_first = key.nulls is NullsPlacement.FIRST
        parts.append(f"{expression} IS NULL " + ("DESC" if nulls_first else "ASC"))
        parts.append(expression + (" DESC" if key.direction is SortDirection.DESC else " ASC"))
    parts.append("n.uid ASC")
    return ", ".join(parts)
