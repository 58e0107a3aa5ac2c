"""Duplicate blocks, facts and candidates against the real Neo4j, on a small hand-built graph.

Companies: ACME ("Acme Corp") and ACME_INC ("ACME Corporation") share the domain acme.com
and a name key; GLOBEX shares ACME's address under another spelling; a soft-deleted "Acme
Corp" (GONE_ACME) must be invisible. People: ANN and ANN_GMAIL ("Lee, Ann") share a name key
and ACME; ANNE shares ANN's phone, written in another format; ROBERT and BOB work at ACME
with acme.com emails and share the word "smith"; CAROL works there too; three people share
a switchboard number; MERGED_ANN was merged away.
"""

from __future__ import annotations

from datetime import date

import pytest

from graph.driver import GraphClient
from graph.reading.dedupe import Block, DedupeGraph, StoreResult
from graph.writing.writers import GraphWriter
from ingest.resolution.candidates import find_candidates
from schema.errors import InvalidInput
from schema.reading.merges import MergeKind
from tests.graph.records import company, employment, person

pytestmark = pytest.mark.neo4j

ACME = company(
    "c1", "Acme Corp", domain="acme.com", phone="+14155550100", address="1 Main St, Springfield"
)
ACME_INC = company("c2", "ACME Corporation", domain="www.acme.com")
GLOBEX = company("c3", "Globex Ltd", address="1 Main St.,  Springfield")
INITECH = company("c4", "Initech")
GONE_ACME = company("c5", "Acme Corp", domain="acme.com")
ANN = person("p1", "Ann Lee", email="ann@acme.com", phone="+1 415 555 0101")
ANN_GMAIL = person("p2", "Lee, Ann", email="ann.lee@gmail.com")
ANNE = person("p3", "Anne Lee", phone="+1 (415) 555-0101")
ROBERT = person("p4", "Robert Smith", email="robert@acme.com")
BOB = person("p5", "Bob Smith", email="rsmith@acme.com")
CAROL = person("p6", "Carol King", email="carol@acme.com")
MERGED_ANN = person("p7", "Ann Lee", email="a.lee@acme.com", phone="+14155550101")
DESK = [
    person(f"p{n}", f"Desk {name}", phone="+14155550199")
    for n, name in ((8, "Ida"), (9, "Max"), (10, "Zoe"))
]


async def _seed(client: GraphClient) -> None:
    writer = GraphWriter(client)
    await writer.companies([ACME, ACME_INC, GLOBEX, INITECH, GONE_ACME])
    await writer.people([ANN, ANN_GMAIL, ANNE, ROBERT, BOB, CAROL, MERGED_ANN, *DESK])
    await writer.employments(
        [
            employment("e1", ANN, ACME),
            employment("e2", ANN_GMAIL, ACME),
            employment("e3", ROBERT, ACME),
            employment("e4", BOB, ACME),
            employment("e5", CAROL, ACME),
            employment("e6", ANNE, INITECH, end=date(2020, 1, 1)),
            employment("e7", MERGED_ANN, ACME),
        ]
    )
    await client.write(
        "MATCH (c:Company {uid: $gone}) SET c.deleted_at = datetime() "
        "WITH 1 AS ignored MATCH (p:Person {uid: $merged}) "
        "SET p.merged_into = $ann, p.deleted_at = datetime()",
        {"gone": GONE_ACME.uid, "merged": MERGED_ANN.uid, "ann": ANN.uid},
    )


def _by_via(blocks: list[Block]) -> dict[tuple[str, str], tuple[int, tuple[str, ...]]]:
    return {(b.via, b.key): (b.size, tuple(sorted(b.members))) for b in blocks}


async def _pairs(client: GraphClient) -> dict[tuple[str, str], str]:
    rows = await client.read(
        "MATCH (a)-[r:POSSIBLE_DUPLICATE]->(b) RETURN a.uid AS a, b.uid AS b, r.status AS status"
    )
    return {(r["a"], r["b"]): r["status"] for r in rows}


