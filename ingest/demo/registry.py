"""A registry of values already handed out (emails, phones, domains, addresses, names).

Values are compared case-insensitively. The registry is only ever asked about membership,
never iterated, so it cannot leak set ordering into the generated data.

Examples
--------
>>> taken = Registry()
>>> taken.claim("Ann@Example.com")
True
>>> taken.claim("ann@example.com")
False
"""

from __future__ import annotations

__all__ = ["Registry"]


class Registry:
    """Case-insensitive set of claimed strings."""

    __slots__ = ("_taken",)

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def __contains__(self, value: str) -> bool:
        return value.casefold() in self._taken

    def claim(self, value: str) -> bool:
        """Claim ``value``; return False (and claim nothing) if it was already taken."""
        key = value.casefold()
        if key in self._taken:
            return False
        self._taken.add(key)
        return True

    def reserve(self, value: str) -> None:
        """Mark ``value`` as taken, whether or not it already was."""
        self._taken.add(value.casefold())
