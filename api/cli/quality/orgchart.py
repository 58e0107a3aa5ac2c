"""Org charts and decision-makers against the demo's true hierarchy.

* inferred reports-to lines of the people whose true line the generator withheld:
  precision and recall, all lines and those of confidence >= 0.5;
* empty C-level seats (CFO, CTO, ...) against the seats the generator left empty;
* Spearman's rank correlation of decision-maker scores with true seniority (minus the org
  depth, so the top ranks highest): per company with 5+ ranked people, averaged, and
  pooled over everyone.

Every company is read as of the demo's anchor date, through the service the API uses.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping

from algorithms.evaluation import precision_recall, spearman
from api.cli.quality.base import QualityFigure
from api.services.org import DecisionMakersAnswer, OrgService
from graph.driver import GraphClient
from graph.reading.org import OrgReader
from ingest.demo import GroundTruth
from schema.enums import LineSource

__all__ = ["score_org_chart"]

ORG, DECIDERS = "org chart", "decision makers"
CONFIDENT = 0.5
MIN_RANKED = 5
_PARALLEL = 8


async def _answers(client: GraphClient, truth: GroundTruth) -> list[DecisionMakersAnswer]:
    """Every company's ranking (and chart), ``_PARALLEL`` companies at a time."""
    reader, service = OrgReader(client), OrgService(client)
    answers: list[DecisionMakersAnswer] = []
    after = ""
    while page := await reader.company_uids(after=after, limit=_PARALLEL):
        found = await asyncio.gather(
            *(service.decision_makers(uid, limit=None, as_of=truth.anchor) for uid in page)
        )
        answers.extend(a for a in found if a is not None)
        after = page[-1]
    return answers


def _lines(answers: list[DecisionMakersAnswer], truth: GroundTruth) -> list[QualityFigure]:
    withheld = set(truth.withheld_reports_to())
    inferred: dict[str, tuple[str, float]] = {}
    for answer in answers:
        for uid, position in answer.chart.positions.items():
            line = position.line
            if uid in withheld and line is not None and line.kind is LineSource.INFERRED:
                inferred[uid] = (line.manager, line.confidence)
    wanted = {(p, truth.true_reports_to[p]) for p in withheld}
    figures = []
    for name, floor in (("all", 0.0), (f"confidence >= {CONFIDENT}", CONFIDENT)):
        guessed = {(p, m) for p, (m, c) in inferred.items() if c >= floor}
        pr = precision_recall(guessed, wanted)
        detail = f"{pr.true_positives} right of {len(guessed)} inferred, {len(wanted)} withheld"
        figures += [
            QualityFigure(
                area=ORG,
                name=f"inferred lines precision ({name})",
                value=pr.precision,
                detail=detail,
            ),
            QualityFigure(
                area=ORG, name=f"inferred lines recall ({name})", value=pr.recall, detail=detail
            ),
        ]
    return figures


def _seats(answers: list[DecisionMakersAnswer], truth: GroundTruth) -> list[QualityFigure]:
    guessed = {(s.company, s.seat) for a in answers for s in a.chart.empty_seats if s.chief}
    heads = sum(1 for a in answers for s in a.chart.empty_seats if not s.chief)
    wanted = {(company, seat) for company, seats in truth.empty_seats.items() for seat in seats}
    pr = precision_recall(guessed, wanted)
    detail = (
        f"{pr.true_positives} right of {len(guessed)} listed, {len(wanted)} left empty "
        f"({heads} department-head seats listed besides, not scored)"
    )
    return [
        QualityFigure(
            area=ORG, name="empty C-level seats precision", value=pr.precision, detail=detail
        ),
        QualityFigure(area=ORG, name="empty C-level seats recall", value=pr.recall, detail=detail),
    ]


def _correlations(
    answers: list[DecisionMakersAnswer], rank: Mapping[str, int]
) -> list[QualityFigure]:
    per_company: list[float] = []
    pooled_x: dict[str, float] = {}
    pooled_y: dict[str, float] = {}
    for answer in answers:
        x = {d.person: d.score for d in answer.ranked if d.person in rank}
        y = {p: -float(rank[p]) for p in x}
        pooled_x.update(x)
        pooled_y.update(y)
        rho = spearman(x, y) if len(x) >= MIN_RANKED else None
        if rho is not None:
            per_company.append(rho)
    mean = sum(per_company) / len(per_company) if per_company else None
    return [
        QualityFigure(
            area=DECIDERS,
            name="Spearman: score vs true seniority, mean per company",
            value=mean,
            detail=f"{len(per_company)} companies with {MIN_RANKED}+ people",
        ),
        QualityFigure(
            area=DECIDERS,
            name="Spearman: score vs true seniority, pooled",
            value=spearman(pooled_x, pooled_y),
            detail=f"{len(pooled_x):,} people",
        ),
    ]


async def score_org_chart(client: GraphClient, truth: GroundTruth) -> list[QualityFigure]:
    """Inferred lines, empty seats and decision-maker scores of every company."""
    answers = await _answers(client, truth)
    return (
        _lines(answers, truth)
        + _seats(answers, truth)
        + _correlations(answers, truth.seniority_rank)
    )
