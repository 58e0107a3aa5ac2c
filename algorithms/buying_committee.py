"""A deal's buying-committee coverage: who covers which role, how well we know them, which
expected role nobody covers, whom to engage next and who can introduce us.

* **Expected roles**: a decision maker (someone signs the deal off), an economic buyer
  (someone owns the budget), a champion (someone sells it inside for us), and a technical
  buyer when the account has engineering or IT staff (they will evaluate the product).
* **Connection** to a member: the strongest KNOWS tie from one of our colleagues.
* **Next person** for a missing role: the best decision-maker score among the account's
  people who fit the role, trying the closest fit first, and for each fit the people not on
  the committee before its members (in a small account one person often holds several
  roles): decision maker: VP or above; economic buyer: finance at director level or above,
  then C-level, then anyone in finance; technical buyer: engineering or IT at manager level or
  above, then anyone there; champion: a manager, director or VP (else anyone below
  C-level), ranked by decision-maker score plus the strength of our best path to them.
* **Introducer**: :func:`best_introducer`, the colleague with the strongest path of at most
  two hops (colleague, then anyone, then the person), a path's strength being the product
  of its KNOWS strengths.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import networkx as nx

from schema.enums import DealContactRole, Department, Seniority

__all__ = [
    "BuyingCommittee",
    "CommitteeCandidate",
    "CommitteeMember",
    "ExpectedRole",
    "Introduction",
    "MissingRole",
    "best_introducer",
    "buying_committee",
]

_ORDER = {s: i for i, s in enumerate(Seniority)}  # board first, unknown last
_TECHNICAL = frozenset({Department.ENGINEERING, Department.IT})


@dataclass(frozen=True, slots=True, kw_only=True)
class Introduction:
    """A colleague's path to a person: directly (``via`` None) or through ``via``."""

    colleague: str
    via: str | None
    strength: float


@dataclass(frozen=True, slots=True, kw_only=True)
class CommitteeCandidate:
    """An account person as the committee sees them (``score``: decision-maker score)."""

    person: str
    score: float
    seniority: Seniority
    department: Department | None


@dataclass(frozen=True, slots=True, kw_only=True)
class CommitteeMember:
    """A member, their roles on the deal and our strongest direct tie to them."""

    person: str
    roles: tuple[DealContactRole, ...]
    tie: Introduction | None


@dataclass(frozen=True, slots=True, kw_only=True)
class ExpectedRole:
    """A committee role, whether this deal needs it and why, and who covers it."""

    role: DealContactRole
    expected: bool
    reason: str
    covered_by: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class MissingRole:
    """An expected role nobody covers, the next person to engage and how to reach them."""

    role: DealContactRole
    reason: str
    next_person: str | None
    fit: str
    introduction: Introduction | None


@dataclass(frozen=True, slots=True, kw_only=True)
class BuyingCommittee:
    """Coverage of one deal's buying committee."""

    members: tuple[CommitteeMember, ...]
    roles: tuple[ExpectedRole, ...]
    missing: tuple[MissingRole, ...]


def best_introducer(
    G: nx.Graph,
    target: str,
    *,
    colleagues: Sequence[str] | None = None,
    weight: str = "strength",
    cutoff: int = 2,
) -> Introduction | None:
    """The colleague with the strongest path of at most ``cutoff`` hops to ``target``.

    Parameters
    ----------
    G : networkx.Graph
        KNOWS ties, strength in the ``weight`` attribute (0..1).
    target : node
        The person to reach.
    colleagues : sequence of nodes, optional
        Who may introduce; by default the nodes whose ``colleague`` attribute is true.
    weight : str, optional
        The edge attribute holding tie strength.
    cutoff : int, optional
        1 (direct ties only) or 2 (colleague, anyone, target).

    Returns
    -------
    Introduction or None
        The path of the highest product of strengths (ties broken by colleague id), or
        None when no colleague is within reach.

    Raises
    ------
    networkx.NodeNotFound
        If ``target`` is not in ``G``.
    ValueError
        If ``cutoff`` is not 1 or 2.

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_node("me", colleague=True)
    >>> G.add_edge("me", "friend", strength=0.9)
    >>> G.add_edge("friend", "cfo", strength=0.5)
    >>> G.add_edge("me", "cfo", strength=0.3)
    >>> best_introducer(G, "cfo")
    Introduction(colleague='me', via='friend', strength=0.45)
    >>> best_introducer(G, "cfo", cutoff=1).via is None
    True
    """
    if target not in G:
        raise nx.NodeNotFound(f"target {target!r} is not in G")
    if cutoff not in (1, 2):
        raise ValueError("cutoff must be 1 or 2")
    allowed = (
        set(colleagues)
        if colleagues is not None
        else {n for n, c in G.nodes(data="colleague") if c}
    )
    found: list[tuple[float, str, str]] = []  # (strength, colleague, via or "")
    for x, data in G.adj[target].items():
        s = float(data.get(weight) or 0.0)
        if x in allowed:
            found.append((s, x, ""))
        if cutoff == 2:
            for c, back in G.adj[x].items():
                if c in allowed and c not in (target, x):
                    found.append((s * float(back.get(weight) or 0.0), c, x))
    found = [f for f in found if f[0] > 0]
    if not found:
        return None
    strength, colleague, via = max(found, key=lambda f: (f[0], -len(f[2]), f[1], f[2]))
    return Introduction(colleague=colleague, via=via or None, strength=round(strength, 6))


