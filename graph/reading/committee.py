"""A deal's buying committee, and the KNOWS ties that reach people from our colleagues."""

from __future__ import annotations

from collections.abc import Sequence

from graph.driver import GraphClient
from graph.queries import org
from schema.enums import DealContactRole, DealStage
from schema.reading.org import ColleaguePath, ColleaguePaths, DealCommittee

__all__ = ["CommitteeReader"]


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

    async def colleague_paths(
        self, targets: Sequence[str], *, per_target: int = 25
    ) -> ColleaguePaths:
        """KNOWS paths reaching each target from a colleague in one or two hops (the
        ``per_target`` strongest paths each, strongest first)."""
        if not targets:
            return ColleaguePaths(targets=(), paths=())
        rows = await self.client.read(
            org.KNOWS_TO_COLLEAGUES,
            {"targets": list(targets), "per_target": per_target},
            timeout=self.timeout,
        )
        return ColleaguePaths(
            targets=tuple(targets),
            paths=tuple(
                ColleaguePath(
                    target=str(r["target"]),
                    colleague=str(tie["colleague"]),
                    via=str(tie["via"]) if tie["via"] is not None else None,
                    strength=float(tie["s1"] or 0.0),
                    via_strength=float(tie["s2"] or 0.0),
                )
                for r in rows
                for tie in r["ties"]
            ),
        )
