"""What the importer's batch writes store: new rows created with every link once, times to
the microsecond, changed rows updated in place, provenance on everything it creates."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from graph.driver import GraphClient
from ingest.source_rows import Entity, SourceItem
from schema.import_rows import ImportKind
from tests.ingest.graph_content import graph_content
from tests.ingest.importing import import_items, row

pytestmark = pytest.mark.neo4j

C, E, P, IX = Entity.COMPANY, Entity.EMPLOYMENT, Entity.PERSON, Entity.INTERACTION


def _people() -> list[SourceItem]:
    return [
        row(P, 2, person_id="p1", full_name="Ana Lima", email="ana@acme.com"),
        row(P, 3, person_id="p2", full_name="Bo Chen", email="bo@acme.com"),
    ]


async def test_one_person_named_twice_in_one_role_gets_one_link(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    items = [
        *_people(),
        row(
            IX,
            2,
            interaction_id="i1",
            kind="email",
            occurred_at="2026-01-02T10:00:00Z",
            from_person_id="p1",
            to_person_ids="p2",
            to_emails="BO@acme.com",
        ),
    ]
    report, rejects = await import_items(clean_graph, items, tmp_path / "r.csv")
    assert rejects == []
    assert report.kind(ImportKind.INTERACTION).created == 1
    links = await clean_graph.read(
        "MATCH (p:Person)-[r:PARTICIPATED_IN]->(:Interaction {uid: 'interaction:csv:i1'}) "
        "RETURN p.uid AS who, r.role AS role, r.source_file AS file, r.source_line AS line "
        "ORDER BY who"
    )
    assert links == [
        {"who": "person:csv:p1", "role": "from", "file": "f.csv", "line": 2},
        {"who": "person:csv:p2", "role": "to", "file": "f.csv", "line": 2},
    ]


async def test_an_interaction_time_is_kept_to_the_microsecond_in_utc(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    meeting = row(
        IX,
        2,
        interaction_id="i1",
        kind="meeting",
        occurred_at="1969-07-20T22:17:40.123456+02:00",
        ended_at="2026-03-01T09:30:00.5+01:00",
        from_person_id="p1",
    )
    await import_items(clean_graph, [*_people(), meeting], tmp_path / "a.csv")
    [stored] = await clean_graph.read(
        "MATCH (i:Interaction) RETURN toString(i.occurred_at) AS at, toString(i.ended_at) AS end, "
        "i.created_at IS NOT NULL AS stamped, i.source_id AS source_id"
    )
    assert stored == {
        "at": "1969-07-20T20:17:40.123456Z",
        "end": "2026-03-01T08:30:00.5Z",
        "stamped": True,
        "source_id": "i1",
    }
    again, _ = await import_items(clean_graph, [meeting], tmp_path / "b.csv")
    assert again.kind(ImportKind.INTERACTION).unchanged == 1


async def test_a_changed_interaction_is_updated_in_place_with_its_new_links(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    first = dict(interaction_id="i1", kind="email", occurred_at="2026-01-02T10:00:00Z")
    await import_items(
        clean_graph,
        [*_people(), row(IX, 2, **first, from_person_id="p1", subject="Hello")],
        tmp_path / "a.csv",
    )
    changed = row(IX, 9, **first, from_person_id="p1", to_person_ids="p2", subject="Hi")
    report, _ = await import_items(clean_graph, [changed], tmp_path / "b.csv")
    assert report.kind(ImportKind.INTERACTION).updated == 1
    [stored] = await clean_graph.read(
        "MATCH (i:Interaction {uid: 'interaction:csv:i1'}) "
        "RETURN i.subject AS subject, i.source_line AS line, i.import_line AS updated_from, "
        "i.updated_at IS NOT NULL AS touched, "
        "[(p)-[r:PARTICIPATED_IN]->(i) | p.uid + ' ' + r.role] AS links"
    )
    assert sorted(stored.pop("links")) == ["person:csv:p1 from", "person:csv:p2 to"]
    assert stored == {"subject": "Hi", "line": 2, "updated_from": 9, "touched": True}
    before = await graph_content(clean_graph)
    again, _ = await import_items(clean_graph, [changed], tmp_path / "c.csv")
    assert again.kind(ImportKind.INTERACTION).unchanged == 1
    assert await graph_content(clean_graph) == before


async def test_rows_that_come_back_in_many_batches_land_as_in_one(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    people = [
        row(P, n, person_id=f"p{n}", full_name=f"Person {n}", email=f"p{n}@acme.com")
        for n in range(2, 40)
    ]
    mails = [
        row(
            IX,
            n,
            interaction_id=f"i{n}",
            kind="email",
            occurred_at="2026-01-02T10:00:00Z",
            from_person_id=f"p{2 + n % 38}",
            to_emails=f"p{2 + (n * 7) % 38}@acme.com;new{n % 5}@partner.io",
        )
        for n in range(2, 120)
    ]
    await import_items(clean_graph, [*people, *mails], tmp_path / "a.csv", batch_size=7)
    in_small_batches = await graph_content(clean_graph)
    await clean_graph.write("MATCH (n) WHERE NOT n:RelgraphMigration DETACH DELETE n")
    await import_items(clean_graph, [*people, *mails], tmp_path / "b.csv", batch_size=1000)
    assert await graph_content(clean_graph) == in_small_batches


async def test_two_imports_of_the_same_rows_at_once_both_finish_and_land_as_one(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    companies = [row(C, n, company_id=f"c{n}", name=f"Firm {n} Ltd") for n in range(2, 12)]
    people = [
        row(P, n, person_id=f"p{n}", full_name=f"Person {n}", email=f"p{n}@acme.com")
        for n in range(2, 60)
    ]
    jobs = [
        row(E, n, person_id=f"p{n}", company_id=f"c{2 + n % 10}", title="Engineer")
        for n in range(2, 60)
    ]
    mails = [
        row(
            IX,
            n,
            interaction_id=f"i{n}",
            kind="email",
            occurred_at="2026-01-02T10:00:00Z",
            from_person_id=f"p{2 + n % 58}",
            to_person_ids=f"p{2 + (n * 7) % 58}",
        )
        for n in range(2, 200)
    ]
    items = [*companies, *people, *jobs, *mails]
    await import_items(clean_graph, items, tmp_path / "once.csv", batch_size=5)
    imported_once = await graph_content(clean_graph)
    await clean_graph.write("MATCH (n) WHERE NOT n:RelgraphMigration DETACH DELETE n")

    first, second = await asyncio.gather(
        import_items(clean_graph, items, tmp_path / "a.csv", batch_size=5),
        import_items(clean_graph, items, tmp_path / "b.csv", batch_size=5),
    )

    assert first[1] == [] and second[1] == []
    for kind, rows in (
        (ImportKind.COMPANY, len(companies)),
        (ImportKind.PERSON, len(people)),
        (ImportKind.EMPLOYMENT, len(jobs)),
        (ImportKind.INTERACTION, len(mails)),
    ):
        created = first[0].kind(kind).created + second[0].kind(kind).created
        unchanged = first[0].kind(kind).unchanged + second[0].kind(kind).unchanged
        assert (created, unchanged) == (rows, rows)
    assert await graph_content(clean_graph) == imported_once
