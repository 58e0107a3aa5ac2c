"""Role-based permissions for GraphQL fields: ``permission_classes=[IsEditor]``.

Each class lets a field resolve when the caller's role (``info.context.principal.role``)
includes the role it needs (:meth:`schema.auth.Role.allows`); otherwise the field gets a
GraphQL error with ``extensions.code = "FORBIDDEN"`` and a message naming the role needed.
Queries need :class:`IsViewer`, mutations :class:`IsEditor`, key management :class:`IsAdmin`.
"""

from __future__ import annotations

from typing import Any, ClassVar

from graphql import GraphQLErrorExtensions
from strawberry.permission import BasePermission
from strawberry.types import Info

from schema.auth import Principal, Role

__all__ = ["IsAdmin", "IsEditor", "IsViewer", "RequiresRole"]


class RequiresRole(BasePermission):
    """Allow callers whose role includes :attr:`needed`."""

    needed: ClassVar[Role] = Role.ADMIN
    error_extensions: GraphQLErrorExtensions | None = {"code": "FORBIDDEN"}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.message = f"Forbidden: this needs an API key with the {cls.needed.value} role."

    def has_permission(self, source: Any, info: Info[Any, Any], **kwargs: Any) -> bool:
        """True when the context's principal has at least the needed role."""
        principal = getattr(info.context, "principal", None)
        return isinstance(principal, Principal) and principal.role.allows(self.needed)


class IsViewer(RequiresRole):
    """Read access: any valid key."""

    needed = Role.VIEWER


class IsEditor(RequiresRole):
    """Write access: editor and admin keys."""

    needed = Role.EDITOR


class IsAdmin(RequiresRole):
    """Administration: admin keys only."""

    needed = Role.ADMIN
