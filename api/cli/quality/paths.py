"""Referral paths and going-cold flags against the generator's ground truth.

- For every planted introduction (a colleague, a target nobody of ours knows, the best
  introducer), the referral search from the colleague to the target (k=5, maxHops=4, the
  API's own service) should list the introducer as the first introducer of one of its
  paths: the hit rate, how many, and the mean rank of the first path through them.
- The going-cold flag of every KNOWS edge against the latent ties that went cold
  (``cold_since``), over the pairs that have a KNOWS edge: precision and recall.
"""

from __future__ import annotations

from algorithms.evaluation import precision_recall
from api.cli.quality.base import QualityFigure
from api.graphql.loaders import build_loaders
from api.services.referrals import ReferralAnswer, ReferralService
from graph.driver import GraphClient
from graph.reading.activity import KnowsStrengthReader
from ingest.demo import GroundTruth

__all__ = ["K", "MAX_HOPS", "score_paths", "score_going_cold"]

K, MAX_HOPS = 5, 4


async def score_paths(client: GraphClient, truth: GroundTruth) -> list[QualityFigure]:
    """The planted-introducer figures, then the going-cold figures."""
    return await _introductions(client, truth) + await score_going_cold(client, truth)


async def _introductions(client: GraphClient, truth: GroundTruth) -> list[QualityFigure]:
    service = ReferralService(client, build_loaders(client))
    ranks: list[int] = []
    planted = truth.planted_introductions
    for intro in planted:
        answer = await service.paths(
            source=("Person", intro.source_uid),
            target=("Person", intro.target_uid),
            k=K,
            max_hops=MAX_HOPS,
        )
        if isinstance(answer, ReferralAnswer):
            found = [p.first_introducer for p in answer.paths]
            if intro.introducer_uid in found:
                ranks.append(found.index(intro.introducer_uid) + 1)
    hits = len(ranks)
    return [
        QualityFigure(
            area="referral paths",
            name=f"planted best introducer in the top {K} paths (maxHops {MAX_HOPS})",
            value=hits / len(planted) if planted else None,
            detail=f"{hits} of {len(planted)} planted introductions",
        ),
        QualityFigure(
            area="referral paths",
            name="mean rank of the planted introducer's path, when found",
            value=sum(ranks) / hits if hits else None,
            detail=f"over {hits} hits (1 = the best path)",
        ),
    ]


async def score_going_cold(client: GraphClient, truth: GroundTruth) -> list[QualityFigure]:
    """Precision and recall of KNOWS.going_cold against the latent ties that went cold."""
    flags = await KnowsStrengthReader(client).going_cold()
    cold = {(t.person_a, t.person_b) for t in truth.tie_strengths if t.cold_since is not None}
    truly = cold & flags.keys()
    predicted = {pair for pair, flag in flags.items() if flag}
    scored = precision_recall(predicted, truly)
    detail = (
        f"{len(predicted):,} flagged of {len(flags):,} KNOWS pairs; "
        f"{len(truly):,} latent cold ties among them"
    )
    return [
        QualityFigure(
            area="relationship strength",
            name="going cold: precision",
            value=scored.precision if flags else None,
            detail=detail,
        ),
        QualityFigure(
            area="relationship strength",
            name="going cold: recall",
            value=scored.recall if flags else None,
            detail=detail,
        ),
    ]
