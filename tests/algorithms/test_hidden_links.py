"""Hidden links on hand-built company graphs: every kind, its evidence and its confidence
worked out by hand from the published rules."""

from __future__ import annotations

import math
from datetime import date, timedelta

import networkx as nx
import pytest

from algorithms.hidden_links import HiddenLink, LinkParameters, hidden_links
from schema.enums import EmploymentRole, HiddenLinkKind, Label
from tests.algorithms.link_graphs import AS_OF, LinkGraph

K = HiddenLinkKind
BOARD, ADVISOR, INVESTOR = (
    EmploymentRole.BOARD_MEMBER,
    EmploymentRole.ADVISOR,
    EmploymentRole.INVESTOR,
)


def links_of(build: LinkGraph, **options: object) -> list[HiddenLink]:
    return hidden_links(build.G, as_of=AS_OF, **options)  # type: ignore[arg-type]


def only(build: LinkGraph, kind: HiddenLinkKind, **options: object) -> HiddenLink:
    [link] = [link for link in links_of(build, **options) if link.kind is kind]
    return link


# -- people ------------------------------------------------------------------------------


def test_a_person_employed_at_both_companies_now_is_a_shared_current_person() -> None:
    build = LinkGraph().job("ann", "acme").job("ann", "initech", start=date(2024, 3, 1))

    link = only(build, K.SHARED_CURRENT_PEOPLE)

    assert (link.company_a, link.company_b) == ("acme", "initech")
    assert link.confidence == pytest.approx(0.6)
    [evidence] = link.evidence
    assert evidence.person_uid == "ann"
    assert [(t.company_uid, t.start) for t in evidence.tenures] == [
        ("acme", date(2020, 1, 1)),
        ("initech", date(2024, 3, 1)),
    ]
    assert link.reason == (
        "Ann works at Acme (since 2020-01-01) and works at Initech (since 2024-03-01)"
    )


def test_each_further_person_adds_a_chance_by_noisy_or() -> None:
    build = LinkGraph().job("ann", "acme").job("ann", "initech")
    build.job("bob", "acme").job("bob", "initech")

    link = only(build, K.SHARED_CURRENT_PEOPLE)

    assert link.confidence == pytest.approx(1 - 0.4 * 0.4)
    assert link.evidence_count == 2
    assert link.reason.endswith("(and 1 more)")


@pytest.mark.parametrize(
    ("role", "kind", "confidence", "verb"),
    [
        (BOARD, K.SHARED_BOARD_MEMBER, 0.7, "sits on the board of"),
        (ADVISOR, K.SHARED_ADVISOR, 0.55, "advises"),
        (INVESTOR, K.SHARED_INVESTOR, 0.6, "invests in"),
    ],
)
def test_a_current_seat_at_one_company_types_the_link_by_the_seat(
    role: EmploymentRole, kind: HiddenLinkKind, confidence: float, verb: str
) -> None:
    build = LinkGraph().job("ann", "acme").job("ann", "initech", role=role)

    link = only(build, kind)

    assert link.confidence == pytest.approx(confidence)
    assert f"{verb} Initech" in link.reason
    assert not [x for x in links_of(build) if x.kind is K.SHARED_CURRENT_PEOPLE]


def test_a_board_seat_outranks_an_advisory_seat_on_the_other_side() -> None:
    build = LinkGraph().job("ann", "acme", role=ADVISOR).job("ann", "initech", role=BOARD)

    assert only(build, K.SHARED_BOARD_MEMBER).confidence == pytest.approx(0.7)


@pytest.mark.parametrize("left", [date(2026, 6, 29), date(2024, 6, 29), date(2020, 6, 29)])
def test_a_former_employee_counts_less_the_longer_ago_they_moved(left: date) -> None:
    build = LinkGraph().job("bob", "acme", start=date(2015, 1, 1), end=left)
    build.job("bob", "initech", start=left + timedelta(days=1))

    link = only(build, K.FORMER_EMPLOYEE)

    years = (AS_OF - left).days / 365.25
    assert link.confidence == pytest.approx(0.35 + 0.25 * 0.5 ** (years / 2))
    assert link.reason == (
        f"Bob worked at Acme (2015-01-01 to {left.isoformat()}) and now works at Initech "
        f"(since {(left + timedelta(days=1)).isoformat()})"
    )


