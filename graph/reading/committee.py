"""A deal's buying committee, and the KNOWS ties that reach people from our colleagues."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx

from graph.driver import GraphClient
from graph.queries import org
from schema.enums import DealContactRole, DealStage

__all__ = ["CommitteeReader", "DealCommittee"]


@dataclass(frozen=True, slots=True, kw_only=True)
class DealCommittee:
    """A deal, the company it is with, and its INVOLVED_IN roles."""

    deal_uid: str
    name: str
    stage: DealStage
    amount: float | None
    currency: str | None = None
    company_uid: str | None
    members: tuple[tuple[str, DealContactRole], ...]


class CommitteeReader:
    """Reads deals' committees and colleagues' paths to people, each within ``timeout``."""

    def __init__(self, client: GraphClient, *, timeout: float = 20.0) -> None:
        if timeout <= 0:
            raise ValueError("timeout must be positive")
        self.client = client
        self.timeout = timeout

    async def committee(self, deal_uid: str) -> DealCommittee | None:
        """The deal and its committee; None when the deal does not exist."""
        rows = await self.client.read(org.DEAL_COMMITTEE, {"uid": deal_uid}, timeout=self.timeout)
        if not rows:
            return None
        r = rows[0]
        members = sorted(
            (str(m["person"]), DealContactRole(m["role"])) for m in r["members"] if m["role"]
        )
        return DealCommittee(
            deal_uid=str(r["uid"]),
            name=str(r["name"] or ""),
            stage=DealStage(r["stage"] or DealStage.PROSPECTING),
            amount=float(r["amount"]) if r["amount"] is not None else None,
            currency=r["currency"],
            company_uid=r["company"],
            members=tuple(members),
        )

    async def colleague_paths(self, targets: Sequence[str], *, per_target: int = 25) -> nx.Graph:
        """KNOWS ties reaching each target from a colleague in one or two hops (the
        ``per_target`` strongest paths each), as a graph with ``strength`` on edges and
        ``colleague`` true on colleagues; every target is a node."""
        G = nx.Graph()
        G.add_nodes_from(targets, colleague=False)
        if not targets:
            return G
        rows = await self.client.read(
            org.KNOWS_TO_COLLEAGUES,
            {"targets": list(targets), "per_target": per_target},
            timeout=self.timeout,
        )
        for r in rows:
            target = str(r["target"])
            for tie in r["ties"]:
                colleague, via = str(tie["colleague"]), tie["via"]
                G.add_node(colleague, colleague=True)
                if via is None:
                    G.add_edge(colleague, target, strength=float(tie["s1"] or 0.0))
                else:
                    G.add_edge(colleague, str(via), strength=float(tie["s1"] or 0.0))
                    G.add_edge(str(via), target, strength=float(tie["s2"] or 0.0))
        return G
