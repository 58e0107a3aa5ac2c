"""The demo activity the generator builds: deals and their committees, interactions that
follow the latent tie strengths, ties gone cold and planted warm introductions."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta

import pytest

from ingest.demo import ANCHOR, DemoDataset
from schema.enums import DealContactRole, DealStage, InteractionKind, ParticipantRole
from schema.model import Interaction
from tests.ingest.demo_data import TEST_SCALE, seeded_dataset


@pytest.fixture(scope="module")
def data() -> DemoDataset:
    return seeded_dataset()


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _ranks(values: Sequence[float]) -> list[float]:
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for position in range(start, end + 1):
            ranks[order[position]] = (start + end) / 2
        start = end + 1
    return ranks


def _spearman(xs: Sequence[float], ys: Sequence[float]) -> float:
    rx, ry = _ranks(xs), _ranks(ys)
    mean_x, mean_y = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mean_x) * (b - mean_y) for a, b in zip(rx, ry, strict=True))
    var_x = sum((a - mean_x) ** 2 for a in rx)
    var_y = sum((b - mean_y) ** 2 for b in ry)
    return float(cov / math.sqrt(var_x * var_y))


def _pair_counts(interactions: Iterable[Interaction]) -> Counter[tuple[str, str]]:
    counts: Counter[tuple[str, str]] = Counter()
    for item in interactions:
        people = sorted({p.person_uid for p in item.participants})
        for i, first in enumerate(people):
            for second in people[i + 1 :]:
                counts[(first, second)] += 1
    return counts


# --- deals ---------------------------------------------------------------------------------


def test_won_deals_have_probability_one(data: DemoDataset) -> None:
    for deal in data.deals:
        if deal.stage is DealStage.CLOSED_WON:
            assert deal.probability == 1.0
        elif deal.stage is DealStage.CLOSED_LOST:
            assert deal.probability == 0.0
        else:
            assert deal.probability is not None and 0.0 < deal.probability < 1.0


def test_deals_cover_every_pipeline_stage_in_known_currencies(data: DemoDataset) -> None:
    assert {d.stage for d in data.deals} == set(DealStage)
    assert {d.currency for d in data.deals} <= {"USD", "EUR", "GBP", "CNY"}
    assert all(d.amount is not None and d.amount > 0 for d in data.deals)


def test_closed_deals_closed_before_the_anchor_and_open_ones_after(data: DemoDataset) -> None:
    for deal in data.deals:
        assert deal.close_date is not None
        closed = deal.stage in (DealStage.CLOSED_WON, DealStage.CLOSED_LOST)
        assert (deal.close_date <= ANCHOR) == closed


def test_decision_makers_are_senior(data: DemoDataset) -> None:
    rank = data.ground_truth.seniority_rank
    deciders = [c for c in data.deal_contacts if c.role is DealContactRole.DECISION_MAKER]
    assert len(deciders) == len(data.deals)
    assert all(rank[c.person_uid] <= 2 for c in deciders)


def test_some_interactions_are_about_a_deal_and_involve_its_contacts(data: DemoDataset) -> None:
    committee: dict[str, set[str]] = {}
    for contact in data.deal_contacts:
        committee.setdefault(contact.deal_uid, set()).add(contact.person_uid)
    about = [item for item in data.interactions if item.deal_uid is not None]
    assert about
    involved = [
        item
        for item in about
        if {p.person_uid for p in item.participants} & committee[str(item.deal_uid)]
    ]
    assert len(involved) > 0.8 * len(about)


# --- interactions and ties -----------------------------------------------------------------


def test_interactions_are_utc_within_the_window_and_numbered_chronologically(
    data: DemoDataset,
) -> None:
    start = datetime.combine(
        ANCHOR - timedelta(days=365 * TEST_SCALE.years), datetime.min.time(), tzinfo=UTC
    )
    end = datetime.combine(ANCHOR + timedelta(days=1), datetime.min.time(), tzinfo=UTC)
    times = [item.occurred_at for item in data.interactions]
    assert all(t.tzinfo is UTC and start <= t < end for t in times)
    assert times == sorted(times)
    assert {item.kind for item in data.interactions} == set(InteractionKind)


def test_every_interaction_has_a_sender_and_a_recipient(data: DemoDataset) -> None:
    senders = {ParticipantRole.FROM, ParticipantRole.ORGANIZER}
    for item in data.interactions:
        roles = [p.role for p in item.participants]
        assert len(roles) >= 2 and sum(role in senders for role in roles) == 1


def test_interaction_counts_follow_latent_tie_strength(data: DemoDataset) -> None:
    counts = _pair_counts(data.interactions)
    ties = data.ground_truth.tie_strengths
    strengths = [tie.strength for tie in ties]
    observed = [float(counts[(tie.person_a, tie.person_b)]) for tie in ties]
    assert _spearman(strengths, observed) > 0.5


def test_strong_ties_are_reciprocal_and_weak_ones_mostly_one_way(data: DemoDataset) -> None:
    sent: Counter[tuple[str, str]] = Counter()
    for item in data.interactions:
        if item.kind in (InteractionKind.EMAIL, InteractionKind.MESSAGE):
            sender = item.participants[0].person_uid
            for p in item.participants[1:]:
                if p.role is ParticipantRole.TO:
                    sent[(sender, p.person_uid)] += 1

    def reciprocity(low: float, high: float) -> float:
        shares = []
        for tie in data.ground_truth.tie_strengths:
            ab, ba = sent[(tie.person_a, tie.person_b)], sent[(tie.person_b, tie.person_a)]
            if low <= tie.strength <= high and ab + ba >= 1:
                shares.append(min(ab, ba) / (ab + ba))
        return sum(shares) / len(shares)

    assert reciprocity(0.6, 1.0) > reciprocity(0.0, 0.3) + 0.1


def test_ties_that_went_cold_stop_interacting(data: DemoDataset) -> None:
    cold = {
        (t.person_a, t.person_b): t.cold_since
        for t in data.ground_truth.tie_strengths
        if t.cold_since is not None
    }
    assert cold
    for item in data.interactions:
        if len(item.participants) != 2:
            continue
        pair = _pair(item.participants[0].person_uid, item.participants[1].person_uid)
        since = cold.get(pair)
        assert since is None or item.occurred_at.date() <= since


def test_people_interact_with_their_managers(data: DemoDataset) -> None:
    counts = _pair_counts(data.interactions)
    lines = data.ground_truth.true_reports_to.items()
    touched = sum(1 for person, manager in lines if counts[_pair(person, manager)])
    assert touched > 0.6 * len(lines)


def test_planted_introductions_are_the_only_warm_path(data: DemoDataset) -> None:
    truth = data.ground_truth
    strength = {(t.person_a, t.person_b): t.strength for t in truth.tie_strengths}
    colleagues = {p.uid for p in data.people if p.is_colleague}
    counts = _pair_counts(data.interactions)
    assert truth.planted_introductions
    for intro in truth.planted_introductions:
        source, target, introducer = intro.source_uid, intro.target_uid, intro.introducer_uid
        assert source in colleagues and target not in colleagues
        best = min(strength[_pair(source, introducer)], strength[_pair(introducer, target)])
        assert best >= 0.9
        assert _pair(source, target) not in strength
        assert not any(_pair(c, target) in strength for c in colleagues)
        assert counts[_pair(source, target)] == 0
        others = [
            min(strength.get(_pair(source, x), 0.0), strength.get(_pair(x, target), 0.0))
            for x in {p.uid for p in data.people} - {introducer}
        ]
        assert max(others) < best