def test_overlapping_jobs_add_to_a_former_employee_link_and_are_noted() -> None:
    build = LinkGraph().job("bob", "acme", start=date(2015, 1, 1), end=date(2024, 6, 30))
    build.job("bob", "initech", start=date(2024, 1, 1))

    link = only(build, K.FORMER_EMPLOYEE)

    years = (AS_OF - date(2024, 6, 30)).days / 365.25
    assert link.confidence == pytest.approx(0.35 + 0.25 * 0.5 ** (years / 2) + 0.1)
    assert link.reason.endswith("the two jobs overlapped")


@pytest.mark.parametrize(
    "jobs",
    [
        # an ended board seat and a current job
        [("acme", BOARD, date(2020, 1, 1), date(2023, 1, 1)), ("initech", None, None, None)],
        # two ended jobs
        [("acme", None, None, date(2022, 1, 1)), ("initech", None, None, date(2024, 1, 1))],
        # a former employee who now only sits on the other's board
        [("acme", None, None, date(2022, 1, 1)), ("initech", BOARD, None, None)],
        # a job that has not started yet
        [("acme", None, None, None), ("initech", None, date(2027, 1, 1), None)],
    ],
)
def test_people_who_are_not_at_both_now_and_did_not_move_link_nothing(
    jobs: list[tuple[str, EmploymentRole | None, date | None, date | None]],
) -> None:
    build = LinkGraph()
    for company, role, start, end in jobs:
        build.job(
            "cat",
            company,
            role=role or EmploymentRole.EMPLOYEE,
            start=start or date(2019, 1, 1),
            end=end,
        )

    assert links_of(build) == []


# -- shared identifiers -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "kind", "base"),
    [
        (Label.DOMAIN, K.SHARED_DOMAIN, 0.8),
        (Label.PHONE, K.SHARED_PHONE, 0.7),
        (Label.ADDRESS, K.SHARED_ADDRESS, 0.6),
    ],
)
def test_two_companies_sharing_an_identifier_get_its_full_weight(
    label: Label, kind: HiddenLinkKind, base: float
) -> None:
    build = LinkGraph().company("acme").company("zenith")
    build.identifier(label, "x-1", "acme", "zenith")

    link = only(build, kind)

    assert link.confidence == pytest.approx(base)
    assert (link.evidence[0].value, link.evidence[0].shared_by) == ("x-1", 2)


def test_an_identifier_shared_by_many_companies_is_discounted() -> None:
    build = LinkGraph().identifier(Label.ADDRESS, "1 Hub Sq", "a", "b", "c")

    found = [link for link in links_of(build) if link.kind is K.SHARED_ADDRESS]

    assert len(found) == 3
    assert {round(link.confidence, 4) for link in found} == {round(0.6 / math.sqrt(2), 4)}
    assert "(3 companies share it)" in found[0].reason


def test_the_projection_s_count_of_holders_wins_over_the_holders_it_loaded() -> None:
    build = LinkGraph().identifier(Label.ADDRESS, "1 Hub Sq", "a", "b", shared_by=10)

    assert only(build, K.SHARED_ADDRESS).confidence == pytest.approx(0.6 / 3)


def test_free_mail_domains_count_a_tenth_and_very_common_values_nothing() -> None:
    build = LinkGraph().identifier(Label.DOMAIN, "gmail.com", "a", "b", common=True)
    build.identifier(Label.PHONE, "+1 555", "a", "b", shared_by=51)

    [link] = links_of(build)

    assert link.kind is K.SHARED_DOMAIN
    assert link.confidence == pytest.approx(0.08)
    assert "free-mail" in link.reason


