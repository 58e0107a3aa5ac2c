"""The natural key of a postal address: one ``Address`` node for every spelling of it.

Examples
--------
>>> address_key("12  Main St.,  Springfield")
'12 main st springfield'
>>> address_key("  ") is None
True
"""

from __future__ import annotations

import re

__all__ = ["address_key"]

_NOT_WORD = re.compile(r"[^\w]+", re.UNICODE)


def address_key(address: str | None) -> str | None:
    """The key that makes two spellings of one postal address the same Address node."""
    if address is None or not address.strip():
        return None
    return " ".join(_NOT_WORD.sub(" ", address.casefold()).split())
