"""Fill a :class:`~graph.projection.store.ProjectionStore` from Neo4j: the whole graph in
paged bulk reads at start-up (:func:`build_store`), or only the records a change touched
(:func:`fetch_touched`, in one read transaction), read again in full and put in place of
what the store held (:func:`put_fetched`).

The reads return plain lists (see :mod:`graph.projection.queries`); the converters here turn
them into the store's rows (:mod:`graph.projection.rows`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any, LiteralString

from graph.driver import GraphClient, Record, Transaction
from graph.projection import queries as q
from graph.projection.interactions import InteractionTableBuilder
from graph.projection.link_build import LinkFetched, build_links, fetch_links, put_links
from graph.projection.rows import (
    company_row,
    connection_row,
    deal_row,
    interaction_row,
    job_row,
    knows_row,
    line_row,
    person_row,
)
from graph.projection.store import ProjectionStore
from schema.changes import Touched
from schema.errors import CrmGraphError

__all__ = ["BuildStopped", "Fetched", "build_store", "fetch_touched", "put_fetched", "refresh"]

_PAGE = 10_000
_TIMEOUT = 300.0

Read = Callable[[LiteralString, dict[str, Any]], Awaitable[list[Record]]]


class BuildStopped(CrmGraphError):
    """The build was asked to stop (the process is shutting down)."""


async def _pages(read: Read, text: LiteralString, *, size: int = _PAGE) -> AsyncIterator[Any]:
    """The ``rows`` of each page of a paged whole-graph query, in uid order."""
    after = ""
    while True:
        [page] = await read(text, {"after": after, "limit": size})
        yield page["rows"]
        if int(page["nodes"]) < size:
            return
        after = str(page["last"])


async def build_store(
    client: GraphClient,
    *,
    timeout: float = _TIMEOUT,
    stopping: Callable[[], bool] = lambda: False,
) -> ProjectionStore:
    """Read everything the resident readers answer from into a new store; ``stopping`` is
    asked before each read, and :class:`BuildStopped` raised when it says so (a read is
    never cut off in the middle)."""
    store = ProjectionStore()

    async def read(text: LiteralString, parameters: dict[str, Any] | None) -> list[Record]:
        if stopping():
            raise BuildStopped("the projection's build was stopped")

        async def page(tx: Transaction) -> list[Record]:
            return await tx.run(text, parameters)  # plain values: no per-value conversion

        return await client.read_together(page, timeout=timeout)

    async for rows in _pages(read, q.ALL_COMPANIES):
        for row in rows:
            store.put_company(company_row(row))
            for parent in row[6]:
                store.parents[row[0]].add(parent)
                store.children[parent].add(row[0])
    async for rows in _pages(read, q.ALL_PEOPLE):
        for row in rows:
            store.put_person(person_row(row, store.index_of(row[0])))
    async for rows in _pages(read, q.ALL_PERSON_EDGES):
        for uid, jobs, knows, connections, lines in rows:
            for job in jobs:
                store.add_job(job_row(uid, job))
            for other, *tail in knows:
                store.add_knows(knows_row(uid, other, *tail))
            for other, *tail in connections:
                store.add_connection(connection_row(uid, other, *tail))
            for manager, *tail in lines:
                store.add_line(line_row(uid, manager, *tail))
    async for rows in _pages(read, q.ALL_DEALS):
        for row in rows:
            store.put_deal(deal_row(row))
    interactions = InteractionTableBuilder()
    async for rows in _pages(read, q.ALL_INTERACTIONS):
        interactions.add_raw(rows, store.index_of)
    store.interactions = interactions.finish(people=len(store.people_by_index))
    await build_links(store, read)  # name keys, identifiers, candidates, deal facts
    return store


@dataclass(frozen=True, slots=True)
class Fetched:
    """The touched records as the database holds them now, ready to put in place."""

    touched: Touched
    companies: list[Record]
    people: list[Record]
    deals: list[Record]
    interactions: list[Record]
    links: LinkFetched | None = None  # see graph/projection/link_build.py


async def fetch_touched(tx: Transaction, store: ProjectionStore, touched: Touched) -> Fetched:
    """Read the touched records again in ``tx``, with the deals and interactions of touched
    people (those the store knows of too, in case they left); the store is only read."""

    async def read(text: LiteralString, uids: Iterable[str]) -> list[Record]:
        listed = sorted(set(uids))
        return await tx.run(text, {"uids": listed}) if listed else []

    deals, interactions = set(touched.deals), set(touched.interactions)
    companies = await read(q.TOUCHED_COMPANIES, touched.companies)
    people = await read(q.TOUCHED_PEOPLE, touched.people)
    for r in companies:
        deals.update(r["deals"])
    for r in people:
        uid = r["row"][0]
        deals.update(r["deals"])
        deals.update(store.deals_of_person.get(uid, ()))
        interactions.update(r["interactions"])
        interactions.update(store.interactions_of(uid))
    return Fetched(
        touched=touched,
        companies=companies,
        people=people,
        deals=await read(q.TOUCHED_DEALS, deals),
        interactions=await read(q.TOUCHED_INTERACTIONS, interactions),
        links=await fetch_links(read, touched, deals),
    )


def put_fetched(store: ProjectionStore, fetched: Fetched) -> None:
    """Put the fetched records in place of what the store held (no I/O)."""
    for r in fetched.companies:
        _put_company(store, r)
    for r in fetched.people:
        _put_person(store, r)
    for uid in set(fetched.touched.people) - {r["row"][0] for r in fetched.people}:
        _forget_person(store, uid)
    for r in fetched.deals:
        store.put_deal(deal_row(r["row"]))
    for r in fetched.interactions:
        store.put_interaction(*interaction_row(r["row"], store.index_of))
    put_links(store, fetched.links)


async def refresh(
    client: GraphClient, store: ProjectionStore, touched: Touched, *, timeout: float = 30.0
) -> None:
    """Read the touched records again and put them in place (a ``reset`` is the caller's:
    it rebuilds instead)."""

    async def work(tx: Transaction) -> Fetched:
        return await fetch_touched(tx, store, touched)

    put_fetched(store, await client.read_together(work, timeout=timeout))


def _put_company(store: ProjectionStore, r: Record) -> None:
    row = r["row"]
    uid = row[0]
    store.put_company(company_row(row))
    links = [(uid, parent) for parent in row[6]]
    links.extend((child, uid) for child in r["children"])
    store.set_family(uid, links)


def _put_person(store: ProjectionStore, r: Record) -> None:
    row = r["row"]
    uid = row[0]
    store.put_person(person_row(row, store.index_of(uid)))
    store.set_jobs(uid, [job_row(uid, job) for job in r["jobs"]])
    knows = [knows_row(uid, other, *tail) for other, *tail in r["knows_out"]]
    knows.extend(knows_row(other, uid, *tail) for other, *tail in r["knows_in"])
    store.set_knows(uid, knows)
    connections = [connection_row(uid, other, *tail) for other, *tail in r["connections_out"]]
    connections.extend(connection_row(o, uid, *tail) for o, *tail in r["connections_in"])
    store.set_connections(uid, connections)
    lines = [line_row(uid, manager, *tail) for manager, *tail in r["lines_out"]]
    lines.extend(line_row(report, uid, *tail) for report, *tail in r["lines_in"])
    store.set_lines(uid, lines)


def _forget_person(store: ProjectionStore, uid: str) -> None:
    """A touched person the database no longer holds (deleted for good)."""
    row = store.people.get(uid)
    if row is None:
        return
    row.live = False
    store.set_jobs(uid, [])
    store.set_knows(uid, [])
    store.set_connections(uid, [])
    store.set_lines(uid, [])