def test_two_shared_phones_combine_by_noisy_or() -> None:
    build = (
        LinkGraph().identifier(Label.PHONE, "+1", "a", "b").identifier(Label.PHONE, "+2", "a", "b")
    )

    link = only(build, K.SHARED_PHONE)

    assert link.confidence == pytest.approx(1 - 0.3 * 0.3)
    assert {e.value for e in link.evidence} == {"+1", "+2"}


# -- corporate families -------------------------------------------------------------------


def test_a_family_chain_links_every_relative_by_its_distance() -> None:
    build = LinkGraph().parent("mid", "top").parent("leaf", "mid").parent("side", "top")

    found = {
        (link.company_a, link.company_b): link
        for link in links_of(build)
        if link.kind is K.CORPORATE_FAMILY
    }

    expected = {
        ("mid", "top"): (0.95, "top"),
        ("side", "top"): (0.95, "top"),
        ("leaf", "mid"): (0.95, "mid"),
        ("leaf", "top"): (0.95 * 0.9, "top"),
        ("mid", "side"): (0.95 * 0.9, "top"),
        ("leaf", "side"): (0.95 * 0.9**2, "top"),
    }
    assert {
        pair: (round(link.confidence, 6), link.evidence[0].company_uid)
        for pair, link in found.items()
    } == {pair: (round(c, 6), parent) for pair, (c, parent) in expected.items()}
    assert found[("mid", "side")].reason == "Mid and Side are both subsidiaries of Top"
    assert found[("leaf", "top")].reason == "Leaf is 2 levels below of Top"


def test_a_company_sharing_an_address_with_a_subsidiary_is_linked_to_the_family_top() -> None:
    build = LinkGraph().parent("sub", "top").identifier(Label.ADDRESS, "1 Main", "sub", "outsider")

    family = [link for link in links_of(build) if link.kind is K.CORPORATE_FAMILY]

    to_top = next(link for link in family if "outsider" in (link.company_a, link.company_b))
    assert (to_top.company_a, to_top.company_b) == ("outsider", "top")
    assert to_top.confidence == pytest.approx(0.5 * 0.6)
    assert to_top.evidence[0].company_uid == "sub"
    assert only(build, K.SHARED_ADDRESS).confidence == pytest.approx(0.6)


def test_a_subsidiary_cycle_in_bad_data_ends() -> None:
    build = LinkGraph().parent("a", "b").parent("b", "a")

    link = only(build, K.CORPORATE_FAMILY)

    assert link.confidence == pytest.approx(0.95)


# -- likely duplicates --------------------------------------------------------------------


def test_identical_name_keys_make_a_likely_duplicate_and_fold_their_shared_domain() -> None:
    build = LinkGraph().company("c1", "Acme Corp", name_key="acme")
    build.company("c2", "ACME Corporation", name_key="acme")
    build.identifier(Label.DOMAIN, "acme.com", "c1", "c2")

    [link] = links_of(build)

    assert link.kind is K.LIKELY_DUPLICATE
    assert link.confidence == pytest.approx(1 - 0.2 * 0.5)
    assert link.reason == (
        "names 100% similar (Acme Corp / ACME Corporation); both have the domain acme.com"
    )
    assert dict(link.evidence[0].scores) == {"name_similarity": 1.0}


def test_a_typo_counts_by_the_similarity_of_the_misspelt_word() -> None:
    build = LinkGraph().company("c1", "Tidewater Mobility", name_key="tidewater mobility")
    build.company("c2", "Tidewtaer Mobility", name_key="tidewtaer mobility")
    build.identifier(Label.DOMAIN, "tidewater.com", "c1", "c2")

    link = only(build, K.LIKELY_DUPLICATE)

    similarity = 2 * 8 / 18  # tidewater / tidewtaer: 8 letters in order
    name = 0.8 * (similarity - 0.7) / 0.3
    assert link.confidence == pytest.approx(1 - (1 - name) * (1 - 0.5))


