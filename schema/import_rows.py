"""The rows an import writes: the contract between ``ingest/`` (which builds them) and
:class:`graph.writing.import_writer.ImportWriter` (which writes them).

A row is a plain dict (a :class:`~typing.TypedDict` per :class:`ImportKind`), sent to Neo4j
as it is, so these types describe the wire format of the import queries
(:mod:`graph.queries.ingest.nodes`, :mod:`graph.queries.ingest.links`,
:mod:`graph.queries.ingest.two_step`). Common keys:

``uid``
    The key a created node or keyed relationship gets.
``ref`` (nodes) and ``person`` / ``company`` / ``deal`` / ``owner`` / ``manager`` /
``child`` / ``parent`` (references)
    A :class:`PersonRef`, :class:`CompanyRef` or :class:`DealRef`: ``ext`` (the uid a
    source id gives), ``email``/``email_key`` (people), ``domain``/``name_key`` (companies)
    and ``label`` (how the row named it, for reports).
``props``
    The values to set; only non-null ones (an empty cell never erases a value).
``defaults``
    Values a created node starts with, never set on an existing one.
``prov``
    ``source``, ``source_id``, ``source_file``, ``source_line`` and ``source_record``.

Examples
--------
>>> ref: DealRef = {"ext": "deal:csv:d1", "label": "deal_id 'd1'"}
>>> [kind.value for kind in ImportKind][:3]
['company', 'person', 'deal']
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import TypeAlias, TypedDict

__all__ = [
    "CompanyRef",
    "CompanyRow",
    "ConnectionRow",
    "DealContactRow",
    "DealRef",
    "DealRow",
    "Defaults",
    "EmploymentRow",
    "ImportKind",
    "ImportRow",
    "InteractionRow",
    "ParticipantRow",
    "PersonRef",
    "PersonRow",
    "Properties",
    "PropertyValue",
    "ReportingLineRow",
    "RowProvenance",
    "SubsidiaryRow",
]


class ImportKind(StrEnum):
    """What a row writes, in the order an import flushes them."""

    COMPANY = "company"
    PERSON = "person"
    DEAL = "deal"
    EMPLOYMENT = "employment"
    CONNECTION = "connection"
    DEAL_CONTACT = "deal_contact"
    INTERACTION = "interaction"
    SUBSIDIARY = "subsidiary"
    REPORTING_LINE = "reporting_line"


PropertyValue: TypeAlias = str | int | float | bool | date | datetime | list[str]
"""A value a row sets on a node or relationship."""

Properties: TypeAlias = dict[str, PropertyValue]
"""Property name -> value; only non-null values."""

Defaults: TypeAlias = dict[str, PropertyValue | None]
"""The properties a created node starts with (a null one is simply not set)."""


class PersonRef(TypedDict):
    """A person by source id (``ext``) or normalised email."""

    ext: str | None
    email: str | None
    email_key: str | None  # ``email:<email>``, the ExternalId key of an alternate email
    label: str


class CompanyRef(TypedDict):
    """A company by source id (``ext``), domain or normalised name."""

    ext: str | None
    source: str
    domain: str | None
    name_key: str | None
    name_lower: str | None
    legal: bool  # the name bears a legal form (Ltd, GmbH, ...)
    label: str


class DealRef(TypedDict):
    """A deal by source id."""

    ext: str
    label: str


class RowProvenance(TypedDict):
    """Where a row came from; every written node and relationship carries it."""

    source: str
    source_id: str
    source_file: str
    source_line: int
    source_record: str | None


class CompanyRow(TypedDict):
    """:data:`ImportKind.COMPANY`: a company, its phones, domains and address."""

    uid: str
    ref: CompanyRef
    props: Properties
    defaults: Defaults
    prov: RowProvenance
    phones: list[str]
    domains: list[str]
    address_key: str | None
    address_text: str | None


class PersonRow(TypedDict):
    """:data:`ImportKind.PERSON`: a person, their phones and work-email domains."""

    uid: str
    ref: PersonRef
    email: str | None
    props: Properties
    defaults: Defaults
    prov: RowProvenance
    phones: list[str]
    domains: list[str]


class DealRow(TypedDict):
    """:data:`ImportKind.DEAL`: a deal with its company and owner (both must exist)."""

    uid: str
    ref: DealRef
    company: CompanyRef | None
    owner: PersonRef | None
    props: Properties
    defaults: Defaults
    prov: RowProvenance


class EmploymentRow(TypedDict):
    """:data:`ImportKind.EMPLOYMENT`: a job; ``implied`` when a person row named it."""

    uid: str
    person: PersonRef
    company: CompanyRef
    props: Properties
    prov: RowProvenance
    implied: bool


class ConnectionRow(TypedDict):
    """:data:`ImportKind.CONNECTION`: the importing user (``owner``) knows ``person``."""

    owner: PersonRef
    person: PersonRef
    props: Properties
    prov: RowProvenance


class DealContactRow(TypedDict):
    """:data:`ImportKind.DEAL_CONTACT`: a person's role in a deal's buying committee."""

    deal: DealRef
    person: PersonRef
    role: str
    prov: RowProvenance


class ParticipantRow(TypedDict):
    """One participant of an interaction row, in one role."""

    ref: PersonRef
    role: str
    label: str


class InteractionRow(TypedDict):
    """:data:`ImportKind.INTERACTION`: an interaction, its participants and its deal."""

    uid: str
    props: Properties
    prov: RowProvenance
    deal: DealRef | None
    participants: list[ParticipantRow]


class SubsidiaryRow(TypedDict):
    """:data:`ImportKind.SUBSIDIARY`: ``child`` is a subsidiary of ``parent``."""

    child: CompanyRef
    parent: CompanyRef
    prov: RowProvenance


class ReportingLineRow(TypedDict):
    """:data:`ImportKind.REPORTING_LINE`: ``person`` reports to ``manager``."""

    uid: str
    person: PersonRef
    manager: PersonRef
    props: Properties
    prov: RowProvenance


ImportRow: TypeAlias = (
    CompanyRow
    | PersonRow
    | DealRow
    | EmploymentRow
    | ConnectionRow
    | DealContactRow
    | InteractionRow
    | SubsidiaryRow
    | ReportingLineRow
)
"""Any row; its :class:`ImportKind` travels beside it (``ingest.validation.Write``)."""
