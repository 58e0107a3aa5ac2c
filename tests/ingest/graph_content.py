"""The content of the graph, independent of internal ids and timestamps: what two imports
must agree on when one was interrupted and re-run and the other was not."""

from __future__ import annotations

import json
from typing import Any

from graph.driver import GraphClient

__all__ = ["TIMESTAMPS", "graph_content", "label_counts"]

TIMESTAMPS = frozenset({"created_at", "updated_at", "computed_at", "import_file", "import_line"})

_IDENTITY = "coalesce(n.uid, n.key, n.name, n.number, n.id)"


def _clean(props: dict[str, Any]) -> str:
    return json.dumps(
        {k: v for k, v in props.items() if k not in TIMESTAMPS}, default=repr, sort_keys=True
    )


async def graph_content(client: GraphClient) -> tuple[list[str], list[str]]:
    """Every node (labels, identity, properties) and relationship (type, endpoints by
    identity, properties), sorted; import runs, the change feed and timestamps left out."""
    nodes = await client.read(
        f"MATCH (n) WHERE NOT (n:ImportRun OR n:RelgraphMigration OR n:Change OR n:ChangeCounter) "
        f"RETURN labels(n) AS labels, {_IDENTITY} AS id, properties(n) AS props"
    )
    rels = await client.read(
        "MATCH (a)-[r]->(b) "
        "RETURN type(r) AS type, coalesce(a.uid, a.key, a.name, a.number) AS a, "
        "coalesce(b.uid, b.key, b.name, b.number) AS b, properties(r) AS props"
    )
    return (
        sorted(f"{sorted(n['labels'])}|{n['id']}|{_clean(n['props'])}" for n in nodes),
        sorted(f"{r['type']}|{r['a']}|{r['b']}|{_clean(r['props'])}" for r in rels),
    )


async def label_counts(client: GraphClient) -> dict[str, int]:
    """How many nodes carry each label, and relationships each type (``:TYPE``); import
    runs and the change feed left out."""
    nodes = await client.read(
        "MATCH (n) WHERE NOT (n:RelgraphMigration OR n:ImportRun OR n:Change OR n:ChangeCounter) "
        "RETURN labels(n)[0] AS label, count(*) AS n"
    )
    rels = await client.read("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n")
    counts = {str(r["label"]): int(r["n"]) for r in nodes}
    counts.update({f":{r['type']}": int(r["n"]) for r in rels})
    return counts