def test_different_legal_forms_halve_the_name_s_chance() -> None:
    build = LinkGraph().company("c1", "Acme Stores Inc", name_key="acme stores", legal_form="inc")
    build.company("c2", "Acme Stores Ltd", name_key="acme stores", legal_form="ltd")

    link = only(build, K.LIKELY_DUPLICATE)

    assert link.confidence == pytest.approx(0.4)
    assert "one is inc and the other ltd" in link.reason


def test_names_too_different_are_no_duplicates_whatever_they_share() -> None:
    build = (
        LinkGraph()
        .company("c1", "Acme", name_key="acme")
        .company("c2", "Zenith", name_key="zenith")
    )
    build.identifier(Label.DOMAIN, "holding.com", "c1", "c2")

    assert [link.kind for link in links_of(build)] == [K.SHARED_DOMAIN]


def test_members_of_one_family_and_dismissed_pairs_are_never_duplicates() -> None:
    build = (
        LinkGraph().company("top", "Acme", name_key="acme").company("sub", "Acme", name_key="acme")
    )
    build.parent("sub", "top")
    build.company("x", "Beta", name_key="beta").company("y", "Beta", name_key="beta")
    build.candidate("x", "y", 0.95, status="dismissed")

    assert [link.kind for link in links_of(build)] == [K.CORPORATE_FAMILY]


def test_a_stored_candidate_counts_when_it_is_more_confident() -> None:
    build = LinkGraph().company("x", "Beta Group", name_key="beta group")
    build.company("y", "BG Holdings", name_key="bg holdings").candidate("x", "y", 0.9)

    link = only(build, K.LIKELY_DUPLICATE)

    assert link.confidence == pytest.approx(0.9)
    assert link.reason.startswith("the duplicate scan scored the pair 0.90 (test)")


# -- similar neighbourhoods ---------------------------------------------------------------


def neighbourhoods() -> LinkGraph:
    build = LinkGraph().company("home", is_home=True)
    for a, b in [("a", "x"), ("a", "y"), ("a", "z"), ("b", "x"), ("b", "y"), ("b", "w")]:
        build.ties(a, b)
    for company in "abxyzw":
        build.ties("home", company)
    return build


def test_similar_neighbourhoods_follow_jaccard_and_adamic_adar_without_our_own_company() -> None:
    build = neighbourhoods()

    link = only(build, K.SIMILAR_NEIGHBOURHOOD, kinds=[K.SIMILAR_NEIGHBOURHOOD], source="a")

    scores = dict(link.evidence[0].scores)
    plain = nx.Graph((u, v) for u, v, k in build.G.edges(keys=True) if "home" not in (u, v))
    [(_, _, jaccard)] = nx.jaccard_coefficient(plain, [("a", "b")])
    [(_, _, adamic_adar)] = nx.adamic_adar_index(plain, [("a", "b")])
    assert scores["jaccard"] == pytest.approx(jaccard) == pytest.approx(2 / 4)
    assert scores["adamic_adar"] == pytest.approx(adamic_adar) == pytest.approx(2 / math.log(2))
    assert link.confidence == pytest.approx(0.6 * 0.5 * (1 - 0.5**2))
    assert {e.company_uid for e in link.evidence[1:]} == {"x", "y"}


def test_the_projection_s_neighbour_count_enters_jaccard() -> None:
    build = neighbourhoods()
    build.G.nodes["b"]["neighbour_count"] = 6

    link = only(build, K.SIMILAR_NEIGHBOURHOOD, source="a")

    assert dict(link.evidence[0].scores)["jaccard"] == pytest.approx(2 / (3 + 6 - 2))


def test_neighbours_with_too_many_neighbours_are_not_expanded() -> None:
    parameters = LinkParameters(max_neighbour_degree=2)
    build = neighbourhoods().ties("c", "x")  # x now has a, b and c

    link = only(build, K.SIMILAR_NEIGHBOURHOOD, source="a", parameters=parameters)

    assert [e.company_uid for e in link.evidence[1:]] == ["y"]


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
        hidden_links(graph, as_of=AS_OF, **options)  # type: ignore[arg-type]


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
