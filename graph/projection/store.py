"""The resident projection's store: every record the intelligence reads, indexed for the
resident readers, and patched record by record as the change feed names them.

A person, company or deal is replaced whole with what the database now holds (its row and
every relationship of it); an interaction likewise, participants included. Relationships are
kept once, under their own key, and indexed from both ends, so replacing one end's facts
updates what the other end sees.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from graph.projection.interactions import InteractionTable, Participation
from graph.projection.link_records import LinkRecords  # hook: hidden links, committees
from graph.projection.records import (
    CompanyRow,
    ConnectionRow,
    DealRow,
    JobRow,
    KnowsRow,
    LineRow,
    PersonRow,
)

__all__ = ["ProjectionStore"]

_WON = "closed_won"


class ProjectionStore:
    """Records and indexes; see the module docstring. Not safe for concurrent writers: the
    follower applies changes under its lock, readers read between applications."""

    def __init__(self) -> None:
        self.people: dict[str, PersonRow] = {}
        self.person_index: dict[str, int] = {}
        self.person_by_id: dict[str, str] = {}
        self.people_by_index: list[str] = []
        self.companies: dict[str, CompanyRow] = {}
        self.jobs_by_person: dict[str, list[JobRow]] = defaultdict(list)
        self.jobs_by_company: dict[str, list[JobRow]] = defaultdict(list)
        self.knows: dict[tuple[str, str], KnowsRow] = {}
        self.knows_of: dict[str, set[tuple[str, str]]] = defaultdict(set)
        self.connections: dict[tuple[str, str], list[ConnectionRow]] = defaultdict(list)
        self.connections_of: dict[str, set[tuple[str, str]]] = defaultdict(set)
        self.lines_of: dict[str, list[LineRow]] = defaultdict(list)
        self.reports_of: dict[str, set[str]] = defaultdict(set)
        self.parents: dict[str, set[str]] = defaultdict(set)
        self.children: dict[str, set[str]] = defaultdict(set)
        self.deals: dict[str, DealRow] = {}
        self.deals_of_person: dict[str, set[str]] = defaultdict(set)
        self.deals_of_company: dict[str, set[str]] = defaultdict(set)
        self.interactions = InteractionTable()
        self.links = LinkRecords()  # hook: graph/projection/link_build.py fills and patches it

    # -- people --------------------------------------------------------------------------

    def index_of(self, uid: str) -> int:
        """The person's index, a new one for a person not seen before."""
        index = self.person_index.get(uid)
        if index is None:
            index = self.person_index[uid] = len(self.people_by_index)
            self.people_by_index.append(uid)
        return index

    def put_person(self, row: PersonRow) -> None:
        old = self.people.get(row.uid)
        if old is not None and old.id != row.id:
            self.person_by_id.pop(old.id, None)
        self.people[row.uid] = row
        self.person_by_id[row.id] = row.uid

    def add_job(self, job: JobRow) -> None:
        self.jobs_by_person[job.person].append(job)
        self.jobs_by_company[job.company].append(job)

    def set_jobs(self, person: str, jobs: Iterable[JobRow]) -> None:
        for job in self.jobs_by_person.pop(person, []):
            kept = [j for j in self.jobs_by_company[job.company] if j.person != person]
            self.jobs_by_company[job.company] = kept
        for job in jobs:
            self.add_job(job)

    def set_knows(self, person: str, edges: Iterable[KnowsRow]) -> None:
        for key in self.knows_of.pop(person, set()):
            self.knows.pop(key, None)
            other = key[1] if key[0] == person else key[0]
            self.knows_of[other].discard(key)
        for edge in edges:
            self.add_knows(edge)

    def add_knows(self, edge: KnowsRow) -> None:
        key = (edge.a, edge.b)
        self.knows[key] = edge
        self.knows_of[edge.a].add(key)
        self.knows_of[edge.b].add(key)

    def set_connections(self, person: str, edges: Iterable[ConnectionRow]) -> None:
        for key in self.connections_of.pop(person, set()):
            self.connections.pop(key, None)
            other = key[1] if key[0] == person else key[0]
            self.connections_of[other].discard(key)
        for edge in edges:
            self.add_connection(edge)

    def add_connection(self, edge: ConnectionRow) -> None:
        key = (edge.a, edge.b)
        if edge not in self.connections[key]:
            self.connections[key].append(edge)
        self.connections_of[edge.a].add(key)
        self.connections_of[edge.b].add(key)

    def set_lines(self, person: str, lines: Iterable[LineRow]) -> None:
        """Replace every line the person is in, as the subordinate or as the manager."""
        for line in self.lines_of.pop(person, []):
            self.reports_of[line.manager].discard(person)
        for report in self.reports_of.pop(person, set()):
            self.lines_of[report] = [x for x in self.lines_of[report] if x.manager != person]
        for line in lines:
            self.add_line(line)

    def add_line(self, line: LineRow) -> None:
        if line not in self.lines_of[line.person]:
            self.lines_of[line.person].append(line)
        self.reports_of[line.manager].add(line.person)

    # -- companies -----------------------------------------------------------------------

    def put_company(self, row: CompanyRow) -> None:
        self.companies[row.uid] = row

    def set_family(self, company: str, links: Iterable[tuple[str, str]]) -> None:
        """Replace the company's SUBSIDIARY_OF links: (subsidiary, parent) pairs."""
        for parent in self.parents.pop(company, set()):
            self.children[parent].discard(company)
        for child in self.children.pop(company, set()):
            self.parents[child].discard(company)
        for sub, parent in links:
            self.parents[sub].add(parent)
            self.children[parent].add(sub)

    # -- deals ---------------------------------------------------------------------------

    def put_deal(self, row: DealRow) -> None:
        old = self.deals.get(row.uid)
        if old is not None:
            for person, _ in old.roles:
                self.deals_of_person[person].discard(row.uid)
            for company in old.companies:
                self.deals_of_company[company].discard(row.uid)
        self.deals[row.uid] = row
        for person, _ in row.roles:
            self.deals_of_person[person].add(row.uid)
        for company in row.companies:
            self.deals_of_company[company].add(row.uid)

    def has_won_deal(self, company: str) -> bool:
        """A live deal for the company in the won stage."""
        return any(
            (d := self.deals.get(uid)) is not None and d.live and d.stage == _WON
            for uid in self.deals_of_company.get(company, ())
        )

    # -- interactions --------------------------------------------------------------------

    def put_interaction(
        self, uid: str, at: float, kind: str | None, live: bool, parts: list[Participation]
    ) -> None:
        self.interactions.upsert(uid, at, kind, live, parts)

    def interactions_of(self, person: str) -> list[str]:
        """The uids of the interactions the person took part in."""
        row = self.people.get(person)
        if row is None:
            return []
        table = self.interactions
        return [table.uid_of(i) for i in table.of_person(row.index).tolist()]