def buying_committee(
    G: nx.Graph,
    *,
    members: Sequence[tuple[str, DealContactRole]],
    candidates: Sequence[CommitteeCandidate],
    amount: float | None = None,
    currency: str | None = None,
    weight: str = "strength",
) -> BuyingCommittee:
    """Return the coverage of a deal's buying committee.

    Parameters
    ----------
    G : networkx.Graph
        KNOWS ties around the committee and the account's likely candidates, with
        ``colleague`` true on our colleagues and strength in ``weight``.
    members : sequence of (person, role)
        The deal's INVOLVED_IN roles.
    candidates : sequence of CommitteeCandidate
        The account's people with their decision-maker scores.
    amount : float, optional
        The deal's amount (named in the economic buyer's reason).
    currency : str, optional
        The amount's currency (named with it).
    weight : str, optional
        The edge attribute holding tie strength.

    Returns
    -------
    BuyingCommittee
        Members with their roles and our tie to them, every committee role with whether
        it is expected and who covers it, and the missing ones with whom to engage.

    Examples
    --------
    >>> from schema.enums import DealContactRole as R, Department as D, Seniority as S
    >>> G = nx.Graph()
    >>> G.add_node("me", colleague=True)
    >>> G.add_edge("me", "ceo", strength=0.6)
    >>> G.add_edge("ceo", "cfo", strength=0.5)
    >>> people = [CommitteeCandidate(person="ceo", score=0.9, seniority=S.C_LEVEL,
    ...                              department=D.EXECUTIVE),
    ...           CommitteeCandidate(person="cfo", score=0.8, seniority=S.C_LEVEL,
    ...                              department=D.FINANCE)]
    >>> report = buying_committee(G, members=[("ceo", R.DECISION_MAKER)], candidates=people)
    >>> [(m.role.value, m.next_person) for m in report.missing]
    [('economic_buyer', 'cfo'), ('champion', None)]
    >>> report.missing[0].introduction
    Introduction(colleague='me', via='ceo', strength=0.3)
    """
    roles_of: dict[str, list[DealContactRole]] = {}
    for person, role in members:
        roles_of.setdefault(person, []).append(role)
    colleagues = [n for n, c in G.nodes(data="colleague") if c]
    committee = tuple(
        CommitteeMember(
            person=person,
            roles=tuple(roles),
            tie=_introduce(G, person, colleagues, weight, cutoff=1),
        )
        for person, roles in roles_of.items()
    )
    expected = _expected(members, candidates, amount, currency)
    missing = tuple(
        _missing(G, e, candidates, roles_of, colleagues, weight)
        for e in expected
        if e.expected and not e.covered_by
    )
    return BuyingCommittee(members=committee, roles=expected, missing=missing)


def _introduce(
    G: nx.Graph, person: str, colleagues: Sequence[str], weight: str, *, cutoff: int
) -> Introduction | None:
    if person not in G:
        return None
    return best_introducer(G, person, colleagues=colleagues, weight=weight, cutoff=cutoff)


