"""The hand-tuned baseline loader that ``relgraph bench ingest`` measures the importer against.

It reads the six native templates (``companies.csv`` ... ``interactions.csv``) with the
stdlib :mod:`csv` module, with no validation and no resolution, builds rows with the uids the
importer gives records of the same source (``company:demo:c-00001``, ``person:demo:...``,
``deal:demo:...``, ``interaction:demo:...``; WORKS_AT and REPORTS_TO keyed the same way too),
parses dates and datetimes with :meth:`date.fromisoformat` / :meth:`datetime.fromisoformat`
so the stored types match, and writes ``UNWIND $rows`` batches with the queries of
:mod:`graph.benchmarks.ingest_queries`: one query per entity type, one managed transaction per
batch, no round trip per row. Parent companies and managers are linked at the end, as the
importer does (a parent may come later in the file).

:func:`write_interactions_one_by_one` is the row-at-a-time variant (one transaction per row,
the same query with a one-row list), meant for a sample only.

Examples
--------
>>> row = _interaction({"interaction_id": "i-1", "kind": "meeting",
...     "occurred_at": "2026-01-02T09:30:00+00:00", "from_person_id": "p-1",
...     "to_person_ids": "p-2;p-1", "subject": None, "deal_id": None}, "demo")
>>> row["uid"], row["parts"]
('interaction:demo:i-1', [{'uid': 'person:demo:p-1', 'role': 'organizer'}, \
{'uid': 'person:demo:p-2', 'role': 'attendee'}])
"""

from __future__ import annotations

import csv
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, LiteralString

from neo4j.exceptions import ClientError

from graph.benchmarks import ingest_queries as q
from graph.driver import GraphClient

__all__ = [
    "DEFERRED_PHASE",
    "TEMPLATE_FILES",
    "BaselinePhase",
    "InteractionSample",
    "ServerMemory",
    "delete_interactions",
    "load_baseline",
    "sample_interactions",
    "server_memory",
    "write_interactions",
    "write_interactions_one_by_one",
]

DEFERRED_PHASE = "parent and manager links"
"""The name of the last phase: SUBSIDIARY_OF and REPORTS_TO, written after every file."""

_Fields = dict[str, str | None]
_Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class BaselinePhase:
    """One step of a baseline load: a template file (or the deferred links), the rows it
    wrote and how long it took, reading included."""

    name: str
    rows: int
    seconds: float


@dataclass(frozen=True, slots=True)
class InteractionSample:
    """The first interactions of a template, as baseline rows (opaque to callers)."""

    rows: tuple[_Row, ...]

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def relationships(self) -> int:
        """The PARTICIPATED_IN and ABOUT relationships writing the sample creates."""
        return sum(len(row["parts"]) + (1 if row["deal"] else 0) for row in self.rows)


@dataclass(frozen=True, slots=True)
class ServerMemory:
    """The memory the server runs with, as it reports it (None when it does not say)."""

    heap: str | None
    page_cache: str | None


def _props(**values: Any) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None}


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _number(text: str | None) -> float | None:
    return float(text) if text else None


def _company(f: _Fields, source: str) -> _Row:
    cid = f["company_id"]
    props = _props(
        name=f["name"],
        domain=f["domain"],
        industry=f["industry"],
        address=f["address"],
        phone=f["phone"],
        source=source,
        source_id=cid,
    )
    return {"uid": f"company:{source}:{cid}", "props": props}


def _person(f: _Fields, source: str) -> _Row:
    pid, email = f["person_id"], f["email"]
    props = _props(
        full_name=f["full_name"],
        email=email.lower() if email else None,
        phone=f["phone"],
        title=f["title"],
        department=f["department"],
        is_colleague=f["is_colleague"] == "true",
        source=source,
        source_id=pid,
    )
    return {"uid": f"person:{source}:{pid}", "props": props}


def _employment(f: _Fields, source: str) -> _Row:
    pid, cid, role, start = f["person_id"], f["company_id"], f["role"], f["start_date"]
    key = f"{pid}|{cid}|{role}|{start or ''}"
    props = _props(
        title=f["title"],
        department=f["department"],
        role=role,
        start=_day(start),
        end=_day(f["end_date"]),
        source=source,
        source_id=key,
    )
    return {
        "uid": f"works_at:{source}:{key}",
        "person": f"person:{source}:{pid}",
        "company": f"company:{source}:{cid}",
        "props": props,
    }


