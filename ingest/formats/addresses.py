"""Small text helpers the contact formats share: bare email addresses, names, lists.

Examples
--------
>>> bare_email("MAILTO:Ana.Lopez@Example.COM")
'ana.lopez@example.com'
>>> joined(["a@x.io", "b@x.io", "a@x.io"])
'a@x.io;b@x.io'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["bare_email", "clean_name", "has_mailbox", "joined"]

_ANGLE = re.compile(r"<([^<>]*)>")
_MAILTO = "mailto:"


def bare_email(raw: str) -> str:
    """An address as the templates want it: no display name, no ``mailto:``, lower case.

    Parameters
    ----------
    raw
        ``Ana <ana@x.io>``, ``mailto:ana@x.io`` or ``ana@x.io``.

    Returns
    -------
    str
        The address, stripped and lower-cased; no check that it is a valid address.

    Examples
    --------
    >>> bare_email('"Ana Lopez" <Ana@Example.com>')
    'ana@example.com'
    >>> bare_email("  bo@example.com ")
    'bo@example.com'
    """
    text = raw.strip()
    if text[: len(_MAILTO)].lower() == _MAILTO:
        text = text[len(_MAILTO) :]
    angle = _ANGLE.search(text)
    if angle is not None:
        text = angle.group(1)
    return text.strip().lower()


def has_mailbox(address: str) -> bool:
    """Whether a bare address has the ``local@domain`` shape (no deeper check).

    Examples
    --------
    >>> has_mailbox("ana@example.com"), has_mailbox("invalid:nomail"), has_mailbox("@x")
    (True, False, False)
    """
    local, at, domain = address.rpartition("@")
    return bool(at and local and domain) and not any(c.isspace() for c in address)


def clean_name(raw: str) -> str:
    """A display name with quotes and runs of white space removed.

    Returns ``""`` when nothing is left, or when the "name" is only an email address
    (``CN=ana@x.io``, ``'ana@x.io' <ana@x.io>``).

    Examples
    --------
    >>> clean_name("  'Ana   Lopez' ")
    'Ana Lopez'
    >>> clean_name("ana@example.com")
    ''
    """
    name = " ".join(raw.split()).strip("\"' ")
    if "@" in name and has_mailbox(bare_email(name)):
        return ""
    return name


def joined(values: Iterable[str]) -> str:
    """Non-empty values without repeats, in first-seen order, ``;``-separated."""
    return ";".join(dict.fromkeys(value for value in values if value))
