"""How errors reach clients: expected ones typed and visible, the rest masked.

:class:`schema.errors.InvalidInput` raised anywhere behind a field becomes a GraphQL error
with ``extensions: {code: "BAD_USER_INPUT", field}``; a GraphQL error raised on purpose (a
permission's ``FORBIDDEN``) stays as it is; any other exception raised behind a field is
masked by strawberry's ``MaskErrors`` (and logged).
"""

from __future__ import annotations

from collections.abc import Iterator

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from schema.errors import InvalidInput

__all__ = ["TypedInputErrors", "should_mask"]


def should_mask(error: GraphQLError) -> bool:
    """Mask what a resolver raised, except invalid input and deliberate GraphQL errors
    (permission denials); request errors stay visible."""
    original = error.original_error
    return original is not None and not isinstance(original, InvalidInput | GraphQLError)


class TypedInputErrors(SchemaExtension):
    """Give invalid-input errors a machine-readable code and the offending field."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        for error in getattr(result, "errors", None) or []:
            if isinstance(error.original_error, InvalidInput):
                error.extensions = {
                    **(error.extensions or {}),
                    "code": "BAD_USER_INPUT",
                    "field": error.original_error.field,
                }
