"""Deals across every pipeline stage, with owners and buying committees.

Probabilities follow the stage (won 1.0, lost 0.0); closed deals closed in the past,
open ones close in the next months. Amounts grow with the account's size and are in the
account's currency (USD, GBP, EUR, CNY). Decision-makers are genuinely senior (the top,
C-level or VPs); economic buyers sit in Finance, technical buyers in Engineering or IT,
blockers in Procurement or Legal.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.demo.ids import IdKind, demo_provenance
from ingest.demo.organisations.profiles import CompanyProfile, PersonProfile
from ingest.demo.timeline import Timeline
from schema.enums import DealContactRole, DealStage, Label, Seniority
from schema.model import Deal, make_uid

__all__ = ["DealPlan", "plan_deals"]

_STAGES = tuple(DealStage)
_STAGE_WEIGHTS = (0.14, 0.14, 0.14, 0.10, 0.28, 0.20)
_PROBABILITIES = {
    DealStage.PROSPECTING: (0.05, 0.1),
    DealStage.QUALIFICATION: (0.2, 0.25),
    DealStage.PROPOSAL: (0.4, 0.5),
    DealStage.NEGOTIATION: (0.6, 0.75, 0.8),
    DealStage.CLOSED_WON: (1.0,),
    DealStage.CLOSED_LOST: (0.0,),
}
_CLOSED = (DealStage.CLOSED_WON, DealStage.CLOSED_LOST)
_USD_RATE = {"USD": 1.0, "GBP": 0.8, "EUR": 0.92, "CNY": 7.2}
_PRODUCTS = (
    "Platform Subscription",
    "Enterprise Licence",
    "Analytics Add-on",
    "Renewal",
    "Expansion",
    "Pilot",
    "Professional Services",
    "Data Integration",
)
_PRODUCTS_ZH = ("平台订阅", "企业版授权", "数据平台采购", "续约", "扩容", "试点项目")
_SENIOR = (Seniority.BOARD, Seniority.C_LEVEL, Seniority.VP)
_MIDDLE = (Seniority.VP, Seniority.DIRECTOR, Seniority.MANAGER)


@dataclass(frozen=True, slots=True)
class DealPlan:
    """A deal record with its company, owner, buying committee and open period (days)."""

    record: Deal
    company: int
    owner: int
    contacts: tuple[tuple[int, DealContactRole], ...]
    open_day: int
    close_day: int


_WANTED = (
    (0.7, DealContactRole.ECONOMIC_BUYER, _SENIOR + (Seniority.DIRECTOR,), ("Finance",)),
    (0.85, DealContactRole.CHAMPION, _MIDDLE, ()),
    (0.5, DealContactRole.TECHNICAL_BUYER, _MIDDLE, ("Engineering", "IT")),
    (0.4, DealContactRole.INFLUENCER, _MIDDLE, ()),
    (0.5, DealContactRole.USER, (Seniority.INDIVIDUAL_CONTRIBUTOR,), ()),
    (0.15, DealContactRole.BLOCKER, (), ("Procurement", "Legal")),
)


class _Candidates:
    """Per company and role, the staff who fit the role (computed once, then cached)."""

    def __init__(self, staff: Sequence[Sequence[int]], people: Sequence[PersonProfile]):
        self._staff, self._people = staff, people
        self._cache: dict[tuple[int, DealContactRole], list[int]] = {}

    def pool(
        self,
        company: int,
        role: DealContactRole,
        seniority: Sequence[Seniority],
        departments: Sequence[str],
    ) -> list[int]:
        key = (company, role)
        if key not in self._cache:
            self._cache[key] = [
                index
                for index in self._staff[company]
                if (seat := self._people[index].seat) is not None
                and (not seniority or seat.seniority in seniority)
                and (not departments or seat.department.key in departments)
            ]
        return self._cache[key]

    def pick(
        self,
        rng: random.Random,
        company: int,
        role: DealContactRole,
        seniority: Sequence[Seniority],
        departments: Sequence[str],
        used: Sequence[int],
    ) -> int | None:
        pool = self.pool(company, role, seniority, departments)
        for _ in range(min(len(pool), 4)):
            chosen = rng.choice(pool)
            if chosen not in used:
                return chosen
        return None

    def committee(
        self, rng: random.Random, company: int
    ) -> tuple[tuple[int, DealContactRole], ...]:
        top = self._staff[company][0]
        decider = None
        if len(self._staff[company]) > 10 and rng.random() > 0.3:
            decider = self.pick(rng, company, DealContactRole.DECISION_MAKER, _SENIOR, (), ())
        used = [top if decider is None else decider]
        roles = [(used[0], DealContactRole.DECISION_MAKER)]
        for chance, role, seniority, departments in _WANTED:
            if rng.random() < chance:
                chosen = self.pick(rng, company, role, seniority, departments, used)
                if chosen is not None:
                    used.append(chosen)
                    roles.append((chosen, role))
        return tuple(roles)


def _dates(rng: random.Random, stage: DealStage, days: int) -> tuple[int, int]:
    if stage in _CLOSED:
        close = rng.randint(30, days)
        return close - rng.randint(30, 240), close
    opened = days - rng.randint(5, 120 if stage is DealStage.PROSPECTING else 400)
    return opened, days + rng.randint(10, 200)


def _deal(
    rng: random.Random, number: int, company: CompanyProfile, owner_uid: str, timeline: Timeline
) -> tuple[Deal, int, int]:
    stage = rng.choices(_STAGES, weights=_STAGE_WEIGHTS)[0]
    opened, closed = _dates(rng, stage, timeline.days)
    currency = company.country.currency
    usd = 2000 * company.size**0.6 * rng.lognormvariate(0, 0.5)
    product = rng.choice(_PRODUCTS_ZH if company.chinese else _PRODUCTS)
    provenance = demo_provenance(IdKind.DEAL, number)
    record = Deal(
        uid=make_uid(Label.DEAL, provenance),
        name=f"{company.brand} - {product}",
        provenance=provenance,
        company_uid=company.record.uid,
        amount=float(round(usd * _USD_RATE[currency], -2)) or 100.0,
        currency=currency,
        stage=stage,
        probability=rng.choice(_PROBABILITIES[stage]),
        close_date=timeline.date_at(closed),
        owner_uid=owner_uid,
    )
    return record, opened, closed


def plan_deals(
    rng: random.Random,
    count: int,
    *,
    companies: Sequence[CompanyProfile],
    people: Sequence[PersonProfile],
    staff: Sequence[Sequence[int]],
    owners: Sequence[Sequence[int]],
    timeline: Timeline,
) -> list[DealPlan]:
    """Return ``count`` deals, mostly with owned accounts, a few with prospects.

    ``staff`` and ``owners`` give, per company index, its current staff (top first) and
    the colleagues who own it. A prospect's deal is owned by a random Sales colleague.
    """
    sellers = [
        i
        for i, p in enumerate(people)
        if p.record.is_colleague
        and p.manager is not None
        and p.seat is not None
        and p.seat.department.key == "Sales"
    ]
    targets = [i for i, c in enumerate(companies) if not c.record.is_home and not c.venture]
    weights = [companies[i].size ** 0.5 * (3.0 if owners[i] else 0.4) for i in targets]
    candidates = _Candidates(staff, people)
    plans: list[DealPlan] = []
    for number in range(1, count + 1):
        company = rng.choices(targets, weights=weights)[0]
        owner = rng.choice(owners[company] or sellers)
        record, opened, closed = _deal(
            rng, number, companies[company], people[owner].record.uid, timeline
        )
        committee = candidates.committee(rng, company)
        plans.append(DealPlan(record, company, owner, committee, opened, closed))
    return plans
