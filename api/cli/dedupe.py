"""``relgraph dedupe [--scan]``, ``dedupe merge | unmerge | dismiss``: review duplicates.

``relgraph dedupe`` lists the open duplicate candidates (after scanning the whole graph with
``--scan``); ``merge`` previews a merge and, with ``--apply``, does it through the same
reversible merge as the GraphQL API (:class:`api.services.commands.merges.MergeService`);
``unmerge`` undoes one; ``dismiss`` marks a pair as different people or companies, so that
it is never proposed again.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, TypeVar

import typer
from rich.table import Table
from rich.text import Text

from api.cli.console import console, fail_cleanly, run
from api.services.commands.merges import MergeService
from graph.config import GraphSettings
from graph.driver import GraphClient
from graph.reading.dedupe import DedupeGraph, OpenCandidate
from ingest.resolution.candidates import CandidateReport, find_candidates
from schema.errors import InvalidInput
from schema.reading.merges import FieldValue, MergeDone, MergeKind, MergePreview, UnmergeDone

__all__ = [
    "dedupe_app",
    "dismiss_pair",
    "list_candidates",
    "merge_records",
    "scan",
    "unmerge_records",
]

T = TypeVar("T")
_PLURAL = {MergeKind.PERSON: "people", MergeKind.COMPANY: "companies"}

dedupe_app = typer.Typer(
    help="Duplicate people and companies: review, merge (reversibly), unmerge, dismiss.",
    invoke_without_command=True,
)


async def _with_client(graph: GraphSettings, use: Callable[[GraphClient], Awaitable[T]]) -> T:
    client = GraphClient.from_settings(graph)
    try:
        return await use(client)
    finally:
        await client.close()


async def scan(
    graph: GraphSettings, kinds: tuple[MergeKind, ...], min_score: float
) -> CandidateReport:
    """Search the whole graph for duplicates of ``kinds`` and store the candidates."""
    return await _with_client(
        graph, lambda c: find_candidates(c, uids=None, min_score=min_score, kinds=kinds)
    )


async def list_candidates(
    graph: GraphSettings, kinds: tuple[MergeKind, ...], min_score: float, limit: int
) -> list[OpenCandidate]:
    """The open candidates of ``kinds``, best first, at most ``limit`` of each kind."""

    async def use(client: GraphClient) -> list[OpenCandidate]:
        found: list[OpenCandidate] = []
        for kind in kinds:
            found += await DedupeGraph(client).open_candidates(
                kind, min_score=min_score, limit=limit
            )
        return found

    return await _with_client(graph, use)


async def merge_records(
    graph: GraphSettings, survivor_uid: str, merged_uid: str, *, apply: bool
) -> MergePreview | MergeDone:
    """Preview (or, with ``apply``, do) the merge of ``merged_uid`` into ``survivor_uid``;
    both must be people or both companies."""

    async def use(client: GraphClient) -> MergePreview | MergeDone:
        kinds = await DedupeGraph(client).kinds([survivor_uid, merged_uid])
        for uid, field in ((survivor_uid, "survivor_uid"), (merged_uid, "merged_uid")):
            if kinds.get(uid) is None:
                raise InvalidInput(f"No person or company has the uid {uid!r}.", field=field)
        kind = kinds[survivor_uid]
        if kind is None or kinds[merged_uid] is not kind:
            raise InvalidInput("A person and a company cannot be merged.", field="merged_uid")
        return await MergeService(client).merge(kind, survivor_uid, merged_uid, dry_run=not apply)

    return await _with_client(graph, use)


async def unmerge_records(graph: GraphSettings, merge_id: str) -> UnmergeDone:
    """Undo the merge ``merge_id``."""
    return await _with_client(graph, lambda c: MergeService(c).unmerge(merge_id))


async def dismiss_pair(graph: GraphSettings, uid_a: str, uid_b: str) -> MergeKind:
    """Mark two records as not duplicates; returns their kind."""
    return await _with_client(graph, lambda c: DedupeGraph(c).dismiss(uid_a, uid_b))


def _print_scan(report: CandidateReport) -> None:
    console.print(
        f"Scanned {report.records:,} records and scored {report.pairs:,} pairs: "
        f"{len(report.candidates):,} candidates ({report.stored.created:,} new, "
        f"{report.stored.updated:,} refreshed; {report.stored.dismissed:,} dismissed pairs "
        "left alone).",
        markup=False,
    )
    if report.skipped_blocks:
        shown = ", ".join(
            f"{b.via} {b.key} ({b.size} {_PLURAL[b.kind]})" for b in report.skipped_blocks[:5]
        )
        more = len(report.skipped_blocks) - 5
        console.print(
            f"Skipped {len(report.skipped_blocks)} blocks too large to compare: {shown}"
            + (f" and {more} more." if more > 0 else "."),
            markup=False,
        )


def _print_candidates(kind: MergeKind, found: list[OpenCandidate], limit: int) -> None:
    if not found:
        console.print(f"No open duplicate {_PLURAL[kind]}.")
        return
    table = Table(
        title=f"Possible duplicate {_PLURAL[kind]}"
        + (f" (best {limit})" if len(found) == limit else "")
    )
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("record A", overflow="fold")
    table.add_column("record B", overflow="fold")
    table.add_column("reasons", overflow="fold")
    for c in found:
        table.add_row(  # Text: names and reasons are data, never markup
            f"{c.score:.2f}",
            Text(f"{c.a_name}\n{c.a_uid}"),
            Text(f"{c.b_name}\n{c.b_uid}"),
            Text("; ".join(c.reasons)),
        )
    console.print(table)


@dedupe_app.callback()
def candidates(
    ctx: typer.Context,
    type: Annotated[
        MergeKind | None, typer.Option("--type", help="Only people, or only companies.")
    ] = None,
    min_score: Annotated[
        float, typer.Option(min=0.0, max=1.0, help="Leave out candidates scoring lower.")
    ] = 0.8,
    scan_all: Annotated[
        bool, typer.Option("--scan", help="Search the whole graph for duplicates first.")
    ] = False,
    limit: Annotated[int, typer.Option(min=1, help="Show at most this many of each type.")] = 50,
) -> None:
    """List the open duplicate candidates, best first (after a full --scan if asked)."""
    if ctx.invoked_subcommand is not None:
        return
    graph = GraphSettings.from_env()
    kinds = (type,) if type is not None else (MergeKind.PERSON, MergeKind.COMPANY)
    with fail_cleanly():
        if scan_all:
            _print_scan(run(scan(graph, kinds, min_score)))
        found = run(list_candidates(graph, kinds, min_score, limit))
    for kind in kinds:
        _print_candidates(kind, [c for c in found if c.kind is kind], limit)


def _shown(value: FieldValue) -> str:
    if value is None or value == ():
        return "-"
    if isinstance(value, tuple):
        return ", ".join(value)
    return str(value)


def _print_preview(preview: MergePreview) -> None:
    survivor, merged = preview.survivor, preview.merged
    console.print(f"Merging {merged.uid} into {survivor.uid} ({preview.kind.value}):", markup=False)
    fields = Table(title="Fields")
    for column in ("field", "survivor", "merged", "after the merge"):
        fields.add_column(column, overflow="fold")
    for change in preview.fields:
        result = _shown(change.result)
        fields.add_row(
            change.field,
            Text(_shown(change.survivor)),
            Text(_shown(change.merged)),
            Text(f"{result} (changed)", style="bold") if change.changed else Text(result),
        )
    console.print(fields)
    links = Table(title="Relationships of the merged record")
    for column in ("type", "direction", "moved", "dropped"):
        links.add_column(column, justify="right" if column in ("moved", "dropped") else "left")
    for group in preview.relationships:
        links.add_row(group.type.value, group.direction.value, str(group.moved), str(group.dropped))
    console.print(links)
    for warning in preview.warnings:
        console.print(Text("warning: ", style="yellow") + Text(warning.message))
    console.print("Dry run: nothing was written. Add --apply to merge.")


@dedupe_app.command()
def merge(
    survivor_uid: Annotated[str, typer.Argument(help="The record that stays.")],
    merged_uid: Annotated[str, typer.Argument(help="The duplicate folded into it.")],
    apply: Annotated[
        bool, typer.Option("--apply", help="Merge; without it, only preview.")
    ] = False,
) -> None:
    """Preview the merge of MERGED_UID into SURVIVOR_UID; merge with --apply (reversible)."""
    graph = GraphSettings.from_env()
    with fail_cleanly():
        outcome = run(merge_records(graph, survivor_uid, merged_uid, apply=apply))
    if isinstance(outcome, MergePreview):
        _print_preview(outcome)
        return
    console.print(
        f"Merged {outcome.merged.uid} into {outcome.survivor.uid}: merge id {outcome.merge_id}",
        markup=False,
    )
    console.print(f"Undo with: relgraph dedupe unmerge {outcome.merge_id}", markup=False)


@dedupe_app.command()
def unmerge(merge_id: Annotated[str, typer.Argument(help="The id a merge printed.")]) -> None:
    """Undo a merge: both records as they were before it."""
    graph = GraphSettings.from_env()
    with fail_cleanly():
        done = run(unmerge_records(graph, merge_id))
    console.print(
        f"Unmerged {done.restored.uid} from {done.survivor.uid}: "
        f"{done.relationships_restored} relationships restored, "
        f"{done.relationships_not_restored} not restored.",
        markup=False,
    )


@dedupe_app.command()
def dismiss(
    uid_a: Annotated[str, typer.Argument(help="One record of the pair.")],
    uid_b: Annotated[str, typer.Argument(help="The other record.")],
) -> None:
    """Mark two records as different: the pair is never proposed again."""
    graph = GraphSettings.from_env()
    with fail_cleanly():
        kind = run(dismiss_pair(graph, uid_a, uid_b))
    console.print(
        f"Dismissed: {uid_a} and {uid_b} are different {_PLURAL[kind]}; "
        "they will not be proposed again.",
        markup=False,
    )
