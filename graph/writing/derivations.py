"""Derivations run after an import, only for what it touched."""

from __future__ import annotations

from collections.abc import Iterable

from graph.driver import GraphClient
from graph.queries.derivations import DERIVE_COMPANY_DOMAINS
from schema.changes import touched

__all__ = ["derive_company_domains"]


async def derive_company_domains(
    client: GraphClient,
    *,
    company_uids: Iterable[str],
    person_uids: Iterable[str],
    page_size: int = 2000,
) -> int:
    """Give domain-less companies (touched ones, and the employers of touched people) the
    work-email domain most of their current people share (each page touches, in the change
    feed, the companies that got one). Returns how many got one."""
    companies, people = sorted(set(company_uids)), sorted(set(person_uids))
    derived = 0
    for start in range(0, max(len(companies), len(people)), page_size):
        records = await client.write(
            DERIVE_COMPANY_DOMAINS,
            {
                "company_uids": companies[start : start + page_size],
                "person_uids": people[start : start + page_size],
            },
            touched=lambda found: touched(companies=found[0]["companies"] if found else ()),
        )
        derived += int(records[0]["derived"]) if records else 0
    return derived
