"""Who is calling: API-key principals and their roles."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Principal", "Role"]


class Role(StrEnum):
    """API-key roles, each including the rights of the ones before it."""

    VIEWER = "viewer"  # queries only
    EDITOR = "editor"  # queries and mutations
    ADMIN = "admin"  # everything, including key management

    def allows(self, needed: Role) -> bool:
        """True when this role has at least the rights of ``needed``.

        >>> Role.EDITOR.allows(Role.VIEWER), Role.VIEWER.allows(Role.EDITOR)
        (True, False)
        """
        order = (Role.VIEWER, Role.EDITOR, Role.ADMIN)
        return order.index(self) >= order.index(needed)


@dataclass(frozen=True, slots=True, kw_only=True)
class Principal:
    """An authenticated caller: the API key's public id, its name and its role."""

    key_id: str
    name: str
    role: Role
