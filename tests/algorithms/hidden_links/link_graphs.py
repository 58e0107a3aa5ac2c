"""Hand-built projected company graphs, in the vocabulary of ``algorithms.hidden_links``, and
the algorithm run on them with the application's name scorer."""

from __future__ import annotations

from datetime import date
from typing import Any

import networkx as nx

from algorithms.hidden_links import HiddenLink, hidden_links
from schema.enums import EmploymentRole, HiddenLinkKind, Label, RelType
from schema.model import Employment, Provenance
from schema.names import company_name_similarity

AS_OF = date(2026, 6, 30)
_IDENTIFIED_BY = {
    Label.DOMAIN: RelType.HAS_DOMAIN,
    Label.ADDRESS: RelType.LOCATED_AT,
    Label.PHONE: RelType.HAS_PHONE,
}


class LinkGraph:
    """Builds the projected graph one fact at a time."""

    def __init__(self) -> None:
        self.G = nx.MultiGraph()

    def company(self, uid: str, name: str | None = None, **attrs: Any) -> LinkGraph:
        name = name or uid.title()
        attrs.setdefault("name_key", name.casefold())
        self.G.add_node(uid, label=Label.COMPANY, name=name, **attrs)
        return self

    def companies(self, *uids: str) -> LinkGraph:
        for uid in uids:
            self.company(uid)
        return self

    def job(
        self,
        person: str,
        company: str,
        *,
        role: EmploymentRole = EmploymentRole.EMPLOYEE,
        start: date | None = date(2020, 1, 1),
        end: date | None = None,
        title: str | None = None,
    ) -> LinkGraph:
        if person not in self.G:
            self.G.add_node(person, label=Label.PERSON, name=person.title())
        if company not in self.G:
            self.company(company)
        tenure = Employment(
            person_uid=person,
            company_uid=company,
            provenance=Provenance(source="test", source_id=f"{person}@{company}"),
            role=role,
            start=start,
            end=end,
            title=title,
        )
        data = self.G.get_edge_data(person, company, key=RelType.WORKS_AT)
        tenures = (*data["tenures"], tenure) if data else (tenure,)
        self.G.add_edge(person, company, key=RelType.WORKS_AT, tenures=tenures)
        return self

    def identifier(self, label: Label, value: str, *companies: str, **attrs: Any) -> LinkGraph:
        node = f"{label.value}:{value}"
        self.G.add_node(node, label=label, value=value, **attrs)
        for company in companies:
            if company not in self.G:
                self.company(company)
            self.G.add_edge(company, node, key=_IDENTIFIED_BY[label])
        return self

    def parent(self, child: str, parent: str) -> LinkGraph:
        for uid in (child, parent):
            if uid not in self.G:
                self.company(uid)
        self.G.add_edge(child, parent, key=RelType.SUBSIDIARY_OF, child=child)
        return self

    def ties(self, a: str, b: str, strength: float = 0.5) -> LinkGraph:
        for uid in (a, b):
            if uid not in self.G:
                self.company(uid)
        self.G.add_edge(a, b, key=RelType.KNOWS, ties=1, strength=strength)
        return self

    def candidate(self, a: str, b: str, score: float, status: str = "open") -> LinkGraph:
        self.G.add_edge(
            a, b, key=RelType.POSSIBLE_DUPLICATE, score=score, status=status, reasons=("test",)
        )
        return self


def links_of(build: LinkGraph, **options: object) -> list[HiddenLink]:
    return hidden_links(
        build.G,
        as_of=AS_OF,
        name_score=company_name_similarity,
        **options,  # type: ignore[arg-type]
    )


def only(build: LinkGraph, kind: HiddenLinkKind, **options: object) -> HiddenLink:
    [link] = [link for link in links_of(build, **options) if link.kind is kind]
    return link
