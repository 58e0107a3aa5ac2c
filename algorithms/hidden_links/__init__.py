"""Typed hidden links between companies, each with a confidence, a reason and its evidence.

:func:`hidden_links` (:mod:`algorithms.hidden_links.links`, where every kind's confidence is
described) reads the records of :mod:`algorithms.hidden_links.types`; its rules are in
:mod:`~algorithms.hidden_links.rules` (people, shared identifiers, corporate families) and
:mod:`~algorithms.hidden_links.similarity` (likely duplicates, similar neighbourhoods).
"""

from __future__ import annotations

from algorithms.hidden_links.links import hidden_links
from algorithms.hidden_links.types import (
    DEFAULT_PARAMETERS,
    HiddenLink,
    LinkEvidence,
    LinkParameters,
    NameScore,
    TenureRecord,
)

__all__ = [
    "DEFAULT_PARAMETERS",
    "HiddenLink",
    "LinkEvidence",
    "LinkParameters",
    "NameScore",
    "TenureRecord",
    "hidden_links",
]
