"""The graphs the hidden-links algorithms read, built from typed records: the projected
company graph of :mod:`algorithms.hidden_links` (from a
:class:`~schema.reading.link_projection.CompanyNetwork`), and the weighted account graph
that :func:`algorithms.communities.louvain_partition` splits into communities."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Set

import networkx as nx

from algorithms.hidden_links import HiddenLink
from schema.enums import Label, RelType
from schema.reading.link_projection import CompanyNetwork, ProjectedCompany

__all__ = ["community_graph", "link_graph"]

_IDENTIFIED_BY = {
    Label.DOMAIN: RelType.HAS_DOMAIN,
    Label.ADDRESS: RelType.LOCATED_AT,
    Label.PHONE: RelType.HAS_PHONE,
}


def _add_company(G: nx.MultiGraph, company: ProjectedCompany) -> None:
    attrs: dict[str, object] = {"label": Label.COMPANY}
    if company.name is not None:
        attrs.update(
            name=company.name,
            name_key=company.name_key,
            legal_form=company.legal_form,
            is_home=company.is_home,
        )
    if company.neighbour_count is not None:
        attrs["neighbour_count"] = company.neighbour_count
    G.add_node(company.uid, **attrs)


def link_graph(network: CompanyNetwork) -> nx.MultiGraph:
    """The projection as the ``nx.MultiGraph`` :func:`algorithms.hidden_links.hidden_links`
    reads (see that module for its vocabulary), every record added in the order read."""
    G = nx.MultiGraph()
    for company in network.companies:
        _add_company(G, company)
    for person in network.people:
        G.add_node(person.uid, label=Label.PERSON, name=person.name or person.uid)
        for place in person.places:
            G.add_edge(person.uid, place.company_uid, key=RelType.WORKS_AT, tenures=place.tenures)
    for group in network.identifiers:
        node = group.node_id
        G.add_node(
            node,
            label=group.label,
            value=group.value,
            shared_by=group.shared_by,
            common=group.common,
        )
        for holder in group.holder_uids:
            G.add_edge(holder, node, key=_IDENTIFIED_BY[group.label])
    for edge in network.family:
        G.add_edge(edge.child_uid, edge.parent_uid, key=RelType.SUBSIDIARY_OF, child=edge.child_uid)
    for c in network.candidates:
        status = "dismissed" if c.dismissed else "open"
        G.add_edge(
            c.a_uid,
            c.b_uid,
            key=RelType.POSSIBLE_DUPLICATE,
            score=c.score,
            status=status,
            reasons=c.reasons,
        )
    for t in network.ties:
        G.add_edge(t.a_uid, t.b_uid, key=RelType.KNOWS, ties=t.ties, strength=t.strength)
    return G


def community_graph(links: Iterable[HiddenLink], *, floor: float, left_out: Set[str]) -> nx.Graph:
    """Accounts joined by links at least ``floor`` strong (none of ``left_out``), each pair
    weighted by its links' confidences combined (noisy-OR)."""
    misses: dict[tuple[str, str], float] = defaultdict(lambda: 1.0)
    for link in links:
        pair = (link.company_a, link.company_b)
        if link.confidence >= floor and left_out.isdisjoint(pair):
            misses[pair] *= 1.0 - link.confidence
    G = nx.Graph()
    for (a, b), miss in sorted(misses.items()):
        G.add_edge(a, b, weight=1.0 - miss)
    return G
