"""Hidden links: the planted links, company duplicates and people duplicates found.

A planted link counts as found when the answer links its two companies with the same kind
(the demo plants shared_board_member, shared_advisor and shared_investor separately, as
they are typed here). Answers come from the service the API uses: ``hiddenLinks`` of the
planted link's first company (default minimum confidence 0.3, up to 100 links), and the
global list of ``topHiddenLinks`` (default 0.5). Planted company duplicates are looked for
among LIKELY_DUPLICATE links of the duplicate; planted people duplicates among the
candidates of the import's duplicate scan (``ingest/resolution/candidates.py``), searching
from each duplicate as its import would, without storing anything.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

from algorithms.evaluation import precision_recall
from algorithms.hidden_links import HiddenLink
from api.cli.quality.base import QualityFigure
from api.services.links import MAX_FIRST, HiddenLinksService
from api.services.result_cache import RequestMarker, ResultCache
from graph.driver import GraphClient
from graph.reading.change_marker import ChangeMarkerReader
from ingest.demo import GroundTruth
from ingest.derivations import CANDIDATE_FLOOR
from ingest.resolution.candidates import find_candidates
from schema.enums import HiddenLinkKind
from schema.reading.merges import MergeKind

__all__ = ["score_links"]

AREA = "hidden links"
COMPANY_DEFAULT, TOP_DEFAULT = 0.3, 0.5
Found = tuple[str, str, str]  # (kind, company_a, company_b), company_a < company_b
_CONCURRENT = 4


def _found(links: Iterable[HiddenLink]) -> set[Found]:
    return {(link.kind.value, link.company_a, link.company_b) for link in links}


def _truth(truth: GroundTruth) -> set[Found]:
    planted = {(link.kind.value, link.company_a, link.company_b) for link in truth.hidden_links}
    for pair in truth.duplicate_companies:
        low, high = sorted((pair.original_uid, pair.duplicate_uid))
        planted.add((HiddenLinkKind.LIKELY_DUPLICATE.value, low, high))
    return planted


async def _per_company(service: HiddenLinksService, uids: Iterable[str]) -> set[Found]:
    gate = asyncio.Semaphore(_CONCURRENT)

    async def one(uid: str) -> set[Found]:
        async with gate:
            found = await service.company_links(
                uid, min_confidence=COMPANY_DEFAULT, first=MAX_FIRST
            )
        return _found(found.links) if found else set()

    answers = await asyncio.gather(*(one(uid) for uid in sorted(set(uids))))
    return set().union(*answers)


def _figure(name: str, hits: int, total: int, what: str) -> QualityFigure:
    return QualityFigure(
        area=AREA,
        name=name,
        value=hits / total if total else None,
        detail=f"{hits:,} of {total:,} {what}",
    )


def _recalls(planted: set[Found], answered: set[Found], where: str) -> list[QualityFigure]:
    kinds = sorted({kind for kind, _, _ in planted})
    figures = []
    for kind in kinds:
        wanted = {x for x in planted if x[0] == kind}
        figures.append(
            _figure(f"recall {where}: {kind}", len(wanted & answered), len(wanted), "planted")
        )
    figures.append(
        _figure(
            f"recall {where}: all planted links", len(planted & answered), len(planted), "links"
        )
    )
    return figures


def _precision(planted: set[Found], reported: set[Found], floor: float) -> list[QualityFigure]:
    plantable = {kind for kind, _, _ in planted}
    typed = {x for x in reported if x[0] in plantable}
    return [
        _figure(
            f"precision, topHiddenLinks at {floor}: all kinds",
            len(reported & planted),
            len(reported),
            "reported links are planted",
        ),
        _figure(
            f"precision, topHiddenLinks at {floor}: kinds the demo plants",
            len(typed & planted),
            len(typed),
            "reported links are planted",
        ),
    ]


def _similar(planted: set[Found], reported: set[Found], floor: float) -> QualityFigure:
    """The demo plants no similar neighbourhoods: how many of those found coincide with a
    planted link of another kind between the same two companies."""
    pairs = {(a, b) for _, a, b in planted}
    similar = {x for x in reported if x[0] == HiddenLinkKind.SIMILAR_NEIGHBOURHOOD.value}
    return _figure(
        f"similar neighbourhoods at {floor} whose companies share a planted link",
        sum(1 for _, a, b in similar if (a, b) in pairs),
        len(similar),
        "similar pairs",
    )


async def _people_duplicates(client: GraphClient, truth: GroundTruth) -> list[QualityFigure]:
    report = await find_candidates(
        client,
        uids=[pair.duplicate_uid for pair in truth.duplicate_people],
        min_score=CANDIDATE_FLOOR,
        kinds=(MergeKind.PERSON,),
        store=False,
    )
    planted = {tuple(sorted((p.original_uid, p.duplicate_uid))) for p in truth.duplicate_people}
    figures = []
    for floor in (CANDIDATE_FLOOR, 0.8):
        found = {(c.a_uid, c.b_uid) for c in report.candidates if c.score >= floor}
        scored = precision_recall(found, planted)
        figures.append(
            _figure(
                f"people duplicates: recall of the duplicate scan at {floor}",
                scored.true_positives,
                len(planted),
                "planted pairs",
            )
        )
    return figures


async def score_links(client: GraphClient, truth: GroundTruth) -> list[QualityFigure]:
    """Recall of planted links per kind (per company and in the global list), precision of
    the global list, and recall of planted company and people duplicates."""
    service = HiddenLinksService(
        client, cache=ResultCache(), marker=RequestMarker(ChangeMarkerReader(client).read)
    )
    planted = _truth(truth)
    answered = await _per_company(service, (a for _, a, _ in planted))
    top = _found(await service.links_above(TOP_DEFAULT))
    low = _found(await service.links_above(COMPANY_DEFAULT))
    duplicates = {x for x in planted if x[0] == HiddenLinkKind.LIKELY_DUPLICATE.value}
    links = planted - duplicates
    return [
        *_recalls(links, answered, f"hiddenLinks at {COMPANY_DEFAULT}"),
        *_recalls(links, top, f"topHiddenLinks at {TOP_DEFAULT}"),
        *_precision(planted, top, TOP_DEFAULT),
        *_precision(planted, low, COMPANY_DEFAULT),
        _similar(planted, low, COMPANY_DEFAULT),
        _figure(
            f"company duplicates: recall of LIKELY_DUPLICATE, hiddenLinks at {COMPANY_DEFAULT}",
            len(duplicates & answered),
            len(duplicates),
            "planted pairs",
        ),
        _figure(
            f"company duplicates: recall of LIKELY_DUPLICATE, topHiddenLinks at {TOP_DEFAULT}",
            len(duplicates & top),
            len(duplicates),
            "planted pairs",
        ),
        *await _people_duplicates(client, truth),
    ]
