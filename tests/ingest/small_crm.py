"""A small CRM of every kind of row, shared by the importer's tests."""

from __future__ import annotations

from ingest.source_rows import Entity, SourceItem
from tests.ingest.importing import row

__all__ = ["C", "D", "DC", "E", "IX", "P", "small_crm"]

C, P, E, D, DC, IX = (
    Entity.COMPANY,
    Entity.PERSON,
    Entity.EMPLOYMENT,
    Entity.DEAL,
    Entity.DEAL_CONTACT,
    Entity.INTERACTION,
)


def small_crm() -> list[SourceItem]:
    """Two companies, three people (one manager later in the file), a job, a deal with a
    contact and two interactions."""
    return [
        row(
            C, 2, company_id="c1", name="Acme Inc.", domain="www.Acme.com", phone="+1 415 555 0100"
        ),
        row(C, 3, company_id="c2", name="Acme Europe GmbH", parent_company_id="c1"),
        row(
            P,
            2,
            person_id="p1",
            full_name="Ana Lima",
            email="Ana@Acme.com",
            company_id="c1",
            title="Chief Financial Officer",
            manager_person_id="p3",
        ),
        row(
            P,
            3,
            person_id="p2",
            full_name="Bo Chen",
            email="bo@acme.com",
            company_id="c2",
            title="销售总监",
            phone="+86 138 0013 8000",
        ),
        row(
            P,
            4,
            person_id="p3",
            full_name="Cy Ng",
            email="cy@acme.com",
            company_id="c1",
            title="CEO",
        ),
        row(
            E,
            2,
            person_id="p2",
            company_id="c1",
            title="Sales Manager",
            start_date="2019-01-01",
            end_date="2021-06-30",
        ),
        row(
            D,
            2,
            deal_id="d1",
            name="Acme renewal",
            company_id="c1",
            amount="12,000",
            currency="eur",
            stage="Proposal",
            probability="40%",
            close_date="2026-12-31",
            owner_email="cy@acme.com",
        ),
        row(DC, 2, deal_id="d1", person_id="p1", role="economic buyer"),
        row(
            IX,
            2,
            interaction_id="i1",
            kind="meeting",
            occurred_at="2026-10-01T09:00:00+02:00",
            from_person_id="p3",
            to_person_ids="p1;p2",
            subject="QBR",
            deal_id="d1",
        ),
        row(
            IX,
            3,
            interaction_id="i2",
            kind="email",
            occurred_at="2026-10-02T10:00:00Z",
            from_email="ana@acme.com",
            to_emails="newcomer@partner.io",
            cc_emails="bo@acme.com",
        ),
    ]
