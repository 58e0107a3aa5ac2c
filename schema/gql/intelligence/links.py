"""GraphQL types of hidden account links and communities of related accounts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Annotated

import strawberry

from schema.enums import EmploymentRole, HiddenLinkKind
from schema.errors import InvalidInput
from schema.gql.context import HasLinks
from schema.gql.crm import Company, Person
from schema.gql.results import NotFound
from schema.reading.links import CommunityFacts, EvidenceFacts, LinkFacts, TenureFacts

__all__ = [
    "AccountCommunity",
    "HiddenLinkKind",
    "HiddenLinkType",
    "HiddenLinks",
    "HiddenLinksResult",
    "LinkEvidenceType",
    "LinkScore",
    "LinkTenure",
    "TopHiddenLinks",
]

strawberry.enum(HiddenLinkKind, name="HiddenLinkKind", description="Why two companies are linked.")

Info = strawberry.Info[HasLinks, None]
_MAX_FIRST = 100


def _first(first: int) -> int:
    if not 1 <= first <= _MAX_FIRST:
        raise InvalidInput(f"first must be between 1 and {_MAX_FIRST}", field="first")
    return first


async def _company(info: Info, uid: str | None) -> Company | None:
    found = await info.context.loaders.company.load(uid) if uid else None
    return Company.from_model(found) if found else None


@strawberry.type(description="A person's tenure at one of the two linked companies.")
class LinkTenure:
    role: EmploymentRole
    title: str | None
    start: date | None
    end: date | None
    company_uid: strawberry.Private[str]

    @strawberry.field(description="True while the tenure has no end date.")
    def is_current(self) -> bool:
        return self.end is None

    @strawberry.field
    async def company(self, info: Info) -> Company | None:
        return await _company(info, self.company_uid)

    @classmethod
    def from_model(cls, t: TenureFacts) -> LinkTenure:
        return cls(role=t.role, title=t.title, start=t.start, end=t.end, company_uid=t.company_uid)


@strawberry.type(description="A named score of a piece of evidence (nameSimilarity, jaccard, ...).")
class LinkScore:
    name: str
    value: float


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(word.title() for word in rest)


@strawberry.type(name="LinkEvidence", description="One piece of evidence behind a hidden link.")
class LinkEvidenceType:
    description: str
    weight: float = strawberry.field(description="The chance (0..1) this piece adds.")
    value: str | None = strawberry.field(description="The shared domain, address or phone.")
    shared_by: int | None = strawberry.field(description="How many companies share the identifier.")
    tenures: list[LinkTenure] = strawberry.field(
        description="The person's tenures at the two companies, oldest first."
    )
    scores: list[LinkScore]
    person_uid: strawberry.Private[str | None]
    company_uid: strawberry.Private[str | None]

    @strawberry.field(description="The person who links the two companies.")
    async def person(self, info: Info) -> Person | None:
        found = await info.context.loaders.person.load(self.person_uid) if self.person_uid else None
        return Person.from_model(found) if found else None

    @strawberry.field(
        description="The common parent (family), the family member an identifier is shared "
        "with, or a neighbour both interact with."
    )
    async def company(self, info: Info) -> Company | None:
        return await _company(info, self.company_uid)

    @classmethod
    def from_model(cls, e: EvidenceFacts) -> LinkEvidenceType:
        return cls(
            description=e.description,
            weight=e.weight,
            value=e.value,
            shared_by=e.shared_by,
            tenures=[LinkTenure.from_model(t) for t in e.tenures],
            scores=[LinkScore(name=_camel(n), value=v) for n, v in e.scores],
            person_uid=e.person_uid,
            company_uid=e.company_uid,
        )


@strawberry.type(
    name="HiddenLink",
    description="A typed link between two companies, with its confidence and evidence.",
)
class HiddenLinkType:
    kind: HiddenLinkKind
    confidence: float = strawberry.field(description="0..1, by the published rule of its kind.")
    reason: str
    evidence: list[LinkEvidenceType] = strawberry.field(description="The strongest evidence first.")
    evidence_count: int = strawberry.field(description="How much evidence there is in all.")
    company_uid: strawberry.Private[str]
    other_uid: strawberry.Private[str]

    @strawberry.field(description="The company asked about (hiddenLinks), or the first one.")
    async def company(self, info: Info) -> Company | None:
        return await _company(info, self.company_uid)

    @strawberry.field(description="The company at the other end.")
    async def other_company(self, info: Info) -> Company | None:
        return await _company(info, self.other_uid)

    @classmethod
    def from_model(cls, link: LinkFacts, *, seen_from: str | None = None) -> HiddenLinkType:
        here = seen_from if seen_from in (link.company_a, link.company_b) else link.company_a
        other = link.company_b if here == link.company_a else link.company_a
        return cls(
            kind=link.kind,
            confidence=link.confidence,
            reason=link.reason,
            evidence=[LinkEvidenceType.from_model(e) for e in link.evidence],
            evidence_count=link.evidence_count,
            company_uid=here,
            other_uid=other,
        )


@strawberry.type(description="A community of related accounts (Louvain over hidden links).")
class AccountCommunity:
    id: int = strawberry.field(description="0 for the largest community, then by size.")
    size: int
    modularity: float = strawberry.field(
        description="Modularity of the whole partition into communities."
    )
    member_uids: strawberry.Private[tuple[str, ...]]
    link_facts: strawberry.Private[tuple[LinkFacts, ...]]

    @strawberry.field(description="Members, the most connected inside the community first.")
    async def members(self, info: Info, first: int = 10) -> list[Company]:
        uids = list(self.member_uids[: _first(first)])
        found = await info.context.loaders.company.load_many(uids)
        return [Company.from_model(c) for c in found if c is not None]

    @strawberry.field(description="The strongest links that hold the community together.")
    def links(self, first: int = 10) -> list[HiddenLinkType]:
        return [HiddenLinkType.from_model(link) for link in self.link_facts[: _first(first)]]

    @classmethod
    def from_model(cls, c: CommunityFacts) -> AccountCommunity:
        return cls(
            id=c.id,
            size=c.size,
            modularity=c.modularity,
            member_uids=tuple(c.member_uids),
            link_facts=tuple(c.links),
        )


async def community_of(info: Info, company_uid: str) -> AccountCommunity | None:
    """The community of an account, through the request context."""
    found = await info.context.links.community_of(company_uid)
    return AccountCommunity.from_model(found) if found else None


@strawberry.type(description="One company's hidden links, best first.")
class HiddenLinks:
    links: list[HiddenLinkType]
    total_count: int = strawberry.field(description="Links that passed the filters, in all.")
    company_uid: strawberry.Private[str]

    @strawberry.field
    async def company(self, info: Info) -> Company | None:
        return await _company(info, self.company_uid)

    @strawberry.field(description="The company's community of related accounts, if any.")
    async def community(self, info: Info) -> AccountCommunity | None:
        return await community_of(info, self.company_uid)

    @classmethod
    def from_model(cls, company_uid: str, links: Sequence[LinkFacts], total: int) -> HiddenLinks:
        return cls(
            links=[HiddenLinkType.from_model(link, seen_from=company_uid) for link in links],
            total_count=total,
            company_uid=company_uid,
        )


@strawberry.type(description="The strongest hidden links across all accounts.")
class TopHiddenLinks:
    links: list[HiddenLinkType]
    total_count: int = strawberry.field(description="Links that passed the filters, in all.")


HiddenLinksResult = Annotated[HiddenLinks | NotFound, strawberry.union("HiddenLinksResult")]
