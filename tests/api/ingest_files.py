"""``relgraph ingest`` as a user runs it, on real files written into a test's folder: the
files, the call, and what the command reports (exit status, summary table, rejects CSV).

The command runs its own event loop (``asyncio.run``), so :func:`ingest` calls it in a
worker thread; the test's own loop stays free to read the graph through ``clean_graph``.
"""

from __future__ import annotations

import asyncio
import csv
import mailbox
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from typer.testing import CliRunner, Result

from api.cli import app
from graph.config import GraphSettings

__all__ = [
    "BAD_DATE_MESSAGE",
    "CALENDAR",
    "CONNECTIONS",
    "QUARTERLY_MESSAGE",
    "REPLY_MESSAGE",
    "VCARDS",
    "cli_env",
    "described",
    "ingest",
    "read_rejects",
    "rejected",
    "says",
    "summary",
    "tuples",
    "write_hubspot_export",
    "write_lines",
    "write_mbox",
    "write_native_folder",
    "write_salesforce_export",
]

_runner = CliRunner()
_REJECT_COLUMNS = ["file", "line", "column", "value", "reason", "outcome"]


def cli_env(settings: GraphSettings) -> dict[str, str]:
    """The environment that points the command at the session's database."""
    return {
        "NEO4J_URI": settings.uri,
        "NEO4J_USER": settings.user or "",
        "NEO4J_PASSWORD": settings.password or "",
    }


async def ingest(env: dict[str, str], *args: str | Path, rejects: Path | None = None) -> Result:
    """``relgraph ingest ARGS... [--rejects REJECTS]``, run in a worker thread."""
    argv = ["ingest", *(str(arg) for arg in args)]
    if rejects is not None:
        argv += ["--rejects", str(rejects)]
    return await asyncio.to_thread(_invoke, argv, env)


def _invoke(argv: list[str], env: dict[str, str]) -> Result:
    return _runner.invoke(app, argv, env=env)


def described(result: Result) -> str:
    """What the command printed, and the exception it died of: for assertion messages."""
    return f"{result.output}\n{result.exception!r}"


def says(result: Result, text: str) -> bool:
    """Whether the command printed ``text``, however rich wrapped it (whitespace, line
    breaks and even a path folded at the console width do not count)."""
    return "".join(text.split()) in "".join(result.output.split())


def summary(result: Result) -> dict[str, tuple[int, ...]]:
    """The summary table: kind -> (created, updated, unchanged, rejected), or (valid,
    rejected) after a dry run."""
    table: dict[str, tuple[int, ...]] = {}
    for line in result.output.splitlines():
        if not line.startswith("│"):
            continue
        kind, *counts = (cell.strip() for cell in line.strip("│ ").split("│"))
        table[kind] = tuple(int(count.replace(",", "")) for count in counts)
    return table


