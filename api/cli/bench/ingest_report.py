"""The printed report of ``relgraph bench ingest``: loads, ratios, time per file, what each
graph holds, and the row-at-a-time sample."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rich.table import Table

from api.cli.bench.report import report_console
from schema.enums import Label, RelType
from schema.reading.stats import GraphStats

__all__ = ["BASELINE", "IMPORTER", "LAST_FILE", "LoadRun", "RowAtATime", "print_report"]

BASELINE, IMPORTER = "baseline", "importer"
LAST_FILE = "interactions.csv"
"""The last template file; the parent and manager links written after it count with it."""

_BOOKKEEPING = {Label.EXTERNAL_ID.value, Label.IMPORT_RUN.value, RelType.IDENTIFIES.value}
_BUSINESS = (
    *(x.value for x in (Label.COMPANY, Label.PERSON, Label.DEAL, Label.INTERACTION)),
    *(t.value for t in (RelType.WORKS_AT, RelType.REPORTS_TO, RelType.SUBSIDIARY_OF)),
    *(t.value for t in (RelType.PARTICIPATED_IN, RelType.INVOLVED_IN, RelType.OWNS)),
    *(t.value for t in (RelType.FOR, RelType.ABOUT)),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class LoadRun:
    """One timed load and the graph it left."""

    loader: str
    round: int
    seconds: float
    rows: int
    stats: GraphStats
    phases: dict[str, float]
    in_queries: dict[str, float]
    queries: int
    rejected: int = 0

    @property
    def nodes(self) -> int:
        return sum(n for k, n in self.stats.nodes.items() if k not in _BOOKKEEPING)

    @property
    def relationships(self) -> int:
        return sum(n for k, n in self.stats.relationships.items() if k not in _BOOKKEEPING)


@dataclass(frozen=True, slots=True, kw_only=True)
class RowAtATime:
    """The row-at-a-time measurement and the same rows batched."""

    rows: int
    relationships: int
    one_by_one: float
    batched: float


def _rate(count: int, seconds: float) -> str:
    return f"{count / seconds:,.0f}" if seconds > 0 else "-"


def _ratio(numerator: float, denominator: float) -> str:
    return f"{numerator / denominator:.2f}" if denominator > 0 else "-"


def _print_runs(runs: Sequence[LoadRun]) -> None:
    table = Table(title="Loads (same server, same data, each from an empty migrated graph)")
    for column in ("loader", "round", "seconds", "nodes", "relationships"):
        table.add_column(column, justify="left" if column == "loader" else "right")
    for column in ("nodes/s", "relationships/s", "rows/s", "in queries (s)", "queries"):
        table.add_column(column, justify="right")
    for r in runs:
        table.add_row(
            r.loader,
            str(r.round),
            f"{r.seconds:.1f}",
            f"{r.nodes:,}",
            f"{r.relationships:,}",
            _rate(r.nodes, r.seconds),
            _rate(r.relationships, r.seconds),
            _rate(r.rows, r.seconds),
            f"{sum(r.in_queries.values()):.1f}",
            f"{r.queries:,}",
        )
    report_console().print(table)


def _ratio_line(label: str, baseline: Sequence[LoadRun], importer: Sequence[LoadRun]) -> str:
    b_s, i_s = sum(r.seconds for r in baseline), sum(r.seconds for r in importer)
    b_rows, i_rows = sum(r.rows for r in baseline), sum(r.rows for r in importer)
    b_rel = sum(r.relationships for r in baseline)
    i_rel = sum(r.relationships for r in importer)
    return (
        f"ratio importer/baseline, {label}: rows/s {_ratio(i_rows / i_s, b_rows / b_s)}, "
        f"relationships/s {_ratio(i_rel / i_s, b_rel / b_s)} (goal: rows/s at least 0.80)"
    )


def _print_ratios(runs: Sequence[LoadRun]) -> None:
    rounds = sorted({r.round for r in runs})
    for round_ in rounds:
        baseline = [r for r in runs if r.round == round_ and r.loader == BASELINE]
        importer = [r for r in runs if r.round == round_ and r.loader == IMPORTER]
        report_console().print(_ratio_line(f"round {round_}", baseline, importer))
    if len(rounds) > 1:
        baseline = [r for r in runs if r.loader == BASELINE]
        importer = [r for r in runs if r.loader == IMPORTER]
        report_console().print(_ratio_line("all rounds (total time)", baseline, importer))


def _summed(runs: Sequence[LoadRun], loader: str, attribute: str) -> dict[str, float]:
    totals: defaultdict[str, float] = defaultdict(float)
    for run_ in runs:
        if run_.loader == loader:
            for name, seconds in getattr(run_, attribute).items():
                totals[name] += seconds
    return totals


def _print_files(runs: Sequence[LoadRun], rows: dict[str, int]) -> None:
    rounds = len({r.round for r in runs})
    walls = {loader: _summed(runs, loader, "phases") for loader in (BASELINE, IMPORTER)}
    inside = {loader: _summed(runs, loader, "in_queries") for loader in (BASELINE, IMPORTER)}
    title = "Per file" + (f" (seconds summed over {rounds} rounds)" if rounds > 1 else "")
    table = Table(
        title=title,
        caption=(
            "in queries: seconds inside the client's query calls (sending a batch, Neo4j's "
            "work, the results); the rest is reading, validation and batching in Python. "
            "The importer writes a file's last partial batch when a later file needs it, "
            "so the split between files is approximate."
        ),
    )
    table.add_column("file")
    for column in ("rows", "baseline s", "in queries", "importer s", "in queries"):
        table.add_column(column, justify="right")
    for column in ("baseline rows/s", "importer rows/s", "importer/baseline"):
        table.add_column(column, justify="right")
    for name, count in rows.items():
        b, i = walls[BASELINE].get(name, 0.0), walls[IMPORTER].get(name, 0.0)
        table.add_row(
            name + (" + parent/manager links" if name == LAST_FILE else ""),
            f"{count:,}",
            f"{b:.1f}",
            f"{inside[BASELINE].get(name, 0.0):.1f}",
            f"{i:.1f}",
            f"{inside[IMPORTER].get(name, 0.0):.1f}",
            _rate(count * rounds, b),
            _rate(count * rounds, i),
            _ratio(b, i),
        )
    report_console().print(table)


def _print_counts(runs: Sequence[LoadRun]) -> None:
    baseline = next(r for r in runs if r.loader == BASELINE).stats
    importer = next(r for r in runs if r.loader == IMPORTER).stats
    table = Table(title="What each graph holds")
    table.add_column("label / type")
    table.add_column(BASELINE, justify="right")
    table.add_column(IMPORTER, justify="right")
    table.add_column("note")
    differs = []
    for counts_b, counts_i in (
        (baseline.nodes, importer.nodes),
        (baseline.relationships, importer.relationships),
    ):
        for key in counts_i:
            b, i = counts_b.get(key, 0), counts_i.get(key, 0)
            if key in _BOOKKEEPING or (b == 0 and i == 0):
                continue
            note = "" if b == i else ("differs" if key in _BUSINESS else "importer only")
            if b != i and key in _BUSINESS:
                differs.append(key)
            table.add_row(key, f"{b:,}", f"{i:,}", note)
    report_console().print(table)
    if differs:
        report_console().print(
            f"[yellow]warning:[/] the two graphs differ in {', '.join(differs)} "
            "(see the table above)"
        )


def _print_sample(sample: RowAtATime, batch_size: int) -> None:
    out = report_console()
    out.print(
        f"Row at a time (sample of {sample.rows:,} interactions, not extrapolated): one "
        f"transaction per row, {_rate(sample.rows, sample.one_by_one)} rows/s, "
        f"{_rate(sample.relationships, sample.one_by_one)} relationships/s "
        f"({sample.one_by_one:.1f} s)."
    )
    out.print(
        f"The same {sample.rows:,} rows in UNWIND batches of {batch_size:,}: "
        f"{_rate(sample.rows, sample.batched)} rows/s ({sample.batched:.2f} s); "
        f"row at a time is {_ratio(sample.one_by_one, sample.batched)}x slower."
    )


def print_report(
    runs: Sequence[LoadRun],
    rows: dict[str, int],
    sample: RowAtATime | None,
    *,
    batch_size: int,
) -> None:
    """Print every table and line of the report."""
    _print_runs(runs)
    _print_ratios(runs)
    _print_files(runs, rows)
    _print_counts(runs)
    if rejected := [r.rejected for r in runs if r.rejected]:
        report_console().print(
            f"[yellow]warning:[/] the importer rejected rows in some runs ({rejected})."
        )
    if sample is not None:
        _print_sample(sample, batch_size)