def _deal(f: _Fields, source: str) -> _Row:
    did = f["deal_id"]
    props = _props(
        name=f["name"],
        amount=_number(f["amount"]),
        currency=f["currency"],
        stage=f["stage"],
        probability=_number(f["probability"]),
        close_date=_day(f["close_date"]),
        source=source,
        source_id=did,
    )
    return {
        "uid": f"deal:{source}:{did}",
        "company": f"company:{source}:{f['company_id']}" if f["company_id"] else None,
        "owner": f"person:{source}:{f['owner_person_id']}" if f["owner_person_id"] else None,
        "props": props,
    }


def _deal_contact(f: _Fields, source: str) -> _Row:
    return {
        "deal": f"deal:{source}:{f['deal_id']}",
        "person": f"person:{source}:{f['person_id']}",
        "role": f["role"],
    }


def _interaction(f: _Fields, source: str) -> _Row:
    """Sender first (organizer of a meeting, else from), then each other person once
    (attendee of a meeting, else to), as the importer assigns roles."""
    meeting = f["kind"] == "meeting"
    roles = ("organizer", "attendee") if meeting else ("from", "to")
    ids = [(f["from_person_id"], roles[0])] if f["from_person_id"] else []
    ids += [(p.strip(), roles[1]) for p in (f["to_person_ids"] or "").split(";") if p.strip()]
    seen: set[str] = set()
    parts = []
    for pid, role in ids:
        if pid not in seen:
            seen.add(pid)
            parts.append({"uid": f"person:{source}:{pid}", "role": role})
    iid, occurred = f["interaction_id"], f["occurred_at"]
    props = _props(
        kind=f["kind"],
        occurred_at=datetime.fromisoformat(occurred) if occurred else None,
        subject=f["subject"],
        source=source,
        source_id=iid,
    )
    deal = f"deal:{source}:{f['deal_id']}" if f["deal_id"] else None
    return {"uid": f"interaction:{source}:{iid}", "props": props, "deal": deal, "parts": parts}


def _subsidiary(f: _Fields, source: str) -> _Row | None:
    if not f["parent_company_id"]:
        return None
    return {
        "child": f"company:{source}:{f['company_id']}",
        "parent": f"company:{source}:{f['parent_company_id']}",
    }


def _reporting_line(f: _Fields, source: str) -> _Row | None:
    if not f["manager_person_id"]:
        return None
    return {
        "uid": f"reports_to:{source}:{f['person_id']}",
        "person": f"person:{source}:{f['person_id']}",
        "manager": f"person:{source}:{f['manager_person_id']}",
        "props": {
            "kind": "explicit",
            "confidence": 1.0,
            "source": source,
            "source_id": f["person_id"],
        },
    }


_Build = Callable[[_Fields, str], _Row]
_Defer = Callable[[_Fields, str], _Row | None]
_FILES: tuple[tuple[str, LiteralString, _Build, _Defer | None], ...] = (
    ("companies.csv", q.BASELINE_COMPANIES, _company, _subsidiary),
    ("people.csv", q.BASELINE_PEOPLE, _person, _reporting_line),
    ("employments.csv", q.BASELINE_EMPLOYMENTS, _employment, None),
    ("deals.csv", q.BASELINE_DEALS, _deal, None),
    ("deal_contacts.csv", q.BASELINE_DEAL_CONTACTS, _deal_contact, None),
    ("interactions.csv", q.BASELINE_INTERACTIONS, _interaction, None),
)


TEMPLATE_FILES: tuple[str, ...] = tuple(name for name, *_ in _FILES)
"""The template files, in the order both loaders read them."""


def _read(path: Path) -> Iterator[_Fields]:
    """The rows of one template, empty cells as None."""
    with path.open(encoding="utf-8", newline="") as stream:
        for record in csv.DictReader(stream):
            yield {k: v or None for k, v in record.items()}