def tuples(records: Iterable[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """Records as tuples of their values in column order (the query names the columns)."""
    return [tuple(record.values()) for record in records]


def read_rejects(path: Path) -> list[dict[str, str]]:
    """The rows of a rejects CSV (its header checked)."""
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        assert reader.fieldnames == _REJECT_COLUMNS
        return list(reader)


def rejected(
    file: Path,
    line: int,
    reason: str,
    *,
    column: str = "",
    value: str = "",
    outcome: str = "rejected",
) -> dict[str, str]:
    """One expected row of a rejects CSV."""
    return {
        "file": str(file),
        "line": str(line),
        "column": column,
        "value": value,
        "reason": reason,
        "outcome": outcome,
    }


def write_lines(
    path: Path, *lines: str, encoding: str = "utf-8", bom: bytes = b"", end: str = "\n"
) -> Path:
    """Write ``lines``, each ended by ``end``, in ``encoding``; create the folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bom + "".join(line + end for line in lines).encode(encoding))
    return path


def write_native_folder(folder: Path) -> Path:
    """The six native templates: two companies (c2 a subsidiary of c1), four people (p1
    and p3 report to p2; p4 is our colleague), a past job and a board seat, a deal with
    two contacts, a meeting by ids and an email by addresses (one of them new)."""
    write_lines(
        folder / "companies.csv",
        "company_id,name,domain,industry,parent_company_id,address,phone",
        'c1,Acme Holdings,acme.com,Software,,"1 Main St, Springfield",+1 415 555 0100',
        "c2,Acme Europe GmbH,acme.eu,Software,c1,,",
    )
    write_lines(
        folder / "people.csv",
        "person_id,full_name,email,phone,company_id,title,department,manager_person_id,"
        "is_colleague",
        "p1,Ana Lima,Ana@Acme.com,+1 415 555 0101,c1,Chief Financial Officer,Finance,p2,false",
        "p2,Cy Ng,cy@acme.com,,c1,CEO,,,",
        "p3,Bo Chen,bo@acme.eu,,c2,Sales Director,Sales,p2,no",
        "p4,Sam Seller,sam@relgraph.io,,,Account Executive,Sales,,yes",
    )
    write_lines(
        folder / "employments.csv",
        "person_id,company_id,title,department,start_date,end_date,role",
        "p3,c1,Sales Manager,Sales,2019-01-01,2021-06-30,employee",
        "p2,c2,,,2022-01-01,,board_member",
    )
    write_lines(
        folder / "deals.csv",
        "deal_id,name,company_id,amount,currency,stage,probability,close_date,owner_person_id",
        'd1,Acme renewal,c1,"12,000",eur,Proposal,40%,2026-12-31,p4',
    )
    write_lines(
        folder / "deal_contacts.csv",
        "deal_id,person_id,role",
        "d1,p1,economic_buyer",
        "d1,p2,Decision Maker",
    )
    write_lines(
        folder / "interactions.csv",
        "interaction_id,kind,occurred_at,from_person_id,from_email,to_person_ids,to_emails,"
        "subject,deal_id",
        "i1,meeting,2026-03-10T09:00:00+01:00,p4,,p1;p2,,QBR,d1",
        "i2,email,2026-03-11T10:00:00Z,,sam@relgraph.io,,Bo@acme.eu;newcomer@partner.io,"
        "Proposal,d1",
    )
    return folder


def write_hubspot_export(folder: Path) -> tuple[Path, Path]:
    """HubSpot's companies (9001 a subsidiary of 9000), contacts (101 at 9000, 102 at 9001)
    and deals (7002's owner is a name, not an email); return the folder and the deals file."""
    write_lines(
        folder / "hubspot-crm-exports-all-companies-2024-05-01.csv",
        "Record ID,Company name,Company Domain Name,Website URL,Industry,Phone Number,"
        "Street Address,City,State/Region,Postal Code,Country/Region,Parent Company,Create Date",
        "9000,Acme Holdings,acme.com,https://acme.com,COMPUTER_SOFTWARE,+1 415 555 0100,"
        "1 Main St,Springfield,IL,62701,United States,,2024-02-01 09:30",
        "9001,Acme Labs,,https://www.acmelabs.io/about,RESEARCH,,,,,,,9000,2024-02-01 09:31",
    )
    write_lines(
        folder / "hubspot-crm-exports-all-contacts-2024-05-01.csv",
        '"Record ID","First Name","Last Name","Email","Phone Number","Mobile Phone Number",'
        '"Job Title","Company Name","Associated Company IDs","Contact owner","Lifecycle Stage"',
        '"101","Ana","Silva","ana@acme.com","+1 415 555 0101","+1 415 555 0199","CTO",'
        '"Acme Holdings","9000","Sam Sales","customer"',
        '"102","Bo","Chen","bo@acmelabs.io","","","VP Sales","Acme Labs","9001;9000","","lead"',
    )
    deals = write_lines(
        folder / "hubspot-crm-exports-all-deals-2024-05-01.csv",
        "Record ID,Deal Name,Deal Stage,Amount,Close Date,Deal owner,Pipeline,"
        "Associated Company IDs,Associated Company",
        "7001,Acme – Renewal,Contract Sent,15000,2024-12-01 00:00,ana@acme.com,Sales Pipeline,"
        "9000,Acme Holdings",
        "7002,Acme Labs – Pilot,Closed Won (Sales Pipeline),2500.50,2024-06-30,Sam Sales,,9001,"
        "Acme Labs",
    )
    return folder, deals


def write_salesforce_export(folder: Path) -> tuple[Path, Path, Path]:
    """Salesforce's accounts (001B a subsidiary of 001A; a street on two lines), contacts
    (Data Loader headers; 003B reports to 003A) and opportunities (006B's owner is a user
    id); return the three files."""
    accounts = write_lines(
        folder / "Account.csv",
        "Id,Name,Website,Industry,ParentId,Phone,BillingStreet,BillingCity,BillingState,"
        "BillingPostalCode,BillingCountry",
        '001A,Acme,http://www.acme.com/,Technology,,+1 415 555 0100,"1 Main St',
        'Suite 200",Springfield,IL,62701,USA',
        "001B,Müller AG,mueller.de,Manufacturing,001A,,,Zürich,,8001,Switzerland",
        end="\r\n",
    )
    contacts = write_lines(
        folder / "Contact.csv",
        '"ID","ACCOUNTID","FIRSTNAME","LASTNAME","EMAIL","PHONE","TITLE","DEPARTMENT",'
        '"REPORTSTOID"',
        '"003A","001A","Cy","Ng","cy@acme.com","","CEO","",""',
        '"003B","001A","Ana","Silva","ana@acme.com","","VP Engineering","Engineering","003A"',
        '"003C","001B","Jürgen","Müller","j.mueller@mueller.de","","Einkaufsleiter","Einkauf",""',
        end="\r\n",
    )
    opportunities = write_lines(
        folder / "Opportunity.csv",
        "Id,Name,AccountId,Amount,StageName,Probability,CloseDate,OwnerId,CurrencyIsoCode,"
        "OwnerEmail",
        "006A,Acme Renewal,001A,15000,Id. Decision Makers,60,3/31/2024,005X,USD,cy@acme.com",
        "006B,Müller Pilot,001B,,Closed Lost,0,12/01/2023,005X,EUR,",
        end="\r\n",
    )
    return accounts, contacts, opportunities


def _message(*headers: str, body: str) -> bytes:
    return ("\r\n".join(headers) + "\r\n\r\n" + body + "\r\n").encode("utf-8")


QUARTERLY_MESSAGE = _message(
    "From: Ana Lopez <Ana.Lopez@Acme.example>",
    "To: Bo Chen <bo.chen@client.example>,",
    " dave@partner.example",
    'Cc: "Diaz, Carla" <Carla@Client.example>',
    "Bcc: secret@acme.example",
    "Date: Wed, 10 Sep 2025 09:30:00 +0200",
    "Message-ID: <CAF123@mail.acme.example>",
    "Subject: Quarterly review",
    "Content-Type: text/plain; charset=utf-8",
    body="See you there.\r\n\r\nAna",
)
"""Ana to Bo and Dave, Carla in copy, a Bcc that must never be read."""

REPLY_MESSAGE = _message(
    "From: Bo Chen <bo.chen@client.example>",
    "To: ana.lopez@acme.example",
    "Date: Thu, 11 Sep 2025 16:00:00 +0000",
    "Message-ID: <re-1@client.example>",
    "In-Reply-To: <CAF123@mail.acme.example>",
    "Subject: Re: Quarterly review",
    body="Works for me.",
)
"""Bo's answer to Ana."""

BAD_DATE_MESSAGE = _message(
    "From: bo.chen@client.example",
    "To: ana.lopez@acme.example",
    "Date: yesterday at noon",
    "Message-ID: <bad-date@client.example>",
    "Subject: Re: Re: Quarterly review",
    body="Sorry, one more thing.",
)
"""A message whose Date no RFC 5322 parser reads."""


def write_mbox(path: Path, messages: Iterable[bytes]) -> Path:
    """An mbox file holding ``messages`` in order."""
    box = mailbox.mbox(path)
    try:
        for message in messages:
            box.add(message)
    finally:
        box.close()
    return path


VCARDS = (
    "BEGIN:VCARD",  # line 1: an iPhone's vCard 3.0
    "VERSION:3.0",
    "PRODID:-//Apple Inc.//iPhone OS 17.4//EN",
    "N:Lopez;Ana;Maria;;",
    "FN:Ana Maria Lo",
    " pez",
    "ORG:Acme Corporation;Strategic Sales;",
    "TITLE:VP Sales",
    "EMAIL;type=INTERNET;type=WORK;type=pref:ana.lopez@acme.example",
    "EMAIL;type=INTERNET;type=HOME:Ana@Home.example",
    "TEL;type=CELL;type=VOICE;type=pref:+1 (555) 010-2000",
    "UID:a1b2c3d4-0001",
    "END:VCARD",
    "BEGIN:VCARD",  # line 14: Nextcloud's vCard 4.0
    "VERSION:4.0",
    "UID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1",
    "FN:Björn Ängström",
    "N:Ängström;Björn;;;",
    "EMAIL;TYPE=work;PREF=1:bjorn@nordic.example",
    "EMAIL;TYPE=home;PREF=2:bjorn.a@mail.example",
    'TEL;VALUE=uri;TYPE="voice,cell";PREF=1:tel:+46-70-123-4567',
    "ORG:Nordic Trading AB",
    "TITLE:Head of Procurement",
    "END:VCARD",
)
"""Two contacts (write them with ``end="\\r\\n"``)."""

CALENDAR = (
    "BEGIN:VCALENDAR",
    "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
    "VERSION:2.0",
    "BEGIN:VEVENT",  # line 4
    "UID:qbr-2025-09@acme.example",
    "DTSTAMP:20250901T120000Z",
    "DTSTART;TZID=Europe/Berlin:20250910T093000",
    "DTEND;TZID=Europe/Berlin:20250910T103000",
    "SUMMARY:Quarterly review",
    'ORGANIZER;CN="Ana Lopez":mailto:Ana.Lopez@Acme.example',
    "ATTENDEE;PARTSTAT=ACCEPTED;CN=Ana Lopez:mailto:ana.lopez@acme.example",
    'ATTENDEE;PARTSTAT=ACCEPTED;CN="Bo Chen":mailto:bo.c',
    " hen@client.example",
    "ATTENDEE;PARTSTAT=DECLINED;CN=Carla Diaz:mailto:carla@client.example",
    "ATTENDEE;CUTYPE=ROOM;CN=Room 4.01:mailto:room401@acme.example",
    "ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:dave@partner.example",
    "DESCRIPTION:Agenda: numbers\\, pipeline\\, hiring.",
    "END:VEVENT",
    "END:VCALENDAR",
)
"""One meeting: Ana organizes (and attends), Bo accepted, Carla declined, a room, and Dave
has not answered (write it with ``end="\\r\\n"``)."""

CONNECTIONS = (
    "Notes:",
    '"When exporting your connection data, you may notice that some of the email addresses '
    "are missing. You will only see email addresses for connections who have allowed their "
    'connections to see or download their email address."',
    "",
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
    "Ana,Silva,https://www.linkedin.com/in/Ana-Silva/?originalSubdomain=pt,ana@acme.com,Acme,"
    "CTO,15 Mar 2023",
    'Bo,Chen,https://www.linkedin.com/in/bochen,,"Globex, Inc.",VP Sales,01 Feb 2021',
)
"""LinkedIn's Connections.csv, with its preamble: connections on lines 5 and 6."""
