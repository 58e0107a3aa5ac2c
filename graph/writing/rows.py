"""Pure helpers that turn model records into the parameter rows of the UNWIND writes.

Domains and phones are keyed with :mod:`schema.identifier_keys`, names with
:mod:`schema.keys` (``normalise_domain`` is re-exported here for the callers that know it
from this module): companies and people get
``name_key``; a phone number is written in E.164 and a domain normalised when they parse,
and as given otherwise (without a Domain node for a domain that is not one), so nothing is
lost.

>>> normalise_domain(" WWW.Example.COM. ")
'example.com'
>>> phone_key(" +1 (415) 555-0100 "), phone_key("ext. 12"), phone_key("  ")
('+14155550100', 'ext. 12', None)
"""

from __future__ import annotations

from typing import Any

from schema.addresses import address_key
from schema.identifier_keys import normalise_domain, normalise_phone
from schema.keys import company_name_key, person_name_key
from schema.model import (
    AccountOwnership,
    Company,
    Deal,
    DealContact,
    Employment,
    Interaction,
    Person,
    Provenance,
    ReportingLine,
    Subsidiary,
)

__all__ = [
    "Row",
    "company_row",
    "deal_contact_row",
    "deal_row",
    "employment_row",
    "interaction_row",
    "normalise_domain",
    "ownership_row",
    "person_row",
    "phone_key",
    "relationship_uid",
    "reporting_line_row",
    "subsidiary_row",
]

Row = dict[str, Any]


def phone_key(phone: str | None) -> str | None:
    """The number of a Phone node: E.164 when ``phone`` parses, else as given (stripped)."""
    if phone is None or not phone.strip():
        return None
    return normalise_phone(phone) or phone.strip()


def relationship_uid(kind: str, provenance: Provenance) -> str:
    """The stable key of a relationship that has its own source id."""
    return f"{kind}:{provenance.source}:{provenance.source_id}"


def _provenance(provenance: Provenance) -> Row:
    return {"source": provenance.source, "source_id": provenance.source_id}


def company_row(company: Company) -> Row:
    """The row of :data:`graph.queries.entities.UPSERT_COMPANIES`."""
    phone = phone_key(company.phone)
    domain = normalise_domain(company.domain)
    raw_domain = company.domain.strip() if company.domain and company.domain.strip() else None
    props = {
        "name": company.name,
        "name_key": company_name_key(company.name),
        "domain": domain or raw_domain,
        "industry": company.industry,
        "address": company.address,
        "phone": phone,
        "is_home": company.is_home,
        **_provenance(company.provenance),
    }
    return {
        "uid": company.uid,
        "props": props,
        "domain": domain,
        "address_key": address_key(company.address),
        "phone": phone,
    }


def person_row(person: Person) -> Row:
    """The row of :data:`graph.queries.entities.UPSERT_PEOPLE`."""
    email = person.email.strip().lower() if person.email else None
    phone = phone_key(person.phone)
    props = {
        "full_name": person.full_name,
        "name_key": person_name_key(person.full_name),
        "email": email,
        "phone": phone,
        "title": person.title,
        "department": person.department,
        "seniority": person.seniority.value,
        "is_colleague": person.is_colleague,
        **_provenance(person.provenance),
    }
    return {"uid": person.uid, "props": props, "phone": phone}


def employment_row(employment: Employment) -> Row:
    """The row of :data:`graph.queries.relationships.UPSERT_EMPLOYMENTS`."""
    props = {
        "title": employment.title,
        "department": employment.department,
        "seniority": employment.seniority.value,
        "role": employment.role.value,
        "start": employment.start,
        "end": employment.end,
        **_provenance(employment.provenance),
    }
    return {
        "uid": relationship_uid("works_at", employment.provenance),
        "person_uid": employment.person_uid,
        "company_uid": employment.company_uid,
        "props": props,
    }


def reporting_line_row(line: ReportingLine) -> Row:
    """The row of :data:`graph.queries.relationships.UPSERT_REPORTING_LINES`."""
    props = {
        "valid_from": line.valid_from,
        "valid_to": line.valid_to,
        "kind": line.kind.value,
        "confidence": line.confidence,
        **_provenance(line.provenance),
    }
    return {
        "uid": relationship_uid("reports_to", line.provenance),
        "person_uid": line.person_uid,
        "manager_uid": line.manager_uid,
        "props": props,
    }


def subsidiary_row(link: Subsidiary) -> Row:
    """The row of :data:`graph.queries.relationships.UPSERT_SUBSIDIARIES`."""
    return {
        "child_uid": link.child_uid,
        "parent_uid": link.parent_uid,
        "props": _provenance(link.provenance),
    }


def ownership_row(link: AccountOwnership) -> Row:
    """The row of :data:`graph.queries.relationships.UPSERT_OWNERSHIPS`."""
    return {
        "person_uid": link.person_uid,
        "company_uid": link.company_uid,
        "props": _provenance(link.provenance),
    }


def deal_row(deal: Deal) -> Row:
    """The row of :data:`graph.queries.entities.UPSERT_DEALS`."""
    props = {
        "name": deal.name,
        "amount": deal.amount,
        "currency": deal.currency,
        "stage": deal.stage.value,
        "probability": deal.probability,
        "close_date": deal.close_date,
        **_provenance(deal.provenance),
    }
    return {
        "uid": deal.uid,
        "props": props,
        "company_uid": deal.company_uid,
        "owner_uid": deal.owner_uid,
    }


def deal_contact_row(contact: DealContact) -> Row:
    """The row of :data:`graph.queries.relationships.UPSERT_DEAL_CONTACTS`."""
    return {
        "deal_uid": contact.deal_uid,
        "person_uid": contact.person_uid,
        "role": contact.role.value,
        "props": _provenance(contact.provenance),
    }


def interaction_row(interaction: Interaction) -> Row:
    """The row of :data:`graph.queries.entities.UPSERT_INTERACTIONS`."""
    props = {
        "kind": interaction.kind.value,
        "occurred_at": interaction.occurred_at,
        "subject": interaction.subject,
        **_provenance(interaction.provenance),
    }
    participants = [
        {"person_uid": p.person_uid, "role": p.role.value} for p in interaction.participants
    ]
    return {
        "uid": interaction.uid,
        "props": props,
        "deal_uid": interaction.deal_uid,
        "participants": participants,
    }
