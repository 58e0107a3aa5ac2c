"""References from one row to another record, by source id or natural key.

The maps built here are what :mod:`graph.queries.ingest.refs` resolves: ``ext`` is the uid
the source's own id gives (scoped by source), then emails for people and domains or
normalised names for companies.

Examples
--------
>>> person_ref("hubspot", person_id="7", label="person_id '7'")["ext"]
'person:hubspot:7'
>>> company_ref("csv", domain="Acme.com", label="company_domain 'Acme.com'")["domain"]
'acme.com'
"""

from __future__ import annotations

from schema.enums import Label
from schema.identifier_keys import normalise_domain
from schema.import_rows import CompanyRef, DealRef, PersonRef, RowProvenance
from schema.keys import company_name_key, legal_form
from schema.model import Provenance, make_uid

__all__ = ["company_ref", "deal_ref", "ext_uid", "provenance", "person_ref"]

_PREFIXES = {
    label: make_uid(label, Provenance(source="", source_id="")).split(":")[0] for label in Label
}


def ext_uid(label: Label, source: str, source_id: str) -> str:
    """The uid a record of ``label`` with this source id has (or gets): the one
    :func:`schema.model.make_uid` gives.

    >>> ext_uid(Label.DEAL, "csv", "d1") == make_uid(Label.DEAL, Provenance(source="csv",
    ...     source_id="d1"))
    True
    """
    return f"{_PREFIXES[label]}:{source}:{source_id}"


def person_ref(
    source: str, *, person_id: str | None = None, email: str | None = None, label: str
) -> PersonRef:
    """A person by source id or (normalised) email."""
    return {
        "ext": ext_uid(Label.PERSON, source, person_id) if person_id else None,
        "email": email,
        "email_key": f"email:{email}" if email else None,
        "label": label,
    }


def company_ref(
    source: str,
    *,
    company_id: str | None = None,
    domain: str | None = None,
    name: str | None = None,
    label: str,
) -> CompanyRef:
    """A company by source id, domain or normalised name."""
    return {
        "ext": ext_uid(Label.COMPANY, source, company_id) if company_id else None,
        "source": source,
        "domain": normalise_domain(domain),
        "name_key": company_name_key(name),
        "name_lower": name.strip().lower() if name else None,
        "legal": legal_form(name) is not None,
        "label": label,
    }


def deal_ref(source: str, deal_id: str, *, label: str) -> DealRef:
    """A deal by source id."""
    return {"ext": ext_uid(Label.DEAL, source, deal_id), "label": label}


def provenance(
    source: str, source_id: str, file: str, line: int, record: str | None
) -> RowProvenance:
    """The provenance properties every written node and relationship carries."""
    return {
        "source": source,
        "source_id": source_id,
        "source_file": file,
        "source_line": line,
        "source_record": record,
    }
