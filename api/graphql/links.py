# mypy: disallow-untyped-decorators=False
"""Root fields of hidden account links: one company's, and the strongest across all."""

from __future__ import annotations

import strawberry
from strawberry import relay

from api.graphql.context import Info
from schema.gql.intelligence.links import (
    HiddenLinkKind,
    HiddenLinks,
    HiddenLinksResult,
    HiddenLinkType,
    TopHiddenLinks,
)
from schema.gql.results import NotFound

__all__ = ["LinksQuery"]


@strawberry.type
class LinksQuery:
    @strawberry.field(
        description="A company's hidden links to other companies, best first: shared people, "
        "former employees, board, advisor and investor seats, shared domain, address and "
        "phone, corporate family, likely duplicates and similar neighbourhoods, each with "
        "its confidence, reason and evidence; and the company's community."
    )
    async def hidden_links(
        self,
        info: Info,
        company_id: relay.GlobalID,
        min_confidence: float = 0.3,
        kinds: list[HiddenLinkKind] | None = None,
        first: int = 20,
    ) -> HiddenLinksResult:
        missing = NotFound(message="No company has this id.", field="companyId")
        if company_id.type_name != "Company":
            return missing
        found = await info.context.links.company_links(
            company_id.node_id, min_confidence=min_confidence, kinds=kinds, first=first
        )
        if found is None:
            return missing
        return HiddenLinks.from_model(found.company_uid, found.links, found.total)

    @strawberry.field(
        description="The strongest hidden links across all accounts, best first (both "
        "companies on each); the list keeps links of confidence 0.1 and more."
    )
    async def top_hidden_links(
        self,
        info: Info,
        first: int = 20,
        min_confidence: float = 0.5,
        kinds: list[HiddenLinkKind] | None = None,
    ) -> TopHiddenLinks:
        found = await info.context.links.top_links(
            first=first, min_confidence=min_confidence, kinds=kinds
        )
        return TopHiddenLinks(
            links=[HiddenLinkType.from_model(link) for link in found.links], total_count=found.total
        )
