"""What a write touched, from the rows its queries return (see :mod:`schema.changes`).

Queries name the records they changed in columns (or map keys) ``people``, ``companies``,
``deals`` and ``interactions``, lists of uids; :func:`touched_from` reads one such row and
:func:`touched_by_outcomes` the ``touched`` maps of an import batch's outcomes (null for a
row that changed nothing); :func:`own` names one record.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from schema.changes import Touched, touched
from schema.enums import Label

__all__ = ["own", "touched_by_outcomes", "touched_from"]


def touched_from(row: Mapping[str, Any] | None) -> Touched:
    """The uids of ``row``'s ``people``, ``companies``, ``deals`` and ``interactions``
    (missing keys and nulls are nothing).

    >>> sorted(touched_from({"people": ["p1", None], "deals": ["d1"]}).people)
    ['p1']
    """
    if not row:
        return Touched()
    return touched(
        people=row.get("people") or (),
        companies=row.get("companies") or (),
        deals=row.get("deals") or (),
        interactions=row.get("interactions") or (),
    )


def touched_by_outcomes(outcomes: Iterable[Mapping[str, Any]]) -> Touched:
    """Everything the ``touched`` maps of an import batch's outcomes name."""
    kinds: dict[str, list[str]] = {"people": [], "companies": [], "deals": [], "interactions": []}
    for outcome in outcomes:
        named = outcome.get("touched") or {}
        for kind, uids in kinds.items():
            uids += named.get(kind) or ()
    return touched_from(kinds)


def own(label: Label, uid: str) -> Touched:
    """The record ``uid`` of ``label`` (a Person, Company, Deal or Interaction) as touched.

    >>> own(Label.DEAL, "d1").deals
    frozenset({'d1'})
    """
    if label is Label.PERSON:
        return touched(people=[uid])
    if label is Label.COMPANY:
        return touched(companies=[uid])
    if label is Label.DEAL:
        return touched(deals=[uid])
    if label is Label.INTERACTION:
        return touched(interactions=[uid])
    raise ValueError(f"not a record of the feed: {label}")
