"""What every reader yields: rows in the vocabulary of the native templates, or problems.

Each source format (native CSV/JSONL, CRM exports, vCard, iCalendar, mail, LinkedIn) is
read into :class:`SourceRow` values whose ``fields`` use the field names of the native
templates (see the product brief), plus a few optional extension fields listed in
:data:`TEMPLATE_FIELDS`. Validation, resolution and writing then work the same for every
format. Anything a reader cannot turn into a row is a :class:`SourceProblem`, so it ends up
in the rejects report instead of being lost.

Examples
--------
>>> row = SourceRow(Entity.PERSON, {"email": "ana@example.com"}, Origin("people.csv", 2))
>>> row.origin.where
'people.csv:2'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

__all__ = ["TEMPLATE_FIELDS", "Entity", "Origin", "SourceItem", "SourceProblem", "SourceRow"]


class Entity(StrEnum):
    """The kinds of row an import can carry, named after the native templates."""

    COMPANY = "company"
    PERSON = "person"
    EMPLOYMENT = "employment"
    DEAL = "deal"
    DEAL_CONTACT = "deal_contact"
    INTERACTION = "interaction"


TEMPLATE_FIELDS: Mapping[Entity, tuple[str, ...]] = MappingProxyType(
    {
        Entity.COMPANY: (
            "company_id",
            "name",
            "domain",
            "industry",
            "parent_company_id",
            "address",
            "phone",
        ),
        Entity.PERSON: (
            "person_id",
            "full_name",
            "first_name",
            "last_name",
            "email",
            "phone",
            "company_id",
            "title",
            "department",
            "manager_person_id",
            "is_colleague",
            # extensions: an employer known only by name or domain, more addresses, and
            # the date the importing user connected with this person (LinkedIn).
            "company_name",
            "company_domain",
            "alternate_emails",
            "alternate_phones",
            "connected_on",
        ),
        Entity.EMPLOYMENT: (
            "person_id",
            "company_id",
            "title",
            "department",
            "start_date",
            "end_date",
            "role",
            # extensions: endpoints known by natural key instead of id
            "person_email",
            "company_name",
            "company_domain",
        ),
        Entity.DEAL: (
            "deal_id",
            "name",
            "company_id",
            "amount",
            "currency",
            "stage",
            "probability",
            "close_date",
            "owner_person_id",
            # extensions
            "company_name",
            "company_domain",
            "owner_email",
        ),
        Entity.DEAL_CONTACT: (
            "deal_id",
            "person_id",
            "role",
            # extension
            "person_email",
        ),
        Entity.INTERACTION: (
            "interaction_id",
            "kind",
            "occurred_at",
            "from_person_id",
            "from_email",
            "to_person_ids",
            "to_emails",
            "subject",
            "deal_id",
            # extensions: copied recipients, the end of a meeting, and the body (only when
            # the user asked for bodies).
            "cc_person_ids",
            "cc_emails",
            "ended_at",
            "body",
        ),
    }
)
"""Every field a :class:`SourceRow` of each entity may carry. Multi-valued fields
(``*_ids``, ``*_emails``, ``alternate_*``) are ``;``-separated strings."""


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a row came from.

    ``line`` is the 1-based physical line where the record starts (a CSV header is line
    1, a vCard's or event's ``BEGIN`` line), or the 1-based ordinal of the message in an
    mbox; 0 or 1 for a problem with a whole file; ``record_id`` is the record's own id when
    the format has one (Message-ID, vCard UID, event UID).
    """

    file: str
    line: int
    record_id: str | None = None

    @property
    def where(self) -> str:
        """``file:line``, for messages."""
        return f"{self.file}:{self.line}"


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One record read from a source, in template vocabulary; values are raw strings."""

    entity: Entity
    fields: Mapping[str, str]
    origin: Origin


@dataclass(frozen=True, slots=True)
class SourceProblem:
    """Something a reader could not turn into a row: it goes to the rejects report.

    ``column`` and ``value`` are None when the problem concerns the whole record or file
    (for example an empty file or undecodable bytes). ``row_kept`` marks a problem with one
    value only (an unknown column, an unparseable optional cell): the value is ignored and
    reported, and the row itself still goes on, so it does not count as rejected.
    """

    origin: Origin
    reason: str
    column: str | None = None
    value: str | None = None
    row_kept: bool = False


SourceItem = SourceRow | SourceProblem
