"""Staffing: one person per org-chart seat, with a name, contact details and a start date.

The home company's staff are the colleagues (``is_colleague``); its org chart is weighted
towards Sales and Customer Success, who own the accounts and deals. CRM data is
incomplete on purpose: some contacts have no email, phone, title or department.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Mapping

from ingest.demo.ids import IdKind, ShuffledNumbers, demo_provenance
from ingest.demo.names.person_names import PersonName, claim_email, draw_name
from ingest.demo.organisations.companies import claim_unique
from ingest.demo.organisations.orgchart import Seat, build_org_chart
from ingest.demo.organisations.places import draw_mobile, draw_phone
from ingest.demo.organisations.profiles import CompanyProfile, PersonProfile, Registries
from ingest.demo.timeline import Timeline
from schema.enums import Label, Seniority
from schema.model import Person, make_uid

__all__ = ["HOME_DEPARTMENTS", "staff_companies"]

HOME_DEPARTMENTS: Mapping[str, float] = {
    "Sales": 5.0,
    "Customer Success": 3.0,
    "Engineering": 4.0,
    "Marketing": 1.5,
    "Finance": 1.0,
    "HR": 0.8,
    "Legal": 0.5,
    "Operations": 1.0,
}
"""Department weights of the home company's org chart."""

_PERSONAL_DOMAINS = ("gmail.com", "outlook.com", "yahoo.com")
_CHINESE_PERSONAL_DOMAINS = ("qq.com", "163.com", "126.com")


def _phone(rng: random.Random, company: CompanyProfile, taken: Registries) -> str:
    if rng.random() < 0.5:
        return claim_unique(taken.phones, lambda: draw_mobile(rng, company.country))
    return claim_unique(taken.phones, lambda: draw_phone(rng, company.country, company.city))


def _tenure(rng: random.Random, seat: Seat) -> int:
    if seat.depth <= 1:
        return rng.randint(365, 5000)
    return rng.randint(30, 3650)


def _person(
    rng: random.Random,
    company: CompanyProfile,
    seat: Seat,
    *,
    number: int,
    taken: Registries,
    home: bool,
) -> tuple[Person, PersonName]:
    name = draw_name(rng, chinese_company=company.chinese)
    domain = company.record.domain
    if domain is None:
        pool = _CHINESE_PERSONAL_DOMAINS if company.chinese else _PERSONAL_DOMAINS
        domain = rng.choice(pool)
    email = None
    if home or rng.random() < 0.93:
        email = claim_email(rng, taken.emails, name, domain, company.email_pattern)
    phone = _phone(rng, company, taken) if rng.random() < (0.9 if home else 0.6) else None
    has_title = home or rng.random() > 0.04
    department = seat.department.name(chinese=company.chinese)
    provenance = demo_provenance(IdKind.PERSON, number)
    return Person(
        uid=make_uid(Label.PERSON, provenance),
        full_name=name.full,
        provenance=provenance,
        email=email,
        phone=phone,
        title=seat.title if has_title else None,
        department=department if home or rng.random() > 0.12 else None,
        seniority=seat.seniority if has_title else Seniority.UNKNOWN,
        is_colleague=home,
    ), name


def staff_companies(
    rng: random.Random,
    companies: list[CompanyProfile],
    *,
    numbers: ShuffledNumbers,
    taken: Registries,
    timeline: Timeline,
) -> list[PersonProfile]:
    """Build every company's org chart and staff it; return the people in org order.

    ``companies`` is updated in place with each company's empty seats. The home company
    (index 0) is staffed with colleagues and has no empty seats.
    """
    people: list[PersonProfile] = []
    for index, company in enumerate(companies):
        home = company.record.is_home
        chart = build_org_chart(
            rng,
            size=company.size,
            chinese=company.chinese,
            weights=HOME_DEPARTMENTS if home else None,
            vacancies=not home,
        )
        companies[index] = dataclasses.replace(company, empty_seats=chart.empty_seats)
        first = len(people)
        for seat in chart.seats:
            record, name = _person(
                rng, company, seat, number=numbers.take(), taken=taken, home=home
            )
            manager = None if seat.manager is None else first + seat.manager
            start = timeline.days - _tenure(rng, seat)
            people.append(PersonProfile(record, name, index, seat, manager, start))
    return people