async def test_a_person_is_blocked_with_live_people_sharing_a_phone_a_name_or_an_employer(
    clean_graph: GraphClient,
) -> None:
    await _seed(clean_graph)
    graph = DedupeGraph(clean_graph)
    [ann] = await graph.people([ANN.uid])

    blocks = await graph.person_blocks([ann])

    acme = ACME.uid
    assert _by_via(blocks) == {
        ("phone", "+14155550101"): (2, tuple(sorted((ANN.uid, ANNE.uid)))),
        ("name", "ann lee"): (2, (ANN.uid, ANN_GMAIL.uid)),
        ("employer_domain", f"{acme} acme.com"): (
            4,
            tuple(sorted((ANN.uid, ROBERT.uid, BOB.uid, CAROL.uid))),
        ),
        ("employer_name", f"{acme} ann"): (2, (ANN.uid, ANN_GMAIL.uid)),
        ("employer_name", f"{acme} lee"): (2, (ANN.uid, ANN_GMAIL.uid)),
    }


async def test_a_company_is_blocked_by_domain_address_phone_and_name_but_not_with_deleted_ones(
    clean_graph: GraphClient,
) -> None:
    await _seed(clean_graph)

    blocks = await DedupeGraph(clean_graph).company_blocks([ACME.uid])

    assert _by_via(blocks) == {
        ("domain", "acme.com"): (2, (ACME.uid, ACME_INC.uid)),
        ("address", "1 main st springfield"): (2, (ACME.uid, GLOBEX.uid)),
        ("phone", "+14155550100"): (1, (ACME.uid,)),
        ("name", "acme"): (2, (ACME.uid, ACME_INC.uid)),
    }


async def test_a_block_larger_than_the_limit_reports_its_size_without_members(
    clean_graph: GraphClient,
) -> None:
    await _seed(clean_graph)
    graph = DedupeGraph(clean_graph)
    [ida] = await graph.people([DESK[0].uid])

    blocks = await graph.person_blocks([ida], max_block=2)

    assert _by_via(blocks)[("phone", "+14155550199")] == (3, ())


async def test_facts_hold_normalised_identifiers_and_only_current_employers(
    clean_graph: GraphClient,
) -> None:
    await _seed(clean_graph)
    graph = DedupeGraph(clean_graph)

    ann, anne = await graph.people([ANN.uid, ANNE.uid, MERGED_ANN.uid, "person:test:none"])
    [acme] = await graph.companies([ACME.uid, GONE_ACME.uid])

    assert (ann.uid, ann.name_key, ann.phones, ann.employers) == (
        ANN.uid,
        "ann lee",
        ("+14155550101",),
        ((ACME.uid, "Acme Corp"),),
    )
    assert ann.work_domains == ("acme.com",) and ann.name_words == ("ann", "lee")
    assert (anne.uid, anne.phones, anne.employers) == (ANNE.uid, ("+14155550101",), ())
    assert (acme.domains, acme.phones, acme.address_keys, acme.name_key) == (
        ("acme.com",),
        ("+14155550100",),
        ("1 main st springfield",),
        "acme",
    )


async def test_an_import_s_uids_find_their_duplicates_and_store_them_low_uid_first(
    clean_graph: GraphClient,
) -> None:
    await _seed(clean_graph)

    report = await find_candidates(clean_graph, uids=[ANN.uid, ACME.uid], min_score=0.8)

    assert sorted((c.a_uid, c.b_uid, c.score, c.reasons) for c in report.candidates) == [
        (ACME.uid, ACME_INC.uid, 0.9, ("names 100% similar", "same domain acme.com")),
        (
            ANN.uid,
            ANN_GMAIL.uid,
            0.85,
            ("names 100% similar", f"same employer {ACME.name}"),
        ),
        (ANN.uid, ANNE.uid, 0.848, ("names 93% similar", "same phone +14155550101")),
    ]
    assert report.stored == StoreResult(created=3)
    assert (report.records, report.pairs, report.skipped_blocks) == (2, 7, ())
    assert await _pairs(clean_graph) == {
        (ACME.uid, ACME_INC.uid): "open",
        (ANN.uid, ANN_GMAIL.uid): "open",
        (ANN.uid, ANNE.uid): "open",
    }


async def test_running_again_refreshes_the_candidates_and_creates_none_twice(
    clean_graph: GraphClient,
) -> None:
    await _seed(clean_graph)
    await find_candidates(clean_graph, uids=[ANN.uid], min_score=0.8)

    again = await find_candidates(clean_graph, uids=[ANN_GMAIL.uid, ANN.uid], min_score=0.8)

    assert again.stored == StoreResult(updated=2)
    assert len(await _pairs(clean_graph)) == 2


