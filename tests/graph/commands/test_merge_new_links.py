"""Merges of records that have the newer relationships: POSSIBLE_DUPLICATE candidates, stated
CONNECTED_TO connections and IDENTIFIES external ids (against the real Neo4j).

People: ANNA is merged into ANN. ANN -> ANNA is their own open candidate; ANNA -> CAROL is a
dismissed candidate and ZOE -> ANNA an open one; ANNA is connected to CAROL and to ANN, and
DAVE to ANNA. Companies: ACME_DE is merged into ACME, with their candidate between them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest

from graph.commands.merges import MergeCommands
from graph.driver import GraphClient
from graph.writing.writers import GraphWriter
from schema.enums import RelType
from schema.reading.merges import LinkDirection, MergeKind, MergeWarningCode
from tests.graph.merge_data import link_counts, record_snapshot
from tests.graph.records import company, person

pytestmark = pytest.mark.neo4j

ZOE = person("p0", "Zoe Lee")
ANN = person("p1", "Ann Lee", email="ann@acme.com")
ANNA = person("p2", "Ann Lee", email="ann.lee@acme-europe.example")
CAROL = person("p3", "Carol Lee")
DAVE = person("p4", "Dave Moss")
ACME = company("c1", "Acme Corp", domain="acme.com")
ACME_DE = company("c2", "ACME Corporation", domain="acme.de")
OUT, IN = LinkDirection.OUTGOING, LinkDirection.INCOMING
Seed = Callable[[GraphClient], Awaitable[None]]

_CANDIDATE = (
    "MATCH (a {uid: $a}) MATCH (b {uid: $b}) "
    "CREATE (a)-[:POSSIBLE_DUPLICATE {status: $status, score: 0.85, reasons: ['names 100% "
    "similar'], found_at: datetime('2026-11-01T10:00:00Z'), source: 'dedupe', "
    "source_id: $a + '|' + $b}]->(b)"
)
_CONNECTION = (
    "MATCH (a:Person {uid: $a}) MATCH (b:Person {uid: $b}) "
    "CREATE (a)-[:CONNECTED_TO {source: 'linkedin', source_id: $a + '>' + $b, "
    "connected_on: date('2024-05-01')}]->(b)"
)
_EXTERNAL_ID = (
    "MATCH (n {uid: $uid}) "
    "CREATE (:ExternalId {key: $key})-[:IDENTIFIES {source: 'hubspot', source_id: $key}]->(n)"
)


async def _seed_people(client: GraphClient) -> None:
    await GraphWriter(client).people([ZOE, ANN, ANNA, CAROL, DAVE])
    for a, b, status in (
        (ANN, ANNA, "open"),
        (ANNA, CAROL, "dismissed"),
        (ZOE, ANNA, "open"),
    ):
        await client.write(_CANDIDATE, {"a": a.uid, "b": b.uid, "status": status})
    for a, b in ((ANNA, CAROL), (ANNA, ANN), (DAVE, ANNA)):
        await client.write(_CONNECTION, {"a": a.uid, "b": b.uid})


async def _seed_companies(client: GraphClient) -> None:
    await GraphWriter(client).companies([ACME, ACME_DE])
    await client.write(_CANDIDATE, {"a": ACME.uid, "b": ACME_DE.uid, "status": "open"})


async def test_a_merge_settles_the_pair_s_own_candidate_without_a_warning(
    clean_graph: GraphClient,
) -> None:
    await _seed_people(clean_graph)

    preview = await MergeCommands(clean_graph).preview(MergeKind.PERSON, ANN.uid, ANNA.uid)

    groups = {(g.type, g.direction): (g.moved, g.dropped) for g in preview.relationships}
    assert groups == {
        (RelType.POSSIBLE_DUPLICATE, OUT): (1, 0),
        (RelType.POSSIBLE_DUPLICATE, IN): (1, 1),
        (RelType.CONNECTED_TO, OUT): (1, 1),
        (RelType.CONNECTED_TO, IN): (1, 0),
    }
    assert [(w.code, w.message) for w in preview.warnings] == [
        (
            MergeWarningCode.LINK_BETWEEN_RECORDS,
            "A CONNECTED_TO relationship joins the two records; the merge drops it "
            "(unmerge brings it back).",
        )
    ]


async def test_the_survivor_takes_the_merged_person_s_candidates_and_connections(
    clean_graph: GraphClient,
) -> None:
    await _seed_people(clean_graph)

    await MergeCommands(clean_graph).merge(MergeKind.PERSON, ANN.uid, ANNA.uid)

    assert await link_counts(clean_graph, ANN.uid) == {
        "POSSIBLE_DUPLICATE>": 1,
        "<POSSIBLE_DUPLICATE": 1,
        "CONNECTED_TO>": 1,
        "<CONNECTED_TO": 1,
    }
    assert await link_counts(clean_graph, ANNA.uid) == {}
    rows = await clean_graph.read(
        "MATCH (:Person {uid: $uid})-[r:POSSIBLE_DUPLICATE]-(o) "
        "RETURN o.uid AS other, r.status AS status, r.source_id AS source_id ORDER BY other",
        {"uid": ANN.uid},
    )
    assert rows == [
        {"other": ZOE.uid, "status": "open", "source_id": f"{ZOE.uid}|{ANNA.uid}"},
        {"other": CAROL.uid, "status": "dismissed", "source_id": f"{ANNA.uid}|{CAROL.uid}"},
    ]


async def test_unmerge_restores_candidates_and_connections_exactly(
    clean_graph: GraphClient,
) -> None:
    await _seed_people(clean_graph)
    before = [await record_snapshot(clean_graph, uid) for uid in (ANN.uid, ANNA.uid)]
    merges = MergeCommands(clean_graph)

    undone = await merges.unmerge(
        (await merges.merge(MergeKind.PERSON, ANN.uid, ANNA.uid)).merge_id
    )

    assert [await record_snapshot(clean_graph, uid) for uid in (ANN.uid, ANNA.uid)] == before
    assert (undone.relationships_restored, undone.relationships_not_restored) == (6, 0)


async def test_a_company_merge_settles_their_candidate_and_unmerge_brings_it_back(
    clean_graph: GraphClient,
) -> None:
    await _seed_companies(clean_graph)
    before = await record_snapshot(clean_graph, ACME_DE.uid)
    merges = MergeCommands(clean_graph)

    done = await merges.merge(MergeKind.COMPANY, ACME.uid, ACME_DE.uid)
    merged_links = await link_counts(clean_graph, ACME.uid)
    await merges.unmerge(done.merge_id)

    assert merged_links == {"HAS_DOMAIN>": 2}
    assert await record_snapshot(clean_graph, ACME_DE.uid) == before


@pytest.mark.parametrize(
    ("kind", "survivor", "merged", "seed"),
    [
        (MergeKind.PERSON, ANN.uid, ANNA.uid, _seed_people),
        (MergeKind.COMPANY, ACME.uid, ACME_DE.uid, _seed_companies),
    ],
    ids=["person", "company"],
)
async def test_external_ids_move_to_the_survivor_and_back(
    clean_graph: GraphClient, kind: MergeKind, survivor: str, merged: str, seed: Seed
) -> None:
    await seed(clean_graph)
    await clean_graph.write(_EXTERNAL_ID, {"uid": merged, "key": "hubspot:42"})
    before = await record_snapshot(clean_graph, merged)
    merges = MergeCommands(clean_graph)

    done = await merges.merge(kind, survivor, merged)
    identified = await clean_graph.read(
        "MATCH (:ExternalId {key: 'hubspot:42'})-[:IDENTIFIES]->(n) RETURN n.uid AS uid"
    )
    await merges.unmerge(done.merge_id)

    assert identified == [{"uid": survivor}]
    assert await record_snapshot(clean_graph, merged) == before
