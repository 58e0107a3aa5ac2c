"""Who truly knows whom: the latent ties behind every interaction.

* inside every company (ours included): manager and report, peers under one manager,
  some skip-level pairs;
* account owners with several people at their accounts (seniors more likely), our top
  executive with the tops of large accounts, Customer Success with users;
* careers: former coworkers who overlapped, account owners who knew someone before they
  moved, board members, advisors and investors with the company's executives;
* corporate families (the tops of parent and subsidiary);
* deals: the owner with every member of the buying committee, a solutions engineer with
  the technical buyer;
* weak acquaintances across companies, and one-way cold outreach by Sales.

Then some external ties go cold: their interactions stop months before the anchor date.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from ingest.demo.activity.deals import DealPlan
from ingest.demo.activity.ties import TieBook, TieContext
from ingest.demo.organisations.profiles import Affiliation, CompanyProfile, PersonProfile
from schema.enums import DealContactRole, DealStage, EmploymentRole

__all__ = [
    "add_account_ties",
    "add_career_ties",
    "add_deal_ties",
    "add_family_ties",
    "add_loose_ties",
    "add_org_ties",
    "cool_down",
]

_INTERNAL = (TieContext.MANAGER, TieContext.PEER, TieContext.COWORKER, TieContext.INTRODUCTION)
_ROLE_STRENGTH = {
    DealContactRole.CHAMPION: (0.55, 0.85),
    DealContactRole.DECISION_MAKER: (0.3, 0.6),
    DealContactRole.ECONOMIC_BUYER: (0.25, 0.5),
    DealContactRole.TECHNICAL_BUYER: (0.35, 0.7),
    DealContactRole.USER: (0.15, 0.45),
    DealContactRole.INFLUENCER: (0.2, 0.5),
    DealContactRole.BLOCKER: (0.05, 0.25),
}


def add_org_ties(rng: random.Random, book: TieBook, people: Sequence[PersonProfile]) -> None:
    """Tie every person to their manager, some to a peer and some to their skip-level."""
    reports: dict[int, list[int]] = {}
    for index, person in enumerate(people):
        manager = person.manager
        if manager is None:
            continue
        reports.setdefault(manager, []).append(index)
        start = max(person.start_day, people[manager].start_day)
        book.add(manager, index, rng.uniform(0.45, 0.85), TieContext.MANAGER, start=start)
        grand = people[manager].manager
        if grand is not None and rng.random() < 0.2:
            book.add(grand, index, rng.uniform(0.1, 0.3), TieContext.COWORKER, start=start)
    for team in reports.values():
        for member in team:
            peer = rng.choice(team)
            if peer != member and rng.random() < 0.5:
                start = max(people[member].start_day, people[peer].start_day)
                book.add(member, peer, rng.uniform(0.2, 0.55), TieContext.PEER, start=start)


def _sample(
    rng: random.Random, staff: Sequence[int], people: Sequence[PersonProfile], k: int
) -> list[int]:
    weights = [3.0 if people[i].depth <= 1 else 2.0 if people[i].depth == 2 else 1.0 for i in staff]
    chosen: list[int] = []
    for index in rng.choices(staff, weights=weights, k=3 * k):
        if index not in chosen:
            chosen.append(index)
    return chosen[:k]


def add_account_ties(
    rng: random.Random,
    book: TieBook,
    *,
    companies: Sequence[CompanyProfile],
    people: Sequence[PersonProfile],
    staff: Sequence[Sequence[int]],
    ownership: Sequence[tuple[int, int]],
    days: int,
) -> None:
    """Tie account owners to people at their accounts, executives to executives."""
    home_top = staff[0][0]
    success = [
        i
        for i in staff[0]
        if (seat := people[i].seat) is not None and seat.department.key == "Customer Success"
    ] or list(staff[0])
    for owner, company in ownership:
        roster = staff[company]
        k = min(len(roster), 2 + round(len(roster) ** 0.5 * 0.8), 12)
        for contact in _sample(rng, roster, people, k):
            start = max(people[contact].start_day, rng.randint(0, days // 2))
            book.add(owner, contact, rng.betavariate(2.0, 2.2), TieContext.ACCOUNT, start=start)
        if companies[company].size >= 100:
            book.add(home_top, roster[0], rng.uniform(0.2, 0.45), TieContext.EXECUTIVE_SPONSOR)
        if rng.random() < 0.3:
            agent = rng.choice(success)
            users = [i for i in roster if people[i].depth >= 3] or list(roster)
            for user in rng.sample(users, min(len(users), rng.randint(1, 3))):
                book.add(
                    agent,
                    user,
                    rng.uniform(0.08, 0.35),
                    TieContext.ACCOUNT,
                    start=rng.randint(0, days // 2),
                )


def _overlapping(
    rng: random.Random, staff: Sequence[int], people: Sequence[PersonProfile], left: int
) -> list[int]:
    sample = rng.sample(list(staff), min(len(staff), 20))
    return [i for i in sample if people[i].start_day < left - 60][: rng.randint(1, 3)]


def add_career_ties(
    rng: random.Random,
    book: TieBook,
    *,
    people: Sequence[PersonProfile],
    staff: Sequence[Sequence[int]],
    affiliations: Sequence[Affiliation],
    owners: Sequence[Sequence[int]],
) -> None:
    """Tie movers to former coworkers and account owners; board members etc. to executives."""
    for seat in affiliations:
        person, roster = seat.person, staff[seat.company]
        if seat.role is EmploymentRole.EMPLOYEE and seat.end_day is not None:
            for coworker in _overlapping(rng, roster, people, seat.end_day):
                book.add(person, coworker, rng.uniform(0.25, 0.7), TieContext.FORMER_COWORKER)
            for owner in owners[seat.company]:
                if rng.random() < 0.6:
                    book.add(owner, person, rng.uniform(0.25, 0.65), TieContext.FORMER_ACCOUNT)
            continue
        context, low, high = {
            EmploymentRole.BOARD_MEMBER: (TieContext.BOARD, 0.4, 0.75),
            EmploymentRole.ADVISOR: (TieContext.ADVISOR, 0.3, 0.6),
            EmploymentRole.INVESTOR: (TieContext.INVESTOR, 0.45, 0.8),
        }[seat.role]
        start, end = seat.start_day, seat.end_day
        book.add(person, roster[0], rng.uniform(low, high), context, start=start, end=end)
        heads = [i for i in roster[1:8] if people[i].depth == 1]
        if heads and rng.random() < 0.5:
            book.add(
                person,
                rng.choice(heads),
                rng.uniform(low, high) * 0.7,
                context,
                start=start,
                end=end,
            )


def add_family_ties(
    rng: random.Random,
    book: TieBook,
    companies: Sequence[CompanyProfile],
    staff: Sequence[Sequence[int]],
) -> None:
    """Tie the top of each subsidiary to the top of its parent."""
    for index, company in enumerate(companies):
        if company.parent is not None:
            book.add(
                staff[company.parent][0],
                staff[index][0],
                rng.uniform(0.45, 0.8),
                TieContext.CORPORATE_FAMILY,
            )


def add_deal_ties(
    rng: random.Random, book: TieBook, *, deals: Sequence[DealPlan], engineers: Sequence[int]
) -> None:
    """Tie each deal's owner to its buying committee for the life of the deal."""
    for number, plan in enumerate(deals):
        stage = plan.record.stage
        end = plan.close_day + rng.randint(0, 45) if stage is DealStage.CLOSED_LOST else None
        start = plan.open_day
        for person, role in plan.contacts:
            low, high = _ROLE_STRENGTH[role]
            book.add(
                plan.owner,
                person,
                rng.uniform(low, high),
                TieContext.DEAL,
                start=start,
                end=end,
                deal=number,
            )
            if role is DealContactRole.TECHNICAL_BUYER and engineers and rng.random() < 0.4:
                book.add(
                    rng.choice(engineers),
                    person,
                    rng.uniform(0.3, 0.6),
                    TieContext.DEAL,
                    start=start,
                    end=end,
                    deal=number,
                )


def add_loose_ties(
    rng: random.Random, book: TieBook, people: Sequence[PersonProfile], sellers: Sequence[int]
) -> None:
    """Add weak acquaintances between contacts and one-way cold outreach by Sales."""
    contacts = [i for i, p in enumerate(people) if not p.record.is_colleague]
    for _ in range(round(0.05 * len(people))):
        a, b = rng.choice(contacts), rng.choice(contacts)
        if people[a].company != people[b].company:
            book.add(
                a, b, rng.uniform(0.05, 0.25), TieContext.ACQUAINTANCE, start=rng.randint(0, 700)
            )
    for _ in range(round(0.03 * len(people))):
        book.add(
            rng.choice(sellers),
            rng.choice(contacts),
            rng.uniform(0.03, 0.2),
            TieContext.ACQUAINTANCE,
            start=rng.randint(0, 900),
        )


def cool_down(rng: random.Random, book: TieBook, days: int) -> None:
    """Make about 15% of the external ties go cold months before the anchor date."""
    for tie in book:
        if tie.context in _INTERNAL or tie.end < days or rng.random() >= 0.15:
            continue
        tie.end = days - rng.randint(90, 540)
        tie.start = min(tie.start, max(0, tie.end - 60))
