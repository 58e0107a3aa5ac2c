"""The demo data generator: :func:`generate` turns a seed and a scale into a data set.

Examples
--------
>>> from ingest.demo.scale import Scale
>>> tiny = Scale(name="tiny", companies=12, people=160, interactions=400, deals=8,
...              colleagues=10)
>>> data = generate(seed=1, scale=tiny)
>>> data.counts()["companies"], len(data.people), len(data.interactions), len(data.deals)
(12, 160, 400, 8)
"""

from __future__ import annotations

import random

from ingest.demo.activity.interactions import Audience, DealThread, build_interactions
from ingest.demo.activity.subjects import deal_subjects
from ingest.demo.dataset import DemoDataset
from ingest.demo.records import (
    deal_contact_records,
    employment_records,
    ownership_records,
    reporting_records,
    subsidiary_records,
)
from ingest.demo.scale import SMALL, Scale
from ingest.demo.timeline import Timeline
from ingest.demo.truth.collect import collect_ground_truth
from ingest.demo.truth.hidden_links import find_hidden_links
from ingest.demo.world import World, build_world
from schema.model import Interaction

__all__ = ["generate"]


def _interactions(
    rng: random.Random, world: World, total: int, timeline: Timeline
) -> list[Interaction]:
    companies, people = world.companies, world.people
    protected = [False] * len(people)
    for intro in world.introductions:
        protected[intro.target] = True
    audience = Audience(
        uids=[p.record.uid for p in people],
        colleague=[p.record.is_colleague for p in people],
        chinese=[companies[p.company].chinese for p in people],
        manager=[p.manager for p in people],
        aliases={pair.original: pair.duplicate for pair in world.people_duplicates},
        protected=protected,
    )
    threads = [
        DealThread(
            plan.record.uid,
            max(0, plan.open_day),
            min(timeline.days, plan.close_day),
            tuple(person for person, _ in plan.contacts),
            deal_subjects(plan.record.name, chinese=companies[plan.company].chinese),
        )
        for plan in world.deals
    ]
    return build_interactions(
        rng, list(world.ties), total=total, audience=audience, deals=threads, timeline=timeline
    )


def generate(*, seed: int = 7, scale: Scale = SMALL) -> DemoDataset:
    """Generate a realistic demo CRM data set with known ground truth.

    Parameters
    ----------
    seed : int
        Seed of the one random source everything is drawn from; the same seed and
        scale always give the same data set.
    scale : Scale
        How big the data set is (:data:`~ingest.demo.scale.SMALL` by default, or
        :data:`~ingest.demo.scale.BENCHMARK`, or a custom :class:`Scale`).

    Returns
    -------
    DemoDataset
        Exactly ``scale.companies`` companies, ``scale.people`` people, ``scale.deals``
        deals and ``scale.interactions`` interactions, with the relationship records
        between them and the ground truth.

    Examples
    --------
    >>> tiny = Scale(name="tiny", companies=10, people=120, interactions=300, deals=5,
    ...              colleagues=8)
    >>> data = generate(seed=3, scale=tiny)
    >>> sum(company.is_home for company in data.companies)
    1
    >>> data.ground_truth.scale, len(data.interactions)
    ('tiny', 300)
    """
    rng = random.Random(seed)
    timeline = Timeline(scale.years)
    world = build_world(rng, scale, timeline)
    companies, people = world.companies, world.people
    interactions = _interactions(rng, world, scale.interactions, timeline)
    lines, explicit = reporting_records(rng, people, companies, timeline)
    employments = employment_records(people, companies, world.affiliations, timeline)
    subsidiaries = subsidiary_records(companies)
    links = find_hidden_links(
        companies=[c.record for c in companies],
        subsidiaries=subsidiaries,
        employments=employments,
        duplicates=[
            (companies[d.original].record.uid, companies[d.duplicate].record.uid)
            for d in world.company_duplicates
        ],
    )
    truth = collect_ground_truth(
        seed=seed,
        scale=scale.name,
        timeline=timeline,
        companies=companies,
        people=people,
        explicit=explicit,
        company_duplicates=world.company_duplicates,
        people_duplicates=world.people_duplicates,
        hidden_links=links,
        ties=list(world.ties),
        introductions=world.introductions,
    )
    return DemoDataset(
        companies=tuple(
            sorted((c.record for c in companies), key=lambda c: c.provenance.source_id)
        ),
        people=tuple(sorted((p.record for p in people), key=lambda p: p.provenance.source_id)),
        employments=tuple(employments),
        reporting_lines=tuple(lines),
        subsidiaries=tuple(subsidiaries),
        account_ownerships=tuple(ownership_records(world.ownership, people, companies)),
        deals=tuple(plan.record for plan in world.deals),
        deal_contacts=tuple(deal_contact_records(world.deals, people)),
        interactions=tuple(interactions),
        ground_truth=truth,
    )
