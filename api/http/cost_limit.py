"""The query cost limit: a schema extension that prices an operation before it runs.

:class:`QueryCostLimiter` refuses an operation above ``max_cost`` with a ``QUERY_TOO_COSTLY``
error. Every selected field costs 1; a field with a ``first`` or ``last`` argument multiplies the
cost of its sub-selection by that number (variables and their defaults are resolved), so nested
pages multiply. It works on top of the schema's depth and alias limits.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    get_operation_ast,
    value_from_ast_untyped,
)
from strawberry.extensions import SchemaExtension

__all__ = ["QueryCostLimiter", "query_cost"]

_PAGE_ARGUMENTS = ("first", "last")


@dataclass(frozen=True, slots=True)
class _Walk:
    fragments: Mapping[str, FragmentDefinitionNode]
    variables: Mapping[str, Any]


def query_cost(
    document: DocumentNode,
    operation_name: str | None = None,
    variables: Mapping[str, Any] | None = None,
) -> int:
    """The cost of one operation of ``document``.

    Parameters
    ----------
    document : DocumentNode
        The parsed request.
    operation_name : str, optional
        Which operation runs; None when the document has exactly one.
    variables : Mapping, optional
        The request's variables (``first: $n`` uses them, or the variable's default).

    Returns
    -------
    int
        1 per selected field, sub-selections multiplied by ``first``/``last``; 0 when the
        operation cannot be found (execution reports that).

    Examples
    --------
    >>> from graphql import parse
    >>> query_cost(parse("{ people(first: 10) { edges { node { name } } } }"))
    31
    >>> query_cost(parse("query($n: Int = 5) { people(last: $n) { name } }"))
    6
    """
    operation = get_operation_ast(document, operation_name)
    if operation is None:
        return 0
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    walk = _Walk(fragments, {**_defaults(operation), **(variables or {})})
    return _cost(operation.selection_set, walk, frozenset())


def _defaults(operation: OperationDefinitionNode) -> dict[str, Any]:
    return {
        d.variable.name.value: value_from_ast_untyped(d.default_value)
        for d in operation.variable_definitions or ()
        if d.default_value is not None
    }


def _cost(selection_set: SelectionSetNode | None, walk: _Walk, visited: frozenset[str]) -> int:
    if selection_set is None:
        return 0
    total = 0
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            inner = _cost(selection.selection_set, walk, visited)
            total += 1 + _page_size(selection, walk.variables) * inner
        elif isinstance(selection, InlineFragmentNode):
            total += _cost(selection.selection_set, walk, visited)
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            fragment = walk.fragments.get(name)
            if fragment is not None and name not in visited:
                total += _cost(fragment.selection_set, walk, visited | {name})
    return total


def _page_size(field: FieldNode, variables: Mapping[str, Any]) -> int:
    sizes = [
        value_from_ast_untyped(argument.value, dict(variables))
        for argument in field.arguments or ()
        if argument.name.value in _PAGE_ARGUMENTS
    ]
    numbers = [s for s in sizes if isinstance(s, int) and not isinstance(s, bool)]
    return max([1, *numbers])


class QueryCostLimiter(SchemaExtension):
    """Refuse operations that cost more than ``max_cost`` (``QUERY_TOO_COSTLY``)."""

    def __init__(self, *, max_cost: int) -> None:
        if max_cost < 1:
            raise ValueError("max_cost must be positive")
        self.max_cost = max_cost

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        if context.graphql_document is not None:
            cost = query_cost(context.graphql_document, context.operation_name, context.variables)
            if cost > self.max_cost:
                # A result set before execution replaces it: nothing is resolved.
                context.result = ExecutionResult(data=None, errors=[self._too_costly(cost)])
        yield

    def _too_costly(self, cost: int) -> GraphQLError:
        return GraphQLError(
            f"The query costs {cost}, above the limit of {self.max_cost}: ask for smaller "
            "pages (first/last) or fewer nested fields.",
            extensions={"code": "QUERY_TOO_COSTLY", "cost": cost, "maxCost": self.max_cost},
        )
