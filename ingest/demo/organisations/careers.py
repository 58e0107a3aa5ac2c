"""Careers beyond the current job: past employers, board seats, advisory roles, investments.

* About 12% of contacts (15% of colleagues) changed jobs: a past employment at another
  company ended shortly before the current one started. Half of the past employers are
  owned accounts, so former employees of one account now sit at another.
* Executives of one company sit on the boards of others (a shared board member links
  the two companies); large Chinese companies without a chair get a 董事长 on the board.
* A few senior people advise other companies; partners of venture firms invest in 1-4.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Sequence

from ingest.demo.organisations.orgchart import chart_levels
from ingest.demo.organisations.profiles import (
    Affiliation,
    CompanyProfile,
    PersonProfile,
    family_root,
)
from ingest.demo.organisations.titles import (
    DEPARTMENTS,
    EXECUTIVE,
    Rung,
    affiliation_title,
    job_title,
)
from ingest.demo.timeline import Timeline
from schema.enums import EmploymentRole, Seniority

__all__ = ["plan_careers"]

_MOVER_SHARE = 0.12
_COLLEAGUE_MOVER_SHARE = 0.15
_BOARD_MIN_SIZE = 11
_ATTEMPTS = 30


def _other_company(
    rng: random.Random, companies: Sequence[CompanyProfile], current: int, owned: Sequence[int]
) -> int | None:
    for _ in range(_ATTEMPTS):
        pool = owned if owned and rng.random() < 0.5 else range(1, len(companies))
        candidate = rng.choice(pool)
        if family_root(companies, candidate) != family_root(companies, current):
            return candidate
    return None


def _past_job(
    rng: random.Random,
    person: PersonProfile,
    index: int,
    companies: Sequence[CompanyProfile],
    past: int,
    end: int,
) -> Affiliation:
    if person.seat is None:
        raise ValueError("only staff with a seat have a career")
    company = companies[past]
    rung, dept = person.seat.rung, person.seat.department
    if dept is EXECUTIVE:
        rung, dept = Rung.HEAD, rng.choice(list(DEPARTMENTS.values()))
    else:
        rung = Rung(min(rung.value + 1, Rung.IC.value))
    title, seniority = job_title(rng, rung, dept, chinese=company.chinese)
    start = end - rng.randint(400, 2500)
    return Affiliation(
        person=index,
        company=past,
        role=EmploymentRole.EMPLOYEE,
        title=title,
        department=dept.name(chinese=company.chinese),
        seniority=seniority,
        start_day=start,
        end_day=end,
    )


def _movers(
    rng: random.Random,
    companies: Sequence[CompanyProfile],
    people: list[PersonProfile],
    owned: Sequence[int],
    timeline: Timeline,
) -> list[Affiliation]:
    jobs: list[Affiliation] = []
    for index, person in enumerate(people):
        colleague = person.record.is_colleague
        if rng.random() >= (_COLLEAGUE_MOVER_SHARE if colleague else _MOVER_SHARE):
            continue
        past = _other_company(rng, companies, person.company, owned)
        if past is None:
            continue
        start = timeline.days - rng.randint(60, 1400)
        people[index] = dataclasses.replace(person, start_day=start)
        jobs.append(_past_job(rng, person, index, companies, past, start - rng.randint(0, 45)))
    return jobs


def _seat_end(rng: random.Random, start: int, timeline: Timeline) -> int | None:
    if rng.random() < 0.1:
        end = start + rng.randint(200, 1200)
        return end if end < timeline.days - 30 else None
    return None


def _outsider(
    rng: random.Random,
    pool: Sequence[int],
    people: Sequence[PersonProfile],
    companies: Sequence[CompanyProfile],
    company: int,
    seated: Sequence[int],
) -> int | None:
    for _ in range(_ATTEMPTS):
        candidate = rng.choice(pool)
        other = people[candidate].company
        if candidate not in seated and family_root(companies, other) != family_root(
            companies, company
        ):
            return candidate
    return None


def _board_seats(
    rng: random.Random,
    companies: Sequence[CompanyProfile],
    people: Sequence[PersonProfile],
    timeline: Timeline,
) -> list[Affiliation]:
    execs = [
        i
        for i, p in enumerate(people)
        if p.depth <= 1 and not p.record.is_colleague and p.seat is not None
    ]
    seats: list[Affiliation] = []
    for index, company in enumerate(companies):
        if company.record.is_home or company.venture or company.size < _BOARD_MIN_SIZE:
            continue
        count = rng.choices((0, 1, 2, 3), weights=(3.0, 3.5, 2.5, 1.0))[0]
        needs_chair = company.chinese and chart_levels(company.size) < 6
        members: list[int] = []
        for number in range(count):
            member = _outsider(rng, execs, people, companies, index, members)
            if member is None:
                continue
            members.append(member)
            chair = needs_chair and number == 0 and rng.random() < 0.6
            title = affiliation_title(
                rng, EmploymentRole.BOARD_MEMBER, chinese=company.chinese, chair=chair
            )
            start = timeline.days - rng.randint(100, 3000)
            seats.append(
                Affiliation(
                    member,
                    index,
                    EmploymentRole.BOARD_MEMBER,
                    title,
                    None,
                    Seniority.BOARD,
                    start,
                    _seat_end(rng, start, timeline),
                )
            )
    return seats


def _side_roles(
    rng: random.Random,
    companies: Sequence[CompanyProfile],
    people: Sequence[PersonProfile],
    timeline: Timeline,
) -> list[Affiliation]:
    roles: list[Affiliation] = []
    seniors = [i for i, p in enumerate(people) if p.depth <= 2 and not p.record.is_colleague]
    targets = [i for i, c in enumerate(companies) if not c.record.is_home and not c.venture]
    for _ in range(max(1, round(0.04 * len(companies)))):
        company = rng.choice(targets)
        advisor = _outsider(rng, seniors, people, companies, company, ())
        if advisor is not None:
            roles.append(
                _side_role(rng, EmploymentRole.ADVISOR, advisor, company, companies, timeline)
            )
    partners = [i for i, p in enumerate(people) if companies[p.company].venture and p.depth <= 1]
    for partner in partners:
        for company in rng.sample(targets, min(len(targets), rng.randint(1, 4))):
            roles.append(
                _side_role(rng, EmploymentRole.INVESTOR, partner, company, companies, timeline)
            )
    return roles


def _side_role(
    rng: random.Random,
    role: EmploymentRole,
    person: int,
    company: int,
    companies: Sequence[CompanyProfile],
    timeline: Timeline,
) -> Affiliation:
    title = affiliation_title(rng, role, chinese=companies[company].chinese)
    start = timeline.days - rng.randint(200, 2500)
    return Affiliation(
        person,
        company,
        role,
        title,
        None,
        Seniority.UNKNOWN,
        start,
        _seat_end(rng, start, timeline),
    )


def plan_careers(
    rng: random.Random,
    companies: Sequence[CompanyProfile],
    people: list[PersonProfile],
    owned: Sequence[int],
    timeline: Timeline,
) -> list[Affiliation]:
    """Return past jobs, board seats, advisory roles and investments.

    Parameters
    ----------
    rng : random.Random
        The generator's random source.
    companies : sequence of CompanyProfile
        All distinct companies, home first.
    people : list of PersonProfile
        All staff; movers get a later start date for their current job, in place.
    owned : sequence of int
        Indices of owned accounts (favoured as past employers).
    timeline : Timeline
        The demo calendar.

    Returns
    -------
    list of Affiliation
        Past jobs first, then board seats, then advisory roles and investments.
    """
    jobs = _movers(rng, companies, people, owned, timeline)
    return (
        jobs
        + _board_seats(rng, companies, people, timeline)
        + _side_roles(rng, companies, people, timeline)
    )
