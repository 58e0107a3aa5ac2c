"""The whole answer of hidden links: order, filters, purity and precise errors."""

from __future__ import annotations

from datetime import date

import networkx as nx
import pytest

from algorithms.hidden_links import LinkParameters, hidden_links
from schema.enums import EmploymentRole, HiddenLinkKind, Label
from schema.names import company_name_similarity
from tests.algorithms.hidden_links.link_graphs import AS_OF, LinkGraph, links_of

K = HiddenLinkKind
BOARD = EmploymentRole.BOARD_MEMBER


# -- the whole answer ---------------------------------------------------------------------


def mixed() -> LinkGraph:
    build = LinkGraph().job("ann", "acme").job("ann", "initech", role=BOARD)
    build.job("bob", "acme", end=date(2025, 6, 30)).job("bob", "zenith", start=date(2025, 7, 1))
    build.identifier(Label.PHONE, "+1", "initech", "zenith")
    return build


def test_links_come_best_first_and_a_source_keeps_only_its_own() -> None:
    everything = links_of(mixed())
    acme = links_of(mixed(), source="acme")

    assert [link.kind for link in everything] == [
        K.SHARED_BOARD_MEMBER,
        K.SHARED_PHONE,
        K.FORMER_EMPLOYEE,
    ]
    assert acme == [link for link in everything if "acme" in (link.company_a, link.company_b)]


def test_kinds_and_min_confidence_filter_the_answer() -> None:
    assert [x.kind for x in links_of(mixed(), kinds=[K.FORMER_EMPLOYEE])] == [K.FORMER_EMPLOYEE]
    assert [x.kind for x in links_of(mixed(), min_confidence=0.6)] == [
        K.SHARED_BOARD_MEMBER,
        K.SHARED_PHONE,
    ]


def test_the_input_graph_is_not_modified() -> None:
    build = mixed()
    before = (list(build.G.nodes(data=True)), list(build.G.edges(keys=True, data=True)))

    links_of(build)

    assert (list(build.G.nodes(data=True)), list(build.G.edges(keys=True, data=True))) == before


@pytest.mark.parametrize(
    ("graph", "options", "error"),
    [
        (nx.MultiGraph(), {"source": "nobody"}, nx.NodeNotFound),
        (LinkGraph().job("ann", "acme").G, {"source": "ann"}, nx.NodeNotFound),
        (nx.MultiDiGraph(), {}, nx.NetworkXNotImplemented),
        (nx.Graph(), {}, nx.NetworkXNotImplemented),
        (nx.MultiGraph(), {"min_confidence": 1.5}, ValueError),
    ],
)
def test_bad_input_raises_precise_errors(
    graph: nx.Graph, options: dict[str, object], error: type[Exception]
) -> None:
    with pytest.raises(error):
        hidden_links(
            graph,
            as_of=AS_OF,
            name_score=company_name_similarity,
            **options,  # type: ignore[arg-type]
        )


@pytest.mark.parametrize(
    "bad",
    [
        {"family_top": 1.2},
        {"duplicate_name_floor": 1.0},
        {"max_shared": 1},
        {"former_floor": 0.8},
        {"person_weights": {}},
    ],
)
def test_parameters_outside_their_range_are_refused(bad: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        LinkParameters(**bad)  # type: ignore[arg-type]
