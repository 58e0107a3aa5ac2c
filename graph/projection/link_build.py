"""Fill and patch :class:`~graph.projection.link_records.LinkRecords`: in bulk when the
store is built (:func:`build_links`, called at the end of ``build_store``), and for the
companies and deals a change touched (:func:`fetch_links` inside ``fetch_touched``,
:func:`put_links` inside ``put_fetched``)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any, LiteralString

from graph.driver import Record
from graph.projection import link_queries as q
from graph.projection.link_records import CandidateEdge, DealFacts, IdentifierFacts
from graph.projection.store import ProjectionStore
from schema.changes import Touched

__all__ = ["LinkFetched", "build_links", "fetch_links", "put_links"]

Read = Callable[[Any, dict[str, Any] | None], Awaitable[list[Record]]]


async def build_links(store: ProjectionStore, read: Read) -> None:
    """Read every company's name key, identifiers and candidates and every deal's facts."""
    links = store.links
    for r in await read(q.ALL_NAME_KEYS, None):
        links.set_name_key(str(r["uid"]), r["name_key"])
    for r in await read(q.ALL_IDENTIFIERS, None):
        links.add_identifier(str(r["company"]), _identifier(r["identifier"]))
    for r in await read(q.ALL_CANDIDATES, None):
        links.add_candidate(_candidate(r["edge"]))
    for r in await read(q.ALL_DEAL_FACTS, None):
        links.deals[str(r["uid"])] = _deal(r)


@dataclass(frozen=True, slots=True)
class LinkFetched:
    """The touched companies' and deals' link records as the database holds them now."""

    companies: frozenset[str]
    company_rows: list[Record]
    deals: frozenset[str]
    deal_rows: list[Record]


async def fetch_links(
    read: Callable[[LiteralString, Iterable[str]], Awaitable[list[Record]]],
    touched: Touched,
    deals: Iterable[str],
) -> LinkFetched:
    """Read, with ``fetch_touched``'s ``read`` (its transaction, ``$uids``), the touched
    companies' records and the facts of ``deals`` (those of the touched records) again;
    nothing is put in place."""
    companies, dealt = frozenset(touched.companies), frozenset(deals)
    return LinkFetched(
        companies=companies,
        company_rows=await read(q.TOUCHED_COMPANY_LINKS, companies),
        deals=dealt,
        deal_rows=await read(q.TOUCHED_DEAL_FACTS, dealt),
    )


def put_links(store: ProjectionStore, fetched: LinkFetched | None) -> None:
    """Put the fetched records in place of what the store held (no I/O)."""
    if fetched is None:
        return
    links = store.links
    for r in fetched.company_rows:
        uid = str(r["uid"])
        links.set_name_key(uid, r["name_key"])
        links.set_identifiers(uid, [_identifier(i) for i in r["identifiers"]])
        links.set_candidates(uid, [_candidate(e) for e in r["candidates"]])
    for uid in fetched.companies - {str(r["uid"]) for r in fetched.company_rows}:
        links.forget_company(uid)
    for r in fetched.deal_rows:
        links.deals[str(r["uid"])] = _deal(r)
    for uid in fetched.deals - {str(r["uid"]) for r in fetched.deal_rows}:
        links.deals.pop(uid, None)


def _identifier(row: list[Any]) -> IdentifierFacts:
    id, label, key, value = row
    return IdentifierFacts(
        id=str(id),
        label=str(label),
        key=None if key is None else str(key),
        value=None if value is None else str(value),
    )


def _candidate(row: list[Any]) -> CandidateEdge:
    id, a, b, status, score, reasons = row
    return CandidateEdge(
        id=str(id),
        a=str(a),
        b=str(b),
        status=status,
        score=None if score is None else float(score),
        reasons=None if reasons is None else tuple(str(r) for r in reasons),
    )


def _deal(r: Record) -> DealFacts:
    amount = r["amount"]
    return DealFacts(
        name=r["name"],
        amount=None if amount is None else float(amount),
        currency=r["currency"],
    )
