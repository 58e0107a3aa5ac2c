"""Buying committees answered from the resident store: the same records as
:class:`graph.reading.committee.CommitteeReader` reads request by request (the tests compare
the two): a deal with its live company and live members' roles, and the KNOWS paths of one
or two hops from our colleagues to each target, strongest first (equal strengths by
colleague, via and strength, as the read orders them; a null strength sorts first, as
Cypher's does in descending order), ``per_target`` of each."""

from __future__ import annotations

from collections.abc import Sequence

from graph.projection.store import ProjectionStore
from schema.enums import DealContactRole, DealStage
from schema.reading.org import ColleaguePath, ColleaguePaths, DealCommittee

__all__ = ["ResidentCommitteeReader"]

# (colleague, via, s1, s2, s): one row of the read's UNION, before the cut.
_Tie = tuple[str, str | None, float | None, float | None, float | None]


def _order(tie: _Tie) -> tuple[bool, float, str, bool, str, bool, float]:
    colleague, via, s1, _, s = tie
    return (
        s is not None,
        0.0 if s is None else -s,
        colleague,
        via is None,
        via or "",
        s1 is None,
        s1 or 0.0,
    )


class ResidentCommitteeReader:
    """:class:`graph.reading.committee.CommitteeReader`'s answers from a store (read it
    between the follower's applications)."""

    def __init__(self, store: ProjectionStore) -> None:
        self.store = store

    def _live(self, person: str) -> bool:
        row = self.store.people.get(person)
        return row is not None and row.live

    async def committee(self, deal_uid: str) -> DealCommittee | None:
        """The deal and its committee; None when the deal does not exist."""
        deal = self.store.deals.get(deal_uid)
        if deal is None or not deal.live:
            return None
        facts = self.store.links.deals.get(deal_uid)
        companies = self.store.companies
        company = next(
            (c for c in deal.companies if (row := companies.get(c)) is not None and row.live),
            None,
        )
        members = sorted(
            {(p, DealContactRole(role)) for p, role in deal.roles if role and self._live(p)}
        )
        amount = facts.amount if facts is not None else None
        return DealCommittee(
            deal_uid=deal.uid,
            name=str((facts.name if facts is not None else None) or ""),
            stage=DealStage(deal.stage or DealStage.PROSPECTING),
            amount=amount,
            currency=facts.currency if facts is not None else None,
            company_uid=company,
            members=tuple(members),
        )

    async def colleague_paths(
        self, targets: Sequence[str], *, per_target: int = 25
    ) -> ColleaguePaths:
        """KNOWS paths reaching each target from a colleague in one or two hops (the
        ``per_target`` strongest paths each, strongest first)."""
        paths: list[ColleaguePath] = []
        for target in dict.fromkeys(targets):
            if target not in self.store.people:
                continue
            ties = sorted(self._ties(target), key=_order)[: max(per_target, 0)]
            paths.extend(
                ColleaguePath(
                    target=target,
                    colleague=colleague,
                    via=via,
                    strength=float(s1 or 0.0),
                    via_strength=float(s2 or 0.0),
                )
                for colleague, via, s1, s2, _ in ties
            )
        return ColleaguePaths(targets=tuple(targets), paths=tuple(paths))

    def _ties(self, target: str) -> set[_Tie]:
        store = self.store
        found: set[_Tie] = set()

        def colleague(uid: str) -> bool:
            row = store.people.get(uid)
            return row is not None and row.live and row.colleague

        for key1 in store.knows_of.get(target, ()):
            k1 = store.knows[key1]
            x = k1.b if k1.a == target else k1.a
            if x == target:
                continue
            if colleague(x):
                found.add((x, None, k1.strength, None, k1.strength))
            if not self._live(x):
                continue
            for key2 in store.knows_of.get(x, ()):
                k2 = store.knows[key2]
                c = k2.b if k2.a == x else k2.a
                if c in (target, x) or not colleague(c):
                    continue
                s = (
                    None
                    if k1.strength is None or k2.strength is None
                    else k1.strength * k2.strength
                )
                found.add((c, x, k2.strength, k1.strength, s))
        return found
