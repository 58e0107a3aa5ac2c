"""The graphs the org algorithms read, built from the projection's typed records."""

from __future__ import annotations

from datetime import date

import pytest

from algorithms.buying_committee import best_introducer
from algorithms.org_chart import infer_org_chart
from api.services.org_graph import colleague_graph, org_graph
from schema.enums import Department, LineSource, Seniority
from schema.reading.org import (
    ColleaguePath,
    ColleaguePaths,
    FamilyCompany,
    InteractionPattern,
    KnowsTie,
    OrgPerson,
    OrgProjection,
    ReportingLine,
)

AS_OF = date(2026, 6, 30)


def person(uid: str, seniority: Seniority, *, title: str | None = None) -> OrgPerson:
    return OrgPerson(
        uid=uid,
        company="acme",
        name=uid.title(),
        title=title,
        department_text="Finance",
        department=Department.FINANCE,
        seniority=seniority,
        colleague=False,
    )


def projection(
    *,
    lines: tuple[ReportingLine, ...] = (),
    interactions: tuple[InteractionPattern, ...] = (),
    ties: tuple[KnowsTie, ...] = (),
) -> OrgProjection:
    return OrgProjection(
        company_uid="acme",
        family=(FamilyCompany(uid="acme", name="Acme"),),
        as_of=AS_OF,
        people=(
            person("ceo", Seniority.C_LEVEL, title="CEO"),
            person("cfo", Seniority.C_LEVEL, title="CFO"),
            person("clerk", Seniority.INDIVIDUAL_CONTRIBUTOR),
        ),
        lines=lines,
        interactions=interactions,
        ties=ties,
        affiliates=(),
        truncated=False,
    )


LINE = ReportingLine(person="cfo", manager="ceo", valid_from=date(2020, 1, 1), valid_to=None)


def test_people_become_nodes_with_their_job_in_order() -> None:
    G = org_graph(projection())

    assert list(G) == ["ceo", "cfo", "clerk"]
    assert G.nodes["clerk"] == {
        "company": "acme",
        "name": "Clerk",
        "title": None,
        "department_text": "Finance",
        "department": Department.FINANCE,
        "seniority": Seniority.INDIVIDUAL_CONTRIBUTOR,
        "colleague": False,
    }
    assert G.number_of_edges() == 0


def test_a_line_interactions_and_a_tie_of_one_pair_share_an_edge() -> None:
    G = org_graph(
        projection(
            lines=(LINE,),
            interactions=(InteractionPattern(a="cfo", b="ceo", interactions=3, organised=2),),
            ties=(KnowsTie(a="ceo", b="cfo", strength=0.7),),
        )
    )

    assert G.edges["cfo", "ceo"] == {
        "reports_to": True,
        "valid_from": date(2020, 1, 1),
        "valid_to": None,
        "interactions": 3,
        "organised": 2,
        "strength": 0.7,
    }
    assert G.edges["ceo", "cfo"] == {"strength": 0.7}


def test_the_chart_keeps_the_line_and_infers_the_missing_one() -> None:
    found = projection(
        lines=(LINE,),
        interactions=(InteractionPattern(a="clerk", b="cfo", interactions=4, meetings=4),),
    )

    chart = infer_org_chart(org_graph(found), parents=found.parents)

    cfo, clerk = chart.positions["cfo"].line, chart.positions["clerk"].line
    assert cfo is not None and (cfo.manager, cfo.kind) == ("ceo", LineSource.EXPLICIT)
    assert clerk is not None and clerk.kind is LineSource.INFERRED
    assert chart.roots == ("ceo",)


def test_colleague_paths_become_ties_with_every_target_a_node() -> None:
    G = colleague_graph(
        ColleaguePaths(
            targets=("cfo", "clerk"),
            paths=(
                ColleaguePath(target="cfo", colleague="me", via=None, strength=0.3),
                ColleaguePath(
                    target="cfo", colleague="you", via="ceo", strength=0.9, via_strength=0.5
                ),
            ),
        )
    )

    assert dict(G.nodes(data="colleague")) == {
        "cfo": False,
        "clerk": False,
        "me": True,
        "you": True,
        "ceo": None,
    }
    assert G.degree("clerk") == 0
    introduction = best_introducer(G, "cfo")
    assert introduction is not None
    assert (introduction.colleague, introduction.via) == ("you", "ceo")
    assert introduction.strength == pytest.approx(0.45)
