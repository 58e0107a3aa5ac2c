"""The complete list of typed links between companies, read off the generated records.

Computed from the data rather than from what was planted, so the ground truth also holds
the links that arose by themselves (a parent and subsidiary at one address, two boards
sharing a member, a colleague who used to work at an account).

Examples
--------
>>> from schema.model import Company, Provenance
>>> def company(n: int, phone: str) -> Company:
...     return Company(uid=f"company:demo:c-{n}", name=f"C{n}", phone=phone,
...                    provenance=Provenance(source="demo", source_id=f"c-{n}"))
>>> [link.kind.value for link in find_hidden_links(
...     companies=[company(1, "+1"), company(2, "+1")], subsidiaries=[], employments=[],
...     duplicates=[])]
['shared_phone']
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ingest.demo.truth.ground_truth import HiddenLink, HiddenLinkKind
from schema.enums import EmploymentRole
from schema.model import Company, Employment, Subsidiary

__all__ = ["find_hidden_links"]

_SIDE_ROLES = {
    EmploymentRole.BOARD_MEMBER: HiddenLinkKind.SHARED_BOARD_MEMBER,
    EmploymentRole.ADVISOR: HiddenLinkKind.SHARED_ADVISOR,
    EmploymentRole.INVESTOR: HiddenLinkKind.SHARED_INVESTOR,
}
_IDENTIFIERS = (
    ("address", HiddenLinkKind.SHARED_ADDRESS),
    ("phone", HiddenLinkKind.SHARED_PHONE),
    ("domain", HiddenLinkKind.SHARED_DOMAIN),
)


def _link(kind: HiddenLinkKind, a: str, b: str, evidence: str) -> HiddenLink:
    first, second = (a, b) if a < b else (b, a)
    return HiddenLink(kind=kind, company_a=first, company_b=second, evidence=evidence)


def _families(subsidiaries: Sequence[Subsidiary]) -> Iterator[HiddenLink]:
    children: dict[str, list[str]] = {}
    for edge in subsidiaries:
        yield _link(
            HiddenLinkKind.CORPORATE_FAMILY, edge.child_uid, edge.parent_uid, edge.parent_uid
        )
        children.setdefault(edge.parent_uid, []).append(edge.child_uid)
    for parent, kids in children.items():
        for i, first in enumerate(kids):
            for second in kids[i + 1 :]:
                yield _link(HiddenLinkKind.CORPORATE_FAMILY, first, second, parent)


def _shared_identifiers(
    companies: Sequence[Company], duplicates: set[tuple[str, str]]
) -> Iterator[HiddenLink]:
    for field, kind in _IDENTIFIERS:
        groups: dict[str, list[str]] = {}
        shown: dict[str, str] = {}
        for company in companies:
            value = getattr(company, field)
            if value:
                groups.setdefault(value.casefold(), []).append(company.uid)
                shown.setdefault(value.casefold(), value)
        for key, uids in groups.items():
            value = shown[key]
            for i, first in enumerate(uids):
                for second in uids[i + 1 :]:
                    if (first, second) not in duplicates and (second, first) not in duplicates:
                        yield _link(kind, first, second, value)


def _people_links(employments: Sequence[Employment]) -> Iterator[HiddenLink]:
    current: dict[str, list[Employment]] = {}
    past: dict[str, list[str]] = {}
    for job in employments:
        if job.end is None:
            current.setdefault(job.person_uid, []).append(job)
        elif job.role is EmploymentRole.EMPLOYEE:
            past.setdefault(job.person_uid, []).append(job.company_uid)
    for person, jobs in current.items():
        for former in past.get(person, []):
            for job in jobs:
                if job.role is EmploymentRole.EMPLOYEE and job.company_uid != former:
                    yield _link(HiddenLinkKind.FORMER_EMPLOYEE, former, job.company_uid, person)
        for i, first in enumerate(jobs):
            for second in jobs[i + 1 :]:
                side = first if first.role in _SIDE_ROLES else second
                if side.role in _SIDE_ROLES and first.company_uid != second.company_uid:
                    yield _link(
                        _SIDE_ROLES[side.role], first.company_uid, second.company_uid, person
                    )


def find_hidden_links(
    *,
    companies: Sequence[Company],
    subsidiaries: Sequence[Subsidiary],
    employments: Sequence[Employment],
    duplicates: Sequence[tuple[str, str]],
) -> tuple[HiddenLink, ...]:
    """Return every typed link between two companies, sorted and without repeats.

    Parameters
    ----------
    companies, subsidiaries, employments : sequences of model records
        The generated data.
    duplicates : sequence of (str, str)
        (original uid, duplicate uid) company pairs; a duplicate sharing an identifier
        with its own original is a duplicate, not a hidden link.

    Returns
    -------
    tuple of HiddenLink
        Sorted by kind, then the two company uids, then the evidence.
    """
    links = {
        link: None
        for source in (
            _families(subsidiaries),
            _shared_identifiers(companies, set(duplicates)),
            _people_links(employments),
        )
        for link in source
    }
    return tuple(sorted(links, key=lambda k: (k.kind.value, k.company_a, k.company_b, k.evidence)))
