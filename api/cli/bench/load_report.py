"""The printed report of ``relgraph bench load``: per level of concurrency, throughput and
its ratio to one client, latencies, errors, the server's memory and the CPU it took; then
the latencies of each operation per level.

Examples
--------
>>> _cores(3.0, 2.0), _cores(None, 2.0), _share(0.876)
('1.50', '?', '88%')
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table

from api.cli.bench.load_clients import LevelRun
from api.cli.bench.machine import mib
from api.cli.bench.report import percentile, report_console, times

__all__ = ["print_levels"]


def _cores(seconds: float | None, elapsed: float) -> str:
    return "?" if seconds is None or elapsed <= 0 else f"{seconds / elapsed:.2f}"


def _share(share: float | None) -> str:
    return "?" if share is None else f"{share:.0%}"


def _latencies(seconds: Sequence[float]) -> list[str]:
    return [f"{percentile(seconds, p):.3f}" for p in (0.50, 0.95, 0.99)]


def _errors(run: LevelRun) -> str:
    found = run.errors
    return ", ".join(f"{code} {n:,}" for code, n in found.most_common()) or "none"


def _summary(runs: Sequence[LevelRun], title: str) -> Table:
    base = next((r for r in runs if r.clients == 1), runs[0])
    table = Table(title=title)
    columns = ["clients", "requests", "errors", "req/s", f"vs {base.clients} client"]
    columns += ["p50 s", "p95 s", "p99 s", "server RSS MiB peak", "machine CPU busy"]
    columns += ["API CPU cores", "bench clients CPU cores"]
    for column in columns:
        table.add_column(column, justify="right")
    for r in runs:
        seconds = [s for stats in r.operations.values() for s in stats.seconds]
        table.add_row(
            str(r.clients),
            f"{r.requests:,}",
            f"{sum(r.errors.values()):,}",
            f"{r.throughput:,.1f}",
            times(r.throughput, base.throughput),
            *_latencies(seconds),
            mib(r.server_rss_peak),
            _share(r.usage.machine_busy),
            _cores(r.usage.server_cpu, r.elapsed),
            _cores(r.usage.client_cpu, r.elapsed),
        )
    return table


def _per_operation(runs: Sequence[LevelRun]) -> Table:
    table = Table(title="Per operation (seconds per request)")
    table.add_column("operation")
    for column in ("clients", "requests", "errors", "req/s", "p50 s", "p95 s", "p99 s"):
        table.add_column(column, justify="right")
    for name in runs[0].operations:
        for r in runs:
            stats = r.operations[name]
            table.add_row(
                name,
                str(r.clients),
                f"{len(stats.seconds):,}",
                f"{sum(stats.errors.values()):,}",
                f"{len(stats.seconds) / r.elapsed:,.1f}" if r.elapsed > 0 else "-",
                *_latencies(stats.seconds),
            )
        table.add_section()
    return table


def print_levels(runs: Sequence[LevelRun], *, seconds: float, workers: int) -> None:
    """Print the summary per level, the errors by code, and the per-operation table."""
    if not runs:
        return
    out = report_console()
    title = (
        f"Load: C concurrent clients for {seconds:g} s each, the same operation mix, "
        f"one uvicorn server with {workers} worker{'s' if workers > 1 else ''}"
    )
    out.print(_summary(runs, title))
    for r in runs:
        out.print(
            f"errors with {r.clients} client{'s' if r.clients > 1 else ''}: {_errors(r)}; "
            f"{r.elapsed:.1f} s until the last request ended; server RSS at the end "
            f"{mib(r.server_rss_end)} MiB"
        )
    out.print(_per_operation(runs))
