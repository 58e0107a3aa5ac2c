"""Salesforce exports and reports: the object is recognised per file from its header
(API names or labels) and rows are converted."""

from __future__ import annotations

from pathlib import Path

from ingest.formats.options import ReadOptions
from ingest.formats.tables.crm_exports import read_salesforce
from ingest.source_rows import Entity, Origin, SourceItem, SourceProblem, SourceRow
from tests.ingest.formats.export_files import write_export


def _salesforce(path: Path) -> list[SourceItem]:
    return list(read_salesforce(path, ReadOptions()))


def test_a_salesforce_data_loader_contacts_export_becomes_people(tmp_path: Path) -> None:
    path = write_export(
        tmp_path,
        "extract.csv",
        '"ID","ACCOUNTID","FIRSTNAME","LASTNAME","EMAIL","PHONE","MOBILEPHONE","TITLE",'
        '"DEPARTMENT","REPORTSTOID"',
        '"0035e00000AbCdE","0015e00000XyZ12","Ana","Silva","ana@acme.com","555","","CTO",'
        '"Engineering","0035e00000Boss1"',
    )

    assert _salesforce(path) == [
        SourceRow(
            Entity.PERSON,
            {
                "person_id": "0035e00000AbCdE",
                "company_id": "0015e00000XyZ12",
                "first_name": "Ana",
                "last_name": "Silva",
                "email": "ana@acme.com",
                "phone": "555",
                "title": "CTO",
                "department": "Engineering",
                "manager_person_id": "0035e00000Boss1",
            },
            Origin(str(path), 2),
        )
    ]


def test_a_salesforce_contacts_report_with_labels_becomes_people(tmp_path: Path) -> None:
    path = write_export(
        tmp_path,
        "report.csv",
        "Contact ID,Account ID,Account Name,First Name,Last Name,Email,Mobile,Title",
        "003A,001A,Acme,Bo,Chen,bo@acme.com,+1 555 0101,VP Sales",
    )

    assert _salesforce(path) == [
        SourceRow(
            Entity.PERSON,
            {
                "person_id": "003A",
                "company_id": "001A",
                "company_name": "Acme",
                "first_name": "Bo",
                "last_name": "Chen",
                "email": "bo@acme.com",
                "title": "VP Sales",
                "phone": "+1 555 0101",
            },
            Origin(str(path), 2),
        )
    ]


def test_a_salesforce_accounts_export_becomes_companies_with_one_address(tmp_path: Path) -> None:
    path = write_export(
        tmp_path,
        "Account.csv",
        "Id,Name,Website,Industry,ParentId,Phone,BillingStreet,BillingCity,BillingState,"
        "BillingPostalCode,BillingCountry",
        '001A,Acme,http://www.acme.com/,Technology,001P,555,"1 Main St\nSuite 200",Springfield,'
        "IL,62701,USA",
        "001B,Müller AG,müller.de,,,,,Zürich,,8001,Switzerland",
    )

    assert _salesforce(path) == [
        SourceRow(
            Entity.COMPANY,
            {
                "company_id": "001A",
                "name": "Acme",
                "industry": "Technology",
                "parent_company_id": "001P",
                "phone": "555",
                "domain": "acme.com",
                "address": "1 Main St, Suite 200, Springfield, IL, 62701, USA",
            },
            Origin(str(path), 2),
        ),
        SourceRow(
            Entity.COMPANY,
            {
                "company_id": "001B",
                "name": "Müller AG",
                "domain": "müller.de",
                "address": "Zürich, 8001, Switzerland",
            },
            Origin(str(path), 4),
        ),
    ]


def test_a_salesforce_accounts_report_with_labels_is_recognised(tmp_path: Path) -> None:
    path = write_export(
        tmp_path,
        "accounts.csv",
        "Account ID,Account Name,Billing City,Billing Zip/Postal Code,Billing Country",
        "001C,Initech,Austin,73301,USA",
    )

    assert _salesforce(path) == [
        SourceRow(
            Entity.COMPANY,
            {"company_id": "001C", "name": "Initech", "address": "Austin, 73301, USA"},
            Origin(str(path), 2),
        )
    ]


def test_salesforce_opportunities_get_our_stages_fractions_and_iso_dates(tmp_path: Path) -> None:
    path = write_export(
        tmp_path,
        "Opportunity.csv",
        "Id,Name,AccountId,Amount,StageName,Probability,CloseDate,OwnerId,CurrencyIsoCode",
        "006A,Acme Renewal,001A,15000,Id. Decision Makers,60,2024-03-31,005X,USD",
        "006B,Globex,001B,,Closed Lost,0,12/01/2023,,EUR",
    )

    assert _salesforce(path) == [
        SourceProblem(
            Origin(str(path), 2),
            "the deal owner is not an email address: owners in this column are not "
            "linked (reported once per file)",
            "OwnerId",
            "005X",
            row_kept=True,
        ),
        SourceRow(
            Entity.DEAL,
            {
                "deal_id": "006A",
                "name": "Acme Renewal",
                "company_id": "001A",
                "amount": "15000",
                "currency": "USD",
                "stage": "proposal",
                "probability": "0.6",
                "close_date": "2024-03-31",
            },
            Origin(str(path), 2),
        ),
        SourceRow(
            Entity.DEAL,
            {
                "deal_id": "006B",
                "name": "Globex",
                "company_id": "001B",
                "currency": "EUR",
                "stage": "closed_lost",
                "probability": "0",
                "close_date": "2023-12-01",
            },
            Origin(str(path), 3),
        ),
    ]


def test_a_salesforce_opportunity_report_with_labels_is_converted(tmp_path: Path) -> None:
    path = write_export(
        tmp_path,
        "pipeline report.csv",
        "Opportunity ID,Opportunity Name,Account Name,Amount,Stage,Probability (%),Close Date,"
        "Opportunity Owner,Owner Email",
        '006C,Hooli Expansion,Hooli,"USD 1,250,000.00",Negotiation/Review,90%,3/5/2024,'
        "Ann Lee,ann.lee@seller.io",
    )

    assert _salesforce(path) == [
        SourceRow(
            Entity.DEAL,
            {
                "deal_id": "006C",
                "name": "Hooli Expansion",
                "company_name": "Hooli",
                "amount": "1250000.00",
                "stage": "negotiation",
                "probability": "0.9",
                "close_date": "2024-03-05",
                "currency": "USD",
                "owner_email": "ann.lee@seller.io",
            },
            Origin(str(path), 2),
        )
    ]


def test_an_unrecognised_salesforce_header_is_one_problem(tmp_path: Path) -> None:
    path = write_export(tmp_path, "Case.csv", "CaseNumber,Subject,Status", "0001,Broken,New")

    assert _salesforce(path) == [
        SourceProblem(
            Origin(str(path), 1),
            "not a Salesforce export of opportunities, contacts, accounts: expected a header "
            "with 'StageName' or 'Opportunity ID' for opportunities; 'LastName' or 'Contact "
            "ID' for contacts; 'Id'/'Account ID' and 'Name'/'Account Name' for accounts",
        )
    ]
