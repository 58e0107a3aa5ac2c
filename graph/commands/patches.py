"""What a command writes: the fields a caller gives, already validated and normalised.

A patch is a ``TypedDict`` with ``total=False``: a key that is absent leaves the stored value
alone, a key set to None clears it. ``*_uid`` keys name related records (``FOR`` company,
``OWNS`` owner, ``ABOUT`` deal).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TypedDict

from schema.enums import DealStage, InteractionKind, Seniority
from schema.model import Participation

__all__ = ["CompanyPatch", "DealPatch", "InteractionPatch", "PersonPatch"]


class CompanyPatch(TypedDict, total=False):
    """Company fields; ``domain`` is normalised, ``address`` and ``phone`` link identifiers."""

    name: str
    domain: str | None
    industry: str | None
    address: str | None
    phone: str | None


class PersonPatch(TypedDict, total=False):
    """Person fields; ``email`` is lower-cased, ``phone`` links a Phone node."""

    full_name: str
    email: str | None
    phone: str | None
    title: str | None
    department: str | None
    seniority: Seniority
    is_colleague: bool


class DealPatch(TypedDict, total=False):
    """Deal fields; a new ``stage`` is appended to the stage history."""

    name: str
    amount: float | None
    currency: str | None
    stage: DealStage
    probability: float | None
    close_date: date | None
    company_uid: str | None
    owner_uid: str | None


class InteractionPatch(TypedDict, total=False):
    """Interaction fields; ``participants`` replaces every PARTICIPATED_IN edge."""

    kind: InteractionKind
    occurred_at: datetime
    subject: str | None
    deal_uid: str | None
    participants: tuple[Participation, ...]
