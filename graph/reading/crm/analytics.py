"""Full-text search over people, companies and deals; pipeline sums."""

from __future__ import annotations

import re
from collections.abc import Sequence

from graph.driver import GraphClient
from graph.queries import analytics
from schema.enums import DealStage, Label
from schema.reading.analytics import PipelineRow, SearchHit

__all__ = ["AnalyticsReader", "lucene_query"]

_TOKEN = re.compile(r"\w+", re.UNICODE)
_CJK = re.compile(r"[\u3400-\u9fff]")


def lucene_query(text: str) -> str:
    """A safe, typo-tolerant Lucene query for free text: every word must match, as itself,
    as a prefix, or (words of 4+ letters) within one edit.

    Only word characters survive, so no Lucene syntax from the user reaches the index.

    >>> lucene_query("Acme  inc!")
    '(acme OR acme* OR acme~1) AND (inc OR inc*)'
    >>> lucene_query("华信科技")
    '"华信科技"'
    >>> lucene_query("  ")
    ''
    """
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    if any(_CJK.search(t) for t in tokens):
        return '"' + " ".join(tokens) + '"'  # CJK is indexed per character: match the phrase
    clauses = []
    for token in tokens:
        options = [token, token + "*"] + ([token + "~1"] if len(token) >= 4 else [])
        clauses.append("(" + " OR ".join(options) + ")")
    return " AND ".join(clauses)


class AnalyticsReader:
    """Search hits and pipeline rows."""

    def __init__(self, client: GraphClient) -> None:
        self.client = client

    async def search(self, text: str, *, labels: Sequence[Label], limit: int) -> list[SearchHit]:
        """The best ``limit`` matches of ``text`` among the given labels, best first."""
        query = lucene_query(text)
        if not query:
            return []
        rows = await self.client.read(
            analytics.SEARCH,
            {
                "query": query,
                "labels": [label.value for label in labels],
                "limit": limit,
                "scan": limit * 5 + 50,
            },
        )
        return [
            SearchHit(label=Label(r["label"]), uid=str(r["uid"]), score=float(r["score"]))
            for r in rows
        ]

    async def pipeline(self, *, owner_uid: str | None) -> list[PipelineRow]:
        """Deal counts and sums per stage, currency, owner and close month."""
        rows = await self.client.read(analytics.PIPELINE_ROWS, {"owner_uid": owner_uid})
        return [
            PipelineRow(
                stage=DealStage(r["stage"]),
                currency=r["currency"],
                owner_uid=r["owner_uid"],
                close_month=r["close_month"],
                count=int(r["count"]),
                total=float(r["total"]),
                weighted=float(r["weighted"]),
            )
            for r in rows
        ]
