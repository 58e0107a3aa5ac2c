"""The decision-makers benchmark's plain-Cypher side: the largest account (never our own
company, counting only current people) and its people by title seniority."""

from __future__ import annotations

import pytest

from graph.benchmarks.decision_baseline import Account, SeniorityBaseline
from graph.driver import GraphClient

pytestmark = pytest.mark.neo4j

_SCENARIO = """
CREATE (home:Company {uid: 'c:home', name: 'Us', is_home: true})
CREATE (big:Company {uid: 'c:big', name: 'Big'})
CREATE (small:Company {uid: 'c:small', name: 'Small'})
WITH home, big, small
UNWIND range(1, 6) AS n
CREATE (:Person {uid: 'p:us' + n})-[:WORKS_AT]->(home)
WITH DISTINCT big, small
UNWIND [['p:ic', 'individual_contributor', null], ['p:ceo', 'c_level', null],
        ['p:vp', 'vp', null], ['p:who', null, null], ['p:left', 'c_level', date('2020-01-01')],
        ['p:dir', 'director', null]] AS row
CREATE (p:Person {uid: row[0], seniority: row[1]})-[:WORKS_AT {end: row[2]}]->(big)
WITH DISTINCT small
UNWIND ['p:s1', 'p:s2', 'p:s3'] AS uid
CREATE (:Person {uid: uid, seniority: 'c_level'})-[:WORKS_AT]->(small)
"""


@pytest.fixture
async def graph(clean_graph: GraphClient) -> GraphClient:
    await clean_graph.write(_SCENARIO)
    return clean_graph


async def test_the_largest_account_counts_current_people_and_never_our_company(
    graph: GraphClient,
) -> None:
    # our company has 6 people, Big 5 now (one left), Small 3
    assert await SeniorityBaseline(graph).largest_account() == Account(
        uid="c:big", name="Big", people=5
    )


async def test_the_plain_ranking_puts_the_most_senior_current_people_first(
    graph: GraphClient,
) -> None:
    ranked = await SeniorityBaseline(graph).by_seniority("c:big", limit=4)
    assert ranked == ["p:ceo", "p:vp", "p:dir", "p:ic"]


async def test_no_account_means_no_largest_account(clean_graph: GraphClient) -> None:
    assert await SeniorityBaseline(clean_graph).largest_account() is None
