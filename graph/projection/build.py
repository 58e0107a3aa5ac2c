"""Fill a :class:`~graph.projection.store.ProjectionStore` from Neo4j: the whole graph in
bulk reads at start-up (:func:`build_store`), or only the records a change touched
(:func:`refresh`), read again in full and put in place of what the store held."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from graph.driver import GraphClient, Record
from graph.projection import queries as q
from graph.projection.link_build import LinkFetched, build_links, fetch_links, put_links
from graph.projection.records import (
    CompanyRow,
    ConnectionRow,
    DealRow,
    JobRow,
    KnowsRow,
    LineRow,
    PersonRow,
)
from graph.projection.store import ProjectionStore
from graph.reading.crm.records import employment_from, native
from graph.reading.referrals import date_of
from schema.changes import Touched
from schema.errors import CrmGraphError

__all__ = ["BuildStopped", "Fetched", "build_store", "fetch_touched", "put_fetched", "refresh"]

_PAGE = 20_000
_TIMEOUT = 300.0


class BuildStopped(CrmGraphError):
    """The build was asked to stop (the process is shutting down)."""


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

    async def read(text: Any, parameters: dict[str, Any] | None = None) -> list[Record]:
        if stopping():
            raise BuildStopped("the projection's build was stopped")
        return await client.read(text, parameters or {}, timeout=timeout)

    for r in await read(q.ALL_COMPANIES):
        store.put_company(_company(r))
    for r in await read(q.ALL_PEOPLE):
        store.put_person(_person(r, store.index_of(str(r["uid"]))))
    for r in await read(q.ALL_JOBS):
        job = _job(str(r["person"]), str(r["company"]), r["job"])
        store.jobs_by_person[job.person].append(job)
        store.jobs_by_company[job.company].append(job)
    for r in await read(q.ALL_KNOWS):
        store.add_knows(_knows(str(r["a"]), str(r["b"]), r["strength"], r["count"], r["last_at"]))
    for r in await read(q.ALL_CONNECTIONS):
        store.add_connection(_connection(str(r["a"]), str(r["b"]), *_tail(r)))
    for r in await read(q.ALL_LINES):
        store.add_line(
            _line(str(r["person"]), str(r["manager"]), r["kind"], r["valid_from"], r["valid_to"])
        )
    for r in await read(q.ALL_SUBSIDIARIES):
        store.parents[str(r["sub"])].add(str(r["parent"]))
        store.children[str(r["parent"])].add(str(r["sub"]))
    for r in await read(q.ALL_DEALS):
        store.put_deal(_deal(r))
    rows: list[tuple[str, float, str | None, bool, list[tuple[int, str]]]] = []
    after = ""
    while True:
        page = await read(q.ALL_INTERACTIONS, {"after": after, "limit": _PAGE})
        for r in page:
            rows.append(_interaction(store, r))
        if len(page) < _PAGE:
            break
        after = str(page[-1]["uid"])
    store.interaction_uids = [row[0] for row in rows]
    store.interactions = type(store.interactions).build(rows, people=len(store.people_by_index))
    await build_links(store, read)  # hook: name keys, identifiers, candidates, deal facts
    return store


@dataclass(frozen=True, slots=True)
class Fetched:
    """The touched records as the database holds them now, ready to put in place."""

    touched: Touched
    companies: list[Record]
    people: list[Record]
    deals: list[Record]
    interactions: list[Record]
    links: LinkFetched | None = None  # hook: graph/projection/link_build.py


async def fetch_touched(
    client: GraphClient, store: ProjectionStore, touched: Touched, *, timeout: float = 30.0
) -> Fetched:
    """Read the touched records again, with the deals and interactions of touched people
    (those the store knows of too, in case they left); the store is only read."""

    async def read(text: Any, uids: Iterable[str]) -> list[Record]:
        listed = sorted(set(uids))
        if not listed:
            return []
        return await client.read(text, {"uids": listed}, timeout=timeout)

    deals, interactions = set(touched.deals), set(touched.interactions)
    companies = await read(q.TOUCHED_COMPANIES, touched.companies)
    people = await read(q.TOUCHED_PEOPLE, touched.people)
    for r in companies:
        deals.update(str(d) for d in r["deals"])
    for r in people:
        uid = str(r["uid"])
        deals.update(str(d) for d in r["deals"])
        deals.update(store.deals_of_person.get(uid, ()))
        interactions.update(str(i) for i in r["interactions"])
        interactions.update(store.interactions_of(uid))
    return Fetched(
        touched=touched,
        companies=companies,
        people=people,
        deals=await read(q.TOUCHED_DEALS, deals),
        interactions=await read(q.TOUCHED_INTERACTIONS, interactions),
        links=await fetch_links(client, touched, deals, timeout=timeout),  # hook
    )


def put_fetched(store: ProjectionStore, fetched: Fetched) -> None:
    """Put the fetched records in place of what the store held (no I/O)."""
    for r in fetched.companies:
        _put_company(store, r)
    for r in fetched.people:
        _put_person(store, r)
    for uid in set(fetched.touched.people) - {str(r["uid"]) for r in fetched.people}:
        _forget_person(store, uid)
    for r in fetched.deals:
        store.put_deal(_deal(r))
    for r in fetched.interactions:
        store.put_interaction(*_interaction(store, r))
    put_links(store, fetched.links)  # hook: graph/projection/link_build.py


async def refresh(
    client: GraphClient, store: ProjectionStore, touched: Touched, *, timeout: float = 30.0
) -> None:
    """Read the touched records again and put them in place (a ``reset`` is the caller's:
    it rebuilds instead)."""
    put_fetched(store, await fetch_touched(client, store, touched, timeout=timeout))


def _put_company(store: ProjectionStore, r: Record) -> None:
    uid = str(r["uid"])
    store.put_company(_company(r))
    links = []
    for outgoing, other in r["family"]:
        if other is not None:
            links.append((uid, str(other)) if outgoing else (str(other), uid))
    store.set_family(uid, links)


def _put_person(store: ProjectionStore, r: Record) -> None:
    uid = str(r["uid"])
    store.put_person(_person(r, store.index_of(uid)))
    store.set_jobs(uid, [_job(uid, str(c), props) for c, props in r["jobs"] if c is not None])
    knows = []
    for outgoing, other, strength, count, last_at in r["knows"]:
        if other is not None:
            a, b = (uid, str(other)) if outgoing else (str(other), uid)
            knows.append(_knows(a, b, strength, count, last_at))
    store.set_knows(uid, knows)
    connections = []
    for outgoing, other, since, kind, source in r["connections"]:
        if other is not None:
            a, b = (uid, str(other)) if outgoing else (str(other), uid)
            connections.append(_connection(a, b, since, kind, source))
    store.set_connections(uid, connections)
    lines = []
    for outgoing, other, kind, valid_from, valid_to in r["lines"]:
        if other is not None:
            person, manager = (uid, str(other)) if outgoing else (str(other), uid)
            lines.append(_line(person, manager, kind, valid_from, valid_to))
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


def _person(r: Record, index: int) -> PersonRow:
    return PersonRow(
        uid=str(r["uid"]),
        index=index,
        id=str(r["id"]),
        name=r["name"],
        colleague=bool(r["colleague"]),
        title=r["title"],
        department=r["department"],
        seniority=r["seniority"],
        live=bool(r["live"]),
    )


def _company(r: Record) -> CompanyRow:
    return CompanyRow(
        uid=str(r["uid"]),
        name=r["name"],
        home=bool(r["home"]),
        undeleted=bool(r["undeleted"]),
        live=bool(r["live"]),
        on_record=int(r["on_record"]),
    )


def _job(person: str, company: str, props: dict[str, Any]) -> JobRow:
    return JobRow(
        person=person,
        company=company,
        employment=employment_from(props, person_uid=person, company_uid=company),
        raw_role=props.get("role"),
        raw_seniority=props.get("seniority"),
        raw_title=props.get("title"),
    )


def _knows(a: str, b: str, strength: Any, count: Any, last_at: Any) -> KnowsRow:
    return KnowsRow(
        a=a,
        b=b,
        strength=None if strength is None else float(strength),
        count=None if count is None else int(count),
        last_at=native(last_at),
    )


def _tail(r: Record) -> tuple[Any, Any, Any]:
    return r["since"], r["kind"], r["source"]


def _connection(a: str, b: str, since: Any, kind: Any, source: Any) -> ConnectionRow:
    return ConnectionRow(a=a, b=b, since=date_of(since), kind=kind, source=source)


def _line(person: str, manager: str, kind: Any, valid_from: Any, valid_to: Any) -> LineRow:
    return LineRow(
        person=person,
        manager=manager,
        kind=kind,
        valid_from=date_of(valid_from),
        valid_to=date_of(valid_to),
    )


def _deal(r: Record) -> DealRow:
    return DealRow(
        uid=str(r["uid"]),
        stage=r["stage"],
        close_date=date_of(r["close_date"]),
        live=bool(r["live"]),
        companies=tuple(str(c) for c in r["companies"] if c is not None),
        roles=tuple((str(p), role) for p, role in r["roles"] if p is not None),
    )


def _epoch(value: Any) -> float:
    moment = native(value)
    if isinstance(moment, datetime):
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.timestamp()
    return float("nan")


def _interaction(
    store: ProjectionStore, r: Record
) -> tuple[str, float, str | None, bool, list[tuple[int, str]]]:
    parts: list[tuple[int, str]] = []
    for person, role in r["participants"]:
        if person is not None:
            parts.append((store.index_of(str(person)), role))
    return str(r["uid"]), _epoch(r["at"]), r["kind"], bool(r["live"]), parts