async def test_a_dismissed_pair_is_never_proposed_again(clean_graph: GraphClient) -> None:
    await _seed(clean_graph)
    graph = DedupeGraph(clean_graph)
    await find_candidates(clean_graph, uids=[ANN.uid], min_score=0.8)

    kind = await graph.dismiss(ANN_GMAIL.uid, ANN.uid)
    again = await find_candidates(clean_graph, uids=[ANN.uid], min_score=0.8)

    assert kind is MergeKind.PERSON
    assert again.stored == StoreResult(updated=1, dismissed=1)
    assert [(c.a_uid, c.b_uid) for c in await graph.open_candidates(MergeKind.PERSON)] == [
        (ANN.uid, ANNE.uid)
    ]
    assert (await _pairs(clean_graph))[(ANN.uid, ANN_GMAIL.uid)] == "dismissed"


async def test_dismissing_a_pair_never_proposed_keeps_it_from_being_proposed(
    clean_graph: GraphClient,
) -> None:
    await _seed(clean_graph)
    graph = DedupeGraph(clean_graph)

    assert await graph.dismiss(ACME_INC.uid, ACME.uid) is MergeKind.COMPANY
    report = await find_candidates(clean_graph, uids=None, min_score=0.8)

    assert report.stored.dismissed == 1
    assert await graph.open_candidates(MergeKind.COMPANY) == []
    assert (await _pairs(clean_graph))[(ACME.uid, ACME_INC.uid)] == "dismissed"


@pytest.mark.parametrize(
    ("a", "b", "field"),
    [
        ("person:test:none", ANN.uid, "uid_a"),
        (ANN.uid, ANN.uid, "uid_b"),
        (ANN.uid, ACME.uid, "uid_b"),
    ],
)
async def test_dismissing_needs_two_records_of_one_kind(
    clean_graph: GraphClient, a: str, b: str, field: str
) -> None:
    await _seed(clean_graph)

    with pytest.raises(InvalidInput) as refused:
        await DedupeGraph(clean_graph).dismiss(a, b)

    assert refused.value.field == field
    assert await _pairs(clean_graph) == {}


async def test_a_full_scan_finds_every_pair_once_and_skips_the_switchboard(
    clean_graph: GraphClient,
) -> None:
    await _seed(clean_graph)

    report = await find_candidates(clean_graph, uids=None, min_score=0.8, max_block=2)

    assert sorted((c.a_uid, c.b_uid) for c in report.candidates) == sorted(
        [
            (ACME.uid, ACME_INC.uid),
            (ANN.uid, ANN_GMAIL.uid),
            (ANN.uid, ANNE.uid),
            (ROBERT.uid, BOB.uid),
        ]
    )
    assert [(b.kind, b.via, b.key, b.size) for b in report.skipped_blocks] == [
        (MergeKind.PERSON, "employer_domain", f"{ACME.uid} acme.com", 4),
        (MergeKind.PERSON, "phone", "+14155550199", 3),
    ]
    assert report.records == 13


async def test_open_candidates_list_the_best_first_above_the_minimum(
    clean_graph: GraphClient,
) -> None:
    await _seed(clean_graph)
    await find_candidates(clean_graph, uids=None, min_score=0.5)
    graph = DedupeGraph(clean_graph)

    people = await graph.open_candidates(MergeKind.PERSON, min_score=0.8)
    companies = await graph.open_candidates(MergeKind.COMPANY, limit=1)

    assert [(c.a_name, c.b_name, c.score) for c in people] == [
        ("Robert Smith", "Bob Smith", 0.88),
        ("Ann Lee", "Lee, Ann", 0.85),
        ("Ann Lee", "Anne Lee", 0.848),
    ]
    assert [(c.a_uid, c.b_uid, c.score) for c in companies] == [(ACME.uid, ACME_INC.uid, 0.9)]
    assert companies[0].found_at is not None


async def test_a_record_without_a_name_key_gets_one_before_it_is_blocked(
    clean_graph: GraphClient,
) -> None:
    await _seed(clean_graph)
    await clean_graph.write(
        "CREATE (:Person {uid: 'person:api:x', full_name: 'Ann  LEE', source: 'api', "
        "source_id: 'x'})"
    )

    report = await find_candidates(clean_graph, uids=["person:api:x"], min_score=0.7)

    [row] = await clean_graph.read("MATCH (p:Person {uid: 'person:api:x'}) RETURN p.name_key AS k")
    assert row["k"] == "ann lee" and report.name_keys_updated == 1
    assert sorted((c.a_uid, c.b_uid, c.score) for c in report.candidates) == [
        ("person:api:x", ANN.uid, 0.75),
        ("person:api:x", ANN_GMAIL.uid, 0.75),
    ]
