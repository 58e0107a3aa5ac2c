"""Turning the generator's profiles and plans into the model's relationship records.

Ids are sequential per kind (``e-000001``, ``r-000001``, ``s-00001``, ``o-00001``,
``dc-000001``) in generation order.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from ingest.demo.activity.deals import DealPlan
from ingest.demo.ids import IdKind, demo_provenance
from ingest.demo.organisations.profiles import Affiliation, CompanyProfile, PersonProfile
from ingest.demo.timeline import Timeline
from schema.model import (
    AccountOwnership,
    DealContact,
    Employment,
    ReportingLine,
    Subsidiary,
)

__all__ = [
    "deal_contact_records",
    "employment_records",
    "ownership_records",
    "reporting_records",
    "subsidiary_records",
]


def employment_records(
    people: Sequence[PersonProfile],
    companies: Sequence[CompanyProfile],
    affiliations: Sequence[Affiliation],
    timeline: Timeline,
) -> list[Employment]:
    """Return every person's current job, then past jobs, board seats and other roles."""
    jobs: list[Employment] = []
    for person in people:
        record = person.record
        jobs.append(
            Employment(
                person_uid=record.uid,
                company_uid=companies[person.company].record.uid,
                provenance=demo_provenance(IdKind.EMPLOYMENT, len(jobs) + 1),
                title=record.title,
                department=record.department,
                seniority=record.seniority,
                start=timeline.date_at(person.start_day) if person.seat is not None else None,
            )
        )
    for seat in affiliations:
        jobs.append(
            Employment(
                person_uid=people[seat.person].record.uid,
                company_uid=companies[seat.company].record.uid,
                provenance=demo_provenance(IdKind.EMPLOYMENT, len(jobs) + 1),
                title=seat.title,
                department=seat.department,
                seniority=seat.seniority,
                role=seat.role,
                start=timeline.date_at(seat.start_day),
                end=None if seat.end_day is None else timeline.date_at(seat.end_day),
            )
        )
    return jobs


def reporting_records(
    rng: random.Random,
    people: Sequence[PersonProfile],
    companies: Sequence[CompanyProfile],
    timeline: Timeline,
) -> tuple[list[ReportingLine], dict[int, bool]]:
    """Split the true reports-to lines into explicit records and withheld ones.

    Our own org chart is fully known; an account's is known for a random 45-85% of its
    lines, and some small accounts have no known lines at all. Returns the explicit
    records and, per person index with a manager, whether the line is explicit.
    """
    coverage = [
        1.0
        if c.record.is_home
        else 0.0
        if c.size < 15 and rng.random() < 0.15
        else rng.uniform(0.45, 0.85)
        for c in companies
    ]
    lines: list[ReportingLine] = []
    explicit: dict[int, bool] = {}
    for index, person in enumerate(people):
        if person.manager is None:
            continue
        explicit[index] = shown = rng.random() < coverage[person.company]
        if shown:
            manager = people[person.manager]
            lines.append(
                ReportingLine(
                    person_uid=person.record.uid,
                    manager_uid=manager.record.uid,
                    provenance=demo_provenance(IdKind.REPORTING, len(lines) + 1),
                    valid_from=timeline.date_at(max(person.start_day, manager.start_day)),
                )
            )
    return lines, explicit


def subsidiary_records(companies: Sequence[CompanyProfile]) -> list[Subsidiary]:
    """Return a SUBSIDIARY_OF record per company with a parent."""
    records: list[Subsidiary] = []
    for company in companies:
        if company.parent is not None:
            records.append(
                Subsidiary(
                    child_uid=company.record.uid,
                    parent_uid=companies[company.parent].record.uid,
                    provenance=demo_provenance(IdKind.SUBSIDIARY, len(records) + 1),
                )
            )
    return records


def ownership_records(
    pairs: Sequence[tuple[int, int]],
    people: Sequence[PersonProfile],
    companies: Sequence[CompanyProfile],
) -> list[AccountOwnership]:
    """Return an OWNS record per (colleague index, company index) pair."""
    return [
        AccountOwnership(
            person_uid=people[person].record.uid,
            company_uid=companies[company].record.uid,
            provenance=demo_provenance(IdKind.OWNERSHIP, number),
        )
        for number, (person, company) in enumerate(pairs, start=1)
    ]


def deal_contact_records(
    deals: Sequence[DealPlan], people: Sequence[PersonProfile]
) -> list[DealContact]:
    """Return an INVOLVED_IN record per member of each deal's buying committee."""
    contacts: list[DealContact] = []
    for plan in deals:
        for person, role in plan.contacts:
            contacts.append(
                DealContact(
                    deal_uid=plan.record.uid,
                    person_uid=people[person].record.uid,
                    role=role,
                    provenance=demo_provenance(IdKind.DEAL_CONTACT, len(contacts) + 1),
                )
            )
    return contacts
