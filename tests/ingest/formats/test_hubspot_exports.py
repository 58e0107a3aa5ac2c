"""HubSpot exports: the object is recognised per file from its header and rows are
converted; rows of a broken structure and owners given as names are reported."""

from __future__ import annotations

from pathlib import Path

from ingest.formats.options import ReadOptions
from ingest.formats.tables.crm_exports import read_hubspot
from ingest.source_rows import Entity, Origin, SourceItem, SourceProblem, SourceRow
from tests.ingest.formats.export_files import write_export


def _hubspot(path: Path) -> list[SourceItem]:
    return list(read_hubspot(path, ReadOptions()))


def test_a_hubspot_contacts_export_becomes_people(tmp_path: Path) -> None:
    path = write_export(
        tmp_path,
        "hubspot-crm-exports-all-contacts-2024-05-01.csv",
        '"Record ID","First Name","Last Name","Email","Phone Number","Mobile Phone Number",'
        '"Job Title","Company Name","Associated Company IDs","Contact owner","Lifecycle Stage"',
        '"101","Ana","Silva","ana@acme.com","+1 555 0100","+1 555 0199","CTO","Acme",'
        '"9001;9002","Sam Sales","customer"',
        '"102","","","bo@globex.com","","+44 20 7946 0000","","","","",""',
    )

    assert _hubspot(path) == [
        SourceRow(
            Entity.PERSON,
            {
                "person_id": "101",
                "first_name": "Ana",
                "last_name": "Silva",
                "email": "ana@acme.com",
                "phone": "+1 555 0100",
                "title": "CTO",
                "company_id": "9001",
                "company_name": "Acme",
                "alternate_phones": "+1 555 0199",
            },
            Origin(str(path), 2),
        ),
        SourceRow(
            Entity.PERSON,
            {"person_id": "102", "email": "bo@globex.com", "phone": "+44 20 7946 0000"},
            Origin(str(path), 3),
        ),
    ]


def test_a_hubspot_companies_export_becomes_companies(tmp_path: Path) -> None:
    path = write_export(
        tmp_path,
        "companies.csv",
        "Record ID,Company name,Company Domain Name,Website URL,Industry,Phone Number,"
        "Street Address,City,State/Region,Postal Code,Country/Region,Parent Company,Create Date",
        "9001,Acme,www.acme.com,https://acme.com,COMPUTER_SOFTWARE,555,1 Main St,Springfield,"
        "IL,62701,United States,9000,2024-02-01 09:30",
        "9002,Globex,,https://www.globex.co.uk/about?x=1,,,,London,,,United Kingdom,,",
    )

    assert _hubspot(path) == [
        SourceRow(
            Entity.COMPANY,
            {
                "company_id": "9001",
                "name": "Acme",
                "domain": "acme.com",
                "industry": "COMPUTER_SOFTWARE",
                "phone": "555",
                "parent_company_id": "9000",
                "address": "1 Main St, Springfield, IL, 62701, United States",
            },
            Origin(str(path), 2),
        ),
        SourceRow(
            Entity.COMPANY,
            {
                "company_id": "9002",
                "name": "Globex",
                "domain": "globex.co.uk",
                "address": "London, United Kingdom",
            },
            Origin(str(path), 3),
        ),
    ]


def test_a_hubspot_deals_export_becomes_deals_in_our_stages(tmp_path: Path) -> None:
    path = write_export(
        tmp_path,
        "deals.csv",
        "Record ID,Deal Name,Deal Stage,Amount,Close Date,Deal owner,Pipeline,"
        "Associated Company IDs,Associated Company",
        "7001,Acme – Renewal,Contract Sent,15000,2024-12-01 00:00,sam@seller.io,Sales Pipeline,"
        "9001,Acme",
        "7002,Globex – New,Closed Won (Sales Pipeline),2500.50,2024-06-30,Sam Sales,,,Globex",
        "7003,Initech,Discovery (Enterprise),,,,,,",
    )

    assert _hubspot(path) == [
        SourceRow(
            Entity.DEAL,
            {
                "deal_id": "7001",
                "name": "Acme – Renewal",
                "stage": "negotiation",
                "amount": "15000",
                "close_date": "2024-12-01",
                "company_id": "9001",
                "company_name": "Acme",
                "owner_email": "sam@seller.io",
            },
            Origin(str(path), 2),
        ),
        SourceProblem(
            Origin(str(path), 3),
            "the deal owner is not an email address: owners in this column are not "
            "linked (reported once per file)",
            "Deal owner",
            "Sam Sales",
            row_kept=True,
        ),
        SourceRow(
            Entity.DEAL,
            {
                "deal_id": "7002",
                "name": "Globex – New",
                "stage": "closed_won",
                "amount": "2500.50",
                "close_date": "2024-06-30",
                "company_name": "Globex",
            },
            Origin(str(path), 3),
        ),
        SourceRow(
            Entity.DEAL,
            {"deal_id": "7003", "name": "Initech", "stage": "Discovery (Enterprise)"},
            Origin(str(path), 4),
        ),
    ]


def test_hubspot_internal_property_names_are_understood(tmp_path: Path) -> None:
    path = write_export(
        tmp_path,
        "deals.csv",
        "hs_object_id,dealname,dealstage,amount,closedate,deal_currency_code,"
        "hs_deal_stage_probability,hubspot_owner_id",
        "7004,Hooli,appointmentscheduled,900,2025-01-15T00:00:00Z,EUR,0.2,",
    )

    assert _hubspot(path) == [
        SourceRow(
            Entity.DEAL,
            {
                "deal_id": "7004",
                "name": "Hooli",
                "stage": "prospecting",
                "amount": "900",
                "currency": "EUR",
                "close_date": "2025-01-15",
                "probability": "0.2",
            },
            Origin(str(path), 2),
        )
    ]


def test_an_unrecognised_hubspot_header_is_one_problem_naming_what_was_expected(
    tmp_path: Path,
) -> None:
    path = write_export(
        tmp_path, "tickets.csv", "Ticket ID,Ticket name,Ticket status", "1,Broken,open"
    )

    assert _hubspot(path) == [
        SourceProblem(
            Origin(str(path), 1),
            "not a HubSpot export of deals, contacts, companies: expected a header with "
            "'Deal Name' or 'Deal Stage' for deals; 'First Name', 'Last Name' or 'Email' for "
            "contacts; 'Company name' or 'Company Domain Name' for companies",
        )
    ]


def test_export_rows_with_bad_structure_are_rejected_like_any_csv(tmp_path: Path) -> None:
    path = write_export(
        tmp_path, "contacts.csv", "Record ID,Email", "1,a@x.io,extra", "2", "3,c@x.io"
    )

    assert _hubspot(path) == [
        SourceProblem(Origin(str(path), 2), "3 values for 2 columns (an unquoted comma?)"),
        SourceProblem(Origin(str(path), 3), "1 value for 2 columns"),
        SourceRow(Entity.PERSON, {"person_id": "3", "email": "c@x.io"}, Origin(str(path), 4)),
    ]


def test_deal_owners_given_as_names_are_reported_once_per_file(tmp_path: Path) -> None:
    path = write_export(
        tmp_path,
        "deals.csv",
        "Record ID,Deal Name,Deal Stage,Deal owner",
        "1,A,Closed Won,Sam Sales",
        "2,B,Closed Won,Kim Sales",
    )

    problems = [item for item in _hubspot(path) if isinstance(item, SourceProblem)]

    assert [(p.origin.line, p.value) for p in problems] == [(2, "Sam Sales")]
