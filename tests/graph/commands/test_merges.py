"""Merges and their undo against the real Neo4j: what moves, what is kept, what comes back."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable

import pytest

from graph.commands.errors import ConcurrentChange, StateConflict
from graph.commands.merges import MergeCommands
from graph.commands.outcome import run_command
from graph.commands.people import PersonCommands
from graph.driver import GraphClient
from graph.queries.commands.merges import merge_apply
from graph.writing.writers import GraphWriter
from schema.enums import RelType
from schema.errors import InvalidInput
from schema.model import Person
from schema.reading.merges import LinkDirection, MergeKind, MergeWarningCode, RelationshipGroup
from tests.graph.merge_data import (
    ACME_DE,
    ANNA,
    graph_snapshot,
    link_counts,
    record_snapshot,
    seed_companies,
    seed_people,
)
from tests.graph.records import ACME, ANN, BOB

pytestmark = pytest.mark.neo4j

Seed = Callable[[GraphWriter], Awaitable[None]]
CASES = [
    pytest.param(MergeKind.PERSON, ANN.uid, ANNA.uid, seed_people, id="people"),
    pytest.param(MergeKind.COMPANY, ACME.uid, ACME_DE.uid, seed_companies, id="companies"),
]


async def test_a_preview_shows_the_diff_the_moves_and_the_warnings_and_writes_nothing(
    clean_graph: GraphClient,
) -> None:
    await seed_people(GraphWriter(clean_graph))
    before = await graph_snapshot(clean_graph)

    preview = await MergeCommands(clean_graph).preview(MergeKind.PERSON, ANN.uid, ANNA.uid)

    assert await graph_snapshot(clean_graph) == before
    fields = {f.field: (f.survivor, f.merged, f.result) for f in preview.fields}
    assert fields["title"] == ("CFO", "Finance Director", "CFO")
    assert fields["department"] == (None, "Finance", "Finance")
    assert fields["seniority"] == ("unknown", "director", "director")
    assert fields["email"] == ("ann@acme.com", ANNA.email, "ann@acme.com")
    assert fields["alternate_emails"] == (None, None, (ANNA.email,))
    groups = {(g.type, g.direction): (g.moved, g.dropped) for g in preview.relationships}
    out, into = LinkDirection.OUTGOING, LinkDirection.INCOMING
    assert groups == {
        (RelType.WORKS_AT, out): (1, 0),
        (RelType.REPORTS_TO, out): (1, 1),
        (RelType.REPORTS_TO, into): (1, 0),
        (RelType.PARTICIPATED_IN, out): (2, 1),
        (RelType.INVOLVED_IN, out): (1, 0),
        (RelType.OWNS, out): (2, 0),
        (RelType.HAS_PHONE, out): (1, 0),
    }
    assert {w.code for w in preview.warnings} == {
        MergeWarningCode.DIFFERENT_CURRENT_EMPLOYERS,
        MergeWarningCode.DIFFERENT_DEAL_ROLES,
        MergeWarningCode.LINK_BETWEEN_RECORDS,
    }


async def test_a_person_merge_moves_every_relationship_and_leaves_no_self_loop(
    clean_graph: GraphClient,
) -> None:
    await seed_people(GraphWriter(clean_graph))

    await MergeCommands(clean_graph).merge(MergeKind.PERSON, ANN.uid, ANNA.uid)

    assert await link_counts(clean_graph, ANN.uid) == {
        "WORKS_AT>": 3,
        "REPORTS_TO>": 1,
        "<REPORTS_TO": 2,
        "PARTICIPATED_IN>": 5,
        "INVOLVED_IN>": 2,
        "OWNS>": 2,
        "HAS_PHONE>": 2,
    }
    assert await link_counts(clean_graph, ANNA.uid) == {}


async def test_a_company_merge_moves_every_relationship_and_leaves_no_self_loop(
    clean_graph: GraphClient,
) -> None:
    await seed_companies(GraphWriter(clean_graph))

    await MergeCommands(clean_graph).merge(MergeKind.COMPANY, ACME.uid, ACME_DE.uid)

    assert await link_counts(clean_graph, ACME.uid) == {
        "<WORKS_AT": 2,
        "<FOR": 2,
        "<OWNS": 1,
        "SUBSIDIARY_OF>": 1,
        "<SUBSIDIARY_OF": 1,
        "HAS_DOMAIN>": 2,
        "LOCATED_AT>": 2,
        "HAS_PHONE>": 2,
    }
    assert await link_counts(clean_graph, ACME_DE.uid) == {}


async def test_moved_relationships_keep_every_property_including_provenance(
    clean_graph: GraphClient,
) -> None:
    await seed_people(GraphWriter(clean_graph))
    query = (
        "MATCH (:Person {uid: $uid})-[r:WORKS_AT|REPORTS_TO|INVOLVED_IN|OWNS]-(o) "
        "WHERE r.source_id IN ['e9', 'r9', 'r8', 'dc9', 'o9', 'd9'] "
        "RETURN type(r) AS type, o.uid AS other, properties(r) AS props ORDER BY r.source_id"
    )
    before = await clean_graph.read(query, {"uid": ANNA.uid})

    await MergeCommands(clean_graph).merge(MergeKind.PERSON, ANN.uid, ANNA.uid)

    assert len(before) == 6
    assert await clean_graph.read(query, {"uid": ANN.uid}) == before


@pytest.mark.parametrize(("kind", "survivor", "merged", "seed"), CASES)
async def test_a_merge_keeps_lineage_and_bumps_both_versions(
    clean_graph: GraphClient, kind: MergeKind, survivor: str, merged: str, seed: Seed
) -> None:
    await seed(GraphWriter(clean_graph))

    done = await MergeCommands(clean_graph).merge(kind, survivor, merged)

    assert (done.survivor.version, done.merged.version) == (2, 2)
    assert done.survivor.deleted_at is None and done.merged.deleted_at is not None
    [row] = await clean_graph.read(
        "MATCH (m {uid: $merged}), (r:MergeRecord {merge_id: $id}) "
        "RETURN m.merged_into AS into, m.merged_at = r.merged_at AS same_time, "
        "properties(r) AS record",
        {"merged": merged, "id": done.merge_id},
    )
    assert (row["into"], row["same_time"]) == (survivor, True)
    record = row["record"]
    assert (record["kind"], record["survivor_uid"], record["merged_uid"]) == (
        kind.value,
        survivor,
        merged,
    )
    assert (record["source"], record["source_id"]) == ("api", done.merge_id)
    moved = [json.loads(text) for text in record["moved"]]
    assert moved and all({"type", "direction", "other_key", "props"} <= set(m) for m in moved)
    before = {e["key"]: e["value"] for e in json.loads(record["survivor_before"])}
    assert before["uid"] == survivor and "version" not in before


@pytest.mark.parametrize(("kind", "survivor", "merged", "seed"), CASES)
async def test_unmerge_restores_both_records_and_their_relationships_exactly(
    clean_graph: GraphClient, kind: MergeKind, survivor: str, merged: str, seed: Seed
) -> None:
    await seed(GraphWriter(clean_graph))
    before = [await record_snapshot(clean_graph, uid) for uid in (survivor, merged)]
    merges = MergeCommands(clean_graph)
    done = await merges.merge(kind, survivor, merged)

    undone = await merges.unmerge(done.merge_id)

    assert [await record_snapshot(clean_graph, uid) for uid in (survivor, merged)] == before
    assert (undone.survivor.version, undone.restored.version) == (3, 3)
    assert undone.restored.deleted_at is None and undone.relationships_not_restored == 0
    [record] = await clean_graph.read(
        "MATCH (r:MergeRecord {merge_id: $id}) RETURN r.undone_at IS NOT NULL AS undone",
        {"id": done.merge_id},
    )
    assert record["undone"]


async def test_dropped_relationships_come_back_with_exactly_their_typed_values(
    clean_graph: GraphClient,
) -> None:
    await seed_people(GraphWriter(clean_graph))
    typed = (
        "SET r.seen = datetime('2026-01-05T10:00:00.123456789[Europe/Berlin]'), "
        "r.at_z = datetime('2026-01-05T09:00:00Z'), r.at_utc = datetime('2026-01-05T09:00[UTC]'), "
        "r.day = date('2026-01-05'), r.took = duration('PT1H30M0.5S'), r.local = "
        "localdatetime('2026-01-05T10:00:00.5'), r.times = [datetime('2026-01-05T09:00Z')], "
        "r.score = 0.1, r.tags = ['a', 'b'], r.big = 9007199254740993"
    )
    query = "MATCH (:Person {uid: $uid})-[r:PARTICIPATED_IN]->(:Interaction {source_id: 'i7'}) "
    await clean_graph.write(query + typed, {"uid": ANN.uid})
    await clean_graph.write(query + typed, {"uid": ANNA.uid})
    merges = MergeCommands(clean_graph)

    preview = await merges.preview(MergeKind.PERSON, ANN.uid, ANNA.uid)
    await merges.unmerge((await merges.merge(MergeKind.PERSON, ANN.uid, ANNA.uid)).merge_id)

    participation = RelationshipGroup(
        type=RelType.PARTICIPATED_IN, direction=LinkDirection.OUTGOING, moved=2, dropped=1
    )
    assert participation in preview.relationships  # i7: a duplicate of ANN's, dropped
    check = (
        query + "RETURN r.seen = datetime('2026-01-05T10:00:00.123456789[Europe/Berlin]') "
        "AND r.at_z = datetime('2026-01-05T09:00:00Z') "
        "AND r.at_utc = datetime('2026-01-05T09:00[UTC]') AND r.day = date('2026-01-05') "
        "AND r.took = duration('PT1H30M0.5S') "
        "AND r.local = localdatetime('2026-01-05T10:00:00.5') "
        "AND r.times = [datetime('2026-01-05T09:00Z')] AND r.score = 0.1 "
        "AND r.tags = ['a', 'b'] AND r.big = 9007199254740993 AS same, size(keys(r)) AS n"
    )
    assert await clean_graph.read(check, {"uid": ANNA.uid}) == [{"same": True, "n": 13}]


async def test_unmerging_twice_is_a_conflict(clean_graph: GraphClient) -> None:
    await seed_people(GraphWriter(clean_graph))
    merges = MergeCommands(clean_graph)
    done = await merges.merge(MergeKind.PERSON, ANN.uid, ANNA.uid)
    await merges.unmerge(done.merge_id)

    with pytest.raises(StateConflict) as raised:
        await merges.unmerge(done.merge_id)

    assert raised.value.field == "merge_id" and "undone already" in str(raised.value)


async def test_unmerging_when_the_survivor_was_merged_away_since_is_a_conflict(
    clean_graph: GraphClient,
) -> None:
    await seed_people(GraphWriter(clean_graph))
    merges = MergeCommands(clean_graph)
    first = await merges.merge(MergeKind.PERSON, ANN.uid, ANNA.uid)
    second = await merges.merge(MergeKind.PERSON, BOB.uid, ANN.uid)

    with pytest.raises(StateConflict) as raised:
        await merges.unmerge(first.merge_id)
    await merges.unmerge(second.merge_id)
    await merges.unmerge(first.merge_id)

    assert "merged into another record" in str(raised.value)
    assert await link_counts(clean_graph, ANNA.uid) != {}


async def test_a_later_update_of_the_survivor_wins_over_the_undo(
    clean_graph: GraphClient,
) -> None:
    await seed_people(GraphWriter(clean_graph))
    merges = MergeCommands(clean_graph)
    done = await merges.merge(MergeKind.PERSON, ANN.uid, ANNA.uid)
    await PersonCommands(clean_graph).update(ANN.uid, {"department": "Treasury"})

    survivor = (await merges.unmerge(done.merge_id)).survivor

    assert isinstance(survivor, Person)
    assert (survivor.department, survivor.seniority) == ("Treasury", "unknown")
    assert survivor.alternate_emails == ()


async def test_a_merged_record_cannot_be_merged_or_restored_on_its_own(
    clean_graph: GraphClient,
) -> None:
    await seed_people(GraphWriter(clean_graph))
    merges = MergeCommands(clean_graph)
    await merges.merge(MergeKind.PERSON, ANN.uid, ANNA.uid)

    with pytest.raises(InvalidInput) as into:
        await merges.preview(MergeKind.PERSON, ANNA.uid, BOB.uid)
    with pytest.raises(InvalidInput) as restored:
        await PersonCommands(clean_graph).restore(ANNA.uid)

    assert (into.value.field, restored.value.field) == ("survivor_id", "id")


async def test_a_merge_planned_before_a_change_of_either_record_writes_nothing(
    clean_graph: GraphClient,
) -> None:
    await seed_people(GraphWriter(clean_graph))
    merges = MergeCommands(clean_graph)
    # Another write lands between the merge's read and its write.
    plan = await merges._plan(MergeKind.PERSON, (ANN.uid, ANNA.uid), (None, None))
    await PersonCommands(clean_graph).update(ANNA.uid, {"title": "CFO"})

    with pytest.raises(ConcurrentChange):
        await run_command(clean_graph, merge_apply("Person"), plan.parameters)

    assert await link_counts(clean_graph, ANNA.uid) != {}