def _expected(
    members: Sequence[tuple[str, DealContactRole]],
    candidates: Sequence[CommitteeCandidate],
    amount: float | None,
    currency: str | None,
) -> tuple[ExpectedRole, ...]:
    technical = sum(1 for c in candidates if c.department in _TECHNICAL)
    budget = f" of {amount:,.0f}" if amount else ""
    if amount and currency:
        budget += f" {currency}"
    reasons: dict[DealContactRole, tuple[bool, str]] = {
        DealContactRole.DECISION_MAKER: (True, "every deal needs the person who signs it off"),
        DealContactRole.ECONOMIC_BUYER: (True, f"someone owns the budget{budget}"),
        DealContactRole.CHAMPION: (True, "someone inside has to sell it for us"),
        DealContactRole.TECHNICAL_BUYER: (
            (
                True,
                f"the account has {technical} people in engineering or IT who will "
                "evaluate the product",
            )
            if technical
            else (False, "the account has nobody in engineering or IT")
        ),
    }
    extra = [r for r in DealContactRole if r not in reasons]
    for role in extra:
        reasons[role] = (False, "optional on any deal")
    return tuple(
        ExpectedRole(
            role=role,
            expected=expected,
            reason=reason,
            covered_by=tuple(p for p, r in members if r is role),
        )
        for role, (expected, reason) in reasons.items()
    )


_Fit = tuple[str, Callable[[CommitteeCandidate], bool]]


def _at_least(c: CommitteeCandidate, seniority: Seniority) -> bool:
    return c.seniority is not Seniority.UNKNOWN and _ORDER[c.seniority] <= _ORDER[seniority]


_FITS: Mapping[DealContactRole, tuple[_Fit, ...]] = {
    DealContactRole.DECISION_MAKER: (
        ("VP or above, best decision-maker score", lambda c: _at_least(c, Seniority.VP)),
        ("best decision-maker score", lambda c: True),
    ),
    DealContactRole.ECONOMIC_BUYER: (
        (
            "finance at director level or above",
            lambda c: c.department is Department.FINANCE and _at_least(c, Seniority.DIRECTOR),
        ),
        (
            "no finance lead known: the executives hold the budget",
            lambda c: _at_least(c, Seniority.C_LEVEL),
        ),
        ("finance", lambda c: c.department is Department.FINANCE),
    ),
    DealContactRole.TECHNICAL_BUYER: (
        (
            "engineering or IT at manager level or above",
            lambda c: c.department in _TECHNICAL and _at_least(c, Seniority.MANAGER),
        ),
        ("engineering or IT", lambda c: c.department in _TECHNICAL),
    ),
    DealContactRole.CHAMPION: (
        (
            "manager to VP, by decision-maker score and our best path to them",
            lambda c: _at_least(c, Seniority.MANAGER) and not _at_least(c, Seniority.C_LEVEL),
        ),
        (
            "below C-level, by decision-maker score and our best path to them",
            lambda c: not _at_least(c, Seniority.C_LEVEL),
        ),
    ),
}


def _rank(
    c: CommitteeCandidate,
    paths: Mapping[str, Introduction | None],
    role: DealContactRole,
) -> tuple[float, str]:
    """Best decision-maker score first; a champion also counts our best path to them."""
    path = paths[c.person]
    bonus = path.strength if role is DealContactRole.CHAMPION and path is not None else 0.0
    return (-(c.score + bonus), c.person)


def _missing(
    G: nx.Graph,
    expected: ExpectedRole,
    candidates: Sequence[CommitteeCandidate],
    members: Mapping[str, Sequence[DealContactRole]],
    colleagues: Sequence[str],
    weight: str,
) -> MissingRole:
    """The closest fit: someone not on the committee, else a member who fits as well (in a
    small account one person often holds several roles), before trying a looser fit."""
    free = [c for c in candidates if c.person not in members]
    taken = [c for c in candidates if c.person in members]
    for fit, accepts in _FITS.get(expected.role, ()):
        for pool_of, note in ((free, ""), (taken, "already on the committee as {roles}")):
            pool = [c for c in pool_of if accepts(c)]
            if not pool:
                continue
            paths = {c.person: _introduce(G, c.person, colleagues, weight, cutoff=2) for c in pool}
            best = min(pool, key=lambda c: _rank(c, paths, expected.role))
            roles = ", ".join(r.value.replace("_", " ") for r in members.get(best.person, ()))
            return MissingRole(
                role=expected.role,
                reason=expected.reason,
                next_person=best.person,
                fit=f"{fit}; {note.format(roles=roles)}" if note else fit,
                introduction=paths[best.person],
            )
    return MissingRole(
        role=expected.role,
        reason=expected.reason,
        next_person=None,
        fit="nobody at the account fits the role",
        introduction=None,
    )
