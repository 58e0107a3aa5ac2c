"""What every ``relgraph bench`` command prints alike: a console wide enough for its tables,
the seconds of one side (:class:`Timing`), a table of sides, a table of reads side by side
(ours, plain Cypher, the ratio), and ratios as text.

Examples
--------
>>> ours, plain = Timing("ours"), Timing("plain")
>>> for seconds in (0.30, 0.10, 0.20):
...     ours.add(seconds, True, items=3)
...     plain.add(seconds / 10, True, items=3)
>>> ours.median, times(ours.median, plain.median)
(0.2, 'x10.0')
>>> comparison_table("demo", [Comparison("read", ours=ours, plain=plain)]).row_count
1
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

from rich.console import Console
from rich.table import Table

from api.cli.console import console

__all__ = [
    "Comparison",
    "Timing",
    "comparison_table",
    "percentile",
    "report_console",
    "times",
    "timings_table",
]


def report_console() -> Console:
    """The shared console on a terminal; in a log or a pipe, one wide enough for every
    column (a file has no width, and rich would squeeze the tables into 80 columns)."""
    if console.is_terminal:
        return console
    return Console(highlight=False, width=160)


def percentile(values: Sequence[float], share: float) -> float:
    """The value at ``share`` (0..1) of the sorted ``values`` (the nearest rank at or above;
    0.0 for no values).

    >>> percentile([4.0, 1.0, 3.0, 2.0], 0.5), percentile([1.0, 2.0], 0.99), percentile([], 0.5)
    (3.0, 2.0, 0.0)
    """
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def times(ours: float, other: float) -> str:
    """``ours`` as a multiple of ``other`` (``x2.50``, ``x12.5``, ``x617``); ``-`` when
    there is no finite ratio.

    >>> times(5.0, 2.0), times(25.0, 2.0), times(1234.0, 2.0), times(1.0, 0.0)
    ('x2.50', 'x12.5', 'x617', '-')
    """
    ratio = ours / other if other > 0 else math.nan
    if not math.isfinite(ratio):
        return "-"
    return f"x{ratio:.2f}" if ratio < 10 else f"x{ratio:.1f}" if ratio < 100 else f"x{ratio:,.0f}"


@dataclass(slots=True)
class Timing:
    """Seconds per call of one side, how many calls answered (found a path, returned the
    expected type) and how many items the last call brought back."""

    name: str
    seconds: list[float] = field(default_factory=list)
    found: int = 0
    items: int = 0

    def add(self, seconds: float, found: bool, *, items: int | None = None) -> None:
        self.seconds.append(seconds)
        self.found += found
        if items is not None:
            self.items = items

    @property
    def median(self) -> float:
        return statistics.median(self.seconds) if self.seconds else 0.0

    @property
    def p95(self) -> float:
        return percentile(self.seconds, 0.95)

    @property
    def total(self) -> float:
        return sum(self.seconds)


def timings_table(title: str, timings: Sequence[Timing], found: str) -> Table:
    """Median, p95 and total seconds per side, and how many calls answered."""
    table = Table(title=title)
    for column in ("side", "median s", "p95 s", "total s", found):
        table.add_column(column, justify="left" if column == "side" else "right")
    for t in timings:
        table.add_row(
            t.name,
            f"{t.median:.4f}",
            f"{t.p95:.4f}",
            f"{t.total:.2f}",
            f"{t.found}/{len(t.seconds)}",
        )
    return table


@dataclass(frozen=True, slots=True)
class Comparison:
    """One read measured on both sides: ours (through the API), the plain Cypher, and
    optionally ours again with the app's result cache kept (a repeated question)."""

    name: str
    ours: Timing
    plain: Timing
    cached: Timing | None = None


def comparison_table(
    title: str, comparisons: Sequence[Comparison], *, caption: str | None = None
) -> Table:
    """One row per read: both medians and their ratio (plus the cached call's, when
    measured), both p95s, how many calls answered and the items of each side's last call."""
    cached = any(c.cached is not None for c in comparisons)
    table = Table(title=title, caption=caption)
    table.add_column("read", no_wrap=True)
    columns = ["ours median s"] + (["cached median s"] if cached else [])
    columns += ["Cypher median s", "ours / Cypher"] + (["cached / Cypher"] if cached else [])
    columns += ["ours p95 s", "Cypher p95 s", "answered ours, Cypher", "items ours / Cypher"]
    for column in columns:
        table.add_column(column, justify="right")
    for c in comparisons:
        row = [c.name, f"{c.ours.median:.4f}"]
        if cached:
            row.append(f"{c.cached.median:.4f}" if c.cached else "-")
        row += [f"{c.plain.median:.4f}", times(c.ours.median, c.plain.median)]
        if cached:
            row.append(times(c.cached.median, c.plain.median) if c.cached else "-")
        row += [
            f"{c.ours.p95:.4f}",
            f"{c.plain.p95:.4f}",
            f"{c.ours.found}/{len(c.ours.seconds)}, {c.plain.found}/{len(c.plain.seconds)}",
            f"{c.ours.items:,} / {c.plain.items:,}",
        ]
        table.add_row(*row)
    return table