def _rows(
    path: Path, source: str, *, build: _Build, defer: _Defer | None, deferred: list[_Row]
) -> Iterator[_Row]:
    """The rows ``build`` makes of ``path``; the links ``defer`` finds go to ``deferred``."""
    for fields in _read(path):
        if defer is not None and (link := defer(fields, source)) is not None:
            deferred.append(link)
        yield build(fields, source)


def _chunks(rows: Iterable[_Row], size: int) -> Iterator[list[_Row]]:
    batch: list[_Row] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


async def _write_all(
    client: GraphClient, query: LiteralString, rows: Iterable[_Row], batch_size: int
) -> int:
    written = 0
    for batch in _chunks(rows, batch_size):
        await client.write(query, {"rows": batch})
        written += len(batch)
    return written


async def load_baseline(
    client: GraphClient,
    folder: Path,
    *,
    source: str = "demo",
    batch_size: int = 1000,
    on_phase: Callable[[str], None] | None = None,
) -> list[BaselinePhase]:
    """Load the templates in ``folder`` the hand-tuned way; return each phase's timing.

    ``on_phase`` is called with a phase's name as it starts (a file name, or
    :data:`DEFERRED_PHASE`). Missing template files are skipped.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    phases: list[BaselinePhase] = []
    parents: list[_Row] = []
    managers: list[_Row] = []
    for name, query, build, defer in _FILES:
        path = folder / name
        if not path.exists():
            continue
        if on_phase is not None:
            on_phase(name)
        started = time.perf_counter()
        deferred = parents if name == "companies.csv" else managers
        rows = _rows(path, source, build=build, defer=defer, deferred=deferred)
        count = await _write_all(client, query, rows, batch_size)
        phases.append(BaselinePhase(name, count, time.perf_counter() - started))
    if on_phase is not None:
        on_phase(DEFERRED_PHASE)
    started = time.perf_counter()
    links = await _write_all(client, q.BASELINE_SUBSIDIARIES, parents, batch_size)
    links += await _write_all(client, q.BASELINE_REPORTING_LINES, managers, batch_size)
    phases.append(BaselinePhase(DEFERRED_PHASE, links, time.perf_counter() - started))
    return phases


def sample_interactions(folder: Path, size: int, *, source: str = "demo") -> InteractionSample:
    """The first ``size`` rows of ``folder/interactions.csv`` as baseline rows."""
    rows: list[_Row] = []
    for fields in _read(folder / "interactions.csv"):
        if len(rows) >= size:
            break
        rows.append(_interaction(fields, source))
    return InteractionSample(tuple(rows))


async def write_interactions(
    client: GraphClient, sample: InteractionSample, *, batch_size: int = 1000
) -> None:
    """Write ``sample`` in ``UNWIND`` batches (the baseline's way)."""
    await _write_all(client, q.BASELINE_INTERACTIONS, sample.rows, batch_size)


async def write_interactions_one_by_one(client: GraphClient, sample: InteractionSample) -> None:
    """Write ``sample`` row at a time: one transaction per row, the same query."""
    for row in sample.rows:
        await client.write(q.BASELINE_INTERACTIONS, {"rows": [row]})


async def delete_interactions(
    client: GraphClient, sample: InteractionSample, *, batch_size: int = 1000
) -> None:
    """Delete the interactions of ``sample`` and their relationships."""
    uids = [row["uid"] for row in sample.rows]
    for start in range(0, len(uids), batch_size):
        await client.write(q.DELETE_INTERACTIONS, {"uids": uids[start : start + batch_size]})


async def server_memory(client: GraphClient) -> ServerMemory:
    """The heap (the JVM's real maximum when the server exposes JMX) and the page cache."""
    settings = {str(r["name"]): r["value"] for r in await client.read(q.MEMORY_SETTINGS)}
    heap = settings.get("server.memory.heap.max_size")
    try:
        records = await client.read(q.JVM_HEAP_MAX)
        if records and records[0]["max"]:
            heap = f"{int(records[0]['max']) / 2**30:.2f}GiB"
    except ClientError:
        pass  # no JMX procedure (e.g. a managed cloud service): keep the setting
    page_cache = settings.get("server.memory.pagecache.size")
    return ServerMemory(
        heap=None if heap is None else str(heap),
        page_cache=None if page_cache is None else str(page_cache),
    )
