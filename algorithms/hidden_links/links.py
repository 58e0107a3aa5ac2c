"""Typed hidden links between companies, each with a confidence, a reason and its evidence.

The input is a projected company graph ``G`` (an ``nx.MultiGraph``; node attribute ``label``
is a :class:`schema.enums.Label`, edge keys are :class:`schema.enums.RelType`):

* companies (``Label.COMPANY``, keyed by uid): ``name``, ``name_key`` (the normalised name),
  ``legal_form``, ``is_home``, and ``neighbour_count`` when the projection loaded only some of
  the company's interaction neighbours;
* people (``Label.PERSON``): ``name``; a ``WORKS_AT`` edge to each company with ``tenures``, a
  sequence of :class:`TenureRecord` (company, role, title, start, end);
* identifiers (``Label.DOMAIN``, ``ADDRESS``, ``PHONE``): ``value``, ``shared_by`` (how many
  companies hold it, when the projection loaded only some) and ``common`` (a free-mail
  domain), joined to their companies by an edge of any key;
* between companies: ``SUBSIDIARY_OF`` (``child``: the subsidiary's uid),
  ``POSSIBLE_DUPLICATE`` (``score``, ``status`` open or dismissed, ``reasons``: the import's
  duplicate scan) and ``KNOWS`` (``ties``, ``strength``: KNOWS ties between their current
  people).

Each kind's confidence (every constant is a field of :class:`LinkParameters`):

* **People**: each person adds a chance ``w``, and the chances combine as independent ones
  (noisy-OR, ``1 - prod(1 - w)``). Someone with a current role at both companies: a board
  seat on either side makes it SHARED_BOARD_MEMBER (``w = 0.7``), else an advisor's seat
  SHARED_ADVISOR (0.55), else an investor's SHARED_INVESTOR (0.6), else
  SHARED_CURRENT_PEOPLE (0.6). Someone whose employee job at one company ended and who is
  employed by the other now: FORMER_EMPLOYEE, ``w = 0.35 + 0.25 * 0.5 ** (years since
  leaving / 2)``, plus 0.1 when the two jobs overlapped.
* **Shared identifiers** (SHARED_DOMAIN 0.8, SHARED_PHONE 0.7, SHARED_ADDRESS 0.6): the base
  divided by ``sqrt(n - 1)`` for a value ``n`` companies share (a business centre says
  little about any two of its tenants) and by 10 for a free-mail domain; values shared by
  more than 50 companies are ignored. Several shared values combine by noisy-OR.
* **CORPORATE_FAMILY**: two companies ``d`` SUBSIDIARY_OF steps apart through their nearest
  common parent (parent and child 1, siblings 2; at most 4): ``0.95 * 0.9 ** (d - 1)``. A
  company outside a family that shares an identifier with a member below the top is linked
  to the family's top company with half that identifier's confidence.
* **LIKELY_DUPLICATE** (never inside one family, never for a pair dismissed in review):
  noisy-OR of the name's chance (0.8 for names with the same words, falling linearly to 0
  at 70% similar by ``name_score`` of the two name keys, the application's being
  ``schema.names.company_name_similarity``; halved when the names carry different legal
  forms) and the shared identifiers' (domain 0.5, phone 0.5, address 0.35, discounted as
  above); names 70% similar or less rule a pair out. A stored
  duplicate candidate (the import's scan) counts when its score is higher. The shared
  identifiers of a pair that is a likely duplicate at 0.6 or more are evidence of that,
  not links of their own.
* **SIMILAR_NEIGHBOURHOOD**: over ``N(c)``, the companies whose people the people of ``c``
  interact with (our own company left out: everyone talks to us), Jaccard
  ``J = |N(a) & N(b)| / |N(a) | N(b)|`` and Adamic-Adar ``sum(1 / ln |N(z)|)`` over the
  shared neighbours ``z``; the confidence is ``0.6 * J * (1 - 0.5 ** shared)``, so a single
  shared neighbour counts half. Neighbours with more than 200 neighbours are not expanded.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

import networkx as nx

from algorithms.hidden_links.rules import (
    add_families,
    add_people,
    add_shared_identifiers,
    family_chains,
)
from algorithms.hidden_links.similarity import duplicate_links, neighbourhood_links
from algorithms.hidden_links.types import (
    DEFAULT_PARAMETERS,
    Collector,
    HiddenLink,
    LinkParameters,
    NameScore,
    label_of,
)
from schema.enums import HiddenLinkKind, Label

__all__ = ["hidden_links"]

_ORDER = {kind: i for i, kind in enumerate(HiddenLinkKind)}


def _check(G: nx.MultiGraph, source: str | None, min_confidence: float) -> None:
    if not isinstance(G, nx.MultiGraph) or G.is_directed():
        raise nx.NetworkXNotImplemented("hidden_links needs an undirected nx.MultiGraph")
    if source is not None and (source not in G or label_of(G, source) != Label.COMPANY):
        raise nx.NodeNotFound(f"company {source!r} is not in the graph")
    if not 0.0 <= min_confidence <= 1.0:
        raise ValueError("min_confidence must be within 0..1")


def hidden_links(
    G: nx.MultiGraph,
    *,
    source: str | None = None,
    as_of: date,
    name_score: NameScore,
    kinds: Collection[HiddenLinkKind] | None = None,
    min_confidence: float = 0.0,
    parameters: LinkParameters = DEFAULT_PARAMETERS,
) -> list[HiddenLink]:
    """Return the typed links between the companies of ``G``, best first.

    Parameters
    ----------
    G : nx.MultiGraph
        The projected company graph (see the module docstring); it is not modified.
    source : str, optional
        A company uid: only this company's links. Default: every link in ``G``.
    as_of : date
        The day that decides which tenures are current.
    name_score : callable
        ``name_score(a, b)``: how alike two normalised company names are (0..1), for
        LIKELY_DUPLICATE; the application passes ``schema.names.company_name_similarity``.
    kinds : collection of HiddenLinkKind, optional
        Only links of these kinds (default: all).
    min_confidence : float, optional
        Only links at least this confident (0..1).
    parameters : LinkParameters, optional
        The constants of every kind's confidence.

    Returns
    -------
    list of HiddenLink
        Highest confidence first, then by kind, then by the two uids.

    Raises
    ------
    networkx.NodeNotFound
        If ``source`` is not a company of ``G``.
    networkx.NetworkXNotImplemented
        If ``G`` is not an undirected multigraph.
    ValueError
        If ``min_confidence`` is outside 0..1.

    Examples
    --------
    >>> from schema.enums import RelType
    >>> from schema.model import Employment, Provenance
    >>> from schema.names import company_name_similarity
    >>> G = nx.MultiGraph()
    >>> G.add_node("acme", label=Label.COMPANY, name="Acme")
    >>> G.add_node("initech", label=Label.COMPANY, name="Initech")
    >>> G.add_node("ann", label=Label.PERSON, name="Ann Lee")
    >>> def job(company, **dates):
    ...     return Employment(person_uid="ann", company_uid=company,
    ...                       provenance=Provenance(source="doc", source_id=company), **dates)
    >>> _ = G.add_edge("ann", "acme", key=RelType.WORKS_AT,
    ...                tenures=[job("acme", start=date(2015, 1, 1), end=date(2024, 6, 30))])
    >>> _ = G.add_edge("ann", "initech", key=RelType.WORKS_AT,
    ...                tenures=[job("initech", start=date(2024, 7, 1))])
    >>> [link] = hidden_links(G, as_of=date(2026, 6, 30), name_score=company_name_similarity)
    >>> link.kind.value, round(link.confidence, 3)  # 0.35 + 0.25 * 0.5 ** (2 / 2)
    ('former_employee', 0.475)
    >>> link.reason
    'Ann Lee worked at Acme (2015-01-01 to 2024-06-30) and now works at Initech (since 2024-07-01)'
    >>> hidden_links(G, source="acme", as_of=date(2026, 6, 30),
    ...              name_score=company_name_similarity, min_confidence=0.5)
    []
    """
    _check(G, source, min_confidence)
    chains = family_chains(G, parameters.family_max_distance)
    duplicates = duplicate_links(G, source, parameters, chains, name_score)
    folded = frozenset(
        (d.company_a, d.company_b)
        for d in duplicates
        if d.confidence >= parameters.fold_identifiers_at
    )
    out = Collector(source, parameters, folded)
    add_people(G, out, as_of)
    add_shared_identifiers(G, out)
    add_families(G, out, chains)
    links = [*out.links(), *duplicates, *neighbourhood_links(G, source, parameters, min_confidence)]
    wanted = frozenset(kinds) if kinds is not None else frozenset(HiddenLinkKind)
    chosen = [link for link in links if link.kind in wanted and link.confidence >= min_confidence]
    return sorted(chosen, key=lambda k: (-k.confidence, _ORDER[k.kind], k.company_a, k.company_b))
